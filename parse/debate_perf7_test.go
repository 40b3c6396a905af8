package parse

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
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
		if got, want := unicode.IsLower(r), unicode.Is(unicode.Ll, r); got != want {
			t.Errorf("IsLower(%U) = %v, want %v", r, got, want)
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

// speakerBareMayRef is speakerBareMay as first written (any white space before two capitals):
// the reference, which the gate may only narrow.
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
	"Anthony précise que",
	"Anthony Dupont-Martin indique",
	"Anthony DUPONT indique",
	"Anthony Dupont",
	"Anthony  \t Dupont \n dit",
	"Jean-Luc l’a dit",
	"Anne Marie",
	"Anne Marie a",
	"Anne Marie aa",
	"Éric Élu ébauche",
	"Le Conseil municipal approuve",
	"A- b-",
	"Ab Cd\xffe",
	"Ab Cd ef\xff",
	"Ab CD-x ab'’c",
	"Jean Pierre DUPONT : oui",
	"Jean-Pierre  DUPONT : oui",
	"Jean Pierre Paul DUPONT : non",
	"Jean\tPierre\t DUPONT:",
	"Le Maire et le CONSEIL : x",
	"Ab  Cd EF:",
	"Ab Cd  EF:",
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
	// The gate may turn away more lines than its first version, never a line the pattern
	// matches.
	if got := speakerBareMay(s); got && !speakerBareMayRef(s) || !got && reSpeakerBare.Regexp.MatchString(s) {
		t.Errorf("speakerBareMay(%q) = %v, reference %v, pattern %v", s, got, speakerBareMayRef(s), reSpeakerBare.Regexp.MatchString(s))
	}
	m, ok := speakerGivenIndex(s)
	if want := reSpeakerGiven.FindStringSubmatchIndex(s); (want != nil) != ok || ok && !slices.Equal(m[:], want) {
		t.Errorf("speakerGivenIndex(%q) = %v, %v, want %v", s, m, ok, want)
	}
	a, b, ok := speakerCivName(s)
	wa, wb, wok := civMatch(s)
	if a != wa || b != wb || ok != wok {
		t.Errorf("speakerCivName(%q) = %d, %d, %v, want %d, %d, %v", s, a, b, ok, wa, wb, wok)
	}
}

// TestSpeakerGivenHand checks that reSpeakerGiven is the pattern its hand reader reads.
func TestSpeakerGivenHand(t *testing.T) {
	if !speakerGivenHand {
		t.Errorf("reSpeakerGiven is %q, not the pattern speakerGivenIndex reads: the backtracker runs", reSpeakerGiven.String())
	}
}

// endsSentenceRef is endsSentence as first written: the reference.
func endsSentenceRef(s string) bool {
	s = strings.TrimRight(s, " *")
	return s != "" && strings.ContainsRune(".;!?", rune(s[len(s)-1]))
}

// lineCases are lines for the line readers of the paragraph splitter.
var lineCases = []string{"12", "- 1 200,00 €", "– 3", "(4)", " 5 %", "\t6 ht", "7 k€ *", "a 8", "\u0085a\u0085", "\u1680a\u3000", "\u2000a\u200a", "\u2028a\u2029", "\u202fa\u205f", " \u00a0 a \u00a0 ", "\xc2", "a\xa0", "\xe2\x80", "a\xe2\x80\x8b", "€", " é ", "\t\v\f\r", "", " ", "*", "a.", "a. *", "a;", "a!* ", "a?\t", "fin.\u00a0", "\xae", " a ", "\ta", "a\v", "é", "é ", "\u00a0a", "a\u2003"}

// TestTrimLineSpaces checks trimLine against strings.TrimSpace around every white space rune.
func TestTrimLineSpaces(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		for _, s := range []string{string(r) + "a" + string(r), "é" + string(r), string(r) + "€", string(r)} {
			if got, want := bareNumberLine(s), reBareNumber.Regexp.MatchString(s); got != want {
				t.Errorf("bareNumberLine(%q) = %v, want %v", s, got, want)
			}
			if got, want := trimLine(s), strings.TrimSpace(s); got != want {
				t.Errorf("trimLine(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestLineReadersMatchRefs checks endsSentence and trimLine against their references.
func TestLineReadersMatchRefs(t *testing.T) {
	for _, s := range append(lineCases, speakerCases...) {
		checkLineRefs(t, s)
	}
}

// FuzzLineReadersRefs checks endsSentence and trimLine against their references on arbitrary
// text.
func FuzzLineReadersRefs(f *testing.F) {
	for _, s := range lineCases {
		f.Add(s)
	}
	f.Fuzz(checkLineRefs)
}

func checkLineRefs(t *testing.T, s string) {
	if got, want := endsSentence(s), endsSentenceRef(s); got != want {
		t.Errorf("endsSentence(%q) = %v, want %v", s, got, want)
	}
	if got, want := bareNumberLine(s), reBareNumber.Regexp.MatchString(s); got != want {
		t.Errorf("bareNumberLine(%q) = %v, want %v", s, got, want)
	}
	if got, want := trimLine(s), strings.TrimSpace(s); got != want {
		t.Errorf("trimLine(%q) = %q, want %q", s, got, want)
	}
}

// turnRestRef is turnRest as first written: the reference.
func turnRestRef(rest string, bare bool) bool {
	if rest == "" {
		return true
	}
	if bare {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) || strings.ContainsRune("-+€(", r) {
			return false
		}
	}
	return !reStatusRest.MatchString(normalize.Fold(rest))
}

// foldEqRef is foldEq without its ASCII shortcut: the reference.
func foldEqRef(r, c rune) bool {
	if r == c {
		return true
	}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// TestFoldEqASCII checks foldEq against its reference on every pair of ASCII runes, and on
// the runes that fold to ASCII letters.
func TestFoldEqASCII(t *testing.T) {
	runes := []rune{'\u212a', '\u017f', '\u0130', '\u0131', 'é', 'É'}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		for _, c := range runes {
			if got, want := foldEq(r, c), foldEqRef(r, c); got != want {
				t.Errorf("foldEq(%q, %q) = %v, want %v", r, c, got, want)
			}
		}
	}
}

// statusCases are rests of a speaker's line, for turnRest.
var statusCases = []string{
	"", "Excusée", "excusé", "EXCUSEE", "membre de droit", "Membres de droit.", "pouvoir à M. Dupont",
	"Procuration à Mme X", "représentée par M. Y", "absent", "Présente", "titulaire", "suppléante",
	"je propose", "Je propose", "`a", "\va", "\u00a0absent", "Étude", "12 voix", "-3", "€", "(a)",
	"  absent", "absent  ;", "Absent, excusé", "A", "\x01a", "ſuppléant",
}

// TestDebateGatesMatchRefs checks turnRest, the debate marker gate and the vote result gate
// against their patterns.
func TestDebateGatesMatchRefs(t *testing.T) {
	if !debateMarkerWhole {
		t.Error("reDebateMarker has no whole-line alphabet: its pattern runs on every line that opens like a marker")
	}
	for _, s := range append(append(statusCases, speakerCases...), "débat :", "debat :", "- debat", "• debats :", "debats des elus :", "temps d'echanges", "debat, 2") {
		checkDebateGates(t, s)
	}
}

// FuzzDebateGatesRefs checks the gates against their patterns on arbitrary text.
func FuzzDebateGatesRefs(f *testing.F) {
	for _, s := range append(statusCases, "debat :", "• debats des elus :", " 27 voix") {
		f.Add(s)
	}
	f.Fuzz(checkDebateGates)
}

func checkDebateGates(t *testing.T, s string) {
	for _, bare := range []bool{false, true} {
		if got, want := turnRest(s, bare), turnRestRef(s, bare); got != want {
			t.Errorf("turnRest(%q, %v) = %v, want %v", s, bare, got, want)
		}
	}
	if got, want := isDebateMarker(s), reDebateMarker.Regexp.MatchString(s); got != want {
		t.Errorf("isDebateMarker(%q) = %v, want %v", s, got, want)
	}
	if reVoteResult.Regexp.MatchString(s) && !voteResultMay(s) {
		t.Errorf("voteResultMay(%q) = false, but reVoteResult matches", s)
	}
	if got, want := trimSpaceStars(s), strings.TrimRight(s, " *"); got != want {
		t.Errorf("trimSpaceStars(%q) = %q, want %q", s, got, want)
	}
	if got, want := trimSpeakerLead(s), strings.TrimLeft(s, " \u00a0*"); got != want {
		t.Errorf("trimSpeakerLead(%q) = %q, want %q", s, got, want)
	}
}

// TestSpeakerBareMayShapes checks speakerBareMay on many lines built from the characters
// reSpeakerBare reads, where random text rarely makes a match.
func TestSpeakerBareMayShapes(t *testing.T) {
	parts := []string{"A", "B", "É", "a", "é", " ", "  ", "\t", "-", "'", "’", ":", "Jean", "DUPONT", "x:"}
	rnd := rand.New(rand.NewPCG(7, 7))
	matches := 0
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rnd.IntN(9); k >= 0; k-- {
			b.WriteString(parts[rnd.IntN(len(parts))])
		}
		s := b.String()
		m := reSpeakerBare.Regexp.MatchString(s)
		if m {
			matches++
		}
		if got := speakerBareMay(s); got && !speakerBareMayRef(s) || !got && m {
			t.Fatalf("speakerBareMay(%q) = %v, reference %v, pattern %v", s, got, speakerBareMayRef(s), m)
		}
	}
	if matches == 0 {
		t.Error("no line of the shapes matched reSpeakerBare: the test asserts nothing")
	}
}
