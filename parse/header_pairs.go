package parse

import "math/bits"

// The lines past the header are read for tailIndex's words (tailWords) byte by byte: a move of
// the automaton is two loads and an addition, and each waits for the one before. The tail's
// automaton is small (a dozen words, a few dozen states, a score of byte classes), so the moves
// over two bytes at once fit in a table of 16-bit moves too: half as many moves, and a chain
// half as long. Where words end, the bytes are read again one by one, as blockScan reads them.

// pairTable is an automaton's moves over two bytes.
type pairTable struct {
	// class is the class of a pair of bytes, read as a little-endian 16-bit number:
	// class[b0]*width + class[b1] of the automaton's byte classes.
	class [1 << 16]uint16
	// next is the move from a state (its row's start, state<<shift, flagged with litEnds or
	// not) on a pair class: the state after both bytes, flagged when a word ends at either. As
	// in tailTable, a flagged state finds the same moves as the state itself, and a 16-bit
	// index needs no bounds check.
	next [1 << 16]uint16
	// shift is the log2 of a row's length (at least width*width); width is the automaton's.
	shift uint
	width int
}

// tailPairs holds tailIndex's moves over two bytes; tailPaired reports whether they fit in
// it (else tailWords reads one byte at a time). Set by header_tail.go's init, once tailIndex
// is built.
var (
	tailPairs  pairTable
	tailPaired bool
)

// build fills p with a's moves over two bytes, and reports whether they fit: the rows of all
// the states, with the flag bit left free.
func (p *pairTable) build(a *litDFA) bool {
	w := a.width
	shift := uint(bits.Len(uint(w*w - 1)))
	n := len(a.out)
	if n<<shift > litEnds {
		return false
	}
	p.shift, p.width = shift, w
	for b := range p.class {
		p.class[b] = uint16(int(a.class[b&0xff])*w + int(a.class[b>>8]))
	}
	for s := 0; s < n; s++ {
		for c0 := 0; c0 < w; c0++ {
			m1 := a.next[s*w+c0]
			row := a.next[int(m1&^litEnds) : int(m1&^litEnds)+w]
			for c1, m2 := range row {
				v := uint16(int(m2&^litEnds)/w<<shift) | (m1|m2)&litEnds
				x := s<<shift + c0*w + c1
				p.next[x], p.next[x|litEnds] = v, v
			}
		}
	}
	return true
}

// scan is blockScan(t, class, f, hits) for the automaton whose single moves are laid out in t,
// with its byte classes class, and whose moves over two bytes p holds: it takes four moves
// over two bytes before it tests their flags at once, and reads the eight bytes again one by
// one, with t, when some word ends among them. The hits are blockScan's, the same states at
// the same places.
func (p *pairTable) scan(t *[1 << 16]uint16, class *[256]uint8, f string, hits []endHit) []endHit {
	pc, next := &p.class, &p.next
	var s uint16
	i := 0
	for ; i <= len(f)-8; i += 8 {
		w := f[i : i+8]
		s0 := s
		s = next[s+pc[uint16(w[0])|uint16(w[1])<<8]]
		acc := s
		s = next[s+pc[uint16(w[2])|uint16(w[3])<<8]]
		acc |= s
		s = next[s+pc[uint16(w[4])|uint16(w[5])<<8]]
		acc |= s
		s = next[s+pc[uint16(w[6])|uint16(w[7])<<8]]
		acc |= s
		if acc&litEnds != 0 {
			u := p.single(s0)
			for k := 0; k < 8; k++ {
				u = t[u+uint16(class[w[k]])]
				if u&litEnds != 0 {
					hits = append(hits, endHit{i + k, u})
				}
			}
		}
	}
	u := p.single(s)
	for ; i < len(f); i++ {
		u = t[u+uint16(class[f[i]])]
		if u&litEnds != 0 {
			hits = append(hits, endHit{i, u})
		}
	}
	return hits
}

// single maps a state of next (flagged or not) to the same state of the single moves, unflagged.
func (p *pairTable) single(s uint16) uint16 {
	return uint16(int(s&^litEnds) >> p.shift * p.width)
}
