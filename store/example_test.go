package store_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"minutes/parse"
	"minutes/store"
)

// Saving a record and finding it again: accents and the œ ligature do not matter.
func ExampleDB_Search() {
	dir, err := os.MkdirTemp("", "minutes")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "minutes.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	b, err := os.ReadFile("testdata/full-record.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	var rec parse.Record
	if err := json.Unmarshal(b, &rec); err != nil {
		fmt.Println(err)
		return
	}
	out, err := db.Save("archive/cr-2023-12-15.txt", &rec)
	fmt.Println(out, err)
	out, err = db.Save("copies/cr.txt", &rec)
	fmt.Println(out, err)

	hits, err := db.Search("coeur deliberation", 5)
	fmt.Println(len(hits), err)
	hits, err = db.Search("coeur", 5)
	for _, h := range hits {
		fmt.Printf("%s %s %s (%s) p%d:%d\n%s\n", h.Date, h.Document, h.ItemPath, h.Kind, h.Page, h.Line, h.Snippet)
	}

	_, rows, err := db.Query(`SELECT SUM(cents), SUM(cents) / 100.0 FROM budget_cells WHERE column_name = ? AND row_kind = 'line'`, "Budget 2023")
	fmt.Println(rows, err)
	// Output:
	// added <nil>
	// unchanged <nil>
	// 0 <nil>
	// 2023-12-15 cr-2023-12-15.txt I.1 (item) p1:21
	// …Le [cœur] du projet reste l'œuvre commune : 77 000€ pour les écoles.
	// [[105123601 1051236.01]] <nil>
}
