package parse

import (
	"strings"
	"unicode/utf8"
)

// Hand readers of the table patterns that run on short strings: the first cell of every tab
// line (reNumbering) and the folded label of a row (reTableTotal, reTableSubtotal). The
// backtracker costs a thousand instructions and more on a cell of a few bytes; the patterns stay
// as the reference (TestTableHandAgree, FuzzTableHand), their words in tables beside them
// (totalLabels, subtotalOpeners in tables.go).

// numberingCell is reNumbering.MatchString(s): a number of dotted groups ("6.5.2", "1."), a
// Roman number ("II", "IV."), a letter and a dot or bracket ("a)"), or one bullet of
// bulletMarks, the whole cell.
func numberingCell(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	switch {
	case '0' <= c && c <= '9':
		// \d+(?:\.\d+)*\.? : a dot is followed by a digit, or ends the cell.
		for i := 1; i < len(s); i++ {
			switch {
			case '0' <= s[i] && s[i] <= '9':
			case s[i] == '.':
				if i+1 == len(s) {
					return true
				}
				if s[i+1] < '0' || s[i+1] > '9' {
					return false
				}
			default:
				return false
			}
		}
		return true
	case c == 'I' || c == 'V' || c == 'X':
		i := 1
		for i < len(s) && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X') {
			i++
		}
		// [IVX]+\.? , or a letter and a bracket ([A-Za-z][.)]).
		return i == len(s) || i+1 == len(s) && s[i] == '.' || len(s) == 2 && s[1] == ')'
	case 'a' <= c|0x20 && c|0x20 <= 'z':
		return len(s) == 2 && (s[1] == '.' || s[1] == ')')
	case c < utf8.RuneSelf:
		return len(s) == 1 && strings.IndexByte(bulletMarks, c) >= 0
	}
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && r != utf8.RuneError && strings.ContainsRune(bulletMarks, r)
}

// totalLabel is reTableTotal.MatchString(f).
func totalLabel(f string) bool {
	for _, words := range totalLabels {
		if e := wordsAt(f, words); e >= 0 {
			// \s*:?$
			j := skipSpace(f, e)
			if j == len(f) || j+1 == len(f) && f[j] == ':' {
				return true
			}
		}
	}
	return false
}

// wordsAt returns the end of words at the start of s, apart by white space (\s+), or -1.
func wordsAt(s string, words []string) int {
	i := 0
	for k, w := range words {
		if k > 0 {
			j := skipSpace(s, i)
			if j == i {
				return -1
			}
			i = j
		}
		if !strings.HasPrefix(s[i:], w) {
			return -1
		}
		i += len(w)
	}
	return i
}

// subtotalLabel is reTableSubtotal.MatchString(f): an opener, then the end of a word (\b: no
// ASCII letter, digit or underscore after it).
func subtotalLabel(f string) bool {
	for _, w := range subtotalOpeners {
		if strings.HasPrefix(f, w) && (len(f) == len(w) || !isASCIIWord(f[len(w)])) {
			return true
		}
	}
	return false
}
