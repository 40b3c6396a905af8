package normalize

import (
	"strings"
	"testing"
)

// mayHoldAmountRef is MayHoldAmount as first written, four searches: the reference.
func mayHoldAmountRef(text string) bool {
	return hasDigit(text) || strings.Contains(text, "€") || strings.Contains(text, "uro") || strings.Contains(text, "URO")
}

// currencyAtRef is currencyAt without its filter on the first letter: the reference.
func currencyAtRef(s string, i int) (end int, mult int32, code string) {
	if i >= len(s) {
		return i, 0, ""
	}
	switch s[i] | 0x20 {
	case 0xE2:
		if !strings.HasPrefix(s[i:], "€") {
			return i, 0, ""
		}
		end = i + len("€")
		if hasFoldPrefix(s, end, "uros") && wordEndsAt(s, end+4) {
			end += 4
		} else if hasFoldPrefix(s, end, "uro") && wordEndsAt(s, end+3) {
			end += 3
		}
		return end, 0, "EUR"
	case 'e', 'f', 'k', 'm':
	default:
		return i, 0, ""
	}
	for _, c := range currencyWords {
		if hasFoldPrefix(s, i, c.word) && (c.word == "€" || wordEndsAt(s, i+len(c.word))) {
			return i + len(c.word), c.mult, c.code
		}
	}
	for _, m := range multiplierWords {
		if len(m.word) == 1 {
			if i >= len(s) || (s[i] != m.word[0] && !(m.word == "k" && s[i] == 'K')) {
				continue
			}
		} else if !hasFoldPrefix(s, i, m.word) || !wordEndsAt(s, i+len(m.word)) {
			continue
		}
		j := i + len(m.word)
		j += hspaceLen(s, j)
		if len(m.word) > 2 {
			for _, of := range ofEuros {
				if hasFoldPrefix(s, j, of) {
					j += len(of)
					j += hspaceLen(s, j)
					break
				}
			}
		}
		for _, c := range currencyWords {
			if c.mult == 0 && hasFoldPrefix(s, j, c.word) && (c.word == "€" || wordEndsAt(s, j+len(c.word))) {
				return j + len(c.word), m.mult, c.code
			}
		}
	}
	return i, 0, ""
}

// hspaceLenRef is hspaceLen without its first-byte test: the reference.
func hspaceLenRef(s string, i int) int {
	j := i
	for {
		if k, n := groupSep(s, j); k == sepSpace {
			j += n
			continue
		}
		return j - i
	}
}

// lastSpaceRef is lastSpace without its last-byte test: the reference.
func lastSpaceRef(s string, i int) (int, int) {
	for _, w := range [...]int{1, 2, 3} {
		if i-w >= 0 {
			if k, n := groupSep(s, i-w); k == sepSpace && n == w {
				return i - w, w
			}
		}
	}
	return i, 0
}

// perf7Cases are texts for the fast readers and their references.
var perf7Cases = []string{
	"", "u", "uro", "URO", "Uro", "€", "\xe2\x82", "\xe2\x82\xac", "’", "aaaaaaa€", "aaaaaaaa€",
	"aaaaaaauro", "aaaaaaaaURO", "le 12 mars", "Mille euros", "2 MEUR", "3 Md€", "4 K €", "5 k€",
	"6 \u212aeur", "7 KEURO", "8 ffr", "9 ff", "10 francs", "11 milliards d'euros", "12 millions de €",
	"13 mds €", "14 M€", "15 m€", "16 mille €", "17 Million d’euros", "18 eur", "19 euros.", "20 euro-",
	"un euro symbolique", "\x01\x01\x01\x01\x01\x01\x01\x01\xe2\x01\x01\x01", "\x00\x01uU\x01\x01\x01\x01\x01",
	"Le conseil municipal, après en avoir délibéré, approuve la convention",
	"tttttttttttttttUtttttttttttttttttttttttttuttttttttt9", "abcdefgUrOabcdefgh", "abcdefguRoabcdefgh", "abcdefgURoab", "abcdefghijuro", "abcdefghiuro",
	"1\u00a0282\u202f000\u2009€", "a \u00a0\u202f\u2009\u2019b", "\xc2\xa0", "\xe2\x80", "\xe2\x80\xaf",
	"abcdefghijklmnUR", "abcdefghijklmnURO", "abcdefghijklmnu", "abcdefgh\xe2", "abcdefgh9", "abcdefghi\xe2\x82\xac",
}

// TestAmountReadersMatchRefs checks the fast readers against their references.
func TestAmountReadersMatchRefs(t *testing.T) {
	for _, s := range append(perf7Cases, amountSeeds...) {
		checkAmountRefs(t, s)
	}
}

// FuzzAmountReadersRefs checks the fast readers against their references on arbitrary text.
func FuzzAmountReadersRefs(f *testing.F) {
	for _, s := range append(perf7Cases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(checkAmountRefs)
}

func checkAmountRefs(t *testing.T, s string) {
	if got, want := MayHoldAmount(s), mayHoldAmountRef(s); got != want {
		t.Errorf("MayHoldAmount(%q) = %v, want %v", s, got, want)
	}
	for i := 0; i <= len(s) && i < 64; i++ {
		if got, want := hspaceLen(s, i), hspaceLenRef(s, i); got != want {
			t.Errorf("hspaceLen(%q, %d) = %d, want %d", s, i, got, want)
		}
		k, w := lastSpace(s, i)
		if wk, ww := lastSpaceRef(s, i); k != wk || w != ww {
			t.Errorf("lastSpace(%q, %d) = %d, %d, want %d, %d", s, i, k, w, wk, ww)
		}
		e, m, c := currencyAt(s, i)
		we, wm, wc := currencyAtRef(s, i)
		if e != we || m != wm || c != wc {
			t.Errorf("currencyAt(%q, %d) = %d, %d, %q, want %d, %d, %q", s, i, e, m, c, we, wm, wc)
		}
	}
}
