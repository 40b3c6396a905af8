package parse

// bodyState memoizes, for one document, what the body reader computes more than once: the vote
// reading of a line (asked when splitting paragraphs and when reading decisions) and the person
// a speaker's mention links to.
type bodyState struct {
	trigs    []trig
	trigDone []bool
	speakers map[string]*string
	// agendaLine marks the lines the agenda was read from (nil when there is no agenda).
	agendaLine []bool
	// clauses memoizes the decision sentences of a paragraph, by its first line.
	clauses map[int][]clause
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
		d.bs.trigs[i] = lineTrigger(d.folded[i], d.lines[i].Text)
		d.bs.trigDone[i] = true
	}
	return d.bs.trigs[i]
}
