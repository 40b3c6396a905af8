package parse

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// The arithmetic of a table is checked where its structure shows it: lines add up to the
// subtotal that follows them, subtotals (and lines after the last of them) add up to the
// total, and a column that is the sum of two others on every row is so on each row. A check
// that fails is reported only when other checks of the same table pass, so that a table whose
// structure was misread (a "Total" that is not a sum) raises no false alarm. Percentages are
// not summed: rates do not add up.

// Diagnostic code of a table whose figures do not add up.
const codeTableSum = "table-sum-mismatch"

// sumCheck is the outcome of one comparison of a cell with the sum it should equal; N is the
// arithmetic of the values (fixed or decimal.Decimal).
type sumCheck[N number[N]] struct {
	row, col int
	ok       bool
	want     N
	what     string // what the cell should equal, for the message
	a, b     int    // for a column relation, the two columns that add up to col; else -1
}

// number is the arithmetic the checks need: decimal.Decimal, or fixed when every value of a
// table fits one integer scale.
type number[N any] interface {
	Add(N) N
	Equal(N) bool
	IsZero() bool
}

// fixed is a table value as an integer count of 10^-scale units, scale shared by the table:
// adding and comparing them is what decimal.Decimal does, without its big integers.
type fixed int64

// Add is the sum.
func (f fixed) Add(g fixed) fixed { return f + g }

// Equal reports f == g.
func (f fixed) Equal(g fixed) bool { return f == g }

// IsZero reports f == 0.
func (f fixed) IsZero() bool { return f == 0 }

// Bounds of the fixed reading: a value below 10^15 units, at most maxFixedScale decimals, and
// at most maxFixedRows rows, so that no sum the checks make comes near 2^63.
const (
	maxFixedScale = 6
	maxFixedRows  = 1000
	fixedLimit    = 1_000_000_000_000_000
)

// checkTable runs the arithmetic checks of one table and reports each row that fails, once,
// with every column where it fails. Tables whose values are plain decimals of a few digits (all
// of them in practice) are checked in integers; the others with decimal.Decimal.
func (d *doc) checkTable(t *Table) {
	if vals, scale, ok := d.tabs().fixed.read(t); ok {
		// The checks of one table are done with once it is reported: the document's tables
		// share one buffer of them.
		var buf []sumCheck[fixed]
		if m := d.flatMemo; m != nil {
			buf, m.checks = m.checks[:0], nil
		}
		checks := tableChecksInto(buf, t, vals)
		report(d, t, checks, func(f fixed) decimal.Decimal { return decimal.New(int64(f), -int32(scale)) })
		if m := d.flatMemo; m != nil {
			m.checks = checks[:0]
		}
		return
	}
	report(d, t, tableChecks(t, tableDecimals(t)), func(v decimal.Decimal) decimal.Decimal { return v })
}

// tableChecks runs the sum and relation checks of a table on its values.
func tableChecks[N number[N]](t *Table, vals [][]*N) []sumCheck[N] {
	return tableChecksInto(nil, t, vals)
}

// tableChecksInto is tableChecks appending the checks to checks.
func tableChecksInto[N number[N]](checks []sumCheck[N], t *Table, vals [][]*N) []sumCheck[N] {
	for c := range t.Columns {
		if columnIsRate(t, c) {
			continue
		}
		checks = sumChecks(checks, t, vals, c)
	}
	return relationChecks(checks, t, vals)
}

// report adds a diagnostic for each row whose checks fail, when the checks that pass confirm
// the structure they rely on; dec gives a value as a decimal for the message.
func report[N number[N]](d *doc, t *Table, checks []sumCheck[N], dec func(N) decimal.Decimal) {
	pass, fail := 0, 0
	for _, ch := range checks {
		if ch.ok {
			pass++
		} else {
			fail++
		}
	}
	if fail == 0 || pass == 0 || pass < fail {
		return
	}
	// A failure is reported when the structure it relies on is confirmed next to it: the same
	// row adds up in another column, or the same column adds up on another row.
	okRow, okCol := map[int]map[int]bool{}, map[int]map[int]bool{}
	for _, ch := range checks {
		if ch.ok {
			if okRow[ch.row] == nil {
				okRow[ch.row] = map[int]bool{}
			}
			if okCol[ch.col] == nil {
				okCol[ch.col] = map[int]bool{}
			}
			okRow[ch.row][ch.col] = true
			okCol[ch.col][ch.row] = true
		}
	}
	confirmed := func(ch sumCheck[N]) bool {
		for c := range okRow[ch.row] {
			if c != ch.col {
				return true
			}
		}
		for r := range okCol[ch.col] {
			if r != ch.row {
				return true
			}
		}
		return false
	}
	byRow := map[int][]sumCheck[N]{}
	for _, ch := range checks {
		if !ch.ok && confirmed(ch) {
			byRow[ch.row] = append(byRow[ch.row], ch)
		}
	}
	rows := make([]int, 0, len(byRow))
	for r := range byRow {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	for _, r := range rows {
		var parts []string
		seen := map[int]bool{}
		for _, ch := range byRow[r] {
			if seen[ch.col] {
				continue
			}
			seen[ch.col] = true
			what := ch.what
			if ch.a >= 0 {
				what = fmt.Sprintf("%q + %q", columnName(t, ch.a), columnName(t, ch.b))
			}
			// The cell as written gives the scale of the message (a failing check is on a
			// number, read without error before).
			got, _ := decimal.NewFromString(*t.Rows[ch.row].Values[ch.col])
			scale := max(-got.Exponent(), 0)
			parts = append(parts, fmt.Sprintf("column %q: %s, but %s is %s", columnName(t, ch.col), got.StringFixed(scale), what, dec(ch.want).StringFixed(scale)))
		}
		d.diag(SevWarning, codeTableSum, t.Rows[r].Pos,
			fmt.Sprintf("table %s, row %q: %s", tableName(t), t.Rows[r].Label, strings.Join(parts, "; ")))
	}
}

// readFixed reads a value written -?[0-9]+(\.[0-9]+)? as its digits without the point and the
// count of decimals; false for any other form, or more than 15 digits.
func readFixed(s string) (v int64, frac int, ok bool) {
	i, neg := 0, false
	if i < len(s) && s[i] == '-' {
		i, neg = 1, true
	}
	digits, point := 0, -1
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits++
			if digits > 15 {
				return 0, 0, false
			}
			v = v*10 + int64(c-'0')
			if point >= 0 {
				frac++
			}
		case c == '.' && point < 0 && digits > 0 && i+1 < len(s):
			point = i
		default:
			return 0, 0, false
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	if neg {
		v = -v
	}
	return v, frac, true
}

// tableFixed reads the values of a table as fixed at one scale, the most decimals of any
// value; nil where a cell is empty. False when a value is not a plain decimal (readFixed), when
// the scale or a scaled value or the rows pass the bounds that keep the sums exact: the caller
// then reads the table as decimals.
func tableFixed(t *Table) ([][]*fixed, int, bool) { return new(fixedBuf).read(t) }

// fixedBuf holds the arrays tableFixed reads a table into. The values are read by the checks
// of the table and done with once it is reported (checkTable): a document's tables share one
// (tabScratch).
type fixedBuf struct {
	back []fixed
	ptrs []*fixed
	out  [][]*fixed
}

// read is tableFixed in b's arrays, which it overwrites.
func (b *fixedBuf) read(t *Table) ([][]*fixed, int, bool) {
	if len(t.Rows) > maxFixedRows {
		return nil, 0, false
	}
	// Each value is read once: the first pass keeps it, unscaled, and its decimals (on the
	// stack for most tables), the second scales it in place.
	scale := 0
	// back is never grown past its room: out points into it.
	back := grownTo(b.back, len(t.Rows)*len(t.Columns))
	b.back = back
	var fracBuf [256]uint8
	fracs := fracBuf[:0]
	for _, r := range t.Rows {
		for c := range t.Columns {
			if c >= len(r.Values) || r.Values[c] == nil {
				continue
			}
			v, frac, ok := readFixed(*r.Values[c])
			if !ok {
				return nil, 0, false
			}
			scale = max(scale, frac)
			back = append(back, fixed(v))
			fracs = append(fracs, uint8(frac))
		}
	}
	if scale > maxFixedScale {
		return nil, 0, false
	}
	out := grownTo(b.out, len(t.Rows))[:len(t.Rows)]
	ptrs := cleared(b.ptrs, len(t.Rows)*len(t.Columns))
	b.out, b.ptrs = out, ptrs
	k := 0
	for i, r := range t.Rows {
		out[i] = ptrs[i*len(t.Columns) : (i+1)*len(t.Columns) : (i+1)*len(t.Columns)]
		for c := range t.Columns {
			if c >= len(r.Values) || r.Values[c] == nil {
				continue
			}
			v := int64(back[k])
			for f := int(fracs[k]); f < scale; f++ {
				if v >= fixedLimit || v <= -fixedLimit {
					return nil, 0, false // checked at each step: v*10 must not wrap
				}
				v *= 10
			}
			if v >= fixedLimit || v <= -fixedLimit {
				return nil, 0, false
			}
			back[k] = fixed(v)
			out[i][c] = &back[k]
			k++
		}
	}
	return out, scale, true
}

// tableDecimals reads the values of a table as decimals; nil where a cell is empty or not a
// number.
func tableDecimals(t *Table) [][]*decimal.Decimal {
	// One backing array for the rows and one for the values, rather than one of each per row
	// and per cell: the checks only read them.
	out := make([][]*decimal.Decimal, len(t.Rows))
	ptrs := make([]*decimal.Decimal, len(t.Rows)*len(t.Columns))
	var back []decimal.Decimal
	for i, r := range t.Rows {
		out[i] = ptrs[i*len(t.Columns) : (i+1)*len(t.Columns) : (i+1)*len(t.Columns)]
		for c := range t.Columns {
			if c >= len(r.Values) || r.Values[c] == nil {
				continue
			}
			if v, err := decimal.NewFromString(*r.Values[c]); err == nil {
				if back == nil {
					back = make([]decimal.Decimal, 0, len(t.Rows)*len(t.Columns))
				}
				back = append(back, v)
				out[i][c] = &back[len(back)-1]
			}
		}
	}
	return out
}

// columnIsRate reports whether a column holds percentages, which are not summed.
func columnIsRate(t *Table, c int) bool {
	return c < len(t.Units) && t.Units[c] == "%"
}

// sumChecks checks column c of the rows against its subtotals and totals. A subtotal is the
// sum of the lines since the previous subtotal (or, for a cumulative subtotal, since the
// previous total); a total is the sum of the subtotals since the previous total, with the lines
// after the last subtotal, or the sum of all the lines since the previous total. The checks are
// appended to out, so that a table's checks grow one slice rather than one each and a copy.
func sumChecks[N number[N]](out []sumCheck[N], t *Table, vals [][]*N, c int) []sumCheck[N] {
	var group, run, subs, zero N
	groupN, runN, subN := 0, 0, 0
	for i, r := range t.Rows {
		v := vals[i][c]
		switch r.Kind {
		case RowLine:
			if v != nil {
				group, run = group.Add(*v), run.Add(*v)
				groupN++
				runN++
			}
		case RowSubtotal:
			if v != nil && groupN > 0 {
				ok := (*v).Equal(group) || (*v).Equal(run)
				out = append(out, sumCheck[N]{row: i, col: c, ok: ok, want: group, what: "the sum of the lines above it", a: -1})
			}
			if v != nil {
				subs = subs.Add(*v)
				subN++
			}
			group, groupN = zero, 0
		case RowTotal:
			if v != nil && (subN > 0 || runN > 0) {
				want := subs.Add(group)
				what := "the sum of the subtotals"
				if subN == 0 {
					want, what = run, "the sum of the lines"
				}
				ok := (*v).Equal(want) || (*v).Equal(subs) || (runN > 0 && (*v).Equal(run))
				out = append(out, sumCheck[N]{row: i, col: c, ok: ok, want: want, what: what, a: -1})
			}
			group, run, subs = zero, zero, zero
			groupN, runN, subN = 0, 0, 0
		}
	}
	return out
}

// relationChecks finds a column that is the sum of two others (SM + EPIC = total) on every row
// but one, and reports that row. Three rows at least must show the relation, rows of zeros
// aside, so that chance does not make one. The checks are appended to out.
func relationChecks[N number[N]](out []sumCheck[N], t *Table, vals [][]*N) []sumCheck[N] {
	n := len(t.Columns)
	if n < 3 {
		return out
	}
	// One buffer of each for every triple of columns, on the stack for most tables: out copies
	// what it keeps. A triple stops at its second failure.
	var holdBuf [64]int
	var failBuf [2]sumCheck[N]
	holds, fails := holdBuf[:0], failBuf[:0]
	for tc := 0; tc < n; tc++ {
		if columnIsRate(t, tc) {
			continue
		}
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				if a == tc || b == tc || columnIsRate(t, a) || columnIsRate(t, b) {
					continue
				}
				holds, fails = holds[:0], fails[:0]
				for i := range t.Rows {
					x, y, z := vals[i][a], vals[i][b], vals[i][tc]
					if x == nil || y == nil || z == nil {
						continue
					}
					if (*x).IsZero() && (*y).IsZero() && (*z).IsZero() {
						continue
					}
					want := (*x).Add(*y)
					if (*z).Equal(want) {
						holds = append(holds, i)
					} else {
						fails = append(fails, sumCheck[N]{row: i, col: tc, want: want, a: a, b: b})
						if len(fails) > 1 {
							break // two failures: the relation does not hold, whatever follows
						}
					}
				}
				if len(holds) >= 2 && len(holds)+len(fails) >= 3 && len(fails) <= 1 {
					out = slices.Grow(out, len(holds)+len(fails))
					for _, i := range holds {
						out = append(out, sumCheck[N]{row: i, col: tc, ok: true})
					}
					out = append(out, fails...)
				}
			}
		}
	}
	return out
}

// columnName names a value column for messages.
func columnName(t *Table, c int) string {
	if c < len(t.Columns) && t.Columns[c] != "" {
		return t.Columns[c]
	}
	return fmt.Sprintf("#%d", c+1)
}

// tableName names a table for messages: its title and section, or its position.
func tableName(t *Table) string {
	var parts []string
	if t.Title != nil {
		parts = append(parts, *t.Title)
	}
	if t.Section != nil {
		parts = append(parts, *t.Section)
	}
	if len(parts) == 0 {
		return fmt.Sprintf("at %s", t.Pos)
	}
	return fmt.Sprintf("%q", strings.Join(parts, " / "))
}
