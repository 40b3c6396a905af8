package store

import (
	"database/sql"
	"fmt"
	"testing"

	"minutes/parse"
)

// TestSearchIndexConsistent saves, re-saves and replaces documents whose texts take either way
// into the FTS index (valid UTF-8 in one JSON statement, invalid UTF-8 row by row), and checks
// after each step that the index holds exactly the folded stored texts: FTS5's integrity-check
// passes, and the number of indexed tokens is that of the texts now stored.
func TestSearchIndexConsistent(t *testing.T) {
	rec := func(sha, text string) *parse.Record {
		r := typicalRecord(sha)
		r.Items = r.Items[:3]
		r.Items[0].Text = text
		r.Items[1].Exchanges[0].Text = "Le cœur du débat : " + text
		return r
	}
	steps := []struct {
		name, path string
		rec        *parse.Record
		opts       []SaveOption
	}{
		{"valid", "a.txt", rec("a", "Délibération sur l'œuvre, ﬁn du ﬂux"), nil},
		{"invalid UTF-8", "b.txt", rec("b", "Délibération \xff\xfe cœur \xc3"), nil},
		{"replace valid by invalid", "a.txt", rec("c", "nouveau \xe9t\xe9 texte"), nil},
		{"force invalid", "b.txt", rec("b", "Délibération \xff\xfe cœur \xc3"), []SaveOption{Force()}},
		{"replace invalid by valid", "b.txt", rec("d", "œuvre reprise"), nil},
		{"force valid", "b.txt", rec("d", "œuvre reprise"), []SaveOption{Force()}},
	}
	db, _ := openTest(t)
	for _, s := range steps {
		if _, err := db.Save(s.path, s.rec, s.opts...); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if _, err := db.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s: FTS integrity-check: %v", s.name, err)
		}
		// search_text rows indexed = rows of the index's docsize table.
		var texts, indexed int
		if err := db.db.QueryRow(`SELECT (SELECT count(*) FROM search_text), (SELECT count(*) FROM search_docsize)`).Scan(&texts, &indexed); err != nil {
			t.Fatal(err)
		}
		if texts != indexed {
			t.Errorf("%s: %d texts, %d indexed", s.name, texts, indexed)
		}
	}
	hits, err := db.Search("oeuvre", 0)
	if err != nil {
		t.Fatal(err)
	}
	// The section and the exchange of d; a.txt's old text was replaced.
	var got []string
	for _, h := range hits {
		got = append(got, h.Document+"/"+h.Kind)
	}
	if fmt.Sprint(got) != "[d.txt/item d.txt/exchange]" {
		t.Errorf("search oeuvre = %v, want [d.txt/item d.txt/exchange]", got)
	}
}

// TestQueryIntegrityCheckAfterMerge runs PRAGMA integrity_check through Query on a pooled
// connection that has read the FTS index, after another connection (another process: a second
// ingest, `minutes query` while one runs) merged the index's segments. FTS5 keeps the index
// structure cached on each connection and revalidates it only when a statement opens a cursor
// on the table or a write begins; integrity_check does neither, so on the stale structure it
// read pages of merged-away segments and reported "fts5: corruption found reading blob …" on
// a sound database.
func TestQueryIntegrityCheckAfterMerge(t *testing.T) {
	db, path := openTest(t)
	for _, sha := range []string{"a", "b", "c"} {
		if _, err := db.Save(sha+".txt", typicalRecord(sha)); err != nil {
			t.Fatal(err)
		}
	}
	// Every Query on one connection, the one holding the cache (the other one open is the
	// DB's write connection, kept for saves).
	db.db.SetMaxOpenConns(2)
	check := func(step string) {
		t.Helper()
		_, rows, err := db.Query(`PRAGMA integrity_check`)
		if err != nil || len(rows) != 1 || rows[0][0] != "ok" {
			t.Errorf("%s: integrity_check = %v, %v", step, rows, err)
		}
	}
	check("before the merge") // caches the structure: one segment per save
	other, err := sql.Open(driverName, "file:"+escapePath(path)+"?"+dsnParams)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	// 'optimize' merges every segment into a new one and deletes the old ones.
	if _, err := other.Exec(`INSERT INTO search(search) VALUES ('optimize')`); err != nil {
		t.Fatal(err)
	}
	check("after another connection merged the segments")
	if _, err := other.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS integrity-check on a fresh connection: %v", err)
	}
}
