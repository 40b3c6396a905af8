package parse

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// litGate is a stronger prefilter than rx's for the header patterns that run on every line of
// the document: the whole set of strings a pattern can match, when that set is finite and small
// ("seance levee", "seance est close", "fin de la seance", …). rx keeps at most a dozen required
// words and gives up on these patterns, so the backtracker ran over every candidate line, and
// some HTML paragraphs are 800 bytes long.
//
// Assertions (^, $, \b) read as empty: the literals are then only necessary, and exact is false.
// When exact is true, a literal contained in s is a match, and MatchString needs no regexp.
type litGate struct {
	re    *rx
	lits  []string // nil: no gate, every string may match
	exact bool
	// prefix is true when a match must start the text: it then starts with one of lits,
	// listed by first byte in byFirst.
	prefix  bool
	byFirst *[256][]string
	// dfa finds lits in one pass when they are many (see withDFA): a strings.Contains per
	// literal read a long line a score of times.
	dfa     *litDFA
	overlap int // the length of the longest literal less one (see scanParts)
}

// minDFALits is the fewest literals for which a gate looks for them with an automaton: one pass
// of it costs about as much as a few strings.Contains.
const minDFALits = 6

// withDFA gives g the automaton of its literals when they are many enough to pay for it.
func (g litGate) withDFA() litGate {
	if g.prefix || len(g.lits) < minDFALits || len(g.lits) > 64 {
		return g
	}
	if g.dfa = newLitDFA(g.lits); g.dfa != nil {
		g.overlap = g.longest() - 1
	}
	return g
}

// maxGateLits bounds the expansion: beyond it the Contains calls would cost more than the regexp.
const maxGateLits = 48

// newLitGate expands re's pattern into its literals; for a pattern whose language is not
// finite, it takes the literals of the part of the pattern that every match holds (the label
// words of "(?:nombre de )?(?:conseillers )?(?:en exercice|presents|…)\s*:?\s*(\d+)").
func newLitGate(re *rx) litGate {
	g := litGate{re: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return g
	}
	if lits, exact, ok := expandLits(tree); ok && usableLits(lits) {
		g.lits, g.exact = dropContaining(lits), exact
		return g.withDFA()
	}
	g.lits = neededLits(tree)
	return g.withDFA()
}

// usableLits reports whether a literal set can filter: it has no empty literal (the empty
// string is in every text).
func usableLits(lits []string) bool {
	for _, l := range lits {
		if l == "" {
			return false
		}
	}
	return len(lits) > 0
}

// neededLits returns literals one of which every match of re contains, or nil: the finite
// expansion of re, or of one element of a concatenation (the strongest, that is the one whose
// shortest literal is longest).
func neededLits(re *syntax.Regexp) []string {
	if lits, _, ok := expandLits(re); ok && usableLits(lits) {
		return dropContaining(lits)
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return neededLits(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return neededLits(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if l := neededLits(sub); l != nil && (best == nil || shortest(l) > shortest(best)) {
				best = l
			}
		}
		return best
	}
	return nil
}

// may reports whether s can hold a match.
func (g litGate) may(s string) bool {
	if g.lits == nil {
		return true
	}
	if g.prefix {
		if s == "" {
			return false
		}
		for _, l := range g.byFirst[s[0]] {
			if strings.HasPrefix(s, l) {
				return true
			}
		}
		return false
	}
	if g.dfa != nil {
		return scanParts(g.dfa, g.overlap, s) != 0
	}
	for _, l := range g.lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// newPrefixGate is newLitGate for a pattern anchored at the start of the text whose matches
// are finitely many strings (assertions aside): a match is then one of them, and the text must
// start with it ("^(?:etait|presents|absents|…)\b").
func newPrefixGate(re *rx) litGate {
	g := litGate{re: re}
	if !re.prefilter().anchored {
		return g
	}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return g
	}
	lits, _, ok := expandLits(tree)
	if !ok || !usableLits(lits) {
		return g
	}
	// A literal that starts with another is found through the shorter one.
	var short []string
	for i, l := range lits {
		keep := true
		for j, o := range lits {
			if j != i && strings.HasPrefix(l, o) && (len(o) < len(l) || j < i) {
				keep = false
				break
			}
		}
		if keep {
			short = append(short, l)
		}
	}
	lits = short
	g.lits, g.prefix, g.byFirst = lits, true, new([256][]string)
	for _, l := range lits {
		g.byFirst[l[0]] = append(g.byFirst[l[0]], l)
	}
	return g
}

// longest is the length of the longest of g's literals.
func (g litGate) longest() int {
	n := 0
	for _, l := range g.lits {
		n = max(n, len(l))
	}
	return n
}

// MatchString is the pattern's MatchString.
func (g litGate) MatchString(s string) bool {
	if !g.may(s) {
		return false
	}
	return g.exact || g.re.MatchString(s)
}

// FindStringIndex is the pattern's FindStringIndex.
func (g litGate) FindStringIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringIndex(s)
}

// expandLits returns every string re can match (exact) or, when re holds assertions, every
// string its match contains once the assertions are dropped (exact false). ok is false when
// the set is not finite or too large.
func expandLits(re *syntax.Regexp) (lits []string, exact, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return []string{string(re.Rune)}, true, true
	case syntax.OpEmptyMatch:
		return []string{""}, true, true
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, false, true
	case syntax.OpCapture:
		return expandLits(re.Sub[0])
	case syntax.OpQuest:
		if re.Flags&syntax.NonGreedy != 0 {
			return nil, false, false
		}
		sub, ex, ok := expandLits(re.Sub[0])
		if !ok || len(sub)+1 > maxGateLits {
			return nil, false, false
		}
		return append([]string{""}, sub...), ex, true
	case syntax.OpCharClass:
		var out []string
		for k := 0; k+1 < len(re.Rune); k += 2 {
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				if len(out) >= maxGateLits {
					return nil, false, false
				}
				out = append(out, string(r))
			}
		}
		return out, true, len(out) > 0
	case syntax.OpAlternate:
		var out []string
		exact := true
		for _, sub := range re.Sub {
			l, ex, ok := expandLits(sub)
			if !ok || len(out)+len(l) > maxGateLits {
				return nil, false, false
			}
			out = append(out, l...)
			exact = exact && ex
		}
		return out, exact, true
	case syntax.OpConcat:
		out := []string{""}
		exact := true
		for _, sub := range re.Sub {
			l, ex, ok := expandLits(sub)
			if !ok || len(out)*len(l) > maxGateLits {
				return nil, false, false
			}
			next := make([]string, 0, len(out)*len(l))
			for _, a := range out {
				for _, b := range l {
					next = append(next, a+b)
				}
			}
			out = next
			exact = exact && ex
		}
		return out, exact, true
	}
	return nil, false, false
}

// allGate holds, for a pattern, the literal sets of the parts of its top-level concatenation
// whose texts are finitely many: every match holds a text of each set. A line lacking one is
// answered without the pattern, which, opening with \s*, the backtracker tried from every byte.
type allGate struct {
	re   *rx
	sets [][]string
}

func newAllGate(re *rx) allGate {
	g := allGate{re: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil || tree.Op != syntax.OpConcat {
		return g
	}
	for _, sub := range tree.Sub {
		if lits, _, ok := expandLits(sub); ok && usableLits(lits) {
			g.sets = append(g.sets, dropContaining(lits))
		}
	}
	return g
}

// FindStringIndex is the pattern's FindStringIndex.
func (g allGate) FindStringIndex(s string) []int {
	for _, set := range g.sets {
		if !containsAnyLit(s, set) {
			return nil
		}
	}
	return g.re.FindStringIndex(s)
}

// Gates of the patterns that meetingEndAndNext runs over the whole document. (meetingPrevious
// runs rePrevMinutes at its words, a spot pattern, on the few lines that hold previousWords.)
var (
	gateEndOfMeeting = newLitGate(reEndOfMeeting)
	gateNextMeeting  = newLitGate(reNextMeeting)
	// gateCountAfter is reCountAfter's: one of its label words.
	gateCountAfter = newLitGate(reCountAfter.rx)
	// gateLabelHead is reLabelHead's: the opening word of an attendance label, which
	// classifyLabel looks for on every line before the lists.
	gateLabelHead = newPrefixGate(reLabelHead)
	// The gates of the phrases that name the secretary before the word (meetingSecretary).
	gateSecretaryAfter    = newAllGate(reSecretaryAfter)
	gateSecretaryCommeAny = newAllGate(reSecretaryCommeAny)
	gateSecretaryDuties   = newAllGate(reSecretaryDuties)
)

// containsAnyLit reports whether s holds one of lits (an rx's required words), or lits is nil.
func containsAnyLit(s string, lits []string) bool {
	if lits == nil {
		return true
	}
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// nextField returns the first word of s as strings.Fields splits words, and the text after it;
// word is "" when s holds none. It reads no further than that word.
func nextField(s string) (word, rest string) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				break
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			break
		}
		j += w
	}
	return s[i:j], s[j:]
}

var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// fieldCount is len(strings.Fields(s)), counted up to max+1 at most, without the slice.
func fieldCount(s string, max int) int {
	n := 0
	for n <= max {
		w, rest := nextField(s)
		if w == "" {
			break
		}
		n++
		s = rest
	}
	return n
}

// nextMeetingWords are words one of which every phrase of the next meeting holds, checked
// against gateNextMeeting's literals (nil, and no shortcut, if a change of reNextMeeting made
// them fall short).
var nextMeetingWords = coveringWords(gateNextMeeting, "prochain", "suivant")

// coveringWords returns words when every literal of exact gate g contains one of them, else nil.
func coveringWords(g litGate, words ...string) []string {
	if !g.exact || g.lits == nil {
		return nil
	}
	return coveringWordsOf(g.lits, words...)
}

// coveringWordsOf returns words when every one of lits contains one of them, else nil: a text
// without any of words then holds none of lits.
func coveringWordsOf(lits []string, words ...string) []string {
	for _, l := range lits {
		if !containsAnyLit(l, words) {
			return nil
		}
	}
	return words
}
