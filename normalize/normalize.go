// Package normalize turns the raw text of French values — amounts, dates, times, person names —
// into exact typed values, and links the mentions of a person to one identity. It never guesses:
// a value it cannot read is an error, and the caller keeps the raw text.
package normalize

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrNotValue is returned when raw text is not a value of the kind asked for.
var ErrNotValue = errors.New("not a recognised value")

// Fold lower-cases s, removes accents, folds œ/æ to oe/ae and typographic apostrophes to ',
// and squeezes white space: the form used for matching and for person keys.
//
// Every line of every document goes through Fold, so the common case — ASCII, Latin letters,
// general punctuation — reads per-rune tables (built from foldSlow, so both agree) instead of a
// full Unicode decomposition, and a string that folds to itself is returned without a copy.
// Any other rune sends the whole string to foldSlow.
func Fold(s string) string {
	var stack [256]byte
	buf := stack[:0]
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || ('\t' <= c && c <= '\r'):
				space = len(buf) > 0
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = append(buf, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		var f string
		switch {
		case r < foldLatinEnd:
			f = foldLatin[r]
		case r >= foldCombiningStart && r < foldCombiningEnd:
			continue // a combining mark, dropped like the accents of decomposed letters
		case r == 'ʼ':
			f = "'"
		case r >= foldPunctStart && r < foldPunctEnd:
			f = foldPunct[r-foldPunctStart]
		default:
			return foldSlow(s)
		}
		if f == "" {
			if unicode.IsSpace(r) {
				space = len(buf) > 0
			}
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = append(buf, f...)
	}
	if string(buf) == s {
		return s
	}
	return string(buf)
}

// Rune ranges that Fold reads from tables: Latin-1 Supplement and Latin Extended-A/B (the letters
// of French text), the combining diacritical marks (dropped), general punctuation and currency
// symbols (’ – … € and the thin spaces). Within them no rune decomposes into anything but a
// letter and combining marks, and every combining mark is dropped, so folding rune by rune
// gives foldSlow's result.
const (
	foldLatinEnd       = 0x250
	foldCombiningStart = 0x300
	foldCombiningEnd   = 0x370
	foldPunctStart     = 0x2000
	foldPunctEnd       = 0x20d0
)

var (
	foldLatin = func() (t [foldLatinEnd]string) {
		for r := rune(0x80); r < foldLatinEnd; r++ {
			t[r] = foldSlow(string(r))
		}
		return t
	}()
	foldPunct = func() (t [foldPunctEnd - foldPunctStart]string) {
		for r := rune(foldPunctStart); r < foldPunctEnd; r++ {
			t[r-foldPunctStart] = foldSlow(string(r))
		}
		return t
	}()
)

// foldSlow is Fold through a full canonical decomposition: the reference that Fold's tables are
// built from, and Fold's path for the runes outside them.
func foldSlow(s string) string {
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
