package parse

import "slices"

// The header readers look for a few dozen words in the folded lines — "seance", "prochain",
// "presid", the words of meetingWords, of countWords, of otherDateWords… — mostly with one
// strings.Contains each, and some over every line of the document (the end of the meeting is
// looked for from the last line up, the previous minutes over the first half). Those words
// are registered here, and one pass of an Aho–Corasick automaton (litDFA, as the body's stems)
// reads which of them a line holds: the readers then test bits. The index is exact: bit k of
// hdrWordsOf(f) is set exactly when strings.Contains(f, hdrIndex.words[k]).

// wordIndex holds registered words, each with its own bit, and their automaton (built by
// build once every set is registered, at package initialisation).
type wordIndex struct {
	name  string
	words []string
	dfa   *litDFA
	// overlap is the length of the longest word less one: the parts of a line read apart
	// overlap by it (see scan).
	overlap int
}

// hdrIndex holds the header words; endIndex the few that meetingEndAndNext looks for on the
// lines hdrIndex does not remember (see endWords).
var (
	hdrIndex = wordIndex{name: "header"}
	endIndex = wordIndex{name: "end"}
)

// hdrKnown marks a remembered mask (headerState.words) as computed; no word has this bit.
const hdrKnown = 1 << 63

// hdrSet registers words in hdrIndex and returns their bits.
func hdrSet(words ...string) uint64 { return hdrIndex.set(words...) }

// set registers words in the index and returns their bits. At most 63 distinct words fit.
func (x *wordIndex) set(words ...string) uint64 {
	if x.dfa != nil {
		panic("parse: " + x.name + " words registered after package initialisation")
	}
	var m uint64
	for _, w := range words {
		if w == "" || !isASCII(w) {
			panic("parse: empty or non-ASCII " + x.name + " word: " + w)
		}
		k := slices.Index(x.words, w)
		if k < 0 {
			k = len(x.words)
			if k >= 63 {
				panic("parse: more than 63 " + x.name + " words")
			}
			x.words = append(x.words, w)
		}
		m |= 1 << k
	}
	return m
}

// build makes the automaton of the words registered.
func (x *wordIndex) build() {
	if x.dfa = newLitDFA(x.words); x.dfa == nil {
		panic("parse: too many " + x.name + " words for the automaton")
	}
	for _, w := range x.words {
		x.overlap = max(x.overlap, len(w)-1)
	}
}

// Sets of header words. A set of a table (meetingWords, countWords…) is built from the table,
// so that the vocabulary stays in one place.
var (
	// The words of endIndex come first, in its order, so that endFromHdr is a mask.
	hwEndVerbs   = hdrSet(endVerbWords...)
	hwSeance     = hdrSet("seance")
	hwNext       = hdrSet("prochain", "suivant")
	hwFinDe      = hdrSet("fin de")
	hwPrevious   = hdrSet(previousWords...)
	hwMeeting    = hdrSet(meetingWords...)
	hwOpeners    = hdrSet(preambleOpeners...)
	hwOtherDate  = hdrSet(otherDateWords...)
	hwCount      = hdrSet(countWords...)
	hwPresid     = hdrSet("presid")
	hwSecretary  = hdrSet("secretaire")
	hwPlace      = hdrSet(placeVerbWords...)
	hwCommune    = hdrSet(communeWords...)
	hwCouncilOf  = hdrSet("conseil municipal d")
	hwNextMeet   = setOrAll(&hdrIndex, nextMeetingWords)
	hwBodyPhrase = hdrSet(bodyPhraseWords...)
	hwConvo      = hdrSet("convo") // every match of reConvocation holds it
)

// Sets of endIndex: the words of meetingEndAndNext but " a", which is looked for only on the
// rare lines that hold an end verb.
var (
	ewEndVerbs = endIndex.set(endVerbWords...)
	ewSeance   = endIndex.set("seance")
	ewNext     = endIndex.set("prochain", "suivant")
	ewFinDe    = endIndex.set("fin de")
	ewNextMeet = setOrAll(&endIndex, nextMeetingWords)
)

// hwSpaced are the bits of the words that open or close with white space: a reader that looks
// for words in a trimmed line looks for those again (see meetingLineWords).
var hwSpaced uint64

// setOrAll is x.set(words...), or every bit when words is nil (a covering set that fell
// short: containsAnyLit(f, nil) is true for every line).
func setOrAll(x *wordIndex, words []string) uint64 {
	if words == nil {
		return ^uint64(0)
	}
	return x.set(words...)
}

func init() {
	// Every word of endIndex is a header word too, registered before hdrIndex is built.
	for _, w := range endIndex.words {
		endOfHdr = append(endOfHdr, hdrSet(w))
	}
	hdrIndex.build()
	endIndex.build()
	for x, v := range hdrIndex.dfa.next {
		hdrTable[x], hdrTable[x|litEnds] = v, v
	}
	for k, w := range hdrIndex.words {
		if asciiSpace[w[0]] != 0 || asciiSpace[w[len(w)-1]] != 0 {
			hwSpaced |= 1 << k
		}
	}
}

// hdrWordsOf returns the bits of the header words that f contains.
func hdrWordsOf(f string) uint64 { return hdrIndex.scan(f) }

// scan returns the bits of the words of x that f contains.
func (x *wordIndex) scan(f string) uint64 { return scanParts(x.dfa, x.overlap, f) }

// hdrWords is hdrWordsOf(d.folded[i]), remembered for the lines the header readers scan
// (attendanceScanLimit); a line beyond, asked seldom, is read again when asked.
func (d *doc) hdrWords(i int) uint64 {
	if len(d.hdr.words) == 0 {
		d.makeHdrWords()
	}
	if i >= len(d.hdr.words) {
		return hdrWordsOf(d.folded[i])
	}
	w := d.hdr.words[i]
	if w == 0 {
		d.hdrBlock(i)
		w = d.hdr.words[i]
	}
	return w &^ hdrKnown
}

// makeHdrWords sizes d.hdr.words to the lines the header readers scan, all unknown, on first
// use: in the array the scratch gave it (secScratch.take), when it is large enough.
func (d *doc) makeHdrWords() {
	d.hdr.words = cleared(d.hdr.words, d.attendanceScanLimit())
}

// hdrBlockSize is the most bytes of lines hdrBlock reads at once: the readers ask for the lines
// in order, mostly all of them, but some stop early.
const hdrBlockSize = 512

// hdrBlock remembers the header words of line i, and of the lines after it that lie end to end
// with it in memory (see blockWords): the readers ask for the lines in turn, and a block is
// read in one pass where each line would be read apart, its long ones in overlapping parts.
func (d *doc) hdrBlock(i int) {
	ws := d.hdr.words
	if d.folded[i] == "" {
		ws[i] = hdrKnown
		return
	}
	var hits [64]endHit
	var lines [32]lineWords
	hi, _, found := d.blockWords(&hdrIndex, &hdrTable, nil, i, len(ws), hdrBlockSize, hits[:0], lines[:0])
	for j := i; j < hi; j++ {
		ws[j] = hdrKnown
	}
	for _, l := range found {
		ws[l.line] = l.w | hdrKnown
	}
}

// hdrTable is hdrIndex's automaton laid out as endTable (filled by init).
var hdrTable [1 << 16]uint16

// hdrHas reports whether line i holds one of words, whose bits are set: through the line's
// remembered words, or, past the remembered lines, with a look-up of each word, which costs
// less than reading all the words of the line for one question.
func (d *doc) hdrHas(i int, set uint64, words ...string) bool {
	if len(d.hdr.words) == 0 {
		d.makeHdrWords()
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

// endWords returns the bits of endIndex's words that line i holds: read from the header words
// the line has remembered, or else in a pass of endIndex's automaton, a small one.
func (d *doc) endWords(i int) uint64 {
	if i >= len(d.hdr.words) || d.hdr.words[i] == 0 {
		return endIndex.scan(d.folded[i])
	}
	return endFromHdr(d.hdr.words[i])
}

// endFromHdr maps header words' bits to endIndex's: each word of endIndex is a header word.
func endFromHdr(w uint64) uint64 {
	if endLow != 0 {
		return w & endLow
	}
	var e uint64
	for k, b := range endOfHdr {
		if w&b != 0 {
			e |= 1 << k
		}
	}
	return e
}

// endOfHdr holds, for each word of endIndex, its bit in hdrIndex (set by init).
var endOfHdr []uint64

// endLow is the mask of endIndex's bits when each word of endIndex has the same bit in hdrIndex
// (the words registered first, in the same order), 0 otherwise (set by init).
var endLow uint64

func init() {
	for k, b := range endOfHdr {
		if b != 1<<k {
			return
		}
	}
	endLow = 1<<len(endOfHdr) - 1
}
