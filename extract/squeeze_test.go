package extract

import (
	"strings"
	"testing"
)

// TestSqueezeEveryPlace puts each kind of space, and runes that look like one to the word test,
// at every offset of lines long enough for the eight-byte steps, and compares squeeze with its
// definition.
func TestSqueezeEveryPlace(t *testing.T) {
	pieces := []string{"  ", " \t", "\t", "\n", "\v", "\f", "\r", "\u00a0", " \u00a0", "\u0085", "\u1680", "\u2003",
		"\u200a", "\u2028", "\u202f", "\u205f", "\u3000", "\x01", "’", "–", "€", "\xe2\x80", "\xe2", "\xc2",
		"\xc2 ", "é", "\xc3", "!", " !", "  !"}
	bases := []string{strings.Repeat("abcdefgh", 3), strings.Repeat("a b ", 6), strings.Repeat("é", 12),
		strings.Repeat("x’", 8)}
	for _, base := range bases {
		for _, p := range pieces {
			for i := 0; i <= len(base); i++ {
				for _, s := range []string{base[:i] + p + base[i:], base[:i] + p + base[i:] + p, p + base[:i] + p + p} {
					if got, want := squeeze(s), squeezeRef(s); got != want {
						t.Fatalf("squeeze(%q) = %q, want %q", s, got, want)
					}
				}
			}
		}
	}
}
