package normalize

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Dates and times are read over word tokens rather than bytes: French writes them in words as
// often as in digits ("L'an deux mil treize, le huit avril à vingt heures trente"), and words are
// compared in folded form (lower case, no accents). This file holds the tokenizer and the French
// number words shared by the date and time readers.

// monthNames maps folded month names and their usual abbreviations to month numbers.
var monthNames = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1,
	"fevrier": 2, "fevr": 2, "fev": 2,
	"mars":  3,
	"avril": 4, "avr": 4,
	"mai":     5,
	"juin":    6,
	"juillet": 7, "juil": 7,
	"aout":      8,
	"septembre": 9, "sept": 9, "sep": 9,
	"octobre": 10, "oct": 10,
	"novembre": 11, "nov": 11,
	"decembre": 12, "dec": 12,
}

// abbreviated months are read only when a full date follows: "sept" is also the number seven.
var monthAbbrev = map[string]bool{"janv": true, "jan": true, "fevr": true, "fev": true, "avr": true,
	"juil": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true}

// weekdayNames are the folded day names that may open a date ("lundi 6 février 2024").
var weekdayNames = map[string]bool{
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true,
	"samedi": true, "dimanche": true,
}

// frNumberWords maps folded French number words to their values. mil/mille are 1000, cent 100;
// the Belgian and Swiss tens are included. "cing" is the usual OCR reading of "cinq".
var frNumberWords = map[string]int{
	"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "cing": 5,
	"six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
	"treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20,
	"trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
	"septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
	"cent": 100, "cents": 100, "mil": 1000, "mille": 1000,
}

// ordinalFirst are the words for the first day of a month.
var ordinalFirst = map[string]bool{"premier": true, "premiere": true}

// ordinalSuffixes follow a day number: "1er", "1ᵉʳ" (superscript letters), "1 e'" (OCR), "1°".
var ordinalSuffixes = map[string]bool{
	"er": true, "re": true, "ere": true, "e": true, "°": true, "º": true,
	"ᵉʳ": true, "ʳᵉ": true, "ᵉ": true,
}

// Token kinds.
const (
	vtWord  = iota // a run of letters
	vtNum          // a run of ASCII digits
	vtPunct        // any other single non-space character
)

// vtoken is one word, number or punctuation mark of a text, by byte offsets.
type vtoken struct {
	start, end int32 // int32 halves the token slice of a long document
	kind       uint8
}

// size is the length of the token in bytes.
func (t vtoken) size() int { return int(t.end - t.start) }

// vtokenize splits text into tokens. Spaces separate tokens and are dropped; letters and digits
// never share a token ("10h00" is 10, h, 00).
func vtokenize(text string) []vtoken {
	if len(text) > math.MaxInt32 {
		text = text[:math.MaxInt32] // offsets are int32; no document comes near
	}
	return appendTokens(make([]vtoken, 0, len(text)/4+1), text)
}

// appendTokens appends the tokens of text (as vtokenize) to toks: a caller with a short text
// passes a buffer on its stack.
func appendTokens(toks []vtoken, text string) []vtoken {
	if len(text) > math.MaxInt32 {
		text = text[:math.MaxInt32]
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case digitByte(c):
			j := i + digitRun(text, i)
			toks = append(toks, vtoken{int32(i), int32(j), vtNum})
			i = j
		case c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z'):
			j := letterRun(text, i)
			toks = append(toks, vtoken{int32(i), int32(j), vtWord})
			i = j
		case c < utf8.RuneSelf:
			toks = append(toks, vtoken{int32(i), int32(i + 1), vtPunct})
			i++
		default:
			r, w := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r):
				i += w
			case unicode.IsLetter(r):
				j := letterRun(text, i)
				toks = append(toks, vtoken{int32(i), int32(j), vtWord})
				i = j
			default:
				toks = append(toks, vtoken{int32(i), int32(i + w), vtPunct})
				i += w
			}
		}
	}
	return toks
}

// letterRun returns the end of the run of letters starting at text[i].
func letterRun(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				i++
				continue
			}
			return i
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += w
	}
	return i
}

// foldWord writes the folded form of a word (lower case, accents removed) into buf: cheaper than
// Fold, and enough for the closed vocabularies it is compared with. Words longer than buf are
// returned truncated, which no vocabulary word matches.
func foldWord(buf []byte, w string) []byte {
	buf = buf[:0]
	for _, r := range w {
		if len(buf) >= cap(buf)-1 {
			break
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			continue
		}
		switch unicode.ToLower(r) {
		case 'à', 'â', 'ä', 'á', 'ã':
			buf = append(buf, 'a')
		case 'é', 'è', 'ê', 'ë':
			buf = append(buf, 'e')
		case 'î', 'ï', 'í', 'ì':
			buf = append(buf, 'i')
		case 'ô', 'ö', 'ó', 'ò', 'õ':
			buf = append(buf, 'o')
		case 'û', 'ü', 'ù', 'ú':
			buf = append(buf, 'u')
		case 'ç':
			buf = append(buf, 'c')
		case 'ÿ':
			buf = append(buf, 'y')
		case 'œ':
			buf = append(buf, 'o', 'e')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// vwords gives folded access to the tokens of one text.
type vwords struct {
	text string
	toks []vtoken
	buf  [32]byte
}

func newVWords(text string) *vwords { return &vwords{text: text, toks: vtokenize(text)} }

// stackTokens is how many tokens findDates and findTimes keep on the stack: a line or two.
const stackTokens = 64

// tokensIn returns the tokens of text (as vtokenize), in buf when they fit (at most
// len(text)/4+1 of them, as vtokenize reserves).
func tokensIn(text string, buf []vtoken) []vtoken {
	if len(text)/4+1 <= cap(buf) {
		return appendTokens(buf[:0], text)
	}
	return vtokenize(text)
}

// raw is the text of token k.
func (w *vwords) raw(k int) string { return w.text[w.toks[k].start:w.toks[k].end] }

// fold is the folded text of token k; the result is valid until the next call.
func (w *vwords) fold(k int) []byte { return foldWord(w.buf[:0], w.raw(k)) }

// is reports whether token k exists and folds to word.
func (w *vwords) is(k int, word string) bool {
	if k < 0 || k >= len(w.toks) {
		return false
	}
	t := w.toks[k]
	if t.size() > 2*len(word)+2 {
		return false
	}
	return string(w.fold(k)) == word
}

// isPunct reports whether token k is the punctuation mark p (one character, "'" standing for
// both apostrophes).
func (w *vwords) isPunct(k int, p string) bool {
	if k < 0 || k >= len(w.toks) || w.toks[k].kind != vtPunct {
		return false
	}
	r := w.raw(k)
	return r == p || p == "'" && (r == "’" || r == "ʼ" || r == "‘")
}

// glued reports whether tokens k and k+1 touch (no space between them).
func (w *vwords) glued(k int) bool {
	return k >= 0 && k+1 < len(w.toks) && w.toks[k].end == w.toks[k+1].start
}

// num returns the value of the number token k, if it has at most maxDigits digits.
func (w *vwords) num(k, maxDigits int) (int, bool) {
	if k < 0 || k >= len(w.toks) || w.toks[k].kind != vtNum {
		return 0, false
	}
	t := w.toks[k]
	if t.size() > maxDigits {
		return 0, false
	}
	v := 0
	for i := t.start; i < t.end; i++ {
		v = v*10 + int(w.text[i]-'0')
	}
	return v, true
}

// numberWord returns the value of token k if it is a number word.
func (w *vwords) numberWord(k int) (int, bool) {
	if k < 0 || k >= len(w.toks) || w.toks[k].kind != vtWord {
		return 0, false
	}
	v, ok := frNumberWords[string(w.fold(k))]
	return v, ok
}

// numberState accumulates French number words ("quatre-vingt-dix-neuf", "deux mil treize") and
// rejects sequences that no one writes ("trois deux", "vingt dix").
type numberState struct {
	total, cur, last int
	prevFour         bool // the previous word was "quatre", so "vingt" makes eighty
	zero, thousand   bool
	n                int // words taken
}

// add takes one number word of value v; it reports false when the sequence is not a number.
func (st *numberState) add(v int) bool {
	switch {
	case st.zero:
		return false
	case v == 0:
		if st.n > 0 {
			return false
		}
		st.zero = true
	case v == 1000:
		if st.thousand {
			return false
		}
		st.total += max(st.cur, 1) * 1000
		st.cur, st.last, st.thousand = 0, 1000, true
	case v == 100:
		if st.cur >= 10 {
			return false
		}
		st.cur = max(st.cur, 1) * 100
		st.last = 100
	case v == 20 && st.prevFour:
		st.cur += 76
		st.last = 80
	default:
		// After a ten come units (vingt-trois, dix-sept); after soixante and quatre-vingt come
		// dix to dix-neuf; anything may follow a hundred or a thousand.
		switch {
		case st.last == 0 || st.last >= 100:
		case v < 10 && st.last >= 10 && st.last%10 == 0:
		case v >= 10 && v < 20 && (st.last == 60 || st.last == 80):
		default:
			return false
		}
		st.cur += v
		st.last = v
	}
	st.prevFour = v == 4 && st.cur%100 == 4
	st.n++
	return true
}

func (st *numberState) value() int { return st.total + st.cur }

// readNumberWords reads the longest number written in words from token k on ("vingt-trois",
// "soixante et onze", "deux mille vingt"). It returns the value and the index after its last
// word; ok is false when token k starts no number.
func (w *vwords) readNumberWords(k int) (val, next int, ok bool) {
	var st numberState
	for i := k; i < len(w.toks); {
		v, isNum := w.numberWord(i)
		if !isNum {
			break
		}
		if !st.add(v) {
			break
		}
		val, next, ok = st.value(), i+1, true
		// Joiners: a hyphen glued on both sides, or "et" (spaced or hyphenated, "vingt-et-un")
		// before un/une/onze after a ten.
		j := i + 1
		if w.isPunct(j, "-") && w.glued(i) && w.glued(j) {
			j++
		}
		if w.is(j, "et") {
			k := j + 1
			if w.isPunct(k, "-") && w.glued(j) && w.glued(k) {
				k++
			}
			if v2, _ := w.numberWord(k); st.cur%10 != 0 || st.cur < 20 || v2 != 1 && v2 != 11 {
				break
			}
			j = k
		}
		i = j
	}
	return val, next, ok
}

// numberWordsEndingAt reads the longest number in words that ends exactly with token last and
// whose value lies in [lo, hi]. It returns the index of its first token.
func (w *vwords) numberWordsEndingAt(last, lo, hi int) (val, first int, ok bool) {
	// Walk back over number words and their joiners, then try the longest candidate first.
	first = last + 1
	for k := last; k >= 0 && last-k < 16; {
		if _, isNum := w.numberWord(k); !isNum {
			break
		}
		first = k
		k--
		if w.isPunct(k, "-") && w.glued(k-1) && w.glued(k) {
			k--
		}
		if w.is(k, "et") {
			k--
			if w.isPunct(k, "-") && w.glued(k-1) && w.glued(k) {
				k--
			}
		}
	}
	for s := first; s <= last; s++ {
		if _, isNum := w.numberWord(s); !isNum {
			continue
		}
		if v, next, ok := w.readNumberWords(s); ok && next == last+1 && lo <= v && v <= hi {
			return v, s, true
		}
	}
	return 0, 0, false
}
