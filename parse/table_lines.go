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
	if text == "" || text[0] >= utf8.RuneSelf || isFoldSpace(text[0]) {
		if strings.TrimSpace(text) == "" {
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
	} else if pair && hasGap(strings.TrimSpace(text)) {
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
	return strings.TrimSpace(text), st&lineGap != 0
}
