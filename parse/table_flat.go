package parse

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"minutes/normalize"
)

// Flattened tables: plain text, HTML and OCR extractions often lose the column gaps and leave a
// budget table as lines of single-spaced words ending in amounts:
//
//	FONCTIONNEMENT : RECETTES DÉPENSES
//	60633 Fournitures de voirie -565.00
//	023 Virement à la section
//	d'investissement -5412.00
//	TOTAL : 2 698.00 2 698.00
//
// A run of three such rows or more, anchored by a code column, a header or section line, or a
// total row, is a table. The amounts are read from the end of the line; when their grouping by
// spaces is ambiguous ("12 345 678" as one or two numbers) the cells keep their raw text and a
// table-cell-unread diagnostic says so. Amounts inside sentences stay prose: a row's label is
// short, has no sentence punctuation, and bulleted lines are lists, not rows.

// Vocabulary of flattened tables, matched on folded text.
var (
	// A row's code: chapter, article or account, with an optional "- 00" function suffix
	// ("1641 - 00", "21538 - 0").
	reFlatCode = lazyRx(`^(\d{2,6})(?:\s*-\s*0{1,3})?\s+(\S.*)$`)
	// Words that name value columns in a header line ("RECETTES DÉPENSES", "Réalisé").
	reFlatColumn = lazyRx(`^(?:` + strings.Join(flatColumnWords, "|") + `)$`)
	// A running footer's page number ("Compte-rendu page 11"), not a row.
	rePageLabel = regexp.MustCompile(`\bpages?(?:\s+n°)?\s*:?$`)
	// The first word of a section line (see reTableSection).
	reHeadFirst = lazyRx(`^(?:[0-9ivx.]+[-.)]?|` + strings.Join(headFirstWords, "|") + `)$`)
	// A bare year, which ends labels ("Année 2016") without being an amount.
	reFlatYear = lazyRx(`^(?:19|20)\d{2}$`)
)

// flatColumnWords are the words, folded, that name value columns (reFlatColumn), each form
// spelled out so that a word is looked up rather than matched.
var flatColumnWords = []string{
	"recettes", "depenses", "realise", "realisee", "realises", "realisees", "prevu",
	"prevision", "previsions", "montant", "montants", "credits", "diminution", "augmentation",
	"propose", "vote", "votes", "bp", "budget", "total", "ttc", "ht",
}

// headFirstWords are the words, folded, besides an outline number, that open a section line
// (reHeadFirst).
var headFirstWords = []string{"section", "depenses", "recettes", "fonctionnement", "investissement", "exploitation", "charges", "produits"}

// Sets of the word lists above: flatHeader reads the first word of every short line.
var (
	flatColumnSet = wordSet(flatColumnWords)
	headFirstSet  = wordSet(headFirstWords)
)

// wordSet makes a set of words.
func wordSet(words []string) leadSet {
	var m leadSet
	for _, w := range words {
		if w != "" && !m.has(w) {
			m[w[0]] = append(m[w[0]], w)
		}
	}
	return m
}

// leadSet is a small set of words, kept by their first byte: a look-up compares the few words
// that open like the one asked, without hashing it (every short line's first word is asked).
type leadSet [256][]string

// has reports whether w is in the set.
func (m *leadSet) has(w string) bool {
	if w == "" {
		return false
	}
	for _, x := range m[w[0]] {
		if x == w {
			return true
		}
	}
	return false
}

// outlineWord reports whether a folded word is an outline number as reHeadFirst reads one
// ("2.", "iv)", "1.2-"): [0-9ivx.]+ and an optional closing [-.)].
func outlineWord(f []byte) bool {
	n := len(f)
	if n == 0 {
		return false
	}
	if n > 1 && (f[n-1] == '-' || f[n-1] == ')') {
		n-- // '.' is in both sets, so it needs no case of its own
	}
	for _, c := range f[:n] {
		if !(c >= '0' && c <= '9' || c == 'i' || c == 'v' || c == 'x' || c == '.') {
			return false
		}
	}
	return true
}

// foldWord is normalize.Fold(w) written into buf when w is plain ASCII without spaces or
// backquotes (Fold then only lowers the capitals), so that no string is made for it; other
// words go through Fold.
func foldWord(w string, buf []byte) []byte {
	buf = buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf || c == ' ' || '\t' <= c && c <= '\r' || c == '`':
			// Fold(w) is AppendFold's bytes: folded into buf, no string is made.
			return normalize.AppendFold(buf[:0], w)
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// headWord reports whether a word opens a header line: reFlatColumn or reHeadFirst matches
// its folded form.
func headWord(w string) bool {
	var stack [32]byte
	f := foldWord(w, stack[:0])
	return flatColumnSet.has(string(f)) || headFirstSet.has(string(f)) || outlineWord(f)
}

// columnWord reports whether a word names a value column: reFlatColumn matches its folded
// form.
func columnWord(w string) bool {
	var stack [32]byte
	return flatColumnSet.has(string(foldWord(w, stack[:0])))
}

// maxFlatLabel bounds a row's label: a longer line before an amount is a sentence.
const maxFlatLabel = 60

// flatKind is how a line of plain text reads as part of a flattened table.
type flatKind uint8

const (
	flatOther flatKind = iota // prose, blank, or anything else: ends a run
	flatData                  // [code] label amount…
	flatOpen                  // code label, the amounts on a following line
	flatText                  // a short line of words: a wrapped label, or a row without values
	flatHead                  // a section ("INVESTISSEMENT :") and/or column names
	flatPage                  // a bare page number (furniture inside a table)
)

// flatLine is one line read as a piece of a flattened table.
type flatLine struct {
	idx     int
	kind    flatKind
	code    string
	label   string
	amounts []string // raw trailing amounts, in order; nil when their split is ambiguous
	tail    string   // the raw trailing numbers, kept when amounts is nil
	section string
	columns []string
}

// flatRowLines marks the lines of the document that are rows of flattened tables, computed
// once, with the other facts isTableLine reads (lineRow and the line* bits below). The body
// reads it (through isTableLine) so that their amounts leave the prose.
func (d *doc) flatRowLines() []uint8 {
	// The body asks for every line, often several times: the answer once found is returned
	// by a call the compiler inlines.
	if m := d.flatMemo; m != nil && m.found {
		return m.rows
	}
	return d.findFlatRows()
}

// findFlatRows is flatRowLines the first time.
func (d *doc) findFlatRows() []uint8 {
	rows := d.lineBits()
	if !d.flatMemo.found {
		d.flatMemo.found = true
		m := d.flatMemo
		m.blocks, m.lines = d.flatBlocksInto(m.blocks[:0], m.lines[:0])
		for _, b := range d.flatMemo.blocks {
			for _, l := range b {
				if l.kind == flatData || l.kind == flatOpen || l.kind == flatText || l.kind == flatHead {
					rows[l.idx] |= lineRow
				}
			}
		}
		var stacks []stackBlock
		stacks, m.ints = d.stackBlocksInto(m.ints[:0])
		for _, b := range stacks {
			taken := false
			for _, r := range b.rows {
				for _, i := range r {
					taken = taken || rows[i]&lineRow != 0
				}
			}
			if taken {
				continue
			}
			d.flatMemo.stacks = append(d.flatMemo.stacks, b)
			for _, r := range b.rows {
				for _, i := range r {
					rows[i] |= lineRow
				}
			}
			for _, i := range b.more {
				rows[i] |= lineRow
			}
		}
		readTabless(rows)
	}
	return d.flatMemo.rows
}

// readTabless marks isTableLine's answer known for every line without a tab: it is a table
// line when it is a row. Every line of the document is marked, eight at a time (the bits of
// each byte move within it: lineRead is lineTab's bit one up, lineTable lineRow's three up).
// FuzzReadTabless checks it against the loop byte by byte.
func readTabless(rows []uint8) {
	const ones = 0x0101010101010101
	i := 0
	for ; i+8 <= len(rows); i += 8 {
		x := binary.LittleEndian.Uint64(rows[i : i+8])
		notab := ^x & (lineTab * ones)
		x |= notab<<1 | (x&(lineRow*ones))<<3&(notab<<2)
		binary.LittleEndian.PutUint64(rows[i:i+8], x)
	}
	for ; i < len(rows); i++ {
		if st := rows[i]; st&lineTab == 0 {
			st |= lineRead
			if st&lineRow != 0 {
				st |= lineTable
			}
			rows[i] = st
		}
	}
}

// The facts of a line flatRowLines keeps.
const (
	lineRow   = 1 << iota // a row of a flattened or stacked table
	lineTab               // the line holds a tab
	lineRead              // isTableLine's answer is known: lineTable
	lineTable             // isTableLine's answer
)

// flatMemo holds the flattened tables found in a document.
type flatMemo struct {
	blocks [][]flatLine
	lines  []flatLine // the lines of blocks, one block after the other (flatBlocksInto)
	ints   []int      // the rows of stacked runs (stackBlocksInto)
	stacks []stackBlock
	rows   []uint8 // the line* bits of each line
	found  bool    // blocks, stacks and the lineRow bits are read
	// checks is the buffer the arithmetic checks of the document's tables share (checkTable).
	checks []sumCheck[fixed]
}

// reset empties m for a new document, its buffers keeping their room (a field left out here
// would start empty, never with the last document's state).
func (m *flatMemo) reset() {
	*m = flatMemo{rows: m.rows[:0], blocks: m.blocks[:0], lines: m.lines[:0], ints: m.ints[:0],
		stacks: m.stacks[:0], checks: m.checks[:0]}
}

// readFlat classifies one line. It is cheap for prose: the amount tail is only parsed when the
// line ends in a digit (or a currency or percent sign after one).
func readFlat(idx int, text string) flatLine {
	// A line with a tab, a blank line and a paragraph are no row (readFlatBits' first tests):
	// told before the line's byte facts are read.
	if strings.IndexByte(text, '\t') >= 0 {
		return flatLine{idx: idx}
	}
	if t := trimSpace(text); t == "" || moreRunes(t, 120) {
		return flatLine{idx: idx}
	}
	return readFlatBits(idx, text, byteFacts(text), false)
}

// readFlatBits is readFlat on a line whose byte facts st are known (lineBits); with kindOnly,
// only the kind of the line is wanted, and a row's amounts are not kept.
func readFlatBits(idx int, text string, st uint8, kindOnly bool) flatLine {
	fl := flatLine{idx: idx}
	if st&(lineTab|lineBlank) != 0 {
		return fl // a blank line is no row either: its gapText is ""
	}
	// A paragraph is too long to be a row: told before gapText reads it. Trimming first keeps
	// the count exact (the spaces gapText replaces are Unicode spaces, trimmed alike).
	t := trimSpace(text)
	if moreRunes(t, 120) {
		return fl
	}
	s, gap := t, st&lineGap != 0 // gapTextBits(text, st)
	if st&lineUspace != 0 {
		s, gap = gapText(text)
	}
	if s == "" {
		return fl
	}
	if mayPageNumber(s) && isPageNumber(s) {
		fl.kind = flatPage
		return fl
	}
	if !isText(s) {
		// Every kind below but flatOther asks for letters: in a row's label (within s), a
		// header's words, the line as text. (Bare amounts, dates and references are told here,
		// before their numbers are read; squeezing the spaces of a gap keeps the letters.)
		return fl
	}
	if gap {
		// Columns kept by the extraction: the space-aligned reader takes the line.
		// (splitSpaces(s): s is its own gapText, a gap in it)
		if _, ok := splitSpacesGap(s, s, true); ok {
			return fl
		}
		s = strings.Join(strings.Fields(s), " ")
	}
	if isBullet(s) {
		// A list item; only a dashed section heading ("- SECTION D'INVESTISSEMENT") counts.
		if sec, cols, ok := flatHeader(strings.TrimLeft(s, "-–—•* ")); ok {
			fl.kind, fl.section, fl.columns = flatHead, sec, cols
		}
		return fl
	}
	long := moreRunes(s, maxFlatLabel)
	if endsInNumber(s) {
		label, tail := splitTail(s)
		code, rest, split := "", label, false
		if long {
			// A line too long for a label of its own is a row only if its label is short
			// enough, the amounts taking the rest: a sentence ending in a year is told here,
			// before its numbers are read.
			if c, r, ok := flatCode(label); ok && isText(r) {
				code, rest = c, r
			}
			if split = true; moreRunes(rest, maxFlatLabel) {
				return fl
			}
		}
		// The tail must be made of numbers ("2014-25" and "1/2" are references, not amounts);
		// its groups are only read for a label of words. They are read into a buffer on the
		// stack: only the amounts they make are kept. A group is a token of the tail, and a
		// row of a few amounts written with spaced thousands ("1 051 236,00") holds more than
		// eight.
		var buf [16]spannedGroup
		var sq string
		var gs []spannedGroup
		ok := false
		if tail != "" && isText(label) {
			sq, gs, ok = amountGroupsSpaced(tail, buf[:0])
		}
		if ok {
			if !split {
				if c, r, ok := flatCode(label); ok && isText(r) {
					code, rest = c, r
				}
			}
			if pageLabel(rest) {
				return fl
			}
			if !moreRunes(rest, maxFlatLabel) && !proseLabel(rest) {
				// The amounts are split on the stack, and kept in a slice of their size.
				var abuf [8]string
				amounts, ok := splitGroupsInto(abuf[:0], sq, gs)
				if !(ok && len(amounts) == 1 && flatYear(amounts[0])) {
					fl.kind, fl.code, fl.label, fl.tail = flatData, code, trimSpace(rest), tail
					if ok && !kindOnly {
						fl.amounts = slices.Clone(amounts)
					}
					return fl
				}
			}
		}
	}
	// (s holds a letter, told above: squeezing its spaces keeps them.)
	if long {
		return fl
	}
	if sec, cols, ok := flatHeader(s); ok {
		fl.kind, fl.section, fl.columns = flatHead, sec, cols
		return fl
	}
	if proseLabel(s) || strings.HasSuffix(s, ":") {
		return fl
	}
	if c, r, ok := flatCode(s); ok && isText(r) {
		fl.kind, fl.code, fl.label = flatOpen, c, r
		return fl
	}
	fl.kind, fl.label = flatText, s
	return fl
}

// pageLabel is rePageLabel.MatchString(normalize.Fold(s)), the text folded into a buffer on
// the stack and read from its end: every row candidate's label is asked.
func pageLabel(s string) bool {
	if !pageLetterMay(s) {
		return false
	}
	var stack [256]byte
	return pageLabelEnd(normalize.AppendFold(stack[:0], s))
}

// pageLetterMay is false when the fold of s holds no 'p', so that rePageLabel cannot match it:
// s is made of ASCII bytes other than 'p' and 'P' and of letters of U+00C0–U+00FF (none folds
// to a 'p'), which Fold reads byte by byte. Every row candidate's label is asked; few hold a p.
func pageLetterMay(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c|0x20 == 'p':
			return true
		case c < utf8.RuneSelf:
		case c == 0xc3 && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			i++
		default:
			return true
		}
	}
	return false
}

// pageLabelEnd is rePageLabel.MatchString(string(f)) read by hand from the end of f:
// `\bpages?(?:\s+n°)?\s*:?$`. White space and the letters of "page" and "n°" are distinct
// bytes, so every repetition takes all it can and no other way needs trying.
// FuzzPageLabel checks both agree.
func pageLabelEnd(f []byte) bool {
	n := len(f)
	if n > 0 && f[n-1] == ':' {
		n--
	}
	for n > 0 && isGapSpace(f[n-1]) {
		n--
	}
	if n >= 3 && f[n-3] == 'n' && f[n-2] == 0xc2 && f[n-1] == 0xb0 { // "n°"
		k := n - 3
		for k > 0 && isGapSpace(f[k-1]) {
			k--
		}
		// Without the group the text would end in "°", not in "page(s)".
		return k < n-3 && pageWordEnd(f[:k])
	}
	return pageWordEnd(f[:n])
}

// pageWordEnd reports whether f ends in the word "page" or "pages" (`\bpages?$`): no ASCII
// letter, digit or underscore before it.
func pageWordEnd(f []byte) bool {
	n := len(f)
	if n > 0 && f[n-1] == 's' {
		n--
	}
	if n < 4 || string(f[n-4:n]) != "page" {
		return false
	}
	if n == 4 {
		return true
	}
	c := f[n-5]
	return !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_')
}

// proseLabel reports whether the text before an amount reads as a sentence: it holds sentence
// punctuation. A final dot is no sign of one: labels abbreviate ("non transf.").
func proseLabel(s string) bool {
	s = trimSpace(s)
	if s == "" {
		return false
	}
	// An amount inside the label is a sentence that names several.
	// The signs are looked for as bytes, in one pass: the lead byte of a multi-byte sign never
	// continues a rune.
	for i := 0; i < len(s); i++ {
		if !proseBytes[s[i]] {
			continue // (most bytes)
		}
		switch s[i] {
		case ';', '!', '?', '"':
			return true
		case ',':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		case 0xc2: // « and »
			if i+1 < len(s) && (s[i+1] == 0xab || s[i+1] == 0xbb) {
				return true
			}
		case 0xe2: // €
			if i+2 < len(s) && s[i+1] == 0x82 && s[i+2] == 0xac {
				return true
			}
		}
	}
	return false
}

// proseBytes are the bytes proseLabel looks at: the signs, and the lead bytes of «, » and €.
var proseBytes = [256]bool{';': true, '!': true, '?': true, '"': true, ',': true, 0xc2: true, 0xe2: true}

// endsInNumber reports whether s ends in a digit, possibly followed by a currency or percent
// sign or a closing bracket.
func endsInNumber(s string) bool {
	// strings.TrimRight(s, " €%)") read from the end by hand: "€" is the only sign of more
	// than one byte, and its bytes end s as a whole rune whatever comes before them (0xe2 never
	// continues a rune). FuzzEndsInNumber checks both agree.
	for k := len(s); k > 0; {
		switch c := s[k-1]; {
		case c == ' ' || c == '%' || c == ')':
			k--
		case c == 0xac && k >= 3 && s[k-3] == 0xe2 && s[k-2] == 0x82:
			k -= 3
		default:
			return '0' <= c && c <= '9'
		}
	}
	return false
}

// splitTail splits a line into its label and the run of numbers that ends it: the tokens from
// the end that hold only digits, separators, signs and currency.
func splitTail(s string) (label, tail string) {
	if singleSpaced(s) {
		// Words parted by single spaces (most lines): the tokens are read in place.
		k := len(s)
		for k > 0 {
			j := strings.LastIndexByte(s[:k], ' ') + 1
			if !numberToken(s[j:k]) {
				break
			}
			k = j - 1
		}
		if k == len(s) {
			return s, ""
		}
		if k < 0 {
			return "", s
		}
		return s[:k], s[k+1:]
	}
	f := strings.Fields(s)
	k := len(f)
	for k > 0 && numberToken(f[k-1]) {
		k--
	}
	if k == len(f) {
		return s, ""
	}
	// A sign or bracket token right after the label belongs to the first amount; a code
	// suffix ("1641 - 00") is not an amount.
	return strings.Join(f[:k], " "), strings.Join(f[k:], " ")
}

// numberToken reports whether a token is a piece of a French number: digits, separators,
// signs, brackets, € or %.
func numberToken(t string) bool {
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf {
			if !numberBytes[c] {
				return false
			}
			i++
			continue
		}
		// The signs of numberSigns beyond ASCII (an invalid byte decodes to utf8.RuneError,
		// which is none of them).
		switch r, size := utf8.DecodeRuneInString(t[i:]); r {
		case '–', '−', '€':
			i += size
		default:
			return false
		}
	}
	return true
}

// numberSigns are the signs a number token may hold besides its digits.
const numberSigns = ".,-–−+()€%"

// numberBytes is numberSigns' ASCII bytes and the digits, as a table: every token at the end of
// a row candidate is read.
var numberBytes = func() (t [utf8.RuneSelf]bool) {
	for _, c := range []byte("0123456789" + numberSigns) {
		if c < utf8.RuneSelf {
			t[c] = true
		}
	}
	return t
}()

// reFlatGroup is a token of a number as written with spaces: a sign, a group of digits with an
// optional decimal part, a currency or percent sign.
var reFlatGroup = lazyRx(`^([-–−+(]?) ?(\d+)(?:[.,](\d+))?( ?\)?[€%]?\)?)$`)

// splitAmounts splits a run of number tokens into amounts. Groups of three digits after a
// group may be its thousands; a decimal part ends an amount. It reports false when more than
// one split is possible ("12 345 678"), so that the caller keeps the text rather than guess.
func splitAmounts(tail string) ([]string, bool) {
	sq, gs, ok := amountGroups(tail)
	if !ok {
		return nil, false
	}
	return splitGroups(sq, gs)
}

// splitGroups is splitAmounts on the groups amountGroups read from the run sq.
func splitGroups(sq string, gs []spannedGroup) ([]string, bool) { return splitGroupsInto(nil, sq, gs) }

// splitGroupsInto is splitGroups appending the amounts to buf.
func splitGroupsInto(buf []string, sq string, gs []spannedGroup) ([]string, bool) {
	out := buf
	for i := 0; i < len(gs); {
		// An amount starts here and takes the following 3-digit groups (no sign of their own)
		// while it has no decimal part and no unit yet.
		j := i + 1
		for j < len(gs) && gs[i].canLead() && gs[j].canFollow() && !gs[j-1].ends() {
			j++
		}
		// Ambiguous when an amount of several groups ends without a decimal part or unit and
		// other amounts share the line: any of its 3-digit groups could open an amount.
		if j-i > 1 && !gs[j-1].ends() && (j < len(gs) || i > 0) {
			return nil, false
		}
		out = append(out, joinGroups(sq, gs[i:j]))
		i = j
	}
	return out, true
}

// joinGroups is the groups' texts joined by spaces: the bytes of sq they span, since sq parts
// its tokens by single spaces.
func joinGroups(sq string, gs []spannedGroup) string {
	return sq[gs[0].beg:gs[len(gs)-1].end]
}

// amountGroup is one space-separated piece of a run of amounts.
type amountGroup struct {
	sign, digits, frac, unit string
}

// canLead reports whether an amount may carry groups of thousands after this one.
func (g amountGroup) canLead() bool { return len(g.digits) <= 3 }

// canFollow reports whether the group may be the thousands of the group before it.
func (g amountGroup) canFollow() bool { return g.sign == "" && len(g.digits) == 3 }

// ends reports whether the group ends its amount: a decimal part or a unit follows it.
func (g amountGroup) ends() bool { return g.frac != "" || g.unit != "" }

// spannedGroup is an amountGroup and the bytes it spans in its run of amounts.
type spannedGroup struct {
	amountGroup
	beg, end int
}

// amountGroups splits a run of number tokens into groups, lone signs and units glued to their
// number. The run is returned with its white space squeezed (strings.Fields joined by single
// spaces; most runs already are), so that every group, and every run of groups joined by spaces,
// is a slice of it rather than a new string.
func amountGroups(tail string) (string, []spannedGroup, bool) {
	return amountGroupsBuf(tail, nil)
}

// amountGroupsBuf is amountGroups appending the groups to buf.
func amountGroupsBuf(tail string, buf []spannedGroup) (string, []spannedGroup, bool) {
	if !singleSpaced(tail) {
		tail = strings.Join(strings.Fields(tail), " ")
	}
	return amountGroupsSpaced(tail, buf)
}

// amountGroupsSpaced is amountGroupsBuf on a run already single-spaced (singleSpaced), as the
// tail splitTail returns is: its tokens joined by single spaces, or a slice of a single-spaced
// line from a token on.
func amountGroupsSpaced(tail string, buf []spannedGroup) (string, []spannedGroup, bool) {
	if tail == "" {
		return tail, nil, false
	}
	gs := buf[:0]
	if n := strings.Count(tail, " ") + 1; cap(gs) < n {
		gs = make([]spannedGroup, 0, n)
	}
	pending := -1 // the start of a lone sign, glued to the token after it
	for a := 0; a < len(tail); {
		b := a + strings.IndexByte(tail[a:], ' ')
		if b < a {
			b = len(tail)
		}
		t := tail[a:b]
		switch {
		case pending >= 0:
			gs = append(gs, spannedGroup{beg: pending, end: b})
			pending = -1
		case (t == "-" || t == "–" || t == "−" || t == "+") && b < len(tail):
			pending = a
		case (t == "€" || t == "%") && len(gs) > 0:
			gs[len(gs)-1].end = b
		default:
			gs = append(gs, spannedGroup{beg: a, end: b})
		}
		a = b + 1
	}
	for i := range gs {
		g, ok := readGroup(tail[gs[i].beg:gs[i].end])
		if !ok {
			return tail, nil, false
		}
		gs[i].amountGroup = g
	}
	return tail, gs, len(gs) > 0
}

// readGroup is reFlatGroup.FindStringSubmatch of one group, read by hand: every row of a
// flattened table has its amounts split into groups. FuzzReadGroup checks both agree.
func readGroup(p string) (amountGroup, bool) {
	var g amountGroup
	// The sign: "-", "+", "(" or the dashes "–" and "−" (both open with 0xe2).
	i := 0
	switch {
	case p == "":
	case p[0] == '-' || p[0] == '+' || p[0] == '(':
		i = 1
	case strings.HasPrefix(p, "–") || strings.HasPrefix(p, "−"):
		i = len("–")
	}
	g.sign = p[:i]
	if i < len(p) && p[i] == ' ' {
		i++
	}
	j := i
	for j < len(p) && '0' <= p[j] && p[j] <= '9' {
		j++
	}
	if j == i {
		return g, false
	}
	g.digits = p[i:j]
	if j+1 < len(p) && (p[j] == '.' || p[j] == ',') && '0' <= p[j+1] && p[j+1] <= '9' {
		k := j + 1
		for k < len(p) && '0' <= p[k] && p[k] <= '9' {
			k++
		}
		g.frac, j = p[j+1:k], k
	}
	// The unit: ` ?\)?[€%]?\)?` up to the end.
	k := j
	if k < len(p) && p[k] == ' ' {
		k++
	}
	if k < len(p) && p[k] == ')' {
		k++
	}
	if strings.HasPrefix(p[k:], "€") {
		k += len("€")
	} else if k < len(p) && p[k] == '%' {
		k++
	}
	if k < len(p) && p[k] == ')' {
		k++
	}
	if k != len(p) {
		return amountGroup{}, false
	}
	g.unit = p[j:]
	return g, true
}

// flatCode is reFlatCode.FindStringSubmatch read by hand: the code (group 1) and the label
// (group 2), ok when the pattern matches. The pattern's parts are told apart by their bytes
// (digits, white space, "-", zeros, then a byte that is not white space), so each repetition
// takes all it can, and the one choice, the "- 00" suffix, is tried first as the pattern does.
// FuzzFlatCode checks both agree.
func flatCode(s string) (code, rest string, ok bool) {
	j := 0
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j < 2 || j > 6 {
		return "", "", false
	}
	// (?:\s*-\s*0{1,3})?
	k := j
	for k < len(s) && isGapSpace(s[k]) {
		k++
	}
	if k < len(s) && s[k] == '-' {
		k++
		for k < len(s) && isGapSpace(s[k]) {
			k++
		}
		z := k
		for z < len(s) && s[z] == '0' {
			z++
		}
		if n := z - k; n >= 1 && n <= 3 {
			if r, ok := spacedRest(s[z:]); ok {
				return s[:j], r, true
			}
		}
	}
	if r, ok := spacedRest(s[j:]); ok {
		return s[:j], r, true
	}
	return "", "", false
}

// spacedRest reads `\s+(\S.*)$` on t: white space, then the rest of the text, which starts
// with another byte and holds no newline ('.' does not match one).
func spacedRest(t string) (string, bool) {
	k := 0
	for k < len(t) && isGapSpace(t[k]) {
		k++
	}
	if k == 0 || k == len(t) || strings.IndexByte(t[k:], '\n') >= 0 {
		return "", false
	}
	return t[k:], true
}

// flatYear is reFlatYear.MatchString: a bare year, 19xx or 20xx.
func flatYear(a string) bool {
	return len(a) == 4 && (a[:2] == "19" || a[:2] == "20") && allDigits(a[2:])
}

// maxSplitGroups bounds the groups of a run of amounts split by count (the ways to split grow
// with them).
const maxSplitGroups = 16

// splitByCount splits a run of amounts into exactly n amounts when only one way does so
// ("11 630 000 11 510 000" in a table of two columns); false otherwise.
func splitByCount(tail string, n int) ([]string, bool) {
	sq, gs, ok := amountGroups(tail)
	if !ok || len(gs) > maxSplitGroups || n <= 0 {
		return nil, false
	}
	// ways[i][k]: the number of ways to split groups i.. into k amounts (capped at 2).
	ways := make([][]int, len(gs)+1)
	for i := range ways {
		ways[i] = make([]int, n+1)
	}
	ways[len(gs)][0] = 1
	for i := len(gs) - 1; i >= 0; i-- {
		for j := i + 1; j <= len(gs); j++ {
			if j > i+1 && (!gs[i].canLead() || !gs[j-1].canFollow() || gs[j-2].ends()) {
				break
			}
			for k := 1; k <= n; k++ {
				ways[i][k] = min(2, ways[i][k]+ways[j][k-1])
			}
		}
	}
	if ways[0][n] != 1 {
		return nil, false
	}
	var out []string
	for i, k := 0, n; i < len(gs); k-- {
		for j := i + 1; j <= len(gs); j++ {
			if j > i+1 && (!gs[i].canLead() || !gs[j-1].canFollow() || gs[j-2].ends()) {
				return nil, false
			}
			if ways[j][k-1] == 1 {
				out = append(out, joinGroups(sq, gs[i:j]))
				i = j
				break
			}
		}
	}
	return out, true
}

// flatHeader reads a header line of a flattened table: a section ("FONCTIONNEMENT :",
// "SECTION D'INVESTISSEMENT") and/or column names ("RECETTES DÉPENSES", "Réalisé").
func flatHeader(s string) (section string, cols []string, ok bool) {
	s = trimSpace(s)
	// Most lines fail on their first word, which is checked before anything is split.
	first := s
	for k := 0; k < len(s); k++ {
		if s[k] == ' ' || s[k] == ':' { // strings.IndexAny(s, " :"), without its set
			first = s[:k]
			break
		}
	}
	if !mayHeadWord(first) {
		return "", nil, false
	}
	if !headWord(first) {
		return "", nil, false
	}
	rest := s
	if k := strings.IndexByte(s, ':'); k > 0 {
		if isSection(s[:k]) {
			section, rest = trimSpace(s[:k]), trimSpace(s[k+1:])
		} else {
			return "", nil, false
		}
	} else if isSection(s) {
		// "Dépenses" alone is a section, "RECETTES DÉPENSES" names two columns.
		if !columnFields(s, 2) {
			return trimSpace(s), nil, true
		}
	}
	if rest == "" {
		return section, nil, section != ""
	}
	// The words are only split out once they all name columns: most lines fail on the first.
	if !columnFields(rest, 1) {
		return "", nil, false
	}
	return section, strings.Fields(rest), true
}

// columnFields reports whether s has at least n words (strings.Fields) and every one names a
// value column (allColumnWords), without splitting s.
func columnFields(s string, n int) bool {
	k := 0
	for w := range strings.FieldsSeq(s) {
		if !columnWord(w) {
			return false
		}
		k++
	}
	return k >= n
}

// headWordLeads are the first bytes, folded, of the words reFlatColumn and reHeadFirst accept.
const headWordLeads = "abcdefhimprstvx0123456789."

// mayHeadWord is a byte test run before first is folded and matched: a word that cannot open a
// header line (most first words of prose) is rejected without folding. A non-ASCII first letter
// (É, an accent) may fold to one that can, and passes.
func mayHeadWord(first string) bool {
	i := 0
	for i < len(first) && (first[i] == ' ' || '\t' <= first[i] && first[i] <= '\r') {
		i++ // Fold drops leading white space
	}
	if i == len(first) {
		return false
	}
	c := first[i]
	if c >= utf8.RuneSelf {
		return true
	}
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return strings.IndexByte(headWordLeads, c) >= 0
}

// allColumnWords reports whether every word names a value column.
func allColumnWords(words []string) bool {
	for _, w := range words {
		if !columnWord(w) {
			return false
		}
	}
	return len(words) > 0
}

// flatBlocks finds the runs of flattened rows, with the header lines just above them.
func (d *doc) flatBlocks() [][]flatLine {
	out, _ := d.flatBlocksInto(nil, nil)
	return out
}

// flatBlocksInto is flatBlocks appending the blocks to out and their lines to lines, from
// which each block is cut; it returns both. The document's memo (flatMemo) keeps the two
// buffers of the scratch: a block of its own for each run would be garbage once the tables
// are read.
func (d *doc) flatBlocksInto(out [][]flatLine, lines []flatLine) ([][]flatLine, []flatLine) {
	// A run starts at a row (flatData or flatOpen); only the lines flatMay passes can be one.
	// The kinds of the other lines are read when a run reaches them, so that most lines of
	// prose are never read. Only the kinds are kept: most runs are a row or two of prose that
	// names amounts, and a run of three rows or more (which may be a table) is read again,
	// the same way.
	sc := flatScratchPool.Get().(*flatScratch)
	defer flatScratchPool.Put(sc)
	kinds := slices.Grow(sc.kinds[:0], len(d.lines))[:len(d.lines)]
	sc.kinds = kinds
	for i := range kinds {
		kinds[i] = flatUnread
	}
	bits := d.lineBits()
	read := func(i int) flatLine { return readFlatBits(i, d.lines[i].Text, bits[i], false) }
	kind := func(i int) flatKind {
		if kinds[i] == flatUnread {
			kinds[i] = readFlatBits(i, d.lines[i].Text, bits[i], true).kind
		}
		return kinds[i]
	}
	for i := 0; i < len(kinds); {
		// Most lines are told by their first and last bytes, without a call (flatEdge).
		if t := d.lines[i].Text; t == "" || flatEdge[t[len(t)-1]]&flatEdgeLast != 0 && flatEdge[t[0]]&flatEdgeFirst != 0 || !flatMay(t) {
			i++
			continue
		}
		if k := kind(i); k != flatData && k != flatOpen {
			i++
			continue
		}
		start := i
		// Header lines just above (at most two: a section and its column names).
		for start > 0 && i-start < 2 && kind(start-1) == flatHead {
			start--
		}
		end := i
		for j := i; j < len(kinds); j++ {
			k := kind(j)
			if k == flatData || k == flatOpen || k == flatHead {
				end = j
				continue
			}
			if k == flatText || k == flatPage || k == flatOther {
				// A gap of at most two lines (a wrapped label, a row without values, the page
				// furniture) inside the run; the run goes on only if a row follows.
				g := j
				for g < len(kinds) && g-j < 3 && kind(g) != flatData && kind(g) != flatOpen && kind(g) != flatHead {
					if kind(g) == flatOther && !(g+1 < len(kinds) && kind(g+1) == flatPage) {
						break
					}
					g++
				}
				if g < len(kinds) && g-j < 3 && (kind(g) == flatData || kind(g) == flatOpen || kind(g) == flatHead) {
					j = g - 1
					continue
				}
				break
			}
		}
		// Trailing header lines open the next table, not this one.
		for end >= start && kinds[end] == flatHead {
			end--
		}
		// A table has three rows or more (flatIsTable): a shorter run is not read again.
		rows := 0
		for k := start; k <= end; k++ {
			if kinds[k] == flatData {
				rows++
			}
		}
		if rows >= 3 {
			// Every line of the block is written; a block that is no table gives its room back.
			at, n := len(lines), end-start+1
			lines = slices.Grow(lines, n)[:at+n]
			blk := lines[at : at+n : at+n]
			for j := range blk {
				if k := start + j; kinds[k] == flatOther {
					blk[j] = flatLine{idx: k}
				} else {
					blk[j] = read(k)
				}
			}
			if flatIsTable(blk) {
				out = append(out, blk)
			} else {
				lines = lines[:at]
			}
		}
		i = max(end+1, i+1)
	}
	return out, lines
}

// flatScratch holds the buffers flatBlocks and stackBlocks use only while they run (the kind
// of every line, the non-blank lines, whether each is a value), kept in flatScratchPool for
// the next document rather than allocated for each: they are most of the bytes the search of
// flattened and stacked rows allocates. Nothing they return points into them.
type flatScratch struct {
	kinds []flatKind
	nb    []int32
	vals  []uint8
}

// flatScratchPool keeps the buffers of flatScratch between documents.
var flatScratchPool = sync.Pool{New: func() any { return new(flatScratch) }}

// flatUnread marks a line flatBlocks has not read yet.
const flatUnread flatKind = 255

// flatMay is a byte test run before readFlat: it is true of every line readFlat takes for a
// row (flatData or flatOpen), and false of most prose. A row ends in a number (endsInNumber:
// a digit, then only spaces, closing brackets, percent or currency signs) or opens with a code
// of two to six digits followed by white space or "-"; non-ASCII bytes are let through on both
// sides, since Unicode spaces and € are trimmed there. FuzzFlatMay checks it against readFlat.
func flatMay(t string) bool {
	for k := len(t) - 1; k >= 0; k-- {
		c := t[k]
		if '0' <= c && c <= '9' {
			return true
		}
		if !(c == ' ' || '\t' <= c && c <= '\r' || c == '%' || c == ')' || c >= utf8.RuneSelf) {
			break
		}
	}
	i := 0
	for i < len(t) && (t[i] == ' ' || '\t' <= t[i] && t[i] <= '\r' || t[i] >= utf8.RuneSelf) {
		i++
	}
	// A code (flatCode): two to six digits, then white space or the "-" of a "- 00" suffix.
	j := i
	for j < len(t) && '0' <= t[j] && t[j] <= '9' {
		j++
	}
	if j-i < 2 || j-i > 6 || j == len(t) {
		return false
	}
	c := t[j]
	return c == ' ' || '\t' <= c && c <= '\r' || c >= utf8.RuneSelf || c == '-'
}

// flatEdge classes the bytes at either end of a line for flatMay's shortcut: a line that ends
// in a byte flatEdgeLast (ASCII, neither a digit nor a byte flatMay skips from the end) and
// opens with a byte flatEdgeFirst (ASCII, neither a digit nor white space) ends in no number
// and opens with no code, and flatMay is false of it.
var flatEdge = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		digit := '0' <= c && c <= '9'
		space := c == ' ' || '\t' <= c && c <= '\r'
		if !digit && !space && c != '%' && c != ')' {
			t[c] |= flatEdgeLast
		}
		if !digit && !space {
			t[c] |= flatEdgeFirst
		}
	}
	return t
}()

// The classes of flatEdge.
const (
	flatEdgeLast  = 1
	flatEdgeFirst = 2
)

// flatIsTable reports whether a run of lines is a table: three rows with amounts or more, most
// with the same number of them, that look like money or counts in a budget (decimals or four
// digits), and an anchor: a code on half the rows, a header or section line, or a total row.
func flatIsTable(blk []flatLine) bool {
	rows, codes, money, cells, anchored := 0, 0, 0, 0, false
	var counts []int
	for _, l := range blk {
		if l.kind == flatData {
			counts = append(counts, len(l.amounts))
		}
	}
	// Most rows have as many amounts (totals may have more: one per column).
	k, same := mode(counts, 0), 0
	for _, c := range counts {
		if c == k {
			same++
		}
	}
	if 2*same < len(counts) {
		return false
	}
	for _, l := range blk {
		switch l.kind {
		case flatHead:
			anchored = true
		case flatData:
			rows++
			if l.code != "" {
				codes++
			}
			if rowKind(l.label) != RowLine {
				anchored = true
			}
			if l.amounts == nil {
				cells++
				money++
			}
			for _, a := range l.amounts {
				cells++
				if strings.ContainsAny(a, ",.€") || countDigits(a) >= 4 {
					money++
				}
			}
		}
	}
	if 2*codes >= rows {
		anchored = true
	}
	return rows >= 3 && anchored && 2*money > cells
}

// countDigits is len(strings.Map(digitsOnly, s)) without making the string: the ASCII digits
// of s (their bytes never sit inside a multi-byte rune).
func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			n++
		}
	}
	return n
}

func digitsOnly(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// flatTables turns the flattened runs into table entries, appended to dst.
func (d *doc) flatTables(dst []Table) []Table {
	d.flatRowLines()
	for _, blk := range d.flatMemo.blocks {
		dst = d.readFlatBlock(dst, blk)
	}
	return d.stackTables(dst)
}

// flatEntry is a table entry of a flattened run being read.
type flatEntry struct {
	t     Table
	cols  []string
	rows  []flatLine // the data lines, label joined
	pre   []flatLine // for each row, the line its values sit on
	empty []bool     // rows without values
}

// readFlatBlock reads one run into entries, appended to dst: a section line opens a new
// entry; wrapped labels join their row; a short line that neither continues nor opens a label
// is a row without values.
func (d *doc) readFlatBlock(dst []Table, blk []flatLine) []Table {
	// The entries and their rows live in the scratch's buffers, sized for the block: a line
	// adds a row at most, so the entries' rows, one entry after the other, fit in len(blk); a
	// line opens two entries at most (flushPending's and its own), and the end one more, so the
	// entries fit in 2*len(blk)+1 and are never moved (cur points to the last).
	ts := d.tabs()
	n := len(blk)
	ts.flatRows, ts.flatEmpty = grownTo(ts.flatRows, n), grownTo(ts.flatEmpty, n)
	ts.flatEntries = grownTo(ts.flatEntries, 2*n+1)
	rowBuf, emptyBuf, entries := ts.flatRows[:n], ts.flatEmpty[:n], ts.flatEntries
	used := 0 // the rows of the entries before cur
	var cur *flatEntry
	var cols []string
	title := d.flatCaption(blk[0].idx)
	open := func(idx int, section string) {
		if cur != nil {
			used = min(used+len(cur.rows), n)
		}
		entries = append(entries, flatEntry{cols: cols, rows: rowBuf[used:used:n], empty: emptyBuf[used:used:n]})
		cur = &entries[len(entries)-1]
		cur.t.Pos = d.lines[idx].Pos
		if section != "" {
			s := section
			cur.t.Section = &s
		}
		if title != "" {
			t := title
			cur.t.Title = &t
		}
	}
	var pending *flatLine // a code line or label lines waiting for their amounts (pend)
	var pend flatLine
	flushPending := func() {
		if pending != nil {
			if cur == nil {
				open(pending.idx, "")
			}
			cur.rows = append(cur.rows, *pending)
			cur.empty = append(cur.empty, true)
			pending = nil
		}
	}
	for k, l := range blk {
		switch l.kind {
		case flatHead:
			flushPending()
			if l.columns != nil {
				cols = l.columns
			}
			if l.section != "" || cur == nil || len(cur.rows) > 0 {
				open(l.idx, l.section)
			}
			cur.cols = cols
		case flatOpen:
			flushPending()
			pend = l
			pending = &pend
		case flatText:
			switch {
			case pending != nil:
				pending.label = joinLabel(pending.label, l.label)
			case cur != nil && len(cur.rows) > 0 && !cur.empty[len(cur.rows)-1] && continues(cur.rows[len(cur.rows)-1].label, l.label):
				last := &cur.rows[len(cur.rows)-1]
				last.label = joinLabel(last.label, l.label)
			default:
				p := l
				if k+1 < len(blk) && blk[k+1].kind == flatData && blk[k+1].code == "" && continues(l.label, blk[k+1].label) {
					pend = p
					pending = &pend
				} else {
					p.kind = flatData
					if cur == nil {
						open(l.idx, "")
					}
					cur.rows = append(cur.rows, p)
					cur.empty = append(cur.empty, true)
				}
			}
		case flatData:
			row := l
			if pending != nil {
				row.idx = pending.idx
				if row.code == "" {
					row.code = pending.code
				}
				row.label = joinLabel(pending.label, l.label)
				pending = nil
			}
			if cur == nil {
				open(row.idx, "")
			}
			cur.rows = append(cur.rows, row)
			cur.empty = append(cur.empty, false)
		}
	}
	flushPending()
	ts.flatEntries = entries
	for i := range entries {
		e := &entries[i]
		if len(e.rows) == 0 {
			continue
		}
		d.layoutFlat(e)
		e.t.ItemPath = d.itemPathAt(e.t.Pos)
		dst = append(dst, e.t)
	}
	return dst
}

// layoutFlat places the amounts of each row in the entry's columns. A row with as many amounts
// as the table has columns fills them in order. A row with fewer leaves its column unknown:
// when the table is two columns wide and a total row gives both sums, the one split of the
// lines that matches both totals places them; otherwise the values stay null, the raw text is
// kept, and a diagnostic says so.
func (d *doc) layoutFlat(e *flatEntry) {
	t := &e.t
	width := 0
	for i, r := range e.rows {
		if !e.empty[i] {
			width = max(width, len(r.amounts))
		}
	}
	if len(e.cols) > width {
		width = len(e.cols)
	}
	if width == 0 {
		width = 1
	}
	t.Columns = make([]string, width)
	if len(e.cols) == width {
		copy(t.Columns, e.cols)
	}
	for i := range e.rows {
		if !e.empty[i] && e.rows[i].amounts == nil {
			if a, ok := splitByCount(e.rows[i].tail, width); ok {
				e.rows[i].amounts = a
			}
		}
	}
	place := d.flatPlacement(e, width)
	sure := true
	for i, r := range e.rows {
		// One array of pointers for the values and the cells, one of strings for what they
		// point to (below), rather than an allocation for each.
		ptrs := make([]*string, 2*width)
		row := Row{Label: r.label, Pos: d.lines[r.idx].Pos, Values: ptrs[:width:width], Cells: ptrs[width:]}
		if r.code != "" {
			c := r.code
			row.Code = &c
		}
		row.Kind = rowKind(row.Label)
		switch {
		case e.empty[i]:
		case r.amounts == nil || (len(r.amounts) < width && place[i] < 0):
			sure = false
			raw := r.tail
			if r.amounts != nil {
				raw = strings.Join(r.amounts, " ")
			}
			d.diag(SevInfo, codeTableCell, row.Pos, fmt.Sprintf("table %s, row %q: cells %q cannot be told apart or placed in a column; the values are left null", tableName(t), row.Label, raw))
		default:
			off := 0
			if len(r.amounts) < width {
				off = place[i]
			}
			strs := make([]string, 2*width)
			for j, a := range r.amounts {
				strs[off+j] = a
				row.Cells[off+j] = &strs[off+j]
				if v, ok := readCell(a); ok {
					strs[width+off+j] = v.Digits
					row.Values[off+j] = &strs[width+off+j]
				} else {
					sure = false
				}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	t.Units = columnUnits(t)
	if sure {
		d.checkTable(t)
	}
}

// maxFlatSplit bounds the rows whose column is found by trying every split (2^n splits).
const maxFlatSplit = 14

// flatPlacement gives, for each row with a single amount in a two-column table, the column it
// sits in (0 or 1), found from the total that follows; -1 where unknown.
func (d *doc) flatPlacement(e *flatEntry, width int) []int {
	place := make([]int, len(e.rows))
	for i := range place {
		place[i] = -1
	}
	if width != 2 {
		return place
	}
	var group []int
	for i, r := range e.rows {
		if e.empty[i] {
			continue
		}
		if len(r.amounts) == 1 && rowKind(r.label) == RowLine {
			group = append(group, i)
			continue
		}
		if len(r.amounts) == 2 && rowKind(r.label) != RowLine && len(group) > 0 && len(group) <= maxFlatSplit {
			if split, ok := uniqueSplit(e.rows, group, r.amounts); ok {
				for k, gi := range group {
					place[gi] = split[k]
				}
			}
		}
		group = nil
	}
	return place
}

// uniqueSplit finds the one way to share the single-amount rows between two columns so that
// each column adds up to its total; false when there is none or more than one.
func uniqueSplit(rows []flatLine, group []int, totals []string) ([]int, bool) {
	if out, ok, known := uniqueSplitInt(rows, group, totals); known {
		return out, ok
	}
	vals := make([]decimal.Decimal, len(group))
	for k, gi := range group {
		v, ok := readCell(rows[gi].amounts[0])
		if !ok {
			return nil, false
		}
		dv, err := decimal.NewFromString(v.Digits)
		if err != nil {
			return nil, false
		}
		vals[k] = dv
	}
	var tot [2]decimal.Decimal
	for c := 0; c < 2; c++ {
		v, ok := readCell(totals[c])
		if !ok {
			return nil, false
		}
		dv, err := decimal.NewFromString(v.Digits)
		if err != nil {
			return nil, false
		}
		tot[c] = dv
	}
	found, n := -1, 0
	for mask := 0; mask < 1<<len(group); mask++ {
		var s [2]decimal.Decimal
		for k := range group {
			c := (mask >> k) & 1
			s[c] = s[c].Add(vals[k])
		}
		if s[0].Equal(tot[0]) && s[1].Equal(tot[1]) {
			found = mask
			n++
			if n > 1 {
				return nil, false
			}
		}
	}
	if n != 1 {
		return nil, false
	}
	out := make([]int, len(group))
	for k := range group {
		out[k] = (found >> k) & 1
	}
	return out, true
}

// uniqueSplitInt is uniqueSplit in int64s when every amount has at most maxSplitDigits digits
// once brought to the scale of the one with most decimals: the sums of each mask are then
// exact, as decimal's, without a big.Int for each. known is false when it cannot tell (an amount
// too long or not read), and uniqueSplit reads in decimals.
func uniqueSplitInt(rows []flatLine, group []int, totals []string) (out []int, ok, known bool) {
	if len(group) > maxFlatSplit {
		return nil, false, false
	}
	var buf [maxFlatSplit + 2]string
	digits := buf[:0]
	for _, gi := range group {
		v, ok := readCell(rows[gi].amounts[0])
		if !ok {
			return nil, false, true
		}
		digits = append(digits, v.Digits)
	}
	for c := 0; c < 2; c++ {
		v, ok := readCell(totals[c])
		if !ok {
			return nil, false, true
		}
		digits = append(digits, v.Digits)
	}
	scale := 0
	for _, d := range digits {
		_, _, fs, ok := splitDigits(d)
		if !ok {
			return nil, false, false
		}
		scale = max(scale, len(fs))
	}
	var vbuf [maxFlatSplit + 2]int64
	vals := vbuf[:len(digits)]
	for k, d := range digits {
		neg, is, fs, _ := splitDigits(d)
		if len(is)+scale > maxSplitDigits {
			return nil, false, false
		}
		var v int64
		for _, c := range []byte(is) {
			v = v*10 + int64(c-'0')
		}
		for i := 0; i < scale; i++ {
			v *= 10
			if i < len(fs) {
				v += int64(fs[i] - '0')
			}
		}
		if neg {
			v = -v
		}
		vals[k] = v
	}
	amounts, tot := vals[:len(group)], vals[len(group):]
	found, n := -1, 0
	for mask := 0; mask < 1<<len(group); mask++ {
		var s [2]int64
		for k, v := range amounts {
			s[(mask>>k)&1] += v
		}
		if s[0] == tot[0] && s[1] == tot[1] {
			found = mask
			n++
			if n > 1 {
				return nil, false, true
			}
		}
	}
	if n != 1 {
		return nil, false, true
	}
	out = make([]int, len(group))
	for k := range group {
		out[k] = (found >> k) & 1
	}
	return out, true, true
}

// maxSplitDigits bounds the digits of an amount uniqueSplitInt adds: maxFlatSplit sums of
// numbers below 10^15 stay far below 2^63.
const maxSplitDigits = 15

// splitDigits parts a plain decimal string ("-1200.50") into its sign, integer and decimal
// digits; false unless it is one ("-", digits, perhaps a point and digits).
func splitDigits(d string) (neg bool, intPart, frac string, ok bool) {
	if d != "" && d[0] == '-' {
		neg, d = true, d[1:]
	}
	intPart, frac, point := strings.Cut(d, ".")
	if intPart == "" || point && frac == "" {
		return false, "", "", false
	}
	return neg, intPart, frac, allDigits(intPart) && allDigits(frac)
}

// flatCaption returns the line above a flattened table when it reads as a title: a short line
// that opens with a capital, neither the end of a sentence nor the lead-in of one (":").
func (d *doc) flatCaption(idx int) string {
	t := d.caption(idx)
	if t == "" || utf8.RuneCountInString(t) > maxFlatLabel || strings.HasSuffix(trimSpace(d.lines[idx-1].Text), ":") || rePageLabel.MatchString(strings.TrimRight(normalize.Fold(t), " 0123456789")) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
		return ""
	}
	return t
}

// Stacked rows: HTML exports and some PDF extractions write every cell of a table as a
// paragraph of its own, so that a row comes as its label on one line and its values on the
// next ones, blank lines between them:
//
//	Fonctionnement
//	11 630 000 €
//	11 510 000 €
//	- 120 000 €
//	- 1,03 %
//
// Three such rows or more, with as many values each, make a table when they show it: several
// values per row, a total row, or a header above them naming an amount ("Montant total annuel
// TTC"). A lone label and amount ("Ski-club" / "200 €") in a list stays prose.

// reStackHeader is a header line above stacked rows of one value: it names an amount.
var reStackHeader = regexp.MustCompile(`\b(?:montants?|total|prix|tarifs?|recettes|depenses|realise|budget|taux|credits|couts?)\b`)

// stackBlock is a run of stacked rows: line indexes of each row's label and values.
type stackBlock struct {
	header int // the header line above the rows, -1 when none
	rows   [][]int
	// For a table written column by column: each row's label and code as read, and the lines
	// of the labels (rows hold the code or label line and the value line).
	labels []string
	codes  []string
	more   []int
}

// stackUnitWords are the words a value line may hold besides its number.
var stackUnitWords = []string{"€", "HT", "TTC"}

// stackUnitLeads are the first bytes of stackUnitWords.
var stackUnitLeads = func() (t [256]bool) {
	for _, w := range stackUnitWords {
		t[w[0]] = true
	}
	return t
}()

// stackUnits removes stackUnitWords.
var stackUnits = strings.NewReplacer(replacerPairs(stackUnitWords)...)

// replacerPairs pairs each word with "" for strings.NewReplacer.
func replacerPairs(words []string) []string {
	var out []string
	for _, w := range words {
		out = append(out, w, "")
	}
	return out
}

// stackValue reports whether a line holds one number that reads as money or a rate: a decimal
// part, a currency or percent sign, or four digits (a page number or a count is not one).
func stackValue(s string) bool {
	s, ok := stackValueMay(s)
	if !ok {
		return false
	}
	return cellIsNumber(s)
}

// stackValueMay is stackValue but for reading the number: false when the line cannot be a
// value, else the trimmed line for readCell.
func stackValueMay(s string) (string, bool) {
	if s != "" && s[0] > '9' && s[0] < utf8.RuneSelf {
		// The first byte stays first once the line is trimmed, and rules the line out (most
		// lines open with a letter).
		return s, false
	}
	s = trimSpace(s)
	// Without a digit readCell fails, and without money's marks the answer is no whatever
	// readCell says: both told before the number is read.
	if s == "" || len(s) > 40 || s[0] > '9' && s[0] < 0x80 {
		return s, false
	}
	if !moneyMay(s) {
		return s, false
	}
	if unitText(s) || mayPageNumber(s) && isPageNumber(s) || isYear(s) {
		return s, false
	}
	return s, true
}

// moneyDigits counts the ASCII digits of s and tells whether it holds one of money's marks
// (strings.ContainsAny(s, ",.€%")), in one pass over its bytes: the bytes of "€" always decode
// as that rune, wherever they stand (0xe2 never continues a rune). FuzzMoneyDigits checks it.
func moneyDigits(s string) (digits int, mark bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c == ',' || c == '.' || c == '%':
			mark = true
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x82 && s[i+2] == 0xac:
			mark = true
		}
	}
	return digits, mark
}

// moneyMay is the test stackValueMay makes of moneyDigits: s holds a digit and a mark of money,
// or four digits. Both only grow along s, so the walk stops once they pass (most value lines
// pass on their first digits). FuzzMoneyMay checks it against moneyDigits.
func moneyMay(s string) bool {
	digits, mark := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			if digits++; digits >= 4 || mark {
				return true
			}
		case c == ',' || c == '.' || c == '%' || c == 0xe2 && i+2 < len(s) && s[i+1] == 0x82 && s[i+2] == 0xac:
			if mark = true; digits > 0 {
				return true
			}
		}
	}
	return false
}

// unitText is isText(stackUnits.Replace(s)) without making the string: the letters of s
// outside the unit words. The replacer takes, at each place, the first word of its list that
// starts there, as the walk does; on valid UTF-8, removing whole runes leaves the others as they
// were. FuzzUnitText checks both agree.
func unitText(s string) bool {
	if !utf8.ValidString(s) {
		return isText(stackUnits.Replace(s))
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && !stackUnitLeads[c] {
			// No unit word starts here: only a letter counts.
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				return true
			}
			i++
			continue
		}
		n := 0
		for _, w := range stackUnitWords {
			if strings.HasPrefix(s[i:], w) {
				n = len(w)
				break
			}
		}
		if n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			return true
		}
		i += size
	}
	return false
}

// stackLabel reports whether a line can be the label of a stacked row: a short line of words,
// not a list item, not a sentence or its lead-in, and not itself ending in an amount.
func stackLabel(s string) bool {
	s = trimSpace(s)
	if s == "" || !isText(s) || utf8.RuneCountInString(s) > maxFlatLabel || isBullet(s) || proseLabel(s) {
		return false
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ",") {
		return false
	}
	return !endsInNumber(s) || isYear(s[strings.LastIndexByte(s, ' ')+1:])
}

// stackBlocks finds the runs of stacked rows.
func (d *doc) stackBlocks() []stackBlock {
	out, _ := d.stackBlocksInto(nil)
	return out
}

// stackBlocksInto is stackBlocks cutting the rows of its runs from the buffer ints, which it
// returns grown: most runs are no table, and their rows are garbage at once (the document's
// memo, flatMemo, keeps the buffer).
func (d *doc) stackBlocksInto(ints []int) ([]stackBlock, []int) {
	// The non-blank lines, as int32 (a third of a document's lines are blank), in a buffer
	// kept for the next document.
	sc := flatScratchPool.Get().(*flatScratch)
	defer flatScratchPool.Put(sc)
	nb := sc.nb[:0]
	if cap(nb) < len(d.lines) {
		// Room for every line at once: grown an append at a time, the buffer would leave
		// behind every array it outgrew.
		nb = make([]int32, 0, len(d.lines))
	}
	for i, st := range d.lineBits() {
		if st&lineBlank == 0 {
			nb = append(nb, int32(i))
		}
	}
	sc.nb = nb
	// Whether each line is a value is read when a run asks: a value line (reading its number
	// costs most) matters only after a label, or inside a column run.
	vals := slices.Grow(sc.vals[:0], len(nb))[:len(nb)] // 0: not read yet, else valNo or valYes
	clear(vals)
	sc.vals = vals
	isVal := func(p int) bool {
		if vals[p] == 0 {
			vals[p] = valNo
			if stackValue(d.lines[nb[p]].Text) {
				vals[p] = valYes
			}
		}
		return vals[p] == valYes
	}
	var out []stackBlock
	for p := 0; p+1 < len(nb); {
		// The tests of the run's start, cheapest first (all are pure); the first byte of the
		// next line rules most out, as stackValueMay's first test does, without a call.
		if t := d.lines[nb[p+1]].Text; t != "" && t[0] > '9' && t[0] < utf8.RuneSelf {
			p++
			continue
		}
		if _, may := stackValueMay(d.lines[nb[p+1]].Text); !may || !stackLabel(d.lines[nb[p]].Text) || !isVal(p+1) || isVal(p) {
			p++
			continue
		}
		start := p
		var rows [][]int
		at := len(ints)
		for p+1 < len(nb) && !isVal(p) && isVal(p+1) && stackLabel(d.lines[nb[p]].Text) {
			r := len(ints)
			ints = append(ints, int(nb[p]))
			p++
			for p < len(nb) && isVal(p) {
				ints = append(ints, int(nb[p]))
				p++
			}
			rows = append(rows, ints[r:len(ints):len(ints)])
		}
		if blk, ok := d.stackTable(start, nb, rows); ok {
			out = append(out, blk)
		} else {
			// A row once cut stays where it is (a grown buffer leaves it in the old array):
			// only the rows of a run that is no table are written over.
			ints = ints[:at]
		}
		if p == start {
			p++
		}
	}
	return append(out, d.stackColumns(nb, isVal)...), ints
}

// The states of a line read as a stacked value.
const (
	valNo  = 1
	valYes = 2
)

// stackTable reports whether stacked rows make a table (see the comment above), and finds the
// header line above them.
func (d *doc) stackTable(start int, nb []int32, rows [][]int) (stackBlock, bool) {
	blk := stackBlock{header: -1, rows: rows}
	if len(rows) < 3 {
		return blk, false
	}
	k, total := len(rows[0])-1, false
	for _, r := range rows {
		if len(r)-1 != k {
			return blk, false
		}
		if rowKind(d.lines[r[0]].Text) != RowLine {
			total = true
		}
	}
	if start > 0 {
		h := trimSpace(d.lines[nb[start-1]].Text)
		if stackLabel(h) && reStackHeader.MatchString(normalize.Fold(h)) {
			blk.header = int(nb[start-1])
		}
	}
	return blk, k >= 2 || total || blk.header >= 0
}

// stackTables turns the runs of stacked rows into tables, appended to dst.
func (d *doc) stackTables(dst []Table) []Table {
	for _, blk := range d.flatMemo.stacks {
		k := len(blk.rows[0]) - 1
		t := Table{Columns: make([]string, k), Pos: d.lines[blk.rows[0][0]].Pos}
		if blk.header >= 0 {
			t.Pos = d.lines[blk.header].Pos
			if k == 1 {
				t.Columns[0] = trimSpace(d.lines[blk.header].Text)
			}
		}
		for n, r := range blk.rows {
			ptrs, strs := make([]*string, 2*k), make([]string, 2*k)
			row := Row{Label: trimSpace(d.lines[r[0]].Text), Pos: d.lines[r[0]].Pos, Values: ptrs[:k:k], Cells: ptrs[k:]}
			if blk.labels != nil {
				row.Label = blk.labels[n]
				if c := blk.codes[n]; c != "" {
					row.Code = &c
				}
			}
			row.Kind = rowKind(row.Label)
			for j, i := range r[1:] {
				strs[j] = trimSpace(d.lines[i].Text)
				row.Cells[j] = &strs[j]
				if v, ok := readCell(strs[j]); ok {
					strs[k+j] = v.Digits
					row.Values[j] = &strs[k+j]
				}
			}
			t.Rows = append(t.Rows, row)
		}
		t.ItemPath = d.itemPathAt(t.Pos)
		t.Units = columnUnits(&t)
		d.checkTable(&t)
		dst = append(dst, t)
	}
	return dst
}

// Stacked columns: a PDF extraction that reads a table column by column writes the codes, then
// the labels, then the amounts, each a run of lines:
//
//	Chapitre 70
//	Chapitre 73
//	Chapitre 74
//	Produits des services
//	Impôts et taxes
//	Dotations et subventions
//	836 000,00 €
//	5 265 820,00 €
//	3 699 906,00 €
//
// Three codes or more, as many labels once the wrapped ones are joined, and as many amounts make
// a table; a label line followed by one amount just after it ("Total opérations réelles") is its
// last row. Whatever does not add up to the same count is left as prose.

// stackCodeWords are the words, folded, that may name the code on a line holding only a budget
// code.
var stackCodeWords = []string{"chapitre", "chapitres", "chap", "chap.", "compte", "comptes", "article", "articles", "ligne", "lignes", "c/"}

// stackCodeSet is stackCodeWords as a set, for stackCode.
var stackCodeSet = wordSet(stackCodeWords)

// reStackCode is a line holding only a budget code, with the word that names it; stackCode
// reads it by hand.
var reStackCode = lazyRx(`^(?:(?:` + quoteWords(stackCodeWords) + `)\s*)?(\d{2,6})$`)

// quoteWords is an alternation of the words, quoted.
func quoteWords(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// stackCode is reStackCode's capture (the code), "" when it does not match. The code is the
// run of digits that ends s (a word of stackCodeWords holds no digit, so the run cannot be
// shared), and what comes before it is nothing or one of the words and white space.
// FuzzStackCode checks both agree.
func stackCode(s string) string {
	j := len(s)
	for j > 0 && '0' <= s[j-1] && s[j-1] <= '9' {
		j--
	}
	if n := len(s) - j; n < 2 || n > 6 {
		return ""
	}
	if j == 0 {
		return s
	}
	k := j
	for k > 0 && isGapSpace(s[k-1]) {
		k--
	}
	if !stackCodeSet.has(s[:k]) {
		return ""
	}
	return s[j:]
}

// lineCode is the code a folded line holds alone (stackCode), "" when none. A code ends the
// line: a line that ends in another ASCII byte (most lines) is told before it is trimmed.
// FuzzLineCode checks the shortcut.
func lineCode(s string) string {
	if n := len(s); n == 0 || s[n-1] < utf8.RuneSelf && !('0' <= s[n-1] && s[n-1] <= '9') && !isFoldSpace(s[n-1]) {
		return ""
	}
	// A line longer than a code that TrimSpace leaves whole (an ASCII byte other than white
	// space at either end) holds none: told before it is trimmed.
	if n := len(s); n > 24 && s[0] < utf8.RuneSelf && !isFoldSpace(s[0]) && s[n-1] < utf8.RuneSelf && !isFoldSpace(s[n-1]) {
		return ""
	}
	s = trimSpace(s)
	if len(s) > 24 || !hasDigit(s) {
		return ""
	}
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return stackCode(s)
}

// stackColumns finds the tables written column by column, among the non-blank lines nb.
func (d *doc) stackColumns(nb []int32, isVal func(int) bool) []stackBlock {
	code := func(p int) string {
		if p >= len(nb) {
			return ""
		}
		// lineCode's first test, without a call: most lines end in a byte no code ends in.
		if s := d.folded[nb[p]]; s == "" || s[len(s)-1] < utf8.RuneSelf && !('0' <= s[len(s)-1] && s[len(s)-1] <= '9') && !isFoldSpace(s[len(s)-1]) {
			return ""
		}
		return lineCode(d.folded[nb[p]])
	}
	var out []stackBlock
	for p := 0; p < len(nb); p++ {
		k := 0
		for code(p+k) != "" {
			k++
		}
		if k < 3 {
			p += k
			continue
		}
		// The labels: lines of words up to the first amount.
		q := p + k
		for q < len(nb) && !isVal(q) && q-(p+k) < 4*k && stackColumnLabel(d.lines[nb[q]].Text) {
			q++
		}
		v := q
		for v < len(nb) && isVal(v) && v-q < k {
			v++
		}
		labels := joinStackLabels(d, nb[p+k:q], k)
		if labels == nil || v-q != k || (v < len(nb) && isVal(v)) {
			p += k - 1
			continue
		}
		blk := stackBlock{header: -1}
		for j := 0; j < k; j++ {
			blk.rows = append(blk.rows, []int{int(nb[p+j]), int(nb[q+j])})
			blk.labels = append(blk.labels, labels[j])
			// A copy: the code is cut from the folded line, whose buffer the next document reuses.
			blk.codes = append(blk.codes, strings.Clone(code(p+j)))
		}
		// A total just below: its label, then its one amount.
		if v+1 < len(nb) && !isVal(v) && isVal(v+1) && (v+2 >= len(nb) || !isVal(v+2)) && stackLabel(d.lines[nb[v]].Text) && rowKind(d.lines[nb[v]].Text) != RowLine {
			blk.rows = append(blk.rows, []int{int(nb[v]), int(nb[v+1])})
			blk.labels = append(blk.labels, stackText(d.lines[nb[v]].Text))
			blk.codes = append(blk.codes, "")
			v += 2
		}
		for _, i := range nb[p+k : q] {
			blk.more = append(blk.more, int(i))
		}
		out = append(out, blk)
		p = v - 1
	}
	return out
}

// stackText is a line's text with its spaces squeezed.
func stackText(s string) string { return strings.Join(strings.Fields(s), " ") }

// stackColumnLabel reports whether a line can be (a piece of) a label in a column of labels.
func stackColumnLabel(s string) bool {
	s = trimSpace(s)
	return isText(s) && utf8.RuneCountInString(stackText(s)) <= 80 && !isBullet(s) && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":")
}

// joinStackLabels joins the wrapped lines of a column of labels into k labels, or returns nil
// when they do not come to k: a line that starts in lower case carries on the label above, and
// so does a line after a wrapped label whose last line is as wide as the column.
func joinStackLabels(d *doc, lines []int32, k int) []string {
	width := 0
	for _, i := range lines {
		width = max(width, utf8.RuneCountInString(stackText(d.lines[i].Text)))
	}
	var out []string
	wrapped, lastLen := false, 0
	for _, i := range lines {
		s := stackText(d.lines[i].Text)
		n := utf8.RuneCountInString(s)
		switch {
		case len(out) > 0 && (isLowerStart(s) || continues(out[len(out)-1], "X")):
			out[len(out)-1] = joinLabel(out[len(out)-1], s)
			wrapped = true
		case len(out) > 0 && len(out) >= k && wrapped && 10*lastLen >= 9*width:
			out[len(out)-1] = joinLabel(out[len(out)-1], s)
		default:
			out = append(out, s)
			wrapped = false
		}
		lastLen = n
	}
	if len(out) != k {
		return nil
	}
	return out
}

// isLowerStart reports whether s starts with a lower-case letter.
func isLowerStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
