package normalize

import (
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The amount reader is a hand-written byte scanner rather than a regular expression: FindAmounts
// runs over whole documents many times, and the French rules (which separator groups, which one is
// the decimal point, whether a dash is a sign or a bullet) read more clearly as code than as one
// large pattern. The vocabulary it recognises sits in the tables below.

// currencyWords are the currency markers that may follow a number, longest first so that
// "euros" wins over "euro", with their ISO 4217 code. Matching ignores case; every one but "€"
// must end at a word boundary. mult is the power of ten the marker multiplies the number by
// (k€ = thousands of euros). Francs are for minutes written before 2002.
var currencyWords = []struct {
	word, code string
	mult       int32
}{
	{"€uros", "EUR", 0}, {"€uro", "EUR", 0}, {"€", "EUR", 0},
	{"euros", "EUR", 0}, {"euro", "EUR", 0}, {"eur", "EUR", 0},
	{"keuros", "EUR", 3}, {"keuro", "EUR", 3}, {"keur", "EUR", 3},
	{"meuros", "EUR", 6}, {"meuro", "EUR", 6}, {"meur", "EUR", 6},
	{"francs", "FRF", 0}, {"franc", "FRF", 0}, {"ff", "FRF", 0}, {"frf", "FRF", 0},
}

// multiplierWords are words or letters that scale the number when a currency marker follows them
// ("986 K €", "2 millions d'euros", "1,2 Md€"). Single letters are matched case-sensitively for
// M (million) and case-insensitively for k; whole words ignore case.
var multiplierWords = []struct {
	word string
	mult int32
}{
	{"milliards", 9}, {"milliard", 9}, {"mds", 9}, {"md", 9},
	{"millions", 6}, {"million", 6},
	{"mille", 3},
	{"k", 3}, {"M", 6},
}

// ofEuros are the links between a word multiplier and its currency: "millions d'euros".
var ofEuros = []string{"d'", "d’", "de "}

// taxWords are the tax qualifiers written after an amount (hors taxes, toutes taxes comprises).
// They are kept in the span; alone after a number ("16 098,16 TTC") they mark it as euros too.
var taxWords = []string{"h.t.", "t.t.c.", "h.t", "t.t.c", "ht", "ttc"}

// Separator kinds inside one number: a number groups its thousands with one kind only.
const (
	sepNone = iota
	sepSpace
	sepDot
	sepQuote
)

// groupSep reports the thousands separator starting at s[i] and its length in bytes.
func groupSep(s string, i int) (kind, n int) {
	if i >= len(s) {
		return sepNone, 0
	}
	switch s[i] {
	case ' ':
		return sepSpace, 1
	case '.':
		return sepDot, 1
	case '\'':
		return sepQuote, 1
	case 0xC2: // U+00A0 no-break space
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return sepSpace, 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0xAF, 0x89: // U+202F narrow no-break space, U+2009 thin space
				return sepSpace, 3
			case 0x99: // U+2019 right single quotation mark, the Swiss grouping "1’697"
				return sepQuote, 3
			}
		}
	}
	return sepNone, 0
}

// hspaceLen returns the length of the horizontal space run at s[i:] (spaces, no-break spaces, thin
// spaces; never a tab or a line break, which separate table cells and lines).
func hspaceLen(s string, i int) int {
	// Only ' ', 0xC2 and 0xE2 open a space (see groupSep): most numbers are followed by another
	// byte, told without a call (this test inlines).
	if i < len(s) && opensSpace[s[i]] {
		return hspaceRun(s, i)
	}
	return 0
}

// opensSpace marks the bytes that open a horizontal space: ' ', 0xC2 and 0xE2 (see groupSep).
var opensSpace = [256]bool{' ': true, 0xC2: true, 0xE2: true}

// hspaceRun is hspaceLen at a byte that may open a space.
func hspaceRun(s string, i int) int {
	// Most runs are one ASCII space before a byte that opens no space.
	if s[i] == ' ' && (i+1 == len(s) || s[i+1] != ' ' && s[i+1] != 0xC2 && s[i+1] != 0xE2) {
		return 1
	}
	j := i
	for {
		if k, n := groupSep(s, j); k == sepSpace {
			j += n
			continue
		}
		return j - i
	}
}

func digitByte(c byte) bool { return '0' <= c && c <= '9' }

// digitRun returns the number of ASCII digits at s[i:].
func digitRun(s string, i int) int {
	j := i
	for j < len(s) && digitByte(s[j]) {
		j++
	}
	return j - i
}

// numSpan is the span of one number in the text.
type numSpan struct {
	start, end int // the number's bytes, sign and currency excluded
	intEnd     int // end of the integer part (groups included)
	fracStart  int // start of the decimal digits, or -1
	loose      bool
}

// Loose numbers are read only when a currency follows them, since without it the looser reading
// is more often wrong: a spaced decimal comma ("405, 59 €", "353 000 ,00 €": "articles 405, 59"
// is a list) and a line break between two groups of a justified paragraph ("contre 3 900⏎747 €").

// groupRun returns the kind and width of the thousands separator at s[j:]: one separator, or in
// justified text a run of up to three spaces ("1 070  000  €"); with loose, also a line break
// with its surrounding spaces.
func groupRun(s string, j int, loose bool) (kind, w int, broken bool) {
	h := hspaceLen(s, j)
	if loose {
		k := j + h
		if k < len(s) && s[k] == '\r' {
			k++
		}
		if k < len(s) && s[k] == '\n' {
			k++
			return sepSpace, k + hspaceLen(s, k) - j, true
		}
	}
	if h == 0 {
		kind, w = groupSep(s, j)
		return kind, w, false
	}
	// Wider gaps part the columns of a table laid out with spaces, not the groups of one number.
	// Every space is a byte or more: a run of up to three bytes holds three spaces at most.
	if h <= 3 {
		return sepSpace, h, false
	}
	for n, k := 0, j; k < j+h; n++ {
		if n == 3 {
			return sepNone, 0, false
		}
		_, w := groupSep(s, k)
		k += w
	}
	return sepSpace, h, false
}

// opensGroup marks the bytes that may open what groupRun reads: a space (' ', or the first
// byte of a wider one: see groupSep), '.', an apostrophe (' or the first byte of ’), a line break.
var opensGroup = [256]bool{' ': true, 0xC2: true, 0xE2: true, '.': true, '\'': true, '\r': true, '\n': true}

// scanNumber reads the French number starting with the digit at s[i]. ok is false when the digits
// run on into something that is not a number ("01.01.2024", "1.2.3"); end then points past it so
// that the caller does not restart in the middle.
func scanNumber(s string, i int, loose bool) (n numSpan, ok bool) {
	return scanNumberLead(s, i, digitRun(s, i), loose)
}

// scanNumberLead is scanNumber for a caller that has read the run of digits at s[i]: lead is
// digitRun(s, i), which is not read again.
func scanNumberLead(s string, i, lead int, loose bool) (n numSpan, ok bool) {
	n.start, n.fracStart = i, -1
	j := i + lead
	kind := sepNone
	// A thousands group leader has 1 to 3 digits and no leading zero: "2023 1 200 €" is a year and
	// an amount, "011 250" a budget chapter and a number.
	if lead <= 3 && s[i] != '0' {
		for {
			// Most numbers of prose end at a byte that opens no separator, or at a space before
			// a byte that is no digit and opens no space nor line break: no group follows.
			if j >= len(s) || !opensGroup[s[j]] {
				break
			}
			if s[j] == ' ' && (j+1 == len(s) || s[j+1] < utf8.RuneSelf && !digitByte(s[j+1]) && s[j+1] != ' ' && s[j+1] != '\r' && s[j+1] != '\n') {
				break
			}
			// A line break may part groups only after a first group on the same line.
			k, w, broken := groupRun(s, j, loose && kind != sepNone)
			if k == sepNone || (kind != sepNone && k != kind) {
				break
			}
			if digitRun(s, j+w) != 3 {
				break
			}
			kind = k
			n.loose = n.loose || broken
			j += w + 3
		}
	}
	n.intEnd = j
	switch {
	case j+1 < len(s) && s[j] == ',' && digitByte(s[j+1]):
		n.fracStart = j + 1
		j = n.fracStart + digitRun(s, n.fracStart)
	case j+1 < len(s) && s[j] == '.' && kind != sepDot && digitByte(s[j+1]):
		// A dot not taken as a thousands separator above is a decimal point ("699.92€", "273 769.28 €").
		n.fracStart = j + 1
		j = n.fracStart + digitRun(s, n.fracStart)
	case loose:
		// A spaced decimal comma with two decimals: "405, 59 €", "353 000 ,00 €".
		k := j
		if h := hspaceLen(s, k); h <= 3 {
			k += h
		}
		if k < len(s) && s[k] == ',' {
			k++
			if h := hspaceLen(s, k); h <= 3 {
				k += h
			}
			if k-j > 1 && digitRun(s, k) == 2 {
				n.fracStart, n.loose = k, true
				j = k + 2
			}
		}
	}
	n.end = j
	// The number must end here: "1.2.3", "27.06.2008" and "1,234.56" are not one French number.
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') && digitByte(s[j+1]) {
		for j < len(s) && (digitByte(s[j]) || s[j] == '.' || s[j] == ',') {
			j++
		}
		n.end = j
		return n, false
	}
	return n, true
}

// digits writes the number as a plain decimal string: digits only, "." before the decimals.
// It is written in a buffer on the stack, then copied once into the string.
func (n numSpan) digits(s string, neg bool) string {
	var buf [40]byte
	b := buf[:0]
	if size := n.digitsRoom(); size > len(buf) {
		b = make([]byte, 0, size)
	}
	return string(n.appendDigits(b, s, neg))
}

// digitsRoom is room enough for the number's digits string: a sign, its digits, a point.
func (n numSpan) digitsRoom() int { return n.end - n.start + 2 }

// appendDigits appends the number's digits string (see digits) to b.
func (n numSpan) appendDigits(b []byte, s string, neg bool) []byte {
	if neg {
		b = append(b, '-')
	}
	for k := n.start; k < n.intEnd; k++ {
		if digitByte(s[k]) {
			b = append(b, s[k])
		}
	}
	if n.fracStart >= 0 {
		b = append(b, '.')
		b = append(b, s[n.fracStart:n.end]...)
	}
	return b
}

// decimalOf converts a plain decimal string ("-1200.50"). Up to 18 digits the coefficient fits an
// int64 and is built directly, which is several times faster than decimal.NewFromString.
func decimalOf(digits string) (decimal.Decimal, error) {
	var coef int64
	exp, n := int32(0), 0
	neg, frac := false, false
	for k := 0; k < len(digits); k++ {
		switch c := digits[k]; {
		case c == '-' && k == 0:
			neg = true
		case c == '.' && !frac:
			frac = true
		case digitByte(c) && n < 18:
			coef = coef*10 + int64(c-'0')
			n++
			if frac {
				exp--
			}
		default:
			return decimal.NewFromString(digits)
		}
	}
	if n == 0 {
		return decimal.NewFromString(digits) // its error
	}
	if neg {
		coef = -coef
	}
	return decimal.New(coef, exp), nil
}

// hasFoldPrefix reports whether s[i:] starts with word, ignoring ASCII case.
func hasFoldPrefix(s string, i int, word string) bool {
	return len(s)-i >= len(word) && strings.EqualFold(s[i:i+len(word)], word)
}

// wordEndsAt reports whether no letter or digit starts at s[i] (a word boundary).
func wordEndsAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if c := s[i]; c < utf8.RuneSelf {
		return !(digitByte(c) || 'a' <= c|0x20 && c|0x20 <= 'z')
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// alnumBefore reports whether a letter or digit ends at s[:i].
func alnumBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return digitByte(c) || 'a' <= c|0x20 && c|0x20 <= 'z'
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// currencyAt reads a currency marker at s[i:] (after the number and its spaces): it returns the end
// of the marker, the power of ten it multiplies by, and the currency code ("" when there is none).
func currencyAt(s string, i int) (end int, mult int32, code string) {
	// Every marker starts with €, e, f, k or m: most numbers are rejected on their next byte.
	if i >= len(s) {
		return i, 0, ""
	}
	switch s[i] | 0x20 {
	case 0xE2:
		if !strings.HasPrefix(s[i:], "€") {
			return i, 0, ""
		}
		// The common case, without the table walk: "€", or "€uro(s)" as some write it.
		end = i + len("€")
		if hasFoldPrefix(s, end, "uros") && wordEndsAt(s, end+4) {
			end += 4
		} else if hasFoldPrefix(s, end, "uro") && wordEndsAt(s, end+3) {
			end += 3
		}
		return end, 0, "EUR"
	case 'e', 'f', 'k', 'm':
	default:
		return i, 0, ""
	}
	// s[i] is an ASCII letter here: a word opening with another byte, up to ASCII case, cannot
	// fold-match (EqualFold of ASCII words matches only ASCII text of the same length), and
	// most numbers are followed by a word that is no marker ("mars", "membres", "et"), told
	// by its second byte.
	lc := s[i] | 0x20
	if i+1 >= len(s) || !markerSeconds[lc-'a'][s[i+1]] {
		return i, 0, ""
	}
	for _, c := range currencyWords {
		if c.word[0]|0x20 != lc {
			continue
		}
		// "€" may be glued to what follows ("4 000 €HT"); a word must end.
		if hasFoldPrefix(s, i, c.word) && (c.word == "€" || wordEndsAt(s, i+len(c.word))) {
			return i + len(c.word), c.mult, c.code
		}
	}
	for _, m := range multiplierWords {
		if m.word[0]|0x20 != lc {
			continue
		}
		if len(m.word) == 1 {
			if i >= len(s) || (s[i] != m.word[0] && !(m.word == "k" && s[i] == 'K')) {
				continue
			}
		} else if !hasFoldPrefix(s, i, m.word) || !wordEndsAt(s, i+len(m.word)) {
			continue
		}
		j := i + len(m.word)
		j += hspaceLen(s, j)
		if len(m.word) > 2 { // "millions d'euros"
			for _, of := range ofEuros {
				if hasFoldPrefix(s, j, of) {
					j += len(of)
					j += hspaceLen(s, j)
					break
				}
			}
		}
		for _, c := range currencyWords {
			if c.mult == 0 && hasFoldPrefix(s, j, c.word) && (c.word == "€" || wordEndsAt(s, j+len(c.word))) {
				return j + len(c.word), m.mult, c.code
			}
		}
	}
	return i, 0, ""
}

// markerSeconds[c-'a'][b] tells whether what currencyAt reads may open with the letter c (in
// lower case) then the byte b: the second letter of a currency or multiplier word ("euros": e,
// u) in either case, or, after a single-letter multiplier ("k", "M"), a byte that may open the
// spaces or the currency after it. Every reading needs a byte after the first: the words have
// two letters or more, and a single-letter multiplier needs a currency after it. Read from the
// tables above.
var markerSeconds = func() (t [26][256]bool) {
	set := func(c, b byte) {
		t[c-'a'][b] = true
		if 'a' <= b|0x20 && b|0x20 <= 'z' {
			t[c-'a'][b|0x20], t[c-'a'][b&^0x20] = true, true
		}
	}
	for _, c := range currencyWords {
		if len(c.word) >= 2 && 'a' <= c.word[0]|0x20 && c.word[0]|0x20 <= 'z' { // "€…" is read before
			set(c.word[0]|0x20, c.word[1])
		}
	}
	for _, m := range multiplierWords {
		if len(m.word) >= 2 {
			set(m.word[0]|0x20, m.word[1])
			continue
		}
		for b := range 256 {
			if opensSpace[b] {
				set(m.word[0]|0x20, byte(b))
			}
		}
		for _, c := range currencyWords {
			if c.mult == 0 {
				set(m.word[0]|0x20, c.word[0])
			}
		}
	}
	return t
}()

// taxAt reads a tax qualifier (HT, TTC, H.T.) at s[i:].
func taxAt(s string, i int) (end int, ok bool) {
	if i >= len(s) || s[i]|0x20 != 'h' && s[i]|0x20 != 't' {
		return i, false
	}
	for _, w := range taxWords {
		if hasFoldPrefix(s, i, w) && (w[len(w)-1] == '.' || wordEndsAt(s, i+len(w))) {
			return i + len(w), true
		}
	}
	return i, false
}

// dashBefore reports a minus sign ending at s[:i]: '-', '–' (en dash) or '−' (minus), and its start.
func dashBefore(s string, i int) (int, bool) {
	if i >= 1 && s[i-1] == '-' {
		return i - 1, true
	}
	if i >= 3 && s[i-3] == 0xE2 && (s[i-2] == 0x80 && s[i-1] == 0x93 || s[i-2] == 0x88 && s[i-1] == 0x92) {
		return i - 3, true
	}
	return i, false
}

// signLeaders are the words after which a spaced dash is a minus sign ("le delta était de
// - 1.697€", "soit – 1’697€", "ou – 430 000 €"). After other words the spaced dash separates
// a label from its amount ("attribution du conseil municipal - 230€"), and at a line start it
// is a bullet. ":", "=" and "(" lead a sign too.
var signLeaders = map[string]bool{
	"de": true, "soit": true, "ou": true, "a": true, "est": true, "etait": true,
	"sera": true, "serait": true, "et": true, "du": true, "par": true, "environ": true,
	"solde": true, "delta": true, "ecart": true, "variation": true, "resultat": true,
}

// signBefore looks for a sign written before the number starting at s[i]: "-500 €", "– 430 000 €",
// "+20’000 €". A dash glued to a word or number ("2013-500") is a hyphen; a dash followed by a
// space is a sign in prose only after a signLeaders word.
func signBefore(s string, i int, strict bool) (start int, neg bool) {
	sign := func(j int) (int, bool, bool) {
		if j >= 1 && s[j-1] == '+' {
			return j - 1, false, true
		}
		d, ok := dashBefore(s, j)
		return d, true, ok
	}
	if d, neg, ok := sign(i); ok {
		if alnumBefore(s, d) {
			return i, false
		}
		return d, neg
	}
	// One space between sign and number.
	k, w := lastSpace(s, i)
	if w == 0 {
		return i, false
	}
	d, neg, ok := sign(k)
	if !ok || alnumBefore(s, d) {
		return i, false
	}
	if strict || signLed(s, d) {
		return d, neg
	}
	return i, false
}

// signLed reports whether the word before the dash at s[d], on the same line, is a signLeaders
// word or one of ":", "=", "(".
func signLed(s string, d int) bool {
	j := d
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	if j == 0 {
		return false
	}
	switch s[j-1] {
	case ':', '=', '(':
		return true
	}
	k := j
	for k > 0 && j-k < 24 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	if k == j {
		return false
	}
	var buf [32]byte
	return signLeaders[string(foldWord(buf[:0], s[k:j]))]
}

// lastSpace returns the start of the single space-class separator ending at s[:i] and its width.
func lastSpace(s string, i int) (int, int) {
	// Every space groupSep reads ends with ' ' or with a byte from 0x80.
	if i >= 1 && i <= len(s) {
		if c := s[i-1]; c == ' ' {
			return i - 1, 1
		} else if c < utf8.RuneSelf {
			return i, 0
		}
	}
	for _, w := range [...]int{1, 2, 3} {
		if i-w >= 0 {
			if k, n := groupSep(s, i-w); k == sepSpace && n == w {
				return i - w, w
			}
		}
	}
	return i, 0
}

// currencyBefore looks for a currency written before the number at s[i] ("€ 1 200", "EUR 500"),
// not earlier than floor. A unit in a heading ("Montant en € 2023") is not one.
func currencyBefore(s string, i, floor int) (int, bool) {
	j := i
	for j > floor {
		// An ASCII space is a separator of one byte, another ASCII byte none (see lastSpace).
		if c := s[j-1]; c == ' ' {
			j--
			continue
		} else if c < utf8.RuneSelf {
			break
		}
		k, w := lastSpace(s, j)
		if w == 0 {
			break
		}
		j = k
	}
	// Both currencies end with a byte that ends nothing else read here: most numbers follow
	// another.
	if j == 0 || s[j-1] != 0xAC && s[j-1] != 'R' {
		return i, false
	}
	c := j - 3
	if c < floor || !(s[c:j] == "€" || s[c:j] == "EUR" && !alnumBefore(s, c)) {
		return i, false
	}
	if k, w := lastSpace(s, c); w > 0 && k >= 2 && strings.EqualFold(s[k-2:k], "en") && !alnumBefore(s, k-2) {
		return i, false
	}
	return c, true
}

// amountAt is one amount read at a position.
type amountAt struct {
	start, end int
	num        numSpan
	neg        bool
	currency   string
	mult       int32
	percent    bool
	// plain is scanNumber(s, start, false) when readAmount found no amount and knows it
	// (plainKnown): a loose scan that took no loose step reads as the strict one.
	plain      numSpan
	plainOK    bool
	plainKnown bool
}

// money builds the value of a scanned amount. With lean, Value is left zero (see
// FindAmountDigits), and an amount without a multiplier needs no decimal at all: its digits
// are a sign, digits and at most one point, which decimalOf always reads.
func (a *amountAt) money(s string, lean bool, ar *DigitArena) (Money, error) {
	var digits string
	if ar != nil {
		digits = ar.digits(a.num, s, a.neg)
	} else {
		digits = a.num.digits(s, a.neg)
	}
	if lean && a.mult == 0 {
		m := Money{Digits: digits, Currency: a.currency, Raw: s[a.start:a.end]}
		if a.percent {
			m.Unit = "%"
		}
		return m, nil
	}
	v, err := decimalOf(digits)
	if err != nil {
		return Money{}, fmt.Errorf("%w: amount %q: %v", ErrNotValue, s[a.start:a.end], err)
	}
	m := Money{Value: v, Digits: digits, Currency: a.currency, Raw: s[a.start:a.end]}
	if a.mult != 0 {
		m.Value = v.Shift(a.mult)
		m.Digits = m.Value.String()
	}
	if a.percent {
		m.Unit = "%"
	}
	if lean {
		m.Value = decimal.Decimal{}
	}
	return m, nil
}

// readAmount reads an amount whose number starts with the digit at s[i]. floor is the end of the
// previous amount found, so that a currency is not used twice. strict (for Amount and Number)
// accepts a bare number and a percentage; in prose, money needs a currency. next is where the
// caller should go on scanning when ok is false.
//
// It writes into *a only what its answer reports: with ok, the amount (start, end, num, neg,
// currency, mult, percent); without, what it knows of the strict scan (plain, plainOK,
// plainKnown). Most numbers of prose are no amount, and the finder reads one a few bytes
// apart: a result of all the fields, zeroed and copied at each, cost more than the test.
func readAmount(a *amountAt, s string, i, floor int, strict bool) (next int, ok bool) {
	return readAmountLead(a, s, i, digitRun(s, i), floor, strict)
}

// readAmountLead is readAmount for a caller that has read the run of digits at s[i]: lead is
// digitRun(s, i).
func readAmountLead(a *amountAt, s string, i, lead, floor int, strict bool) (next int, ok bool) {
	n, ok := scanNumberLead(s, i, lead, true)
	if !ok {
		a.plain, a.plainOK, a.plainKnown = n, false, !n.loose
		return n.end, false
	}
	cur, mult, end := currencyAfter(s, n.end)
	if cur == "" && n.loose {
		if n, ok = scanNumberLead(s, i, lead, false); !ok {
			a.plain, a.plainOK, a.plainKnown = n, false, true
			return n.end, false
		}
		cur, mult, end = currencyAfter(s, n.end)
	}
	start := i
	if cur == "" {
		if st, found := currencyBefore(s, i, floor); found {
			cur, start = "EUR", st
		}
	}
	percent := false
	if cur == "" {
		if !strict {
			a.plain, a.plainOK, a.plainKnown = n, true, true // n is strict, or read as strict
			return n.end, false
		}
		if j := n.end + hspaceLen(s, n.end); j < len(s) && s[j] == '%' {
			percent, end = true, j+1
		}
	}
	neg := false
	if st, sn := signBefore(s, start, strict); st != start && st >= floor {
		start, neg = st, sn
	}
	a.start, a.end, a.num, a.neg, a.currency, a.mult, a.percent = start, end, n, neg, cur, mult, percent
	return end, true
}

// currencyAfter reads the currency written after a number ending at s[i]: after spaces, or at
// the start of the next line ("(183 870⏎€)"), with its tax qualifier. It returns "" and i when
// there is none.
func currencyAfter(s string, i int) (cur string, mult int32, end int) {
	j := i + hspaceLen(s, i)
	if j >= len(s) || !opensAfter[s[j]] {
		return "", 0, i // most numbers: no byte that opens what is read below
	}
	if e, m, code := currencyAt(s, j); code != "" {
		end = e
		if t, ok := taxAt(s, e+hspaceLen(s, e)); ok {
			end = t
		}
		return code, m, end
	}
	if t, ok := taxAt(s, j); ok && j > i {
		// "16 098,16 TTC": a tax word alone marks euros.
		return "EUR", 0, t
	}
	k := j
	if k < len(s) && s[k] == '\r' {
		k++
	}
	if k < len(s) && s[k] == '\n' {
		k++
		k += hspaceLen(s, k)
		if e, m, code := currencyAt(s, k); code != "" {
			return code, m, e
		}
	}
	return "", 0, i
}

// opensAfter marks the bytes that may open what currencyAfter reads after a number's spaces:
// a currency or multiplier (see currencyAt: "€", or a word opening with e, f, k or m in any
// case), a tax word (see taxAt: h or t) or a line break.
var opensAfter = [256]bool{
	0xE2: true, 'e': true, 'E': true, 'f': true, 'F': true, 'k': true, 'K': true, 'm': true, 'M': true,
	'h': true, 'H': true, 't': true, 'T': true, '\r': true, '\n': true,
}

// Number reads one French number as written in a table cell or a figure: a bare number
// ("1 051 236,00", "343.908.000"), a percentage ("12,5 %", Unit "%") or an amount of money
// ("77 000€", Currency "EUR"). A number in parentheses is negative, as in accounts.
func Number(raw string) (Money, error) {
	m, why, err := readNumber(raw)
	switch why {
	case numberOK:
		return m, nil
	case numberTwoSigns:
		return Money{}, fmt.Errorf("%w: number %q has two signs", ErrNotValue, raw)
	case numberBadValue:
		return Money{}, err
	}
	return Money{}, fmt.Errorf("%w: number %q", ErrNotValue, raw)
}

// NumberOK is Number for callers that only ask whether raw is a number: a table reader asks it
// of every cell, most of them words, and Number's error message costs more than its reading.
func NumberOK(raw string) (Money, bool) {
	m, why, _ := readNumber(raw)
	return m, why == numberOK
}

// What readNumber found.
const (
	numberOK       = iota
	numberNot      // not one number
	numberTwoSigns // parentheses and a sign
	numberBadValue // its digits are not a value (the error says why)
)

// readNumber is Number's reading, saying why it failed instead of making the error.
func readNumber(raw string) (Money, int, error) {
	s, a, why := scanWhole(raw)
	if why != numberOK {
		return Money{}, why, nil
	}
	m, err := a.money(s, false, nil)
	if err != nil {
		return Money{}, numberBadValue, err
	}
	m.Raw = raw
	return m, numberOK, nil
}

// scanWhole is readNumber's scan: raw trimmed, and the one amount that spans all of it, with
// the sign of the parentheses; why is numberOK, or why raw is not one number. Its value may
// still be none (numberBadValue: see IsNumber).
func scanWhole(raw string) (s string, a amountAt, why int) {
	s = strings.TrimSpace(raw)
	neg := false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	start := 0
	// A currency or sign before the number: "€ 1 200", "- 1.697€", "+500 €".
	for start < len(s) && !digitByte(s[start]) {
		start++
	}
	if start == len(s) {
		return s, a, numberNot
	}
	_, ok := readAmount(&a, s, start, 0, true)
	if !ok || a.start != 0 || a.end != len(s) {
		return s, a, numberNot
	}
	if neg {
		if a.neg {
			return s, a, numberTwoSigns
		}
		a.neg = true
	}
	return s, a, numberOK
}

// IsNumber reports whether raw is one number: NumberOK's ok, for the table readers that ask it
// of many cells and keep only the answer. It builds neither the digits nor the decimal.
func IsNumber(raw string) bool {
	s, a, why := scanWhole(raw)
	if why != numberOK {
		return false
	}
	if a.valueSure(s) {
		return true
	}
	_, why, _ = readNumber(raw)
	return why == numberOK
}

// NumberDigits is NumberOK for callers that read Digits, Unit and Currency but not Value, which
// it leaves zero: without a multiplier ("k€", "millions") no decimal is built. Digits may share
// raw's bytes, as Raw does: raw must not view a buffer written again (unsafe.String).
func NumberDigits(raw string) (Money, bool) {
	s, a, why := scanWhole(raw)
	if why != numberOK {
		return Money{}, false
	}
	if a.mult != 0 || !a.valueSure(s) {
		m, why, _ := readNumber(raw)
		m.Value = decimal.Decimal{}
		return m, why == numberOK
	}
	m := Money{Digits: a.num.plainDigits(s, a.neg), Currency: a.currency, Raw: raw}
	if a.percent {
		m.Unit = "%"
	}
	return m, true
}

// valueSure reports whether the scanned number surely has a value: with at most 18 digits
// decimalOf reads its digits into an int64, which never fails. Longer ones go through
// decimal.NewFromString, which refuses, for one, more than MaxDecodeExponent decimals.
func (a *amountAt) valueSure(s string) bool {
	n, d := a.num, 0
	for k := n.start; k < n.intEnd; k++ {
		if digitByte(s[k]) {
			d++
		}
	}
	if n.fracStart >= 0 {
		d += n.end - n.fracStart
	}
	return d <= 18
}

// plainDigits is digits, taken from s without a copy when the number is written as its digits
// are: no sign, no thousands separator, and a decimal point if any ("1200", "699.92").
func (n numSpan) plainDigits(s string, neg bool) string {
	if !neg && (n.fracStart < 0 && n.intEnd == n.end || n.fracStart == n.intEnd+1 && s[n.intEnd] == '.') {
		plain := true
		for k := n.start; k < n.intEnd; k++ {
			if !digitByte(s[k]) {
				plain = false
				break
			}
		}
		if plain {
			return s[n.start:n.end]
		}
	}
	return n.digits(s, neg)
}

// amount implements Amount: Number without percentages, or an amount in words.
func amount(raw string) (Money, error) {
	m, err := Number(raw)
	if err != nil {
		if ms := addWordAmounts(raw, nil, false, 0); len(ms) == 1 && strings.TrimSpace(raw[:ms[0].Start]) == "" && strings.TrimSpace(raw[ms[0].End:]) == "" {
			m = ms[0].Money
			m.Raw = raw
			return m, nil
		}
		return Money{}, err
	}
	if m.Unit != "" {
		return Money{}, fmt.Errorf("%w: %q is a percentage, not an amount", ErrNotValue, raw)
	}
	return m, nil
}

// rangeOpeners pair the word that opens a range of amounts with the word between its bounds:
// "entre 60 et 400 €", "de 2 à 5 M€". The first bound takes the currency of the second.
var rangeOpeners = []struct{ open, link string }{
	{"entre", "et"},
	{"de", "à"},
	{"de", "a"},
}

// rangeStart checks whether the bare number n (no currency of its own) opens a range whose second
// bound is the amount starting at next: "entre 1 et 2 millions €".
func rangeStart(s string, n numSpan, next int) bool {
	for _, r := range rangeOpeners {
		j := n.end + hspaceLen(s, n.end)
		if !hasFoldPrefix(s, j, r.link) || !wordEndsAt(s, j+len(r.link)) {
			continue
		}
		j += len(r.link)
		if h := hspaceLen(s, j); h == 0 || j+h != next {
			continue
		}
		k, w := lastSpace(s, n.start)
		if w == 0 {
			continue
		}
		if k >= len(r.open) && strings.EqualFold(s[k-len(r.open):k], r.open) && !alnumBefore(s, k-len(r.open)) {
			return true
		}
	}
	return false
}

// labelWords are the words after which a short number is a label (an account, an article, a
// chapter), not the leading group of the amount that follows it: "Compte 11 273 769.28 €".
var labelWords = map[string]bool{
	"compte": true, "comptes": true, "article": true, "art": true, "chapitre": true, "chap": true,
	"n°": true, "no": true, "numero": true, "operation": true, "ligne": true, "code": true,
	"fonction": true, "nature": true, "imputation": true,
}

// labelBefore reports whether the word just before the number at s[i] is a label word.
func labelBefore(s string, i int) bool {
	k, w := lastSpace(s, i)
	if w == 0 {
		return false
	}
	j := k
	for j > 0 && k-j < 24 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(r) || r == '(' || r == ':' {
			break
		}
		j -= n
	}
	if j == k {
		return false
	}
	var buf [32]byte
	return labelWords[strings.TrimRight(string(foldWord(buf[:0], s[j:k])), ".")]
}

// findAmounts implements FindAmounts.
// FindAmountsReuse is FindAmounts writing its matches in buf's storage (from buf[:0]) while it
// is large enough: a caller that reads many texts, and keeps no match past the next call, passes
// back the slice it last got and saves a slice a text. With nothing found it returns buf[:0],
// nil when buf is.
func FindAmountsReuse(buf []Match, text string) []Match {
	clear(buf) // the slice no longer holds the strings of the matches before
	return findAmountsIn(buf[:0], text, false, 0, nil)
}

// FindAmountDigits is FindAmountsReuse for a caller that reads each amount's Digits and not its
// Value: Money.Value is left zero, which saves a decimal (a big integer) an amount.
func FindAmountDigits(buf []Match, text string) []Match {
	clear(buf)
	return findAmountsIn(buf[:0], text, true, 0, nil)
}

// FindAmountDigitsFrom is FindAmountDigits for a caller that knows where text may first hold an
// amount: from is AmountOpener(text) (not -1), or any index before it. The scan starts there,
// rather than reading again the bytes before it, though an amount may start before from (a
// sign, a currency written first) and the words before it are read.
func FindAmountDigitsFrom(buf []Match, text string, from int) []Match {
	clear(buf)
	return findAmountsIn(buf[:0], text, true, max(from, 0), nil)
}

func findAmounts(text string) []Match {
	out := findAmountsIn(nil, text, false, 0, nil)
	if out == nil {
		out = []Match{} // no allocation: callers have always had a non-nil slice
	}
	return out
}

// findAmountsIn appends the matches in text to out, which must be empty (addWordAmounts
// indexes it from 0). With lean, the matches' Value is left zero. No digit nor stem of a
// currency mark lies before from: the scan starts there. The Digits of the digit amounts are
// written in ar when it is not nil, else a string each.
func findAmountsIn(out []Match, text string, lean bool, from int, ar *DigitArena) []Match {
	// Matches are large; sizing the slice once from the euro signs saves most of its regrowth.
	// Most texts hold none: the slice is made at the first one.
	grow := func() {
		if cap(out) == 0 {
			out = make([]Match, 0, strings.Count(text, "€")+1)
		}
	}
	floor := 0
	var bare numSpan // the last number read without a currency, a possible range opener
	bare.end = -1
	// The amounts in words start from a currency mark, most of them the currency of a digit
	// amount, which they skip. Until it meets the stem of a mark ("€", "uro", "URO") outside
	// the digit amounts, the digit scan looks for stems too (nextOpener), in the same pass:
	// the walk of the marks then starts there, or not at all. What the scan jumps over holds
	// no stem outside an amount: the digits and separators of a number, or a digit amount.
	stray := -1
	var a amountAt // readAmount's answer, written in place
	for i := from; i < len(text); {
		if !digitByte(text[i]) {
			switch {
			case stray >= 0:
				i = nextDigit(text, i+1)
			case (text[i] == 0xE2 || text[i]|0x20 == 'u') && markStemAt(text, i):
				stray = i
				i = nextDigit(text, i+1)
			default:
				i = nextOpener(text, i+1)
			}
			continue
		}
		lead := digitRun(text, i)
		if alnumBefore(text, i) {
			// "m3", "A4", "n°2": a digit glued to a word is no amount; skip the run.
			i += lead
			continue
		}
		if lead <= 3 {
			// "Compte 11 273 769.28 €": the label's number is not a thousands group.
			if j := i + lead; j < len(text) && opensSpace[text[j]] {
				if k, w := groupSep(text, j); k == sepSpace && digitRun(text, j+w) == 3 && labelBefore(text, i) {
					i += lead
					continue
				}
			}
		}
		next, ok := readAmountLead(&a, text, i, lead, floor, false)
		if !ok {
			if a.plainKnown {
				if a.plainOK {
					bare = a.plain
				}
			} else if n, ok := scanNumberLead(text, i, lead, false); ok {
				bare = n
			}
			i = next
			continue
		}
		if bare.end >= floor && bare.end < a.start && rangeStart(text, bare, a.start) {
			first := amountAt{start: bare.start, end: bare.end, num: bare, currency: a.currency, mult: a.mult}
			if m, err := first.money(text, lean, ar); err == nil {
				grow()
				out = append(out, Match{Start: first.start, End: first.end, Money: m})
			}
		}
		if m, err := a.money(text, lean, ar); err == nil {
			grow()
			out = append(out, Match{Start: a.start, End: a.end, Money: m})
		} else if stray < 0 || a.start < stray {
			stray = a.start // its currency is no digit amount's: the walk must see it
		}
		floor = a.end
		bare.end = -1
		i = next
	}
	if stray < 0 {
		return out // no mark outside the digit amounts: no amount in words
	}
	return addWordAmounts(text, out, lean, stray)
}

// nextOpener returns the index of the first byte of text at or after i that opens an amount
// (a digit, or the stem of a currency mark: see amountOpensAt), or len(text). It flags the
// bytes eight at a time (amountFlags) and looks only at the flagged ones.
func nextOpener(text string, i int) int {
	n := len(text)
	// One word a turn: most texts are lines of prose, a few words long, and most hold an
	// opener in their first words.
	if i+10 <= n {
		t := text[i:]
		for ; len(t) >= 10; t = t[8:] {
			if m := amountFlags(load8(t[0:8]), load8(t[1:9]), load8(t[2:10])); m != 0 {
				i = n - len(t)
				if k := firstFlagged(i, m); digitByte(text[k]) {
					return k // the first flagged byte, a digit: no call
				}
				if k := flaggedOpener(text, i, m); k >= 0 {
					return k
				}
			}
		}
		i = n - len(t)
	}
	if i >= n {
		return n
	}
	if n < 10 {
		for ; i < n; i++ {
			if amountOpensAt(text, i) {
				return i
			}
		}
		return n
	}
	// The last window, which may overlap the bytes read before (their flags are cleared), flags
	// up to text[n-3], where "uro" opens last; the last two bytes can only be digits.
	t := text[n-10:]
	if m := amountFlags(load8(t[0:8]), load8(t[1:9]), load8(t[2:10])) &^ (1<<(8*(i-(n-10))) - 1); m != 0 {
		if k := flaggedOpener(text, n-10, m); k >= 0 {
			return k
		}
	}
	if i <= n-2 && digitByte(text[n-2]) {
		return n - 2
	}
	if digitByte(text[n-1]) {
		return n - 1
	}
	return n
}

// firstFlagged returns the index of the first byte flagged in m (flags of the text at i).
func firstFlagged(i int, m uint64) int { return i + bits.TrailingZeros64(m)>>3 }

// flaggedOpener returns the first byte flagged in m (amountFlags of text at i) that opens an
// amount, or -1.
func flaggedOpener(text string, i int, m uint64) int {
	for ; m != 0; m &= m - 1 {
		if k := i + bits.TrailingZeros64(m)>>3; amountOpensAt(text, k) {
			return k
		}
	}
	return -1
}

// nextDigit returns the index of the first ASCII digit of s at or after i, or len(s): eight
// bytes at a time, as hasDigit reads them. Prose holds few digits, and the finder starts at one.
func nextDigit(s string, i int) int {
	const low, high = 0x0101010101010101, 0x8080808080808080
	// Two words a turn while they fit; the bytes loop below finds the digit in them.
	for ; i+16 <= len(s); i += 16 {
		x, y := load8(s[i:i+8]), load8(s[i+8:i+16])
		hx, hy := x|high, y|high
		if ((hx-'0'*low)&^(hx-('9'+1)*low)&^x|(hy-'0'*low)&^(hy-('9'+1)*low)&^y)&high != 0 {
			break
		}
	}
	for ; i+8 <= len(s); i += 8 {
		x := load8(s[i:])
		hx := x | high
		if ((hx-'0'*low)&^(hx-('9'+1)*low))&high&^x != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if digitByte(s[i]) {
			return i
		}
	}
	return len(s)
}

// MayHoldAmount reports whether FindAmounts could find anything in text: false means it returns
// no match, so that a caller can skip the text (and the copy it would make for it). The finder
// starts only at a digit or at a currency mark ("€", "euro", "EURO"), and none of these holds a
// space, so the answer for lines joined by spaces is the "or" of the answers for the lines.
func MayHoldAmount(text string) bool {
	return nextOpener(text, 0) < len(text)
}

// AmountOpener returns the index of the first byte of text that may open an amount, or -1 when
// FindAmounts finds nothing in text (see MayHoldAmount): a digit, or the first byte of "€",
// "uro" or "URO". Of lines joined by spaces, it is the first line's answer that is not -1,
// moved by the bytes before that line. FindAmountDigitsFrom starts its scan there.
//
// One pass reads eight bytes at a time, as hasDigit does, and flags the bytes that may open one
// of these: a digit, 0xE2 (the first byte of "€"), and the start of "uro" in any case, told by
// reading the text again one and two bytes further (French prose is full of u's, not of
// "uro"). Only a flagged byte is looked at (TestAmountOpenerEveryPlace and
// TestAmountReadersMatchRefs check it against byte-by-byte searches).
func AmountOpener(text string) int {
	if k := nextOpener(text, 0); k < len(text) {
		return k
	}
	return -1
}

// amountFlags flags (high bit of a lane) the bytes of the word x that may open an amount, x, y
// and z being the text at a byte and one and two bytes further: every digit, 0xE2 (the first
// byte of "€") and the "u" of "uro" in any case, and maybe a byte above a flagged one (a
// borrow), which amountOpensAt then tells apart.
func amountFlags(x, y, z uint64) uint64 {
	const low, high = 0x0101010101010101, 0x8080808080808080
	// A digit's lane of v is 0 to 9, and no other byte's: with the high bit set, subtracting
	// 10 leaves it set exactly where the lane is 10 or more (no borrow crosses lanes), and a
	// byte from 0x80 keeps its own high bit in v.
	v := x ^ '0'*low
	e := x ^ 0xE2*low
	// 'u', 'r' and 'o' have their 0x20 bit set: a lane of x^'u' is 0 or 0x20 where x holds a
	// "u" or a "U", and clearing that bit reads all three letters regardless of case.
	u := ((x ^ 'u'*low) | (y ^ 'r'*low) | (z ^ 'o'*low)) &^ (0x20 * low)
	return (^((v | high) - 10*low | v) | (e-low)&^e | (u-low)&^u) & high
}

// amountOpensAt reports whether text[i:] opens with a digit, "€", "uro" or "URO".
func amountOpensAt(text string, i int) bool {
	return digitByte(text[i]) || markStemAt(text, i)
}

// hasDigit reports whether s holds an ASCII digit, eight bytes at a time: with every high bit
// set, subtracting n < 0x80 from a byte cannot borrow into the next, and the high bit survives
// exactly when the low seven bits are >= n.
func hasDigit(s string) bool {
	const low, high = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load8(s[i:])
		hx := x | high
		if ((hx-'0'*low)&^(hx-('9'+1)*low))&high&^x != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if digitByte(s[i]) {
			return true
		}
	}
	return false
}
