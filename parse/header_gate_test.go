package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/normalize"
)

// gatePrevMinutes is rePrevMinutes' gate, which meetingPrevious ran before the pattern became a
// spot pattern: the reference of meetingPreviousRef, and the literals previousWords must cover.
var gatePrevMinutes = newLitGate(rePrevMinutes.rx)

// gatesUnderTest are the gates checked against their patterns.
var gatesUnderTest = map[string]litGate{
	"endOfMeeting": gateEndOfMeeting,
	"nextMeeting":  gateNextMeeting,
	"prevMinutes":  gatePrevMinutes,
	"countAfter":   gateCountAfter,
	"labelHead":    gateLabelHead,
}

// checkGate fails when the gate rejects a text the pattern matches, or when an exact gate's
// MatchString differs from the pattern's.
func checkGate(t testing.TB, name string, g litGate, s string) {
	t.Helper()
	want := g.re.Regexp.MatchString(s)
	if want && !g.may(s) {
		t.Errorf("%s: gate rejects %q, which the pattern matches", name, s)
	}
	if got := g.MatchString(s); got != want {
		t.Errorf("%s: MatchString(%q) = %v, want %v", name, s, got, want)
	}
	if got, want := g.FindStringIndex(s), g.re.Regexp.FindStringIndex(s); len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
		t.Errorf("%s: FindStringIndex(%q) = %v, want %v", name, s, got, want)
	}
}

func TestLitGate(t *testing.T) {
	tests := []struct {
		name, gate, text string
		match            bool
	}{
		{"end levee", "endOfMeeting", "la seance est levee a 22h30", true},
		{"end fin", "endOfMeeting", "fin de la seance : 21 h", true},
		{"end none", "endOfMeeting", "la seance est ouverte", false},
		{"next", "nextMeeting", "le prochain conseil aura lieu le 3 mai", true},
		{"next suivante", "nextMeeting", "la seance suivante", true},
		{"next none", "nextMeeting", "les points suivants", false},
		{"prev", "prevMinutes", "approbation du compte-rendu du 3 mai", true},
		{"prev pv", "prevMinutes", "pv du 3 mai", true},
		{"prev compte", "prevMinutes", "prendre en compte", false},
		{"prev pv in word", "prevMinutes", "apvx", false},
		{"count after", "countAfter", "presents : 14", true},
		{"count after votants", "countAfter", "nombre de votants 12", true},
		{"count none", "countAfter", "seance du 6 novembre 2014", false},
		{"label", "labelHead", "presents", true},
		{"label excused", "labelHead", "absents excuses", true},
		{"label word only at start", "labelHead", "les presents", false},
		{"label not a word", "labelHead", "presentation du budget", false},
		{"label a", "labelHead", "a donne pouvoir", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := gatesUnderTest[tc.gate]
			if got := g.MatchString(tc.text); got != tc.match {
				t.Errorf("MatchString(%q) = %v, want %v", tc.text, got, tc.match)
			}
			checkGate(t, tc.gate, g, tc.text)
		})
	}
}

// TestLitGateCorpus checks every gate on every folded line of the dev corpus.
func TestLitGateCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/corpus/dev is absent")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			fl := foldLine(line)
			for name, g := range gatesUnderTest {
				checkGate(t, name, g, fl)
			}
		}
	}
}

func FuzzLitGate(f *testing.F) {
	for _, s := range []string{"la seance est levee a 22h", "prochaine seance", "compte rendu", "presents : 12", "pv", "fin de seance"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, g := range gatesUnderTest {
			checkGate(t, name, g, s)
		}
	})
}

// mayHoldProxyRef is mayHoldProxy as first written, on strings.ToLower.
func mayHoldProxyRef(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "pouvoir") || strings.Contains(l, "procuration") ||
		strings.Contains(l, "représent") || strings.Contains(l, "represent") ||
		strings.Contains(l, "délégation") || strings.Contains(l, "delegation")
}

// checkFields compares the word readers with strings.Fields, and mayHoldProxy with its reference.
func checkFields(t testing.TB, s string) {
	t.Helper()
	fs := strings.Fields(s)
	rest := s
	for k := 0; ; k++ {
		w, r := nextField(rest)
		if k >= len(fs) {
			if w != "" {
				t.Errorf("nextField: word %d of %q is %q, want none", k, s, w)
			}
			break
		}
		if w != fs[k] {
			t.Errorf("nextField: word %d of %q is %q, want %q", k, s, w, fs[k])
			break
		}
		rest = r
	}
	for _, max := range []int{0, 1, 2, 20} {
		if got, want := fieldCount(s, max), min(len(fs), max+1); got != want {
			t.Errorf("fieldCount(%q, %d) = %d, want %d", s, max, got, want)
		}
	}
	if got, want := mayHoldProxy(s), mayHoldProxyRef(s); got != want {
		t.Errorf("mayHoldProxy(%q) = %v, want %v", s, got, want)
	}
}

func TestFieldReaders(t *testing.T) {
	for _, s := range []string{"", "  ", "M. Jean DUPONT", " \tMme\u00a0X  Y\u2003Z ", "\xffA B\xc3", "a\u0085b",
		"REPRÉSENTÉ PAR", "DÉLÉGATION", "Pouvoir à M. X", strings.Repeat("Représenté ", 30)} {
		checkFields(t, s)
	}
}

func FuzzFieldReaders(f *testing.F) {
	f.Add("M. Jean DUPONT donne pouvoir à Mme X")
	f.Add(" \tMme\u00a0X  Y\u2003Z ")
	f.Fuzz(func(t *testing.T, s string) { checkFields(t, s) })
}

// TestNextMeetingWords: the shortcut of meetingEndAndNext is in force for the vocabulary as it
// stands.
func TestNextMeetingWords(t *testing.T) {
	if nextMeetingWords == nil {
		t.Errorf("nextMeetingWords is nil: a phrase of reNextMeeting holds neither %q nor %q", "prochain", "suivant")
	}
	if got := coveringWords(gateNextMeeting, "prochain"); got != nil {
		t.Errorf("coveringWords with one word = %q, want nil (\"seance suivante\" lacks it)", got)
	}
}

// TestPreambleKeys: the shortcut of preambleAt is in force for the vocabulary as it stands, and
// agrees with a plain search.
func TestPreambleKeys(t *testing.T) {
	if preambleKeys == nil {
		t.Fatal("preambleKeys is nil: an opener holds none of its words")
	}
	for _, f := range []string{"l'an deux mil onze", "le conseil s'est reuni", "ils se sont reunis", "sans rien", "l'ordre du jour"} {
		want := -1
		for _, w := range preambleOpeners {
			if k := strings.Index(f, w); k >= 0 && (want < 0 || k < want) {
				want = k
			}
		}
		if got := preambleAt(f); got != want {
			t.Errorf("preambleAt(%q) = %d, want %d", f, got, want)
		}
	}
}

// checkOtherDateShortcut fails when a tail of line has a clause about another date that the
// shortcut of otherDateSpanOf, reading the line's fold, would miss.
func checkOtherDateShortcut(t testing.TB, line string) {
	t.Helper()
	if containsAnyLit(foldLine(line), otherDateWords) {
		return
	}
	for k := 0; k <= len(line); k++ {
		if a, b := otherDateSpan(line[k:]); a != 0 || b != 0 {
			t.Errorf("otherDateSpan(%q) = %d, %d, but the fold of %q holds none of otherDateWords", line[k:], a, b, line)
			return
		}
	}
}

func TestOtherDateShortcut(t *testing.T) {
	for _, s := range []string{"Convoqué le 17/04/2014, le conseil", "Départ de M. X à 20H50", "REÇU LE 3 MAI",
		"Affiché le 2 mai", "publi\u0301é", "Transmis en Préfecture", "séance du 3 mai 2014 à 20 h"} {
		checkOtherDateShortcut(t, s)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for k, line := range strings.Split(string(data), "\n") {
			if k < 400 {
				checkOtherDateShortcut(t, line)
			}
		}
	}
}

func FuzzOtherDateShortcut(f *testing.F) {
	f.Add("Convoqué le 17/04/2014")
	f.Add("reçu\u00a0le 3 mai")
	f.Fuzz(func(t *testing.T, s string) { checkOtherDateShortcut(t, s) })
}

// foldMapRef is foldMap as first written, rune by rune through a builder.
func foldMapRef(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s)+1)
	space := false
	var buf [utf8.UTFMax]byte
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		var fr string
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf[0] = byte(r)
			fr = string(buf[:1])
		} else if r < rune(len(latinFold)) {
			fr = latinFold[r]
		} else {
			n := utf8.EncodeRune(buf[:], r)
			fr = normalize.Fold(string(buf[:n]))
		}
		if fr == "" {
			continue
		}
		if space {
			b.WriteByte(' ')
			offs = append(offs, i)
			space = false
		}
		b.WriteString(fr)
		for k := 0; k < len(fr); k++ {
			offs = append(offs, i)
		}
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

func checkFoldMap(t testing.TB, s string) {
	t.Helper()
	f, offs := foldMap(s)
	wf, woffs := foldMapRef(s)
	if f != wf || !equalOffs(offs, woffs) {
		t.Errorf("foldMap(%q) = %q %v, want %q %v", s, f, offs, wf, woffs)
	}
}

func TestFoldMap(t *testing.T) {
	for _, s := range []string{"", "  M. Jean\tDUPONT  ", "Présent(e)s : Mme Agnès", "\xffé\u00a0x\u2003Y", "Œuvre ﬁn", "a\u0301b"} {
		checkFoldMap(t, s)
	}
}

func FuzzFoldMap(f *testing.F) {
	f.Add("M. Jérôme BERNARD donne pouvoir à Mme X")
	f.Fuzz(func(t *testing.T, s string) { checkFoldMap(t, s) })
}

// checkFirstFoldedByte compares firstFoldedByte with the fold of s.
func checkFirstFoldedByte(t testing.TB, s string) {
	t.Helper()
	b, known := firstFoldedByte(s)
	f := normalize.Fold(s)
	if known && (f == "" || f[0] != b) {
		t.Errorf("firstFoldedByte(%q) = %q, but Fold gives %q", s, b, f)
	}
}

func TestFirstFoldedByte(t *testing.T) {
	for _, s := range []string{"Présents", " \tÉtaient", "\u00a0Excusés", "`a", "", "  ", "Œuvre", "\u0301e", "Ελ", "\xffa", "1. Budget"} {
		checkFirstFoldedByte(t, s)
	}
}

func FuzzFirstFoldedByte(f *testing.F) {
	f.Add("Présent(e)s")
	f.Fuzz(func(t *testing.T, s string) { checkFirstFoldedByte(t, s) })
}

// equalOffs reports whether foldMap's int32 offsets are the reference's ints.
func equalOffs(offs []int32, want []int) bool {
	if len(offs) != len(want) {
		return false
	}
	for k, o := range offs {
		if int(o) != want[k] {
			return false
		}
	}
	return true
}

// TestPreviousWordsCover: every text gatePrevMinutes lets through holds one of previousWords,
// so that meetingPrevious, which reads only the lines holding one, misses no match.
func TestPreviousWordsCover(t *testing.T) {
	if gatePrevMinutes.lits == nil {
		t.Fatal("gatePrevMinutes has no literals")
	}
	if coveringWordsOf(gatePrevMinutes.lits, previousWords...) == nil {
		t.Errorf("a literal of %q holds none of %q", gatePrevMinutes.lits, previousWords)
	}
	if !tailPaired {
		t.Error("tailIndex no longer fits its table of moves over two bytes")
	}
}
