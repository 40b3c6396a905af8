package parse

// secScratch holds the buffers of the section and heading readers (section.go, agenda*.go,
// header*.go, attendance.go, body_match.go, and sections in body.go) that scratchPool keeps
// between documents (see scratch for the rule they follow). The record's attendance, proxies
// and agenda are read into its arrays too, and copied out at their size when complete.
type secScratch struct {
	// heads is d.heads, the memo of each line's cleaned text and heading (section.go): made
	// on first use by lineMemo, which sizes its slices to the document.
	heads lineHeads
	// out is the array of sections' headings: the body reads them into items and forgets
	// them (every field the record keeps is a string, copied out of the heading).
	out []heading
	// stacks are sections' outline and its trial's (see sections).
	stacks [2][]frame
	// att and proxies are where attendance reads the record's entries and proxies (see
	// ownAttendance).
	att     []Attendance
	proxies []Proxy
	// agenda and agendaLines are where agendaEntries reads the entries and their lines (see
	// ownAgenda).
	agenda      []AgendaItem
	agendaLines []int
	agendaStack []frame // agendaEntries' outline
	// dict numbers the trigrams of the titles matched (see titleDict).
	dict gramDict
	// The arenas the title matchers cut their buffers from (see carve): the words of titles
	// (wordsOf), the folded titles and their bytes, the titles' trigram sets and flags.
	words     []string
	wordLists [][]string
	titles    []string
	text      []byte
	grams     []gramSet
	flags     []bool
	// hdrWords is d.hdr.words, the header words of each line (see hdrWords).
	hdrWords []uint64
	// entries and entrySlab are d.hdr's memo of list entries (see doc.parseEntry), the map
	// emptied; entryKeep bounds the map kept.
	entries   map[entryKey]*listEntry
	entrySlab []listEntry
	// listItems is readList's array of a list's entries.
	listItems []listItem
	// linked is linkAgenda's set of the paths linked, emptied.
	linked map[string]bool
	// block is list's array of a list's lines.
	block []blockLine
	// agendaLine is the array of d.bs.agendaLine, the agenda's lines (see agenda).
	agendaLine []bool
	// evText is d.evText, the evidence texts of lines (see ev), emptied.
	evText map[int]string
	// foldBuf is d.hdr.folds.buf, where the header readers' folds are built (foldRunsInto
	// copies each out of it).
	foldBuf []byte
	// listed and inBlock are the arrays of d.hdr's sets of people (see personSet).
	listed, inBlock personSet
	// tail is the array of d.hdr.tail, the lines past the header's that hold its words.
	tail []lineWords
}

// entryKeep is the most list entries whose map a scratch keeps: clearing a map costs its size,
// and a rare document with very long lists should not make every later one pay it.
const entryKeep = 1024

// take readies the buffers for d, a document of n lines, before any reader runs.
func (s *secScratch) take(d *doc, n int) {
	s.heads.reset()
	d.hdr.words = s.hdrWords[:0]
	d.hdr.entries, d.hdr.entrySlab = s.entries, s.entrySlab[:0]
	d.hdr.folds.buf = s.foldBuf[:0]
	d.hdr.listed, d.hdr.inBlock = s.listed[:0], s.inBlock[:0]
	s.words, s.wordLists, s.titles, s.text, s.grams, s.flags = s.words[:0], s.wordLists[:0], s.titles[:0], s.text[:0], s.grams[:0], s.flags[:0]
}

// keep takes back from d the buffers its parse grew, once the record is finished. The strings
// the buffers hold are cleared: they would keep the document's text alive in the pool.
func (s *secScratch) keep(d *doc) {
	s.heads.drop()
	clear(s.out)
	clear(s.att)
	clear(s.proxies)
	clear(s.stacks[0][:cap(s.stacks[0])])
	clear(s.stacks[1][:cap(s.stacks[1])])
	clear(s.agenda)
	clear(s.agendaStack[:cap(s.agendaStack)])
	clear(s.words)
	clear(s.wordLists)
	clear(s.titles)
	clear(s.listItems[:cap(s.listItems)])
	clear(s.block[:cap(s.block)])
	if d.bs.agendaLine != nil {
		s.agendaLine = d.bs.agendaLine
	}
	clear(d.hdr.entrySlab)
	s.hdrWords = d.hdr.words
	s.foldBuf = d.hdr.folds.buf
	s.listed, s.inBlock = d.hdr.listed, d.hdr.inBlock
	s.entries, s.entrySlab = nil, d.hdr.entrySlab
	if m := d.hdr.entries; m != nil && len(m) <= entryKeep {
		clear(m)
		s.entries = m
	}
	if len(s.linked) > entryKeep {
		s.linked = nil
	}
	clear(s.linked)
	if len(s.evText) > entryKeep {
		s.evText = nil
	}
	clear(s.evText)
}

// sec is d's secScratch, or, for a document read without a scratch (some tests), a new one
// that is not kept.
func (d *doc) sec() *secScratch {
	if d.scratch != nil {
		return &d.scratch.sec
	}
	return new(secScratch)
}
