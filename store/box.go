package store

import "unsafe"

// An interface holding a string points at a copy of the string's header: boxing a string
// (any(s)) allocates that copy, sixteen bytes of their own that the collector tracks, and a
// document hands the driver some six hundred strings. Prepare instead copies the headers into
// chunks of its own, one allocation for many, and makes each interface point into its chunk.
// A chunk is never written again once an interface points into it, nor reused for another
// document (the index's entries outlive the Prepared, waiting in DB.waiting): it lives, like
// any boxed value, as long as some interface refers to it. TestBoxString checks that such an
// interface is a string like any other.

// boxChunk is how many strings a chunk holds: a fifth of a document's, so that little of
// the last chunk goes unused.
const boxChunk = 128

// box returns s as an interface, its header kept in p's current chunk.
func (p *Prepared) box(s string) any {
	if s == "" {
		return "" // boxed without an allocation
	}
	if len(p.strs) == cap(p.strs) {
		p.strs = make([]string, 0, boxChunk)
	}
	p.strs = append(p.strs, s)
	return stringAt(&p.strs[len(p.strs)-1])
}

// stringAt returns an interface holding the string at sp, sp itself as its data word: an
// interface is a type word and a pointer to the value, as the runtime lays it out (its
// internal/abi.EmptyInterface). sp must not be written again.
func stringAt(sp *string) any {
	v := any("") // the type word of a string
	(*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] = unsafe.Pointer(sp)
	return v
}

// ns boxes an optional string: NULL when absent.
func (p *Prepared) ns(s *string) any {
	if s == nil {
		return nil
	}
	return p.box(*s)
}

// nonEmpty boxes an omitted ("omitempty") string as NULL.
func (p *Prepared) nonEmpty(s string) any {
	if s == "" {
		return nil
	}
	return p.box(s)
}
