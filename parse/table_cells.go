package parse

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// This file reads the cells of a table line: how a line splits into cells (tabs, or runs of
// spaces in PDF and OCR text) and how one cell reads as an exact number. Amounts in tables are
// French in every form: "1 051 236,00 €", "343.908.000", "(1 200,00)", "- 1.697€", "22,49 %",
// "76.15%", "1’697€"; counts ("49") and percentages are numbers too.

// cellValue is what one cell holds when it is a number.
type cellValue struct {
	// Digits is the exact decimal: optional "-", digits, optional "." and the fraction digits as
	// written ("1051236.00", "-1697", "22.49"). No grouping, no leading zeros.
	Digits string
	// Unit is "EUR" or "%" when the cell says so, else "".
	Unit string
}

// Units that a number cell may carry after (or, for the euro, before) the digits. Folded to
// lower case before matching; "ht"/"ttc" (before/after tax) may follow the currency.
var (
	reCellSuffix = mustRx(`(?i)\s*(€|eur|euros?|%|pts?)?\s*(h\.?t\.?|t\.?t\.?c\.?)?\s*$`)
	// A number: a group of 1 to 3 digits followed by groups of 3 (separated by a space of any
	// kind, a dot or an apostrophe), or a run of digits; then an optional decimal part. A stray
	// space before the decimal comma ("353 000 ,00") is tolerated.
	reCellNumber = mustRx(`^(\d{1,3}(?:[ .'’]\d{3})+|\d+)(?: ?[,.](\d+))?$`)
)

// spaceLike maps the spaces PDF and word processors use inside numbers to a plain space.
var spaceLike = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "\u2007", " ")

// minusLike maps the dashes used as a minus sign to "-".
var minusLike = strings.NewReplacer("–", "-", "—", "-", "−", "-", "‐", "-")

// readCell reads raw as a number, or reports false. It never guesses: a cell with words in it
// ("On le met en place", "Néant") is not a number, and the caller keeps its text. The French
// number reader of normalize decides first; the forms only tables show (a stray space before
// the decimal comma, "353 000 ,00 €") are read here.
func readCell(raw string) (cellValue, bool) {
	if !hasDigit(raw) {
		return cellValue{}, false
	}
	if d, ok := plainCellDigits(raw); ok {
		return cellValue{Digits: d}, true
	}
	if m, ok := normalize.NumberDigits(raw); ok {
		v := cellValue{Digits: m.Digits}
		switch {
		case m.Unit == "%":
			v.Unit = "%"
		case m.Currency != "":
			v.Unit = m.Currency
		}
		return v, true
	}
	return readCellTable(raw)
}

// plainCellDigits reads the amounts most table cells hold, digits in groups of three apart by
// a space with decimals after a comma ("1 060 318,76", "0,00") or digits alone ("011",
// "2023"), as normalize.NumberDigits reads them: the digits without the spaces, a point for the
// comma. It reports false on every other cell, which NumberDigits then reads: the number
// reader weighs many forms (signs, units, words, other separators) and cost a cell a thousand
// instructions and more. At most 18 digits (NumberDigits reads longer ones otherwise).
// FuzzPlainCellDigits checks that NumberDigits agrees on every cell it reads.
func plainCellDigits(s string) (string, bool) {
	// The integer part: a run of digits, or a lead of one to three (not opening with 0) and
	// groups of a space and three digits.
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return "", false
	}
	grouped := false
	if i <= 3 && s[0] != '0' {
		for i+4 <= len(s) && s[i] == ' ' && allDigits(s[i+1:i+4]) && (i+4 == len(s) || s[i+4] == ' ' || s[i+4] == ',') {
			i += 4
			grouped = true
		}
	}
	intEnd, frac := i, ""
	if i < len(s) {
		if s[i] != ',' || i+1 == len(s) || !allDigits(s[i+1:]) {
			return "", false
		}
		frac = s[i+1:]
	}
	if !grouped && frac == "" {
		if len(s) > 18 {
			return "", false
		}
		return s, true
	}
	var buf [24]byte
	b := buf[:0]
	for k := 0; k < intEnd; k++ {
		if s[k] != ' ' {
			b = append(b, s[k])
		}
	}
	if len(b)+len(frac) > 18 {
		return "", false
	}
	if frac != "" {
		b = append(b, '.')
		b = append(b, frac...)
	}
	return string(b), true
}

// cellIsNumber is readCell's ok, for callers that keep no value: normalize.IsNumber builds
// neither digits nor decimal.
func cellIsNumber(raw string) bool {
	if !hasDigit(raw) {
		return false
	}
	if normalize.IsNumber(raw) {
		return true
	}
	_, ok := readCellTable(raw)
	return ok
}

// cellRead is a cell read once: its digits, the code of its unit in cellUnits, and whether it
// is a number. A unit code rather than the unit's string makes a map slot 40 bytes, not 56.
type cellRead struct {
	digits string
	unit   uint8
	ok     bool
}

// cellUnits are the units a cached cell may have, by code. A cell with another unit is not
// cached, only read again (readCell gives "%" or the ISO code of a currency of
// normalize.currencyWords: "EUR", "FRF").
var cellUnits = [...]string{"", "EUR", "%", "FRF"}

// unitCode is the code of unit in cellUnits, or false when it has none.
func unitCode(unit string) (uint8, bool) {
	for k, u := range cellUnits {
		if u == unit {
			return uint8(k), true
		}
	}
	return 0, false
}

// cellCache remembers the cells of a document already read: a cell is classified with its
// line, then laid out, checked and given its unit, and each step asks for its number again.
// Reading a number (normalize.Number) costs far more than a look-up. A nil cache reads every
// time.
type cellCache = *cellMemo

// read is readCell through the cache.
func (cc cellCache) read(raw string) (cellValue, bool) {
	if cc == nil {
		return readCell(raw)
	}
	if !hasDigit(raw) {
		// Not a number (readCell's first test): most text cells, told without the map.
		return cellValue{}, false
	}
	if r, ok := cc.get(raw); ok {
		return cellValue{Digits: r.digits, Unit: cellUnits[r.unit]}, r.ok
	}
	v, ok := readCell(raw)
	if code, known := unitCode(v.Unit); known {
		cc.put(raw, cellRead{v.Digits, code, ok})
	}
	return v, ok
}

// isNumber is read's ok. A cache gets the cell's value, which its other readers will ask for;
// without one only the answer is read (cellIsNumber).
func (cc cellCache) isNumber(raw string) bool {
	if cc == nil {
		return cellIsNumber(raw)
	}
	_, ok := cc.read(raw)
	return ok
}

// cellUnitLetters are the letters, lower case, of the units reCellSuffix reads ("€", "eur",
// "pts", "ht", "ttc"...); TestCellUnitLetters checks the pattern holds no other.
const cellUnitLetters = "eurosptch"

// cellBytes are the ASCII bytes a cell readCellTable reads may hold: digits, white space, the
// separators, signs and brackets of a number, "%" and the letters of the units. Bytes of
// multi-byte runes (€, a Unicode space or dash) are let through.
var cellBytes = func() (t [256]bool) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	for _, c := range []byte("0123456789 \t\n\v\f\r.,'()-+%" + cellUnitLetters + strings.ToUpper(cellUnitLetters)) {
		t[c] = true
	}
	return t
}()

// cellTableMay is false of most cells readCellTable cannot read, told before any string is made
// or pattern run: a byte no number or unit holds, or two commas (the number keeps every comma
// of the cell, and holds one at most, before its decimals). Rows of several amounts on one line
// ("0,00 140 853,32 - 140 853,32") are the common case. FuzzCellTableMay checks it never
// rejects a cell readCellTable reads.
func cellTableMay(s string) bool {
	commas := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !cellBytes[c] {
			return false
		}
		if c == ',' {
			if commas++; commas > 1 {
				return false
			}
		}
	}
	return true
}

// cellSuffix is reCellSuffix.FindStringSubmatchIndex(s) read by hand, ok when the match is not
// the empty one at the end: a match that is not empty ends the text with its last byte, white
// space, "%", "." or a letter of a unit (a multi-byte rune may be "€" or a letter that folds to
// one), so a cell that ends otherwise (in a digit, most of them) is told first. The pattern ran
// its backtracker from every place of the cell (FuzzCellSuffix checks both agree).
func cellSuffix(s string) (m [6]int, ok bool) {
	if s == "" {
		return m, false
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf && !isGapSpace(c) && c != '%' && c != '.' && strings.IndexByte(cellUnitLetters, c|0x20) < 0 {
		return m, false
	}
	// A match holds only bytes of suffixBytes: it starts after the last other byte.
	i := len(s)
	for i > 0 && suffixBytes[s[i-1]] {
		i--
	}
	for i < len(s) {
		// The leading \s* takes all the white space it can (what follows it opens with another
		// byte): a match from a space is the one from the end of its run, and when that fails
		// so does every start inside the run.
		j := i
		for j < len(s) && isGapSpace(s[j]) {
			j++
		}
		if m, ok := suffixFrom(s, j); ok {
			m[0] = i
			return m, true
		}
		i = j + 1
	}
	return m, false
}

// suffixBytes are the bytes a match of reCellSuffix may hold: white space, "%", ".", the unit
// letters in either case, and the bytes of "€" and "ſ" (which (?i) folds with "s").
var suffixBytes = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\f\r%.\xe2\x82\xac\xc5\xbf" + cellUnitLetters + strings.ToUpper(cellUnitLetters)) {
		t[c] = true
	}
	return t
}()

// cellUnitForms are the alternatives of reCellSuffix's unit group, in the order the pattern
// tries them (euros? and pts? try their "s" first).
var cellUnitForms = []string{"€", "eur", "euros", "euro", "%", "pts", "pt"}

// suffixFrom reads `(unit)?\s*(tax)?\s*$` of reCellSuffix at p, which is not white space:
// each alternative in the pattern's order, the first that reaches the end winning.
func suffixFrom(s string, p int) (m [6]int, ok bool) {
	m = [6]int{p, len(s), -1, -1, -1, -1}
	for _, u := range cellUnitForms {
		if e := foldPrefix(s, p, u); e >= 0 {
			if t, ok := taxFrom(s, e); ok {
				m[2], m[3], m[4], m[5] = p, e, t[0], t[1]
				return m, true
			}
		}
	}
	if t, ok := taxFrom(s, p); ok {
		m[4], m[5] = t[0], t[1]
		return m, true
	}
	return m, false
}

// taxFrom reads `\s*(h\.?t\.?|t\.?t\.?c\.?)?\s*$` at q: the group's bounds, -1 when it is
// skipped. The group's letters and dots are told apart by their bytes, and the end must follow
// it, so the one reading that takes every dot it can is the only one that may succeed.
func taxFrom(s string, q int) (g [2]int, ok bool) {
	for q < len(s) && isGapSpace(s[q]) {
		q++
	}
	for _, letters := range [...]string{"ht", "ttc"} {
		e := q
		for k := 0; k < len(letters) && e >= 0; k++ {
			if e = foldPrefix(s, e, letters[k:k+1]); e >= 0 && e < len(s) && s[e] == '.' {
				e++
			}
		}
		if e >= 0 && spaceToEnd(s, e) {
			return [2]int{q, e}, true
		}
	}
	return [2]int{-1, -1}, spaceToEnd(s, q)
}

// spaceToEnd reports whether s holds only white space (\s) from i on.
func spaceToEnd(s string, i int) bool {
	for ; i < len(s); i++ {
		if !isGapSpace(s[i]) {
			return false
		}
	}
	return true
}

// foldPrefix is the end of w (lower case letters and other bytes) read at s[i:] as (?i) reads
// it, -1 when it is not there: ASCII letters in either case, and "ſ" for "s" (the one fold of
// the units' letters beyond ASCII); other bytes as they are.
func foldPrefix(s string, i int, w string) int {
	for k := 0; k < len(w); k++ {
		if i >= len(s) {
			return -1
		}
		c := w[k]
		switch {
		case s[i] == c || 'a' <= c && c <= 'z' && s[i] == c-('a'-'A'):
			i++
		case c == 's' && s[i] == 0xc5 && i+1 < len(s) && s[i+1] == 0xbf:
			i += 2
		default:
			return -1
		}
	}
	return i
}

// readCellTable is the table's own reading of a number cell (see readCell).
func readCellTable(raw string) (cellValue, bool) {
	if !cellTableMay(raw) {
		return cellValue{}, false
	}
	return readCellForms(raw)
}

// readCellForms is readCellTable past its byte test.
func readCellForms(raw string) (cellValue, bool) {
	// The replacers copy the cell even when they change nothing: most cells hold neither.
	s := raw
	if hasUnicodeSpace(s) {
		s = spaceLike.Replace(s)
	}
	if hasUnicodeMinus(s) {
		s = minusLike.Replace(s)
	}
	s = trimSpace(s)
	if s == "" || len(s) > 64 {
		return cellValue{}, false
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = trimSpace(s[1 : len(s)-1])
	}
	unit := ""
	if strings.HasPrefix(s, "€") {
		unit = "EUR"
		s = trimSpace(strings.TrimPrefix(s, "€"))
	}
	switch {
	case strings.HasPrefix(s, "-"):
		if neg {
			return cellValue{}, false
		}
		neg = true
		s = trimSpace(s[1:])
	case strings.HasPrefix(s, "+"):
		s = trimSpace(s[1:])
	}
	if strings.HasPrefix(s, "€") && unit == "" {
		unit = "EUR"
		s = trimSpace(strings.TrimPrefix(s, "€"))
	}
	if m, ok := cellSuffix(s); ok {
		if m[2] >= 0 {
			switch u := strings.ToLower(s[m[2]:m[3]]); {
			case u == "%" || strings.HasPrefix(u, "pt"):
				unit = "%"
			default:
				unit = "EUR"
			}
		}
		s = s[:m[0]]
	}
	// A parenthesised amount may carry its currency inside or outside: "(1 200,00 €)".
	if !neg && strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = trimSpace(s[1 : len(s)-1])
	}
	m := reCellNumber.FindStringSubmatch(s)
	if m == nil {
		return cellValue{}, false
	}
	intPart, frac := m[1], m[2]
	sep := strings.IndexAny(s[len(m[1]):], ",.")
	decSep := byte(0)
	if sep >= 0 {
		decSep = s[len(m[1])+sep]
	}
	// A single dot followed by exactly three digits is a thousands separator in French
	// ("1.697€", "343.908"), unless the whole part is zero ("0.445") or the cell is a rate.
	if decSep == '.' && len(frac) == 3 && intPart != "0" && !strings.ContainsAny(intPart, " .'’") && len(intPart) <= 3 && unit != "%" {
		intPart, frac = intPart+"."+frac, ""
	}
	// Groups separated by dots are thousands only when the decimal mark is a comma or absent.
	if strings.Contains(intPart, ".") && decSep == '.' && frac != "" {
		return cellValue{}, false
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	digits := strings.TrimLeft(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, intPart), "0")
	if digits == "" {
		digits = "0"
	}
	b.WriteString(digits)
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	v := b.String()
	if v == "-0" || (neg && strings.Trim(v, "-0.") == "") {
		v = strings.TrimPrefix(v, "-")
	}
	return cellValue{Digits: v, Unit: unit}, true
}

// isCode reports whether a cell is a budget code (chapter, article, account): two to six digits
// ("011", "65", "002", "74833", "6411").
func isCode(s string) bool {
	// Trimming keeps an end that is an ASCII byte other than white space: a cell opening or
	// ending with a digit at both ends is its own trim, and one opening or ending with another
	// such byte (most cells: words, amounts with a unit) is no code, told without trimming.
	if s == "" {
		return false
	}
	if a, b := s[0], s[len(s)-1]; '0' <= a && a <= '9' && '0' <= b && b <= '9' {
		return len(s) >= 2 && len(s) <= 6 && allDigits(s)
	} else if keptEnd(a) || keptEnd(b) {
		return false
	}
	s = trimSpace(s)
	return len(s) >= 2 && len(s) <= 6 && allDigits(s)
}

// keptEnd reports whether c, an end of a cell, is an ASCII byte that trimSpace keeps and that
// is no digit.
func keptEnd(c byte) bool {
	return c < utf8.RuneSelf && !isFoldSpace(c) && (c < '0' || c > '9')
}

// isYear reports whether a cell is a bare year (19xx or 20xx), as in a header "Libellé 2023
// 2024" ("BP 2024" is text anyway).
func isYear(s string) bool {
	s = trimSpace(s)
	return len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && allDigits(s)
}

// allDigits reports whether s is made of ASCII digits only (regexp's \d), as a byte test:
// isCode and isYear run on every cell of every candidate row.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isText reports whether a cell holds words: at least one letter.
func isText(s string) bool {
	// ASCII bytes are told by hand (the letters of ASCII are A–Z and a–z alone); other runes
	// are decoded as range would (an invalid byte is utf8.RuneError, no letter).
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// General Punctuation up to U+206F (’ – …) and € hold no letter: the common runes
		// beyond Latin-1 are told without the search of the Unicode tables.
		if !(0x2000 <= r && r <= 0x206f || r == '€') && unicode.IsLetter(r) {
			return true
		}
		i += size
	}
	return false
}

// isGapSpace reports whether c is white space of a column gap in PDF layout or OCR text (regexp's
// \s: space, tab, newline, form feed, carriage return); a gap is two of them or more.
func isGapSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// gapText is line with its Unicode spaces made plain and trimmed, and whether it holds a column
// gap at all. Every line of a document comes here, most of them prose without a gap, so the
// spaces are only replaced when the line has one of them.
func gapText(line string) (string, bool) {
	s := line
	if hasUnicodeSpace(line) {
		s = spaceLike.Replace(line)
	}
	s = trimSpace(s)
	return s, hasGap(s)
}

// hasGap reports whether s holds two neighbouring gap spaces. It reads every line of every
// document, so it looks at eight bytes at a time for two neighbouring bytes below '!' (gap
// spaces are among them); only then are the bytes themselves looked at.
func hasGap(s string) bool {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	// Bit 7 of each byte of below: the byte is below 0x21 (its low seven bits plus 0x5f do
	// not reach 0x80, and its own bit 7 is clear); no carry crosses bytes.
	below := func(x uint64) uint64 { return ^((x&low7 + 0x5f*ones) | x) & highs }
	var carry uint64 // bit 7: the last byte of the previous word was below '!'
	i := 0
	// Sixteen bytes a step, the loads through slices of fixed length (no bound left to test).
	for ; i+16 <= len(s); i += 16 {
		m, n := below(leWord(s[i:i+8])), below(leWord(s[i+8:i+16]))
		if m&(m<<8|carry)|n&(n<<8|m>>56) != 0 {
			return gapLoop(s)
		}
		carry = n >> 56
	}
	if i+8 <= len(s) {
		m := below(leWord(s[i : i+8]))
		if m&(m<<8|carry) != 0 {
			return gapLoop(s)
		}
		i += 8
	}
	return gapLoop(s[max(i-1, 0):])
}

// leWord reads the first eight bytes of s as a little-endian word: the bound hint lets the
// compiler merge the eight loads into one.
func leWord(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// gapLoop is hasGap byte by byte. Every pair of neighbouring bytes holds one at an odd index:
// looking at those only halves the work.
func gapLoop(s string) bool {
	for i := 1; i < len(s); i += 2 {
		if gapSpaces[s[i]] && (gapSpaces[s[i-1]] || i+1 < len(s) && gapSpaces[s[i+1]]) {
			return true
		}
	}
	return false
}

// gapSpaces is isGapSpace as a table, for the loop of gapText that reads every byte of every
// line.
var gapSpaces = [256]bool{' ': true, '\t': true, '\n': true, '\f': true, '\r': true}

// hasUnicodeMinus reports whether s holds one of the dashes of minusLike: U+2010, U+2013 or
// U+2014 (E2 80 90, 93, 94) or U+2212 (E2 88 92). "€" (E2 82 AC) shares their lead byte, so the
// whole sequence is tested.
func hasUnicodeMinus(s string) bool {
	for {
		i := strings.IndexByte(s, 0xe2)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		switch s[i+1] {
		case 0x80:
			if c := s[i+2]; c == 0x90 || c == 0x93 || c == 0x94 {
				return true
			}
		case 0x88:
			if s[i+2] == 0x92 {
				return true
			}
		}
		s = s[i+1:]
	}
}

// hasUnicodeSpace reports whether line holds one of the spaces of spaceLike: U+00A0 (C2 A0),
// U+2007, U+2009 or U+202F (E2 80 87, 89, AF). Apostrophes and accents share their lead bytes,
// so the whole sequence is tested.
func hasUnicodeSpace(line string) bool {
	// strings.IndexByte jumps over the ASCII runs; only the lead bytes are looked at.
	for s := line; ; {
		i := strings.IndexByte(s, 0xc2)
		if i < 0 || i+1 >= len(s) {
			break
		}
		if s[i+1] == 0xa0 {
			return true
		}
		s = s[i+1:]
	}
	for s := line; ; {
		i := strings.IndexByte(s, 0xe2)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if s[i+1] == 0x80 {
			if c := s[i+2]; c == 0x87 || c == 0x89 || c == 0xaf {
				return true
			}
		}
		s = s[i+1:]
	}
}

// splitGaps splits s around every column gap, keeping the empty cells at either end.
func splitGaps(s string) []string { return splitGapsInto(nil, s) }

// maxStackCells is how many cells of a line are split into a buffer on the stack: most lines
// with gaps are justified prose, split to be told from a row and thrown away.
const maxStackCells = 32

// splitGapsInto is splitGaps appending the cells to buf. Every line with a gap comes here,
// most of them justified prose: eight places at a time are passed over when no two
// neighbouring bytes below '!' (gap spaces are among them) start there, and the walk goes
// straight to the first place where they do. FuzzSplitGapsWords
// checks it against splitGapsRef, byte by byte.
func splitGapsInto(buf []string, s string) []string {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	// Bit 7 of each byte: the byte is below '!' (see hasGap).
	below := func(x uint64) uint64 { return ^((x&low7 + 0x5f*ones) | x) & highs }
	cells := buf
	beg := 0
	for i := 0; i+1 < len(s); {
		if i+9 <= len(s) {
			// Straight to the first of the next eight places where a pair of low bytes starts.
			m := below(leWord(s[i:i+8])) & below(leWord(s[i+1:i+9]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		if !isGapSpace(s[i]) || !isGapSpace(s[i+1]) {
			i++
			continue
		}
		j := i + 2
		for j < len(s) && isGapSpace(s[j]) {
			j++
		}
		cells = append(cells, s[beg:i])
		beg = j
		i = j
	}
	return append(cells, s[beg:])
}

// bulletLead opens a list item; a line that starts with one is prose, not a table row.
var bulletLead = mustRx(`^\s*(?:[` + bulletMarks + `o]\s|\d+[.)/]\s|[a-z][.)]\s)`)

// bulletMarks are the signs that open a list item when a space follows them.
const bulletMarks = "-–—•*·\uf0b7\uf0d8\uf0a7\uf0fc➢✓▪►"

// isBullet reports whether s opens with a list item (bulletLead). Every line of a document is
// asked: the first bytes after the leading white space tell, without the regular expression.
func isBullet(s string) bool { return bulletOpens(s, false) }

// bulletLabel is isBullet(s + " "): a label that is only a list marker ("a)", "2.", "–") is a
// bullet too. Appending a space keeps every test isBullet passes, and adds one: the marker may
// end s. The string is not made: build asks it of every row's label.
func bulletLabel(s string) bool { return bulletOpens(s, true) }

// bulletOpens is isBullet, where with atEnd the marker may also end s.
func bulletOpens(s string, atEnd bool) bool {
	// spaceAt: the marker is followed by white space at k, or ends s there.
	spaceAt := func(k int) bool { return k < len(s) && isGapSpace(s[k]) || atEnd && k == len(s) }
	i := 0
	for i < len(s) && isGapSpace(s[i]) {
		i++
	}
	if i == len(s) {
		return false
	}
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z':
		// "a) ", "b. " or "o ": most lines of prose that open in lower case are told by the
		// next byte or two.
		return c == 'o' && spaceAt(i+1) || i+1 < len(s) && (s[i+1] == '.' || s[i+1] == ')') && spaceAt(i+2)
	case '0' <= c && c <= '9':
		j := i + 1
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		return j < len(s) && (s[j] == '.' || s[j] == ')' || s[j] == '/') && spaceAt(j+1)
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return strings.ContainsRune(bulletMarks, r) && spaceAt(i+size)
}

// splitTabs splits a tab-separated line into trimmed cells; trailing empty cells are kept so
// that a row keeps its width (they are dropped later where the width is known).
func splitTabs(line string) []string {
	cells := strings.Split(line, "\t")
	for i, c := range cells {
		cells[i] = trimSpace(c)
	}
	return cells
}

// appendTabs is splitTabs appending the cells to dst: the blocks of a document cut their cells
// from one buffer (tableBlocks).
func appendTabs(dst []string, line string) []string { return appendCells(dst, line, '\t') }

// appendCells appends the pieces of s between the bytes sep, trimmed, to dst (as many as
// strings.Split gives).
func appendCells(dst []string, s string, sep byte) []string {
	for {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			return append(dst, trimSpace(s))
		}
		dst = append(dst, trimSpace(s[:i]))
		s = s[i+1:]
	}
}

// splitSpaces splits a line of PDF or OCR text on runs of two or more spaces, the only column
// separator such text keeps. It reports false when the line does not look like a table row:
// a bulleted line, a single cell, or cells after the label that are not all numbers (justified
// prose has double spaces between words).
func splitSpaces(line string) ([]string, bool) {
	s, gap := gapText(line)
	return splitSpacesGap(line, s, gap)
}

// splitSpacesGap is splitSpaces on a line whose gapText is known.
func splitSpacesGap(line, s string, gap bool) ([]string, bool) {
	if !gap || isBullet(line) {
		return nil, false
	}
	var buf [maxStackCells]string
	cells := splitGapsInto(buf[:0], s)
	if !spaceRow(cells, nil) {
		return nil, false
	}
	return slices.Clone(cells), true
}

// spaceRow reports whether the cells of a line split on its gaps make a row (splitSpaces): a
// label, perhaps after a code, then numbers, read through cc.
func spaceRow(cells []string, cc cellCache) bool {
	if len(cells) < 2 {
		return false
	}
	label := 0
	if isCode(cells[0]) && len(cells) > 2 {
		label = 1
	}
	if !isText(cells[label]) || utf8.RuneCountInString(cells[label]) > 80 {
		return false
	}
	for _, c := range cells[label+1:] {
		if !cc.isNumber(c) {
			return false
		}
	}
	return true
}

// splitHeaderSpaces splits a possible header line of space-aligned text: at least two cells,
// all of them words.
func splitHeaderSpaces(line string) ([]string, bool) {
	s, gap := gapText(line)
	return splitHeaderSpacesGap(line, s, gap)
}

// splitHeaderSpacesGap is splitHeaderSpaces on a line whose gapText is known.
func splitHeaderSpacesGap(line, s string, gap bool) ([]string, bool) {
	if !gap || isBullet(line) {
		return nil, false
	}
	var buf [maxStackCells]string
	cells := splitGapsInto(buf[:0], s)
	if !headerRow(cells, nil) {
		return nil, false
	}
	return slices.Clone(cells), true
}

// headerRow reports whether the cells of a line split on its gaps make a header
// (splitHeaderSpaces): two to twelve cells of words, read through cc.
func headerRow(cells []string, cc cellCache) bool {
	if len(cells) < 2 || len(cells) > 12 {
		return false
	}
	for _, c := range cells {
		if cc.isNumber(c) && !isYear(c) {
			return false
		}
		if utf8.RuneCountInString(c) > 60 {
			return false
		}
	}
	return true
}
