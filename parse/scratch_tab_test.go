package parse

import (
	"strconv"
	"strings"
	"testing"
)

// dirtySlots is a table of n slots holding cells no document reads, as a spare left by an
// earlier document (and poisoned) would.
func dirtySlots(n int) []cellSlot {
	s := make([]cellSlot, n)
	for i := range s {
		s[i] = cellSlot{key: "\xff" + strconv.Itoa(i), cellRead: cellRead{digits: "\xff", unit: 255, ok: true}}
	}
	return s
}

// checkCellMemoSpare is checkCellMemo on a memo reset over a dirty spare of spare slots: the
// spare's size and content must change no answer.
func checkCellMemoSpare(t *testing.T, cells string, hint, spare int) {
	t.Helper()
	m := &cellMemo{slots: dirtySlots(spare), n: -1, shift: 3, hint: -1, spare: dirtySlots(spare / 2)}
	m.reset(hint)
	if cap(m.spare) < spare {
		t.Fatalf("reset kept a spare of %d slots, want the larger one (%d)", cap(m.spare), spare)
	}
	ref := map[string]cellRead{}
	list := strings.Split(cells, "|")
	for k, c := range list {
		if c == "" {
			continue
		}
		r := cellRead{digits: strconv.Itoa(k), unit: uint8(k % 4), ok: k%3 != 0}
		m.put(c, r)
		ref[c] = r
	}
	for _, q := range append(list, "\xff0", "\xff1") {
		if q == "" {
			continue
		}
		got, ok := m.get(q)
		want, wok := ref[q]
		if got != want || ok != wok {
			t.Fatalf("get(%q) = %+v, %v; want %+v, %v", q, got, ok, want, wok)
		}
	}
	if m.n != len(ref) {
		t.Errorf("the table holds %d cells, want %d", m.n, len(ref))
	}
}

func TestCellMemoSpare(t *testing.T) {
	var many []string
	for i := range 900 {
		many = append(many, strconv.Itoa(i*7919)+" 000,00")
	}
	cases := []struct {
		name        string
		cells       string
		hint, spare int
	}{
		{"no spare", "16|30 000,00|16|011", 0, 0},
		{"spare larger than needed", "16|30 000,00|16|011", 0, 512},
		{"spare past the bound", "16|30 000,00|16|011", 4, 4 * maxSpareSlots},
		{"spare smaller than the hint", strings.Join(many[:100], "|"), 200, 32},
		{"grows past the spare", strings.Join(many, "|"), 0, 64},
		{"odd spare", strings.Join(many[:50], "|"), 0, 100},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkCellMemoSpare(t, c.cells, c.hint, c.spare) })
	}
}

func FuzzCellMemoSpare(f *testing.F) {
	f.Add("16|30 000,00|16|011", 0, 64)
	f.Add("12345678 x 12345678|12345678 y 12345678", 40, 7)
	f.Fuzz(func(t *testing.T, cells string, hint, spare int) {
		if len(cells) > 4000 || hint < 0 || hint > 1000 || spare < 0 || spare > 5000 {
			return
		}
		checkCellMemoSpare(t, cells, hint, spare)
	})
}

// TestScratchOrders reads every document at hand after two others, its buffers left by them
// (larger or smaller, with tables or none): its record must be the one it has read with fresh
// buffers.
func TestScratchOrders(t *testing.T) {
	srcs := scratchSources(t)
	want := make([]string, len(srcs))
	for i, src := range srcs {
		scratchPool.Put(new(scratch))
		want[i] = string(mustJSON(t, Minutes(src)))
	}
	for _, k := range []int{1, len(srcs) / 2} {
		for j, src := range srcs {
			before := srcs[(j+k)%len(srcs)]
			scratchPool.Put(new(scratch))
			Minutes(before)
			if got := string(mustJSON(t, Minutes(src))); got != want[j] {
				t.Errorf("%s read after %s differs from %s read alone", src.Name, before.Name, src.Name)
			}
		}
	}
}
