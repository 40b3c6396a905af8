package parse

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"minutes/extract"
	"minutes/normalize"
)

// agendaScanFraction bounds how far into the document the ordre du jour is looked for (the
// first half of the lines): it is announced before the body, and a later "ordre du jour" is a
// mention in prose.
const agendaScanFraction = 2

// maxAgendaRunes bounds an agenda entry's first line (entries run longer than headings).
const maxAgendaRunes = 400

// agenda finds the announced ordre du jour and fills d.rec.Agenda. It returns the index of the
// first line after the agenda block (0 when there is none), where the body starts.
func (d *doc) agenda() int {
	limit := len(d.lines) / agendaScanFraction
	if limit < 40 {
		limit = len(d.lines)
	}
	for i := 0; i < limit; i++ {
		if d.used[i] {
			continue
		}
		// The pattern's start first, then its words: most lines open with a byte no marker
		// line does (the right end of the trim moves no start: see agendaMarkerGate).
		if agendaMarkerGate.rejects(trimLeftSet(d.folded[i], agendaTrim)) || !agendaMarkerMay(d.folded[i]) {
			continue
		}
		f := strings.Trim(d.folded[i], agendaTrim)
		m := reAgendaMarker.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		entries, lines, end := d.agendaEntries(i, m[1])
		if len(entries) >= 2 || (len(entries) == 1 && entries[0].Number == nil && reAddedItem.MatchString(d.folded[i+1])) {
			// Only the points added in session: the rest of the agenda is not in the document,
			// so unmatched sections say nothing.
			d.bs.agendaPartial = len(entries) == 1
			d.rec.Agenda = entries
			d.bs.agendaLine = cleared(d.sec().agendaLine, len(d.lines))
			d.bs.agendaLine[i] = true
			for _, k := range lines {
				d.bs.agendaLine[k] = true
			}
			return end
		}
		return 0
	}
	return 0
}

// agendaTrim is what an agenda marker line is trimmed of before reAgendaMarker reads it.
const agendaTrim = " *#_"

// agendaMarkerGate is reAgendaMarker's start gate. It is asked of a line trimmed of agendaTrim
// on its left only: the right trim leaves the first byte, unless it leaves nothing (then so
// does the left one), and only shortens a text the starts are read from, which can only
// turn it away.
var agendaMarkerGate = newStartGate(reAgendaMarker)

// trimLeftSet is strings.TrimLeft(s, set) for a set of ASCII bytes, without building the set.
func trimLeftSet(s, set string) string {
next:
	for s != "" {
		for k := 0; k < len(set); k++ {
			if s[0] == set[k] {
				s = s[1:]
				continue next
			}
		}
		break
	}
	return s
}

// agendaMarkerMay reports whether a folded line holds one of agendaMarkerWords, asked of the
// first half of the lines: each word is looked for only around its rare byte, rather than
// searched for from each of its first byte ('o', 's'), frequent in French; the words that
// share a rare byte are looked for in one scan for it.
// agendaMarkerMayRef (a search of each word) is the reference of FuzzAgendaMarkerMay.
func agendaMarkerMay(f string) bool {
	for _, g := range agendaMarkerByRare {
		for i := strings.IndexByte(f, g.rare); i >= 0; {
			for _, w := range g.words {
				if wordAt(f, i-w.rare, w.word) {
					return true
				}
			}
			n := strings.IndexByte(f[i+1:], g.rare)
			if n < 0 {
				break
			}
			i += n + 1
		}
	}
	return false
}

// agendaMarkerByRare is agendaMarkerWords grouped by their rare byte, for agendaMarkerMay.
var agendaMarkerByRare = groupByRare(agendaMarkerWords)

// markerGroup is the words that share a rare byte.
type markerGroup struct {
	rare  byte
	words []markerWord
}

// groupByRare groups words by their rare byte, in the order the bytes first come.
func groupByRare(words []markerWord) []markerGroup {
	var gs []markerGroup
next:
	for _, w := range words {
		c := w.word[w.rare]
		for k := range gs {
			if gs[k].rare == c {
				gs[k].words = append(gs[k].words, w)
				continue next
			}
		}
		gs = append(gs, markerGroup{c, []markerWord{w}})
	}
	return gs
}

// wordAt reports whether f holds w at p (p may fall outside f).
func wordAt(f string, p int, w string) bool {
	return p >= 0 && p+len(w) <= len(f) && f[p:p+len(w)] == w
}

// agendaEntries reads the entries that follow the marker line i (or that sit on it, after the
// colon: inline is the folded rest of the marker line).
func (d *doc) agendaEntries(i int, inline string) ([]AgendaItem, []int, int) {
	var out []AgendaItem
	var lines []int   // the lines the entries were read from
	var nums []string // the entries' numbers (see below)
	var o outline
	children := map[string]int{} // path → number of unnumbered sub-points so far
	lastNumbered := -1           // index in out of the last numbered entry
	numbered := false
	added := false
	if inline != "" {
		out = inlineAgenda(d.lines[i], d.lines[i].Text)
		if len(out) >= 2 {
			return out, nil, i + 1
		}
		out = nil
	}
	if s := d.scratch; s != nil {
		// Read into the scratch's arrays: the record gets the entries in one allocation of
		// their size (ownAgenda), and the lines are read once by agenda.
		out, lines, o.stack = s.sec.agenda[:0], s.sec.agendaLines[:0], s.sec.agendaStack[:0]
	}
	j := i + 1
	blankRun := 0
	for ; j < len(d.lines); j++ {
		if d.used[j] {
			break
		}
		t := d.cleanAt(j)
		if t == "" {
			blankRun++
			if blankRun > 3 && len(out) > 0 {
				break
			}
			continue
		}
		blankRun = 0
		f := d.folded[j]
		if isPageNumber(t) || reSuperscript.MatchString(f) {
			continue
		}
		// "* 1-1 : Autorisation …": a numbered entry behind a bullet.
		if loc := bulletIndex(t); loc != nil && loc[1] < len(t) {
			if _, ok := matchHeadingMax(t[loc[1]:], maxAgendaRunes); ok {
				t = t[loc[1]:]
			}
		}
		// "25 Indemnités de fonction …" after "24\tDéplacement …": a number with a space for
		// the list's tab, read when it is the next in the running numbering.
		if numbered && lastNumbered >= 0 {
			if m := reSpaceNumbered.FindStringSubmatch(t); m != nil && out[lastNumbered].Number != nil {
				if prev, err := strconv.Atoi(*out[lastNumbered].Number); err == nil && strconv.Itoa(prev+1) == m[1] {
					t = m[1] + ". " + m[2]
				}
			}
		}
		// A column header repeated at a page break ("N°\tObjet") inside an agenda table.
		if len(out) > 0 && d.isTableLine(j) && len(t) <= 40 && strings.IndexAny(t, "123456789") < 0 {
			continue
		}
		h, ok := d.headingOf(j, t, maxAgendaRunes)
		if !ok && (reAgendaStop.MatchString(f) || d.isTableLine(j)) {
			// A line of the marker's block ("SÉANCE DU LUNDI 24 JUILLET 2023") may sit before
			// the first entry; after it, the header resumes.
			if len(out) == 0 && j <= i+2 {
				continue
			}
			break
		}
		if ok {
			// A numbered line after unnumbered entries is the body.
			if len(out) > 0 && !numbered {
				break
			}
			if !o.place(&h) {
				break
			}
			d.continueTitle(&h, j, len(d.lines))
			// "1. Observations sur le compte rendu … page 03": a table of contents' page number.
			// The title is cleanTitle's already (matchCleaned, continueTitle), which cleaning
			// again leaves as it is (FuzzCleanTitleTwice): only a title cut is cleaned again.
			if k := tocStart(h.title); k >= 0 {
				h.title = cleanTitle(h.title[:k])
			} else if mayTOCLine(h.title) {
				h.title = cleanTitle(h.title)
			}
			if h.title == "" {
				break
			}
			if h.line != j || h.last < j {
				h.last = j
			}
			// The numbers live in chunks that are never moved, not in an allocation each.
			if len(nums) == cap(nums) {
				nums = make([]string, 0, 16)
			}
			nums = append(nums, h.number)
			out = append(out, AgendaItem{Path: h.path, Number: &nums[len(nums)-1], Title: h.title, Level: h.level, Pos: d.lines[j].Pos})
			for k := j; k <= h.last; k++ {
				lines = append(lines, k)
			}
			lastNumbered = len(out) - 1
			numbered = true
			j = h.last
			continue
		}
		if m := reSubLetter.FindStringSubmatch(t); m != nil && lastNumbered >= 0 {
			parent := out[lastNumbered]
			children[parent.Path]++
			num := m[1]
			out = append(out, AgendaItem{Path: parent.Path + "." + num, Number: &num, Title: cleanTitle(m[2]), Level: parent.Level + 1, Pos: d.lines[j].Pos})
			lines = append(lines, j)
			continue
		}
		if loc := bulletIndex(t); loc != nil && lastNumbered >= 0 {
			parent := out[lastNumbered]
			children[parent.Path]++
			title := cleanTitle(t[loc[1]:])
			if title == "" {
				continue
			}
			out = append(out, AgendaItem{
				Path:  parent.Path + "." + strconv.Itoa(children[parent.Path]),
				Title: title, Level: parent.Level + 1, Pos: d.lines[j].Pos,
			})
			lines = append(lines, j)
			continue
		}
		// Points added in session ("propose d'y ajouter le point suivant :") follow as a list.
		if reAddedItem.MatchString(f) {
			added = true
			continue
		}
		if added && reBullet.MatchString(t) {
			loc := bulletIndex(t)
			if title := cleanTitle(t[loc[1]:]); title != "" {
				out = append(out, AgendaItem{Path: strconv.Itoa(topLevel(out) + 1), Title: title, Level: 1, Pos: d.lines[j].Pos})
				lines = append(lines, j)
				continue
			}
		}
		// Unnumbered entries, one a line, only in an agenda that numbers none.
		title := cleanTitle(t)
		if loc := bulletIndex(title); loc != nil {
			title = cleanTitle(title[loc[1]:])
		}
		if !numbered && !moreRunes(t, 120) && !strings.HasSuffix(t, ".") && startsUpper(title) {
			out = append(out, AgendaItem{Path: strconv.Itoa(len(out) + 1), Title: title, Level: 1, Pos: d.lines[j].Pos})
			lines = append(lines, j)
			continue
		}
		break
	}
	if s := d.scratch; s != nil {
		s.sec.agendaStack = o.stack
	}
	return d.ownAgenda(out, lines), lines, j
}

// ownAgenda is the entries agendaEntries read, in an array of their own when they were read
// into the scratch's, which it takes back with the lines' array.
func (d *doc) ownAgenda(out []AgendaItem, lines []int) []AgendaItem {
	s := d.scratch
	if s == nil {
		return out
	}
	s.sec.agenda, s.sec.agendaLines = out, lines
	return ownCopy(out)
}

// linkedSet is an empty set of paths for linkAgenda, sized for n: the scratch's when d has one.
func (d *doc) linkedSet(n int) map[string]bool {
	s := d.scratch
	if s == nil {
		return make(map[string]bool, n)
	}
	if s.sec.linked == nil {
		s.sec.linked = make(map[string]bool, n)
	}
	clear(s.sec.linked)
	return s.sec.linked
}

// topLevel counts the level-1 entries of an agenda.
func topLevel(out []AgendaItem) int {
	n := 0
	for _, a := range out {
		if a.Level == 1 {
			n++
		}
	}
	return n
}

// inlineAgenda splits an agenda written on the marker line: "Ordre du jour : 1. X 2. Y".
func inlineAgenda(l extract.Line, text string) []AgendaItem {
	k := strings.Index(strings.ToLower(text), "jour")
	if k < 0 {
		return nil
	}
	rest := text[k+len("jour"):]
	rest = strings.TrimLeft(rest, " :")
	locs := reInlineAgendaNum.FindAllStringSubmatchIndex(rest, -1)
	var out []AgendaItem
	want := 1
	for n, loc := range locs {
		num := rest[loc[2]:loc[3]]
		v, _ := strconv.Atoi(num)
		if v != want {
			continue
		}
		want++
		end := len(rest)
		if n+1 < len(locs) {
			end = locs[n+1][0]
		}
		title := cleanTitle(rest[loc[1]:end])
		if title == "" {
			continue
		}
		nm := num
		out = append(out, AgendaItem{Path: num, Number: &nm, Title: title, Level: 1, Pos: l.Pos})
	}
	return out
}

// isPageNumber reports whether a line is a bare page number ("3", "- 3 -", "Page 2/6").
func isPageNumber(t string) bool {
	if len(t) > 24 {
		return false
	}
	t = strings.Trim(t, " -–")
	if t == "" {
		return false
	}
	if len(t) <= 3 && isSmallInt(t) {
		return true
	}
	// When the first five bytes are ASCII they are the first five of strings.ToLower(t): a
	// line that does not open with "page " is told without lowering it.
	if n := min(len(t), 5); highBytes(t[:n]) == 0 && !(n == 5 && strings.EqualFold(t[:n], "page ")) {
		return false
	}
	lt := strings.ToLower(t)
	if strings.HasPrefix(lt, "page ") {
		rest := strings.Fields(lt[5:])
		if len(rest) >= 1 {
			if _, err := strconv.Atoi(strings.Split(rest[0], "/")[0]); err == nil {
				return true
			}
		}
	}
	return false
}

// linkBound is the highest score linkAgenda can give a section with na trigrams and an agenda
// entry a with nb: dice is at most 2·min/(na+nb), a contained title scores 0.7 (when contain
// says the title may be contained), then the bonuses. The bonuses are added in linkAgenda's
// order so that the bound is exact in floating point too.
func linkBound(na, nb int, it *Item, a *AgendaItem, sameParent, contain bool) float64 {
	s := 0.0
	if na > 0 && nb > 0 {
		s = 2 * float64(min(na, nb)) / float64(na+nb)
	}
	if contain {
		s = max(s, 0.7)
	}
	if it.Number != nil && a.Number != nil && *it.Number == *a.Number {
		s += 0.1
	}
	if sameParent {
		s += 0.15
	}
	if a.Level == it.Level {
		s += 0.05
	}
	return s
}

// looseBound is at least linkBound(na, nb, …) whatever its other arguments: the dice bound
// raised to 0.7 with every bonus added, in linkBound's order. Floating-point addition of a
// positive number never lowers a sum and is monotone, so each step stays at least linkBound's.
func looseBound(na, nb int) float64 {
	s := 0.0
	if na > 0 && nb > 0 {
		s = 2 * float64(min(na, nb)) / float64(na+nb)
	}
	s = max(s, 0.7)
	s += 0.1
	s += 0.15
	s += 0.05
	return s
}

// linkAgenda links each section to the agenda entry it answers, by title first (minutes reword,
// renumber and misspell) and by number and place in the outline as tie-breakers, then reports the
// entries and sections left without a partner.
func (d *doc) linkAgenda(parents []int) {
	ag := d.rec.Agenda
	if len(ag) == 0 {
		return
	}
	agGrams, agWords := d.agendaTitles()
	s := d.sec()
	agParent := carve(&s.titles, len(ag))
	for k, a := range ag {
		agParent[k] = parentPath(a.Path)
	}
	itGrams, itWords := d.itemTitles(agGrams, agWords)
	used := carve(&s.flags, len(ag))
	pick := entryPicker{ag, agGrams, agWords, agParent}
	var paths []string
	// Two passes: near-certain links first (the same title, give or take a typo), so that a
	// renumbered or moved section does not take the entry of one that follows it; then the
	// remaining sections against the remaining entries, with a looser bar.
	for _, bar := range []float64{0.85, 0.55} {
		next := 0 // the entry after the last one linked: sections mostly follow the agenda
		for i := range d.rec.Items {
			it := &d.rec.Items[i]
			if it.AgendaPath != nil {
				continue
			}
			parentLink := ""
			if p := parents[i]; p >= 0 && d.rec.Items[p].AgendaPath != nil {
				parentLink = *d.rec.Items[p].AgendaPath
			}
			best, bestScore := pick.pick(it, itGrams[i], itWords[i], parentLink, used, next)
			if best >= 0 && bestScore >= bar {
				used[best] = true
				if paths == nil {
					paths = make([]string, len(d.rec.Items)) // one string each, in one allocation
				}
				paths[i] = ag[best].Path
				it.AgendaPath = &paths[i]
				next = best + 1
			}
		}
	}
	// The titles are all matched: the numbers of their trigrams are no longer needed (the
	// dictionary stays in the scratch, for the next document).
	d.bs.agDict = nil
	if d.bs.agendaPartial {
		return
	}
	if len(d.rec.Items) == 0 {
		// A convocation: the agenda is the whole document.
		d.diag(SevInfo, "agenda-only", ag[0].Pos, fmt.Sprintf("the document announces an agenda of %d entries and has no sections", len(ag)))
		return
	}
	// Entries without a section: an unnumbered sub-point is covered by its parent's section, and
	// a grouping entry by any of its descendants.
	// The set of linked paths is made only when an entry is left over: most often none is.
	var linked map[string]bool
	for k, a := range ag {
		if used[k] {
			continue
		}
		if linked == nil {
			// Sized for the entries (the paths linked are mostly theirs); a path met already
			// has its parents in the set already.
			linked = d.linkedSet(len(ag))
			for n, e := range ag {
				if used[n] {
					for p := e.Path; p != "" && !linked[p]; p = parentPath(p) {
						linked[p] = true
					}
				}
			}
		}
		if linked[a.Path] {
			continue
		}
		if a.Number == nil && linked[parentPath(a.Path)] {
			continue
		}
		d.diag(SevWarning, "agenda-unmatched", a.Pos, fmt.Sprintf("agenda entry %s has no section in the body", a.Path))
	}
	for i, it := range d.rec.Items {
		if it.AgendaPath != nil || it.Kind == KindHeading {
			continue
		}
		if p := parents[i]; p >= 0 && d.rec.Items[p].AgendaPath != nil {
			continue // a sub-section of a point on the agenda
		}
		d.diag(SevWarning, "section-unmatched", it.Pos, fmt.Sprintf("section %s (%s) has no entry in the agenda", it.Path, shorten(it.Title, 60)))
	}
}

// agendaTitles is the trigrams and the words of each agenda entry's folded title, computed once;
// the titles matched with them are numbered by d.bs.agDict, which linkAgenda lets go. The
// buffers are the scratch's: nothing of them reaches the record.
func (d *doc) agendaTitles() ([]gramSet, [][]string) {
	if d.bs.agGrams == nil {
		ag := d.rec.Agenda
		s := d.sec()
		folded := carve(&s.titles, len(ag))
		size := 0
		for _, a := range ag {
			size += len(a.Title)
		}
		// The folded titles view one buffer (see foldLines), not an allocation each.
		buf := carve(&s.text, size+16)[:0]
		for k, a := range ag {
			buf, folded[k] = appendFolded(buf, a.Title)
		}
		d.bs.agDict = d.titleDict()
		d.bs.agGrams, d.bs.agWords, d.bs.agFolded = d.bs.agDict.setsOf(folded), d.wordsOf(folded), folded
	}
	return d.bs.agGrams, d.bs.agWords
}

// itemTitles is the trigrams and the words of each item's title. A section most often bears its
// agenda entry's very title: its trigrams and words are then the entry's (the slices are only
// read), and only the other titles are measured.
//
// A title written as an entry's is found without folding it: the first such entry from k on
// may not be the first entry from k that folds as the title does, but it folds as that one
// does, and so has the same trigrams and words; whichever is taken, every score is the same
// (setDice of a set and one equal to it is exactly 1, shared or not).
func (d *doc) itemTitles(agGrams []gramSet, agWords [][]string) ([]gramSet, [][]string) {
	items, ag, agFolded := d.rec.Items, d.rec.Agenda, d.bs.agFolded
	s := d.sec()
	grams, words := carve(&s.grams, len(items)), carve(&s.wordLists, len(items))
	var rest []string // the folded titles that no entry bears, in item order
	var restAt []int
	k := 0 // where the search for the next title starts: sections mostly follow the agenda
	// The folded titles are written into one buffer; a title an entry bears is dropped from it
	// (nothing keeps it), so that only the others stay.
	var buf []byte
	for i, it := range items {
		found := -1
		for n := range ag {
			c := (k + n) % len(ag)
			if len(ag[c].Title) == len(it.Title) && ag[c].Title == it.Title {
				found = c
				break
			}
		}
		if found < 0 {
			if buf == nil {
				size := 0
				for _, it := range items[i:] {
					size += len(it.Title)
				}
				buf = carve(&s.text, size+16)[:0] // folding rarely lengthens a title
			}
			start := len(buf)
			var f string
			buf, f = appendFolded(buf, it.Title)
			for n := range agFolded {
				c := (k + n) % len(agFolded)
				if len(agFolded[c]) == len(f) && agFolded[c] == f {
					found = c
					break
				}
			}
			if found < 0 {
				rest, restAt = append(rest, f), append(restAt, i)
				continue
			}
			buf = buf[:start]
		}
		grams[i], words[i] = agGrams[found], agWords[found]
		k = found + 1
	}
	if len(rest) > 0 {
		rg, rw := d.bs.agDict.setsOf(rest), d.wordsOf(rest)
		for n, i := range restAt {
			grams[i], words[i] = rg[n], rw[n]
		}
	}
	return grams, words
}

// appendFolded appends normalize.Fold(s) to buf and returns the buffer and the folded text,
// which views the buffer's bytes (unsafe.String). The caller never writes those bytes again
// while the text is kept: append writes only past len, and when it moves the buffer the old
// array stays as it was.
func appendFolded(buf []byte, s string) ([]byte, string) {
	start := len(buf)
	buf = normalize.AppendFold(buf, s)
	if len(buf) == start {
		return buf, ""
	}
	return buf, unsafe.String(&buf[start], len(buf)-start)
}

// parentPath drops the last component of a path.
func parentPath(p string) string {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return ""
	}
	return p[:i]
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
