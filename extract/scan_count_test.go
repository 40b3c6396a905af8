package extract

import (
	"strings"
	"testing"
)

// sameCounts fails t unless scanAll counts the line feeds and form feeds of s as strings.Count.
func sameCounts(t *testing.T, s string) {
	t.Helper()
	sc, _ := scanAll(s)
	if nl, ff := strings.Count(s, "\n"), strings.Count(s, "\f"); sc.lines != nl || sc.feeds != ff || !sc.done {
		t.Fatalf("scanAll(%q) counts %d line feeds, %d form feeds (done %v); want %d, %d", s, sc.lines, sc.feeds, sc.done, nl, ff)
	}
}

// TestScanAllCounts puts line feeds and form feeds at every place of texts long enough for
// the eight-byte steps, next to the other bytes the scan stops at.
func TestScanAllCounts(t *testing.T) {
	base := "Délibération n° 12\tadoptée"
	for _, p := range []string{"\n", "\f", "\n\n", "\f\n", "\r\n", "\x01\n", "é\n", "\n\xff", "\u00a0\f"} {
		for i := 0; i <= len(base); i++ {
			for _, s := range []string{base[:i] + p + base[i:], p + base[:i] + p, base[:i] + p + p + base[i:] + p} {
				sameCounts(t, s)
			}
		}
	}
}

func FuzzScanAllCounts(f *testing.F) {
	for _, s := range []string{"", "a\nb\fc", "\n\n\n\n\n\n\n\n\n", "Présents :\f\n M. A\x7f\n", "\xc3\n\xe2\x80\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameCounts(t, s) })
}
