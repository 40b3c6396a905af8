package parse

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// heading is a numbered line that opens a section (or an agenda entry): its number as written,
// its title (joined over wrapped lines), and its place in the outline once accepted.
type heading struct {
	line, last int // index of the first line and of the last title line
	style      string
	seq        seqKind
	number     string
	ord        int // the running value of the number in its family (1 for "A", 4 for "IV")
	title      string
	level      int
	path       string
	voted      bool // an item of a list of deliberations voted (see listedDeliberations)
}

// maxTitleRunes bounds the first line of a heading: longer numbered lines are prose (a numbered
// list inside an exposé) rather than section titles.
const maxTitleRunes = 180

// matchHeading reads a line as a numbered heading, without context: ok is false when the line
// does not have the shape of one. The running numbering is checked later, by outline.place.
func matchHeading(text string) (h heading, ok bool) {
	return matchHeadingMax(text, maxTitleRunes)
}

// matchHeadingMax is matchHeading with a bound on the title's length: an agenda entry may run
// longer than a section heading.
func matchHeadingMax(text string, maxRunes int) (h heading, ok bool) {
	return matchCleaned(cleanHeadingText(text), maxRunes)
}

// matchCleaned is matchHeadingMax on a text already cleaned (cleanHeadingText).
func matchCleaned(t string, maxRunes int) (h heading, ok bool) {
	ok = matchInto(&h, t, maxRunes)
	return h, ok
}

// matchInto is matchCleaned reading into h: the lines that read as no heading (most) cost no
// copy of one.
func matchInto(hp *heading, t string, maxRunes int) bool {
	return matchForms(hp, t, maxRunes, len(headingForms))
}

// matchForms is matchInto trying only the first forms of headingForms. Behind a bullet, only
// a deliberation number counts: the forms after the last deliberation form (delibForms) read
// none, and their reading, if any, is rejected, so that they are not tried there.
func matchForms(hp *heading, t string, maxRunes, forms int) bool {
	if t == "" || len(t) > 600 {
		return false
	}
	// "- 2008/1 – Implantation …": a deliberation number may sit behind a dash bullet
	// (bulletEnd is reBullet's match, read by hand).
	if bulletMay(t) {
		if e := bulletEnd(t); e >= 0 && e < len(t) {
			var h heading
			if matchForms(&h, cleanHeadingText(t[e:]), maxRunes, delibForms) && h.style == "delib" {
				*hp = h
				return true
			}
			return false
		}
	}
	// Whether a digit opens the line, for the bare forms: asked once, not once a form.
	digitNear := 0 // 0 unknown, 1 yes, 2 no
	// The run of digits that opens the line and the white space after it, for the leads of
	// the forms that open with a number: read once, not once a form (see mayRun).
	run, gap := -1, 0
	for _, k := range formsByByte[t[0]] {
		if k >= forms {
			break // (formsByByte lists the forms in their order)
		}
		p := &formPlans[k]
		if p.bare {
			if digitNear == 0 {
				digitNear = 2
				if hasDigit(t[:min(len(t), bareDigitWithin)]) {
					digitNear = 1
				}
			}
			if digitNear == 2 {
				continue
			}
		}
		switch p.lead {
		case leadRun:
			if run < 0 {
				run = digitRun(t, 0)
				gap = spaceRunEnd(t, run)
			}
			if !p.l.mayRun(t, run, gap) {
				continue
			}
		case leadMay:
			if !p.l.may(t) {
				continue
			}
		}
		f := p.f
		var number, title string
		if sf := p.sep; sf != nil {
			var ok bool
			if number, title, ok = sf.read(t); !ok {
				continue
			}
		} else if hf := p.hand; hf != nil {
			var ok bool
			if number, title, ok = hf(t); !ok {
				continue
			}
		} else {
			m := f.re.FindStringSubmatch(t)
			if m == nil {
				continue
			}
			number = m[1]
			for _, g := range m[2:] {
				if g != "" {
					title = g
					break
				}
			}
		}
		h := hp
		*h = heading{style: f.style, seq: f.seq, number: strings.TrimSpace(number), title: cleanTitle(title)}
		if f.bare && (!delibNumberOK(h.number) || (h.title != "" && !hasWord(h.title, 3))) {
			// "E-25-04-042-D": a fragment of an acknowledgement number, not a title.
			continue
		}
		if f.style == "letter" && reInitialsList.MatchString(h.title) {
			return false
		}
		if strings.HasPrefix(f.style, "hyphen") {
			h.number = strings.Join(strings.Fields(strings.ReplaceAll(h.number, " -", "-")), " ")
			h.number = strings.ReplaceAll(h.number, "- ", "-")
		}
		if !titleShapeOK(*h, maxRunes) {
			return false
		}
		if h.seq == seqDotted && h.style == "dotted" {
			// Each depth of dotted numbers is its own family: 6.5 and 6.5.1 sit at two levels.
			h.style = dottedStyle(strings.Count(h.number, "."))
		}
		h.ord = ordinal(*h)
		if h.ord < 0 {
			return false
		}
		return true
	}
	return false
}

// formPlan is how matchForms tries a heading form, gathered in one place: the form, how its
// lead is asked, and its hand reader if it has one.
type formPlan struct {
	f    *headingForm
	bare bool
	lead uint8 // leadNone, leadRun or leadMay
	l    *headingLead
	sep  *sepForm
	hand func(string) (number, title string, ok bool)
}

// How a form's lead is asked: none (the form has no lead), by mayRun (digits without
// capitals), or by may.
const (
	leadNone = iota
	leadRun
	leadMay
)

// formPlans are the plans of headingForms, in their order.
var formPlans = func() []formPlan {
	out := make([]formPlan, len(headingForms))
	for k := range headingForms {
		p := formPlan{f: &headingForms[k], bare: headingForms[k].bare, l: formLeads[k], sep: formSeps[k], hand: formHands[k]}
		switch {
		case p.l == nil:
		case p.l.class == digits && p.l.capitals == 0:
			p.lead = leadRun
		default:
			p.lead = leadMay
		}
		out[k] = p
	}
	return out
}()

// delibForms is how many forms a line behind a bullet may read: up to the last deliberation
// form (style "delib").
var delibForms = func() int {
	n := 0
	for k, f := range headingForms {
		if f.style == "delib" {
			n = k + 1
		}
	}
	return n
}()

// dottedStyles are the families of dotted numbers by depth: "dotted1" for 6.5, "dotted2" for
// 6.5.1 (a dotted heading holds one to three dots), made once rather than on every match.
var dottedStyles = [...]string{"dotted0", "dotted1", "dotted2", "dotted3"}

// dottedStyle is "dotted" and the count of dots n.
func dottedStyle(n int) string {
	if n < len(dottedStyles) {
		return dottedStyles[n]
	}
	return "dotted" + strconv.Itoa(n)
}

// lineHeads memoizes, line by line, cleanHeadingText and matchHeadingMax: the agenda, the
// sections, the titles that wrap and the unnumbered headings all read the same lines.
type lineHeads struct {
	state []uint8 // the head* bits below
	// cleanHeadingText of the line: the bytes span[i][0]:span[i][1] of a plain line (see
	// cleanHeading) of up to 64 KB, own[ownIndex(span[i])] for the others, which are few:
	// two uint16 a line rather than a string header of 16 bytes.
	span [][2]uint16
	own  []string
	at   []int32 // 1 + the index in chunks of the line's heading; 0 when it is none
	// chunks hold the headings read (with no bound on the title, see headingAt), headChunk a
	// chunk: a pointer handed out stays valid, as no chunk moves; nhead is how many of them
	// the document read. A pooled memo keeps its chunks for the next document.
	chunks [][]lineHeading
	nhead  int32
	// scratch is where headingLine reads a line: a line that reads as no heading (most)
	// leaves it as it was, so that no heading is cleared for each line.
	scratch heading
}

// drop clears the strings m holds, as reset leaves them in the arrays it keeps.
func (m *lineHeads) drop() {
	clear(m.own)
	for k := range m.chunks[:(int(m.nhead)+headChunk-1)/headChunk] {
		clear(m.chunks[k])
	}
	m.scratch = heading{}
}

// reset empties m for another document, keeping its arrays: lineMemo sizes the per-line
// slices, and every reading is written before it is read.
func (m *lineHeads) reset() {
	m.state, m.span, m.at, m.own = m.state[:0], m.span[:0], m.at[:0], m.own[:0]
	m.nhead, m.scratch = 0, heading{}
}

// lineHeading is what matchCleaned reads off a line: the fields of a heading that do not
// depend on its place (line, level, path), in half the bytes.
type lineHeading struct {
	style, number, title string
	ord                  int
	seq                  seqKind
}

// headChunk is the size of a chunk of lineHeads.chunks.
const headChunk = 16

const (
	headRead     = 1 << iota // the line was cleaned
	headIdem                 // cleanHeadingText leaves the cleaned text as it is
	headIdemRead             // headIdem is known (see idem)
	headMatch                // the line was read as a heading
	headOwn                  // the cleaned text is in own
)

// lineMemo is the document's memo of line readings, made on first use.
func (d *doc) lineMemo() *lineHeads {
	m := d.heads
	if m == nil {
		// The scratch's memo when the document has one (taken and reset with it), else a
		// memo of its own.
		if d.scratch != nil {
			m = &d.scratch.sec.heads
		} else {
			m = new(lineHeads)
		}
		n := len(d.lines)
		m.state, m.span, m.at = cleared(m.state, n), cleared(m.span, n), cleared(m.at, n)
		d.heads = m
	}
	return m
}

// lineHead cleans line i once.
func (d *doc) lineHead(i int) *lineHeads {
	m := d.lineMemo()
	if m.state[i]&headRead == 0 {
		raw := d.lines[i].Text
		c, plain := raw, true
		var a, b int
		var ok bool
		if fm := d.flatMemo; fm == nil {
			a, b, ok = plainSpan(raw)
		} else if st := fm.rows[i]; st&lineBlank != 0 {
			// A blank line cleans to "", whatever white space it holds (untab moves no
			// marker into it): its bytes need no reading.
			ok = true
		} else if st&lineTab == 0 {
			a, b, ok = plainSpanUntabbed(raw)
		}
		if ok && b <= math.MaxUint16 {
			c = raw[a:b]
			m.span[i] = [2]uint16{uint16(a), uint16(b)}
		} else {
			c, plain = cleanHeading(raw)
			m.span[i] = [2]uint16{uint16(len(m.own)), uint16(len(m.own) >> 16)}
			if m.own == nil {
				m.own = make([]string, 0, 16) // not one allocation for each of the first few
			}
			m.own = append(m.own, c)
			m.state[i] |= headOwn
		}
		m.state[i] |= headRead
		if plain {
			m.state[i] |= headIdem | headIdemRead
		}
	}
	return m
}

// idem reports whether cleaning the cleaned text of line i (cleaned already) again leaves it
// as it is. It is asked only when a caller passes that text rather than the line (see
// headingAt): most lines with a tab are table rows, which it would clean a second time.
func (m *lineHeads) idem(d *doc, i int) bool {
	if m.state[i]&headIdemRead == 0 {
		m.state[i] |= headIdemRead
		// Cleaning the cleaned text again changes it only if it holds a tab, opens with '#', or
		// holds "**" or "__" (it is trimmed already); a plain line holds none of them.
		if c := m.cleanOf(d, i); strings.IndexByte(c, '\t') < 0 && !strings.HasPrefix(c, "#") && !strings.Contains(c, "**") && !strings.Contains(c, "__") || cleanHeadingText(c) == c {
			m.state[i] |= headIdem
		}
	}
	return m.state[i]&headIdem != 0
}

// cleanAt is cleanHeadingText of line i. The readers ask it of most lines several times: a
// line cleaned already into a span of itself is answered without a call.
func (d *doc) cleanAt(i int) string {
	if m := d.heads; m != nil && m.state[i]&(headRead|headOwn) == headRead {
		sp := m.span[i]
		return d.lines[i].Text[sp[0]:sp[1]]
	}
	return d.lineHead(i).cleanOf(d, i)
}

// cleanOf is the cleaned text of line i of d, cleaned already.
func (m *lineHeads) cleanOf(d *doc, i int) string {
	sp := m.span[i]
	if m.state[i]&headOwn != 0 {
		return m.own[int(sp[0])|int(sp[1])<<16]
	}
	return d.lines[i].Text[sp[0]:sp[1]]
}

// headingAt is matchHeadingMax(text, maxRunes) for a text that cleans to cleanAt(i) — line i
// itself, or its cleaned text when cleaning it again changes nothing (reports false
// otherwise: the caller then reads the text itself). The line is read once with no bound on
// the title: the bound only rejects, and only on the title of the form that matched.
func (d *doc) headingAt(i int, text string, maxRunes int) (h heading, ok, known bool) {
	m := d.lineHead(i)
	if text != d.lines[i].Text && (text != m.cleanOf(d, i) || !m.idem(d, i)) {
		return h, false, false
	}
	lh := d.headingLine(i)
	if lh == nil || moreRunes(lh.title, maxRunes) {
		return h, false, true
	}
	return heading{style: lh.style, seq: lh.seq, number: lh.number, ord: lh.ord, title: lh.title}, true, true
}

// headingLine is the reading of line i as a heading with no bound on the title (see
// headingAt), made once: nil when the line reads as none.
func (d *doc) headingLine(i int) *lineHeading {
	m := d.lineHead(i)
	if m.state[i]&headMatch == 0 {
		m.state[i] |= headMatch
		if h := &m.scratch; matchInto(h, m.cleanOf(d, i), math.MaxInt) {
			k := int(m.nhead)
			if k/headChunk == len(m.chunks) {
				m.chunks = append(m.chunks, make([]lineHeading, headChunk))
			}
			m.chunks[k/headChunk][k%headChunk] = lineHeading{style: h.style, number: h.number, title: h.title, ord: h.ord, seq: h.seq}
			m.nhead++
			m.at[i] = m.nhead
		}
	}
	if m.at[i] == 0 {
		return nil
	}
	k := int(m.at[i] - 1)
	return &m.chunks[k/headChunk][k%headChunk]
}

// headingOf is headingAt, reading text itself when the memo does not apply.
func (d *doc) headingOf(i int, text string, maxRunes int) (heading, bool) {
	if h, ok, known := d.headingAt(i, text, maxRunes); known {
		return h, ok
	}
	return matchHeadingMax(text, maxRunes)
}

// headingLead is what the first bytes of a line must be for a heading form to match it, told
// before its pattern runs: most lines that open with a digit, a roman numeral or a capital are
// prose, numbered lists of another form, or amounts, and fail on their second or third byte.
// Each is a necessary condition of its pattern (FuzzHeadingLeads checks them); a form without
// one runs its pattern on every line that passes its starts.
type headingLead struct {
	// The line opens with a run of class bytes ("0123456789", "IVX") of min to max of them
	// (exactly: a shorter match would leave a class byte next); "" for a word form.
	class    string
	min, max int
	space    bool   // white space (\s*) may come between the run and the next byte
	next     string // the bytes that may follow the run (the lead byte of a non-ASCII sign)
	digit    bool   // a digit follows next
	// capitals > 0: up to that many capitals (\p{Lu}) and a dash or a space may come before
	// the run.
	capitals int
	// For a word form: the words one of which opens the line, as leadWords makes them.
	words [][]leadRune
	// The bytes of class and of next, as sets: may asks of a byte of nearly every line.
	classSet, nextSet byteSet
}

// headingLeads are the leads of the heading forms, by the source of their pattern: a form whose
// pattern changes loses its lead (and only runs slower) until the lead is updated.
var headingLeads = withLeadSets(map[string]headingLead{
	`^(?:(?i:d[ée]lib[ée]ration)\s+)?N[°o]\.?\s*(\d{2,4}[./-]\d{1,3}(?:[./-]\d{1,3})*)\s*(?:[-–—:]\s*)?(.*)$`: {words: leadWords("délibération n", "no", "n°")},
	`^(?i:d[ée]lib[ée]ration)\s+(?i:n[°o])\.?\s*(\d{1,4}(?:[./_-]\d{1,4})*)\s*(?:[-–—:]\s*)?(.*)$`:            {words: leadWords("délibération n")},
	`^(\d{4}\.\d{2}\.\d{2}\s*-\s*(?:\d{1,3}|[IVX]+))\.?\s*[-–:]?\s*(.*)$`:                                     {class: digits, min: 4, max: 4, next: ".", digit: true},
	`^(\p{Lu}{0,4}[- ]?\d{1,4}(?:[./-]\d{1,4}){1,3})\s*(?:[-–—:]\s*(.*)|\s(\p{Lu}.*))$`:                       {capitals: 4, class: digits, min: 1, max: 4, next: "./-", digit: true},
	`^(?i:point|question|affaire|dossier)\s+(?i:n[°o])?\s*(\d{1,2})\s*[:.\-–]\s*(.*)$`:                        {words: leadWords("point", "question", "affaire", "dossier")},
	`^([IVX]{1,4}\.\d{1,2})\.?\s+(.*)$`:                          {class: "IVX", min: 1, max: 4, next: ".", digit: true},
	`^([IVX]{1,5})\s*(?:[.)]\s+|\s[-–—]\s*|[-–—]\s+|/\s*)(.+)$`:  {class: "IVX", min: 1, max: 5, space: true, next: ".)-/\xe2"},
	`^(\d{1,2}\s*-\s*\d{1,2})\s*[:–—]\s*(\p{L}.*)$`:              {class: digits, min: 1, max: 2, space: true, next: "-"},
	`^(\d{1,2}\s*-\s*\d{1,2}\s+[A-H])\s*[:–—]\s*(\p{L}.*)$`:      {class: digits, min: 1, max: 2, space: true, next: "-"},
	`^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*(?:[-–—)]\s*)?(\p{L}.*)$`: {class: digits, min: 1, max: 2, next: ".", digit: true},
	`^(\d{1,2})\s*\.\s*(.+)$`:                                    {class: digits, min: 1, max: 2, space: true, next: "."},
	`^(\d{1,2})\s*\)\s*(.*)$`:                                    {class: digits, min: 1, max: 2, space: true, next: ")"},
	`^(\d{1,2})\s*[-–—](?:\s+(.+)|(\p{Lu}.*))$`:                  {class: digits, min: 1, max: 2, space: true, next: "-\xe2"},
	`^(\d{1,2})\s*/\s*(.+)$`:                                     {class: digits, min: 1, max: 2, space: true, next: "/"},
	`^(\d{1,2})\s*°\s*[-–—:)/]?\s*(.+)$`:                         {class: digits, min: 1, max: 2, space: true, next: "\xc2"},
	`^([A-H])\s*[.)]\s+(.+)$`:                                    {class: "ABCDEFGH", min: 1, max: 1, space: true, next: ".)"},
})

// withLeadSets fills the byte sets of the leads' class and next bytes, read byte by byte.
func withLeadSets(leads map[string]headingLead) map[string]headingLead {
	for k, l := range leads {
		for i := 0; i < len(l.class); i++ {
			l.classSet.add(l.class[i])
		}
		for i := 0; i < len(l.next); i++ {
			l.nextSet.add(l.next[i])
		}
		leads[k] = l
	}
	return leads
}

// formsByByte lists, for each first byte of a line, the heading forms whose starts hold it, in
// their order.
var formsByByte = func() (out [256][]int) {
	for k, f := range headingForms {
		for i := 0; i < len(f.starts); i++ {
			if c := f.starts[i]; !slices.Contains(out[c], k) {
				out[c] = append(out[c], k)
			}
		}
	}
	return out
}()

// formLeads are the leads of headingForms, in their order (nil for a form without one).
var formLeads = func() []*headingLead {
	out := make([]*headingLead, len(headingForms))
	for k, f := range headingForms {
		if l, ok := headingLeads[f.re.String()]; ok {
			out[k] = &l
		}
	}
	return out
}()

// sepForm is a heading form of the shape `^(\d{1,2})\s*SEP\s*(.+)$` (or `(.*)$`), the most
// common of all: it is matched by hand, its pattern's backtracking costing a hundred times
// more. FuzzSepForms checks that both agree on every line.
type sepForm struct {
	sep   byte
	empty bool // the title may be empty: (.*) rather than (.+)
}

// sepForms are the forms matched by hand, by the source of their pattern.
var sepForms = map[string]sepForm{
	`^(\d{1,2})\s*\.\s*(.+)$`: {sep: '.'},
	`^(\d{1,2})\s*\)\s*(.*)$`: {sep: ')', empty: true},
	`^(\d{1,2})\s*/\s*(.+)$`:  {sep: '/'},
}

// formSeps are the sepForms of headingForms, in their order (nil for a form matched by its
// pattern).
var formSeps = func() []*sepForm {
	out := make([]*sepForm, len(headingForms))
	for k, f := range headingForms {
		if sf, ok := sepForms[f.re.String()]; ok {
			out[k] = &sf
		}
	}
	return out
}()

// match is FindStringSubmatch of the form's pattern.
func (f *sepForm) match(t string) []string {
	number, title, ok := f.read(t)
	if !ok {
		return nil
	}
	return []string{t, number, title}
}

// read is match without the slice: the number and the title.
func (f *sepForm) read(t string) (number, title string, ok bool) {
	n := 0
	for n < len(t) && '0' <= t[n] && t[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 {
		return "", "", false // a third digit is no \s and no separator
	}
	i := n
	for i < len(t) && isGapSpace(t[i]) {
		i++
	}
	if i == len(t) || t[i] != f.sep {
		return "", "", false
	}
	i++
	e := i
	for e < len(t) && isGapSpace(t[e]) {
		e++
	}
	// (.+)$ or (.*)$: the rest, which '.' reads only without a newline; (.+) takes back the
	// last white space when nothing else is left.
	if e == len(t) && !f.empty {
		if e == i || t[e-1] == '\n' {
			return "", "", false
		}
		e--
	}
	if strings.IndexByte(t[e:], '\n') >= 0 {
		return "", "", false
	}
	return t[:n], t[e:], true
}

// handForms read, by hand, heading forms whose patterns backtrack over the whole line even
// where they match (their title runs to the end): each is what matchInto takes of the
// pattern's FindStringSubmatch, the number (group 1) and the title (its first group that is
// not empty), ok false where the pattern does not match. Each follows the pattern's
// leftmost-first choices; FuzzHandForms checks them against the patterns.
var handForms = map[string]func(string) (number, title string, ok bool){
	`^(\p{Lu}{0,4}[- ]?\d{1,4}(?:[./-]\d{1,4}){1,3})\s*(?:[-–—:]\s*(.*)|\s(\p{Lu}.*))$`: readRegisterForm,
	`^(\d{4}\.\d{2}\.\d{2}\s*-\s*(?:\d{1,3}|[IVX]+))\.?\s*[-–:]?\s*(.*)$`:               readDatedForm,
	`^(\d{1,2}\s*-\s*\d{1,2})\s*[:–—]\s*(\p{L}.*)$`:                                     readHyphen2Form,
	`^(\d{1,2}\s*-\s*\d{1,2}\s+[A-H])\s*[:–—]\s*(\p{L}.*)$`:                             readHyphenLForm,
	`^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*(?:[-–—)]\s*)?(\p{L}.*)$`:                        readDottedForm,
	`^(\d{1,2})\s*[-–—](?:\s+(.+)|(\p{Lu}.*))$`:                                         readArabicDashForm,
	`^([A-H])\s*[.)]\s+(.+)$`:                                                           readLetterForm,
	`^([IVX]{1,4}\.\d{1,2})\.?\s+(.*)$`:                                                 readRomanArabicForm,
	`^([IVX]{1,5})\s*(?:[.)]\s+|\s[-–—]\s*|[-–—]\s+|/\s*)(.+)$`:                         readRomanForm,
}

// formHands are the handForms of headingForms, in their order (nil for a form read otherwise).
var formHands = func() []func(string) (string, string, bool) {
	out := make([]func(string) (string, string, bool), len(headingForms))
	for k, f := range headingForms {
		out[k] = handForms[f.re.String()]
	}
	return out
}()

// dashWidth is the width of the dash ("-", "–", "—") at t[i:], 0 when none opens it.
func dashWidth(t string, i int) int {
	if i < len(t) && t[i] == '-' {
		return 1
	}
	return wideDashWidth(t, i)
}

// wideDashWidth is the width of an en or em dash ("–", "—") at t[i:], 0 when none opens it.
func wideDashWidth(t string, i int) int {
	if i+2 < len(t) && t[i] == 0xE2 && t[i+1] == 0x80 && (t[i+2] == 0x93 || t[i+2] == 0x94) {
		return 3
	}
	return 0
}

// letterAt is the width of the letter (\p{L}) that opens s, 0 when s opens with none.
func letterAt(s string) int {
	if s == "" {
		return 0
	}
	if c := s[0]; c < utf8.RuneSelf {
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			return 1
		}
		return 0
	}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLetter(r) {
		return n
	}
	return 0
}

// oneLine reports whether s holds no line break: what "." reads up to.
func oneLine(s string) bool { return strings.IndexByte(s, '\n') < 0 }

// restOfLine is the title of (.+)$ after \s+ ending at e, the white space starting at i: the
// rest of the line, or when nothing is left, the last white space the \s+ gives back (not a
// line break, which "." does not read).
func restOfLine(t string, i, e int) (string, bool) {
	if e < len(t) {
		return t[e:], oneLine(t[e:])
	}
	if e-i >= 2 && t[e-1] != '\n' {
		return t[e-1:], true
	}
	return "", false
}

// readRegisterForm reads a register number: up to four capitals, a dash or a space, then two
// to four groups of up to four digits ("DL-061-07-13 - Travaux", "2020-038 SUBVENTION"). The
// pattern prefers the most groups, giving them back one by one when the rest does not read.
func readRegisterForm(t string) (number, title string, ok bool) {
	i := 0
	for c := 0; ; c++ {
		w := upperAt(t[i:])
		if w == 0 {
			break
		}
		if c == 4 {
			return "", "", false // a fifth capital is no [- ]? and no digit
		}
		i += w
	}
	if i < len(t) && (t[i] == '-' || t[i] == ' ') {
		i++
	}
	// Each run of digits is read whole: a digit left over is no separator and opens no rest.
	n := digitRun(t, i)
	if n == 0 || n > 4 {
		return "", "", false
	}
	ends, groups := digitGroups(t, i+n, 4, "./-")
	for ; groups >= 1; groups-- {
		x := ends[groups]
		p := spaceRunEnd(t, x)
		w := dashWidth(t, p)
		if w == 0 && p < len(t) && t[p] == ':' {
			w = 1
		}
		if w > 0 {
			// [-–—:]\s*(.*)$
			if q := spaceRunEnd(t, p+w); oneLine(t[q:]) {
				return t[:x], t[q:], true
			}
			continue
		}
		// \s(\p{Lu}.*)$
		if p > x && upperAt(t[p:]) > 0 && oneLine(t[p:]) {
			return t[:x], t[p:], true
		}
	}
	return "", "", false
}

// readDatedForm reads a dated deliberation number ("2013.04.08 - 1 ADOPTION …"): the title is
// what follows its optional dot, dash or colon, which every path of the pattern leaves.
func readDatedForm(t string) (number, title string, ok bool) {
	if len(t) < 10 || !isDigits(t[:4]) || t[4] != '.' || !isDigits(t[5:7]) || t[7] != '.' || !isDigits(t[8:10]) {
		return "", "", false
	}
	i := spaceRunEnd(t, 10)
	if i == len(t) || t[i] != '-' {
		return "", "", false
	}
	i = spaceRunEnd(t, i+1)
	e := i
	if n := digitRun(t, i); n > 0 {
		e += min(n, 3)
	} else {
		for e < len(t) && (t[e] == 'I' || t[e] == 'V' || t[e] == 'X') {
			e++
		}
		if e == i {
			return "", "", false
		}
	}
	j := e
	if j < len(t) && t[j] == '.' {
		j++
	}
	j = spaceRunEnd(t, j)
	if j < len(t) && (t[j] == '-' || t[j] == ':') {
		j++
	} else if j+2 < len(t) && t[j] == 0xE2 && t[j+1] == 0x80 && t[j+2] == 0x93 {
		j += 3
	}
	j = spaceRunEnd(t, j)
	if !oneLine(t[j:]) {
		return "", "", false
	}
	return t[:e], t[j:], true
}

// hyphenNumber reads "1-1", "2- 1" at the start of t: the end of the number, 0 when none.
func hyphenNumber(t string) int {
	n := digitRun(t, 0)
	if n == 0 || n > 2 {
		return 0
	}
	i := spaceRunEnd(t, n)
	if i == len(t) || t[i] != '-' {
		return 0
	}
	i = spaceRunEnd(t, i+1)
	if n := digitRun(t, i); n > 0 && n <= 2 {
		return i + n
	}
	return 0
}

// letterTitle reads `\s*[:–—]\s*(\p{L}.*)$` at t[x:].
func letterTitle(t string, x int) (string, bool) {
	p := spaceRunEnd(t, x)
	w := wideDashWidth(t, p)
	if w == 0 && p < len(t) && t[p] == ':' {
		w = 1
	}
	if w == 0 {
		return "", false
	}
	q := spaceRunEnd(t, p+w)
	if letterAt(t[q:]) == 0 || !oneLine(t[q:]) {
		return "", false
	}
	return t[q:], true
}

// readHyphen2Form reads "1-1 : Autorisation …".
func readHyphen2Form(t string) (number, title string, ok bool) {
	x := hyphenNumber(t)
	if x == 0 {
		return "", "", false
	}
	if title, ok = letterTitle(t, x); !ok {
		return "", "", false
	}
	return t[:x], title, true
}

// readHyphenLForm reads "1-3 A : Relevés topographiques.".
func readHyphenLForm(t string) (number, title string, ok bool) {
	x := hyphenNumber(t)
	if x == 0 {
		return "", "", false
	}
	e := spaceRunEnd(t, x)
	if e == x || e == len(t) || t[e] < 'A' || t[e] > 'H' {
		return "", "", false
	}
	if title, ok = letterTitle(t, e+1); !ok {
		return "", "", false
	}
	return t[:e+1], title, true
}

// digitGroups reads, from g, up to three more groups of a number: each a separator of seps
// then a run of 1 to max digits, read whole. ends[k] is where group k ends (k from 1 to
// groups); the readers give the groups back from the last when the rest does not read.
func digitGroups(t string, g, max int, seps string) (ends [4]int, groups int) {
	for groups < 3 && g < len(t) && strings.IndexByte(seps, t[g]) >= 0 {
		n := digitRun(t, g+1)
		if n == 0 || n > max {
			break
		}
		g += 1 + n
		groups++
		ends[groups] = g
	}
	return ends, groups
}

// readDottedForm reads "6.1 Ecole", "1.1 – Section de fonctionnement", "1.1.1. Recettes".
func readDottedForm(t string) (number, title string, ok bool) {
	n := digitRun(t, 0)
	if n == 0 || n > 2 {
		return "", "", false
	}
	ends, groups := digitGroups(t, n, 2, ".")
	for ; groups >= 1; groups-- {
		x := ends[groups]
		j := x
		if j < len(t) && t[j] == '.' {
			j++
		}
		j = spaceRunEnd(t, j)
		w := dashWidth(t, j)
		if w == 0 && j < len(t) && t[j] == ')' {
			w = 1
		}
		if w > 0 {
			j = spaceRunEnd(t, j+w)
		}
		if letterAt(t[j:]) > 0 && oneLine(t[j:]) {
			return t[:x], t[j:], true
		}
	}
	return "", "", false
}

// readArabicDashForm reads "1 - AFFECTATION …", "2 –Budget", "3-Vote".
func readArabicDashForm(t string) (number, title string, ok bool) {
	n := digitRun(t, 0)
	if n == 0 || n > 2 {
		return "", "", false
	}
	i := spaceRunEnd(t, n)
	w := dashWidth(t, i)
	if w == 0 {
		return "", "", false
	}
	i += w
	if e := spaceRunEnd(t, i); e > i {
		// \s+(.+)$: a white space cannot open \p{Lu}, the other branch.
		if title, ok = restOfLine(t, i, e); !ok {
			return "", "", false
		}
		return t[:n], title, true
	}
	if upperAt(t[i:]) == 0 || !oneLine(t[i:]) {
		return "", "", false
	}
	return t[:n], t[i:], true
}

// readLetterForm reads "A. Direction Générale des services", "B) Pôle …".
func readLetterForm(t string) (number, title string, ok bool) {
	if t == "" || t[0] < 'A' || t[0] > 'H' {
		return "", "", false
	}
	i := spaceRunEnd(t, 1)
	if i == len(t) || t[i] != '.' && t[i] != ')' {
		return "", "", false
	}
	i++
	e := spaceRunEnd(t, i)
	if e == i {
		return "", "", false
	}
	if title, ok = restOfLine(t, i, e); !ok {
		return "", "", false
	}
	return t[:1], title, true
}

// romanRun is the length of the run of roman digits ("I", "V", "X") at i.
func romanRun(t string, i int) int {
	n := 0
	for i+n < len(t) && (t[i+n] == 'I' || t[i+n] == 'V' || t[i+n] == 'X') {
		n++
	}
	return n
}

// readRomanArabicForm reads "I.2 DÉLIBÉRATIONS". Each run of numerals and of digits is read
// whole (a numeral or digit left over is no dot and no white space), and the white space
// before the title is taken whole: the title (.*) may be empty, and a line break left in it
// stays there however little of the white space is taken.
func readRomanArabicForm(t string) (number, title string, ok bool) {
	r := romanRun(t, 0)
	if r == 0 || r > 4 || r == len(t) || t[r] != '.' {
		return "", "", false
	}
	n := digitRun(t, r+1)
	if n == 0 || n > 2 {
		return "", "", false
	}
	x := r + 1 + n
	j := x
	if j < len(t) && t[j] == '.' {
		j++
	}
	e := spaceRunEnd(t, j)
	if e == j || !oneLine(t[e:]) {
		return "", "", false
	}
	return t[:x], t[e:], true
}

// readRomanForm reads "I. VIE DU SYNDICAT", "II – COMMUNAUTE DE COMMUNES", "IV) PERSONNEL". The
// run of numerals is read whole (one left over opens no separator). The white space after it
// is taken whole first, where a bracket, a dash or a slash may follow (at most one of them
// reads); then, given back by one, where its last white space opens "\s[-–—]".
func readRomanForm(t string) (number, title string, ok bool) {
	r := romanRun(t, 0)
	if r == 0 || r > 5 {
		return "", "", false
	}
	w := spaceRunEnd(t, r)
	if w == len(t) {
		return "", "", false
	}
	switch c := t[w]; {
	case c == '.' || c == ')':
		// [.)]\s+(.+)$
		if e := spaceRunEnd(t, w+1); e > w+1 {
			if title, ok = restOfLine(t, w+1, e); ok {
				return t[:r], title, true
			}
		}
		return "", "", false
	case c == '/':
		// /\s*(.+)$
		if title, ok = restAfterSpaces(t, w+1); ok {
			return t[:r], title, true
		}
		return "", "", false
	}
	d := dashWidth(t, w)
	if d == 0 {
		return "", "", false
	}
	// [-–—]\s+(.+)$
	if e := spaceRunEnd(t, w+d); e > w+d {
		if title, ok = restOfLine(t, w+d, e); ok {
			return t[:r], title, true
		}
	}
	// \s[-–—]\s*(.+)$, the white space given back by one.
	if w > r {
		if title, ok = restAfterSpaces(t, w+d); ok {
			return t[:r], title, true
		}
	}
	return "", "", false
}

// restAfterSpaces is the title of \s*(.+)$ at i: the rest of the line after its white space,
// or when nothing is left, the last white space the \s* gives back (not a line break).
func restAfterSpaces(t string, i int) (string, bool) {
	e := spaceRunEnd(t, i)
	if e < len(t) {
		return t[e:], oneLine(t[e:])
	}
	if e > i && t[e-1] != '\n' {
		return t[e-1:], true
	}
	return "", false
}

// may reports whether t opens as the lead says.
func (l *headingLead) may(t string) bool {
	if l.class == "" {
		// Most lines fail a word on its first or second letter, told here without a call:
		// an ASCII byte is its letter only if in its set (a first letter is no space).
		for _, w := range l.words {
			if len(t) > 0 && len(w) > 0 {
				if c := t[0]; c < utf8.RuneSelf && !w[0].many {
					if w[0].ascii[c>>6]&(1<<(c&63)) == 0 {
						continue
					}
					if len(t) > 1 && len(w) > 1 {
						if c := t[1]; c < utf8.RuneSelf && w[1].ascii[c>>6]&(1<<(c&63)) == 0 {
							continue
						}
					}
				}
			}
			if wordLead(t, w) {
				return true
			}
		}
		return false
	}
	n := 0
	if l.capitals > 0 {
		for k := 0; n < len(t); k++ {
			r, size := utf8.DecodeRuneInString(t[n:])
			if !unicode.IsUpper(r) {
				break
			}
			if k == l.capitals {
				return false
			}
			n += size
		}
		if n < len(t) && (t[n] == '-' || t[n] == ' ') {
			n++
		}
		t = t[n:]
		n = 0
	}
	if l.class == digits {
		for n < len(t) && asciiDigit(t[n]) {
			n++
		}
	} else {
		for n < len(t) && l.classSet.has(t[n]) {
			n++
		}
	}
	if n < l.min || n > l.max {
		return false
	}
	if l.space {
		for n < len(t) && isGapSpace(t[n]) {
			n++
		}
	}
	if n >= len(t) || !l.nextSet.has(t[n]) {
		return false
	}
	return !l.digit || n+1 < len(t) && '0' <= t[n+1] && t[n+1] <= '9'
}

// mayRun is may for a lead of digits without capitals (l.class == digits, l.capitals == 0), the
// line's opening run of digits being n bytes long and the white space after it ending at gap.
func (l *headingLead) mayRun(t string, n, gap int) bool {
	if n < l.min || n > l.max {
		return false
	}
	if l.space {
		n = gap
	}
	if n >= len(t) || !l.nextSet.has(t[n]) {
		return false
	}
	return !l.digit || n+1 < len(t) && '0' <= t[n+1] && t[n+1] <= '9'
}

// leadWords spells the words of a lead (see headingLead.words), written in lower case, as the
// runes (?i) lets each of their letters be: its case-folding orbit (ſ passes for s), and for
// "é", which stands for [ée], those of é and e. A space stands for a run of white space (\s+):
// "délibération n" is a lead of two words.
func leadWords(words ...string) [][]leadRune {
	var out [][]leadRune
	for _, w := range words {
		var sets []leadRune
		for _, r := range w {
			if r == ' ' {
				var l leadRune
				for _, c := range []byte(spaceBytes) {
					l.ascii[c>>6] |= 1 << (c & 63)
				}
				l.many = true
				sets = append(sets, l)
				continue
			}
			set := foldOrbit(r)
			if r == 'é' {
				set = append(set, foldOrbit('e')...)
			}
			var l leadRune
			for _, r := range set {
				if r < utf8.RuneSelf {
					l.ascii[r>>6] |= 1 << (r & 63)
				} else {
					l.other = append(l.other, r)
				}
			}
			sets = append(sets, l)
		}
		out = append(out, sets)
	}
	return out
}

// leadRune is the set of runes a letter of a lead word may be: its ASCII ones as bits, told
// from the line's byte without decoding it, and the others listed.
type leadRune struct {
	ascii [2]uint64
	other []rune
	many  bool // a run of white space: the space of a word (see leadWords) stands for \s+
}

// spaceBytes are the bytes of \s (isGapSpace).
const spaceBytes = " \t\n\f\r"

// foldOrbit is r and the runes that fold to it (unicode.SimpleFold).
func foldOrbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// wordLead reports whether t opens with the word w of a lead: each rune in its set.
func wordLead(t string, w []leadRune) bool {
	j := 0
	for k := range w {
		if j == len(t) {
			return false
		}
		if c := t[j]; c < utf8.RuneSelf {
			if w[k].ascii[c>>6]&(1<<(c&63)) == 0 {
				return false
			}
			if j++; w[k].many {
				j = skipSpace(t, j)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(t[j:])
		if !slices.Contains(w[k].other, r) {
			return false
		}
		j += size
	}
	return true
}

// delibNumberOK reports whether a number read by a deliberation form is a register number: it
// carries a prefix in capitals or a group of three or four digits, and is no date. "10.1" and
// "12-1" are outline numbers, "12/05/2014" a date.
func delibNumberOK(n string) bool {
	if reDateLike.MatchString(n) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(n); unicode.IsUpper(r) {
		return true
	}
	run := 0
	for i := 0; i < len(n); i++ {
		if n[i] >= '0' && n[i] <= '9' {
			run++
			if run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// hasWord reports whether s holds a word of at least n letters.
func hasWord(s string, n int) bool {
	run := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// moreRunes reports whether s holds more than n runes (utf8.RuneCountInString(s) > n). The
// bounds on titles and labels are asked of every line: most lines are decided by their length
// in bytes, or by the bound below, eight bytes at a time.
func moreRunes(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	if len(s) > n*utf8.UTFMax {
		return true
	}
	// Every byte a rune takes beyond its first is ≥ 0x80 (so is the first), and an invalid
	// byte counts as one rune: s holds at least as many runes as ASCII bytes, counted here
	// until they pass n (a long line passes it early).
	const high = 0x8080808080808080
	low, i := 0, 0
	// Thirty-two bytes a step: the high bits of four words, moved apart by a bit each, are
	// counted at once. The count only grows: told a few words later, the answer is the same.
	for ; i+32 <= len(s); i += 32 {
		h := leWord(s[i:i+8])&high | leWord(s[i+8:i+16])&high>>1 | leWord(s[i+16:i+24])&high>>2 | leWord(s[i+24:i+32])&high>>3
		low += 32 - bits.OnesCount64(h)
		if low > n {
			return true
		}
	}
	for ; i+8 <= len(s); i += 8 {
		low += 8 - bits.OnesCount64(leWord(s[i:i+8])&high)
		if low > n {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			low++
		}
	}
	if low > n {
		return true
	}
	return utf8.RuneCountInString(s) > n
}

// highBytes counts the bytes of s that are 0x80 or above.
func highBytes(s string) int {
	k, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		k += bits.OnesCount64(binary.LittleEndian.Uint64([]byte(s[i:i+8])) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			k++
		}
	}
	return k
}

// cleanHeadingText removes the markup a text export leaves around a heading (Markdown bold and
// hashes, leading spaces).
func cleanHeadingText(s string) string {
	c, _ := cleanHeading(s)
	return c
}

// cleanHeading is cleanHeadingText, telling also whether s was plain: without a tab, a '#'
// opening it past its spaces, "**" or "__", so that only its spaces were removed (and its
// cleaned text cleans to itself).
func cleanHeading(s string) (clean string, plain bool) {
	if a, b, ok := plainSpan(s); ok {
		return s[a:b], true // nothing to remove but the spaces (most lines)
	}
	s = untab(s)
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "#")
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	return strings.TrimSpace(s), false
}

// plainSpan is, for a plain line (see cleanHeading), the bounds of its cleaned text
// (strings.TrimSpace) in it; ok is false for another line.
func plainSpan(s string) (a, b int, ok bool) {
	if strings.IndexByte(s, '\t') >= 0 {
		return 0, 0, false
	}
	return plainSpanUntabbed(s)
}

// plainSpanUntabbed is plainSpan of a line known to hold no tab: the line memo knows it of
// every line once the table rows are read (lineBits), and spares a search. Without a tab,
// untab leaves the line as it is, and past TrimSpace a '#' is removed only at the start, a '*'
// or a '_' only beside another: a line is searched for two bytes, not for three, and a single
// '*' or '_' (a footnote mark, a name with an underscore) leaves it plain.
func plainSpanUntabbed(s string) (a, b int, ok bool) {
	// (doubled is called only from the first '*' or '_', which few lines hold.)
	if k := strings.IndexByte(s, '*'); k >= 0 && doubled(s[k:], '*') || len(s) > math.MaxInt32 {
		return 0, 0, false
	}
	if k := strings.IndexByte(s, '_'); k >= 0 && doubled(s[k:], '_') {
		return 0, 0, false
	}
	b = len(s)
	for a < b {
		if c := s[a]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			a++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	if a < b && s[a] == '#' {
		return 0, 0, false
	}
	for b > a {
		if c := s[b-1]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			b--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b, true
}

// doubled reports whether s holds the byte c twice in a row.
func doubled(s string, c byte) bool {
	for i := strings.IndexByte(s, c); i >= 0; {
		if i+1 < len(s) && s[i+1] == c {
			return true
		}
		n := strings.IndexByte(s[i+1:], c)
		if n < 0 {
			return false
		}
		i += n + 1
	}
	return false
}

// untab turns the tab after a list marker into plain text ("1\tSubventions" → "1. Subventions"),
// so that a numbered list of a word processor reads as numbered lines and not as table rows.
func untab(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	if m := numberTabIndex(s); m.n > 0 {
		return s[m.m[2]:m.m[3]] + ". " + s[m.m[1]:]
	}
	if !markerTabMay(s) {
		return s
	}
	if m := reMarkerTab.FindStringSubmatchIndex(s); m != nil {
		mk := s[m[2]:m[3]]
		if l := mk[len(mk)-1]; l == 'I' || l == 'V' || l == 'X' {
			mk += "."
		}
		return mk + " " + s[m[1]:]
	}
	return s
}

// bulletMay is a test run before reBullet: a line whose first rune past its white space is a
// letter other than 'o' and 'Ø' (the only letters among the bullets), or an ASCII digit (the
// numbered lines, asked as often as bullets), opens no list item. TestBulletMayLetters checks
// every letter and digit.
func bulletMay(t string) bool {
	i := 0
	for i < len(t) && isGapSpace(t[i]) {
		i++
	}
	if i == len(t) {
		return false // reBullet needs a bullet
	}
	if c := t[i]; c < utf8.RuneSelf {
		return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') || c == 'o'
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return !unicode.IsLetter(r) || r == 'Ø'
}

// bulletIndex is reBullet.FindStringIndex behind bulletMay.
func bulletIndex(t string) []int {
	if !bulletMay(t) {
		return nil
	}
	return reBullet.FindStringIndex(t)
}

// moneyInTitle is reMoneyInTitle.MatchString (`\d,\d{2}\b`) read by hand at each comma:
// every accepted heading's title is asked. FuzzMoneyInTitle checks both agree.
func moneyInTitle(s string) bool {
	for i := strings.IndexByte(s, ','); i >= 0; {
		if i >= 1 && asciiDigit(s[i-1]) && i+2 < len(s) && asciiDigit(s[i+1]) && asciiDigit(s[i+2]) && (i+3 == len(s) || !isASCIIWord(s[i+3])) {
			return true
		}
		n := strings.IndexByte(s[i+1:], ',')
		if n < 0 {
			return false
		}
		i += n + 1
	}
	return false
}

// asciiDigit reports whether c is an ASCII digit.
func asciiDigit(c byte) bool { return '0' <= c && c <= '9' }

// numberTabIndex reads reNumberTab (a list number, then a tab): its match and group as
// FindStringSubmatchIndex gives them, n == 0 when there is none. Its backtracker cleared state
// in proportion to the line for each numbered line with a tab. Nothing read can be given back:
// the white space before the number is followed by a digit, which it is not; each run of
// digits is read whole (a digit left over is no dot, no bracket and no tab); a dot that opens
// no group of one or two digits can only be the optional mark before the tab; and the tabs
// are taken whole.
func numberTabIndex(s string) subMatch {
	i := skipSpace(s, 0)
	n := digitRun(s, i)
	if n == 0 || n > 2 {
		return subMatch{}
	}
	g := i + n
	for g < len(s) && s[g] == '.' {
		k := digitRun(s, g+1)
		if k == 0 || k > 2 {
			break
		}
		g += 1 + k
	}
	j := g
	if j < len(s) && (s[j] == '.' || s[j] == ')') {
		j++
	}
	e := j
	for e < len(s) && s[e] == '\t' {
		e++
	}
	if e == j {
		return subMatch{}
	}
	return subMatch{[4]int{0, e, 0, g}, 4}
}

// markerTabMay is a byte test run before reMarkerTab: past the leading white space, a list
// marker (a roman numeral, a letter and its dot or bracket, a bullet) and then a tab.
func markerTabMay(s string) bool {
	i := 0
	for i < len(s) && isGapSpace(s[i]) {
		i++
	}
	if i == len(s) {
		return false
	}
	switch c := s[i]; {
	case c == 'I' || c == 'V' || c == 'X':
		for i < len(s) && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X') {
			i++
		}
		if i < len(s) && (s[i] == '.' || s[i] == ')') {
			i++
		}
		return i < len(s) && s[i] == '\t'
	case 'A' <= c && c <= 'H':
		return i+2 < len(s) && (s[i+1] == '.' || s[i+1] == ')') && s[i+2] == '\t'
	case c == '-' || c == '*' || c == 'o':
		return i+1 < len(s) && s[i+1] == '\t'
	case c >= utf8.RuneSelf:
		_, size := utf8.DecodeRuneInString(s[i:])
		return i+size < len(s) && s[i+size] == '\t'
	}
	return false
}

// isTableLine reports whether line i is a table row: it holds a tab that is not a list indent,
// or it is a row of a table whose columns the extraction flattened (table_flat.go). The body
// asks for every line, often several times (tableRow asks up to four lines a call): once every
// line is read (readTableLine), the answer is in its bits, read by a call the compiler inlines
// (a test of whether each line is known would not fit its budget).
func (d *doc) isTableLine(i int) bool {
	if rows := d.lm.table; rows != nil {
		return rows[i]&lineTable != 0
	}
	return d.readTableLine(i)
}

// readTableLine is isTableLine the first time: it reads every line. A line without a tab is
// known once the flattened rows are (flatRowLines); a line with tabs is read here, every one
// of them: the body asks of nearly every line, and of every line with tabs in the corpus.
// isTableLineRef is the reference.
func (d *doc) readTableLine(i int) bool {
	rows := d.flatRowLines()
	for j, st := range rows {
		if st&lineRead == 0 {
			st |= lineRead
			if untabTableText(d.lines[j].Text) || st&lineRow != 0 {
				st |= lineTable
			}
			rows[j] = st
		}
	}
	d.lm.table = rows
	return rows[i]&lineTable != 0
}

// untabTableText is isTableText(untab(s)) without making untab's string: the list number or
// marker untab rewrites holds no tab (else untab is made), and isTableText reads only the
// tabs and what follows them, so the text after the marker gives the same answer.
// FuzzUntabTableText checks both agree.
func untabTableText(s string) bool {
	if strings.IndexByte(s, '\t') < 0 {
		return isTableText(s)
	}
	if m := numberTabIndex(s); m.n > 0 {
		return restTableText(s, m.m[:])
	}
	if !markerTabMay(s) {
		return isTableText(s)
	}
	if m := reMarkerTab.FindStringSubmatchIndex(s); m != nil {
		return restTableText(s, m)
	}
	return isTableText(s)
}

// restTableText is isTableText of untab's rewriting of s, m being the marker's match.
func restTableText(s string, m []int) bool {
	if strings.IndexByte(s[m[2]:m[3]], '\t') >= 0 {
		return isTableText(untab(s))
	}
	return isTableText(s[m[1]:])
}

// isTableText reports whether a line's tabs separate cells. A tab inside a sentence, where the
// extraction lifted a superscript out ("du 3\tadjoint", "en 6\t, Yves"), is followed by a
// lower-case word or a punctuation mark; a cell starts otherwise.
func isTableText(s string) bool {
	s = strings.TrimRight(s, " \t") // an empty last cell is no column
	for k := strings.IndexByte(s, '\t'); k >= 0; {
		r, _ := utf8.DecodeRuneInString(s[k+1:])
		if !unicode.IsLower(r) && !strings.ContainsRune(",.;:)", r) {
			return true
		}
		n := strings.IndexByte(s[k+1:], '\t')
		if n < 0 {
			break
		}
		k += n + 1
	}
	return false
}

// cleanTitle trims a title: spaces squeezed, the colon that often ends a heading dropped.
func cleanTitle(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	s = strings.TrimRight(s, " :")
	return strings.TrimSpace(s)
}

// singleSpaced reports whether strings.Join(strings.Fields(s), " ") is s: its words are
// parted by single plain spaces, none at either end. Most titles are, and need no copy.
func singleSpaced(s string) bool {
	space := true // a space at the start is one too many
	for i := 0; i < len(s); i++ {
		// Eight ASCII bytes at a time: no white space but single plain spaces, none right
		// after a space.
		if i+8 <= len(s) {
			if w := binary.LittleEndian.Uint64([]byte(s[i : i+8])); w&0x8080808080808080 == 0 {
				sp := asciiRange(w, ' ', ' ')
				if asciiRange(w, '\t', '\r') != 0 || sp&(sp<<8) != 0 || space && sp&0x80 != 0 {
					return false
				}
				space = sp>>63 != 0
				i += 7
				continue
			}
		}
		switch spacedClass[s[i]] {
		case 0:
			space = false
		case spacedPlain:
			if space {
				return false
			}
			space = true
		case spacedOther:
			return false
		default:
			// Only a few lead bytes open a white space beyond ASCII; the others (é, à…) and
			// the bytes that follow them are words.
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
			space = false
		}
	}
	return !space || s == ""
}

// The classes of spacedClass.
const (
	spacedPlain = 1 + iota // ' '
	spacedOther            // another ASCII white space
	spacedLead             // the first byte of some white space beyond ASCII (U+00A0, U+2009…)
)

// spacedClass classes the bytes of a title for singleSpaced: 0 for a byte of a word.
var spacedClass = func() (t [256]uint8) {
	t[' '] = spacedPlain
	for c := '\t'; c <= '\r'; c++ {
		t[c] = spacedOther
	}
	// unicode.IsSpace beyond ASCII is the White_Space property (U+0085 and U+00A0 among it).
	var b [utf8.UTFMax]byte
	for _, r16 := range unicode.White_Space.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			if r >= utf8.RuneSelf {
				utf8.EncodeRune(b[:], r)
				t[b[0]] = spacedLead
			}
		}
	}
	for _, r32 := range unicode.White_Space.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			utf8.EncodeRune(b[:], r)
			t[b[0]] = spacedLead
		}
	}
	return t
}()

// titleShapeOK rejects numbered lines whose title does not look like one: it starts in lower
// case, runs on like a sentence, or ends like a list item.
func titleShapeOK(h heading, maxRunes int) bool {
	t := h.title
	if t == "" {
		// A number alone on its line ("10)" with the title on the next line) or a deliberation
		// number whose title follows.
		return h.seq == seqNone || h.style == "arabic)"
	}
	if moreRunes(t, maxRunes) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLower(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("«\"'“(", r)) {
		return false
	}
	if !strings.ContainsFunc(t, unicode.IsLetter) {
		return false
	}
	switch t[len(t)-1] {
	case ';', ',':
		return false
	}
	if moneyInTitle(t) {
		return false
	}
	return true
}

// ordinal is the running value of a heading number within its family.
func ordinal(h heading) int {
	switch h.seq {
	case seqArabic:
		n, err := strconv.Atoi(h.number)
		if err != nil {
			return -1
		}
		return n
	case seqRoman:
		return romanValue(h.number)
	case seqLetter:
		return int(h.number[len(h.number)-1]-'A') + 1
	case seqDotted:
		i := strings.LastIndexAny(h.number, ".-")
		n, err := strconv.Atoi(h.number[i+1:])
		if err != nil {
			return -1
		}
		return n
	}
	return 0
}

// romanValue reads a roman numeral up to 39, or -1.
func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return -1
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 {
		return -1
	}
	return total
}

// prefixOf is the part of a dotted number before its last component ("6.5" of "6.5.1").
func prefixOf(number string) string {
	if i := strings.LastIndexByte(number, ' '); i >= 0 {
		return number[:i] // "1-3 A" under "1-3"
	}
	i := strings.LastIndexAny(number, ".-")
	if i < 0 {
		return ""
	}
	return number[:i]
}

// frame is one open level of an outline.
type frame struct {
	style  string
	ord    int
	number string
	path   string
}

// outline follows the running numbering of a document: which families of numbers are open at
// which level. It is what tells a section heading from a numbered list in an exposé: a list
// restarts at 1 where the sections run on.
type outline struct {
	stack []frame
	seen  map[string]bool // deliberation numbers already used: a second one is a reference
}

// place decides whether h continues the outline, and if so sets its level and path.
func (o *outline) place(h *heading) bool {
	if h.seq == seqNone {
		if o.seen[h.number] {
			return false
		}
		defer func() {
			if h.path != "" {
				if o.seen == nil {
					o.seen = map[string]bool{}
				}
				o.seen[h.number] = true
			}
		}()
	}
	// A family already open: the number must follow on (deliberation numbers follow no order).
	for k := len(o.stack) - 1; k >= 0; k-- {
		f := o.stack[k]
		if f.style != h.style {
			continue
		}
		switch h.seq {
		case seqNone:
		case seqDotted:
			if prefixOf(h.number) != prefixOf(f.number) || !(h.ord == f.ord+1 || (h.ord == f.ord+2 && isUpperTitle(h.title))) {
				return false
			}
		default:
			if !(h.ord == f.ord+1 || (h.ord == f.ord+2 && isUpperTitle(h.title))) {
				return false
			}
		}
		o.stack = o.stack[:k]
		o.push(h)
		return true
	}
	// A dotted number opens under the heading whose number is its prefix.
	if h.seq == seqDotted {
		p := prefixOf(h.number)
		for k := len(o.stack) - 1; k >= 0; k-- {
			if o.stack[k].number == p {
				if h.ord != 1 && h.ord != 0 {
					return false
				}
				o.stack = o.stack[:k+1]
				o.push(h)
				return true
			}
		}
		// A dotted number with no parent heading: only at the top of a document.
		if len(o.stack) > 0 || h.ord != 1 {
			return false
		}
		o.push(h)
		return true
	}
	// A new family opens one level deeper, and must start at its first value.
	switch h.seq {
	case seqArabic:
		if h.ord > 1 {
			return false
		}
	case seqRoman, seqLetter:
		if h.ord != 1 {
			return false
		}
	}
	o.push(h)
	return true
}

// push opens h one level below the top of the outline and gives it its path.
func (o *outline) push(h *heading) {
	comp := h.number
	if reDateNumber.MatchString(comp) {
		// "2013.04.08 - 1": the date is the session's, the ordinal is the section's.
		if i := strings.LastIndexAny(comp, "- "); i >= 0 {
			comp = strings.TrimSpace(comp[i+1:])
		}
	}
	path := comp
	if len(o.stack) > 0 {
		parent := o.stack[len(o.stack)-1]
		if (h.seq == seqDotted || h.seq == seqLetter) && prefixOf(h.number) == parent.number && len(h.number) > len(parent.number) {
			comp = strings.TrimLeft(h.number[len(parent.number):], ". -")
		}
		path = parent.path + "." + comp
	}
	h.path = path
	o.stack = append(o.stack, frame{style: h.style, ord: h.ord, number: h.number, path: path})
	h.level = len(o.stack)
}

// isUpperTitle reports whether a title is written in capitals (a strong sign of a heading).
func isUpperTitle(s string) bool {
	letters, upper := 0, 0
	for i := 0; i < len(s); {
		// Eight ASCII bytes at a time: their capitals and lower-case letters counted by bits,
		// and the bound on the capitals still possible asked once for them (it holds at any
		// point: told later, prose gives the same answer).
		if i+8 <= len(s) {
			if w := binary.LittleEndian.Uint64([]byte(s[i : i+8])); w&0x8080808080808080 == 0 {
				up := bits.OnesCount64(asciiRange(w, 'A', 'Z'))
				low := bits.OnesCount64(asciiRange(w, 'a', 'z'))
				letters += up + low
				upper += up
				i += 8
				if low > 0 && upper+len(s)-i < 9*(letters-upper) {
					return false
				}
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				letters++
				upper++
			case 'a' <= c && c <= 'z':
				letters++
				// The rest of s holds at most len(s)-i capitals more: prose is told early.
				if upper+len(s)-i < 9*(letters-upper) {
					return false
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 3 && upper*10 >= letters*9
}

// asciiRange marks with its high bit each byte of w, all ASCII, from lo to hi.
func asciiRange(w uint64, lo, hi byte) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// An ASCII byte plus 0x80-lo reaches 0x80 exactly when it is lo or more, and carries
	// into no other byte (at most 0x7f+0x7f).
	ge := w + ones*uint64(0x80-lo)
	gt := w + ones*uint64(0x80-hi-1)
	return ge &^ gt & high
}

// continueTitle joins the lines that a wrapped heading title runs onto, and returns the index
// of its last line.
func (d *doc) continueTitle(h *heading, i, limit int) {
	h.line, h.last = i, i
	for n := 0; n < 4; n++ {
		j := h.last + 1
		// A title may wrap past one blank line: in capitals ("… DU CODE GENERAL" / "" /
		// "DES COLLECTIVITES TERRITORIALES"), or mid-phrase ("… de 1ère classe à" / "" / "temps
		// complet …"), as PDF extraction spaces out the lines of a heading. The last title line
		// without its markup is read only when a blank line follows it.
		if j < limit && strings.TrimSpace(d.lines[j].Text) == "" && h.title != "" && j+1 < limit && !d.used[j+1] {
			if rawEnd := strings.TrimRight(strings.ReplaceAll(d.lines[h.last].Text, "**", ""), " "); !strings.HasSuffix(rawEnd, ".") {
				nx := d.cleanAt(j + 1)
				caps := isUpperTitle(h.title) && isUpperTitle(nx)
				// After a colon, only a list in capitals continues the title ("… : / - DUREE
				// DE LA DELEGATION / - REVISION DU PRIX DE L'EAU").
				if strings.HasSuffix(rawEnd, ":") {
					caps = caps && reBullet.MatchString(nx)
				}
				if nx != "" && !moreRunes(nx, 100) && (caps || (!strings.HasSuffix(rawEnd, ":") && (danglingEnd(h.title) || startsLower(nx)))) {
					j++
				}
			}
		}
		if j >= limit || d.used[j] {
			return
		}
		next := d.cleanAt(j)
		if next == "" || d.isTableLine(j) || isPageNumber(next) {
			return
		}
		if _, ok := d.headingOf(j, next, maxTitleRunes); ok {
			return
		}
		if !joinsTitle(h.title, next) {
			return
		}
		h.title = cleanTitle(h.title + " " + next)
		h.last = j
	}
}

// danglingEnd reports whether a title stops on a word that needs a continuation.
func danglingEnd(title string) bool {
	// The last word as strings.Fields splits words, without splitting the whole title.
	last := strings.TrimRightFunc(title, unicode.IsSpace)
	if last == "" {
		return false
	}
	if k := strings.LastIndexFunc(last, unicode.IsSpace); k >= 0 {
		_, w := utf8.DecodeRuneInString(last[k:])
		last = last[k+w:]
	}
	// An ASCII word is lowered in place: a title in capitals ("… DE") would otherwise make
	// a string. The words needing a continuation are short: a longer one is none of them.
	var buf [8]byte
	if len(last) <= len(buf) && highBytes(last) == 0 {
		for i := 0; i < len(last); i++ {
			c := last[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return danglingWord(string(buf[:len(last)]))
	}
	if highBytes(last) == 0 {
		return false
	}
	return danglingWord(strings.ToLower(last))
}

// danglingWord reports whether a word in lower case needs a continuation.
func danglingWord(w string) bool {
	switch w {
	case "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "à", "au", "aux", "en", "pour", "sur", "par", "-", "–", "avec", "entre", "dans", "ou":
		return true
	}
	return false
}

// startsUpper reports whether s starts with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// joinsTitle reports whether next continues a heading title: the title is empty, both are in
// capitals, or the title stops on a word that needs a continuation.
func joinsTitle(title, next string) bool {
	if moreRunes(next, 140) {
		return false
	}
	if title == "" {
		return true
	}
	if isUpperTitle(title) && isUpperTitle(next) {
		return true
	}
	last := title[len(title)-1]
	if last == '.' || last == ':' || last == ';' || last == '?' || last == '!' {
		return false
	}
	if danglingEnd(title) || strings.Count(title, "«") > strings.Count(title, "»") || strings.Count(title, "(") > strings.Count(title, ")") {
		return true
	}
	// A single short token (a year that wrapped: "… Projet BAN DOÏ" / "2016").
	if fieldCount(next, 1) == 1 && !moreRunes(next, 6) && !strings.HasSuffix(next, ":") {
		r, _ := utf8.DecodeRuneInString(next)
		return unicode.IsDigit(r) || unicode.IsUpper(r)
	}
	r, _ := utf8.DecodeRuneInString(next)
	return r == '(' || unicode.IsLower(r)
}
