package parse

import (
	"strings"
	"testing"

	"minutes/normalize"
)

// stemRunRef is stemRun as it was before its steps were read without bounds checks and their
// flags tested eight at a time: the reference it is checked against.
func stemRunRef(f string, s uint16, m uint64) (uint16, uint64) {
	t, class := &stemTable, &stemIndex.dfa.class
	i := 0
	for ; i+3 < len(f); i += 4 {
		w := f[i : i+4]
		s1 := t[s+uint16(class[w[0]])]
		s2 := t[s1+uint16(class[w[1]])]
		s3 := t[s2+uint16(class[w[2]])]
		s = t[s3+uint16(class[w[3]])]
		if (s1|s2|s3|s)&litEnds != 0 {
			m |= stemOut(s1) | stemOut(s2) | stemOut(s3) | stemOut(s)
		}
	}
	for ; i < len(f); i++ {
		s = t[s+uint16(class[f[i]])]
		if s&litEnds != 0 {
			m |= stemOut(s)
		}
	}
	return s, m
}

// stemRun2Ref is stemRun2 as it was (two steps of each part at a time), the reference.
func stemRun2Ref(a, b string) uint64 {
	t, class := &stemTable, &stemIndex.dfa.class
	var s, u uint16
	var m uint64
	x := a[:min(len(a), len(b))]
	y := b[:len(x)]
	i := 0
	for ; i+1 < len(y); i += 2 {
		s1 := t[s+uint16(class[x[i]])]
		u1 := t[u+uint16(class[y[i]])]
		s = t[s1+uint16(class[x[i+1]])]
		u = t[u1+uint16(class[y[i+1]])]
		if (s1|u1|s|u)&litEnds != 0 {
			m |= stemOut(s1) | stemOut(u1) | stemOut(s) | stemOut(u)
		}
	}
	_, m = stemRunRef(a[i:], s, m)
	_, m = stemRunRef(b[i:], u, m)
	return m
}

// stemStates are states of stemTable to start a run from: the root, and the state (flagged or
// not) each prefix of each stem leads to.
func stemStates() []uint16 {
	seen := map[uint16]bool{0: true}
	out := []uint16{0}
	for _, st := range stemIndex.stems {
		for k := 1; k <= len(st); k++ {
			s, _ := stemRunRef(st[:k], 0, 0)
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// checkStemRun compares stemRun and stemRun2 with their references on f, from every state of
// stemStates and with the stems found so far carried through.
func checkStemRun(t *testing.T, f string, states []uint16) {
	t.Helper()
	for _, s := range states {
		for _, m := range []uint64{0, 1 << 62} {
			gs, gm := stemRun(f, s, m)
			ws, wm := stemRunRef(f, s, m)
			if gs != ws || gm != wm {
				t.Fatalf("stemRun(%q, %#x, %#x) = %#x, %#x, want %#x, %#x", f, s, m, gs, gm, ws, wm)
			}
		}
	}
	for _, cut := range []int{0, 1, len(f) / 3, len(f) / 2, len(f) - 1} {
		if cut < 0 || cut > len(f) {
			continue
		}
		a, b := f[:cut], f[cut:]
		if got, want := stemRun2(a, b), stemRun2Ref(a, b); got != want {
			t.Fatalf("stemRun2(%q, %q) = %#x, want %#x", a, b, got, want)
		}
		if got, want := stemRun2(b, a), stemRun2Ref(b, a); got != want {
			t.Fatalf("stemRun2(%q, %q) = %#x, want %#x", b, a, got, want)
		}
	}
}

// TestStemRunRef checks stemRun and stemRun2 against their references on the folded corpus
// lines, on every stem at every offset of lines of up to 40 bytes, and on spotEdges.
func TestStemRunRef(t *testing.T) {
	states := stemStates()
	for _, l := range corpusLines() {
		checkStemRun(t, normalize.Fold(l), states[:1])
	}
	for _, l := range spotEdges {
		checkStemRun(t, l, states)
	}
	for n := 0; n <= 40; n++ {
		for _, st := range stemIndex.stems {
			for p := 0; p+len(st) <= n; p++ {
				checkStemRun(t, strings.Repeat("x", p)+st+strings.Repeat("y", n-p-len(st)), states[:1])
			}
		}
	}
}

// FuzzStemRun compares stemRun and stemRun2 with their references, from every start state.
func FuzzStemRun(f *testing.F) {
	for _, s := range []string{"adopte a l'unanimite, ", "pour 12 contre 3 abstentions", "prend acte", "n'a pas ete retenu", "le conseil municipal, apres en avoir delibere"} {
		f.Add(s)
	}
	states := stemStates()
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2048 {
			s = s[:2048]
		}
		checkStemRun(t, s, states)
	})
}

// BenchmarkScanStems reads the stems of every folded line of the development corpus.
func BenchmarkScanStems(b *testing.B) {
	var lines []string
	n := 0
	for _, l := range corpusLines() {
		f := normalize.Fold(l)
		lines = append(lines, f)
		n += len(f)
	}
	if len(lines) == 0 {
		b.Skip("../shared/corpus/dev is absent")
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var m uint64
	for b.Loop() {
		for _, l := range lines {
			m |= scanStems(l)
		}
	}
	if m == 0 {
		b.Fatal("no stem found")
	}
}
