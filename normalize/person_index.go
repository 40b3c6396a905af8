package normalize

import "hash/maphash"

// nameIndex maps strings (the folded keys and words of names) to int32 values: an open-addressing
// table probed linearly, which a list reader asks a few times for every entry it reads. A Go map
// cost about three times as much a look-up (its groups and control bytes), and an insertion
// looked the key up twice (once to ask whether it was there). The zero value is an empty index.
type nameIndex struct {
	slots []nameSlot // a power of two of them, at most three quarters full; nil when empty
	n     int
}

// nameSlot is one cell of a nameIndex: h is the key's hash with its low bit set, 0 when the cell
// is empty, so that most cells of another key are passed without comparing strings.
type nameSlot struct {
	key string
	h   uint32
	v   int32
}

// nameSeed seeds the hashes of every nameIndex. Only look-ups read the hashes, never an order,
// so the seed chosen at each run changes nothing the index answers.
var nameSeed = maphash.MakeSeed()

// nameHash is the hash of s in a slot: never 0 (its low bit set; the cell is told by the others).
func nameHash(s string) uint32 { return uint32(maphash.String(nameSeed, s)) | 1 }

// reserve sizes an empty index for n keys.
func (x *nameIndex) reserve(n int) {
	if x.n > 0 || 4*n <= 3*len(x.slots) {
		return
	}
	size := 8
	for 3*size < 4*n {
		size *= 2
	}
	x.slots = make([]nameSlot, size)
}

// get returns the value of key s.
func (x *nameIndex) get(s string) (int32, bool) {
	if x.n == 0 {
		return 0, false
	}
	h := nameHash(s)
	mask := uint32(len(x.slots) - 1)
	for i := h >> 1 & mask; ; i = (i + 1) & mask {
		sl := &x.slots[i]
		if sl.h == 0 {
			return 0, false
		}
		if sl.h == h && sl.key == s {
			return sl.v, true
		}
	}
}

// put returns the cell of the value of key s, and whether s was there; a key not there is
// added with the value 0. The cell is good until the next put.
func (x *nameIndex) put(s string) (v *int32, found bool) {
	if 4*(x.n+1) > 3*len(x.slots) {
		x.grow()
	}
	h := nameHash(s)
	mask := uint32(len(x.slots) - 1)
	for i := h >> 1 & mask; ; i = (i + 1) & mask {
		sl := &x.slots[i]
		if sl.h == 0 {
			sl.key, sl.h = s, h
			x.n++
			return &sl.v, false
		}
		if sl.h == h && sl.key == s {
			return &sl.v, true
		}
	}
}

// reset empties x and keeps its cells.
func (x *nameIndex) reset() {
	clear(x.slots)
	x.n = 0
}

// grow doubles the table (or makes its first), moving every key to its new cell.
func (x *nameIndex) grow() {
	old := x.slots
	size := max(8, 2*len(old))
	x.slots = make([]nameSlot, size)
	mask := uint32(size - 1)
	for _, sl := range old {
		if sl.h == 0 {
			continue
		}
		i := sl.h >> 1 & mask
		for x.slots[i].h != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = sl
	}
}
