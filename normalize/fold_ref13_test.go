package normalize

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fold of AppendFold as it was before round 13 (runs broken by every white space run, the
// runes beyond U+00C0–U+00FF and the apostrophe, and the last bytes of a line read as ASCII
// only): the reference that TestAppendFoldAgreesWithRef13 and FuzzAppendFoldRef13 hold the
// new loop to, byte for byte.

// appendFoldRef13 appends Fold(s) to dst and returns the extended buffer. It lets a caller fold many
// strings into one buffer (the lines of a document) and pay one allocation instead of one each.
func appendFoldRef13(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are printable ASCII folded by lower-casing alone,
		// with single spaces between words (see plainRunRef13). A space opening the run is copied
		// only after text (a leading space is dropped) and when no white space is pending.
		if !space && i+8 <= len(s) && (s[i] != ' ' || len(dst) > start) {
			// The run never folds longer than it reads (a letter of two bytes folds to one
			// or two, a rune of three to one, a space to itself): room for the bytes left is
			// room for its fold, made once here rather than checked word by word.
			dst = slices.Grow(dst, len(s)-i)
			o, n := plainRunRef13(dst[len(dst):cap(dst)], s[i:])
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

// Byte-wise constants of plainRunRef13.
const (
	swarLowRef13  = 0x0101010101010101
	swarHighRef13 = 0x8080808080808080
)

// load8Ref13 reads the first eight bytes of s as a little-endian word (the compiler merges the loads).
func load8Ref13(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plainRunRef13 writes into out the fold of the run of bytes that open s and fold to themselves or
// by lower-casing alone, eight at a time, and returns how many bytes it wrote and how many it
// read (none when s is shorter than eight bytes); out must be at least as long as s. The run is
// ASCII but white space, control bytes and '`', where a space is single and followed by such a
// byte: it is its own fold, lower-cased, when it neither starts the text nor follows white
// space (appendFoldRef13 checks both). A letter of U+00C0–U+00FF or a rune of U+2000–U+203F that
// folds to one printable ASCII byte (the apostrophe ’ of French text), alone or after a single
// space, goes on the run too. The run ends at the first other byte, before a space that does
// not lead to one of the run, or at the end of s; its last bytes, fewer than eight, are read
// only when out has room for a word of eight beyond their place (else the caller folds them).
// The bytes of out past the fold may be written too.
func plainRunRef13(out []byte, s string) (o, i int) {
	if len(s) < 8 {
		return 0, 0
	}
	// Each word is stored whole at the place of its fold, which is never beyond the place of
	// what it read: while eight bytes are left to read, out has room for every store.
	for i <= len(s)-8 {
		x := load8Ref13(s[i:])
		if byte(x) >= utf8.RuneSelf {
			// French words break the run at every accent, and returning costs more.
			if e, w := letterWordRef13(x); e != 0 {
				binary.LittleEndian.PutUint32(out[o:o+4], e)
				o += int(e >> 24)
				i += w
				continue
			}
		}
		folded, n := plainWordRef13(x)
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
		folded, n := plainWordRef13(load8Ref13(s[len(s)-8:]) >> ((64 - 8*uint(r)) & 63))
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

// letterWordRef13 reads the letter of U+00C0–U+00FF (é è à ç…) or the rune of U+2000–U+203F that
// opens the word x, from the word in hand: its fold (low bytes) and the fold's length (top
// byte), 0 when it is neither, and its width in x.
func letterWordRef13(x uint64) (e uint32, w int) {
	if x&0xc0ff == 0x80c3 {
		return foldC3wRef13[x>>8&0x3f], 2
	}
	if x&0xc0ffff == 0x8080e2 {
		return foldE280wRef13[x>>16&0x3f], 3
	}
	return 0, 0
}

// plainWordRef13 folds the word x of plainRunRef13's run and returns how many of its bytes, from the
// first, the run keeps.
func plainWordRef13(x uint64) (folded uint64, n int) {
	// The high bit of each byte tells its class. With every high bit set, subtracting
	// k < 0x80 from each byte cannot borrow across bytes, and the high bit of a byte survives
	// exactly when its low seven bits are >= k; (k - 1) - hx, which is ^(hx - k), tells they
	// are < k (the other bits are dropped once, at the end).
	hx := x | swarHighRef13
	lt21 := 0x21*swarLowRef13 - 1 - hx
	stop := lt21 | (swarLowRef13 - 1 - (hx ^ 0x60*swarLowRef13)) // white space, control or '`' (beyond ASCII aside)
	space := lt21 & (hx - 0x20*swarLowRef13)                     // a space, or 0xa0
	// A space is kept before a byte of the run, or before one beyond ASCII: the next word
	// tells whether a letter follows, and when none does the run ends there and the space
	// is given back. The arithmetic shift makes the last place look ahead to itself, so that
	// a space there ends the word: the next opens with it, and can tell whether another space
	// follows.
	bad := (stop | x) &^ (space &^ (uint64(int64(stop)>>8) | x)) & swarHighRef13
	upper := ((hx - 0x41*swarLowRef13) ^ (hx - 0x5b*swarLowRef13)) & swarHighRef13 // A–Z, lowered by their 0x20 bit
	return x | upper>>2, bits.TrailingZeros64(bad) >> 3
}

var (
	// foldC3wRef13 is foldC3 for plainRun: the fold's bytes, and its length in the top byte.
	foldC3wRef13 = func() (t [64]uint32) {
		for k, f := range foldC3 {
			t[k] = uint32(f[0]) | uint32(f[1])<<8 | 1<<24
			if f[1] != 0 {
				t[k] += 1 << 24
			}
		}
		return t
	}()
	// foldE280wRef13 is foldE280Ref13 for plainRun: the fold's byte and its length 1 in the top byte,
	// or 0.
	foldE280wRef13 = func() (t [64]uint32) {
		for k, c := range foldE280Ref13 {
			if c != 0 {
				t[k] = uint32(c) | 1<<24
			}
		}
		return t
	}()
	// foldE280Ref13 is foldPunct of U+2000–U+203F (UTF-8 E2 80 xx), indexed by the low six bits of
	// the last byte, where it is one printable ASCII byte other than a space; 0 elsewhere.
	foldE280Ref13 = func() (t [64]byte) {
		for k := range t {
			if f := foldPunct[k]; len(f) == 1 && f[0] > ' ' && f[0] < 0x7f {
				t[k] = f[0]
			}
		}
		return t
	}()
)

// fold13Cases are texts where plainRun's squeezed white space, its runes of U+0080–U+024F and
// U+2000–U+20CF and its last word could go wrong: random texts over the bytes at the edges of
// white space, of the letters and of the UTF-8 sequences around them (NBSP, œ, ’, –, €, the
// combining marks, the lead bytes without their tails). TestAppendFoldAgreesWithRef covers
// foldRefCases.
func fold13Cases(yield func(string) bool) {
	edges := []string{" ", " ", " ", "\t", "\n", "\r", "\x00", "\x1f", "a", "Z", "`", "'", "~", "\x7f",
		"\u00a0", "\u0085", "é", "É", "°", "«", "œ", "Œ", "ß", "\u0130", "\u023a", "\u024f", "\u0250",
		"’", "–", "…", "€", "\u2000", "\u2009", "\u200b", "\u2028", "\u202f", "\u20cf", "\u20d0", "\u20ff",
		"\u0301", "\xc2", "\xc3", "\xc9", "\xe2\x80", "\xe2\x83", "\xe2", "\x80", "\xbf", "\xff", "→", "\uf0b7"}
	seed := uint64(7)
	for range 200000 {
		seed = seed*6364136223846793005 + 1442695040888963407
		n := 1 + (seed>>33)%24
		var w []byte
		for range n {
			seed = seed*6364136223846793005 + 1442695040888963407
			w = append(w, edges[(seed>>33)%uint64(len(edges))]...)
			if seed>>60 < 6 {
				w = append(w, "bcdefgh"[:1+(seed>>40)%7]...)
			}
		}
		if !yield(string(w)) {
			return
		}
	}
}

// TestAppendFoldAgreesWithRef13 holds AppendFold to the loop it replaced, alone and after other
// text.
func TestAppendFoldAgreesWithRef13(t *testing.T) {
	for s := range fold13Cases {
		for _, pre := range []string{"", "x", "Ab  "} {
			if got, want := AppendFold([]byte(pre), s), appendFoldRef13([]byte(pre), s); string(got) != string(want) {
				t.Fatalf("AppendFold(%q, %q) = %q, want %q", pre, s, got, want)
			}
		}
	}
}

// TestPlainRun checks plainRun's contract after text: its fold opens AppendFold's, it is all of
// it when it reads all of s, and it never writes more than it reads.
func TestPlainRun(t *testing.T) {
	check := func(s string) {
		room := make([]byte, len(s)+8)
		o, n := plainRun(room, s)
		want := string(appendFoldRef13(nil, "y"+s))[1:] // after text, as AppendFold calls it
		switch {
		case o > n || n > len(s) || (n == 0) != (o == 0):
			t.Fatalf("plainRun(%q) writes %d bytes for %d read", s, o, n)
		case len(s) >= 8 && n == 0 && s[0] > ' ' && s[0] < 0x7f && s[0] != '`':
			t.Fatalf("plainRun(%q) reads nothing", s)
		case n == len(s) && string(room[:o]) != want, !strings.HasPrefix(want, string(room[:o])):
			t.Fatalf("plainRun(%q) reads %d bytes and writes %q, want a start of %q", s, n, room[:o], want)
		}
		if o, n := plainRun(make([]byte, len(s)+7), s); o != 0 || n != 0 {
			t.Fatalf("plainRun(%q) without room writes %d bytes", s, o)
		}
	}
	for s := range fold13Cases {
		check(s)
	}
}

func FuzzAppendFoldRef13(f *testing.F) {
	for _, s := range []string{"", "Le Conseil  Municipal,\tà l’unanimité – 12 € « x »", "abcdefgh\t\t\u00a0é", "a  \u0301", "abcdefgh  \u2009x", "Œuvre°  ß\u023a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, pre := range []string{"", "x"} {
			if got, want := AppendFold([]byte(pre), s), appendFoldRef13([]byte(pre), s); string(got) != string(want) {
				t.Fatalf("AppendFold(%q, %q) = %q, want %q", pre, s, got, want)
			}
		}
	})
}

// TestPlainWordAgreesWithRef13 holds plainWord to the word step it replaced, on words of bytes
// at the edges of its classes and of random bytes: the same count, and the same fold of the
// bytes counted.
func TestPlainWordAgreesWithRef13(t *testing.T) {
	edges := []byte{0, 1, '\t', '\n', 0x1f, ' ', ' ', ' ', '!', '@', 'A', 'Z', '[', '_', '`', 'a', 'z', '~', 0x7f,
		0x80, 0x9f, 0xa0, 0xa1, 0xc1, 0xc2, 0xc3, 0xda, 0xdb, 0xe0, 0xe2, 0xff}
	seed := uint64(3)
	for k := range 2000000 {
		var x uint64
		for b := range 8 {
			seed = seed*6364136223846793005 + 1442695040888963407
			c := byte(seed >> 56)
			if k%4 != 0 {
				c = edges[(seed>>33)%uint64(len(edges))]
			}
			x |= uint64(c) << (8 * b)
		}
		f, n := plainWord(x)
		wf, wn := plainWordRef13(x)
		mask := uint64(1)<<(8*n) - 1
		if n == 8 {
			mask = ^uint64(0)
		}
		if n != wn || f&mask != wf&mask {
			t.Fatalf("plainWord(%#016x) = %#016x, %d, want %#016x, %d", x, f, n, wf, wn)
		}
	}
}
