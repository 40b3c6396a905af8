package parse

// tabScratch holds the buffers of the table readers (table*.go, tables.go) that scratchPool keeps between documents (see
// scratch for the rule they follow).
type tabScratch struct{}

// take readies the buffers for d, a document of n lines, before any reader runs.
func (s *tabScratch) take(d *doc, n int) {}

// keep takes back from d the buffers its parse grew, once the record is finished.
func (s *tabScratch) keep(d *doc) {}
