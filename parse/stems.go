package parse

import (
	"math/bits"
	"regexp/syntax"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// stemSet is a list of stems (substrings of folded text) that gate some patterns, and its bits
// in the stem index. A line's stems are found in one pass (scanStems) rather than one
// strings.Contains per stem: the vote reader asks seven sets of them about every line.
type stemSet struct {
	list []string
	mask uint64
}

// stemIndex holds every stem of every set, each with its own bit, and the automaton that finds
// them all in one pass (built by init, once every set is registered).
var stemIndex struct {
	stems []string
	dfa   *litDFA
	// overlap is the length of the longest stem less one: scanStems' parts overlap by it.
	overlap int
}

// newStems registers a set of stems in the index. At most 61 distinct stems fit: the last three
// bits are stemStar's, stemMark's and stemsRead's.
func newStems(list ...string) stemSet {
	if stemIndex.dfa != nil {
		panic("parse: newStems after package initialisation")
	}
	s := stemSet{list: list}
	for _, st := range list {
		// lineTriggerStems reads the stems of a line before trimming it: a stem must not begin
		// or end with a space, nor with a byte that can stand inside a multi-byte character.
		if len(st) < 2 || !edgeByte(st[0]) || !edgeByte(st[len(st)-1]) {
			panic("parse: stem shorter than two bytes or with a space at an end: " + st)
		}
		k := slices.Index(stemIndex.stems, st)
		if k < 0 {
			k = len(stemIndex.stems)
			if k >= 61 {
				panic("parse: more than 61 stems")
			}
			stemIndex.stems = append(stemIndex.stems, st)
		}
		s.mask |= 1 << k
	}
	return s
}

// stemBit is the bit of a registered stem (0 for an unknown one).
func stemBit(st string) uint64 {
	if k := slices.Index(stemIndex.stems, st); k >= 0 {
		return 1 << k
	}
	return 0
}

// edgeByte reports whether a stem may begin or end with byte c: a printable ASCII character
// other than a space.
func edgeByte(c byte) bool { return c > ' ' && c < utf8.RuneSelf }

// stemMarks are the marks whose presence in a line the stems automaton reports too, all by one
// bit (stemMark), as it reads every byte of the line already: the vote reader lets a line's
// capitals make it trigger only when it holds one (see voteMarks), and searching the line for
// each of them cost a search each on most lines. They are no stems: stemSets hold none.
var stemMarks = []string{"?", "\"", "«", "»"}

// stemMark is the bit of the stems of a line that holds one of stemMarks.
const stemMark = 1 << 62

// stemStar is the bit that stemsAt adds to the stems of a line holding a "*": its readers ask
// whether the line holds one, which stemsAt has looked for already.
const stemStar = 1 << 61

func init() {
	words := append(slices.Clip(stemIndex.stems), stemMarks...)
	outs := make([]uint64, len(words))
	for k := range outs {
		outs[k] = 1 << k
		if k >= len(stemIndex.stems) {
			outs[k] = stemMark
		}
	}
	if stemIndex.dfa = newLitDFABits(words, outs); stemIndex.dfa == nil {
		panic("parse: too many stems for the automaton")
	}
	for _, st := range stemIndex.stems {
		stemIndex.overlap = max(stemIndex.overlap, len(st)-1)
	}
	for x, v := range stemIndex.dfa.next {
		stemTable[x], stemTable[x|litEnds] = v, v|litEnds
	}
}

// stemTable is the stems automaton's table (litDFA.next) laid out for scanStems: a move read at
// a state still flagged with litEnds finds the same next state as at the state itself, flagged
// (x|litEnds holds the move of x with its flag set). A step is then two loads and an addition;
// once a step of a run is flagged every later one is, so that the last of several steps tells
// whether any was flagged, and a run clears the flag after reading their stems (stemOut reads
// those of a state whatever its flag: none where none end). Its length bounds a move's index (stemStep) whatever the
// state: the 256 moves past 1<<16 are zero and never read. Of its 128 KiB, the two copies of
// the table (a few KiB each) are all that is ever read.
var stemTable [1<<16 + 256]uint16

// scanStems returns the bits of the stems that f contains. A long line is read as two halves
// that overlap by the longest stem less one, in the same loop: a step waits for the one before
// (a load, an addition, a load), and two chains overlap in the processor.
func scanStems(f string) uint64 {
	o := stemIndex.overlap
	if len(f) >= 2*(o+stemLane) {
		h := len(f) / 2
		return stemRun2(f[:h], f[h-o:])
	}
	_, m := stemRun(f, 0, 0)
	return m
}

// stemOut is the stems that end at state s, a move of stemTable: none unless flagged, and none
// at a state flagged only because a step before it was (see stemTable).
func stemOut(s uint16) uint64 {
	if s&litEnds == 0 {
		return 0
	}
	a := stemIndex.dfa
	return a.out[int(s&^litEnds)/a.width]
}

// stemRun goes on reading f for stems from state s0 (a move of stemTable, flagged or not) with
// the stems m found so far; the state it returns is not flagged.
//
// A step is a load of the byte, of its class and of the move (stemStep): the flag of the eighth
// of eight steps tells whether any was flagged (see stemTable), and the stems each of the eight
// reached are read only then (rare), the flag cleared. The eight bytes are read from f[i:i+8], whose
// bounds the loop's condition proves: no check a byte; so are four of the last seven.
func stemRun(f string, s0 uint16, m uint64) (uint16, uint64) {
	class := &stemIndex.dfa.class
	// The state is carried zero-extended: uint16(s) then costs nothing a step.
	s := uint32(s0)
	i := 0
	for ; i <= len(f)-8; i += 8 {
		q := f[i : i+8]
		s1 := stemStep(uint16(s), class[q[0]])
		s2 := stemStep(s1, class[q[1]])
		s3 := stemStep(s2, class[q[2]])
		s4 := stemStep(s3, class[q[3]])
		s5 := stemStep(s4, class[q[4]])
		s6 := stemStep(s5, class[q[5]])
		s7 := stemStep(s6, class[q[6]])
		s8 := stemStep(s7, class[q[7]])
		if s8&litEnds != 0 {
			m |= stemOut(s1) | stemOut(s2) | stemOut(s3) | stemOut(s4) |
				stemOut(s5) | stemOut(s6) | stemOut(s7) | stemOut(s8)
			s8 &^= litEnds
		}
		s = uint32(s8)
	}
	// A line's last bytes, four at once when there are so many.
	if i <= len(f)-4 {
		q := f[i : i+4]
		s1 := stemStep(uint16(s), class[q[0]])
		s2 := stemStep(s1, class[q[1]])
		s3 := stemStep(s2, class[q[2]])
		s4 := stemStep(s3, class[q[3]])
		if s4&litEnds != 0 {
			m |= stemOut(s1) | stemOut(s2) | stemOut(s3) | stemOut(s4)
			s4 &^= litEnds
		}
		s = uint32(s4)
		i += 4
	}
	for ; i < len(f); i++ {
		s = uint32(stemStep(uint16(s), class[f[i]]))
		if s&litEnds != 0 {
			m |= stemOut(uint16(s))
			s &^= litEnds
		}
	}
	return uint16(s) &^ litEnds, m
}

// stemStep is the move of stemTable from state s (flagged or not) on a byte of class c. The
// index, a uint16 plus a uint8, is below len(stemTable) by its types alone: the compiler reads
// the table without a bounds check, and no state can read out of it.
func stemStep(s uint16, c uint8) uint16 {
	return stemTable[int(s)+int(c)]
}

// stemRun2 is the stems of a and of b, the two read in the same loop (see stemRun), four steps
// of each at a time.
func stemRun2(a, b string) uint64 {
	class := &stemIndex.dfa.class
	var s, u uint32 // zero-extended, as in stemRun
	var m uint64
	n := min(len(a), len(b))
	// Cut to the same length, the two are read in bounds at i from i <= len(pa)-4.
	pa, pb := a[:n], b[:n]
	i := 0
	for ; i <= len(pa)-4; i += 4 {
		x, y := pa[i:i+4], pb[i:i+4]
		s1 := stemStep(uint16(s), class[x[0]])
		u1 := stemStep(uint16(u), class[y[0]])
		s2 := stemStep(s1, class[x[1]])
		u2 := stemStep(u1, class[y[1]])
		s3 := stemStep(s2, class[x[2]])
		u3 := stemStep(u2, class[y[2]])
		s4 := stemStep(s3, class[x[3]])
		u4 := stemStep(u3, class[y[3]])
		if (s4|u4)&litEnds != 0 {
			m |= stemOut(s1) | stemOut(u1) | stemOut(s2) | stemOut(u2) |
				stemOut(s3) | stemOut(u3) | stemOut(s4) | stemOut(u4)
			s4, u4 = s4&^litEnds, u4&^litEnds
		}
		s, u = uint32(s4), uint32(u4)
	}
	_, m = stemRun(a[i:], uint16(s), m)
	_, m = stemRun(b[i:], uint16(u), m)
	return m
}

// scanStemsFrom goes on scanning f for stems in state s with the stems m found so far.
func scanStemsFrom(s uint32, m uint64, f string) (uint32, uint64) {
	return scanFrom(stemIndex.dfa, s, m, f)
}

// stemLane is the fewest bytes a part of a line read in parts by scanParts spans beyond the
// overlap: shorter parts spare less than the overlap costs.
const stemLane = 24

// scanParts returns the bits of the words of automaton d that f contains; overlap is the length
// of its longest word less one. A word ending at byte h or after starts at h-overlap or after:
// the words of f are those of f[:h] and of f[h-overlap:]. A step of the automaton waits for the
// previous one (a load, then an addition, then a load), so a long line is read as two or four
// parts in one loop, whose steps overlap in the processor.
func scanParts(d *litDFA, overlap int, f string) uint64 {
	o := overlap
	switch {
	case len(f) >= 4*(o+stemLane):
		q := len(f) / 4
		return scan4(d, f[:q], f[q-o:2*q], f[2*q-o:3*q], f[3*q-o:])
	case len(f) >= 2*(o+stemLane):
		h := len(f) / 2
		return scan2(d, f[:h], f[h-o:])
	}
	_, m := scanFrom(d, 0, 0, f)
	return m
}

// scanFrom goes on scanning f with automaton a in state s with the words m found so far.
//
// It reads four steps between two tests of their flags (a move is read without a bounds
// check, litStep); the words of the four are read only when one of them flags an end: some
// automata end words often (the header words " a", "de la ").
func scanFrom(a *litDFA, s uint32, m uint64, f string) (uint32, uint64) {
	next, class := a.next, &a.class
	mask := len(next) - 1
	if mask < 0 {
		return s, m
	}
	i := 0
	for ; i <= len(f)-4; i += 4 {
		q := f[i : i+4]
		s1 := litStep(next, mask, s, class[q[0]])
		s2 := litStep(next, mask, s1, class[q[1]])
		s3 := litStep(next, mask, s2, class[q[2]])
		s4 := litStep(next, mask, s3, class[q[3]])
		if (s1|s2|s3|s4)&litEnds != 0 {
			m |= a.outOf(s1) | a.outOf(s2) | a.outOf(s3) | a.outOf(s4)
		}
		s = s4
	}
	for ; i < len(f); i++ {
		s = litStep(next, mask, s, class[f[i]])
		if s&litEnds != 0 {
			m |= a.out[(s&^litEnds)/uint32(a.width)]
		}
	}
	return s &^ litEnds, m
}

// outOf is the words that end at move s of the automaton: none unless s is flagged.
func (a *litDFA) outOf(s uint32) uint64 {
	if s&litEnds == 0 {
		return 0
	}
	return a.out[(s&^litEnds)/uint32(a.width)]
}

// litStep is the move of the automaton whose table (litDFA.next) is next from state s,
// flagged or not, on a byte of class c; mask is len(next)-1, a power of two less one
// (newLitDFA). A state is a row's start, state*width, and a class is below width, so the mask
// only drops the flag; and as it bounds any index, the compiler reads the table without a check.
func litStep(next []uint16, mask int, s uint32, c uint8) uint32 {
	return uint32(next[int(s+uint32(c))&mask])
}

// scan2 is the words of a and of b, the two read in the same loop, four steps of each between
// two tests of their flags (see scanFrom).
func scan2(d *litDFA, a, b string) uint64 {
	next, class := d.next, &d.class
	mask := len(next) - 1
	if mask < 0 {
		return 0
	}
	var s, t uint32
	var m uint64
	n := min(len(a), len(b))
	// Cut to the same length, the two are read in bounds at i from i <= len(pa)-4.
	pa, pb := a[:n], b[:n]
	i := 0
	for ; i <= len(pa)-4; i += 4 {
		x, y := pa[i:i+4], pb[i:i+4]
		s1 := litStep(next, mask, s, class[x[0]])
		t1 := litStep(next, mask, t, class[y[0]])
		s2 := litStep(next, mask, s1, class[x[1]])
		t2 := litStep(next, mask, t1, class[y[1]])
		s3 := litStep(next, mask, s2, class[x[2]])
		t3 := litStep(next, mask, t2, class[y[2]])
		s4 := litStep(next, mask, s3, class[x[3]])
		t4 := litStep(next, mask, t3, class[y[3]])
		if (s1|t1|s2|t2|s3|t3|s4|t4)&litEnds != 0 {
			m |= d.outOf(s1) | d.outOf(t1) | d.outOf(s2) | d.outOf(t2) | d.outOf(s3) | d.outOf(t3) | d.outOf(s4) | d.outOf(t4)
		}
		s, t = s4, t4
	}
	_, m = scanFrom(d, s, m, a[i:])
	_, m = scanFrom(d, t, m, b[i:])
	return m
}

// scan4 is the words of its four parts, read in the same loop, two steps of each between two
// tests of their flags (see scanFrom).
func scan4(d *litDFA, a, b, c, e string) uint64 {
	next, class := d.next, &d.class
	mask := len(next) - 1
	if mask < 0 {
		return 0
	}
	var s, t, u, v uint32
	var m uint64
	n := min(len(a), len(b), len(c), len(e))
	pa, pb, pc, pe := a[:n], b[:n], c[:n], e[:n]
	i := 0
	for ; i <= len(pa)-2; i += 2 {
		xa, xb, xc, xe := pa[i:i+2], pb[i:i+2], pc[i:i+2], pe[i:i+2]
		s1 := litStep(next, mask, s, class[xa[0]])
		t1 := litStep(next, mask, t, class[xb[0]])
		u1 := litStep(next, mask, u, class[xc[0]])
		v1 := litStep(next, mask, v, class[xe[0]])
		s2 := litStep(next, mask, s1, class[xa[1]])
		t2 := litStep(next, mask, t1, class[xb[1]])
		u2 := litStep(next, mask, u1, class[xc[1]])
		v2 := litStep(next, mask, v1, class[xe[1]])
		if (s1|t1|u1|v1|s2|t2|u2|v2)&litEnds != 0 {
			m |= d.outOf(s1) | d.outOf(t1) | d.outOf(u1) | d.outOf(v1) | d.outOf(s2) | d.outOf(t2) | d.outOf(u2) | d.outOf(v2)
		}
		s, t, u, v = s2, t2, u2, v2
	}
	_, m = scanFrom(d, s, m, a[i:])
	_, m = scanFrom(d, t, m, b[i:])
	_, m = scanFrom(d, u, m, c[i:])
	_, m = scanFrom(d, v, m, e[i:])
	return m
}

// scanStemsSkip is scanStems(strings.ReplaceAll(f, string(skip), "")): the automaton reads
// the parts of f between the skipped bytes one after the other, its state carried over, which
// is reading them joined, without the copy.
func scanStemsSkip(f string, skip byte) uint64 {
	var s uint16
	var m uint64
	for {
		k := strings.IndexByte(f, skip)
		if k < 0 {
			_, m = stemRun(f, s, m)
			return m
		}
		s, m = stemRun(f[:k], s, m)
		f = f[k+1:]
	}
}

// litDFA is an Aho–Corasick automaton over at most 64 literals: one table step per byte reads
// which literals end at that byte, where testing each literal at each byte cost a comparison
// per candidate (French prose is full of the pairs stems open with: "re", "co", "de").
type litDFA struct {
	lits  []string
	class [256]uint8 // bytes that occur in no literal share class 0
	width int        // number of classes
	// next is the transition table, by state*width+class; it holds the next state times
	// width, so that a step is one addition and one load, with litEnds set when a literal ends
	// there (rare: out is read only then). Two bytes a move keep the table in the first-level
	// cache.
	next []uint16
	out  []uint64 // bits of the literals that end at each state
}

// litEnds flags a move of litDFA.next to a state where some literal ends.
const litEnds = 1 << 15

// newLitDFA builds the automaton of lits (at most 64, none empty), or returns nil when its
// table is too large for litEnds.
func newLitDFA(lits []string) *litDFA { return newLitDFABits(lits, nil) }

// newLitDFABits is newLitDFA where literal k ends with the bits outs[k] rather than 1<<k (when
// outs is not nil): several literals may share a bit.
func newLitDFABits(lits []string, outs []uint64) *litDFA {
	a := &litDFA{lits: lits, width: 1}
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			if a.class[l[i]] == 0 {
				a.class[l[i]] = uint8(a.width)
				a.width++
			}
		}
	}
	// The trie: goTo[state*width+class] is the child state, or 0 (the root is no one's child).
	// A state's children are also listed, from firstKid through sibling (0 ends the list), with
	// the class of the move to each (via): the rows of goTo are mostly empty.
	w := a.width
	goTo := make([]int32, w)
	states := 1 // at most: the root and a state per byte of a literal
	for _, l := range lits {
		states += len(l)
	}
	out := append(make([]uint64, 0, states), 0)
	firstKid := append(make([]int32, 0, states), 0)
	sibling := append(make([]int32, 0, states), 0)
	via := append(make([]int32, 0, states), 0)
	for k, l := range lits {
		s := 0
		for i := 0; i < len(l); i++ {
			c := int(a.class[l[i]])
			if goTo[s*w+c] == 0 {
				t := int32(len(out))
				goTo[s*w+c] = t
				out = append(out, 0)
				goTo = append(goTo, make([]int32, w)...)
				firstKid, sibling, via = append(firstKid, 0), append(sibling, firstKid[s]), append(via, int32(c))
				firstKid[s] = t
			}
			s = int(goTo[s*w+c])
		}
		if outs != nil {
			out[s] |= outs[k]
		} else {
			out[s] |= 1 << k
		}
	}
	if len(out)*w >= litEnds {
		return nil
	}
	// Breadth first, each state's missing moves are those of its longest proper suffix in the
	// trie (its failure state, done before it), whose outputs it inherits: its row starts as a
	// copy of that state's, and its children are written over it.
	// The table's length is a power of two: a move's index masked with len(next)-1 (litStep)
	// is in bounds whatever the state read, and the compiler proves it without a check.
	n := len(out)
	next := make([]uint16, 1<<bits.Len(uint(n*w-1)))
	fail := make([]int, n)
	queue := []int{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		row := next[s*w : s*w+w]
		if s > 0 {
			copy(row, next[fail[s]*w:fail[s]*w+w])
		}
		for t := int(firstKid[s]); t != 0; t = int(sibling[t]) {
			c := int(via[t])
			if s > 0 {
				fail[t] = int(next[fail[s]*w+c]&^litEnds) / w
			}
			out[t] |= out[fail[t]]
			row[c] = uint16(t * w)
			if out[t] != 0 {
				row[c] |= litEnds
			}
			queue = append(queue, t)
		}
	}
	a.next, a.out = next, out
	return a
}

// in reports whether one of the stems is found among the bits m of a line.
func (s stemSet) in(m uint64) bool { return m&s.mask != 0 }

// spotRx is a pattern every match of which starts with one of a few literals (its spots): it
// is run, anchored, only where a spot occurs, instead of from every byte of the line. Go's
// regexp tries a large alternation at each position of an unanchored search, which made a
// vote pattern cost tens of microseconds on a long line holding none of its words.
//
// Its spots are derived at its first search, as the rx's prefilter (see rx): most patterns
// serve only some layouts.
type spotRx struct {
	*rx
	// spot is &unplanned until the first search (see plan): a stand-in that has no spots, as
	// many patterns have none, spares the search methods a test.
	spot atomic.Pointer[spotPlan]
}

// spotPlan is how a spotRx searches: its spots, or none when the pattern runs as a plain one.
type spotPlan struct {
	spots []spotLit
	dfa   *litDFA // finds the spots
	// at is the pattern anchored after one arbitrary character, so that an assertion at the
	// match's start (\b) sees the character before it; at0 is the pattern anchored at the start
	// of the text, for a match starting there. Both are compiled at their first use.
	at, at0 lazyRegexp
	maxLen  int // bytes a match spans at most, -1 when unbounded
	// spaceFixed and spaceRuns bound a match whose only unbounded parts are runs of white space
	// ("label\s*:?\s*(\d+)"): it spans at most spaceFixed bytes plus spaceRuns times the longest
	// run of white space in the text (each such part matches one run of the text). spaceRuns is
	// 0 when maxLen is known or no such bound is.
	spaceFixed, spaceRuns int
}

// spotLit is a literal every match of some branch starts with; boundary is set when the branch
// opens with \b and the literal with a word character: the byte before must then be no word
// character.
type spotLit struct {
	s        string
	boundary bool
}

// maxSpots bounds the spots of a pattern: beyond it, one unanchored run is cheaper. A spot of
// goodSpot bytes is rare enough in prose not to be lengthened further.
const (
	maxSpots = 64
	goodSpot = 5
)

// mustSpot returns the pattern expr as mustRx does; its spots are derived at its first search
// when it has some, and a pattern without spots runs as a plain one.
func mustSpot(expr string) *spotRx {
	s := &spotRx{rx: mustRx(expr)}
	s.spot.Store(&unplanned)
	allSpots = append(allSpots, s)
	return s
}

// unplanned stands for the spots of a pattern not yet searched with.
var unplanned = spotPlan{maxLen: -1}

// plan returns the pattern's spots, derived at the first call.
func (s *spotRx) plan() *spotPlan {
	p := s.spot.Load()
	if p == &unplanned {
		p = s.planNow()
	}
	return p
}

// planNow derives the pattern's spots. Two goroutines may both derive them: they find the
// same, and the first one stored is kept.
func (s *spotRx) planNow() *spotPlan {
	p := newSpotPlan(s.String())
	if !s.spot.CompareAndSwap(&unplanned, p) {
		p = s.spot.Load()
	}
	return p
}

// spotless is the plan of a pattern whose plan p holds no spots: nil when it has none (it then
// runs as a plain one), its plan when p was only the stand-in.
func (s *spotRx) spotless(p *spotPlan) *spotPlan {
	if p != &unplanned {
		return nil
	}
	if p = s.planNow(); p.spots == nil {
		return nil
	}
	return p
}

// newSpotPlan derives the spots of expr.
func newSpotPlan(expr string) *spotPlan {
	s := &spotPlan{maxLen: -1}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return s
	}
	spots, ok := spotsOf(tree)
	if !ok || len(spots) == 0 || len(spots) > maxSpots {
		return s
	}
	lits := make([]string, len(spots))
	for k, sp := range spots {
		lits[k] = sp.s
	}
	if s.dfa = newLitDFA(lits); s.dfa == nil {
		return s
	}
	s.spots = spots
	s.at = lazyRegexp{expr: `^(?s:.)(?:` + expr + `)`}
	s.at0 = lazyRegexp{expr: `^(?:` + expr + `)`}
	s.maxLen = maxLenOf(tree)
	if s.maxLen < 0 {
		if fixed, runs, ok := spaceBound(tree); ok && runs > 0 {
			s.spaceFixed, s.spaceRuns = fixed, runs
		}
	}
	return s
}

// allSpots lists every pattern compiled by mustSpot, for the tests that check them against the
// plain regexp.
var allSpots []*spotRx

// spotsOf returns literals every match of re starts with.
func spotsOf(re *syntax.Regexp) ([]spotLit, bool) {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		ex, ok := exactSpot(re)
		if !ok {
			return nil, false
		}
		return plainSpots(ex, false)
	case syntax.OpCapture, syntax.OpPlus:
		return spotsOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return spotsOf(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []spotLit
		for _, sub := range re.Sub {
			s, ok := spotsOf(sub)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
		}
		return minimalSpots(out), len(out) <= maxSpots
	case syntax.OpConcat:
		boundary := false
		i := 0
		for ; i < len(re.Sub) && zeroWidth(re.Sub[i]); i++ {
			boundary = boundary || re.Sub[i].Op == syntax.OpWordBoundary
		}
		if i == len(re.Sub) {
			return nil, false
		}
		first := i
		run, ok := exactSpot(re.Sub[i])
		if !ok {
			if out, ok := optionalSpots(re.Sub[i:], boundary); ok {
				return out, true
			}
			s, ok := spotsOf(re.Sub[i])
			if !ok {
				return nil, false
			}
			for k := range s {
				s[k].boundary = s[k].boundary || (boundary && isWordStart(s[k].s))
			}
			return s, true
		}
		// The literal grows with the elements after it, until it is long enough to be found
		// rarely: a longer spot is found less often, but more of them cost a search each.
		for i++; i < len(re.Sub) && shortest(run) < goodSpot; i++ {
			ex, ok := exactSpot(re.Sub[i])
			if !ok {
				// The next element's own spots still extend the literal: they open its match.
				if s, ok := spotsOf(re.Sub[i]); ok && len(run)*len(s) <= maxSpots {
					var next []string
					for _, x := range run {
						for _, y := range s {
							next = append(next, x+y.s)
						}
					}
					run = next
				}
				break
			}
			if len(run)*len(ex) > maxSpots {
				break
			}
			run = product(run, ex)
		}
		if out, ok := plainSpots(run, boundary); ok {
			return out, true
		}
		return optionalSpots(re.Sub[first:], boundary)
	}
	return nil, false
}

// optionalSpots is spotsOf of the concatenation subs when its first element is optional: the
// match opens with one of that element's own spots, or, the element empty, with one of the
// rest's ("(?:nombre de )?(?:conseillers )?(?:presents|votants|…)"). boundary is the \b before.
func optionalSpots(subs []*syntax.Regexp, boundary bool) ([]spotLit, bool) {
	sub := subs[0]
	if len(subs) < 2 || !(sub.Op == syntax.OpQuest || sub.Op == syntax.OpStar || sub.Op == syntax.OpRepeat && sub.Min == 0) {
		return nil, false
	}
	opt, ok := spotsOf(sub.Sub[0])
	if !ok {
		return nil, false
	}
	rest, ok := spotsOf(&syntax.Regexp{Op: syntax.OpConcat, Sub: subs[1:]})
	if !ok {
		return nil, false
	}
	out := append(opt, rest...)
	for k := range out {
		out[k].boundary = out[k].boundary || (boundary && isWordStart(out[k].s))
	}
	out = minimalSpots(out)
	return out, len(out) <= maxSpots
}

// plainSpots turns the literals a match starts with into spots; none may be empty.
func plainSpots(lits []string, boundary bool) ([]spotLit, bool) {
	out := make([]spotLit, 0, len(lits))
	for _, l := range lits {
		if l == "" {
			return nil, false
		}
		out = append(out, spotLit{l, boundary && isWordStart(l)})
	}
	return minimalSpots(out), len(out) <= maxSpots
}

// exactSpot is exact (every string re matches, when few) extended to small classes of ASCII
// characters.
func exactSpot(re *syntax.Regexp) ([]string, bool) {
	if re.Op == syntax.OpCharClass {
		var out []string
		for k := 0; k+1 < len(re.Rune); k += 2 {
			if re.Rune[k+1] >= utf8.RuneSelf || len(out)+int(re.Rune[k+1]-re.Rune[k]) >= maxSpots {
				return nil, false
			}
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, len(out) > 0
	}
	if !plainForSpots(re) {
		return nil, false
	}
	return exact(re, false)
}

// plainForSpots reports whether re holds no zero-width assertion and no character class: exact
// reads an assertion as the empty string, right for a prefilter but not for a spot, where the
// pattern runs on a window of the line and "^" or "\b" would hold at the window's start.
func plainForSpots(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpCharClass, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return false
	}
	for _, sub := range re.Sub {
		if !plainForSpots(sub) {
			return false
		}
	}
	return true
}

// minimalSpots drops a spot another one finds already (a prefix of it, as strict about the
// boundary).
func minimalSpots(s []spotLit) []spotLit {
	var out []spotLit
	for i, a := range s {
		keep := true
		for j, b := range s {
			if j != i && strings.HasPrefix(a.s, b.s) && (!b.boundary || a.boundary) && (len(b.s) < len(a.s) || b.boundary != a.boundary || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	return out
}

// zeroWidth reports whether re matches only the empty string.
func zeroWidth(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// isWordStart reports whether s opens with an ASCII word character (\b's sense of a word).
func isWordStart(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] >= '0' && s[0] <= '9' || s[0] == '_')
}

// spaceBound is maxLenOf where an unbounded repetition of white space (\s*, \s+, " +") counts
// as one run of the text's white space: a match spans at most fixed bytes plus runs times the
// longest such run. ok is false when some other part is unbounded.
func spaceBound(re *syntax.Regexp) (fixed, runs int, ok bool) {
	switch re.Op {
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		if re.Op == syntax.OpRepeat && re.Max >= 0 {
			f, r, ok := spaceBound(re.Sub[0])
			return re.Max * f, re.Max * r, ok
		}
		if onlySpace(re.Sub[0]) {
			return 0, 1, true
		}
		return 0, 0, false
	case syntax.OpCapture, syntax.OpQuest:
		return spaceBound(re.Sub[0])
	case syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			f, r, ok := spaceBound(sub)
			if !ok {
				return 0, 0, false
			}
			if re.Op == syntax.OpConcat {
				fixed, runs = fixed+f, runs+r
			} else {
				fixed, runs = max(fixed, f), max(runs, r)
			}
		}
		return fixed, runs, true
	}
	if n := maxLenOf(re); n >= 0 {
		return n, 0, true
	}
	return 0, 0, false
}

// onlySpace reports whether re matches one character of white space (isGapSpace) and nothing
// else.
func onlySpace(re *syntax.Regexp) bool {
	var runes []rune
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) != 1 {
			return false
		}
		runes = []rune{re.Rune[0], re.Rune[0]}
	case syntax.OpCharClass:
		runes = re.Rune
	default:
		return false
	}
	for k := 0; k+1 < len(runes); k += 2 {
		for r := runes[k]; r <= runes[k+1]; r++ {
			if r >= utf8.RuneSelf || !isGapSpace(byte(r)) {
				return false
			}
		}
	}
	return len(runes) > 0
}

// longestSpaceRun is the length of the longest run of white space (isGapSpace) in f.
func longestSpaceRun(f string) int {
	best, run := 0, 0
	for i := 0; i < len(f); i++ {
		if isGapSpace(f[i]) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// lenBound is the most bytes a match in f spans, -1 when unbounded.
func (s *spotPlan) lenBound(f string) int {
	if s.maxLen >= 0 || s.spaceRuns == 0 {
		return s.maxLen
	}
	return s.spaceFixed + s.spaceRuns*longestSpaceRun(f)
}

// maxLenOf is the most bytes a match of re spans, -1 when unbounded.
func maxLenOf(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 || r == utf8.RuneError || utf8.RuneLen(r) < 0 {
				n += utf8.UTFMax
			} else {
				n += utf8.RuneLen(r)
			}
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		if n := utf8.RuneLen(re.Rune[len(re.Rune)-1]); n > 0 {
			return n
		}
		return utf8.UTFMax
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxLenOf(re.Sub[0])
	case syntax.OpRepeat:
		n := maxLenOf(re.Sub[0])
		if re.Max < 0 || n < 0 {
			return -1
		}
		return re.Max * n
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxLenOf(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1
}

// spotsIn appends to buf the offsets of f where a spot occurs (its boundary holding), in
// increasing order and without repeats. As scanFrom, it reads eight steps of the automaton
// between two tests of their flags, and reads them again one by one (spotsAt) only where a
// spot ends: spots are rare.
func (s *spotPlan) spotsIn(f string, buf []int) []int {
	a := s.dfa
	next, class := a.next, &a.class
	mask := len(next) - 1
	if mask < 0 {
		return buf
	}
	st := uint32(0)
	i := 0
	for ; i <= len(f)-8; i += 8 {
		q := f[i : i+8]
		s1 := litStep(next, mask, st, class[q[0]])
		s2 := litStep(next, mask, s1, class[q[1]])
		s3 := litStep(next, mask, s2, class[q[2]])
		s4 := litStep(next, mask, s3, class[q[3]])
		s5 := litStep(next, mask, s4, class[q[4]])
		s6 := litStep(next, mask, s5, class[q[5]])
		s7 := litStep(next, mask, s6, class[q[6]])
		s8 := litStep(next, mask, s7, class[q[7]])
		if (s1|s2|s3|s4|s5|s6|s7|s8)&litEnds != 0 {
			buf = s.spotsAt(f, i, i+8, st, buf)
		}
		st = s8
	}
	buf = s.spotsAt(f, i, len(f), st, buf)
	slices.Sort(buf)
	return slices.Compact(buf)
}

// spotsAt appends to buf the offsets of the spots of f that end within f[from:to], read from
// state st (flagged or not) at from.
func (s *spotPlan) spotsAt(f string, from, to int, st uint32, buf []int) []int {
	a := s.dfa
	next, class := a.next, &a.class
	mask := len(next) - 1
	if mask < 0 {
		return buf
	}
	for i := from; i < to; i++ {
		st = litStep(next, mask, st, class[f[i]])
		if st&litEnds == 0 {
			continue
		}
		for m := a.out[(st&^litEnds)/uint32(a.width)]; m != 0; m &= m - 1 {
			sp := s.spots[bits.TrailingZeros64(m)]
			p := i + 1 - len(sp.s)
			if sp.boundary && p > 0 && isWordStart(f[p-1:]) {
				continue
			}
			buf = append(buf, p)
		}
	}
	return buf
}

// matchAt runs the anchored pattern for a match starting at offset p of f, and returns its
// submatch offsets in f (nil when none). The text read is bounded by the longest match,
// maxLen (lenBound of f).
func (s *spotPlan) matchAt(f string, p int, subs bool, maxLen int) []int {
	end := len(f)
	if maxLen >= 0 {
		// A match ends by p+maxLen; the assertion after it reads one more character.
		end = min(end, p+maxLen+utf8.UTFMax)
	}
	re, base := &s.at0, 0
	if p > 0 {
		re, base = &s.at, p-1
	}
	rg := re.get()
	var m []int
	if subs {
		m = rg.FindStringSubmatchIndex(f[base:end])
	} else if rg.MatchString(f[base:end]) {
		return []int{}
	}
	if m == nil {
		return nil
	}
	for k := range m {
		if m[k] >= 0 {
			m[k] += base
		}
	}
	m[0] = p
	return m
}

// MatchString reports whether f holds a match. The spots are looked for in one pass: the
// prefilter's literal searches (rx.may) would cost more than they spare.
func (s *spotRx) MatchString(f string) bool {
	if s.handAny != nil {
		return s.handAny(f)
	}
	sp := s.spot.Load()
	if sp.spots == nil {
		if sp = s.spotless(sp); sp == nil {
			return s.rx.MatchString(f)
		}
	}
	var buf [16]int
	maxLen := -2 // lenBound, read at the first spot
	for _, p := range sp.spotsIn(f, buf[:0]) {
		if maxLen == -2 {
			maxLen = sp.lenBound(f)
		}
		if sp.matchAt(f, p, false, maxLen) != nil {
			return true
		}
	}
	return false
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex: the leftmost match starts at the
// first spot where the anchored pattern matches, and is the one it reads there.
func (s *spotRx) FindStringSubmatchIndex(f string) []int {
	sp := s.spot.Load()
	if sp.spots == nil {
		if sp = s.spotless(sp); sp == nil {
			return s.rx.FindStringSubmatchIndex(f)
		}
	}
	var buf [16]int
	maxLen := -2 // lenBound, read at the first spot
	for _, p := range sp.spotsIn(f, buf[:0]) {
		if maxLen == -2 {
			maxLen = sp.lenBound(f)
		}
		if m := sp.matchAt(f, p, true, maxLen); m != nil {
			return m
		}
	}
	return nil
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex: every match starts with a
// spot and so is not empty, and each next match is the leftmost one after the previous one.
func (s *spotRx) FindAllStringSubmatchIndex(f string, n int) [][]int {
	sp := s.spot.Load()
	if sp.spots == nil {
		if sp = s.spotless(sp); sp == nil {
			return s.rx.FindAllStringSubmatchIndex(f, n)
		}
	}
	var out [][]int
	var buf [16]int
	maxLen := -2 // lenBound, read at the first spot
	pos := 0
	for _, p := range sp.spotsIn(f, buf[:0]) {
		if maxLen == -2 {
			maxLen = sp.lenBound(f)
		}
		if n >= 0 && len(out) >= n {
			break
		}
		if p < pos {
			continue
		}
		if m := sp.matchAt(f, p, true, maxLen); m != nil {
			out = append(out, m)
			pos = m[1]
		}
	}
	return out
}

// eachSubmatchIndex calls yield with each match FindAllStringSubmatchIndex(f, -1) returns, in
// order, until yield returns false: a reader that wants the first match passing a test stops
// there, without reading (and allocating) the others. run holds longestSpaceRun(f) once read,
// -1 before: several patterns run on the same text read it once.
func (s *spotRx) eachSubmatchIndex(f string, run *int, yield func([]int) bool) {
	sp := s.spot.Load()
	if sp.spots == nil {
		if sp = s.spotless(sp); sp == nil {
			for _, m := range s.rx.FindAllStringSubmatchIndex(f, -1) {
				if !yield(m) {
					return
				}
			}
			return
		}
	}
	var buf [16]int
	maxLen := -2 // lenBound, read at the first spot
	pos := 0
	for _, p := range sp.spotsIn(f, buf[:0]) {
		if maxLen == -2 {
			maxLen = sp.maxLen
			if maxLen < 0 && sp.spaceRuns > 0 {
				if *run < 0 {
					*run = longestSpaceRun(f)
				}
				maxLen = sp.spaceFixed + sp.spaceRuns**run
			}
		}
		if p < pos {
			continue
		}
		if m := sp.matchAt(f, p, true, maxLen); m != nil {
			if !yield(m) {
				return
			}
			pos = m[1]
		}
	}
}

// FindAllStringIndex is regexp.FindAllStringIndex.
func (s *spotRx) FindAllStringIndex(f string, n int) [][]int {
	all := s.FindAllStringSubmatchIndex(f, n)
	for k, m := range all {
		all[k] = m[:2]
	}
	return all
}

// FindStringIndex is regexp.FindStringIndex.
func (s *spotRx) FindStringIndex(f string) []int {
	if m := s.FindStringSubmatchIndex(f); m != nil {
		return m[:2]
	}
	return nil
}

// FindStringSubmatch is regexp.FindStringSubmatch.
func (s *spotRx) FindStringSubmatch(f string) []string {
	m := s.FindStringSubmatchIndex(f)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for k := range out {
		if m[2*k] >= 0 {
			out[k] = f[m[2*k]:m[2*k+1]]
		}
	}
	return out
}
