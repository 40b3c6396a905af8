package parse

import "slices"

// The header readers look for a few dozen words in the folded lines — "seance", "prochain",
// "presid", the words of meetingWords, of countWords, of otherDateWords… — mostly with one
// strings.Contains each, and some over every line of the document (the end of the meeting is
// looked for from the last line up, the previous minutes over the first half). Those words
// are registered here, and one pass of an Aho–Corasick automaton (litDFA, as the body's stems)
// reads which of them a line holds: the readers then test bits. The index is exact: bit k of
// hdrWordsOf(f) is set exactly when strings.Contains(f, hdrIndex.words[k]).

// hdrIndex holds the registered words, each with its own bit, and their automaton (built by
// init once every set is registered).
var hdrIndex struct {
	words []string
	dfa   *litDFA
}

// hdrKnown marks a remembered mask (headerState.words) as computed; no word has this bit.
const hdrKnown = 1 << 63

// hdrSet registers words in the index and returns their bits. At most 63 distinct words fit.
func hdrSet(words ...string) uint64 {
	if hdrIndex.dfa != nil {
		panic("parse: hdrSet after package initialisation")
	}
	var m uint64
	for _, w := range words {
		if w == "" || !isASCII(w) {
			panic("parse: empty or non-ASCII header word: " + w)
		}
		k := slices.Index(hdrIndex.words, w)
		if k < 0 {
			k = len(hdrIndex.words)
			if k >= 63 {
				panic("parse: more than 63 header words")
			}
			hdrIndex.words = append(hdrIndex.words, w)
		}
		m |= 1 << k
	}
	return m
}

// Sets of header words. A set of a table (meetingWords, countWords…) is built from the table,
// so that the vocabulary stays in one place.
var (
	hwEndVerbs   = hdrSet(endVerbWords...)
	hwSpaceA     = hdrSet(" a")
	hwSeance     = hdrSet("seance")
	hwNext       = hdrSet("prochain", "suivant")
	hwFinDe      = hdrSet("fin de")
	hwPrevious   = hdrSet(previousWords...)
	hwMeeting    = hdrSet(meetingWords...)
	hwLAn        = hdrSet("l'an ") // in meetingWords; ends with a space (see meetingLineOf)
	hwOpeners    = hdrSet(preambleOpeners...)
	hwOtherDate  = hdrSet(otherDateWords...)
	hwCount      = hdrSet(countWords...)
	hwPresid     = hdrSet("presid")
	hwSecretary  = hdrSet("secretaire")
	hwPlace      = hdrSet(placeVerbWords...)
	hwCommune    = hdrSet("commune ")
	hwCouncilOf  = hdrSet("conseil municipal d")
	hwNextMeet   = hdrSetOrAll(nextMeetingWords)
	hwBodyPhrase = hdrSet("siege", "cette commune", "de la ", "du s")
)

// hwSpaced are the bits of the words that open or close with white space: a reader that looks
// for words in a trimmed line looks for those again (see meetingLineWords).
var hwSpaced uint64

// hdrSetOrAll is hdrSet(words...), or every bit when words is nil (a covering set that fell
// short: containsAnyLit(f, nil) is true for every line).
func hdrSetOrAll(words []string) uint64 {
	if words == nil {
		return ^uint64(0)
	}
	return hdrSet(words...)
}

func init() {
	if hdrIndex.dfa = newLitDFA(hdrIndex.words); hdrIndex.dfa == nil {
		panic("parse: too many header words for the automaton")
	}
	for k, w := range hdrIndex.words {
		hdrOverlap = max(hdrOverlap, len(w)-1)
		if asciiSpace[w[0]] != 0 || asciiSpace[w[len(w)-1]] != 0 {
			hwSpaced |= 1 << k
		}
	}
}

// hdrWordsOf returns the bits of the header words that f contains. A step of the automaton
// waits for the one before (a load, an addition, a load): a long line is read as two or four
// parts in one loop, whose steps overlap in the processor, as scanStems does. A word ending at
// byte h or after starts at h-hdrOverlap or after, so parts that overlap by hdrOverlap bytes
// find every word of the line.
func hdrWordsOf(f string) uint64 {
	o := hdrOverlap
	switch {
	case len(f) >= 4*(o+stemLane):
		q := len(f) / 4
		return hdrScan4(f[:q], f[q-o:2*q], f[2*q-o:3*q], f[3*q-o:])
	case len(f) >= 2*(o+stemLane):
		h := len(f) / 2
		return hdrScan2(f[:h], f[h-o:])
	}
	_, m := hdrScanFrom(0, 0, f)
	return m
}

// hdrOverlap is the length of the longest header word less one.
var hdrOverlap int

// hdrScanFrom goes on scanning f in state s with the words m found so far.
func hdrScanFrom(s uint32, m uint64, f string) (uint32, uint64) {
	a := hdrIndex.dfa
	next, class := a.next, &a.class
	for i := 0; i < len(f); i++ {
		s = uint32(next[s+uint32(class[f[i]])])
		if s&litEnds != 0 {
			s &^= litEnds
			m |= a.out[s/uint32(a.width)]
		}
	}
	return s, m
}

// hdrScan2 is hdrWordsOf(a)|hdrWordsOf(b), the two read in the same loop.
func hdrScan2(a, b string) uint64 {
	d := hdrIndex.dfa
	next, class := d.next, &d.class
	var s, t uint32
	var m uint64
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		s = uint32(next[s+uint32(class[a[i]])])
		t = uint32(next[t+uint32(class[b[i]])])
		if (s|t)&litEnds != 0 {
			if s&litEnds != 0 {
				s &^= litEnds
				m |= d.out[s/uint32(d.width)]
			}
			if t&litEnds != 0 {
				t &^= litEnds
				m |= d.out[t/uint32(d.width)]
			}
		}
	}
	_, m = hdrScanFrom(s, m, a[n:])
	_, m = hdrScanFrom(t, m, b[n:])
	return m
}

// hdrScan4 is the union of hdrWordsOf of its four parts, read in the same loop.
func hdrScan4(a, b, c, e string) uint64 {
	d := hdrIndex.dfa
	next, class := d.next, &d.class
	var s, t, u, v uint32
	var m uint64
	n := min(len(a), len(b), len(c), len(e))
	for i := 0; i < n; i++ {
		s = uint32(next[s+uint32(class[a[i]])])
		t = uint32(next[t+uint32(class[b[i]])])
		u = uint32(next[u+uint32(class[c[i]])])
		v = uint32(next[v+uint32(class[e[i]])])
		if (s|t|u|v)&litEnds != 0 {
			if s&litEnds != 0 {
				s &^= litEnds
				m |= d.out[s/uint32(d.width)]
			}
			if t&litEnds != 0 {
				t &^= litEnds
				m |= d.out[t/uint32(d.width)]
			}
			if u&litEnds != 0 {
				u &^= litEnds
				m |= d.out[u/uint32(d.width)]
			}
			if v&litEnds != 0 {
				v &^= litEnds
				m |= d.out[v/uint32(d.width)]
			}
		}
	}
	_, m = hdrScanFrom(s, m, a[n:])
	_, m = hdrScanFrom(t, m, b[n:])
	_, m = hdrScanFrom(u, m, c[n:])
	_, m = hdrScanFrom(v, m, e[n:])
	return m
}

// hdrWords is hdrWordsOf(d.folded[i]), remembered for the lines the header readers scan
// (attendanceScanLimit); a line beyond, asked seldom, is read again when asked.
func (d *doc) hdrWords(i int) uint64 {
	if d.hdr.words == nil {
		d.hdr.words = make([]uint64, d.attendanceScanLimit())
	}
	if i >= len(d.hdr.words) {
		return hdrWordsOf(d.folded[i])
	}
	w := d.hdr.words[i]
	if w == 0 {
		w = hdrWordsOf(d.folded[i]) | hdrKnown
		d.hdr.words[i] = w
	}
	return w &^ hdrKnown
}

// hdrHas reports whether line i holds one of words, whose bits are set: through the line's
// remembered words, or, past the remembered lines, with a look-up of each word, which costs
// less than reading all the words of the line for one question.
func (d *doc) hdrHas(i int, set uint64, words ...string) bool {
	if d.hdr.words == nil {
		d.hdr.words = make([]uint64, d.attendanceScanLimit())
	}
	if i < len(d.hdr.words) {
		return d.hdrWords(i)&set != 0
	}
	return containsAnyLit(d.folded[i], words)
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
