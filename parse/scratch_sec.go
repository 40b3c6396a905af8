package parse

// secScratch holds the buffers of the section and heading readers (section.go, agenda*.go,
// header*.go, attendance.go, body_match.go) that scratchPool keeps between documents (see
// scratch for the rule they follow).
type secScratch struct {
	// heads is d.heads, the memo of each line's cleaned text and heading (section.go): made
	// on first use by lineMemo, which sizes its slices to the document.
	heads lineHeads
	// out is the array of sections' headings: the body reads them into items and forgets
	// them (every field the record keeps is a string, copied out of the heading).
	out []heading
	// att is where attendance reads the record's entries (see ownAttendance).
	att []Attendance
	// agenda and agendaLines are where agendaEntries reads the entries and their lines (see
	// ownAgenda).
	agenda      []AgendaItem
	agendaLines []int
}

// take readies the buffers for d, a document of n lines, before any reader runs.
func (s *secScratch) take(d *doc, n int) {
	s.heads.reset()
}

// keep takes back from d the buffers its parse grew, once the record is finished.
func (s *secScratch) keep(d *doc) {}
