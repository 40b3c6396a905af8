package normalize

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzFoldName checks foldName, whose ASCII letters take a path of their own, against Fold.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{" Jérôme  BERNARD ", "Barac`h", "a\tB\u00a0c", "ÆSIR l'Été"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldName(s), Fold(s); got != want {
			t.Errorf("foldName(%q) = %q, want %q", s, got, want)
		}
	})
}

// kindOfRef is kindOf before long ASCII words skipped the look-up of particles.
func kindOfRef(t string, i int, toks []string) tokKind {
	letters, upper, lower := 0, 0, 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return tokBad
		}
	}
	if letters == 0 {
		return tokBad
	}
	if strings.IndexByte(t, '.') >= 0 && reInitial.MatchString(t) {
		return tokInitial
	}
	if lower > 0 && i < len(toks)-1 && foldedIn(particles, t) {
		return tokParticle
	}
	if lower == 0 && upper >= 1 {
		if letters <= 2 && i == 0 && len(toks) > 1 && !kindOfCapsOnly(toks[1]) {
			return tokInitial
		}
		if letters == 1 {
			return tokInitial
		}
		return tokCaps
	}
	if upper == 0 {
		return tokBad
	}
	return tokWord
}

// FuzzKindOf checks kindOf against its reference, the token first and last of a name.
func FuzzKindOf(f *testing.F) {
	for _, s := range []string{"de", "Della", "Mc", "Francis", "DELLAS", "Dé", "van-der", "dellas"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, toks := range [][]string{{s, "DUPONT"}, {"Jean", s}} {
			for i := range toks {
				if got, want := kindOf(toks[i], i, toks), kindOfRef(toks[i], i, toks); got != want {
					t.Errorf("kindOf(%q, %d, %q) = %v, want %v", toks[i], i, toks, got, want)
				}
			}
		}
	})
}
