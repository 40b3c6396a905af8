// Package normalize turns the raw text of French values — amounts, dates, times, person names —
// into exact typed values, and links the mentions of a person to one identity. It never guesses:
// a value it cannot read is an error, and the caller keeps the raw text.
package normalize

import (
	"errors"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ErrNotValue is returned when raw text is not a value of the kind asked for.
var ErrNotValue = errors.New("not a recognised value")

// Fold lower-cases s, removes accents, folds œ/æ to oe/ae and typographic apostrophes to ',
// and squeezes white space: the form used for matching and for person keys.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case 'œ', 'Œ':
			b.WriteString("oe")
		case 'æ', 'Æ':
			b.WriteString("ae")
		case '’', 'ʼ', '‘', '`', '´':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
