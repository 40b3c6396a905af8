package parse

// header reads the meeting fields (body, assembly, date, times, place, convocation, president,
// secretary, previous minutes, next meeting) and the meeting-level counts.
func (d *doc) header() {}
