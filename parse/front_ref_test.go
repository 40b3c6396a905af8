package parse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minutes/normalize"
)

// danglingEndRef is danglingEnd as first written (strings.Fields of the whole title), kept as
// the reference of the version that reads the last word only.
func danglingEndRef(title string) bool {
	words := strings.Fields(title)
	if len(words) == 0 {
		return false
	}
	switch strings.ToLower(words[len(words)-1]) {
	case "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "à", "au", "aux", "en", "pour", "sur", "par", "-", "–", "avec", "entre", "dans", "ou":
		return true
	}
	return false
}

var danglingCases = []string{"", " ", "CONVENTION DE", "Convention de\u00a0", "Avenant\u00a0DE", "Vote du budget",
	"TARIFS À", "x\u2003pour", "de\xff", "\xffde", "a – ", "projet ENTRE\t", "Le", "\u00a0"}

func TestDanglingEndMatchesReference(t *testing.T) {
	for _, s := range danglingCases {
		if got, want := danglingEnd(s), danglingEndRef(s); got != want {
			t.Errorf("danglingEnd(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzDanglingEnd(f *testing.F) {
	for _, s := range danglingCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := danglingEnd(s), danglingEndRef(s); got != want {
			t.Errorf("danglingEnd(%q) = %v, want %v", s, got, want)
		}
	})
}

var giveProxyCases = []string{
	"mme agnes audigier donne pouvoir a m. bruno seneclauze",
	"mme agnes audigier donne pouvoir a m. bruno seneclauze.",
	"m. x, represente par m. y",
	"m. x est representee par mme y .",
	"m. x donne pouvoir a  y . ",
	"m. x donne pouvoir a \n",
	"m. x donne pouvoir a .",
	"m. x donne pouvoir a ..",
	"m. x donne pouvoir a y\nz",
	"m. x donne pouvoir a \ny",
	"m. x qui a donne procuration au profit de m. y",
	"x ayant donne sa procuration de vote a y",
	"x donne pouvoir a y donne pouvoir a z",
	"a b c d e f g h i j k l donne pouvoir a m",
	"donne pouvoir a y",
	" donne pouvoir a y",
	",donne pouvoir a y",
	"x ,  donne pouvoir a\ty\t.",
	"Mme X donne pouvoir à M. Y",
	"",
}

func checkGiveProxy(t testing.TB, f string) {
	t.Helper()
	if got, want := giveProxyIndex(f), reGiveProxy.FindStringSubmatchIndex(f); !slices.Equal(got, want) {
		t.Errorf("giveProxyIndex(%q) = %v, want %v", f, got, want)
	}
}

func TestGiveProxyIndex(t *testing.T) {
	for _, s := range giveProxyCases {
		checkGiveProxy(t, s)
		checkGiveProxy(t, normalize.Fold(s))
	}
	// Every line of the corpus, folded and split into list items.
	files, _ := filepath.Glob("../../shared/corpus/dev/*.txt")
	if len(files) == 0 {
		t.Skip("corpus absent")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			f := normalize.Fold(l)
			checkGiveProxy(t, f)
			for _, it := range splitItems(f) {
				checkGiveProxy(t, it.text)
			}
		}
	}
}

func FuzzGiveProxyIndex(f *testing.F) {
	for _, s := range giveProxyCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkGiveProxy(t, s)
		checkGiveProxy(t, normalize.Fold(s))
	})
}
