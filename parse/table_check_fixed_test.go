package parse

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// fuzzTable makes a table from text: a line a row, "kind|v1|v2|…" with kind L, S or T (line,
// subtotal, total) and an empty value for an empty cell; a trailing '%' on the first line's
// kind marks the last column as a rate.
func fuzzTable(s string) *Table {
	t := &Table{}
	for i, line := range strings.Split(s, "\n") {
		f := strings.Split(line, "|")
		if i == 0 {
			t.Columns = make([]string, max(len(f)-1, 0))
			t.Units = make([]string, len(t.Columns))
			if strings.HasSuffix(f[0], "%") && len(t.Units) > 0 {
				t.Units[len(t.Units)-1] = "%"
			}
		}
		r := Row{Label: f[0], Kind: RowLine}
		switch strings.TrimSuffix(f[0], "%") {
		case "S":
			r.Kind = RowSubtotal
		case "T":
			r.Kind = RowTotal
		}
		for _, v := range f[1:] {
			if v == "" {
				r.Values = append(r.Values, nil)
			} else {
				r.Values = append(r.Values, &v)
			}
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// checkTableDecimal is checkTable as it was before the fixed reading: every table in decimals.
func checkTableDecimal(d *doc, t *Table) {
	report(d, t, tableChecks(t, tableDecimals(t)), func(v decimal.Decimal) decimal.Decimal { return v })
}

func TestCheckTableFixed(t *testing.T) {
	for _, tc := range []struct {
		name, table string
		fixed       bool
		diags       int // diagnostics expected, so that the messages are compared too
	}{
		{"sums", "L|1.5|2|3.5\nL|2|3|5\nL|4|4|8\nT|7.5|9|16.5", true, 0},
		{"wrong total", "L|1.5|2|3.5\nL|2|3|5\nL|4|4|8\nS|7.5|9|16\nT|7.50|9|16.5", true, 1},
		{"relation fails once", "L|1|2|3\nL|2|3|5\nL|4|4|9\nL|5|5|10", true, 1},
		{"exponent", "L|1e3|2|3\nL|2|3|5\nT|3|5|8", false, 2},
		{"too many decimals", "L|1.0000001|2|3\nL|2|3|5\nT|3|5|8", false, 2},
		{"too large", "L|1234567890123456|2|3", false, 0},
		{"large once scaled", "L|123456789012345|2.5|3", false, 0},
	} {
		tbl := fuzzTable(tc.table)
		if _, _, ok := tableFixed(tbl); ok != tc.fixed {
			t.Errorf("%s: tableFixed ok = %v, want %v", tc.name, ok, tc.fixed)
		}
		got, want := &doc{rec: &Record{}}, &doc{rec: &Record{}}
		got.checkTable(tbl)
		checkTableDecimal(want, tbl)
		if len(got.rec.Diagnostics) != tc.diags {
			t.Errorf("%s: %d diagnostics (%v), want %d", tc.name, len(got.rec.Diagnostics), got.rec.Diagnostics, tc.diags)
		}
		if !reflect.DeepEqual(got.rec.Diagnostics, want.rec.Diagnostics) {
			t.Errorf("%s: diagnostics %v, want %v", tc.name, got.rec.Diagnostics, want.rec.Diagnostics)
		}
	}
}

func FuzzCheckTableFixed(f *testing.F) {
	for _, s := range []string{
		"L|1.5|2|3.5\nL|2|3|5\nL|4|4|8\nS|7.5|9|16\nT|7.50|9|16.5",
		"L|1|2|3\nL|2|3|5\nL|4|4|9\nL|5|5|10",
		"L|-1.25|2|0.75\nL|0|0|0\nS|-1.25|2|0.8\nL|3|4|7\nT|1.75|6|7.75",
		"L%|1|2|3\nL|2|3|5\nT|3|5|8",
		"L|999999999999999|1|2\nL|1|1|2\nT|1000000000000000|2|4",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tbl := fuzzTable(s)
		got, want := &doc{rec: &Record{}}, &doc{rec: &Record{}}
		got.checkTable(tbl)
		checkTableDecimal(want, tbl)
		if !reflect.DeepEqual(got.rec.Diagnostics, want.rec.Diagnostics) {
			t.Errorf("checkTable(%q): %v, want %v", s, got.rec.Diagnostics, want.rec.Diagnostics)
		}
	})
}
