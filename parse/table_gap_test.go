package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHasGapBytes compares hasGap with the pair-by-pair reading on strings of up to 80 bytes
// drawn from the bytes around its thresholds (gap spaces, other controls, '!', bytes with bit 7
// set whose low bits are spaces), so that every position in and across its words is tried.
func TestHasGapBytes(t *testing.T) {
	alphabet := []byte{' ', '\t', '\n', '\f', '\r', '\v', 0, '!', 'a', 0xa0, 0x89, 0xff, 0x7f}
	r := rand.New(rand.NewPCG(1, 2))
	gaps := 0
	for n := 0; n < 300000; n++ {
		b := make([]byte, r.IntN(81))
		for i := range b {
			if r.IntN(3+n%40) == 0 {
				b[i] = alphabet[r.IntN(len(alphabet))]
			} else {
				b[i] = 'x'
			}
		}
		s := string(b)
		want := false
		for i := 1; i < len(s); i++ {
			want = want || isGapSpace(s[i]) && isGapSpace(s[i-1])
		}
		if got := hasGap(s); got != want {
			t.Fatalf("hasGap(%q) = %v, want %v", s, got, want)
		}
		if want {
			gaps++
		}
	}
	if gaps == 0 {
		t.Errorf("no string with a gap was tried")
	}
}

// FuzzHasGap compares hasGap with the pair-by-pair reading.
func FuzzHasGap(f *testing.F) {
	for _, s := range []string{"", "a  b", strings.Repeat("mot ", 12), strings.Repeat("mot ", 12) + " x", strings.Repeat("x", 40) + "\t ", strings.Repeat("y", 33) + "\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		for i := 1; i < len(s); i++ {
			want = want || isGapSpace(s[i]) && isGapSpace(s[i-1])
		}
		if got := hasGap(s); got != want {
			t.Errorf("hasGap(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzUntabTableText(f *testing.F) {
	for _, s := range []string{"3\tBudget\t12", "\t3\tBudget", "IV.\tSubventions\t100", "-\tun\tdeux", "1.2)\t\t", "a\tb", "o\t ", "\u00a0V\tx\tY"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := untabTableText(s), isTableText(untab(s)); got != want {
			t.Errorf("untabTableText(%q) = %v, want %v", s, got, want)
		}
	})
}
