package parse_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"minutes/extract"
	"minutes/parse"
	"minutes/store"
)

// TestTablesSumInStore saves the Numérian budget tables and sums their cells in SQL over the
// budget_cells view: the lines, and the subtotals, add up to the stated totals to the cent,
// and the stored value of each total is its exact decimal text.
func TestTablesSumInStore(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "tables", "numerian-tabs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := extract.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	src.Name = "numerian-tabs.txt"
	src.SHA256 = extract.Hash(data)
	rec := parse.Minutes(src)
	db, err := store.Open(filepath.Join(t.TempDir(), "minutes.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Save("numerian-tabs.txt", rec); err != nil {
		t.Fatal(err)
	}
	_, rows, err := db.Query(`SELECT section, column_name,
  SUM(CASE WHEN row_kind = 'line' THEN cents END),
  SUM(CASE WHEN row_kind = 'subtotal' THEN cents END),
  MAX(CASE WHEN row_kind = 'total' THEN cents END),
  MAX(CASE WHEN row_kind = 'total' THEN value END)
FROM budget_cells WHERE table_title = 'Situation budget comptable 2023'
GROUP BY section, column_position ORDER BY section, column_position`)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Dépenses", "Total budget SM", "144985554", "144985554", "144985554", "1449855.54"},
		{"Dépenses", "Total budget EPIC", "280052885", "280052885", "280052885", "2800528.85"},
		{"Dépenses", "Total budget SM + EPIC", "425038439", "425038439", "425038439", "4250384.39"},
		{"Recettes", "Total budget SM", "144985554", "144985554", "144985554", "1449855.54"},
		{"Recettes", "Total budget EPIC", "280052885", "280052885", "280052885", "2800528.85"},
		{"Recettes", "Total budget SM + EPIC", "425038439", "425038439", "425038439", "4250384.39"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("sums over budget_cells =\n%v\nwant\n%v", rows, want)
	}
	// Codes keep their leading zeros through the store.
	_, rows, err = db.Query(`SELECT DISTINCT row_code FROM budget_cells WHERE row_code LIKE '0%' ORDER BY row_code`)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"001"}, {"002"}, {"011"}, {"012"}, {"013"}, {"021"}, {"023"}, {"040"}, {"042"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("codes with a leading zero = %v, want %v", rows, want)
	}
}
