package parse

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
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
	"UNANIMIÏE", "A?ÏB", "AÏ?B", "A??B", "Ï?A", "\xffÏA", "ÉÏÉ", "12", "+3", "-", "+", "1a", "-45", "999999999999999999", "٣",
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
		_, err := strconv.Atoi(s)
		if got, want := isSmallInt(s), err == nil; got != want {
			t.Errorf("isSmallInt(%q) = %v, want %v", s, got, want)
		}
		if got, want := ocrCapitals(s), ocrCapitalsRunes(s); got != want {
			t.Errorf("ocrCapitals(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
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
		if got, want := ocrCapitals(s), ocrCapitalsRunes(s); got != want {
			t.Errorf("ocrCapitals(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
		}
		if len(s) <= 18 {
			_, err := strconv.Atoi(s)
			if got, want := isSmallInt(s), err == nil; got != want {
				t.Errorf("isSmallInt(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

// civCases are lines for the hand reader of reSpeakerCiv.
var civCases = []string{
	"Monsieur Jean-Luc Chaumont : je propose",
	"Mme Reynaud indique",
	"MME. REYNAUD",
	"M. le Maire",
	"MM. Dupont et Durand",
	"Monsieur  de la Fontaine dit",
	"Monsieur dede dudu van von",
	"monſieur Dupont",
	"Monsieur\tDUPONT\t\tMARTIN  LEROY  PETIT  DURAND",
	"Madame\xffDupont",
	"Madame \xffDupont",
	"Mademoiselle d'Artagnan",
	"Mr McGregor",
	"Mlle.Dupont",
	"Messieurs les élus",
	"Monsieur",
	"Monsieur ",
	"Monsieur 12",
	"Mesdames Élodie O’Neil-Smith.",
}

// civMatch is the name span of reSpeakerCiv on t, as speakerCivName reports it.
func civMatch(t string) (int, int, bool) {
	if m := reSpeakerCiv.FindStringSubmatchIndex(t); m != nil {
		return m[2], m[3], true
	}
	return 0, 0, false
}

// TestSpeakerCivScanner checks the hand reader of reSpeakerCiv against the pattern.
func TestSpeakerCivScanner(t *testing.T) {
	if speakerCiv == nil {
		t.Fatal("reSpeakerCiv has a shape the hand reader does not know: the pattern runs on every civility line")
	}
	for _, s := range civCases {
		a, b, ok := speakerCivName(s)
		wa, wb, wok := civMatch(s)
		if a != wa || b != wb || ok != wok {
			t.Errorf("speakerCivName(%q) = %d, %d, %v, want %d, %d, %v", s, a, b, ok, wa, wb, wok)
		}
	}
	if newCivScanner(reCivility, `^(?i:`+reCivility+`)\s+(\p{Lu}+)`) != nil {
		t.Error("newCivScanner accepted a pattern of another shape")
	}
}

// FuzzSpeakerCivScanner checks the hand reader of reSpeakerCiv against the pattern on arbitrary
// text.
func FuzzSpeakerCivScanner(f *testing.F) {
	for _, s := range civCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := speakerCivName(s)
		wa, wb, wok := civMatch(s)
		if a != wa || b != wb || ok != wok {
			t.Errorf("speakerCivName(%q) = %d, %d, %v, want %d, %d, %v", s, a, b, ok, wa, wb, wok)
		}
	})
}

// ocrCapitalsRunes is ocrCapitals as first written, on a slice of runes: the reference.
func ocrCapitalsRunes(s string) string {
	r := []rune(s)
	changed := false
	for k := 1; k+1 < len(r); k++ {
		if (r[k] == 'Ï' || r[k] == '?') && unicode.IsUpper(r[k-1]) && unicode.IsUpper(r[k+1]) {
			if r[k] == 'Ï' {
				r[k] = 'T'
			} else {
				r[k] = 'I'
			}
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(r)
}
