package parse

// bodyScratch holds the buffers of the body readers (body*.go, decision.go, debate*.go,
// stems.go) that scratchPool keeps between documents (see scratch for the rule they follow):
// the per-line memos, the memoized vote readings and decision sentences, the paragraphs' lines,
// and the buffers the readers already reused from section to section. None of the record
// points into them: a decision holds its counts' pointers (which trigs only share), a
// section's text and amounts are strings of the source, of the record or copied out.
type bodyScratch struct {
	lm lineMemo
	// The memos of bodyState, by line or appended to.
	stems        []uint64
	trigOf       []int32
	clauseOf     []int32
	trigs        []trig
	clauseLists  [][]clause
	clauseText   []byte
	clauseStarts []int
	clauseSegs   []uint64
	clauseRaw    []byte
	speakers     map[string]*string
	speakerTexts map[string]*string
}

// take readies the buffers for d, a document of n lines, before any reader runs. Each is
// given at length zero: a memo by line is made at the document's length on first use (see
// takeVoteMemo, readRow), so that nothing a former document left is read.
func (s *bodyScratch) take(d *doc, n int) {
	d.lm = s.lm
	d.lm.reset()
	b := &d.bs
	b.stems, b.trigOf, b.clauseOf = s.stems[:0], s.trigOf[:0], s.clauseOf[:0]
	b.trigs, b.clauseLists = s.trigs[:0], s.clauseLists[:0]
	b.clauseText, b.clauseStarts, b.clauseSegs = s.clauseText[:0], s.clauseStarts[:0], s.clauseSegs[:0]
	b.clauseRaw = s.clauseRaw[:0]
	b.speakers, b.speakerTexts = s.speakers, s.speakerTexts // (emptied by keep)
}

// keep takes back from d the buffers its parse grew, once the record is finished. The
// pointers they hold are cleared, lest the pool keep a finished record's values alive; the
// lines' table bits are flatMemo's, not the scratch's.
func (s *bodyScratch) keep(d *doc) {
	s.lm = d.lm
	s.lm.release()
	b := &d.bs
	s.stems, s.trigOf, s.clauseOf = b.stems, b.trigOf, b.clauseOf
	clear(b.trigs)
	clear(b.clauseLists)
	s.trigs, s.clauseLists = b.trigs[:0], b.clauseLists[:0]
	s.clauseText, s.clauseStarts, s.clauseSegs = b.clauseText, b.clauseStarts, b.clauseSegs
	s.clauseRaw = b.clauseRaw
	clear(b.speakers)
	clear(b.speakerTexts)
	s.speakers, s.speakerTexts = b.speakers, b.speakerTexts
	// d no longer holds them: a reader run after would take other buffers than the next
	// document's.
	d.lm = lineMemo{}
	b.stems, b.trigOf, b.clauseOf, b.trigs, b.clauseLists = nil, nil, nil, nil, nil
	b.clauseText, b.clauseStarts, b.clauseSegs, b.clauseRaw = nil, nil, nil, nil
	b.speakers, b.speakerTexts = nil, nil
}

// reset cuts every buffer of m to length zero, its capacity kept: a new document's readers
// fill them again. The drafts' chunks keep their number: a draft is written whole before it
// is read (see decisions).
func (m *lineMemo) reset() {
	m.row, m.marker, m.direct, m.dsp = m.row[:0], m.marker[:0], m.direct[:0], m.dsp[:0]
	m.table = nil
	m.paraIdx = m.paraIdx[:0]
	f := &m.fill
	f.paras, f.cuts, f.prose, f.bounds = f.paras[:0], f.cuts[:0], f.prose[:0], f.bounds[:0]
	f.debate, f.lines, f.ptrs, f.exchanges = f.debate[:0], f.lines[:0], f.ptrs[:0], f.exchanges[:0]
	f.clauses, f.inClause, f.joined, f.folded = f.clauses[:0], f.inClause[:0], f.joined[:0], f.folded[:0]
	a := &m.amounts
	a.texts, a.starts, a.lines, a.buf = a.texts[:0], a.starts[:0], a.lines[:0], a.buf[:0]
	a.matches, a.codes, a.cells, a.marked = a.matches[:0], a.codes[:0], a.cells[:0], a.marked[:0]
	a.found = a.found[:0]
	h := &m.heads
	h.inHead, h.parents, h.stack, h.cands = h.inHead[:0], h.parents[:0], h.stack[:0], h.cands[:0]
	h.list, h.added, h.merged = h.list[:0], h.added[:0], h.merged[:0]
	h.strs, h.fold = h.strs[:0], h.fold[:0]
}

// release readies m to be kept in the pool: the table bits go back to flatMemo, and the
// pointers and strings its buffers hold (the record's currencies, amounts and paragraphs'
// lines, the speakers' texts) are cleared, to their capacity.
func (m *lineMemo) release() {
	m.table = nil
	clear(m.dsp[:cap(m.dsp)])
	f := &m.fill
	clear(f.paras[:cap(f.paras)])
	clear(f.prose[:cap(f.prose)])
	clear(f.ptrs[:cap(f.ptrs)])
	// A draft keeps its arrays (see decisions), not what they held.
	for _, c := range f.drafts {
		for k := range c {
			dr := &c[k]
			clear(dr.content[:cap(dr.content)])
			*dr = draft{own: dr.own[:0], content: dr.content[:0]}
		}
	}
	clear(f.exchanges[:cap(f.exchanges)])
	clear(f.clauses[:cap(f.clauses)])
	h := &m.heads
	clear(h.list[:cap(h.list)])
	clear(h.added[:cap(h.added)])
	clear(h.merged[:cap(h.merged)])
	clear(h.strs[:cap(h.strs)])
	a := &m.amounts
	clear(a.texts[:cap(a.texts)])
	clear(a.matches[:cap(a.matches)])
	clear(a.codes[:cap(a.codes)])
	clear(a.found[:cap(a.found)])
}
