package parse

import (
	"strings"
	"testing"

	"minutes/extract"
)

// checkCleanAt compares cleanAt with cleanHeadingText on each line of text.
func checkCleanAt(t *testing.T, text string) {
	t.Helper()
	src := &extract.Source{}
	for k, l := range strings.Split(text, "\n") {
		src.Lines = append(src.Lines, extract.Line{Pos: extract.Pos{Page: 1, Line: k + 1}, Text: l})
	}
	d := newDoc(src)
	for i, l := range d.lines {
		if got, want := d.cleanAt(i), cleanHeadingText(l.Text); got != want {
			t.Errorf("cleanAt(%q) = %q, want %q", l.Text, got, want)
		}
	}
	// The memo reads the tabs from the lines' byte facts once they are known.
	d = newDoc(src)
	d.lineBits()
	for i, l := range d.lines {
		if got, want := d.cleanAt(i), cleanHeadingText(l.Text); got != want {
			t.Errorf("cleanAt(%q) after lineBits = %q, want %q", l.Text, got, want)
		}
	}
}

func TestCleanAt(t *testing.T) {
	tests := []struct{ name, text string }{
		{"plain", "  Monsieur le Maire : merci.  "},
		{"bold", "**Monsieur DUPONT** : la parole"},
		{"hashes", "## 3. Budget"},
		{"tab marker", "1\tSubventions"},
		{"underscores", "__Débat__"},
		{"non-breaking spaces", "\u00a0Madame X : oui\u00a0"},
		{"empty", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkCleanAt(t, tc.text) })
	}
}

func FuzzCleanAt(f *testing.F) {
	f.Add("  **M. X** : oui\n## 2\tBudget\n\u00a0a_b ")
	f.Fuzz(func(t *testing.T, text string) { checkCleanAt(t, text) })
}
