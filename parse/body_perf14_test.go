package parse

import "testing"

// TestOCRCapitalsAgreesWithRunes checks ocrCapitals, written byte by byte, against the
// version on a slice of runes, on the cases where they could part: a change that makes the
// next rune's left neighbour a capital, invalid UTF-8, marks at either end.
func TestOCRCapitalsAgreesWithRunes(t *testing.T) {
	cases := []struct{ name, in string }{
		{"diaeresis", "DÉLIBÉRAÏION"},
		{"question mark", "MUNIC?PAL"},
		{"chain", "A?ÏB"},
		{"double mark", "A??B"},
		{"invalid byte", "\xffA?B\xfe"},
		{"invalid neighbour", "A?\xff"},
		{"at the ends", "?AB?"},
		{"lower case", "a?b"},
		{"none", "Vote à l'unanimité"},
	}
	for _, c := range cases {
		if got, want := ocrCapitals(c.in), ocrCapitalsRunes(c.in); got != want {
			t.Errorf("%s: ocrCapitals(%q) = %q, want %q", c.name, c.in, got, want)
		}
	}
}
