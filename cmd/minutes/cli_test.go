package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// run calls the CLI in-process and returns its exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Do(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// sharedCorpus returns ../shared/corpus/dev, or skips: a user's clone has no ../shared.
func sharedCorpus(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs("../../../shared/corpus/dev")
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no shared corpus: %v", err)
	}
	return dir
}

// textFiles lists the text minutes (not PDFs) of dir.
func textFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".txt", ".md", ".html":
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	if len(out) == 0 {
		t.Fatalf("no text files in %s", dir)
	}
	return out
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no command", nil, exitUsage, "Usage: minutes"},
		{"help", []string{"-h"}, exitOK, "Commands:"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"parse without file", []string{"parse", "--json"}, exitUsage, "no FILE"},
		{"parse -h", []string{"parse", "-h"}, exitOK, "Usage: minutes parse"},
		{"ingest -h", []string{"ingest", "-h"}, exitOK, "Exit status"},
		{"ingest without db", []string{"ingest", "x"}, exitUsage, "--db is required"},
		{"ingest without path", []string{"ingest", "--db", "x.db"}, exitUsage, "no PATH"},
		{"unknown flag", []string{"export", "--nope"}, exitUsage, "flag provided but not defined"},
		{"query two statements", []string{"query", "--db", "x.db", "a", "b"}, exitUsage, "exactly one"},
		{"export missing db", []string{"export", "--db", "/nonexistent/x.db"}, exitFail, "/nonexistent/x.db:0:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.err)
			}
		})
	}
}

// TestBadInput feeds the inputs an archive holds: each must give one line naming the file, a
// non-zero exit, and leave the database with nothing half-written.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := map[string]string{
		"empty":     write("empty.txt", nil),
		"directory": filepath.Join(dir, "sub.txt"),
		"missing":   filepath.Join(dir, "missing.txt"),
		"binary":    write("binary.txt", []byte("\x00\x01\x02PK\x03\x04\x00\x00")),
		"encoding":  write("bad-bom.txt", []byte{0xEF, 0xBB, 0xBF, 'a', 0xff, 0xfe}),
		"pdf":       write("broken.pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\n")),
	}
	if err := os.Mkdir(cases["directory"], 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "m.db")
	for name, path := range cases {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := run(t, "parse", "--json", path)
			if code != exitFail {
				t.Errorf("parse exit %d, want %d", code, exitFail)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], path+":") {
				t.Errorf("parse stderr = %q, want one line starting with %q", stderr, path+":")
			}
			if name == "directory" {
				return // a folder is what ingest walks: an empty one is no error
			}
			code, _, stderr = run(t, "ingest", "--quiet", "--db", db, path)
			if code != exitFail {
				t.Errorf("ingest exit %d, want %d", code, exitFail)
			}
			if !strings.Contains(stderr, path+":") {
				t.Errorf("ingest stderr %q does not name %s", stderr, path)
			}
		})
	}
	// Nothing was loaded; the failures that had content are on the to-do list.
	sq, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sq.Close()
	var loaded, failed int
	if err := sq.QueryRow(`SELECT count(*) FILTER (WHERE status = 'loaded'), count(*) FILTER (WHERE status = 'failed') FROM documents`).Scan(&loaded, &failed); err != nil {
		t.Fatal(err)
	}
	if loaded != 0 || failed == 0 {
		t.Errorf("documents: %d loaded, %d failed; want 0 loaded and the failures recorded", loaded, failed)
	}
	var meetings int
	if err := sq.QueryRow(`SELECT count(*) FROM meetings`).Scan(&meetings); err != nil {
		t.Fatal(err)
	}
	if meetings != 0 {
		t.Errorf("%d meetings after failed files only", meetings)
	}
}

// TestExportEqualsParse is the contract that the database loses nothing: for every text file of
// the sample and of the dev corpus, the exported record equals the parsed one.
func TestExportEqualsParse(t *testing.T) {
	files := textFiles(t, "../../testdata/sample")
	if dir, err := filepath.Abs("../../../shared/corpus/dev"); err == nil {
		if _, err := os.Stat(dir); err == nil {
			files = append(files, textFiles(t, dir)...)
		}
	}
	db := filepath.Join(t.TempDir(), "m.db")
	for _, f := range files {
		code, parsed, stderr := run(t, "parse", "--json", f)
		if code != exitOK {
			t.Errorf("parse %s: exit %d: %s", f, code, stderr)
			continue
		}
		var rec struct{ Source struct{ SHA256 string } }
		if err := json.Unmarshal([]byte(parsed), &rec); err != nil {
			t.Fatalf("parse %s: %v", f, err)
		}
		if code, _, stderr := run(t, "ingest", "--quiet", "--db", db, f); code != exitOK {
			t.Fatalf("ingest %s: exit %d: %s", f, code, stderr)
		}
		code, exported, stderr := run(t, "export", "--db", db, "--json", "--doc", rec.Source.SHA256)
		if code != exitOK {
			t.Fatalf("export %s: exit %d: %s", f, code, stderr)
		}
		if exported != parsed {
			t.Errorf("%s: export differs from parse:\n%s", filepath.Base(f), firstDiff(parsed, exported))
		}
	}
}

// firstDiff shows the first differing line of two texts, for readable failures.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n  parse:  " + x + "\n  export: " + y
		}
	}
	return "(same lines)"
}

// TestIngestTwice: ingesting the same folder twice leaves the same database, and the second run
// reports every file unchanged.
func TestIngestTwice(t *testing.T) {
	corpus := sharedCorpus(t)
	dir := t.TempDir()
	for _, f := range textFiles(t, corpus) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n := len(textFiles(t, dir))
	db := filepath.Join(t.TempDir(), "m.db")
	code, _, stderr := run(t, "ingest", "--db", db, dir)
	if code != exitOK {
		t.Fatalf("first ingest: exit %d: %s", code, stderr)
	}
	if want := "ingested " + strconv.Itoa(n) + " files"; !strings.Contains(stderr, want) || !strings.Contains(stderr, strconv.Itoa(n)+" added") {
		t.Errorf("first summary %q, want %d added", stderr, n)
	}
	_, first, _ := run(t, "export", "--db", db)
	code, _, stderr = run(t, "ingest", "--db", db, dir)
	if code != exitOK {
		t.Fatalf("second ingest: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "0 added, "+strconv.Itoa(n)+" unchanged") {
		t.Errorf("second summary %q, want all %d unchanged", stderr, n)
	}
	_, second, _ := run(t, "export", "--db", db)
	if first != second {
		t.Errorf("second ingest changed the export:\n%s", firstDiff(first, second))
	}
}

// TestIngestTimeout: a file whose extraction does not end (the PDF library can loop on some
// damaged files) is given up on and recorded as failed; the batch goes on.
func TestIngestTimeout(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	code, _, stderr := run(t, "ingest", "--quiet", "--timeout", "1ns", "--db", db, "../../testdata/sample/numerian-2023-12-15.pdf")
	if code != exitFail || !strings.Contains(stderr, "numerian-2023-12-15.pdf:0: gave up after 1ns") {
		t.Errorf("exit %d, stderr %q; want a failure naming the file and the timeout", code, stderr)
	}
}

// TestSearch goes through a real database file: accents and œ are ignored on both sides.
func TestSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", db, "../../testdata/sample/numerian-2023-12-15.txt"); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	tests := []struct{ query, want string }{
		{"deliberation", "[délibération]"},
		{"DÉLIBÉRATION statuts", "[Statuts]"},
		{"oeuvre", "[œuvre]"},
	}
	for _, tt := range tests {
		code, out, stderr := run(t, "search", "--db", db, "--limit", "50", tt.query)
		if code != exitOK {
			t.Fatalf("search %q: exit %d: %s", tt.query, code, stderr)
		}
		if !strings.Contains(out, tt.want) || !strings.Contains(out, "numerian-2023-12-15.txt:p1:") {
			t.Errorf("search %q: output lacks %q with a position:\n%s", tt.query, tt.want, out)
		}
	}
	if code, out, _ := run(t, "search", "--db", db, `"unbalanced -quote NEAR(`); code != exitOK {
		t.Errorf("a query with FTS syntax in it failed: exit %d, %s", code, out)
	}
}

// TestIngestReparse: documents stored by another parser version are re-parsed only on request,
// and then only once.
func TestIngestReparse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	sample := "../../testdata/sample"
	steps := []struct {
		args []string
		want string
	}{
		{[]string{"ingest", "--quiet", "--db", db, sample}, "2 added, 0 unchanged, 0 replaced"},
		{[]string{"ingest", "--quiet", "--db", db, sample}, "0 added, 2 unchanged, 0 replaced"},
		{[]string{"ingest", "--quiet", "--reparse", "--db", db, sample}, "0 added, 0 unchanged, 2 replaced"},
		{[]string{"ingest", "--quiet", "--reparse", "--db", db, sample}, "0 added, 2 unchanged, 0 replaced"},
	}
	for i, s := range steps {
		if i == 1 {
			// As if an older parser had stored them.
			sq := openSQL(t, db)
			if _, err := sq.Exec(`UPDATE documents SET parser_version = '0.0.1'`); err != nil {
				t.Fatal(err)
			}
		}
		code, _, stderr := run(t, s.args...)
		if code != exitOK || !strings.Contains(stderr, s.want) {
			t.Errorf("step %d: exit %d, %q; want %q", i, code, stderr, s.want)
		}
	}
}
