package parse

import (
	"math/rand/v2"
	"testing"
)

// TestHasGapBytes compares hasGap with the pair-by-pair reading on strings of up to 40 bytes
// drawn from the bytes around its thresholds (gap spaces, other controls, '!', bytes with bit 7
// set whose low bits are spaces), so that every position in and across its words is tried.
func TestHasGapBytes(t *testing.T) {
	alphabet := []byte{' ', '\t', '\n', '\f', '\r', '\v', 0, '!', 'a', 0xa0, 0x89, 0xff, 0x7f}
	r := rand.New(rand.NewPCG(1, 2))
	gaps := 0
	for n := 0; n < 300000; n++ {
		b := make([]byte, r.IntN(41))
		for i := range b {
			if r.IntN(3) == 0 {
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
