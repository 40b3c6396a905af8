package parse

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"minutes/extract"
	"minutes/normalize"
)

// reSpaceGapRef is the regular expression that splitGaps replaces, kept as its reference.
var reSpaceGapRef = regexp.MustCompile(`\s{2,}`)

func TestSplitGaps(t *testing.T) {
	cases := []string{
		"", " ", "  ", "a", "a b", "a  b", "a \t b", "  a  b  ", "Dépenses   1 200,00   3 400",
		"a\n\nb", "a\r\n\fb", "\u00a0\u00a0x", "x \u00a0 y", "a  b  c   d    ", "\xff  \xfe",
	}
	for _, s := range cases {
		want := reSpaceGapRef.Split(s, -1)
		if got := splitGaps(s); !reflect.DeepEqual(got, want) {
			t.Errorf("splitGaps(%q) = %q, want %q", s, got, want)
		}
		_, gap := gapText(s)
		ref := strings.TrimSpace(spaceLike.Replace(s))
		if want := len(reSpaceGapRef.Split(ref, -1)) > 1; gap != want {
			t.Errorf("gapText(%q) gap = %v, want %v", s, gap, want)
		}
	}
}

func FuzzSplitGaps(f *testing.F) {
	for _, s := range []string{"a  b", "  Total   12 €  ", "x\u202f\u202fy", "\t\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitGaps(s), reSpaceGapRef.Split(s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("splitGaps(%q) = %q, want %q", s, got, want)
		}
		g, gap := gapText(s)
		ref := strings.TrimSpace(spaceLike.Replace(s))
		if g != ref || gap != (len(reSpaceGapRef.Split(ref, -1)) > 1) {
			t.Errorf("gapText(%q) = %q, %v; want %q", s, g, gap, ref)
		}
	})
}

// rxSamples are lines on which every pattern's prefilter is checked against the regexp alone.
func rxSamples(t testing.TB) []string {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		out = append(out, l, normalize.Fold(l))
	}
	return append(out, "", "a", "\xff\xfe", "VU le Code général", "Adopté à l'unanimité", "\xffDÉLIBÉRATION n° 12 : x",
		"\u212aelvin", "ſession", "Délibération N° 2023-45 – Budget", "1. Budget", "   12  ", "| a | b |", "---|---")
}

// TestRxPrefilter checks, for every pattern of the package, that the prefilter never turns away
// a line the regexp matches, and that it does turn some away (else it is only a cost).
func TestRxPrefilter(t *testing.T) {
	samples := rxSamples(t)
	filtered := 0
	for _, r := range allRx {
		if r.prefilter().lits != nil {
			filtered++
		}
		for _, s := range samples {
			if r.Regexp.MatchString(s) && !r.may(s) {
				t.Errorf("%s (lits %q): prefilter rejects %q, which matches", r, r.prefilter().lits, s)
			}
		}
	}
	if filtered == 0 {
		t.Errorf("no pattern among %d has a prefilter", len(allRx))
	}
}

func TestFirstBytes(t *testing.T) {
	cases := []struct {
		expr     string
		anchored bool
		yes, no  string // bytes that may and may not start a match
	}{
		{`^(?:vu |considerant)`, true, "vc", "Vx "},
		{`^\s*\d+\.`, true, " \t0123456789", "a."},
		{`^(?i:point|question)\s`, true, "pPqQ\xc5", "x1"},
		{`^[A-H][.)]`, true, "AH", "aI"},
		{`^\s*$`, false, "", ""},
		{`^é`, true, "\xc3\xff", "e"},
		{`(?m)^x`, false, "", ""},
		{`^a|b`, false, "", ""},
		{`^a|^b`, true, "ab", "c"},
		{`^.x`, false, "", ""},
	}
	for _, tc := range cases {
		r := mustRx(tc.expr)
		if r.prefilter().anchored != tc.anchored {
			t.Errorf("%s: anchored = %v, want %v", tc.expr, r.prefilter().anchored, tc.anchored)
			continue
		}
		for _, c := range []byte(tc.yes) {
			if !r.prefilter().first.has(c) {
				t.Errorf("%s: first lacks %q", tc.expr, c)
			}
		}
		for _, c := range []byte(tc.no) {
			if r.prefilter().first.has(c) {
				t.Errorf("%s: first has %q", tc.expr, c)
			}
		}
	}
}

func TestRequiredLits(t *testing.T) {
	cases := []struct {
		expr string
		want []string
	}{
		{`unanimit|unanimement`, []string{"unanimit", "unanimement"}},
		{`\b(?:vote|voix|votants|contre)\b`, []string{"vote", "voix", "votants", "contre"}},
		{`\b(?:adopt|approuv|accept)(?:e|ee|es|ees|ent)\b`, []string{"adopte", "approuve", "accepte"}},
		{`^\s*\d+\.`, []string{"."}},
		{`^\s*\d+ +\w`, nil},
		{`(?i)present`, nil},
		{`a(?:bc)?`, []string{"a"}},
		{`x+y`, []string{"x"}},
		{`x*y?`, nil},
		{`(?:est|sont)\s+reporte`, []string{"reporte"}},
		{`(?:abc|)`, nil},
		{`(?:ab){2,}`, []string{"ab"}},
	}
	for _, tc := range cases {
		if got := mustRx(tc.expr).prefilter().lits; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("requiredLits(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func FuzzRxPrefilter(f *testing.F) {
	for _, s := range []string{"adopte a l'unanimite", "Pour : 12", "VU le code", "1. Budget"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range allRx {
			if r.Regexp.MatchString(s) && !r.may(s) {
				t.Errorf("%s (lits %q): prefilter rejects %q, which matches", r, r.prefilter().lits, s)
			}
		}
	})
}

func TestRxPrefilterList(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("prints the prefilters with -v")
	}
	for _, r := range allRx {
		t.Logf("%-60.60s %q", r.String(), r.prefilter().lits)
	}
}

// containsAny is the plain reading of a stem set, the reference for scanStems.
func containsAny(s string, set stemSet) bool {
	for _, st := range set.list {
		if strings.Contains(s, st) {
			return true
		}
	}
	return false
}

var allStemSets = []stemSet{triggerStems, dissentStems, countStems, rejectStems, deferStems, notedStems, adoptStems, majorityStems, unanimousStems}

func checkStems(t *testing.T, s string) {
	m := scanStems(s)
	for _, set := range allStemSets {
		if got, want := set.in(m), containsAny(s, set); got != want {
			t.Errorf("stems %q in %q = %v, want %v", set.list, s, got, want)
		}
	}
}

func TestScanStems(t *testing.T) {
	for _, s := range append(rxSamples(t), "acte", "ct", "abstien", "xxabst", "particip", "n'a pas ete", "connaissance du rapport") {
		checkStems(t, s)
	}
}

func FuzzScanStems(f *testing.F) {
	for _, s := range []string{"adopte a l'unanimite", "pour 12 contre 3", "prend acte", "a"} {
		f.Add(s)
	}
	f.Fuzz(checkStems)
}

// upperVerbFields is the first reading of upperVerb, through strings.FieldsFunc: its reference.
func upperVerbFields(raw string) bool {
	if !hasUpperRun(raw) {
		return false
	}
	for _, w := range strings.FieldsFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if upperVerbWord(w) {
			return true
		}
	}
	return false
}

func TestUpperVerb(t *testing.T) {
	for _, s := range append(rxSamples(t), "DECIDE", "Le Conseil DECIDE:", "ADOPTE", "M. DUPONT ADOPTÉ", "AB DECIDEé", "x\xffDECIDE\xff") {
		if got, want := upperVerb(s), upperVerbFields(s); got != want {
			t.Errorf("upperVerb(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzUpperVerb(f *testing.F) {
	for _, s := range []string{"Le Conseil DECIDE", "ACCEPTE", "VU"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := upperVerb(s), upperVerbFields(s); got != want {
			t.Errorf("upperVerb(%q) = %v, want %v", s, got, want)
		}
	})
}

// pathoLine is the length of the one-line input.
var pathoLine = 5 << 20

// pathological builds the inputs that would expose quadratic work: the sample's text as one
// 5 MB line, the sample repeated to 20 000 lines, and lines of one repeated phrase.
func pathological(tb testing.TB) map[string][]byte {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		tb.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(data)), " ")
	var line strings.Builder
	for line.Len() < pathoLine {
		line.WriteString(flat)
		line.WriteByte(' ')
	}
	n := strings.Count(string(data), "\n") + 1
	out := map[string][]byte{
		"line-5MB":    []byte(line.String()),
		"lines-20000": []byte(strings.Repeat(string(data)+"\n", 20000/n+1)),
	}
	// One phrase repeated over a 1 MB line: each occurrence is a match that the header readers
	// examine, so work per match that grows with the rest of the line turns quadratic here.
	for name, phrase := range map[string]string{
		"president-1MB": "présidée par x ", "secretary-1MB": "secrétaire de séance : x ",
		"present-1MB": "Absents excusés : X, Y. ", "proxy-1MB": "Mme X donne pouvoir à M. Y, ",
	} {
		out[name] = []byte(strings.Repeat(phrase, 1<<20/len(phrase)))
	}
	return out
}

// TestPathologicalSizes parses the pathological inputs under a bound far above linear time
// (about 100 ms a megabyte here) and far below quadratic time (hours).
func TestPathologicalSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("several seconds")
	}
	for name, data := range pathological(t) {
		src, err := extract.Bytes(name+".txt", data)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		rec := Minutes(src)
		if el := time.Since(start); el > 60*time.Second {
			t.Errorf("%s: %d bytes parsed in %v", name, len(data), el)
		}
		for _, dg := range rec.Diagnostics {
			if dg.Code == "internal" {
				t.Errorf("%s: %s", name, dg.Message)
			}
		}
	}
}

func BenchmarkPathological(b *testing.B) {
	for name, data := range pathological(b) {
		src, err := extract.Bytes(name+".txt", data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				Minutes(src)
			}
		})
	}
}

// takeNameRef is takeName as first written (every word of s split at once): its reference.
func takeNameRef(s string) (normalize.Name, string, bool) {
	fs := strings.Fields(s)
	var toks []string
	k := 0
	for ; k < len(fs) && len(toks) < 6; k++ {
		w := fs[k]
		core := strings.TrimRight(w, ",;:().")
		if strings.HasSuffix(w, ".") && (reInitialTok.MatchString(w) || isCivility(w)) {
			core = w
		}
		if core == "" {
			break
		}
		r := []rune(core)
		ok := unicode.IsUpper(r[0]) || isCivility(core)
		if !ok && len(toks) > 0 {
			switch normalize.Fold(core) {
			case "de", "du", "la", "le", "des", "d'":
				ok = k+1 < len(fs) && unicode.IsUpper([]rune(fs[k+1])[0])
			}
		}
		if !ok {
			break
		}
		toks = append(toks, core)
		if core != w {
			k++
			break
		}
	}
	// The next line may begin with a capitalised word ("Présents :"): drop words from the
	// end until the rest reads as a name.
	for len(toks) > 0 {
		if n, ok := normalize.PersonName(strings.Join(toks, " ")); ok {
			return n, strings.Join(fs[k:], " "), true
		}
		toks = toks[:len(toks)-1]
		k--
	}
	return normalize.Name{}, s, false
}

func checkLead(t *testing.T, s string) {
	all := strings.Fields(s)
	for _, n := range []int{0, 1, 3, 8} {
		fs, more := leadFields(s, n)
		got := append(fs[:len(fs):len(fs)], strings.Fields(more)...)
		if len(fs) > n || len(fs) > len(all) || !slices.Equal(fs, all[:len(fs)]) || !slices.Equal(got, all) {
			t.Errorf("leadFields(%q, %d) = %q, %q; Fields = %q", s, n, fs, more, all)
		}
	}
	if got, want := leadingRole(foldLead(s)), leadingRole(normalize.Fold(s)); got != want {
		t.Errorf("leadingRole(foldLead(%q)) = %q, want %q", s, got, want)
	}
	n1, r1, ok1 := takeName(s)
	n2, r2, ok2 := takeNameRef(s)
	if ok1 != ok2 || r1 != r2 || !reflect.DeepEqual(n1, n2) {
		t.Errorf("takeName(%q) = %+v, %q, %v; want %+v, %q, %v", s, n1, r1, ok1, n2, r2, ok2)
	}
}

func TestLeadFields(t *testing.T) {
	long := strings.Repeat("Monsieur le Maire ", 30)
	for _, s := range append(rxSamples(t), "Monsieur le Maire, Philippe", "  M.  Jean   DUPONT  Maire", "mme la presidente"+long, long, "\u00a0Mme\u2003X") {
		checkLead(t, s)
	}
}

func FuzzLeadFields(f *testing.F) {
	for _, s := range []string{"Monsieur le Maire, Philippe SAUREL, Maire", "M. Jean de la TOUR (pouvoir)", "  a  b "} {
		f.Add(s)
	}
	f.Fuzz(checkLead)
}
