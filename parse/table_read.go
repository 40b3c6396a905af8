package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// rowShape is how a line of a block reads.
type rowShape int

const (
	shapeEmpty  rowShape = iota // no cell holds anything
	shapeSingle                 // one cell of words: a title, a section heading or a wrapped label
	shapeText                   // several cells, all words: a header, or a row without numbers
	shapeData                   // a row with at least one number after its label
)

// lineShape classifies the cells of a line.
func lineShape(cells []string) rowShape { return cellCache(nil).shape(cells) }

// shape is lineShape reading the cells through the cache.
func (cc cellCache) shape(cells []string) rowShape {
	nonEmpty, numbers, bare := 0, 0, 0
	label := -1
	for i, c := range cells {
		if c == "" {
			continue
		}
		nonEmpty++
		if label < 0 {
			if isCode(c) && hasTextAfter(cells, i) {
				continue
			}
			if isText(c) {
				label = i
			} else if cc.isNumber(c) {
				bare++
			}
			continue
		}
		if cc.isNumber(c) {
			numbers++
		}
	}
	if numbers > 0 && label >= 0 && yearHeader(cells, label) {
		// "Libellé	2023	2024": years naming the columns.
		return shapeText
	}
	switch {
	case nonEmpty == 0:
		return shapeEmpty
	case numbers > 0 || (label < 0 && bare >= 2 && bare == nonEmpty):
		// A row of numbers without a label is a row whose label the extraction put on the
		// lines around it (a label centred on a cell of several lines).
		return shapeData
	case nonEmpty == 1:
		return shapeSingle
	default:
		return shapeText
	}
}

// hasTextAfter reports whether the next non-empty cell after i that is not a code holds words
// (so that cell i may be a code: chapter and article may both precede the label).
func hasTextAfter(cells []string, i int) bool {
	for _, c := range cells[i+1:] {
		if c != "" && !isCode(c) {
			return isText(c)
		}
	}
	return false
}

// firstCell returns the first non-empty cell of a line.
func firstCell(cells []string) string {
	for _, c := range cells {
		if c != "" {
			return c
		}
	}
	return ""
}

// labelIndex returns the index of a row's label: the first cell of words, a code before it
// aside; -1 when the row has none.
func labelIndex(cells []string) int {
	for i, c := range cells {
		if c == "" {
			continue
		}
		if isCode(c) && hasTextAfter(cells, i) {
			continue
		}
		if isText(c) {
			return i
		}
		return -1
	}
	return -1
}

// maxWrap bounds the lines of one wrapped label: a longer run of lines is not a label, and
// the bound keeps the reading linear.
const maxWrap = 12

// pendingRow is a row read but not yet laid out in columns.
type pendingRow struct {
	idx   int
	cells []string
	shape rowShape   // lineShape(cells), read once
	li    int        // labelIndex(cells), read once (addRow): the layout asks it of each row often
	pre   []string   // lines of a wrapped label above the row's values
	more  []string   // continuation lines of a wrapped label
	notes [][]string // continuation lines of the value cells, cell by cell
}

// entry is a table entry being read: a title, a section, a header and rows.
type entry struct {
	idx     int // line where the entry starts
	section *string
	header  []string
	rows    []pendingRow
}

// blockReader reads one block of tabular lines into table entries.
type blockReader struct {
	d       *doc
	blk     []tableLine
	title   *string
	entries []*entry
	cur     *entry
	header  []string // header in force, carried to later sections
	lastHdr int      // position in blk of the last header line, -1 when none
	pre     []string // label lines waiting for the row below them
	preIdx  int      // line of the first of them
	shapes  []rowShape
	next    []int     // see nextRow
	cc      cellCache // the document's cells already read
	// rowBuf holds the rows of all the block's entries, one after the other (rows are only
	// added to the entry in progress, and an entry once left is never taken up again), sized
	// once for the block; rowEnd is where the next row goes.
	rowBuf []pendingRow
	rowEnd int
	lens   []int // the widths of the data rows (readBlock)
}

// readBlock turns one block into table entries appended to dst, or none when the block is not
// a table. A block without a header of its own, just below a table whose rows have its width,
// carries on that table: it takes its header and title.
func (d *doc) readBlock(dst []Table, blk []tableLine, prev carried, cc cellCache) ([]Table, carried) {
	// The reader and its buffers are the scratch's, reset for each block: the entries of a
	// block are laid out (build) before the next block is read, and nothing of them but the
	// tables, made apart, outlives the block.
	ts := d.tabs()
	r := &ts.rd
	*r = blockReader{d: d, blk: blk, lastHdr: -2, shapes: cleared(r.shapes, len(blk)), cc: cc,
		next: r.next[:0], lens: r.lens[:0], entries: r.entries[:0]}
	lens := r.lens
	// The lines that may become rows: data rows, and rows without numbers below one (text
	// adds a row only to an entry that has one).
	rows := 0
	for k, ln := range blk {
		r.shapes[k] = cc.shape(ln.cells)
		if r.shapes[k] == shapeData {
			lens = append(lens, len(trimCells(ln.cells)))
		}
		if r.shapes[k] == shapeData || r.shapes[k] == shapeText && len(lens) > 0 {
			rows++
		}
	}
	r.lens = lens
	// The rows' buffer is capped at the block's rows (the guard of addRow), the whole of it
	// kept for the next block.
	ts.rows = grownTo(ts.rows, rows)
	r.rowBuf = ts.rows[:0:rows]
	inherit := prev.end > 0 && blk[0].idx-prev.end <= maxCarry && d.sameTable(prev.end, blk[0].idx) && len(lens) > 0 &&
		mode(lens, 0) == len(trimCells(prev.header)) && !r.ownHeader()
	if inherit {
		r.header = prev.header
		r.title = prev.title
	}
	n := len(dst)
	dst = r.read(dst, inherit)
	if len(dst) == n {
		return dst, carried{}
	}
	return dst, carried{header: r.header, title: r.title, end: blk[len(blk)-1].idx}
}

// ownHeader reports whether the block has a header row before its first data row.
func (r *blockReader) ownHeader() bool {
	for k, sh := range r.shapes {
		switch sh {
		case shapeText:
			return headerCells(r.blk[k].cells)
		case shapeData:
			return false
		}
	}
	return false
}

// read reads the lines of the block; with inherit, the title and header came from the table
// above and the block's first lines are rows or heading rows, not a caption.
func (r *blockReader) read(dst []Table, inherit bool) []Table {
	d, blk := r.d, r.blk
	start := 0
	// The title: a lone cell of words at the top of the block, or else the line just above the
	// block when it reads as a caption.
	if inherit {
		// Carried on from the table above.
	} else if r.shapes[0] == shapeSingle && !isSection(firstCell(blk[0].cells)) {
		s := firstCell(blk[0].cells)
		r.title = &s
		start = 1
	} else {
		// Above the block, a heading row the extraction left without columns (Dépenses), and
		// the caption above it.
		at := blk[0].idx
		if at > 0 && !strings.Contains(d.lines[at-1].Text, "\t") && isSection(d.lines[at-1].Text) {
			s := trimSpace(strings.TrimSuffix(trimSpace(d.lines[at-1].Text), ":"))
			r.cur = &entry{idx: at - 1, section: &s}
			r.entries = append(r.entries, r.cur)
			at--
		}
		if t := d.caption(at); t != "" {
			r.title = &t
		}
	}
	for k := start; k < len(blk); k++ {
		switch r.shapes[k] {
		case shapeSingle:
			r.single(k)
		case shapeText:
			r.text(k)
		case shapeData:
			r.ensure(blk[k].idx)
			r.addRow(pendingRow{idx: blk[k].idx, cells: blk[k].cells, shape: shapeData, pre: r.pre})
			r.pre = nil
		}
	}
	r.flushPre()
	return r.build(dst)
}

// addRow adds a row to the entry in progress, in the block's buffer of rows.
func (r *blockReader) addRow(p pendingRow) {
	e := r.cur
	if len(e.rows) == 0 && r.rowEnd <= cap(r.rowBuf) { // (the buffer holds every row: a guard)
		e.rows = r.rowBuf[r.rowEnd:r.rowEnd]
	}
	p.li = labelIndex(p.cells)
	e.rows = append(e.rows, p)
	r.rowEnd++
}

// ensure returns the entry in progress, opening one at line idx when there is none.
func (r *blockReader) ensure(idx int) *entry {
	if r.cur == nil {
		r.cur = &entry{idx: idx, header: r.header}
		r.entries = append(r.entries, r.cur)
	}
	return r.cur
}

// single handles a line with one cell of words. A section heading starts a new entry; after a
// row, a line that carries on its label (lowercase start, label left open) is joined to it;
// otherwise the line names a new part of the table.
func (r *blockReader) single(k int) {
	s := firstCell(r.blk[k].cells)
	idx := r.blk[k].idx
	if next := r.nextRow(k); next == k+1 && len(r.pre) < maxWrap && labelIndex(r.blk[next].cells) < 0 && !isYear(s) && !isSection(s) {
		// The first line of a label centred on a row of numbers.
		if len(r.pre) == 0 {
			r.preIdx = idx
		}
		r.pre = append(r.pre, s)
		return
	}
	if r.lastHdr == k-1 && r.header != nil && !isSection(s) && (r.cur == nil || len(r.cur.rows) == 0) {
		// The end of a header cell wrapped onto a line of its own.
		r.header = joinHeaderCell(r.header, s)
		r.lastHdr = k
		r.ensure(idx).header = r.header
		return
	}
	if !isSection(s) && r.cur != nil && len(r.cur.rows) > 0 {
		prev := &r.cur.rows[len(r.cur.rows)-1]
		// A label wrapped below the values, or the lower half of a label centred on the
		// values (as many lines below as above).
		if len(r.pre) == 0 && len(prev.more) < maxWrap && (continues(prev.fullLabel(), s) || len(prev.more) < len(prev.pre)) {
			prev.more = append(prev.more, s)
			return
		}
		// The upper half of the next row's label: the next row has no label of its own, or
		// this line runs on into it.
		if next := r.nextRow(k); next >= 0 {
			cells := r.blk[next].cells
			li := labelIndex(cells)
			if len(r.pre) < maxWrap && (li < 0 || continues(s, cells[li])) {
				if len(r.pre) == 0 {
					r.preIdx = idx
				}
				r.pre = append(r.pre, s)
				return
			}
		}
	}
	r.flushPre()
	if !isSection(s) && r.cur == nil && r.title == nil {
		r.title = &s
		return
	}
	s = trimSpace(strings.TrimSuffix(trimSpace(s), ":"))
	if r.cur != nil && len(r.cur.rows) == 0 && r.cur.section == nil {
		r.cur.section = &s
		r.cur.idx = idx
		return
	}
	r.cur = &entry{idx: idx, section: &s, header: r.header}
	r.entries = append(r.entries, r.cur)
}

// text handles a line of several cells of words: a header (joined with the line above when
// the header wraps), a repeated header after a page break, or a row without numbers.
func (r *blockReader) text(k int) {
	r.flushPre()
	cells := r.blk[k].cells
	idx := r.blk[k].idx
	if r.header != nil && sameCells(cells, r.header) {
		if r.cur == nil || len(r.cur.rows) > 0 {
			r.lastHdr = k
		}
		return
	}
	if r.cur != nil && len(r.cur.rows) > 0 {
		// The rest of the previous row, wrapped onto a line of its own: the end of its label in
		// the label's cell, notes under its values in theirs ("(40,30*186) + …", "Pour 198
		// élèves"). A line with the label's cell empty is all notes.
		prev := &r.cur.rows[len(r.cur.rows)-1]
		l := prev.li
		head := ""
		if l >= 0 && l < len(cells) {
			head = cells[l]
		}
		if len(prev.more)+len(prev.notes) < maxWrap && l >= 0 && (head == "" || continues(prev.fullLabel(), head)) {
			note := append([]string(nil), cells...)
			if head != "" {
				// A lone word beside the end of the label is the label's too: the extraction
				// put it in the wrong cell ("municipaux	délégués").
				if w := loneWord(note, l); w >= 0 {
					head = joinLabel(head, note[w])
					note[w] = ""
				}
				prev.more = append(prev.more, head)
				note[l] = ""
			}
			if nonEmpty(note) > 0 {
				prev.notes = append(prev.notes, note)
			}
			return
		}
	}
	nextData := k+1 < len(r.blk) && r.shapes[k+1] != shapeSingle
	if r.cur != nil && len(r.cur.rows) > 0 && !(nextData && nonEmpty(cells) >= 3) {
		r.addRow(pendingRow{idx: idx, cells: cells, shape: r.shapes[k]})
		return
	}
	if !headerCells(cells) {
		// Words split by a tab that do not name columns: a sentence, not a header.
		return
	}
	if r.lastHdr == k-1 && r.cur != nil && len(r.cur.rows) == 0 {
		r.header = joinHeader(r.header, cells)
	} else {
		r.header = append([]string(nil), cells...)
		if r.cur != nil && len(r.cur.rows) > 0 {
			r.cur = &entry{idx: idx, section: r.cur.section}
			r.entries = append(r.entries, r.cur)
		}
	}
	r.lastHdr = k
	r.ensure(idx).header = r.header
}

// nonEmpty counts the cells that hold something.
func nonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}

// sameCells reports whether two lines hold the same words.
func sameCells(a, b []string) bool {
	return normalize.Fold(strings.Join(a, " ")) == normalize.Fold(strings.Join(b, " "))
}

// joinHeader joins a header wrapped over two lines, column by column when both lines have the
// same width, else aligning the shorter line on the right (value columns are on the right).
func joinHeader(a, b []string) []string {
	out := append([]string(nil), a...)
	if len(b) > len(out) {
		out = append(make([]string, len(b)-len(out)), out...)
	}
	off := len(out) - len(b)
	for i, c := range b {
		out[off+i] = trimSpace(joinLabel(out[off+i], c))
	}
	return out
}

// nextRow returns the position in the block of the first line after k that is not a lone
// cell, when it is a data row; -1 otherwise. The answers are computed once per block, from the
// end, so that a long run of lone cells costs linear time.
func (r *blockReader) nextRow(k int) int {
	if len(r.next) == 0 {
		r.next = grownTo(r.next, len(r.blk))[:len(r.blk)]
		after := -1
		for j := len(r.blk) - 1; j >= 0; j-- {
			r.next[j] = after
			switch r.shapes[j] {
			case shapeSingle:
			case shapeData:
				after = j
			default:
				after = -1
			}
		}
	}
	return r.next[k]
}

// flushPre turns label lines that found no row into a heading of the table: the lines were
// not a label after all.
func (r *blockReader) flushPre() {
	if len(r.pre) == 0 {
		return
	}
	s := strings.Join(r.pre, " ")
	r.pre = nil
	r.cur = &entry{idx: r.preIdx, section: &s, header: r.header}
	r.entries = append(r.entries, r.cur)
}

// fullLabel returns the row's label with its wrapped lines.
func (p *pendingRow) fullLabel() string {
	out := ""
	for _, s := range p.pre {
		out = joinLabel(out, s)
	}
	out = joinLabel(out, p.label())
	for _, s := range p.more {
		out = joinLabel(out, s)
	}
	return out
}

// label returns the row's label cell as first read.
func (p *pendingRow) label() string {
	if i := p.li; i >= 0 {
		return p.cells[i]
	}
	return ""
}

// isSection reports whether a lone cell is a budget section heading (Dépenses, Recettes…).
func isSection(s string) bool {
	if !maySectionEnd(strings.TrimRight(strings.TrimSuffix(strings.TrimRight(s, asciiSpaces), ":"), asciiSpaces)) {
		return false
	}
	f := normalize.Fold(trimSpace(s))
	// reTableSection ends with one of its words, then spaces and a colon at most: a line that
	// does not is rejected before the regular expression runs.
	e := strings.TrimRight(strings.TrimSuffix(f, ":"), " \t\n\f\r")
	for _, w := range sectionEnds {
		if strings.HasSuffix(e, w) {
			return reTableSection.MatchString(f)
		}
	}
	return false
}

// sectionEnds are the words a section heading ends with (see reTableSection).
var sectionEnds = []string{"depenses", "recettes", "fonctionnement", "investissement", "exploitation", "charges", "produits"}

// maySectionEnd is the test of isSection on the folded end of a line, made on the raw line t
// (past its ASCII spaces and colon) without folding it: Fold lowers ASCII letters one for one
// and squeezes spaces, so the ASCII bytes that end t fold to the end of the folded line. It
// reports false only when no word of sectionEnds can end the folded line.
func maySectionEnd(t string) bool {
	k := len(t)
	for k > 0 && t[k-1] < utf8.RuneSelf && !isFoldSpace(t[k-1]) {
		k--
	}
	// t[k:] is the last word when a space or the start of t is before it; otherwise a
	// non-ASCII rune, whose folding is not read here, may end a word with it.
	word, whole := t[k:], k == 0 || isFoldSpace(t[k-1])
	for _, w := range sectionEnds {
		if len(word) >= len(w) {
			if lowerEqual(word[len(word)-len(w):], w) {
				return true
			}
		} else if !whole && lowerEqual(word, w[len(w)-len(word):]) {
			return true
		}
	}
	return false
}

// isFoldSpace reports whether c is ASCII white space, which Fold squeezes.
func isFoldSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// lowerEqual reports whether the ASCII s, lower-cased, is w (lower-case letters).
func lowerEqual(s, w string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

const asciiSpaces = " \t\n\v\f\r"

// caption returns the line just above a table when it reads as its caption: not blank, short,
// not the end of a sentence, and not itself tabular.
func (d *doc) caption(idx int) string {
	if idx == 0 {
		return ""
	}
	s := trimSpace(d.lines[idx-1].Text)
	if s == "" || strings.Contains(s, "\t") || utf8.RuneCountInString(s) > 100 {
		return ""
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") {
		return ""
	}
	s = trimSpace(strings.TrimSuffix(s, ":"))
	if !isText(s) {
		return ""
	}
	return s
}

// continues reports whether next carries on the label prev (a label wrapped over two lines).
func continues(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) || r == '(' {
		return true
	}
	p := trimSpace(prev)
	if p == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune(",(-–'’/&", last) {
		return true
	}
	f := normalize.Fold(p)
	for _, w := range labelOpenEnds {
		if strings.HasSuffix(f, w) {
			return true
		}
	}
	return false
}

// labelOpenEnds are the folded endings of a label that goes on over the next line.
var labelOpenEnds = []string{" de", " des", " du", " et", " a", " au", " aux", " la", " le", " les", " en", " sur", " pour", " par", " d'", " l'"}

// joinLabel joins two lines of a wrapped label.
func joinLabel(a, b string) string {
	a, b = trimSpace(a), trimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasSuffix(a, "'") || strings.HasSuffix(a, "’"):
		return a + b
	case strings.HasSuffix(a, "-") && len(a) > 1 && unicode.IsLetter(lastRune(a[:len(a)-1])):
		// A compound word wrapped at its hyphen ("Loire-" / "Atlantique").
		return a + b
	}
	return a + " " + b
}

// joinHeaderCell joins a lone wrapped piece to the header cell it ends: the one left open (an
// unclosed bracket, a trailing connector), else the last one.
func joinHeaderCell(h []string, piece string) []string {
	out := append([]string(nil), h...)
	at := len(out) - 1
	for i, c := range out {
		if strings.Count(c, "(") > strings.Count(c, ")") || (c != "" && continues(c, "X")) {
			at = i
			break
		}
	}
	if at < 0 {
		return []string{piece}
	}
	out[at] = joinLabel(out[at], piece)
	return out
}

// headerCells reports whether the cells of a line of words can name columns: short cells,
// none ending as the lead-in of a sentence or a list (":" or ",").
func headerCells(cells []string) bool {
	for _, c := range cells {
		if utf8.RuneCountInString(c) > 50 || strings.HasSuffix(c, ":") || strings.HasSuffix(c, ",") {
			return false
		}
	}
	return true
}

// yearHeader reports whether a line is a header whose value columns are years: every cell after
// the label a bare year, and the label a word that names a column (Libellé, Désignation…).
func yearHeader(cells []string, label int) bool {
	// The cheap test first: most rows hold amounts, not years, and need no folding.
	for _, c := range cells[label+1:] {
		if c != "" && !isYear(c) {
			return false
		}
	}
	f := normalize.Fold(cells[label])
	return reHeaderLabel.MatchString(f) || reHeaderCode.MatchString(f)
}

// loneWord returns the index of the only other non-empty cell of a line beside the label's
// cell l, when it is a single word without digits or brackets; -1 otherwise.
func loneWord(cells []string, l int) int {
	at := -1
	for i, c := range cells {
		if i == l || c == "" {
			continue
		}
		if at >= 0 || strings.ContainsAny(c, " ()[]0123456789:") {
			return -1
		}
		at = i
	}
	return at
}

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// sameTable reports whether the lines between two blocks (a and b, exclusive) leave them one
// table: no numbered heading (a new point of the agenda) between them.
func (d *doc) sameTable(a, b int) bool {
	for i := a + 1; i < b && i < len(d.lines); i++ {
		t := d.lines[i].Text
		if numberedLine(t) || reHeadingNumber.MatchString(t) {
			return false
		}
	}
	return true
}
