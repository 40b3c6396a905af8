package parse

import (
	"strings"
	"unicode/utf8"
)

// Hand readers of the patterns that tell a heading's number and title apart from a date, a
// theme or a list of names (vocab_body.go), registered in handMatchers: each returns the end
// of the match at the start of the text, -1 when there is none (FuzzHandMatchers checks them).
// Their backtracker cleared state in proportion to the line on every call, and most of the
// lines they are asked of match.

// upperRun returns the end of the run of capitals (\p{Lu}) at i and how many it holds.
func upperRun(s string, i int) (end, n int) {
	for {
		w := upperAt(s[i:])
		if w == 0 {
			return i, n
		}
		i += w
		n++
	}
}

// themeJoinWidth is the width of a joint between two words of a theme in capitals ([ '’-]) at
// s[i:], 0 when none opens it.
func themeJoinWidth(s string, i int) int {
	if i < len(s) && (s[i] == ' ' || s[i] == '\'' || s[i] == '-') {
		return 1
	}
	if strings.HasPrefix(s[i:], "’") {
		return len("’")
	}
	return 0
}

// themeHeadingEnd reads reThemeHeading: three capitals or more, words of two capitals or more
// joined to them, white space, a dash or a colon, white space and a character. Every run is
// read whole: a capital left over is no joint and no white space. A joint after which fewer
// than two capitals follow ends the words; giving back a word read already leaves its joint,
// then a capital, where the white space and the dash are looked for: nothing matches there.
func themeHeadingEnd(s string) int {
	i, n := upperRun(s, 0)
	if n < 3 {
		return -1
	}
	for {
		w := themeJoinWidth(s, i)
		if w == 0 {
			break
		}
		e, n := upperRun(s, i+w)
		if n < 2 {
			break
		}
		i = e
	}
	e := spaceRunEnd(s, i)
	if e == i {
		return -1
	}
	d := wideDashWidth(s, e)
	if d == 0 && e < len(s) && (s[e] == '-' || s[e] == ':') {
		d = 1
	}
	if d == 0 {
		return -1
	}
	f := spaceRunEnd(s, e+d)
	if f == e+d || f == len(s) {
		return -1
	}
	// \S: the white space before it is taken whole, so the next character is none.
	_, size := utf8.DecodeRuneInString(s[f:])
	return f + size
}

// dateLikeEnd reads reDateLike, which matches a whole text: a date written with dots, slashes
// or dashes ("12.05.2014", "12/05/14"), or a span of years ("2014-2020", "2014 / 2015"). Each
// run of digits is read whole, as its bounded repeat must be followed by no digit.
func dateLikeEnd(s string) int {
	a := digitRun(s, 0)
	switch {
	case a >= 1 && a <= 2 && a < len(s) && (s[a] == '.' || s[a] == '/' || s[a] == '-'):
		sep := s[a]
		b := digitRun(s, a+1)
		m := a + 1 + b
		if b == 0 || b > 2 || m == len(s) || s[m] != sep {
			return -1
		}
		if c := digitRun(s, m+1); (c == 2 || c == 4) && m+1+c == len(s) {
			return len(s)
		}
	case a == 4 && centuryAt(s, 0):
		i := spaceRunEnd(s, 4)
		if i == len(s) || s[i] != '-' && s[i] != '/' {
			return -1
		}
		i = spaceRunEnd(s, i+1)
		if digitRun(s, i) == 4 && i+4 == len(s) && centuryAt(s, i) {
			return len(s)
		}
	}
	return -1
}

// centuryAt tells whether the year at s[i:] opens with 19 or 20.
func centuryAt(s string, i int) bool {
	return i+1 < len(s) && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0')
}

// dateNumberEnd reads reDateNumber: a date written "2013.04.08", white space and a dash.
func dateNumberEnd(s string) int {
	if len(s) < 10 || s[4] != '.' || !isDigits(s[:4]) || !isDigits(s[5:7]) || s[7] != '.' || !isDigits(s[8:10]) {
		return -1
	}
	i := spaceRunEnd(s, 10)
	if i == len(s) || s[i] != '-' {
		return -1
	}
	return i + 1
}

// initialsListEnd reads reInitialsList: a surname, a comma, then one to three initials (a
// capital and a dot, each followed by white space) and a capital. The surname's run of
// letters, apostrophes and hyphens, and every run of white space, are read whole (none of
// them is followed by what they hold). The initials are read as many as they go, up to three;
// when no capital follows the last, the pattern gives it back and its capital is the one.
func initialsListEnd(s string) int {
	i := upperAt(s)
	if i == 0 || strings.IndexByte(s, ',') < 0 {
		return -1 // (most titles hold no comma: their run of letters is not read)
	}
	j := i
	for j < len(s) {
		if w := letterAt(s[j:]); w > 0 {
			j += w
		} else if s[j] == '\'' || s[j] == '-' {
			j++
		} else if strings.HasPrefix(s[j:], "’") {
			j += len("’")
		} else {
			break
		}
	}
	if j == i {
		return -1
	}
	j = spaceRunEnd(s, j)
	if j == len(s) || s[j] != ',' {
		return -1
	}
	var at [4]int // where each initial starts, and where the text after the last one starts
	at[0] = spaceRunEnd(s, j+1)
	k := 0
	for k < 3 {
		u := upperAt(s[at[k]:])
		if u == 0 || at[k]+u == len(s) || s[at[k]+u] != '.' {
			break
		}
		at[k+1] = spaceRunEnd(s, at[k]+u+1)
		k++
	}
	if k == 0 {
		return -1
	}
	if u := upperAt(s[at[k]:]); u > 0 {
		return at[k] + u
	}
	if k >= 2 {
		return at[k-1] + upperAt(s[at[k-1]:])
	}
	return -1
}
