package parse

import (
	"strconv"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestDottedStyle checks the table of dotted families against the name it stands for.
func TestDottedStyle(t *testing.T) {
	for n := 0; n <= 6; n++ {
		if got, want := dottedStyle(n), "dotted"+strconv.Itoa(n); got != want {
			t.Errorf("dottedStyle(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestSpacedClass checks that every white space beyond ASCII opens with a byte singleSpaced
// decodes, and that the ASCII classes are strings.Fields' spaces.
func TestSpacedClass(t *testing.T) {
	var b [utf8.UTFMax]byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		n := utf8.EncodeRune(b[:], r)
		want := uint8(spacedLead)
		switch {
		case r == ' ':
			want = spacedPlain
		case n == 1:
			want = spacedOther
		}
		if got := spacedClass[b[0]]; got != want {
			t.Errorf("spacedClass[%#x] (first byte of %U) = %d, want %d", b[0], r, got, want)
		}
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		if spacedClass[c] != 0 && !unicode.IsSpace(rune(c)) {
			t.Errorf("spacedClass[%#x] = %d for a byte that is no space", c, spacedClass[c])
		}
	}
}
