package parse

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"minutes/normalize"
)

// build lays the rows of each entry out in columns and appends the table entries to dst, or
// none when the block is not a table after all.
func (r *blockReader) build(dst []Table) []Table {
	numbered, hasHeader, hasCode, maxLabel, bullets := 0, false, false, 0, 0
	numbers, words := 0, 0
	for _, e := range r.entries {
		if e.header != nil {
			hasHeader = true
		}
		for _, p := range e.rows {
			if p.shape == shapeData {
				numbered++
			}
			li := p.li
			if li > 0 && isCode(p.cells[li-1]) {
				hasCode = true
			}
			if li >= 0 {
				maxLabel = max(maxLabel, utf8.RuneCountInString(p.cells[li]))
				if bulletLabel(p.cells[li]) {
					bullets++
				}
			}
			for _, c := range p.cells[li+1:] {
				if r.cc.isNumber(c) {
					numbers++
				} else if c != "" {
					words++
				}
			}
		}
	}
	// A table holds numbers: a block whose value cells are mostly words (a list of names
	// with a count here and there) is a layout of text.
	if numbered == 0 || words > numbers {
		return dst
	}
	// Rows labelled as list items (a., b., -, •) are an enumeration in prose.
	if 2*bullets > numbered {
		return dst
	}
	// Without a header row or a code column, a block is a table only when its cells are
	// tab-separated (a bordered table) with short labels and two rows or more: a bulleted list,
	// a list of subsidies or a sentence ending in an amount is prose.
	if !hasHeader && !hasCode && (!r.blk[0].tabs || numbered < 2 || maxLabel > 60 || bullets > 0) {
		return dst
	}
	for n, e := range r.entries {
		if len(e.rows) == 0 {
			continue
		}
		idx := e.idx
		if n == 0 {
			idx = min(idx, r.blk[0].idx)
		}
		t := Table{Title: r.title, Section: e.section, Pos: r.d.lines[idx].Pos}
		t.ItemPath = r.d.itemPathAt(t.Pos)
		// The arithmetic is checked where the columns are certain: every row as wide as the
		// table, and no words among the numbers (two tables side by side, a note in a cell).
		if sure := r.d.layout(&t, e, r.cc); sure {
			r.d.checkTable(&t)
		}
		dst = append(dst, t)
	}
	return dst
}

// trimCells drops the empty cells at the end of a line.
func trimCells(cells []string) []string {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return cells[:n]
}

// mode returns the most frequent value, the first one on a tie; def when xs is empty.
func mode(xs []int, def int) int {
	best, bestN := def, 0
	count := map[int]int{}
	for _, x := range xs {
		count[x]++
		if count[x] > bestN {
			best, bestN = x, count[x]
		}
	}
	return best
}

// takeChunk cuts n zeroed elements off the chunk *slab, after starting a new chunk of
// max(n, size) elements when the chunk has not n left. The part cut is capped at n: appending
// to it cannot write over the next part.
func takeChunk[E any](slab *[]E, n, size int) []E {
	s := *slab
	if cap(s)-len(s) < n {
		s = make([]E, 0, max(n, size))
	}
	part := s[len(s) : len(s)+n : len(s)+n]
	*slab = s[:len(s)+n]
	return part
}

// layout places the cells of each row of e in the table's value columns. The header gives the
// columns when its width matches the rows; rows narrower than the table (empty cells the
// extraction dropped) have their values aligned on the right, where totals and last columns sit.
//
// It reports whether every row filled the columns without guessing: as wide as the table and
// holding only numbers (or nothing) in its value cells.
func (d *doc) layout(t *Table, e *entry, cc cellCache) (sure bool) {
	sure = true
	var unread []Diagnostic
	defer func() { d.rec.Diagnostics = append(d.rec.Diagnostics, unread...) }()
	// The row lengths and label places share one array, the scratch's; the rows are known in
	// number.
	nr := len(e.rows)
	ts := d.tabs()
	ts.ints = grownTo(ts.ints, 2*nr)
	slab := ts.ints[:2*nr]
	lens, lis := slab[:0:nr], slab[nr:nr]
	for _, p := range e.rows {
		if p.shape != shapeData {
			continue
		}
		lens = append(lens, len(trimCells(p.cells)))
		lis = append(lis, p.li)
	}
	rowLen, li := mode(lens, 0), mode(lis, 0)
	h := trimCells(e.header)
	width := 0
	for _, p := range e.rows {
		if l := p.li; l >= 0 {
			width = max(width, len(trimCells(p.cells))-l-1)
		}
	}
	var names []string
	switch {
	case h == nil:
	case len(h) == rowLen && rowLen > li+1:
		names = h[li+1:]
	case len(h) == rowLen-li-1:
		names = h
	default:
		// The value columns follow the last cell naming a code or a label.
		hl := -1
		for i, c := range h {
			f := normalize.Fold(c)
			if reHeaderLabel.MatchString(f) || reHeaderCode.MatchString(f) {
				hl = i
			}
		}
		switch {
		case hl >= 0:
			names = h[hl+1:]
		case len(h) > width && width > 0:
			names = h[len(h)-width:]
		default:
			names = h
		}
	}
	width = max(width, len(names))
	cols := make([]string, width)
	copy(cols[width-len(names):], names)
	if len(names) == width {
		copy(cols, names)
	}
	t.Columns = cols
	t.Rows = slices.Grow(t.Rows, len(e.rows))
	// The rows' strings (codes, raw texts, values) and pointers are cut from shared chunks,
	// sized for rows as wide as the table: a few allocations a table rather than three a row.
	var strSlab []string
	var ptrSlab []*string
	for ri, p := range e.rows {
		row := Row{Pos: d.lines[p.idx].Pos}
		cells := p.cells
		l := p.li
		if l < 0 && len(cells) > 1 && cells[0] == "" {
			// A row of numbers whose label cell is empty (the label is elsewhere).
			l = 0
		}
		// The cells after the label, in order (a tab-separated row keeps its empty cells);
		// empty cells beyond the table's width are dropped.
		vals := cells[l+1:]
		for len(vals) > width && vals[len(vals)-1] == "" {
			vals = vals[:len(vals)-1]
		}
		// The code: the first code before the label (the chapter, when an article follows).
		for i := 0; i < l; i++ {
			if isCode(cells[i]) {
				c := takeChunk(&strSlab, 1, (2*width+1)*(len(e.rows)-ri))
				c[0] = cells[i]
				row.Code = &c[0]
				break
			}
		}
		row.Label = p.fullLabel()
		shift := 0
		if len(vals) < width {
			if p.shape == shapeData {
				sure = false
			}
			shift = width - len(vals)
			vals = append(make([]string, shift), vals...)
		}
		// Notes wrapped under the values join the raw text of their cells; a note without a
		// cell joins the label, so that no text is lost.
		// The raw texts and the values the row points to live in one array, and its pointers
		// in another: a row of n cells makes two allocations rather than up to 2n+3.
		strs := takeChunk(&strSlab, 2*len(vals), (2*width+1)*(len(e.rows)-ri))
		raws, digs := strs[:len(vals):len(vals)], strs[len(vals):]
		copy(raws, vals)
		for _, note := range p.notes {
			for j, c := range note {
				if c == "" {
					continue
				}
				if vi := j - (l + 1) + shift; j > l && vi >= 0 && vi < len(raws) {
					raws[vi] = joinLabel(raws[vi], c)
				} else {
					row.Label = joinLabel(row.Label, c)
				}
			}
		}
		for len(vals) > width {
			// More values than columns: a column the header does not name.
			t.Columns = append(t.Columns, "")
			width++
		}
		ptrs := takeChunk(&ptrSlab, 2*width, 2*width*(len(e.rows)-ri))
		row.Values, row.Cells = ptrs[:width:width], ptrs[width:]
		for i, c := range vals {
			if raws[i] != "" {
				row.Cells[i] = &raws[i]
			}
			if c == "" {
				continue
			}
			if v, ok := cc.read(c); ok {
				digs[i] = v.Digits
				row.Values[i] = &digs[i]
			} else if p.shape == shapeData {
				sure = false
				if looksNumber(c) {
					// Kept as raw text with a null value; said, so that it is not taken for empty.
					unread = append(unread, Diagnostic{Severity: SevInfo, Code: codeTableCell, Pos: row.Pos,
						Message: fmt.Sprintf("table %s, row %q, column %q: cell %q is not a number as written; its value is left null", tableName(t), row.Label, columnName(t, i), c)})
				}
			}
		}
		row.Kind = rowKind(row.Label)
		t.Rows = append(t.Rows, row)
	}
	// Earlier rows are as wide as the table came to be.
	for i := range t.Rows {
		for len(t.Rows[i].Values) < len(t.Columns) {
			t.Rows[i].Values = append(t.Rows[i].Values, nil)
			t.Rows[i].Cells = append(t.Rows[i].Cells, nil)
		}
	}
	t.Units = cc.columnUnits(t)
	return sure
}

// rowKind tells a line from a subtotal (Total …, Sous-total …) and a total (Totaux, Total
// général, a bare Total).
func rowKind(label string) string {
	// Fold keeps the first ASCII letter past the white space, lower-cased: a label whose first
	// byte is one other than t, s or m is a line without folding it.
	i := 0
	for i < len(label) && (label[i] == ' ' || '\t' <= label[i] && label[i] <= '\r') {
		i++
	}
	if i == len(label) {
		return RowLine
	}
	if c := label[i] | 0x20; label[i] < utf8.RuneSelf && c != 't' && c != 's' && c != 'm' {
		return RowLine
	}
	f := trimSpace(normalize.Fold(label))
	if f == "" || f[0] != 't' && f[0] != 's' && f[0] != 'm' {
		// Total, Sous-total, S/total and Montant total open with these letters: most labels
		// are rejected before the regular expressions run.
		return RowLine
	}
	switch {
	case totalLabel(f):
		return RowTotal
	case subtotalLabel(f):
		return RowSubtotal
	}
	return RowLine
}

// columnUnits gives each value column its unit: "%" or "EUR" when the header names it
// ("Taux", "en €", "%") or when every number of the column carries it; nil when no column has
// one.
func columnUnits(t *Table) []string { return cellCache(nil).columnUnits(t) }

// columnUnits is columnUnits reading the cells through the cache.
func (cc cellCache) columnUnits(t *Table) []string {
	units := make([]string, len(t.Columns))
	any := false
	for i, c := range t.Columns {
		f := normalize.Fold(c)
		switch {
		case strings.Contains(f, "%") || strings.HasPrefix(f, "taux") || strings.Contains(f, " taux"):
			units[i] = "%"
		case strings.Contains(f, "k€") || strings.Contains(f, "keur") || strings.Contains(f, "milliers d'euros"):
			// Values stay as written; the unit says they count thousands.
			units[i] = "kEUR"
		case strings.Contains(f, "m€") || strings.Contains(f, "millions d'euros"):
			units[i] = "MEUR"
		case strings.Contains(f, "€") || strings.Contains(f, "euro"):
			units[i] = "EUR"
		default:
			seen := ""
			for _, r := range t.Rows {
				if i >= len(r.Cells) || r.Cells[i] == nil || r.Values[i] == nil {
					continue
				}
				v, ok := cc.read(*r.Cells[i])
				if !ok {
					// A cell with a note under its number: the note says nothing of the unit.
					continue
				}
				if seen == "" {
					seen = v.Unit
				} else if v.Unit != seen {
					seen = "-"
				}
				if v.Unit == "" {
					seen = "-"
				}
				if seen == "-" {
					break // no later cell gives the column a unit back
				}
			}
			if seen != "-" {
				units[i] = seen
			}
		}
		if units[i] != "" {
			any = true
		}
	}
	if !any {
		return nil
	}
	return units
}

// itemPathAt returns the path of the deepest section whose lines contain pos, or nil.
func (d *doc) itemPathAt(pos Pos) *string {
	var best *Item
	for i := range d.rec.Items {
		it := &d.rec.Items[i]
		if it.Pos.Line == 0 || it.Pos.Line > pos.Line {
			continue
		}
		end := it.End.Line
		if end == 0 {
			// No end given: the section runs to the next one.
			end = int(^uint(0) >> 1)
			for j := i + 1; j < len(d.rec.Items); j++ {
				if d.rec.Items[j].Pos.Line > it.Pos.Line {
					end = d.rec.Items[j].Pos.Line - 1
					break
				}
			}
		}
		if pos.Line > end {
			continue
		}
		if best == nil || it.Pos.Line > best.Pos.Line || (it.Pos.Line == best.Pos.Line && it.Level > best.Level) {
			best = it
		}
	}
	if best == nil {
		return nil
	}
	p := best.Path
	return &p
}

// Diagnostic code of a cell that looks like a number but does not read as one.
const codeTableCell = "table-cell-unread"

// looksNumber reports whether a cell is made of what numbers are made of (digits, spaces,
// separators, signs, € and %), so that failing to read it is worth saying: "3 4 81,64 €".
func looksNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" \u00a0\u202f.,'’-–−+()€%", r):
		default:
			return false
		}
	}
	return digits > 0
}
