package parse

import (
	"slices"
	"strings"
	"testing"

	"minutes/normalize"
)

// refTrigrams is foldedTrigrams written plainly: the title's words joined by one space and
// framed by spaces, its trigrams sorted and without repeats.
func refTrigrams(f string) []uint32 {
	text := " " + strings.Join(foldedWords(f), " ") + " "
	if text == "  " {
		text = " "
	}
	var out []uint32
	for i := 0; i+3 <= len(text); i++ {
		out = append(out, uint32(text[i])<<16|uint32(text[i+1])<<8|uint32(text[i+2]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// FuzzTitleGrams checks trigramsOf and wordsOf, which read titles byte by byte, against the
// plain readings of each title.
func FuzzTitleGrams(f *testing.F) {
	for _, s := range []string{"", " ", "Débat d'Orientaion Budgétaire 2024", "PADD (Plan d'Aménagement)", "a", "ab", "a b", "\xff\xfe x", "1.2 – Vote"} {
		f.Add(s, "Création d'une régie")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fs := []string{normalize.Fold(a), a, normalize.Fold(b), b}
		grams, words := trigramsOf(fs), wordsOf(fs)
		for k, s := range fs {
			if want := refTrigrams(s); !slices.Equal(grams[k], want) && !(len(grams[k]) == 0 && len(want) == 0) {
				t.Errorf("trigramsOf(%q) = %x, want %x", s, grams[k], want)
			}
			if want := foldedWords(s); !slices.Equal(words[k], want) {
				t.Errorf("wordsOf(%q) = %q, want %q", s, words[k], want)
			}
		}
	})
}
