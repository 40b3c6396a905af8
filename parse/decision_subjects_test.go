package parse

import (
	"reflect"
	"strings"
	"testing"

	"minutes/normalize"
)

// joinClauseLines builds the text readClauses reads for folded lines ls: each without its "*"
// and trimmed, joined by spaces, with the offset of each and the stems of each line as
// stemsAt reads them.
func joinClauseLines(ls []string) (string, []int, []uint64, uint64) {
	var buf []byte
	var starts []int
	var stems []uint64
	var pm uint64
	for k, l := range ls {
		if k > 0 {
			buf = append(buf, ' ')
		}
		starts = append(starts, len(buf))
		buf = appendClauseLine(buf, l)
		m := scanStemsSkip(l, '*')
		stems = append(stems, m)
		pm |= m
	}
	return string(buf), starts, stems, pm
}

// checkClauseSubjectsIn compares clauseSubjectsIn on folded lines ls joined with clauseSubjects
// of the whole text.
func checkClauseSubjectsIn(t *testing.T, ls []string) {
	t.Helper()
	f, starts, stems, pm := joinClauseLines(ls)
	want := clauseSubjects(f, nil, pm)
	got := clauseSubjectsIn(f, nil, pm, starts, stems)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("clauseSubjectsIn(%q) = %v, want %v", ls, got, want)
	}
}

// TestClauseSubjectsIn reads runs of up to six folded corpus lines, and edge cases, line by
// line and whole.
func TestClauseSubjectsIn(t *testing.T) {
	var folded []string
	for _, l := range corpusLines() {
		folded = append(folded, normalize.Fold(l))
	}
	for n := 1; n <= 6; n++ {
		for i := 0; i+n <= len(folded); i += n {
			checkClauseSubjectsIn(t, folded[i:i+n])
		}
	}
	for _, ls := range [][]string{
		{"le conseil", "municipal decide"}, {"apres en avoir", "delibere, le conseil"}, {"le", "conseil decide"},
		{"*le conseil*", "  ", "", "la **commission** et le bureau, le comite"}, {"l'assemblee decide;", "les membres du conseil"},
		{"le conseil", "conseil", "le conseilconseil et le conseil"}, {"", ""},
	} {
		checkClauseSubjectsIn(t, ls)
	}
}

// FuzzClauseSubjectsIn compares clauseSubjectsIn with clauseSubjects on the lines of a text.
func FuzzClauseSubjectsIn(f *testing.F) {
	for _, s := range []string{"le conseil\nmunicipal decide", "apres en avoir\ndelibere, le conseil", "*le con*seil\n  \nla **commission** et le bureau, le comite"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			s = s[:2000]
		}
		checkClauseSubjectsIn(t, strings.Split(s, "\n"))
	})
}
