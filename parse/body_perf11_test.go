package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"minutes/extract"
)

// paragraphsRef is paragraphs before its slices were made at their size: the reference.
func (d *doc) paragraphsRef(a, b int) []para {
	if b > len(d.lines) {
		b = len(d.lines)
	}
	if a >= b {
		return nil
	}
	idx := make([]int, 0, b-a)
	var out []para
	first := 0
	prevTab := false
	flush := func() {
		if len(idx) > first {
			out = append(out, para{lines: idx[first:len(idx):len(idx)], table: prevTab})
			first = len(idx)
		}
	}
	for i := a; i < b; i++ {
		if d.used[i] || d.blankAt(i) || (d.bs.agendaLine != nil && d.bs.agendaLine[i]) {
			flush()
			continue
		}
		tab := d.rowAt(i)
		if len(idx) > first && (tab != prevTab || d.opensBlock(i)) {
			flush()
		}
		idx = append(idx, i)
		prevTab = tab
	}
	flush()
	return out
}

// checkParagraphs reads src as far as the body's agenda (the state paragraphs reads) and
// compares paragraphs with paragraphsRef over the whole text and over windows of it.
func checkParagraphs(t *testing.T, src *extract.Source) {
	t.Helper()
	d := newDoc(src)
	d.header()
	d.attendance()
	d.agenda()
	n := len(d.lines)
	spans := [][2]int{{0, n}, {0, n + 3}, {n / 3, 2 * n / 3}, {n / 2, n}, {1, 1}, {n, n}}
	for _, sp := range spans {
		want := d.paragraphsRef(sp[0], sp[1])
		got := d.paragraphs(sp[0], sp[1])
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s lines %d..%d: paragraphs = %v, want %v", src.Name, sp[0], sp[1], got, want)
		}
		for k := range got {
			if cap(got[k].lines) != len(got[k].lines) {
				t.Fatalf("%s: paragraph %d has room past its end (%d > %d)", src.Name, k, cap(got[k].lines), len(got[k].lines))
			}
		}
	}
}

// TestParagraphsCorpus checks paragraphs against paragraphsRef on every corpus text.
func TestParagraphsCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		checkParagraphs(t, src)
	}
}

// paragraphSeeds are short texts with blank lines, tables, turns and votes.
var paragraphSeeds = []string{
	"ORDRE DU JOUR\n1. Budget\n2. Tarifs\n\n1. Budget\nM. DUPONT : je propose.\nMme MARTIN : oui.\n\nAdopté à l'unanimité.\n",
	"Compte\tMontant\n611\t1 200,00\nTotal\t1 200,00\n\nLe conseil décide.\nDébat :\nM. X : non.\n",
	"\n\n\nx\n\ny\tz\n",
	"Présents : M. Jean DUPONT\n\nI. VIE DU SYNDICAT\nLe conseil. Pour : 10 Contre : 2\nMonsieur le Maire indique.\n",
}

// FuzzParagraphs checks paragraphs against paragraphsRef on any text.
func FuzzParagraphs(f *testing.F) {
	for _, s := range paragraphSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkParagraphs(t, src)
	})
}
