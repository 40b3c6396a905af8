package parse

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// Exchange forms.
const (
	formDirect   = "direct"   // "Monsieur X : …"
	formReported = "reported" // "Monsieur X demande …", or narrative
)

// speaker is who opens a paragraph of debate, as written.
type speaker struct {
	text string // the mention as written: "Monsieur Jean-Luc Chaumont", "Monsieur le Maire"
	role bool   // a role naming the president of the meeting
	form string
	// bareEmpty is a bare name and a colon with nothing after it ("Abdi EL KANDOUSSI:"): a turn
	// when prose follows, a line of a signature list when other names do (see nameRun).
	bareEmpty bool
}

// speakerAt reads the speaker who opens a line. Outside a debate block (loose), only the direct
// form counts ("X : …"); inside one, a mention followed by any verb opens reported speech.
func (d *doc) speakerAt(t string, loose bool) (speaker, bool) {
	if t == "" {
		return speaker{}, false
	}
	if loose {
		// "Ensuite, Monsieur X demande …": a linking word before the speaker.
		if m := reLinkWord.FindStringIndex(t); m != nil {
			t = t[m[1]:]
		}
	}
	civ := civilityStart(t)
	if !civ && !loose && strings.IndexByte(t, ':') < 0 {
		return speaker{}, false
	}
	// The role and civility forms open with a civility: without one, their patterns need not run.
	if civ {
		if !roleMay(t) {
			// (no article where reRole needs one)
		} else if e := roleIndex(t); e >= 0 {
			return d.speakerTail(speaker{text: strings.TrimSpace(t[:e]), role: true}, t[e:], loose)
		}
		if t[0]|0x20 != 'm' {
			// (every civility of reSpeakerCiv starts with an m: "Le …", "La …" cannot match)
		} else if s, e, ok := speakerCivName(t); ok {
			name := strings.TrimSpace(t[s:e])
			end := e
			// The name stops before a trailing particle ("Monsieur Dupont le …").
			for _, p := range speakerParticles {
				if strings.HasSuffix(name, p) {
					name = strings.TrimSuffix(name, p)
					end = s + len(name)
				}
			}
			if name == "" {
				return speaker{}, false
			}
			return d.speakerTail(speaker{text: strings.TrimSpace(t[:end])}, t[end:], loose)
		}
	}
	if !speakerBareMay(t) {
		// (reSpeakerBare cannot match)
	} else if m, ok := speakerBare(t); ok {
		// "Montant HT : 79 819,72 €", "Marie-Josèphe BATARD : Excusée": a label and its value,
		// not a turn.
		rest := strings.TrimSpace(t[m[1]:])
		if !turnRest(rest, true) {
			return speaker{}, false
		}
		return speaker{text: strings.TrimSpace(t[m[2]:m[3]]), form: formDirect, bareEmpty: rest == ""}, true
	}
	if loose {
		if m, ok := speakerGiven(t); ok {
			name := t[m[2]:m[3]]
			verb := normalize.Fold(t[m[4]:m[5]])
			if reportingVerbs[verb] && d.knownName(name) {
				return speaker{text: name, form: formReported}, true
			}
		}
	}
	return speaker{}, false
}

// speakerBareMay reports whether reSpeakerBare may match t: t opens with a capital, and before
// its first colon (the one the pattern ends on: no part of a match is a colon) one of its first
// two runs of white space stands before two capitals (the family name). The pattern reads a
// given name of one or two words, neither holding white space, parted by one space or a
// hyphen, then white space and the family name: that white space is the first run of the line,
// or the second when a space parts the given names. Most lines with a colon are no such turn,
// and the pattern, which has no literal to look for, costs a backtracking run each.
func speakerBareMay(t string) bool {
	c := strings.IndexByte(t, ':')
	if c < 0 {
		return false
	}
	if upperAt(t) == 0 {
		return false
	}
	h := t[:c]
	i := 0
	for run := 0; run < 2; run++ {
		for i < len(h) && !rxSpace(h[i]) {
			i++
		}
		if i == len(h) {
			return false
		}
		i = spaceRunEnd(h, i)
		if n1 := upperAt(h[i:]); n1 > 0 && upperAt(h[i+n1:]) > 0 {
			return true
		}
	}
	return false
}

// upperAt returns the width of the capital (\p{Lu}) that opens s, 0 when s opens with none: an
// ASCII byte answers without decoding (unicode.IsUpper is unicode.Is(unicode.Lu, …), read from
// a table below U+0100, TestUpperLetterTables).
func upperAt(s string) int {
	if s == "" {
		return 0
	}
	if c := s[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return 1
		}
		return 0
	}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
		return n
	}
	return 0
}

// roleMay reports whether reRole may match t: its article ("le ", "la ", "l'", any case) must
// open t or follow the first run of white space (after the optional civility, which holds none).
// Case-insensitive l, e, a match only their ASCII forms, and \s is ASCII, so bytes suffice.
func roleMay(t string) bool {
	if articleAt(t, 0) {
		return true
	}
	w := strings.IndexAny(t, " \t\n\f\r")
	if w < 0 {
		return false
	}
	for w < len(t) && rxSpace(t[w]) {
		w++
	}
	return articleAt(t, w)
}

// articleAt reports whether t[p:] opens with "le", "la" and white space, or "l'", in any case.
func articleAt(t string, p int) bool {
	if p+2 > len(t) || t[p]|0x20 != 'l' {
		return false
	}
	if t[p+1] == '\'' {
		return true
	}
	c := t[p+1] | 0x20
	return (c == 'e' || c == 'a') && p+2 < len(t) && rxSpace(t[p+2])
}

// rxSpace reports whether c is in the \s class of Go's regexp.
func rxSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// speakerParticles end a name that the civility pattern read too far ("Monsieur Dupont le …").
var speakerParticles = []string{" de la", " de", " du", " le", " la", " van", " von"}

// statusRestGate is reStatusRest's prefilter, derived once at start-up rather than looked up
// for each turn.
var statusRestGate = reStatusRest.prefilter()

// turnRest reports whether what follows a speaker's colon can be the words of a turn: not a
// status ("Excusée", "membre de droit"), nor, after a bare name, a number or an amount.
func turnRest(rest string, bare bool) bool {
	if rest == "" {
		return true
	}
	if bare {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) || strings.ContainsRune("-+€(", r) {
			return false
		}
	}
	// Fold keeps an opening ASCII byte that is no white space first, lower-cased ('`' becomes
	// an apostrophe): when the status pattern cannot start with it, the rest need not be folded
	// (most turns open with a word no status starts with).
	if c := rest[0]; c < utf8.RuneSelf && !rxSpace(c) && c != '\v' && statusRestGate.anchored {
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		if !statusRestGate.first.has(c) {
			return true
		}
	}
	return !reStatusRest.MatchString(normalize.Fold(rest))
}

// nameRun reports whether line i, a bare name and a colon with nothing after it, stands in a run
// of such lines: a list of signatures or of members, not a turn.
func (d *doc) nameRun(i int) bool {
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(d.lines) && j <= i+3 && j >= i-3; j += step {
			t := d.cleanAt(j) // cleanHeadingText of the line, read once
			if t == "" {
				continue
			}
			if !speakerBareMay(t) {
				// (no bare name)
			} else if m, ok := speakerBare(t); ok {
				if rest := strings.TrimSpace(t[m[1]:]); rest == "" || !turnRest(rest, true) || bareNameAt(rest) {
					return true
				}
			}
			break
		}
	}
	return false
}

// bareNameAt is reSpeakerBare.MatchString(s).
func bareNameAt(s string) bool {
	if !speakerBareMay(s) {
		return false
	}
	_, ok := speakerBare(s)
	return ok
}

// civilityStart reports whether t opens with a civility or an article (the start of every
// speaker form but the bare name), a cheap test before the speaker patterns.
func civilityStart(t string) bool {
	// Most lines open with a letter no civility word starts with (nor "l'").
	if t != "" && t[0] < utf8.RuneSelf {
		c := t[0]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !civilityInitials[c] {
			return false
		}
	}
	w := t
	if k := strings.IndexByte(w, ' '); k >= 0 {
		w = w[:k]
	}
	if len(w) > 12 {
		return false
	}
	// An ASCII word is lower-cased on the stack: this runs on every line of the body.
	var buf [12]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			// Only 'l' and 'L' lower-case to 'l', and no rune to an apostrophe.
			if len(w) >= 2 && w[0]|0x20 == 'l' && (w[1] == '\'' || strings.HasPrefix(w[1:], "’")) {
				return true
			}
			// The civility words are ASCII, and only U+0130 and U+212A lower-case to ASCII:
			// without them, the word is none (and need not be lower-cased).
			if !strings.Contains(w, "\u0130") && !strings.Contains(w, "\u212a") {
				return false
			}
			return civilityWords[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	lw := buf[:len(w)]
	return civilityWords[string(lw)] || len(lw) >= 2 && lw[0] == 'l' && lw[1] == '\''
}

// civilityInitials marks the first bytes of the civility words and the l of "l'": a word that
// opens with an ASCII byte lower-cases to one that opens with that byte lower-cased, and the
// civility words are ASCII (TestCivilityStartNonASCII).
var civilityInitials = func() (t [utf8.RuneSelf]bool) {
	for w := range civilityWords {
		t[w[0]&0x7f] = true
	}
	t['l'] = true
	return t
}()

// speakerTail decides the form from what follows the speaker's name.
func (d *doc) speakerTail(sp speaker, rest string, loose bool) (speaker, bool) {
	r := trimSpeakerLead(rest)
	r = strings.TrimPrefix(r, ")")
	// "Monsieur le Maire (Jean DUPONT) :" or a function after a comma: skip a short aside.
	if strings.HasPrefix(r, "(") {
		if k := strings.IndexByte(r, ')'); k > 0 && k < 80 {
			r = strings.TrimLeft(r[k+1:], " ")
		}
	}
	if strings.HasPrefix(r, ":") {
		if voteResultMay(r[1:]) && reVoteResult.MatchString(r[1:]) {
			return speaker{}, false // "M. Paul LE BIHAN : 27 voix" is a ballot result
		}
		if !turnRest(strings.TrimSpace(r[1:]), false) {
			return speaker{}, false // "LE MAIRE : membre de droit" is a list of members
		}
		sp.form = formDirect
		return sp, true
	}
	// "Madame ROJON, Directrice générale des services : …": a function between name and colon.
	if strings.HasPrefix(r, ",") {
		if k := strings.IndexByte(r, ':'); k > 0 && k < 90 && !strings.ContainsAny(r[:k], ".;!?") && !strings.Contains(r[1:k], ",") && isFunction(r[1:k]) {
			sp.form = formDirect
			return sp, true
		}
	}
	if !loose {
		return speaker{}, false
	}
	if strings.HasPrefix(r, ",") {
		r = strings.TrimLeft(r[1:], " ")
		// "Monsieur X, adjoint aux finances, précise …": skip the apposition.
		if k := strings.IndexByte(r, ','); k > 0 && k < 100 {
			r = strings.TrimLeft(r[k+1:], " ")
		}
	}
	w := r
	if k := strings.IndexFunc(w, func(c rune) bool { return c == ' ' || c == ',' }); k >= 0 {
		w = w[:k]
	}
	c, _ := utf8.DecodeRuneInString(w)
	if w == "" || !unicode.IsLower(c) {
		return speaker{}, false
	}
	sp.form = formReported
	return sp, true
}

// trimSpeakerLead is strings.TrimLeft(rest, " \u00a0*") by hand: a cutset beyond ASCII
// decodes it at every call.
func trimSpeakerLead(rest string) string {
	for {
		switch {
		case rest != "" && (rest[0] == ' ' || rest[0] == '*'):
			rest = rest[1:]
		case strings.HasPrefix(rest, "\u00a0"):
			rest = rest[len("\u00a0"):]
		default:
			return rest
		}
	}
}

// trimSpaceStars is strings.TrimRight(s, " *") by hand: a cutset of two bytes builds its set at
// every call, and the debate reader trims every paragraph's first line so.
func trimSpaceStars(s string) string {
	i := len(s)
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '*') {
		i--
	}
	return s[:i]
}

// voteResultMay reports whether reVoteResult may match s: after white space, a digit opens its
// match. Most turns open with a word.
func voteResultMay(s string) bool {
	i := spaceRunEnd(s, 0)
	return i < len(s) && '0' <= s[i] && s[i] <= '9'
}

// isFunction reports whether an apposition names a function ("Directrice générale des
// services", "adjoint aux finances"), not a verb phrase ("rappelle au conseil municipal").
func isFunction(s string) bool {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	return reFunctionWord.MatchString(normalize.Fold(s))
}

// knownName reports whether a bare word names exactly one listed person (given or family name).
func (d *doc) knownName(name string) bool {
	_, ok := d.matchPerson(normalize.Name{Family: name, Raw: name})
	return ok
}

// debate reads the exchanges of a section into it.Exchanges and marks which paragraphs they are.
// Inside a debate block (after "Temps d'échange :", "Débat", "Interventions"…) every paragraph is
// an exchange, with a null speaker for narrative; elsewhere only speaker-prefixed turns
// ("Monsieur X : …") are. Paragraph k's text (paraText) is it.Text[bounds[2k]:bounds[2k+1]].
// The marks are the document's, valid until the next call.
func (d *doc) debate(it *Item, paras []para, bounds []int) []bool {
	is := append(d.lm.fill.debate[:0], make([]bool, len(paras))...)
	d.lm.fill.debate = is
	// The exchanges are gathered in the document's buffer, then copied into the item at their
	// number: appended one by one, the item's list would leave the arrays it outgrew.
	exs := d.lm.fill.exchanges[:0]
	inBlock := false
	for k, p := range paras {
		if p.table {
			continue
		}
		f := trimBulletMarks(d.folded[p.lines[0]])
		if len(p.lines) == 1 && isDebateMarker(trimSpaceStars(f)) {
			inBlock = true
			is[k] = true
			continue
		}
		var sp speaker
		var ok bool
		if inBlock {
			sp, ok = d.speakerAt(d.cleanAt(p.lines[0]), true)
		} else {
			sp, ok = d.directAt(p.lines[0])
		}
		if ok && sp.bareEmpty && d.nameRun(p.lines[0]) {
			ok = false
		}
		if !ok && inBlock && d.startsDecision(p) {
			// A vote after the debate closes it.
			inBlock = false
			continue
		}
		if !ok && !inBlock {
			continue
		}
		is[k] = true
		ex := Exchange{Form: formReported, Text: it.Text[bounds[2*k]:bounds[2*k+1]], Pos: d.lines[p.lines[0]].Pos}
		if ok {
			ex.Form = sp.form
			ex.SpeakerText = d.speakerText(sp.text)
			ex.Speaker = d.resolveSpeaker(sp, ex.Pos)
			if sp.form == formDirect {
				if i := strings.IndexByte(ex.Text, ':'); i >= 0 {
					ex.Text = strings.TrimSpace(ex.Text[i+1:])
				}
			}
		}
		exs = append(exs, ex)
	}
	if len(exs) > 0 {
		it.Exchanges = append(it.Exchanges, exs...)
		clear(exs) // the buffer keeps no text nor speaker of the record
	}
	d.lm.fill.exchanges = exs[:0]
	return is
}

// startsDecision reports whether a paragraph states a vote or an outcome (which ends a debate).
func (d *doc) startsDecision(p para) bool {
	if len(d.clauses(p)) > 0 {
		return true
	}
	for _, i := range p.lines {
		if t := d.trigAt(i); t.trigger && (t.unanimous || t.counts() || t.explicit) {
			return true
		}
	}
	return false
}

// resolveSpeaker links a speaker to a person of the meeting: a role to the president, a name to
// the one listed person it can only mean, or to a new person when nobody listed matches.
func (d *doc) resolveSpeaker(sp speaker, pos Pos) *string {
	if sp.role {
		return d.resolveRole(sp, pos)
	}
	if id, ok := d.bs.speakers[sp.text]; ok {
		return id
	}
	id := d.resolveName(sp, pos)
	if d.bs.speakers == nil {
		d.bs.speakers = map[string]*string{}
	}
	d.bs.speakers[sp.text] = id
	return id
}

// speakerText returns the document's one pointer to a speaker's mention: the turns of a
// speaker share it, as they share the person it links to (see resolveSpeaker), rather than
// hold a copy each.
func (d *doc) speakerText(t string) *string {
	if p, ok := d.bs.speakerTexts[t]; ok {
		return p
	}
	if d.bs.speakerTexts == nil {
		d.bs.speakerTexts = map[string]*string{}
	}
	p := new(string)
	*p = t
	d.bs.speakerTexts[t] = p
	return p
}

// resolveRole links "Monsieur le Maire", "Madame la Présidente" to the meeting's president.
func (d *doc) resolveRole(sp speaker, pos Pos) *string {
	{
		if d.rec.Meeting.President != nil {
			id := *d.rec.Meeting.President
			return &id
		}
		d.diag(SevInfo, "speaker-unresolved", pos, fmt.Sprintf("speaker %q: the meeting's president is not known", sp.text))
		return nil
	}
}

// resolveName links a named speaker to the one listed person the mention can only mean, or adds
// a new person.
func (d *doc) resolveName(sp speaker, pos Pos) *string {
	n, ok := normalize.PersonName(sp.text)
	if !ok {
		d.diag(SevInfo, "speaker-unresolved", pos, fmt.Sprintf("speaker %q is not a name", sp.text))
		return nil
	}
	if p, ok := d.matchPerson(n); ok {
		id := p.ID
		return &id
	}
	if n.Family == "" && n.Given == "" {
		d.diag(SevInfo, "speaker-unresolved", pos, fmt.Sprintf("speaker %q is not a name", sp.text))
		return nil
	}
	p := d.people.Add(n)
	id := p.ID
	return &id
}

// matchPerson finds the single listed person a mention can only mean: the registry's own
// resolution first, then the family name alone, a family name that starts a compound one
// ("DUPERRAY" for "DUPERRAY BARDEAU"), or a given name alone.
func (d *doc) matchPerson(n normalize.Name) (*normalize.Person, bool) {
	if p, ok := d.people.Resolve(n); ok {
		return p, true
	}
	// Resolve has just folded n: the registry remembers its folds, as it keeps each person's.
	giv, fam := d.people.FoldsOf(n)
	if fam == "" && giv == "" {
		return nil, false
	}
	var hit *normalize.Person
	count := 0
	try := func(pred func(pf, pg string) bool) bool {
		hit, count = nil, 0
		for _, p := range d.people.List {
			pg, pf := p.Folded()
			if pred(pf, pg) {
				if hit != p {
					count++
				}
				hit = p
			}
		}
		return count == 1
	}
	compatible := func(pg string) bool {
		return giv == "" || pg == "" || pg == giv || strings.HasPrefix(pg, strings.TrimSuffix(giv, ".")) || strings.HasPrefix(giv, pg)
	}
	if fam != "" {
		if try(func(pf, pg string) bool { return pf == fam && compatible(pg) }) {
			return hit, true
		}
		if count > 1 {
			return nil, false
		}
		famSp := fam + " "
		if try(func(pf, pg string) bool { return strings.HasPrefix(pf, famSp) && compatible(pg) }) {
			return hit, true
		}
		if giv == "" && try(func(pf, pg string) bool { return pg == fam }) {
			return hit, true
		}
	}
	if fam == "" && giv != "" && try(func(pf, pg string) bool { return pg == giv }) {
		return hit, true
	}
	return nil, false
}
