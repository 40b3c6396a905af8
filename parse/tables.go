package parse

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tables are read in three steps: find blocks of tabular lines (tab-separated cells, or
// columns aligned with runs of spaces in PDF and OCR text), read each block's rows (title,
// section headings, header rows, data rows with wrapped labels), then check the arithmetic
// (table_check.go). A block that does not hold numbers, or whose shape cannot be told from
// prose, is left alone: its lines stay prose.

// Vocabulary of tables, matched on folded text (lower case, no accents).
var (
	// Heading rows inside a table: budget sections. A row holding only one of these starts a
	// new table entry with that section.
	reTableSection = mustRx(`^(?:[0-9ivx.]+\s*[-.)]?\s*)?(?:section\s+(?:de\s+|d'\s*)?)?(?:depenses|recettes|fonctionnement|investissement|exploitation|charges|produits)(?:\s+(?:de\s+|d'\s*)?(?:la\s+section\s+(?:de\s+|d'\s*)?)?(?:fonctionnement|investissement|exploitation))?\s*:?$`)
	// Total rows: "Total général", "Totaux", a bare "Total" close the table.
	reTableTotal = mustRx(`^(?:totaux|total(?:\s+general|\s+des\s+budgets|\s+cumule)?|montant\s+total|total\s+ttc|total\s+ht)\s*:?$`)
	// Subtotal rows: "Total Investissement", "Sous-total", "S/total".
	reTableSubtotal = mustRx(`^(?:sous[- ]?totale?|s/total|total|totaux)\b`)

	// The labels of a total row, as reTableTotal reads them: their words are apart by white
	// space (\s+), and white space and a colon may follow them (totalLabel reads them).
	totalLabels = [][]string{
		{"totaux"}, {"total"}, {"total", "general"}, {"total", "des", "budgets"}, {"total", "cumule"},
		{"montant", "total"}, {"total", "ttc"}, {"total", "ht"},
	}
	// What the label of a subtotal row opens with, as reTableSubtotal reads it (each form of
	// its optional parts spelt out), before the end of a word (subtotalLabel reads them).
	subtotalOpeners = []string{
		"sous-totale", "sous totale", "soustotale", "sous-total", "sous total", "soustotal",
		"s/total", "total", "totaux",
	}
	// Header cells that name the code column and the label column.
	reHeaderCode  = mustRx(`^(?:code|chap(?:itre|\.)?|art(?:icle|\.)?|compte|c/|n°|no|imputation|nature|fonction|ligne)s?$`)
	reHeaderLabel = mustRx(`^(?:libelles?|designations?|intitules?|objet|nature|postes?|operations?|comptes?|chapitres?|articles?|annees?|exercices?|fonctions?)\b`)
)

// tableLine is one line of a block, split into cells.
type tableLine struct {
	idx   int // index in d.lines
	cells []string
	tabs  bool // cells came from tabs, not from runs of spaces
}

// tables reads the tables of the document (budget and other).
func (d *doc) tables() {
	var last carried
	ts := d.tabs()
	cc := &ts.cells
	cc.reset(d.cellHint(d.lineBits()))
	// The tables are read into the scratch's buffer and copied into the record at once: the
	// record's array is then made once, at its size, rather than grown block by block.
	buf := ts.tables[:0]
	for _, blk := range d.tableBlocks(cc) {
		buf, last = d.readBlock(buf, blk, last, cc)
	}
	n := len(buf)
	buf = d.flatTables(buf)
	ts.tables = buf
	d.rec.Tables = append(d.rec.Tables, buf...)
	if len(buf) > n {
		sort.SliceStable(d.rec.Tables, func(a, b int) bool {
			pa, pb := d.rec.Tables[a].Pos, d.rec.Tables[b].Pos
			return pa.Page < pb.Page || pa.Page == pb.Page && pa.Line < pb.Line
		})
	}
}

// cellHint is the room the document's cell cache starts with: two distinct cells a tabbed line
// with a digit (the rows of tables in text), which spares the table most of its growth. Other
// documents (space-aligned columns, Markdown, no table) start with the smallest table.
func (d *doc) cellHint(bits []uint8) int {
	n := 0
	for i, st := range bits {
		if st&lineTab != 0 && hasDigit(d.lines[i].Text) {
			n += 2
		}
	}
	return min(n, 256)
}

// carried is what a table hands to the block that follows it: a table broken by a line of
// prose or a page (a note under a row, a heading row the extraction left without columns) goes
// on under the same header.
type carried struct {
	header []string
	title  *string
	end    int // index of the block's last line; 0 when the block was not a table
}

// reHeadingNumber opens a numbered heading: "6.5.2 Panneau Pocket", "II. Finances", "3) Budget".
var reHeadingNumber = mustRx(`^\s*(?:\d+(?:\.\d+)*[.)]?|[IVX]+[.)])\s+\p{L}`)

// maxCarry is how many lines apart two blocks may be and still be one table.
const maxCarry = 4

// tableBlocks finds the runs of consecutive tabular lines. A blank line or a line of prose
// ends a block, so a table never swallows the paragraph that follows it.
func (d *doc) tableBlocks(cc cellCache) [][]tableLine {
	// The blocks' lines go one after the other into the scratch's buffer (one block is open at
	// a time), each block cut from it when it ends: a block grown line by line would leave
	// behind every array it outgrew. The lines of the block open are lines[start:].
	ts := d.tabs()
	blocks, lines := ts.blocks[:0], ts.lines[:0]
	start := 0
	// The lines' cells are cut from one buffer too: each line's are appended to it, then cut.
	strs := ts.strs[:0]
	cut := func(at int) []string { return strs[at:len(strs):len(strs)] }
	flush := func() {
		if len(lines) > start {
			blocks = append(blocks, lines[start:len(lines):len(lines)])
		}
		start = len(lines)
	}
	bits := d.lineBits()
	for i, st := range bits {
		open := len(lines) > start
		if !open && st&(lineTab|linePipe|lineGap) == 0 {
			// No block open and no columns: every case below passes the line (most lines).
			continue
		}
		text := d.lines[i].Text
		switch {
		case open && strings.Contains(text, "---") && reMarkdownRule.MatchString(text):
			// The rule under the header of a Markdown table (OCR output).
			continue
		case st&linePipe != 0 && markdownPipes(text): // markdownRow
			at := len(strs)
			strs = appendPipes(strs, text)
			lines = append(lines, tableLine{idx: i, cells: cut(at), tabs: true})
		case st&lineTab != 0 && !cc.numbered(text):
			at := len(strs)
			strs = appendTabs(strs, text)
			lines = append(lines, tableLine{idx: i, cells: cut(at), tabs: true})
		default:
			// The line is split once for both readings (splitSpaces, splitHeaderSpaces), its
			// cells read through the cache that reads the blocks next.
			if st&lineGap != 0 && !isBullet(text) {
				s, _ := gapTextBits(text, st)
				// Split on the stack: only the cells of a row are kept.
				var buf [maxStackCells]string
				cells := splitGapsInto(buf[:0], s)
				if spaceRow(cells, cc) {
					at := len(strs)
					strs = append(strs, cells...)
					lines = append(lines, tableLine{idx: i, cells: cut(at)})
					continue
				}
				// A header of space-aligned columns is kept when a row follows it.
				if headerRow(cells, cc) && i+1 < len(d.lines) {
					if _, next := splitSpaces(d.lines[i+1].Text); next {
						at := len(strs)
						strs = append(strs, cells...)
						lines = append(lines, tableLine{idx: i, cells: cut(at)})
						continue
					}
				}
			}
			// A blank line between two rows of the same width (a row the extraction merged
			// from a wrapped cell leaves one) does not end the block.
			if open && st&lineBlank != 0 && d.rowGap(i, lines[len(lines)-1]) {
				continue
			}
			// Inside a block, a short line without columns is a label or header wrapped over
			// two lines, or a heading row (Recettes) whose cells the extraction merged.
			if open && d.wrappedCell(i) {
				strs = append(strs, trimSpace(text))
				lines = append(lines, tableLine{idx: i, cells: cut(len(strs) - 1), tabs: lines[start].tabs})
				continue
			}
			flush()
		}
	}
	flush()
	ts.blocks, ts.lines, ts.strs = blocks, lines, strs
	return blocks
}

// Markdown tables, as OCR tools write them: "| Chapitre | Libellé | Montant |" rows and a
// "|---|:---:|" rule under the header.
var (
	reMarkdownRow  = mustRx(`^\s*\|.*\|.*\|\s*$`)
	reMarkdownRule = mustRx(`^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$`)
)

// markdownRow reports whether a line is a row of a Markdown table.
func markdownRow(text string) bool {
	return strings.IndexByte(text, '|') >= 0 && markdownPipes(text)
}

// markdownPipes is reMarkdownRow.MatchString read by hand, for the lines that hold a pipe:
// `^\s*\|.*\|.*\|\s*$` is a pipe first and last past the white space, another between
// them, and no newline between them ('.' does not match one). FuzzMarkdownPipes checks both
// agree.
func markdownPipes(s string) bool {
	i := 0
	for i < len(s) && isGapSpace(s[i]) {
		i++
	}
	if i == len(s) || s[i] != '|' {
		return false
	}
	j := len(s)
	for j > i && isGapSpace(s[j-1]) {
		j--
	}
	if j-1 <= i || s[j-1] != '|' {
		return false
	}
	mid := s[i+1 : j-1]
	return strings.IndexByte(mid, '|') >= 0 && strings.IndexByte(mid, '\n') < 0
}

// splitPipes splits a Markdown table row into trimmed cells, without the outer pipes.
func splitPipes(line string) []string { return appendPipes(nil, line) }

// appendPipes is splitPipes appending the cells to dst.
func appendPipes(dst []string, line string) []string {
	s := trimSpace(line)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "|"), "|")
	return appendCells(dst, s, '|')
}

// reNumbering is the number or bullet of a heading or a list item ("6.5.2", "1.", "II", "a)",
// "–"), which text extraction separates from its text by a tab. numberingCell reads it by
// hand (its bullets are bulletMarks); the pattern is its reference.
var reNumbering = mustRx(`^(?:\d+(?:\.\d+)*\.?|[IVX]+\.?|[A-Za-z][.)]|[-–—•*·➢✓▪►\x{f0b7}\x{f0d8}\x{f0a7}\x{f0fc}])$`)

// numberedLine reports whether a tab-separated line is a numbered heading or a list item: a
// number or bullet, then words (no amounts), not a row of a table.
func numberedLine(text string) bool { return cellCache(nil).numbered(text) }

// numbered is numberedLine reading the cells through the cache: the rows of a budget table
// open with a code that reads as a number, so their cells are all read here first.
func (cc cellCache) numbered(text string) bool {
	// The cells are walked in place, without splitting the line: every tab-separated line of
	// a document comes here, and most fail on their first cell.
	rest, more := text, true
	first := ""
	for first == "" {
		if !more {
			return false
		}
		var c string
		c, rest, more = strings.Cut(rest, "\t")
		first = trimSpace(c)
	}
	if !more || !numberingCell(first) {
		return false
	}
	words := 0
	for more {
		var c string
		c, rest, more = strings.Cut(rest, "\t")
		if c = trimSpace(c); c == "" {
			continue
		}
		if cc.isNumber(c) {
			return false
		}
		words++
	}
	return words > 0
}

// wrappedCell reports whether line i, a line without columns inside a block, belongs to the
// block: short, not a sentence, and followed (after at most a few such lines: a label wrapped
// over several lines, one blank line apart at most) by another line of the block — or, at the
// end of the block, the lowercase end of the last row's label.
func (d *doc) wrappedCell(i int) bool {
	for j, n := i, 0; j < len(d.lines) && n < 4; j, n = j+1, n+1 {
		s := trimSpace(d.lines[j].Text)
		if s == "" || strings.Contains(s, "\t") {
			return false
		}
		if !isText(s) && !isYear(s) {
			return false
		}
		if utf8.RuneCountInString(s) > 60 || strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...") || isBullet(d.lines[j].Text) {
			return false
		}
		next := d.nextLine(j)
		if next < 0 {
			// One blank line (a vertical gap the PDF extraction kept) may separate the pieces
			// of a row; two end the block.
			if j+2 < len(d.lines) && trimSpace(d.lines[j+1].Text) == "" && trimSpace(d.lines[j+2].Text) != "" {
				next = j + 2
			} else {
				r, _ := utf8.DecodeRuneInString(s)
				return j == i && unicode.IsLower(r) && utf8.RuneCountInString(s) <= 40
			}
		}
		if d.tabular(next) {
			return true
		}
		j = next - 1
	}
	return false
}

// nextLine returns the index of the line after i; -1 at the end of the text or of a
// paragraph.
func (d *doc) nextLine(i int) int {
	if i+1 < len(d.lines) && trimSpace(d.lines[i+1].Text) != "" {
		return i + 1
	}
	return -1
}

// tabular reports whether line i has columns: tabs, pipes, or a row of space-aligned text.
func (d *doc) tabular(i int) bool {
	t := d.lines[i].Text
	if markdownRow(t) || (strings.Contains(t, "\t") && !numberedLine(t)) {
		return true
	}
	_, ok := splitSpaces(t)
	return ok
}

// rowGap reports whether blank line i sits inside a block: between two data rows of the same
// width, or between a header and a data row that fits it (PDF extraction leaves a blank line
// where rows are far apart).
func (d *doc) rowGap(i int, last tableLine) bool {
	if i+1 >= len(d.lines) || trimSpace(d.lines[i+1].Text) == "" {
		return false
	}
	if !d.tabular(i + 1) {
		// A piece of a wrapped label after the gap, when the block goes on below it.
		return d.wrappedCell(i + 1)
	}
	next := d.lines[i+1].Text
	var cells []string
	if strings.Contains(next, "\t") {
		cells = splitTabs(next)
	} else {
		cells, _ = splitSpaces(next)
	}
	if lineShape(cells) != shapeData {
		return false
	}
	n, m := len(trimCells(cells)), len(trimCells(last.cells))
	switch lineShape(last.cells) {
	case shapeData, shapeSingle:
		return true
	case shapeText:
		return n == m || n == m+1
	}
	return false
}
