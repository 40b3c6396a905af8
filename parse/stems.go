package parse

import "strings"

// stemSet is a list of stems (substrings of folded text) that gate some patterns, and its bits
// in the stem index. A line's stems are found in one pass (scanStems) rather than one
// strings.Contains per stem: the vote reader asks seven sets of them about every line.
type stemSet struct {
	list []string
	mask uint64
}

// stemIndex holds every stem of every set, each with its own bit; first lists the stems by first
// byte, and pairs has the bit of each two-byte prefix that some stem starts with.
var stemIndex struct {
	stems []string
	first [256][]uint8
	pairs [1 << 16 / 64]uint64
}

// newStems registers a set of stems in the index. At most 64 distinct stems fit.
func newStems(list ...string) stemSet {
	s := stemSet{list: list}
	for _, st := range list {
		if len(st) < 2 {
			panic("parse: stem shorter than two bytes: " + st)
		}
		k := -1
		for i, o := range stemIndex.stems {
			if o == st {
				k = i
			}
		}
		if k < 0 {
			k = len(stemIndex.stems)
			if k >= 64 {
				panic("parse: more than 64 stems")
			}
			stemIndex.stems = append(stemIndex.stems, st)
			stemIndex.first[st[0]] = append(stemIndex.first[st[0]], uint8(k))
			p := uint16(st[0])<<8 | uint16(st[1])
			stemIndex.pairs[p>>6] |= 1 << (p & 63)
		}
		s.mask |= 1 << k
	}
	return s
}

// scanStems returns the bits of the stems that f contains.
func scanStems(f string) uint64 {
	var m uint64
	for i := 0; i+1 < len(f); i++ {
		p := uint16(f[i])<<8 | uint16(f[i+1])
		if stemIndex.pairs[p>>6]&(1<<(p&63)) == 0 {
			continue
		}
		for _, k := range stemIndex.first[f[i]] {
			if strings.HasPrefix(f[i:], stemIndex.stems[k]) {
				m |= 1 << k
			}
		}
	}
	return m
}

// in reports whether one of the stems is found among the bits m of a line.
func (s stemSet) in(m uint64) bool { return m&s.mask != 0 }
