package parse

import (
	"strings"
	"unicode/utf8"

	"minutes/extract"
)

// The table readers (tableBlocks, flatBlocks, stackBlocks, isTableLine) each walk every line of
// the document and ask the same byte questions of it: does it hold a tab, a pipe, is it blank,
// does it hold a column gap. The answers are read once per document, in one pass over each
// line, and kept with the bits flatRowLines keeps (flatMemo.rows).

// The facts of a line's bytes, beside lineRow and the lineTab* bits of flatRowLines.
const (
	linePipe   = 1 << (iota + 4) // the line holds a '|'
	lineBlank                    // strings.TrimSpace(text) == ""
	lineUspace                   // hasUnicodeSpace(text): gapText replaces spaces in it
	lineGap                      // gapText(text) finds a column gap
)

// lineBits returns the byte facts of every line (lineTab, linePipe, lineBlank, lineUspace,
// lineGap), read on first use; flatRowLines adds its own bits to the same slice later.
func (d *doc) lineBits() []uint8 {
	if d.flatMemo == nil {
		text := ""
		if d.src != nil {
			text = d.src.Decoded
		}
		// The memo is the scratch's (its buffers sized by earlier documents), emptied here.
		m := &d.tabs().flat
		m.reset()
		m.rows = readLineBitsInto(m.rows, d.lines, text)
		d.flatMemo = m
	}
	return d.flatMemo.rows
}

// byteFacts reads the byte facts of one line.
func byteFacts(text string) uint8 {
	tab, pipe, lead, pair := scanLine(text)
	// Without the lead byte of one of its spaces (0xc2 or 0xe2), hasUnicodeSpace is false.
	return lineFacts(text, tab, pipe, lead && hasUnicodeSpace(text), pair)
}

// lineFacts is byteFacts once the bytes of text are read: whether it holds a tab, a pipe, a
// space of hasUnicodeSpace (uspace) and two neighbouring bytes below '!' (pair).
func lineFacts(text string, tab, pipe, uspace, pair bool) uint8 {
	var st uint8
	if tab {
		st |= lineTab
	}
	if pipe {
		st |= linePipe
	}
	// Most lines open with a byte TrimSpace keeps: they are not blank, told without trimming.
	// Beyond ASCII, only the lead bytes of white space (spaceLead) may open a blank line: a
	// line opening with another ("é", "«") keeps its first rune, or an invalid byte.
	if text == "" || isFoldSpace(text[0]) || text[0] >= utf8.RuneSelf && spaceLead(text[0]) {
		if trimSpace(text) == "" {
			st |= lineBlank
		}
	}
	// Without two neighbouring bytes below '!', hasGap is false.
	if uspace {
		st |= lineUspace
		if _, gap := gapText(text); gap {
			st |= lineGap
		}
	} else if pair && hasGap(trimSpace(text)) {
		// gapText trims the line, which may only lose a gap: the gap of the trimmed line is
		// the answer, and a line without two low bytes side by side has none to lose.
		st |= lineGap
	}
	return st
}

// readLineBits is byteFacts of every line. The lines of a text file are runs of its decoded
// text (src, extract.Source.Decoded), each parted from the next by a newline or a form feed:
// the bytes the facts depend on are then looked for over src, where the next of each lies, by
// strings.IndexByte and strings.Index, rather than line by line (scanLine reads every byte of
// every line). Only the bytes count: a line is read so where src holds the same bytes at the
// place found for it (placeLine); any other line (cleaned of control characters, or of a PDF,
// where src is empty) is read by byteFacts. FuzzReadLineBits checks both agree.
func readLineBits(lines []extract.Line, src string) []uint8 {
	return readLineBitsInto(nil, lines, src)
}

// readLineBitsInto is readLineBits in buf, grown to the lines when it has not room for them.
func readLineBitsInto(buf []uint8, lines []extract.Line, src string) []uint8 {
	rows := cleared(buf, len(lines))
	if src == "" || !readSrcBits(rows, lines, src) {
		for i, l := range lines {
			rows[i] = byteFacts(l.Text)
		}
	}
	return rows
}

// readSrcBits is readLineBits over src. A gap (hasGap) is two neighbouring gap spaces (' ',
// '\t', '\n', '\f', '\r'): a line may hold one only where it holds two spaces side by side, a
// tab or a carriage return, told by where the next of each lies in src, or a newline or a form
// feed, which the lines of a text file never hold. That is made sure at the end, not line by
// line: every newline and form feed of src must lie outside the lines found in it; false when
// one does not, and the rows are then wrong.
func readSrcBits(rows []uint8, lines []extract.Line, src string) bool {
	nx := srcNext{tab: -1, pipe: -1, cr: -1, dbl: -1, nbsp: -1, thin: -1}
	next := -1         // the first of nx's places: most lines end before it
	at, breaks := 0, 0 // where the next line should open; newlines and form feeds outside lines
	misses := 0        // lines not found in a row
	rows = rows[:len(lines)]
	for i := range lines {
		t := lines[i].Text
		o := at
		if at > len(src) || len(t) > len(src)-at || t != "" && src[at:at+len(t)] != t {
			if o = placeLine(src, at, t, &misses); o < 0 {
				rows[i] = byteFacts(t)
				continue
			}
			// The bytes skipped lie in no line (the first line has no byte before it).
			breaks += countBreaks(src[max(at-1, 0):o])
		} else if at > 0 {
			// The byte that parts the line from the one before.
			if c := src[at-1]; c == '\n' || c == '\f' {
				breaks++
			}
		}
		e := o + len(t)
		at = e + 1
		if next < o {
			next = nx.from(src, o)
		}
		var st uint8
		if next < e {
			st = nx.facts(t, e)
		} else if t == "" {
			st = lineBlank
		} else if isFoldSpace(t[0]) || t[0] >= utf8.RuneSelf && spaceLead(t[0]) {
			// No byte of the line is one of nx's: it may only be blank (see lineFacts).
			if trimSpace(t) == "" {
				st = lineBlank
			}
		}
		rows[i] = st
	}
	breaks += countBreaks(src[min(max(at-1, 0), len(src)):])
	return breaks == countBreaks(src)
}

// srcNext holds where the next of each of the bytes readSrcBits looks for lies in src, at or
// after the line read (-1 before the first search, len(src) past the last one). Lines come in
// the order of src, so each place only moves forward.
type srcNext struct {
	tab, pipe, cr int // '\t', '|', '\r'
	dbl           int // two spaces
	nbsp          int // C2 A0 (U+00A0)
	thin          int // see nextThinSpace
}

// from moves the places before o to the next at or after it, and returns the first of all.
func (nx *srcNext) from(src string, o int) int {
	if nx.tab < o {
		nx.tab = indexFrom(src, o, '\t')
	}
	if nx.pipe < o {
		nx.pipe = indexFrom(src, o, '|')
	}
	if nx.cr < o {
		nx.cr = indexFrom(src, o, '\r')
	}
	if nx.dbl < o {
		nx.dbl = nextDouble(src, o)
	}
	if nx.nbsp < o {
		nx.nbsp = len(src)
		if k := strings.Index(src[o:], "\u00a0"); k >= 0 {
			nx.nbsp = o + k
		}
	}
	if nx.thin < o {
		nx.thin = nextThinSpace(src, o)
	}
	return min(nx.tab, nx.pipe, nx.cr, nx.dbl, nx.nbsp, nx.thin)
}

// facts is byteFacts of the line t ending at e in src, its places read (from).
func (nx *srcNext) facts(t string, e int) uint8 {
	// hasUnicodeSpace(t): C2 A0, or E2 80 followed by 87, 89 or AF, whole within t.
	uspace := nx.nbsp+2 <= e || nx.thin+3 <= e
	return lineFacts(t, nx.tab < e, nx.pipe < e, uspace, nx.dbl < e || nx.tab < e || nx.cr < e)
}

// countBreaks counts the newlines and form feeds of s.
func countBreaks(s string) int {
	return strings.Count(s, "\n") + strings.Count(s, "\f")
}

// indexFrom returns the first c at or after o in src, len(src) if none.
func indexFrom(src string, o int, c byte) int {
	if k := strings.IndexByte(src[o:], c); k >= 0 {
		return o + k
	}
	return len(src)
}

// Bounds of nextDouble's first looks. strings.Index of two bytes steps from one space to the
// next with IndexByte before it compares pairs sixteen bytes a step; in French prose a space
// comes every few bytes, and that start costs more than the rest of the search when the next
// two spaces lie a line or two on (the rows of a table). A text of up to 64 bytes
// (bytealg.MaxBruteForce) goes to the pair compare at once.
const (
	doubleWindow = 64 // bytes of a look
	doubleLooks  = 2  // looks before the rest of src is searched at once
)

// nextDouble returns where the first two neighbouring spaces at or after o lie in src,
// len(src) if none: strings.Index(src[o:], "  ") from o, looking first at a few windows of
// src, each opening on the last byte of the one before so that no pair is cut.
func nextDouble(src string, o int) int {
	p := o
	for range doubleLooks {
		w := src[p:min(len(src), p+doubleWindow)]
		if k := strings.Index(w, "  "); k >= 0 {
			return p + k
		}
		if len(w) < doubleWindow {
			return len(src)
		}
		p += doubleWindow - 1
	}
	if k := strings.Index(src[p:], "  "); k >= 0 {
		return p + k
	}
	return len(src)
}

// nextThinSpace returns where the first E2 80 87, E2 80 89 or E2 80 AF (U+2007, U+2009,
// U+202F: the spaces of hasUnicodeSpace past C2 A0) at or after o opens in src, len(src) if
// none.
func nextThinSpace(src string, o int) int {
	for p := o; ; p++ {
		k := strings.IndexByte(src[p:], 0xe2)
		if k < 0 || p+k+2 >= len(src) {
			return len(src)
		}
		p += k
		if src[p+1] == 0x80 {
			if c := src[p+2]; c == 0x87 || c == 0x89 || c == 0xaf {
				return p
			}
		}
	}
}

// Bounds of placeLine's search for a line not where the one before it ends: the running
// headers of a text file (page furniture) are taken out of its lines, and a line cleaned of
// control characters is nowhere in src.
const (
	placeWindow = 1024 // bytes searched past the end of the line before
	placeMisses = 16   // lines in a row not found before src is given up
)

// placeLine returns where t lies in src at or after at, when it is not at at: a little
// further when lines were left out before it; -1 when it is not found there. misses counts
// the lines not found in a row.
func placeLine(src string, at int, t string, misses *int) int {
	if *misses >= placeMisses || at >= len(src) {
		return -1
	}
	if k := strings.Index(src[at:min(len(src), at+len(t)+placeWindow)], t); k >= 0 {
		*misses = 0
		return at + k
	}
	*misses++
	return -1
}

// scanLine reads a line's bytes once for byteFacts: whether it holds a tab, a pipe, a byte
// 0xc2 or 0xe2 (the lead bytes of the spaces hasUnicodeSpace looks for), and two neighbouring
// bytes below '!' (the gap spaces are among them). Every line of every document comes here:
// it reads sixteen bytes a step, where strings.IndexByte, hasUnicodeSpace and hasGap each
// walked the line; the compiler makes each wide constant once a step, not once a word.
// FuzzScanLine checks it against scanLineRef, FuzzByteFacts through byteFacts.
func scanLine(s string) (tab, pipe, lead, pair bool) {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	if len(s) < 8 {
		low := false // the byte before was below '!'
		for i := 0; i < len(s); i++ {
			c := s[i]
			tab = tab || c == '\t'
			pipe = pipe || c == '|'
			lead = lead || c|0x20 == 0xe2
			pair = pair || low && c < '!'
			low = c < '!'
		}
		return tab, pipe, lead, pair
	}
	// The accumulators: for tp and l, a byte of (v-ones)&^v has its high bit set where v has a
	// zero byte, or above one (a borrow), so that the high bits say whether any byte of the
	// line was a tab or a pipe (few lines: which one is asked then), or 0xc2 or 0xe2 (which
	// differ by bit 5 alone). The high bit of a byte of n is clear where the byte is below
	// '!' (see hasGap); g keeps, ANDed, those of n|n<<8: a clear one marks a byte below '!'
	// after another (carry stands for the byte before the word, none before the first).
	var tp, l uint64
	g, carry := uint64(highs), uint64(0x80)
	i := 0
	for ; i+16 <= len(s); i += 16 {
		x, y := leWord(s[i:i+8]), leWord(s[i+8:i+16])
		n, m := (x&low7+0x5f*ones)|x, (y&low7+0x5f*ones)|y
		g &= (n | n<<8 | carry) & (m | m<<8 | n>>56)
		carry = m >> 56
		xt, xp, xl := x^(ones*'\t'), x^(ones*'|'), (x|ones*0x20)^(ones*0xe2)
		yt, yp, yl := y^(ones*'\t'), y^(ones*'|'), (y|ones*0x20)^(ones*0xe2)
		tp |= (xt-ones)&^xt | (xp-ones)&^xp | (yt-ones)&^yt | (yp-ones)&^yp
		l |= (xl-ones)&^xl | (yl-ones)&^yl
	}
	if i+8 <= len(s) {
		x := leWord(s[i : i+8])
		n := (x&low7 + 0x5f*ones) | x
		g &= n | n<<8 | carry
		xt, xp, xl := x^(ones*'\t'), x^(ones*'|'), (x|ones*0x20)^(ones*0xe2)
		tp |= (xt-ones)&^xt | (xp-ones)&^xp
		l |= (xl - ones) &^ xl
		i += 8
	}
	if i < len(s) {
		// The last eight bytes, over some read already: every neighbouring pair of them is
		// one of the line's, and the pair across the last word read is among them.
		x := leWord(s[len(s)-8:])
		n := (x&low7 + 0x5f*ones) | x
		g &= n | n<<8 | 0x80
		xt, xp, xl := x^(ones*'\t'), x^(ones*'|'), (x|ones*0x20)^(ones*0xe2)
		tp |= (xt-ones)&^xt | (xp-ones)&^xp
		l |= (xl - ones) &^ xl
	}
	if tp&highs != 0 {
		tab, pipe = strings.IndexByte(s, '\t') >= 0, strings.IndexByte(s, '|') >= 0
	}
	return tab, pipe, l&highs != 0, g&highs != highs
}

// gapTextBits is gapText(text) for a line whose facts st are known: without a Unicode space,
// gapText only trims the line, and its gap is read already.
func gapTextBits(text string, st uint8) (string, bool) {
	if st&lineUspace != 0 {
		return gapText(text)
	}
	return trimSpace(text), st&lineGap != 0
}

// trimSpace is strings.TrimSpace(s) for the table readers' lines, which trim every line they
// read, many of them ending in a letter beyond ASCII (é, €), where TrimSpace decodes the runes
// at the end to test them. ASCII white space is trimmed byte by byte, and TrimSpace only runs
// when an end opens or closes with the UTF-8 of a white space beyond ASCII (U+0085, U+00A0,
// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), read exactly: a rune
// decodes so from either end whatever bytes stand beside it. FuzzTrimSpace checks both agree.
func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && isFoldSpace(s[i]) {
		i++
	}
	for j > i && isFoldSpace(s[j-1]) {
		j--
	}
	if i < j && (s[i] >= utf8.RuneSelf && spaceOpens(s[i:j]) || s[j-1] >= utf8.RuneSelf && spaceCloses(s[i:j])) {
		return strings.TrimSpace(s[i:j])
	}
	return s[i:j]
}

// spaceRune reports whether the two or three bytes of a rune, its lead byte a and the
// continuation bytes b and c (c is 0 for a rune of two), are the UTF-8 of a white space beyond
// ASCII.
func spaceRune(a, b, c byte) bool {
	switch a {
	case 0xc2:
		return c == 0 && (b == 0x85 || b == 0xa0)
	case 0xe1:
		return b == 0x9a && c == 0x80
	case 0xe2:
		return b == 0x80 && (c <= 0x8a && c >= 0x80 || c == 0xa8 || c == 0xa9 || c == 0xaf) || b == 0x81 && c == 0x9f
	case 0xe3:
		return b == 0x80 && c == 0x80
	}
	return false
}

// spaceOpens reports whether t opens with a white space beyond ASCII.
func spaceOpens(t string) bool {
	switch {
	case len(t) >= 2 && t[0] == 0xc2:
		return spaceRune(t[0], t[1], 0)
	case len(t) >= 3:
		return spaceRune(t[0], t[1], t[2])
	}
	return false
}

// spaceCloses reports whether t ends with a white space beyond ASCII.
func spaceCloses(t string) bool {
	n := len(t)
	if n >= 2 && t[n-2] == 0xc2 {
		return spaceRune(t[n-2], t[n-1], 0)
	}
	return n >= 3 && spaceRune(t[n-3], t[n-2], t[n-1])
}
