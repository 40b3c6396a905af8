package normalize

import (
	"strings"
	"testing"
)

// personWordCases are words and mentions for the look-up tests: civilities in every case, with
// and without dots, stop words, names, and odd bytes.
var personWordCases = []string{
	"", "M.", "m", "MM.", "Mme", "MME", "Mmes", "Madame", "Monsieur", "Mon.", "Mon", "Mesdemoiselles",
	"Mlle.", "Mr", "Mrs.", "Messieurs", "Me", "Ma", "Mademoiselle", "Mademoiselles", "Mé", "Ḿme",
	"Jean-Luc", "CHAUMONT", "Maire", "maire,", ".adjoints.", "Directeur", "DGS", "dgs.", ",,", ".",
	"de", "Député-Maire", "DÉPUTÉ-MAIRE", "invités", "x\xff", strings.Repeat("a", 40), "Sénateur-Maire",
	" M. X ", "– M. Jean DUPONT —", "«Mme X»", "·•*-_\"", "\xc2\xb7M\xe2\x80", "\xb7x\xc2", "—", "X–",
}

// TestCivilityOfKeys checks the look-up by length against the civilities map.
func TestCivilityOfKeys(t *testing.T) {
	words := append([]string{}, personWordCases...)
	for w := range civilities {
		words = append(words, w, w+"s", w[:len(w)-1], strings.ToUpper(w))
	}
	for _, w := range words {
		got, gotOK := civilityOfKey([]byte(w))
		want, wantOK := civilities[w]
		if got != want || gotOK != wantOK {
			t.Errorf("civilityOfKey(%q) = %v, %v, want %v, %v", w, got, gotOK, want, wantOK)
		}
	}
}

// stopWordOfRef is stopWordOf's reference: the word folded, trimmed and looked up.
func stopWordOfRef(w string) uint8 { return stopWords[strings.Trim(foldNameWord(w), ".,")] }

// checkPersonWords compares stopWordOf, civilityOfKey (through CivilityOf's map) and nameTrim
// with their references on s.
func checkPersonWords(t *testing.T, s string) {
	t.Helper()
	if got, want := stopWordOf(s), stopWordOfRef(s); got != want {
		t.Errorf("stopWordOf(%q) = %d, want %d", s, got, want)
	}
	if got, want := nameTrim.Trim(s), strings.Trim(s, nameTrimSet); got != want {
		t.Errorf("nameTrim.Trim(%q) = %q, want %q", s, got, want)
	}
	var buf [16]byte
	if lw, ok := lowerASCII(buf[:0], s); ok {
		got, gotOK := civilityOfKey(lw)
		want, wantOK := civilities[string(lw)]
		if got != want || gotOK != wantOK {
			t.Errorf("civilityOfKey(%q) = %v, %v, want %v, %v", lw, got, gotOK, want, wantOK)
		}
	}
}

// TestPersonWords checks the word look-ups and the trim on the cases and on every stop word,
// as written and in capitals.
func TestPersonWords(t *testing.T) {
	words := append([]string{}, personWordCases...)
	for w := range stopWords {
		words = append(words, w, strings.ToUpper(w), w+".", ","+w, w[1:], w+"x")
	}
	for _, w := range words {
		checkPersonWords(t, w)
	}
}

func FuzzPersonWords(f *testing.F) {
	for _, s := range personWordCases {
		f.Add(s)
	}
	f.Fuzz(checkPersonWords)
}

// trimSetCutsets are cutsets of the TrimSet tests: ASCII alone, runes beyond it, none.
var trimSetCutsets = []string{nameTrimSet, " .;,", " \t+-–•*·>", ",;:", "", "é", "\u00b7\u2022"}

// checkTrimSet compares each TrimSet of trimSetCutsets with strings.TrimLeft, TrimRight and
// Trim on s.
func checkTrimSet(t *testing.T, s string) {
	t.Helper()
	for _, cut := range trimSetCutsets {
		ts := NewTrimSet(cut)
		if got, want := ts.TrimLeft(s), strings.TrimLeft(s, cut); got != want {
			t.Errorf("TrimLeft(%q, %q) = %q, want %q", s, cut, got, want)
		}
		if got, want := ts.TrimRight(s), strings.TrimRight(s, cut); got != want {
			t.Errorf("TrimRight(%q, %q) = %q, want %q", s, cut, got, want)
		}
		if got, want := ts.Trim(s), strings.Trim(s, cut); got != want {
			t.Errorf("Trim(%q, %q) = %q, want %q", s, cut, got, want)
		}
	}
}

func TestTrimSet(t *testing.T) {
	for _, s := range append(personWordCases, "– • Présents :", "> * - +x", "·\xb7", "\xe2\x80\xe2\x80\x93", "é\xc3", "\xa9é") {
		checkTrimSet(t, s)
	}
}

func FuzzTrimSet(f *testing.F) {
	for _, s := range personWordCases {
		f.Add(s)
	}
	f.Fuzz(checkTrimSet)
}

// isInitialsRef is isInitials as it was, both patterns tried on every word.
func isInitialsRef(g string) bool {
	if g == "" {
		return false
	}
	for _, w := range strings.Fields(g) {
		if !reInitial.MatchString(w) && !(len([]rune(w)) <= 2 && kindOfCapsOnly(w)) && !reInitial.MatchString(strings.ToUpper(w[:1])+w[1:]) {
			return false
		}
	}
	return true
}

// isInitialsCases are given names in full and as initials, with odd bytes.
var isInitialsCases = []string{
	"", "J.", "J.-P.", "JF", "Ph.", "ph.", "j.", "Jean-Pierre", "Agnès", "A", "a-", "é.", "\xc3", "\xc3.",
	"J.F.", "J. P.", "Jean P.", "ML", "É.", "-", ".", "j", "Ch.-", "\xe2\x80", "A.B", "x.",
}

func TestIsInitials(t *testing.T) {
	for _, g := range isInitialsCases {
		if got, want := isInitials(g), isInitialsRef(g); got != want {
			t.Errorf("isInitials(%q) = %v, want %v", g, got, want)
		}
	}
}

func FuzzIsInitials(f *testing.F) {
	for _, g := range isInitialsCases {
		f.Add(g)
	}
	f.Fuzz(func(t *testing.T, g string) {
		if got, want := isInitials(g), isInitialsRef(g); got != want {
			t.Errorf("isInitials(%q) = %v, want %v", g, got, want)
		}
	})
}
