package parse

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"

	"minutes/normalize"
)

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

// titleByte tells the bytes of a folded title's words: a-z, 0-9 and every byte of a
// character beyond ASCII.
var titleByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
	}
	return t
}()

// wordMask marks with its high bit each byte of w (eight bytes of a title) that is a
// titleByte: a byte of 0x80 or more, or one of a-z and 0-9, told on the bytes with their high
// bit cleared, all ASCII as asciiRange wants (the cleared bytes are marked anyway).
func wordMask(w uint64) uint64 {
	const high = 0x8080808080808080
	a := w &^ high
	return w&high | asciiRange(a, 'a', 'z') | asciiRange(a, '0', '9')
}

// wordCount is len(foldedWords(f)): the bytes that open a word (a titleByte after none),
// counted eight at a time, for wordsOf sizes its buffer before it splits.
func wordCount(f string) int {
	n, i := 0, 0
	var prev uint64 // 0x80 when the byte before the block is a word's
	for ; i+8 <= len(f); i += 8 {
		m := wordMask(binary.LittleEndian.Uint64([]byte(f[i : i+8])))
		n += bits.OnesCount64(m &^ (m<<8 | prev))
		prev = m >> 56 & 0x80
	}
	in := prev != 0
	for ; i < len(f); i++ {
		w := titleByte[f[i]]
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

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

// contained reports whether every word of the shorter title occurs in the longer one ("PADD."
// and "PADD (Plan d'Aménagement et de Développement Durable)"): a shortened title in the body.
func contained(wa, wb []string) bool {
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	// Titles are short: a nested scan beats building a set for every pair of titles.
outer:
	for _, w := range wa {
		for _, x := range wb {
			if w == x {
				continue outer
			}
		}
		return false
	}
	return true
}

// titleWords splits a folded title into its words of letters and digits.
func titleWords(s string) []string { return foldedWords(normalize.Fold(s)) }

// foldedWords is titleWords of an already folded title.
func foldedWords(f string) []string {
	return strings.FieldsFunc(f, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
	})
}

// wordsOf is foldedWords of each folded title, in one buffer. The split is read byte by
// byte: a byte of a multi-byte or invalid sequence is 0x80 or more, as is the rune
// FieldsFunc reads there, so only ASCII bytes part words.
func wordsOf(fs []string) [][]string {
	size := 0
	for _, f := range fs {
		size += wordCount(f)
	}
	buf := make([]string, 0, size)
	out := make([][]string, len(fs))
	for k, f := range fs {
		start, from := len(buf), -1
		i := 0
		// Eight bytes at a time, from one edge of a word to the next (see wordMask).
		var prev uint64 // 0x80 when the byte before the block is a word's
		for ; i+8 <= len(f); i += 8 {
			m := wordMask(binary.LittleEndian.Uint64([]byte(f[i : i+8])))
			for e := m ^ (m<<8 | prev); e != 0; e &= e - 1 {
				p := i + bits.TrailingZeros64(e)>>3
				if from < 0 {
					from = p
				} else {
					buf = append(buf, f[from:p])
					from = -1
				}
			}
			prev = m >> 56 & 0x80
		}
		for ; i <= len(f); i++ {
			if i < len(f) && titleByte[f[i]] {
				if from < 0 {
					from = i
				}
				continue
			}
			if from >= 0 {
				buf = append(buf, f[from:i])
				from = -1
			}
		}
		out[k] = buf[start:len(buf):len(buf)]
	}
	return out
}
