package parse

import (
	"strings"
	"testing"

	"minutes/normalize"
)

// bareNumberEndRef is bareNumberEnd before its tail was turned away on its first byte
// (bareTailOpens): every unit and tax is tried.
func bareNumberEndRef(s string) int {
	i := 0
	if i < len(s) {
		switch {
		case s[i] == '-' || s[i] == '+' || s[i] == '(':
			i++
		case strings.HasPrefix(s, "–"):
			i += len("–")
		}
	}
	i = skipSpace(s, i)
	if i == len(s) || s[i] < '0' || s[i] > '9' {
		return -1
	}
	i++
run:
	for i < len(s) {
		switch c := s[i]; {
		case '0' <= c && c <= '9' || c == ' ' || c == '.' || c == ',' || c == '\'':
			i++
			continue
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
			continue
		case strings.HasPrefix(s[i:], "\u202f"):
			i += len("\u202f")
			continue
		}
		break run
	}
	if i < len(s) && s[i] == ')' {
		i++
	}
	i = skipSpace(s, i)
	for _, unit := range bareUnits {
		if !strings.HasPrefix(s[i:], unit) {
			continue
		}
		j := skipSpace(s, i+len(unit))
		for _, tax := range bareTaxes {
			if !strings.HasPrefix(s[j:], tax) {
				continue
			}
			if k := skipSpace(s, j+len(tax)); k == len(s) || k == len(s)-1 && s[k] == '*' {
				return len(s)
			}
		}
	}
	return -1
}

func TestBareNumberEndMatchesRef(t *testing.T) {
	cases := []struct{ name, s string }{
		{"empty", ""},
		{"number", "1 200,50"},
		{"euros", "1 200 euros"},
		{"euro ht", "-300 € ht *"},
		{"k euro", "(12) k€"},
		{"percent", "12,5 %"},
		{"tax dotted", "45 h.t."},
		{"tab then star", "7\t*"},
		{"word after", "2023 budget primitif"},
		{"unit then word", "500 euros pour"},
		{"tax then word", "500 ttc pour"},
		{"dash", "– 1 697"},
		{"nbsp", "1\u00a0000\u202f€"},
		{"star alone", "3 *"},
		{"star then more", "3 **"},
		{"letter after", "12 h"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, want := bareNumberEnd(c.s), bareNumberEndRef(c.s); got != want {
				t.Errorf("bareNumberEnd(%q) = %d, want %d", c.s, got, want)
			}
		})
	}
	n := 0
	for _, l := range corpusLines() {
		s := normalize.Fold(l)
		if got, want := bareNumberEnd(s), bareNumberEndRef(s); got != want {
			t.Errorf("bareNumberEnd(%q) = %d, want %d", s, got, want)
		}
		n++
	}
	t.Logf("%d corpus lines", n)
}

func FuzzBareNumberEnd(f *testing.F) {
	for _, s := range []string{"1 200 €", "-3 ht", "12 h.t. *", "2023 budget", "7 k€ ttc", "\x001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []string{s, handTokens(s)} {
			if got, want := bareNumberEnd(v), bareNumberEndRef(v); got != want {
				t.Errorf("bareNumberEnd(%q) = %d, want %d", v, got, want)
			}
		}
	})
}
