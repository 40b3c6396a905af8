// Package normalize turns the raw text of French values — amounts, dates, times, person names —
// into exact typed values, and links the mentions of a person to one identity. It never guesses:
// a value it cannot read is an error, and the caller keeps the raw text.
package normalize

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"slices"
	"strings"
	"sync"
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
	var stack [256 + 8]byte // room for a word beyond the fold (see plainRun)
	buf := AppendFold(stack[:0], s)
	if string(buf) == s {
		return s
	}
	return string(buf)
}

// AppendFold appends Fold(s) to dst and returns the extended buffer. It lets a caller fold many
// strings into one buffer (the lines of a document) and pay one allocation instead of one each.
func AppendFold(dst []byte, s string) []byte {
	// Most lines are read by plainRun from end to end: one call, in a frame smaller than
	// appendFoldFrom's, when dst has the room it needs.
	if len(s) >= 8 && s[0] != ' ' && cap(dst)-len(dst) >= len(s)+8 {
		start := len(dst)
		o, n := plainRun(dst[start:cap(dst)], s)
		if dst = dst[:start+o]; n == len(s) {
			return dst
		}
		return appendFoldFrom(dst, start, s, n)
	}
	return appendFoldFrom(dst, len(dst), s, 0)
}

// appendFoldFrom is AppendFold from byte i of s, with no white space pending: dst[start:] holds
// the fold of s[:i], which is empty or ends with no white space after it.
func appendFoldFrom(dst []byte, start int, s string, i int) []byte {
	space := false
	for i < len(s) {
		// Eight bytes at a time while they are printable ASCII folded by lower-casing alone,
		// with single spaces between words (see plainRun). A space opening the run is copied
		// only after text (a leading space is dropped) and when no white space is pending.
		if !space && i+8 <= len(s) && (s[i] != ' ' || len(dst) > start) {
			// The run never folds longer than it reads (see plainRun): room for the bytes
			// left and one word more is room for its fold and its last word, made once here
			// rather than checked word by word.
			dst = slices.Grow(dst, len(s)-i+8)
			o, n := plainRun(dst[len(dst):cap(dst)], s[i:])
			dst = dst[:len(dst)+o]
			if n > 0 {
				i += n
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			f := foldASCII[c]
			if f == foldSpace {
				space = len(dst) > start
				continue
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, f)
			continue
		}
		if c == 0xC3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+00C0–U+00FF, the accented letters of French text (é è à ç ô…), read without
			// decoding: their fold is a letter or two, never white space.
			f := &foldC3[s[i+1]&0x3F]
			i += 2
			if space {
				dst = append(dst, ' ')
				space = false
			}
			if f[1] == 0 {
				dst = append(dst, f[0])
			} else {
				dst = append(dst, f[0], f[1])
			}
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
		case r >= foldSymbolStart && r < foldSymbolEnd && foldSymbols()[r-foldSymbolStart] != "":
			f = foldSymbols()[r-foldSymbolStart]
		case r >= foldPrivateStart && r < foldPrivateEnd:
			f = s[i-size : i] // a private-use glyph (Word's bullets): itself
		default:
			return append(dst[:start], foldSlow(s)...)
		}
		if f == "" {
			if unicode.IsSpace(r) {
				space = len(dst) > start
			}
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, f...)
	}
	return dst
}

// Byte-wise constants of plainRun.
const (
	swarLow  = 0x0101010101010101
	swarHigh = 0x8080808080808080
)

// load8 reads the first eight bytes of s as a little-endian word (the compiler merges the loads).
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plainRun writes into out the fold of the text that opens s, eight bytes at a time, and returns
// how many bytes it wrote and how many it read (none when s is shorter than eight bytes or out
// is not eight bytes longer than s). It reads words of ASCII that fold to themselves or by
// lower-casing alone (see plainWord), the runes that letterWord folds, and runs of ASCII white
// space, squeezed to one space: that a space is written only after text and never before the
// end is AppendFold's guard (plainRun starts neither after white space nor with a space before
// any text) and plainWord's (a space is kept only before a byte of the run or beyond ASCII).
// It stops before any other byte, or at the end of s; a space it wrote last, before a byte
// beyond ASCII that letterWord does not fold, is given back with the white space it stands for,
// for the caller to squeeze. The bytes of out past the fold may be written too.
func plainRun(out []byte, s string) (o, i int) {
	if len(s) < 8 || len(out) < len(s)+8 {
		return 0, 0
	}
	// The fold is never longer than the text read (a word folds to itself, a rune of letterWord
	// to as many bytes or fewer, white space to one space): o <= i, and a word stored at o, or
	// four bytes of a rune, stay within out.
	for {
		// Eight bytes from i; where fewer are left, the last eight moved down over those
		// before i, so that the places above the end read as zero bytes (control bytes,
		// which end plainWord's run and keep no space before them).
		var x uint64
		if i <= len(s)-8 {
			x = load8(s[i:])
		} else if i < len(s) {
			x = load8(s[len(s)-8:]) >> ((64 - 8*uint(len(s)-i)) & 63)
		} else {
			break
		}
		if byte(x) >= utf8.RuneSelf {
			// French words break the run at every accent, and returning costs more.
			e := letterWord(x)
			if e == 0 {
				break
			}
			binary.LittleEndian.PutUint32(out[o:o+4], e)
			o += int(e >> 24 & 0xf)
			i += int(e >> 28)
			continue
		}
		folded, n := plainWord(x)
		if n == 0 {
			// White space after text (the layout's runs of spaces, tabs): it stands for one
			// space, read as the space of a word that opens at its last byte.
			if i == 0 || foldASCII[byte(x)] != foldSpace {
				break
			}
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && foldASCII[s[j]] == foldSpace {
				j++
			}
			if j == len(s) {
				return o, j // white space ending the text is dropped
			}
			i = j - 1
			k := min(i, len(s)-8)
			if folded, n = plainWord(load8(s[k:])>>(8*uint(i-k)&63)&^0xff | ' '); n == 0 {
				break
			}
		}
		binary.LittleEndian.PutUint64(out[o:o+8], folded)
		o += n
		i += n
	}
	// A space that ends the run (before a byte beyond ASCII that is no letter to read, white
	// space maybe) is given back: the caller squeezes it. Its byte in s is white space.
	if o > 0 && out[o-1] == ' ' {
		i--
		o--
	}
	return o, i
}

// letterWord reads the rune that opens the word x when it is one that plainRun folds from a
// table: a rune of U+0080–U+024F (é è à ç œ ° «…) or of U+2000–U+20CF (’ – … €) whose fold is
// one to three bytes, no longer than the rune, without white space or control bytes. It returns
// the fold (low bytes), the fold's length (bits 24–27) and the rune's width (bits 28–31), or 0.
func letterWord(x uint64) uint32 {
	if c := uint(byte(x)) - 0xc2; c < 8 {
		if x&0xc000 != 0x8000 {
			return 0
		}
		return fold2w[c<<6|uint(x>>8)&0x3f]
	}
	if x&0xc0fcff == 0x8080e2 {
		return fold3w[uint(x>>2)&0xc0|uint(x>>16)&0x3f]
	}
	return 0
}

// plainWord folds the word x of plainRun's run and returns how many of its bytes, from the
// first, the run keeps.
func plainWord(x uint64) (folded uint64, n int) {
	// The high bit of each byte tells its class. With every high bit set, subtracting
	// k < 0x80 from each byte cannot borrow across bytes, and the high bit of a byte survives
	// exactly when its low seven bits are >= k; (k - 1) - hx, which is ^(hx - k), tells they
	// are < k, and with k = 1 and hx ^ c in place of hx, that they equal c (the other bits
	// are dropped once, at the end).
	hx := x | swarHigh
	stop := (0x20*swarLow - 1 - hx) | (swarLow - 1 - (hx ^ 0x60*swarLow)) // control or '`' (beyond ASCII aside)
	space := swarLow - 1 - (hx ^ 0x20*swarLow)                            // a space, or 0xa0
	// A space is kept before a byte of the run, or before one beyond ASCII: the next word
	// tells whether a letter follows, and when none does the run ends there and the space
	// is given back. The arithmetic shift makes the last place look ahead to itself, so that
	// a space there ends the word: the next opens with it, and can tell whether another space
	// follows.
	bad := (x | stop | space&uint64(int64(stop|space)>>8)) & swarHigh
	upper := ((hx - 0x41*swarLow) ^ (hx - 0x5b*swarLow)) & swarHigh // A–Z, lowered by their 0x20 bit
	return x | upper>>2, bits.TrailingZeros64(bad) >> 3
}

// foldSpace marks in foldASCII the white space that Fold squeezes.
const foldSpace = 0xff

// foldASCII is Fold of each ASCII byte (foldSpace for white space): one table look-up instead of
// a chain of range tests on the hottest path.
var foldASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case c == ' ' || ('\t' <= c && c <= '\r'):
			t[c] = foldSpace
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		case c == '`':
			t[c] = '\''
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

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

// Rune ranges that lists and bullets bring: arrows, shapes, symbols and dingbats (→ ▪ ✔ ➢),
// and the private-use area, where word processors put their bullet glyphs (U+F0B7). A rune of
// the first range is folded by table only when it has no decomposition and is a starter (see
// foldSymbols); private-use runes have neither, fold to themselves (the tests check every one),
// and so can be folded rune by rune too.
const (
	foldSymbolStart  = 0x2190
	foldSymbolEnd    = 0x27c0
	foldPrivateStart = 0xe000
	foldPrivateEnd   = 0xf900
)

// foldSymbols is the table of the symbol range, built on first use: "" marks a rune that sends
// its string to foldSlow.
var foldSymbols = sync.OnceValue(func() *[foldSymbolEnd - foldSymbolStart]string {
	var t [foldSymbolEnd - foldSymbolStart]string
	for r := rune(foldSymbolStart); r < foldSymbolEnd; r++ {
		p := norm.NFD.PropertiesString(string(r))
		if f := foldSlow(string(r)); p.Decomposition() == nil && p.CCC() == 0 && f == strings.ToLower(string(r)) {
			t[r-foldSymbolStart] = f
		}
	}
	return &t
})

var (
	foldLatin = func() (t [foldLatinEnd]string) {
		for r := rune(0x80); r < foldLatinEnd; r++ {
			t[r] = foldSlow(string(r))
		}
		return t
	}()
	// foldC3 is foldLatin of U+00C0–U+00FF (a UTF-8 lead byte 0xC3), indexed by the low six
	// bits of the second byte: one or two bytes, the second 0 when there is one.
	foldC3 = func() (t [64][2]byte) {
		for k := range t {
			f := foldLatin[0xC0+k]
			if f == "" || len(f) > 2 || strings.IndexByte(f, 0) >= 0 {
				panic("normalize: a letter of U+00C0–U+00FF does not fold to one or two bytes")
			}
			copy(t[k][:], f)
		}
		return t
	}()
	// fold2w is letterWord's table of U+0080–U+024F (UTF-8 C2–C9 xx), indexed by the lead's
	// offset from C2 and the low six bits of the second byte.
	fold2w = func() (t [8 << 6]uint32) {
		for k := range foldLatinEnd - 0x80 {
			t[k] = letterEntry(foldLatin[0x80+k], 2)
		}
		return t
	}()
	// fold3w is letterWord's table of U+2000–U+20FF (UTF-8 E2 80–83 xx), indexed by the low
	// two bits of the second byte and the low six of the third; U+20D0–U+20FF, combining marks
	// that foldSlow reads, are not in it.
	fold3w = func() (t [4 << 6]uint32) {
		for k := range foldPunctEnd - foldPunctStart {
			t[k] = letterEntry(foldPunct[k], 3)
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

// letterEntry is letterWord's entry for a rune of width bytes that folds to f: 0 when f is
// empty (white space, squeezed by AppendFold), longer than the rune (plainRun's room is the
// text's length), or holds white space or control bytes (a space given back by plainRun must
// be one it wrote for white space).
func letterEntry(f string, width int) uint32 {
	if f == "" || len(f) > width {
		return 0
	}
	var e uint32
	for k := range len(f) {
		if f[k] <= ' ' || f[k] == 0x7f {
			return 0
		}
		e |= uint32(f[k]) << (8 * k)
	}
	return e | uint32(len(f))<<24 | uint32(width)<<28
}

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
