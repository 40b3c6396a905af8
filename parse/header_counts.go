package parse

import (
	"strconv"
	"strings"
	"sync"

	"minutes/normalize"
)

// countHit is one count read from a line: the field, the value and the label text.
type countHit struct {
	field      string
	value      int
	start, end int // span in the folded line
}

// reCountFiller are the words a line of counts may hold besides its labels and numbers.
var reCountFiller = mustRx(`\b(?:soit|dont|et|nombre|de|d'|des|du|le|la|les|l'|conseillers?|conseilleres?|membres?|elus?|municipaux|titulaires|total|au|conseil|qui|ont|ou)\b|[^\p{L}]`)

// countsIn finds the counts stated in folded line f. A tab either separates a label from its
// number ("Nombre de conseillers votants :\t28") or two cells of a box ("2 procurations\t33
// votants", where read whole "procurations 33" would take the next cell's number): the line is
// read both ways and the reading that finds more counts wins.
func countsIn(f string, inCluster bool) []countHit {
	whole := countsInCell(strings.ReplaceAll(f, "\t", " "), inCluster)
	if !strings.Contains(f, "\t") {
		return whole
	}
	var hits []countHit
	off := 0
	for _, cell := range strings.Split(f, "\t") {
		for _, h := range countsInCell(cell, inCluster) {
			h.start += off
			h.end += off
			hits = append(hits, h)
		}
		off += len(cell) + 1
	}
	if len(hits) > len(whole) {
		return hits
	}
	return whole
}

// countsInCell finds the counts stated in one cell of a folded line.
func countsInCell(f string, inCluster bool) []countHit {
	var hits []countHit
	var after [][]int
	if gateCountAfter.may(f) {
		after = reCountAfter.FindAllStringSubmatchIndex(f, -1)
	}
	for _, m := range after {
		label := f[m[2]:m[3]]
		field := countField(label, m[2] == 0 || strings.TrimLeft(f[:m[2]], " -•*+") == "")
		if field == "" {
			continue
		}
		if (field == "for" || field == "against" || field == "abstention") && !inCluster {
			continue
		}
		v, _ := strconv.Atoi(f[m[4]:m[5]])
		hits = append(hits, countHit{field, v, m[0], m[1]})
	}
	var before [][]int
	if digitThenSpace(f) {
		before = reCountBefore.FindAllStringSubmatchIndex(f, -1)
	}
	for _, m := range before {
		label := f[m[4]:m[5]]
		if strings.Contains(label, " ou ") {
			continue // "présents ou représentés": no field holds it
		}
		field := countField(label, false)
		if field == "" || overlapsHits(hits, m[2], m[1]) {
			continue
		}
		v, _ := strconv.Atoi(f[m[2]:m[3]])
		hits = append(hits, countHit{field, v, m[2], m[1]})
	}
	return hits
}

// digitThenSpace reports whether f holds a digit followed by white space (\s), which every match
// of reCountBefore holds ("12 présents"): the lines of labels before their numbers ("Présents :
// 12") are answered without the pattern.
func digitThenSpace(f string) bool {
	for i := 0; i+1 < len(f); i++ {
		if f[i] >= '0' && f[i] <= '9' && isRxSpace(f[i+1]) {
			return true
		}
	}
	return false
}

func overlapsHits(hits []countHit, a, b int) bool {
	for _, h := range hits {
		if a < h.end && h.start < b {
			return true
		}
	}
	return false
}

// countField maps a count label to its field; atStart says the label opens the line, which
// "Pour", "Contre" and "Abstention" must.
func countField(label string, atStart bool) string {
	field := labelField(label)
	switch field {
	case "for", "against", "abstention":
		if !atStart {
			return ""
		}
	}
	return field
}

// labelField is the field of the first rule of countFields whose pattern label matches ("" when
// none), "present" turned "represented" when the label holds "represent". The labels come from
// a few patterns' groups, which hold a finite set of texts, and recur from line to line and
// document to document: each is matched once against the nine patterns and remembered.
func labelField(label string) string {
	labelFields.RLock()
	field, ok := labelFields.m[label]
	labelFields.RUnlock()
	if ok {
		return field
	}
	for _, cf := range countFields {
		if cf.re.MatchString(label) {
			field = cf.field
			if field == "present" && strings.Contains(label, "represent") {
				field = "represented"
			}
			break
		}
	}
	// The bound keeps the memo small should a caller ever pass other texts.
	if len(label) <= maxMemoLabel {
		labelFields.Lock()
		if len(labelFields.m) < maxLabelFields {
			labelFields.m[strings.Clone(label)] = field
		}
		labelFields.Unlock()
	}
	return field
}

// Bounds of the labelField memo.
const (
	maxMemoLabel   = 80
	maxLabelFields = 4096
)

// labelFields is the labelField memo; documents may be parsed side by side.
var labelFields = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// countLine reads line i as a line of counts ("Nombre de membres en exercice : 40",
// "en exercice : 15- Présents 14 - Votants 14", "Soit 31 présents, 2 procurations") and
// records them. inCluster allows the vote counts (Pour, Contre, Abstention), which are
// meeting-level only among the attendance lists.
func (d *doc) countLine(i int, inCluster bool) bool {
	f := strings.TrimSpace(d.folded[i])
	tab := strings.Contains(d.lines[i].Text, "\t")
	if tab {
		f = strings.TrimSpace(foldCells(d.lines[i].Text))
	}
	// Count lines are short and hold a count word: most lines are rejected before any pattern.
	// A line without tabs is f trimmed, whose count words are the line's (none opens or closes
	// with white space, see hwSpaced).
	if len(f) > 240 || !hasDigit(f) {
		return false
	}
	if tab || hwCount&hwSpaced != 0 {
		if !hasCountWord(f) {
			return false
		}
	} else if !d.hdrHas(i, hwCount, countWords...) && !voteWordStarts(f) {
		return false
	}
	hits := countsIn(f, inCluster)
	if len(hits) == 0 {
		return false
	}
	// Nothing but labels, numbers and filler words: a count line. Otherwise the numbers belong
	// to a sentence (or a list of names) and are not read as counts.
	var rest strings.Builder
	prev := 0
	for _, h := range hits {
		if h.start > prev {
			rest.WriteString(f[prev:h.start])
		}
		if h.end > prev {
			prev = h.end
		}
	}
	rest.WriteString(f[prev:])
	if len(strings.TrimSpace(reCountFiller.ReplaceAllString(rest.String(), ""))) > 3 {
		return false
	}
	for _, h := range hits {
		d.setCount(h.field, h.value, i)
	}
	return true
}

// setCount records a count unless the document already stated it.
func (d *doc) setCount(field string, v, i int) {
	c := &d.rec.Counts
	var dst **int
	switch field {
	case "in_office":
		dst = &c.InOffice
	case "present":
		dst = &c.Present
	case "represented":
		dst = &c.Represented
	case "voters":
		dst = &c.Voters
	case "votes_cast":
		dst = &c.VotesCast
	case "for":
		dst = &c.For
	case "against":
		dst = &c.Against
	case "abstention":
		dst = &c.Abstention
	case "absent":
		if d.hdr.absent == nil {
			d.hdr.absent = intp(v)
			d.hdr.absentAt = d.lines[i].Pos
		}
		return
	default:
		return
	}
	if *dst != nil {
		return
	}
	*dst = intp(v)
	if c.Evidence == nil {
		c.Evidence = map[string]Evidence{}
	}
	c.Evidence[field] = d.ev(i)
}

// boxLabel reads a count label whose number comes later (a scattered box): "en exercice :",
// "Nombre de conseillers" / "en séance :", "Pouvoirs :" followed by no names.
func (d *doc) boxLabel(i int) bool {
	f := strings.TrimSpace(d.folded[i])
	if reCountBoxHead.MatchString(f) {
		return true
	}
	m := reCountLabelOnly.FindStringSubmatch(f)
	if m == nil {
		return false
	}
	if j := d.nextNonBlank(i+1, 3); j > 0 && d.namesLike(j, true) {
		return false // "Pouvoirs :" heading a list of proxies
	}
	field := countField(m[1], false)
	if field == "" {
		return false
	}
	d.hdr.box = append(d.hdr.box, field)
	d.used[i] = true
	return true
}

// boxNumber assigns a number alone on its line to the oldest count label still waiting.
func (d *doc) boxNumber(i int) bool {
	if len(d.hdr.box) == 0 {
		return false
	}
	m := reNumberOnly.FindStringSubmatch(d.folded[i])
	if m == nil {
		return false
	}
	v, _ := strconv.Atoi(m[1])
	d.setCount(d.hdr.box[0], v, i)
	d.hdr.box = d.hdr.box[1:]
	return true
}

// foldCells folds each tab-separated cell of s and joins them by a tab again (Fold turns
// tabs into spaces, and the cells of a count box must stay apart).
func foldCells(s string) string {
	if !strings.Contains(s, "\t") {
		return foldLine(s)
	}
	cells := strings.Split(s, "\t")
	for k, c := range cells {
		cells[k] = foldLine(c)
	}
	return strings.Join(cells, "\t")
}

// foldLine folds one line of text as the document's lines are folded.
func foldLine(s string) string { return normalize.Fold(s) }

// countWords are the words one of which every count label holds.
var countWords = []string{"exercice", "fonction", "present", "seance", "represent", "pouvoir",
	"procuration", "votant", "vote", "exprime", "absent"}

func hasCountWord(f string) bool {
	for _, w := range countWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return voteWordStarts(f)
}

// voteWordStarts reports whether f opens with a vote word: they count only at the start of a
// line ("- Pour : 23").
func voteWordStarts(f string) bool {
	f = strings.TrimLeft(f, " -•*+")
	return strings.HasPrefix(f, "pour") || strings.HasPrefix(f, "contre") || strings.HasPrefix(f, "abstention")
}
