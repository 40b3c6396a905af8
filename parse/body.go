package parse

// body reads the agenda and the sections of the body with their decisions, debate and amounts.
func (d *doc) body() {}
