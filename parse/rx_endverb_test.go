package parse

import (
	"slices"
	"strings"
	"testing"
)

// TestEndVerbWords checks the parts of reEndVerb against what endVerbIndex assumes of them:
// words that open with a letter, none a prefix of another in its list.
func TestEndVerbWords(t *testing.T) {
	for _, list := range [][]string{endVerbAux, endVerbForms, endVerbAt} {
		for i, w := range list {
			if w == "" || !('a' <= w[0] && w[0] <= 'z') {
				t.Errorf("%q does not open with a lower-case letter", w)
			}
			for j, o := range list {
				if i != j && strings.HasPrefix(o, w) {
					t.Errorf("%q is a prefix of %q", w, o)
				}
			}
		}
	}
	if reEndVerb.String() != endVerbExpr || reEndVerb.handSub == nil {
		t.Error("reEndVerb is not read by endVerbIndex")
	}
}

// TestEndVerbIndex compares endVerbIndex with reEndVerb's regexp on named cases.
func TestEndVerbIndex(t *testing.T) {
	cases := []struct {
		name, s string
		want    []int
	}{
		{"plain", "la seance est levee a 21h30", []int{10, 22}},
		{"perfect", "la seance a ete close vers 22 h", []int{10, 27}},
		{"runs of space", "seance fut\t\tterminee  a\n", []int{7, 24}},
		{"no boundary", "xest levee a 3", nil},
		{"no time word", "est levee ce soir", nil},
		{"no space after", "est levee a", nil},
		{"second place", "il est clos, elle est cloturee vers 9", []int{18, 36}},
		{"word after a", "est levee avec", nil},
		{"vertical tab", "est levee\va 1", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := endVerbIndex(tc.s).slice(); !slices.Equal(got, tc.want) {
				t.Errorf("endVerbIndex(%q) = %v, want %v", tc.s, got, tc.want)
			}
			if got, want := reEndVerb.FindStringIndex(tc.s), reEndVerb.Regexp.FindStringIndex(tc.s); !slices.Equal(got, want) {
				t.Errorf("FindStringIndex(%q) = %v, regexp %v", tc.s, got, want)
			}
		})
	}
}

func FuzzEndVerbIndex(f *testing.F) {
	for _, s := range []string{"la seance est levee a 21h30", "a ete close vers 9", "fut  terminee\ta ", "_est levee a 1", "est levee vers"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := reEndVerb.FindStringIndex(s), reEndVerb.Regexp.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("FindStringIndex(%q) = %v, regexp %v", s, got, want)
		}
	})
}
