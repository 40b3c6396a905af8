package parse

import (
	"os"
	"reflect"
	"regexp/syntax"
	"strings"
	"testing"

	"minutes/normalize"
)

// corpusLines are the lines of every text file of the development corpus, as written, without
// repeats (none without ../shared).
func corpusLines() []string {
	files := corpusTextFiles()
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(data), "\n") {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}

// spotEdges are lines that test the boundaries and encodings around a spot.
var spotEdges = []string{"xadopte", "éadopte", "\xc3adopte", "a\xa9adopte a l'unanimite", "n'a pas ete adopte",
	"la deliberation est donc reportee", "le point a ete  retire", "rejette", "_rejet", "refus\xff",
	"adopte.", "vote", "il vote", "votes\n", "decide d'ajourner", "prend acte", "le conseil refuse", "pour : 12 contre 3 abstentions 2 pour 4", "12 pour 13 pour, 14 voix contre", "pour 1,5 % et pour 7",
	"presents  :   \t 12", "pour\n\n\n:\t\t\t3 contre  :  2", "votants :      \n 145 a", "en exercice(s)  =  9",
	"abcdefgHIjk", "abcdefgH", "aBcdefgHIjklmnoPQ", "\xc1\xc1abcdeFG", "\xdb\xdaabcdefZ\x9a", "@[`{AZaz",
	"xDÉCIDE", "éDECIDE", "\xc3DECIDE", "\xe9\x80DECIDE", "DECİDE", "LE CONSEIL DÉCIDE", "ADOPTÉ", "VALIDENT", "DE DECIDES", "AD", "D\xffECIDE",
	"abcdefg DECIDE", "1234567DECIDE x", "abcdefghDÉCIDE", "abcdef ADOPTE", "abcdefgADOPTENT", "LE MAIRE, DÉCIDE", "n° «", "»", "\xc2", "x\xc2\xc2\xab", "° pour « 12 » contre"}

// spotSamples are the folded lines of the corpus (the patterns read folded text), the sample's
// lines as written and folded, and spotEdges.
func spotSamples(t testing.TB) []string {
	out := rxSamples(t)
	seen := map[string]bool{}
	for _, l := range corpusLines() {
		if f := normalize.Fold(l); !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return append(out, spotEdges...)
}

// checkSpots compares a pattern read at its spots with the plain regexp on s and on each of its
// suffixes (which moves the text's start under the spots).
func checkSpots(t *testing.T, r *spotRx, s string) {
	for k := 0; k <= len(s) && k < 4; k++ {
		x := s[k:]
		if !r.may(x) && k > 0 {
			continue // both read no match: the spots only start after the prefilter
		}
		if got, want := r.MatchString(x), r.Regexp.MatchString(x); got != want {
			t.Errorf("%s MatchString(%q) = %v, want %v", r, x, got, want)
		}
		if got, want := r.FindStringSubmatchIndex(x), r.Regexp.FindStringSubmatchIndex(x); !reflect.DeepEqual(got, want) {
			t.Errorf("%s FindStringSubmatchIndex(%q) = %v, want %v", r, x, got, want)
		}
		if got, want := r.FindAllStringSubmatchIndex(x, -1), r.Regexp.FindAllStringSubmatchIndex(x, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("%s FindAllStringSubmatchIndex(%q) = %v, want %v", r, x, got, want)
		}
		var each [][]int
		run := -1
		r.eachSubmatchIndex(x, &run, func(m []int) bool { each = append(each, m); return true })
		if want := r.Regexp.FindAllStringSubmatchIndex(x, -1); !reflect.DeepEqual(each, want) {
			t.Errorf("%s eachSubmatchIndex(%q) = %v, want %v", r, x, each, want)
		}
		if got, want := r.FindAllStringIndex(x, -1), r.Regexp.FindAllStringIndex(x, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("%s FindAllStringIndex(%q) = %v, want %v", r, x, got, want)
		}
		if got, want := r.FindStringIndex(x), r.Regexp.FindStringIndex(x); !reflect.DeepEqual(got, want) {
			t.Errorf("%s FindStringIndex(%q) = %v, want %v", r, x, got, want)
		}
	}
}

func TestSpotRx(t *testing.T) {
	samples := spotSamples(t)
	spotted := 0
	for _, r := range allSpots {
		if r.plan().spots != nil {
			spotted++
		}
		for _, s := range samples {
			checkSpots(t, r, s)
		}
	}
	if spotted == 0 {
		t.Errorf("no pattern among %d has spots", len(allSpots))
	}
}

func TestSpaceBound(t *testing.T) {
	cases := []struct {
		name, expr  string
		fixed, runs int
		ok          bool
	}{
		{"one run", `a\s*b`, 2, 1, true},
		{"count", `a\s+b\s*:?\s*(\d{1,3})`, 6, 3, true},
		{"space plus", `a +`, 1, 1, true},
		{"bounded repeat", `(?:\s*x){2}`, 2, 2, true},
		{"any run", `a.*`, 0, 0, false},
		{"wide space", `a[ \x{a0}]+`, 0, 0, false},
		{"no run", `ab?`, 2, 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tree, err := syntax.Parse(tc.expr, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			fixed, runs, ok := spaceBound(tree)
			if ok != tc.ok || ok && (fixed != tc.fixed || runs != tc.runs) {
				t.Errorf("spaceBound(%q) = %d, %d, %v, want %d, %d, %v", tc.expr, fixed, runs, ok, tc.fixed, tc.runs, tc.ok)
			}
		})
	}
}

func TestSpotsOf(t *testing.T) {
	cases := []struct {
		name, expr string
		want       []spotLit // nil: the pattern runs unanchored
		maxLen     int
	}{
		{"literals", `unanimit|unanimement`, []spotLit{{"unanim", false}}, 11},
		{"boundary", `\b(?:vote|voix)\b`, []spotLit{{"vote", true}, {"voix", true}}, 4},
		{"lengthened", `\bn'(?:est|a) pas`, []spotLit{{"n'est pas", true}, {"n'a pas", true}}, 9},
		{"class", `[-:]x`, []spotLit{{"-x", false}, {":x", false}}, 2},
		{"wide class", `[-•]x`, nil, -1},
		{"digit class", `\b\d{1,3}\s*voix`, []spotLit{{"0", true}, {"1", true}, {"2", true}, {"3", true}, {"4", true}, {"5", true}, {"6", true}, {"7", true}, {"8", true}, {"9", true}}, -1},
		{"text start", `(?:^|:)vote`, nil, -1},
		{"optional start", `(?:a )?vote`, []spotLit{{"vote", false}, {"a vote", false}}, 6},
		{"optional inexact start", `(?:[ab]c )?\bvote`, []spotLit{{"ac ", false}, {"bc ", false}, {"vote", true}}, 7},
		{"optional unspotted start", `(?:[^x]+ )?vote`, nil, -1},
		{"case folded", `(?i)vote`, nil, -1},
		{"empty", `x*`, nil, -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := mustSpot(tc.expr)
			if !reflect.DeepEqual(r.plan().spots, tc.want) {
				t.Errorf("spots of %q = %v, want %v", tc.expr, r.plan().spots, tc.want)
			}
			if tc.want != nil && r.plan().maxLen != tc.maxLen {
				t.Errorf("maxLen of %q = %d, want %d", tc.expr, r.plan().maxLen, tc.maxLen)
			}
		})
	}
}

func FuzzSpotRx(f *testing.F) {
	for _, s := range []string{"adopte a l'unanimite", "n'a pas ete retenu", "la deliberation est reportee", "\xffvote", "decide de surseoir"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range allSpots {
			checkSpots(t, r, s)
		}
	})
}
