package parse

import (
	"slices"

	"minutes/normalize"
)

// The trigram sets as sorted lists, as the matcher read them before gramSet: the reference of
// the sets and of setDice (TestGramSetsCorpus, FuzzGramSets).

// trigrams is the set of character trigrams of a title's folded words, sorted and without
// repeats: the unit of the fuzzy title match, robust to a typo ("Orientaion"), a plural or a
// reworded end, and linear in the title's length.
func trigrams(s string) []uint32 { return foldedTrigrams(normalize.Fold(s)) }

// foldedTrigrams is trigrams of an already folded title.
func foldedTrigrams(f string) []uint32 { return appendTrigrams(make([]uint32, 0, len(f)), f) }

// appendTrigrams appends foldedTrigrams(f) to dst (at most len(f) values): the titles of a
// document share one buffer.
func appendTrigrams(dst []uint32, f string) []uint32 {
	// The trigrams are read off a sliding window over the title with its words joined by one
	// space and framed by spaces, without building that text: len(f)+2 bytes at most, so
	// len(f) trigrams at most.
	start := len(dst)
	var w uint32
	n := 0
	emit := func(c byte) {
		w = (w<<8 | uint32(c)) & 0xffffff
		if n++; n >= 3 {
			dst = append(dst, w)
		}
	}
	emit(' ')
	space := true
	for i := 0; i < len(f); i++ {
		c := f[i]
		if !titleByte[c] {
			if !space {
				emit(' ')
				space = true
			}
			continue
		}
		emit(c)
		space = false
	}
	if !space {
		emit(' ')
	}
	return dst[:start+sortSet(dst[start:])]
}

// sortSet sorts the trigrams s and drops repeats, returning how many are left at its start.
// A title has some fifty to a hundred trigrams: they are first spread by the class of their
// first byte (a counting sort over gramClass's few classes), after which an insertion sort only
// moves each trigram among those of its class, and drops a repeat where it would insert it.
// This costs half a general sort's work. The work is done in an array indexed by bytes, which
// needs no bounds checks; longer titles take the general sort.
func sortSet(s []uint32) int {
	n := len(s)
	if n <= 1 || n > 255 {
		slices.Sort(s)
		return len(slices.Compact(s))
	}
	var at [256]uint16 // the first gramClasses count, then index, the classes
	for _, w := range s {
		at[gramClass[w>>16&0xff]]++
	}
	sum := uint16(0)
	for c := range gramClasses {
		sum, at[c] = sum+at[c], sum
	}
	var a [256]uint32
	for _, w := range s {
		c := gramClass[w>>16&0xff]
		a[uint8(at[c])] = w // at[c] < n < 256
		at[c]++
	}
	// a is in order of classes: the backward scan stops at the previous class's trigrams. The
	// sorted set grows in place at a's start (out is at most i).
	out := uint8(0)
	for i := range uint8(n) {
		x := a[i]
		j := out
		for j > 0 && a[j-1] > x {
			a[j] = a[j-1]
			j--
		}
		if j > 0 && a[j-1] == x {
			// A repeat (rare): shift back what moved.
			for ; j < out; j++ {
				a[j] = a[j+1]
			}
			continue
		}
		a[j] = x
		out++
	}
	return copy(s, a[:out])
}

// gramClasses is the number of classes of gramClass.
const gramClasses = 40

// gramClass ranks the first bytes of trigrams in their order: the space, each digit and each
// letter a class of its own, every byte beyond ASCII one class, any other byte the class of the
// byte before it. Any ranking in byte order sorts (sortSet), a finer one sorts faster.
var gramClass = func() (t [256]uint8) {
	k := uint8(0)
	for c := range t {
		if c == ' ' || c < 0x80 && titleByte[c] || c == 0x80 {
			k++
		}
		t[c] = k
	}
	if int(k) >= gramClasses {
		panic("parse: gramClasses too small")
	}
	return t
}()

// trigramsOf is foldedTrigrams of each folded title, in one buffer.
func trigramsOf(fs []string) [][]uint32 {
	size := 0
	for _, f := range fs {
		size += len(f)
	}
	buf := make([]uint32, 0, size)
	out := make([][]uint32, len(fs))
	for k, f := range fs {
		start := len(buf)
		buf = appendTrigrams(buf, f)
		out[k] = buf[start:len(buf):len(buf)]
	}
	return out
}

// dice is the Sørensen–Dice coefficient of two trigram sets, 0 to 1.
func dice(a, b []uint32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) == len(b) && &a[0] == &b[0] {
		// The same set (a section bearing its agenda entry's title shares the entry's, see
		// itemTitles): every trigram is common, and 2n/(n+n) is exactly 1.
		return 1
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}
