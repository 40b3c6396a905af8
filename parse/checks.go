package parse

import "fmt"

// checks runs the consistency checks that span segments (counts against lists, votes against
// members); each segmenter's own checks live with it. Every finding is a warning: the record
// keeps the figures as stated.
func (d *doc) checks() {
	c := &d.rec.Counts
	at := func(field string) Pos {
		if ev, ok := c.Evidence[field]; ok {
			return ev.Pos
		}
		return Pos{}
	}
	listed := map[string]int{}
	for _, a := range d.rec.Attendance {
		listed[a.Status]++
	}
	if c.Present != nil && listed[Present] > 0 && listed[Present] != *c.Present {
		d.diag(SevWarning, "present-count-mismatch", at("present"),
			fmt.Sprintf("%d members are listed as present but the document states %d", listed[Present], *c.Present))
	}
	proxies := len(d.rec.Proxies)
	if c.Represented != nil && proxies > 0 && proxies != *c.Represented {
		d.diag(SevWarning, "represented-count-mismatch", at("represented"),
			fmt.Sprintf("%d proxies are listed but the document states %d", proxies, *c.Represented))
	}
	// Votes cast cannot exceed the members who could vote: the stated voters, or else those
	// present plus those represented (stated, or counted from the proxies listed).
	if c.VotesCast != nil {
		if c.Voters != nil && *c.VotesCast > *c.Voters {
			d.diag(SevWarning, "votes-cast-exceed-voters", at("votes_cast"),
				fmt.Sprintf("votes cast (%d) exceed voters (%d)", *c.VotesCast, *c.Voters))
		} else if c.Voters == nil && c.Present != nil {
			rep := proxies
			if c.Represented != nil {
				rep = *c.Represented
			}
			if *c.VotesCast > *c.Present+rep {
				d.diag(SevWarning, "votes-cast-exceed-voters", at("votes_cast"),
					fmt.Sprintf("votes cast (%d) exceed present and represented members (%d)", *c.VotesCast, *c.Present+rep))
			}
		}
	}
	if c.For != nil || c.Against != nil || c.Abstention != nil {
		sum := 0
		for _, v := range []*int{c.For, c.Against, c.Abstention} {
			if v != nil {
				sum += *v
			}
		}
		if c.VotesCast != nil && c.For != nil && sum-valueOr(c.Abstention) != *c.VotesCast && sum != *c.VotesCast {
			d.diag(SevWarning, "votes-sum-mismatch", at("for"),
				fmt.Sprintf("for + against + abstention (%d) do not match the votes cast (%d)", sum, *c.VotesCast))
		}
	}
	if c.InOffice != nil && c.Present != nil && *c.Present > *c.InOffice {
		d.diag(SevWarning, "present-exceed-in-office", at("present"),
			fmt.Sprintf("present members (%d) exceed members in office (%d)", *c.Present, *c.InOffice))
	}
	if d.hdr.absent != nil && *d.hdr.absent > 0 && listed[Absent] == 0 {
		d.diag(SevWarning, "absents-unnamed", d.hdr.absentAt,
			fmt.Sprintf("%d absent members are stated but none is named", *d.hdr.absent))
	}
	if por := d.hdr.presentOrRepresented; por != nil && listed[Present] == 0 {
		rep := proxies
		if c.Represented != nil {
			rep = *c.Represented
		}
		d.diag(SevWarning, "present-unnamed", d.hdr.absentAt,
			fmt.Sprintf("%d members were present or represented, so %d present, but no present member is named", *por, *por-rep))
	}
	for _, p := range d.rec.Proxies {
		if p.To == nil {
			d.diag(SevInfo, "proxy-holder-unnamed", p.Pos, fmt.Sprintf("the proxy %q names no holder", p.Text))
		}
	}
}

func valueOr(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
