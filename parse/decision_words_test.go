package parse

import (
	"strings"
	"testing"
)

// wordSeeds are texts on which appendWords must join the words as strings.Fields does: every
// kind of white space, alone, doubled, leading and trailing, and invalid UTF-8.
var wordSeeds = []string{
	"", " ", "a", " a ", "a b", "a  b", "a\tb", "a \tb", "a\u00a0b", "a \u00a0 b", "\u2003x\u2003", "a\u0085b",
	"\xc2 a", "a \xc2", "Pour : 12 ** Contre : 3", "  Le   Conseil\tdécide ", "x\u3000y z", "é è", "a\nb\r\nc",
}

func checkAppendWords(t *testing.T, s string) {
	for _, lead := range []string{"", "x"} {
		var b strings.Builder
		appendWords(&b, lead)
		appendWords(&b, s)
		appendWords(&b, s)
		if got, want := b.String(), strings.Join(strings.Fields(lead+" "+s+" "+s), " "); got != want {
			t.Errorf("appendWords(%q, %q twice) = %q, want %q", lead, s, got, want)
		}
	}
}

func TestAppendWords(t *testing.T) {
	for _, s := range wordSeeds {
		checkAppendWords(t, s)
	}
}

func FuzzAppendWords(f *testing.F) {
	for _, s := range wordSeeds {
		f.Add(s)
	}
	f.Fuzz(checkAppendWords)
}
