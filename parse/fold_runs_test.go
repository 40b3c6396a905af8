package parse

import (
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
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

// foldMap, the reference of foldRuns, kept here for its tests: it maps every byte of the fold.
// foldMap folds s like normalize.Fold and returns, for every byte of the result, the offset of
// the byte of s it comes from (plus one final entry, len(s)). The offsets are int32, half the
// bytes of int: s is a line or a sentence of a few lines. A text beyond their range (2 GB) has
// no map: "" and nil, which no caller's match or comparison accepts.
func foldMap(s string) (string, []int32) {
	if len(s) > math.MaxInt32 {
		return "", nil
	}
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int32, 0, len(s)+1)
	space := false
	var buf [utf8.UTFMax]byte
	for i, r := range s {
		if r < utf8.RuneSelf {
			// ASCII, the common case, byte by byte: white space is squeezed, capitals lowered.
			c := byte(r)
			if asciiSpace[c] != 0 {
				space = b.Len() > 0
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				offs = append(offs, int32(i))
				space = false
			}
			b.WriteByte(c)
			offs = append(offs, int32(i))
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		var fr string
		if r < rune(len(latinFold)) {
			fr = latinFold[r]
		} else {
			n := utf8.EncodeRune(buf[:], r)
			fr = normalize.Fold(string(buf[:n]))
		}
		if fr == "" {
			continue
		}
		if space {
			b.WriteByte(' ')
			offs = append(offs, int32(i))
			space = false
		}
		b.WriteString(fr)
		for k := 0; k < len(fr); k++ {
			offs = append(offs, int32(i))
		}
	}
	offs = append(offs, int32(len(s)))
	return b.String(), offs
}
