package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/normalize"
)

// TestStartsOf checks the byte prefixes of anchored patterns: a text that matches always
// passes, including through case folds that leave ASCII (U+212A K, U+017F ſ) and invalid UTF-8,
// and a text that starts otherwise is turned away.
func TestStartsOf(t *testing.T) {
	cases := []struct {
		name, expr string
		pass, fail []string
	}{
		{"letter then dot", `^([A-H])\s*[.)]\s+(.+)$`, []string{"A. Budget", "H ) x"}, []string{"Adopté", "Le Conseil", "I. x"}},
		{"fold reaches kelvin", `^(?i:kilo)\b`, []string{"KILO", "kilo", "\u212Ailo"}, []string{"kila", "hilo"}},
		{"fold reaches long s", `^(?i:seance)`, []string{"SEANCE", "\u017Feance"}, []string{"Sé", "xeance"}},
		{"accented class", `^(?i:d[ée]lib[ée]ration)\s`, []string{"Délibération n°", "DELIBERATION 1", "DÉLIBÉRATION x"}, []string{"De la", "Dans", "Débat"}},
		{"replacement rune", `^\x{FFFD}x`, []string{"\xffx", "\ufffdx"}, nil},
		{"leading spaces", `^\s*(?:[-•]\s|\d+[.)]\s|[a-z][.)]\s)`, []string{"  - x", "• x", "12. x", "a) x"}, []string{"Le Conseil", "le conseil", "1x"}},
		{"optional civility", `^(?i:(?:Monsieur|M\.)\s+)?(?i:l[ea]\s+)maire\b`, []string{"Monsieur le Maire", "M. LE MAIRE", "La maire"}, []string{"Madame", "Les maires", "Monsieur Dupont"}},
		{"bounded repeat", `^\d{1,2}\s*[-–]\s`, []string{"1 - x", "12– x"}, []string{"123 - x", "a - x"}},
		{"many numbers", `^(\p{Lu}{0,4}[- ]?\d{1,4}(?:[./-]\d{1,4}){1,3})\s*[-:]`, []string{"DM 2023/12 -", "2023-12-15 :", "É 12.3 :"}, []string{"le 12"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := mustRx(tc.expr)
			for _, s := range tc.pass {
				if r.Regexp.MatchString(s) && !r.may(s) {
					t.Errorf("may(%q) = false, but %s matches it", s, tc.expr)
				}
			}
			for _, s := range tc.fail {
				if r.Regexp.MatchString(s) {
					t.Fatalf("bad case: %s matches %q", tc.expr, s)
				}
				if r.may(s) {
					t.Errorf("may(%q) = true, want the prefixes to turn it away", s)
				}
			}
		})
	}
	allRx = allRx[:len(allRx)-len(cases)]
}

// TestRxPrefilterCorpus checks every pattern's prefilter against the regexp on every line of the
// development corpus, as written, folded, in capitals, and cut short (skipped without it).
func TestRxPrefilterCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every pattern on every corpus line")
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/corpus/dev is absent")
	}
	seen := map[string]bool{}
	var lines []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			lines = append(lines, s)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			for _, v := range []string{l, normalize.Fold(l), strings.ToUpper(l), strings.TrimSpace(l)} {
				add(v)
				if len(v) > 6 {
					add(v[:6])
				}
			}
		}
	}
	for _, r := range allRx {
		if r.prefilter().starts == nil && r.prefilter().lits == nil && r.prefilter().foldLits == nil {
			continue
		}
		for _, s := range lines {
			if !r.may(s) && r.Regexp.MatchString(s) {
				t.Errorf("%s: prefilter rejects %q, which matches", r, s)
			}
		}
	}
}

// TestFoldLits checks the literals read under (?i), those of alternations too large for their
// full literals, and the byte prefixes looked for at every position of a pattern without
// literals: a matching text always passes, and one without them is turned away.
func TestFoldLits(t *testing.T) {
	cases := []struct {
		name, expr string
		pass, fail []string
	}{
		{"ignoring case", `(?i)a l'exception de (.{3,300}?) qui s'abstien`, []string{"À l'unanimité, A L'EXCEPTION DE M. X QUI S'ABSTIENT", "a l'exception de Mme Y qui s'abstient"}, []string{"à l'exception de", "Adopté à l'unanimité"}},
		{"kelvin sign", `(?i)kilo`, []string{"\u212Ailo", "KILO"}, []string{"kil"}},
		{"long s", `(?i)session`, []string{"\u017Fession", "SESSION"}, []string{"sessio"}},
		{"caseless literal", `(?i)(contre|abstentions?)\s*:?\s*\d*\s*\(([^)]{3,300})\)`, []string{"CONTRE : 2 (M. X, Mme Y)"}, []string{"contre : 2, M. X"}},
		{"small class", `compte[- ]rendu|proces[- ]verbal|\bpv\b`, []string{"le compte-rendu", "pv"}, []string{"compte tenu de", "proces"}},
		{"starts looked for everywhere", `\t|\s{3,}`, []string{"Total\t12", "Total   12", "a \n\tb"}, []string{"Total 12 €", "a  b"}},
		{"fewest per branch", `seance (?:est |a ete )?(?:levee|close|cloturee|terminee)|leve la seance|clot la seance|cloture la seance|fin de (?:la )?seance`, []string{"la seance est levee", "fin de seance"}, []string{"le maire leve", "la seance"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := mustRx(tc.expr)
			for _, s := range tc.pass {
				if r.Regexp.MatchString(s) && !r.may(s) {
					t.Errorf("may(%q) = false, but %s matches it (lits %q, fold %q)", s, tc.expr, r.prefilter().lits, r.prefilter().foldLits)
				}
			}
			for _, s := range tc.fail {
				if r.Regexp.MatchString(s) {
					t.Fatalf("bad case: %s matches %q", tc.expr, s)
				}
				if r.may(s) {
					t.Errorf("may(%q) = true, want the literals (%q, fold %q) to turn it away", s, r.prefilter().lits, r.prefilter().foldLits)
				}
			}
		})
	}
	allRx = allRx[:len(allRx)-len(cases)]
}

// TestRxPrefilterRandom checks every pattern's prefilter against the regexp on short random
// texts drawn from the bytes and runes the patterns test: case pairs, digits, separators,
// accents, the runes that fold to ASCII (U+212A K, U+017F ſ) and invalid UTF-8.
func TestRxPrefilterRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every pattern on many texts")
	}
	pieces := []string{"a", "A", "e", "E", "é", "É", "l", "L", "m", "M", "n", "N", "o", "p", "s", "S", "k", "K",
		"\u212a", "\u017f", "0", "1", "2", "9", " ", "  ", "\t", ".", ":", ",", "-", "–", "(", ")", "'", "’", "€", "°",
		"\u00a0", "•", "\uf0b7", "\xff", "\xc3", "le ", "la ", "de ", "vote", "pour", "contre", "monsieur ", "MME ",
		"seance ", "delib", "n°", "eur", "ht", "\n"}
	state := uint64(42)
	next := func(n int) int {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return int(state % uint64(n))
	}
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for n := next(7); n >= 0; n-- {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		for _, r := range allRx {
			if !r.may(s) && r.Regexp.MatchString(s) {
				t.Errorf("%s: prefilter rejects %q, which matches", r, s)
			}
		}
	}
}
