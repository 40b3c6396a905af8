package parse

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// civScanner reads reSpeakerCiv by hand. The pattern is a civility (any case), white space, then
// one to four name words, each followed by optional white space. A civility holds no white
// space and white space must follow it, so it is the line's first word, and which alternative
// matches it does not matter; each name word is taken as the first alternative of the pattern
// that matches there, longest: nothing follows the words in the pattern, so the backtracker
// never has to give any back. The backtracker cost microseconds a line: its name-word classes
// are large and its alternatives many.
//
// The scanner is derived from the pattern's source (civilities and name words stay in the
// vocabulary); it is nil when the source has another shape, and the pattern then runs.
type civScanner struct {
	civilities [][]rune // as written; compared under case folding
	// words are the literal name words, by alternative in the pattern's order; the first
	// alternative, a capital and letters, is read by hand (capitalWord).
	words    [][]string
	maxWords int
}

// capitalWord is the first alternative of a name word: a capital, then letters, apostrophes,
// dots and hyphens.
const capitalWord = `\p{Lu}[\p{L}'’.-]*`

var speakerCiv = newCivScanner(reCivility, reSpeakerCiv.String())

// newCivScanner derives the scanner of the pattern src built on the civility alternation civ, or
// returns nil.
func newCivScanner(civ, src string) *civScanner {
	const maxWords = 4
	head := `^(?i:` + civ + `)\s+((?:(?:` + capitalWord + `|`
	tail := `)\s*){1,4})`
	if !strings.HasPrefix(src, head) || !strings.HasSuffix(src, tail) || len(src) < len(head)+len(tail) ||
		!strings.HasPrefix(civ, "(?:") || !strings.HasSuffix(civ, ")") {
		return nil
	}
	s := &civScanner{maxWords: maxWords}
	for _, alt := range strings.Split(civ[len("(?:"):len(civ)-1], "|") {
		lits, ok := altStrings(alt)
		if !ok {
			return nil
		}
		for _, l := range lits {
			if l == "" || strings.ContainsFunc(l, func(r rune) bool { return r < utf8.RuneSelf && rxSpace(byte(r)) }) {
				return nil
			}
			s.civilities = append(s.civilities, []rune(l))
		}
	}
	for _, alt := range strings.Split(src[len(head):len(src)-len(tail)], "|") {
		lits, ok := altStrings(alt)
		if !ok {
			return nil
		}
		for _, l := range lits {
			// A word opening with white space could take it from the run before; one a prefix
			// of another of its alternative would need that alternative's own order.
			if l == "" || rxSpace(l[0]) {
				return nil
			}
			for _, o := range lits {
				if o != l && strings.HasPrefix(o, l) {
					return nil
				}
			}
		}
		s.words = append(s.words, lits)
	}
	return s
}

// altStrings is the strings a top-level alternative of a pattern source matches, when it is a
// plain literal with small classes or optional parts and no group of its own.
func altStrings(alt string) ([]string, bool) {
	if strings.ContainsAny(alt, "()|") {
		return nil, false
	}
	re, err := syntax.Parse(alt, syntax.Perl)
	if err != nil {
		return nil, false
	}
	return exact(re, false)
}

// find is reSpeakerCiv.FindStringSubmatchIndex(t)[2:4]: where the name words start and end.
func (s *civScanner) find(t string) (start, end int, ok bool) {
	w := 0
	for w < len(t) && !rxSpace(t[w]) {
		w++
	}
	if w == len(t) || !s.isCivility(t[:w]) {
		return 0, 0, false
	}
	p := w
	for p < len(t) && rxSpace(t[p]) {
		p++
	}
	i := p
	n := 0
	for ; n < s.maxWords; n++ {
		e := s.word(t, i)
		if e < 0 {
			break
		}
		for e < len(t) && rxSpace(t[e]) {
			e++
		}
		i = e
	}
	if n == 0 {
		return 0, 0, false
	}
	return p, i, true
}

// word returns the end of the name word at t[i:], or -1.
func (s *civScanner) word(t string, i int) int {
	if i >= len(t) {
		return -1
	}
	if n := upperAt(t[i:]); n > 0 {
		i += n
		for i < len(t) {
			if c := t[i]; c < utf8.RuneSelf {
				// unicode.IsLetter is unicode.Is(unicode.L, …) (TestUpperLetterTables).
				if 'a' <= c|0x20 && c|0x20 <= 'z' || c == '\'' || c == '.' || c == '-' {
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(t[i:])
			if !(unicode.IsLetter(r) || r == '’') {
				break
			}
			i += n
		}
		return i
	}
	for _, lits := range s.words {
		for _, l := range lits {
			if strings.HasPrefix(t[i:], l) {
				return i + len(l)
			}
		}
	}
	return -1
}

// isCivility reports whether w is one of the civilities under Unicode case folding, as (?i)
// reads them ("MME", "monſieur").
func (s *civScanner) isCivility(w string) bool {
next:
	for _, c := range s.civilities {
		i := 0
		for _, cr := range c {
			if i >= len(w) {
				continue next
			}
			r, n := utf8.DecodeRuneInString(w[i:])
			if !foldEq(r, cr) {
				continue next
			}
			i += n
		}
		if i == len(w) {
			return true
		}
	}
	return false
}

// speakerCivName is reSpeakerCiv.FindStringSubmatchIndex(t)[2:4], by hand when it can.
func speakerCivName(t string) (start, end int, ok bool) {
	if speakerCiv != nil {
		return speakerCiv.find(t)
	}
	if m := reSpeakerCiv.FindStringSubmatchIndex(t); m != nil {
		return m[2], m[3], true
	}
	return 0, 0, false
}

// foldEq reports whether r and c are equal under simple case folding.
func foldEq(r, c rune) bool {
	if r == c {
		return true
	}
	if r < utf8.RuneSelf && c < utf8.RuneSelf {
		// Two ASCII runes fold together only as the two cases of a letter (the other runes
		// of the orbits of k and s are beyond ASCII).
		l := r | 0x20
		return l == c|0x20 && 'a' <= l && l <= 'z'
	}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}
