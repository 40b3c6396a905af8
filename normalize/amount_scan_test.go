package normalize

import (
	"strings"
	"testing"
)

// nextDigitRef is nextDigit byte by byte: the reference.
func nextDigitRef(s string, i int) int {
	if k := strings.IndexFunc(s[i:], func(r rune) bool { return r >= '0' && r <= '9' }); k >= 0 {
		return i + k
	}
	return len(s)
}

var nextDigitCases = []string{
	"", "1", "abc", "abcdefgh9", "abcdefghi", "le montant de 12 000 € TTC", "é€/:;0",
	"\xff\xfe\x80\xb0\xb9\x30", "////////:::::::::", "0123456789", "aaaaaaaaaaaaaaaaaaaaaaa7",
}

// TestNextDigit checks nextDigit against a byte search from every offset.
func TestNextDigit(t *testing.T) {
	for _, s := range nextDigitCases {
		for i := 0; i <= len(s); i++ {
			if got, want := nextDigit(s, i), nextDigitRef(s, i); got != want {
				t.Errorf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// FuzzNextDigit checks nextDigit against a byte search on arbitrary text.
func FuzzNextDigit(f *testing.F) {
	for _, s := range nextDigitCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s) && i < 40; i++ {
			if got, want := nextDigit(s, i), nextDigitRef(s, i); got != want {
				t.Errorf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}
