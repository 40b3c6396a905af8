package parse

import (
	"bytes"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"minutes/normalize"
)

// trig is what one line says about a vote: the evidence a decision is built from.
type trig struct {
	outcome  string // Adopted, Rejected, Noted, Deferred, or "" when the line names none
	forN     *int
	againstN *int
	abstN    *int
	// The flags last, together: 48 bytes a trig where their former order, around the
	// string and the pointers, padded it to 64 (trigs are memoized by line and drafts hold one).
	trigger   bool
	explicit  bool // the outcome is written, not implied by counts
	unanimous bool
	dissent   bool // majority, abstainers or members not voting are named
	majority  bool // "à la majorité"
	colon     bool // the line ends with ":" and introduces a list (the decision's content)
}

// counts reports whether the line states any vote count.
func (t trig) counts() bool { return t.forN != nil || t.againstN != nil || t.abstN != nil }

// lineTrigger reads one line (folded f, original raw) for vote evidence.
func lineTrigger(f, raw string) trig { return lineTriggerStems(f, raw, 0, false) }

// lineTriggerStems is lineTrigger for a line whose stems fm are known when known is true: those
// of f without its "*" (scanStemsSkip(f, '*'), which is scanStems(f) for a line holding none).
// They are used as long as the line read is f itself.
func lineTriggerStems(f, raw string, fm uint64, known bool) trig {
	return lineReading(f, raw, fm, known, &capsOf{raw: raw})
}

// lineReading is lineTriggerStems with what the caller knows of the line's capitals (c, whose
// raw is raw). When c.folded is set, f is normalize.Fold(raw): the stems then tell a line that
// holds no upper verb (upperVerbStems), whose capitals need not be read for one.
func lineReading(f, raw string, fm uint64, known bool, c *capsOf) trig {
	var t trig
	ocr := false
	// strings.ContainsAny with a non-ASCII set scans the line once per match of the set's lead
	// byte, and every accented letter shares Ï's: one substring search per mark is far cheaper.
	// The marks are looked for before the capitals: most lines hold neither mark.
	// A "?" of raw is one of f, folded from it (c.folded): the stems fm of f known, their
	// stemMark tells a line holding none of it, nor a quotation mark.
	marks := !known || !c.folded || fm&stemMark != 0
	if (marks && strings.IndexByte(raw, '?') >= 0 || hasOCRTee(raw)) && c.hasRun() {
		// OCR reads a capital T as Ï ("A L'UNANIMIÏE, ACCEPÏE") and an I as "?" inside a word in
		// capitals ("UNANIM?TE"): the line is read again with the letters restored. The capitals
		// it keeps still make a run: the run holds for the line restored, whose verbs are read
		// again.
		if r := ocrCapitals(raw); r != raw {
			raw = r
			f = normalize.Fold(raw)
			ocr = true
			*c = capsOf{raw: raw, runRead: true, run: true, folded: c.folded}
		}
	}
	m := fm
	if !known || ocr {
		m = scanStemsSkip(f, '*')
	}
	// The stems of the line without its "*" are read before it is copied, and most lines end
	// at the gate: stars and spaces hide no digit. Trimming cuts spaces only, and no stem
	// begins or ends with one (newStems): the line's stems are those of the trimmed line.
	// Whether the line holds a digit is read once, at the first test that asks: stars, quotes
	// and spaces hide none, so every form of the line below holds the same.
	digit := lazyDigit{f: f}
	if !(triggerStems.in(m) || (countStems.in(m) && digit.get()) || c.hasRun()) {
		return t
	}
	if strings.IndexByte(f, '*') >= 0 {
		f = strings.TrimSpace(strings.ReplaceAll(f, "*", ""))
	} else {
		f = strings.TrimSpace(f)
	}
	// Both ways passed the gate above, on the same stems and the same digits.
	if f == "" {
		return t
	}
	t.colon = strings.HasSuffix(f, ":")
	// m holds the marks of f without its "*" (stemMark): those of the line stripped and trimmed.
	if m&stemMark != 0 && (strings.IndexByte(f, '"') >= 0 || hasGuillemet(f)) {
		// "Par 21 voix « Pour » et 5 « Abstentions »": quotes around the labels.
		f = stripQuotes(f)
		m = scanStems(f)
	}
	t.unanimous = unanimousStems.in(m) && reUnanimous.MatchString(f)
	t.majority = majorityStems.in(m) && reMajority.MatchString(f)
	t.dissent = t.majority || (dissentStems.in(m) && reDissent.MatchString(f))
	// Quotes stripped hide no digit: the count is looked for on a count line with one.
	if countStems.in(m) && digit.get() {
		voteLine := reVoteLine.MatchString(f)
		if voteLine || voteWord(f, m) || t.unanimous {
			t.forN, t.againstN, t.abstN = voteCountsStems(f, m)
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
		if m := findSubmatchIndex(reVotersTotal, f); m != nil {
			n, _ := strconv.Atoi(f[m[2]:m[3]])
			t.forN = &n
		}
	}
	t.outcome, t.explicit = outcomeStems(f, m)
	// A line with no proclamation and no digit holds no election result (reElected, exactly):
	// most lines naming the elected ("élus") are spared the pattern.
	if t.outcome == "" && electStems.in(m) && (proclaimStems.in(m) || digit.get()) && elected(f, m) && !reElectedChair.MatchString(f) {
		t.outcome, t.explicit = Adopted, true
	}
	if t.outcome == "" && favourableGate&m != 0 && reVoteFavourable.MatchString(f) {
		t.outcome, t.explicit = Adopted, true
	}
	if t.outcome == "" {
		// Stripped of its stars and quotes, trimmed, the folded line still holds the folded
		// upper verb (see upperVerbStems).
		upper := (!c.folded || upperVerbStems.in(m)) && c.hasRun() && c.hasVerb()
		if upper || (adoptStems.in(m) && adopted(f, m)) {
			if upper || matchString(reCouncil, f) || (strongStems.in(m) && reStrongVerb.MatchString(f)) || t.unanimous || t.counts() {
				t.outcome, t.explicit = Adopted, true
			}
		}
	}
	t.trigger = t.explicit || t.unanimous || t.counts() || (t.dissent && (matchString(reCouncil, f) || voteWord(f, m)))
	if t.trigger && reVisa.MatchString(f) && !hasClause(f) {
		return trig{}
	}
	return t
}

// capsOf is what is known of the capitals of a line raw: whether it holds a run of them
// (hasUpperRun) and an upper verb (upperVerbRun), each read at its first question. folded is
// set when the folded line read beside it is normalize.Fold(raw).
type capsOf struct {
	raw                          string
	runRead, run, verbRead, verb bool
	folded                       bool
}

func (c *capsOf) hasRun() bool {
	if !c.runRead {
		c.runRead, c.run = true, hasUpperRun(c.raw)
	}
	return c.run
}

func (c *capsOf) hasVerb() bool {
	if !c.verbRead {
		c.verbRead, c.verb = true, upperVerbRun(c.raw)
	}
	return c.verb
}

// lineVote is lineTriggerStems(f, raw, m, true) when that triggers, trig{} otherwise, for a
// line f folded from raw (normalize.Fold). A line holding no trigger stem, nor a count stem and
// a digit, triggers only through its capitals: an upper verb, or, the line then read whole, a
// refusal (rejectStems), a favourable vote (favourableGate), capitals misread by an OCR, or
// stems that quotation marks hid (the marks, voteMarks). Every other stem the reading asks
// about holds a trigger stem. A line holds an upper verb only when it holds its stem
// (upperVerbStems): most lines hold no such stem nor a mark, and are turned away without
// reading their capitals.
func lineVote(f, raw string, m uint64) trig {
	c := capsOf{raw: raw, folded: true}
	if !triggerStems.in(m) && !(countStems.in(m) && hasDigit(f)) {
		other := rejectStems.in(m) || favourableGate&m != 0
		if !other && !upperVerbStems.in(m) {
			if !voteMarksIn(m, raw) || !c.hasRun() {
				return trig{}
			}
		} else if !c.hasRun() || !other && !voteMarksIn(m, raw) && !c.hasVerb() {
			return trig{}
		}
	}
	if t := lineReading(f, raw, m, true, &c); t.trigger {
		return t
	}
	return trig{}
}

// voteMarksIn reports whether a line (folded f, original raw) may hold a mark that lets its
// capitals make it trigger: a "?" or a Ï an OCR may have misread, or quotation marks (see
// voteMarks, in the tests). The stems m of f (scanStemsSkip(f, '*')) hold stemMark when f
// holds a quotation mark or a "?", as it does when raw holds a "?" (Fold keeps one): only the
// Ï of raw, which folds to a plain letter, is searched for. It may say true of a line without
// these marks (a "?" that Fold made of another rune, a mark that the "*" removed made): lineVote
// then reads the line whole, which gives the same reading.
func voteMarksIn(m uint64, raw string) bool { return m&stemMark != 0 || hasOCRTee(raw) }

// ocrTee is the Ï an OCR reads for a capital T.
const ocrTee = "Ï"

// hasOCRTee is strings.Contains(s, ocrTee). That search looks for its first byte, the lead
// byte of every accented letter, and French text holds many: its second byte (0x8f) is rare,
// and is looked for instead.
func hasOCRTee(s string) bool {
	for from := 0; ; {
		k := strings.IndexByte(s[from:], ocrTee[1])
		if k < 0 {
			return false
		}
		k += from
		if k > 0 && s[k-1] == ocrTee[0] {
			return true
		}
		from = k + 1
	}
}

// upperVerbStems holds the first five letters of each of upperVerbs. A line holding an upper
// verb (upperVerbRun) holds it folded: its letters are capitals (isUpperWord) that
// foldUpperRune maps to a letter, as normalize.Fold does (TestUpperVerbFolds), and no stem
// is cut by a "*" or a quotation mark, which are no letters. A line whose folded stems hold
// none of these holds no upper verb.
var upperVerbStems = func() stemSet {
	list := make([]string, len(upperVerbs))
	for k, v := range upperVerbs {
		list[k] = v[:min(len(v), 5)]
	}
	return newStems(list...)
}()

// adopted is reAdopted.MatchString(f) for a line whose stems m are known: its hand reader
// (adoptedIn) looks only for the verbs whose stems the line holds.
func adopted(f string, m uint64) bool {
	if reAdopted.handAny == nil {
		return reAdopted.MatchString(f)
	}
	return adoptedIn(f, m)
}

// elected is reElected.MatchString(f) for a line whose stems m are known (see electedIn).
func elected(f string, m uint64) bool {
	if reElected.handAny == nil {
		return reElected.MatchString(f)
	}
	return electedIn(f, m)
}

// lazyDigit is hasDigit(f), read at the first get.
type lazyDigit struct {
	f           string
	read, digit bool
}

func (d *lazyDigit) get() bool {
	if !d.read {
		d.read, d.digit = true, hasDigit(d.f)
	}
	return d.digit
}

// voteWord is reVoteWord.MatchString(f) for a line whose stems m are known: a line holding none
// of its spots (voteWordStems) holds no match, and the spot automaton need not walk it. Most
// lines that come here hold a "pour" and a digit but no word of a vote.
func voteWord(f string, m uint64) bool {
	if voteWordGated && !voteWordStems.in(m) {
		return false
	}
	return reVoteWord.MatchString(f)
}

// voteWordStems are the spots of reVoteWord registered as stems; voteWordGated is false when
// they could not be (then every line runs the pattern).
var voteWordStems, voteWordGated = spotStems(reVoteWord)

// spotStems registers the spots of re as stems: every match of re starts with one of them, so
// a line whose stems hold none of them holds no match. It reports false when re has no spots or
// one of them cannot be a stem.
func spotStems(re *spotRx) (stemSet, bool) {
	spots := re.plan().spots
	if spots == nil {
		return stemSet{}, false
	}
	list := make([]string, len(spots))
	for k, sp := range spots {
		if len(sp.s) < 2 || !edgeByte(sp.s[0]) || !edgeByte(sp.s[len(sp.s)-1]) {
			return stemSet{}, false
		}
		list[k] = sp.s
	}
	return newStems(list...), true
}

// matchString is re.MatchString, by the pattern's hand reader when it has one (see
// handMatchesAny, handSubmatchers): it stops at the first match, where the spot search walks
// the whole line.
func matchString(re *spotRx, f string) bool {
	if re.handAny != nil {
		return re.handAny(f)
	}
	if re.handSub != nil {
		return re.handSub(f).n > 0
	}
	return re.MatchString(f)
}

// findSubmatchIndex is re.FindStringSubmatchIndex, by the pattern's hand reader when it has one
// (see handSubmatchers).
func findSubmatchIndex(re *spotRx, f string) []int {
	if re.handSub != nil {
		return re.handSub(f).slice()
	}
	return re.FindStringSubmatchIndex(f)
}

// ocrCapitals restores the capitals an OCR commonly misreads inside a word in capitals: Ï for T
// (French capitals rarely carry a diaeresis on I), "?" for I.
func ocrCapitals(s string) string {
	if !ocrMisread(s) {
		return s // most lines with a "?" or an Ï hold it outside a word in capitals: no copy
	}
	// Rune by rune, as string([]rune(s)) writes them (an invalid byte as U+FFFD), without the
	// slice of runes, four bytes a rune: each rune is told by the one before it as changed and
	// the one after it as written.
	var b strings.Builder
	b.Grow(len(s))
	changed := false
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == 'Ï' || r == '?') && unicode.IsUpper(prev) && i+n < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsUpper(next) {
				if r == 'Ï' {
					r = 'T'
				} else {
					r = 'I'
				}
				changed = true
			}
		}
		b.WriteRune(r)
		prev = r
		i += n
	}
	if !changed {
		return s
	}
	return b.String()
}

// ocrMisread reports whether ocrCapitals changes s: a Ï or a "?" between two capitals. Up to
// the first change the runes are those of s, and the first change is all it looks for.
func ocrMisread(s string) bool {
	var r0, r1 rune = -1, -1 // the two runes before r2
	for _, r2 := range s {
		if (r1 == 'Ï' || r1 == '?') && unicode.IsUpper(r0) && unicode.IsUpper(r2) {
			return true
		}
		r0, r1 = r1, r2
	}
	return false
}

// hasGuillemet is strings.Contains(f, "«") || strings.Contains(f, "»") in one pass: both open
// with the byte 0xc2, which each search looked for along the whole line.
func hasGuillemet(f string) bool {
	for {
		k := strings.IndexByte(f, 0xc2)
		if k < 0 || k+1 >= len(f) {
			return false
		}
		if c := f[k+1]; c == 0xab || c == 0xbb {
			return true
		}
		f = f[k+1:]
	}
}

// quoteStrip removes the quotation marks some registers put around vote labels.
var quoteStrip = strings.NewReplacer("«", " ", "»", " ", "\"", " ")

// stripQuotes is strings.Join(strings.Fields(quoteStrip.Replace(f)), " ") in one pass and one
// copy: the quotation marks read as spaces, and each run of spaces as one.
func stripQuotes(f string) string {
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for i := 0; i < len(f); {
		n := quoteOrSpace(f, i)
		if n > 0 {
			space = true
			i += n
			continue
		}
		// A word runs to the next mark or space: it is written whole.
		j := i + 1
		for j < len(f) {
			if c := f[j]; c < utf8.RuneSelf {
				if c == '"' || asciiSpace[c] != 0 {
					break
				}
			} else if c >= 0xc0 && quoteOrSpace(f, j) > 0 {
				break
			}
			j++
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(f[i:j])
		i = j
	}
	return b.String()
}

// quoteOrSpace returns the width of the rune at i of f when it is a quotation mark or a space
// (unicode.IsSpace), 0 otherwise. Only its first byte is looked at when it is ASCII, and a byte
// that continues a multi-byte rune (where a word's scan may stop) is neither.
func quoteOrSpace(f string, i int) int {
	c := f[i]
	if c < utf8.RuneSelf {
		if c == '"' || asciiSpace[c] != 0 {
			return 1
		}
		return 0
	}
	if c < 0xc0 {
		return 0
	}
	r, n := utf8.DecodeRuneInString(f[i:])
	if r == '«' || r == '»' || unicode.IsSpace(r) {
		return n
	}
	return 0
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
	loc := findSubmatchIndex(reDeferredVerb, f)
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
	// "… par 22 voix" / "Pour, et": a count whose label wrapped onto the next line.
	if end := strings.TrimRight(d.folded[i], " "); t.forN == nil && t.againstN == nil && (strings.HasSuffix(end, "voix") || strings.HasSuffix(end, "votes")) {
		if m := reCountWrapped.FindStringSubmatch(d.folded[i]); m != nil && strings.TrimSpace(d.folded[i+1]) != "" {
			n, _ := strconv.Atoi(m[1])
			switch w := strings.TrimLeft(d.folded[i+1], " «\"-"); {
			case strings.HasPrefix(w, "pour"):
				t.forN = &n
			case strings.HasPrefix(w, "contre"):
				t.againstN = &n
			}
		}
	}
	next := d.folded[i+1]
	if len(next) > 40 {
		next = next[:40]
	}
	// The joined text is built only when its stems can give an outcome: most vote lines and
	// their next lines hold none.
	m := joinedStems(d.folded[i], d.starStemsAt(i), next)
	if !(rejectStems.in(m) || deferStems.in(m) || notedStems.in(m)) {
		return
	}
	// Joined in the document's buffer: the outcome read keeps nothing of the text.
	buf := append(append(append(d.lm.fill.joined[:0], d.folded[i]...), ' '), next...)
	d.lm.fill.joined = buf
	f := unsafe.String(&buf[0], len(buf))
	if o, ok := outcomeStems(f, m); ok && o != t.outcome {
		if o != Noted || !reAdopted.MatchString(d.folded[i]) {
			t.outcome, t.explicit = o, true
		}
	}
}

// joinedStems is scanStems(line + " " + next) for a line whose stems m are known: those of the
// joined text are the line's and those that end after it, which start within the line's last
// stemIndex.overlap bytes.
func joinedStems(line string, m uint64, next string) uint64 {
	st, m := scanStemsFrom(0, m, line[max(0, len(line)-stemIndex.overlap):])
	st, m = scanStemsFrom(st, m, " ")
	_, m = scanStemsFrom(st, m, next)
	return m
}

// upperVerb reports whether a line carries a decision verb in capitals ("ACCEPTE", "DECIDE",
// "ADOPTE"), the way many registers print the operative words.
func upperVerb(raw string) bool { return hasUpperRun(raw) && upperVerbRun(raw) }

// upperVerbRun is upperVerb for a line known to hold a word in capitals.
func upperVerbRun(raw string) bool {
	// An upper verb opens its word (a run of letters) with an ASCII capital, then the capital
	// of its second letter or an accented one (a byte beyond ASCII): only the places that open
	// so are read, where walking every word of a line cost a rune decoding and a letter test a
	// character. Eight bytes at a time, a word of the line holding no capital followed by a
	// capital or a byte beyond ASCII is passed over (see capitals; the last byte of a word is
	// looked at whenever it is a capital).
	if len(raw) < 8 {
		for i := 0; i < len(raw); i++ {
			if upperVerbAt(raw, i) {
				return true
			}
		}
		return false
	}
	const highs = 0x8080808080808080
	i := 0
	for ; i+8 <= len(raw); i += 8 {
		x := leWord(raw[i : i+8])
		up := capitals(x)
		for cand := up & ((up|x&highs)>>8 | 1<<63); cand != 0; cand &= cand - 1 {
			// Most capitals open no verb: their byte is tested here, without a call.
			if j := i + bits.TrailingZeros64(cand)/8; upperVerbFirst.has(raw[j]) && upperVerbAt(raw, j) {
				return true
			}
		}
	}
	// The last eight bytes, over some read already: the places before i were looked at.
	if k := len(raw) - 8; i > k {
		return upperVerbIn(raw, k, ^uint64(0)<<(8*uint(i-k)))
	}
	return false
}

// upperVerbIn reports whether an upper verb opens at one of the eight bytes of raw from i that
// keep reads (a byte mask): at a capital followed by a capital or a byte beyond ASCII, or at
// the eighth byte if it is a capital.
func upperVerbIn(raw string, i int, keep uint64) bool {
	const highs = 0x8080808080808080
	x := leWord(raw[i : i+8])
	up := capitals(x)
	for cand := up & ((up|x&highs)>>8 | 1<<63) & keep; cand != 0; cand &= cand - 1 {
		if j := i + bits.TrailingZeros64(cand)/8; upperVerbFirst.has(raw[j]) && upperVerbAt(raw, j) {
			return true
		}
	}
	return false
}

// upperVerbAt reports whether a word of letters upperVerbWord accepts opens at byte i of raw.
func upperVerbAt(raw string, i int) bool {
	if i+1 >= len(raw) {
		return false
	}
	c := raw[i]
	if !upperVerbFirst.has(c) {
		return false
	}
	if n := raw[i+1]; n < utf8.RuneSelf && strings.IndexByte(upperVerbPairs[c], n) < 0 {
		return false
	}
	// c, ASCII, starts a rune wherever the line is read from: the rune before it is the one a
	// walk from the start decodes, and the word opens at i when that is no letter.
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(raw[:i]); unicode.IsLetter(r) {
			return false
		}
	}
	end := i + 1
	for end < len(raw) {
		r, n := utf8.DecodeRuneInString(raw[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	return upperVerbWord(raw[i:end])
}

// upperVerbPairs lists, by the capital an upper verb opens with, the capitals its second letter
// may be; upperVerbFirst holds those first capitals, for a test of one load a byte.
var upperVerbPairs, upperVerbFirst = func() (p [256]string, first byteSet) {
	for _, v := range upperVerbs {
		c0, c1 := v[0]-'a'+'A', v[1]-'a'+'A'
		first.add(c0)
		if strings.IndexByte(p[c0], c1) < 0 {
			p[c0] += string(rune(c1))
		}
	}
	return p, first
}()

// upperVerbWord reports whether w, a word of letters, is a decision verb in capitals.
func upperVerbWord(w string) bool {
	if len(w) < 5 || !strings.ContainsRune("ADV", rune(w[0])) || !isUpperWord(w) {
		return false
	}
	// reUpperVerb matches the whole text: one of upperVerbs. Each is compared with w folded
	// rune by rune, without the copy foldUpper makes.
	for _, v := range upperVerbs {
		if foldsTo(w, v) {
			return true
		}
	}
	return false
}

// foldsTo is foldUpper(w) == v for v in ASCII.
func foldsTo(w, v string) bool {
	k := 0
	for _, r := range w {
		if k == len(v) || foldUpperRune(r) != rune(v[k]) {
			return false
		}
		k++
	}
	return k == len(v)
}

// voteCounts reads the for, against and abstention counts of a line. A line writes them either
// label first ("Pour : 23 Contre : 0") or number first ("11 pour, 0 contre"); the form that reads
// more of the three wins, so that "23 Contre" in "Pour : 23 Contre : 0" is not taken as 23 against.
func voteCounts(f string) (forN, against, abst *int) { return voteCountsStems(f, ^uint64(0)) }

// voteCountsStems is voteCounts for a line whose stems m are known: a count pattern none of whose
// required words (countGates) the line holds is not run. Most count lines hold a "pour" and no
// "contre" nor "abstention".
func voteCountsStems(f string, m uint64) (forN, against, abst *int) {
	var lf, nf [3]*int
	nl, nn := 0, 0
	run := -1 // longestSpaceRun(f), read by the first pattern that needs it
	for k, pair := range countPatterns {
		if countGates[k][0]&m != 0 {
			if lf[k] = countHands[k][0].firstCountOr(pair[0], f, &run); lf[k] != nil {
				nl++
			}
		}
		if countGates[k][1]&m != 0 {
			if nf[k] = countHands[k][1].firstCountOr(pair[1], f, &run); nf[k] != nil {
				nn++
			}
		}
	}
	c := lf
	if nn > nl {
		c = nf
	}
	if c[0] == nil && strings.HasPrefix(strings.TrimLeft(f, "-• "), "pour") {
		c[0] = firstCount(reCountForLabel, f, &run)
	}
	return c[0], c[1], c[2]
}

// countPatterns are the count patterns voteCounts reads, label first then number first, for
// the for, against and abstention counts.
var countPatterns = [3][2]*spotRx{{reCountForL, reCountForN}, {reCountAgainstL, reCountAgainstN}, {reCountAbstL, reCountAbstN}}

// countGates holds, for each of countPatterns, the stems of its required words (litStems): a
// line holding none of them holds no match. They are read by init, once every stem is
// registered (variables register theirs in an order init does not depend on).
var countGates [3][2]uint64

// countHands holds the hand readers (countReaders) of countPatterns, nil for a pattern that has
// none.
var countHands [3][2]*countReader

// favourableGate is litStems of reVoteFavourable.
var favourableGate uint64

func init() {
	for k, pair := range countPatterns {
		for j, re := range pair {
			countGates[k][j] = litStems(re.rx)
			countHands[k][j] = countReaders[re.String()]
		}
	}
	favourableGate = litStems(reVoteFavourable)
}

// litStems is the mask of the registered stems found in the required words of re (rx.lits):
// every match holds one of these words, and so one of the stems. It is every bit when some word
// holds no stem, or re has no required words: the pattern then always runs.
func litStems(re *rx) uint64 {
	lits := re.prefilter().lits
	if lits == nil {
		return ^uint64(0)
	}
	var mask uint64
	for _, l := range lits {
		var b uint64
		for _, st := range stemIndex.stems {
			if strings.Contains(l, st) {
				b |= stemBit(st)
			}
		}
		if b == 0 {
			return ^uint64(0)
		}
		mask |= b
	}
	return mask
}

// foldUpper lower-cases a word in capitals and drops the accents French capitals carry, a cheap
// stand-in for normalize.Fold on the operative words ("DÉCIDE" → "decide").
func foldUpper(w string) string { return strings.Map(foldUpperRune, w) }

// foldUpperRune is foldUpper of one rune.
func foldUpperRune(r rune) rune {
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
}

// hasUpperRun reports whether s holds two capital ASCII letters in a row (a word in capitals).
func hasUpperRun(s string) bool {
	// Eight bytes at a time: the high bit of each byte of up is set when that byte is a capital
	// (bytes reduced to seven bits compare to 'A' and 'Z' by additions that carry into no
	// neighbour), and two neighbours in up make a run; carry holds the last byte's bit, moved
	// to the first byte's.
	if len(s) < 8 {
		prev := false
		for i := 0; i < len(s); i++ {
			c := s[i] >= 'A' && s[i] <= 'Z'
			if c && prev {
				return true
			}
			prev = c
		}
		return false
	}
	var carry uint64
	i := 0
	for ; i+8 <= len(s); i += 8 {
		up := capitals(leWord(s[i : i+8]))
		if up&(up>>8|carry) != 0 {
			return true
		}
		carry = up >> 56
	}
	if i == len(s) {
		return false
	}
	// The last eight bytes, over some read already: every pair of neighbours not read yet,
	// and the one across the last word read, is among theirs.
	up := capitals(leWord(s[len(s)-8:]))
	return up&(up>>8) != 0
}

// capitals marks with its high bit each byte of x that is a capital ASCII letter: the bytes
// reduced to seven bits compare to 'A' and 'Z' by additions that carry into no neighbour.
func capitals(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := x &^ highs
	return (y + ones*(128-'A')) &^ (y + ones*(127-'Z')) &^ x & highs
}

// isUpperWord is strings.ToUpper(w) == w without the copy: no rune of w changes in capitals,
// and w holds no invalid UTF-8 (which ToUpper would replace).
func isUpperWord(w string) bool {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if (r == utf8.RuneError && n == 1) || unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}

// hasDigit reports whether s holds an ASCII digit, eight bytes at a time: with every high bit
// set, subtracting n < 0x80 from a byte cannot borrow into the next, and the high bit survives
// exactly when the low seven bits are >= n; a byte of s with its own high bit set is no digit.
// The vote reader asks it of every line holding a count word ("pour" is common). The last
// bytes of a line of eight or more are read as its last eight, over some read already.
func hasDigit(s string) bool {
	if len(s) < 8 {
		for i := 0; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				return true
			}
		}
		return false
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if digitBytes(leWord(s[i:i+8])) != 0 {
			return true
		}
	}
	return i < len(s) && digitBytes(leWord(s[len(s)-8:])) != 0
}

// digitBytes marks with its high bit each byte of x that is an ASCII digit (see hasDigit).
func digitBytes(x uint64) uint64 {
	const low, high = 0x0101010101010101, 0x8080808080808080
	hx := x | high
	return (hx - '0'*low) &^ (hx - ('9'+1)*low) & high &^ x
}

// firstCount reads the first whole count that re captures in f. run is eachSubmatchIndex's.
func firstCount(re *spotRx, f string, run *int) *int {
	var out *int
	re.eachSubmatchIndex(f, run, func(m []int) bool {
		if m[2] < 0 || !isCount(f, m[3]) {
			return true
		}
		n, err := strconv.Atoi(f[m[2]:m[3]])
		if err == nil {
			out = &n
			return false
		}
		return true
	})
	return out
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
	clause      bool     // every trigger is a decision sentence (see clauses)
	one         [1]int   // the first line, which lines starts on
	// own is the array lines grows in (see appendLines), kept with content's from one use of
	// the draft to the next (see decisions): nothing of a decision points into them.
	own []int
}

// decisions reads the decisions of a section from its prose paragraphs (debate and tables left
// out). Lines that state a vote are grouped when they are close and agree (a "DECIDE à
// l'unanimité" line and the "Pour 9 / Contre 0" block under it are one decision); a list that a
// decision introduces is its content, split into one decision per item when each item is a
// délibération of its own ("DM n°3, n°4, n°5").
func (d *doc) decisions(prose []para) []Decision {
	n := 0
	for _, p := range prose {
		n += len(p.lines)
	}
	sc := &d.lm.fill
	lines := slices.Grow(sc.lines[:0], n)
	for _, p := range prose {
		lines = append(lines, p.lines...)
	}
	sc.lines = lines[:0]
	// Decision sentences no line states alone, by their first line (the last such sentence
	// stands for a line); inClause marks the other lines they cover, by offset from lo. Most
	// sections hold none: nothing is allocated for them.
	cls := sc.clauses[:0]
	for _, p := range prose {
		cls = append(cls, d.clauses(p)...)
	}
	sc.clauses = cls
	// A few clauses are looked through; many (a register of deliberations in one section)
	// are indexed, lest every line scan them all.
	var clauseIdx map[int]int
	if len(cls) > 8 {
		clauseIdx = make(map[int]int, len(cls))
		for k, c := range cls {
			clauseIdx[c.lines[0]] = k
		}
	}
	clauseAt := func(i int) (clause, bool) {
		if clauseIdx != nil {
			k, ok := clauseIdx[i]
			if !ok {
				return clause{}, false
			}
			return cls[k], true
		}
		for k := len(cls) - 1; k >= 0; k-- {
			if cls[k].lines[0] == i {
				return cls[k], true
			}
		}
		return clause{}, false
	}
	var inClause []bool
	lo := 0
	if len(cls) > 0 {
		// The span covers the clauses' lines too: a memoized clause comes from the paragraph
		// that first started at its line.
		hi := slices.Max(lines)
		lo = slices.Min(lines)
		for _, c := range cls {
			lo, hi = min(lo, slices.Min(c.lines)), max(hi, slices.Max(c.lines))
		}
		inClause = cleared(sc.inClause, hi-lo+1)
		sc.inClause = inClause
		for _, c := range cls {
			for _, i := range c.lines[1:] {
				inClause[i-lo] = true
			}
		}
	}
	drafts := sc.ptrs[:0]
	// Drafts are taken from the document's chunks, in order: no draft outlives the call.
	chunk, used := 0, 0
	var cur *draft
	gap := 0 // prose lines since the current draft's last line
	inList := false
	for k, i := range lines {
		if inClause != nil && inClause[i-lo] {
			continue
		}
		// Before the first draft only a line that triggers or opens a clause does anything: the
		// gap and the list state are read beside a draft only, and the first draft starts them
		// again. The other lines are passed without cleaning them or counting the tables
		// before them (decisionsRef, in the tests, reads them all).
		if cur == nil && !d.triggersAt(i) {
			if len(cls) == 0 {
				continue
			}
			if _, ok := clauseAt(i); !ok {
				continue
			}
		}
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
		// The cleaned line (cleanLine of the line, which the section reader remembers) is read
		// beside a draft, and to skip page numbers and lone marks.
		t := d.cleanAt(i)
		if mayPageNumber(t) && isPageNumber(t) || t == "-" || t == "•" {
			continue
		}
		// Whether the line is a list item matters only beside a draft.
		bullet := cur != nil && reBullet.MatchString(t)
		tr := d.trigAt(i)
		// Most sections hold no clause: the look-up is not called for them.
		var c clause
		isClause := false
		if len(cls) > 0 {
			c, isClause = clauseAt(i)
		}
		if isClause {
			tr = c.t
		}
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
		if tr.trigger && !isClause {
			tr.rewrap(d, i)
		}
		if !tr.trigger {
			if bullet && cur != nil && gap == 0 {
				continue // a list under a vote line: still close to it
			}
			gap++
			continue
		}
		// A draft whose last line ended its sentence, or that prose followed, is closed to a
		// second written outcome.
		closed := cur != nil && (gap > 0 || endsSentence(d.lines[cur.last].Text))
		if cur != nil && gap <= 5 && compatible(cur, tr, closed) {
			cur.merge(tr, i)
			cur.clause = cur.clause && isClause
			if isClause {
				cur.appendLines(c.lines[1:])
				cur.last = c.lines[len(c.lines)-1]
			}
			gap = 0
			continue
		}
		// Drafts are taken from chunks: one allocation for several, and their first line
		// held in place (a slice of capacity one, as []int{i} was).
		if chunk < len(sc.drafts) && used == len(sc.drafts[chunk]) {
			chunk, used = chunk+1, 0
		}
		if chunk == len(sc.drafts) {
			size := 2
			if chunk > 0 {
				size = min(2*len(sc.drafts[chunk-1])+2, 16)
			}
			sc.drafts = append(sc.drafts, make([]draft, size))
		}
		cur = &sc.drafts[chunk][used]
		used++
		own, content := cur.own, cur.content[:0]
		*cur = draft{trig: tr, first: i, last: i, clause: isClause, own: own, content: content}
		cur.one[0] = i
		cur.lines = cur.one[:1:1]
		if isClause {
			cur.lines = c.lines
			cur.last = c.lines[len(c.lines)-1]
		}
		drafts = append(drafts, cur)
		gap = 0
	}
	// A decision sentence with no vote of its own ("Article 1 : Le conseil municipal décide …")
	// restates the decision a vote line of the section carries: it is no second decision. Of
	// several such sentences and no vote, the first stands for the section.
	strong, weakKept := false, false
	for _, dr := range drafts {
		strong = strong || (!dr.weak() && dr.outcome != Rejected && dr.outcome != Deferred && dr.outcome != Noted)
	}
	var out []Decision
	if len(drafts) > 0 {
		// Each draft kept gives a decision at least, and one draft at least is kept.
		out = make([]Decision, 0, len(drafts))
	}
	for _, dr := range drafts {
		if dr.weak() {
			if strong || weakKept {
				continue
			}
			weakKept = true
		}
		out = d.finishDraft(out, dr)
	}
	sc.ptrs = drafts[:0]
	return out
}

// mayPageNumber reports whether isPageNumber can accept t: its text within dashes opens with a
// digit, a sign or "page". Most lines do not, and isPageNumber's failed number parse costs an
// error value each.
func mayPageNumber(t string) bool {
	if len(t) > 24 || t == "" {
		return false
	}
	// A text opening with none of the trimmed characters (" ", "-", "–", whose first byte is
	// 0xe2) is read as it is: Trim with a set beyond ASCII decodes it rune by rune.
	if c := t[0]; c != ' ' && c != '-' && c != 0xe2 {
		return c >= '0' && c <= '9' || c == '+' || c == 'p' || c == 'P'
	}
	t = strings.Trim(t, " -–")
	return t != "" && (t[0] >= '0' && t[0] <= '9' || t[0] == '+' || t[0] == 'p' || t[0] == 'P')
}

// weak reports whether a draft is only a decision sentence that adopts, with no vote stated.
func (dr *draft) weak() bool {
	return dr.clause && dr.outcome == Adopted && !dr.unanimous && !dr.dissent && !dr.counts()
}

// endsSentence reports whether a line ends with a full stop or a semicolon (a list item's end).
func endsSentence(s string) bool {
	// strings.TrimRight(s, " *") by hand: the body asks it of most lines, and a cutset of two
	// bytes builds its set at every call.
	i := len(s)
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '*') {
		i--
	}
	if i == 0 {
		return false
	}
	switch s[i-1] {
	case '.', ';', '!', '?':
		return true
	}
	return false
}

// compatible reports whether trigger t continues draft dr: neither restates a count the other
// gives, nor writes a different outcome, nor a second vote once the draft is closed.
func compatible(dr *draft, t trig, closed bool) bool {
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
	// Two lines that each write an outcome and its vote ("ADOPTÉ à l'unanimité." then "ADOPTÉ 9
	// voix pour, 5 abstentions.") are two decisions.
	// A tally block's own "Adopté à l'unanimité." under the chair's words restates them.
	if closed && dr.explicit && t.explicit && (dr.unanimous || dr.counts()) && (t.unanimous || t.counts()) {
		return false
	}
	// A unanimity never joins a vote with dissent: "à la majorité … 5 abstentions" then
	// "Adopté à l'unanimité" are two votes.
	if (dr.unanimous && t.dissenting()) || (t.unanimous && dr.dissenting()) {
		return false
	}
	return true
}

// dissenting reports whether a trigger says the vote was carried by a majority, or counts votes
// against. Abstentions alone do not: "Pour : 62 Abstentions : 3 Adopté à l'unanimité" is one
// vote, unanimous among the votes cast.
func (t trig) dissenting() bool {
	return t.majority || (t.againstN != nil && *t.againstN > 0)
}

// merge adds the evidence of trigger line i to the draft.
func (dr *draft) merge(t trig, i int) {
	if dr.outcome == "" {
		dr.outcome, dr.explicit = t.outcome, t.explicit
	}
	dr.unanimous = dr.unanimous || t.unanimous
	dr.dissent = dr.dissent || t.dissent
	dr.majority = dr.majority || t.majority
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
	one := [1]int{i}
	dr.appendLines(one[:])
}

// appendLines appends is to the draft's lines, in its own array when they fit there. Its
// first lines are the one it starts on or a clause's, both capped: an append copies them into
// a new array, which the draft keeps for its next use.
func (dr *draft) appendLines(is []int) {
	if len(is) == 0 {
		return // (lines may be a clause's, which own must never be)
	}
	if n := len(dr.lines) + len(is); n > cap(dr.lines) && n <= cap(dr.own) {
		dr.lines = append(dr.own[:0], dr.lines...)
	}
	dr.lines = append(dr.lines, is...)
	if cap(dr.lines) > cap(dr.own) {
		dr.own = dr.lines[:0]
	}
}

// finishDraft turns a draft into one decision, or one per délibération its list names, appended
// to out.
func (d *doc) finishDraft(out []Decision, dr *draft) []Decision {
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
	if dr.dissent || dr.counts() {
		dec.Voters = d.voters(dr)
	}
	// Each item is folded into one stack buffer, not into a string of its own (Fold is
	// string(AppendFold)).
	// The list splits when it holds two items or more, each naming a délibération: the items
	// are read up to the first that names none.
	split := len(dr.content) >= 2
	var stack [256]byte
	for _, c := range dr.content {
		if !split {
			break
		}
		split = bytes.Contains(normalize.AppendFold(stack[:0], c), contentDeliberation)
	}
	if split {
		for _, c := range dr.content {
			x := dec
			x.Text = strings.TrimSpace(strings.ReplaceAll(c, "**", ""))
			out = append(out, x)
		}
		return out
	}
	if len(dr.content) == 1 {
		dec.Text = strings.TrimSpace(strings.ReplaceAll(dr.content[0], "**", ""))
		return append(out, dec)
	}
	// Otherwise the text is the lines' words ("**" marks dropped) joined by single spaces, then
	// the list items, written in one buffer rather than through a slice of lines and joins.
	// (It is built only here: a list of one item or of délibérations replaces it.)
	label := ""
	// "Vote des comptes de gestion 2020 :" / "15 pour.": a bare vote line takes the label above it.
	if reVoteLine.MatchString(strings.TrimSpace(d.folded[dr.first])) {
		for j := dr.first - 1; j >= 0 && j >= dr.first-2; j-- {
			t := strings.TrimSpace(strings.ReplaceAll(d.lines[j].Text, "**", ""))
			if t == "" {
				continue
			}
			if strings.HasSuffix(t, ":") && !d.used[j] && !d.trigAt(j).trigger {
				label = t
			}
			break
		}
	}
	n := len(label)
	for _, i := range dr.lines {
		n += len(d.lines[i].Text) + 1
	}
	if len(dr.content) > 1 {
		for _, c := range dr.content {
			n += len(c) + 1
		}
	}
	var b strings.Builder
	b.Grow(n)
	appendWords(&b, label)
	for _, i := range dr.lines {
		appendWords(&b, strings.ReplaceAll(d.lines[i].Text, "**", ""))
	}
	if len(dr.content) > 1 {
		// dec.Text + " " + strings.Join(dr.content, " ")
		for _, c := range dr.content {
			b.WriteByte(' ')
			b.WriteString(c)
		}
	}
	dec.Text = b.String()
	return append(out, dec)
}

// contentDeliberation, in a list item the decision introduces, makes the item a délibération of
// its own.
var contentDeliberation = []byte("deliberation")

// appendWords writes the words of s (strings.Fields) to b, a space before each but the first of b.
func appendWords(b *strings.Builder, s string) {
	for w := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
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

// Words that each match of a voter pattern holds, in any case: the patterns ignore case and so
// have no literal prefilter, and their bounded repetitions make them slow. None holds a k or an
// s, the only ASCII letters that also fold to other characters (TestVoterGuards).
var (
	voterParenWords = []string{"contre", "tention", "prenant", "participation"} // and "(" ")"
	voterExceptWord = "xception de "
	voterNotVotWord = "prenant"
)

// containsASCIIFold reports whether s holds w (lower-case ASCII) in any ASCII case.
func containsASCIIFold[S ~string | ~[]byte](s S, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 != w[0] {
			continue
		}
		j := 1
		for j < len(w) {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// mayVoterParen reports whether reVoterParen can match raw.
func mayVoterParen(raw string) bool {
	if strings.IndexByte(raw, '(') < 0 || strings.IndexByte(raw, ')') < 0 {
		return false
	}
	for _, w := range voterParenWords {
		if containsASCIIFold(raw, w) {
			return true
		}
	}
	return false
}

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
		// The folded line is read for one word, in a stack buffer; it becomes a string only for
		// the pattern that word lets through (Fold is string(AppendFold)).
		var fstack [256]byte
		f := normalize.AppendFold(fstack[:0], raw)
		var m [][]string
		if mayVoterParen(raw) {
			m = reVoterParen.FindAllStringSubmatch(raw, -1)
		}
		if m != nil {
			for _, g := range m {
				add(voteOf(g[1]), g[2])
			}
			continue
		}
		if m := reVoterAfter.FindStringSubmatch(raw); m != nil {
			add(voteOf(m[1]), m[2])
			continue
		}
		if containsASCIIFold(f, voterExceptWord) && reVoterExcept.MatchString(string(f)) {
			// Read the names from the original line at the same place.
			if k := strings.Index(strings.ToLower(raw), "exception de "); k >= 0 {
				rest := raw[k+len("exception de "):]
				if e := strings.Index(strings.ToLower(rest), " qui s"); e > 0 {
					add("abstention", rest[:e])
				}
			}
			continue
		}
		if !containsASCIIFold(raw, voterNotVotWord) {
			continue
		}
		if m := reVoterNotVot.FindStringSubmatch(raw); m != nil {
			add("not_voting", m[1])
		}
	}
	return out
}

// clause is a decision written as a sentence over one or more lines of a paragraph: "Le Conseil
// Municipal considérant … décide de lui allouer …".
type clause struct {
	lines []int // the lines the sentence covers, in order
	t     trig
}

// maxClauseTail bounds how far after its subject a decision sentence's verb is looked for.
const maxClauseTail = 320

// clauses reads the decision sentences of a paragraph that no line of it states as a vote: the
// council as subject, then an operative verb (clauseVerbs). The sentence is read whole, so that
// a subject and a verb on two lines, or a unanimity on the line after the verb, count.
func (d *doc) clauses(p para) []clause {
	if len(d.bs.clauseOf) == 0 {
		d.bs.takeVoteMemo(len(d.lines))
	}
	switch k := d.bs.clauseOf[p.lines[0]]; k {
	case 0:
	case 1:
		return nil
	default:
		return d.bs.clauseLists[k-2]
	}
	c := d.readClauses(p)
	if c == nil {
		d.bs.clauseOf[p.lines[0]] = 1
	} else {
		d.bs.clauseOf[p.lines[0]] = int32(len(d.bs.clauseLists) + 2)
		d.bs.clauseLists = append(d.bs.clauseLists, c)
	}
	return c
}

// readClauses is clauses, uncached.
func (d *doc) readClauses(p para) []clause {
	// A paragraph is read when a line of it, "*" and all, holds a stem. Those stems are among
	// the ones of the line without its "*" (stemsAt), which tell most lines apart without
	// reading a line twice.
	// (starStemsAt is stemsAt for a line holding no "*", which stemsAt tells.)
	found := false
	for _, i := range p.lines {
		if m := d.stemsAt(i); clauseStems.in(m) && (m&stemStar == 0 || clauseStems.in(scanStems(d.folded[i]))) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	// pm gathers the stems of the text read, for clauseSubjects. A line with a "*" may hide a
	// stem its removal reveals: its stems are read without them (stemsAt). The space joining
	// two lines is in no noun's stem. segs keeps the stems of each line, for the noun search,
	// in the document's scratch slice.
	var pm uint64
	segs := d.bs.clauseSegs[:0]
	if cap(segs) < len(p.lines) {
		segs = make([]uint64, 0, max(len(p.lines), 8, 2*cap(segs)))
	}
	for _, i := range p.lines {
		m := d.stemsAt(i)
		pm |= m
		segs = append(segs, m)
	}
	d.bs.clauseSegs = segs
	// The paragraph's text, its lines joined by spaces; a paragraph of one line without a "*"
	// (most are) is read in place. Other texts are written in the document's scratch buffer and
	// read through a string viewing it: nothing read from f outlives this call (a trig holds
	// no text of its line), and the buffer is not written again before the next call.
	// starts holds the offset of each line in f, in the document's scratch slice (an array on
	// the stack would escape through it).
	starts := d.bs.clauseStarts[:0]
	if cap(starts) < len(p.lines) {
		starts = make([]int, 0, max(len(p.lines), 8, 2*cap(starts)))
	}
	var f string
	if len(p.lines) == 1 && d.stemsAt(p.lines[0])&stemStar == 0 {
		starts = append(starts, 0)
		f = strings.TrimSpace(d.folded[p.lines[0]])
	} else {
		n := 0
		for _, i := range p.lines {
			n += len(d.folded[i]) + 1
		}
		buf := d.bs.clauseText[:0]
		if cap(buf) < n {
			buf = make([]byte, 0, max(n, 2*cap(buf)))
		}
		for k, i := range p.lines {
			if k > 0 {
				buf = append(buf, ' ')
			}
			starts = append(starts, len(buf))
			if d.stemsAt(i)&stemStar == 0 {
				buf = append(buf, strings.TrimSpace(d.folded[i])...)
			} else {
				buf = appendClauseLine(buf, d.folded[i])
			}
		}
		d.bs.clauseText = buf
		if len(buf) > 0 {
			f = unsafe.String(&buf[0], len(buf))
		}
	}
	d.bs.clauseStarts = starts
	lineOf := func(off int) int {
		k := 0
		for k+1 < len(starts) && starts[k+1] <= off {
			k++
		}
		return k
	}
	var out []clause
	from := 0
	var lbuf [8][2]int
	// A noun is looked for in the lines whose stems hold its own (see clauseSubjectsIn).
	if len(p.lines) == 1 {
		segs = nil
	}
	for _, loc := range clauseSubjectsIn(f, lbuf[:0], pm, starts, segs) {
		if loc[0] < from {
			continue
		}
		s, e := loc[0], loc[1]
		ss, se := sentenceStart(f, e), sentenceEnd(f, e)
		from = se
		if from <= e {
			from = e
		}
		// A sentence that began long before its subject (a list or a table without a full
		// stop) is read from the subject's line.
		a, z := lineOf(ss), lineOf(max(ss, se-1))
		if k := lineOf(s); k-a > 2 {
			a, ss = k, starts[k]
		}
		// Capped at its end: a draft grown from the clause appends to these lines, which must
		// not write over the paragraph's next line number.
		lines := p.lines[a : z+1 : z+1]
		triggered := false
		for _, i := range lines {
			if d.trigAt(i).trigger {
				triggered = true
				break
			}
		}
		if triggered {
			continue
		}
		// The verb is looked for only in a sentence no line of which is a vote already: the
		// line triggers are memoized, the verb patterns are not.
		o, ok := clauseOutcome(f[e:min(se, e+maxClauseTail)])
		if !ok {
			continue
		}
		// The raw lines are joined in the document's buffer: a trig holds no text of its line.
		raw := d.bs.clauseRaw[:0]
		for _, i := range lines {
			raw = append(append(raw, d.lines[i].Text...), ' ')
		}
		d.bs.clauseRaw = raw
		t := lineTrigger(f[ss:se], unsafe.String(&raw[0], len(raw)))
		if t.outcome == "" || (o != Adopted && t.outcome == Adopted) {
			t.outcome = o
		}
		t.trigger, t.explicit = true, true
		t.colon = strings.HasSuffix(strings.TrimSpace(f[ss:se]), ":")
		out = append(out, clause{lines: lines, t: t})
	}
	return out
}

// appendClauseLine appends strings.TrimSpace(strings.ReplaceAll(s, "*", "")) to buf, without
// the two strings between ("*" is no byte of a longer UTF-8 sequence).
func appendClauseLine(buf []byte, s string) []byte {
	start := len(buf)
	for {
		k := strings.IndexByte(s, '*')
		if k < 0 {
			buf = append(buf, s...)
			break
		}
		buf = append(buf, s[:k]...)
		s = s[k+1:]
	}
	t := bytes.TrimSpace(buf[start:])
	return buf[:start+copy(buf[start:], t)]
}

// clauseSubjects finds, in document order, the subjects of decision sentences in folded text f
// (start and end offsets): a council noun (clauseNouns) after an article, itself at a sentence
// boundary. A byte search finds the nouns; the words before them are checked by hand, which is
// much cheaper than a pattern that opens with no literal. The subjects are appended to out.
//
// m holds the stems of f: a noun none of whose stems (clauseNounStems) is among them is not
// looked for.
func clauseSubjects(f string, out [][2]int, m uint64) [][2]int {
	return clauseSubjectsIn(f, out, m, nil, nil)
}

// clauseSubjectsIn is clauseSubjects of a text made of lines joined by spaces, each starting at
// its offset in starts, with segStems[k] the stems of line k (nil for a text read whole). A
// noun holding no space lies within one line, and within a line whose stems hold its own: the
// other lines are not searched, where many lines of a long paragraph name no council.
func clauseSubjectsIn(f string, out [][2]int, m uint64, starts []int, segStems []uint64) [][2]int {
	for k, noun := range clauseNouns {
		nb := clauseNounStems[k]
		if m&nb == 0 {
			continue
		}
		if segStems == nil || !clauseNounInLine[k] {
			out = nounSubjects(f, noun, 0, len(f), out)
			continue
		}
		for j, s := range starts {
			if segStems[j]&nb == 0 {
				continue
			}
			e := len(f)
			if j+1 < len(starts) {
				e = starts[j+1] - 1 // the space joining the next line
			}
			out = nounSubjects(f, noun, s, e, out)
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// nounSubjects appends to out the subjects of decision sentences in f (see clauseSubjects) whose
// noun occurs within f[from:to].
func nounSubjects(f, noun string, from, to int, out [][2]int) [][2]int {
	for at := from; ; {
		k := strings.Index(f[at:to], noun)
		if k < 0 {
			break
		}
		p := at + k
		at = p + len(noun)
		if (p > 0 && isWordByte(f[p-1]) && f[p-1] != '\'') || (at < len(f) && isWordByte(f[at])) {
			continue
		}
		q := p
		if noun != clauseAfterDeliberation {
			for _, m := range clauseMembers {
				if strings.HasSuffix(f[:q], m) {
					q -= len(m)
					break
				}
			}
			art := false
			for _, a := range clauseArticles {
				if strings.HasSuffix(f[:q], a) && (q == len(a) || !isWordByte(f[q-len(a)-1])) {
					q -= len(a)
					art = true
					break
				}
			}
			if !art {
				continue
			}
		}
		if subjectBoundary(f[:q]) {
			out = append(out, [2]int{q, at})
		}
	}
	return out
}

// subjectBoundary reports whether the text before a subject ends where a subject may open: the
// start, a punctuation mark, "délibéré" or "et".
func subjectBoundary(before string) bool {
	r := strings.TrimRight(before, " ")
	if r == "" || strings.IndexByte(",;:(.!?>", r[len(r)-1]) >= 0 {
		return true
	}
	for _, w := range clauseBoundaryWords {
		if strings.HasSuffix(r, w) && (len(r) == len(w) || r[len(r)-len(w)-1] == ' ') {
			return true
		}
	}
	return false
}

// clauseNounStems holds, for each of clauseNouns, the bits of the clauseStems it contains and that
// hold no space (so that an occurrence lies within one line): a text without any of them holds
// no such noun. A noun without such a stem gets every bit, and is always looked for.
var clauseNounStems = func() []uint64 {
	out := make([]uint64, len(clauseNouns))
	for k, noun := range clauseNouns {
		for _, st := range clauseStems.list {
			if strings.Contains(noun, st) && !strings.Contains(st, " ") {
				out[k] |= stemBit(st)
			}
		}
		if out[k] == 0 {
			out[k] = ^uint64(0)
		}
	}
	return out
}()

// clauseNounInLine tells the clauseNouns that hold no space, and so lie within one line of a
// paragraph (its lines are joined by spaces), and that have stems of their own: the search
// of the whole text, from the end of each occurrence, finds in each line what a search of
// that line finds.
var clauseNounInLine = func() []bool {
	out := make([]bool, len(clauseNouns))
	for k, noun := range clauseNouns {
		out[k] = strings.IndexByte(noun, ' ') < 0 && clauseNounStems[k] != ^uint64(0)
	}
	return out
}()

// isWordByte reports whether b is an ASCII letter or digit (folded text).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// hasClause reports whether folded text f holds a decision sentence (council subject, then an
// operative verb): a line that opens "Considérant que …" and then decides is no visa.
func hasClause(f string) bool {
	m := scanStems(f)
	if !clauseStems.in(m) {
		return false
	}
	var lbuf [8][2]int
	for _, loc := range clauseSubjects(f, lbuf[:0], m) {
		e := loc[1]
		if _, ok := clauseOutcome(f[e:min(sentenceEnd(f, e), e+maxClauseTail)]); ok {
			return true
		}
	}
	return false
}

// clauseOutcome reads the outcome of the part of a sentence after its subject: a refusal
// anywhere, else the first operative verb, unless an auxiliary or a modal stands before it.
func clauseOutcome(tail string) (string, bool) {
	for off, n := 0, 0; n < 4 && off < len(tail); n++ {
		m := reClauseVerb.FindStringSubmatchIndex(tail[off:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += off
			}
		}
		off = m[1]
		if reClauseBlock.MatchString(tail[:m[0]]) {
			return "", false
		}
		if reClauseRejected.MatchString(tail) {
			return Rejected, true
		}
		for k := range clauseVerbs {
			if m[2+2*k] < 0 {
				continue
			}
			// "prend connaissance de la convention et après en avoir délibéré, …": reading
			// before the vote, which comes next.
			if clauseVerbs[k].outcome == Noted && reClauseGoesOn.MatchString(tail[m[1]:]) {
				break
			}
			return clauseVerbs[k].outcome, true
		}
	}
	return "", false
}

// sentenceEnd is the offset just after the sentence that holds offset from ends: a full stop
// (not an abbreviation's: "M.", "H.T."), a semicolon, a colon, "!" or "?" followed by a space or
// the end of the text.
func sentenceEnd(f string, from int) int {
	// One table look-up a byte: isSentenceEnd, a call, is asked about its marks only.
	for k := from; k < len(f); k++ {
		if sentenceMark[f[k]] && isSentenceEnd(f, k) {
			return k + 1
		}
	}
	return len(f)
}

// sentenceStart is the offset where the sentence holding offset at begins.
func sentenceStart(f string, at int) int {
	for k := at - 1; k >= 0; k-- {
		if sentenceMark[f[k]] && isSentenceEnd(f, k) {
			for k+1 < at && f[k+1] == ' ' {
				k++
			}
			return k + 1
		}
	}
	return 0
}

// sentenceMarks are the marks that end a sentence when a space or the end of the text follows;
// sentenceMark holds them by byte.
const sentenceMarks = ".;:!?"

var sentenceMark = func() (t [256]bool) {
	for i := 0; i < len(sentenceMarks); i++ {
		t[sentenceMarks[i]] = true
	}
	return t
}()

// isSentenceEnd reports whether the byte at k ends a sentence.
func isSentenceEnd(f string, k int) bool {
	if !sentenceMark[f[k]] {
		return false
	}
	if k+1 < len(f) && f[k+1] != ' ' {
		return false
	}
	if f[k] != '.' {
		return true
	}
	// An abbreviation: a word of one letter ("M.", "H.T.") or a civility ("Mme.").
	w := k
	for w > 0 && f[w-1] >= 'a' && f[w-1] <= 'z' {
		w--
	}
	word := f[w:k]
	return !(len(word) == 1 || abbreviations[word])
}

// abbreviations end in a full stop that ends no sentence.
var abbreviations = map[string]bool{"mm": true, "mme": true, "mmes": true, "mlle": true, "me": true, "st": true,
	"ste": true, "no": true, "art": true, "cf": true, "av": true, "bd": true, "dr": true, "ch": true, "ex": true}
