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
	var stack [256]byte
	buf := AppendFold(stack[:0], s)
	if string(buf) == s {
		return s
	}
	return string(buf)
}

// AppendFold appends Fold(s) to dst and returns the extended buffer. It lets a caller fold many
// strings into one buffer (the lines of a document) and pay one allocation instead of one each.
func AppendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are printable ASCII folded by lower-casing alone,
		// with single spaces between words (see plainRun). A space opening the run is copied
		// only after text (a leading space is dropped) and when no white space is pending.
		if !space && i+8 <= len(s) && (s[i] != ' ' || len(dst) > start) {
			// The run never folds longer than it reads (a letter of two bytes folds to one
			// or two, a rune of three to one, a space to itself): room for the bytes left is
			// room for its fold, made once here rather than checked word by word.
			dst = slices.Grow(dst, len(s)-i)
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

// plainRun writes into out the fold of the run of bytes that open s and fold to themselves or
// by lower-casing alone, eight at a time, and returns how many bytes it wrote and how many it
// read (none when s is shorter than eight bytes); out must be at least as long as s. The run is
// ASCII but white space, control bytes and '`', where a space is single and followed by such a
// byte: it is its own fold, lower-cased, when it neither starts the text nor follows white
// space (AppendFold checks both). A letter of U+00C0–U+00FF or a rune of U+2000–U+203F that
// folds to one printable ASCII byte (the apostrophe ’ of French text), alone or after a single
// space, goes on the run too. The run ends at the first other byte, before a space that does
// not lead to one of the run, or at the end of s; its last bytes, fewer than eight, are read
// only when out has room for a word of eight beyond their place (else the caller folds them).
// The bytes of out past the fold may be written too.
func plainRun(out []byte, s string) (o, i int) {
	if len(s) < 8 {
		return 0, 0
	}
	// Each word is stored whole at the place of its fold, which is never beyond the place of
	// what it read: while eight bytes are left to read, out has room for every store.
	for i <= len(s)-8 {
		x := load8(s[i:])
		if byte(x) >= utf8.RuneSelf {
			// French words break the run at every accent, and returning costs more.
			if e, w := letterWord(x); e != 0 {
				binary.LittleEndian.PutUint32(out[o:o+4], e)
				o += int(e >> 24)
				i += w
				continue
			}
		}
		folded, n := plainWord(x)
		binary.LittleEndian.PutUint64(out[o:o+8], folded)
		o += n
		i += n
		if n == 0 {
			break
		}
	}
	// Fewer than eight bytes left (a word that stops leaves eight or more): they are read as
	// one word, the last eight bytes of s moved down over those read already. The places above
	// them read as zero bytes, control bytes that end the run and keep no space before them
	// (the last place is one of them). The word is stored only where room is left (not always
	// in Fold's buffer on the stack); else, and from a letter beyond ASCII on, the caller folds
	// the bytes.
	if r := len(s) - i; r > 0 && r < 8 && o+8 <= len(out) {
		folded, n := plainWord(load8(s[len(s)-8:]) >> ((64 - 8*uint(r)) & 63))
		binary.LittleEndian.PutUint64(out[o:o+8], folded)
		o += n
		i += n
	}
	// A space that ends the run (before a byte beyond ASCII that is no letter to read, white
	// space maybe, or where the words end) is given back: the caller squeezes it.
	if i > 0 && s[i-1] == ' ' {
		i--
		o--
	}
	return o, i
}

// letterWord reads the letter of U+00C0–U+00FF (é è à ç…) or the rune of U+2000–U+203F that
// opens the word x, from the word in hand: its fold (low bytes) and the fold's length (top
// byte), 0 when it is neither, and its width in x.
func letterWord(x uint64) (e uint32, w int) {
	if x&0xc0ff == 0x80c3 {
		return foldC3w[x>>8&0x3f], 2
	}
	if x&0xc0ffff == 0x8080e2 {
		return foldE280w[x>>16&0x3f], 3
	}
	return 0, 0
}

// plainWord folds the word x of plainRun's run and returns how many of its bytes, from the
// first, the run keeps.
func plainWord(x uint64) (folded uint64, n int) {
	// The high bit of each byte tells its class. With every high bit set, subtracting
	// k < 0x80 from each byte cannot borrow across bytes, and the high bit of a byte survives
	// exactly when its low seven bits are >= k; (k - 1) - hx, which is ^(hx - k), tells they
	// are < k (the other bits are dropped once, at the end).
	hx := x | swarHigh
	lt21 := 0x21*swarLow - 1 - hx
	stop := lt21 | (swarLow - 1 - (hx ^ 0x60*swarLow)) // white space, control or '`' (beyond ASCII aside)
	space := lt21 & (hx - 0x20*swarLow)                // a space, or 0xa0
	// A space is kept before a byte of the run, or before one beyond ASCII: the next word
	// tells whether a letter follows, and when none does the run ends there and the space
	// is given back. The arithmetic shift makes the last place look ahead to itself, so that
	// a space there ends the word: the next opens with it, and can tell whether another space
	// follows.
	bad := (stop | x) &^ (space &^ (uint64(int64(stop)>>8) | x)) & swarHigh
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
	// foldC3w is foldC3 for plainRun: the fold's bytes, and its length in the top byte.
	foldC3w = func() (t [64]uint32) {
		for k, f := range foldC3 {
			t[k] = uint32(f[0]) | uint32(f[1])<<8 | 1<<24
			if f[1] != 0 {
				t[k] += 1 << 24
			}
		}
		return t
	}()
	// foldE280w is foldE280 for plainRun: the fold's byte and its length 1 in the top byte,
	// or 0.
	foldE280w = func() (t [64]uint32) {
		for k, c := range foldE280 {
			if c != 0 {
				t[k] = uint32(c) | 1<<24
			}
		}
		return t
	}()
	// foldE280 is foldPunct of U+2000–U+203F (UTF-8 E2 80 xx), indexed by the low six bits of
	// the last byte, where it is one printable ASCII byte other than a space; 0 elsewhere.
	foldE280 = func() (t [64]byte) {
		for k := range t {
			if f := foldPunct[k]; len(f) == 1 && f[0] > ' ' && f[0] < 0x7f {
				t[k] = f[0]
			}
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
