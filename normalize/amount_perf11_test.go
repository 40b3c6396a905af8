package normalize

import (
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The references below are the amount readers as they were before round 11, each checked
// against the reader that replaced it on cases, the corpus and a fuzz target: findAmountsInRef
// scans for digits only and addWordAmountsRef walks every currency mark of the text (the finder
// now looks for the stems of the marks during its digit scan and walks the marks from the first
// one outside a digit amount, or not at all; it may start its scan at the first opener,
// nextOpener); readAmountRef returns its whole answer (readAmount writes what it reports);
// currencyBeforeRef, currencyAfterRef, scanNumberRef, digitsRef and markStemAtRef are the
// readers before their cheap first tests.

// findAmountsInRef is findAmountsIn before round 11: the reference.
func findAmountsInRef(out []Match, text string, lean bool) []Match {
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
	for i := 0; i < len(text); {
		if !digitByte(text[i]) {
			i = nextDigit(text, i+1)
			continue
		}
		if alnumBefore(text, i) {
			// "m3", "A4", "n°2": a digit glued to a word is no amount; skip the run.
			i += digitRun(text, i)
			continue
		}
		if lead := digitRun(text, i); lead <= 3 {
			// "Compte 11 273 769.28 €": the label's number is not a thousands group.
			if k, w := groupSep(text, i+lead); k == sepSpace && digitRun(text, i+lead+w) == 3 && labelBefore(text, i) {
				i += lead
				continue
			}
		}
		a, next, ok := readAmountRef(text, i, floor, false)
		if !ok {
			if a.plainKnown {
				if a.plainOK {
					bare = a.plain
				}
			} else if n, ok := scanNumber(text, i, false); ok {
				bare = n
			}
			i = next
			continue
		}
		if bare.end >= floor && bare.end < a.start && rangeStart(text, bare, a.start) {
			first := amountAt{start: bare.start, end: bare.end, num: bare, currency: a.currency, mult: a.mult}
			if m, err := first.money(text, lean, nil); err == nil {
				grow()
				out = append(out, Match{Start: first.start, End: first.end, Money: m})
			}
		}
		if m, err := a.money(text, lean, nil); err == nil {
			grow()
			out = append(out, Match{Start: a.start, End: a.end, Money: m})
		}
		floor = a.end
		bare.end = -1
		i = next
	}
	return addWordAmountsRef(text, out, lean)
}

// addWordAmountsRef is addWordAmounts before round 11, walking every mark: the reference.
func addWordAmountsRef(text string, out []Match, lean bool) []Match {
	var cm marks
	cm.init(text)
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

// perf11Cases hold currency marks inside, beside and away from digit amounts, amounts in words,
// and the stems of marks glued to digits.
var perf11Cases = []string{
	"", "€", "uro", "euro", "1 €", "€1", "1€uro", "12 € et un euro", "un euro symbolique 12 €",
	"12 € (douze euros)", "deux millions d'euros puis 3 M€", "1 200 € deux cents euros",
	"montant en euros : 12 €", "EUROS 12", "12 EUROS et 3 EURO", "1uro 2URO 3€", "€€€ 1 € €",
	"le 27.06.2008 500 € et cinq euros", "entre 1 et 2 millions € ; 16 098,16 TTC ; trois euros",
	"Compte 11 273 769.28 € un euro", "x\xe2\x82", "12\xe2\x82", "uroeuro1euro",
	"123456789012345678901234 € et - 1.697€ puis dix euros",
}

// checkFindRef checks findAmountsIn against its reference, with and without values.
func checkFindRef(t *testing.T, text string) {
	t.Helper()
	for _, lean := range []bool{false, true} {
		got := findAmountsIn(nil, text, lean, 0, nil)
		want := findAmountsInRef(nil, text, lean)
		if len(got) != len(want) || !sameMatches(got, want) || !reflect.DeepEqual(got, want) {
			t.Fatalf("findAmountsIn(%q, %v) = %+v, want %+v", text, lean, got, want)
		}
		if from := AmountOpener(text); from >= 0 {
			if got := findAmountsIn(nil, text, lean, from, nil); !reflect.DeepEqual(got, want) {
				t.Fatalf("findAmountsIn(%q, %v, %d) = %+v, want %+v", text, lean, from, got, want)
			}
			// Digits written in an arena, one nearly full (a new buffer is made) and one
			// with room.
			for _, ar := range []*DigitArena{{buf: make([]byte, 5, 6)}, {}} {
				if got := findAmountsIn(nil, text, lean, from, ar); !reflect.DeepEqual(got, want) {
					t.Fatalf("findAmountsIn(%q, %v, %d) in an arena = %+v, want %+v", text, lean, from, got, want)
				}
			}
		} else if len(want) > 0 {
			t.Fatalf("AmountOpener(%q) = -1, but the finder finds %+v", text, want)
		}
	}
}

// TestFindAmountsInMatchesRef checks the finder against its reference on the cases and the
// seeds, alone and in pairs.
func TestFindAmountsInMatchesRef(t *testing.T) {
	texts := append(append([]string{}, perf11Cases...), amountSeeds...)
	for _, a := range append(perf11Cases, amountSeeds...) {
		for _, b := range perf11Cases {
			texts = append(texts, a+" "+b, b+a)
		}
	}
	for _, s := range texts {
		checkFindRef(t, s)
	}
}

// TestFindAmountsInMatchesRefCorpus checks the finder against its reference on the corpus
// files, whole and line by line.
func TestFindAmountsInMatchesRefCorpus(t *testing.T) {
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFindRef(t, string(data))
		for _, line := range strings.Split(string(data), "\n") {
			checkFindRef(t, line)
		}
	}
}

// FuzzFindAmountsInRef checks the finder against its reference on arbitrary text.
func FuzzFindAmountsInRef(f *testing.F) {
	for _, s := range append(perf11Cases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(checkFindRef)
}

// nextOpenerRef is nextOpener byte by byte: the first digit or stem of a currency mark at or
// after i, or len(s).
func nextOpenerRef(s string, i int) int {
	for k := i; k < len(s); k++ {
		if '0' <= s[k] && s[k] <= '9' || strings.HasPrefix(s[k:], "€") || strings.HasPrefix(s[k:], "uro") || strings.HasPrefix(s[k:], "URO") {
			return k
		}
	}
	return len(s)
}

// checkOpener checks nextOpener from every start, and AmountOpener, against the byte search.
func checkOpener(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		if got, want := nextOpener(s, i), nextOpenerRef(s, i); got != want {
			t.Fatalf("nextOpener(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
	want := nextOpenerRef(s, 0)
	if want == len(s) {
		want = -1
	}
	if got := AmountOpener(s); got != want {
		t.Fatalf("AmountOpener(%q) = %d, want %d", s, got, want)
	}
	if got := MayHoldAmount(s); got != (want >= 0) {
		t.Fatalf("MayHoldAmount(%q) = %v, want %v", s, got, want >= 0)
	}
}

// TestAmountOpenerEveryPlace puts each opener, and near misses, at every place of texts of every
// length up to 40 bytes, alone and after a digit, so that each window of the scan (two words a
// turn, one word, the last overlapping one) is met with and without a hit, from every start.
func TestAmountOpenerEveryPlace(t *testing.T) {
	for _, w := range []string{"7", "€", "uro", "URO", "Uro", "ur", "\xe2\x80\x99", "u", "\xe2", "\xe2\x82", "9€"} {
		for n := len(w); n <= 40; n++ {
			for at := 0; at+len(w) <= n; at++ {
				b := []byte(strings.Repeat("x", n))
				copy(b[at:], w)
				checkOpener(t, string(b))
				if at > 0 {
					b[0] = '5'
					checkOpener(t, string(b))
				}
			}
		}
	}
}

// FuzzNextOpener checks nextOpener and AmountOpener against the byte search on arbitrary text.
func FuzzNextOpener(f *testing.F) {
	for _, s := range append(perf11Cases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			s = s[:200]
		}
		checkOpener(t, s)
	})
}

// readAmountRef is readAmount before round 11, which returned every field of its answer: the
// reference.
func readAmountRef(s string, i, floor int, strict bool) (a amountAt, next int, ok bool) {
	n, ok := scanNumber(s, i, true)
	if !ok {
		a.plain, a.plainKnown = n, !n.loose
		return a, n.end, false
	}
	a.num, a.start, a.end = n, i, n.end
	a.currency, a.mult, a.end = currencyAfter(s, n.end)
	if a.currency == "" && n.loose {
		if n, ok = scanNumber(s, i, false); !ok {
			a.plain, a.plainKnown = n, true
			return a, n.end, false
		}
		a.num, a.end = n, n.end
		a.currency, a.mult, a.end = currencyAfter(s, n.end)
	}
	if a.currency == "" {
		if st, found := currencyBefore(s, i, floor); found {
			a.currency, a.start = "EUR", st
		}
	}
	j := n.end + hspaceLen(s, n.end)
	if a.currency == "" && strict && j < len(s) && s[j] == '%' {
		a.percent, a.end = true, j+1
	}
	if a.currency == "" && !strict {
		a.plain, a.plainOK, a.plainKnown = n, true, true // n is strict, or read as strict
		return a, n.end, false
	}
	if st, neg := signBefore(s, a.start, strict); st != a.start && st >= floor {
		a.start, a.neg = st, neg
	}
	return a, a.end, true
}

// checkReadAmount checks readAmount against its reference at every digit of s, strict or not,
// with no floor and with the floor at the digit, writing each answer over the one before.
func checkReadAmount(t *testing.T, s string) {
	t.Helper()
	var a amountAt
	for i := 0; i < len(s); i++ {
		if !digitByte(s[i]) {
			continue
		}
		for _, floor := range []int{0, i} {
			for _, strict := range []bool{false, true} {
				next, ok := readAmount(&a, s, i, floor, strict)
				w, wnext, wok := readAmountRef(s, i, floor, strict)
				if ok != wok || next != wnext {
					t.Fatalf("readAmount(%q, %d, %d, %v) = %d, %v, want %d, %v", s, i, floor, strict, next, ok, wnext, wok)
				}
				// The fields the answer reports; the reference set others, which no caller reads.
				got := amountAt{start: a.start, end: a.end, num: a.num, neg: a.neg, currency: a.currency, mult: a.mult, percent: a.percent}
				if ok {
					w.plain, w.plainOK, w.plainKnown = numSpan{}, false, false
				} else {
					got = amountAt{plain: a.plain, plainOK: a.plainOK, plainKnown: a.plainKnown}
					w = amountAt{plain: w.plain, plainOK: w.plainOK, plainKnown: w.plainKnown}
				}
				if got != w {
					t.Fatalf("readAmount(%q, %d, %d, %v) wrote %+v, want %+v", s, i, floor, strict, got, w)
				}
			}
		}
	}
}

// TestReadAmountMatchesRef checks readAmount against its reference on the cases, the seeds and
// the corpus.
func TestReadAmountMatchesRef(t *testing.T) {
	for _, s := range append(perf11Cases, amountSeeds...) {
		checkReadAmount(t, s)
		checkReadAmount(t, "soit "+s+" (12,5 %) - 3 et -4 000 € ou 1.2.3")
	}
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkReadAmount(t, string(data))
	}
}

// FuzzReadAmountRef checks readAmount against its reference on arbitrary text.
func FuzzReadAmountRef(f *testing.F) {
	for _, s := range append(perf11Cases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		checkReadAmount(t, s)
	})
}

// currencyBeforeRef is currencyBefore before round 11, every space read by lastSpace: the
// reference.
func currencyBeforeRef(s string, i, floor int) (int, bool) {
	j := i
	for j > floor {
		k, w := lastSpace(s, j)
		if w == 0 {
			break
		}
		j = k
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

// currencyAfterRef is currencyAfter before round 11, without its first-byte test: the
// reference.
func currencyAfterRef(s string, i int) (cur string, mult int32, end int) {
	j := i + hspaceLen(s, i)
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

// checkCurrencyReaders checks currencyBefore and currencyAfter against their references at
// every place of s, with every floor up to it (currencyBefore).
func checkCurrencyReaders(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		c, m, e := currencyAfter(s, i)
		if wc, wm, we := currencyAfterRef(s, i); c != wc || m != wm || e != we {
			t.Fatalf("currencyAfter(%q, %d) = %q, %d, %d, want %q, %d, %d", s, i, c, m, e, wc, wm, we)
		}
		if i == len(s) || i > 64 {
			continue
		}
		for floor := 0; floor <= i; floor++ {
			st, ok := currencyBefore(s, i, floor)
			if wst, wok := currencyBeforeRef(s, i, floor); st != wst || ok != wok {
				t.Fatalf("currencyBefore(%q, %d, %d) = %d, %v, want %d, %v", s, i, floor, st, ok, wst, wok)
			}
		}
	}
}

// currencyCases put currencies, tax words and spaces of every kind before and after numbers.
var currencyCases = []string{
	"€ 1 200", "EUR 500", "en € 2023", "EUR12", "xEUR 5", "€\u00a0\u00a012", "€\u202f3", " \u2009 €  7",
	"12 TTC", "12 ht.", "12\n€", "12\r\n  EUR", "12 M€", "3 millions d'euros", "4 k€", "5 FF", "6 Frf",
	"7 euros HT", "8\u00a0€uro", "9 mars", "10 tonnes", "11 \u00a0 \u202f €", "R 3", "\xac 4", "\xe2\x82\xac5",
}

// TestCurrencyReadersMatchRefs checks currencyBefore and currencyAfter against their
// references on the cases, the seeds and the lines of the corpus.
func TestCurrencyReadersMatchRefs(t *testing.T) {
	for _, s := range append(append(currencyCases, perf11Cases...), amountSeeds...) {
		checkCurrencyReaders(t, s)
	}
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkCurrencyReaders(t, line)
		}
	}
}

// FuzzCurrencyReadersRefs checks currencyBefore and currencyAfter against their references on
// arbitrary text.
func FuzzCurrencyReadersRefs(f *testing.F) {
	for _, s := range append(append(currencyCases, perf11Cases...), amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			s = s[:200]
		}
		checkCurrencyReaders(t, s)
	})
}

// scanNumberRef is scanNumber before round 11, which asked groupRun after every group: the
// reference.
func scanNumberRef(s string, i int, loose bool) (n numSpan, ok bool) {
	n.start, n.fracStart = i, -1
	lead := digitRun(s, i)
	j := i + lead
	kind := sepNone
	// A thousands group leader has 1 to 3 digits and no leading zero: "2023 1 200 €" is a year and
	// an amount, "011 250" a budget chapter and a number.
	if lead <= 3 && s[i] != '0' {
		for {
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

// checkScanNumber checks scanNumber against its reference at every digit of s, loose or not.
func checkScanNumber(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if !digitByte(s[i]) {
			continue
		}
		for _, loose := range []bool{false, true} {
			n, ok := scanNumber(s, i, loose)
			if wn, wok := scanNumberRef(s, i, loose); n != wn || ok != wok {
				t.Fatalf("scanNumber(%q, %d, %v) = %+v, %v, want %+v, %v", s, i, loose, n, ok, wn, wok)
			}
		}
	}
}

// scanCases are numbers followed by every kind of separator and what may come after it.
var scanCases = []string{
	"1 200", "1 20", "1 2000", "1 a", "1 ", "1  200", "1\u00a0200", "1\u202f200", "1\u2009200", "1.200.300",
	"1'200", "1\u2019200", "1 200\n300", "1 200\r\n 300", "1 200 \n300", "1\n200", "1 \u00a0200", "1 é",
	"1 200 300,5", "1.200,5", "12.5", "1 200.5", "1,2,3", "1 200 ,50", "1 200, 50", "1 \t200", "123 456 7",
}

// TestScanNumberMatchesRef checks scanNumber against its reference on the cases, the seeds and
// the corpus.
func TestScanNumberMatchesRef(t *testing.T) {
	for _, s := range append(append(scanCases, perf11Cases...), amountSeeds...) {
		checkScanNumber(t, s)
	}
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkScanNumber(t, string(data))
	}
}

// FuzzScanNumberRef checks scanNumber against its reference on arbitrary text.
func FuzzScanNumberRef(f *testing.F) {
	for _, s := range append(scanCases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		checkScanNumber(t, s)
	})
}

// digitsRef is numSpan.digits before round 11, written with a strings.Builder: the reference.
func (n numSpan) digitsRef(s string, neg bool) string {
	var b strings.Builder
	b.Grow(n.end - n.start + 2)
	if neg {
		b.WriteByte('-')
	}
	for k := n.start; k < n.intEnd; k++ {
		if digitByte(s[k]) {
			b.WriteByte(s[k])
		}
	}
	if n.fracStart >= 0 {
		b.WriteByte('.')
		b.WriteString(s[n.fracStart:n.end])
	}
	return b.String()
}

// checkDigitsRef checks numSpan.digits against its reference for the numbers scanned at every
// digit of s, with and without a sign.
func checkDigitsRef(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if !digitByte(s[i]) {
			continue
		}
		for _, loose := range []bool{false, true} {
			n, _ := scanNumber(s, i, loose)
			for _, neg := range []bool{false, true} {
				if got, want := n.digits(s, neg), n.digitsRef(s, neg); got != want {
					t.Fatalf("digits of %+v in %q (%v) = %q, want %q", n, s, neg, got, want)
				}
			}
		}
	}
}

// TestDigitsMatchesRef checks numSpan.digits against its reference on the cases, with numbers
// longer than its buffer.
func TestDigitsMatchesRef(t *testing.T) {
	for _, s := range append(append(scanCases, perf11Cases...), amountSeeds...) {
		checkDigitsRef(t, s)
	}
	checkDigitsRef(t, strings.Repeat("1", 60)+","+strings.Repeat("2", 30))
	checkDigitsRef(t, "1 "+strings.Repeat("234 ", 20)+"567,89")
}

// FuzzDigitsRef checks numSpan.digits against its reference on arbitrary text.
func FuzzDigitsRef(f *testing.F) {
	for _, s := range append(scanCases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		checkDigitsRef(t, s)
	})
}

// markStemAtRef is markStemAt before round 11, three prefix tests: the reference.
func markStemAtRef(text string, i int) bool {
	switch text[i] {
	case 0xE2:
		return strings.HasPrefix(text[i:], "€")
	case 'u':
		return strings.HasPrefix(text[i:], "uro")
	case 'U':
		return strings.HasPrefix(text[i:], "URO")
	}
	return false
}

// checkMarkStemAt checks markStemAt against its reference at every byte of s.
func checkMarkStemAt(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if got, want := markStemAt(s, i), markStemAtRef(s, i); got != want {
			t.Fatalf("markStemAt(%q, %d) = %v, want %v", s, i, got, want)
		}
	}
}

// TestMarkStemAtMatchesRef checks markStemAt against its reference on stems cut at every
// length and their near misses.
func TestMarkStemAtMatchesRef(t *testing.T) {
	for _, s := range append([]string{"€", "\xe2\x82", "\xe2", "uro", "ur", "URO", "UR", "Uro", "uRO", "€uro", "xuroyURO€", "\xe2\x82\xad", "\xe3\x82\xac"}, perf11Cases...) {
		checkMarkStemAt(t, s)
	}
}

// FuzzMarkStemAt checks markStemAt against its reference on arbitrary text.
func FuzzMarkStemAt(f *testing.F) {
	for _, s := range perf11Cases {
		f.Add(s)
	}
	f.Fuzz(checkMarkStemAt)
}

// markerCases open with every letter a currency or multiplier word opens with, then every
// kind of second byte: letters of the words, a space, a currency, other letters, the end.
var markerCases = []string{
	"K €", "k€", "K€", "M€", "M €", "m€", "m €", "Md€", "MD €", "mds €", "Mds€", "mille euros", "Mille €",
	"millions d'euros", "Milliard de €", "keur", "Keuros", "KEURO", "meur", "MEuros", "ff", "FF", "Frf", "francs",
	"Franc", "k\u00a0€", "k\u202f€", "M\u2009EUR", "Mfrancs", "kEuros", "kE", "k", "M", "e", "f", "m", "kg", "km",
	"mars", "membres", "et", "en", "fois", "ke", "KF", "mE", "Mf", "k\u2019", "mé", "e\u00a0",
}

// TestCurrencyAtSeconds checks currencyAt, which turns words away on their second byte, against
// its reference on the marker cases at every byte.
func TestCurrencyAtSeconds(t *testing.T) {
	for _, s := range markerCases {
		for _, t2 := range []string{s, s + " 12", "x" + s} {
			for i := 0; i <= len(t2); i++ {
				e, m, c := currencyAt(t2, i)
				if we, wm, wc := currencyAtRef(t2, i); e != we || m != wm || c != wc {
					t.Errorf("currencyAt(%q, %d) = %d, %d, %q, want %d, %d, %q", t2, i, e, m, c, we, wm, wc)
				}
			}
		}
	}
}
