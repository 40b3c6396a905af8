package parse

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"minutes/normalize"
)

var allGatesUnderTest = map[string]allGate{
	"secretaryAfter":    gateSecretaryAfter,
	"secretaryCommeAny": gateSecretaryCommeAny,
	"secretaryDuties":   gateSecretaryDuties,
}

func checkAllGate(t testing.TB, name string, g allGate, s string) {
	t.Helper()
	if got, want := g.FindStringIndex(s), g.re.Regexp.FindStringIndex(s); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: FindStringIndex(%q) = %v, want %v", name, s, got, want)
	}
}

func TestAllGate(t *testing.T) {
	texts := []string{
		"", "m. jean dupont est designe secretaire de seance",
		"mme x, a ete elue secretaire", "m. y comme secretaire", "m. z, en qualite de secretaire",
		"m. a est designe pour remplir les fonctions de secretaire", "m. b est nomme pour assurer ces fonctions",
		"secretaire de seance : m. c", "est elu", "le secretaire est absent",
	}
	for name, g := range allGatesUnderTest {
		if len(g.sets) == 0 {
			t.Errorf("%s: no literal set", name)
		}
		for _, s := range texts {
			checkAllGate(t, name, g, s)
		}
		for _, file := range corpusTextFiles() {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(data), "\n") {
				checkAllGate(t, name, g, normalize.Fold(line))
			}
		}
	}
}

func FuzzAllGate(f *testing.F) {
	for _, s := range []string{"m. jean dupont est designe secretaire", "x comme secretaire", "y a ete nomme pour exercer les fonctions"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, g := range allGatesUnderTest {
			checkAllGate(t, name, g, s)
		}
	})
}
