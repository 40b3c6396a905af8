package parse

import "testing"

// checkGateDFA fails when a gate's may, read by its automaton, differs from a strings.Contains
// of each of its literals.
func checkGateDFA(t testing.TB, name string, g litGate, s string) {
	t.Helper()
	if got, want := g.may(s), containsAnyLit(s, g.lits); !g.prefix && got != want {
		t.Errorf("%s: may(%q) = %v, want %v (literals %q)", name, s, got, want, g.lits)
	}
}

func TestLitGateDFA(t *testing.T) {
	for _, name := range []string{"endOfMeeting", "nextMeeting", "countAfter"} {
		if gatesUnderTest[name].dfa == nil {
			t.Errorf("%s: no automaton for %d literals", name, len(gatesUnderTest[name].lits))
		}
	}
	texts := []string{
		"", "la seance est levee a 22h30", "fin de la seance : 21 h", "la seance est ouverte",
		"le prochain conseil aura lieu le 3 mai", "la seance suivante", "les points suivants",
		"presents : 14", "nombre de votants 12", "seance du 6 novembre 2014",
		"xx seance a ete cloturee", "levee de la seance", "seance levee", "seance levee" + string(make([]byte, 300)) + "pour",
	}
	for name, g := range gatesUnderTest {
		for _, s := range texts {
			checkGateDFA(t, name, g, s)
		}
		// Each literal alone, at the start, in the middle and at the end of a long text.
		for _, l := range g.lits {
			pad := "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz "
			for _, s := range []string{l, l + pad + pad, pad + l + pad, pad + pad + l, l[:len(l)-1], pad + pad + l[1:]} {
				checkGateDFA(t, name, g, s)
			}
		}
	}
}

func FuzzLitGateDFA(f *testing.F) {
	f.Add("la seance est levee a 22h30")
	f.Add("le prochain conseil aura lieu le 3 mai, nombre de votants 12")
	f.Fuzz(func(t *testing.T, s string) {
		for name, g := range gatesUnderTest {
			checkGateDFA(t, name, g, s)
		}
	})
}
