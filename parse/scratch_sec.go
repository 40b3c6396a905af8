package parse

// secScratch holds the buffers of the section and heading readers (section.go, agenda*.go, header*.go, body_match.go) that scratchPool keeps between documents (see
// scratch for the rule they follow).
type secScratch struct{}

// take readies the buffers for d, a document of n lines, before any reader runs.
func (s *secScratch) take(d *doc, n int) {}

// keep takes back from d the buffers its parse grew, once the record is finished.
func (s *secScratch) keep(d *doc) {}
