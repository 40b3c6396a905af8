package parse

import (
	"unicode"
	"unicode/utf8"
)

// speakerGivenSrc is the source of reSpeakerGiven that speakerGivenIndex reads by hand: a given
// name (a capital, then lower-case letters or hyphens), optionally a second word (a capital,
// then letters or hyphens), white space, and a verb (a lower-case letter, then lower-case
// letters or apostrophes). The pattern runs on every line that opens a paragraph after a
// finished sentence, and most of them open with a capital, where the backtracker, with its
// large classes, costs microseconds a line.
const speakerGivenSrc = `^(\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}[\p{Ll}\p{Lu}-]+)?)\s+(\p{Ll}[\p{Ll}'’]+)`

// speakerGivenHand is whether reSpeakerGiven is the pattern speakerGivenIndex reads: when its
// source changes, the pattern runs again (TestSpeakerGivenHand fails).
var speakerGivenHand = reSpeakerGiven.String() == speakerGivenSrc

// speakerGiven is reSpeakerGiven.FindStringSubmatchIndex(t), by hand when it can: ok is false
// when there is no match, else m holds the six indexes.
func speakerGiven(t string) (m [6]int, ok bool) {
	if !speakerGivenHand {
		s := reSpeakerGiven.FindStringSubmatchIndex(t)
		if s == nil {
			return m, false
		}
		copy(m[:], s)
		return m, true
	}
	return speakerGivenIndex(t)
}

// speakerGivenIndex reads speakerGivenSrc. Every run of the pattern is followed by a character
// its class does not hold (white space after a word, a letter after white space), so each run
// is taken whole and none is given back; the verb ends the pattern and is taken whole too. The
// second word is tried first (the optional group is greedy), then the verb right after the
// first word.
func speakerGivenIndex(t string) (m [6]int, ok bool) {
	i := upperAt(t)
	if i == 0 {
		return m, false
	}
	e1 := runOf(t, i, isLowerOrHyphen)
	if e1 == i {
		return m, false
	}
	w := spaceRunEnd(t, e1)
	if w == e1 {
		return m, false
	}
	// The second word, then white space and the verb.
	if n := upperAt(t[w:]); n > 0 {
		if e2 := runOf(t, w+n, isLetterCaseOrHyphen); e2 > w+n {
			if v := spaceRunEnd(t, e2); v > e2 {
				if ve, ok := verbAt(t, v); ok {
					return [6]int{0, ve, 0, e2, v, ve}, true
				}
			}
		}
	}
	if ve, ok := verbAt(t, w); ok {
		return [6]int{0, ve, 0, e1, w, ve}, true
	}
	return m, false
}

// verbAt reads the verb of speakerGivenSrc at t[i:]: a lower-case letter, then one or more
// lower-case letters or apostrophes. It returns its end.
func verbAt(t string, i int) (int, bool) {
	if i >= len(t) {
		return 0, false
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	if !unicode.IsLower(r) {
		return 0, false
	}
	e := runOf(t, i+n, isLowerOrApostrophe)
	return e, e > i+n
}

// runOf returns the end of the run of runes of t from i that keep reports true of.
func runOf(t string, i int, keep func(rune) bool) int {
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf {
			if !keep(rune(c)) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !keep(r) {
			break
		}
		i += n
	}
	return i
}

// spaceRunEnd returns the end of the run of \s (ASCII white space, \v excluded) from i.
func spaceRunEnd(t string, i int) int {
	for i < len(t) && rxSpace(t[i]) {
		i++
	}
	return i
}

// The classes of speakerGivenSrc. unicode.IsLower and unicode.IsUpper are unicode.Is of Ll and
// Lu, read from a table below U+0100 (TestUpperLetterTables).
func isLowerOrHyphen(r rune) bool      { return r == '-' || unicode.IsLower(r) }
func isLetterCaseOrHyphen(r rune) bool { return r == '-' || unicode.IsLower(r) || unicode.IsUpper(r) }
func isLowerOrApostrophe(r rune) bool  { return r == '\'' || r == '’' || unicode.IsLower(r) }

// speakerBareSrc is the source of reSpeakerBare that speakerBareIndex reads by hand: a given
// name (a capital, then lower-case letters, apostrophes or hyphens), optionally a second one
// after a hyphen or a space, white space, a family name in capitals, and a colon. Every line
// with a colon that opens like a name runs it, and its backtracker costs microseconds a line.
const speakerBareSrc = `^(\p{Lu}[\p{Ll}'’-]+(?:[- ]\p{Lu}[\p{Ll}'’-]+)?\s+\p{Lu}{2,}[\p{Lu}' -]*?)\s*:`

// speakerBareHand is whether reSpeakerBare is the pattern speakerBareIndex reads: when its
// source changes, the pattern runs again (TestSpeakerBareHand fails).
var speakerBareHand = reSpeakerBare.String() == speakerBareSrc

// speakerBare is reSpeakerBare.FindStringSubmatchIndex(t), by hand when it can: ok is false
// when there is no match, else m holds the four indexes.
func speakerBare(t string) (m [4]int, ok bool) {
	if !speakerBareHand {
		s := reSpeakerBare.FindStringSubmatchIndex(t)
		if s == nil {
			return m, false
		}
		copy(m[:], s)
		return m, true
	}
	return speakerBareIndex(t)
}

// speakerBareIndex reads speakerBareSrc. The first name's run is taken whole (e), then given
// back only where the pattern can go on: the second name opens with a space after the whole
// run (a hyphen would be in the run), or with the run's last hyphen; the white space after
// the names opens only after the whole run. The alternatives are tried in the pattern's order:
// the longer run first, and the second name before none.
func speakerBareIndex(t string) (m [4]int, ok bool) {
	i := upperAt(t)
	if i == 0 {
		return m, false
	}
	e := runOf(t, i, isBareNameRune)
	if e == i {
		return m, false
	}
	if e < len(t) && t[e] == ' ' {
		if end, colon, ok := secondBareName(t, e+1); ok {
			return [4]int{0, colon, 0, end}, true
		}
	}
	if end, colon, ok := bareFamily(t, e); ok {
		return [4]int{0, colon, 0, end}, true
	}
	if e-1 > i && t[e-1] == '-' {
		if end, colon, ok := secondBareName(t, e); ok {
			return [4]int{0, colon, 0, end}, true
		}
	}
	return m, false
}

// secondBareName reads the second given name at t[i:] (a capital and its run), then the family
// name (bareFamily). The run is taken whole: white space must follow it.
func secondBareName(t string, i int) (end, colon int, ok bool) {
	n := upperAt(t[i:])
	if n == 0 {
		return 0, 0, false
	}
	e := runOf(t, i+n, isBareNameRune)
	if e == i+n {
		return 0, 0, false
	}
	return bareFamily(t, e)
}

// bareFamily reads `\s+\p{Lu}{2,}[\p{Lu}' -]*?\s*:` at t[i:]: end is where the group ends (the
// lazy run as short as the colon allows), colon the end of the match. The capitals are taken
// whole: giving one back only makes the lazy run start on it, and the colon cannot be there.
func bareFamily(t string, i int) (end, colon int, ok bool) {
	p := spaceRunEnd(t, i)
	if p == i {
		return 0, 0, false
	}
	q, caps := p, 0
	for {
		n := upperAt(t[q:])
		if n == 0 {
			break
		}
		q += n
		caps++
	}
	if caps < 2 {
		return 0, 0, false
	}
	for {
		if w := spaceRunEnd(t, q); w < len(t) && t[w] == ':' {
			return q, w + 1, true
		}
		if q == len(t) {
			return 0, 0, false
		}
		if c := t[q]; c == ' ' || c == '\'' || c == '-' {
			q++
			continue
		}
		n := upperAt(t[q:])
		if n == 0 {
			return 0, 0, false
		}
		q += n
	}
}

// isBareNameRune is the class of a given name's run in speakerBareSrc: [\p{Ll}'’-].
func isBareNameRune(r rune) bool { return r == '\'' || r == '’' || r == '-' || unicode.IsLower(r) }
