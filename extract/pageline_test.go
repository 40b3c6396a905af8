package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// textPageRE is the page-number line as a pattern: the definition pageLine implements, kept
// for the equivalence tests and the reference extraction.
var textPageRE = regexp.MustCompile(`(?i)^(?:[\-–—]\s*)?(?:(.{0,` + strconv.Itoa(textPageLabelMax) + `}?)\s*\b(?:page|p\.)\s*)?(\d{1,4})(?:\s*(?:/|sur|de)\s*\d{1,4})?(?:\s*[\-–—])?$`)

// textRuleRE is a drawn rule as a pattern, the definition ruleLine implements.
var textRuleRE = regexp.MustCompile(`^[_\-=–—.*~ ]{8,}$`)

func TestRuleLine(t *testing.T) {
	for _, s := range []string{"________", "_______", "—————————", "- - - - ", "--------.", "-------a-", "~~~~~~~~é",
		"=======\xff", "* * * * * *", "........", ".......–", "", "-\xe2\x80-----", "________\n"} {
		if got, want := ruleLine(s), textRuleRE.MatchString(s); got != want {
			t.Errorf("ruleLine(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	for i := 0; i < 256; i++ {
		if got, want := ruleByte(byte(i)), i < 0x80 && strings.IndexByte(textRuleChars, byte(i)) >= 0; got != want {
			t.Errorf("ruleByte(%#x) = %v, want %v", i, got, want)
		}
	}
}

func FuzzRuleLine(f *testing.F) {
	f.Add("—————————")
	f.Add("- - - - - ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ruleLine(s), textRuleRE.MatchString(s); got != want {
			t.Errorf("ruleLine(%q) = %v, the pattern says %v", s, got, want)
		}
		if got, want := trim(s), strings.TrimSpace(s); got != want {
			t.Errorf("trim(%q) = %q, want %q", s, got, want)
		}
	})
}

// samePageLine fails t when pageLine and textPageRE disagree on s.
func samePageLine(t *testing.T, s string) {
	t.Helper()
	label, num, ok := pageLine(s)
	m := textPageRE.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (label != m[1] || num != m[2]) {
		t.Fatalf("pageLine(%q) = %q, %q, %v; the pattern gives %q", s, label, num, ok, m)
	}
}

func TestPageLine(t *testing.T) {
	tests := []string{"3", "- 3 -", "— 12 —", "–12–", "Page 3/12", "p. 3 sur 12", "P.3 SUR 12", "3 ſur 12",
		"Compte-rendu page 3", "Compte-rendu page 3 page 4", "p. 3 page 4", "12. Budget page 3", "12345",
		"page 12345", "1234 / 5678", "1234 / 56789", "3 de", "3 de 4 -", "3 de 4 - -", "- - 3", "-\t3",
		"page\n3", "a\npage 3", "xpage 3", "x page 3", "_page 3", "épage 3", "é page 3", "page3", "page 3x",
		"0", "page 0", "- page 3 -", "-page 3", "- -page 3", "\xffpage 3", "\xff 3", "3 \u212a",
		strings.Repeat("a", 60) + " page 3", strings.Repeat("a", 61) + " page 3", strings.Repeat("é", 60) + "page 3",
		strings.Repeat("é", 61) + "page 3", strings.Repeat("a", 59) + " p. 3", "- " + strings.Repeat("a", 60) + "page 3",
		"Page 2 page", "page page 2", "p.p. 2", "pp. 2", "P. 2 de 3", "2/3", "2 /3 —", "2 sur3", "2sur 3", "2 ſUR 3",
		"", " ", "-", "page", "3 -", "3 - ", " 3", "3 ", "p. 3 /", "p.3/4/5"}
	for _, s := range tests {
		t.Run(s, func(t *testing.T) { samePageLine(t, s) })
	}
	// the corpus lines that reach the pattern
	files, _ := filepath.Glob("../../shared/corpus/*/*")
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || IsPDF(data) {
			continue
		}
		for _, l := range strings.Split(string(data), "\n") {
			samePageLine(t, squeeze(l))
			n++
		}
	}
	t.Logf("%d corpus lines", n)
}

// TestPageLineTokens compares pageLine with the pattern on many strings made of the pieces the
// pattern cares about, which random bytes seldom assemble.
func TestPageLineTokens(t *testing.T) {
	tokens := []string{"-", "–", "—", " ", "\t", "\n", "p", "P", "a", "g", "e", ".", "page", "PAGE", "p.",
		"1", "12", "0", "2024", "12345", "/", "sur", "ſ", "SUR", "de", "DE", "x", "é", "\xff", "_", "\u212a",
		strings.Repeat("a", 20), strings.Repeat("é", 10)}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		samePageLine(t, b.String())
	}
}

func TestPageWordsOpen(t *testing.T) {
	for _, w := range textPageWords {
		if r, _ := utf8.DecodeRuneInString(w); r == utf8.RuneError {
			t.Errorf("page word %q opens with U+FFFD: textPageWordStart would miss bytes that are not UTF-8", w)
		}
	}
	if !textPageWordStart['p'] || !textPageWordStart['P'] || textPageWordStart['a'] {
		t.Errorf("textPageWordStart marks %v for p, P, a", []bool{textPageWordStart['p'], textPageWordStart['P'], textPageWordStart['a']})
	}
}

func FuzzPageLine(f *testing.F) {
	for _, s := range []string{"- 3 -", "Page 3/12", "p. 3 sur 12", "Compte-rendu page 3", "3 ſur 12", "12. Budget page 3", "—\t12 de 14\t—"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { samePageLine(t, s) })
}

// TestPageWordsFold: pageLine's ASCII shortcut in sameFold holds because the only runes past
// ASCII that fold with a letter are checked through the orbit.
func TestSameFold(t *testing.T) {
	for w := rune(0); w < 0x80; w++ {
		for r := rune(0); r < 0x3000; r++ {
			want := r == w
			for f := unicode.SimpleFold(w); f != w; f = unicode.SimpleFold(f) {
				want = want || f == r
			}
			if got := r == w || sameFold(r, w); got != want {
				t.Fatalf("sameFold(%q, %q) = %v, want %v", r, w, got, want)
			}
		}
	}
}
