package parse

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"minutes/extract"
	"minutes/normalize"
)

// amountsRef is amounts before round 11: every line asked MayHoldAmount, every paragraph's
// text searched from its start, each match's line looked for from the first: the reference.
func (d *doc) amountsRef(it *Item, paras []para) {
	cells := d.detachedCells(paras)
	// Join each paragraph so that an amount wrapped over two lines is read whole; starts map
	// each match back to its line. A paragraph of several lines that may hold an amount is
	// written into the document's buffer, reused from paragraph to paragraph, and read through
	// a string view of it; the texts of the amounts found in it are copied out before the
	// buffer is written again. A paragraph of one line is read as it is, and its amounts'
	// texts are slices of the line.
	sc := &d.lm.amounts
	buf, ts, starts, lines := sc.buf[:0], sc.texts[:0], sc.starts[:0], sc.lines[:0]
	defer func() {
		clear(ts)
		sc.buf, sc.texts, sc.starts, sc.lines = buf[:0], ts[:0], starts[:0], lines[:0]
	}()
	for _, p := range paras {
		if p.table {
			continue
		}
		ts, starts, lines = ts[:0], starts[:0], lines[:0]
		n := 0       // the bytes of the paragraph's text
		may := false // most paragraphs hold no digit nor currency: no copy, no search for them
		for _, i := range p.lines {
			if d.rowAt(i) || cells != nil && cells[i] {
				continue
			}
			if len(lines) > 0 {
				n++ // the space joining two lines
			}
			starts = append(starts, n)
			lines = append(lines, i)
			t := trimLine(untab(d.lines[i].Text))
			may = may || normalize.MayHoldAmount(t)
			ts = append(ts, t)
			n += len(t)
		}
		if !may {
			continue
		}
		text := ts[0]
		if len(ts) > 1 {
			buf = slices.Grow(buf[:0], n)
			for k, t := range ts {
				if k > 0 {
					buf = append(buf, ' ')
				}
				buf = append(buf, t...)
			}
			text = unsafe.String(&buf[0], n)
		}
		n0 := len(it.Amounts)
		sc.matches = normalize.FindAmountDigits(sc.matches, text) // Digits are the value kept
		it.Amounts = slices.Grow(it.Amounts, len(sc.matches))     // once, not amount by amount
		for _, m := range sc.matches {
			li := 0
			for li+1 < len(starts) && starts[li+1] <= m.Start {
				li++
			}
			a := Amount{Value: m.Money.Digits, Text: m.Money.Raw, Pos: d.lines[lines[li]].Pos}
			if a.Text == "" && m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
				a.Text = text[m.Start:m.End]
			}
			if m.Money.Currency != "" {
				a.Currency = d.currencyOf(m.Money.Currency)
			}
			it.Amounts = append(it.Amounts, a)
		}
		if len(ts) > 1 {
			keepAmountTexts(it.Amounts[n0:])
		}
	}
}

// checkAmountsRef compares amounts with its reference on the paragraphs of windows of d's lines.
func checkAmountsRef(t *testing.T, name string, d *doc) {
	t.Helper()
	for a := 0; a < len(d.lines); a += 5 {
		for _, w := range []int{1, 7, 40} {
			paras := d.paragraphs(a, a+w)
			var got, want Item
			d.amounts(&got, paras)
			d.amountsRef(&want, paras)
			if len(got.Amounts) != len(want.Amounts) {
				t.Fatalf("%s lines %d..%d: %d amounts, want %d: %+v", name, a, a+w, len(got.Amounts), len(want.Amounts), want.Amounts)
			}
			for k, g := range got.Amounts {
				x := want.Amounts[k]
				if g.Value != x.Value || g.Text != x.Text || g.Pos != x.Pos || (g.Currency == nil) != (x.Currency == nil) ||
					g.Currency != nil && *g.Currency != *x.Currency {
					t.Fatalf("%s lines %d..%d: amount %d = %+v, want %+v", name, a, a+w, k, g, x)
				}
			}
		}
	}
}

// TestAmountsAgreeWithRef compares amounts with its reference on every text of the corpus.
func TestAmountsAgreeWithRef(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(f, data)
		if err != nil {
			t.Fatal(err)
		}
		checkAmountsRef(t, f, readyDoc(src))
	}
}

// FuzzAmountsRef compares amounts with its reference on arbitrary text.
func FuzzAmountsRef(f *testing.F) {
	for _, s := range []string{
		"Le budget s'élève à 1 051 236,00 €.\nSoit - 1.697€ de moins,\ndeux millions d'euros.\n\n12 €\n",
		"Montant en euros : 12 000\n€ et 3 400 €\n1 200\n300\n\nEUR 500",
		"a\tb\t1 200 €\n- 500 €\n\nentre 60 et\n400 € par commune.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkAmountsRef(t, "fuzz", readyDoc(src))
	})
}

// TestBareNumberTail checks that bareNumberTail was read from reBareNumber as it is, and that
// bareNumberLine answers as the pattern does on lines built around its ends and on every folded
// line of the corpus.
func TestBareNumberTail(t *testing.T) {
	if !bareTailOn {
		t.Fatalf("reBareNumber is %s, no longer bareTailSource: read bareNumberTail again", reBareNumber)
	}
	for _, f := range bareTailCases {
		checkBareNumberLine(t, f)
	}
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkBareNumberLine(t, normalize.Fold(line))
			checkBareNumberLine(t, line)
		}
	}
}

// bareTailCases are bare numbers with every ending the pattern allows, and near misses.
var bareTailCases = []string{
	"12", "1 200", "1\u00a0200", "1\u202f200", "1.200,50", "1'200", "(1 200)", "12 €", "12 euros", "12 euro",
	"12 eur", "12 k€", "12 %", "12 € ht", "12 € ttc", "12 € h.t.", "12 € *", "12\t", "12 \f", "- 12 €",
	"– 12", "+12", "1. approbation", "12 voix pour", "12 eurox", "12 € htx", "12 €*", "12)", "12 ttc*",
}

// checkBareNumberLine compares bareNumberLine with the pattern run by the regexp package.
func checkBareNumberLine(t *testing.T, f string) {
	t.Helper()
	if got, want := bareNumberLine(f), bareNumberStd.MatchString(f); got != want {
		t.Fatalf("bareNumberLine(%q) = %v, want %v", f, got, want)
	}
}

// bareNumberStd is reBareNumber compiled by the regexp package, without hand reader nor tests.
var bareNumberStd = regexp.MustCompile(reBareNumber.String())

// FuzzBareNumberLine compares bareNumberLine with the pattern on arbitrary lines.
func FuzzBareNumberLine(f *testing.F) {
	for _, s := range bareTailCases {
		f.Add(s)
	}
	f.Fuzz(checkBareNumberLine)
}
