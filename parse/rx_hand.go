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
	`^\s*(?:[-–—•·▪►➢✓→*Ø§]|\x{F0B7}|\x{F0D8}|\x{F0A7}|\x{F0FC}|\x{F0E0}|o\s)\s*`:                    bulletEnd,
	`^[-–+(]?\s*\d[\d \x{00A0}\x{202F}.,']*\)?\s*(?:€|euros?|eur|k€|%)?\s*(?:ht|ttc|h\.t\.)?\s*\*?$`: bareNumberEnd,
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
run:
	for i < len(s) {
		switch c := s[i]; {
		case '0' <= c && c <= '9' || c == ' ' || c == '.' || c == ',' || c == '\'':
			i++
			continue
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
			continue
		case strings.HasPrefix(s[i:], "\u202f"):
			i += len("\u202f")
			continue
		}
		break run
	}
	if i < len(s) && s[i] == ')' {
		i++
	}
	i = skipSpace(s, i)
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

// bareUnits and bareTaxes are the alternatives of reBareNumber's unit and tax suffix, the
// empty one included.
var (
	bareUnits = []string{"", "€", "euros", "euro", "eur", "k€", "%"}
	bareTaxes = []string{"", "ht", "ttc", "h.t."}
)

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
func deferredVerbIndex(s string) subMatch {
	for p := 0; p < len(s); p++ {
		if !deferAuxFirst.has(s[p]) || p > 0 && isASCIIWord(s[p-1]) {
			continue
		}
		if e := deferredVerbAt(s, p); e >= 0 {
			return subMatch{[4]int{p, e}, 2}
		}
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
func adoptedAny(s string) bool {
	for _, w := range adoptedStemsList {
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
