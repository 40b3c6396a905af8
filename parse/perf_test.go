package parse

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// reSpaceGapRef is the regular expression that splitGaps replaces, kept as its reference.
var reSpaceGapRef = regexp.MustCompile(`\s{2,}`)

func TestSplitGaps(t *testing.T) {
	cases := []string{
		"", " ", "  ", "a", "a b", "a  b", "a \t b", "  a  b  ", "Dépenses   1 200,00   3 400",
		"a\n\nb", "a\r\n\fb", "\u00a0\u00a0x", "x \u00a0 y", "a  b  c   d    ", "\xff  \xfe",
	}
	for _, s := range cases {
		want := reSpaceGapRef.Split(s, -1)
		if got := splitGaps(s); !reflect.DeepEqual(got, want) {
			t.Errorf("splitGaps(%q) = %q, want %q", s, got, want)
		}
		_, gap := gapText(s)
		ref := strings.TrimSpace(spaceLike.Replace(s))
		if want := len(reSpaceGapRef.Split(ref, -1)) > 1; gap != want {
			t.Errorf("gapText(%q) gap = %v, want %v", s, gap, want)
		}
	}
}

func FuzzSplitGaps(f *testing.F) {
	for _, s := range []string{"a  b", "  Total   12 €  ", "x\u202f\u202fy", "\t\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitGaps(s), reSpaceGapRef.Split(s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("splitGaps(%q) = %q, want %q", s, got, want)
		}
		g, gap := gapText(s)
		ref := strings.TrimSpace(spaceLike.Replace(s))
		if g != ref || gap != (len(reSpaceGapRef.Split(ref, -1)) > 1) {
			t.Errorf("gapText(%q) = %q, %v; want %q", s, g, gap, ref)
		}
	})
}
