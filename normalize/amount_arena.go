package normalize

import "unsafe"

// DigitArena holds the Digits strings of the amounts that FindAmountDigitsIn finds, written end
// to end in one buffer rather than allocated one by one: a document's amounts cost an
// allocation or two, not one each. Each string views its bytes in the buffer (unsafe.String),
// which is safe because a byte is never written again once a string views it: the buffer only
// grows by append within its capacity, and when that is used up a new buffer is made, the old
// one kept by the strings that view it. The zero value is ready to use; an arena may serve any
// number of texts, but not two goroutines at once.
type DigitArena struct {
	buf []byte
}

// digitArenaChunk is the size of an arena's first buffer, room for the amounts of most
// documents (ten bytes or so each); each next buffer is twice as large as the one before.
const digitArenaChunk = 128

// digits returns n.digits(s, neg), written in the arena.
func (ar *DigitArena) digits(n numSpan, s string, neg bool) string {
	if room := n.digitsRoom(); cap(ar.buf)-len(ar.buf) < room {
		ar.buf = make([]byte, 0, max(digitArenaChunk, 2*cap(ar.buf), room))
	}
	start := len(ar.buf)
	ar.buf = n.appendDigits(ar.buf, s, neg)
	if len(ar.buf) == start {
		return ""
	}
	return unsafe.String(&ar.buf[start], len(ar.buf)-start)
}

// FindAmountDigitsIn is FindAmountDigitsFrom with the Digits of the amounts written in ar (see
// DigitArena) rather than allocated each.
func FindAmountDigitsIn(buf []Match, ar *DigitArena, text string, from int) []Match {
	clear(buf)
	return findAmountsIn(buf[:0], text, true, max(from, 0), ar)
}
