package parse

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// header reads the meeting fields (body, assembly, date, times, place, convocation, president,
// secretary, previous minutes, next meeting). The counts and the lists are read by attendance;
// the people named here are linked there, once the lists have given everyone an id.
func (d *doc) header() {
	lim := d.attendanceScanLimit()
	d.meetingAssembly(lim)
	d.meetingBody(lim)
	d.meetingWhen(lim)
	d.meetingConvened(lim)
	d.meetingPresident(lim)
	d.meetingSecretary()
	d.meetingSignatures()
	d.meetingPrevious()
	d.meetingEndAndNext()
}

// join returns the text of line i and the next non-blank line, joined by a space, folded and
// as written: a sentence of the header often runs over two lines.
func (d *doc) join(i int) (orig, folded string) {
	// The meeting sentence is joined by several readers in turn (body, president, place…).
	if j := &d.hdr.joined; j.ok && j.i == i {
		return j.orig, j.folded
	}
	orig, folded = d.joinLines(i)
	d.hdr.joined.i, d.hdr.joined.orig, d.hdr.joined.folded, d.hdr.joined.ok = i, orig, folded, true
	return orig, folded
}

// joinLines is join without the memo.
func (d *doc) joinLines(i int) (orig, folded string) {
	orig = strings.TrimSpace(d.lines[i].Text)
	if j := d.nextNonBlank(i+1, 1); j > 0 {
		next := strings.TrimSpace(d.lines[j].Text)
		if strings.HasSuffix(orig, "-") {
			orig += next
		} else {
			orig += " " + next
		}
	}
	return orig, normalize.Fold(orig)
}

func (d *doc) meetingAssembly(lim int) {
	for i := 0; i < lim && i < 80; i++ {
		if m := reAssembly.FindStringSubmatch(d.folded[i]); m != nil {
			a := assemblyNames[m[1]]
			d.rec.Meeting.Assembly = &a
			d.evidence("assembly", d.ev(i))
			return
		}
	}
}

var assemblyNames = map[string]string{
	"conseil municipal": "Conseil Municipal", "conseil syndical": "Conseil Syndical",
	"conseil communautaire": "Conseil Communautaire", "conseil metropolitain": "Conseil Métropolitain",
	"conseil d'administration": "Conseil d'Administration", "conseil departemental": "Conseil Départemental",
	"conseil regional": "Conseil Régional", "comite syndical": "Comité Syndical",
	"bureau communautaire": "Bureau", "bureau syndical": "Bureau", "bureau municipal": "Bureau",
	"assemblee generale": "Assemblée Générale",
}

var reBodyCut = mustRx(`\s{2,}|\t|\s[-–—]\s|\(|\s+du\s+\d|,`)

func (d *doc) meetingBody(lim int) {
	set := func(name string, i int, ev Evidence) {
		name = strings.TrimSpace(strings.Trim(strings.TrimSpace(name), ".,;:"))
		if name == "" {
			return
		}
		name = titleCase(name)
		d.rec.Meeting.Body = &name
		if i >= 0 {
			ev = d.ev(i)
		}
		d.evidence("body", ev)
	}
	// A title line: "VILLE D'EYBENS", "Commune de CHEMERE (44 680)". A département or région
	// named above the commune is where it lies, not who meets: it is taken only alone.
	var fallback = -1
	seen := 0
	for i := 0; i < lim && seen < 12; i++ {
		t := strings.TrimSpace(d.lines[i].Text)
		if t == "" {
			continue
		}
		seen++
		f := strings.TrimSpace(d.folded[i])
		if reBodyLine.MatchString(f) && len(strings.Fields(f)) >= 2 && len(strings.Fields(f)) <= 8 {
			if loc := reBodyCut.FindStringIndex(t); loc != nil {
				t = t[:loc[0]]
			}
			if len(strings.Fields(t)) >= 2 {
				if strings.HasPrefix(f, "departement") || strings.HasPrefix(f, "region") {
					if fallback < 0 {
						fallback = i
					}
					continue
				}
				set(t, i, Evidence{})
				return
			}
		}
	}
	defer func() {
		if d.rec.Meeting.Body == nil && fallback >= 0 {
			t := strings.TrimSpace(d.lines[fallback].Text)
			if loc := reBodyCut.FindStringIndex(t); loc != nil {
				t = t[:loc[0]]
			}
			set(t, fallback, Evidence{})
		}
	}()
	// Running headers and footers of a PDF: "Ville de BOURG-EN-BRESSE - Conseil Municipal du …".
	for _, fu := range d.src.Furniture {
		f := normalize.Fold(strings.TrimSpace(fu.Text))
		if reBodyLine.MatchString(f) {
			t := strings.TrimSpace(fu.Text)
			if loc := reBodyCut.FindStringIndex(t); loc != nil {
				t = t[:loc[0]]
			}
			if len(strings.Fields(t)) >= 2 {
				set(t, -1, Evidence{Pos: fu.Pos, Text: strings.TrimSpace(fu.Text)})
				return
			}
		}
	}
	// "le conseil municipal de la commune d'Eybens", "siège du SYNDICAT MIXTE NUMÉRIAN".
	for i := 0; i < lim; i++ {
		if !bodyPhraseNearWords(d.folded[i], d.hdrWords(i)) {
			continue
		}
		o, f := d.join(i)
		if m := reBodyPhrase.FindStringSubmatchIndex(f); m != nil && m[2] >= 0 {
			kind := capitalise(f[m[2]:m[3]])
			name := cutName(d.sliceFolded(o, f, m[1], len(f)))
			if name != "" {
				sep := " de "
				if strings.HasPrefix(f[m[1]-2:m[1]], "d'") {
					sep = " d'"
				}
				set(kind+sep+name, i, Evidence{})
				return
			}
		}
		if m := reSeat.FindStringIndex(f); m != nil {
			if name := cutName(d.sliceFolded(o, f, m[1], len(f))); name != "" {
				set(name, i, Evidence{})
				return
			}
		}
	}
	// "Séance Publique du Conseil Municipal d'OUZOUS du 6 novembre 2014": the council named
	// after its commune, in the title or the meeting sentence.
	for i := 0; i < lim; i++ {
		if d.hdrWords(i)&hwCouncilOf == 0 {
			continue
		}
		o, f := d.join(i)
		if m := reCouncilOfName.FindStringIndex(f); m != nil {
			if name := cutName(sliceFolded(o, f, m[1], len(f))); name != "" && !nameStop[normalize.Fold(strings.Fields(name)[0])] {
				sep := "Commune de "
				if strings.HasSuffix(f[:m[1]], "d'") {
					sep = "Commune d'"
				}
				set(sep+name, i, Evidence{})
				return
			}
		}
	}
	// Last resort: the commune the council acts for, named in the text ("la commune de
	// Saint-Apollinaire doit …").
	for i := d.nextWith(0, len(d.lines), hwCommune, twCommune, communeWords); i < len(d.lines); i = d.nextWith(i+1, len(d.lines), hwCommune, twCommune, communeWords) {
		if m := reLaCommune.FindStringIndex(d.folded[i]); m != nil {
			o, f := d.join(i)
			for _, m := range reLaCommune.FindAllStringIndex(f, -1) {
				// Only the commune as the subject of a sentence ("… expose que la commune de X
				// doit …"): after a preposition ("demandée à la Commune de Clairoix", "le PPRI
				// de la commune de X") it is another party, or a mention in passing.
				if afterPrep(f[:m[0]]) {
					continue
				}
				name := cutName(d.sliceFolded(o, f, m[1], len(f)))
				if name != "" && unicode.IsUpper([]rune(name)[0]) {
					set("Commune de "+name, i, Evidence{})
					return
				}
			}
		}
	}
}

// afterPrep reports whether s ends with one of communePreps, as a whole word, then white
// space (\s): the test's reference pattern, \b(?:words)\s*$. A word is all letters, so its
// match is the whole run of word characters (ASCII letters, digits, '_') that ends s before
// its white space. The pattern, run on the text before each "la commune de", tried every
// place of it.
func afterPrep(s string) bool {
	e := len(s)
	for e > 0 && isGapSpace(s[e-1]) {
		e--
	}
	b := e
	for b > 0 && isASCIIWord(s[b-1]) {
		b--
	}
	return b < e && communePrepSet[s[b:e]]
}

// communePrepSet holds communePreps, for afterPrep.
var communePrepSet = func() map[string]bool {
	m := make(map[string]bool, len(communePreps))
	for _, w := range communePreps {
		m[w] = true
	}
	return m
}()

// communeWords are the words of meetingBody's last resort.
var communeWords = []string{"commune "}

// bodyPhraseNearWords is bodyPhraseNear(f) for w = hdrWordsOf(f): the words of bodyPhraseIn
// are header words (hwBodyPhrase), whose bits tell exactly whether f holds them.
func bodyPhraseNearWords(f string, w uint64) bool {
	return w&hwBodyPhrase != 0 || bodyPhraseEnds(f)
}

// bodyPhraseIn reports whether f holds the start of a phrase naming the body.
func bodyPhraseIn(f string) bool { return containsAnyLit(f, bodyPhraseWords) }

// bodyPhraseEnds reports whether f ends with the start of a phrase naming the body, which the
// next line completes.
func bodyPhraseEnds(f string) bool {
	t := strings.TrimSpace(f)
	// Most lines end with a byte none of the endings ends with.
	if t == "" || !bodyPhraseLast[t[len(t)-1]] {
		return false
	}
	for _, end := range bodyPhraseEndings {
		if strings.HasSuffix(t, end) {
			return strings.Contains(t, "conseil") || strings.Contains(t, "comite") || strings.Contains(t, "siege")
		}
	}
	return false
}

// bodyPhraseEndings are the line endings bodyPhraseEnds looks for; bodyPhraseLast marks their
// last bytes.
var (
	bodyPhraseEndings = []string{" de la", " de", " du", " commune", " ville", " syndicat", " siege"}
	bodyPhraseLast    = func() (t [256]bool) {
		for _, e := range bodyPhraseEndings {
			t[e[len(e)-1]] = true
		}
		return t
	}()
)

// cutName keeps the leading proper name of s: capitalised words and their particles and hyphens.
func cutName(s string) string {
	var out []string
	for w := range strings.FieldsSeq(s) { // lazily: s may run to the end of a very long line
		w2 := strings.TrimRight(w, ",.;:)")
		r := []rune(w2)
		if len(r) == 0 {
			break
		}
		if nameStop[normalize.Fold(w2)] {
			break
		}
		if unicode.IsUpper(r[0]) || (len(out) > 0 && (w2 == "de" || w2 == "du" || w2 == "la" || w2 == "sur" || w2 == "en" || w2 == "les")) {
			out = append(out, w2)
			if w2 != w {
				break
			}
			continue
		}
		break
	}
	for len(out) > 0 {
		switch out[len(out)-1] {
		case "de", "du", "la", "sur", "en", "les":
			out = out[:len(out)-1]
			continue
		}
		break
	}
	return strings.Join(out, " ")
}

// nameStop are capitalised words that end a body's name: the next line's title or sentence.
var nameStop = map[string]bool{"seance": true, "conseil": true, "proces-verbal": true, "compte": true,
	"le": true, "la": true, "les": true, "deliberation": true, "deliberations": true, "reunion": true,
	"session": true, "extrait": true, "registre": true, "mairie": true, "departement": true}

// titleCase rewrites an all-caps name in title case ("VILLE D'EYBENS" → "Ville d'Eybens");
// names written in mixed case are kept.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for k, w := range words {
		switch {
		case k > 0 && (w == "de" || w == "du" || w == "des" || w == "la" || w == "le" || w == "sur" || w == "en" || w == "et"):
			continue
		case k > 0 && (strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "d’") || strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "l’")):
			i := strings.IndexAny(w, "'’")
			_, size := utf8.DecodeRuneInString(w[i:])
			words[k] = w[:i+size] + capitalise(w[i+size:])
		default:
			words[k] = capitalise(w)
		}
	}
	return strings.Join(words, " ")
}

func capitalise(w string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		r := []rune(p)
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
			parts[i] = string(r)
		}
	}
	return strings.Join(parts, "-")
}

// mappedOffset maps byte offset fi of normalize.Fold(s) back to the offset in s it comes from;
// f and runs are foldRuns(s).
func mappedOffset(s, f string, runs []int32, fi int) int {
	if fi < 0 {
		return 0
	}
	return runOffset(s, f, runs, fi)
}

// meetingLineWords is meetingLine(f) for w = hdrWordsOf(f). meetingLine looks for its words in
// f trimmed, where a word opening and closing with no white space is found exactly when it is
// in f; the others (hwSpaced) are looked for again.
func meetingLineWords(f string, w uint64) bool {
	f = strings.TrimSpace(f)
	if strings.HasPrefix(f, "du ") || strings.HasPrefix(f, "le ") {
		return true
	}
	if w&hwMeeting&^hwSpaced != 0 {
		return true
	}
	if w&hwMeeting&hwSpaced != 0 {
		return containsAnyLit(f, meetingWords)
	}
	return false
}

// otherDateSpan returns the byte span of s (as written) taken by a clause about another date
// or time: the convocation, the posting, a departure ("Convoqué le 17/04/2014, …", "Départ de
// X à 20H50"). The clause runs to the next comma or the end. a == b when there is none.
func otherDateSpan(s string) (a, b int) {
	f, runs := foldRuns(s)
	return otherDateSpanIn(s, f, runs)
}

// otherDateSpanIn is otherDateSpan(s) for f and runs, foldRuns(s).
func otherDateSpanIn(s, f string, runs []int32) (a, b int) {
	if !containsAnyLit(f, otherDateWords) {
		return 0, 0
	}
	m := reNotMeeting.FindStringIndex(f)
	if m == nil {
		return 0, 0
	}
	end := len(f)
	if c := strings.IndexAny(f[m[1]:], ",;"); c >= 0 {
		end = m[1] + c
	}
	return runOffset(s, f, runs, m[0]), runOffset(s, f, runs, end)
}

// otherDateWords are the words one of which a clause about another date holds (folded).
var otherDateWords = []string{"convo", "affich", "depart", "arrive", "quitte", "publi", "transmis", "prefecture", "recu le", "envoye"}

// otherDateSpanOf is otherDateSpan(s) for s the text of line i or a tail of it. The line's fold
// holds the ASCII words of the fold of s (the two folds differ only in apostrophes and in the
// order of combining marks): when it holds none of otherDateWords there is no span, and s is
// not folded again; else its fold map is asked of the document's memo, as the date and time
// readers ask about the same lines in turn.
func (d *doc) otherDateSpanOf(i int, s string) (a, b int) {
	if d.hdrWords(i)&hwOtherDate == 0 {
		return 0, 0
	}
	f, runs := d.foldMapOf(s)
	return otherDateSpanIn(s, f, runs)
}

// meetingWhen reads the date and start time (and the place of the same sentence).
func (d *doc) meetingWhen(lim int) {
	m := &d.rec.Meeting
	dateLine := -1
	var dateEnd int
	for pass := 0; pass < 2 && dateLine < 0; pass++ {
		nonBlank, prev := 0, -1
		for i := 0; i < lim; i++ {
			f := d.folded[i]
			if strings.TrimSpace(f) == "" {
				continue
			}
			nonBlank++
			prevLine := prev
			prev = i
			if pass == 1 && nonBlank > 15 {
				break
			}
			if len(f) > 600 || !hasDigit(f) && !strings.Contains(f, "l'an ") {
				continue
			}
			if pass == 0 && !d.meetingLineAt(i) && (prevLine < 0 || !d.meetingLineAt(prevLine)) {
				continue
			}
			// The span of another date is read only on a line that holds dates.
			dates := normalize.FindDates(d.lines[i].Text)
			var a, b int
			if len(dates) > 0 {
				a, b = d.otherDateSpanOf(i, d.lines[i].Text)
			}
			for _, dm := range dates {
				if dm.Start >= a && dm.Start < b {
					continue
				}
				iso := dm.ISO
				m.Date = &iso
				d.evidence("date", d.ev(i))
				dateLine, dateEnd = i, dm.End
				break
			}
			if dateLine >= 0 {
				break
			}
		}
	}
	if dateLine < 0 {
		return
	}
	// The start time: after the date on its line, or in the sentence that follows.
	for k, i := 0, dateLine; k < 4 && i >= 0 && i < len(d.lines); k++ {
		t := d.lines[i].Text
		from := 0
		if i == dateLine {
			from = dateEnd
		}
		if from <= len(t) && (i == dateLine || d.meetingLineAt(i) || timeLine(d.folded[i])) {
			times := normalize.FindTimes(t[from:])
			var a, b int
			if len(times) > 0 {
				a, b = d.otherDateSpanOf(i, t[from:])
			}
			for _, tm := range times {
				if tm.Start >= a && tm.Start < b {
					continue
				}
				hh := tm.HHMM
				m.StartTime = &hh
				d.evidence("start_time", d.ev(i))
				break
			}
		}
		if m.StartTime != nil {
			break
		}
		i = d.nextNonBlank(i+1, 2)
	}
	if m.StartTime == nil {
		d.startTimeAtDate(*m.Date, lim)
	}
	if m.StartTime == nil {
		d.startTimeInPreamble(lim)
	}
	d.meetingPlace(dateLine, lim)
}

// startTimeAtDate finds the start time in a later sentence that repeats the meeting date
// ("… s'est réuni en mairie, le jeudi 24 avril 2014 à 18h00, sous la présidence …").
func (d *doc) startTimeAtDate(iso string, lim int) {
	for i := 0; i < lim; i++ {
		f := d.folded[i]
		if len(f) > 600 || !hasDigit(f) || !d.meetingLineAt(i) {
			continue
		}
		t := d.lines[i].Text
		for _, dm := range normalize.FindDates(t) {
			if dm.ISO != iso {
				continue
			}
			a, b := d.otherDateSpanOf(i, t)
			if dm.Start >= a && dm.Start < b {
				continue
			}
			rest := t[dm.End:]
			if ts := normalize.FindTimes(rest); len(ts) > 0 && ts[0].Start <= 8 {
				hh := ts[0].HHMM
				d.rec.Meeting.StartTime = &hh
				d.evidence("start_time", d.ev(i))
				return
			}
		}
	}
}

// timeLine reports whether folded line f is only a time, as a title gives it under the date
// ("lundi 08 juin 2020" then "à 18 H 00").
func timeLine(f string) bool {
	f = strings.TrimSpace(f)
	if len(f) > 20 || !hasDigit(f) {
		return false
	}
	ts := normalize.FindTimes(f)
	return len(ts) == 1 && ts[0].Start <= 3 && len(f)-ts[0].End <= 1
}

// preambleLine returns the first line before lim that opens the meeting sentence, or -1.
func (d *doc) preambleLine(lim int) int {
	for i := 0; i < lim; i++ {
		if d.preambleAt(i) >= 0 {
			return i
		}
	}
	return -1
}

// meetingLineAt is meetingLine of folded line i, read from its header words.
func (d *doc) meetingLineAt(i int) bool {
	return meetingLineWords(d.folded[i], d.hdrWords(i))
}

// preambleAt is preambleAt of folded line i: a line without any opener among its header words
// has none.
func (d *doc) preambleAt(i int) int {
	if d.hdrWords(i)&hwOpeners == 0 {
		return -1
	}
	return preambleAt(d.folded[i])
}

// preambleAt returns the offset in folded line f of the first of preambleOpeners it holds, or -1.
// The openers share a few words (preambleKeys): a line without them is passed over at once.
func preambleAt(f string) int {
	if !containsAnyLit(f, preambleKeys) {
		return -1
	}
	at := -1
	for _, w := range preambleOpeners {
		if k := strings.Index(f, w); k >= 0 && (at < 0 || k < at) {
			at = k
		}
	}
	return at
}

// preambleKeys are words one of which every preamble opener holds ("l'an ", "s'est reuni"…:
// an apostrophe), or nil when a change of preambleOpeners made them fall short.
var preambleKeys = coveringWordsOf(preambleOpeners, "'", "se sont")

// startTimeInPreamble reads the start time in the sentence that opens the minutes ("L'an
// deux mil onze, le dix-sept juin, à dix-neuf heures, le Conseil …", "… s'est réuni … à 20
// heures 30"), at any distance from the title date.
func (d *doc) startTimeInPreamble(lim int) {
	for i := 0; i < lim; i++ {
		f := d.folded[i]
		at := d.preambleAt(i)
		if at < 0 || len(f) > 600 {
			continue
		}
		o, jf := d.join(i)
		if len(jf) > 900 {
			continue
		}
		from := d.origOffset(o, at)
		fo, runs := d.foldMapOf(o) // remembered by origOffset just before
		a, b := otherDateSpanIn(o, fo, runs)
		for _, tm := range normalize.FindTimes(o[from:]) {
			if from+tm.Start >= a && from+tm.Start < b {
				continue
			}
			if tm.Start > 250 {
				break
			}
			hh := tm.HHMM
			d.rec.Meeting.StartTime = &hh
			d.evidence("start_time", d.ev(i))
			return
		}
	}
}

// maxPlaceLen bounds the length of a place read after the verb.
const maxPlaceLen = 80

// placeEndIn is where rePlaceEnd first matches in tail+" ", -1 when nowhere, when that is at
// most maxPlaceLen; beyond, it may return another offset past maxPlaceLen, or -1 (the place is
// then too long either way). The tail is the rest of the paragraph: the pattern is run on its
// first bytes only, as many as a match starting within maxPlaceLen can span, so a long
// paragraph is neither copied nor searched to its end. Exact for matches that start within
// maxPlaceLen: the cut, where $ may then match, lies beyond their reach.
func placeEndIn(tail string) int {
	probe := tail
	if len(probe) > placeEndProbe {
		probe = probe[:placeEndProbe]
	} else {
		probe += " "
	}
	if e := rePlaceEnd.FindStringIndex(probe); e != nil {
		return e[0]
	}
	return -1
}

// placeEndProbe is how much of a tail placeEndIn reads: a match starting at maxPlaceLen or
// before, and the byte after it.
var placeEndProbe = func() int {
	tree, err := syntax.Parse(rePlaceEnd.String(), syntax.Perl)
	if err != nil {
		panic(err)
	}
	n := maxLenOf(tree)
	if n < 0 {
		panic("parse: rePlaceEnd must have a bounded length")
	}
	return maxPlaceLen + n + 2
}()

// placePreps are the prepositions that open a place after the verb ("réuni à la mairie",
// "en mairie", "dans la salle"), in the order rePlacePrep tries them.
var placePreps = []string{"a", "au", "en", "dans"}

var (
	// rePlacePrep is read by nextPlacePrep; the pattern is its reference.
	rePlacePrep = mustRx(`(?:^|[\s,])(` + strings.Join(placePreps, "|") + `)\s+`)
	rePlaceEnd  = mustSpot(`,|;|\.(?:\s|$)| sous | pour | apres | le \d| le (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)| a \d| conformement| afin| sur convocation| regulierement| dument| legalement| en session| en seance| $`)
	rePlaceSkip = mustRx(`^(?:session|seance|vertu|application|nombre|presence|exercice|date|public|l'effet|la presence|la date|\d)`)
)

// placeVerbWords are words one of which the line of the place's verb holds (rePlaceVerb is
// tried only on those lines).
var placeVerbWords = []string{"reuni", "assembl", "tien", "tenu", "siege"}

// meetingPlace reads where the meeting sat: the place after "s'est réuni", "se sont réunis",
// "s'est assemblé" in the meeting sentence, or "A LA MAIRIE" in a title.
func (d *doc) meetingPlace(dateLine, lim int) {
	// The place is told in the meeting sentence, near the date, or near the preamble ("L'an
	// …, s'est réuni à l'Hôtel de Ville") when a long summary separates it from the title date.
	window := func(from int) int {
		for i, nb := from, 0; i >= 0 && i < lim; i++ {
			if strings.TrimSpace(d.folded[i]) != "" {
				if nb++; nb > 25 {
					return i
				}
			}
		}
		return lim
	}
	end := window(dateLine)
	if end < lim {
		if p := d.preambleLine(lim); p > dateLine {
			end = max(end, window(p))
		}
	}
	lim = end
	for i := 0; i < lim; i++ {
		if d.hdrWords(i)&hwPlace == 0 {
			continue
		}
		if !rePlaceVerb.MatchString(d.folded[i]) {
			continue
		}
		o, f := d.join(i)
		loc := rePlaceVerb.FindStringIndex(f)
		if loc == nil {
			continue
		}
		rest := f[loc[1]:]
		if len(rest) > 300 {
			rest = rest[:300] // the place follows the verb closely
		}
		fm, runs := d.foldMapOf(o) // remembered: sliceFolded maps the place back through it
		if fm != f {
			continue
		}
		// Drop the date and time the sentence gives before the place.
		for pos, k := 0, 0; k < 12; k++ {
			p, ok := nextPlacePrep(rest, pos)
			if !ok {
				break
			}
			pos = p[1]
			start := loc[1] + p[1]
			tail := f[start:]
			at := runOffset(o, fm, runs, start)
			if rePlaceSkip.MatchString(tail) || startsWithDateOrTime(o[at:min(len(o), at+40)]) {
				continue
			}
			end := len(tail)
			if e := placeEndIn(tail); e >= 0 && e < end {
				end = e
			}
			if end == 0 || end > maxPlaceLen || start-loc[1] > 120 {
				continue
			}
			place := d.sliceFolded(o, f, start, start+end)
			place = strings.Join(strings.Fields(dropArticle(place)), " ")
			if place == "" {
				continue
			}
			d.rec.Meeting.Place = &place
			d.evidence("place", d.ev(i))
			return
		}
	}
	// A title: "DU VENDREDI 22 MAI 2015 A 20H00 A LA MAIRIE".
	if dateLine >= 0 {
		f := d.folded[dateLine]
		if k := strings.LastIndex(f, " a la "); k > 0 {
			o := d.lines[dateLine].Text
			place := dropArticle(d.sliceFolded(o, f, k+3, len(f)))
			if place != "" && !startsWithDateOrTime(place) {
				place = titleCase(place)
				d.rec.Meeting.Place = &place
				d.evidence("place", d.ev(dateLine))
			}
		}
	}
}

// nextPlacePrep is the next match of rePlacePrep in s from byte pos on, as FindAll reads them
// (pos is 0 or the end of the previous match), with its group: [start, end, word start, word
// end]. The backtracker tried the pattern from every byte of the text; here a match starts
// only at the text's start (^) or at white space or a comma, and its word is the first of
// placePreps there that white space follows, which the pattern's greedy \s+ then takes whole.
func nextPlacePrep(s string, pos int) (m [4]int, ok bool) {
	for p := pos; p < len(s); p++ {
		if p == 0 {
			if e, ok := placePrepAt(s, 0); ok {
				return [4]int{0, spaceEnd(s, e), 0, e}, true
			}
		}
		if !isRxSpace(s[p]) && s[p] != ',' {
			continue
		}
		if e, ok := placePrepAt(s, p+1); ok {
			return [4]int{p, spaceEnd(s, e), p + 1, e}, true
		}
	}
	return m, false
}

// placePrepAt returns the end of the first of placePreps at s[i:] that white space follows.
func placePrepAt(s string, i int) (int, bool) {
	for _, w := range placePreps {
		if e := i + len(w); e < len(s) && s[i:e] == w && isRxSpace(s[e]) {
			return e, true
		}
	}
	return 0, false
}

// spaceEnd is the end of the run of white space (\s) that starts at s[i].
func spaceEnd(s string, i int) int {
	for i < len(s) && isRxSpace(s[i]) {
		i++
	}
	return i
}

func startsWithDateOrTime(s string) bool {
	for _, t := range normalize.FindTimes(s) {
		if t.Start <= 3 {
			return true
		}
		break
	}
	for _, dm := range normalize.FindDates(s) {
		if dm.Start <= 3 {
			return true
		}
		break
	}
	return false
}

// dropArticle removes a lower-case article before a place ("la Mairie" → "Mairie"), not a
// capitalised one that belongs to the name ("Le Pouzin").
func dropArticle(s string) string {
	s = strings.TrimSpace(s)
	for _, a := range []string{"la ", "le ", "l'", "l’", "les "} {
		if strings.HasPrefix(s, a) {
			return strings.TrimSpace(s[len(a):])
		}
	}
	return s
}

// meetingConvened reads the date of the convocation.
func (d *doc) meetingConvened(lim int) {
	for i := 0; i < lim; i++ {
		f := d.folded[i]
		// A match holds "convo", a header word: the line's remembered words tell first.
		if d.hdrWords(i)&hwConvo == 0 {
			continue
		}
		loc := reConvocation.FindStringIndex(f)
		if loc == nil {
			continue
		}
		t := d.lines[i].Text
		at := d.origOffset(t, loc[0])
		for _, dm := range normalize.FindDates(t) {
			if dm.End <= at {
				continue
			}
			iso := dm.ISO
			d.rec.Meeting.ConvenedOn = &iso
			d.evidence("convened_on", d.ev(i))
			return
		}
		// A label whose date is on a later line: "Date de l'avis de convocation :" / "2 avril 2013".
		if strings.HasSuffix(strings.TrimSpace(f), ":") || len(strings.Fields(f)) <= 6 {
			if j := d.nextNonBlank(i+1, 3); j > 0 {
				if ds := normalize.FindDates(d.lines[j].Text); len(ds) > 0 && ds[0].Start <= 12 {
					iso := ds[0].ISO
					d.rec.Meeting.ConvenedOn = &iso
					d.evidence("convened_on", d.ev(j))
					return
				}
			}
		}
	}
}

// takeName reads the person's name at the start of s ("M. Jérôme BERNARD en date du…",
// "Marc Baïetto, Maire.") and returns it with the text that follows.
func takeName(s string) (normalize.Name, string, bool) {
	var buf [8]string
	n, fs, more, ok := takeNameFields(s, buf[:0])
	if !ok {
		return normalize.Name{}, s, false
	}
	return n, strings.Join(append(fs[:len(fs):len(fs)], strings.Fields(more)...), " "), true
}

// takeNameFields is takeName with the text after the name left unjoined: its first words fs
// and the text after them, more (the text takeName returns is their words joined by spaces).
// buf holds the words read. A caller that reads only the first words after the name (see
// roleAfterFields) spares the join of what may be the rest of a very long line.
func takeNameFields(s string, buf []string) (n normalize.Name, fs []string, more string, ok bool) {
	// The loop below reads at most the first eight words (six name words, one more, and a
	// look-ahead); the rest of s is not split.
	fs, more = appendLeadFields(buf, s, 8)
	var toksBuf [6]string
	toks := toksBuf[:0]
	k := 0
	for ; k < len(fs) && len(toks) < 6; k++ {
		w := fs[k]
		core := strings.TrimRight(w, ",;:().")
		if strings.HasSuffix(w, ".") && (isInitialTok(w) || isCivility(w)) {
			core = w
		}
		if core == "" {
			break
		}
		r := []rune(core)
		ok := unicode.IsUpper(r[0]) || isCivility(core)
		if !ok && len(toks) > 0 {
			switch normalize.Fold(core) {
			case "de", "du", "la", "le", "des", "d'":
				ok = k+1 < len(fs) && unicode.IsUpper([]rune(fs[k+1])[0])
			}
		}
		if !ok {
			break
		}
		toks = append(toks, core)
		if core != w {
			k++
			break
		}
	}
	// The next line may begin with a capitalised word ("Présents :"): drop words from the
	// end until the rest reads as a name.
	for len(toks) > 0 {
		if n, ok := normalize.PersonName(strings.Join(toks, " ")); ok {
			return n, fs[k:], more, true
		}
		toks = toks[:len(toks)-1]
		k--
	}
	return normalize.Name{}, nil, "", false
}

var reInitialTok = mustRx(`^(?:\p{Lu}\p{Ll}?\.-?)+$`)

// isInitialTok is reInitialTok.MatchString(w): every initial ends with a dot, so a word without
// one (nearly every word of a name) is answered without the pattern.
func isInitialTok(w string) bool {
	return strings.IndexByte(w, '.') >= 0 && reInitialTok.MatchString(w)
}

func isCivility(w string) bool { _, ok := normalize.CivilityOf(w); return ok }

// nameBefore reads the person's name that ends s ("… Monsieur A. PIQUET").
func nameBefore(s string) (normalize.Name, bool) {
	fs := strings.Fields(s)
	start := len(fs)
	for start > 0 && len(fs)-start < 6 {
		w := strings.Trim(fs[start-1], ",;:")
		if w == "" {
			break
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !isCivility(w) {
			break
		}
		start--
		if isCivility(w) {
			break
		}
	}
	if start == len(fs) {
		return normalize.Name{}, false
	}
	return normalize.PersonName(strings.Join(fs[start:], " "))
}

// roleAfterFields is roleAfter(rest) for the text rest that takeName returns, given by
// takeNameFields as its first words fs and the text after them: roleAfter trims the commas,
// parentheses and spaces that open rest, and reads the first word left. In rest, the words are
// joined by single spaces: the words made only of commas and parentheses go, and the word
// read is the next one without those that open it.
func roleAfterFields(fs []string, more string) string {
	for _, w := range fs {
		if t := strings.TrimLeft(w, ",("); t != "" {
			return roleWord(t)
		}
	}
	for {
		w, after := nextField(more)
		if w == "" {
			return ""
		}
		if t := strings.TrimLeft(w, ",("); t != "" {
			return roleWord(t)
		}
		more = after
	}
}

// roleWord is the role that word w names, trimmed of punctuation.
func roleWord(w string) string {
	switch normalize.Fold(strings.Trim(w, ",.;:()")) {
	case "maire", "depute-maire", "senateur-maire":
		return "maire"
	case "president", "presidente":
		return "president"
	}
	return ""
}

func (d *doc) meetingPresident(lim int) {
	for i := 0; i < lim; i++ {
		if d.hdrWords(i)&hwPresid == 0 {
			continue
		}
		o, f := d.join(i)
		for _, loc := range rePresident.FindAllStringIndex(f, -1) {
			after := d.sliceFolded(o, f, loc[1], len(f))
			role := ""
			if strings.Contains(f[loc[0]:loc[1]], "president") && !strings.Contains(f[loc[0]:loc[1]], "presidence") {
				role = "president"
			}
			// "sous la présidence de Monsieur le Maire, Philippe Saurel".
			if rk := leadingRole(foldLead(after)); rk != "" {
				role = rk
				if c := strings.IndexByte(after, ','); c >= 0 && c < 30 {
					after = after[c+1:]
				} else {
					continue
				}
			}
			var buf [8]string
			n, fs, more, ok := takeNameFields(after, buf[:0])
			if !ok {
				continue
			}
			if r := roleAfterFields(fs, more); r != "" {
				role = r
			}
			d.hdr.mentions = append(d.hdr.mentions, mention{field: "president", name: n, role: role, ev: d.ev(i)})
			d.hdr.lineRole = setLine(d.hdr.lineRole, i)
			return
		}
		// "M. Jean DUPONT, Maire, préside la séance."
		if loc := presidesAfterIndex(f); loc != nil {
			n, ok := nameBefore(d.sliceFolded(o, f, 0, loc[0]))
			if !ok {
				continue
			}
			role := ""
			if strings.Contains(f[loc[0]:loc[1]], "maire") {
				role = "maire"
			}
			d.hdr.mentions = append(d.hdr.mentions, mention{field: "president", name: n, role: role, ev: d.ev(i)})
			d.hdr.lineRole = setLine(d.hdr.lineRole, i)
			return
		}
	}
}

// presidesAfterIndex is rePresidesAfter.FindStringIndex(f). A match ends with one of the verbs
// (presidesVerbs) at the end of a word: a line that holds none so, such as "sous la présidence
// de", is answered without the pattern, which tries each of its bytes.
func presidesAfterIndex(f string) []int {
	if !litEndsWord(f, presidesVerbs) {
		return nil
	}
	return rePresidesAfter.FindStringIndex(f)
}

// presidesVerbs are the texts one of which ends every match of rePresidesAfter, before its
// closing \b: the expansion of its last group, but those that end with another of them (found
// through it: "a preside" ends with "preside").
var presidesVerbs = func() []string {
	tree, err := syntax.Parse(rePresidesAfter.String(), syntax.Perl)
	if err != nil || tree.Op != syntax.OpConcat || len(tree.Sub) < 2 || tree.Sub[len(tree.Sub)-1].Op != syntax.OpWordBoundary {
		panic("parse: rePresidesAfter must end with a group of verbs and \\b")
	}
	lits, exact, ok := expandLits(tree.Sub[len(tree.Sub)-2])
	if !ok || !exact || !usableLits(lits) {
		panic("parse: rePresidesAfter's verbs must be finitely many texts")
	}
	var out []string
	for i, l := range lits {
		if !isASCIIWord(l[len(l)-1]) {
			panic("parse: a verb of rePresidesAfter must end with a word character")
		}
		keep := true
		for j, o := range lits {
			if j != i && strings.HasSuffix(l, o) && (len(o) < len(l) || j < i) {
				keep = false
			}
		}
		if keep {
			out = append(out, l)
		}
	}
	return out
}()

// litEndsWord reports whether s holds one of lits (each ending with an ASCII word character)
// where a word ends: at the end of s, or before a byte that is no ASCII word character, as \b
// reads it.
func litEndsWord(s string, lits []string) bool {
	for _, l := range lits {
		for from := 0; ; {
			k := strings.Index(s[from:], l)
			if k < 0 {
				break
			}
			e := from + k + len(l)
			if e == len(s) || !isASCIIWord(s[e]) {
				return true
			}
			from += k + 1
		}
	}
	return false
}

var reLeadingRole = mustRx(`^(?:monsieur|madame|m\.|mme) (?:le |la )?(maire|president|presidente)\b`)

// leadingRoleMax bounds the text reLeadingRole reads: its longest match ("monsieur le
// presidente") and the character after it.
const leadingRoleMax = 32

// foldLead is normalize.Fold of the start of s, enough for leadingRole: folding the whole of s
// for each match would cost, on a very long line, the line's length per match. Fold of a
// prefix is a prefix of the fold; when spaces squeezed the folded prefix too short, the whole
// is folded.
func foldLead(s string) string {
	w := 256
	if len(s) <= w {
		return normalize.Fold(s)
	}
	for w > 0 && !utf8.RuneStart(s[w]) {
		w--
	}
	if f := normalize.Fold(s[:w]); len(f) >= leadingRoleMax {
		return f
	}
	return normalize.Fold(s)
}

// leadFields returns the first n words of s, as strings.Fields splits them, and the text after
// the n-th word ("" when there is no more).
func leadFields(s string, n int) (fs []string, more string) { return appendLeadFields(nil, s, n) }

// appendLeadFields is leadFields with the words appended to fs (a caller's buffer).
func appendLeadFields(fs []string, s string, n int) ([]string, string) {
	n += len(fs)
	i := 0
	for len(fs) < n {
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += w
		}
		if i >= len(s) {
			return fs, ""
		}
		j := i
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += w
		}
		fs = append(fs, s[i:j])
		i = j
	}
	return fs, s[i:]
}

func leadingRole(f string) string {
	if m := reLeadingRole.FindStringSubmatch(f); m != nil {
		return normalize.RoleKey(m[1])
	}
	return ""
}

func setLine(m map[int]bool, i int) map[int]bool {
	if m == nil {
		m = map[int]bool{}
	}
	m[i] = true
	return m
}

// meetingSecretary finds the secrétaire de séance in the first part of the document.
func (d *doc) meetingSecretary() {
	lim := len(d.lines)
	if lim > 300 {
		lim = 300
	}
	for i := 0; i < lim; i++ {
		if !d.hdrHas(i, hwSecretary, "secretaire") {
			continue
		}
		o, f := d.join(i)
		var n normalize.Name
		ok := false
		if loc := reSecretaryLabel.FindStringIndex(d.folded[i]); loc != nil && !strings.Contains(d.folded[i][loc[0]:loc[1]], "est") {
			n, _, ok = takeName(d.sliceFolded(d.lines[i].Text, d.folded[i], loc[1], len(d.folded[i])))
		}
		if loc := reSecretaryLabel.FindStringIndex(f); !ok && loc != nil && !strings.Contains(f[loc[0]:loc[1]], "est") {
			n, _, ok = takeName(d.sliceFolded(o, f, loc[1], len(f)))
		}
		if loc := reSecretaryNamed.FindStringIndex(f); !ok && loc != nil {
			n, _, ok = takeName(d.sliceFolded(o, f, loc[1], len(f)))
		}
		if !ok {
			for _, g := range []allGate{gateSecretaryAfter, gateSecretaryCommeAny, gateSecretaryDuties} {
				if loc := g.FindStringIndex(f); loc != nil {
					n, ok = nameBefore(d.sliceFolded(o, f, 0, loc[0]))
					if ok {
						break
					}
				}
			}
		}
		if !ok {
			continue
		}
		d.hdr.mentions = append(d.hdr.mentions, mention{field: "secretary", name: n, ev: d.ev(i)})
		d.hdr.lineRole = setLine(d.hdr.lineRole, i)
		return
	}
}

var reSecretaryCommeAny = mustRx(`\s*,?\s+(?:comme|en tant que|en qualite de|pour remplir les fonctions de) (?:\w+ )?secretaire`)

// secretaryLine reports whether line i states the secretary (or is the label of a box that does).
func (d *doc) secretaryLine(i int) bool {
	f := strings.TrimSpace(d.folded[i])
	return d.hdr.lineRole[i] || strings.HasPrefix(f, "secretaire") && len(strings.Fields(f)) <= 8
}

// presidentLine reports whether line i states who presided ("Présidence : M. Hubert BRIGAND").
func (d *doc) presidentLine(i int) bool {
	f := strings.TrimSpace(d.folded[i])
	return d.hdr.lineRole[i] && (strings.HasPrefix(f, "presid") || strings.HasPrefix(f, "le president") || strings.HasPrefix(f, "la president"))
}

// previousWords are words one of which a mention of earlier minutes holds (gatePrevMinutes
// is looked for only on those lines): the second words of "compte rendu" and "procès-verbal"
// rather than the first, which the accounts of a budget session ("compte administratif") hold
// on many lines. TestPreviousWordsCover checks that every literal of gatePrevMinutes holds one.
var previousWords = []string{"rendu", "verbal", "pv"}

// previousContext is f, the joined text of line i, and the next four non-blank lines after
// line i, folded, joined by spaces: where meetingPrevious looks for the approval.
func (d *doc) previousContext(f string, i int) string {
	ctx := f
	for k, j := 0, i; k < 4; k++ {
		if j = d.nextNonBlank(j+1, 2); j < 0 {
			break
		}
		ctx += " " + d.folded[j]
	}
	return ctx
}

// meetingPrevious reads the date of the earlier minutes approved in this meeting.
func (d *doc) meetingPrevious() {
	lim := len(d.lines) / 2
	if lim < 200 {
		lim = len(d.lines)
	}
	for i := d.nextWith(0, lim, hwPrevious, twPrevious, previousWords); i < lim; i = d.nextWith(i+1, lim, hwPrevious, twPrevious, previousWords) {
		loc := rePrevMinutes.FindStringIndex(d.folded[i])
		if loc == nil {
			continue
		}
		o, f := d.join(i)
		// The date must follow the words "compte rendu" on the line (or the next one).
		var iso string
		at := d.origOffset(o, loc[1])
		for _, dm := range normalize.FindDates(o) {
			if dm.End > at {
				iso = dm.ISO
				break
			}
		}
		if iso == "" {
			continue
		}
		if reRejection.MatchString(f) {
			continue
		}
		// The approval may be stated on the next lines; the pattern holds no anchor, so a
		// match in f is one in the joined text, which is built only when f has none.
		if !reApproval.MatchString(f) && !reApproval.MatchString(d.previousContext(f, i)) {
			continue
		}
		d.rec.Meeting.PreviousMinutesDate = &iso
		d.evidence("previous_minutes_date", d.ev(i))
		return
	}
}

// meetingEndAndNext reads the end time ("La séance est levée à 12h47") and the next meeting,
// from the last line up: only the lines that hold one of endIndex's words can tell either.
func (d *doc) meetingEndAndNext() { d.endWordsDown(d.endAndNextAt) }

// endAndNextAt reads the end time and the next meeting on line i, which holds the words w of
// endIndex; it returns false once both are known.
func (d *doc) endAndNextAt(i int, w uint64) bool {
	m := &d.rec.Meeting
	f := d.folded[i]
	if m.EndTime != nil {
		// Only the next meeting is still looked for, whose phrases all hold one of
		// nextMeetingWords.
		if m.NextMeeting != nil {
			return false
		}
		if w&ewNextMeet == 0 {
			return true
		}
	}
	verb := w&ewEndVerbs != 0
	// " a" (in nearly every line) is looked for only after the verbs.
	if m.EndTime == nil && verb && strings.Contains(f, " a") {
		d.endTimeAfterVerb(i)
	}
	if w&(ewSeance|ewNext) == 0 || !verb && w&(ewFinDe|ewNext) == 0 {
		return true
	}
	if m.EndTime == nil && gateEndOfMeeting.MatchString(f) {
		o, _ := d.join(i)
		if ts := normalize.FindTimes(o); len(ts) > 0 {
			hh := ts[0].HHMM
			m.EndTime = &hh
			d.evidence("end_time", d.ev(i))
		}
	}
	if m.NextMeeting == nil && gateNextMeeting.MatchString(f) {
		o, _ := d.join(i)
		loc := reNextMeeting.FindStringIndex(f)
		at := d.origOffset(o, loc[0])
		for _, dm := range normalize.FindDates(o) {
			if dm.End <= at {
				continue
			}
			nm := &NextMeeting{}
			iso := dm.ISO
			nm.Date = &iso
			if ts := normalize.FindTimes(o[dm.End:]); len(ts) > 0 && ts[0].Start < 12 {
				hh := ts[0].HHMM
				nm.Time = &hh
			}
			m.NextMeeting = nm
			d.evidence("next_meeting", d.ev(i))
			break
		}
	}
	// Once both are known, no line above is read.
	return m.EndTime == nil || m.NextMeeting == nil
}

// endVerbWords are the verbs that end a meeting (folded stems).
var endVerbWords = []string{"leve", "clos", "clotur", "termin"}

// endTimeAfterVerb reads the end time from "… a été levée à 19h30" when the subject
// "séance" sits earlier in the same sentence, possibly on the line or two before.
func (d *doc) endTimeAfterVerb(i int) {
	loc := reEndVerb.FindStringIndex(d.folded[i])
	if loc == nil {
		return
	}
	sentence := d.folded[i][:loc[0]]
	for k, j := 0, i-1; k < 2 && j >= 0 && !strings.Contains(sentence, ". "); k, j = k+1, j-1 {
		sentence = d.folded[j] + " " + sentence
	}
	if e := strings.LastIndex(sentence, ". "); e >= 0 {
		sentence = sentence[e:]
	}
	if !strings.Contains(sentence, "seance") {
		return
	}
	t := d.lines[i].Text
	at := d.origOffset(t, loc[1]-1)
	if ts := normalize.FindTimes(t[at:]); len(ts) > 0 && ts[0].Start <= 6 {
		hh := ts[0].HHMM
		d.rec.Meeting.EndTime = &hh
		d.evidence("end_time", d.ev(i))
	}
}

var (
	reCells = mustRx(`\t|\s{3,}`)
	// reSignRole is the heading of a signature column: "Le Maire", "La Présidente",
	// "Le Secrétaire de Séance".
	reSignRole = mustRx(`^(?:(?:le|la) )?(maire|presidente?|secretaire(?: de (?:la )?seance)?)\s*[,:]?$`)
	// reTitle is a title before a name that is no civility: "Dr. Xavier POLI".
	reTitle = mustRx(`^(?:Dr\.?|Docteur|Pr\.?|Professeur|Me|Maître)\s+`)
)

// meetingSignatures reads the signature block that closes many minutes: a line of role
// headings ("Le Maire", "Le Secrétaire de Séance") over a line of names in the same columns.
// The maire who signs presided unless the document named another president.
func (d *doc) meetingSignatures() {
	from := len(d.lines) - 40
	if from < 0 {
		from = 0
	}
	for i := from; i < len(d.lines); i++ {
		f := strings.TrimSpace(d.folded[i])
		// Every cell must read as a role, so the line holds a role word: most lines are
		// rejected before they are split (a cell's fold is part of the line's).
		if f == "" || len(f) > 120 || !containsAnyLit(f, reSignRole.prefilter().lits) {
			continue
		}
		cells := reCells.Split(strings.TrimSpace(d.lines[i].Text), -1)
		roles := make([]string, len(cells))
		ok := true
		for k, c := range cells {
			m := reSignRole.FindStringSubmatch(normalize.Fold(strings.TrimSpace(c)))
			if m == nil {
				ok = false
				break
			}
			roles[k] = normalize.RoleKey(m[1])
		}
		if !ok {
			continue
		}
		j := d.nextNonBlank(i+1, 4)
		if j < 0 {
			return
		}
		names := reCells.Split(strings.TrimSpace(d.lines[j].Text), -1)
		if len(names) != len(roles) {
			continue
		}
		for k, c := range names {
			n, _, ok := takeName(reTitle.ReplaceAllString(strings.TrimSpace(c), ""))
			if !ok || n.Family == "" {
				continue
			}
			ev := d.ev(j)
			switch roles[k] {
			case "maire", "president":
				d.hdr.mentions = append(d.hdr.mentions, mention{field: "president", name: n, role: roles[k], ev: ev})
			case "secretaire":
				d.hdr.mentions = append(d.hdr.mentions, mention{field: "secretary", name: n, ev: ev})
			}
		}
		return
	}
}
