package normalize

import "testing"

// TestPeopleReserve: a registry sized beforehand links the same mentions to the same people.
func TestPeopleReserve(t *testing.T) {
	mentions := []string{"M. Jean-Luc CHAUMONT", "Mme Agnès AUDIGIER", "Monsieur Chaumont", "M. Luc DUPONT",
		"Anthony", "A. DUPONT", "Mme AUDIGIER", "M. Jean DUPONT", "Jean-Luc CHAUMONT", "Marc Baïetto"}
	var plain, sized People
	sized.Reserve(4)
	sized.Reserve(100) // a second call changes nothing
	for _, m := range mentions {
		n, ok := PersonName(m)
		if !ok {
			t.Fatalf("PersonName(%q) failed", m)
		}
		a, b := plain.Add(n), sized.Add(n)
		if a.ID != b.ID || a.Name != b.Name {
			t.Errorf("Add(%q): %s %+v with Reserve, want %s %+v", m, b.ID, b.Name, a.ID, a.Name)
		}
	}
	if len(plain.List) != len(sized.List) {
		t.Errorf("%d people with Reserve, want %d", len(sized.List), len(plain.List))
	}
}
