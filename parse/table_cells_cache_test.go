package parse

import "testing"

// TestCellCacheRead checks that a cell read through the cache, first and again, reads as
// readCell reads it, whatever its unit (the cache keeps a unit as a code).
func TestCellCacheRead(t *testing.T) {
	cases := []struct{ name, raw string }{
		{"plain", "1 234,50"},
		{"euro", "12 000 €"},
		{"euro word", "35 euros"},
		{"percent", "12,5 %"},
		{"francs", "1 500 francs"},
		{"text", "Néant"},
		{"digits in text", "article 12 du règlement"},
	}
	cc := newCellCache(0)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantV, wantOK := readCell(c.raw)
			for pass := 0; pass < 2; pass++ {
				if v, ok := cc.read(c.raw); v != wantV || ok != wantOK {
					t.Errorf("read %q (pass %d) = %+v, %v; want %+v, %v", c.raw, pass, v, ok, wantV, wantOK)
				}
			}
		})
	}
}
