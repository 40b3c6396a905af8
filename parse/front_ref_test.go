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
	lines := corpusLines()
	if len(lines) == 0 {
		t.Skip("corpus absent")
	}
	for _, l := range lines {
		f := normalize.Fold(l)
		checkGiveProxy(t, f)
		for _, it := range splitItems(f) {
			checkGiveProxy(t, it.text)
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

var proxyPairCases = []string{
	"m. x a m. y", "m. x a m. y.", "m. x par m. y", "mme x au profit de m. y .",
	"x  a\ty \t", "x a ", "x a", "a a a", " a y", "  a y", "x \n a y", "x\na y", "x a \ny",
	"x a y\nz", "x au y", "x au profit de", "x au profit de  z", "x par a y", "x a .", "x a ..",
	"é a b", "\xff a b", "x\u00a0a y", "x apar y", "x pa y a z", "", " ", "a", "x \n",
	"m. jean dupont a mme marie martin",
}

func checkProxyPair(t testing.TB, f string) {
	t.Helper()
	if got, want := proxyPairIndex(f), reProxyPair.FindStringSubmatchIndex(f); !slices.Equal(got, want) {
		t.Errorf("proxyPairIndex(%q) = %v, want %v", f, got, want)
	}
}

var substituteCases = []string{
	"suppleant de m. jose orenes lerma", " suppleante d'x", "remplace  y  ", "representante de",
	"representant de ", "representant de  x", "suppleant\n", "suppleant \nx", "suppleant x\ny",
	"remplacant de\nx", "representante", "suppleant", "", "x suppleant de y", "suppleantes de y",
	"suppleant d' y", "suppleant de\u00a0y",
}

func checkSubstitute(t testing.TB, f string) {
	t.Helper()
	if got, want := substituteIndex(f), reSubstitute.FindStringSubmatchIndex(f); !slices.Equal(got, want) {
		t.Errorf("substituteIndex(%q) = %v, want %v", f, got, want)
	}
}

// TestProxyPairAndSubstitute: the hand readers give the patterns' answers on the cases and on
// every line of the corpus, whole and split into list items.
func TestProxyPairAndSubstitute(t *testing.T) {
	if got, want := reProxyPair.String(), `^(.+?)\s+(?:a|par|au profit de)\s+(.+?)\s*\.?$`; got != want {
		t.Errorf("reProxyPair = %s, want %s", got, want)
	}
	for _, s := range append(proxyPairCases, substituteCases...) {
		for _, f := range []string{s, normalize.Fold(s)} {
			checkProxyPair(t, f)
			checkSubstitute(t, f)
		}
	}
	lines := corpusLines()
	if len(lines) == 0 {
		t.Skip("corpus absent")
	}
	for _, l := range lines {
		f := normalize.Fold(l)
		checkProxyPair(t, f)
		checkSubstitute(t, f)
		for _, it := range splitItems(f) {
			checkProxyPair(t, it.text)
			checkSubstitute(t, strings.Trim(it.text, "()"))
		}
	}
}

func FuzzProxyPairIndex(f *testing.F) {
	for _, s := range proxyPairCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkProxyPair(t, s)
		checkProxyPair(t, normalize.Fold(s))
	})
}

func FuzzSubstituteIndex(f *testing.F) {
	for _, s := range substituteCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSubstitute(t, s)
		checkSubstitute(t, normalize.Fold(s))
	})
}

// BenchmarkProxyReaders compares the hand readers with their patterns on typical entries.
func BenchmarkProxyReaders(b *testing.B) {
	pair := "mme marie-christine dupont-lefevre a m. jean-pierre martin"
	sub := "suppleant de m. jose orenes lerma"
	b.Run("pair/rx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			reProxyPair.FindStringSubmatchIndex(pair)
		}
	})
	b.Run("pair/hand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			proxyPairIndex(pair)
		}
	})
	b.Run("substitute/rx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			reSubstitute.FindStringSubmatchIndex(sub)
		}
	})
	b.Run("substitute/hand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			substituteIndex(sub)
		}
	})
}

// countFieldRef is countField before its memo, the reference of labelField.
func countFieldRef(label string, atStart bool) string {
	for _, cf := range countFields {
		if cf.re.MatchString(label) {
			switch cf.field {
			case "for", "against", "abstention":
				if !atStart {
					return ""
				}
			}
			if cf.field == "present" && strings.Contains(label, "represent") {
				return "represented"
			}
			return cf.field
		}
	}
	return ""
}

var countLabelCases = []string{"presents", "presents ou representes", "representes", "pour", "- pour",
	"contre", "abstentions", "en exercice", "nombre de conseillers en exercice", "votants",
	"suffrages exprimes", "absents", "pouvoirs", "procurations", "en seance", "x", "", "pourvu",
	"conseillers municipaux presents", "ayant pris part au vote", "ont donne pouvoir"}

// TestCountFieldMemo: countField with its memo answers as before, asked twice (the second
// time from the memo), on the cases and every count label the corpus's lines hold.
func TestCountFieldMemo(t *testing.T) {
	labels := slices.Clone(countLabelCases)
	files, _ := filepath.Glob("../../shared/corpus/dev/*.txt")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			f := normalize.Fold(l)
			for _, m := range reCountAfter.FindAllStringSubmatchIndex(f, -1) {
				labels = append(labels, f[m[2]:m[3]])
			}
			for _, m := range reCountBefore.FindAllStringSubmatchIndex(f, -1) {
				labels = append(labels, f[m[4]:m[5]])
			}
		}
	}
	for range 2 {
		for _, l := range labels {
			for _, atStart := range []bool{false, true} {
				if got, want := countField(l, atStart), countFieldRef(l, atStart); got != want {
					t.Errorf("countField(%q, %v) = %q, want %q", l, atStart, got, want)
				}
			}
		}
	}
}

func FuzzCountField(f *testing.F) {
	for _, s := range countLabelCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for range 2 {
			if got, want := countField(s, true), countFieldRef(s, true); got != want {
				t.Errorf("countField(%q, true) = %q, want %q", s, got, want)
			}
			if got, want := countField(s, false), countFieldRef(s, false); got != want {
				t.Errorf("countField(%q, false) = %q, want %q", s, got, want)
			}
		}
	})
}

// placeEndRef is the end of a place in tail as meetingPlace first read it: rePlaceEnd run on
// the whole tail and a space.
func placeEndRef(tail string) int {
	end := len(tail)
	if e := rePlaceEnd.FindStringIndex(tail + " "); e != nil && e[0] < end {
		end = e[0]
	}
	return end
}

func checkPlaceEnd(t testing.TB, tail string) {
	t.Helper()
	end := len(tail)
	if e := placeEndIn(tail); e >= 0 && e < end {
		end = e
	}
	want := placeEndRef(tail)
	if end != want && (end <= maxPlaceLen || want <= maxPlaceLen) {
		t.Errorf("place end in %q = %d, want %d", tail, end, want)
	}
}

var placeEndCases = []string{"", " ", "la mairie", "la mairie.", "la salle du conseil, sous la presidence",
	"la mairie le 12", strings.Repeat("x", 79) + ". y", strings.Repeat("x", 80) + ".",
	strings.Repeat("x", 80) + " en seance" + strings.Repeat("y", 200), strings.Repeat("x", 95) + ".",
	strings.Repeat("x", 95) + ". ", strings.Repeat("x ", 60) + " a 2", "salle des fetes " + strings.Repeat("z", 300),
	"la mairie\tapres", "l'hotel de ville le mercredi 3"}

// TestPlaceEndIn: placeEndIn gives the end meetingPlace used to, wherever that end is within
// maxPlaceLen, on the cases and on 400-byte stretches of every corpus file.
func TestPlaceEndIn(t *testing.T) {
	for _, s := range placeEndCases {
		checkPlaceEnd(t, s)
	}
	files, _ := filepath.Glob("../../shared/corpus/dev/*.txt")
	if len(files) == 0 {
		t.Skip("corpus absent")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f := normalize.Fold(string(data))
		for i := 0; i < len(f); i += 37 {
			checkPlaceEnd(t, f[i:min(len(f), i+400)])
		}
	}
}

func FuzzPlaceEndIn(f *testing.F) {
	for _, s := range placeEndCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlaceEnd(t, s)
		checkPlaceEnd(t, strings.Repeat("ab ", 30)+s)
	})
}
