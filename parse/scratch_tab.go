package parse

// tabScratch holds the buffers of the table readers (table*.go, tables.go) that scratchPool
// keeps between documents (see scratch for the rule they follow). The record keeps none of
// them: a table's rows, values and strings are made apart (layout, layoutFlat); these are the
// memos and working rows the readers throw away once the tables are laid out.
type tabScratch struct {
	// flat is d.flatMemo once the lines' byte facts are read (lineBits): its rows, blocks,
	// stacks and checks grow to the size of a document and serve the next one.
	flat flatMemo
	// cells is the document's cell cache (tables).
	cells cellMemo
	// lines holds the lines of every block of tableBlocks one after the other, blocks the
	// blocks cut from it, strs the lines' cells.
	lines  []tableLine
	blocks [][]tableLine
	strs   []string
	// rd reads one block at a time (readBlock): its buffers serve every block.
	rd   blockReader
	rows []pendingRow // rd's rowBuf, whole
	// tables holds the tables read, before they are copied into the record (tables). They
	// point into the record's rows: keep clears them before the scratch is pooled.
	tables []Table
	// ints is the row lengths and label places of an entry (layout).
	ints []int
	// fixed holds the values of one table at a time as tableFixed reads them (checkTable).
	fixed fixedBuf
	// flatRows, flatEmpty and flatEntries hold the rows and entries of one flattened block
	// at a time (readFlatBlock). The entries' tables point into the record's rows: keep clears
	// them before the scratch is pooled.
	flatRows    []flatLine
	flatEmpty   []bool
	flatEntries []flatEntry
}

// take readies the buffers for d, a document of n lines, before any reader runs: nothing to
// do, each reader resets the buffers it uses where it starts (lineBits, tables, readBlock,
// readFlatBlock…), so that a doc built without a scratch (d.tabs gives it fresh buffers) reads
// the same way.
func (s *tabScratch) take(d *doc, n int) {}

// keep takes back from d the buffers its parse grew, once the record is finished: the readers
// grow them in place, in the scratch. What points into the record (the tables read, the
// flattened entries) or into the document (the block reader) is dropped, so that no poison
// reaches the record and the pool does not keep the last document alive.
func (s *tabScratch) keep(d *doc) {
	clear(s.tables[:cap(s.tables)])
	s.tables = s.tables[:0]
	clear(s.flatEntries[:cap(s.flatEntries)])
	s.flatEntries = s.flatEntries[:0]
	r := &s.rd
	clear(r.entries[:cap(r.entries)])
	*r = blockReader{shapes: r.shapes, next: r.next, lens: r.lens, entries: r.entries[:0]}
}

// tabs returns d's table buffers: the scratch's, or fresh ones for a doc built without one.
func (d *doc) tabs() *tabScratch {
	if d.scratch != nil {
		return &d.scratch.tab
	}
	return new(tabScratch)
}
