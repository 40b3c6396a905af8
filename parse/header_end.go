package parse

import (
	"math/bits"
	"unsafe"
)

// meetingEndAndNext looks for its words on every line from the last one up, and mostly finds
// none: most lines are read to no purpose. The folded lines lie end to end in one buffer (see
// foldLines), so a block of lines is read as one text, in four parts whose steps overlap in
// the processor, and only the rare places where a word ends are then given back to their line.

// endTable is endIndex's automaton laid out as stemTable (see there): a move read at a flagged
// state finds the same next state as at the state itself, and a 16-bit index needs no bounds
// check. Filled by init (header_words.go), once endIndex is built.
var endTable [1 << 16]uint16

// buildEndTable fills endTable from endIndex's automaton.
func buildEndTable() {
	for x, v := range endIndex.dfa.next {
		endTable[x], endTable[x|litEnds] = v, v
	}
}

// endHit is a place where words of endIndex end: the offset of their last byte in the text
// read, and the move that reached it (flagged with litEnds).
type endHit struct {
	at int
	s  uint16
}

// endBlock is the most bytes of lines read in one pass: the search from the last line up
// often stops after a few lines, which must not cost a read of many more.
const endBlock = 256

// endScan appends to hits the places of f where words of endIndex end, in order. As stemRun,
// it takes four steps before it tests their flags at once: a step is then two loads and an
// addition.
func endScan(f string, hits []endHit) []endHit {
	t, class := &endTable, &endIndex.dfa.class
	var s uint16
	i := 0
	for ; i+3 < len(f); i += 4 {
		w := f[i : i+4]
		s1 := t[s+uint16(class[w[0]])]
		s2 := t[s1+uint16(class[w[1]])]
		s3 := t[s2+uint16(class[w[2]])]
		s = t[s3+uint16(class[w[3]])]
		if (s1|s2|s3|s)&litEnds != 0 {
			for k, x := range [4]uint16{s1, s2, s3, s} {
				if x&litEnds != 0 {
					hits = append(hits, endHit{i + k, x})
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

// endWordsDown calls visit with each line that holds words of endIndex, from the last line up,
// and the bits of those words (endWords(i)), until visit returns false. The lines that lie end
// to end in memory are read in blocks of about endBlock bytes; the lines whose header words are
// remembered (hdrWords), by endWords.
func (d *doc) endWordsDown(visit func(i int, w uint64) bool) {
	a := endIndex.dfa
	var buf [32]endHit
	hits := buf[:0]
	// The first lines, whose header words are mostly known already, are read one by one.
	nh := min(len(d.hdr.words), len(d.lines))
	hi := len(d.lines)
	for hi > nh {
		k := hi - 1
		for k >= nh && d.folded[k] == "" {
			k--
		}
		if k < nh {
			break
		}
		// The block: line k and the lines before it that end where it starts.
		first := unsafe.StringData(d.folded[k])
		start := uintptr(unsafe.Pointer(first))
		end := start + uintptr(len(d.folded[k]))
		lo := k
		for j := k - 1; j >= nh && end-start < endBlock; j-- {
			f := d.folded[j]
			if f == "" {
				continue
			}
			p := unsafe.StringData(f)
			if uintptr(unsafe.Pointer(p))+uintptr(len(f)) != start {
				break
			}
			first, start, lo = p, uintptr(unsafe.Pointer(p)), j
		}
		hi = lo
		hits = endScan(unsafe.String(first, int(end-start)), hits[:0])
		if len(hits) == 0 {
			continue
		}
		h := len(hits) - 1
		for i := k; i >= lo && h >= 0; i-- {
			f := d.folded[i]
			if f == "" {
				continue
			}
			off := int(uintptr(unsafe.Pointer(unsafe.StringData(f))) - start)
			var w uint64
			for ; h >= 0 && hits[h].at >= off; h-- {
				// A word ending on the line may have begun on the line before.
				for m := a.out[int(hits[h].s&^litEnds)/a.width]; m != 0; m &= m - 1 {
					b := bits.TrailingZeros64(m)
					if hits[h].at-len(endIndex.words[b])+1 >= off {
						w |= 1 << b
					}
				}
			}
			if w != 0 && !visit(i, w) {
				return
			}
		}
	}
	for i := min(hi, nh) - 1; i >= 0; i-- {
		if w := d.endWords(i); w != 0 && !visit(i, w) {
			return
		}
	}
}
