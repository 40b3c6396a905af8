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
	if strings.IndexByte(text, '\t') >= 0 {
		st |= lineTab
	}
	if strings.IndexByte(text, '|') >= 0 {
		st |= linePipe
	}
	// Most lines open with a byte TrimSpace keeps: they are not blank, told without trimming.
	if text == "" || text[0] >= utf8.RuneSelf || isFoldSpace(text[0]) {
		if strings.TrimSpace(text) == "" {
			st |= lineBlank
		}
	}
	if hasUnicodeSpace(text) {
		st |= lineUspace
		if _, gap := gapText(text); gap {
			st |= lineGap
		}
	} else if hasGap(text) && hasGap(strings.TrimSpace(text)) {
		// gapText trims the line, which may only lose a gap: a line without one has none
		// once trimmed (most lines), told without trimming it.
		st |= lineGap
	}
	return st
}

// gapTextBits is gapText(text) for a line whose facts st are known: without a Unicode space,
// gapText only trims the line, and its gap is read already.
func gapTextBits(text string, st uint8) (string, bool) {
	if st&lineUspace != 0 {
		return gapText(text)
	}
	return strings.TrimSpace(text), st&lineGap != 0
}
