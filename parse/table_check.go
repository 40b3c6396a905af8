package parse

// checkTable runs the arithmetic checks of one table (filled in below).
func (d *doc) checkTable(t *Table) {}
