package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"minutes/extract"
	"minutes/parse"
)

var testClock = func() time.Time { return time.Date(2026, 11, 26, 23, 0, 0, 0, time.UTC) }

// openTest opens a fresh database file in a temporary directory.
func openTest(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "minutes.db")
	db, err := Open(path, WithClock(testClock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// fullRecord reads testdata/full-record.json, a record that fills every field.
func fullRecord(t testing.TB) *parse.Record {
	t.Helper()
	b, err := os.ReadFile("testdata/full-record.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var rec parse.Record
	if err := dec.Decode(&rec); err != nil {
		t.Fatalf("testdata/full-record.json: %v", err)
	}
	return &rec
}

// withSHA returns a copy of rec (through JSON) with another sha256 and name.
func withSHA(t testing.TB, rec *parse.Record, sha, name string) *parse.Record {
	t.Helper()
	var c parse.Record
	if err := json.Unmarshal([]byte(jsonOf(t, rec)), &c); err != nil {
		t.Fatal(err)
	}
	c.Source.SHA256, c.Source.Name = sha, name
	return &c
}

func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameJSON fails the test with the first differing line when got and want marshal differently.
func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, w := jsonOf(t, got), jsonOf(t, want)
	if g == w {
		return
	}
	gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
	for i := 0; i < min(len(gl), len(wl)); i++ {
		if gl[i] != wl[i] {
			t.Fatalf("%s: JSON differs at line %d:\n got: %s\nwant: %s", what, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("%s: JSON differs in length: got %d lines, want %d", what, len(gl), len(wl))
}

// unset lists the fields of v's type (by path) that are zero in every instance within v: a
// field the fixture does not exercise, so a store bug there would go unseen.
func unset(v any) []string {
	set := map[string]bool{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if _, ok := set[path]; !ok {
			set[path] = false
		}
		if !v.IsZero() {
			set[path] = true
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(path+"[]", v.Index(i))
			}
			if v.Len() == 0 {
				walk(path+"[]", reflect.Zero(v.Type().Elem()))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(path+"{}", v.MapIndex(k))
			}
			if v.Len() == 0 {
				walk(path+"{}", reflect.Zero(v.Type().Elem()))
			}
		}
	}
	walk("Record", reflect.ValueOf(v).Elem())
	var out []string
	for p, ok := range set {
		if !ok {
			out = append(out, p)
		}
	}
	return out
}

func TestFullRecordFillsEveryField(t *testing.T) {
	if missing := unset(fullRecord(t)); len(missing) > 0 {
		t.Errorf("testdata/full-record.json leaves fields unset (add them there, and store them): %v", missing)
	}
}

func TestMigrationsApplyOnce(t *testing.T) {
	db, path := openTest(t)
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	read := func(db *DB) [][]string {
		_, rows, err := db.Query(`SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	first := read(db)
	if len(first) != len(ms) {
		t.Fatalf("schema_migrations has %d rows, want %d", len(first), len(ms))
	}
	db.Close()
	later := func() time.Time { return testClock().Add(time.Hour) }
	db2, err := Open(path, WithClock(later))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db2.Close()
	if again := read(db2); !reflect.DeepEqual(again, first) {
		t.Errorf("after reopen schema_migrations = %v, want %v (unchanged)", again, first)
	}
	var fk, mode string
	if _, rows, err := db2.Query(`PRAGMA foreign_keys`); err != nil || len(rows) != 1 {
		t.Fatalf("PRAGMA foreign_keys: %v %v", rows, err)
	} else {
		fk = rows[0][0]
	}
	if _, rows, err := db2.Query(`PRAGMA journal_mode`); err != nil || len(rows) != 1 {
		t.Fatalf("PRAGMA journal_mode: %v %v", rows, err)
	} else {
		mode = rows[0][0]
	}
	if fk != "1" || mode != "wal" {
		t.Errorf("foreign_keys = %s, journal_mode = %s; want 1, wal", fk, mode)
	}
}

func TestSaveExportFullRecord(t *testing.T) {
	db, _ := openTest(t)
	rec := fullRecord(t)
	out, err := db.Save("archive/cr-2023-12-15.txt", rec)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	if out != Added {
		t.Errorf("Save outcome = %v, want added", out)
	}
	got, err := db.ExportOne(rec.Source.SHA256)
	if err != nil {
		t.Fatalf("ExportOne: %v", err)
	}
	sameJSON(t, "ExportOne", got, rec)
	all, err := db.Export()
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	if len(all) != 1 {
		t.Fatalf("Export returned %d records, want 1", len(all))
	}
	sameJSON(t, "Export", all[0], rec)
	if _, err := db.ExportOne("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ExportOne(unknown) error = %v, want ErrNotFound", err)
	}
	status, version, ok, err := db.Lookup(rec.Source.SHA256)
	if err != nil || !ok || status != "loaded" || version != parse.Version {
		t.Errorf("Lookup = %q, %q, %v, %v; want loaded, %q, true, nil", status, version, ok, err, parse.Version)
	}
	if _, _, ok, err := db.Lookup("unknown"); ok || err != nil {
		t.Errorf("Lookup(unknown) = ok %v, err %v; want false, nil", ok, err)
	}
}

// TestSaveExportEmptyRecord checks the other end: a record with nothing but its source.
func TestSaveExportEmptyRecord(t *testing.T) {
	db, _ := openTest(t)
	rec := &parse.Record{Schema: parse.Schema, Source: parse.Source{Name: "empty.txt", SHA256: "e0", Format: "text", Pages: 1},
		People: []parse.Person{}, Attendance: []parse.Attendance{}, Proxies: []parse.Proxy{}, Agenda: []parse.AgendaItem{},
		Items: []parse.Item{}, Tables: []parse.Table{}, Diagnostics: []parse.Diagnostic{}}
	if _, err := db.Save("empty.txt", rec); err != nil {
		t.Fatal(err)
	}
	got, err := db.ExportOne("e0")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ExportOne", got, rec)
}

func TestExportOrder(t *testing.T) {
	db, _ := openTest(t)
	base := fullRecord(t)
	for i, c := range []struct{ sha, name, date string }{
		{"a1", "b.txt", "2024-01-01"}, {"a2", "a.txt", "2024-01-01"}, {"a3", "z.txt", "2020-05-05"}, {"a4", "undated.txt", ""},
	} {
		r := withSHA(t, base, c.sha, c.name)
		r.Meeting.Date = nil
		if c.date != "" {
			r.Meeting.Date = &c.date
		}
		if _, err := db.Save(fmt.Sprintf("p%d", i), r); err != nil {
			t.Fatal(err)
		}
	}
	all, err := db.Export()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range all {
		got = append(got, r.Source.Name)
	}
	want := []string{"undated.txt", "z.txt", "a.txt", "b.txt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Export order = %v, want %v", got, want)
	}
	stop := errors.New("stop")
	var each []string
	err = db.ExportEach(func(r *parse.Record) error {
		each = append(each, r.Source.Name)
		if len(each) == 2 {
			return stop
		}
		return nil
	})
	if err != stop || !reflect.DeepEqual(each, want[:2]) {
		t.Errorf("ExportEach stopped after %v with %v; want %v and the callback's error", each, err, want[:2])
	}
}

// tableCounts counts the rows of every table of the schema (and checks the FTS index).
func tableCounts(t *testing.T, db *DB) map[string]string {
	t.Helper()
	_, names, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
AND name NOT LIKE 'search_%' AND name NOT IN ('search', 'schema_migrations', 'runs') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]string{}
	for _, n := range names {
		_, rows, err := db.Query(`SELECT count(*) FROM "` + n[0] + `"`)
		if err != nil {
			t.Fatal(err)
		}
		counts[n[0]] = rows[0][0]
	}
	_, rows, err := db.Query(`SELECT count(*) FROM search_text`)
	if err != nil {
		t.Fatal(err)
	}
	counts["search_text"] = rows[0][0]
	if _, err := db.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS index corrupt: %v", err)
	}
	// A text left in the index by a missed delete shows in the number of indexed tokens.
	_, rows, err = db.Query(`SELECT coalesce(sum(cnt), 0) FROM search_vocab`)
	if err != nil {
		t.Fatal(err)
	}
	counts["indexed tokens"] = rows[0][0]
	if _, rows, err = db.Query(`PRAGMA foreign_key_check`); err != nil || len(rows) > 0 {
		t.Errorf("foreign_key_check = %v, %v; want no violation", rows, err)
	}
	return counts
}

func TestOutcomes(t *testing.T) {
	full := fullRecord(t)
	v1 := withSHA(t, full, "v1", "cr.txt")
	v2 := withSHA(t, full, "v2", "cr.txt")
	v2.Items = v2.Items[:1] // the edited file has fewer rows: replacing must drop the old ones
	v2.Tables = v2.Tables[1:]
	other := withSHA(t, full, "o1", "other.txt")
	type step struct {
		path string
		rec  *parse.Record
		opts []SaveOption
		want Outcome
	}
	for _, c := range []struct {
		name  string
		steps []step
		// docs and paths are the documents (sha) and locations (path=sha) at the end.
		docs, paths string
	}{
		{"first save", []step{{"a/cr.txt", v1, nil, Added}}, "v1", "a/cr.txt=v1"},
		{"same again", []step{{"a/cr.txt", v1, nil, Added}, {"a/cr.txt", v1, nil, Unchanged}}, "v1", "a/cr.txt=v1"},
		{"changed file at same path", []step{{"a/cr.txt", v1, nil, Added}, {"a/cr.txt", v2, nil, Replaced}}, "v2", "a/cr.txt=v2"},
		{"same content, second path", []step{{"a/cr.txt", v1, nil, Added}, {"b/copy.txt", v1, nil, Unchanged}}, "v1", "a/cr.txt=v1 b/copy.txt=v1"},
		{"changed at one of two paths keeps the old for the other",
			[]step{{"a/cr.txt", v1, nil, Added}, {"b/copy.txt", v1, nil, Unchanged}, {"a/cr.txt", v2, nil, Replaced}},
			"v1 v2", "a/cr.txt=v2 b/copy.txt=v1"},
		{"path now holds content known elsewhere",
			[]step{{"a/cr.txt", v1, nil, Added}, {"b/other.txt", other, nil, Added}, {"a/cr.txt", other, nil, Replaced}},
			"o1", "a/cr.txt=o1 b/other.txt=o1"},
		{"forced re-save keeps locations",
			[]step{{"a/cr.txt", v1, nil, Added}, {"b/copy.txt", v1, nil, Unchanged}, {"a/cr.txt", v1, []SaveOption{Force()}, Replaced}},
			"v1", "a/cr.txt=v1 b/copy.txt=v1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, _ := openTest(t)
			for i, s := range c.steps {
				got, err := db.Save(s.path, s.rec, s.opts...)
				if err != nil {
					t.Fatalf("step %d: Save(%s): %v", i, s.path, err)
				}
				if got != s.want {
					t.Errorf("step %d: Save(%s, %s) = %v, want %v", i, s.path, s.rec.Source.SHA256, got, s.want)
				}
			}
			_, docs, err := db.Query(`SELECT group_concat(sha256, ' ') FROM (SELECT sha256 FROM documents ORDER BY sha256)`)
			if err != nil {
				t.Fatal(err)
			}
			_, paths, err := db.Query(`SELECT group_concat(path || '=' || sha256, ' ') FROM
 (SELECT l.path, d.sha256 FROM locations l JOIN documents d ON d.id = l.document_id ORDER BY l.path)`)
			if err != nil {
				t.Fatal(err)
			}
			if docs[0][0] != c.docs || paths[0][0] != c.paths {
				t.Errorf("documents = %q, locations = %q; want %q, %q", docs[0][0], paths[0][0], c.docs, c.paths)
			}
			for _, sha := range strings.Fields(c.docs) {
				got, err := db.ExportOne(sha)
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]*parse.Record{"v1": v1, "v2": v2, "o1": other}[sha]
				sameJSON(t, "export "+sha, got, want)
			}
		})
	}
}

// TestReplaceLeavesNoOrphans compares the row count of every table after a replacement with
// the counts of a database that only ever saw the new content.
func TestReplaceLeavesNoOrphans(t *testing.T) {
	full := fullRecord(t)
	v1 := withSHA(t, full, "v1", "cr.txt")
	v2 := withSHA(t, full, "v2", "cr.txt")
	v2.Items = v2.Items[1:2]
	v2.Tables = v2.Tables[:1]
	v2.People = v2.People[:2]

	replaced, _ := openTest(t)
	if _, err := replaced.Save("cr.txt", v1); err != nil {
		t.Fatal(err)
	}
	if _, err := replaced.Save("cr.txt", v2); err != nil {
		t.Fatal(err)
	}
	fresh, _ := openTest(t)
	if _, err := fresh.Save("cr.txt", v2); err != nil {
		t.Fatal(err)
	}
	got, want := tableCounts(t, replaced), tableCounts(t, fresh)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("row counts after replace = %v\nwant (fresh save of the new content) %v", got, want)
	}
	if got["items"] != "1" || got["decisions"] != "2" || got["table_cells"] != "9" {
		t.Errorf("items, decisions, table_cells = %s, %s, %s; want 1, 2, 9", got["items"], got["decisions"], got["table_cells"])
	}
}

func TestFailedThenLoaded(t *testing.T) {
	db, _ := openTest(t)
	rec := withSHA(t, fullRecord(t), "f1", "cr.pdf")
	if err := db.SaveFailed("in/cr.pdf", "f1", "extract", errors.New("corrupt or unreadable PDF")); err != nil {
		t.Fatalf("SaveFailed: %v", err)
	}
	// Again, say the nightly run: still one to-do entry, with the latest error.
	if err := db.SaveFailed("in/cr.pdf", "f1", "parse", errors.New("second failure")); err != nil {
		t.Fatalf("SaveFailed again: %v", err)
	}
	if err := db.SaveFailed("in/gone.txt", "", "read", errors.New("permission denied")); err != nil {
		t.Fatalf("SaveFailed without sha: %v", err)
	}
	if err := db.SaveFailed("in/gone.txt", "", "read", errors.New("permission denied")); err != nil {
		t.Fatalf("SaveFailed without sha again: %v", err)
	}
	_, rows, err := db.Query(`SELECT d.name, d.sha256, d.stage, d.error, l.path FROM documents d JOIN locations l ON l.document_id = d.id
WHERE d.status = 'failed' ORDER BY l.path`)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"cr.pdf", "f1", "parse", "second failure", "in/cr.pdf"}, {"gone.txt", "NULL", "read", "permission denied", "in/gone.txt"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("failed documents = %v, want %v", rows, want)
	}
	if status, _, ok, _ := db.Lookup("f1"); !ok || status != "failed" {
		t.Errorf("Lookup(f1) = %q, %v; want failed, true", status, ok)
	}
	if recs, err := db.Export(); err != nil || len(recs) != 0 {
		t.Errorf("Export of failed documents = %d records, %v; want none", len(recs), err)
	}
	out, err := db.Save("in/cr.pdf", rec)
	if err != nil || out != Added {
		t.Fatalf("Save after failure = %v, %v; want added", out, err)
	}
	_, rows, err = db.Query(`SELECT status, stage, error FROM documents WHERE sha256 = 'f1'`)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"loaded", "NULL", "NULL"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("document f1 = %v, want %v", rows, want)
	}
	// The unreadable file became readable: its failed entry gives way to the document.
	out, err = db.Save("in/gone.txt", withSHA(t, rec, "g1", "gone.txt"))
	if err != nil || out != Added {
		t.Fatalf("Save at a failed path = %v, %v; want added", out, err)
	}
	_, rows, err = db.Query(`SELECT count(*) FROM documents WHERE status = 'failed'`)
	if err != nil || rows[0][0] != "0" {
		t.Errorf("failed documents left = %v, %v; want 0", rows, err)
	}
	// A failure never overwrites a loaded record.
	if err := db.SaveFailed("in/copy.pdf", "f1", "extract", errors.New("flaky")); err != nil {
		t.Fatal(err)
	}
	if status, _, _, _ := db.Lookup("f1"); status != "loaded" {
		t.Errorf("after a failure of loaded content, status = %q, want loaded", status)
	}
}

func TestSaveLocation(t *testing.T) {
	db, _ := openTest(t)
	rec := fullRecord(t)
	if _, err := db.SaveLocation("x.txt", rec.Source.SHA256); err == nil {
		t.Errorf("SaveLocation of unknown content succeeded, want an error")
	}
	if _, err := db.Save("a.txt", rec); err != nil {
		t.Fatal(err)
	}
	out, err := db.SaveLocation("b.txt", rec.Source.SHA256)
	if err != nil || out != Unchanged {
		t.Fatalf("SaveLocation = %v, %v; want unchanged", out, err)
	}
	_, rows, err := db.Query(`SELECT count(*), count(DISTINCT document_id) FROM locations`)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"2", "1"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("locations, documents = %v, want %v", rows, want)
	}
}

func TestSearch(t *testing.T) {
	db, _ := openTest(t)
	rec := fullRecord(t)
	if _, err := db.Save("cr.txt", rec); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		kinds string // kinds of the hits, in order
		want  string // a substring of the first snippet
	}{
		{"deliberation", "decision", "[Délibération] adoptée"},
		{"DÉLIBÉRATION", "decision", "[Délibération]"},
		{"coeur", "item", "Le [cœur] du projet reste"},
		{"présente cœur", "item", "[présente] le budget. Le [cœur]"}, // across paragraphs, on one line
		{"cœur", "item", "[cœur]"},
		{"oeuvre", "item", "[œuvre]"},
		{"aegide", "exchange", "[Ægide]"},
		{"budget", "item", "[budget]"},
		{"desaccord repartition", "exchange", "un [désaccord] sur la [répartition]"},
		{"unanim*", "decision", "[unanimité]"},
		{"absent-word", "", ""},
		{`"`, "", ""},
		{`-`, "", ""},
		{`cœur" OR (`, "", ""},
		{`NEAR(budget`, "", ""}, // one word, the phrase "near budget"
		{"\x00budget\x1f", "item", "[budget]"},
		{"", "", ""},
	} {
		hits, err := db.Search(c.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", c.query, err)
			continue
		}
		var kinds []string
		for _, h := range hits {
			kinds = append(kinds, h.Kind)
		}
		if got := strings.Join(kinds, " "); got != c.kinds {
			t.Errorf("Search(%q) kinds = %q, want %q", c.query, got, c.kinds)
			continue
		}
		if len(hits) > 0 && !strings.Contains(hits[0].Snippet, c.want) {
			t.Errorf("Search(%q) snippet = %q, want it to contain %q", c.query, hits[0].Snippet, c.want)
		}
		for _, h := range hits {
			if strings.ContainsAny(h.Snippet, "\n\t") {
				t.Errorf("Search(%q) snippet %q spans lines, want one line", c.query, h.Snippet)
			}
		}
	}
	hits, err := db.Search("deliberation", 1)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	h := hits[0]
	want := Hit{Document: "cr-2023-12-15.txt", SHA256: rec.Source.SHA256, Date: "2023-12-15", Body: "Syndicat Mixte Exemple",
		ItemPath: "I.1", ItemTitle: "Budget primitif 2024 – le cœur du projet", Kind: "decision", Snippet: h.Snippet, Page: 2, Line: 30}
	if h != want {
		t.Errorf("hit = %+v\nwant %+v", h, want)
	}
}

func TestBudgetCellsSum(t *testing.T) {
	db, _ := openTest(t)
	rec := fullRecord(t)
	if _, err := db.Save("cr.txt", rec); err != nil {
		t.Fatal(err)
	}
	// The lines of column "Budget 2023" add up to the stated total, to the cent.
	_, rows, err := db.Query(`SELECT
 (SELECT SUM(cents) FROM budget_cells WHERE column_name = 'Budget 2023' AND row_kind = 'line'),
 (SELECT cents FROM budget_cells WHERE column_name = 'Budget 2023' AND row_kind = 'total'),
 (SELECT value FROM budget_cells WHERE column_name = 'Budget 2023' AND row_kind = 'total')`)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"105123601", "105123601", "1051236.01"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("sum, total cents, total value = %v, want %v", rows, want)
	}
	_, rows, err = db.Query(`SELECT meeting_date, body, table_title, section, item_path, item_title, row_code, label, row_kind, column_name, unit, value, cents, raw
FROM budget_cells WHERE row_code = '65' ORDER BY column_position`)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"2023-12-15", "Syndicat Mixte Exemple", "Budget primitif 2024", "Dépenses", "I.1", "Budget primitif 2024 – le cœur du projet", "65", "Autres charges", "line", "Budget 2023", "EUR", "0.01", "1", "0,01"},
		{"2023-12-15", "Syndicat Mixte Exemple", "Budget primitif 2024", "Dépenses", "I.1", "Budget primitif 2024 – le cœur du projet", "65", "Autres charges", "line", "Budget 2024", "", "NULL", "NULL", "NULL"},
		{"2023-12-15", "Syndicat Mixte Exemple", "Budget primitif 2024", "Dépenses", "I.1", "Budget primitif 2024 – le cœur du projet", "65", "Autres charges", "line", "Évolution %", "%", "-12.345", "NULL", "-12,345"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("budget_cells for code 65 =\n%v\nwant\n%v", rows, want)
	}
}

// TestFoldMatchesSQL checks that fold() and the folding of the schema's search triggers agree:
// a text indexed by the program and unindexed by the delete trigger must leave nothing behind.
func TestFoldMatchesSQL(t *testing.T) {
	db, _ := openTest(t)
	// Each folded character inside its own word, so that a wrong folding leaves a term behind.
	var words []string
	for i := 0; i < len(foldPairs); i += 2 {
		words = append(words, fmt.Sprintf("w%d%sw", i, foldPairs[i]))
	}
	text := strings.Join(words, " ")
	rec := &parse.Record{Source: parse.Source{SHA256: "fold"}, Items: []parse.Item{{Path: "1", Title: "t", Text: text}}}
	if _, err := db.Save("fold.txt", rec); err != nil {
		t.Fatal(err)
	}
	terms := func() string {
		_, rows, err := db.Query(`SELECT coalesce(group_concat(term, ' '), '') FROM (SELECT term FROM search_vocab ORDER BY term)`)
		if err != nil {
			t.Fatal(err)
		}
		return rows[0][0]
	}
	want := strings.Fields(strings.ToLower(fold(text + " t")))
	slices.Sort(want)
	want = slices.Compact(want)
	if got := terms(); got != strings.Join(want, " ") {
		t.Errorf("indexed terms = %q, want %q", got, strings.Join(want, " "))
	}
	// Editing a text goes through the update trigger's folding.
	if _, err := db.db.Exec(`UPDATE search_text SET body = body || ' sœur'`); err != nil {
		t.Fatal(err)
	}
	if got := terms(); !strings.Contains(got, "soeur") {
		t.Errorf("after update, indexed terms = %q, want soeur among them", got)
	}
	if _, err := db.db.Exec(`DELETE FROM documents`); err != nil {
		t.Fatal(err)
	}
	if got := terms(); got != "" {
		t.Errorf("after delete, indexed terms = %q, want none (the triggers fold differently from fold())", got)
	}
	if _, err := db.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS integrity-check: %v", err)
	}
}

func TestCents(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, c := range []struct {
		name string
		in   *string
		want any
	}{
		{"null", nil, nil},
		{"integer", s("77000"), int64(7700000)},
		{"two decimals", s("1051236.00"), int64(105123600)},
		{"one decimal", s("1234.5"), int64(123450)},
		{"negative", s("-1200.00"), int64(-120000)},
		{"finer than a cent", s("12.345"), nil},
		{"not a number", s("n/a"), nil},
		{"too large", s("999999999999999999999"), nil},
	} {
		if got := cents(c.in); got != c.want {
			t.Errorf("%s: cents = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestQuery(t *testing.T) {
	db, _ := openTest(t)
	cols, rows, err := db.Query(`SELECT 1 AS n, NULL AS none, 'é' AS s, 2.5 AS f, x'6869' AS b, 105123601 / 100.0, 1e300 WHERE ? = 1`, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"n", "none", "s", "f", "b", "105123601 / 100.0", "1e300"}; !reflect.DeepEqual(cols, want) {
		t.Errorf("columns = %v, want %v", cols, want)
	}
	if want := [][]string{{"1", "NULL", "é", "2.5", "hi", "1051236.01", "1e+300"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %v, want %v", rows, want)
	}
	if _, _, err := db.Query(`DELETE FROM documents`); err == nil {
		t.Errorf("Query(DELETE) succeeded, want a read-only error")
	}
	if _, _, err := db.Query(`SELEC nonsense`); err == nil {
		t.Errorf("Query(syntax error) succeeded, want an error")
	}
	// The read-only switch must not stay on the pooled connection.
	if _, err := db.Save("cr.txt", fullRecord(t)); err != nil {
		t.Errorf("Save after Query: %v", err)
	}
}

func TestRuns(t *testing.T) {
	db, _ := openTest(t)
	start := testClock()
	id, err := db.StartRun([]string{"ingest", "--db", "x.db", "archive/"}, parse.Version, start)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Save("cr.txt", fullRecord(t), InRun(id)); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveFailed("broken.pdf", "b1", "extract", errors.New("corrupt"), InRun(id)); err != nil {
		t.Fatal(err)
	}
	if err := db.EndRun(id, start.Add(1500*time.Millisecond), RunCounts{Added: 1, Unchanged: 2, Replaced: 3, Failed: 4, Skipped: 5}); err != nil {
		t.Fatal(err)
	}
	if err := db.EndRun(id+1, start, RunCounts{}); err == nil {
		t.Errorf("EndRun of an unknown run succeeded, want an error")
	}
	_, rows, err := db.Query(`SELECT r.started_at, r.ended_at, r.arguments, r.parser_version, r.added, r.unchanged, r.replaced, r.failed, r.skipped,
 (SELECT count(*) FROM documents d WHERE d.run_id = r.id) FROM runs r`)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"2026-11-26T23:00:00.000Z", "2026-11-26T23:00:01.500Z", `["ingest","--db","x.db","archive/"]`, parse.Version, "1", "2", "3", "4", "5", "2"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("runs = %v, want %v", rows, want)
	}
}

// TestConcurrentSaves saves from two handles on one file at once: WAL, the busy timeout and
// immediate transactions must let both finish.
func TestConcurrentSaves(t *testing.T) {
	_, path := openTest(t)
	full := fullRecord(t)
	const perWriter = 15
	var wg sync.WaitGroup
	errs := make(chan error, 2*perWriter)
	for w := 0; w < 2; w++ {
		db, err := Open(path, WithClock(testClock))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		recs := make([]*parse.Record, perWriter)
		for i := range recs {
			recs[i] = withSHA(t, full, fmt.Sprintf("w%d-%d", w, i), "cr.txt")
		}
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i, r := range recs {
				// Both writers also hit one shared path, to contend on the same rows.
				p := fmt.Sprintf("w%d/%d.txt", w, i)
				if i == 0 {
					p = "shared.txt"
				}
				if _, err := db.Save(p, r); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Save: %v", err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, rows, err := db.Query(`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM locations)`)
	if err != nil {
		t.Fatal(err)
	}
	// shared.txt holds one of the two first documents; the other was replaced and deleted.
	if want := [][]string{{"29", "29"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("documents, locations = %v, want %v", rows, want)
	}
	_, rows, err = db.Query(`PRAGMA integrity_check`)
	if err != nil || rows[0][0] != "ok" {
		t.Errorf("integrity_check = %v, %v", rows, err)
	}
}

// TestCorpusRoundTrip saves every dev corpus document and reads it back: export must equal
// parse, whatever the parser fills in.
func TestCorpusRoundTrip(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	db, _ := openTest(t)
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.EqualFold(name, "SOURCES.md") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			src, err := extract.File(filepath.Join(dir, name))
			if err != nil {
				t.Skipf("extract: %v", err)
			}
			rec := parse.Minutes(src)
			if _, err := db.Save(filepath.Join(dir, name), rec); err != nil {
				t.Fatalf("Save: %v", err)
			}
			got, err := db.ExportOne(rec.Source.SHA256)
			if err != nil {
				t.Fatalf("ExportOne: %v", err)
			}
			sameJSON(t, name, got, rec)
			n++
		})
	}
	t.Logf("%d corpus documents round-tripped", n)
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"deliberation", `"`, "-", `a" OR "b`, "NEAR(x y", "col:val", "*", "^start", "œ*", "AND", "\x00"} {
		f.Add(s)
	}
	path := filepath.Join(f.TempDir(), "fuzz.db")
	db, err := Open(path, WithClock(testClock))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Save("cr.txt", fullRecord(f)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(q, 5); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	})
}

// FuzzSaveExport saves arbitrary text in the text fields and amounts of a record and checks that
// it comes back the same: the store must not mangle NULs, invalid UTF-8 or odd numbers.
func FuzzSaveExport(f *testing.F) {
	f.Add("Budget", "Le cœur\x00du projet", "1 051 236,00 €", "1051236.00")
	f.Add("", "", "", "")
	f.Add("\xff\xfe", "a\r\nb\tc", "-0", "1e5")
	path := filepath.Join(f.TempDir(), "fuzz.db")
	db, err := Open(path, WithClock(testClock))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	base := fullRecord(f)
	n := 0
	f.Fuzz(func(t *testing.T, title, text, raw, value string) {
		n++
		rec := withSHA(t, base, fmt.Sprintf("fuzz%d", n), title)
		it := &rec.Items[1]
		it.Title, it.Text = title, text
		it.Decisions[0].Text = text
		it.Exchanges[0].Text, it.Exchanges[0].SpeakerText = text, &title
		it.Amounts[0].Value, it.Amounts[0].Text = value, raw
		row := &rec.Tables[0].Rows[0]
		row.Values[0], row.Cells[0] = &value, &raw
		rec.Unplaced[0].Text = text
		// What JSON cannot carry (invalid UTF-8) is compared after JSON on both sides.
		if _, err := db.Save(fmt.Sprintf("fuzz/%d", n), rec); err != nil {
			t.Fatalf("Save: %v", err)
		}
		got, err := db.ExportOne(rec.Source.SHA256)
		if err != nil {
			t.Fatalf("ExportOne: %v", err)
		}
		sameJSON(t, "export", got, rec)
		if _, err := db.Search(text, 3); err != nil {
			t.Errorf("Search(%q): %v", text, err)
		}
	})
}

func TestViews(t *testing.T) {
	db, _ := openTest(t)
	if _, err := db.Save("cr.txt", fullRecord(t)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, query string
		want        [][]string
	}{
		{"person across meetings", `SELECT meeting_date, person_id, status, substitute_for, is_president, is_secretary FROM person_meetings
WHERE key IN ('jean-luc chaumont', 'laetitia bourjat', 'reboulet') ORDER BY person_id`,
			[][]string{{"2023-12-15", "p1", "present", "NULL", "1", "0"}, {"2023-12-15", "p2", "present", "p4", "0", "1"}, {"2023-12-15", "p3", "NULL", "NULL", "0", "0"}}},
		{"decisions", `SELECT meeting_date, item_path, outcome, unanimous, votes_for, votes_against, abstention FROM decision_list ORDER BY item_path, position`,
			[][]string{{"2023-12-15", "I.1", "adopted", "0", "15", "1", "1"}, {"2023-12-15", "I.1", "noted", "1", "NULL", "NULL", "NULL"}}},
		{"exchanges", `SELECT item_path, speaker, speaker_key, form FROM exchange_list ORDER BY item_path, position`,
			[][]string{{"I.1", "p3", "reboulet", "direct"}, {"I.1", "NULL", "NULL", "reported"}}},
	} {
		_, rows, err := db.Query(c.query)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !reflect.DeepEqual(rows, c.want) {
			t.Errorf("%s: rows = %v, want %v", c.name, rows, c.want)
		}
	}
}

// TestMigrationsUpgrade opens databases left at earlier versions (1, the first; 4, 5 and 6, the
// last before the write-cost changes of 5, 6 and 7) and checks that Open brings each to the latest version in
// place, keeping its data searchable, with the index settings and indexes of the latest schema.
func TestMigrationsUpgrade(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range []int{1, 4, 5, 6} {
		t.Run(fmt.Sprintf("from %d", from), func(t *testing.T) {
			if from >= len(ms) {
				t.Skipf("no migration after version %d", from)
			}
			path := filepath.Join(t.TempDir(), "old.db")
			raw, err := sql.Open("sqlite3", "file:"+path+"?"+dsnParams)
			if err != nil {
				t.Fatal(err)
			}
			old := &DB{db: raw, clock: testClock}
			if err := old.migrateTo(context.Background(), ms[:from]); err != nil {
				t.Fatal(err)
			}
			// Today's writer needs the watermark of version 7: lend it for the save, then take
			// it back, leaving what an older program would have written.
			if from < 7 {
				if _, err := raw.Exec(`CREATE TABLE search_state (id INTEGER PRIMARY KEY, indexed_upto INTEGER NOT NULL);
INSERT INTO search_state VALUES (1, 0)`); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := old.Save("cr.txt", fullRecord(t)); err != nil {
				t.Fatal(err)
			}
			if from < 7 {
				if _, err := raw.Exec(`DROP TABLE search_state`); err != nil {
					t.Fatal(err)
				}
			}
			old.Close()
			db, err := Open(path, WithClock(testClock))
			if err != nil {
				t.Fatalf("Open of a version %d database: %v", from, err)
			}
			defer db.Close()
			_, rows, err := db.Query(`SELECT max(version), count(*), (SELECT count(*) FROM decision_list) FROM schema_migrations`)
			if err != nil {
				t.Fatal(err)
			}
			want := [][]string{{fmt.Sprint(ms[len(ms)-1].version), fmt.Sprint(len(ms)), "2"}}
			if !reflect.DeepEqual(rows, want) {
				t.Errorf("version, migrations, decisions = %v, want %v", rows, want)
			}
			// The upgraded database takes new documents, and finds old and new text.
			rec := typicalRecord("new")
			if _, err := db.Save("new.txt", rec); err != nil {
				t.Fatalf("save after upgrade: %v", err)
			}
			hits, err := db.Search("association", 0)
			if err != nil || len(hits) == 0 {
				t.Errorf("search after upgrade: %d hits, %v", len(hits), err)
			}
			if _, err := db.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
				t.Errorf("FTS integrity-check after upgrade: %v", err)
			}
			_, rows, err = db.Query(`SELECT (SELECT v FROM search_config WHERE k = 'automerge'),
 (SELECT v FROM search_config WHERE k = 'crisismerge'),
 (SELECT count(*) FROM sqlite_schema WHERE name IN ('documents_status', 'documents_run', 'meetings_date', 'people_person'))`)
			if err != nil {
				t.Fatal(err)
			}
			if want := [][]string{{"32", "32", "0"}}; !reflect.DeepEqual(rows, want) {
				t.Errorf("automerge, crisismerge, dropped indexes left = %v, want %v", rows, want)
			}
		})
	}
}

// TestConcurrentOpen opens one new file from several handles at once: each migration must be
// applied exactly once and every Open succeed.
func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(path, WithClock(testClock))
			if err != nil {
				errs <- err
				return
			}
			db.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Open: %v", err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, _ := migrations()
	_, rows, err := db.Query(`SELECT count(*) FROM schema_migrations`)
	if err != nil || rows[0][0] != fmt.Sprint(len(ms)) {
		t.Errorf("schema_migrations rows = %v, %v; want %d", rows, err, len(ms))
	}
}

func TestProse(t *testing.T) {
	for _, c := range []struct {
		name string
		item parse.Item
		want string
	}{
		{"no parts", parse.Item{Text: "Le Maire expose."}, "Le Maire expose."},
		{"parts cut out", parse.Item{Text: "Exposé.\n\nM. X : Question ?\n\nAdopté à l'unanimité.",
			Decisions: []parse.Decision{{Text: "Adopté à l'unanimité."}}, Exchanges: []parse.Exchange{{Text: "M. X : Question ?"}}},
			"Exposé.\n\n\n\n"},
		{"part not in the text", parse.Item{Text: "Exposé.", Exchanges: []parse.Exchange{{Text: "Ailleurs."}}}, "Exposé."},
		{"same words twice", parse.Item{Text: "Pour. Pour.", Decisions: []parse.Decision{{Text: "Pour."}, {Text: "Pour."}}}, ""},
		{"empty part", parse.Item{Text: "Exposé.", Decisions: []parse.Decision{{Text: ""}}}, "Exposé."},
	} {
		if got := prose(&c.item); got != strings.TrimSpace(c.want) {
			t.Errorf("%s: prose = %q, want %q", c.name, got, strings.TrimSpace(c.want))
		}
	}
}

// TestOpenOddPath opens a file whose name holds the characters a SQLite URI gives a meaning to.
func TestOpenOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "procès-verbaux ?a=1 #2 %20.db")
	db, err := Open(path, WithClock(testClock))
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	if _, err := db.Save("cr.txt", fullRecord(t)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created under its own name: %v", err)
	}
	if _, err := Open(""); err == nil {
		t.Errorf("Open(\"\") succeeded, want an error")
	}
	if _, err := Open(t.TempDir()); err == nil {
		t.Errorf("Open(a directory) succeeded, want an error")
	}
}

// TestNumerianBudgetSums sums the budget lines of the Numérian minutes through budget_cells and
// compares them with the totals the document states ("Totaux 1 449 855,54 …"), to the cent.
func TestNumerianBudgetSums(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "dev", "numerian-2023-12-15.txt")
	src, err := extract.File(path)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	db, _ := openTest(t)
	if _, err := db.Save(path, parse.Minutes(src)); err != nil {
		t.Fatal(err)
	}
	_, rows, err := db.Query(`SELECT table_position, column_name,
 SUM(CASE WHEN row_kind = 'line' THEN cents END), SUM(CASE WHEN row_kind = 'subtotal' THEN cents END),
 SUM(CASE WHEN row_kind = 'total' THEN cents END)
FROM budget_cells GROUP BY table_id, column_position
HAVING SUM(CASE WHEN row_kind = 'total' THEN 1 END) = 1 ORDER BY table_position, column_position`)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Skip("the parser reads no table with a total row yet")
	}
	for _, r := range rows {
		if r[2] != r[4] || r[3] != r[4] {
			t.Errorf("table %s, column %q: lines sum to %s cents, subtotals to %s, stated total %s", r[0], r[1], r[2], r[3], r[4])
		}
	}
	// The stated grand totals, as printed in the minutes.
	_, rows, err = db.Query(`SELECT DISTINCT value FROM budget_cells WHERE row_kind = 'total' ORDER BY column_position`)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"1449855.54"}, {"2800528.85"}, {"4250384.39"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("totals = %v, want %v", rows, want)
	}
}

// TestSavePrepared saves records prepared ahead (as an ingest's workers do) and reused from
// the pool after Release, in an order where ids interleave with other documents: each exports
// equal to its record, so relative ids are made absolute against the database, not the order
// of preparation.
func TestSavePrepared(t *testing.T) {
	db, _ := openTest(t)
	full := fullRecord(t)
	recs := []*parse.Record{withSHA(t, full, "p1", "a.txt"), typicalRecord("p2"), withSHA(t, full, "p3", "c.txt")}
	var ps []*Prepared
	for _, r := range recs {
		ps = append(ps, Prepare(r))
	}
	// Saved in reverse, after a document saved directly.
	if _, err := db.Save("first.txt", typicalRecord("p0")); err != nil {
		t.Fatal(err)
	}
	for i := len(ps) - 1; i >= 0; i-- {
		out, err := db.SavePrepared(fmt.Sprintf("%d.txt", i), ps[i])
		if err != nil || out != Added {
			t.Fatalf("SavePrepared %d: %v, %v; want added", i, out, err)
		}
		ps[i].Release()
	}
	// A released Prepared from the pool carries nothing of its former record.
	again := Prepare(typicalRecord("p4"))
	if _, err := db.SavePrepared("4.txt", again); err != nil {
		t.Fatal(err)
	}
	again.Release()
	for _, r := range append(recs, typicalRecord("p0"), typicalRecord("p4")) {
		got, err := db.ExportOne(r.Source.SHA256)
		if err != nil {
			t.Fatalf("export %s: %v", r.Source.SHA256, err)
		}
		sameJSON(t, r.Source.SHA256, got, r)
	}
	if _, err := db.SavePrepared("x.txt", nil); err == nil {
		t.Error("SavePrepared(nil): no error")
	}
	if _, err := db.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS integrity-check: %v", err)
	}
}

// TestNotLoadedStillChecks saves with NotLoaded content that is in fact loaded (another
// ingest saved it between the caller's Lookup and its Save): the outcome is that of a plain Save.
func TestNotLoadedStillChecks(t *testing.T) {
	db, _ := openTest(t)
	rec := typicalRecord("nl")
	for _, c := range []struct {
		name, path string
		want       Outcome
	}{
		{"new", "a.txt", Added},
		{"same path, loaded meanwhile", "a.txt", Unchanged},
		{"another path", "b.txt", Unchanged},
	} {
		got, err := db.Save(c.path, rec, NotLoaded())
		if err != nil || got != c.want {
			t.Errorf("%s: Save = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	_, rows, err := db.Query(`SELECT count(*), (SELECT count(*) FROM locations) FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"1", "2"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("documents, locations = %v, want %v", rows, want)
	}
}

// TestFailedSaveRollsBack makes a save fail half-way (a trigger refuses its amounts): nothing of
// the document may stay, and the write connection must be left ready for the next save.
func TestFailedSaveRollsBack(t *testing.T) {
	db, _ := openTest(t)
	if _, err := db.db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON amounts BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	rec := typicalRecord("r1")
	if _, err := db.Save("r1.txt", rec); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("Save = %v, want the trigger's error", err)
	}
	counts := tableCounts(t, db)
	for _, table := range []string{"documents", "locations", "people", "items", "search_text"} {
		if counts[table] != "0" {
			t.Errorf("after a failed save, %s has %s rows, want 0", table, counts[table])
		}
	}
	if _, err := db.db.Exec(`DROP TRIGGER refuse`); err != nil {
		t.Fatal(err)
	}
	if out, err := db.Save("r1.txt", rec); err != nil || out != Added {
		t.Fatalf("Save after the failure = %v, %v; want added", out, err)
	}
	if _, err := db.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS integrity-check: %v", err)
	}
}

// TestMemstatusOff: SQLite took the setting, which it refuses once initialized.
func TestMemstatusOff(t *testing.T) {
	if memstatusOff != 0 {
		t.Errorf("sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) = %d, want 0 (SQLITE_OK)", memstatusOff)
	}
}
