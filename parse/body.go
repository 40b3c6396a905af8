package parse

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"minutes/normalize"
)

// body reads the agenda and the sections of the body with their decisions, debate and amounts.
// Lines consumed by the header and attendance segmenters (d.used) are skipped; body lines that
// fall in no section are kept in rec.Unplaced.
func (d *doc) body() {
	start := d.agenda()
	heads := d.sections(start)
	if len(heads) == 0 {
		heads = d.unnumberedSections(start)
	} else {
		heads = d.agendaHeadings(start, heads)
	}
	if len(heads) == 0 {
		heads = d.listedDeliberations(start)
	}
	if len(heads) == 0 {
		if h, ok := d.singleDeliberation(start); ok {
			heads = []heading{h}
		}
	}
	parents := d.buildItems(heads)
	d.linkAgenda(parents)
}

// sections finds the section headings from line start on, in document order, keeping only those
// that continue the document's running numbering. The headings are read into the scratch's
// array when d has one (body calls sections once a document), which the next document reuses.
func (d *doc) sections(start int) []heading {
	var o outline
	var out []heading
	var spare []frame // the stack of the last trial not kept, reused by the next
	if sc := d.scratch; sc != nil {
		// (the two stacks never share an array: a trial copies the outline into spare's)
		out, o.stack, spare = sc.sec.out[:0], sc.sec.stacks[0][:0], sc.sec.stacks[1][:0]
	}
	for i := start; i < len(d.lines); i++ {
		var lh *lineHeading
		if i, lh = d.nextHeadingLine(i); lh == nil {
			break
		}
		h := heading{style: lh.style, seq: lh.seq, number: lh.number, ord: lh.ord, title: lh.title}
		// Try the outline on a copy: a rejected line must leave it as it was.
		trial := outline{stack: append(spare[:0], o.stack...), seen: o.seen}
		if !trial.place(&h) {
			spare = trial.stack
			continue
		}
		d.continueTitle(&h, i, len(d.lines))
		if h.title == "" || moneyInTitle(h.title) || tocStart(h.title) >= 0 {
			spare = trial.stack
			continue
		}
		spare = o.stack
		o = trial
		out = append(out, h)
		i = h.last
	}
	if sc := d.scratch; sc != nil {
		sc.sec.out, sc.sec.stacks = out, [2][]frame{o.stack, spare}
	}
	return out
}

// nextHeadingLine is the first line from i on that sections tries and its reading, nil when
// none is: a line of no table that reads as a heading (headingOf(i, line i, maxTitleRunes), without
// making a heading of every line). A numbered heading is read even on a line the header
// consumed ("I. DESIGNATION D'UN SECRETAIRE DE SEANCE" also names the secretary): the outline
// needs every number. Most lines are no heading: the loop over them is kept apart from
// sections' own, whose state would be saved and restored around each call.
//
//go:noinline
func (d *doc) nextHeadingLine(i int) (int, *lineHeading) {
	for ; i < len(d.lines); i++ {
		if d.isTableLine(i) {
			continue
		}
		if lh := d.headingLine(i); lh != nil && !moreRunes(lh.title, maxTitleRunes) {
			return i, lh
		}
	}
	return len(d.lines), nil
}

// tocStart is where the match of reTOCLine in s starts, -1 when there is none: "… page 03"
// and "…....... 12" end a line, so the pattern is read from the end, once, rather than tried
// from every position of the title. The one match there can be runs to the end of s (the
// pattern ends on $ and matches no empty text), so ReplaceAllString(s, "") is s[:tocStart(s)].
// FuzzTOCStart checks it against the pattern.
func tocStart(s string) int {
	j := len(s)
	for j > 0 && rxSpace(s[j-1]) {
		j--
	}
	k := j
	for k > 0 && asciiDigit(s[k-1]) {
		k--
	}
	// \d{1,3} after white space or a dot: a fourth digit before them is neither.
	if k == j || j-k > 3 {
		return -1
	}
	w := k
	for w > 0 && rxSpace(s[w-1]) {
		w--
	}
	if w > 0 && s[w-1] == '.' {
		// \.{4,}: the match starts at the first dot of the run.
		p := w
		for p > 0 && s[p-1] == '.' {
			p--
		}
		if w-p >= 4 {
			return p
		}
		return -1
	}
	// (?i)\bpages?\s+: white space, then "page" or "pages" in any case (ſ folds to s).
	if w == k {
		return -1
	}
	e := w
	switch {
	case e > 0 && (s[e-1] == 's' || s[e-1] == 'S'):
		e--
	case e > 1 && s[e-2] == 0xC5 && s[e-1] == 0xBF:
		e -= 2
	}
	if e < 4 {
		return -1
	}
	p := e - 4
	if s[p]|0x20 != 'p' || s[p+1]|0x20 != 'a' || s[p+2]|0x20 != 'g' || s[p+3]|0x20 != 'e' {
		return -1
	}
	if p > 0 && isASCIIWord(s[p-1]) {
		return -1 // no \b before the p
	}
	return p
}

// unnumberedSections finds the headings of a document that numbers none: lines in capitals, or
// opening with a theme in capitals and a dash, standing alone and followed by prose. At least two
// are needed for the document to count as sectioned this way.
func (d *doc) unnumberedSections(start int) []heading {
	// The headings are the document's buffer: the body reads them, and drops them, before
	// the record is finished.
	out := d.lm.heads.list[:0]
	defer func() { d.lm.heads.list = out[:0] }()
	for i := start; i < len(d.lines); i++ {
		if d.used[i] {
			continue
		}
		// The tests of the line alone first, the cheapest first: most lines are prose, which
		// the capitals tell; the table row tests read the lines around.
		t := d.cleanAt(i)
		if t == "" || moreRunes(t, 150) || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") {
			continue
		}
		caps := isUpperTitle(t) && fieldCount(t, 1) >= 2
		if (!caps && !(upperLead(t, 3) && reThemeHeading.MatchString(t))) || moneyInTitle(t) {
			continue
		}
		if reBullet.MatchString(t) || d.tableRow(i) {
			continue
		}
		if i > start && !d.closesBlock(i-1) {
			continue
		}
		// The next non-blank line must be prose: not a number, not another line in capitals.
		j := i + 1
		for j < len(d.lines) && strings.TrimSpace(d.lines[j].Text) == "" {
			j++
		}
		if j >= len(d.lines) {
			continue
		}
		next := d.cleanAt(j)
		if reBareNumber.MatchString(d.folded[j]) || isUpperTitle(next) || d.tableRow(j) {
			continue
		}
		out = append(out, heading{line: i, last: i, title: cleanTitle(t), level: 1, path: itoa(len(out) + 1)})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// upperLead reports whether s opens with n capitals (\p{Lu}): reThemeHeading needs three.
func upperLead(s string, n int) bool {
	for range n {
		r, size := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(r) {
			return false
		}
		s = s[size:]
	}
	return true
}

// agendaHeadings adds to the numbered headings of a document the unnumbered ones that answer an
// agenda entry no numbered heading answers: a short line in capitals, standing alone before
// prose, whose title matches the entry ("PROJET APPARTEMENTS" for "FAR 2015 : Projet
// appartements"). Only between top-level sections: a sub-point is left to its section.
func (d *doc) agendaHeadings(start int, heads []heading) []heading {
	ag := d.rec.Agenda
	if len(ag) == 0 {
		return heads
	}
	inHead := cleared(d.lm.heads.inHead, len(d.lines))
	d.lm.heads.inHead = inHead
	for _, h := range heads {
		for i := h.line; i <= h.last; i++ {
			inHead[i] = true
		}
	}
	// Candidate lines first, with the cheap tests: most documents have none, and the title
	// matching below is not needed.
	hb := &d.lm.heads
	cands := hb.cands[:0]
	defer func() { hb.cands = cands[:0] }()
	for i := start; i < len(d.lines); i++ {
		if d.used[i] || inHead[i] || (d.bs.agendaLine != nil && d.bs.agendaLine[i]) {
			continue
		}
		t := d.cleanAt(i)
		// (the tests of the last byte first: they are cheaper than counting runes; then the
		// capitals, which tell prose in its first words, before the count of runes, which reads
		// a long line to its hundredth; all the tests are pure, so their order changes nothing
		// else)
		if t == "" || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") || !isUpperTitle(t) || moreRunes(t, 100) || bulletIndex(t) != nil || d.tableRow(i) {
			continue
		}
		if _, ok := d.headingOf(i, t, maxTitleRunes); ok {
			continue
		}
		// Prose must follow: not a number, another line in capitals or a table.
		j := i + 1
		for j < len(d.lines) && strings.TrimSpace(d.lines[j].Text) == "" {
			j++
		}
		if j >= len(d.lines) || reBareNumber.MatchString(d.folded[j]) || isUpperTitle(d.cleanAt(j)) || d.tableRow(j) {
			continue
		}
		cands = append(cands, i)
	}
	if len(cands) == 0 {
		return heads
	}
	agGrams, agWords := d.agendaTitles()
	// The candidates' trigrams and words, read together (see trigramsOf).
	folded := slices.Grow(hb.strs[:0], len(cands))[:len(cands)]
	for n, i := range cands {
		folded[n] = d.folded[i]
	}
	candGrams, candWords := d.bs.agDict.setsOf(folded), wordsOf(folded)
	hb.strs = folded[:0] // (read: the sets and words hold no string of the slice's)
	taken := make([]bool, len(ag))
	var headGrams []gramSet // the numbered titles' trigrams, read at the first candidate
	added := hb.added[:0]
	defer func() { hb.added = added[:0] }()
	for n, i := range cands {
		k, s := bestEntryOf(candGrams[n], candWords[n], agGrams, agWords, taken, 0.55)
		if k < 0 {
			continue
		}
		// An entry a numbered section answers as well is that section's.
		if headGrams == nil {
			// The folded titles are views of the document's buffer, read for their
			// trigrams only.
			titles := slices.Grow(hb.strs[:0], len(heads))[:len(heads)]
			size := 0
			for _, h := range heads {
				size += len(h.title)
			}
			buf := slices.Grow(hb.fold[:0], size+16) // folding rarely lengthens a title
			for n, h := range heads {
				buf, titles[n] = appendFolded(buf, h.title)
			}
			headGrams = d.bs.agDict.setsOf(titles)
			hb.strs, hb.fold = titles[:0], buf[:0]
		}
		if slices.ContainsFunc(headGrams, func(g gramSet) bool { return setDice(g, agGrams[k]) >= s }) {
			continue
		}
		taken[k] = true
		added = append(added, heading{line: i, last: i, title: cleanTitle(d.cleanAt(i)), level: 1})
	}
	if len(added) == 0 {
		return heads
	}
	// Merge in document order; an added heading stands at the top level, after a top-level
	// section only.
	// The headings merged are the document's buffer (see unnumberedSections).
	out := slices.Grow(hb.merged[:0], len(heads)+len(added))
	defer func() { hb.merged = out[:0] }()
	paths := map[string]bool{}
	for _, h := range heads {
		paths[h.path] = true
	}
	a, top := 0, 0
	for k := 0; k <= len(heads); k++ {
		for a < len(added) && (k == len(heads) || added[a].line < heads[k].line) {
			if len(out) == 0 || out[len(out)-1].level == 1 {
				top++
				h := added[a]
				h.path = itoa(top)
				if paths[h.path] {
					h.path = "u" + h.path
				}
				out = append(out, h)
			}
			a++
		}
		if k < len(heads) {
			if heads[k].level == 1 {
				top++
			}
			out = append(out, heads[k])
		}
	}
	return out
}

// bestEntry is the agenda entry not yet taken whose title is nearest the folded title f, and
// its score: the Dice coefficient of their trigrams, or 0.7 when every word of f (two words, or
// one of five letters or more) is in the entry. Only a score of floor (above 0) or more
// counts: -1 when no entry reaches it. The trigrams of f are numbered by g, which numbered
// agGrams.
func bestEntry(g *gramDict, f string, agGrams []gramSet, agWords [][]string, taken []bool, floor float64) (int, float64) {
	return bestEntryOf(g.setOf(f), foldedWords(f), agGrams, agWords, taken, floor)
}

// bestEntryOf is bestEntry of a title read already: its trigrams and its words.
func bestEntryOf(grams gramSet, words []string, agGrams []gramSet, agWords [][]string, taken []bool, floor float64) (int, float64) {
	wordy := len(words) >= 2 || (len(words) == 1 && len(words[0]) >= 5)
	// A score must pass bestScore to count: starting just below floor, one of floor passes.
	best, bestScore := -1, math.Nextafter(floor, math.Inf(-1))
	for k := range agGrams {
		if taken[k] {
			continue
		}
		// Dice is at most 2·min/(na+nb) (in floating point too: the division is monotone): an
		// entry whose bound cannot pass the best can only pass it by its words, scoring 0.7.
		bound := 0.0
		if na, nb := grams.n, agGrams[k].n; na > 0 && nb > 0 {
			bound = 2 * float64(min(na, nb)) / float64(na+nb)
		}
		if bound <= bestScore {
			if bestScore < 0.7 && wordy && len(words) <= len(agWords[k]) && contained(words, agWords[k]) {
				best, bestScore = k, 0.7
			}
			continue
		}
		s := setDice(grams, agGrams[k])
		if s < 0.7 && wordy && contained(words, agWords[k]) && len(words) <= len(agWords[k]) {
			s = 0.7
		}
		if s > bestScore {
			best, bestScore = k, s
		}
	}
	return best, bestScore
}

// listedDeliberations reads the list of deliberations a council publishes after a meeting
// ("Liste des délibérations votées", "examinées"): each item of the list under that title is a
// section. When the title says they were voted, each carries an adopted decision.
func (d *doc) listedDeliberations(start int) []heading {
	title := -1
	for i, seen := start, 0; i < len(d.lines) && seen < 10; i++ {
		if d.used[i] || strings.TrimSpace(d.lines[i].Text) == "" {
			continue
		}
		seen++
		if reDelibListTitle.MatchString(strings.TrimSpace(d.folded[i])) {
			title = i
			break
		}
	}
	if title < 0 {
		return nil
	}
	voted := reDelibListVoted.MatchString(d.folded[title])
	var out []heading
	for i := title + 1; i < len(d.lines); i++ {
		t := cleanHeadingText(d.lines[i].Text)
		if t == "" || d.used[i] {
			continue
		}
		loc := bulletIndex(t)
		if loc == nil {
			if len(out) == 0 {
				continue // the date of the meeting, between the title and the list
			}
			// A wrapped item goes on until a blank line.
			if last := &out[len(out)-1]; last.last == i-1 {
				last.title = cleanTitle(last.title + " " + t)
				last.last = i
				continue
			}
			break
		}
		item := cleanTitle(t[loc[1]:])
		if item == "" {
			continue
		}
		out = append(out, heading{line: i, last: i, title: item, level: 1, path: itoa(len(out) + 1), voted: voted})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// closesBlock reports whether line i ends what comes before an unnumbered heading: a blank, a
// finished sentence or a colon, a rule ("-------"), a bullet glyph or an amount alone (the end
// of a table), or a decision formula
// ("Adopté à l'unanimité par le Conseil Municipal,").
func (d *doc) closesBlock(i int) bool {
	t := strings.TrimSpace(d.lines[i].Text)
	if t == "" || endsSentence(t) || strings.HasSuffix(t, ":") {
		return true
	}
	if strings.Trim(t, "-_=*~.•Ø ") == "" || (reBullet.MatchString(t) && reBullet.ReplaceAllString(t, "") == "") || reBareNumber.MatchString(d.folded[i]) {
		return true
	}
	tr := d.trigAt(i)
	return tr.trigger && (tr.explicit || tr.unanimous)
}

// singleDeliberation reads a document holding one unnumbered deliberation (an extract of the
// register): its title is the first paragraph of the body.
func (d *doc) singleDeliberation(start int) (heading, bool) {
	width := d.typicalWidth(start)
	for i := start; i < len(d.lines)*2/3; i++ {
		if d.used[i] || reAttendanceEnd.MatchString(d.folded[i]) {
			start = i + 1
		}
	}
	for i := start; i < len(d.lines); i++ {
		if d.used[i] || strings.TrimSpace(d.lines[i].Text) == "" || d.isTableLine(i) {
			continue
		}
		var b strings.Builder
		j := i
		for ; j < len(d.lines) && j < i+8; j++ {
			t := strings.TrimSpace(d.lines[j].Text)
			if t == "" || d.used[j] {
				j--
				break
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t)
			if endsParagraph(t, width) {
				break
			}
		}
		if j >= len(d.lines) {
			j = len(d.lines) - 1
		}
		title := cleanTitle(b.String())
		if title == "" || utf8.RuneCountInString(title) > 500 || j+1 >= len(d.lines) {
			return heading{}, false
		}
		return heading{line: i, last: j, title: title, level: 1, path: "1"}, true
	}
	return heading{}, false
}

// typicalWidth is the length of a full line of prose in the document (the 90th percentile of
// line lengths), used to tell a paragraph's last, short line in text without blank lines.
func (d *doc) typicalWidth(start int) int {
	var hist [256]int
	n := 0
	for i := start; i < len(d.lines); i++ {
		l := utf8.RuneCountInString(strings.TrimSpace(d.lines[i].Text))
		if l == 0 {
			continue
		}
		if l > 255 {
			l = 255
		}
		hist[l]++
		n++
	}
	target, seen := n*9/10, 0
	for l, c := range hist {
		seen += c
		if seen > target {
			return l
		}
	}
	return 80
}

// endsParagraph reports whether a line ends a paragraph in text without blank lines: it ends a
// sentence and stops well short of the full width.
func endsParagraph(t string, width int) bool {
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.', ':', '!', '?':
		return utf8.RuneCountInString(t) < width*85/100
	}
	return false
}

// buildItems turns the accepted headings into items: the text between one heading and the next
// is the section's own text, read for decisions, debate and amounts. It returns the index of
// each item's parent item (-1 at the top).
func (d *doc) buildItems(heads []heading) []int {
	first := len(d.lines)
	if len(heads) > 0 {
		first = heads[0].line
	}
	// Everything before the first section that no reader took stays in the record: header
	// lines the header readers left, and the agenda block's own lines that are no entry.
	d.unplaced(0, first)
	items := make([]Item, 0, len(heads))
	// The items' numbers, which the record points to, are one array (made at its size: an
	// element never moves) rather than a string each.
	numbered := 0
	for _, h := range heads {
		if h.number != "" {
			numbered++
		}
	}
	numbers := make([]string, 0, numbered)
	for k, h := range heads {
		end := len(d.lines) - 1
		if k+1 < len(heads) {
			end = heads[k+1].line - 1
		}
		it := Item{Path: h.path, Title: h.title, Level: h.level, Pos: d.lines[h.line].Pos, End: d.lines[h.last].Pos}
		if h.number != "" {
			numbers = append(numbers, h.number)
			it.Number = &numbers[len(numbers)-1]
		}
		d.fillItem(&it, h.last+1, end)
		if h.voted && len(it.Decisions) == 0 {
			it.Decisions = []Decision{{Outcome: Adopted, Text: h.title, Pos: it.Pos}}
		}
		items = append(items, it)
	}
	heads, items = d.foldSubheadings(heads, items)
	// parents is the document's buffer (linkAgenda reads it, and drops it); every one is set.
	hb := &d.lm.heads
	parents := slices.Grow(hb.parents[:0], len(heads))[:len(heads)]
	stack := hb.stack[:0] // indexes of open items by level
	for k, h := range heads {
		for len(stack) > 0 && heads[stack[len(stack)-1]].level >= h.level {
			stack = stack[:len(stack)-1]
		}
		parents[k] = -1
		if len(stack) > 0 {
			parents[k] = stack[len(stack)-1]
		}
		stack = append(stack, k)
	}
	hb.parents, hb.stack = parents, stack[:0]
	// Kinds: a section with a decision is a deliberation; one that only groups others is a heading.
	for k := range items {
		it := &items[k]
		hasChild := k+1 < len(heads) && heads[k+1].level > heads[k].level
		switch {
		case len(it.Decisions) > 0:
			it.Kind = KindDeliberation
		case hasChild:
			it.Kind = KindHeading
		case reProceduralTitle.MatchString(d.foldedView(it.Title)):
			it.Kind = KindOther
		default:
			it.Kind = KindInformation
		}
	}
	if d.rec.Items == nil && len(items) > 0 {
		d.rec.Items = items // no copy of the items: the record has none yet
	} else {
		d.rec.Items = append(d.rec.Items, items...)
	}
	return parents
}

// foldSubheadings puts back into their section the numbered sub-headings of an exposé ("1.
// RESTAURATION DE 3 MANUSCRITS", "1.1 – Section de fonctionnement"): when a section without a
// decision of its own has several sub-sections and only the last one carries a decision, that
// decision is the section's, voted on the whole exposé, and the sub-headings are its prose.
// Numbered deliberations are never folded.
//
// The result is written over heads and items (a folded section only shortens them).
func (d *doc) foldSubheadings(heads []heading, items []Item) ([]heading, []Item) {
	w := 0 // heads[:w] and items[:w] are written: w never passes k
	for k := 0; k < len(heads); k++ {
		e := k + 1
		for e < len(heads) && heads[e].level > heads[k].level {
			e++
		}
		withDec, count, delib := -1, 0, false
		for j := k + 1; j < e; j++ {
			if heads[j].style == "delib" {
				delib = true
			}
			if len(items[j].Decisions) > 0 {
				count++
				withDec = j
			}
		}
		if e-k-1 < 2 || delib || len(items[k].Decisions) > 0 || count != 1 || withDec != e-1 {
			if w != k {
				heads[w], items[w] = heads[k], items[k]
			}
			w++
			continue
		}
		it := items[k]
		// The text and lists are grown once, at their size: the folded section's text is
		// written piece by piece, and an append of each sub-section's would leave the
		// arrays it outgrew.
		size, nDec, nEx, nAm := len(it.Text), 0, 0, 0
		for j := k + 1; j < e; j++ {
			for i := heads[j].line; i <= heads[j].last; i++ {
				size += 2 + len(strings.TrimSpace(d.lines[i].Text))
			}
			if items[j].Text != "" {
				size += 2 + len(items[j].Text)
			}
			nDec, nEx, nAm = nDec+len(items[j].Decisions), nEx+len(items[j].Exchanges), nAm+len(items[j].Amounts)
		}
		it.Decisions, it.Exchanges = slices.Grow(it.Decisions, nDec), slices.Grow(it.Exchanges, nEx)
		it.Amounts = slices.Grow(it.Amounts, nAm)
		var b strings.Builder
		b.Grow(size)
		b.WriteString(it.Text)
		for j := k + 1; j < e; j++ {
			for i := heads[j].line; i <= heads[j].last; i++ {
				if b.Len() > 0 {
					b.WriteString("\n\n")
				}
				b.WriteString(strings.TrimSpace(d.lines[i].Text))
			}
			if items[j].Text != "" {
				b.WriteString("\n\n")
				b.WriteString(items[j].Text)
			}
			it.Decisions = append(it.Decisions, items[j].Decisions...)
			it.Exchanges = append(it.Exchanges, items[j].Exchanges...)
			it.Amounts = append(it.Amounts, items[j].Amounts...)
		}
		it.Text = b.String()
		it.End = items[e-1].End
		heads[w], items[w] = heads[k], it
		w++
		k = e - 1
	}
	if w == 0 {
		return nil, nil
	}
	return heads[:w], items[:w]
}

// unplaced keeps the body lines from a to b (exclusive) that no segmenter consumed.
func (d *doc) unplaced(a, b int) {
	paras := d.paragraphs(a, b)
	d.rec.Unplaced = slices.Grow(d.rec.Unplaced, len(paras))
	for _, p := range paras {
		d.rec.Unplaced = append(d.rec.Unplaced, Text{Pos: d.lines[p.lines[0]].Pos, Text: d.paraText(p)})
	}
}

// para is a paragraph: consecutive non-blank lines of the body (indexes into d.lines).
type para struct {
	lines []int
	table bool // every line is a table row (tab-separated)
}

// paragraphs splits lines a..b-1 into paragraphs: at blank lines, and before a line that opens a
// speaker's turn, a debate block or a vote, so that a turn does not swallow what follows it.
//
// The slice returned is the document's, valid until the next call (the lines of each
// paragraph are not: a reader may keep them).
func (d *doc) paragraphs(a, b int) []para {
	if b > len(d.lines) {
		b = len(d.lines)
	}
	if a >= b {
		return nil
	}
	idx := d.paraLines(a, b)
	// The paragraphs are first told by their ends in idx (twice the end, plus one for a
	// table's), then made at their number: a document without headings has all its body in
	// one call, and its thousands of paragraphs would otherwise grow the slice many times.
	// A paragraph ends at a line outside them (a gap in idx), at a change of table-ness (its
	// first line tells for all: rowAt's answers, read from its memo), and before a line that
	// opens a block.
	row := d.lm.row
	cuts := d.lm.fill.cuts[:0]
	for n := 1; n < len(idx); n++ {
		if i := idx[n]; i != idx[n-1]+1 || row[i] != row[idx[n-1]] || d.opensBlock(i) {
			cuts = append(cuts, paraCut(n, row[idx[n-1]] == 2))
		}
	}
	if len(idx) > 0 {
		cuts = append(cuts, paraCut(len(idx), row[idx[len(idx)-1]] == 2))
	}
	d.lm.fill.cuts = cuts[:0]
	out := slices.Grow(d.lm.fill.paras[:0], len(cuts))
	start := 0
	for _, c := range cuts {
		end := int(c >> 1)
		out = append(out, para{lines: idx[start:end:end], table: c&1 != 0})
		start = end
	}
	d.lm.fill.paras = out[:0]
	return out
}

// paraLines returns the lines of a..b-1 (b at most len(d.lines)) that paragraphs are made of,
// appended to the document's paragraph lines (d.lm.paraIdx), with rowAt read for each (its
// memo, d.lm.row, then holds their answers). Neither loop holds paragraphs' state, which would
// otherwise be saved and restored around every call of it. Lines outside paragraphs are those
// consumed, blank, or of the agenda.
func (d *doc) paraLines(a, b int) []int {
	// The paragraphs' lines of every call share one backing array, each capped at its own end
	// so that an append by a reader cannot run into the next paragraph. A call never writes
	// over an earlier one's lines, which readers keep (a clause holds its lines for the
	// document): it appends after them, or starts a new array (the document's lines, as the
	// sections share them out, fit in the first), the old one left to those holding it.
	ar := d.lm.paraIdx
	if cap(ar)-len(ar) < b-a {
		ar = make([]int, 0, max(b-a, len(d.lines), 2*cap(ar)))
	}
	idx := ar[len(ar) : len(ar) : len(ar)+b-a]
	// The byte facts (blankAt's) are read once for the document; rowAt only adds bits of
	// other facts to them.
	bits, used, agenda := d.lineBits(), d.used, d.bs.agendaLine
	for i := a; i < b; i++ {
		if !used[i] && bits[i]&lineBlank == 0 && (agenda == nil || !agenda[i]) {
			idx = append(idx, i)
		}
	}
	d.lm.paraIdx = ar[:len(ar)+len(idx)]
	for _, i := range idx {
		d.rowAt(i)
	}
	return idx
}

// paraCut is a paragraph's end in paragraphs' lines, twice over, plus one for a table's.
func paraCut(end int, table bool) int32 {
	c := int32(end) << 1
	if table {
		c |= 1
	}
	return c
}

// opensBlock reports whether line i starts a new paragraph even without a blank line before it:
// a debate marker, a decision, a speaker's turn, or reported speech after a finished sentence
// (a page break often hides the blank line between two paragraphs).
func (d *doc) opensBlock(i int) bool {
	if d.markerAt(i) || strings.HasPrefix(trimBulletMarks(d.folded[i]), "decision") {
		return true
	}
	if sp, ok := d.directAt(i); ok && sp.form == formDirect && !(sp.bareEmpty && d.nameRun(i)) {
		return true
	}
	t := d.cleanAt(i)
	// A vote after a speaker's turn, with no blank line between them, is not part of the turn.
	if startsUpper(t) {
		if tr := d.trigAt(i); tr.trigger && (tr.unanimous || tr.counts() || tr.dissent) {
			return true
		}
	}
	// The line after a debate marker opens the first turn.
	if i > 0 && d.markerAt(i-1) {
		return true
	}
	if i > 0 && endsSentence(d.lines[i-1].Text) {
		if _, ok := d.speakerAt(t, true); ok {
			return true
		}
	}
	return false
}

// tableRow reports whether line i belongs to a table: a row with tabs, or a short caption line
// ("Situation budget comptable 2023", "Dépenses") directly above the rows (at most three
// caption lines, each captionLine). The rows below are looked for first: they are known bits
// of the lines (isTableLine), and most lines have none below them, where the caption test
// would trim and count the runes of every line of prose. tableRowRef is the reference.
func (d *doc) tableRow(i int) bool {
	if d.isTableLine(i) {
		return true
	}
	// k is the caption's last line: the first of i..i+2 with a row after it.
	n := len(d.lines)
	k := i
	for ; k < i+3 && k+1 < n; k++ {
		if d.isTableLine(k + 1) {
			break
		}
	}
	if k == i+3 || k+1 >= n {
		return false
	}
	for j := i; j <= k; j++ {
		if !d.captionLine(j) {
			return false
		}
	}
	return true
}

// captionLine reports whether line j may be part of a table's caption: not blank, not
// consumed, short (60 runes at most), and ending neither a sentence nor with a colon.
func (d *doc) captionLine(j int) bool {
	if d.blankAt(j) || d.used[j] {
		return false
	}
	t := trimLine(d.lines[j].Text)
	// (the two tests of the last byte first: they are cheaper than counting runes)
	return !endsSentence(t) && !strings.HasSuffix(t, ":") && !moreRunes(t, 60)
}

// paraText joins a paragraph's lines with newlines, as written.
func (d *doc) paraText(p para) string {
	// A slice of the source when the lines run there so (see sourceSpan).
	var bounds [2]int
	if t, _, ok := d.sourceSpan([]para{p}, bounds[:0]); ok {
		return t
	}
	size := 0
	for _, i := range p.lines {
		size += len(d.lines[i].Text) + 1
	}
	var b strings.Builder
	b.Grow(size) // written once at its size: a paragraph runs over several lines
	for k, i := range p.lines {
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(d.lines[i].Text, " "))
	}
	return b.String()
}

// fillItem reads the lines a..b of a section: its text, debate, decisions and amounts.
func (d *doc) fillItem(it *Item, a, b int) {
	if b >= a {
		for i := b; i >= a; i-- {
			if !d.used[i] && !d.blankAt(i) {
				it.End = d.lines[i].Pos
				break
			}
		}
	}
	paras := d.paragraphs(a, b+1)
	// The section's text is its paragraphs' texts joined by blank lines; each paragraph's text
	// is then a slice of it, not a string of its own.
	sc := &d.lm.fill
	bounds := slices.Grow(sc.bounds[:0], 2*len(paras)) // at its size: two a paragraph
	if t, bs, ok := d.sourceSpan(paras, bounds); ok {
		it.Text, bounds = t, bs
	} else {
		it.Text, bounds = d.joinParas(paras, bounds[:0])
	}
	debate := d.debate(it, paras, bounds)
	// Most sections have neither debate nor table: their prose is all their paragraphs, read
	// as they are (decisions only reads them).
	prose := paras
	for k, p := range paras {
		if debate[k] || p.table {
			prose = sc.prose[:0]
			for k, p := range paras {
				if !debate[k] && !p.table {
					prose = append(prose, p)
				}
			}
			sc.prose = prose[:0]
			break
		}
	}
	sc.bounds = bounds[:0]
	it.Decisions = d.decisions(prose)
	if len(it.Decisions) == 0 {
		// "AFFAIRE RETIREE", "Point ajourné": the title states the outcome.
		ft := d.foldedView(it.Title)
		if o, ok := outcomeOf(ft); ok && o == Deferred || reWithdrawnTitle.MatchString(ft) {
			it.Decisions = []Decision{{Outcome: Deferred, Text: it.Title, Pos: it.Pos}}
		}
	}
	d.amounts(it, paras)
}

// foldedView is normalize.Fold(s) written in the document's buffer and read through a string
// view of it, valid until the next call: for the tests of a title, which keep nothing of it.
func (d *doc) foldedView(s string) string {
	b := normalize.AppendFold(d.lm.fill.folded[:0], s)
	d.lm.fill.folded = b
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// joinParas writes the text of paragraphs: each one's lines joined by newlines, trailing
// spaces dropped, paragraphs parted by a blank line. It appends to bounds where each
// paragraph's text starts and ends in it.
func (d *doc) joinParas(paras []para, bounds []int) (string, []int) {
	size := 0
	for _, p := range paras {
		for _, i := range p.lines {
			size += len(d.lines[i].Text) + 2
		}
	}
	var sb strings.Builder
	sb.Grow(size)
	for k, p := range paras {
		if k > 0 {
			sb.WriteString("\n\n")
		}
		bounds = append(bounds, sb.Len())
		for n, i := range p.lines {
			if n > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(strings.TrimRight(d.lines[i].Text, " "))
		}
		bounds = append(bounds, sb.Len())
	}
	return sb.String(), bounds
}

// sourceSpan is joinParas without a copy, when the text it would write is a run of the source
// text as it stands (src.Decoded, which the lines of a text file are substrings of): no line
// ends with a space, and the lines follow one another there, parted by one newline within a
// paragraph and by an empty line between paragraphs. Most sections of a text file are such a
// run, and their text is then a slice of it. ok is false otherwise (a PDF, a cleaned line).
func (d *doc) sourceSpan(paras []para, bounds []int) (text string, _ []int, ok bool) {
	src := d.src.Decoded
	if src == "" || len(paras) == 0 {
		return "", bounds, false
	}
	// Where a line lies in src, from its address: only a substring of src lies between its
	// bounds (the comparison reads addresses, and the slice below is src's own).
	base := uintptr(unsafe.Pointer(unsafe.StringData(src)))
	start, end := -1, 0
	for _, p := range paras {
		for n, i := range p.lines {
			t := d.lines[i].Text
			if t == "" || t[len(t)-1] == ' ' || len(t) > len(src) {
				return "", bounds, false
			}
			at := uintptr(unsafe.Pointer(unsafe.StringData(t)))
			if at < base || at-base > uintptr(len(src)-len(t)) {
				return "", bounds, false
			}
			o := int(at - base)
			if start < 0 {
				start = o
			} else {
				// One newline within a paragraph, two between paragraphs (o, past them, is
				// within src).
				if n == 0 {
					if o != end+2 || src[end] != '\n' || src[end+1] != '\n' {
						return "", bounds, false
					}
				} else if o != end+1 || src[end] != '\n' {
					return "", bounds, false
				}
			}
			if n == 0 {
				bounds = append(bounds, o-start)
			}
			end = o + len(t)
		}
		bounds = append(bounds, end-start)
	}
	return src[start:end], bounds, true
}

// amounts collects the money amounts of a section's prose and debate (table rows excluded).
func (d *doc) amounts(it *Item, paras []para) {
	cells := d.detachedCells(paras)
	// Join each paragraph so that an amount wrapped over two lines is read whole; each match
	// is then mapped back to its line. A paragraph of several lines that may hold an amount is
	// written into the document's buffer, reused from paragraph to paragraph, and read through
	// a string view of it; the texts of the amounts found in it are copied out before the
	// buffer is written again. A paragraph of one line is read as it is, and its amounts'
	// texts are slices of the line.
	// The amounts are gathered in the document's buffer, then copied into the item at their
	// number: grown paragraph by paragraph, the item's list would leave the arrays it outgrew.
	sc := &d.lm.amounts
	buf, ts, lines, found := sc.buf[:0], sc.texts[:0], sc.lines[:0], sc.found[:0]
	defer func() {
		if len(found) > 0 {
			it.Amounts = append(it.Amounts, found...)
		}
		clear(ts)
		clear(found)
		sc.buf, sc.texts, sc.lines, sc.found = buf[:0], ts[:0], lines[:0], found[:0]
	}()
	for _, p := range paras {
		if p.table {
			continue
		}
		ts, lines = ts[:0], lines[:0]
		// first is where the text may first hold an amount (see normalize.AmountOpener): most
		// paragraphs hold no digit nor currency, and are neither copied nor searched.
		n, first := 0, -1 // n counts the bytes of the paragraph's text
		for _, i := range p.lines {
			if d.rowAt(i) || cells != nil && cells[i] {
				continue
			}
			if len(lines) > 0 {
				n++ // the space joining two lines
			}
			lines = append(lines, i)
			t := trimLine(untab(d.lines[i].Text))
			if first < 0 {
				if k := normalize.AmountOpener(t); k >= 0 {
					first = n + k
				}
			}
			ts = append(ts, t)
			n += len(t)
		}
		if first < 0 {
			continue
		}
		text := ts[0]
		if len(ts) > 1 {
			buf = slices.Grow(buf[:0], n)
			for k, t := range ts {
				if k > 0 {
					buf = append(buf, ' ')
				}
				buf = append(buf, t...)
			}
			text = unsafe.String(&buf[0], n)
		}
		n0 := len(found)
		// Digits are the value kept, written in the document's arena rather than a string
		// each.
		sc.matches = normalize.FindAmountDigitsIn(sc.matches, &d.digits, text, first)
		// The line of the match, and where it starts in text: the matches come in order, and
		// so do the lines, each one byte (the joining space) after the end of the one before.
		li, at := 0, 0
		for _, m := range sc.matches {
			if at > m.Start {
				li, at = 0, 0
			}
			for li+1 < len(ts) && at+len(ts[li])+1 <= m.Start {
				at += len(ts[li]) + 1
				li++
			}
			a := Amount{Value: m.Money.Digits, Text: m.Money.Raw, Pos: d.lines[lines[li]].Pos}
			if a.Text == "" && m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
				a.Text = text[m.Start:m.End]
			}
			if m.Money.Currency != "" {
				a.Currency = d.currencyOf(m.Money.Currency)
			}
			found = append(found, a)
		}
		if len(ts) > 1 {
			keepAmountTexts(found[n0:])
		}
	}
}

// currencyOf returns the document's one pointer to the currency code c: a document names one
// or two currencies, and its amounts share them rather than hold a copy each.
func (d *doc) currencyOf(c string) *string {
	for _, p := range d.lm.amounts.codes {
		if *p == c {
			return p
		}
	}
	p := new(string) // not &c, which would move every call's c to the heap
	*p = c
	d.lm.amounts.codes = append(d.lm.amounts.codes, p)
	return p
}

// keepAmountTexts copies the texts of amounts, read from the amount reader's buffer, into one
// string of their own, so that they outlive the buffer's reuse. A value is not copied: the
// amount finder builds it (Money.Digits) rather than slicing the text it reads.
func keepAmountTexts(as []Amount) {
	size := 0
	for _, a := range as {
		size += len(a.Text)
	}
	if size == 0 {
		return
	}
	var b strings.Builder
	b.Grow(size)
	for _, a := range as {
		b.WriteString(a.Text)
	}
	s, at := b.String(), 0
	for k := range as {
		n := len(as[k].Text)
		as[k].Text = s[at : at+n]
		at += n
	}
}

// detachedCells finds the table cells that an extraction wrote one per line, column by column:
// runs of two or more lines that hold a bare number each (blank lines between them allowed). A
// bare amount alone between labels ("Ski-club" / "200 €") stays prose. The cells are marked
// by line in the document's buffer, valid until the next call; nil when there is none.
func (d *doc) detachedCells(paras []para) []bool {
	// The marks of the last call are taken back first: a mark by line, set for the few cells
	// of a section, costs less than a map made for them.
	sc := &d.lm.amounts
	for _, i := range sc.marked {
		sc.cells[i] = false
	}
	marked := sc.marked[:0]
	defer func() { sc.marked = marked }()
	// bare is written in the amount reader's list of lines, which it fills only after this
	// returns: one buffer for the document.
	bare := d.lm.amounts.lines[:0]
	defer func() { d.lm.amounts.lines = bare[:0] }()
	for _, p := range paras {
		for _, i := range p.lines {
			// A page number ("2") between two amounts does not make them a column.
			if bareNumberLine(d.folded[i]) && !isPageNumber(strings.TrimSpace(d.lines[i].Text)) {
				bare = append(bare, i)
			}
		}
	}
	for k, i := range bare {
		if (k > 0 && d.onlyBlankBetween(bare[k-1], i)) || (k+1 < len(bare) && d.onlyBlankBetween(i, bare[k+1])) {
			if len(sc.cells) == 0 {
				sc.cells = cleared(sc.cells, len(d.lines)) // at the first cell: most documents have none
			}
			sc.cells[i] = true
			marked = append(marked, i)
		}
	}
	if len(marked) == 0 {
		return nil
	}
	cells := sc.cells
	// A run whose labels above are list items ("o par l'emprunt,", "Budget annexe … :") is a
	// list with its amounts set aside, which stays prose.
	for k := 0; k < len(bare); {
		e := k + 1
		for e < len(bare) && d.onlyBlankBetween(bare[e-1], bare[e]) {
			e++
		}
		if e-k >= 2 && d.listLabelsAbove(bare[k]) {
			for _, i := range bare[k:e] {
				cells[i] = false
			}
		}
		k = e
	}
	return cells
}

// listLabelsAbove reports whether the lines above line i (up to twelve, back to the previous
// number) hold two or more list items or colon-ended labels.
func (d *doc) listLabelsAbove(i int) bool {
	n, seen := 0, 0
	for j := i - 1; j >= 0 && seen < 12; j-- {
		t := strings.TrimSpace(d.lines[j].Text)
		if t == "" || d.used[j] {
			continue
		}
		if bareNumberLine(d.folded[j]) {
			break
		}
		seen++
		if reBullet.MatchString(t) || strings.HasSuffix(t, ":") {
			n++
		}
	}
	return n >= 2
}

// onlyBlankBetween reports whether only blank lines separate lines a < b.
func (d *doc) onlyBlankBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if !d.blankAt(i) {
			return false
		}
	}
	return true
}

// bareNumberGate is reBareNumber's prefilter, derived once at start-up rather than looked up
// for each line.
var bareNumberGate = reBareNumber.prefilter()

// bareNumberLine is reBareNumber.MatchString(f): the pattern's first bytes (a digit, a sign,
// white space) turn away at once the lines of prose, which the section's every line is asked,
// and its last bytes most of the numbered lines ("1. Approbation du procès-verbal").
func bareNumberLine(f string) bool {
	if f == "" || bareNumberGate.anchored && !bareNumberGate.first.has(f[0]) {
		return false
	}
	if bareTailOn && !bareNumberTail[f[len(f)-1]] {
		return false
	}
	return reBareNumber.MatchString(f)
}

// bareTailSource is the source of reBareNumber that bareNumberTail was read from: the pattern
// matches a whole line, and its match ends with white space, "*", a tax word ("ht", "ttc",
// "h.t."), a unit ("€", "euros", "euro", "eur", "k€", "%"), ")" or the run of the number
// (digits, spaces, no-break spaces, ".", ",", "'"). Another source turns the test off
// (TestBareNumberTail then fails, to have the table read again).
const bareTailSource = `^[-–+(]?\s*\d[\d \x{00A0}\x{202F}.,']*\)?\s*(?:€|euros?|eur|k€|%)?\s*(?:ht|ttc|h\.t\.)?\s*\*?$`

// bareTailOn tells whether bareNumberTail holds for reBareNumber.
var bareTailOn = reBareNumber.String() == bareTailSource

// bareNumberTail marks the last bytes of the lines reBareNumber may match (see bareTailSource):
// of a UTF-8 character, its last byte ("€" ends with 0xAC, U+00A0 with 0xA0, U+202F with 0xAF).
var bareNumberTail = func() (t [256]bool) {
	for _, c := range []byte("0123456789 .,'\t\n\f\r*)%tcsor\xac\xa0\xaf") {
		t[c] = true
	}
	return t
}()

// itoa is strconv.Itoa, short for paths.
func itoa(n int) string { return strconv.Itoa(n) }
