package parse

import (
	"strings"
	"testing"
)

// scanStemsOne is scanStems read in one part, the reference for its reading in parts.
func scanStemsOne(f string) uint64 {
	_, m := scanStemsFrom(0, 0, f)
	return m
}

// TestScanStemsParts puts each stem at every offset of lines around the lengths where
// scanStems reads in two and four parts: a stem across a cut must still be found.
func TestScanStemsParts(t *testing.T) {
	o := stemIndex.overlap
	var lens []int
	for _, base := range []int{2 * (o + stemLane), 4 * (o + stemLane)} {
		for d := -2; d <= 5; d++ {
			lens = append(lens, base+d)
		}
	}
	lens = append(lens, 0, 1, 2*o, 300, 517)
	for _, n := range lens {
		for _, st := range stemIndex.stems {
			if len(st) > n {
				continue
			}
			for p := 0; p+len(st) <= n; p++ {
				f := strings.Repeat("x", p) + st + strings.Repeat("y", n-p-len(st))
				if got, want := scanStems(f), scanStemsOne(f); got != want {
					t.Fatalf("scanStems of %q at %d in %d bytes = %#x, want %#x", st, p, n, got, want)
				}
			}
		}
	}
}

// FuzzScanStemsParts compares scanStems with its reading in one part, on the input repeated
// so that long lines are read in parts.
func FuzzScanStemsParts(f *testing.F) {
	for _, s := range []string{"adopte a l'unanimite, ", "pour 12 contre 3 abstentions", "prend acte", "n'a pas ete retenu"} {
		f.Add(s, uint8(7))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		f := strings.Repeat(s, int(k)%40+1)
		if len(f) > 4096 {
			f = f[:4096]
		}
		for _, g := range []string{f, f[min(len(f), int(k)):]} {
			if got, want := scanStems(g), scanStemsOne(g); got != want {
				t.Errorf("scanStems(%q) = %#x, want %#x", g, got, want)
			}
		}
	})
}
