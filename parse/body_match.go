package parse

import (
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
	slices.Sort(dst[start:])
	return dst[:start+len(slices.Compact(dst[start:]))]
}

// titleByte tells the bytes of a folded title's words: a-z, 0-9 and every byte of a
// character beyond ASCII.
var titleByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
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
	word := func(c byte) bool { return titleByte[c] }
	size := 0
	for _, f := range fs {
		in := false
		for i := 0; i < len(f); i++ {
			w := word(f[i])
			if w && !in {
				size++
			}
			in = w
		}
	}
	buf := make([]string, 0, size)
	out := make([][]string, len(fs))
	for k, f := range fs {
		start, from := len(buf), -1
		for i := 0; i <= len(f); i++ {
			if i < len(f) && word(f[i]) {
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
