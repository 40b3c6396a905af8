package parse

// bodyScratch holds the buffers of the body readers (body*.go, decision.go, debate*.go, stems.go) that scratchPool keeps between documents (see
// scratch for the rule they follow).
type bodyScratch struct{}

// take readies the buffers for d, a document of n lines, before any reader runs.
func (s *bodyScratch) take(d *doc, n int) {}

// keep takes back from d the buffers its parse grew, once the record is finished.
func (s *bodyScratch) keep(d *doc) {}
