package parse

import (
	"testing"

	"minutes/extract"
)

// isTableLineRef is isTableLine before every line was read on the first call: each line was
// read when first asked. The reference.
func (d *doc) isTableLineRef(i int) bool {
	rows := d.flatRowLines()
	st := rows[i]
	if st&lineRead == 0 {
		st |= lineRead
		if untabTableText(d.lines[i].Text) || st&lineRow != 0 {
			st |= lineTable
		}
		rows[i] = st
	}
	return st&lineTable != 0
}

// checkTableLine compares isTableLine with isTableLineRef on every line of src, on two
// documents so that neither's memo serves the other. isTableLine is first asked of the last
// line, then of every line twice; the reference of each line once, in order.
// It returns how many lines are table lines.
func checkTableLine(t *testing.T, src *extract.Source) (rows int) {
	t.Helper()
	d, r := bodyReady(src), bodyReady(src)
	n := len(d.lines)
	if n == 0 {
		return 0
	}
	d.isTableLine(n - 1)
	for i := range n {
		want := r.isTableLineRef(i)
		if want {
			rows++
		}
		for range 2 {
			if got := d.isTableLine(i); got != want {
				t.Fatalf("%s line %d %q: isTableLine = %v, want %v", src.Name, i, d.lines[i].Text, got, want)
			}
		}
	}
	return rows
}

// rowAtRef is rowAt before the answer "no" alone was read inline: the reference.
func (d *doc) rowAtRef(i int) bool {
	if r := d.lm.row; i < len(r) && r[i] != 0 {
		return r[i] == 2
	}
	return d.readRow(i)
}

// markerAtRef is markerAt before the answer "no" alone was read inline: the reference.
func (d *doc) markerAtRef(i int) bool {
	if r := d.lm.marker; i < len(r) && r[i] != 0 {
		return r[i] == 2
	}
	return d.readMarker(i)
}

// checkLineMemos compares rowAt and markerAt with their references and with what they
// remember (tableRow, the debate marker test) on every line of src, asked twice each, on two
// documents so that neither's memo serves the other. It returns how many lines are rows or
// markers.
func checkLineMemos(t *testing.T, src *extract.Source) (yes int) {
	t.Helper()
	d, r := bodyReady(src), bodyReady(src)
	for i := range d.lines {
		row, marker := r.rowAtRef(i), r.markerAtRef(i)
		if row != d.tableRow(i) || marker != isDebateMarker(trimBulletMarks(d.folded[i])) {
			t.Fatalf("%s line %d %q: rowAtRef, markerAtRef = %v, %v: not what they remember", src.Name, i, d.lines[i].Text, row, marker)
		}
		for range 2 {
			if got := d.rowAt(i); got != row {
				t.Fatalf("%s line %d %q: rowAt = %v, want %v", src.Name, i, d.lines[i].Text, got, row)
			}
			if got := d.markerAt(i); got != marker {
				t.Fatalf("%s line %d %q: markerAt = %v, want %v", src.Name, i, d.lines[i].Text, got, marker)
			}
		}
		if row {
			yes++
		}
		if marker {
			yes++
		}
	}
	return yes
}

// checkLineAnswers runs checkTableLine and checkLineMemos on src, returning how many answers
// are "yes".
func checkLineAnswers(t *testing.T, src *extract.Source) int {
	t.Helper()
	return checkTableLine(t, src) + checkLineMemos(t, src)
}

// TestLineAnswersCorpus checks isTableLine, rowAt and markerAt against their references on
// every line of the corpus texts.
func TestLineAnswersCorpus(t *testing.T) {
	srcs, _ := corpusSources(t)
	for _, src := range srcs {
		checkLineAnswers(t, src)
	}
}

// TestLineAnswersCases checks isTableLine, rowAt and markerAt against their references on
// short texts with tables, list indents, tabs inside sentences and debate markers.
func TestLineAnswersCases(t *testing.T) {
	cases := append([]string{
		"1.\tApprobation du procès-verbal\nCompte\tMontant\n611\t1 200,00\ndu 3\tadjoint\n",
		"a)\tpoint\n-\tpuce\nTotal\t\t\n\tdébut\n",
		"Débat :\nM. le Maire rappelle le projet.\n• Débats des élus :\nCompte\tMontant\n",
		"Situation budget 2023\nCompte\tMontant\n611\t1 200,00\nLe conseil décide.\n",
	}, tableRowSeeds...)
	tables, memos := 0, 0
	for _, s := range cases {
		src, err := extract.Text([]byte(s))
		if err != nil {
			t.Fatalf("extract.Text(%q): %v", s, err)
		}
		tables += checkTableLine(t, src)
		memos += checkLineMemos(t, src)
	}
	if tables == 0 || memos == 0 {
		t.Errorf("table lines %d, rows and markers %d: the cases test only one answer", tables, memos)
	}
}

// FuzzLineAnswers checks isTableLine, rowAt and markerAt against their references on any text.
func FuzzLineAnswers(f *testing.F) {
	for _, s := range append(tableRowSeeds, paragraphSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkLineAnswers(t, src)
	})
}
