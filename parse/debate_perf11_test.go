package parse

import (
	"slices"
	"strings"
	"testing"
)

// TestSpeakerBareHand checks that reSpeakerBare is the pattern its hand reader reads.
func TestSpeakerBareHand(t *testing.T) {
	if !speakerBareHand {
		t.Errorf("reSpeakerBare is %q, not the pattern speakerBareIndex reads: the backtracker runs", reSpeakerBare.String())
	}
}

// bareCases are lines for speakerBareIndex: names of every shape, and near misses.
var bareCases = []string{
	"Max LEVITA : je propose", "Jean-Pierre GAUTHIER: oui", "Marie-Josèphe BATARD : Excusée", "Élodie ÉTIENNE : bien",
	"Jean Pierre DUPONT : oui", "Jean Pierre :", "Jean-Pierre  DUPONT : oui", "Jean Pierre Paul DUPONT : non",
	"Jean\tPierre\t DUPONT:", "Ab  Cd EF:", "Ab Cd  EF:", "Ab- CD:", "Ab- Cd EF:", "Ab-Cd EF:", "Ab-- Cd EF:",
	"Ab-Cd-EF GH:", "Ab O'NEIL-SMITH :", "Ab O’NEIL :", "Ab DE LA TOUR :", "Ab DE LA TOUR x :", "Ab DE\tLA :",
	"Ab DE  :", "Ab DE\n:", "Ab DÉ ÉÉ'-  :x", "Ab D :", "Ab DE", "Ab DE :\n", "A- BC:", "Ab’ CD:", "Ab\xff CD:",
	"Ab CD\xff:", "Ab Cd\xffe EF:", "Ab Cd-Ef GH:", "Ab Cd- EF:", "Ab Cd-EF:", "Ab-CD EF:", "ſab CD:", "Ab CDſ:",
	"Montant HT : 79 819,72 €", "Le conseil municipal : décide", "A BC: x", "",
}

// checkSpeakerBare compares speakerBareIndex with the pattern on s.
func checkSpeakerBare(t *testing.T, s string) {
	t.Helper()
	m, ok := speakerBareIndex(s)
	if want := reSpeakerBare.Regexp.FindStringSubmatchIndex(s); (want != nil) != ok || ok && !slices.Equal(m[:], want) {
		t.Fatalf("speakerBareIndex(%q) = %v, %v, want %v", s, m, ok, want)
	}
}

// TestSpeakerBareIndex checks speakerBareIndex against reSpeakerBare.
func TestSpeakerBareIndex(t *testing.T) {
	for _, s := range append(bareCases, speakerCases...) {
		checkSpeakerBare(t, s)
	}
}

// speakerTokens spells s's bytes as pieces of speaker lines (see headingTokens).
func speakerTokens(s string) string {
	pieces := []string{"A", "B", "É", "a", "é", "-", "'", "’", " ", "\t", "\n", ":", "ſ", "\xff", "x", "DE", "Jean"}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pieces[int(s[i])%len(pieces)])
	}
	return b.String()
}

// FuzzSpeakerBareIndex checks speakerBareIndex against reSpeakerBare on any text, and on
// texts made of the pieces of names.
func FuzzSpeakerBareIndex(f *testing.F) {
	for _, s := range bareCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpeakerBare(t, s)
		checkSpeakerBare(t, speakerTokens(s))
	})
}
