package parse

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMoreRunes(t *testing.T) {
	for _, c := range []struct {
		name string
		s    string
		n    int
		want bool
	}{
		{"empty", "", 0, false},
		{"ascii at bound", "abc", 3, false},
		{"ascii over", "abcd", 3, true},
		{"accents at bound", "ééé", 3, false},
		{"accents over", "éééé", 3, true},
		{"bytes over, runes not", "é€", 2, false},
		{"invalid bytes count one each", "\xff\xfe\xfd", 2, true},
		{"long", strings.Repeat("é", 500), 120, true},
	} {
		if got := moreRunes(c.s, c.n); got != c.want {
			t.Errorf("%s: moreRunes(%q, %d) = %v, want %v", c.name, c.s, c.n, got, c.want)
		}
	}
}

func FuzzMoreRunes(f *testing.F) {
	for _, s := range []string{"", "abc", "éé", "\xff", "€uro", strings.Repeat("a", 130)} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n % 200
		if n < 0 {
			n = -n
		}
		if got, want := moreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
			t.Errorf("moreRunes(%q, %d) = %v, want %v", s, n, got, want)
		}
	})
}
