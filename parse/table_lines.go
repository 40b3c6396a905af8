package parse

import (
	"strings"
	"unicode/utf8"
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
		rows := make([]uint8, len(d.lines))
		for i, l := range d.lines {
			rows[i] = byteFacts(l.Text)
		}
		d.flatMemo = &flatMemo{rows: rows}
	}
	return d.flatMemo.rows
}

// byteFacts reads the byte facts of one line.
func byteFacts(text string) uint8 {
	var st uint8
	tab, pipe, lead, pair := scanLine(text)
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
	// Without the lead byte of one of its spaces (0xc2 or 0xe2), hasUnicodeSpace is false;
	// without two neighbouring bytes below '!', hasGap is.
	if lead && hasUnicodeSpace(text) {
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
