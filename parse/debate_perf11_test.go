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
	if got, want := bareNameAt(s), reSpeakerBare.Regexp.MatchString(s); got != want {
		t.Fatalf("bareNameAt(%q) = %v, want %v", s, got, want)
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

// TestRoleHand checks that reRole is the pattern its hand reader reads.
func TestRoleHand(t *testing.T) {
	if !roleHand {
		t.Errorf("reRole is %q, not the pattern roleEnd reads: the backtracker runs", reRole.String())
	}
}

// roleCases are lines for roleEnd: every role, civility and article, and near misses.
var roleCases = []string{
	"Monsieur le Maire indique", "Madame la Maire", "M. le maire,", "Mme la Présidente :", "MME LA PRESIDENTE",
	"Le Président de séance", "le président  de\tséance x", "le présidentes", "le président-x", "la présidente_",
	"Monsieur le Député-Maire", "le maire-adjoint", "la Maire-Adjointe.", "le maire-adjoints", "l'adjoint", "l'maire",
	"L’maire", "le\tmaire", "lemaire", "Monsieurle maire", "Monsieur  \t le Maire", "M.le maire", "Mme. le maire",
	"monſieur le maire", "Madame la préſidente", "le maires", "le maire2", "le maireé", "le présidentS", "la PRÉSIDENTE",
	"le président de séances", "le président de", "Le Maire", "", "l", "le", "le ", "M", "Monsieur", "Monsieur ",
}

// checkRoleEnd compares roleEnd with reRole on s.
func checkRoleEnd(t *testing.T, s string) {
	t.Helper()
	want := -1
	if m := reRole.Regexp.FindStringIndex(s); m != nil {
		want = m[1]
	}
	if got := roleEnd(s); got != want {
		t.Fatalf("roleEnd(%q) = %d, want %d", s, got, want)
	}
}

// TestRoleEnd checks roleEnd against reRole.
func TestRoleEnd(t *testing.T) {
	for _, s := range append(roleCases, speakerCases...) {
		checkRoleEnd(t, s)
	}
}

// roleTokens spells s's bytes as pieces of role lines (see headingTokens).
func roleTokens(s string) string {
	pieces := []string{"Monsieur", "Mme", "M.", "madame", "le", "la", "l'", "L", " ", "\t", "maire", "président", "PRESIDENT", "e", "de", "séance", "-", "adjoint", "député", "ſ", "x", "é"}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pieces[int(s[i])%len(pieces)])
	}
	return b.String()
}

// FuzzRoleEnd checks roleEnd against reRole on any text, and on texts made of its words.
func FuzzRoleEnd(f *testing.F) {
	for _, s := range roleCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkRoleEnd(t, s)
		checkRoleEnd(t, roleTokens(s))
	})
}

// TestBareNameAt checks bareNameAt against reSpeakerBare.
func TestBareNameAt(t *testing.T) {
	for _, s := range append(bareCases, speakerCases...) {
		if got, want := bareNameAt(s), reSpeakerBare.Regexp.MatchString(s); got != want {
			t.Errorf("bareNameAt(%q) = %v, want %v", s, got, want)
		}
	}
}
