package normalize

import (
	"fmt"
	"strconv"
)

// A French date is read around its month: the day before it (digits, "1er", or words), the year
// after it (digits or words), or, in the legal formula of minutes, the year before the day
// ("L'an deux mil treize, le huit avril"). Numeric dates (15/12/2023, 15.12.2023, 2023-12-15)
// are read from their digits.

// dateFillers are the words that may surround a date given to Date: "Le 15 décembre 2023",
// "en date du 7 décembre 2023".
var dateFillers = map[string]bool{"le": true, "du": true, "en": true, "date": true, "ce": true, "au": true}

// Year bounds: minutes and the acts they cite are from these centuries; "le 3 mai 12" is no date.
const (
	minYear = 1000
	maxYear = 2999
)

// daysIn returns the number of days in a month of the Gregorian calendar.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validDate reports whether year-month-day is a calendar date.
func validDate(year, month, day int) bool {
	return minYear <= year && year <= maxYear && 1 <= month && month <= 12 && 1 <= day && day <= daysIn(year, month)
}

// isoDate formats a date as YYYY-MM-DD.
func isoDate(year, month, day int) string {
	b := make([]byte, 0, 10)
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, '-', byte('0'+month/10), byte('0'+month%10), '-', byte('0'+day/10), byte('0'+day%10))
	return string(b)
}

// dateAt is a date found over tokens first..last (inclusive).
type dateAt struct {
	first, last int
	iso         string
	bad         bool // the tokens read as a date that does not exist (31 février)
}

// monthAt returns the month named by token k, and whether it is an abbreviation.
func (w *vwords) monthAt(k int) (month int, abbrev bool) {
	t := w.toks[k]
	if t.kind != vtWord || t.size() < 3 || t.size() > 10 {
		return 0, false
	}
	// Month names start with one of these letters; most words are rejected without folding.
	switch w.text[t.start] | 0x20 {
	case 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd':
	default:
		return 0, false
	}
	f := w.fold(k)
	m, ok := monthNames[string(f)]
	if !ok {
		return 0, false
	}
	return m, monthAbbrev[string(f)]
}

// dayBefore reads the day written just before the month at token m: "15", "1er", "1 e'", "premier",
// "vingt-trois", "Huit du mois d'". It returns the day and its first token.
func (w *vwords) dayBefore(m int) (day, first int, ok bool) {
	k := m - 1
	// "du mois de", "du mois d'"
	if w.isPunct(k, "'") && w.is(k-1, "d") && w.is(k-2, "mois") && w.is(k-3, "du") {
		k -= 4
	} else if w.is(k, "de") && w.is(k-1, "mois") && w.is(k-2, "du") {
		k -= 3
	}
	if k < 0 {
		return 0, 0, false
	}
	if v, ok := w.num(k, 2); ok {
		return v, k, true
	}
	// OCR leaves marks where a superscript ordinal was: "01\* janvier", "1 e' septembre".
	j := k
	for n := 0; n < 2 && j > 0 && w.glued(j-1) && (w.isPunct(j, "*") || w.isPunct(j, "\\") || w.isPunct(j, "'")); n++ {
		j--
	}
	if v, ok := w.num(j, 2); ok && j < k {
		return v, j, true
	}
	if j >= 1 && w.toks[j].kind != vtNum && ordinalSuffixes[string(w.fold(j))] {
		if v, ok := w.num(j-1, 2); ok && v == 1 {
			return 1, j - 1, true
		}
	}
	if ordinalFirst[string(w.fold(k))] {
		return 1, k, true
	}
	if v, first, ok := w.numberWordsEndingAt(k, 1, 31); ok {
		return v, first, true
	}
	return 0, 0, false
}

// yearAfter reads the year written from token k on: "2023" or "deux mille vingt-trois".
func (w *vwords) yearAfter(k int) (year, last int, ok bool) {
	if k >= len(w.toks) {
		return 0, 0, false
	}
	if v, ok := w.num(k, 4); ok && w.toks[k].size() == 4 {
		// "2023", but not the start of "2023/24" or "2023.5"
		if w.glued(k) && w.glued(k+1) && w.toks[k+2].kind == vtNum && (w.isPunct(k+1, "/") || w.isPunct(k+1, ".") || w.isPunct(k+1, ",")) {
			return 0, 0, false
		}
		return v, k, true
	}
	if v, next, ok := w.readNumberWords(k); ok && v >= minYear {
		return v, next - 1, true
	}
	return 0, 0, false
}

// yearBefore reads the legal formula "L'an <year>[,] [et] le" that ends just before token k,
// and returns the year and the token of "L".
func (w *vwords) yearBefore(k int) (year, first int, ok bool) {
	k--
	if !w.is(k, "le") {
		return 0, 0, false
	}
	k--
	if w.is(k, "et") {
		k--
	}
	if w.isPunct(k, ",") {
		k--
	}
	var start int
	if v, ok := w.num(k, 4); ok && v >= minYear {
		year, start = v, k
	} else if v, s, ok := w.numberWordsEndingAt(k, minYear, maxYear); ok {
		year, start = v, s
	} else {
		return 0, 0, false
	}
	if w.is(start-1, "an") && w.isPunct(start-2, "'") && w.is(start-3, "l") {
		return year, start - 3, true
	}
	return 0, 0, false
}

// dateAround reads the date whose month is token m.
func (w *vwords) dateAround(m int) (dateAt, bool) {
	month, abbrev := w.monthAt(m)
	if month == 0 {
		return dateAt{}, false
	}
	day, first, ok := w.dayBefore(m)
	if !ok {
		return dateAt{}, false
	}
	if first > 0 && weekdayNames[string(w.fold(first-1))] && w.toks[first-1].kind == vtWord {
		first--
	}
	k := m + 1
	if abbrev && w.isPunct(k, ".") && w.glued(m) {
		k++
	}
	year, last, ok := w.yearAfter(k)
	if !ok {
		if abbrev {
			return dateAt{}, false
		}
		if year, first, ok = w.yearBefore(first); !ok {
			return dateAt{}, false
		}
		last = m
	}
	d := dateAt{first: first, last: last}
	if !validDate(year, month, day) {
		d.bad = true
		return d, true
	}
	d.iso = isoDate(year, month, day)
	return d, true
}

// numericDateAt reads a date written in digits starting at token k: 15/12/2023, 1/1/24,
// 27.06.2008, 15-12-2023 or 2023-12-15. Two-digit years are read in 1950–2049; they are
// accepted with slashes only, since 1.2.24 is more often a section number.
func (w *vwords) numericDateAt(k int) (dateAt, bool) {
	if k+4 >= len(w.toks) || !w.glued(k) || !w.glued(k+1) || !w.glued(k+2) || !w.glued(k+3) {
		return dateAt{}, false
	}
	sep := w.raw(k + 1)
	if (sep != "/" && sep != "." && sep != "-") || w.raw(k+3) != sep {
		return dateAt{}, false
	}
	// Not part of a longer chain: 1.2.3.4, 12/05/2023/1 (a full stop after the date is fine).
	// An ISO date may carry its time: 2023-12-15T10:00.
	isoTime := sep == "-" && w.toks[k].size() == 4 && k+5 < len(w.toks) && w.raw(k+5) == "T"
	if w.glued(k+4) && !isoTime && (w.toks[k+5].kind != vtPunct || w.isPunct(k+5, sep) && w.glued(k+5) && w.toks[k+6].kind == vtNum) {
		return dateAt{}, false
	}
	if k > 0 && w.glued(k-1) && w.toks[k-1].kind != vtWord && !w.isPunct(k-1, "(") {
		return dateAt{}, false
	}
	n := func(i int) (int, int) {
		v, ok := w.num(i, 4)
		if !ok {
			return -1, 0
		}
		return v, w.toks[i].size()
	}
	a, la := n(k)
	b, lb := n(k + 2)
	c, lc := n(k + 4)
	if a < 0 || b < 0 || c < 0 || lb > 2 {
		return dateAt{}, false
	}
	var year, month, day int
	switch {
	case la == 4 && lc == 2 && sep != ".":
		year, month, day = a, b, c
	case la <= 2 && lc == 4:
		day, month, year = a, b, c
	case la <= 2 && lc == 2 && sep == "/":
		day, month, year = a, b, 2000+c
		if c >= 50 {
			year = 1900 + c
		}
	default:
		return dateAt{}, false
	}
	d := dateAt{first: k, last: k + 4}
	if !validDate(year, month, day) {
		d.bad = true
		return d, true
	}
	d.iso = isoDate(year, month, day)
	return d, true
}

// dates finds the dates over all tokens, in order, the impossible ones included (marked bad).
func (w *vwords) dates() []dateAt {
	var out []dateAt
	next := 0 // first token not yet used by a date
	for k := 0; k < len(w.toks); k++ {
		var d dateAt
		var ok bool
		switch w.toks[k].kind {
		case vtNum:
			d, ok = w.numericDateAt(k)
		case vtWord:
			d, ok = w.dateAround(k)
		}
		if !ok || d.first < next {
			continue
		}
		out = append(out, d)
		next = d.last + 1
		k = d.last
	}
	return out
}

// findDates implements FindDates.
func findDates(text string) []DateMatch {
	var buf [stackTokens]vtoken
	w := vwords{text: text, toks: tokensIn(text, buf[:])}
	var out []DateMatch
	for _, d := range w.dates() {
		if d.bad {
			continue
		}
		out = append(out, DateMatch{Start: int(w.toks[d.first].start), End: int(w.toks[d.last].end), ISO: d.iso})
	}
	return out
}

// date implements Date.
func date(raw string) (string, error) {
	w := newVWords(raw)
	ds := w.dates()
	if len(ds) != 1 {
		return "", fmt.Errorf("%w: date %q", ErrNotValue, raw)
	}
	d := ds[0]
	for k := range w.toks {
		if k >= d.first && k <= d.last {
			continue
		}
		if w.toks[k].kind == vtPunct || w.toks[k].kind == vtWord && dateFillers[string(w.fold(k))] {
			continue
		}
		return "", fmt.Errorf("%w: date %q: %q is not part of a date", ErrNotValue, raw, w.raw(k))
	}
	if d.bad {
		return "", fmt.Errorf("%w: date %q does not exist", ErrNotValue, raw)
	}
	return d.iso, nil
}
