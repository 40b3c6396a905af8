package parse

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// uniqueSplitRef is uniqueSplit before round 11, adding decimals for every mask: the reference
// of uniqueSplit, which adds int64s when the amounts are short enough (uniqueSplitInt).
func uniqueSplitRef(rows []flatLine, group []int, totals []string) ([]int, bool) {
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

// checkUniqueSplit fails unless uniqueSplit answers as uniqueSplitRef on the amounts (one a
// row) and the two totals.
func checkUniqueSplit(t *testing.T, amounts []string, totals []string) {
	t.Helper()
	rows := make([]flatLine, len(amounts))
	group := make([]int, len(amounts))
	for i, a := range amounts {
		rows[i].amounts = []string{a}
		group[i] = i
	}
	got, ok := uniqueSplit(rows, group, totals)
	want, wantOK := uniqueSplitRef(rows, group, totals)
	if ok != wantOK || !reflect.DeepEqual(got, want) {
		t.Errorf("uniqueSplit(%q, %q) = %v, %v; reference %v, %v", amounts, totals, got, ok, want, wantOK)
	}
}

func TestUniqueSplit(t *testing.T) {
	tests := []struct {
		name            string
		amounts, totals []string
	}{
		{"one way", []string{"1 200,00", "300,50", "99"}, []string{"1 299,00", "300,50"}},
		{"two ways", []string{"100", "100"}, []string{"100", "100"}},
		{"none", []string{"100", "200"}, []string{"50", "250"}},
		{"scales differ", []string{"1,5", "2,25", "10"}, []string{"11,50", "2,250"}},
		{"negative", []string{"(1 200,00)", "- 1.697€", "500"}, []string{"-697", "-1200"}},
		{"percent and euros", []string{"12 %", "7,50 € HT"}, []string{"12", "7.5"}},
		{"not a number", []string{"Néant", "12"}, []string{"12", "0"}},
		{"total not a number", []string{"12"}, []string{"12", "-"}},
		{"zero total", []string{"0,00", "-0,00"}, []string{"0", "0"}},
		{"long amounts", []string{"123 456 789 012 345 678,91", "1"}, []string{"123 456 789 012 345 678,91", "1"}},
		{"long decimals", []string{"0," + strings.Repeat("1", 16), "1"}, []string{"0," + strings.Repeat("1", 16), "1,0"}},
		{"fifteen digits", []string{"999 999 999 999 999", "1"}, []string{"999 999 999 999 999", "1"}},
		{"multiplier", []string{"2,5 M€", "1"}, []string{"2 500 000", "1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkUniqueSplit(t, tc.amounts, tc.totals)
		})
	}
}

// FuzzUniqueSplit checks uniqueSplit against uniqueSplitRef on up to six amounts parted by
// "|" and two totals.
func FuzzUniqueSplit(f *testing.F) {
	f.Add("1 200,00|300,50|99", "1 299,00", "300,50")
	f.Add("1,5|2,25|10", "11,50", "2,250")
	f.Add("100|100", "100", "100")
	f.Add("(1 200,00)|- 1.697€|500", "-697", "-1200")
	f.Add("999 999 999 999 999|1", "999 999 999 999 999", "1")
	f.Fuzz(func(t *testing.T, amounts, a, b string) {
		cells := strings.Split(amounts, "|")
		if len(cells) > 6 {
			cells = cells[:6]
		}
		checkUniqueSplit(t, cells, []string{a, b})
	})
}
