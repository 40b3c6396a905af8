package parse

import (
	"os"
	"strings"
	"testing"

	"minutes/normalize"
)

// checkLabelHeadMatch compares labelHeadMatch with the pattern it stands for.
func checkLabelHeadMatch(t testing.TB, f string) {
	t.Helper()
	if got, want := labelHeadMatch(f), reLabelHead.Regexp.MatchString(f); got != want {
		t.Errorf("labelHeadMatch(%q) = %v, want %v", f, got, want)
	}
}

func TestLabelHeadMatch(t *testing.T) {
	tests := []struct {
		f    string
		want bool
	}{
		{"presents", true}, {"presentes :", true}, {"presentation", false}, {"a", true}, {"a donne", true},
		{"abs", false}, {"absents excuses", true}, {"se sont excuses", true}, {"se sontx", false},
		{"etaient presents", true}, {"les presents", false}, {"", false}, {"elus_", false}, {"elu-", true},
	}
	for _, tc := range tests {
		if got := labelHeadMatch(tc.f); got != tc.want {
			t.Errorf("labelHeadMatch(%q) = %v, want %v", tc.f, got, tc.want)
		}
		checkLabelHeadMatch(t, tc.f)
	}
	for _, file := range append(corpusTextFiles(), "../testdata/sample/numerian-2023-12-15.txt") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkLabelHeadMatch(t, strings.TrimSpace(normalize.Fold(line)))
		}
	}
}

func FuzzLabelHeadMatch(f *testing.F) {
	for _, s := range []string{"presents", "se sont excuses", "a", "absents:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkLabelHeadMatch(t, s) })
}
