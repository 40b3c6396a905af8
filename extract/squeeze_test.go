package extract

import (
	"strings"
	"testing"
	"unicode"
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

// TestSqueezeShort: every string of up to five pieces, so that short lines and the ends of long
// ones meet each kind of space at each place.
func TestSqueezeShort(t *testing.T) {
	pieces := []string{"a", " ", "\t", "é", "\u00a0", "’", "\u3000", "\xc2", "bcdefgh"}
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		if got, want := squeeze(prefix), squeezeRef(prefix); got != want {
			t.Fatalf("squeeze(%q) = %q, want %q", prefix, got, want)
		}
		if n == 0 {
			return
		}
		for _, p := range pieces {
			gen(prefix+p, n-1)
		}
	}
	gen("", 5)
}

// hasPageWordRef is hasPageWord byte by byte.
func hasPageWordRef(k string) bool {
	for i := 0; i+1 < len(k); i++ {
		if k[i]|0x20 != 'p' {
			continue
		}
		if k[i+1] == '.' || i+3 < len(k) && k[i+1]|0x20 == 'a' && k[i+2]|0x20 == 'g' && k[i+3]|0x20 == 'e' {
			return true
		}
	}
	return false
}

func TestHasPageWord(t *testing.T) {
	base := "abcdefghijklmnopq\xf0\xd0PpP"
	for _, w := range []string{"page", "PAGE", "p.", "P.", "pag", "p", "Pa", "pAgE", "\xf0age", "\xd0.", "pp."} {
		for i := 0; i <= len(base); i++ {
			for _, s := range []string{base[:i] + w, base[:i] + w + base[i:], w + base[:i]} {
				if got, want := hasPageWord(s), hasPageWordRef(s); got != want {
					t.Fatalf("hasPageWord(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

func FuzzHasPageWord(f *testing.F) {
	f.Add("Compte-rendu page 3")
	f.Add("p. 3 sur 12")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasPageWord(s), hasPageWordRef(s); got != want {
			t.Fatalf("hasPageWord(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestTrimSpaces: trim is strings.TrimSpace on lines that open or end with each space and each
// rune that shares bytes with one.
func TestTrimSpaces(t *testing.T) {
	ends := []string{"", " ", "a", "é", "É", "ÿ", "’", "–", "«", "\u0085", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028",
		"\u2029", "\u202f", "\u205f", "\u3000", "\u0129", "\u00a9", "\u07ff", "\xa9", "\xc3", "\xc3\xa0", "\xe2\x80", "\x80", "\t"}
	for r := rune(0x80); r < 0x3100; r++ {
		if unicode.IsSpace(r) {
			ends = append(ends, string(r), "x"+string(r))
		}
	}
	for _, a := range ends {
		for _, b := range ends {
			for _, s := range []string{a + "x" + b, a + b, a + "\u00e9\u00a0" + b} {
				if got, want := trim(s), strings.TrimSpace(s); got != want {
					t.Errorf("trim(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
	var lastBytes [256]bool // the last bytes of the spaces past ASCII
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			s := string(r)
			lastBytes[s[len(s)-1]] = true
		}
	}
	for c := 0; c < 256; c++ {
		if got, want := spaceLastByte(byte(c)), lastBytes[c]; got != want {
			t.Errorf("spaceLastByte(%#x) = %v, want %v", c, got, want)
		}
	}
}
