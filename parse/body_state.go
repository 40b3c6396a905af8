package parse

// bodyState memoizes, for one document, what the body reader computes more than once: the vote
// reading of a line (asked when splitting paragraphs and when reading decisions) and the person
// a speaker's mention links to.
type bodyState struct {
	trigs    []trig
	trigDone []bool
	// stems memoizes scanStems of each folded line (stemsDone marks the lines done): the clause
	// reader and the vote reader both look for stems in the same lines.
	stems     []uint64
	stemsDone []bool
	speakers  map[string]*string
	// agendaLine marks the lines the agenda was read from (nil when there is no agenda).
	agendaLine []bool
	// clauseOf memoizes the decision sentences of a paragraph, by its first line: 0 when not
	// read yet, 1 when it holds none, else 2 + their index in clauseLists. A slice by line
	// costs less than a map grown paragraph by paragraph.
	clauseOf    []int32
	clauseLists [][]clause
	// agGrams and agWords are the agenda titles' trigrams and words (see agendaTitles).
	agGrams [][]uint32
	agWords [][]string
	// agendaPartial is an agenda that lists only the points added in session.
	agendaPartial bool
}

// trigAt is lineTrigger of line i, computed once.
func (d *doc) trigAt(i int) trig {
	if d.bs.trigs == nil {
		d.bs.trigs = make([]trig, len(d.lines))
		d.bs.trigDone = make([]bool, len(d.lines))
	}
	if !d.bs.trigDone[i] {
		d.bs.trigs[i] = lineTriggerStems(d.folded[i], d.lines[i].Text, d.stemsAt(i), true)
		d.bs.trigDone[i] = true
	}
	return d.bs.trigs[i]
}

// stemsAt is scanStems of folded line i, computed once.
func (d *doc) stemsAt(i int) uint64 {
	if d.bs.stems == nil {
		d.bs.stems = make([]uint64, len(d.lines))
		d.bs.stemsDone = make([]bool, len(d.lines))
	}
	if !d.bs.stemsDone[i] {
		d.bs.stems[i] = scanStems(d.folded[i])
		d.bs.stemsDone[i] = true
	}
	return d.bs.stems[i]
}
