package store

import (
	"fmt"
	"testing"
)

// indexState returns how many search texts are stored and how many are indexed, and fails t
// when FTS5's integrity-check finds the index out of step with the texts it should hold.
func indexState(t *testing.T, db *DB, step string) (texts, indexed int) {
	t.Helper()
	if _, err := db.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Errorf("%s: FTS integrity-check: %v", step, err)
	}
	if err := db.db.QueryRow(`SELECT (SELECT count(*) FROM search_text), (SELECT count(*) FROM search_docsize)`).Scan(&texts, &indexed); err != nil {
		t.Fatal(err)
	}
	return texts, indexed
}

// TestDeferIndexBatches saves documents with DeferIndex: their texts wait until searchBatch
// documents have been saved, then go into the index together; a search indexes what waits.
func TestDeferIndexBatches(t *testing.T) {
	db, _ := openTest(t)
	save := func(i int) {
		t.Helper()
		rec := typicalRecord(fmt.Sprintf("d%d", i))
		rec.Items = rec.Items[:2]
		rec.Items[0].Text = fmt.Sprintf("Texte numéro mot%d du cœur", i)
		if _, err := db.Save(fmt.Sprintf("%d.txt", i), rec, DeferIndex()); err != nil {
			t.Fatal(err)
		}
	}
	for i := range searchBatch - 1 {
		save(i)
	}
	texts, indexed := indexState(t, db, "before the batch is full")
	if indexed != 0 || texts == 0 {
		t.Errorf("before the batch is full: %d of %d texts indexed, want none", indexed, texts)
	}
	save(searchBatch - 1)
	if texts, indexed := indexState(t, db, "batch full"); indexed != texts {
		t.Errorf("batch full: %d of %d texts indexed, want all", indexed, texts)
	}
	save(searchBatch)
	if texts, indexed := indexState(t, db, "one more"); indexed != texts-6 {
		t.Errorf("one more: %d of %d texts indexed, want all but its 6", indexed, texts)
	}
	hits, err := db.Search(fmt.Sprintf("mot%d", searchBatch), 0)
	if err != nil || len(hits) != 1 {
		t.Errorf("search for the last document's word: %v, %v; want one hit", hits, err)
	}
	if texts, indexed := indexState(t, db, "after a search"); indexed != texts {
		t.Errorf("after a search: %d of %d texts indexed, want all", indexed, texts)
	}
}

// TestDeferIndexEdits replaces and deletes documents whose texts wait and whose texts are
// indexed, mixed, and checks that the index always holds exactly the stored texts' words.
func TestDeferIndexEdits(t *testing.T) {
	db, _ := openTest(t)
	rec := func(sha, word string) {
		t.Helper()
		r := typicalRecord(sha)
		r.Items = r.Items[:2]
		r.Items[1].Text = "Le mot du jour : " + word
		if _, err := db.Save(sha[:1]+".txt", r, DeferIndex()); err != nil {
			t.Fatal(err)
		}
	}
	rec("a1", "alpha")                        // waits
	if err := db.CatchUpIndex(); err != nil { // indexed
		t.Fatal(err)
	}
	rec("b1", "bravo")   // waits
	rec("a2", "charlie") // replaces the indexed a1, waits
	rec("b2", "delta")   // replaces the waiting b1, waits
	indexState(t, db, "replaced")
	if err := db.CatchUpIndex(); err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]int{"alpha": 0, "bravo": 0, "charlie": 1, "delta": 1} {
		if hits, err := db.Search(word, 0); err != nil || len(hits) != want {
			t.Errorf("search %q: %d hits, %v; want %d", word, len(hits), err, want)
		}
	}
	if texts, indexed := indexState(t, db, "caught up"); texts != indexed {
		t.Errorf("caught up: %d of %d texts indexed", indexed, texts)
	}
	// The last document's search ids are at the watermark: deleted, they must not be handed out
	// again as if already indexed.
	if _, err := db.db.Exec(`DELETE FROM documents WHERE sha256 = 'b2'`); err != nil {
		t.Fatal(err)
	}
	rec("e1", "echo")
	if hits, err := db.Search("echo", 0); err != nil || len(hits) != 1 {
		t.Errorf("search echo after the last document was deleted: %d hits, %v; want 1", len(hits), err)
	}
	if _, err := db.db.Exec(`DELETE FROM documents`); err != nil {
		t.Fatal(err)
	}
	if texts, indexed := indexState(t, db, "all deleted"); texts != 0 || indexed != 0 {
		t.Errorf("all deleted: %d texts, %d indexed", texts, indexed)
	}
}

// TestDeferIndexAfterStop: texts left waiting by a process that stopped without closing the
// database are indexed by the next Open.
func TestDeferIndexAfterStop(t *testing.T) {
	db, path := openTest(t)
	rec := typicalRecord("stop")
	rec.Items[0].Text = "Un texte resté en attente"
	if _, err := db.Save("stop.txt", rec, DeferIndex()); err != nil {
		t.Fatal(err)
	}
	// A stop: the connections go, no Close.
	db.stopCheckpointer()
	db.wmu.Lock()
	db.closeWriteConn()
	db.wmu.Unlock()
	if err := db.db.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(path, WithClock(testClock))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if texts, indexed := indexState(t, again, "reopened"); texts == 0 || indexed != texts {
		t.Errorf("reopened: %d of %d texts indexed, want all", indexed, texts)
	}
}

// TestDeferIndexTwoHandles interleaves saves with DeferIndex from two handles on one file (two
// processes ingesting at once): each must notice texts it does not hold and index them from the
// stored rows, so that nothing is indexed twice, wrongly or never.
func TestDeferIndexTwoHandles(t *testing.T) {
	a, path := openTest(t)
	b, err := Open(path, WithClock(testClock))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for i := range 3 * searchBatch {
		db, name := a, "a"
		if i%3 == 2 {
			db, name = b, "b"
		}
		rec := typicalRecord(fmt.Sprintf("%s%d", name, i))
		rec.Items = rec.Items[:2]
		rec.Items[0].Text = fmt.Sprintf("Texte mot%d", i)
		// Every fifth document replaces an earlier one at its path.
		path := fmt.Sprintf("%d.txt", i)
		if i%5 == 4 {
			path = fmt.Sprintf("%d.txt", i-3)
		}
		if _, err := db.Save(path, rec, DeferIndex()); err != nil {
			t.Fatal(err)
		}
		indexState(t, a, fmt.Sprintf("save %d", i))
	}
	if err := a.CatchUpIndex(); err != nil {
		t.Fatal(err)
	}
	if err := b.CatchUpIndex(); err != nil {
		t.Fatal(err)
	}
	if texts, indexed := indexState(t, a, "caught up"); texts != indexed {
		t.Errorf("caught up: %d of %d texts indexed", indexed, texts)
	}
	for i := range 3 * searchBatch {
		want := 1
		if (i+3)%5 == 4 && i+3 < 3*searchBatch {
			want = 0 // replaced
		}
		if hits, err := a.Search(fmt.Sprintf("mot%d", i), 0); err != nil || len(hits) != want {
			t.Errorf("search mot%d: %d hits, %v; want %d", i, len(hits), err, want)
		}
	}
}
