package parse

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"minutes/normalize"
)

// handSeeds are lines on which the hand matchers must agree with their patterns: bullets and
// bare numbers of the corpus, and near misses.
var handSeeds = []string{
	"", " ", "-", "- Point", "  • Vote", "o Item", "o", "oui", "o\tx", "Ø", "§ 2", "\uF0B7 texte",
	"– 12", "—", "→ suite", "Le Conseil", "\xe2\x80", "\xff- x", "*", "**", "\t\t- \t",
	"12", "12 500", "1 234,56 €", "(12)", "- 3 %", "12 eur ht", "12 euros ttc *", "12 k€",
	"12 h.t.", "12h.t", "12 000\u00a0€", "12\u202f000", "12 ) ", "12)*", "12 ht ht", "–5",
	"+ 4", "12 e", "12.", "12 '", "a12", "12 euro", "12 eurosht", "12 * ", "12 *", "12*",
	"1 2 3 pour", "12 ttc", "12  ", "12 €ht", "12 k€ *",
	"6.5.2", "1.", "1..", "1.2.", ".1", "12a", "II", "IV.", "IV)", "I)", "X.", "V.)", "IIa", "a)", "Z.", "é)", "a", "ab", "–", "—",
	"• ", "➢", "\uf0b7", "\uf0fc", "\uf0fd", "\xe2", "-1", "1.2.3.4", "1.2.a", "I.1", "i.", "I", "E)",
	"FINANCES – Budget principal", "PERSONNEL COMMUNAL – Plan", "LES EQUIPEMENTS pour :", "ÉTÉ - x", "ABC D - x", "ABC  - x",
	"ABC DE-x", "ABC-DE : x", "ABC’DE — x", "AB – x", "ABC – ", "ABC –", "ABC - \xff", "ABC\t:\n\vx", "ABC -\tx", "ABC DE  F - x",
	"12.05.2014", "12/05/14", "1-5-2014", "12.05/2014", "123.05.2014", "12.05.201", "2014-2020", "2014 / 2015", "2014-2120",
	"1914 -1999", "2014-20201", "25-04/044", "2014/25", "25.04", "2013.04.08 - 1", "2013.04.08-", "2013.04.08", "2013.04.089 -",
	"ORSINI, N. PULICANI, M.C. RUIZ", "DEMUYNCK, P. RINIERI", "Solde d'exécution, A. B", "A, B. C", "Ab, C.", "Ab, C. D. E. F. G",
	"Ab, C.D.E.", "Ab , C . D", "Ab, C.\tD", "Ab’-x, É. Ü", "Ab, c. D", "Ab,C.D.E.F", "Ab,C.D.E", "AB C, D. E",
}

func TestHandMatchersUsed(t *testing.T) {
	for src := range handMatchers {
		used := slices.ContainsFunc(allRx, func(r *rx) bool { return r.String() == src && r.hand != nil })
		if !used {
			t.Errorf("hand matcher %q is keyed by no pattern of mustRx", src)
		}
	}
}

func TestHandMatchers(t *testing.T) {
	for _, s := range handSeeds {
		checkHand(t, s)
	}
}

func FuzzHandMatchers(f *testing.F) {
	for _, s := range handSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkHand(t, s)
		checkHand(t, handTokens(s))
	})
}

// handTokens spells s's bytes as pieces of the texts the hand matchers read (numbers, dates,
// capitals, initials, separators), so that the fuzzer's random bytes make near matches rather
// than noise.
func handTokens(s string) string {
	pieces := []string{"1", "12", "19", "20", "2014", "-", "–", "—", ".", "/", ":", ",", ")", " ", "\t", "\n", "\v", "A", "AB", "É", "é", "x", "I", "V", "’", "'", "\xff", "•", "€", "ht"}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pieces[int(s[i])%len(pieces)])
	}
	return b.String()
}

// handRx holds, by source, the plain regexp and the rx of each hand matcher, compiled once.
var handRx = map[string]struct {
	re *regexp.Regexp
	r  *rx
}{}

func checkHand(t *testing.T, s string) {
	for src, hand := range handMatchers {
		c, ok := handRx[src]
		if !ok {
			c.re, c.r = regexp.MustCompile(src), mustRx(src)
			allRx = allRx[:len(allRx)-1]
			handRx[src] = c
		}
		re, r := c.re, c.r
		want := re.FindStringIndex(s)
		var got []int
		if e := hand(s); e >= 0 {
			got = []int{0, e}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q on %q: hand %v, regexp %v", src, s, got, want)
		}
		if got, want := r.ReplaceAllString(s, "<>"), re.ReplaceAllString(s, "<>"); got != want {
			t.Errorf("%q: ReplaceAllString(%q) = %q, want %q", src, s, got, want)
		}
		if got, want := r.FindString(s), re.FindString(s); got != want {
			t.Errorf("%q: FindString(%q) = %q, want %q", src, s, got, want)
		}
		if got, want := r.MatchString(s), re.MatchString(s); got != want {
			t.Errorf("%q: MatchString(%q) = %v, want %v", src, s, got, want)
		}
	}
}

// handSubSeeds are lines on which the hand submatchers must agree with their patterns: the vote
// lines of the corpus that state a total, and near misses.
var handSubSeeds = []string{
	"", "unanimite des votants (31 voix)", "a l'unanimite des suffrages exprimes (12 voix)",
	"unanimite des voix exprimees 9 votants", "unanimite des votants", "unanimite des votants (1234 voix)",
	"unanimite des votants ( 12voix", "unanimite des votants((12 voix)", "unanimite des membres (12 voix)",
	"unanimite des unanimite des votants 3 voix", "unanimite des votants 12 vo", "unanimite des votants\t\n7\tvotants",
	"unanimite des votants 0 voix, unanimite des votants 5 voix", "unanimite des votants 12, unanimite des votants 4 voix",
	"unanimite des votants 12 voixunanimite des votants", "unanimite des votants\v3 voix", "unanimite des votants 3\u00a0voix",
	"unanimite desvotants 3 voix", "\xffunanimite des votants 3 voix", "unanimite des votants 0123 voix",
	"la deliberation est reportee a une prochaine seance", "le point a ete retire", "sont donc ajournes.",
	"ont donc ete differees", "a donc ete donc reportes", "a  ete\treporte_", "est reportees", "est reportes",
	"est reportess", "est reportee2", "test reporte", "\xc3\xa9est reporte", "a donc reporte", "a ete",
	"sera retiree", "seront retires", "seraretire", "est donc  retire", "ont ete donc", "est differe,",
	"a ete reportée", "a été reporté", "a ete reportees est retire", "a ete x est ajourne", "est reportE",
	"le conseil syndical", "conseillers", "Conseil", "le conseiller", "les conseillers municipaux", "xconseil",
	"l'ensemble des membres", "l'ensemble desmembres", "decision :", "decision\t:", "decision", "decisions :",
	"nodecision:", "elus_", "élus", "comite2", "bureau.", "\xffmembres", "assemblee generale", "conseilxx membres",
}

func TestHandSubmatchersUsed(t *testing.T) {
	for src := range handSubmatchers {
		used := slices.ContainsFunc(allRx, func(r *rx) bool { return r.String() == src && r.handSub != nil })
		if !used {
			t.Errorf("hand submatcher %q is keyed by no pattern of mustRx", src)
		}
	}
}

func TestHandSubmatchers(t *testing.T) {
	for _, s := range handSubSeeds {
		checkHandSub(t, s)
	}
}

func FuzzHandSubmatchers(f *testing.F) {
	for _, s := range handSubSeeds {
		f.Add(s)
	}
	f.Fuzz(checkHandSub)
}

// handSubRx holds, by source, the plain regexp and the rx of each hand submatcher, compiled once.
var handSubRx = map[string]struct {
	re *regexp.Regexp
	r  *rx
}{}

func checkHandSub(t *testing.T, s string) {
	for src, hand := range handSubmatchers {
		c, ok := handSubRx[src]
		if !ok {
			c.re, c.r = regexp.MustCompile(src), mustRx(src)
			allRx = allRx[:len(allRx)-1]
			handSubRx[src] = c
		}
		re, r := c.re, c.r
		if got, want := hand(s).slice(), re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("%q on %q: hand %v, regexp %v", src, s, got, want)
		}
		if got, want := r.FindStringSubmatch(s), re.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("%q: FindStringSubmatch(%q) = %q, want %q", src, s, got, want)
		}
	}
}

// TestHandSubmatchersSample checks the hand submatchers on every folded line of the sample
// minutes and of the development corpus's text files (when ../shared is there).
func TestHandSubmatchersSample(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "sample", "*.txt"))
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	files = append(files, corpus...)
	if len(files) == 0 {
		t.Skip("no sample minutes")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			checkHandSub(t, normalize.Fold(strings.TrimRight(line, "\n")))
		}
	}
}

// handAnySeeds are lines on which the hand existence tests must agree with their patterns.
var handAnySeeds = []string{
	"unanimite", "a l'unanimement", "unanimes", "le conseil", "conseillers", "xconseil", "conseil_", "l'ensemble des elus",
	"decision :", "decision\t:", "indecision :", "decisions :", "- vu le code", "-  vus", "• considerant", "--vu ",
	"sur le rapport", "sur rapport", "proposes de", "propose a", "il vous est propose", "- 12 pour", "pour : 12",
	"pour = 3", "pour :", "pour", "pour 1234", "pour 12a", "pour 12,5", "vote : pour 3", "vote: contre : 2",
	"vote pour", "votepour 3", "12 voix pour", "12voix pour", "12 voix  contre", "12 abstentions", "12 abstentionsx",
	"1234 pour", "nuls : 0", "blancs", "• 3 contre", "-\t abstention 4", "voix pour", "12 voixpour",
	"a ete proclame", "ont ete proclamees elus", "est proclamee", "xest proclame", "sont  proclame", "est proclamer",
	"12 voix elu", "12 voix - elue", "112 votes, elus", "1234 voix elu", "a12 voix elu", "12 suffrages exprimes, elus",
	"12 voix 0123456789012345678 elu", "12 voix 01234567890123456789 elu", "12 voix\nelu", "12 voixs elu", "12 votes ééééééééééééééééééé elue",
	"12 vote\xe2 elu", "12\tvoix : elues", "12 voix elux", "12 voix eluee",
	"", "adopte", "adoptee", "adoptees", "adoptes", "adopteess", "adopte_", "→ adopte", "→adopte", ">  rejetee",
	": ajournes", "x: \t reporte", "deliberation adoptee", "proposition acceptee", "la proposition  acceptee",
	"le budget est adopte", "le budget est donc adoptee", "le budget sont donc approuvees", "1 est adopte",
	"E est adopte", "le budget est rejete", "est adopte", " est adopte", "est donc adopte", "adopter",
	"il est  adopte", "a est  donc adopte", "deliberation adopte2", "> x adopte", "→→ reporte", "\xe2\x86 adopte",
	"le conseil adopte", "vote : adopte a l'unanimite", "projet adopte ; deliberation adoptee.", "reportees",
	"xadopte", "_approuve", "9accepte", "adoptent", "adoptentx", "approuvees.", "\xc3\xa9accepteesé", "adopt", "adopteeé", "acceptent_",
}

func TestHandMatchesAnyUsed(t *testing.T) {
	for src := range handMatchesAny {
		used := slices.ContainsFunc(allRx, func(r *rx) bool { return r.String() == src && r.handAny != nil })
		if !used {
			t.Errorf("hand test %q is keyed by no pattern of mustRx", src)
		}
	}
}

func TestHandMatchesAny(t *testing.T) {
	for _, s := range handAnySeeds {
		checkHandAny(t, s)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "sample", "*.txt"))
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	for _, file := range append(files, corpus...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			checkHandAny(t, normalize.Fold(strings.TrimRight(line, "\n")))
		}
	}
}

func FuzzHandMatchesAny(f *testing.F) {
	for _, s := range handAnySeeds {
		f.Add(s)
	}
	f.Fuzz(checkHandAny)
}

// handAnyRx holds, by source, the plain regexp of each hand existence test, compiled once.
var handAnyRx = map[string]*regexp.Regexp{}

func checkHandAny(t *testing.T, s string) {
	for src, hand := range handMatchesAny {
		re, ok := handAnyRx[src]
		if !ok {
			re = regexp.MustCompile(src)
			handAnyRx[src] = re
		}
		if got, want := hand(s), re.MatchString(s); got != want {
			t.Errorf("%q on %q: hand %v, regexp %v", src, s, got, want)
		}
	}
}
