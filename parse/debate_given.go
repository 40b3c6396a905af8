package parse

import (
	"slices"
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

// roleSrc is the source of reRole that roleEnd reads by hand: an optional civility and white
// space, an article, and a role ("Monsieur le Maire", "la Présidente de séance"). It runs on
// every line that opens with a civility or an article before one.
const roleSrc = `^(?i:(?:Monsieur|Madame|M\.|Mme)\s+)?(?i:l[ea]\s+|l')(?i:maire|pr[ée]sidente?|pr[ée]sident\s+de\s+s[ée]ance|d[ée]put[ée]-maire|maire-adjointe?)\b`

// roleHand is whether reRole is the pattern roleEnd reads: when its source changes, the
// pattern runs again (TestRoleHand fails).
var roleHand = reRole.String() == roleSrc

// The words of roleSrc, each letter the runes (?i) lets it be ("é" standing for [ée]).
var (
	roleCivilities = leadWords("monsieur", "madame", "m.", "mme")
	roleMaire      = leadWords("maire")[0]
	rolePresident  = leadWords("président")[0]
	roleDe         = leadWords("de")[0]
	roleSeance     = leadWords("séance")[0]
	roleDepute     = leadWords("député-maire")[0]
	roleAdjoint    = leadWords("maire-adjoint")[0]
	roleE          = leadWords("e")[0]
)

// roleIndex is reRole.FindStringIndex(t), by hand when it can: the end of the match, -1 when
// there is none (a match starts at 0).
func roleIndex(t string) int {
	if !roleHand {
		if m := reRole.FindStringIndex(t); m != nil {
			return m[1]
		}
		return -1
	}
	return roleEnd(t)
}

// roleEnd reads roleSrc. The civilities differ by their first two runes and each needs white
// space after it, so one at most opens t, and then no article does (it opens with an l); the
// articles differ by their second byte. The roles are tried in the pattern's order.
func roleEnd(t string) int {
	p := 0
	for _, w := range roleCivilities {
		if e := foldedWordEnd(t, 0, w); e >= 0 {
			if p = spaceRunEnd(t, e); p == e {
				return -1
			}
			break
		}
	}
	if p+1 >= len(t) || t[p]|0x20 != 'l' {
		return -1
	}
	q := p + 2
	switch t[p+1] {
	case 'e', 'E', 'a', 'A':
		if q = spaceRunEnd(t, q); q == p+2 {
			return -1
		}
	case '\'':
	default:
		return -1
	}
	// maire
	if e := foldedWordEnd(t, q, roleMaire); e >= 0 && wordEnds(t, e) {
		return e
	}
	// présidente?
	if e := foldedWordEnd(t, q, rolePresident); e >= 0 {
		if e2 := foldedWordEnd(t, e, roleE); e2 >= 0 && wordEnds(t, e2) {
			return e2
		}
		if wordEnds(t, e) {
			return e
		}
		// président\s+de\s+séance
		if s := spaceRunEnd(t, e); s > e {
			if d := foldedWordEnd(t, s, roleDe); d >= 0 {
				if s2 := spaceRunEnd(t, d); s2 > d {
					if x := foldedWordEnd(t, s2, roleSeance); x >= 0 && wordEnds(t, x) {
						return x
					}
				}
			}
		}
	}
	// député-maire
	if e := foldedWordEnd(t, q, roleDepute); e >= 0 && wordEnds(t, e) {
		return e
	}
	// maire-adjointe?
	if e := foldedWordEnd(t, q, roleAdjoint); e >= 0 {
		if e2 := foldedWordEnd(t, e, roleE); e2 >= 0 && wordEnds(t, e2) {
			return e2
		}
		if wordEnds(t, e) {
			return e
		}
	}
	return -1
}

// foldedWordEnd is the end of the word w of a lead (see leadWords) at t[i:], -1 when t does not
// hold it there.
func foldedWordEnd(t string, i int, w []leadRune) int {
	for k := range w {
		if i == len(t) {
			return -1
		}
		if c := t[i]; c < utf8.RuneSelf {
			if w[k].ascii[c>>6]&(1<<(c&63)) == 0 {
				return -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !slices.Contains(w[k].other, r) {
			return -1
		}
		i += size
	}
	return i
}

// wordEnds reports whether \b holds at t[i:] after an ASCII letter: nothing or no ASCII word
// character follows.
func wordEnds(t string, i int) bool { return i == len(t) || !isASCIIWord(t[i]) }
