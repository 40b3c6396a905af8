package normalize

import (
	"strings"
	"unicode/utf8"
)

// TrimSet is a set of runes to trim off texts, as strings.Trim's cutset, read byte by byte:
// strings.Trim decodes the runes at the ends of a text when its cutset holds runes beyond
// ASCII, and builds its table of ASCII bytes anew on each call otherwise. A rune beyond ASCII
// is trimmed where its encoding opens (or closes) the text, as a rune decoded there is that
// rune only when its bytes are there (an invalid byte decodes to utf8.RuneError, which a
// TrimSet never holds).
type TrimSet struct {
	ascii [utf8.RuneSelf]bool
	wide  []string // the encodings of the runes beyond ASCII
}

// NewTrimSet returns the TrimSet of the runes of cutset, which must be valid UTF-8.
func NewTrimSet(cutset string) *TrimSet {
	t := &TrimSet{}
	for _, r := range cutset {
		switch {
		case r == utf8.RuneError:
			panic("normalize: a TrimSet holds valid runes only")
		case r < utf8.RuneSelf:
			t.ascii[r] = true
		default:
			t.wide = append(t.wide, string(r))
		}
	}
	return t
}

// TrimLeft is strings.TrimLeft(s, cutset).
func (t *TrimSet) TrimLeft(s string) string {
next:
	for len(s) > 0 {
		if c := s[0]; c < utf8.RuneSelf {
			if !t.ascii[c] {
				break
			}
			s = s[1:]
			continue
		}
		for _, w := range t.wide {
			if strings.HasPrefix(s, w) {
				s = s[len(w):]
				continue next
			}
		}
		break
	}
	return s
}

// TrimRight is strings.TrimRight(s, cutset).
func (t *TrimSet) TrimRight(s string) string {
next:
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if !t.ascii[c] {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		for _, w := range t.wide {
			if strings.HasSuffix(s, w) {
				s = s[:len(s)-len(w)]
				continue next
			}
		}
		break
	}
	return s
}

// Trim is strings.Trim(s, cutset).
func (t *TrimSet) Trim(s string) string { return t.TrimRight(t.TrimLeft(s)) }
