package parse

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRoleMay checks the prefilter of reRole: true wherever the pattern matches, false on lines
// that name a person.
func TestRoleMay(t *testing.T) {
	tests := []struct {
		name string
		line string
		want bool
	}{
		{"civility and role", "Monsieur le Maire présente le rapport", true},
		{"tab and capitals", "MADAME\tLA PRÉSIDENTE : merci", true},
		{"apostrophe", "M. l'adjoint au maire", true},
		{"role alone", "Le Maire rappelle", true},
		{"person", "Monsieur DUPONT demande", false},
		{"article not after the first word", "Madame Dupont la Présidente", false},
		{"no space", "Monsieur", false},
		{"article glued", "Monsieur lemaire", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := roleMay(tc.line); got != tc.want {
				t.Errorf("roleMay(%q) = %v, want %v", tc.line, got, tc.want)
			}
			if reRole.MatchString(tc.line) && !roleMay(tc.line) {
				t.Errorf("reRole matches %q but roleMay rules it out", tc.line)
			}
		})
	}
}

func FuzzRoleMay(f *testing.F) {
	for _, s := range []string{"Monsieur le Maire", "M.  \tLA Présidente", "Mme l'adjointe", "le maire", "L'Maire-adjoint", "Madame\nle\tmaire"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if reRole.MatchString(s) && !roleMay(s) {
			t.Errorf("reRole matches %q but roleMay rules it out", s)
		}
	})
}

// TestCivilityStartNonASCII checks the short cuts of civilityStart for words that are not ASCII
// against lower-casing them, and that the civility words are ASCII, as they assume.
func TestCivilityStartNonASCII(t *testing.T) {
	for w := range civilityWords {
		for k := 0; k < len(w); k++ {
			if w[k] >= utf8.RuneSelf {
				t.Fatalf("civility word %q is not ASCII", w)
			}
		}
	}
	for _, s := range []string{"L’Assemblée", "l’élu", "L'été", "MADAME", "Mİle", "Mme\u212a", "MONSİEUR x", "Élus :", "é", "\xff", "L\xe2", "l’", "Là haut", "", " Monsieur", "Le", "@adame", "Pour : 12"} {
		if got, want := civilityStart(s), civilityStartRef(s); got != want {
			t.Errorf("civilityStart(%q) = %v, want %v", s, got, want)
		}
	}
}

// civilityStartRef is civilityStart by lower-casing the first word.
func civilityStartRef(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	if len(w) > 12 {
		return false
	}
	lw := strings.ToLower(w)
	return civilityWords[lw] || strings.HasPrefix(lw, "l'") || strings.HasPrefix(lw, "l’")
}

func FuzzCivilityStart(f *testing.F) {
	for _, s := range []string{"Monsieur le Maire", "MME. X", "l’élu", "Kelvin\u212a", "Après", "mm", "Le"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := civilityStart(s), civilityStartRef(s); got != want {
			t.Errorf("civilityStart(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestCivilitiesStartWithM checks what speakerAt assumes before running reSpeakerCiv: every
// civility of reCivility starts with an m (case-insensitive 'm' matches only m and M).
func TestCivilitiesStartWithM(t *testing.T) {
	alts := strings.TrimSuffix(strings.TrimPrefix(reCivility, "(?:"), ")")
	for _, a := range strings.Split(alts, "|") {
		if a == "" || a[0] != 'M' && a[0] != 'm' {
			t.Errorf("civility %q does not start with m: speakerAt's gate before reSpeakerCiv is wrong", a)
		}
	}
}
