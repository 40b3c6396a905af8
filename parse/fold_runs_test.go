package parse

import (
	"strings"
	"testing"
)

// checkFoldRuns compares foldRuns and runOffset with foldMap's offset of every byte of the fold.
func checkFoldRuns(t testing.TB, s string) {
	t.Helper()
	f, runs := foldRuns(s)
	wf, offs := foldMap(s)
	if f != wf {
		t.Fatalf("foldRuns(%q) folds to %q, want %q", s, f, wf)
	}
	for k := 0; k <= len(f); k++ {
		if got, want := runOffset(s, f, runs, k), int(offs[k]); got != want {
			t.Fatalf("runOffset(%q, %d) = %d, want %d (fold %q, runs %v)", s, k, got, want, f, runs)
		}
	}
	if got, want := mappedOffset(s, f, runs, len(f)+3), len(s); got != want {
		t.Errorf("mappedOffset(%q, past the end) = %d, want %d", s, got, want)
	}
	if len(runs) > 2*(len(f)+1) {
		t.Errorf("foldRuns(%q): %d runs for a fold of %d bytes", s, len(runs)/2, len(f))
	}
}

func TestFoldRuns(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  M. Jean\tDUPONT  ", "Présent(e)s : Mme Agnès", "\xffé\u00a0x\u2003Y",
		"Œuvre ﬁn", "a\u0301b", "Ελλάδα ½ ǅ ‥", "l'an  deux   mil", "\u00a0\u00a0Été", "ﬀ ﬁ ﬂ ﬃ", "a\u2028b"} {
		checkFoldRuns(t, s)
	}
	for _, s := range rxSamples(t) {
		checkFoldRuns(t, s)
	}
	for _, l := range corpusLines() {
		checkFoldRuns(t, l)
	}
}

// TestFoldRunsSmall: a sentence of French costs a few runs, not an offset a byte.
func TestFoldRunsSmall(t *testing.T) {
	s := strings.Repeat("Les membres du Conseil se sont réunis le 15 décembre à Le Pouzin. ", 4)
	f, runs := foldRuns(s)
	if len(runs)/2 > len(f)/10 {
		t.Errorf("foldRuns: %d runs for %d bytes", len(runs)/2, len(f))
	}
}

func FuzzFoldRuns(f *testing.F) {
	f.Add("M. Jérôme BERNARD donne pouvoir à Mme X")
	f.Add("Œuvre  ﬁn\u00a0é")
	f.Fuzz(func(t *testing.T, s string) { checkFoldRuns(t, s) })
}
