package parse

import (
	"os"
	"reflect"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/extract"
	"minutes/normalize"
)

// corpusFoldedLines returns the folded lines of the dev corpus (as newDoc folds them); nil when
// the corpus is absent.
func corpusFoldedLines(tb testing.TB) []string {
	var out []string
	for _, f := range corpusTextFiles() {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		src, err := extract.Bytes(f, data)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, newDoc(src).folded...)
	}
	return out
}

// inlineLabelCases are texts for inlineLabelAny: the sentences it reads, each part missing or
// out of place, white space of every kind, several colons, invalid UTF-8.
var inlineLabelCases = []string{
	"", ":", "25 conseillers etaient presents ou representes (07 procurations : ml castelli, jf orsatelli) et 04 absents : jt albertini",
	"07 procurations : x", "07 procurations:", "07\tprocurations\n:", "7 presents :", "1234 presents :",
	"presents : m. x", "x presents : y", "a7 presents:", "(07 procurations : x)", "07  pouvoirs \f: x",
	"12 conseillers presents :", "12 conseillers etaient presents :", "12 membres sont absents :",
	"12 elus etaient excusees :", "12 etaient presents :", "12 conseillers etaient :", "12 conseillers sont sont presents :",
	"12 conseillers conseillers presents :", "12 conseiller etaient presente :", "12 elu sont absente :",
	"12 xpresents :", "12 presentsx :", "12 presents x :", "12 presents\v:", "12\vpresents :", "presents 12 :",
	"12 conseillers\v etaient presents :", "12 conseillersetaient presents :", "12  membres   etaient   presentes   :  ",
	"a : b : 3 absents : c", "3 absents", "3 absents ; x : y", "3 pouvoir: :", "3 procuration :", "3 excuse :",
	"\xff3 presents :", "3 \xffpresents :", "3 presents\xff:", "é3 presents :", "3 présents :", "3 elus\xff presents :",
}

// TestInlineLabelAny compares inlineLabelAny with reInlineLabel on the cases and on every folded
// line of the corpus.
func TestInlineLabelAny(t *testing.T) {
	texts := append(append([]string{}, inlineLabelCases...), corpusFoldedLines(t)...)
	matched := 0
	for _, s := range texts {
		got, want := inlineLabelAny(s), reInlineLabel.Regexp.MatchString(s)
		if got != want {
			t.Errorf("inlineLabelAny(%q) = %v, want %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 10 {
		t.Errorf("only %d texts match: the cases do not try the reader", matched)
	}
}

// TestInlineLabelWords checks the word tables of inlineLabelAny against reInlineLabel: the label
// group, the group words and the verbs are the texts of those parts of the pattern, each word
// ending with a letter and holding no white space.
func TestInlineLabelWords(t *testing.T) {
	tree, err := syntax.Parse(reInlineLabel.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	// (\d{1,3}) \s+ (?:GROUP \s+ (?:VERB \s+)?)? (LABEL) \s* : \s*
	if tree.Op != syntax.OpConcat || len(tree.Sub) != 7 || tree.Sub[2].Op != syntax.OpQuest ||
		tree.Sub[3].Op != syntax.OpCapture || tree.Sub[5].String() != ":" {
		t.Fatalf("reInlineLabel has another shape: %v", tree)
	}
	words := func(re *syntax.Regexp) []string {
		l, exact, ok := expandLits(re)
		if !ok || !exact {
			t.Fatalf("%v is not a finite set of words", re)
		}
		slices.Sort(l)
		return l
	}
	same := func(name string, table []string, re *syntax.Regexp) {
		t.Helper()
		want := words(re)
		got := slices.Sorted(slices.Values(table))
		if !slices.Equal(got, want) {
			t.Errorf("%s = %q, the pattern's words are %q", name, got, want)
		}
		for _, w := range table {
			if w == "" || strings.ContainsAny(w, " \t\n\f\r\v") || !isASCIIWord(w[len(w)-1]) || w[len(w)-1] <= '9' {
				t.Errorf("%s: %q must end with a letter and hold no white space", name, w)
			}
		}
	}
	same("inlineLabelWords", inlineLabelWords, tree.Sub[3])
	group := tree.Sub[2].Sub[0] // GROUP \s+ (?:VERB \s+)?
	if group.Op != syntax.OpConcat || len(group.Sub) != 3 || group.Sub[2].Op != syntax.OpQuest {
		t.Fatalf("reInlineLabel's group has another shape: %v", group)
	}
	same("inlineLabelGroups", inlineLabelGroups, group.Sub[0])
	verbs := group.Sub[2].Sub[0]
	if verbs.Op != syntax.OpAlternate {
		t.Fatalf("reInlineLabel's verbs have another shape: %v", verbs)
	}
	var vs []*syntax.Regexp
	for _, v := range verbs.Sub {
		if v.Op != syntax.OpConcat || len(v.Sub) != 2 || v.Sub[1].Op != syntax.OpPlus {
			t.Fatalf("a verb of reInlineLabel is not a word and \\s+: %v", v)
		}
		vs = append(vs, v.Sub[0])
	}
	same("inlineLabelVerbs", inlineLabelVerbs, &syntax.Regexp{Op: syntax.OpAlternate, Sub: vs})
}

func FuzzInlineLabelAny(f *testing.F) {
	for _, s := range inlineLabelCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := inlineLabelAny(s), reInlineLabel.Regexp.MatchString(s); got != want {
			t.Errorf("inlineLabelAny(%q) = %v, want %v", s, got, want)
		}
	})
}

// labelHeadLongest is the length of the longest word of gateLabelHead.
var labelHeadLongest = gateLabelHead.longest()

// labelHeadLen is how many bytes of a label's fold labelHeadRejects reads: more than the
// longest word of gateLabelHead.
const labelHeadLen = 24

// foldedHead appends to buf the first cap(buf) bytes of normalize.Fold(s) (or all of it,
// complete then true), read rune by rune as Fold does for ASCII and the Latin blocks; known
// is false when a rune beyond those comes first (Fold may then read the text otherwise).
func foldedHead(s string, buf []byte) (head []byte, complete, known bool) {
	n := cap(buf)
	space := false
	for _, r := range s {
		if len(buf) >= n {
			return buf[:n], false, true
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			if asciiSpace[c] != 0 {
				space = len(buf) > 0
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '`' {
				c = '\''
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = append(buf, c)
			continue
		}
		if r >= rune(len(latinFold)) {
			return buf, false, false
		}
		f := latinFold[r]
		if f == "" {
			if unicode.IsSpace(r) {
				space = len(buf) > 0
			}
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = append(buf, f...)
	}
	if len(buf) > n {
		return buf[:n], false, true
	}
	return buf, true, true
}

// labelHeadRejectsRef is labelHeadRejects as it was: the first labelHeadLen bytes of the fold
// read whole (foldedHead), then compared with the words of gateLabelHead.
func labelHeadRejectsRef(label string) bool {
	if gateLabelHead.byFirst == nil || labelHeadLen < labelHeadLongest {
		return false
	}
	var buf [labelHeadLen]byte
	head, complete, known := foldedHead(label, buf[:0])
	if !known {
		return false
	}
	if len(head) == 0 {
		return complete
	}
	for _, l := range gateLabelHead.byFirst[head[0]] {
		if len(l) <= len(head) && string(head[:len(l)]) == l {
			return false
		}
	}
	return complete || len(head) >= labelHeadLongest
}

// checkLabelHeadRef compares labelHeadRejects with labelHeadRejectsRef: they agree, or the
// reference could not tell for a rune it does not fold within its head, and classifyLabel
// rejects the label as labelHeadRejects does (so that labelOf answers alike).
func checkLabelHeadRef(t *testing.T, s string) {
	t.Helper()
	got, want := labelHeadRejects(s), labelHeadRejectsRef(s)
	if got == want {
		return
	}
	var buf [labelHeadLen]byte
	_, _, known := foldedHead(s, buf[:0])
	if !got || known {
		t.Errorf("labelHeadRejects(%q) = %v, want %v", s, got, want)
	} else if _, _, ok := classifyLabel(s); ok && !strings.ContainsRune(s, '(') {
		t.Errorf("labelHeadRejects(%q), but classifyLabel reads it as a label", s)
	}
}

// labelHeadCases are labels for checkLabelHeadRef: each word of the gate, cut short, run on,
// in capitals, behind white space, followed by runes the reference does not fold.
func labelHeadCases() []string {
	out := []string{"", " ", "M. Jean DUPONT", "Madame\u0301 X", "Pre\u0301sents", "présents\u3000:", "a", "A", "à",
		"\u00a0Excusés", "Se  sont excusés", "se\tsont", "sé", "Ελ", "x\u0301", "ab\u0301", "`a", "Œuvre", "\xffpresent"}
	for _, w := range gateLabelHead.lits {
		for _, v := range []string{w, strings.ToUpper(w), w[:len(w)-1], w + "s", " " + w, w + "\u0301", w[:len(w)-1] + "\u0301",
			w[:1] + "x\u0301", strings.Repeat(w, 3), w[:len(w)-1] + "é"} {
			out = append(out, v)
		}
	}
	return out
}

func TestLabelHeadRejectsRef(t *testing.T) {
	for _, s := range labelHeadCases() {
		checkLabelHeadRef(t, s)
	}
	for _, l := range corpusLines() {
		checkLabelHeadRef(t, l)
	}
}

func FuzzLabelHeadRejects(f *testing.F) {
	for _, s := range labelHeadCases() {
		f.Add(s)
	}
	f.Fuzz(checkLabelHeadRef)
}

// parseEntryRef is parseEntry as it was, asking hasProxyVerb of the same text twice.
func parseEntryRef(s string, proxies bool) listEntry {
	var e listEntry
	var fm foldMemo // s is mapped back from its fold up to twice (giver and holder)
	s = strings.TrimSpace(s)
	// Parentheticals: a proxy, a substitute, or a note to drop.
	for {
		a := strings.IndexByte(s, '(')
		if a < 0 {
			break
		}
		b := strings.IndexByte(s[a:], ')')
		inner := ""
		if b < 0 {
			inner, s = s[a+1:], s[:a]
		} else {
			inner, s = s[a+1:a+b], s[:a]+" "+s[a+b+1:]
		}
		fi := normalize.Fold(inner)
		if m := reInlineProxy.FindStringSubmatchIndex(fi); m != nil {
			if n, ok := normalize.PersonName(sliceFolded(inner, fi, m[2], m[3])); ok {
				e.holder, e.hasHolder, e.inlineProxy = n, true, true
			}
		} else if m := substituteIndex(fi); m != nil {
			if n, ok := normalize.PersonName(sliceFolded(inner, fi, m[2], m[3])); ok {
				e.replaced = &n
			}
		} else if m := reProxyMark.FindStringSubmatch(fi); m != nil {
			e.mark = m[1]
		} else if role := normalize.RoleKey(inner); role != "" {
			e.roleText = role
		}
	}
	s = strings.TrimSpace(s)
	// Most entries are a bare name: fold only those that may hold a proxy or a role.
	f := ""
	if proxies || mayHoldProxy(s) {
		f = normalize.Fold(s)
	}
	if f != "" && hasProxyVerb(f) {
		if m := reInlineProxy.FindStringSubmatchIndex(f); m != nil {
			if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[2], m[3])); ok {
				e.holder, e.hasHolder, e.proxyOfPrev = n, true, true
			}
			return e
		}
	}
	giver := s
	// "Procuration de M. X à M. Y".
	if f != "" {
		if m := reProxyOf.FindStringSubmatchIndex(f); m != nil {
			giver = fm.sliceFolded(s, f, m[2], m[3])
			if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[4], m[5])); ok {
				e.holder, e.hasHolder = n, true
			}
			f = normalize.Fold(giver)
		}
	}
	var m []int
	if hasProxyVerb(f) { // "donne pouvoir", "procuration", "représenté par"
		m = giveProxyIndex(f)
	}
	if m != nil {
		giver = fm.sliceFolded(s, f, 0, m[0])
		if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[2], m[3])); ok {
			e.holder, e.hasHolder = n, true
		}
	} else if proxies {
		if m := proxyPairIndex(f); m != nil {
			giver = fm.sliceFolded(s, f, m[2], m[3])
			if n, ok := normalize.PersonName(fm.sliceFolded(s, f, m[4], m[5])); ok {
				e.holder, e.hasHolder = n, true
			}
		}
	}
	// "M. MMES Marie-Jo BATARD": civilities of a mixed group; the person's own is unknown.
	// The words are split only for those two cases; the first words are read in place.
	// c0 is the civility w0 is (civ0), read once for both tests.
	w0, after := nextField(giver)
	c0, civ0 := normalize.CivilityOf(w0)
	if w1, after1 := nextField(after); w1 != "" && civ0 && isCivility(w1) {
		if w2, _ := nextField(after1); w2 != "" {
			fs := strings.Fields(giver)
			giver = strings.Join(fs[2:], " ")
			w0, _ = nextField(giver)
			c0, civ0 = normalize.CivilityOf(w0)
		}
	}
	// A plural civility heads a group: "MM LECARDONNEL", "Messieurs Yves LELONG".
	if w0 != "" {
		if c, ok := c0, civ0; ok && c.Plural {
			fs := strings.Fields(giver)
			// A copy taken here: &c itself would move c to the heap on every entry.
			cp := c
			e.civPlural = &cp
			giver = "M. " + strings.Join(fs[1:], " ")
			if c.Canon == "Mme" {
				giver = "Mme " + strings.Join(fs[1:], " ")
			}
			if len(fs) == 1 {
				e.role = true
				return e
			}
		}
	}
	n, ok := normalize.PersonName(giver)
	if !ok {
		if f == "" {
			f = normalize.Fold(s)
		}
		if roleOnly(f) {
			e.role = true
			e.roleText = normalize.RoleKey(s)
		} else if reStaffTitle.MatchString(f) {
			e.role = true // the function of the staff member named before
		}
		return e
	}
	e.name, e.ok = n, true
	return e
}

// parseEntryCases are entries for parseEntry: names, proxies in every form, parentheticals,
// groups and roles.
var parseEntryCases = []string{
	"", "M. Jean DUPONT", "Mme X donne pouvoir à M. Y", "Procuration de M. X à M. Y", "pouvoir de Mme A à M. B.",
	"M. X (pouvoir à M. Y)", "M. X (suppléant de M. Z)", "M. X (Pr*)", "M. X (Maire)", "MM LECARDONNEL",
	"Messieurs Yves LELONG", "M. MMES Marie-Jo BATARD", "adjoints", "M. GALLEN, Directeur Général des Services",
	"X représenté par Y", "M. X à M. Y", "M. X par M. Y", "Mme X, pouvoir donné à M. Y", "délégation de vote à M. Y",
	"(", ")", "M. X (", "Mmes", "procuration", "pouvoir donne a",
}

func checkParseEntry(t *testing.T, s string) {
	t.Helper()
	for _, proxies := range []bool{false, true} {
		if got, want := parseEntry(s, proxies), parseEntryRef(s, proxies); !reflect.DeepEqual(got, want) {
			t.Errorf("parseEntry(%q, %v) = %+v, want %+v", s, proxies, got, want)
		}
	}
}

// TestParseEntryAgreesWithRef compares parseEntry with parseEntryRef on the cases and on every
// line and entry of the corpus.
func TestParseEntryAgreesWithRef(t *testing.T) {
	for _, s := range append(append([]string{}, parseEntryCases...), corpusListTexts(t)...) {
		checkParseEntry(t, s)
	}
}

func FuzzParseEntry(f *testing.F) {
	for _, s := range parseEntryCases {
		f.Add(s)
	}
	f.Fuzz(checkParseEntry)
}
