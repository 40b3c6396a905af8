package parse

import (
	"strconv"
	"strings"
	"testing"
)

// checkCellMemo puts the cells of cells (apart by "|") one after the other into a cellMemo
// and a map, reading every cell after each put: both must hold the same.
func checkCellMemo(t *testing.T, cells string, hint int) {
	t.Helper()
	m, ref := newCellCache(hint), map[string]cellRead{}
	list := strings.Split(cells, "|")
	for k, c := range list {
		if c == "" {
			continue
		}
		r := cellRead{digits: strconv.Itoa(k), unit: uint8(k % 4), ok: k%3 != 0}
		m.put(c, r)
		ref[c] = r
		for _, q := range list {
			got, ok := m.get(q)
			want, wok := ref[q]
			if q == "" {
				continue
			}
			if got != want || ok != wok {
				t.Fatalf("after %d puts, get(%q) = %+v, %v; want %+v, %v", k+1, q, got, ok, want, wok)
			}
		}
	}
	if m.n != len(ref) {
		t.Errorf("the table holds %d cells, want %d", m.n, len(ref))
	}
}

func TestCellMemo(t *testing.T) {
	var many []string
	for i := range 300 {
		many = append(many, strconv.Itoa(i*7919)+" 000,00", strconv.Itoa(i))
	}
	cases := []struct {
		name  string
		cells string
		hint  int
	}{
		{"few", "16|30 000,00|16|011|1 060 318,76", 0},
		{"same again", "a|a|a", 4},
		{"growth", strings.Join(many, "|"), 0},
		{"hinted", strings.Join(many, "|"), 256},
		{"outer bytes alike", "12345678 x 12345678|12345678 y 12345678|12345678  12345678|1234567|12345678", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkCellMemo(t, c.cells, c.hint) })
	}
	if _, ok := newCellCache(8).get("12"); ok {
		t.Error("an empty cache holds a cell")
	}
}

func FuzzCellMemo(f *testing.F) {
	f.Add("16|30 000,00|16|011", 0)
	f.Add("12345678 x 12345678|12345678 y 12345678", 40)
	f.Fuzz(func(t *testing.T, cells string, hint int) {
		if len(cells) > 4000 || hint < 0 || hint > 1000 {
			return
		}
		checkCellMemo(t, cells, hint)
	})
}
