package parse

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// handMatchers are exact hand-written readers of a few patterns anchored at the start of the
// text, by the source of their pattern: each returns the end of the (leftmost-first) match
// starting at 0, or -1 when there is none. These patterns run on nearly every line, and the
// backtracker clears state in proportion to the line's length before it even tries the first
// byte. FuzzHandMatchers checks that each agrees with its pattern on every text.
var handMatchers = map[string]func(string) int{
	`^\s*(?:[-–—•·▪►➢✓→*Ø§]|\x{F0B7}|\x{F0D8}|\x{F0A7}|\x{F0FC}|\x{F0E0}|o\s)\s*`:                                                                      bulletEnd,
	`^[-–+(]?\s*\d[\d \x{00A0}\x{202F}.,']*\)?\s*(?:€|euros?|eur|k€|%)?\s*(?:ht|ttc|h\.t\.)?\s*\*?$`:                                                   bareNumberEnd,
	`^(?:\d+(?:\.\d+)*\.?|[IVX]+\.?|[A-Za-z][.)]|[-–—•*·➢✓▪►\x{f0b7}\x{f0d8}\x{f0a7}\x{f0fc}])$`:                                                       numberingEnd,
	`^\p{Lu}{3,}(?:[ '’-]\p{Lu}{2,})*\s+[-–—:]\s+\S`:                                                                                                   themeHeadingEnd,
	`^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$|^\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})$|^\d{1,2}-\d{1,2}-(?:\d{2}|\d{4})$|^(?:19|20)\d{2}\s*[-/]\s*(?:19|20)\d{2}$`: dateLikeEnd,
	`^\d{4}\.\d{2}\.\d{2}\s*-`:                            dateNumberEnd,
	`^\p{Lu}[\p{L}'’-]+\s*,\s*(?:\p{Lu}\.\s*){1,3}\p{Lu}`: initialsListEnd,
}

// skipSpace returns the end of the run of \s (ASCII white space but \v) at i.
func skipSpace(s string, i int) int {
	for i < len(s) && isGapSpace(s[i]) {
		i++
	}
	return i
}

// bulletEnd reads reBullet: white space, one bullet (or "o" and a white space), white space.
// Bullets and "o" are no white space, so the greedy runs never have to give back.
func bulletEnd(s string) int {
	i := skipSpace(s, 0)
	if i == len(s) {
		return -1
	}
	if c := s[i]; c < utf8.RuneSelf {
		switch {
		case c == '-' || c == '*':
			i++
		case c == 'o' && i+1 < len(s) && isGapSpace(s[i+1]):
			i += 2
		default:
			return -1
		}
		return skipSpace(s, i)
	}
	// Invalid UTF-8 reads as U+FFFD, which is no bullet.
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '–', '—', '•', '·', '▪', '►', '➢', '✓', '→', 'Ø', '§',
		'\uF0B7', '\uF0D8', '\uF0A7', '\uF0FC', '\uF0E0':
		return skipSpace(s, i+n)
	}
	return -1
}

// bareNumberEnd reads reBareNumber (a whole line: its match ends at len(s)). The run of digits
// and separators is taken whole: what it could give back to the rest of the pattern is only
// its final spaces, which the \s* after it takes as well, since the rest opens with no
// character of the run.
func bareNumberEnd(s string) int {
	i := 0
	if i < len(s) {
		switch {
		case s[i] == '-' || s[i] == '+' || s[i] == '(':
			i++
		case strings.HasPrefix(s, "–"):
			i += len("–")
		}
	}
	i = skipSpace(s, i)
	if i == len(s) || s[i] < '0' || s[i] > '9' {
		return -1
	}
	i++
	for i < len(s) {
		c := s[i]
		switch {
		case bareRunBytes[c]:
			i++
			continue
		case c == 0xC2 && strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
			continue
		case c == 0xE2 && strings.HasPrefix(s[i:], "\u202f"):
			i += len("\u202f")
			continue
		}
		break
	}
	if i < len(s) && s[i] == ')' {
		i++
	}
	i = skipSpace(s, i)
	// Most lines that open with a number go on with a word: the tail can match only at its
	// end, or where a unit, a tax or the final star opens (bareTailOpens).
	if i < len(s) && !bareTailOpens[s[i]] {
		return -1
	}
	// The tail is read to the end of the text: a byte of no unit, tax nor white space, and
	// not the star, leaves no way to match ("13 € le tarif").
	for k := i; k < len(s); k++ {
		if !bareTailBytes[s[k]] {
			return -1
		}
	}
	for _, unit := range bareUnits {
		if !strings.HasPrefix(s[i:], unit) {
			continue
		}
		j := skipSpace(s, i+len(unit))
		for _, tax := range bareTaxes {
			if !strings.HasPrefix(s[j:], tax) {
				continue
			}
			if k := skipSpace(s, j+len(tax)); k == len(s) || k == len(s)-1 && s[k] == '*' {
				return len(s)
			}
		}
	}
	return -1
}

// numberingMarks are the bullets reNumbering reads alone as a list item's mark.
var numberingMarks = []rune{'-', '–', '—', '•', '*', '·', '➢', '✓', '▪', '►', '\uF0B7', '\uF0D8', '\uF0A7', '\uF0FC'}

// numberingEnd reads reNumbering, which matches a whole text: len(s) when s is a dotted number
// ("6.5.2", "1."), roman numerals ("II", "IV."), a letter and its dot or bracket ("a)") or a
// lone bullet; -1 otherwise. Each run is read whole, as the pattern's greedy runs read it: a
// text that opens as one form and goes on otherwise is of no form.
func numberingEnd(s string) int {
	if s == "" {
		return -1
	}
	i := 0
	switch c := s[0]; {
	case '0' <= c && c <= '9':
		i = digitRun(s, 0)
		for i+1 < len(s) && s[i] == '.' && asciiDigit(s[i+1]) {
			i += 1 + digitRun(s, i+1)
		}
		if i < len(s) && s[i] == '.' {
			i++
		}
	case c == 'I' || c == 'V' || c == 'X':
		i = romanRun(s, 0)
		if i < len(s) && s[i] == '.' {
			i++
		}
		if i < len(s) && i == 1 && s[i] == ')' {
			i++ // "I)", "V)", "X)": a letter and its bracket
		}
	case 'a' <= c|0x20 && c|0x20 <= 'z':
		if len(s) == 2 && (s[1] == '.' || s[1] == ')') {
			i = 2
		}
	default:
		r, n := utf8.DecodeRuneInString(s)
		if slices.Contains(numberingMarks, r) {
			i = n
		}
	}
	if i != len(s) {
		return -1
	}
	return i
}

// bareUnits and bareTaxes are the alternatives of reBareNumber's unit and tax suffix, the
// empty one included.
var (
	bareUnits = []string{"", "€", "euros", "euro", "eur", "k€", "%"}
	bareTaxes = []string{"", "ht", "ttc", "h.t."}
)

// bareRunBytes marks the ASCII bytes of reBareNumber's run of digits and separators
// ([\d \x{00A0}\x{202F}.,']: the two wider spaces are read apart).
var bareRunBytes = func() (t [256]bool) {
	for _, c := range []byte("0123456789 .,'") {
		t[c] = true
	}
	return t
}()

// bareTailBytes marks the bytes that reBareNumber's tail may hold: those of a unit or a tax,
// white space (\s, isGapSpace), the final '*'. Read from the tables above.
var bareTailBytes = func() (t [256]bool) {
	for _, w := range slices.Concat(bareUnits, bareTaxes, []string{"*"}) {
		for k := 0; k < len(w); k++ {
			t[w[k]] = true
		}
	}
	for c := range 256 {
		t[c] = t[c] || isGapSpace(byte(c))
	}
	return t
}()

// bareTailOpens marks the first bytes of reBareNumber's tail after the number and its spaces:
// of a unit, of a tax, or the final '*'. Read from the tables above.
var bareTailOpens = func() (t [256]bool) {
	t['*'] = true
	for _, w := range slices.Concat(bareUnits, bareTaxes) {
		if w != "" {
			t[w[0]] = true
		}
	}
	return t
}()

// subMatch is a hand submatcher's answer: the ints of FindStringSubmatchIndex in m[:n], n == 0
// when there is no match. A value and not a slice: the vote reader asks whether a line holds a
// match and drops it, and a slice would cost an allocation each time.
type subMatch struct {
	m [4]int
	n int
}

// slice is the answer as FindStringSubmatchIndex gives it.
func (s subMatch) slice() []int {
	if s.n == 0 {
		return nil
	}
	return slices.Clone(s.m[:s.n])
}

// handSubmatchers are exact hand-written readers of a few unanchored patterns, by the source of
// their pattern: each returns the leftmost match and its groups, as FindStringSubmatchIndex
// does. A spot pattern runs its backtracker at every spot, which clears state in proportion to
// the rest of the line each time ("a" is a spot of reDeferredVerb), and it finds every spot of
// the line before trying the first. FuzzHandSubmatchers checks that each agrees with its
// pattern on every text; a pattern whose source changes loses its reader
// (TestHandSubmatchersUsed then fails) and runs as a regexp again.
var handSubmatchers = map[string]func(string) subMatch{
	`unanimite des (?:votants|suffrages exprimes|voix exprimees)\s*\(?\s*(\d{1,3})\s*(?:voix|votants)`:                     votersTotalIndex,
	`\b(?:(?:est|sont|sera|seront)\s+|(?:a|ont)\s+(?:donc\s+)?ete\s+)(?:donc\s+)?(?:reporte|ajourne|retire|differe)e?s?\b`: deferredVerbIndex,
	`\b(?:conseil|assemblee|membres|conseillers|elus|comite|bureau|l'ensemble des)\b|\bdecision\s*:`:                       councilIndex,
	`^(\s*\d{1,2}(?:\.\d{1,2})*)[.)]?\t+`: numberTabIndex,
	endVerbExpr:                           endVerbIndex,
}

// votersTotalLead, votersTotalWhom and votersTotalUnits are the parts of reVotersTotal: its
// opening literal, the alternatives after it (no one a prefix of another, so at most one
// reads), and those after the count.
var (
	votersTotalLead  = "unanimite des "
	votersTotalWhom  = []string{"votants", "suffrages exprimes", "voix exprimees"}
	votersTotalUnits = []string{"voix", "votants"}
)

// votersTotalIndex reads reVotersTotal. A match starts at the lead, which cannot overlap
// itself; after it nothing can be given back: the runs of white space and the "(" are followed
// by a digit, which none of them is, and the count (at most three digits) must be followed by
// no digit.
func votersTotalIndex(s string) subMatch {
	for from := 0; from < len(s); {
		k := strings.Index(s[from:], votersTotalLead)
		if k < 0 {
			return subMatch{}
		}
		start := from + k
		if m := votersTotalAt(s, start, start+len(votersTotalLead)); m.n > 0 {
			return m
		}
		from = start + 1
	}
	return subMatch{}
}

// votersTotalAt reads the rest of reVotersTotal at i, for a match starting at start.
func votersTotalAt(s string, start, i int) subMatch {
	j := prefixEnd(s, i, votersTotalWhom)
	if j < 0 {
		return subMatch{}
	}
	j = skipSpace(s, j)
	if j < len(s) && s[j] == '(' {
		j++
	}
	d := skipSpace(s, j)
	n := 0
	for d+n < len(s) && n < 4 && '0' <= s[d+n] && s[d+n] <= '9' {
		n++
	}
	if n == 0 || n > 3 {
		return subMatch{}
	}
	end := prefixEnd(s, skipSpace(s, d+n), votersTotalUnits)
	if end < 0 {
		return subMatch{}
	}
	return subMatch{[4]int{start, end, d, d + n}, 4}
}

// prefixEnd returns the end of the first of words that s holds at i, -1 when none.
func prefixEnd(s string, i int, words []string) int {
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w)
		}
	}
	return -1
}

// submatches turns FindStringSubmatchIndex's answer into FindStringSubmatch's.
func submatches(s string, m []int) []string {
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for k := range out {
		if m[2*k] >= 0 {
			out[k] = s[m[2*k]:m[2*k+1]]
		}
	}
	return out
}

// The parts of reDeferredVerb: the auxiliaries followed by white space, those followed by
// white space and the participle, the word that may come before the participle or the verb,
// and the verbs. The alternatives of each list open differently, so at most one reads.
var (
	deferAux      = []string{"est", "sont", "sera", "seront"}
	deferAuxPerf  = []string{"a", "ont"}
	deferPerf     = "ete"
	deferThen     = "donc"
	deferVerbs    = []string{"reporte", "ajourne", "retire", "differe"}
	deferAuxFirst = func() (b byteSet) {
		for _, w := range append(slices.Clone(deferAux), deferAuxPerf...) {
			b.add(w[0])
		}
		return b
	}()
)

// deferredVerbIndex reads reDeferredVerb: its leftmost match, as [start, end]. A match opens at
// a word boundary with an auxiliary. Nothing read after it can be given back: each run of
// white space is followed by a letter, each optional word is followed by white space, which
// the word that would read instead does not open with, and only the final "e?s?\b" has
// choices, tried in the pattern's order.
//
// Every match ends with a verb and holds, before it, only letters and white space: a match
// starts in the run of such bytes that ends at an occurrence of a verb. Only those runs are
// tried, in order, where trying every byte of a long line cost more than the rest of the line's
// reading.
func deferredVerbIndex(s string) subMatch {
	var buf [8]int
	verbs := buf[:0]
	for _, w := range deferVerbs {
		for from := 0; ; {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			verbs = append(verbs, from+k)
			from += k + 1
		}
	}
	slices.Sort(verbs)
	tried := 0 // the starts before it are tried
	for _, v := range verbs {
		r := v
		for r > tried && (s[r-1] >= 'a' && s[r-1] <= 'z' || isGapSpace(s[r-1])) {
			r--
		}
		for p := max(r, tried); p < v; p++ {
			if !deferAuxFirst.has(s[p]) || p > 0 && isASCIIWord(s[p-1]) {
				continue
			}
			if e := deferredVerbAt(s, p); e >= 0 {
				return subMatch{[4]int{p, e}, 2}
			}
		}
		tried = max(tried, v)
	}
	return subMatch{}
}

// deferredVerbAt returns the end of reDeferredVerb's match at p, -1 when none.
func deferredVerbAt(s string, p int) int {
	j := -1
	if k := prefixEnd(s, p, deferAux); k >= 0 {
		j = spaceRun(s, k)
	} else if k := prefixEnd(s, p, deferAuxPerf); k >= 0 {
		if j = spaceRun(s, k); j < 0 {
			return -1
		}
		if strings.HasPrefix(s[j:], deferThen) {
			if k := spaceRun(s, j+len(deferThen)); k >= 0 {
				j = k
			}
		}
		if !strings.HasPrefix(s[j:], deferPerf) {
			return -1
		}
		j = spaceRun(s, j+len(deferPerf))
	}
	if j < 0 {
		return -1
	}
	if strings.HasPrefix(s[j:], deferThen) {
		if k := spaceRun(s, j+len(deferThen)); k >= 0 {
			j = k
		}
	}
	if j = prefixEnd(s, j, deferVerbs); j < 0 {
		return -1
	}
	// e?s?\b: with "e" and "s", "e" alone, "s" alone, neither.
	e := j < len(s) && s[j] == 'e'
	for _, c := range [4][2]bool{{true, true}, {true, false}, {false, true}, {false, false}} {
		q := j
		if c[0] {
			if !e {
				continue
			}
			q++
		}
		if c[1] {
			if q >= len(s) || s[q] != 's' {
				continue
			}
			q++
		}
		// The byte before q is a letter: \b holds where a word ends.
		if q == len(s) || !isASCIIWord(s[q]) {
			return q
		}
	}
	return -1
}

// spaceRun returns the end of the run of \s at i, -1 when there is none (\s+).
func spaceRun(s string, i int) int {
	if e := skipSpace(s, i); e > i {
		return e
	}
	return -1
}

// isASCIIWord reports whether c is a word character of \b: an ASCII letter, digit or "_" (a
// byte of a multi-byte character is part of no word character).
func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// The parts of reCouncil: the council nouns, whole words tried in the pattern's order, and the
// word that must be followed by a colon.
var (
	councilWords    = []string{"conseil", "assemblee", "membres", "conseillers", "elus", "comite", "bureau", "l'ensemble des"}
	councilDecision = "decision"
	councilFirst    = func() (b byteSet) {
		for _, w := range append(slices.Clone(councilWords), councilDecision) {
			b.add(w[0])
		}
		return b
	}()
)

// councilIndex reads reCouncil: its leftmost match, as [start, end]. Every alternative opens
// with a letter after a word boundary; at a start, the first noun in the pattern's order that
// ends a word wins ("conseil" before "conseillers"), then "decision", white space and ":".
func councilIndex(s string) subMatch {
	for p := 0; p < len(s); p++ {
		if !councilFirst.has(s[p]) || p > 0 && isASCIIWord(s[p-1]) {
			continue
		}
		for _, w := range councilWords {
			if e := p + len(w); strings.HasPrefix(s[p:], w) && (e == len(s) || !isASCIIWord(s[e])) {
				return subMatch{[4]int{p, e}, 2}
			}
		}
		if strings.HasPrefix(s[p:], councilDecision) {
			if e := skipSpace(s, p+len(councilDecision)); e < len(s) && s[e] == ':' {
				return subMatch{[4]int{p, e + 1}, 2}
			}
		}
	}
	return subMatch{}
}

// handMatchesAny are exact hand-written tests of whether a text holds a match of a few
// unanchored patterns, by the source of their pattern. Go's backtracker tries an alternation
// opening with "^" or a class at every byte of the line; these look for the verbs the pattern
// cannot do without and read around each. FuzzHandMatchesAny checks them against their patterns.
var handMatchesAny = map[string]func(string) bool{
	`(?:^|[→>:]\s*|deliberation |proposition )(?:adopte|approuve|accepte|rejete|ajourne|reporte)e?s?\b|[a-z] (?:est|sont) (?:donc )?(?:adoptee?s?|approuvee?s?|acceptee?s?)\b`: strongVerbAny,
	`\b(?:adopt|approuv|accept)(?:e|ee|es|ees|ent)\b`: adoptedAny,
	`unanimit|unanimement`:                            unanimousAny,
	`\b(?:conseil|assemblee|membres|conseillers|elus|comite|bureau|l'ensemble des)\b|\bdecision\s*:`:                                                                                     councilAny,
	`^(?:[-•]\s*)?(?:vu |vus |considerant|attendu|apres avis|sur (?:le )?rapport|il est (?:propose|demande)|il vous est propose|je vous propose|propose(?:s)? (?:au|de)|proposition de)`: visaAny,
	`^(?:[-•]\s*)?(?:vote\s*:?\s*)?(?:(?:pour|contre|abstentions?|nuls?|blancs?)\s*[:=]?\s*(?:\d{1,3}\b|$)|\d{1,3}\s*(?:voix\s+)?(?:pour|contre|abstentions?)\b)`:                        voteLineAny,
	`\b(?:a ete|ont ete|sont|est) proclamee?s?\b|\b\d{1,3}\s*(?:votes?|voix|suffrages?)\b.{0,20}\belue?s?\b`:                                                                             electedAny,
}

// unanimousWords are the alternatives of reUnanimous, plain words: the pattern matches where
// one of them is.
var unanimousWords = []string{"unanimit", "unanimement"}

// unanimousAny tells whether s holds a match of reUnanimous: the backtracker cleared state in
// proportion to the line after each "unanim" the literal search found.
func unanimousAny(s string) bool {
	for _, w := range unanimousWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// councilAny tells whether s holds a match of reCouncil (councilIndex finds the leftmost one):
// one of its nouns as a whole word, or "decision", white space and ":". A search by noun
// skips the bytes that open none, where councilIndex tried every byte that opens one.
func councilAny(s string) bool {
	for _, w := range councilWords {
		for from := 0; ; {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			p := from + k
			from = p + 1
			if e := p + len(w); (p == 0 || !isASCIIWord(s[p-1])) && (e == len(s) || !isASCIIWord(s[e])) {
				return true
			}
		}
	}
	for from := 0; ; {
		k := strings.Index(s[from:], councilDecision)
		if k < 0 {
			return false
		}
		p := from + k
		from = p + 1
		if p > 0 && isASCIIWord(s[p-1]) {
			continue
		}
		if e := skipSpace(s, p+len(councilDecision)); e < len(s) && s[e] == ':' {
			return true
		}
	}
}

// The parts of reVisa and reVoteLine: the marks either may open with (each followed by white
// space), the visa openings, the word a vote line may open with, the labels of a count written
// label first, the word between a count and its label, and the labels of a count written
// number first.
var (
	lineMarks     = []string{"-", "•"}
	visaOpenings  = []string{"vu ", "vus ", "considerant", "attendu", "apres avis", "sur le rapport", "sur rapport", "il est propose", "il est demande", "il vous est propose", "je vous propose", "propose au", "propose de", "proposes au", "proposes de", "proposition de"}
	voteLineWord  = "vote"
	voteLineLabel = []string{"pour", "contre", "abstention", "abstentions", "nul", "nuls", "blanc", "blancs"}
	voteLineVoix  = "voix"
	voteLineAfter = []string{"pour", "contre", "abstention", "abstentions"}
)

// byFirst sorts words by their first byte, so that a word list is tried only at a byte that
// opens one of them.
func byFirst(words []string) *[256][]string {
	var out [256][]string
	for _, w := range words {
		out[w[0]] = append(out[w[0]], w)
	}
	return &out
}

// The openings and labels of reVisa and reVoteLine, by their first byte.
var (
	visaByFirst      = byFirst(visaOpenings)
	voteLabelByFirst = byFirst(voteLineLabel)
	voteAfterByFirst = byFirst(voteLineAfter)
)

// hasPrefixAt tells whether one of words (byFirst) starts s at i.
func hasPrefixAt(s string, i int, words *[256][]string) bool {
	if i >= len(s) {
		return false
	}
	for _, w := range words[s[i]] {
		if strings.HasPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// afterMark returns where the text after an opening mark and its white space starts, 0 when s
// opens with no mark. Neither pattern goes on with white space or a mark: at most these two
// starts can read.
func afterMark(s string) int {
	for _, m := range lineMarks {
		if strings.HasPrefix(s, m) {
			return skipSpace(s, len(m))
		}
	}
	return 0
}

// visaAny tells whether s matches reVisa: an opening, after a mark or not. No opening starts
// with white space or a mark, so the mark's white space is taken whole.
func visaAny(s string) bool {
	if hasPrefixAt(s, 0, visaByFirst) {
		return true
	}
	i := afterMark(s)
	return i > 0 && hasPrefixAt(s, i, visaByFirst)
}

// voteLineAny tells whether s matches reVoteLine. Every part after a run of white space opens
// with a letter, a digit or a mark (":", "="), so each run is taken whole, and the places a
// part can start are few: they are all tried.
func voteLineAny(s string) bool {
	for k, q := range [2]int{0, afterMark(s)} {
		if k > 0 && q == 0 {
			break
		}
		if voteCountAt(s, q) {
			return true
		}
		if strings.HasPrefix(s[q:], voteLineWord) {
			e := skipSpace(s, q+len(voteLineWord))
			if voteCountAt(s, e) {
				return true
			}
			if e < len(s) && s[e] == ':' && voteCountAt(s, skipSpace(s, e+1)) {
				return true
			}
		}
	}
	return false
}

// voteCountAt tells whether reVoteLine's count reads at q: a label then a count of at most
// three digits (or the end of the text), or such a count then a label.
func voteCountAt(s string, q int) bool {
	if q >= len(s) {
		return false
	}
	for _, l := range voteLabelByFirst[s[q]] {
		if !strings.HasPrefix(s[q:], l) {
			continue
		}
		a := skipSpace(s, q+len(l))
		if countEndsAt(s, a) {
			return true
		}
		if a < len(s) && (s[a] == ':' || s[a] == '=') && countEndsAt(s, skipSpace(s, a+1)) {
			return true
		}
	}
	// A count then its label: the count is the whole run of digits (a digit after it could
	// open no label).
	r := digitRun(s, q)
	if r == 0 || r > 3 {
		return false
	}
	a := skipSpace(s, q+r)
	for _, c := range [2]int{a, -1} {
		if c < 0 {
			if !strings.HasPrefix(s[a:], voteLineVoix) {
				break
			}
			if c = skipSpace(s, a+len(voteLineVoix)); c == a+len(voteLineVoix) {
				break
			}
		}
		if c >= len(s) {
			break
		}
		for _, l := range voteAfterByFirst[s[c]] {
			if e := c + len(l); strings.HasPrefix(s[c:], l) && (e == len(s) || !isASCIIWord(s[e])) {
				return true
			}
		}
	}
	return false
}

// countEndsAt tells whether "(?:\d{1,3}\b|$)" reads at c: the end of the text, or a run of one
// to three digits that ends a word.
func countEndsAt(s string, c int) bool {
	if c == len(s) {
		return true
	}
	r := digitRun(s, c)
	return r > 0 && r <= 3 && (c+r == len(s) || !isASCIIWord(s[c+r]))
}

// digitRun is the length of the run of ASCII digits at i.
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && '0' <= s[i+n] && s[i+n] <= '9' {
		n++
	}
	return n
}

// The parts of reElected: the auxiliaries before a proclamation (each followed by a space),
// its participle, the words of a count, and the participle after it, within electedGap
// characters.
var (
	electedAux   = []string{"a ete", "ont ete", "sont", "est"}
	electedVerb  = "proclame"
	electedUnits = []string{"vote", "votes", "voix", "suffrage", "suffrages"}
	electedElu   = "elu"
	electedGap   = 20
)

// electedAny tells whether s holds a match of reElected: a proclamation after an auxiliary,
// or a count (at most three digits, then a unit ending a word) then "élu(e)(s)" within
// electedGap characters on the line. The spot search ran the pattern at every auxiliary and
// digit of a line.
func electedAny(s string) bool { return electedIn(s, ^uint64(0)) }

// electedIn is electedAny for a text whose stems are among m: a word whose bit (see
// handStemBits) m lacks is not looked for.
func electedIn(s string, m uint64) bool {
	for from := 0; electedVerbBits&m != 0; {
		k := strings.Index(s[from:], electedVerb)
		if k < 0 {
			break
		}
		v := from + k
		from = v + 1
		if v == 0 || s[v-1] != ' ' || !strongEnd(s, v+len(electedVerb)) {
			continue
		}
		for _, a := range electedAux {
			if p := v - 1 - len(a); p >= 0 && s[p:v-1] == a && (p == 0 || !isASCIIWord(s[p-1])) {
				return true
			}
		}
	}
	for k, u := range electedUnits {
		if electedUnitBits[k]&m == 0 {
			continue
		}
		for from := 0; ; {
			k := strings.Index(s[from:], u)
			if k < 0 {
				break
			}
			w := from + k
			from = w + 1
			if e := w + len(u); (e == len(s) || !isASCIIWord(s[e])) && countBefore(s, w) && eluWithin(s, e) {
				return true
			}
		}
	}
	return false
}

// countBefore tells whether "\b\d{1,3}\s*" can end at w: white space, and before it a run of
// one to three digits that a word boundary opens.
func countBefore(s string, w int) bool {
	j := w
	for j > 0 && isGapSpace(s[j-1]) {
		j--
	}
	p := j
	for p > 0 && '0' <= s[p-1] && s[p-1] <= '9' {
		p--
	}
	return p < j && j-p <= 3 && (p == 0 || !isASCIIWord(s[p-1]))
}

// eluWithin tells whether "\belue?s?\b" reads at most electedGap characters (no newline) after
// e, characters read as the pattern reads them.
func eluWithin(s string, e int) bool {
	for n := 0; ; n++ {
		if strings.HasPrefix(s[e:], electedElu) && (e == 0 || !isASCIIWord(s[e-1])) && strongEnd(s, e+len(electedElu)) {
			return true
		}
		if n == electedGap || e == len(s) || s[e] == '\n' {
			return false
		}
		_, size := utf8.DecodeRuneInString(s[e:])
		e += size
	}
}

// The parts of reAdopted: the verb stems, each a whole word's start, and the endings that
// complete them into a whole word.
var (
	adoptedStemsList = []string{"adopt", "approuv", "accept"}
	adoptedEnds      = []string{"e", "ee", "es", "ees", "ent"}
)

// adoptedAny tells whether s holds a match of reAdopted: a stem after no word character,
// then an ending after which no word character follows. The spot search ran the pattern at
// each stem of a line (many hold several).
func adoptedAny(s string) bool { return adoptedIn(s, ^uint64(0)) }

// adoptedIn is adoptedAny for a text whose stems are among m: a verb stem whose bit (see
// handStemBits) m lacks is not looked for.
func adoptedIn(s string, m uint64) bool {
	for k, w := range adoptedStemsList {
		if adoptedBits[k]&m == 0 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			v := from + i
			from = v + 1
			if v > 0 && isASCIIWord(s[v-1]) {
				continue
			}
			q := v + len(w)
			for _, e := range adoptedEnds {
				if strings.HasPrefix(s[q:], e) && (q+len(e) == len(s) || !isASCIIWord(s[q+len(e)])) {
					return true
				}
			}
		}
	}
	return false
}

// The parts of reStrongVerb: the verbs of its first branch, the marks (each followed by white
// space) and words that may come before them, those of its second branch, and the auxiliaries
// (each after a letter and a space, before a space) and the word that may follow them.
var (
	strongVerbs   = []string{"adopte", "approuve", "accepte", "rejete", "ajourne", "reporte"}
	strongMarks   = []string{"→", ">", ":"}
	strongWords   = []string{"deliberation ", "proposition "}
	strongPassive = []string{"adopte", "approuve", "accepte"}
	strongAux     = []string{"est", "sont"}
	strongThen    = "donc "
)

// strongVerbAny tells whether s holds a match of reStrongVerb: a verb of either branch that
// ends a word (e?s?\b), with what its branch asks before it.
func strongVerbAny(s string) bool {
	for _, w := range strongVerbs {
		passive := slices.Contains(strongPassive, w)
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			v := from + i
			from = v + 1
			if !strongEnd(s, v+len(w)) {
				continue
			}
			if strongBefore(s[:v]) || passive && passiveBefore(s[:v]) {
				return true
			}
		}
	}
	return false
}

// strongEnd tells whether e?s?\b can read at q, just after a verb's last letter.
func strongEnd(s string, q int) bool {
	for _, e := range [2]bool{true, false} {
		for _, z := range [2]bool{true, false} {
			r := q
			if e {
				if r >= len(s) || s[r] != 'e' {
					continue
				}
				r++
			}
			if z {
				if r >= len(s) || s[r] != 's' {
					continue
				}
				r++
			}
			if r == len(s) || !isASCIIWord(s[r]) {
				return true
			}
		}
	}
	return false
}

// strongBefore tells whether the first branch's opening can end where before ends: at the
// start of the text, after a mark and white space, or after one of strongWords.
func strongBefore(before string) bool {
	if before == "" {
		return true
	}
	for _, w := range strongWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	// The run of white space before the verb is taken whole: only the byte before it can be a
	// mark.
	j := len(before)
	for j > 0 && isGapSpace(before[j-1]) {
		j--
	}
	for _, m := range strongMarks {
		if strings.HasSuffix(before[:j], m) {
			return true
		}
	}
	return false
}

// passiveBefore tells whether the second branch's opening ("[a-z] (?:est|sont) (?:donc )?")
// can end where before ends.
func passiveBefore(before string) bool {
	for _, then := range [2]string{strongThen, ""} {
		if !strings.HasSuffix(before, then) {
			continue
		}
		b := before[:len(before)-len(then)]
		for _, aux := range strongAux {
			if a := " " + aux + " "; strings.HasSuffix(b, a) {
				if n := len(b) - len(a); n > 0 && 'a' <= b[n-1] && b[n-1] <= 'z' {
					return true
				}
			}
		}
	}
	return false
}

// The stem bits of the words adoptedIn and electedIn look for: a text whose stems hold none of
// a word's bits does not hold the word. They are read by init, once every stem is registered.
var (
	adoptedBits     []uint64
	electedVerbBits uint64
	electedUnitBits []uint64
)

func init() {
	adoptedBits = handStemBits(adoptedStemsList)
	electedVerbBits = handStemBits([]string{electedVerb})[0]
	electedUnitBits = handStemBits(electedUnits)
}

// handStemBits returns, for each word, the bits of the registered stems it holds: a text holding
// the word holds each of them. A word that holds none gets every bit (it is always looked for).
func handStemBits(words []string) []uint64 {
	out := make([]uint64, len(words))
	for k, w := range words {
		for _, st := range stemIndex.stems {
			if strings.Contains(w, st) {
				out[k] |= stemBit(st)
			}
		}
		if out[k] == 0 {
			out[k] = ^uint64(0)
		}
	}
	return out
}

// endVerbIndex reads reEndVerb: its leftmost match, as [start, end]. A match opens at a word
// boundary with an auxiliary of endVerbAux; then come a run of white space, a participle, a
// run of white space, a word of endVerbAt and one white space. Every word opens with a letter,
// so a run of white space is taken whole, and at most one word of each list reads: the match
// at a place is read straight, without giving anything back. A line holding no participle
// holds no match, and most lines that hold a closing verb hold none ("termine", "clos").
func endVerbIndex(s string) subMatch {
	if !containsAnyLit(s, endVerbForms) {
		return subMatch{}
	}
	for p := 0; p < len(s); p++ {
		if !endVerbAuxFirst.has(s[p]) || p > 0 && isASCIIWord(s[p-1]) {
			continue
		}
		k := prefixEnd(s, p, endVerbAux)
		if k < 0 {
			continue
		}
		if k = spaceRun(s, k); k < 0 {
			continue
		}
		if k = prefixEnd(s, k, endVerbForms); k < 0 {
			continue
		}
		if k = spaceRun(s, k); k < 0 {
			continue
		}
		if k = prefixEnd(s, k, endVerbAt); k < 0 || k == len(s) || !isGapSpace(s[k]) {
			continue
		}
		return subMatch{[4]int{p, k + 1}, 2}
	}
	return subMatch{}
}

// endVerbAuxFirst holds the first bytes of endVerbAux.
var endVerbAuxFirst = func() (b byteSet) {
	for _, w := range endVerbAux {
		b.add(w[0])
	}
	return b
}()
