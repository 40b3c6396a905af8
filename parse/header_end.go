package parse

// meetingEndAndNext looks for its words on every line from the last one up, and mostly finds
// none: most lines are read to no purpose. The lines past the header are read once for the
// words of the readers of the tail (tailWords), and only the few that hold some are visited.

// endHit is a place where words of an automaton end: the offset of their last byte in the
// text read, and the move that reached it (flagged with litEnds).
type endHit struct {
	at int
	s  uint16
}

// endWordsDown calls visit with each line that holds words of endIndex, from the last line up,
// and the bits of those words (endWords(i)), until visit returns false. The lines past the
// remembered ones are those of tailWords; the others', by endWords.
func (d *doc) endWordsDown(visit func(i int, w uint64) bool) {
	tail := d.tailWords()
	for k := len(tail) - 1; k >= 0; k-- {
		if w := tail[k].w & twEnd; w != 0 && !visit(int(tail[k].line), w) {
			return
		}
	}
	for i := min(d.attendanceScanLimit(), len(d.lines)) - 1; i >= 0; i-- {
		if w := d.endWords(i); w != 0 && !visit(i, w) {
			return
		}
	}
}
