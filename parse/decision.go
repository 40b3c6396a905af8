package parse

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// trig is what one line says about a vote: the evidence a decision is built from.
type trig struct {
	trigger   bool
	outcome   string // Adopted, Rejected, Noted, Deferred, or "" when the line names none
	explicit  bool   // the outcome is written, not implied by counts
	unanimous bool
	dissent   bool // majority, abstainers or members not voting are named
	forN      *int
	againstN  *int
	abstN     *int
	colon     bool // the line ends with ":" and introduces a list (the decision's content)
}

// counts reports whether the line states any vote count.
func (t trig) counts() bool { return t.forN != nil || t.againstN != nil || t.abstN != nil }

// lineTrigger reads one line (folded f, original raw) for vote evidence.
func lineTrigger(f, raw string) trig {
	var t trig
	f = strings.TrimSpace(strings.ReplaceAll(f, "*", ""))
	digit := strings.IndexAny(f, "0123456789") >= 0
	m := scanStems(f)
	if f == "" || !(triggerStems.in(m) || (digit && countStems.in(m)) || hasUpperRun(raw)) {
		return t
	}
	t.colon = strings.HasSuffix(f, ":")
	t.unanimous = unanimousStems.in(m) && reUnanimous.MatchString(f)
	t.dissent = (majorityStems.in(m) && reMajority.MatchString(f)) || (dissentStems.in(m) && reDissent.MatchString(f))
	if digit && countStems.in(m) {
		voteLine := reVoteLine.MatchString(f)
		if voteLine || reVoteWord.MatchString(f) || t.unanimous {
			t.forN, t.againstN, t.abstN = voteCounts(f)
			// "Pour 1€ donnée": a count is a vote only on a vote line or beside another count.
			if !voteLine && !t.unanimous {
				n := 0
				for _, p := range []*int{t.forN, t.againstN, t.abstN} {
					if p != nil {
						n++
					}
				}
				if n < 2 && !strings.Contains(f, "voix") && !strings.Contains(f, "vote") {
					t.forN, t.againstN, t.abstN = nil, nil, nil
				}
			}
		}
	}
	if t.unanimous {
		if m := reVotersTotal.FindStringSubmatch(f); m != nil {
			n, _ := strconv.Atoi(m[1])
			t.forN = &n
		}
	}
	t.outcome, t.explicit = outcomeStems(f, m)
	if t.outcome == "" {
		if upper := upperVerb(raw); upper || (adoptStems.in(m) && reAdopted.MatchString(f)) {
			if upper || reCouncil.MatchString(f) || reStrongVerb.MatchString(f) || t.unanimous || t.counts() {
				t.outcome, t.explicit = Adopted, true
			}
		}
	}
	t.trigger = t.explicit || t.unanimous || t.counts() || (t.dissent && (reCouncil.MatchString(f) || reVoteWord.MatchString(f)))
	if t.trigger && reVisa.MatchString(f) {
		return trig{}
	}
	return t
}

// outcomeOf reads a written rejection, deferral or acknowledgement. Each pattern runs only when
// one of its stems is in the line: most prose lines hold none, and the parse stays fast.
func outcomeOf(f string) (string, bool) { return outcomeStems(f, scanStems(f)) }

// outcomeStems is outcomeOf for a line whose stems m are already known.
func outcomeStems(f string, m uint64) (string, bool) {
	switch {
	case rejectStems.in(m) && reRejected.MatchString(f):
		return Rejected, true
	case deferStems.in(m) && (reDeferred.MatchString(f) || deferredVerb(f)):
		return Deferred, true
	case notedStems.in(m) && reNoted.MatchString(f):
		return Noted, true
	}
	return "", false
}

// deferredVerb reports "… la délibération est donc reportée …": a deferral verb with a
// decision's subject in the 50 bytes before it.
func deferredVerb(f string) bool {
	loc := reDeferredVerb.FindStringIndex(f)
	if loc == nil {
		return false
	}
	from := loc[0] - 50
	if from < 0 {
		from = 0
	}
	return reDeferSubject.MatchString(f[from:loc[0]])
}

// rewrap reads the outcome again over line i and the start of the next line, for an outcome
// that wraps ("… à l'unanimité, prend" / "acte du Rapport …").
func (t *trig) rewrap(d *doc, i int) {
	if i+1 >= len(d.lines) || d.used[i+1] {
		return
	}
	next := d.folded[i+1]
	if len(next) > 40 {
		next = next[:40]
	}
	f := d.folded[i] + " " + next
	if o, ok := outcomeOf(f); ok && o != t.outcome {
		if o != Noted || !reAdopted.MatchString(d.folded[i]) {
			t.outcome, t.explicit = o, true
		}
	}
}

// upperVerb reports whether a line carries a decision verb in capitals ("ACCEPTE", "DECIDE",
// "ADOPTE"), the way many registers print the operative words.
func upperVerb(raw string) bool {
	if !hasUpperRun(raw) || !mayUpperVerb(raw) {
		return false
	}
	// The words are the runs of letters, walked in place: most lines with capitals (names)
	// hold no such verb, and splitting them into a slice of words cost more than the test.
	start := -1
	for i, r := range raw {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && upperVerbWord(raw[start:i]) {
			return true
		}
		start = -1
	}
	return start >= 0 && upperVerbWord(raw[start:])
}

// mayUpperVerb reports whether raw can hold a word upperVerbWord accepts: one starting with A, D
// or V followed by a capital (or a non-ASCII letter, "DÉCIDE"); most lines with capitals hold
// names, not verbs, and this byte scan spares walking their words.
func mayUpperVerb(raw string) bool {
	for i := 0; i+1 < len(raw); i++ {
		if c, n := raw[i], raw[i+1]; (c == 'A' || c == 'D' || c == 'V') && (n >= utf8.RuneSelf || ('A' <= n && n <= 'Z')) {
			return true
		}
	}
	return false
}

// upperVerbWord reports whether w, a word of letters, is a decision verb in capitals.
func upperVerbWord(w string) bool {
	if len(w) < 5 || !strings.ContainsRune("ADV", rune(w[0])) || strings.ToUpper(w) != w {
		return false
	}
	return reUpperVerb.MatchString(foldUpper(w))
}

// voteCounts reads the for, against and abstention counts of a line. A line writes them either
// label first ("Pour : 23 Contre : 0") or number first ("11 pour, 0 contre"); the form that reads
// more of the three wins, so that "23 Contre" in "Pour : 23 Contre : 0" is not taken as 23 against.
func voteCounts(f string) (forN, against, abst *int) {
	var lf, nf [3]*int
	nl, nn := 0, 0
	for k, pair := range [3][2]*rx{{reCountForL, reCountForN}, {reCountAgainstL, reCountAgainstN}, {reCountAbstL, reCountAbstN}} {
		if lf[k] = firstCount(pair[0], f); lf[k] != nil {
			nl++
		}
		if nf[k] = firstCount(pair[1], f); nf[k] != nil {
			nn++
		}
	}
	c := lf
	if nn > nl {
		c = nf
	}
	return c[0], c[1], c[2]
}

// foldUpper lower-cases a word in capitals and drops the accents French capitals carry, a cheap
// stand-in for normalize.Fold on the operative words ("DÉCIDE" → "decide").
func foldUpper(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'É', 'È', 'Ê', 'Ë', 'é', 'è', 'ê', 'ë':
			return 'e'
		case 'À', 'Â', 'à', 'â':
			return 'a'
		case 'Î', 'Ï', 'î', 'ï':
			return 'i'
		case 'Ô', 'ô':
			return 'o'
		case 'Ù', 'Û', 'Ü', 'ù', 'û', 'ü':
			return 'u'
		case 'Ç', 'ç':
			return 'c'
		}
		return unicode.ToLower(r)
	}, w)
}

// hasUpperRun reports whether s holds two capital ASCII letters in a row (a word in capitals).
func hasUpperRun(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i+1] >= 'A' && s[i+1] <= 'Z' {
			return true
		}
	}
	return false
}

// firstCount reads the first whole count that re captures in f.
func firstCount(re *rx, f string) *int {
	for _, m := range re.FindAllStringSubmatchIndex(f, -1) {
		if m[2] < 0 || !isCount(f, m[3]) {
			continue
		}
		n, err := strconv.Atoi(f[m[2]:m[3]])
		if err == nil {
			return &n
		}
	}
	return nil
}

// isCount reports whether the number ending at end is a whole count of votes, not the start of a
// larger amount ("contre 2 350 000 €", "pour 1,5 %").
func isCount(f string, end int) bool {
	rest := f[end:]
	if len(rest) >= 4 && rest[0] == ' ' && isDigits(rest[1:4]) {
		return false
	}
	if len(rest) >= 2 && (rest[0] == ',' || rest[0] == '.') && rest[1] >= '0' && rest[1] <= '9' {
		return false
	}
	r := strings.TrimLeft(rest, " ")
	return !strings.HasPrefix(r, "€") && !strings.HasPrefix(r, "%") && !strings.HasPrefix(r, "euro")
}

// isDigits reports whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// draft is a decision being assembled from the trigger lines that state it.
type draft struct {
	trig
	first, last int      // line indexes
	lines       []int    // trigger lines, for the text
	content     []string // list items the decision introduces
	split       bool     // each list item is its own deliberation
}

// decisions reads the decisions of a section from its prose paragraphs (debate and tables left
// out). Lines that state a vote are grouped when they are close and agree (a "DECIDE à
// l'unanimité" line and the "Pour 9 / Contre 0" block under it are one decision); a list that a
// decision introduces is its content, split into one decision per item when each item is a
// délibération of its own ("DM n°3, n°4, n°5").
func (d *doc) decisions(prose []para) []Decision {
	var lines []int
	for _, p := range prose {
		lines = append(lines, p.lines...)
	}
	var drafts []*draft
	var cur *draft
	gap := 0 // prose lines since the current draft's last line
	inList := false
	for k, i := range lines {
		prev := i
		if k > 0 {
			prev = lines[k-1]
		}
		// A table between two lines of prose parts them as much as prose would.
		for j := prev + 1; j < i; j++ {
			if d.isTableLine(j) {
				gap++
			}
		}
		raw := d.lines[i].Text
		t := strings.TrimSpace(cleanHeadingText(raw))
		if isPageNumber(t) || t == "-" || t == "•" {
			continue
		}
		bullet := reBullet.MatchString(t)
		tr := d.trigAt(i)
		if cur != nil && cur.colon && (bullet || (inList && !(tr.trigger && startsUpper(t)) && !endsSentence(d.lines[prev].Text))) && gap <= 1 {
			// The list a decision introduces: its content, not new triggers.
			if bullet {
				cur.content = append(cur.content, strings.TrimSpace(reBullet.ReplaceAllString(t, "")))
			} else if len(cur.content) > 0 {
				cur.content[len(cur.content)-1] += " " + t
			}
			inList = true
			gap = 0
			continue
		}
		inList = false
		if tr.trigger {
			tr.rewrap(d, i)
		}
		if !tr.trigger {
			if bullet && cur != nil && gap == 0 {
				continue // a list under a vote line: still close to it
			}
			gap++
			continue
		}
		if cur != nil && gap <= 5 && compatible(cur, tr) {
			cur.merge(tr, i)
			gap = 0
			continue
		}
		cur = &draft{trig: tr, first: i, last: i, lines: []int{i}}
		drafts = append(drafts, cur)
		gap = 0
	}
	var out []Decision
	for _, dr := range drafts {
		out = append(out, d.finishDraft(dr)...)
	}
	return out
}

// endsSentence reports whether a line ends with a full stop or a semicolon (a list item's end).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " *")
	return s != "" && strings.ContainsRune(".;!?", rune(s[len(s)-1]))
}

// compatible reports whether trigger t continues draft dr: neither restates a count the other
// gives, nor writes a different outcome.
func compatible(dr *draft, t trig) bool {
	if (dr.forN != nil && t.forN != nil) || (dr.againstN != nil && t.againstN != nil) || (dr.abstN != nil && t.abstN != nil) {
		return false
	}
	o1, o2 := dr.outcome, t.outcome
	if o1 == "" && dr.counts() {
		o1 = Adopted
	}
	if o2 == "" && t.counts() {
		o2 = Adopted
	}
	if o1 != "" && o2 != "" && o1 != o2 {
		return false
	}
	return true
}

// merge adds the evidence of trigger line i to the draft.
func (dr *draft) merge(t trig, i int) {
	if dr.outcome == "" {
		dr.outcome, dr.explicit = t.outcome, t.explicit
	}
	dr.unanimous = dr.unanimous || t.unanimous
	dr.dissent = dr.dissent || t.dissent
	if dr.forN == nil {
		dr.forN = t.forN
	}
	if dr.againstN == nil {
		dr.againstN = t.againstN
	}
	if dr.abstN == nil {
		dr.abstN = t.abstN
	}
	dr.colon = t.colon
	dr.last = i
	dr.lines = append(dr.lines, i)
}

// finishDraft turns a draft into one decision, or one per délibération its list names.
func (d *doc) finishDraft(dr *draft) []Decision {
	dec := Decision{Outcome: dr.outcome, For: dr.forN, Against: dr.againstN, Abstention: dr.abstN, Pos: d.lines[dr.first].Pos}
	if dec.Outcome == "" {
		dec.Outcome = Adopted
	}
	switch {
	case dr.unanimous:
		dec.Unanimous = true
	case dr.dissent:
	case dr.forN != nil && *dr.forN > 0 && (dr.againstN == nil || *dr.againstN == 0) && (dr.abstN == nil || *dr.abstN == 0):
		dec.Unanimous = true
	}
	var parts []string
	for _, i := range dr.lines {
		parts = append(parts, strings.TrimSpace(strings.ReplaceAll(d.lines[i].Text, "**", "")))
	}
	dec.Text = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	if dr.dissent || dr.counts() {
		dec.Voters = d.voters(dr)
	}
	split := 0
	for _, c := range dr.content {
		if strings.Contains(normalize.Fold(c), "deliberation") {
			split++
		}
	}
	if split >= 2 && split == len(dr.content) {
		out := make([]Decision, 0, split)
		for _, c := range dr.content {
			x := dec
			x.Text = strings.TrimSpace(strings.ReplaceAll(c, "**", ""))
			out = append(out, x)
		}
		return out
	}
	if len(dr.content) == 1 {
		dec.Text = strings.TrimSpace(strings.ReplaceAll(dr.content[0], "**", ""))
	} else if len(dr.content) > 1 {
		dec.Text += " " + strings.Join(dr.content, " ")
	}
	return []Decision{dec}
}

// Names of members voting against, abstaining or not taking part, as printed.
var (
	reVoterParen  = mustRx(`(?i)(contre|abstentions?|ne prenant pas part au vote|non[- ]participations? au vote)\s*:?\s*\d*\s*\(([^)]{3,300})\)`)
	reVoterAfter  = mustRx(`(?i)^(?:[-•]\s*)?(contre|abstentions?)\s*:?\s*\d{1,3}\s+(\p{Lu}.{2,200})$`)
	reVoterExcept = mustRx(`(?i)a l'exception de (.{3,300}?) qui s'abstien`)
	reVoterNotVot = mustRx(`(?i)(?:,|^)\s*((?:madame|monsieur|mme|m\.)\s+[^,]{3,80}?)\s+ne prenant pas part au vote`)
	reNameSplit   = mustRx(`\s*(?:,|;|\bet\b|&)\s*`)
	reGroupCiv    = mustRx(`^(?i:messieurs|mesdames|mm\.?|mmes)\s+`)
)

// voters reads the names printed beside a vote and links them to people.
func (d *doc) voters(dr *draft) []Voter {
	var out []Voter
	add := func(vote, list string) {
		for _, name := range reNameSplit.Split(list, -1) {
			name = strings.TrimSpace(reGroupCiv.ReplaceAllString(strings.TrimSpace(name), ""))
			if name == "" || strings.ContainsAny(name, "0123456789") || len(strings.Fields(name)) > 5 {
				continue
			}
			if lf := normalize.Fold(name); strings.HasPrefix(lf, "groupe") || strings.HasPrefix(lf, "la ") || strings.HasPrefix(lf, "le ") {
				continue
			}
			n, ok := normalize.PersonName(name)
			if !ok {
				continue
			}
			p, ok := d.matchPerson(n)
			if !ok {
				p = d.people.Add(n)
			}
			out = append(out, Voter{Person: p.ID, Vote: vote})
		}
	}
	voteOf := func(w string) string {
		w = normalize.Fold(w)
		switch {
		case strings.HasPrefix(w, "contre"):
			return "against"
		case strings.HasPrefix(w, "abst"):
			return "abstention"
		}
		return "not_voting"
	}
	for _, i := range dr.lines {
		raw := strings.TrimSpace(strings.ReplaceAll(d.lines[i].Text, "**", ""))
		f := normalize.Fold(raw)
		if m := reVoterParen.FindAllStringSubmatch(raw, -1); m != nil {
			for _, g := range m {
				add(voteOf(g[1]), g[2])
			}
			continue
		}
		if m := reVoterAfter.FindStringSubmatch(raw); m != nil {
			add(voteOf(m[1]), m[2])
			continue
		}
		if m := reVoterExcept.FindStringSubmatch(f); m != nil {
			// Read the names from the original line at the same place.
			if k := strings.Index(strings.ToLower(raw), "exception de "); k >= 0 {
				rest := raw[k+len("exception de "):]
				if e := strings.Index(strings.ToLower(rest), " qui s"); e > 0 {
					add("abstention", rest[:e])
				}
			}
			continue
		}
		if m := reVoterNotVot.FindStringSubmatch(raw); m != nil {
			add("not_voting", m[1])
		}
	}
	return out
}
