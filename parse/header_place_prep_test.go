package parse

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"minutes/normalize"
)

// placePrepsAll is every match nextPlacePrep reads, as FindAllStringSubmatchIndex gives them.
func placePrepsAll(s string, n int) [][]int {
	var out [][]int
	for pos := 0; len(out) < n; {
		m, ok := nextPlacePrep(s, pos)
		if !ok {
			break
		}
		out = append(out, m[:])
		pos = m[1]
	}
	return out
}

func checkPlacePrep(t testing.TB, s string) {
	t.Helper()
	if got, want := placePrepsAll(s, 12), rePlacePrep.Regexp.FindAllStringSubmatchIndex(s, 12); !(len(got) == 0 && len(want) == 0) && !reflect.DeepEqual(got, want) {
		t.Errorf("nextPlacePrep over %q = %v, want %v", s, got, want)
	}
}

func TestNextPlacePrep(t *testing.T) {
	for _, s := range []string{
		"", "a la mairie", "au  siege, en mairie", "a", "a ", "au", "dans\tla salle", ",a x", " a", "xa b", "la salle a\n",
		"le 15 decembre 2023 a 10h00 a le pouzin, siege du syndicat", "au\x0c x", "en\r", "  a  au  en  dans  ",
	} {
		checkPlacePrep(t, s)
	}
	for _, file := range append(corpusTextFiles(), "../testdata/sample/numerian-2023-12-15.txt") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkPlacePrep(t, normalize.Fold(line))
		}
	}
}

func FuzzNextPlacePrep(f *testing.F) {
	for _, s := range []string{"a la mairie, en salle", ",au  x", "dans a au en"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPlacePrep(t, s) })
}
