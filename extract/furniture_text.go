package extract

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text files made from paginated documents (a PDF or word-processor export saved as text) keep
// each page's running header and page number in the middle of the prose: "Conseil Municipal du
// 4 avril 2018 / ____ / Compte-rendu page 3" between two halves of a sentence. Without the page
// geometry that PDFs give, such a block is told by three signs together: a page-number line, a
// line of text that recurs through the document, both within a few lines of each other, and
// page numbers that increase from block to block.
const (
	textFurnitureRepeats = 3  // times a header line must occur in the document
	textFurnitureSpan    = 4  // lines a header block may span, blank lines aside
	textFurnitureBlocks  = 2  // blocks needed before any is taken out
	textFurnitureLead    = 12 // first non-blank lines, never furniture: the title, which a running header repeats
	textPageLabelMax     = 60 // characters before "page N" in a labelled page-number line
)

// A page-number line is "3", "- 3 -", "Page 3", "Page 3/12", "p. 3 sur 12", or a short label
// ending in one ("Compte-rendu page 3"); pageLine reads it (textPageRE in the tests is its
// definition as a pattern). Words match in any case.
var (
	textPageWords  = []string{"page", "p."}     // words before a page number
	textPageOf     = []string{"/", "sur", "de"} // words between the number and the page count
	textPageDashes = "-–—"                      // dashes around a page number
)

// A rule drawn under a running header is a line of at least textRuleMin of textRuleChars
// (ruleLine; textRuleRE in the tests).
const (
	textRuleChars = "_-=–—.*~ "
	textRuleMin   = 8
)

// textLineKind classifies a line for running-block detection.
type textLineKind uint8

const (
	textOther textLineKind = iota
	textBlank
	textPage   // a page-number line
	textRepeat // a line that recurs through the document
	textRule   // a drawn rule

	textHeaderCand // may be textRepeat: decided once keys are counted
	textNearCand   // a header candidate whose key is known (markRepeats)
)

// classifyEnd classifies a squeezed non-blank line k that may be a rule or a page number: a
// rule, a page-number line (its number in *num), a header candidate, or textOther.
func classifyEnd(k string, num *int32) textLineKind {
	if mayRule(k) && ruleLine(k) {
		return textRule
	}
	if mayPage(k) {
		if label, n, ok := pageLine(k); ok {
			// "12. Subvention … page 3" is a contents entry, not a page label
			if p, _ := strconv.Atoi(n); p > 0 && !(label != "" && label[0] >= '0' && label[0] <= '9') {
				*num = int32(p)
				return textPage
			}
			return textOther // a page-number line is never a running header
		}
	}
	if len(k) >= 4 && headerLike(k) {
		return textHeaderCand
	}
	return textOther
}

// markTextFurniture moves the running headers and footers of a text file to Furniture.
func markTextFurniture(src *Source) {
	if len(src.Lines) == 0 {
		return
	}
	kinds := make([]textLineKind, len(src.Lines))
	// num is, for a page-number line, its number (\d{1,4}), and for a header candidate the
	// index of its key in keys.
	num := make([]int32, len(src.Lines))
	// Rules and page numbers first: they alone decide whether any block can be found (one needs
	// a page number past the title), and a page-number line is never a running header, whatever
	// its count. Only the lines that end like neither are squeezed, later, if there is a chance.
	pages, lead := 0, 0
	var pageBuf [64]int
	pageAt := pageBuf[:0] // the page-number lines, the title's included
	for i := range src.Lines {
		t := trim(src.Lines[i].Text)
		if t == "" {
			kinds[i] = textBlank
			continue
		}
		switch {
		case !mayFurnitureTrimmed(t):
			// textOther
		case !mayRule(t) && !mayPageEnd(t[len(t)-1]):
			kinds[i] = textHeaderCand // squeezing leaves both ends: k is no rule and no page number
		default:
			kinds[i] = classifyEnd(squeeze(t), &num[i])
			if kinds[i] == textPage {
				pageAt = append(pageAt, i)
			}
		}
		if lead < textFurnitureLead {
			lead++ // the title's lines
		} else if kinds[i] == textPage {
			pages++
		}
	}
	if pages < textFurnitureBlocks {
		return // each block holds a page number past the title
	}
	if !markRepeats(src.Lines, kinds, num, pageAt) {
		return // no running header: no block
	}
	// the first lines are the title even when they recur as a running header later on
	lead = 0
	for i := 0; i < len(kinds) && lead < textFurnitureLead; i++ {
		if kinds[i] != textBlank {
			lead++
			kinds[i] = textOther
		}
	}
	type block struct{ from, to, page int }
	var blocks []block
	for i := 0; i < len(kinds); {
		if kinds[i] == textOther || kinds[i] == textBlank {
			i++
			continue
		}
		j, span, page, repeat := i, 0, 0, false
		for j < len(kinds) && kinds[j] != textOther && span < textFurnitureSpan {
			if kinds[j] == textPage {
				if page != 0 {
					break // a second page number starts another block
				}
				page = int(num[j])
			}
			if kinds[j] == textRepeat {
				repeat = true
			}
			if kinds[j] != textBlank {
				span++
			}
			j++
		}
		for j > i && kinds[j-1] == textBlank {
			j-- // blank lines around a block stay: they may end a paragraph
		}
		if page != 0 && repeat {
			blocks = append(blocks, block{i, j, page})
		}
		i = max(j, i+1)
	}
	if len(blocks) < textFurnitureBlocks {
		return
	}
	for k := 1; k < len(blocks); k++ {
		if blocks[k].page <= blocks[k-1].page {
			return // numbers that do not increase are not page numbers
		}
	}
	moved := 0
	for _, b := range blocks {
		moved += b.to - b.from
	}
	src.Furniture = slices.Grow(src.Furniture, moved)
	// The kept lines close up in place: Text made src.Lines, and line i is read before any
	// write reaches it.
	kept, b := src.Lines[:0], 0
	for i, l := range src.Lines {
		for b < len(blocks) && blocks[b].to <= i {
			b++
		}
		if b < len(blocks) && blocks[b].from <= i {
			src.Furniture = append(src.Furniture, l)
		} else {
			kept = append(kept, l)
		}
	}
	src.Lines = kept
}

// markRepeats turns each header candidate of lines (kinds textHeaderCand) into a running
// header line (textRepeat, its key's index in num) or textOther, and reports whether any is
// one (when none is, kinds may be left half done: no block can be found). A running header's key (the line squeezed) occurs textFurnitureRepeats times or more,
// each time but perhaps once next to a page number — within 2*textFurnitureSpan lines of
// one of pageAt — and at least twice so. The keys with two lines next to a page number are
// found first, among those few lines; the other candidates are then only compared with these
// keys, by their ends and length first (squeezing keeps the ends of a trimmed line and never
// lengthens it), so that most lines are neither squeezed nor counted.
func markRepeats(lines []Line, kinds []textLineKind, num []int32, pageAt []int) bool {
	// The candidates next to a page number, squeezed, sorted by key: equal keys side by side.
	type keyed struct {
		k string
		i int
	}
	var keyedBuf [64]keyed
	byKey := keyedBuf[:0]
	from := 0 // the lines before are done
	for _, at := range pageAt {
		for i := max(from, at-2*textFurnitureSpan); i < min(len(lines), at+2*textFurnitureSpan+1); i++ {
			if kinds[i] != textHeaderCand {
				continue
			}
			k := squeeze(lines[i].Text)
			if len(k) < 4 || !headerLike(k) {
				kinds[i] = textOther
				continue
			}
			byKey = append(byKey, keyed{k, i})
		}
		from = max(from, at+2*textFurnitureSpan+1)
	}
	slices.SortFunc(byKey, func(a, b keyed) int { return strings.Compare(a.k, b.k) })
	// The keys that may be running headers, twice next to a page number, are numbered (their
	// lines textNearCand, the others' textOther); near holds their lines next to a page
	// number. ends marks the first and last bytes they have (bit c%64 of ends[f] for a key
	// from f to c).
	var liveBuf [8]string
	var nearBuf [8]int32
	live, near := liveBuf[:0], nearBuf[:0]
	var ends [256]uint64
	for j := 0; j < len(byKey); {
		n := 1
		for j+n < len(byKey) && byKey[j+n].k == byKey[j].k {
			n++
		}
		kind := textOther
		if n >= 2 {
			kind = textNearCand
			k := byKey[j].k
			ends[k[0]] |= 1 << (k[len(k)-1] % 64)
			live = append(live, k)
			near = append(near, int32(n))
		}
		for _, l := range byKey[j : j+n] {
			kinds[l.i] = kind
			num[l.i] = int32(len(live) - 1)
		}
		j += n
	}
	if len(live) == 0 {
		return false
	}
	// Past a few keys, a far line is looked up rather than compared with each.
	var index map[string]int32
	if len(live) > len(liveBuf) {
		index = make(map[string]int32, len(live))
		for id, k := range live {
			index[k] = int32(id)
		}
	}
	var countBuf [8]int32
	counts := countBuf[:0]
	counts = append(counts, make([]int32, len(live))...)
	for i := range kinds {
		switch kinds[i] {
		case textNearCand:
			counts[num[i]]++
		case textHeaderCand:
			kinds[i] = textOther
			t := trim(lines[i].Text)
			if ends[t[0]]&(1<<(t[len(t)-1]%64)) == 0 {
				break // no key opens and ends as t does
			}
			if index != nil {
				if id, ok := index[squeeze(t)]; ok {
					counts[id]++
					num[i] = id
					kinds[i] = textNearCand
				}
				break
			}
			k, squeezed := "", false
			for id, key := range live {
				if len(t) < len(key) || t[0] != key[0] || t[len(t)-1] != key[len(key)-1] {
					continue
				}
				if !squeezed {
					k, squeezed = squeeze(t), true
				}
				if k == key {
					counts[id]++
					num[i] = int32(id)
					kinds[i] = textNearCand
					break
				}
			}
		}
	}
	found := false
	for i := range kinds {
		if kinds[i] != textNearCand {
			continue
		}
		if id := num[i]; counts[id] >= textFurnitureRepeats && near[id] >= 2 && near[id] >= counts[id]-1 {
			kinds[i] = textRepeat
			found = true
		} else {
			kinds[i] = textOther
		}
	}
	return found
}

// headerLike reports whether a line can be a running header or footer: short, not opening in
// lower case as a continued sentence does, not closing on a sentence's punctuation — so that a
// formula repeated through the minutes ("… ACCEPTE CES PROPOSITIONS.") is not taken for one.
func headerLike(k string) bool {
	if len(k) > 120 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(k)
	if unicode.IsLower(r) {
		return false
	}
	return !endsSentence(k[len(k)-1])
}

// squeeze is strings.Join(strings.Fields(s), " "), without a copy for the usual line whose
// spaces are single ASCII spaces once its ends are trimmed (a line with a no-break space, which
// French puts before a colon, is copied once).
func squeeze(s string) string {
	s = trim(s)
	for i := 0; ; {
		// Eight bytes at a time: only a flagged byte can need a change (squeezeFlags), and a
		// flagged byte always starts a rune, so the code below takes it up in step. The last
		// bytes are read as the word that ends s (or all of a short s), without the flags of
		// the bytes before i.
		var m uint64
		switch {
		case i+9 <= len(s):
			t := s[i : i+9]
			w := load8(t)
			if m = squeezeFlags(w, t[8]); m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		case len(s) >= 8:
			j := len(s) - 8
			t := s[j:]
			w := load8(t)
			// nothing follows s's last byte; i-j is 0 to 8, and 1<<64 is 0 in Go
			if m = squeezeFlags(w, 0) &^ (1<<(8*(i-j)) - 1); m == 0 {
				return s
			}
			i = j + bits.TrailingZeros64(m)/8
		default:
			var w uint64
			for k := len(s) - 1; k >= 0; k-- {
				w = w<<8 | uint64(s[k])
			}
			// the zero bytes past s are flagged as controls: only s's own bytes count
			if m = squeezeFlags(w, 0) & (1<<(8*len(s)) - 1) &^ (1<<(8*i) - 1); m == 0 {
				return s
			}
			i = bits.TrailingZeros64(m) / 8
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && s[i+1] != ' ' || !asciiSpace(c) {
				i++ // a trimmed s does not end in a space: s[i+1] exists
				continue
			}
			return squeezeFrom(s, i)
		}
		if c >= 0xc3 && c <= 0xdf {
			// A two-byte rune past U+00BF (é, è, à, ç…): none is a space (U+0085 and U+00A0
			// open with C2). A lead byte without its continuation decodes as one RuneError.
			if i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
				i += 2
			} else {
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return squeezeFrom(s, i)
		}
		i += n
	}
}

// squeezeFlags marks (in the high bit of each byte) the bytes of the little-endian word w, which
// next follows, that squeeze must look at: a control character (the ASCII spaces but the space
// are among them), a space followed by a space, and the bytes that open every other space
// (U+0085 and U+00A0 open with C2, the others with E1, E2 or E3: every byte from E0 is marked).
// Borrows may mark a byte above a truly marked one, never below, so the lowest mark is exact.
// Marked bytes are never continuation bytes: each starts a rune.
func squeezeFlags(w uint64, next byte) uint64 {
	control := (w - 0x20*ones) &^ w & highs
	sp := w ^ 0x20*ones
	sp = (sp - ones) &^ sp & highs
	var after uint64
	if next == ' ' {
		after = 1 << 63
	}
	pairs := sp & (sp>>8 | after)
	high := w & (w << 1) & (w << 2) & highs // from E0
	c2 := w ^ 0xc2*ones
	c2 = (c2 - ones) &^ c2 & highs
	return control | pairs | high | c2
}

// squeezeFrom is squeeze of a trimmed s whose first i bytes need no change.
func squeezeFrom(s string, i int) string {
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	space := false // a space is owed before the next word
	if i > 0 && b[i-1] == ' ' {
		b, space = b[:i-1], true // the prefix's last space may be the first of a run
	}
	for i < len(s) {
		c := s[i]
		n := 1
		isSpace := false
		if c < utf8.RuneSelf {
			isSpace = asciiSpace(c)
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// asciiSpace reports whether c is an ASCII character that unicode.IsSpace accepts.
func asciiSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}

// mayRule is a necessary condition of ruleLine, tested first because ruleLine would otherwise
// run on every line: a rule opens and ends with one of its characters (a list item
// opening with a dash does not end with one).
func mayRule(k string) bool {
	if len(k) < textRuleMin {
		return false
	}
	first, last := k[0], k[len(k)-1]
	return (ruleByte(first) || first == 0xe2) && (ruleByte(last) || last == 0x93 || last == 0x94)
}

// ruleLine reports whether k is a drawn rule: textRuleMin runes or more, all of textRuleChars.
func ruleLine(k string) bool {
	n := 0
	for i := 0; i < len(k); n++ {
		if c := k[i]; c < utf8.RuneSelf {
			if !ruleByte(c) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(k[i:])
		if r == utf8.RuneError || !strings.ContainsRune(textRuleChars, r) {
			return false
		}
		i += size
	}
	return n >= textRuleMin
}

// trim is strings.TrimSpace, without the call for the usual line whose ends cannot be spaces:
// it opens with a printable ASCII character or a two-byte rune past U+00BF (lead C3 to DF;
// U+0085 and U+00A0 open with C2), and ends with a printable ASCII character, such a rune, or
// a continuation byte that ends no space (spaces end in 80 to 8A, 9F, A0, A8, A9 or AF).
func trim(s string) string {
	n := len(s)
	if n == 0 {
		return s
	}
	first, last := s[0], s[n-1]
	if (first > ' ' && first < utf8.RuneSelf || first >= 0xc3 && first <= 0xdf) &&
		(last > ' ' && last < utf8.RuneSelf || last&0xc0 == 0x80 && (!spaceLastByte(last) || n >= 2 && s[n-2] >= 0xc3 && s[n-2] <= 0xdf)) {
		return s
	}
	return strings.TrimSpace(s)
}

// spaceLastByte reports whether c ends the UTF-8 form of a space past ASCII (U+0085, U+00A0,
// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
func spaceLastByte(c byte) bool {
	return c >= 0x80 && c <= 0x8a || c == 0x9f || c == 0xa0 || c == 0xa8 || c == 0xa9 || c == 0xaf
}

// ruleByte reports whether c is one of the ASCII characters of textRuleChars.
func ruleByte(c byte) bool {
	switch c {
	case '_', '-', '=', '.', '*', '~', ' ':
		return true
	}
	return false
}

// endsSentence reports whether c is the punctuation that closes a sentence or a clause, which a
// running header does not end with.
func endsSentence(c byte) bool {
	return c == '.' || c == ',' || c == ';' || c == ':'
}

// mayPage is a necessary condition of textPageRE: a page-number line ends in a digit or a dash
// (the last byte of "–" and "—" included), and past a few characters it names a page.
func mayPage(k string) bool {
	if k == "" {
		return false
	}
	if !mayPageEnd(k[len(k)-1]) {
		return false
	}
	if hasPageWord(k) {
		return true
	}
	if len(k) > 40 {
		return false
	}
	// Without the word page, the line is a number alone: digits, spaces, dashes, a slash and
	// "sur" or "de" (a table row ending in a number fails here, before the pattern).
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '/':
		case strings.IndexByte("surdeSURDE", c) >= 0:
		case c == 0xe2 || c == 0x80 || c == 0x93 || c == 0x94: // the bytes of – and —
		case c == 0xc5 || c == 0xbf: // the bytes of ſ, which (?i) matches as s
		default:
			return false
		}
	}
	return true
}

// hasPageWord reports whether k holds "page" or "p." in any ASCII case.
func hasPageWord(k string) bool {
	i := 0
	for ; i+8 <= len(k); i += 8 {
		// Eight bytes at a time: m marks every p or P (and, past a true mark, perhaps another
		// byte); each mark is checked.
		t := k[i : i+8]
		w := load8(t)
		x := (w | 0x20*ones) ^ 'p'*ones
		for m := (x - ones) &^ x & highs; m != 0; m &= m - 1 {
			if pageWordAt(k, i+bits.TrailingZeros64(m)/8) {
				return true
			}
		}
	}
	for ; i < len(k); i++ {
		if pageWordAt(k, i) {
			return true
		}
	}
	return false
}

// pageWordAt reports whether "page" or "p." in any ASCII case starts at k[i].
func pageWordAt(k string, i int) bool {
	if k[i]|0x20 != 'p' || i+1 >= len(k) {
		return false
	}
	return k[i+1] == '.' || i+3 < len(k) && k[i+1]|0x20 == 'a' && k[i+2]|0x20 == 'g' && k[i+3]|0x20 == 'e'
}

// mayFurniture is a necessary condition for a line to be anything but textOther, on the line as
// it is (squeezing spaces changes neither its ends nor its emptiness): blank, a rule's first
// character, a page number's last, or a header's ends (headerLike). Most prose lines fail it
// and are neither copied nor counted.
func mayFurniture(t string) bool {
	t = trim(t)
	return t == "" || mayFurnitureTrimmed(t)
}

// mayFurnitureTrimmed is mayFurniture of a trimmed line that is not empty.
func mayFurnitureTrimmed(t string) bool {
	c := t[len(t)-1]
	if mayPageEnd(c) || mayRule(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return !unicode.IsLower(r) && !endsSentence(c)
}

// mayPageEnd reports whether c can end a page-number line: a digit or a dash (the last byte of
// "–" and "—" included).
func mayPageEnd(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == 0x93 || c == 0x94
}

// pageLine is a hand-written textPageRE.FindStringSubmatch(k): ok when k is a page-number
// line, with the label before the page word (group 1, "" when absent) and the page number
// (group 2). The pattern ran a backtracking search of up to 60 label runes on every line that
// ends in a digit. The choices below are those of the pattern's leftmost-first order: a
// leading dash takes all the spaces after it (with fewer, the label or the number would start
// on a space, which can only fail or repeat a try), the label is the shortest that lets the
// rest match, and the number and what follows it admit one reading only (see pageNumberEnd).
func pageLine(k string) (label, num string, ok bool) {
	p := 0
	if n := dashAt(k); n > 0 {
		p = n + spacesAt(k[n:])
	}
	q := p // end of the label
	for runes := 0; ; runes++ {
		r := q + spacesAt(k[q:])
		// \b before the page word: a word character on one side only
		if r < len(k) && textPageWordStart[k[r]] && (r > 0 && isWordByte(k[r-1])) != isWordByte(k[r]) {
			for _, w := range textPageWords {
				if n := foldPrefix(k[r:], w); n > 0 {
					j := r + n
					j += spacesAt(k[j:])
					if d := pageNumberEnd(k[j:]); d > 0 {
						return k[p:q], k[j : j+d], true
					}
				}
			}
		}
		if runes == textPageLabelMax || q == len(k) || k[q] == '\n' {
			break // the label is at most textPageLabelMax runes of one line
		}
		if k[q] < utf8.RuneSelf {
			q++
		} else {
			_, n := utf8.DecodeRuneInString(k[q:])
			q += n
		}
	}
	if d := pageNumberEnd(k[p:]); d > 0 {
		return "", k[p : p+d], true
	}
	return "", "", false
}

// textPageWordStart marks the bytes that a word of textPageWords can open with under (?i): the
// first bytes of the runes of its first rune's case-folding orbit. pageLine tries the words
// only there. (No word opens with U+FFFD, which a byte that is not UTF-8 would also match.)
var textPageWordStart = func() (set [256]bool) {
	for _, w := range textPageWords {
		r, _ := utf8.DecodeRuneInString(w)
		for f := r; ; {
			set[string(f)[0]] = true
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
	}
	return set
}()

// pageNumberEnd matches the end of a page-number line, `(\d{1,4})(?:\s*(?:/|sur|de)\s*\d{1,4})?
// (?:\s*[-–—])?$`, and returns the length of the number (group 2), 0 when t does not match. The
// digits are all taken: a run longer than four, or a shorter take, leaves a digit where no word
// of textPageOf, dash or end can start.
func pageNumberEnd(t string) int {
	d := digitsAt(t)
	if d == 0 || d > 4 {
		return 0
	}
	rest := t[d:]
	if dashEnd(rest) {
		return d
	}
	x := spacesAt(rest)
	for _, w := range textPageOf {
		if n := foldPrefix(rest[x:], w); n > 0 {
			y := x + n
			y += spacesAt(rest[y:])
			if e := digitsAt(rest[y:]); e > 0 && e <= 4 && dashEnd(rest[y+e:]) {
				return d
			}
		}
	}
	return 0
}

// dashEnd reports whether t is `(?:\s*[-–—])?$`: empty, or spaces and a dash.
func dashEnd(t string) bool {
	if t == "" {
		return true
	}
	x := spacesAt(t)
	n := dashAt(t[x:])
	return n > 0 && x+n == len(t)
}

// dashAt returns the length of the dash of textPageDashes that t opens with, 0 if none.
func dashAt(t string) int {
	if t == "" {
		return 0
	}
	if t[0] < utf8.RuneSelf {
		if strings.IndexByte(textPageDashes, t[0]) >= 0 {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(t)
	if r != utf8.RuneError && strings.ContainsRune(textPageDashes, r) {
		return n
	}
	return 0
}

// spacesAt returns the length of the run of \s (ASCII tab, newline, form feed, carriage
// return, space: the pattern's class) that t opens with.
func spacesAt(t string) int {
	i := 0
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\f' || t[i] == '\r') {
		i++
	}
	return i
}

// digitsAt returns the length of the run of ASCII digits (\d) that t opens with.
func digitsAt(t string) int {
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i
}

// isWordByte reports whether c is an ASCII word character (\w, which \b looks at); the bytes of
// other runes are all past ASCII.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// foldPrefix returns the length of the prefix of t that w matches under (?i) — rune by rune,
// within a simple case-folding orbit, so that "ſ" matches "s" — and 0 when it does not match.
func foldPrefix(t, w string) int {
	i := 0
	for _, wr := range w {
		if i >= len(t) {
			return 0
		}
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:])
		}
		if r != wr && !sameFold(r, wr) {
			return 0
		}
		i += n
	}
	return i
}

// sameFold reports whether r is in the simple case-folding orbit of w.
func sameFold(r, w rune) bool {
	if r < utf8.RuneSelf && w < utf8.RuneSelf {
		// ASCII orbits meet only as upper and lower case of a letter
		return r|0x20 == w|0x20 && r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	for f := unicode.SimpleFold(w); f != w; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}
