package parse

import (
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
