package parse

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"minutes/normalize"
)

// lineMemo holds per-line facts that the paragraph splitter, the debate reader and the amount
// reader each ask about the same lines, computed once per document. Each is filled on first use;
// all are pure functions of the line once the header and attendance readers have marked their
// lines (d.used), which happens before the body is read.
type lineMemo struct {
	row    []int8 // tableRow: 0 unknown, 1 no, 2 yes
	marker []int8 // a debate marker after leading bullets (see markerAt): 0 unknown, 1 no, 2 yes
	// table is flatMemo.rows once isTableLine's answer (lineTable) is read for every line.
	table []uint8
	// direct indexes directAt's answers: 0 unknown, -1 no speaker, k the speaker dsp[k-1].
	direct []int32
	dsp    []speaker
	// paraIdx holds the lines of the document's paragraphs, appended section after section
	// (see paraLines).
	paraIdx []int
	// fill holds fillItem's buffers, reused from section to section: nothing a section's
	// record keeps points into them.
	fill struct {
		paras  []para  // paragraphs' result
		cuts   []int32 // paragraphs' ends (see paragraphs)
		prose  []para
		bounds []int
		debate []bool
		lines  []int     // decisions' lines
		drafts [][]draft // decisions' drafts, in chunks that stay in place
		ptrs   []*draft  // decisions' drafts in order
		// exchanges gathers debate's exchanges, copied out into the item.
		exchanges []Exchange
		clauses   []clause // decisions' clauses
		inClause  []bool
		joined    []byte // rewrap's text
		folded    []byte // foldedView's
	}
	// heads holds the buffers of the readers of headings and items (agendaHeadings,
	// buildItems).
	heads struct {
		inHead                []bool
		parents, stack, cands []int
		list, added, merged   []heading
		strs                  []string
		fold                  []byte
	}
	// amounts holds the amount reader's buffers, reused from section to section.
	amounts struct {
		texts         []string
		starts, lines []int
		buf           []byte // the paragraphs' texts joined (see amounts)
		matches       []normalize.Match
		codes         []*string // the currency codes of the amounts (see currencyOf)
		found         []Amount  // the section's amounts, copied out into the item
		// cells marks the detached cells by line, marked the lines marked (see detachedCells).
		cells  []bool
		marked []int
	}
}

// rowAt is tableRow(i), computed once (readRow); a line known to be no row, as most are, is
// answered by a call the compiler inlines (with the answer "yes" too it would not fit the
// budget). rowAtRef is the reference.
func (d *doc) rowAt(i int) bool {
	if r := d.lm.row; i < len(r) && r[i] == 1 {
		return false
	}
	return d.readRow(i)
}

// readRow is rowAt the first time, and for a row.
func (d *doc) readRow(i int) bool {
	m := &d.lm
	if len(m.row) == 0 {
		m.row = cleared(m.row, len(d.lines))
	}
	if m.row[i] == 0 {
		m.row[i] = 1
		if d.tableRow(i) {
			m.row[i] = 2
		}
	}
	return m.row[i] == 2
}

// markerAt reports whether line i, past its bullets, is a debate marker ("Débat :"), once
// (readMarker); a line known to be none, as most are, is answered by a call the compiler
// inlines (see rowAt). markerAtRef is the reference.
func (d *doc) markerAt(i int) bool {
	if r := d.lm.marker; i < len(r) && r[i] == 1 {
		return false
	}
	return d.readMarker(i)
}

// readMarker is markerAt the first time, and for a marker.
func (d *doc) readMarker(i int) bool {
	m := &d.lm
	if len(m.marker) == 0 {
		m.marker = cleared(m.marker, len(d.lines))
	}
	if m.marker[i] == 0 {
		m.marker[i] = 1
		if isDebateMarker(trimBulletMarks(d.folded[i])) {
			m.marker[i] = 2
		}
	}
	return m.marker[i] == 2
}

// directAt is speakerAt(cleanAt(i), false): who opens line i outside a debate block, once. The
// strict reading depends on the line alone (the loose one also on the people known so far).
func (d *doc) directAt(i int) (speaker, bool) {
	m := &d.lm
	if len(m.direct) == 0 {
		m.direct = cleared(m.direct, len(d.lines))
	}
	if m.direct[i] == 0 {
		m.direct[i] = -1
		if sp, ok := d.speakerAt(d.cleanAt(i), false); ok {
			m.dsp = append(m.dsp, sp)
			m.direct[i] = int32(len(m.dsp))
		}
	}
	if k := m.direct[i]; k > 0 {
		return m.dsp[k-1], true
	}
	return speaker{}, false
}

// trimBulletMarks is strings.TrimLeft(s, " -•*") without the rune-by-rune search of a cutset
// holding a character beyond ASCII: the body readers trim every line so.
func trimBulletMarks(s string) string {
	for len(s) > 0 {
		switch {
		case s[0] == ' ' || s[0] == '-' || s[0] == '*':
			s = s[1:]
		case strings.HasPrefix(s, "•"):
			s = s[len("•"):]
		default:
			return s
		}
	}
	return s
}

// isSmallInt is strconv.Atoi(s) succeeding, for s of at most 18 bytes: an optional sign, then
// ASCII digits. A failed Atoi allocates its error, and most short lines asked are no number.
func isSmallInt(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return isDigits(s)
}

// blankAt reports whether line i is blank (strings.TrimSpace of it is empty), from the byte
// facts read once for every line (lineBits): the paragraph splitter and the table-row test ask
// it of every line of the body, by a call the compiler inlines.
func (d *doc) blankAt(i int) bool {
	m := d.flatMemo
	if m == nil {
		m = d.byteMemo()
	}
	return m.rows[i]&lineBlank != 0
}

// byteMemo reads the byte facts of the lines (lineBits) and returns the memo holding them.
//
//go:noinline
func (d *doc) byteMemo() *flatMemo {
	d.lineBits()
	return d.flatMemo
}

// trimLine is strings.TrimSpace(s) for the body's lines: ASCII white space is trimmed byte by
// byte, and TrimSpace runs only when a byte left at an end may belong to a space beyond ASCII
// (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000): their first
// bytes are 0xC2, 0xE1, 0xE2, 0xE3, their last bytes 0x80–0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF.
func trimLine(s string) string {
	i, j := 0, len(s)
	for i < j && isFoldSpace(s[i]) {
		i++
	}
	for j > i && isFoldSpace(s[j-1]) {
		j--
	}
	if i < j && (s[i] >= utf8.RuneSelf && spaceLead(s[i]) || s[j-1] >= utf8.RuneSelf && spaceTail(s[j-1])) {
		return strings.TrimSpace(s[i:j])
	}
	return s[i:j]
}

// spaceLead reports whether c opens the UTF-8 of a white space beyond ASCII.
func spaceLead(c byte) bool { return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 }

// spaceTail reports whether c ends the UTF-8 of a white space beyond ASCII.
func spaceTail(c byte) bool {
	return 0x80 <= c && c <= 0x8A || c == 0x9F || c == 0xA0 || c == 0xA8 || c == 0xA9 || c == 0xAF
}

// wholeAlphabet returns the bytes a match of the pattern src can hold, when the pattern must
// match the whole text (it opens with ^ and ends with $): a text holding any other byte cannot
// match. ok is false for a pattern of another shape. A non-ASCII rune or class, or case
// folding, lets in every byte from 0x80 (invalid UTF-8 reads as U+FFFD), "." every byte but a
// line break.
func wholeAlphabet(src string) (set byteSet, ok bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 2 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[len(re.Sub)-1].Op != syntax.OpEndText {
		return set, false
	}
	return matchAlphabet(re)
}

// matchAlphabet is the set of bytes that the text matched by re can hold.
func matchAlphabet(re *syntax.Regexp) (set byteSet, ok bool) {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return set, true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			set.addRune(r, re.Flags&syntax.FoldCase != 0)
		}
		return set, true
	case syntax.OpCharClass:
		set.addClass(re.Rune)
		return set, true
	case syntax.OpAnyCharNotNL:
		set.addRange(0, 0xff)
		set[0] &^= 1 << '\n'
		return set, true
	case syntax.OpAnyChar:
		set.addRange(0, 0xff)
		return set, true
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return matchAlphabet(re.Sub[0])
	case syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, ok := matchAlphabet(sub)
			if !ok {
				return set, false
			}
			set.union(s)
		}
		return set, true
	}
	return set, false
}

// debateMarkerBytes are the bytes a debate marker can hold (reDebateMarker matches a whole
// line): most lines that open like a marker ("debat sur …", "questions diverses, …") hold
// another one (a comma, a digit), and are turned away without the pattern.
var debateMarkerBytes, debateMarkerWhole = wholeAlphabet(reDebateMarker.String())

// startGate is the anchored start of a pattern's prefilter (rxFilter.first and starts), with
// the starts sorted by the first byte they accept (startsByFirst): a text it rejects holds no
// match. Most lines open with a byte no match does, and the rest are tried against the few
// starts their first byte allows.
type startGate struct {
	f  *rxFilter
	by *[256][]bytePrefix
	// open tells the first bytes that may open a match (f.first, and a start accepts them),
	// all of them when the pattern is not anchored.
	open *[256]bool
}

// newStartGate derives the start gate of r's prefilter.
func newStartGate(r *rx) startGate {
	f := r.prefilter()
	g := startGate{f, startsByFirst(f.starts), new([256]bool)}
	for c := range g.open {
		g.open[c] = !f.anchored || f.first.has(byte(c)) && (f.starts == nil || len(g.by[c]) > 0)
	}
	return g
}

// rejects reports whether s cannot open a match (false when the pattern is not anchored), by
// a call the compiler inlines for the lines turned away on their first byte.
func (g startGate) rejects(s string) bool {
	if s == "" {
		return g.f.anchored
	}
	return !g.open[s[0]] || g.rejectsStart(s)
}

// rejectsStart is rejects for s whose first byte may open a match: kept out of line, so that
// rejects is inlined.
//
//go:noinline
func (g startGate) rejectsStart(s string) bool {
	return g.f.anchored && g.f.starts != nil && !startsWith(s, g.by[s[0]])
}

// startsByFirst sorts starts by the first bytes they accept: startsWith(s, t[s[0]]) is
// startsWith(s, starts) for s not empty (a start of no byte accepts every s).
func startsByFirst(starts []bytePrefix) *[256][]bytePrefix {
	var t [256][]bytePrefix
	for _, p := range starts {
		for c := range t {
			if len(p.sets) == 0 || p.sets[0].has(byte(c)) {
				t[c] = append(t[c], p)
			}
		}
	}
	return &t
}

// debateMarkerGate is reDebateMarker's start gate, derived once at start-up.
var debateMarkerGate = newStartGate(reDebateMarker)

// isDebateMarker is reDebateMarker.MatchString(f).
func isDebateMarker(f string) bool {
	// The pattern's own start first: it turns most lines away on their first bytes. Its
	// literals, each looked for in the whole line, come only after the bytes a marker may hold
	// (MatchString looks for them): prose that opens like a marker ("que le conseil …",
	// "intervient …") holds a byte no marker does.
	if debateMarkerGate.rejects(f) {
		return false
	}
	if debateMarkerWhole {
		for i := 0; i < len(f); i++ {
			if !debateMarkerBytes.has(f[i]) {
				return false
			}
		}
	}
	return reDebateMarker.MatchString(f)
}
