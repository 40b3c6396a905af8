package parse

import "testing"

// TestRuleLine compares ruleLine with its reference pattern reRuleLine.
func TestRuleLine(t *testing.T) {
	for _, s := range []string{
		"", " ", "----", "___ ___", "– — –", "=*=*", "...", "~", "\t\n\f\r", "\v", "- x -",
		"\u2013", "\u2012", "\u2015", "\xe2\x80", "\xe2", "\xe2\x80\x93-", "-\xff", "—\u00a0—",
		"presents : 12", "* * *",
	} {
		if got, want := ruleLine(s), reRuleLine.MatchString(s); got != want {
			t.Errorf("ruleLine(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzRuleLine(f *testing.F) {
	for _, s := range []string{"", "----", "– —", "\xe2\x80\x94\xe2", "a", "\v", "_ _ ~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ruleLine(s), reRuleLine.MatchString(s); got != want {
			t.Errorf("ruleLine(%q) = %v, want %v", s, got, want)
		}
	})
}
