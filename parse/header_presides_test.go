package parse

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"minutes/normalize"
)

// checkPresidesAfter compares presidesAfterIndex with the pattern it stands for.
func checkPresidesAfter(t testing.TB, f string) {
	t.Helper()
	if got, want := presidesAfterIndex(f), rePresidesAfter.Regexp.FindStringIndex(f); !reflect.DeepEqual(got, want) {
		t.Errorf("presidesAfterIndex(%q) = %v, want %v", f, got, want)
	}
}

func TestPresidesAfterIndex(t *testing.T) {
	tests := []struct {
		name, f string
		match   bool
	}{
		{"after name", "m. jean dupont, maire, preside la seance", true},
		{"imperfect", "m. jean dupont presidait", true},
		{"assure", "m. dupont assure la presidence", true},
		{"assure then more", "m. dupont assure la presidence de la seance", true},
		{"presidence only", "sous la presidence de m. jean dupont", false},
		{"president", "le president, m. dupont", false},
		{"presidee", "seance presidee par m. dupont", false},
		{"verb then word char", "presidex", false},
		{"second occurrence ends a word", "presidents et m. x preside.", true},
		{"at the end", "preside", true},
		{"accent after", "presideé", true},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := presidesAfterIndex(tc.f) != nil; got != tc.match {
				t.Errorf("presidesAfterIndex(%q) matched = %v, want %v", tc.f, got, tc.match)
			}
			checkPresidesAfter(t, tc.f)
		})
	}
	if len(presidesVerbs) == 0 {
		t.Fatal("no verbs")
	}
	for _, file := range corpusTextFiles() {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkPresidesAfter(t, normalize.Fold(line))
		}
	}
}

func FuzzPresidesAfterIndex(f *testing.F) {
	for _, s := range []string{"m. jean dupont, maire, preside la seance", "assure la presidence", "sous la presidence de", "presidait_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPresidesAfter(t, s) })
}
