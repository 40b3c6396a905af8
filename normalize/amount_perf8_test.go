package normalize

import (
	"strings"
	"testing"
)

// groupRunRef is groupRun without its shortcut for runs of up to three bytes: the reference.
func groupRunRef(s string, j int, loose bool) (kind, w int, broken bool) {
	h := hspaceLen(s, j)
	if loose {
		k := j + h
		if k < len(s) && s[k] == '\r' {
			k++
		}
		if k < len(s) && s[k] == '\n' {
			k++
			return sepSpace, k + hspaceLen(s, k) - j, true
		}
	}
	if h == 0 {
		kind, w = groupSep(s, j)
		return kind, w, false
	}
	for n, k := 0, j; k < j+h; n++ {
		if n == 3 {
			return sepNone, 0, false
		}
		_, w := groupSep(s, k)
		k += w
	}
	return sepSpace, h, false
}

// perf8Cases are runs of spaces of every kind and width between digits.
var perf8Cases = []string{
	"1 000", "1  000", "1   000", "1    000", "1\u00a0000", "1\u00a0\u00a0000", "1 \u00a0000", "1\u202f000",
	"1\u2009 000", "1 \u202f 000", "1\u00a0\u00a0\u00a0000", "1 \n 000", "1\r\n000", "1 ", " ", "", "1\u2019000",
	"1.000", "1'000", "a \xc2", "a \xe2\x80", "1  \u00a0000 €",
}

// TestGroupRunMatchesRef checks groupRun against its reference at every byte.
func TestGroupRunMatchesRef(t *testing.T) {
	for _, s := range append(perf8Cases, amountSeeds...) {
		checkGroupRun(t, s)
	}
}

// FuzzGroupRunRef checks groupRun against its reference on arbitrary text.
func FuzzGroupRunRef(f *testing.F) {
	for _, s := range append(perf8Cases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(checkGroupRun)
}

func checkGroupRun(t *testing.T, s string) {
	for i := 0; i < len(s) && i < 64; i++ {
		for _, loose := range []bool{false, true} {
			k, w, b := groupRun(s, i, loose)
			if wk, ww, wb := groupRunRef(s, i, loose); k != wk || w != ww || b != wb {
				t.Errorf("groupRun(%q, %d, %v) = %d, %d, %v, want %d, %d, %v", s, i, loose, k, w, b, wk, ww, wb)
			}
		}
	}
}

// TestMayHoldAmountEveryPlace puts each opener (of an amount, of a currency mark, a digit), and near misses, at every place of texts of
// every length up to 40 bytes, so that each window of the scan (two words a turn, one word, the
// last overlapping one) is met with and without a hit.
func TestMayHoldAmountEveryPlace(t *testing.T) {
	for _, w := range []string{"7", "€", "uro", "URO", "Uro", "ur", "\xe2\x80\x99", "u", "\xe2"} {
		for n := len(w); n <= 40; n++ {
			for at := 0; at+len(w) <= n; at++ {
				b := []byte(strings.Repeat("x", n))
				copy(b[at:], w)
				s := string(b)
				if got, want := MayHoldAmount(s), mayHoldAmountRef(s); got != want {
					t.Errorf("MayHoldAmount(%q) = %v, want %v", s, got, want)
				}
				for i := 0; i <= n; i++ {
					if got, want := nextMarkStem(s, i), nextMarkStemRef(s, i); got != want {
						t.Errorf("nextMarkStem(%q, %d) = %d, want %d", s, i, got, want)
					}
					if got, want := nextDigit(s, i), nextDigitRef(s, i); got != want {
						t.Errorf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
					}
				}
			}
		}
	}
}

// nextMarkStemRef is nextMarkStem as three substring searches: the reference.
func nextMarkStemRef(s string, i int) int {
	best := -1
	for _, stem := range []string{"€", "uro", "URO"} {
		if j := strings.Index(s[i:], stem); j >= 0 && (best < 0 || i+j < best) {
			best = i + j
		}
	}
	return best
}
