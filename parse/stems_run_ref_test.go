package parse

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"testing"

	"minutes/normalize"
)

// stemTableRef is stemTable as it was before its flags stuck: a move read at a flagged state is
// the move of the state itself, flagged only where a stem ends.
// It is built at its first use: stemIndex's automaton is built by init.
var stemTableRef = sync.OnceValue(func() *[1<<16 + 256]uint16 {
	var t [1<<16 + 256]uint16
	for x, v := range stemIndex.dfa.next {
		t[x], t[x|litEnds] = v, v
	}
	return &t
})

// stemRunRef is stemRun as it was before its steps were read without bounds checks and their
// flags tested eight at a time: the reference it is checked against.
func stemRunRef(f string, s uint16, m uint64) (uint16, uint64) {
	t, class := stemTableRef(), &stemIndex.dfa.class
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
	t, class := stemTableRef(), &stemIndex.dfa.class
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
			// stemRun clears the flag of the state it returns.
			if gs != ws&^litEnds || gm != wm {
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
	for _, s := range []string{"", "adopte a l'unanimite, ", "pour 12 contre 3 abstentions", "prend acte", "n'a pas ete retenu", "le conseil municipal, apres en avoir delibere"} {
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

// scanFromRef is scanFrom as it was, a step and a flag test a byte, each move read with a
// bounds check: the reference for its rewrite.
func scanFromRef(a *litDFA, s uint32, m uint64, f string) (uint32, uint64) {
	next, class := a.next, &a.class
	for i := 0; i < len(f); i++ {
		s = uint32(next[s+uint32(class[f[i]])])
		if s&litEnds != 0 {
			s &^= litEnds
			m |= a.out[s/uint32(a.width)]
		}
	}
	return s, m
}

// scanPartsRef is scanParts through scanFromRef alone: the words of every part are those of
// the whole text.
func scanPartsRef(d *litDFA, f string) uint64 {
	_, m := scanFromRef(d, 0, 0, f)
	return m
}

// checkLitScans compares scanFrom, scan2, scan4 and scanParts of automaton d with their
// reference on f, from states (unflagged) of d.
func checkLitScans(t *testing.T, d *litDFA, overlap int, f string, states []uint32) {
	t.Helper()
	for _, s := range states {
		gs, gm := scanFrom(d, s, 1<<62, f)
		ws, wm := scanFromRef(d, s, 1<<62, f)
		if gs != ws || gm != wm {
			t.Fatalf("scanFrom(%q, %#x) = %#x, %#x, want %#x, %#x", f, s, gs, gm, ws, wm)
		}
	}
	want := scanPartsRef(d, f)
	if got := scanParts(d, overlap, f); got != want {
		t.Fatalf("scanParts(%q) = %#x, want %#x", f, got, want)
	}
	o := overlap
	if h := len(f) / 2; h >= o {
		if got := scan2(d, f[:h], f[h-o:]); got != want || got != scan2Ref(d, f[:h], f[h-o:]) {
			t.Fatalf("scan2(%q) = %#x, want %#x", f, got, want)
		}
	}
	if q := len(f) / 4; q >= o {
		if got := scan4(d, f[:q], f[q-o:2*q], f[2*q-o:3*q], f[3*q-o:]); got != want || got != scan4Ref(d, f[:q], f[q-o:2*q], f[2*q-o:3*q], f[3*q-o:]) {
			t.Fatalf("scan4(%q) = %#x, want %#x", f, got, want)
		}
	}
}

// litStates are the states of automaton d that the prefixes of its words lead to, and the root.
func litStates(d *litDFA) []uint32 {
	seen := map[uint32]bool{0: true}
	out := []uint32{0}
	for _, w := range d.lits {
		for k := 1; k <= len(w); k++ {
			s, _ := scanFromRef(d, 0, 0, w[:k])
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// longestLit is the length of the longest of lits less one, the overlap of their parts.
func longestLit(lits []string) int {
	n := 0
	for _, l := range lits {
		n = max(n, len(l)-1)
	}
	return n
}

// TestLitScans checks the automaton scans of the stems and of the header words on the folded
// corpus lines, whole and from each state, and on each word at every offset.
func TestLitScans(t *testing.T) {
	dfas := []*litDFA{stemIndex.dfa, hdrIndex.dfa, endIndex.dfa}
	var lines []string
	for _, l := range corpusLines() {
		lines = append(lines, normalize.Fold(l))
	}
	lines = append(lines, spotEdges...)
	for _, d := range dfas {
		states := litStates(d)
		o := longestLit(d.lits)
		for _, f := range lines {
			checkLitScans(t, d, o, f, states[:1])
			checkLitScans(t, d, o, f+f+f, states[:1])
		}
		for _, w := range d.lits {
			for p := 0; p < 24; p++ {
				f := strings.Repeat("x", p) + w + strings.Repeat("y", 23-p)
				checkLitScans(t, d, o, f, states)
				checkLitScans(t, d, o, strings.Repeat(f, 7), states[:1])
			}
		}
	}
}

// FuzzLitScans builds an automaton of the words of w (split at "|") and compares its scans of
// f, repeated k times, with the reference.
func FuzzLitScans(f *testing.F) {
	f.Add("seance|prochain|a|ab|bab", "la seance prochaine a bab lieu", uint8(3))
	f.Add("pour|contre|abst", "pour 12 contre 3 abstentions", uint8(9))
	f.Fuzz(func(t *testing.T, w, s string, k uint8) {
		var lits []string
		for _, l := range strings.Split(w, "|") {
			if l != "" && len(lits) < 64 {
				lits = append(lits, l)
			}
		}
		if len(lits) == 0 {
			return
		}
		d := newLitDFA(lits)
		if d == nil {
			return
		}
		text := strings.Repeat(s, int(k)%20+1)
		if len(text) > 4096 {
			text = text[:4096]
		}
		checkLitScans(t, d, longestLit(lits), text, litStates(d))
	})
}

// scanStemsSkipRef is scanStemsSkip as it was: the line copied without its skipped bytes into
// a stack buffer, then read; a longer line read byte by byte, the skipped bytes passed over.
func scanStemsSkipRef(f string, skip byte) uint64 {
	if len(f) > 1024 {
		a := stemIndex.dfa
		var m uint64
		s := uint32(0)
		next, class := a.next, &a.class
		for i := 0; i < len(f); i++ {
			if f[i] == skip {
				continue
			}
			s = uint32(next[s+uint32(class[f[i]])])
			if s&litEnds != 0 {
				s &^= litEnds
				m |= a.out[s/uint32(a.width)]
			}
		}
		return m
	}
	return scanStems(strings.ReplaceAll(f, string(skip), ""))
}

// spotsInRef is spotPlan.spotsIn as it was, a step and a flag test a byte.
func (s *spotPlan) spotsInRef(f string, buf []int) []int {
	a := s.dfa
	st := uint32(0)
	next, class := a.next, &a.class
	for i := 0; i < len(f); i++ {
		st = uint32(next[st+uint32(class[f[i]])])
		if st&litEnds == 0 {
			continue
		}
		st &^= litEnds
		for m := a.out[st/uint32(a.width)]; m != 0; m &= m - 1 {
			sp := s.spots[bits.TrailingZeros64(m)]
			p := i + 1 - len(sp.s)
			if sp.boundary && p > 0 && isWordStart(f[p-1:]) {
				continue
			}
			buf = append(buf, p)
		}
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

// checkSpotsSkip compares spotsIn of every spot pattern and scanStemsSkip with their
// references on f.
func checkSpotsSkip(t *testing.T, f string) {
	t.Helper()
	for _, re := range allSpots {
		sp := re.plan()
		if sp.spots == nil {
			continue
		}
		if got, want := sp.spotsIn(f, nil), sp.spotsInRef(f, nil); !slices.Equal(got, want) {
			t.Fatalf("%s: spotsIn(%q) = %v, want %v", re.String(), f, got, want)
		}
	}
	for _, skip := range []byte{'*', ' '} {
		if got, want := scanStemsSkip(f, skip), scanStemsSkipRef(f, skip); got != want {
			t.Fatalf("scanStemsSkip(%q, %q) = %#x, want %#x", f, skip, got, want)
		}
	}
}

// TestSpotsSkip checks spotsIn and scanStemsSkip on the folded corpus lines, with stars put in
// them, and on spotEdges.
func TestSpotsSkip(t *testing.T) {
	for _, l := range append(corpusLines(), spotEdges...) {
		f := normalize.Fold(l)
		checkSpotsSkip(t, f)
		checkSpotsSkip(t, strings.ReplaceAll(f, "e", "*e*"))
	}
	checkSpotsSkip(t, strings.Repeat("pour *ado**pte* ", 100))
}

// FuzzSpotsSkip compares spotsIn and scanStemsSkip with their references.
func FuzzSpotsSkip(f *testing.F) {
	for _, s := range []string{"**adopte** a l'unanimite", "pour 12 contre 3 abstentions", "le conseil *decide*", "reporte sa decision"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1500 {
			s = s[:1500]
		}
		checkSpotsSkip(t, s)
	})
}

// scan2Ref is scan2 as it was, a step and a flag test a byte in each part: a reference.
func scan2Ref(d *litDFA, a, b string) uint64 {
	next, class := d.next, &d.class
	var s, t uint32
	var m uint64
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		s = uint32(next[s+uint32(class[a[i]])])
		t = uint32(next[t+uint32(class[b[i]])])
		if (s|t)&litEnds != 0 {
			if s&litEnds != 0 {
				s &^= litEnds
				m |= d.out[s/uint32(d.width)]
			}
			if t&litEnds != 0 {
				t &^= litEnds
				m |= d.out[t/uint32(d.width)]
			}
		}
	}
	_, m = scanFromRef(d, s, m, a[n:])
	_, m = scanFromRef(d, t, m, b[n:])
	return m
}

// scan4Ref is scan4 as it was, a step and a flag test a byte in each part: a reference.
func scan4Ref(d *litDFA, a, b, c, e string) uint64 {
	next, class := d.next, &d.class
	var s, t, u, v uint32
	var m uint64
	n := min(len(a), len(b), len(c), len(e))
	for i := 0; i < n; i++ {
		s = uint32(next[s+uint32(class[a[i]])])
		t = uint32(next[t+uint32(class[b[i]])])
		u = uint32(next[u+uint32(class[c[i]])])
		v = uint32(next[v+uint32(class[e[i]])])
		if (s|t|u|v)&litEnds != 0 {
			if s&litEnds != 0 {
				s &^= litEnds
				m |= d.out[s/uint32(d.width)]
			}
			if t&litEnds != 0 {
				t &^= litEnds
				m |= d.out[t/uint32(d.width)]
			}
			if u&litEnds != 0 {
				u &^= litEnds
				m |= d.out[u/uint32(d.width)]
			}
			if v&litEnds != 0 {
				v &^= litEnds
				m |= d.out[v/uint32(d.width)]
			}
		}
	}
	_, m = scanFromRef(d, s, m, a[n:])
	_, m = scanFromRef(d, t, m, b[n:])
	_, m = scanFromRef(d, u, m, c[n:])
	_, m = scanFromRef(d, v, m, e[n:])
	return m
}
