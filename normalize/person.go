package normalize

import (
	"fmt"
	"strings"
)

// Name is a person's name as read from one mention: "M. Jean-Luc CHAUMONT",
// "M.CHARRIER Jean-Paul" (family first), "Marc Baïetto", "Monsieur Reboulet", "Anthony".
// Empty fields are unknown.
type Name struct {
	Civility string // "M." or "Mme", or ""
	Given    string
	Family   string
	Raw      string // the mention as written
}

// Key is the linking key of a name: lower case, accents removed, hyphens kept, given then family.
func (n Name) Key() string { return Key(n.Given, n.Family) }

// Key builds a person key from a given and a family name.
func Key(given, family string) string {
	return strings.TrimSpace(Fold(strings.TrimSpace(given + " " + family)))
}

// PersonName reads one mention of a person. ok is false when raw is not a name.
func PersonName(raw string) (n Name, ok bool) {
	// Placeholder until the name reader lands: "Civility Given FAMILY".
	n.Raw = raw
	f := strings.Fields(raw)
	if len(f) == 0 {
		return n, false
	}
	switch Fold(f[0]) {
	case "m.", "m", "monsieur", "mr", "mr.":
		n.Civility, f = "M.", f[1:]
	case "mme", "mme.", "madame", "mlle", "mademoiselle":
		n.Civility, f = "Mme", f[1:]
	}
	if len(f) == 0 {
		return n, false
	}
	if len(f) == 1 {
		n.Family = f[0]
		return n, true
	}
	n.Given, n.Family = f[0], strings.Join(f[1:], " ")
	return n, true
}

// Person is one identity of a meeting, with the most complete name seen.
type Person struct {
	ID string
	Name
}

// People links the mentions of one document to identities. Listed people (attendance, proxies)
// are added; later partial mentions ("Monsieur Chaumont", "Anthony") resolve to the one listed
// person they can only mean.
type People struct {
	List  []*Person
	byKey map[string]*Person
}

// Add records a listed person, or returns the one already known under the same key.
func (p *People) Add(n Name) *Person {
	if p.byKey == nil {
		p.byKey = map[string]*Person{}
	}
	k := n.Key()
	if old, ok := p.byKey[k]; ok {
		return old
	}
	if old, ok := p.Resolve(n); ok {
		return old
	}
	np := &Person{ID: fmt.Sprintf("p%d", len(p.List)+1), Name: n}
	p.List = append(p.List, np)
	p.byKey[k] = np
	return np
}

// Resolve finds the single known person a (possibly partial) mention can only mean.
func (p *People) Resolve(n Name) (*Person, bool) {
	if old, ok := p.byKey[n.Key()]; ok {
		return old, true
	}
	return nil, false
}
