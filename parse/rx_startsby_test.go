package parse

import (
	"strings"
	"testing"

	"minutes/normalize"
)

// checkStartsBy checks that startsWithBy, through the first-byte index of every pattern's
// prefixes, answers as startsWith (its reference) at every position of s.
func checkStartsBy(t *testing.T, s string) {
	t.Helper()
	for _, r := range allRx {
		f := r.prefilter()
		for _, set := range []struct {
			starts []bytePrefix
			by     *[256]uint32
		}{{f.starts, f.startsBy}, {f.scan, f.scanBy}} {
			if set.starts == nil {
				continue
			}
			for i := 0; i < len(s); i++ {
				if got, want := startsWithBy(s[i:], set.starts, set.by), startsWith(s[i:], set.starts); got != want {
					t.Fatalf("%s: startsWithBy(%q) = %v, startsWith says %v", r, s[i:], got, want)
				}
			}
		}
	}
}

// TestStartsWithBy checks the indexed prefixes against startsWith on edge cases and, when
// ../shared is present, on the corpus lines as written and folded.
func TestStartsWithBy(t *testing.T) {
	indexed := 0
	for _, r := range allRx {
		if f := r.prefilter(); f.startsBy != nil || f.scanBy != nil {
			indexed++
		}
	}
	if indexed == 0 {
		t.Fatal("no pattern has indexed prefixes")
	}
	for _, s := range []string{"", "d", "debats :", "- debat", "• questions-reponses", "\xe2", "\xe2\x80", "ensuite", "E", "\u212a", "temps d'echange"} {
		checkStartsBy(t, s)
	}
	lines := corpusLines()
	if testing.Short() && len(lines) > 2000 {
		lines = lines[:2000]
	}
	for _, l := range lines {
		if len(l) > 200 {
			l = l[:200]
		}
		checkStartsBy(t, l)
		checkStartsBy(t, normalize.Fold(strings.TrimSpace(l)))
	}
}

func FuzzStartsWithBy(f *testing.F) {
	for _, s := range []string{"debats :", "- remarques des elus", "Ensuite", "12 Mme", "nombre de conseillers"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			return
		}
		checkStartsBy(t, s)
	})
}
