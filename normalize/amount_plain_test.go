package normalize

import (
	"os"
	"testing"
)

// checkPlain checks, at every digit of s, that what readAmount says of the strict scan when it
// found no amount is what scanNumber answers.
func checkPlain(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if !digitByte(s[i]) {
			continue
		}
		for _, floor := range []int{0, i} {
			var a amountAt
			_, ok := readAmount(&a, s, i, floor, false)
			if ok || !a.plainKnown {
				continue
			}
			n, nok := scanNumber(s, i, false)
			if nok != a.plainOK || nok && n != a.plain {
				t.Fatalf("readAmount(%q, %d): plain %+v %v, want %+v %v", s, i, a.plain, a.plainOK, n, nok)
			}
		}
	}
}

func TestReadAmountPlain(t *testing.T) {
	for _, s := range []string{
		"le 27.06.2008 et 1.2.3", "contre 3 900\n747 €", "articles 405, 59 et 353 000 ,00", "1 070  000  € 2023",
		"12 500,00", "2023 1 200", "011 250", "1 200\n300 puis 4\n500", "1,234.56 et 699.92",
	} {
		checkPlain(t, s)
	}
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkPlain(t, string(data))
	}
}

func FuzzReadAmountPlain(f *testing.F) {
	for _, s := range []string{"contre 3 900\n747 €", "articles 405, 59", "27.06.2008", "1 070  000  €"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			return
		}
		checkPlain(t, s)
	})
}
