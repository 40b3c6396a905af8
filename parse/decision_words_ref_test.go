package parse

import (
	"math/bits"
	"strings"
	"testing"
)

// hasUpperRunLoop is hasUpperRun as it was before the last bytes of a line were read as one
// word: the reference for the rewrite.
func hasUpperRunLoop(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	prev := false
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := leWord(s[i : i+8])
		y := x &^ highs
		up := (y + ones*(128-'A')) &^ (y + ones*(127-'Z')) &^ x & highs
		if up&(up>>8) != 0 || (prev && up&0x80 != 0) {
			return true
		}
		prev = up>>63 != 0
	}
	for ; i < len(s); i++ {
		c := s[i] >= 'A' && s[i] <= 'Z'
		if c && prev {
			return true
		}
		prev = c
	}
	return false
}

// hasDigitLoop is hasDigit as it was, its last bytes read one by one.
func hasDigitLoop(s string) bool {
	const low, high = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := leWord(s[i : i+8])
		hx := x | high
		if ((hx-'0'*low)&^(hx-('9'+1)*low))&high&^x != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// upperVerbRunLoop is upperVerbRun as it was, its last bytes each asked of upperVerbAt.
func upperVerbRunLoop(raw string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(raw); i += 8 {
		x := leWord(raw[i : i+8])
		y := x &^ highs
		up := (y + ones*(128-'A')) &^ (y + ones*(127-'Z')) &^ x & highs
		for cand := up & ((up|x&highs)>>8 | 1<<63); cand != 0; cand &= cand - 1 {
			if j := i + bits.TrailingZeros64(cand)/8; upperVerbFirst.has(raw[j]) && upperVerbAt(raw, j) {
				return true
			}
		}
	}
	for ; i < len(raw); i++ {
		if upperVerbAt(raw, i) {
			return true
		}
	}
	return false
}

// checkWordScans compares hasUpperRun, hasDigit and upperVerbRun with their former loops and
// their plain readings, on s and on each of its suffixes (every length and alignment of the
// last bytes).
func checkWordScans(t *testing.T, s string) {
	t.Helper()
	for k := 0; k <= len(s); k++ {
		x := s[k:]
		if got, want := hasUpperRun(x), hasUpperRunLoop(x); got != want || got != refHasUpperRun(x) {
			t.Fatalf("hasUpperRun(%q) = %v, want %v", x, got, want)
		}
		if got, want := hasDigit(x), hasDigitLoop(x); got != want || got != strings.ContainsAny(x, "0123456789") {
			t.Fatalf("hasDigit(%q) = %v, want %v", x, got, want)
		}
		if got, want := upperVerbRun(x), upperVerbRunLoop(x); got != want {
			t.Fatalf("upperVerbRun(%q) = %v, want %v", x, got, want)
		}
		if got, want := upperVerb(x), refUpperVerb(x); got != want {
			t.Fatalf("upperVerb(%q) = %v, want %v", x, got, want)
		}
	}
}

// wordScanEdges put capitals, digits and upper verbs across the eight-byte words and at the
// last bytes of a line.
var wordScanEdges = []string{"abcdefgH", "abcdefgHI", "abcdefgHIj", "abcdefghijklmnoP", "abcdefghijklmnOP", "xxxxxxxxxxxxxxADOPTE",
	"xxxxxxxxxxxxADOPTÉ", "xxxxxxxDÉCIDE", "1234567", "abcdefghijklmn9", "abcdefgh9", "le conseil DECIDE", "ADOPTE", "xx VALIDENT",
	"Pour : 12", "abcdefgA\xc3\x89", "AUTORISE.", "abcdefg ACCEPTE", "É", "\xff\xffAB", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}

// TestWordScans checks the rewritten word scans on the corpus lines, the samples and the edges.
func TestWordScans(t *testing.T) {
	lines := append(append(append(rxSamples(t), corpusLines()...), spotEdges...), wordScanEdges...)
	for _, s := range lines {
		if len(s) > 200 {
			s = s[:200]
		}
		checkWordScans(t, s)
	}
}

// FuzzWordScans compares the rewritten word scans with their former loops.
func FuzzWordScans(f *testing.F) {
	for _, s := range wordScanEdges {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		checkWordScans(t, s)
	})
}
