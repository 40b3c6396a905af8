package parse

import (
	"strings"
	"testing"
)

// TestMayTOCLine checks that the byte test in front of reTOCLine never rejects a line the
// pattern matches, and rejects the titles that end otherwise.
func TestMayTOCLine(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"page number", "Budget primitif page 03", true},
		{"dotted leader", "Budget primitif ........ 12  ", true},
		{"trailing tab", "Budget ..... 4\t", true},
		{"plain title", "Vote du budget primitif", false},
		{"empty", "", false},
		{"spaces only", "   ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mayTOCLine(tt.in); got != tt.want {
				t.Errorf("mayTOCLine(%q) = %v, want %v", tt.in, got, tt.want)
			}
			if reTOCLine.MatchString(tt.in) && !mayTOCLine(tt.in) {
				t.Errorf("reTOCLine matches %q but mayTOCLine rejects it", tt.in)
			}
		})
	}
}

// FuzzMayTOCLine checks that mayTOCLine never rejects a text reTOCLine matches.
func FuzzMayTOCLine(f *testing.F) {
	for _, s := range []string{"Budget page 3", "Titre ..... 12 \n", "Titre", "page 7\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if reTOCLine.MatchString(s) && !mayTOCLine(s) {
			t.Errorf("reTOCLine matches %q but mayTOCLine rejects it", s)
		}
	})
}

// FuzzBareDigitWithin checks that a line a bare register-number form matches always holds a
// digit within its first bareDigitWithin bytes, the byte test matchHeadingMax runs first.
func FuzzBareDigitWithin(f *testing.F) {
	for _, s := range []string{"DL-061-07-13 - Travaux", "D2018-66 Budget", "ÉÉÉÉ 12/3 – x", "2020-038 SUBVENTION", "Le Conseil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, form := range headingForms {
			if form.bare && form.re.MatchString(s) && strings.IndexAny(s[:min(len(s), bareDigitWithin)], digits) < 0 {
				t.Errorf("%s form matches %q with no digit in its first %d bytes", form.style, s, bareDigitWithin)
			}
		}
	})
}
