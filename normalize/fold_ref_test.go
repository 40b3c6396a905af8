package normalize

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fold of AppendFold as it was before its word loop was rewritten (round 11): the reference
// that TestAppendFoldAgreesWithRef and FuzzAppendFoldRef hold the new loop to, byte for byte.

// appendFoldRef appends Fold(s) to dst and returns the extended buffer. It lets a caller fold many
// strings into one buffer (the lines of a document) and pay one allocation instead of one each.
func appendFoldRef(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are printable ASCII folded by lower-casing alone,
		// with single spaces between words (see appendPlainRef). A space opening the run is copied
		// only after text (a leading space is dropped) and when no white space is pending.
		if !space && i+8 <= len(s) && (s[i] != ' ' || len(dst) > start) {
			var n int
			if dst, n = appendPlainRef(dst, s[i:]); n > 0 {
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

// appendPlainRef appends the fold of the run of bytes that open s and fold by lower-casing alone,
// eight at a time, and returns how many it read (0 when s is shorter than eight bytes). The run
// is printable ASCII other than '`', where a space is single and followed by such a byte: it is
// its own fold, lower-cased, when it neither starts the text nor follows white space
// (appendFoldRef checks both). It ends at the first other byte (white space other than a single
// space, control bytes, DEL, '`', a byte of a multi-byte rune), or before a space that ends
// it or its last word of eight: that space may open a run to squeeze, or be trailing. Each word
// ends on a byte other than a space, so that the next word may open with one. A letter of
// U+00C0–U+00FF or a rune of U+2000–U+203F that folds to one printable ASCII byte (the
// apostrophe ’ of French text) does not end the run, nor does a single space before one or
// before a byte of the run; the run goes on with the word after it.
func appendPlainRef(dst []byte, s string) ([]byte, int) {
	if len(s) < 8 {
		return dst, 0
	}
	// The run never folds longer than it reads (a letter of two bytes folds to one or two, a
	// rune of three to one, a space to itself), and each word is stored whole at the place of
	// its fold before the run's end cuts it: room for len(s) bytes is room for every store, made
	// once here rather than checked word by word.
	dst = slices.Grow(dst, len(s))
	out := dst[len(dst):cap(dst)]
	o, i := 0, 0
	for i+8 <= len(s) {
		x := load8(s[i : i+8])
		// With every high bit set, subtracting k < 0x80 from each byte cannot borrow across
		// bytes, and the high bit of a byte survives exactly when its low seven bits are >= k
		// (the other bits are dropped once, at the end). ^(hx - k) is (k - 1) - hx: the high
		// bit tells the low seven bits are < k, for the same cost.
		hx := x | swarHigh
		ge20 := hx - 0x20*swarLow
		lt21 := 0x21*swarLow - 1 - hx
		ge41 := hx - 0x41*swarLow
		lt5b := 0x5b*swarLow - 1 - hx
		lt60 := 0x60*swarLow - 1 - hx
		ge61 := hx - 0x61*swarLow
		lt7f := 0x7f*swarLow - 1 - hx
		ascii := ^x & swarHigh
		// Kept: 0x20..0x7e but '`'; a space followed by a space is not, nor a space before a
		// byte that ends the run or at the last place (the next word may open with it).
		good := ge20 & lt7f & (lt60 | ge61) & ascii
		space := ge20 & lt21 & ascii
		bad := good ^ swarHigh | space&(space>>8)
		n := bits.TrailingZeros64(bad) >> 3
		if n > 0 && space>>(8*n-1)&1 != 0 {
			n--
		}
		upper := ge41 & lt5b & ascii // A–Z, lowered by their 0x20 bit
		binary.LittleEndian.PutUint64(out[o:o+8], x|upper>>2)
		o += n
		i += n
		if n < 8 {
			// A letter of U+00C0–U+00FF (é è à ç…), alone or after a single space, goes on
			// the run: French words break it at every accent, and returning costs more.
			j := i
			if j < len(s) && s[j] == ' ' {
				j++
			}
			// The letter, or the rune of U+2000–U+203F, read in place: a call in the loop
			// would have every value the loop keeps in a register saved and loaded again at
			// each word. f is its fold (its second byte 0 when it has one), w its width.
			var f [2]byte
			w := 0
			if j+1 < len(s) && s[j] == 0xC3 && s[j+1]&0xC0 == 0x80 {
				f, w = foldC3[s[j+1]&0x3F], 2
			} else if j+2 < len(s) && s[j] == 0xE2 && s[j+1] == 0x80 && s[j+2]&0xC0 == 0x80 {
				if c := foldE280Ref13[s[j+2]&0x3F]; c != 0 {
					f, w = [2]byte{c}, 3
				}
			}
			if w == 0 {
				if j > i && j < len(s) && plainByteRef(s[j]) {
					// A single space before a byte of the run (a word ending where one
					// of eight does, a sixth of them): the run goes on past it.
					out[o] = ' '
					o++
					i = j
					continue
				}
				break
			}
			if j > i {
				out[o] = ' '
				o++
			}
			out[o] = f[0]
			o++
			if f[1] != 0 {
				out[o] = f[1]
				o++
			}
			i = j + w
		}
	}
	return dst[:len(dst)+o], i
}

// plainByteRef reports whether c is a byte of appendPlainRef's run other than a space: printable
// ASCII but '`', folded by lower-casing alone.
func plainByteRef(c byte) bool { return c > ' ' && c < 0x7f && c != '`' }

// foldRefCases are texts where the word loop could go wrong: every byte next to the bytes at the
// edges of its ranges, in every place of a word, and then random texts over those bytes.
func foldRefCases(yield func(string) bool) {
	edges := []byte{0, '\t', 0x1f, ' ', '!', '0', '@', 'A', 'Z', '[', '_', '`', 'a', 'z', '~', 0x7f, 0x80, 0x99, 0xa9, 0xbf, 0xc0, 0xc3, 0xc3, 0xc3, 0xe2, 0xe2, 0xff}
	for k := range 10 {
		for c := range 256 {
			w := []byte("abcdefghijklmnopq")
			w[k] = byte(c)
			if !yield(string(w)) {
				return
			}
			w[k+1] = 0xa9 // é when c is 0xc3
			if !yield(string(w)) {
				return
			}
			w[k+1], w[k+2] = 0x80, byte(c) // U+2000–U+203F when c is 0xe2
			for _, c3 := range []byte{0x80, 0x93, 0x98, 0x99, 0xaf, 0xbf} {
				w[k], w[k+2] = 0xe2, c3
				if !yield(string(w)) || !yield(" "+string(w)) {
					return
				}
				w[k] = ' '
				w[k+1], w[k+2], w[k+3] = 0xe2, 0x80, c3
				if !yield(string(w)) {
					return
				}
			}
		}
	}
	// Two bytes of the edges anywhere in a text of letters: double spaces across words.
	for j := range 20 {
		for k := j + 1; k < 20; k++ {
			for _, a := range edges {
				for _, b := range edges {
					w := []byte("abcdefghijklmnopqrstuvwx")
					w[j], w[k] = a, b
					if !yield(string(w)) {
						return
					}
				}
			}
		}
	}
	seed := uint64(1)
	for range 300000 {
		seed = seed*6364136223846793005 + 1442695040888963407
		w := make([]byte, 4+(seed>>33)%28)
		for k := range w {
			seed = seed*6364136223846793005 + 1442695040888963407
			w[k] = edges[(seed>>33)%uint64(len(edges))]
		}
		if !yield(string(w)) {
			return
		}
	}
}

// TestAppendFoldAgreesWithRef holds AppendFold to the reference loop it replaced, alone and
// after other text.
func TestAppendFoldAgreesWithRef(t *testing.T) {
	for s := range foldRefCases {
		for _, pre := range []string{"", "x", "Ab  "} {
			if got, want := AppendFold([]byte(pre), s), appendFoldRef([]byte(pre), s); string(got) != string(want) {
				t.Fatalf("AppendFold(%q, %q) = %q, want %q", pre, s, got, want)
			}
		}
	}
}

func FuzzAppendFoldRef(f *testing.F) {
	for _, s := range []string{"", "Le Conseil Municipal, après en avoir délibéré, à l’unanimité", "a  b\x7fc `d é’ \u2019x", "abcdefgé xyz", "abcdefg\u2019 h\u00a0É"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, pre := range []string{"", "x"} {
			if got, want := AppendFold([]byte(pre), s), appendFoldRef([]byte(pre), s); string(got) != string(want) {
				t.Fatalf("AppendFold(%q, %q) = %q, want %q", pre, s, got, want)
			}
		}
	})
}
