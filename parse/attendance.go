package parse

import (
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// headerState is what the header and attendance readers share while they run.
type headerState struct {
	mentions []mention // people named by the meeting fields, linked once the lists are read
	listed   personSet // the people given an attendance status
	inBlock  personSet // the people of the list readList reads (reset by each call)
	// lineItems is namesLike's buffer for the entries of a line.
	lineItems []listItem
	// namesAt is namesLike's last answer: a list's first line is asked about twice, once
	// after its label and again by the loop that gathers the lines.
	namesAt  lastNames
	box      []string // count fields whose numbers come on later lines (scattered box)
	absent   *int     // "Absents : 6": stated, but not a field of Counts
	absentAt Pos
	// presentOrRepresented is "25 Conseillers étaient Présents ou Représentés".
	presentOrRepresented *int
	started              bool // an attendance list was seen
	// lineRole marks the lines that state the president or the secretary.
	lineRole map[int]bool
	// marks pairs the givers and holders of proxies keyed by a mark ("Jean-Pierre (Pr*)" among
	// the present, "David (Pr*)" among the excused).
	marks map[string]*proxyMark
	// spacing is 2 for a double-spaced document, 1 otherwise, 0 before it is measured.
	spacing int
	// entries remembers the list entries read (see doc.parseEntry). A listEntry is large: the
	// map points into entrySlab, filled in chunks that are never moved, rather than holding
	// each entry in an allocation of its own.
	entries   map[entryKey]*listEntry
	entrySlab []listEntry
	// joined remembers the last line join read (see doc.join).
	joined struct {
		i            int
		orig, folded string
		ok           bool
	}
	// words remembers the header words of each line the header readers scan (see hdrWords),
	// nil before the first use.
	words []uint64
	// tail remembers the lines past words' that hold words of tailIndex (see tailWords), once
	// tailRead.
	tail     []lineWords
	tailRead bool
	// folds remembers the foldRuns of the last texts mapped back (see foldMapOf).
	folds foldMemos
}

// personSet is a set of people of the document, by place (normalize.Person.Place): a document
// lists a few dozen people, numbered from 0, so a slice is smaller and quicker than a map.
type personSet []bool

func (s personSet) has(p *normalize.Person) bool {
	k := p.Place()
	return k < len(s) && s[k]
}

// add puts p in the set; the slice grows with zeros up to p's place.
func (s *personSet) add(p *normalize.Person) {
	k := p.Place()
	if k >= len(*s) {
		*s = append(*s, make([]bool, k+1-len(*s))...)
	}
	(*s)[k] = true
}

type proxyMark struct {
	giver, holder string
	pos           Pos
	text          string
}

// markProxy records one side of a proxy keyed by a mark, and the proxy once both sides are known.
func (d *doc) markProxy(mark string, p *normalize.Person, present bool, pos Pos, text string) {
	if d.hdr.marks == nil {
		d.hdr.marks = map[string]*proxyMark{}
	}
	m := d.hdr.marks[mark]
	if m == nil {
		m = &proxyMark{}
		d.hdr.marks[mark] = m
	}
	switch {
	case present && m.holder == "":
		m.holder = p.ID
	case !present && m.giver == "":
		m.giver, m.pos, m.text = p.ID, pos, text
	default:
		return
	}
	if m.giver != "" && m.holder != "" {
		d.rec.Proxies = append(d.rec.Proxies, Proxy{From: m.giver, To: strp(m.holder), Text: m.text, Pos: m.pos})
	}
}

// mention is a person named by a meeting field (president, secretary), with the role to record.
type mention struct {
	field string // "president" or "secretary"
	name  normalize.Name
	role  string
	ev    Evidence
}

// attendanceScanLimit bounds how far into the document the attendance lists are looked for:
// they open the minutes, after at most a title page and the agenda.
func (d *doc) attendanceScanLimit() int {
	n := len(d.lines)
	lim := n * 6 / 10
	if lim < 150 {
		lim = 150
	}
	if lim > 600 {
		lim = 600
	}
	if lim > n {
		lim = n
	}
	return lim
}

// attendance reads the attendance lists, substitutes, proxies and the meeting-level counts of
// the header, and adds people. It walks the lines once: before the first list it only picks up
// counts; from the first list on, it reads the cluster of lists, counts and secretary lines and
// stops at the first stretch of other text, which is where the body begins.
func (d *doc) attendance() {
	if d.scratch != nil {
		// The entries are read into the scratch's array, grown list after list, and the
		// record gets them in one allocation of their size (even if a reader fails).
		d.rec.Attendance, d.rec.Proxies = d.scratch.sec.att[:0], d.scratch.sec.proxies[:0]
		defer d.ownAttendance()
	}
	h := &d.hdr
	lim := d.attendanceScanLimit()
	last := -1 // last line consumed
	misses := 0
	for i := 0; i < lim; i++ {
		f := strings.TrimSpace(d.folded[i])
		if f == "" || ruleLine(f) {
			continue
		}
		if h.started && misses > 2 {
			break
		}
		switch {
		case d.countLine(i, h.started):
			d.used[i], last, misses = true, i, 0
		case d.boxLabel(i):
			misses = 0
		case d.boxNumber(i):
			d.used[i], misses = true, 0
		default:
			if end, ok := d.list(i); ok {
				h.started = true
				last, misses = end, 0
				i = end
				continue
			}
			if end, ok := d.inlineLists(i); ok {
				h.started = true
				last, misses = end, 0
				i = end
				continue
			}
			if d.secretaryLine(i) || d.presidentLine(i) {
				d.used[i], last, misses = true, i, 0
				continue
			}
			if strings.HasPrefix(f, "date d") {
				misses = 0
				continue
			}
			if h.started {
				misses++
			}
		}
	}
	if last >= 0 && h.started {
		d.headerEnd = last + 1
	}
	d.linkMentions()
}

// ownAttendance gives the record its attendance entries and proxies, read into the scratch's
// arrays, in arrays of their own, and the scratch its arrays back.
func (d *doc) ownAttendance() {
	s := &d.scratch.sec
	s.att, d.rec.Attendance = d.rec.Attendance, ownCopy(d.rec.Attendance)
	s.proxies, d.rec.Proxies = d.rec.Proxies, ownCopy(d.rec.Proxies)
}

// linkMentions adds the people that the meeting fields named (president, secretary) now that the
// lists have given everyone their ids, so that the president listed third keeps id p3.
func (d *doc) linkMentions() {
	m := &d.rec.Meeting
	for _, mt := range d.hdr.mentions {
		p := d.addPerson(mt.name, mt.ev.Pos)
		if p == nil {
			continue
		}
		if mt.role != "" {
			d.people.SetRole(mt.role, p)
		}
		id := p.ID
		switch mt.field {
		case "president":
			if m.President == nil {
				m.President = &id
				d.evidence("president", mt.ev)
				d.people.SetRole("president", p)
			}
		case "secretary":
			if m.Secretary == nil {
				m.Secretary = &id
				d.evidence("secretary", mt.ev)
				d.people.SetRole("secretaire", p)
			}
		}
	}
	d.hdr.mentions = nil
}

// addPerson adds a listed person and records where they were first seen.
func (d *doc) addPerson(n normalize.Name, pos Pos) *normalize.Person {
	if n.Given == "" && n.Family == "" {
		return nil
	}
	q, ok := d.people.Resolve(n)
	return d.addResolved(n, pos, q, ok)
}

// addResolved is addPerson(n, pos) for a caller that has just asked d.people.Resolve(n), which
// answered q, ok.
func (d *doc) addResolved(n normalize.Name, pos Pos, q *normalize.Person, ok bool) *normalize.Person {
	if n.Given == "" && n.Family == "" {
		return nil
	}
	p := d.people.AddResolved(n, q, ok)
	if p.Page == 0 && p.Line == 0 {
		p.Page, p.Line = pos.Page, pos.Line
	}
	return p
}

// labelOf reads an attendance label at the start of line i: its status ("" for a list of proxies
// alone), whether it names proxies, and the text after it.
func (d *doc) labelOf(i int) (status string, proxies bool, rest string, restCol int, ok bool) {
	t := d.lines[i].Text
	s := labelLead.TrimLeft(t)
	off := len(t) - len(s)
	var label string
	if c := strings.IndexByte(s, ':'); c > 160 {
		return "", false, "", 0, false // a sentence, not a label
	} else if c >= 0 {
		label, rest, restCol = s[:c], s[c+1:], off+c+1
	} else {
		if len(s) > 80 {
			return "", false, "", 0, false
		}
		label = strings.TrimRight(s, " .")
		restCol = len(t)
	}
	// Most lines open with a word no label opens with: the first bytes of their fold tell,
	// before the label is folded whole.
	if !strings.ContainsRune(label, '(') && labelHeadRejects(label) {
		return "", false, "", 0, false
	}
	status, proxies, ok = classifyLabel(label)
	return status, proxies, rest, restCol, ok
}

// labelLead are the marks labelOf passes before a label: white space, dashes, bullets.
var labelLead = normalize.NewTrimSet(" \t+-–•*·>")

// labelHeadRejects reports whether classifyLabel rejects label, a label without parentheses,
// for the start of its fold: none of gateLabelHead's words opens it. The fold is read as
// foldedHead reads it, a byte at a time, only until the words that open like it are all left
// behind, mostly after a byte or two (labelHeadRejectsRef folded the first labelHeadLen bytes
// first); false when a rune beyond the Latin blocks comes first (Fold may then read the text
// otherwise). Past that point the fold of the rest cannot change the bytes read: Fold folds
// each of those runes alone, whatever follows.
func labelHeadRejects(label string) bool {
	if gateLabelHead.byFirst == nil {
		return false
	}
	var h headReader
	space := false
	for _, r := range label {
		if r < utf8.RuneSelf {
			c := byte(r)
			if asciiSpace[c] != 0 {
				space = h.n > 0
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '`' {
				c = '\''
			}
			if space {
				if done, rejects := h.next(' '); done {
					return rejects
				}
				space = false
			}
			if done, rejects := h.next(c); done {
				return rejects
			}
			continue
		}
		if r >= rune(len(latinFold)) {
			return false
		}
		f := latinFold[r]
		if f == "" {
			if unicode.IsSpace(r) {
				space = h.n > 0
			}
			continue
		}
		if space {
			if done, rejects := h.next(' '); done {
				return rejects
			}
			space = false
		}
		for k := 0; k < len(f); k++ {
			if done, rejects := h.next(f[k]); done {
				return rejects
			}
		}
	}
	return true // the fold ends before any word is read whole (or folds to nothing)
}

// headReader follows the fold of a label against the words of gateLabelHead that open with its
// first byte (at most 64: a bit of live each).
type headReader struct {
	words []string
	live  uint64 // the words the fold has followed so far
	n     int    // the bytes of the fold read
}

// next reads the next byte c of the fold: done when c decides, rejects then whether no word of
// the gate opens the fold.
func (h *headReader) next(c byte) (done, rejects bool) {
	if h.n == 0 {
		h.words = gateLabelHead.byFirst[c]
		if len(h.words) > 64 {
			return true, false // too many to follow: classifyLabel tells
		}
		h.live = 1<<len(h.words) - 1
	}
	for j, w := range h.words {
		if h.live&(1<<j) == 0 {
			continue
		}
		if w[h.n] != c {
			h.live &^= 1 << j
		} else if len(w) == h.n+1 {
			return true, false
		}
	}
	h.n++
	return h.live == 0, true
}

// labelHeadMatch is reLabelHead.MatchString(f). The pattern is one of finitely many words at the
// start of the text, then \b: it matches when one of them (labelHeads, every text of its
// alternation) opens f and ends a word there, a word character being last in each. The
// backtracker tried the alternation one branch after another.
func labelHeadMatch(f string) bool {
	if f == "" {
		return false
	}
	for _, l := range labelHeads[f[0]] {
		if strings.HasPrefix(f, l) && (len(f) == len(l) || !isASCIIWord(f[len(l)])) {
			return true
		}
	}
	return false
}

// labelHeads lists by first byte every text reLabelHead's alternation matches.
var labelHeads = func() *[256][]string {
	tree, err := syntax.Parse(reLabelHead.String(), syntax.Perl)
	if err != nil || tree.Op != syntax.OpConcat || len(tree.Sub) != 3 ||
		tree.Sub[0].Op != syntax.OpBeginText || tree.Sub[2].Op != syntax.OpWordBoundary {
		panic("parse: reLabelHead must be ^, a group of words, and \\b")
	}
	lits, exact, ok := expandLits(tree.Sub[1])
	if !ok || !exact || !usableLits(lits) {
		panic("parse: reLabelHead's words must be finitely many texts")
	}
	t := new([256][]string)
	for _, l := range lits {
		if !isASCIIWord(l[len(l)-1]) {
			panic("parse: a word of reLabelHead must end with a word character")
		}
		t[l[0]] = append(t[l[0]], l)
	}
	return t
}()

// firstFoldedByte returns the first byte of normalize.Fold(s) when it can be told from the
// first letters of s: known is false when s has none, or when its first rune that folds to
// something lies beyond the Latin blocks (where Fold decomposes the whole string).
func firstFoldedByte(s string) (b byte, known bool) {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			if asciiSpace[c] != 0 {
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '`' {
				c = '\''
			}
			return c, true
		case r < rune(len(latinFold)):
			if f := latinFold[r]; f != "" {
				return f[0], true
			}
		default:
			return 0, false
		}
	}
	return 0, false
}

// classifyLabel reads the status of an attendance label as written ("Présent(e)s", "Absents
// excusés", "Pouvoirs", "Présents (12)"), and whether it names proxies.
func classifyLabel(label string) (status string, proxies bool, ok bool) {
	fl := normalize.Fold(label)
	if strings.ContainsRune(fl, '(') {
		fl = reLabelCount.ReplaceAllString(fl, "") // "Présents (12)"
		fl = reGenderMarks.ReplaceAllString(fl, "")
	}
	fl = strings.TrimSpace(fl)
	if fl == "" || fieldCount(fl, 20) > 20 || !labelHeadMatch(fl) {
		return "", false, false
	}
	// A number opening the label makes it a count ("25 Conseillers étaient présents"); one
	// further on may cite the law ("… en application de l'article L 2121-20").
	if strings.Contains(fl, "nombre") || strings.Contains(fl, "secretaire") || fl[0] >= '0' && fl[0] <= '9' {
		return "", false, false
	}
	for _, w := range proxyWords {
		if strings.Contains(fl, w) {
			proxies = true
		}
	}
	for _, w := range attendanceWords {
		if strings.Contains(fl, w.word) {
			status = w.status
			break
		}
	}
	if status == "" && !proxies {
		return "", false, false
	}
	if proxies && status == Absent && !strings.Contains(fl, "non excuse") && !strings.Contains(fl, "sans pouvoir") {
		status = Excused // "Absents représentés": absent with a proxy, i.e. excused
	}
	if proxies && status == Present {
		status = Excused // "présents ou représentés" is a count; a list naming proxies is of absents
	}
	return status, proxies, true
}

// splitLabels cuts the text after a label where another list begins on the same line:
// "M. A, M. B. Absent : M. C." → "M. A, M. B" and the list of absents.
func splitLabels(rest string) (first string, more []labelled) {
	locs := reNextLabel.FindAllStringSubmatchIndex(rest, -1)
	if locs == nil {
		return rest, nil
	}
	first = rest[:locs[0][0]]
	for k, m := range locs {
		end := len(rest)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		st, px, ok := classifyLabel(rest[m[2]:m[3]])
		if !ok {
			continue
		}
		more = append(more, labelled{st, px, rest[m[1]:end]})
	}
	return first, more
}

// labelled is a list found after another on the same line.
type labelled struct {
	status  string
	proxies bool
	text    string
}

// blockLine is one line of an attendance list, with its text.
type blockLine struct {
	text string
	pos  Pos
}

// list reads an attendance list that starts at line i and returns its last line.
func (d *doc) list(i int) (end int, ok bool) {
	status, proxies, rest, _, ok := d.labelOf(i)
	if !ok {
		return 0, false
	}
	// The lines are gathered in the scratch's array: readList reads them and keeps none.
	sc := d.sec()
	block := sc.block[:0]
	if strings.TrimSpace(rest) != "" {
		first, more := splitLabels(rest)
		if len(more) > 0 {
			// Several lists on one line: all but the last are complete; the last goes on.
			d.readList([]blockLine{{first, d.lines[i].Pos}}, status, proxies)
			for _, m := range more[:len(more)-1] {
				d.readList([]blockLine{{m.text, d.lines[i].Pos}}, m.status, m.proxies)
			}
			last := more[len(more)-1]
			status, proxies, rest = last.status, last.proxies, last.text
		}
		block = append(block, blockLine{rest, d.lines[i].Pos})
	} else {
		// A label alone on its line: a list only if names follow (not a box's figures).
		j := d.nextNonBlank(i+1, 3)
		if j < 0 || !d.namesLike(j, proxies) {
			return 0, false
		}
	}
	d.used[i] = true
	end = i
	blanks := 0
	for j := i + 1; j < len(d.lines); j++ {
		f := strings.TrimSpace(d.folded[j])
		if f == "" || ruleLine(f) && !strings.ContainsAny(f, "-–") {
			blanks++
			if len(block) == 0 && blanks <= 3 || len(block) > 0 && endsWithSeparator(block[len(block)-1].text) && blanks <= 4 {
				continue
			}
			// In a document whose every line is followed by a blank line, one blank line
			// does not end a list.
			if blanks == 1 && d.doubleSpaced() {
				continue
			}
			// A list resumed after one blank line by a line of names with civilities
			// ("M. NICOLAS, Maire" / "" / "MME COCHAT, M. DROULLOURS, …").
			if blanks == 1 && len(block) > 0 {
				if k := d.nextNonBlank(j+1, 1); k > 0 && startsWithCivility(listText(d.lines[k].Text)) && d.namesLike(k, proxies) {
					if _, _, _, _, isLabel := d.labelOf(k); !isLabel {
						continue
					}
				}
			}
			break
		}
		if d.countLine(j, true) {
			d.used[j] = true
			end = j
			continue
		}
		if _, _, _, _, isLabel := d.labelOf(j); isLabel {
			break
		}
		if d.secretaryLine(j) || d.presidentLine(j) {
			break
		}
		cont := len(block) > 0 && joinSep(block[len(block)-1].text, d.lines[j].Text) != "\n"
		if !cont && !d.namesLike(j, proxies) {
			break
		}
		blanks = 0
		block = append(block, blockLine{listText(d.lines[j].Text), d.lines[j].Pos})
		d.used[j] = true
		end = j
	}
	sc.block = block
	d.readList(block, status, proxies)
	return end, true
}

// nextNonBlank returns the first line from i to i+max that is neither blank nor a rule, or -1.
func (d *doc) nextNonBlank(i, max int) int {
	for j := i; j < len(d.lines) && j < i+max+1; j++ {
		f := strings.TrimSpace(d.folded[j])
		if f != "" && !ruleLine(f) {
			return j
		}
	}
	return -1
}

// ruleLine is reRuleLine.MatchString(s) (its reference): s holds only white space (\s: ASCII
// but \v) and the characters of a rule (_ - – — = * . ~). Every line of the header goes
// through it, mostly rejected at its first byte.
func ruleLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ', '_', '-', '=', '*', '.', '~':
		case 0xE2: // – U+2013 and — U+2014 are E2 80 93 and E2 80 94
			if i+2 >= len(s) || s[i+1] != 0x80 || s[i+2] != 0x93 && s[i+2] != 0x94 {
				return false
			}
			i += 2
		default:
			return false
		}
	}
	return true
}

// endsWithSeparator reports whether a list line ends with a separator, so that the list goes on
// after a blank line ("…, MME GILBERT, adjoints,").
func endsWithSeparator(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.HasSuffix(s, " et") || strings.HasSuffix(s, " ET") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(",;-–—/&", r)
}

// joinSep decides how a list line joins the next: "" (a word cut by a hyphen), " " (the same
// entry goes on) or "\n" (a new entry).
func joinSep(prev, next string) string {
	p, n := strings.TrimSpace(prev), strings.TrimSpace(next)
	if p == "" || n == "" {
		return "\n"
	}
	if strings.HasSuffix(p, "-") && len(p) > 1 {
		r, _ := utf8.DecodeLastRuneInString(p[:len(p)-1])
		if unicode.IsLetter(r) {
			return ""
		}
	}
	if endsWithSeparator(p) {
		return "\n"
	}
	if strings.ContainsAny(n[:1], "-–•*+·") {
		return "\n"
	}
	// The last word of p and whether another comes before it; the first word of n (p and n
	// are trimmed and not empty: each holds a word).
	lastTok, several := lastField(p)
	if isInitialTok(lastTok) && several {
		return " " // "JF Orsatelli J." / "Orsatelli": initials, then their name
	}
	lf := normalize.Fold(lastTok)
	if _, ok := normalize.CivilityOf(lastTok); ok || joinWords[lf] {
		return " "
	}
	first, _ := nextField(n)
	if _, ok := normalize.CivilityOf(first); ok {
		return "\n"
	}
	r, _ := utf8.DecodeRuneInString(first)
	if first[0] == '(' || unicode.IsLower(r) {
		return " "
	}
	// "Eric" / "DUCLOS": a given name at the end of a line, its family name on the next.
	lastItem := p
	if k := strings.LastIndexAny(p, ",;–—/&"); k >= 0 {
		lastItem = p[k+1:]
	}
	for _, w := range []string{" à ", " par "} {
		if k := strings.LastIndex(lastItem, w); k >= 0 {
			lastItem = lastItem[k+len(w):]
		}
	}
	if !hasCapsWord(lastItem) && capsWord(strings.Trim(first, ",;.")) {
		return " "
	}
	return "\n"
}

// lastField returns the last word of s as strings.Fields splits it, for s with no white space
// at its end, and whether a word comes before it.
func lastField(s string) (word string, several bool) {
	for j := len(s); j > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(r) {
			return s[j:], strings.TrimSpace(s[:j]) != ""
		}
		j -= w
	}
	return s, false
}

// joinWords end a line in the middle of an entry.
var joinWords = map[string]bool{
	"a": true, "par": true, "de": true, "du": true, "le": true, "la": true, "des": true,
	"mc": true, "donne": true, "pouvoir": true, "procuration": true, "van": true, "d'": true,
}

func capsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

func hasCapsWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if _, ok := normalize.CivilityOf(w); ok {
			continue
		}
		if capsWord(w) {
			return true
		}
	}
	return false
}

// reStrayNumber is a number that a scattered box (or OCR) left at the start of a list line:
// "20 MME COCHAT, M. DROULLOURS".
var reStrayNumber = mustRx(`^\s*\d{1,3}\s+(?:M\.?|MM\.?|MME|Mme|MMES|Mmes|Madame|Monsieur|Messieurs)\s`)

// listText is the text of a list line, without a stray number before its first name.
func listText(s string) string {
	if m := reStrayNumber.FindStringIndex(s); m != nil {
		s = strings.TrimLeft(strings.TrimSpace(s), "0123456789")
	}
	return s
}

// namesLike reports whether line j reads as a continuation of a list of names.
func (d *doc) namesLike(j int, proxies bool) bool {
	// The answer depends on the line's text and proxies alone (parseEntry reads nothing else).
	if m := &d.hdr.namesAt; m.ok && m.j == j && m.proxies == proxies {
		return m.names
	}
	names := namesLikeItems(d, j, proxies)
	d.hdr.namesAt = lastNames{j: j, proxies: proxies, names: names, ok: true}
	return names
}

// lastNames is one answer of namesLike: names for line j and proxies.
type lastNames struct {
	j                  int
	proxies, names, ok bool
}

// namesLikeItems is namesLike without its memo.
func namesLikeItems(d *doc, j int, proxies bool) bool {
	d.hdr.lineItems = appendItems(d.hdr.lineItems[:0], listText(d.lines[j].Text))
	items := d.hdr.lineItems
	names, bad, roles := 0, 0, 0
	for _, it := range items {
		e := d.parseEntry(it.text, proxies, true)
		switch {
		case e.ok || e.proxyOfPrev:
			names++
		case e.role:
			roles++
		default:
			bad++
		}
	}
	// A line of groupings only ("adjoints,") goes on with the list too.
	return names > 0 && names >= 2*bad || names == 0 && bad == 0 && roles > 0
}

// listItem is one entry of a list, with its byte offset in the joined text.
type listItem struct {
	text string
	off  int
}

// splitItems splits list text on the separators of French lists: commas, semicolons, line
// breaks, spaced dashes and slashes, "et", "&", and bullets; never inside parentheses.
func splitItems(s string) []listItem { return appendItems(nil, s) }

// appendItems appends the entries of s (as splitItems) to out: list readers pass a buffer
// sized or reused for them rather than growing a new slice a line.
func appendItems(out []listItem, s string) []listItem {
	depth, start := 0, 0
	emit := func(end, next int) {
		t := itemTrim.Trim(strings.TrimSpace(s[start:end]))
		if t != "" {
			out = append(out, listItem{t, start})
		}
		start = next
	}
	for i := 0; i < len(s); {
		// Most bytes are letters, which no case below reads: they are passed without decoding.
		for i < len(s) && itemPass[s[i]] {
			i++
		}
		if i >= len(s) {
			break
		}
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		// The cases read distinct runes, but that depth > 0 passes every separator; a space
		// is read by its own three cases, in the order they had among the others.
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == ' ':
			switch {
			case (strings.HasPrefix(s[i:], " et") || strings.HasPrefix(s[i:], " ET")) && (i+3 == len(s) || s[i+3] == ' ' || s[i+3] == '\n'):
				emit(i, i+3)
				i += 3
				continue
			case i+1 < len(s) && 'A' <= s[i+1] && s[i+1] <= 'Z' &&
				initialNameStartsAt(s, i+1) && fieldCount(s[start:i], 2) >= 2 && !initialEndsAt(s, i):
				// "JF Orsatelli J. Orsatelli": a second name that opens with initials (a
				// capital, initialNameStartsAt's first test, made before the call).
				emit(i, i+1)
			case i > 0 && s[i-1] != ' ' && s[i-1] != '\n' && s[i-1] != ',' &&
				i+1 < len(s) && (s[i+1] == 'M' || s[i+1] == 'm') && civilityStartsAt(s, i+1) && familyEndsAt(s, i):
				// The family name ends where the space is (no word ends at a separator) and
				// the civility opens with its M: the cheap tests of civilityStartsAt and
				// familyEndsAt, made first.
				// "M. Jean-Charles MANRIQUE M. Brice THIEBAUD": a comma missing between two
				// names.
				emit(i, i+1)
			}
		case r == ',' || r == ';' || r == '\n':
			emit(i, i+w)
		case (r == '-' || r == '–' || r == '—' || r == '/' || r == '&' || r == '•') && (i == 0 || s[i-1] == ' ' || s[i-1] == '\n') && (i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\n'):
			emit(i, i+w)
		}
		i += w
	}
	emit(len(s), len(s))
	return out
}

// itemTrim are the marks an entry loses at its ends, after its white space.
var itemTrim = normalize.NewTrimSet(" .;,")

// itemPass marks the bytes appendItems passes without reading them: the ASCII bytes but those
// its cases read (parentheses, separators, spaces). The bytes of wider runes are read.
var itemPass = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !strings.ContainsRune("(),;\n-/& ", rune(c))
	}
	return t
}()

// initialNameStartsAt reports whether s[i:] opens with an initial followed by a capitalised
// word ("J. Orsatelli").
func initialNameStartsAt(s string, i int) bool {
	if i >= len(s) || s[i] < 'A' || s[i] > 'Z' || strings.IndexByte(s[i:min(len(s), i+7)], '.') < 0 {
		return false
	}
	rest := s[i:]
	if len(rest) > 60 {
		rest = rest[:60] // two words are enough
	}
	// The civility look-up first: "M." opens most entries, and spares reading the next word
	// and the pattern.
	w0, after := nextField(rest)
	if isCivility(w0) {
		return false
	}
	w1, _ := nextField(after)
	if w1 == "" || !isInitialTok(w0) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w1)
	return unicode.IsUpper(r)
}

func initialEndsAt(s string, i int) bool {
	k := strings.LastIndexAny(s[:i], " \n,")
	return isInitialTok(s[k+1:i]) || isCivility(s[k+1:i])
}

// civilityStartsAt reports whether a singular civility word ("M.", "Mme", "Madame") starts at s[i:].
func civilityStartsAt(s string, i int) bool {
	if i >= len(s) || s[i] != 'M' && s[i] != 'm' {
		return false
	}
	// The word runs to the first space, line break or comma. CivilityOf reads no word longer
	// than maxCivilityLen bytes: the end of a longer one is not looked for.
	w := s[i:]
	k := 0
	for k < len(w) && k <= maxCivilityLen && w[k] != ' ' && w[k] != '\n' && w[k] != ',' {
		k++
	}
	if k > maxCivilityLen {
		return false
	}
	w = w[:k]
	c, ok := normalize.CivilityOf(w)
	return ok && !c.Plural && (strings.HasSuffix(w, ".") || len(w) > 3)
}

// maxCivilityLen is the length of the longest word normalize.CivilityOf reads as a civility.
const maxCivilityLen = 16

// familyEndsAt reports whether the word ending at s[:i] is an all-caps family name of at
// least three letters (so that "M. MMES" or initials do not split).
func familyEndsAt(s string, i int) bool {
	k := strings.LastIndexAny(s[:i], " \n,")
	w := s[k+1 : i]
	if _, ok := normalize.CivilityOf(w); ok {
		return false
	}
	return capsWord(w) && utf8.RuneCountInString(w) >= 3
}

// listEntry is one list entry read: a person, possibly giving a proxy or replacing a member.
// The fields are ordered to spare padding: the document remembers every entry it reads.
type listEntry struct {
	name, holder normalize.Name
	// replaced is the member a substitute replaces, nil when none: rare, so held apart.
	replaced    *normalize.Name
	roleText    string
	mark        string // a proxy key shared by giver and holder: "(Pr**)", "(P2)"
	civPlural   *normalize.Civility
	hasHolder   bool
	inlineProxy bool // "(procuration à Mario)" inside a list of present members
	role        bool // a grouping or role word ("adjoints", "Député-Maire"), not a name
	// proxyOfPrev is an entry that only gives the previous entry's proxy: "MME Régine
	// CORMIER, Conseillère municipale, pouvoir donné à M. Jean-Paul LERAY".
	proxyOfPrev bool
	ok          bool
}

// entryKey identifies a list entry read by parseEntry.
type entryKey struct {
	text    string
	proxies bool
}

// entrySlabSize is the number of entries of the first slab of (*doc).parseEntry.
const entrySlabSize = 8

// parseEntry is parseEntry(s, proxies), remembered for the document when keep is set:
// namesLike reads the entries of a line to decide whether a list goes on, and readList reads
// them again. readList does not keep its own: on the corpus no later call asks for them, and a
// kept entry costs a map cell and a large slab slot.
func (d *doc) parseEntry(s string, proxies, keep bool) listEntry {
	k := entryKey{s, proxies}
	if e, ok := d.hdr.entries[k]; ok {
		return *e
	}
	e := parseEntry(s, proxies)
	if !keep {
		return e
	}
	if d.hdr.entries == nil {
		d.hdr.entries = map[entryKey]*listEntry{}
	}
	// A full slab is followed by one twice as large, the entries kept in it staying where they
	// are: the scratch keeps the last for the next document (secScratch.take), which then
	// needs no other.
	if len(d.hdr.entrySlab) == cap(d.hdr.entrySlab) {
		d.hdr.entrySlab = make([]listEntry, 0, max(entrySlabSize, 2*cap(d.hdr.entrySlab)))
	}
	d.hdr.entrySlab = append(d.hdr.entrySlab, e)
	d.hdr.entries[k] = &d.hdr.entrySlab[len(d.hdr.entrySlab)-1]
	return e
}

// parseEntry reads one list entry; proxies says the list names proxies ("X à Y", "X par Y").
func parseEntry(s string, proxies bool) listEntry {
	var e listEntry
	var fm foldMemo // s is mapped back from its fold up to twice (giver and holder)
	s = strings.TrimSpace(s)
	// Parentheticals: a proxy, a substitute, or a note to drop.
	for {
		a := strings.IndexByte(s, '(')
		if a < 0 {
			break
		}
		b := strings.IndexByte(s[a:], ')')
		inner := ""
		if b < 0 {
			inner, s = s[a+1:], s[:a]
		} else {
			inner, s = s[a+1:a+b], s[:a]+" "+s[a+b+1:]
		}
		fi := normalize.Fold(inner)
		if m := reInlineProxy.FindStringSubmatchIndex(fi); m != nil {
			if n, ok := normalize.PersonName(sliceFolded(inner, fi, m[2], m[3])); ok {
				e.holder, e.hasHolder, e.inlineProxy = n, true, true
			}
		} else if m := substituteIndex(fi); m != nil {
			if n, ok := normalize.PersonName(sliceFolded(inner, fi, m[2], m[3])); ok {
				e.replaced = &n
			}
		} else if m := reProxyMark.FindStringSubmatch(fi); m != nil {
			e.mark = m[1]
		} else if role := normalize.RoleKey(inner); role != "" {
			e.roleText = role
		}
	}
	s = strings.TrimSpace(s)
	// Most entries are a bare name: fold only those that may hold a proxy or a role.
	f := ""
	if proxies || mayHoldProxy(s) {
		f = normalize.Fold(s)
	}
	// Whether f holds a proxy verb, asked once for both tests below unless f is folded anew.
	verb := f != "" && hasProxyVerb(f)
	if verb {
		if m := reInlineProxy.FindStringSubmatchIndex(f); m != nil {
			if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[2], m[3])); ok {
				e.holder, e.hasHolder, e.proxyOfPrev = n, true, true
			}
			return e
		}
	}
	giver := s
	// "Procuration de M. X à M. Y".
	if f != "" {
		if m := reProxyOf.FindStringSubmatchIndex(f); m != nil {
			giver = fm.sliceFolded(s, f, m[2], m[3])
			if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[4], m[5])); ok {
				e.holder, e.hasHolder = n, true
			}
			f = normalize.Fold(giver)
			verb = hasProxyVerb(f)
		}
	}
	var m []int
	if verb { // "donne pouvoir", "procuration", "représenté par"
		m = giveProxyIndex(f)
	}
	if m != nil {
		giver = fm.sliceFolded(s, f, 0, m[0])
		if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[2], m[3])); ok {
			e.holder, e.hasHolder = n, true
		}
	} else if proxies {
		if m := proxyPairIndex(f); m != nil {
			giver = fm.sliceFolded(s, f, m[2], m[3])
			if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[4], m[5])); ok {
				e.holder, e.hasHolder = n, true
			}
		}
	}
	// "M. MMES Marie-Jo BATARD": civilities of a mixed group; the person's own is unknown.
	// The words are split only for those two cases; the first words are read in place.
	// c0 is the civility w0 is (civ0), read once for both tests.
	w0, after := nextField(giver)
	c0, civ0 := normalize.CivilityOf(w0)
	if w1, after1 := nextField(after); w1 != "" && civ0 && isCivility(w1) {
		if w2, _ := nextField(after1); w2 != "" {
			fs := strings.Fields(giver)
			giver = strings.Join(fs[2:], " ")
			w0, _ = nextField(giver)
			c0, civ0 = normalize.CivilityOf(w0)
		}
	}
	// A plural civility heads a group: "MM LECARDONNEL", "Messieurs Yves LELONG".
	if w0 != "" {
		if c, ok := c0, civ0; ok && c.Plural {
			fs := strings.Fields(giver)
			// A copy taken here: &c itself would move c to the heap on every entry.
			cp := c
			e.civPlural = &cp
			giver = "M. " + strings.Join(fs[1:], " ")
			if c.Canon == "Mme" {
				giver = "Mme " + strings.Join(fs[1:], " ")
			}
			if len(fs) == 1 {
				e.role = true
				return e
			}
		}
	}
	n, ok := normalize.PersonName(giver)
	if !ok {
		if f == "" {
			f = normalize.Fold(s)
		}
		if roleOnly(f) {
			e.role = true
			e.roleText = normalize.RoleKey(s)
		} else if reStaffTitle.MatchString(f) {
			e.role = true // the function of the staff member named before
		}
		return e
	}
	e.name, e.ok = n, true
	return e
}

// mayHoldProxy is a cheap test on the text as written, before folding, for the words of
// hasProxyVerb: whether strings.ToLower(s) holds one of proxyVerbsAsWritten (its reference,
// mayHoldProxyRef, lowers the whole entry into a buffer first). Each rune is lowered where it
// stands and a word compared only where its first letter is: a word, valid UTF-8 opening with
// an ASCII letter, can only be found in the lowered text at the start of a lowered rune, and
// then matches the lowered runes that follow one for one.
func mayHoldProxy(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if proxyVerbFirst.has(c) && proxyVerbNextMay(s[i:], c) && proxyVerbAt(s[i:], c) {
				return true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		// A few runes beyond ASCII lower to an ASCII letter (U+0130 to 'i').
		if l := unicode.ToLower(r); l < utf8.RuneSelf && proxyVerbFirst.has(byte(l)) && proxyVerbAt(s[i:], byte(l)) {
			return true
		}
	}
	return false
}

// proxyVerbNextMay is false when no word of proxyVerbsAsWritten that opens with c can go on at
// rest, told from its first byte when ASCII: every word has a second letter, and the letters
// of names seldom go on as a word's do ("r" in "BERNARD").
func proxyVerbNextMay(rest string, c byte) bool {
	if rest == "" {
		return false
	}
	n := rest[0]
	if n >= utf8.RuneSelf {
		return true // a rune that may lower to anything: proxyVerbAt tells
	}
	if 'A' <= n && n <= 'Z' {
		n += 'a' - 'A'
	}
	return proxyVerbNext[c].has(n)
}

// proxyVerbNext holds, for each first byte of proxyVerbsAsWritten, the second bytes of the words
// that open with it.
var proxyVerbNext = func() (t [utf8.RuneSelf]byteSet) {
	for _, w := range proxyVerbsAsWritten {
		if len(w) < 2 || w[0] >= utf8.RuneSelf {
			panic("parse: a word of proxyVerbsAsWritten must hold two letters or more, the first ASCII")
		}
		t[w[0]].add(w[1])
	}
	return t
}()

// proxyVerbAt reports whether one of proxyVerbsAsWritten opens with c and goes on, lowered rune
// by rune, at the start of rest.
func proxyVerbAt(rest string, c byte) bool {
	for _, w := range proxyVerbsAsWritten {
		if w[0] == c && lowerHasPrefix(rest, w[1:]) {
			return true
		}
	}
	return false
}

// lowerHasPrefix reports whether the runes of s, each lowered by unicode.ToLower, open with
// the runes of w, a lower-case text.
func lowerHasPrefix(s string, w []byte) bool {
	i := 0
	for j := 0; j < len(w); {
		if i >= len(s) {
			return false
		}
		var r, want rune
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			r = rune(c)
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			r = unicode.ToLower(r)
			i += n
		}
		if c := w[j]; c < utf8.RuneSelf {
			want = rune(c)
			j++
		} else {
			var n int
			want, n = utf8.DecodeRune(w[j:])
			j += n
		}
		if r != want {
			return false
		}
	}
	return true
}

// proxyVerbFirst are the first bytes of proxyVerbsAsWritten.
var proxyVerbFirst = func() (set byteSet) {
	for _, w := range proxyVerbsAsWritten {
		if w[0] >= utf8.RuneSelf || !utf8.Valid(w) {
			panic("parse: a word of proxyVerbsAsWritten must be UTF-8 opening with an ASCII byte")
		}
		set.add(w[0])
	}
	return set
}()

// proxyVerbsAsWritten are the words of hasProxyVerb in lower case, with and without accents.
var proxyVerbsAsWritten = [][]byte{[]byte("pouvoir"), []byte("procuration"), []byte("représent"),
	[]byte("represent"), []byte("délégation"), []byte("delegation")}

func hasProxyVerb(f string) bool {
	return strings.Contains(f, "pouvoir") || strings.Contains(f, "procuration") ||
		strings.Contains(f, "represent") || strings.Contains(f, "delegation")
}

// roleOnly reports whether a list item is a grouping or role ("adjoints", "conseillers
// municipaux", "Député-Maire", "Maire") rather than a name.
func roleOnly(f string) bool {
	for _, w := range strings.Fields(f) {
		if !roleItemWords[strings.Trim(w, ".,;:")] {
			return false
		}
	}
	return f != ""
}

var roleItemWords = map[string]bool{
	"adjoint": true, "adjoints": true, "adjointe": true, "adjointes": true, "maire": true,
	"depute-maire": true, "conseiller": true, "conseillers": true, "conseillere": true,
	"conseilleres": true, "municipal": true, "municipaux": true, "municipale": true,
	"municipales": true, "delegue": true, "delegues": true, "deleguee": true, "deleguees": true,
	"communautaire": true, "communautaires": true, "titulaire": true, "titulaires": true,
	"suppleant": true, "suppleants": true, "president": true, "presidente": true,
	"vice-president": true, "vice-presidente": true, "1er": true, "2eme": true, "3eme": true,
	"4eme": true, "5eme": true, "6eme": true, "7eme": true, "8eme": true, "premier": true,
	"premiere": true, "de": true, "la": true, "le": true, "l'opposition": true, "majorite": true,
	"secretaire": true, "senateur-maire": true, "doyen": true, "doyenne": true,
}

// sliceFolded returns the original text of the byte span [a, b) of folded, which must be
// normalize.Fold(orig): folding removes accents and changes byte lengths, so spans found by
// patterns on folded text are mapped back to the text as written.
func sliceFolded(orig, folded string, a, b int) string {
	f, runs := foldRunsLike(orig, folded)
	return sliceMapped(orig, folded, f, runs, a, b)
}

// foldMemo is sliceFolded with the last foldRuns remembered.
type foldMemo struct {
	src, f string
	runs   []int32
	ok     bool
}

func (m *foldMemo) sliceFolded(orig, folded string, a, b int) string {
	if !m.ok || m.src != orig {
		m.f, m.runs = foldRunsLike(orig, folded)
		m.src, m.ok = orig, true
	}
	return sliceMapped(orig, folded, m.f, m.runs, a, b)
}

// sliceMapped is sliceFolded once orig is folded: f and runs are foldRuns(orig).
func sliceMapped(orig, folded, f string, runs []int32, a, b int) string {
	if f != folded || a < 0 || b > len(f) || a > b {
		return ""
	}
	return strings.TrimSpace(orig[runOffset(orig, f, runs, a):runOffset(orig, f, runs, b)])
}

// foldRuns folds s like foldMap (its reference, in fold_runs_test.go) and maps the fold back to
// s as foldMap does, but in a few bytes: foldMap's offsets take four bytes a byte of the fold,
// and the header readers map whole sentences back. Along the fold, the offset of a byte other
// than a space mostly grows with it: it comes from byte k+d of s, with d fixed for a run of
// such bytes, and changes only after a letter folded to another length ("é" to "e") or white
// space squeezed. runs holds, for each run, its first byte k and its d (pairs of int32). A
// space of the fold comes from where the byte after it comes from (foldMap gives it the offset
// of the rune that ends the white space), and a space is never last. A text beyond the range
// of int32 has no runs: "" and nil.
func foldRuns(s string) (string, []int32) { return foldRunsLike(s, "") }

// foldRunsLike is foldRuns(s), but returns want itself when the fold equals it. Nearly every
// caller holds the fold of s already (normalize.Fold, which differs from this fold only in
// apostrophes and combining marks): the fold is then built in a buffer and compared, and only
// a fold that differs is copied into a string of its own.
func foldRunsLike(s, want string) (string, []int32) {
	var stack [128]byte
	f, runs, _ := foldRunsInto(stack[:0], s, want)
	return f, runs
}

// foldRunsInto is foldRunsLike with the fold built in buf, grown if need be and returned for
// the next call.
func foldRunsInto(buf []byte, s, want string) (string, []int32, []byte) {
	if len(s) > cap(buf) {
		buf = make([]byte, 0, len(s))
	}
	buf, runs := appendFoldRuns(buf[:0], s)
	if string(buf) == want {
		return want, runs, buf
	}
	return string(buf), runs, buf
}

// appendFoldRuns appends foldRuns(s)'s fold to b and returns it, with the runs.
func appendFoldRuns(b []byte, s string) ([]byte, []int32) {
	if len(s) > math.MaxInt32 {
		return b, nil
	}
	base := len(b)
	// A run mostly starts after a letter of two bytes or more: room for one a rune beyond
	// ASCII, and a few squeezed spaces.
	runs := make([]int32, 0, highBytes(s)+8)
	d := int32(math.MinInt32) // the d of the last run, none yet
	space := false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				space = len(b) > base
				i++
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			if k := int32(len(b) - base); int32(i)-k != d {
				d = int32(i) - k
				runs = append(runs, k, d)
			}
			// The ASCII bytes up to the next space or wider rune all go on this run, each
			// folded to itself but a capital: the stretches between capitals are copied whole.
			j, from := i, i
			for ; j < len(s); j++ {
				k := foldRunByte[s[j]]
				if k == foldRunCopy {
					continue
				}
				if k == foldRunEnd {
					break
				}
				if from < j {
					b = append(b, s[from:j]...)
				}
				b = append(b, s[j]+'a'-'A')
				from = j + 1
			}
			b = append(b, s[from:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		start := i
		i += size
		if unicode.IsSpace(r) {
			space = len(b) > base
			continue
		}
		var fr string
		if r < rune(len(latinFold)) {
			fr = latinFold[r]
		} else {
			n := utf8.EncodeRune(buf[:], r)
			fr = normalize.Fold(string(buf[:n]))
		}
		if fr == "" {
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		// Every byte of fr comes from start: each but a space is a run of its own, unless it
		// goes on the one before (the first byte may).
		for j := 0; j < len(fr); j++ {
			if fr[j] == ' ' {
				continue
			}
			if k := int32(len(b) - base + j); int32(start)-k != d {
				d = int32(start) - k
				runs = append(runs, k, d)
			}
		}
		b = append(b, fr...)
	}
	return b, runs
}

// The classes of foldRunByte.
const (
	foldRunCopy  = iota // a byte that folds to itself
	foldRunUpper        // a capital, lowered
	foldRunEnd          // white space or a byte of a wider rune: the stretch ends
)

// foldRunByte classes the bytes of foldRuns' stretches of ASCII by one look-up a byte.
var foldRunByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf || asciiSpace[c] != 0:
			t[c] = foldRunEnd
		case 'A' <= c && c <= 'Z':
			t[c] = foldRunUpper
		}
	}
	return t
}()

// runOffset is foldMap(s)'s offset of byte k of the fold, 0 <= k <= len(f), where f and runs
// are foldRuns(s).
func runOffset(s, f string, runs []int32, k int) int {
	if k >= len(f) {
		return len(s)
	}
	if f[k] == ' ' {
		k++ // a space is never last: the byte after it is no space
	}
	// The last run that starts at k or before.
	lo, hi := 0, len(runs)/2
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if int(runs[2*m]) <= k {
			lo = m
		} else {
			hi = m
		}
	}
	return k + int(runs[2*lo+1])
}

// latinFold holds normalize.Fold of each rune of the Latin-1 Supplement and Latin Extended-A
// blocks, so that foldRuns does not decompose them one by one.
var latinFold = func() [0x250]string {
	var t [0x250]string
	for r := rune(0x80); r < 0x250; r++ {
		t[r] = normalize.Fold(string(r))
	}
	return t
}()

// readList turns the lines of one list into people, attendance entries and proxies.
func (d *doc) readList(block []blockLine, status string, proxies bool) {
	if len(block) == 0 {
		return
	}
	var b strings.Builder
	// Room for the lines and a short separator each, so that the text is built in one go.
	n := 0
	for _, bl := range block {
		n += len(bl.text) + 2
	}
	b.Grow(n)
	offs := make([]int, len(block))
	for k, bl := range block {
		if k > 0 {
			b.WriteString(joinSep(block[k-1].text, bl.text))
		}
		offs[k] = b.Len()
		b.WriteString(strings.TrimSpace(bl.text))
	}
	text := b.String()
	posAt := func(off int) Pos {
		// The last line starting at or before off.
		k := sort.SearchInts(offs, off+1) - 1
		if k < 0 {
			k = 0
		}
		return block[k].pos
	}
	var group *normalize.Civility
	var prev *normalize.Person
	// An entry mostly ends at a comma or a line end: room for that many, grown if need be, in
	// the scratch's array (readList reads one list at a time, and keeps none of its items).
	sc := d.sec()
	items := appendItems(slices.Grow(sc.listItems[:0], 1+len(block)+strings.Count(text, ",")), text)
	sc.listItems = items
	d.people.Reserve(len(items))
	inBlock := d.hdr.inBlock[:0]
	defer func() { d.hdr.inBlock = inBlock }()
	d.rec.Attendance = slices.Grow(d.rec.Attendance, len(items))
	for _, it := range items {
		e := d.parseEntry(it.text, proxies, false)
		pos := posAt(it.off)
		if e.civPlural != nil {
			group = e.civPlural
		}
		if e.proxyOfPrev {
			if prev != nil {
				if h := d.addPerson(e.holder, pos); h != nil {
					d.rec.Proxies = append(d.rec.Proxies, Proxy{From: prev.ID, To: strp(h.ID), Text: it.text, Pos: pos})
				}
			}
			continue
		}
		if e.role || !e.ok {
			if e.roleText != "" && prev != nil {
				d.people.SetRole(e.roleText, prev)
			}
			if !e.ok {
				continue
			}
		}
		n := e.name
		if n.Civility == "" && group != nil && !startsWithCivility(it.text) {
			n.Civility = group.Canon
		} else if startsWithCivility(it.text) && e.civPlural == nil {
			group = nil
		}
		var p *normalize.Person
		q, resolved := d.people.Resolve(n)
		if resolved && !proxies && q.Key() != d.people.KeyOf(n) {
			if d.hdr.listed.has(q) || inBlock.has(q) {
				// Listed already under a compatible name: another person ("M. Luciani",
				// then "F. Luciani" among the absents).
				p = d.people.New(n)
				p.Page, p.Line = pos.Page, pos.Line
			}
		}
		if p == nil {
			p = d.addResolved(n, pos, q, resolved)
		}
		if p == nil {
			continue
		}
		if inBlock.has(p) && d.people.KeyOf(n) != p.Key() {
			// Two entries of one list are two people ("M. Luciani", "F. Luciani").
			p = d.people.New(n)
			p.Page, p.Line = pos.Page, pos.Line
		}
		inBlock.add(p)
		prev = p
		if e.roleText != "" {
			d.people.SetRole(e.roleText, p)
		}
		st := status
		if e.hasHolder && e.inlineProxy && status == Present {
			st = Excused
			d.diag(SevWarning, "proxy-giver-in-present-list", pos,
				"\""+it.text+"\" is listed as present but gives a proxy; read as excused")
		}
		var sub *string
		if e.replaced != nil {
			if r := d.addPerson(*e.replaced, pos); r != nil {
				id := r.ID
				sub = &id
			}
		}
		if st == "" { // a list of proxies alone: the giver is excused unless listed already
			st = Excused
		}
		d.setStatus(p, st, sub, pos)
		if e.mark != "" {
			d.markProxy(e.mark, p, st == Present, pos, it.text)
		}
		if e.hasHolder || proxies {
			pr := Proxy{From: p.ID, Text: it.text, Pos: pos}
			if e.hasHolder {
				if h := d.addPerson(e.holder, pos); h != nil {
					pr.To = strp(h.ID)
				}
			}
			d.rec.Proxies = append(d.rec.Proxies, pr)
		}
	}
}

func startsWithCivility(s string) bool {
	w, _ := nextField(s)
	if w == "" {
		return false
	}
	if _, ok := normalize.CivilityOf(w); ok {
		return true
	}
	if m := reGluedCiv.FindString(w); m != "" {
		return true
	}
	return false
}

// setStatus records a person's attendance; a person already listed keeps the status the
// document gave them first.
func (d *doc) setStatus(p *normalize.Person, status string, sub *string, pos Pos) {
	if d.hdr.listed.has(p) {
		return
	}
	d.hdr.listed.add(p)
	d.rec.Attendance = append(d.rec.Attendance, Attendance{Person: p.ID, Status: status, SubstituteFor: sub, Pos: pos})
}

// evidence records the evidence of a meeting field.
func (d *doc) evidence(field string, ev Evidence) {
	m := &d.rec.Meeting
	if m.Evidence == nil {
		m.Evidence = map[string]Evidence{}
	}
	if _, ok := m.Evidence[field]; !ok {
		m.Evidence[field] = ev
	}
}

// ev builds the evidence of line i. Its text is built once per line: a very long line may hold
// many mentions, and rebuilding it for each would cost the line's length every time.
func (d *doc) ev(i int) Evidence {
	t, ok := d.evText[i]
	if !ok {
		if t = d.lines[i].Text; !singleSpaced(t) {
			t = strings.Join(strings.Fields(t), " ")
		}
		if d.evText == nil {
			d.evText = d.evTexts()
		}
		d.evText[i] = t
	}
	return Evidence{Pos: d.lines[i].Pos, Text: t}
}

// evTexts is an empty map for d.evText: the scratch's when d has one.
func (d *doc) evTexts() map[int]string {
	s := d.scratch
	if s == nil {
		return map[int]string{}
	}
	if s.sec.evText == nil {
		s.sec.evText = map[int]string{}
	}
	clear(s.sec.evText)
	return s.sec.evText
}

// foldMapOf is foldRuns(s), remembered for the last few strings asked: the header readers map
// several matches of one line back to the text as written, and on a very long line each foldMap
// would cost the line's length again; and they turn from the meeting sentence to a line of it
// and back (the body, the place, the president, the secretary).
func (d *doc) foldMapOf(s string) (string, []int32) {
	// The text mapped back is mostly the joined meeting sentence, whose fold join keeps.
	hint := ""
	if j := &d.hdr.joined; j.ok && s == j.orig {
		hint = j.folded
	}
	e := d.foldEntry(s, hint)
	return e.folded, e.offs
}

// foldEntry returns the memo of foldRuns(s), computed when s is none of the strings remembered
// (it then takes the place of the oldest). hint is a string the fold likely equals ("" if none):
// see foldRunsLike.
func (d *doc) foldEntry(s, hint string) *foldMemoEntry {
	fs := &d.hdr.folds
	for k := range fs.e {
		if e := &fs.e[k]; e.ok && s == e.src {
			return e
		}
	}
	e := &fs.e[fs.next]
	fs.next = (fs.next + 1) % len(fs.e)
	var f string
	var runs []int32
	f, runs, fs.buf = foldRunsInto(fs.buf, s, hint)
	*e = foldMemoEntry{src: s, folded: f, offs: runs, ok: true}
	return e
}

// foldMemos holds the foldRuns of the last few strings mapped back (see foldMapOf).
type foldMemos struct {
	e    [4]foldMemoEntry
	next int    // the entry to replace next
	buf  []byte // where the folds are built (see foldRunsInto)
}

// foldMemoEntry is foldRuns(src): folded and offs.
type foldMemoEntry struct {
	src, folded string
	offs        []int32
	ok          bool
	same        string // a string found equal to folded (see sliceFolded)
}

// sliceFolded is sliceFolded through the document's foldMap memo. The check that folded is the
// fold of orig is made once per pair: the caller passes the same folded string for every match
// of a line, and comparing it to itself again costs nothing, while comparing two equal copies
// costs their length each time.
func (d *doc) sliceFolded(orig, folded string, a, b int) string {
	e := d.foldEntry(orig, folded)
	f := e.folded
	if folded != "" && folded == e.same {
		f = folded
	} else if f == folded {
		e.same = folded
	}
	return sliceMapped(orig, folded, f, e.offs, a, b)
}

// origOffset maps byte offset fi of normalize.Fold(s) back to the offset in s it comes from.
func (d *doc) origOffset(s string, fi int) int {
	f, runs := d.foldMapOf(s)
	return mappedOffset(s, f, runs, fi)
}

// inlineLists reads lists opened inside a sentence, each with its count: "25 Conseillers étaient
// Présents ou Représentés (07 Procurations : ML Castelli, …) et 04 Absents : JT Albertini, …".
func (d *doc) inlineLists(i int) (end int, ok bool) {
	if !inlineLabelAny(d.folded[i]) {
		return 0, false
	}
	// The sentence runs until a line ends with a full stop.
	var b strings.Builder
	end = i
	prev := ""
	for j := i; j < len(d.lines) && j < i+6; j++ {
		t := strings.TrimSpace(d.lines[j].Text)
		if t == "" {
			if endsWithSeparator(prev) {
				continue // the list goes on after a blank line ("F.\nLUCIANI,\n\nA. ORSINI")
			}
			break
		}
		if j > i {
			b.WriteString(joinSep(prev, t))
		}
		prev = t
		b.WriteString(t)
		end = j
		if fs := strings.Fields(t); strings.HasSuffix(t, ".") && !isInitialTok(fs[len(fs)-1]) {
			break
		}
	}
	o := b.String()
	f, runs := foldRuns(o)
	// A sentence holds a few lists, never more: bound the work on odd input.
	ms := reInlineLabel.FindAllStringSubmatchIndex(f, 6)
	if len(ms) == 0 {
		return 0, false
	}
	if m := rePresentOrRepresented.FindStringSubmatch(f); m != nil && d.hdr.presentOrRepresented == nil {
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		d.hdr.presentOrRepresented = &n
		d.hdr.absentAt = d.lines[i].Pos
	}
	for k, m := range ms {
		label := f[m[4]:m[5]]
		n := 0
		for _, c := range f[m[2]:m[3]] {
			n = n*10 + int(c-'0')
		}
		stop := len(f)
		if k+1 < len(ms) {
			stop = ms[k+1][0]
		}
		if m[0] > 0 && strings.HasSuffix(strings.TrimSpace(f[:m[0]]), "(") {
			if c := strings.IndexByte(f[m[1]:], ')'); c >= 0 && m[1]+c < stop {
				stop = m[1] + c
			}
		}
		list := strings.TrimSpace(o[runOffset(o, f, runs, m[1]):runOffset(o, f, runs, stop)])
		list = strings.TrimRight(strings.TrimSpace(list), ".")
		list = strings.TrimSuffix(strings.TrimSuffix(list, " et"), " ET")
		status, proxies := Absent, false
		switch {
		case strings.HasPrefix(label, "procuration") || strings.HasPrefix(label, "pouvoir"):
			status, proxies = Excused, true
			d.setCount("represented", n, i)
		case strings.HasPrefix(label, "excuse"):
			status = Excused
		case strings.HasPrefix(label, "present"):
			status = Present
			d.setCount("present", n, i)
		default:
			d.setCount("absent", n, i)
		}
		d.readList([]blockLine{{list, d.lines[i].Pos}}, status, proxies)
	}
	for j := i; j <= end; j++ {
		d.used[j] = true
	}
	return end, true
}

// inlineLabelAny is reInlineLabel.MatchString(f), read backwards from each colon of f: the
// backtracker tried the pattern from every digit of a line, and every line of the header with
// a colon and a label word somewhere (a list "Présents : …") passed its prefilter.
//
// This is exact. The pattern's words (inlineLabelWords, inlineLabelGroups, inlineLabelVerbs)
// hold no white space and end with a letter, and white space (\s: ASCII but \v) stands
// before each: so each is a whole token of f, a maximal run of bytes other than white space,
// and the label is the token before the colon and the white space before it. Before the
// label come, a token each, maybe a group word and maybe a verb after it, and first a token
// ending with a digit, whose last digit (or last three) is the number.
func inlineLabelAny(f string) bool {
	for c := 0; ; c++ {
		k := strings.IndexByte(f[c:], ':')
		if k < 0 {
			return false
		}
		c += k
		if inlineLabelEndsAt(f, c) {
			return true
		}
	}
}

// inlineLabelEndsAt reports whether a match of reInlineLabel holds the colon at f[c].
func inlineLabelEndsAt(f string, c int) bool {
	label, p := tokenBefore(f, c)
	if p == 0 || !slices.Contains(inlineLabelWords, label) {
		return false
	}
	t, p := tokenBefore(f, p)
	if endsWithDigit(t) {
		return true
	}
	if slices.Contains(inlineLabelVerbs, t) && p > 0 {
		// A verb counts only after a group word; a group word alone is read below.
		if g, q := tokenBefore(f, p); q > 0 && slices.Contains(inlineLabelGroups, g) {
			n, _ := tokenBefore(f, q)
			if endsWithDigit(n) {
				return true
			}
		}
	}
	if p == 0 || !slices.Contains(inlineLabelGroups, t) {
		return false
	}
	n, _ := tokenBefore(f, p)
	return endsWithDigit(n)
}

// tokenBefore returns the last token of f[:end] past its white space (\s), and where it starts.
func tokenBefore(f string, end int) (tok string, start int) {
	for end > 0 && isRxSpace(f[end-1]) {
		end--
	}
	start = end
	for start > 0 && !isRxSpace(f[start-1]) {
		start--
	}
	return f[start:end], start
}

// endsWithDigit reports whether t ends with an ASCII digit.
func endsWithDigit(t string) bool { return t != "" && '0' <= t[len(t)-1] && t[len(t)-1] <= '9' }

// doubleSpaced reports whether the document's opening lines alternate with blank lines (some
// HTML and PDF conversions), so that a blank line does not end a list.
func (d *doc) doubleSpaced() bool {
	if d.hdr.spacing == 0 {
		blank, n := 0, 0
		for i := 0; i < len(d.lines) && n < 60; i++ {
			n++
			if strings.TrimSpace(d.folded[i]) == "" {
				blank++
			}
		}
		d.hdr.spacing = 1
		if n >= 10 && blank*100 >= n*40 {
			d.hdr.spacing = 2
		}
	}
	return d.hdr.spacing == 2
}

// giveProxyIndex is reGiveProxy.FindStringSubmatchIndex(f). Go's backtracker tries the pattern
// from every byte of the text, and its optional lead made each try cost about as much as a
// match; its lazy group, that runs to the end of the text, cost as much again. So the phrase
// before the group (giveProxyHead) is tried, anchored, only where a match can start (at a byte
// of giveProxyFirst, and before one of giveProxyOpeners), and the group is read off the rest
// of the text.
//
// This is exact: the pattern reads nothing before its match (no ^, \b or \B), so the first
// place where the phrase matches is the leftmost place where the pattern can, and there its
// preferred path is the phrase's own, when the group can follow it. The group, (.+?) before
// \s*\.?$, is the rest without its longest ending of white space and a dot, or its first byte
// when nothing else is left. When the rest allows no group (it is empty, or the group would
// cross a line break, which '.' does not match), the pattern is searched as it is.
func giveProxyIndex(f string) []int {
	if !reGiveProxy.may(f) {
		return nil
	}
	tries := 0
	for p := 0; p < len(f); p++ {
		if !giveProxyFirst.has(f[p]) {
			continue
		}
		if q, ok := giveProxyOpens(f, p); !ok {
			p = max(p, q-1) // every byte of the lead before q opens on the same word
			continue
		}
		// Each try clears the backtracker's state for the rest of the text: on a long text
		// with many places to try, one plain search costs less.
		if tries++; tries > maxGiveProxyTries {
			return reGiveProxy.FindStringSubmatchIndex(f)
		}
		m := giveProxyAt.FindStringSubmatchIndex(f[p:])
		if m == nil {
			continue
		}
		from := p + m[1]
		j, ok := lazyTail(f[from:], true)
		if !ok {
			return reGiveProxy.FindStringSubmatchIndex(f)
		}
		m[0], m[1], m[2], m[3] = p, len(f), from, from+j // the empty group's slice, reused
		return m
	}
	return nil
}

// giveProxyOpens reports whether the word after the lead of giveProxyHead (`\s*,?\s+`) read
// from f[p] is one of giveProxyOpeners: when it is not, the pattern cannot match at p, since
// each phrase opens with one of those words followed by white space. q is where the word
// starts; every place before q in the lead reads the same word, so none of them can match
// either.
func giveProxyOpens(f string, p int) (q int, ok bool) {
	q = skipSpace(f, p)
	if q < len(f) && f[q] == ',' {
		q = skipSpace(f, q+1)
	}
	e := q
	for e < len(f) && !isRxSpace(f[e]) {
		e++
	}
	return q, slices.Contains(giveProxyOpeners, f[q:e])
}

// lazyTail is the length of the group (.+?) when it closes a pattern, before \s*\.?$ (dot)
// or \s*$: the rest without its longest ending of white space (and a dot), or its first byte
// when nothing else is left. ok is false when the group cannot be read so (the rest is empty,
// or the group would cross a line break, which '.' does not match): the caller then runs its
// pattern, whose other paths may still match.
func lazyTail(rest string, dot bool) (j int, ok bool) {
	j = len(rest)
	if dot && j > 0 && rest[j-1] == '.' {
		j--
	}
	for j > 0 && isRxSpace(rest[j-1]) {
		j--
	}
	if j == 0 && len(rest) > 0 {
		j = 1
	}
	if j == 0 || strings.IndexByte(rest[:j], '\n') >= 0 {
		return 0, false
	}
	return j, true
}

// proxyPairIndex is reProxyPair.FindStringSubmatchIndex(f), read by hand: the backtracker
// tried the lazy giver from every byte and, for each, the lazy holder to the end of the text.
//
// This is exact. The giver (.+?) ends at the first run of white space, before any line break
// (the giver cannot hold one), that is followed by a word of proxyPairAlt and white space:
// fewer spaces taken by the greedy \s+ would leave a space before the word, which no word
// starts with, and a giver ending inside a run meets the same word as one ending at its start.
// Of the words, the first in the pattern's order that is there and followed by white space is
// the preferred one; the greedy \s+ after it takes the whole run, and the holder is then
// lazyTail of the rest. When that fails, the pattern's other paths are left to the pattern.
func proxyPairIndex(f string) []int {
	end := len(f)
	if nl := strings.IndexByte(f, '\n'); nl >= 0 {
		end = nl + 1 // the giver stops before the line break; the run may start on it
	}
	for k := 1; k < end; k++ {
		if !isRxSpace(f[k]) {
			continue
		}
		e := k + 1
		for e < len(f) && isRxSpace(f[e]) {
			e++
		}
		if w := proxyPairWordAt(f, e); w > 0 {
			from := e + w
			for from < len(f) && isRxSpace(f[from]) {
				from++
			}
			j, ok := lazyTail(f[from:], true)
			if !ok {
				return reProxyPair.FindStringSubmatchIndex(f)
			}
			return []int{0, len(f), 0, k, from, from + j}
		}
		k = e - 1 // the next giver to try ends after this run
	}
	return nil
}

// proxyPairWordAt is the length of the first word of proxyPairWords at f[e:] that white space
// follows, or 0.
func proxyPairWordAt(f string, e int) int {
	for _, w := range proxyPairWords {
		if strings.HasPrefix(f[e:], w) && e+len(w) < len(f) && isRxSpace(f[e+len(w)]) {
			return len(w)
		}
	}
	return 0
}

// substituteIndex is reSubstitute.FindStringSubmatchIndex(f): its head (substituteHead) is
// matched, and its lazy group read off the rest (see lazyTail; exact as in giveProxyIndex).
// The head's empty group marks where it ends and gives the slice of the answer.
func substituteIndex(f string) []int {
	m := substituteAt.FindStringSubmatchIndex(f)
	if m == nil {
		return nil
	}
	h := m[1]
	j, ok := lazyTail(f[h:], false)
	if !ok {
		return reSubstitute.FindStringSubmatchIndex(f)
	}
	m[1], m[2], m[3] = len(f), h, h+j
	return m
}

// isRxSpace reports whether c is in Go's \s.
func isRxSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// maxGiveProxyTries bounds the anchored tries of giveProxyIndex.
const maxGiveProxyTries = 8

var (
	// proxyPairWords are the words of proxyPairAlt, in order.
	proxyPairWords = func() []string {
		ws := strings.Split(proxyPairAlt, "|")
		for _, w := range ws {
			if w == "" || regexp.QuoteMeta(w) != w || isRxSpace(w[0]) {
				panic("parse: proxyPairAlt must be plain words between bars")
			}
		}
		return ws
	}()
	// substituteAt is substituteHead, anchored at the start of the text as the pattern is,
	// and an empty group.
	substituteAt = regexp.MustCompile(substituteHead + `()`)
	// giveProxyAt is giveProxyHead anchored at the start of the text, and an empty group
	// (its answer has the length of reGiveProxy's).
	giveProxyAt = regexp.MustCompile(`^(?:` + giveProxyHead + `)()`)
	// giveProxyFirst are the bytes a match of reGiveProxy can start with.
	giveProxyFirst = func() byteSet {
		tree, err := syntax.Parse(reGiveProxy.String(), syntax.Perl)
		if err != nil || looksBehind(tree) {
			panic("parse: reGiveProxy must read nothing before its match")
		}
		set, nullable, ok := firstBytes(tree)
		if !ok || nullable {
			panic("parse: reGiveProxy must have known start bytes")
		}
		if head, err := syntax.Parse(giveProxyHead, syntax.Perl); err != nil || head.MaxCap() != 0 {
			panic("parse: giveProxyHead must hold no group")
		}
		return set
	}()
)

// looksBehind reports whether re holds an assertion that reads before the place it stands at.
func looksBehind(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, sub := range re.Sub {
		if looksBehind(sub) {
			return true
		}
	}
	return false
}
