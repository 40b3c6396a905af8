package parse

import (
	"strings"
	"testing"
)

// appendClauseLineRef is what appendClauseLine replaces.
func appendClauseLineRef(buf []byte, s string) []byte {
	return append(buf, strings.TrimSpace(strings.ReplaceAll(s, "*", ""))...)
}

func TestAppendClauseLine(t *testing.T) {
	for _, tc := range []struct{ name, prefix, in string }{
		{"empty", "", ""},
		{"plain", "", "le conseil municipal decide"},
		{"bold", "x ", "**le conseil** decide"},
		{"stars and spaces", "ab", "  * le conseil *  "},
		{"only stars", "", "***"},
		{"unicode space", "", "\u00a0* decide \u2003"},
		{"accents", "y", "*délibéré*"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(appendClauseLine([]byte(tc.prefix), tc.in))
			want := string(appendClauseLineRef([]byte(tc.prefix), tc.in))
			if got != want {
				t.Errorf("appendClauseLine(%q, %q) = %q, want %q", tc.prefix, tc.in, got, want)
			}
		})
	}
}

func FuzzAppendClauseLine(f *testing.F) {
	for _, s := range []string{"", "**le conseil** decide", " * a * ", "\u00a0*\u2003", "\xff*\xfe "} {
		f.Add("p ", s)
	}
	f.Fuzz(func(t *testing.T, prefix, s string) {
		got := string(appendClauseLine([]byte(prefix), s))
		want := string(appendClauseLineRef([]byte(prefix), s))
		if got != want {
			t.Errorf("appendClauseLine(%q, %q) = %q, want %q", prefix, s, got, want)
		}
	})
}
