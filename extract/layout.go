package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout thresholds, in ems of the font size, chosen on the corpus (LibreOffice, Word, cairo,
// Print To PDF, iText): what gap between two glyphs is a space, what gap between two runs on one
// baseline is a column break (a tab), and what vertical gap is a paragraph break.
const (
	joinGap       = 0.12 // a gap below this joins glyphs into one word
	tabGap        = 1.2  // a gap at least this wide is a column break
	tabGapNarrow  = 0.55 // ... or at least this wide when it is 2.2× the line's usual word gap
	baselineTol   = 0.45 // words whose baselines differ by less than this are on one line
	paragraphGap  = 1.3  // a line gap above this × the page's usual line pitch is a blank line
	minGutterPts  = 10.0 // narrowest white gutter between a margin column and the body
	gutterStepPts = 2.0
)

// word is a run of glyphs with no space inside, in page space.
type word struct {
	x0, x1, y, size float64
	// space is the width of a space in the word's font, in ems.
	space float64
	text  string
}

// pline is one rebuilt line of a page, before furniture is taken out.
type pline struct {
	y, x0, x1, size float64
	// bottom is the baseline of the line's last text row (below y when wrapped table cells
	// were merged into it).
	bottom float64
	text   string
	// cells is the number of tab-separated cells; cellX holds their extents (x0, x1 pairs) when
	// there are several.
	cells     int
	cellX     []float64
	furniture bool
}

// layoutBuf holds buffers reused from page to page.
type layoutBuf struct {
	words []word
	sb    strings.Builder
	tmp   []byte
}

// pageLines turns a page's glyphs into lines in reading order.
func (lb *layoutBuf) pageLines(glyphs []glyph) []pline {
	words := lb.words[:0]
	var rot []word
	var cur *word
	var buf []byte = lb.tmp[:0]
	var curRot bool
	flush := func() {
		if cur != nil && len(buf) > 0 {
			cur.text = string(buf)
			if curRot {
				rot = append(rot, *cur)
			} else {
				words = append(words, *cur)
			}
		}
		cur = nil
		buf = buf[:0]
	}
	var cw word
	for i := range glyphs {
		g := &glyphs[i]
		if isBlank(g.s) {
			flush()
			continue
		}
		if cur != nil && g.rot == curRot && (g.rot || sameRun(cur, g)) {
			buf = append(buf, g.s...)
			if g.x+g.w > cur.x1 {
				cur.x1 = g.x + g.w
			}
			if g.size > cur.size {
				cur.size = g.size
			}
			continue
		}
		flush()
		cw = word{x0: g.x, x1: g.x + g.w, y: g.y, size: g.size, space: g.space}
		cur = &cw
		curRot = g.rot
		buf = append(buf, g.s...)
	}
	flush()
	lb.tmp = buf
	lb.words = words
	lines := lb.buildLines(words)
	lines = alignTables(lines)
	for _, r := range rot {
		lines = append(lines, pline{y: r.y, bottom: r.y, x0: r.x0, x1: r.x1, size: r.size, text: r.text, cells: 1})
	}
	return lines
}

// sameRun reports whether glyph g continues word w: same baseline, starting where w ends.
func sameRun(w *word, g *glyph) bool {
	em := math.Max(w.size, g.size)
	if math.Abs(g.y-w.y) > 0.3*em {
		return false
	}
	gap := g.x - w.x1
	return gap < joinGap*em && gap > -0.6*em
}

func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// buildLines groups words into lines, reading a margin column beside the body (two-column
// blocks) column by column.
func (lb *layoutBuf) buildLines(words []word) []pline {
	if len(words) == 0 {
		return nil
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].y > words[j].y })
	groups := groupLines(words)
	start, end, gx := findColumnBlock(groups)
	var out []pline
	emit := func(gs [][]word) {
		for _, g := range gs {
			out = append(out, lb.joinLine(g))
		}
	}
	if start < 0 {
		emit(groups)
		return out
	}
	emit(groups[:start])
	var left, right []word
	for _, g := range groups[start:end] {
		for _, w := range g {
			if w.x1 <= gx {
				left = append(left, w)
			} else {
				right = append(right, w)
			}
		}
	}
	emit(groupLines(left))
	emit(groupLines(right))
	emit(groups[end:])
	return out
}

// groupLines splits words sorted by descending baseline into lines, each sorted by x.
func groupLines(words []word) [][]word {
	var groups [][]word
	i := 0
	for i < len(words) {
		j := i + 1
		y0, s0 := words[i].y, words[i].size
		for j < len(words) && sameLine(y0, s0, words[j]) {
			j++
		}
		g := words[i:j:j]
		sort.SliceStable(g, func(a, b int) bool { return g[a].x0 < g[b].x0 })
		// drop overprinted duplicates (fake bold draws the same text twice)
		k := 0
		for _, w := range g {
			if k > 0 && g[k-1].text == w.text && math.Abs(g[k-1].x0-w.x0) < 0.2*w.size {
				continue
			}
			g[k] = w
			k++
		}
		groups = append(groups, g[:k])
		i = j
	}
	return groups
}

// joinLine joins the words of one line: nothing between fragments of one word, a space between
// words, a tab where the gap is a column break.
func (lb *layoutBuf) joinLine(ws []word) pline {
	l := pline{y: ws[0].y, bottom: ws[0].y, x0: ws[0].x0, x1: ws[0].x1, cells: 1}
	// the line's usual word gap tells justified prose from table cells
	var gaps [16]float64
	ng := 0
	for i := 1; i < len(ws) && ng < len(gaps); i++ {
		em := math.Max(ws[i].size, ws[i-1].size)
		if g := (ws[i].x0 - ws[i-1].x1) / em; g >= joinGap {
			gaps[ng] = g
			ng++
		}
	}
	space := ws[0].space
	if space <= 0 || space > 0.7 {
		space = 0.28
	}
	usual := space
	if ng >= 3 {
		s := gaps[:ng]
		sort.Float64s(s)
		usual = s[ng/2]
	}
	sb := &lb.sb
	sb.Reset()
	for i, w := range ws {
		if w.size > l.size {
			l.size = w.size
		}
		if i > 0 {
			prev := ws[i-1]
			em := math.Max(w.size, prev.size)
			gap := (w.x0 - prev.x1) / em
			switch {
			case gap < joinGap && gap > -0.6:
			case i == 1 && isBullet(prev.text):
				// a list bullet and its indented text: one cell, not a table row
				sb.WriteByte(' ')
			case gap >= math.Max(tabGap, 2.5*space) || (gap >= math.Max(tabGapNarrow, 1.8*space) && gap >= 2.2*usual):
				sb.WriteByte('\t')
				if l.cells == 1 {
					l.cellX = append(l.cellX, l.x0, prev.x1)
				} else {
					l.cellX[len(l.cellX)-1] = prev.x1
				}
				l.cellX = append(l.cellX, w.x0, w.x1)
				l.cells++
			default:
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(w.text)
		if w.x1 > l.x1 {
			l.x1 = w.x1
		}
	}
	if l.cells > 1 {
		l.cellX[len(l.cellX)-1] = l.x1
	}
	l.text = strings.TrimRight(normalizePDFText(sb.String()), " ")
	if r, n := utf8.DecodeRuneInString(l.text); (r == '–' || r == '—') && len(l.text) > n && l.text[n] == ' ' {
		// a dash bullet reads as the hyphen bullet of text exports ("– Pour : 23" → "- Pour : 23")
		l.text = "-" + l.text[n:]
	}
	return l
}

// isBullet reports whether a word is a lone list bullet.
func isBullet(s string) bool {
	switch s {
	case "-", "–", "—", "•", "·", "▪", "■", "□", "◦", "○", "●", "➢", "►", "o", "*", "":
		return true
	}
	return false
}

// findColumnBlock looks for a run of lines split by a vertical white gutter into a narrow margin
// column (service, register number) and a prose body, and returns the run [start, end) and the
// gutter's x, or start = -1. A run qualifies when the gutter crosses no word, the left side has
// lines of its own (not just a bullet or a first table cell on each body line) and the right side
// reads as prose.
func findColumnBlock(groups [][]word) (int, int, float64) {
	if len(groups) < 6 {
		return -1, -1, 0
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, g := range groups {
		for _, w := range g {
			minX = math.Min(minX, w.x0)
			maxX = math.Max(maxX, w.x1)
		}
	}
	width := maxX - minX
	if width < 100 {
		return -1, -1, 0
	}
	bestStart, bestEnd, bestX := -1, -1, 0.0
	for x := minX + 0.08*width; x < minX+0.5*width; x += gutterStepPts {
		i := 0
		for i < len(groups) {
			if crosses(groups[i], x) {
				i++
				continue
			}
			j := i
			for j < len(groups) && !crosses(groups[j], x) {
				j++
			}
			if j-i > bestEnd-bestStart && columnRun(groups[i:j], x) {
				bestStart, bestEnd, bestX = i, j, x
			}
			i = j
		}
	}
	return bestStart, bestEnd, bestX
}

// crosses reports whether a word of the line covers x or comes within half a gutter of it.
func crosses(g []word, x float64) bool {
	for _, w := range g {
		if w.x0-minGutterPts/2 < x && x < w.x1+minGutterPts/2 {
			return true
		}
	}
	return false
}

// columnRun decides whether lines not crossed at x form a margin column beside a body: the left
// side has lines of its own, does not mostly share baselines with the right side (as bullets and
// first table cells do), and the right side reads as prose — several lines of at least five
// words, four with letters, and no column-wide gap between them (tables have those).
func columnRun(gs [][]word, x float64) bool {
	leftLines, leftOnly, shared, prose, rightLines := 0, 0, 0, 0, 0
	for _, g := range gs {
		l, r, alpha := 0, 0, 0
		gapped := false
		var prev *word
		for i := range g {
			w := &g[i]
			if w.x1 <= x {
				l++
				continue
			}
			r++
			if hasLetter(w.text) {
				alpha++
			}
			if prev != nil && (w.x0-prev.x1) >= tabGap*math.Max(w.size, prev.size) {
				gapped = true
			}
			prev = w
		}
		if l > 0 {
			leftLines++
			if r == 0 {
				leftOnly++
			} else {
				shared++
			}
		}
		if r > 0 {
			rightLines++
		}
		if r >= 5 && alpha >= 4 && !gapped {
			prose++
		}
	}
	return leftLines >= 3 && leftOnly >= 2 && prose >= 5 && 2*prose >= rightLines &&
		float64(shared) <= 0.7*float64(leftLines)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// ligatures spells out the Latin ligature characters some fonts map glyphs to, so that words
// are searchable ("délibération ﬁnale").
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

// normalizePDFText puts a line in the form the parser expects: NFC, the exotic spaces
// (no-break, narrow no-break, figure, thin) as plain spaces, ligatures spelt out, no U+FFFD.
func normalizePDFText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	if strings.ContainsAny(s, "ﬀﬁﬂﬃﬄﬅﬆ") {
		s = ligatures.Replace(s)
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case 0x00A0, 0x202F, 0x2007, 0x2009, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2008, 0x200A:
			return ' '
		case 0xFFFD, 0x200B, 0xFEFF:
			return -1
		}
		return r
	}, s)
	return nfc(s)
}

// alignTables lines up the rows of a table block (consecutive lines with several cells): a row
// with fewer cells gets empty cells where its cells do not start (a "Total" row under a code
// column), and a line that only continues wrapped text cells of the row above is merged into it.
func alignTables(lines []pline) []pline {
	out := lines[:0]
	for i := 0; i < len(lines); {
		if lines[i].cells < 2 {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && (lines[j].cells >= 2 || (j > i && j+1 < len(lines) && lines[j+1].cells >= 2 && lines[j-1].y-lines[j].y < 1.4*lines[j].size)) {
			j++
		}
		out = append(out, alignBlock(lines[i:j])...)
		i = j
	}
	return out
}

// alignBlock aligns one table block to the columns of its widest rows.
func alignBlock(rows []pline) []pline {
	n := 0
	for _, r := range rows {
		n = max(n, r.cells)
	}
	full := 0
	cols := make([]float64, 2*n)
	for _, r := range rows {
		if r.cells != n {
			continue
		}
		for k := 0; k < n; k++ {
			if full == 0 || r.cellX[2*k] < cols[2*k] {
				cols[2*k] = r.cellX[2*k]
			}
			if full == 0 || r.cellX[2*k+1] > cols[2*k+1] {
				cols[2*k+1] = r.cellX[2*k+1]
			}
		}
		full++
	}
	if full < 2 {
		return rows
	}
	// widen each column to the middle of the gutters around it, so that a left-aligned header
	// above right-aligned amounts still falls in its column
	regions := make([]float64, 2*n)
	for k := 0; k < n; k++ {
		regions[2*k], regions[2*k+1] = cols[2*k], cols[2*k+1]
		if k > 0 && cols[2*k-1] < cols[2*k] {
			regions[2*k] = (cols[2*k-1] + cols[2*k]) / 2
		}
		if k+1 < n && cols[2*k+1] < cols[2*k+2] {
			regions[2*k+1] = (cols[2*k+1] + cols[2*k+2]) / 2
		}
	}
	cols = regions
	var out []pline
	for _, r := range rows {
		slots, ext, ok := assignColumns(r, cols)
		if !ok {
			out = append(out, r)
			continue
		}
		if len(out) > 0 && slots[0] == "" && continuesRow(&out[len(out)-1], r, slots, ext) {
			continue
		}
		r.text = strings.Join(slots, "\t")
		r.cells = n
		r.cellX = ext
		out = append(out, r)
	}
	return out
}

// assignColumns places a row's cells in the block's columns by horizontal overlap, in order.
func assignColumns(r pline, cols []float64) ([]string, []float64, bool) {
	n := len(cols) / 2
	cells := strings.Split(r.text, "\t")
	ext := r.cellX
	if r.cells == 1 {
		ext = []float64{r.x0, r.x1}
	}
	if len(cells)*2 != len(ext) {
		return nil, nil, false
	}
	slots := make([]string, n)
	slotX := make([]float64, 2*n)
	next := 0
	for c, text := range cells {
		x0, x1 := ext[2*c], ext[2*c+1]
		first, last, best, bestOv := -1, -1, -1, 0.0
		for k := next; k < n; k++ {
			ov := math.Min(x1, cols[2*k+1]) - math.Max(x0, cols[2*k])
			if ov > 2 {
				if first < 0 {
					first = k
				}
				last = k
			}
			if ov > bestOv {
				best, bestOv = k, ov
			}
		}
		if best < 0 {
			return nil, nil, false
		}
		if last > first && first >= 0 {
			// one run spanning several columns ("Code Libellé" with a narrow gap): split it at
			// the spaces nearest the columns' starts
			if parts := splitAt(text, x0, x1, cols, first, last); parts != nil {
				copy(slots[first:], parts)
				for k := first; k <= last; k++ {
					slotX[2*k], slotX[2*k+1] = math.Max(x0, cols[2*k]), math.Min(x1, cols[2*k+1])
				}
				next = last + 1
				continue
			}
		}
		slots[best] = text
		slotX[2*best], slotX[2*best+1] = x0, x1
		next = best + 1
	}
	return slots, slotX, true
}

// continuesRow merges into prev a line whose first column is empty when it only continues wrapped
// text cells of prev: close below it, each of its cells under a non-empty, non-numeric cell of
// prev (matched by drawn extent, so that a centred "Annexe)" joins the header it is under).
func continuesRow(prev *pline, r pline, slots []string, ext []float64) bool {
	if prev.bottom-r.y > 1.4*r.size {
		return false
	}
	pc := strings.Split(prev.text, "\t")
	if len(pc) != len(slots) || len(prev.cellX) != 2*len(pc) {
		return false
	}
	target := make([]int, len(slots))
	for k, s := range slots {
		target[k] = -1
		if s == "" {
			continue
		}
		best, bestOv := k, 0.0
		for j := range pc {
			if pc[j] == "" {
				continue
			}
			ov := math.Min(ext[2*k+1], prev.cellX[2*j+1]) - math.Max(ext[2*k], prev.cellX[2*j])
			if ov > bestOv {
				best, bestOv = j, ov
			}
		}
		if pc[best] == "" || isNumeric(pc[best]) || isNumeric(s) {
			return false
		}
		target[k] = best
	}
	for k, s := range slots {
		if t := target[k]; t >= 0 {
			pc[t] += " " + s
		}
	}
	prev.text = strings.Join(pc, "\t")
	prev.bottom = r.bottom
	return true
}

// isNumeric reports whether a cell is an amount or a count ("1 051 236,00 €", "25%").
func isNumeric(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" ,.%€-+()", r):
		default:
			return false
		}
	}
	return digits > 0
}

// splitAt cuts text, drawn from x0 to x1, into one piece per column first..last, at the spaces
// nearest to where each column starts (glyph positions estimated in proportion to the text).
func splitAt(text string, x0, x1 float64, cols []float64, first, last int) []string {
	rs := []rune(text)
	if x1 <= x0 {
		return nil
	}
	parts := make([]string, 0, last-first+1)
	from := 0
	for b := first + 1; b <= last; b++ {
		target := int(math.Round((cols[2*b] - x0) / (x1 - x0) * float64(len(rs))))
		cut := -1
		for d := 0; d < len(rs); d++ {
			if i := target - d; i > from && i < len(rs) && rs[i] == ' ' {
				cut = i
				break
			}
			if i := target + d; i > from && i < len(rs) && rs[i] == ' ' {
				cut = i
				break
			}
		}
		if cut < 0 {
			return nil
		}
		parts = append(parts, string(rs[from:cut]))
		from = cut + 1
	}
	return append(parts, string(rs[from:]))
}

// sameLine reports whether word w sits on the line whose first word has baseline y0 and size s0:
// baselines within a fraction of the smaller size, or, for a superscript or subscript (a size
// clearly smaller than the other), within about half the larger size.
func sameLine(y0, s0 float64, w word) bool {
	dy := math.Abs(w.y - y0)
	small, large := math.Min(s0, w.size), math.Max(s0, w.size)
	if dy < baselineTol*small {
		return true
	}
	return small < 0.85*large && dy < 0.55*large
}
