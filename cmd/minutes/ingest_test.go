package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test start the CLI as a real process (for the kill test): when
// MINUTES_TEST_ARGS is set, this test binary is `minutes` with those arguments.
func TestMain(m *testing.M) {
	if a := os.Getenv("MINUTES_TEST_ARGS"); a != "" {
		var args []string
		if err := json.Unmarshal([]byte(a), &args); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(exitUsage)
		}
		os.Exit(Do(args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// sources returns the text minutes to build archives from: the bundled sample, and the dev
// corpus when it is there.
func sources(t testing.TB) [][]byte {
	t.Helper()
	files := textFiles(t, "../../testdata/sample")
	if dir, err := filepath.Abs("../../../shared/corpus/dev"); err == nil {
		if _, err := os.Stat(dir); err == nil {
			files = append(files, textFiles(t, dir)...)
		}
	}
	var out [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// archive is what buildArchive made, so tests can check every count against it.
type archive struct {
	dir       string
	files     int // files the walker takes (readable formats)
	unique    int // distinct readable contents
	broken    int // empty and corrupt files (fail)
	duplicate int // files whose content is already elsewhere in the archive
	skipped   int // files of other formats
}

// buildArchive writes n files in nested folders: copies of real minutes with a small edit each
// (so each is a distinct document), a few empty and corrupt files, one duplicate under another
// name and one file of a format we don't read.
func buildArchive(t testing.TB, n int) archive {
	t.Helper()
	src := sources(t)
	a := archive{dir: t.TempDir()}
	write := func(rel string, data []byte) {
		p := filepath.Join(a.dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var first []byte
	for i := 0; i < n; i++ {
		base := src[i%len(src)]
		data := append(append([]byte{}, base...), fmt.Sprintf("\n\nCopie d'archive n° %d\n", i)...)
		if i == 0 {
			first = data
		}
		write(fmt.Sprintf("%d/%02d/cr-%05d.txt", 2000+i%20, i%12+1, i), data)
		a.files++
		a.unique++
	}
	write("broken/empty.txt", nil)
	write("broken/corrupt.pdf", []byte("%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog"))
	write("broken/binary.txt", []byte("\x00\x00\x00\x01 not text"))
	a.files += 3
	a.broken = 3
	write("other/copy-of-first.txt", first)
	a.files++
	a.duplicate = 1
	write("other/notes.docx", []byte("PK\x03\x04 a word file"))
	a.skipped = 1
	return a
}

func openSQL(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", path+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	// No idle connection is kept: each check gets a fresh one. FTS5 caches the index structure
	// on a connection and PRAGMA integrity_check does not revalidate it, so a connection kept
	// across an ingest that merged the index's segments reports "fts5: corruption found
	// reading blob …" on a sound database (store.Query guards against the same).
	db.SetMaxIdleConns(0)
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t testing.TB, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// consistent checks what a crash must never leave behind.
func consistent(t testing.TB, db *sql.DB) {
	t.Helper()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	if n := count(t, db, `SELECT count(*) FROM documents d WHERE d.status = 'loaded' AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.document_id = d.id)`); n != 0 {
		t.Errorf("%d loaded documents without their meeting row", n)
	}
	if n := count(t, db, `SELECT count(*) FROM pragma_foreign_key_check`); n != 0 {
		t.Errorf("%d foreign key violations", n)
	}
	// integrity_check does not compare the full-text index with the texts it indexes: FTS5's own
	// check does, and fails with "database disk image is malformed" when they disagree.
	if _, err := db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index disagrees with its texts: %v", err)
	}
}

// TestIngestArchive ingests an archive of 2,000 files and checks every count of the summary and
// of the database, then re-runs it (all unchanged) and re-parses on request.
func TestIngestArchive(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	a := buildArchive(t, n)
	dbPath := filepath.Join(t.TempDir(), "archive.db")
	code, out, stderr := run(t, "ingest", "--db", dbPath, "--log", "json", a.dir)
	if code != exitFail {
		t.Fatalf("exit %d, want %d (broken files in the archive): %s", code, exitFail, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != a.files+1 {
		t.Fatalf("%d log lines, want one per file (%d) and a summary", len(lines), a.files)
	}
	var sum struct {
		Added, Unchanged, Replaced, Failed, Skipped int
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil {
		t.Fatal(err)
	}
	want := struct{ Added, Unchanged, Replaced, Failed, Skipped int }{a.unique, a.duplicate, 0, a.broken, a.skipped}
	if sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	db := openSQL(t, dbPath)
	consistent(t, db)
	checks := []struct {
		query string
		want  int
	}{
		{`SELECT count(*) FROM documents WHERE status = 'loaded'`, a.unique},
		{`SELECT count(*) FROM documents WHERE status = 'failed'`, a.broken},
		{`SELECT count(*) FROM meetings`, a.unique},
		{`SELECT count(*) FROM locations`, a.unique + a.duplicate + a.broken},
		{`SELECT count(*) FROM runs`, 1},
		// The ingest indexed its texts for search in batches; once it has ended, all of them.
		{`SELECT count(*) FROM search_text WHERE id > (SELECT indexed_upto FROM search_state)`, 0},
		{`SELECT (SELECT count(*) FROM search_text) - (SELECT count(*) FROM search_docsize)`, 0},
	}
	for _, c := range checks {
		if got := count(t, db, c.query); got != c.want {
			t.Errorf("%s = %d, want %d", c.query, got, c.want)
		}
	}

	code, out, _ = run(t, "ingest", "--db", dbPath, "--log", "json", a.dir)
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil {
		t.Fatal(err)
	}
	// Failed files are tried again (they may have been fixed); everything else is unchanged.
	want = struct{ Added, Unchanged, Replaced, Failed, Skipped int }{0, a.unique + a.duplicate, 0, a.broken, a.skipped}
	if code != exitFail || sum != want {
		t.Errorf("re-run: exit %d, summary %+v, want %+v", code, sum, want)
	}

	// A corrected file at a known path replaces its old record; a fixed failed file is added.
	fixed := filepath.Join(a.dir, "broken", "empty.txt")
	if err := os.WriteFile(fixed, sources(t)[0], 0o644); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(a.dir, "2000", "01", "cr-00000.txt")
	if err := os.WriteFile(victim, append(sources(t)[0], "\nErratum.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", dbPath, fixed, victim); code != exitOK || !strings.Contains(stderr, "1 added, 0 unchanged, 1 replaced") {
		t.Errorf("corrections: exit %d, %s", code, stderr)
	}
	consistent(t, db)
	if got := count(t, db, `SELECT count(*) FROM documents WHERE status = 'loaded'`); got != a.unique+2 {
		t.Errorf("after corrections %d loaded, want %d (the duplicate still holds the replaced content)", got, a.unique+2)
	}
}

// TestIngestJobs ingests the same archive with one to five workers, the last of several taking
// files only while the writer waits: every count must be the same, and no run may hang (an
// archive of broken files only keeps the writer waiting; one file leaves workers with none).
func TestIngestJobs(t *testing.T) {
	a := buildArchive(t, 40)
	one := filepath.Join(a.dir, "2000", "01", "cr-00000.txt")
	for _, jobs := range []string{"1", "2", "3", "5"} {
		for _, c := range []struct {
			name, path         string
			added, same, fails int
		}{
			{"archive", a.dir, a.unique, a.duplicate, a.broken},
			{"broken only", filepath.Join(a.dir, "broken"), 0, 0, a.broken},
			{"one file", one, 1, 0, 0},
		} {
			dbPath := filepath.Join(t.TempDir(), "jobs.db")
			type result struct {
				code   int
				stderr string
			}
			done := make(chan result, 1)
			go func() {
				code, _, stderr := run(t, "ingest", "--quiet", "--jobs", jobs, "--db", dbPath, c.path)
				done <- result{code, stderr}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(2 * time.Minute):
				t.Fatalf("--jobs %s, %s: the ingest did not end", jobs, c.name)
			}
			want := fmt.Sprintf("%d added, %d unchanged, 0 replaced, %d failed", c.added, c.same, c.fails)
			if !strings.Contains(r.stderr, want) {
				t.Errorf("--jobs %s, %s: exit %d, %q, want %q", jobs, c.name, r.code, r.stderr, want)
			}
		}
	}
}

// TestIngestKilled kills a real ingest process mid-run with SIGKILL, checks the database is
// consistent, re-runs, and checks the result equals an uninterrupted run.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a process")
	}
	a := buildArchive(t, 400)
	dbPath := filepath.Join(t.TempDir(), "killed.db")
	args, _ := json.Marshal([]string{"ingest", "--quiet", "--jobs", "2", "--db", dbPath, a.dir})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MINUTES_TEST_ARGS="+string(args))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once some documents are in, well before the end.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if loadedSoFar(dbPath) >= 30 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	db := openSQL(t, dbPath)
	consistent(t, db)
	before := count(t, db, `SELECT count(*) FROM documents WHERE status = 'loaded'`)
	if before == 0 || before >= a.unique {
		t.Logf("killed with %d of %d documents loaded: not a mid-run kill", before, a.unique)
	}
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", dbPath, a.dir); code != exitFail {
		t.Fatalf("resume: exit %d: %s", code, stderr)
	}
	consistent(t, db)

	clean := filepath.Join(t.TempDir(), "clean.db")
	run(t, "ingest", "--quiet", "--db", clean, a.dir)
	_, want, _ := run(t, "export", "--db", clean)
	_, got, _ := run(t, "export", "--db", dbPath)
	if got != want {
		t.Errorf("resumed database differs from an uninterrupted run:\n%s", firstDiff(want, got))
	}
	if n := count(t, db, `SELECT count(*) FROM documents WHERE status = 'loaded'`); n != a.unique {
		t.Errorf("%d loaded after resume, want %d", n, a.unique)
	}
}

// loadedSoFar reads the number of loaded documents of a database being written, or 0.
func loadedSoFar(path string) int {
	db, err := sql.Open("sqlite3", path+"?_busy_timeout=1000&mode=ro")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM documents WHERE status = 'loaded'`).Scan(&n); err != nil {
		return 0
	}
	return n
}

// TestIngestConcurrent runs two ingests of overlapping folders on one database at once.
func TestIngestConcurrent(t *testing.T) {
	a := buildArchive(t, 120)
	dbPath := filepath.Join(t.TempDir(), "both.db")
	var wg sync.WaitGroup
	codes := make([]int, 2)
	errs := make([]string, 2)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, errs[i] = run(t, "ingest", "--quiet", "--db", dbPath, filepath.Join(a.dir, "2000"), filepath.Join(a.dir, "2001"), filepath.Join(a.dir, "2002"))
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != exitOK {
			t.Errorf("ingest %d: exit %d: %s", i, c, errs[i])
		}
	}
	db := openSQL(t, dbPath)
	consistent(t, db)
	want := 0
	for _, y := range []string{"2000", "2001", "2002"} {
		want += len(walkAll(t, filepath.Join(a.dir, y)))
	}
	if got := count(t, db, `SELECT count(*) FROM documents WHERE status = 'loaded'`); got != want {
		t.Errorf("%d documents loaded, want %d", got, want)
	}
}

func walkAll(t testing.TB, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkIngest reports files/s for a first ingest and for an unchanged re-run of the same
// archive (the nightly job's case: read and hash only).
func BenchmarkIngest(b *testing.B) {
	a := buildArchive(b, 300)
	b.Run("first", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			db := filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", i))
			if code := Do([]string{"ingest", "--quiet", "--db", db, a.dir}, nil, discard{}, discard{}); code != exitFail {
				b.Fatalf("exit %d", code)
			}
		}
		b.ReportMetric(float64(a.files*b.N)/b.Elapsed().Seconds(), "files/s")
	})
	db := filepath.Join(b.TempDir(), "rerun.db")
	Do([]string{"ingest", "--quiet", "--db", db, a.dir}, nil, discard{}, discard{})
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			if code := Do([]string{"ingest", "--quiet", "--db", db, a.dir}, nil, discard{}, discard{}); code != exitFail {
				b.Fatalf("exit %d", code)
			}
		}
		b.ReportMetric(float64(a.files*b.N)/b.Elapsed().Seconds(), "files/s")
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestExtraProc checks that overlapping ingests raise GOMAXPROCS by one in all and that the last
// to end restores it.
func TestExtraProc(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	first := extraProc()
	second := extraProc()
	if got := runtime.GOMAXPROCS(0); got != procs+1 {
		t.Errorf("two ingests: GOMAXPROCS = %d, want %d", got, procs+1)
	}
	first()
	if got := runtime.GOMAXPROCS(0); got != procs+1 {
		t.Errorf("one ingest left: GOMAXPROCS = %d, want %d", got, procs+1)
	}
	if os.Getenv("GOGC") == "" {
		if got := debug.SetGCPercent(ingestGCPercent); got != ingestGCPercent {
			t.Errorf("during an ingest: GC percent %d, want %d", got, ingestGCPercent)
		}
	}
	second()
	if got := runtime.GOMAXPROCS(0); got != procs {
		t.Errorf("no ingest left: GOMAXPROCS = %d, want %d", got, procs)
	}
	if got, want := debug.SetGCPercent(100), 100; got != want && os.Getenv("GOGC") == "" {
		t.Errorf("no ingest left: GC percent %d, want %d restored", got, want)
	}
}
