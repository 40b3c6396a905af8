package parse

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestUpperLetterTables checks, on every rune, that the table-backed unicode.IsUpper and
// unicode.IsLetter answer as unicode.Is(unicode.Lu, …) and unicode.Is(unicode.L, …), which
// the patterns' \p{Lu} and \p{L} read.
func TestUpperLetterTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := unicode.IsUpper(r), unicode.Is(unicode.Lu, r); got != want {
			t.Errorf("IsUpper(%U) = %v, want %v", r, got, want)
		}
		if got, want := unicode.IsLetter(r), unicode.Is(unicode.L, r); got != want {
			t.Errorf("IsLetter(%U) = %v, want %v", r, got, want)
		}
	}
}

// upperAtRef is upperAt as first written: decode, then unicode.Is.
func upperAtRef(s string) int {
	if r, n := utf8.DecodeRuneInString(s); unicode.Is(unicode.Lu, r) {
		return n
	}
	return 0
}

// speakerBareMayRef is speakerBareMay as first written: the reference.
func speakerBareMayRef(t string) bool {
	c := strings.IndexByte(t, ':')
	if c < 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.Is(unicode.Lu, r) {
		return false
	}
	h := t[:c]
	for i := 0; i < len(h); i++ {
		if !rxSpace(h[i]) {
			continue
		}
		r1, n1 := utf8.DecodeRuneInString(h[i+1:])
		if !unicode.Is(unicode.Lu, r1) {
			continue
		}
		if r2, _ := utf8.DecodeRuneInString(h[i+1+n1:]); unicode.Is(unicode.Lu, r2) {
			return true
		}
	}
	return false
}

// speakerCases are lines for the speaker readers and their references.
var speakerCases = []string{
	"",
	"Max LEVITA : je propose",
	"Jean-Pierre GAUTHIER: oui",
	"Marie-Josèphe BATARD : Excusée",
	"Élodie ÉTIENNE : bien",
	"Montant HT : 79 819,72 €",
	"Le conseil municipal : décide",
	"A B: x",
	"A BC: x",
	"A É\xffC:",
	"\xffA BC:",
	"Ärger ÖL :",
	"Monsieur Jean-Luc Chaumont : je propose",
	"Mme O’Neil-Smith. dit",
	"Monsieur Dupont ſ x",
}

// TestSpeakerReadersMatchRefs checks the byte-level readers against their references.
func TestSpeakerReadersMatchRefs(t *testing.T) {
	for _, s := range append(speakerCases, civCases...) {
		checkSpeakerRefs(t, s)
	}
}

// FuzzSpeakerReadersRefs checks the byte-level readers against their references on arbitrary
// text.
func FuzzSpeakerReadersRefs(f *testing.F) {
	for _, s := range append(speakerCases, civCases...) {
		f.Add(s)
	}
	f.Fuzz(checkSpeakerRefs)
}

func checkSpeakerRefs(t *testing.T, s string) {
	if got, want := upperAt(s), upperAtRef(s); got != want {
		t.Errorf("upperAt(%q) = %d, want %d", s, got, want)
	}
	if got, want := speakerBareMay(s), speakerBareMayRef(s); got != want {
		t.Errorf("speakerBareMay(%q) = %v, want %v", s, got, want)
	}
	a, b, ok := speakerCivName(s)
	wa, wb, wok := civMatch(s)
	if a != wa || b != wb || ok != wok {
		t.Errorf("speakerCivName(%q) = %d, %d, %v, want %d, %d, %v", s, a, b, ok, wa, wb, wok)
	}
}
