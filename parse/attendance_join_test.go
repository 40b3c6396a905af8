package parse

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// joinSepRef is joinSep as it was, with the words of both lines split by strings.Fields.
func joinSepRef(prev, next string) string {
	p, n := strings.TrimSpace(prev), strings.TrimSpace(next)
	if p == "" || n == "" {
		return "\n"
	}
	if strings.HasSuffix(p, "-") && len(p) > 1 {
		r, _ := utf8.DecodeLastRuneInString(p[:len(p)-1])
		if unicode.IsLetter(r) {
			return ""
		}
	}
	if endsWithSeparator(p) {
		return "\n"
	}
	if strings.ContainsAny(n[:1], "-–•*+·") {
		return "\n"
	}
	pf := strings.Fields(p)
	lastTok := pf[len(pf)-1]
	if isInitialTok(lastTok) && len(pf) > 1 {
		return " " // "JF Orsatelli J." / "Orsatelli": initials, then their name
	}
	lf := normalize.Fold(lastTok)
	if _, ok := normalize.CivilityOf(lastTok); ok || joinWords[lf] {
		return " "
	}
	nf := strings.Fields(n)
	first := nf[0]
	if _, ok := normalize.CivilityOf(first); ok {
		return "\n"
	}
	r, _ := utf8.DecodeRuneInString(first)
	if first[0] == '(' || unicode.IsLower(r) {
		return " "
	}
	// "Eric" / "DUCLOS": a given name at the end of a line, its family name on the next.
	lastItem := p
	if k := strings.LastIndexAny(p, ",;–—/&"); k >= 0 {
		lastItem = p[k+1:]
	}
	for _, w := range []string{" à ", " par "} {
		if k := strings.LastIndex(lastItem, w); k >= 0 {
			lastItem = lastItem[k+len(w):]
		}
	}
	if !hasCapsWord(lastItem) && capsWord(strings.Trim(first, ",;.")) {
		return " "
	}
	return "\n"
}

func checkJoinSep(t *testing.T, prev, next string) {
	if got, want := joinSep(prev, next), joinSepRef(prev, next); got != want {
		t.Errorf("joinSep(%q, %q) = %q, want %q", prev, next, got, want)
	}
	if s := strings.TrimSpace(prev); s != "" {
		w, several := lastField(s)
		fs := strings.Fields(s)
		if w != fs[len(fs)-1] || several != (len(fs) > 1) {
			t.Errorf("lastField(%q) = %q, %v; Fields = %q", s, w, several, fs)
		}
	}
}

// TestJoinSepRef compares joinSep with the reference on pairs of lines of the corpus and edges.
func TestJoinSepRef(t *testing.T) {
	lines := append(rxSamples(t), "M. Jean-", "Pierre DUPONT", "JF Orsatelli J.", "Orsatelli", "Eric", "DUCLOS",
		"MME GILBERT, adjoints,", "- M. X", "(pouvoir)", "a\u2003B.", "\u00a0x\u00a0", "\xff \xfe", "Mme", "X et", "par")
	for k := 1; k < len(lines); k++ {
		checkJoinSep(t, lines[k-1], lines[k])
	}
	for _, l := range corpusLines()[:min(2000, len(corpusLines()))] {
		checkJoinSep(t, l, "DUPONT")
		checkJoinSep(t, "M. Jean", l)
	}
}

func FuzzJoinSepRef(f *testing.F) {
	f.Add("JF Orsatelli J.", "Orsatelli")
	f.Add("Eric", "DUCLOS,")
	f.Add("M. A\u2003B", "\u00a0c")
	f.Fuzz(checkJoinSep)
}

// civilityStartsAtRef is civilityStartsAt as it was, reading the word to its end.
func civilityStartsAtRef(s string, i int) bool {
	if i >= len(s) || s[i] != 'M' && s[i] != 'm' {
		return false
	}
	w := s[i:]
	if k := strings.IndexAny(w, " \n,"); k >= 0 {
		w = w[:k]
	}
	c, ok := normalize.CivilityOf(w)
	return ok && !c.Plural && (strings.HasSuffix(w, ".") || len(w) > 3)
}

func checkCivilityStartsAt(t *testing.T, s string) {
	for i := 0; i <= len(s); i++ {
		if got, want := civilityStartsAt(s, i), civilityStartsAtRef(s, i); got != want {
			t.Errorf("civilityStartsAt(%q, %d) = %v, want %v", s, i, got, want)
		}
	}
}

func TestCivilityStartsAt(t *testing.T) {
	for _, s := range []string{"M. X Mme Y Madame Z Mademoiselle W Mesdemoiselles V", "MADEMOISELLE,", "Mmmmmmmmmmmmmmmmmmmm X",
		"Monsieur\nX", "Mesdemoisellesx", "Mademoiselle.", "M", "m.", "Mme\u00a0X", "Mélle"} {
		checkCivilityStartsAt(t, s)
	}
	for _, l := range rxSamples(t) {
		checkCivilityStartsAt(t, l)
	}
}

func FuzzCivilityStartsAt(f *testing.F) {
	f.Add("M. Jean-Charles MANRIQUE M. Brice THIEBAUD")
	f.Add("Mademoiselle X, Mesdemoiselles")
	f.Fuzz(checkCivilityStartsAt)
}
