package parse

import (
	"math/bits"
	"unsafe"
)

// Past the lines whose header words are remembered (attendanceScanLimit), three readers look
// for a few words on every line: the end of the meeting and the next one (endIndex's words,
// from the last line up), the previous minutes ("rendu", "verbal", "pv", over the first half)
// and, as a last resort, the commune ("commune "). Each used to read every line for its own
// words. The lines are read once instead, in blocks of end-to-end folded text (see
// endWordsDown), by one automaton of all those words (tailIndex), and the few lines that hold
// some are remembered with their words (tailWords).

// tailIndex holds the words of the lines past the remembered ones: endIndex's first, in its
// order (so that the bits of endIndex's words are the same in both), then previousWords and
// "commune ". Built by init.
var tailIndex = wordIndex{name: "tail"}

// Sets of tailIndex (set by init): twEnd is every word of endIndex.
var twEnd, twPrevious, twCommune uint64

// tailTable is tailIndex's automaton laid out as endTable.
var tailTable [1 << 16]uint16

func init() {
	twEnd = tailIndex.set(endIndex.words...)
	if twEnd != 1<<len(endIndex.words)-1 {
		panic("parse: endIndex's words must open tailIndex")
	}
	twPrevious = tailIndex.set(previousWords...)
	twCommune = tailIndex.set(communeWords...)
	tailIndex.build()
	for x, v := range tailIndex.dfa.next {
		tailTable[x], tailTable[x|litEnds] = v, v
	}
	tailPaired = tailPairs.build(tailIndex.dfa)
}

// lineWords is a line that holds words of a wordIndex, and their bits.
type lineWords struct {
	line int32
	w    uint64
}

// tailBlock is the most bytes of lines read in one pass of blockWords: the places found in a
// block are kept until its lines are told, in a buffer of the stack when they are few.
const tailBlock = 2048

// tailWords returns the lines from attendanceScanLimit on that hold words of tailIndex, in
// order, with their bits: read once for the document, on first use.
func (d *doc) tailWords() []lineWords {
	if d.hdr.tailRead {
		return d.hdr.tail
	}
	d.hdr.tailRead = true
	var buf [64]endHit
	hits := buf[:0]
	// The lines found go to the scratch's array, which the next document reuses.
	sc := d.sec()
	out := sc.tail[:0]
	var pairs *pairTable
	if tailPaired {
		pairs = &tailPairs
	}
	for k, n := d.attendanceScanLimit(), len(d.lines); k < n; {
		if d.folded[k] == "" {
			k++
			continue
		}
		k, hits, out = d.blockWords(&tailIndex, &tailTable, pairs, k, n, tailBlock, hits, out)
	}
	sc.tail, d.hdr.tail = out, out
	return d.hdr.tail
}

// blockWords reads line k, not empty, and the lines after it that start where the one before
// ends in memory (the folded lines lie end to end, see foldLines), before line lim and up to
// about size bytes, as one text with x's automaton laid out in t (see endTable). It appends to
// out the lines of the block that hold words of x, with their bits, and returns the line after
// the block; hits is a buffer for the places found. The block is read two bytes a move with p
// when p is not nil, p holding x's moves over two bytes.
func (d *doc) blockWords(x *wordIndex, t *[1 << 16]uint16, p *pairTable, k, lim, size int, hits []endHit, out []lineWords) (int, []endHit, []lineWords) {
	a := x.dfa
	lines := d.folded[k:lim]
	first := unsafe.StringData(lines[0])
	start := uintptr(unsafe.Pointer(first))
	end := start + uintptr(len(lines[0]))
	n := 1
	// Lines are read as one string only within the folded lines' buffer: two strings that
	// merely meet in memory may be two allocations, which no string may span.
	for inBuf := d.foldLo <= start && end <= d.foldHi; inBuf && n < len(lines) && end-start < uintptr(size); n++ {
		f := lines[n]
		if f == "" {
			continue
		}
		if uintptr(unsafe.Pointer(unsafe.StringData(f))) != end || end+uintptr(len(f)) > d.foldHi {
			break
		}
		end += uintptr(len(f))
	}
	if block := unsafe.String(first, int(end-start)); p != nil {
		hits = p.scan(t, &a.class, block, hits[:0])
	} else {
		hits = blockScan(t, &a.class, block, hits[:0])
	}
	// Each hit lies on a line of the block that is not empty: the lines before it that hold
	// none are passed over.
	i := 0
	for h := 0; h < len(hits); i++ {
		at := hits[h].at
		f := lines[i]
		off := int(uintptr(unsafe.Pointer(unsafe.StringData(f))) - start)
		lineEnd := off + len(f)
		if f == "" || at >= lineEnd {
			continue
		}
		var w uint64
		for ; h < len(hits) && hits[h].at < lineEnd; h++ {
			// A word ending on the line may have begun on the line before.
			for m := a.out[int(hits[h].s&^litEnds)/a.width]; m != 0; m &= m - 1 {
				b := bits.TrailingZeros64(m)
				if hits[h].at-len(x.words[b])+1 >= off {
					w |= 1 << b
				}
			}
		}
		if w != 0 {
			out = append(out, lineWords{int32(k + i), w})
		}
	}
	return k + n, hits, out
}

// blockScan appends to hits the places of f where words end, for the automaton laid out in t
// with its byte classes class, in order. It takes eight steps before it tests their flags at
// once (a step is then two loads and an addition), and reads the eight bytes again one by one
// when some word ends among them.
func blockScan(t *[1 << 16]uint16, class *[256]uint8, f string, hits []endHit) []endHit {
	var s uint16
	i := 0
	for ; i <= len(f)-8; i += 8 {
		w := f[i : i+8]
		s0 := s
		s = t[s+uint16(class[w[0]])]
		acc := s
		s = t[s+uint16(class[w[1]])]
		acc |= s
		s = t[s+uint16(class[w[2]])]
		acc |= s
		s = t[s+uint16(class[w[3]])]
		acc |= s
		s = t[s+uint16(class[w[4]])]
		acc |= s
		s = t[s+uint16(class[w[5]])]
		acc |= s
		s = t[s+uint16(class[w[6]])]
		acc |= s
		s = t[s+uint16(class[w[7]])]
		acc |= s
		if acc&litEnds != 0 {
			s = s0
			for k := 0; k < 8; k++ {
				s = t[s+uint16(class[w[k]])]
				if s&litEnds != 0 {
					hits = append(hits, endHit{i + k, s})
				}
			}
		}
	}
	for ; i < len(f); i++ {
		s = t[s+uint16(class[f[i]])]
		if s&litEnds != 0 {
			hits = append(hits, endHit{i, s})
		}
	}
	return hits
}

// nextWith returns the first line from i to lim (excluded) that holds one of words, whose bits
// are hw among the header words and tw among the tail words, or lim when none does: through
// the remembered header words (hdrHas) before attendanceScanLimit, through tailWords after.
func (d *doc) nextWith(i, lim int, hw, tw uint64, words []string) int {
	head := min(d.attendanceScanLimit(), lim)
	for ; i < head; i++ {
		if d.hdrHas(i, hw, words...) {
			return i
		}
	}
	if i >= lim {
		return lim
	}
	tail := d.tailWords()
	// The first tail line at i or after: a binary search, as the readers ask in turn.
	lo, hi := 0, len(tail)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(tail[m].line) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for ; lo < len(tail) && int(tail[lo].line) < lim; lo++ {
		if tail[lo].w&tw != 0 {
			return int(tail[lo].line)
		}
	}
	return lim
}
