package parse

// attendance reads the attendance lists, substitutes and proxies, and adds people.
func (d *doc) attendance() {}
