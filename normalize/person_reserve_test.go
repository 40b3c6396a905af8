package normalize

import "testing"

// TestPeopleReserve: a registry sized beforehand links the same mentions to the same people.
func TestPeopleReserve(t *testing.T) {
	mentions := []string{"M. Jean-Luc CHAUMONT", "Mme Agnès AUDIGIER", "Monsieur Chaumont", "M. Luc DUPONT",
		"Anthony", "A. DUPONT", "Mme AUDIGIER", "M. Jean DUPONT", "Jean-Luc CHAUMONT", "Marc Baïetto"}
	var plain, sized People
	sized.Reserve(4)
	sized.Reserve(100) // a second call, before any person, only makes more room
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

// TestPeopleReset: a registry reset after a document links the next document's mentions exactly
// as a new one does, and remembers nothing of the first (people, words, roles).
func TestPeopleReset(t *testing.T) {
	first := []string{"M. Jean-Luc CHAUMONT", "Mme Agnès AUDIGIER", "M. Luc DUPONT", "Mme Anne DUPONT",
		"M. Paul MARTIN", "Mme Julie MARTIN", "M. Marc BERNARD", "Mme Sophie PETIT", "M. Louis ROBERT",
		"Mme Claire RICHARD", "M. Hugo DURAND", "Anthony"}
	second := []string{"M. Pierre LEROY", "Mme Agnès AUDIGIER", "Monsieur Leroy", "M. Luc DUPONT",
		"Anthony", "L. DUPONT", "Mme Emma MOREAU", "M. Jean SIMON", "Mme Léa LAURENT", "M. Tom LEFEBVRE",
		"Mme Zoé MICHEL", "M. Noé GARCIA", "Mme Inès DAVID"}
	var fresh, reused People
	reused.Reserve(len(first))
	for _, m := range first {
		reused.Add(mustName(t, m))
	}
	reused.SetRole("president", reused.List[0])
	reused.Reset()
	if _, ok := reused.Role("president"); ok {
		t.Errorf("a role survived Reset")
	}
	if q, ok := reused.Resolve(mustName(t, "M. CHAUMONT")); ok {
		t.Errorf("Resolve(M. CHAUMONT) after Reset = %s, want nobody", q.ID)
	}
	fresh.Reserve(len(second))
	reused.Reserve(len(second))
	for _, m := range second {
		n := mustName(t, m)
		a, b := fresh.Add(n), reused.Add(n)
		if a.ID != b.ID || a.Name != b.Name || a.Key() != b.Key() {
			t.Errorf("Add(%q) after Reset: %s %+v, want %s %+v", m, b.ID, b.Name, a.ID, a.Name)
		}
	}
	for _, m := range append(first, "Dupont", "Madame Martin", "M. Leroy") {
		n := mustName(t, m)
		a, okA := fresh.Resolve(n)
		b, okB := reused.Resolve(n)
		if okA != okB || okA && a.ID != b.ID {
			t.Errorf("Resolve(%q) after Reset: %v %v, want %v %v", m, b, okB, a, okA)
		}
	}
	if len(fresh.List) != len(reused.List) {
		t.Errorf("%d people after Reset, want %d", len(reused.List), len(fresh.List))
	}
}
