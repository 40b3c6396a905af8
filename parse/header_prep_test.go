package parse

import (
	"regexp"
	"strings"
	"testing"
)

// reCommuneAfterPrep is afterPrep's reference: the pattern that read it before afterPrep did.
var reCommuneAfterPrep = regexp.MustCompile(`\b(?:` + strings.Join(communePreps, "|") + `)\s*$`)

// TestCommunePrepsAreWords: afterPrep compares whole runs of ASCII word bytes, so a word of
// another form could never match.
func TestCommunePrepsAreWords(t *testing.T) {
	for _, w := range communePreps {
		if w == "" || strings.TrimLeft(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("communePreps holds %q, not lower-case ASCII letters", w)
		}
	}
}

// TestAfterPrep compares afterPrep with its reference pattern reCommuneAfterPrep.
func TestAfterPrep(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a ", " a\t\n", "demandee a ", "le ppri de ", "expose que ", "xaux ", "_de ", "1de",
		"aupres\r\f", "de\v", "DE ", "la convention avec ", "é de ", "\xffde", "de_", "vers  \u00a0",
		"pour", "pour.", "contre-", "sans ", "dont ", "chez ", "entre ", "sur ", "des ", "du ",
	} {
		if got, want := afterPrep(s), reCommuneAfterPrep.MatchString(s); got != want {
			t.Errorf("afterPrep(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzAfterPrep(f *testing.F) {
	for _, s := range []string{"", "demandee a ", "le ppri de la ", "xaux", "par\t", "1 des", "é sur "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := afterPrep(s), reCommuneAfterPrep.MatchString(s); got != want {
			t.Errorf("afterPrep(%q) = %v, want %v", s, got, want)
		}
	})
}
