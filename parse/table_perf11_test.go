package parse

import (
	"strings"
	"testing"
)

// Reference forms of the functions round 11 replaced, as they were: the equivalence tests and
// fuzz targets check each replacement against its reference.

// cellSuffixRef is cellSuffix as it was: the byte test on the last byte, then the pattern.
func cellSuffixRef(s string) []int {
	if s == "" {
		return nil
	}
	if c := s[len(s)-1]; c < 0x80 && !isGapSpace(c) && c != '%' && c != '.' && strings.IndexByte(cellUnitLetters, c|0x20) < 0 {
		return nil
	}
	return reCellSuffix.FindStringSubmatchIndex(s)
}

// TestCellSuffixAll checks cellSuffix against reCellSuffix on every string of up to four
// pieces of the units' alphabet (the letters in both cases, "ſ", "€", dots, white space, a
// digit and stray bytes of multi-byte runes).
func TestCellSuffixAll(t *testing.T) {
	pieces := []string{" ", "\t", "e", "u", "R", "o", "s", "S", "ſ", "p", "t", "T", "h", "c", ".", "%", "€", "1", "\xe2", "\xbf", "\xc5"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		checkCellSuffix(t, s)
		if n == 0 || t.Failed() {
			return
		}
		for _, p := range pieces {
			walk(s+p, n-1)
		}
	}
	walk("", 4)
	// The longer forms ("euros", "t.t.c.") from a smaller alphabet.
	pieces = []string{"e", "u", "r", "o", "s", "t", ".", "c"}
	walk("", 5)
}
