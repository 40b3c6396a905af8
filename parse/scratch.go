package parse

import (
	"slices"
	"sync"
	"sync/atomic"

	"minutes/normalize"
)

// scratch holds the buffers of one parse that the record never points into: the folded lines
// and the per-line memos. They are most of what a parse allocates (the record keeps a fifth of
// it), and a buffer allocated afresh for each document made the collector run five times as
// often; scratchPool hands them from one document to the next instead.
//
// A buffer belongs here only when nothing of the record can point into it: a string of the
// record cut from the folded text must be copied (strings.Clone) before the parse ends. Every
// slice reachable from scratch's fields (through structs and slices, not pointers) belongs to
// it alone. The package's tests poison all of them on release (poisonScratch), so that a record
// pointing into one, or a reader trusting what a buffer held before it was taken, shows as a
// changed output in every golden, equivalence and fuzz test.
type scratch struct {
	fold   []byte   // the folded lines' bytes (foldLines)
	folded []string // doc.folded
	used   []bool   // doc.used
	// people is doc.people, Reset for each document: its indexes and people keep their room.
	people normalize.People
	// Each area's buffers, in its own file.
	sec  secScratch
	body bodyScratch
	tab  tabScratch
}

// scratchPool keeps the scratch of the documents parsed.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// scratchKeep is the most folded bytes of a scratch put back into scratchPool: a rare huge
// document's buffers go with it rather than stay in the pool.
const scratchKeep = 1 << 20

// poisonScratch, set by the package's tests only, overwrites a scratch on release (see
// scratch_test.go): a record pointing into one of its buffers then prints differently.
var poisonScratch atomic.Pointer[func(*scratch)]

// takeScratch sets d's folded and used to n empty lines, from s, and readies each
// area's buffers.
func (d *doc) takeScratch(s *scratch, n int) {
	s.folded = cleared(s.folded, n)
	s.used = cleared(s.used, n)
	d.scratch, d.folded, d.used = s, s.folded, s.used
	s.people.Reset()
	d.people, s.people = s.people, normalize.People{}
	s.sec.take(d, n)
	s.body.take(d, n)
	s.tab.take(d, n)
}

// The helpers below hand out buffers from the scratch's arrays, for every area.

// cleared is s cut or grown to n zero values.
func cleared[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// grownTo is s emptied with room for n elements at least; its elements are not cleared (the
// caller writes each before reading it).
func grownTo[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// carve is n zero values cut from the end of the array of arena, which moves to a new array,
// twice as large at least, when it has no room: the values cut before stay valid, as views of
// the old array that nothing writes again. A reader carves what it only uses during the
// parse; the arenas are emptied when the next document takes the scratch.
func carve[T any](arena *[]T, n int) []T {
	a := *arena
	// A nil arena is made too, so that even n == 0 gives a non-nil slice (a make with no
	// room allocates nothing).
	if cap(a)-len(a) < n || a == nil {
		a = make([]T, 0, max(n, 2*cap(a)))
	}
	out := a[len(a) : len(a)+n : len(a)+n]
	clear(out)
	*arena = a[:len(a)+n]
	return out
}

// ownCopy is a copy of s in an array of its size; nil when s is empty.
func ownCopy[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// release puts d's scratch back into the pool once the record is finished: no reader runs
// after, and the record points into none of it.
func (d *doc) release() {
	s := d.scratch
	d.scratch, d.folded, d.used = nil, nil, nil
	if s == nil {
		return
	}
	s.people, d.people = d.people, normalize.People{}
	s.sec.keep(d)
	s.body.keep(d)
	s.tab.keep(d)
	if poison := poisonScratch.Load(); poison != nil {
		(*poison)(s)
	}
	if cap(s.fold) > scratchKeep {
		return
	}
	scratchPool.Put(s)
}
