package parse

import (
	"strings"
	"testing"
)

// mayCases are lines for the prefilters of the body patterns: each prefilter must accept every
// line its pattern matches.
var mayCases = []string{
	"Max LEVITA : je propose",
	"Jean-Pierre GAUTHIER: oui",
	"Marie-Josèphe BATARD : Excusée",
	"Élodie DUPRÉ :",
	"Abdi EL KANDOUSSI:",
	"Le conseil municipal : décide",
	"Vu le code général : ",
	"Anne  MARTIN\t:",
	"Jean de LA FONTAINE :",
	"pour : 12",
	"- pour 12",
	"• contre : 0",
	"vote : pour 15",
	"15 voix pour",
	"abstentions : 2",
	"nuls",
	"blancs : 1",
	"le conseil, pour 12",
	"",
	":",
	"É",
	" - • * Débat :",
	"•\xe2\x80",
	"-\xff- x",
}

// TestBodyMayPrefilters checks the prefilters against their patterns on sample lines.
func TestBodyMayPrefilters(t *testing.T) {
	for _, s := range mayCases {
		if reSpeakerBare.MatchString(s) && !speakerBareMay(s) {
			t.Errorf("speakerBareMay(%q) = false, but reSpeakerBare matches", s)
		}
		if got, want := trimBulletMarks(s), strings.TrimLeft(s, " -•*"); got != want {
			t.Errorf("trimBulletMarks(%q) = %q, want %q", s, got, want)
		}
	}
	// The prefilters must also turn lines away, or they spare nothing.
	for _, s := range []string{"Le conseil municipal : décide", "Vu le code : article 3"} {
		if speakerBareMay(s) {
			t.Errorf("speakerBareMay(%q) = true, want false", s)
		}
	}
}

// FuzzBodyMayPrefilters checks on arbitrary text that a prefilter never turns away a line its
// pattern matches.
func FuzzBodyMayPrefilters(f *testing.F) {
	for _, s := range mayCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if reSpeakerBare.MatchString(s) && !speakerBareMay(s) {
			t.Errorf("speakerBareMay(%q) = false, but reSpeakerBare matches", s)
		}
		if got, want := trimBulletMarks(s), strings.TrimLeft(s, " -•*"); got != want {
			t.Errorf("trimBulletMarks(%q) = %q, want %q", s, got, want)
		}
	})
}
