package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
)

// tableRowRef is tableRow before the rows below were looked for first: the reference.
func (d *doc) tableRowRef(i int) bool {
	if d.isTableLine(i) {
		return true
	}
	for k := i; k < len(d.lines) && k < i+3; k++ {
		if d.blankAt(k) || d.used[k] {
			return false
		}
		t := trimLine(d.lines[k].Text)
		if endsSentence(t) || strings.HasSuffix(t, ":") || moreRunes(t, 60) {
			return false
		}
		if k+1 < len(d.lines) && d.isTableLine(k+1) {
			return true
		}
	}
	return false
}

// bodyReady reads src as far as the body's agenda: the state the body's line readers read.
func bodyReady(src *extract.Source) *doc {
	d := newDoc(src)
	d.header()
	d.attendance()
	d.agenda()
	return d
}

// checkTableRow compares tableRow with tableRowRef on every line of src, on two documents so
// that neither's memo serves the other.
func checkTableRow(t *testing.T, src *extract.Source) {
	t.Helper()
	d, r := bodyReady(src), bodyReady(src)
	for i := range d.lines {
		if got, want := d.tableRow(i), r.tableRowRef(i); got != want {
			t.Fatalf("%s line %d %q: tableRow = %v, want %v", src.Name, i, d.lines[i].Text, got, want)
		}
	}
}

// corpusSources extracts every text file of the development corpus (skipping tb without it).
func corpusSources(tb testing.TB) []*extract.Source {
	var out []*extract.Source
	for _, f := range corpusTexts(tb) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, src)
	}
	return out
}

// TestTableRowCorpus checks tableRow against tableRowRef on every line of the corpus texts.
func TestTableRowCorpus(t *testing.T) {
	for _, src := range corpusSources(t) {
		checkTableRow(t, src)
	}
}

// tableRowSeeds are short texts with captions above tables, and lines that are none.
var tableRowSeeds = []string{
	"Situation budget 2023\nDépenses\nCompte\tMontant\n611\t1 200,00\n",
	"Le conseil décide.\nCompte\tMontant\n",
	"Total :\nA\tB\n\nx\ny\nz\nw\na\tb\n",
	"Une ligne de prose qui dépasse largement les soixante caractères de la légende\nA\tB\n",
	"cap\n\nA\tB\nfin",
	"a\n b \n c\u00a0\nd\te\n",
}

// FuzzTableRow checks tableRow against tableRowRef on any text.
func FuzzTableRow(f *testing.F) {
	for _, s := range append(tableRowSeeds, paragraphSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkTableRow(t, src)
	})
}
