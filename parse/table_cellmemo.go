package parse

import "math/bits"

// cellMemo is the table of a document's cells already read (cellCache): open addressing on a
// hash of a cell's length and its first and last eight bytes. A table of a few hundred cells is
// asked for them some thousand times; Go's map hashes the whole string with every look-up,
// which cost more than the rest of the look-up. TestCellMemo and FuzzCellMemo check it against
// a map.
type cellMemo struct {
	slots []cellSlot // a power of two of them, made at the first cell put; nil before
	n     int        // cells held
	shift uint       // 64 - log2(len(slots)): a hash's top bits index the table
	hint  int        // the cells expected, for the first size
	// spare is the table of an earlier document (tabScratch), taken by the first grow that
	// fits in it: a document's cells cost no allocation once the pool holds a table as large.
	spare []cellSlot
}

// cellSlot is one place of a cellMemo; key is "" in a free one (no cell read is empty).
type cellSlot struct {
	key string
	cellRead
}

// newCellCache returns an empty cache expecting hint cells.
func newCellCache(hint int) *cellMemo { return &cellMemo{hint: hint} }

// reset empties m for a new document expecting hint cells, keeping its largest table as the
// spare.
func (m *cellMemo) reset(hint int) {
	spare := m.slots
	if cap(m.spare) > cap(spare) {
		spare = m.spare
	}
	*m = cellMemo{hint: hint, spare: spare[:0]}
}

// cellHash mixes the length and the outer bytes of s.
func cellHash(s string) uint64 {
	h := uint64(len(s))
	if len(s) >= 8 {
		h ^= leWord(s) ^ bits.RotateLeft64(leWord(s[len(s)-8:]), 29)
	} else {
		for i := 0; i < len(s); i++ {
			h = h<<8 | uint64(s[i])
		}
	}
	return h * 0x9e3779b97f4a7c15
}

// get returns the cell s as read, and whether it is held.
func (m *cellMemo) get(s string) (cellRead, bool) {
	if m.n == 0 {
		return cellRead{}, false
	}
	mask := len(m.slots) - 1
	for i := int(cellHash(s) >> m.shift); ; i = (i + 1) & mask {
		sl := &m.slots[i]
		if sl.key == "" {
			return cellRead{}, false
		}
		if sl.key == s {
			return sl.cellRead, true
		}
	}
}

// put holds r as the reading of the cell s, which is not empty.
func (m *cellMemo) put(s string, r cellRead) {
	if (m.n+1)*4 > len(m.slots)*3 {
		m.grow()
	}
	mask := len(m.slots) - 1
	for i := int(cellHash(s) >> m.shift); ; i = (i + 1) & mask {
		sl := &m.slots[i]
		if sl.key == "" {
			*sl = cellSlot{s, r}
			m.n++
			return
		}
		if sl.key == s {
			sl.cellRead = r
			return
		}
	}
}

// maxSpareSlots bounds the first size a spare gives the table (40 KB of slots): a document of
// few cells after one of many clears no more than that.
const maxSpareSlots = 1 << 10

// grow doubles the table (at first, makes it room for the hint at three quarters full, or
// the whole spare when it is larger: the table's size changes no answer, and a table grown
// from the spare leaves a new array behind each time) and puts its cells back.
func (m *cellMemo) grow() {
	size := 2 * len(m.slots)
	if size == 0 {
		size = 16
		for size*3 < m.hint*4 {
			size *= 2
		}
		for c := min(cap(m.spare), maxSpareSlots); size*2 <= c; {
			size *= 2
		}
	}
	old := m.slots
	if cap(m.spare) >= size {
		m.slots, m.spare = cleared(m.spare, size), nil
	} else {
		m.slots = make([]cellSlot, size)
	}
	m.shift = uint(64 - bits.TrailingZeros(uint(size)))
	m.n = 0
	for _, sl := range old {
		if sl.key != "" {
			m.put(sl.key, sl.cellRead)
		}
	}
}
