package parse

import (
	"encoding/binary"
	"math/bits"
	"strings"

	"minutes/normalize"
)

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
	var words []string
	var lists [][]string
	return wordsInto(&words, &lists, fs)
}

// wordsOf is wordsOf reading into the arrays of d's scratch (see carve), which the next
// document reuses: the words are only compared, never kept by the record.
func (d *doc) wordsOf(fs []string) [][]string {
	s := d.sec()
	return wordsInto(&s.words, &s.wordLists, fs)
}

// wordsInto is wordsOf with the words and their lists cut from the arenas words and lists.
func wordsInto(words *[]string, lists *[][]string, fs []string) [][]string {
	size := 0
	for _, f := range fs {
		size += wordCount(f)
	}
	buf := carve(words, size)[:0]
	out := carve(lists, len(fs))
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
