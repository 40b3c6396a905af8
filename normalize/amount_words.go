package normalize

import (
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Amounts written in words ("un euro symbolique", "cinq cents euros", "deux millions d'euros")
// are found from their currency back: the digit scanner never sees them, and they are rare
// enough that looking only around "euro" and "€" keeps FindAmounts fast.

// wordMultipliers scale a number in words when written between it and the currency.
var wordMultipliers = map[string]int32{"million": 6, "millions": 6, "milliard": 9, "milliards": 9}

// wordAmountWindow is how far before a currency the words of its number are looked for.
const wordAmountWindow = 120

// marks walks the currency words of a text in order ("€", "euro", "euros", any case), those a
// digit amount used included, without a slice. One pass finds the three stems they are told by
// ("€", "uro", "URO"; see nextMarkStem), eight bytes at a time: French prose is full of u's,
// which cost a substring search for "uro" one call each. No two stems overlap, nor start at
// the same byte, so the marks come in the order of their stems.
type marks struct {
	text string
	from int // where the search goes on
}

func (m *marks) init(text string) {
	m.text, m.from = text, 0
}

// next returns the next mark in text order.
func (m *marks) next() (start, end int, ok bool) {
	text := m.text
	for {
		i := nextMarkStem(text, m.from)
		if i < 0 {
			m.from = len(text)
			return 0, 0, false
		}
		e := i + 3 // every stem is three bytes
		m.from = e
		if text[i] == 0xE2 {
			return i, e, true
		}
		// "uro" or "URO": a mark when an "e" opens the word, with an optional "s".
		if i == 0 || text[i-1]|0x20 != 'e' || alnumBefore(text, i-1) {
			continue
		}
		if e < len(text) && text[e]|0x20 == 's' {
			e++
		}
		if wordEndsAt(text, e) {
			m.from = e
			return i - 1, e, true
		}
	}
}

// nextMarkStem returns the index of the first "€", "uro" or "URO" of text at or after i, or -1.
// It flags, eight bytes at a time, the bytes 0xE2 (the first of "€") and the "u" of "uro" in
// any case (see amountFlags), and looks only at the flagged bytes.
func nextMarkStem(text string, i int) int {
	n := len(text)
	// Two words a turn while they fit, then one.
	for ; i+18 <= n; i += 16 {
		t := text[i : i+18]
		m := markFlags(load8(t[0:8]), load8(t[1:9]), load8(t[2:10]))
		m2 := markFlags(load8(t[8:16]), load8(t[9:17]), load8(t[10:18]))
		if m|m2 == 0 {
			continue
		}
		if k := flaggedStem(text, i, m); k >= 0 {
			return k
		}
		if k := flaggedStem(text, i+8, m2); k >= 0 {
			return k
		}
	}
	for ; i+10 <= n; i += 8 {
		t := text[i : i+10]
		if k := flaggedStem(text, i, markFlags(load8(t[0:8]), load8(t[1:9]), load8(t[2:10]))); k >= 0 {
			return k
		}
	}
	// Fewer than ten bytes are left; a stem opens three bytes before the end at the latest.
	for ; i+3 <= n; i++ {
		if markStemAt(text, i) {
			return i
		}
	}
	return -1
}

// markFlags flags (high bit of a lane) the bytes of the word x that may open a stem, x, y and z
// being the text at a byte and one and two bytes further: 0xE2 and the "u" of "uro" in any
// case, and maybe a byte above a flagged one (see amountFlags).
func markFlags(x, y, z uint64) uint64 {
	const low, high = 0x0101010101010101, 0x8080808080808080
	e := x ^ 0xE2*low
	u := ((x ^ 'u'*low) | (y ^ 'r'*low) | (z ^ 'o'*low)) &^ (0x20 * low)
	return ((e-low)&^e | (u-low)&^u) & high
}

// flaggedStem returns the first byte flagged in m (markFlags of text at i) that opens a stem,
// or -1.
func flaggedStem(text string, i int, m uint64) int {
	for ; m != 0; m &= m - 1 {
		if k := i + bits.TrailingZeros64(m)>>3; markStemAt(text, k) {
			return k
		}
	}
	return -1
}

// markStemAt reports whether text[i:] opens with "€", "uro" or "URO": its three bytes read as
// one number, small enough to be inlined where the scans look at a flagged byte.
func markStemAt(text string, i int) bool {
	if i < 0 || i+3 > len(text) {
		return false
	}
	w := uint32(text[i]) | uint32(text[i+1])<<8 | uint32(text[i+2])<<16
	return w == 0xE2|0x82<<8|0xAC<<16 || w == 'u'|'r'<<8|'o'<<16 || w == 'U'|'R'<<8|'O'<<16
}

// wordAmountBefore reads a number in words that ends just before the currency at text[cur:]
// and starts after floor: "un euro", "deux millions d'euros". It returns the start of its first
// word.
func wordAmountBefore(text string, cur, floor int) (start int, v int64, mult int32, ok bool) {
	// Cheap test first: a word (or the apostrophe of d'euros) must end before the currency.
	j := cur
	for j > floor {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsSpace(r) {
			if !unicode.IsLetter(r) && r != '\'' && r != '’' {
				return 0, 0, 0, false
			}
			break
		}
		j -= n
	}
	from := max(floor, cur-wordAmountWindow)
	// Start the window at a word boundary so that no token is cut.
	for from > 0 && from < cur && alnumBefore(text, from) {
		from++
	}
	if from < j && !lastWordMay(text[from:j]) {
		return 0, 0, 0, false
	}
	w := newVWords(text[from:cur])
	k := len(w.toks) - 1
	linked := false // "d'euros", "de €": only after millions
	if w.isPunct(k, "'") && w.is(k-1, "d") {
		k, linked = k-2, true
	} else if w.is(k, "de") {
		k, linked = k-1, true
	}
	if k >= 0 && w.toks[k].kind == vtWord {
		if m, isMult := wordMultipliers[string(w.fold(k))]; isMult {
			mult = m
			k--
		}
	}
	if linked && mult == 0 {
		return 0, 0, 0, false
	}
	val, first, ok := w.numberWordsEndingAt(k, 0, 999999999)
	if !ok {
		return 0, 0, 0, false
	}
	return from + int(w.toks[first].start), int64(val), mult, true
}

// lastWordMay reports whether the word that ends text (the last token before a currency) may
// end an amount in words: a number word, a multiplier or "de" ("deux millions de €"). A text
// ending with no letter passes (an apostrophe: "d'euros"). Most currencies without a digit
// amount follow some other word ("en euros", "montant en €"), and the tokens of the window
// need not be read for them. Read back from the end, the maximal run of letters is the last
// token of vtokenize: a valid rune read backwards starts where reading forwards reaches, and
// an invalid byte ends both runs.
func lastWordMay(text string) bool {
	k := len(text)
	for k > 0 {
		if c := text[k-1]; c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				k--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	if k == len(text) {
		return true
	}
	var buf [32]byte
	w := string(foldWord(buf[:0], text[k:]))
	_, num := frNumberWords[w]
	_, mult := wordMultipliers[w]
	return num || mult || w == "de"
}

// restateWindow is how far after a digit amount its restatement in words may start.
const restateWindow = 200

// restates reports whether the amount in words starting at text[start:] only restates the digit
// amount prev, as deeds do: "254 600,00 € (deux-cent-cinquante-quatre-mille six-cents euros)",
// "134 000 € cent-trente-quatre mille euros". Inside the parenthesis after a digit amount the
// words are a restatement even when they read differently (a cut line, centimes left out).
func restates(text string, prev Match, prevVal decimal.Decimal, start int, val decimal.Decimal) bool {
	if start-prev.End > restateWindow {
		return false
	}
	gap := text[prev.End:start]
	if strings.Contains(gap, "(") && !strings.Contains(gap, ")") {
		return true
	}
	return prevVal.Truncate(0).Equal(val)
}

// addWordAmounts adds to out, in order, the amounts written in words in text. With lean, the
// matches in out and those added have no Value (see FindAmountDigits). The walk of the marks
// starts at from: the stems before it, if any, are those of the digit amounts in out.
func addWordAmounts(text string, out []Match, lean bool, from int) []Match {
	var cm marks
	cm.init(text)
	cm.from = from
	n := len(out)
	used := 0 // index of the next digit match that may overlap
	for {
		mStart, mEnd, ok := cm.next()
		if !ok {
			break
		}
		for used < n && out[used].End <= mStart {
			used++
		}
		if used < n && out[used].Start < mEnd {
			continue // the currency of a digit amount
		}
		floor := 0
		if used > 0 {
			floor = out[used-1].End
		}
		if last := len(out) - 1; last >= n && out[last].End > floor {
			floor = out[last].End // the previous amount in words
		}
		start, v, mult, ok := wordAmountBefore(text, mStart, floor)
		if !ok {
			continue
		}
		digits := strconv.FormatInt(v, 10)
		val, err := decimalOf(digits)
		if err != nil {
			continue
		}
		val = val.Shift(mult)
		if used > 0 {
			prev := out[used-1]
			prevVal := prev.Money.Value
			if lean {
				// The value that Digits writes exactly.
				if prevVal, err = decimalOf(prev.Money.Digits); err != nil {
					continue
				}
			}
			if restates(text, prev, prevVal, start, val) {
				continue
			}
		}
		m := Match{Start: start, End: mEnd, Money: Money{
			Value: val, Digits: val.String(), Currency: "EUR", Raw: text[start:mEnd],
		}}
		if lean {
			m.Money.Value = decimal.Decimal{}
		}
		out = append(out, m)
	}
	if len(out) > n {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}
