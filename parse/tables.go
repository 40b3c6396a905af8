package parse

// tables reads the tables of the document (budget and other).
func (d *doc) tables() {}
