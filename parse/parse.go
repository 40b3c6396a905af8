// Package parse reads the structure of a minutes document — header, attendance, counts, agenda,
// sections, decisions, debate, tables — from the lines that extract produced, and builds the
// Record. Parsing is total: every line lands somewhere, and what cannot be settled becomes a
// diagnostic rather than an error.
package parse

import (
	"fmt"
	"runtime/debug"
	"slices"
	"unsafe"

	"minutes/extract"
	"minutes/normalize"
)

// Version identifies the parser's behaviour; stored with each document so that archives parsed
// by an older parser can be found and re-parsed.
const Version = "0.1.0"

// doc is the working state of one parse, shared by the segmenters (header.go, attendance.go,
// body.go, tables.go). Each segmenter reads lines and fills part of rec.
type doc struct {
	src    *extract.Source
	lines  []extract.Line
	folded []string // normalize.Fold of each line, computed once
	// foldLo and foldHi bound the bytes of the buffer the folded lines were written to (see
	// foldLines): a reader that takes lines lying end to end there as one string (blockWords)
	// must keep within one allocation, and a line moved elsewhere (a test's copy, a line
	// folded before the buffer grew) lies outside.
	foldLo, foldHi uintptr
	rec            *Record
	people         normalize.People
	// used marks lines consumed by the header and attendance segmenters, so that the body does
	// not read them again as prose.
	used []bool
	// headerEnd is the index of the first line after the header's attendance lists and counts
	// (0 when the document has none); hdr is the header readers' shared state.
	headerEnd int
	hdr       headerState
	// bs is the body reader's per-document memo (vote readings, speaker links).
	bs bodyState
	// evText memoizes the evidence text of a line (see ev).
	evText map[int]string
	// lm memoizes per-line facts of the body readers (body_lines.go).
	lm lineMemo
	// flatMemo holds the flattened tables (table_flat.go), found on first use.
	flatMemo *flatMemo
	// heads memoizes each line's cleaned text and reading as a heading (section.go).
	heads *lineHeads
	// digits holds the values of the document's amounts (see amounts), one buffer for all.
	digits normalize.DigitArena
	// scratch holds folded, used and the buffers behind them, from scratchPool.
	scratch *scratch
}

// Minutes parses one extracted document into a record. It never fails: a part that cannot be
// read leaves its fields empty and a diagnostic; an internal panic becomes an error diagnostic
// and the record keeps what was read before it.
func Minutes(src *extract.Source) (rec *Record) {
	d := newDoc(src)
	defer func() {
		if r := recover(); r != nil {
			d.diag(SevError, "internal", extract.Pos{}, fmt.Sprintf("parser failure: %v\n%s", r, debug.Stack()))
		}
		d.finish()
		rec = d.rec
		d.release()
	}()
	d.header()
	d.attendance()
	d.body()
	d.tables()
	d.checks()
	return d.rec
}

// newDoc readies the parse of src, with buffers from scratchPool.
func newDoc(src *extract.Source) *doc {
	return newDocIn(src, scratchPool.Get().(*scratch))
}

// newDocIn is newDoc with the buffers of s, which a test may want fresh.
func newDocIn(src *extract.Source, s *scratch) *doc {
	d := &doc{
		src:   src,
		lines: src.Lines,
		rec: &Record{
			Schema: Schema,
			Source: Source{Name: src.Name, SHA256: src.SHA256, Format: src.Format, Pages: src.Pages},
		},
	}
	d.takeScratch(s, len(src.Lines))
	d.foldLines()
	// Pages the extractor could not read cost text without failing the document: say so in
	// the record rather than let it look complete.
	for _, w := range src.Warnings {
		d.rec.Diagnostics = append(d.rec.Diagnostics, Diagnostic{Severity: SevError, Code: "page-unreadable", Message: w.Text, Pos: w.Pos})
	}
	// A file read through a repair may lack what the damage destroyed (the pages after a cut).
	for _, r := range src.Repairs {
		d.rec.Diagnostics = append(d.rec.Diagnostics, Diagnostic{Severity: SevWarning, Code: "file-repaired", Message: r})
	}
	for _, f := range src.Furniture {
		d.rec.Furniture = append(d.rec.Furniture, Text{Pos: f.Pos, Text: f.Text})
	}
	return d
}

// foldLines fills d.folded. The lines are folded into one buffer (the scratch's, see scratch)
// and each folded line is a string viewing its bytes (unsafe.String): no allocation for the
// document once the pool holds a buffer large enough, and no copy. This is safe because a byte of the buffer is never written again once a line ends on it — append
// only writes past len, and when it moves the buffer the lines already sliced keep the old
// array, which nothing writes either.
func (d *doc) foldLines() {
	size := 0
	for _, l := range d.lines {
		size += len(l.Text)
	}
	var buf []byte
	if d.scratch != nil {
		buf = d.scratch.fold[:0]
	}
	if cap(buf) < size+64 {
		buf = make([]byte, 0, size+64) // folding rarely lengthens a line
	}
	for i, l := range d.lines {
		if l.Text == "" {
			continue // a third of the lines: a call saved each
		}
		start := len(buf)
		buf = normalize.AppendFold(buf, l.Text)
		if len(buf) > start {
			d.folded[i] = unsafe.String(&buf[start], len(buf)-start)
		}
	}
	if d.scratch != nil {
		d.scratch.fold = buf
	}
	if len(buf) > 0 {
		d.foldLo = uintptr(unsafe.Pointer(&buf[0]))
		d.foldHi = d.foldLo + uintptr(len(buf))
	}
}

// diag records a diagnostic.
func (d *doc) diag(sev, code string, pos extract.Pos, msg string) {
	d.rec.Diagnostics = append(d.rec.Diagnostics, Diagnostic{Severity: sev, Code: code, Message: msg, Pos: pos})
}

// finish copies the people registry into the record and makes every list non-nil, so that JSON
// shows [] rather than null for empty lists, as the contract asks.
func (d *doc) finish() {
	r := d.rec
	r.People = slices.Grow(r.People[:0], len(d.people.List))
	// The people's optional names point into one slab rather than a string each.
	slab := make([]string, 3*len(d.people.List))
	for k, p := range d.people.List {
		r.People = append(r.People, personOf(p, slab[3*k:3*k+3]))
	}
	if r.People == nil {
		r.People = []Person{}
	}
	if r.Attendance == nil {
		r.Attendance = []Attendance{}
	}
	if r.Proxies == nil {
		r.Proxies = []Proxy{}
	}
	if r.Agenda == nil {
		r.Agenda = []AgendaItem{}
	}
	if r.Items == nil {
		r.Items = []Item{}
	}
	for i := range r.Items {
		it := &r.Items[i]
		if it.Decisions == nil {
			it.Decisions = []Decision{}
		}
		if it.Exchanges == nil {
			it.Exchanges = []Exchange{}
		}
		if it.Amounts == nil {
			it.Amounts = []Amount{}
		}
	}
	if r.Tables == nil {
		r.Tables = []Table{}
	}
	for i := range r.Tables {
		if r.Tables[i].Columns == nil {
			r.Tables[i].Columns = []string{}
		}
		if r.Tables[i].Rows == nil {
			r.Tables[i].Rows = []Row{}
		}
	}
	if r.Diagnostics == nil {
		r.Diagnostics = []Diagnostic{}
	}
}

// personOf is the record's form of a person; slab holds three strings for its optional names.
func personOf(p *normalize.Person, slab []string) Person {
	return Person{
		ID:       p.ID,
		Civility: slabp(slab, 0, p.Civility),
		Given:    slabp(slab, 1, p.Given),
		Family:   slabp(slab, 2, p.Family),
		Key:      p.Key(),
		Text:     p.Raw,
		Pos:      Pos{Page: p.Page, Line: p.Line},
	}
}

// strp returns a pointer to s, or nil when s is empty (the contract's null).
func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// slabp is strp with the string stored in slab[k].
func slabp(slab []string, k int, s string) *string {
	if s == "" {
		return nil
	}
	slab[k] = s
	return &slab[k]
}

// intp returns a pointer to n.
func intp(n int) *int { return &n }
