package parse

import (
	"strings"
	"testing"
)

// danglingEndRef is danglingEnd as first written (strings.Fields of the whole title), kept as
// the reference of the version that reads the last word only.
func danglingEndRef(title string) bool {
	words := strings.Fields(title)
	if len(words) == 0 {
		return false
	}
	switch strings.ToLower(words[len(words)-1]) {
	case "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "à", "au", "aux", "en", "pour", "sur", "par", "-", "–", "avec", "entre", "dans", "ou":
		return true
	}
	return false
}

var danglingCases = []string{"", " ", "CONVENTION DE", "Convention de\u00a0", "Avenant\u00a0DE", "Vote du budget",
	"TARIFS À", "x\u2003pour", "de\xff", "\xffde", "a – ", "projet ENTRE\t", "Le", "\u00a0"}

func TestDanglingEndMatchesReference(t *testing.T) {
	for _, s := range danglingCases {
		if got, want := danglingEnd(s), danglingEndRef(s); got != want {
			t.Errorf("danglingEnd(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzDanglingEnd(f *testing.F) {
	for _, s := range danglingCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := danglingEnd(s), danglingEndRef(s); got != want {
			t.Errorf("danglingEnd(%q) = %v, want %v", s, got, want)
		}
	})
}
