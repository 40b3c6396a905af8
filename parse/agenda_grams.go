package parse

import "math/bits"

// gramSet is the set of character trigrams of a folded title (the trigrams of its words joined
// by one space and framed by spaces, see setOf): the unit of the fuzzy title match, robust to
// a typo ("Orientaion"), a plural or a reworded end. It is a bitset over the numbers a
// gramDict gives the trigrams of a document's titles, with the count of its members: the
// titles compared are numbered by one dictionary, so two sets share a trigram exactly when
// they share its bit, and their common trigrams are counted a word of 64 at a time rather
// than by merging two sorted lists (foldedTrigrams in the tests is the sorted list).
type gramSet struct {
	bits []uint64 // no trailing zero word: empty for the empty set
	n    int      // the number of trigrams, the bits set
}

// gramDict numbers the distinct trigrams of the titles of one document, in the order they
// are first met: an open-addressing table of trigrams (three bytes, never 0: every byte of a
// framed title is a space or a title byte) with their numbers beside them in one word each.
type gramDict struct {
	slots []uint64 // trigram | number<<24; 0 is a free slot
	shift uint32   // 32 - log2(len(slots)): a hash keeps its top bits
	ids   int      // the numbers given so far
	// buf is the array the sets are cut from, one after the other: a set takes at most the
	// words of the numbers given before its title plus one a byte of it (a title of n bytes
	// has at most n trigrams), and gives back what it does not use. Its words past len are
	// zero.
	buf []uint64
	// sets is the arena setsOf cuts its lists from (see carve).
	sets []gramSet
}

// gramDictSlots is the size of a new dictionary's table; it doubles when half full. Half full
// is some 4000 trigrams: the agenda of a long council (forty entries and their sections).
const gramDictSlots = 1 << 13

// gramDictKeep is the largest table a dictionary keeps for the next document (see reset): a
// rare document with a huge agenda does not keep its table alive for the next ones.
const gramDictKeep = 1 << 15

func newGramDict(slots int) *gramDict {
	return &gramDict{slots: make([]uint64, slots), shift: uint32(32 - bits.TrailingZeros(uint(slots)))}
}

// reset empties g for the titles of another document, keeping its arrays (the table, when it
// is not too large, and the sets' arrays): the sets made before are no longer compared.
func (g *gramDict) reset() {
	if g.slots == nil || len(g.slots) > gramDictKeep {
		g.slots, g.shift = make([]uint64, gramDictSlots), uint32(32-bits.TrailingZeros(gramDictSlots))
	} else {
		clear(g.slots)
	}
	g.ids = 0
	g.buf, g.sets = g.buf[:0], g.sets[:0]
	clear(g.buf[:cap(g.buf)])
}

// titleDict is the dictionary that numbers the trigrams of d's titles: its scratch's, emptied,
// when d has one.
func (d *doc) titleDict() *gramDict {
	if d.scratch == nil {
		return newGramDict(gramDictSlots)
	}
	g := &d.scratch.sec.dict
	g.reset()
	return g
}

// id is the number of trigram w, given now when w is new (setOf looks its trigrams up itself,
// all but the last of a title).
func (g *gramDict) id(w uint32) int {
	mask := uint32(len(g.slots) - 1)
	for h := (w * 0x9e3779b1) >> g.shift; ; h++ {
		s := g.slots[h&mask]
		if uint32(s)&0xffffff == w {
			return int(s >> 24)
		}
		if s == 0 {
			return g.add(h&mask, w)
		}
	}
}

// add numbers trigram w, not in the table, at free slot h.
func (g *gramDict) add(h uint32, w uint32) int {
	id := g.ids
	g.slots[h] = uint64(w) | uint64(id)<<24
	if g.ids++; 2*g.ids > len(g.slots) {
		g.grow()
	}
	return id
}

// grow doubles the table, keeping every trigram's number.
func (g *gramDict) grow() {
	old := g.slots
	g.slots, g.shift = make([]uint64, 2*len(old)), g.shift-1
	mask := uint32(len(g.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		h := (uint32(s) & 0xffffff * 0x9e3779b1) >> g.shift
		for g.slots[h&mask] != 0 {
			h = (h + 1) & mask
		}
		g.slots[h&mask] = s
	}
}

// setsOf is setOf of each folded title.
func (g *gramDict) setsOf(fs []string) []gramSet {
	out := carve(&g.sets, len(fs))
	for k, f := range fs {
		out[k] = g.setOf(f)
	}
	return out
}

// setOf is the set of trigrams of folded title f. The trigrams are read off a sliding window
// over the title with its words (runs of titleByte) joined by one space and framed by
// spaces, without building that text: len(f)+2 bytes at most, so len(f) trigrams at most.
func (g *gramDict) setOf(f string) gramSet {
	need := (g.ids+len(f))>>6 + 1
	if cap(g.buf)-len(g.buf) < need {
		// A new array for the sets to come: room for this one many times over (the next
		// titles number about as many trigrams), and twice the last one's, so that the array
		// a dictionary keeps for the next document soon holds all its sets.
		g.buf = make([]uint64, 0, max(8*need, 512, 2*cap(g.buf)))
	}
	set := g.buf[len(g.buf) : len(g.buf)+need]
	slots, shift := g.slots, g.shift
	mask := uint32(len(slots) - 1)
	n := 0
	// The window holds three bytes once its top byte is set: every byte read into it is a
	// space or a title byte, never 0.
	w := uint32(' ')
	space := true
	for i := 0; i < len(f); i++ {
		c := f[i]
		if !titleByte[c] {
			if space {
				continue
			}
			c, space = ' ', true
		} else {
			space = false
		}
		if w = (w<<8 | uint32(c)) & 0xffffff; w <= 0xffff {
			continue
		}
		var id int
		for h := (w * 0x9e3779b1) >> shift; ; h++ {
			s := slots[h&mask]
			if uint32(s)&0xffffff == w {
				id = int(s >> 24)
				break
			}
			if s == 0 {
				id = g.add(h&mask, w)
				slots, shift = g.slots, g.shift
				mask = uint32(len(slots) - 1)
				break
			}
		}
		if b := uint64(1) << (id & 63); set[id>>6]&b == 0 {
			set[id>>6] |= b
			n++
		}
	}
	// A space past the end closes the last word.
	if w = (w<<8 | ' ') & 0xffffff; !space && w > 0xffff {
		if id := g.id(w); set[id>>6]&(1<<(id&63)) == 0 {
			set[id>>6] |= 1 << (id & 63)
			n++
		}
	}
	if n == 0 {
		return gramSet{}
	}
	used := len(set)
	for set[used-1] == 0 {
		used--
	}
	g.buf = g.buf[:len(g.buf)+used]
	return gramSet{bits: set[:used:used], n: n}
}

// setDice is the Sørensen–Dice coefficient of two trigram sets of one dictionary, 0 to 1.
func setDice(a, b gramSet) float64 {
	if a.n == 0 || b.n == 0 {
		return 0
	}
	if len(a.bits) == len(b.bits) && &a.bits[0] == &b.bits[0] {
		// The same set (a section bearing its agenda entry's title shares the entry's, see
		// itemTitles): every trigram is common, and 2n/(n+n) is exactly 1.
		return 1
	}
	x, y := a.bits, b.bits
	if len(y) < len(x) {
		x, y = y, x
	}
	y = y[:len(x)]
	n := 0
	for i, v := range x {
		n += bits.OnesCount64(v & y[i])
	}
	return 2 * float64(n) / float64(a.n+b.n)
}
