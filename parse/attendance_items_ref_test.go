package parse

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// appendItemsRef is appendItems as it was before it passed the letters without decoding them:
// the reference of TestAppendItemsRef.
func appendItemsRef(out []listItem, s string) []listItem {
	depth, start := 0, 0
	emit := func(end, next int) {
		t := strings.TrimSpace(s[start:end])
		t = strings.Trim(t, " .;,")
		if t != "" {
			out = append(out, listItem{t, start})
		}
		start = next
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == ',' || r == ';' || r == '\n':
			emit(i, i+w)
		case (r == '-' || r == '–' || r == '—' || r == '/' || r == '&' || r == '•') && (i == 0 || s[i-1] == ' ' || s[i-1] == '\n') && (i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\n'):
			emit(i, i+w)
		case r == ' ' && (strings.HasPrefix(s[i:], " et") || strings.HasPrefix(s[i:], " ET")) && (i+3 == len(s) || s[i+3] == ' ' || s[i+3] == '\n'):
			emit(i, i+3)
			i += 3
			continue
		case r == ' ' && depth == 0 && initialNameStartsAt(s, i+1) && fieldCount(s[start:i], 2) >= 2 && !initialEndsAt(s, i):
			emit(i, i+1)
		case r == ' ' && depth == 0 && civilityStartsAt(s, i+1) && familyEndsAt(s, i):
			emit(i, i+1)
		}
		i += w
	}
	emit(len(s), len(s))
	return out
}

func checkAppendItems(t testing.TB, s string) {
	t.Helper()
	if got, want := appendItems(nil, s), appendItemsRef(nil, s); !reflect.DeepEqual(got, want) {
		t.Errorf("appendItems(%q) = %v, want %v", s, got, want)
	}
}

func TestAppendItemsRef(t *testing.T) {
	for _, s := range []string{
		"", "M. Jean DUPONT, Mme Marie MARTIN et M. Paul DURAND",
		"M. Jean-Charles MANRIQUE M. Brice THIEBAUD", "JF Orsatelli J. Orsatelli",
		"A – B — C • D / E & F - G", "X (procuration à Y, Z) ; W\nV", "a\xffb, c\xe2\x80", "(((", ")) a, b",
		"Mme A ET M. B", "M. A et", " - ", "–", "M. Francis BARRY, M. Philippe BECHERAS", "X J. Y", "ABC M. E",
		"BARRY\nM. X", "BARRY  M. X", " M. X", "DUPONT m. Y", "A B JF Orsatelli",
	} {
		checkAppendItems(t, s)
	}
	for _, file := range append(corpusTextFiles(), "../testdata/sample/numerian-2023-12-15.txt") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkAppendItems(t, line)
		}
	}
}

func FuzzAppendItemsRef(f *testing.F) {
	for _, s := range []string{"M. Jean DUPONT, Mme Marie MARTIN et M. Paul DURAND", "JF Orsatelli J. Orsatelli", "A – B (x, y) ; z\nw"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkAppendItems(t, s) })
}
