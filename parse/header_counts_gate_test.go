package parse

import (
	"os"
	"strings"
	"testing"

	"minutes/normalize"
)

// checkCountBeforeGate fails when reCountBefore matches a text digitThenSpace rejects.
func checkCountBeforeGate(t testing.TB, s string) {
	t.Helper()
	if !digitThenSpace(s) && reCountBefore.Regexp.MatchString(s) {
		t.Errorf("digitThenSpace(%q) = false, but reCountBefore matches it", s)
	}
}

func TestDigitThenSpace(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"12 presents", true}, {"presents : 12", false}, {"", false}, {"1\t", true}, {"a1", false}, {"9\n", true},
	}
	for _, tc := range tests {
		if got := digitThenSpace(tc.s); got != tc.want {
			t.Errorf("digitThenSpace(%q) = %v, want %v", tc.s, got, tc.want)
		}
		checkCountBeforeGate(t, tc.s)
	}
	for _, file := range append(corpusTextFiles(), "../testdata/sample/numerian-2023-12-15.txt") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkCountBeforeGate(t, normalize.Fold(line))
		}
	}
}

func FuzzDigitThenSpace(f *testing.F) {
	for _, s := range []string{"12 presents", "presents : 12", "soit 31 presents, 2 procurations"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCountBeforeGate(t, s) })
}
