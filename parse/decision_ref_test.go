package parse

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"minutes/normalize"
)

// The first readings of the functions the decision reader's speed-ups rewrote, kept as the
// references the rewrites must agree with on every corpus line.

// refLineTrigger is lineTriggerStems before the gate moved ahead of the copies.
func refLineTrigger(f, raw string, fm uint64, known bool) trig {
	var t trig
	f0 := f
	// strings.ContainsAny with a non-ASCII set scans the line once per match of the set's lead
	// byte, and every accented letter shares Ï's: one substring search per mark is far cheaper.
	if (strings.IndexByte(raw, '?') >= 0 || strings.Contains(raw, "Ï")) && refHasUpperRun(raw) {
		// OCR reads a capital T as Ï ("A L'UNANIMIÏE, ACCEPÏE") and an I as "?" inside a word in
		// capitals ("UNANIM?TE"): the line is read again with the letters restored.
		if r := ocrCapitals(raw); r != raw {
			raw = r
			f = normalize.Fold(raw)
		}
	}
	f = strings.TrimSpace(strings.ReplaceAll(f, "*", ""))
	digit := strings.IndexAny(f, "0123456789") >= 0
	m := fm
	if !known || f != f0 {
		m = scanStems(f)
	}
	if f == "" || !(triggerStems.in(m) || (digit && countStems.in(m)) || refHasUpperRun(raw)) {
		return t
	}
	t.colon = strings.HasSuffix(f, ":")
	if strings.IndexByte(f, '"') >= 0 || strings.Contains(f, "«") || strings.Contains(f, "»") {
		// "Par 21 voix « Pour » et 5 « Abstentions »": quotes around the labels.
		f = strings.Join(strings.Fields(quoteStrip.Replace(f)), " ")
		m = scanStems(f)
	}
	t.unanimous = unanimousStems.in(m) && reUnanimous.MatchString(f)
	t.majority = majorityStems.in(m) && reMajority.MatchString(f)
	t.dissent = t.majority || (dissentStems.in(m) && reDissent.MatchString(f))
	if digit && countStems.in(m) {
		voteLine := reVoteLine.MatchString(f)
		if voteLine || reVoteWord.MatchString(f) || t.unanimous {
			t.forN, t.againstN, t.abstN = voteCounts(f)
			// "Pour 1€ donnée": a count is a vote only on a vote line or beside another count.
			if !voteLine && !t.unanimous {
				n := 0
				for _, p := range []*int{t.forN, t.againstN, t.abstN} {
					if p != nil {
						n++
					}
				}
				if n < 2 && !strings.Contains(f, "voix") && !strings.Contains(f, "vote") {
					t.forN, t.againstN, t.abstN = nil, nil, nil
				}
			}
		}
	}
	if t.unanimous {
		if m := reVotersTotal.FindStringSubmatch(f); m != nil {
			n, _ := strconv.Atoi(m[1])
			t.forN = &n
		}
	}
	t.outcome, t.explicit = outcomeStems(f, m)
	if t.outcome == "" && electStems.in(m) && reElected.MatchString(f) && !reElectedChair.MatchString(f) {
		t.outcome, t.explicit = Adopted, true
	}
	if t.outcome == "" && strings.Contains(f, "favorable") && reVoteFavourable.MatchString(f) {
		t.outcome, t.explicit = Adopted, true
	}
	if t.outcome == "" {
		if upper := refUpperVerb(raw); upper || (adoptStems.in(m) && reAdopted.MatchString(f)) {
			if upper || reCouncil.MatchString(f) || reStrongVerb.MatchString(f) || t.unanimous || t.counts() {
				t.outcome, t.explicit = Adopted, true
			}
		}
	}
	t.trigger = t.explicit || t.unanimous || t.counts() || (t.dissent && (reCouncil.MatchString(f) || reVoteWord.MatchString(f)))
	if t.trigger && reVisa.MatchString(f) && !hasClause(f) {
		return trig{}
	}
	return t
}
func refHasUpperRun(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i+1] >= 'A' && s[i+1] <= 'Z' {
			return true
		}
	}
	return false
}

// refReadClauses is readClauses before its text and buffers were spared.
func (d *doc) refReadClauses(p para) []clause {
	found := false
	for _, i := range p.lines {
		if clauseStems.in(d.stemsAt(i)) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	var b strings.Builder
	starts := make([]int, len(p.lines))
	for k, i := range p.lines {
		if k > 0 {
			b.WriteByte(' ')
		}
		starts[k] = b.Len()
		b.WriteString(strings.TrimSpace(strings.ReplaceAll(d.folded[i], "*", "")))
	}
	f := b.String()
	lineOf := func(off int) int {
		k := 0
		for k+1 < len(starts) && starts[k+1] <= off {
			k++
		}
		return k
	}
	var out []clause
	from := 0
	for _, loc := range clauseSubjects(f, nil, ^uint64(0)) {
		if loc[0] < from {
			continue
		}
		s, e := loc[0], loc[1]
		ss, se := sentenceStart(f, e), sentenceEnd(f, e)
		from = se
		if from <= e {
			from = e
		}
		// A sentence that began long before its subject (a list or a table without a full
		// stop) is read from the subject's line.
		a, z := lineOf(ss), lineOf(max(ss, se-1))
		if k := lineOf(s); k-a > 2 {
			a, ss = k, starts[k]
		}
		lines := p.lines[a : z+1]
		triggered := false
		for _, i := range lines {
			if d.trigAt(i).trigger {
				triggered = true
				break
			}
		}
		if triggered {
			continue
		}
		// The verb is looked for only in a sentence no line of which is a vote already: the
		// line triggers are memoized, the verb patterns are not.
		o, ok := clauseOutcome(f[e:min(se, e+maxClauseTail)])
		if !ok {
			continue
		}
		var raw strings.Builder
		for _, i := range lines {
			raw.WriteString(d.lines[i].Text)
			raw.WriteByte(' ')
		}
		t := lineTrigger(f[ss:se], raw.String())
		if t.outcome == "" || (o != Adopted && t.outcome == Adopted) {
			t.outcome = o
		}
		t.trigger, t.explicit = true, true
		t.colon = strings.HasSuffix(strings.TrimSpace(f[ss:se]), ":")
		out = append(out, clause{lines: lines, t: t})
	}
	return out
}

// TestVoterGuards checks that the letters of the voter patterns' guard words fold to their
// ASCII capitals only, so that containsASCIIFold finds every case-insensitive match.
func TestVoterGuards(t *testing.T) {
	for _, w := range append([]string{voterExceptWord, voterNotVotWord}, voterParenWords...) {
		for _, r := range w {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= 0x80 || unicode.ToLower(f) != r {
					t.Errorf("%q: %q folds to %q", w, r, f)
				}
			}
		}
	}
	for _, tc := range []struct {
		s, w string
		want bool
	}{{"M. X (Contre)", "contre", true}, {"PRENANT", "prenant", true}, {"prenan", "prenant", false}, {"", "x", false}} {
		if got := containsASCIIFold(tc.s, tc.w); got != tc.want {
			t.Errorf("containsASCIIFold(%q, %q) = %v, want %v", tc.s, tc.w, got, tc.want)
		}
	}
}

// TestReadClausesRef compares readClauses with its first reading on every paragraph of the
// sample and of the corpus's text files.
func TestReadClausesRef(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	files = append(files, "../testdata/sample/numerian-2023-12-15.txt")
	n := 0
	for _, file := range files {
		d, prose := decisionFixture(t, file)
		for _, p := range prose {
			got, want := d.readClauses(p), d.refReadClauses(p)
			if len(got) != len(want) {
				t.Errorf("%s line %d: %d clauses, want %d", file, p.lines[0], len(got), len(want))
				continue
			}
			for k := range got {
				if !reflect.DeepEqual(got[k].lines, want[k].lines) || valueOf(got[k].t) != valueOf(want[k].t) {
					t.Errorf("%s line %d: clause %d = %+v, want %+v", file, p.lines[0], k, got[k], want[k])
				}
			}
			n += len(got)
		}
	}
	if n == 0 {
		t.Error("no clause read")
	}
}

// refUpperVerb is upperVerb through strings.FieldsFunc and strings.ToUpper.
func refUpperVerb(raw string) bool {
	if !refHasUpperRun(raw) {
		return false
	}
	for _, w := range strings.FieldsFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 5 && strings.ContainsRune("ADV", rune(w[0])) && strings.ToUpper(w) == w && reUpperVerb.MatchString(foldUpper(w)) {
			return true
		}
	}
	return false
}

// refVoteCounts is voteCounts running every count pattern, each through FindAll.
func refVoteCounts(f string) (forN, against, abst *int) {
	first := func(re *spotRx, f string) *int {
		for _, m := range re.FindAllStringSubmatchIndex(f, -1) {
			if m[2] < 0 || !isCount(f, m[3]) {
				continue
			}
			n, err := strconv.Atoi(f[m[2]:m[3]])
			if err == nil {
				return &n
			}
		}
		return nil
	}
	var lf, nf [3]*int
	nl, nn := 0, 0
	for k, pair := range [3][2]*spotRx{{reCountForL, reCountForN}, {reCountAgainstL, reCountAgainstN}, {reCountAbstL, reCountAbstN}} {
		if lf[k] = first(pair[0], f); lf[k] != nil {
			nl++
		}
		if nf[k] = first(pair[1], f); nf[k] != nil {
			nn++
		}
	}
	c := lf
	if nn > nl {
		c = nf
	}
	if c[0] == nil && strings.HasPrefix(strings.TrimLeft(f, "-• "), "pour") {
		c[0] = first(reCountForLabel, f)
	}
	return c[0], c[1], c[2]
}

// countValues reads three counts, -1 for none.
func countValues(a, b, c *int) [3]int {
	out := [3]int{-1, -1, -1}
	for k, p := range []*int{a, b, c} {
		if p != nil {
			out[k] = *p
		}
	}
	return out
}

// TestCountGates checks that the stem gates of the count patterns are live (a gate of every bit
// spares nothing) and that a line a pattern matches holds a stem of its gate.
func TestCountGates(t *testing.T) {
	gates := []struct {
		name string
		re   *rx
		gate uint64
	}{{"favourable", reVoteFavourable, favourableGate}}
	for k, pair := range countPatterns {
		for j, re := range pair {
			gates = append(gates, struct {
				name string
				re   *rx
				gate uint64
			}{re.String(), re.rx, countGates[k][j]})
		}
	}
	lines := append(append(rxSamples(t), corpusLines()...), spotEdges...)
	for _, g := range gates {
		if g.gate == ^uint64(0) {
			t.Errorf("%s: the gate holds every stem", g.name)
		}
		for _, s := range lines {
			f := strings.ReplaceAll(normalize.Fold(s), "*", "")
			if g.re.Regexp.MatchString(f) && scanStems(f)&g.gate == 0 {
				t.Errorf("%s matches %q, which holds no stem of its gate", g.name, f)
			}
		}
	}
}

// trigValue is a trig with its counts read, for comparing two readings.
type trigValue struct {
	t          trig
	fr, ag, ab int
	hf, ha, hb bool
}

func valueOf(t trig) trigValue {
	v := trigValue{t: t}
	if t.forN != nil {
		v.fr, v.hf = *t.forN, true
	}
	if t.againstN != nil {
		v.ag, v.ha = *t.againstN, true
	}
	if t.abstN != nil {
		v.ab, v.hb = *t.abstN, true
	}
	v.t.forN, v.t.againstN, v.t.abstN = nil, nil, nil
	return v
}

// checkDecisionRefs compares the rewritten line readers with their references on raw line s.
func checkDecisionRefs(t *testing.T, s string) {
	f := normalize.Fold(s)
	want := valueOf(refLineTrigger(f, s, 0, false))
	if got := valueOf(lineTrigger(f, s)); !reflect.DeepEqual(got, want) {
		t.Errorf("lineTrigger(%q) = %+v, want %+v", s, got, want)
	}
	if got := valueOf(lineTriggerStems(f, s, scanStemsSkip(f, '*'), true)); !reflect.DeepEqual(got, want) {
		t.Errorf("lineTriggerStems(%q, known) = %+v, want %+v", s, got, want)
	}
	if got, want := hasUpperRun(s), refHasUpperRun(s); got != want {
		t.Errorf("hasUpperRun(%q) = %v, want %v", s, got, want)
	}
	if got, want := upperVerb(s), refUpperVerb(s); got != want {
		t.Errorf("upperVerb(%q) = %v, want %v", s, got, want)
	}
	if got, want := isUpperWord(s), strings.ToUpper(s) == s; got != want {
		t.Errorf("isUpperWord(%q) = %v, want %v", s, got, want)
	}
	if got, want := stripQuotes(s), strings.Join(strings.Fields(quoteStrip.Replace(s)), " "); got != want {
		t.Errorf("stripQuotes(%q) = %q, want %q", s, got, want)
	}
	if c := cleanHeadingText(s); !mayPageNumber(c) && isPageNumber(c) {
		t.Errorf("mayPageNumber(%q) = false, but isPageNumber is true", c)
	}
	if got, want := hasGuillemet(s), strings.Contains(s, "«") || strings.Contains(s, "»"); got != want {
		t.Errorf("hasGuillemet(%q) = %v, want %v", s, got, want)
	}
	if g := strings.ReplaceAll(f, "*", ""); adopted(g, scanStems(g)) != reAdopted.Regexp.MatchString(g) || elected(g, scanStems(g)) != reElected.Regexp.MatchString(g) {
		t.Errorf("adopted or elected(%q) with its stems differs from its pattern", g)
	}
	if g := strings.ReplaceAll(f, "*", ""); reStrongVerb.MatchString(g) && !strongStems.in(scanStems(g)) {
		t.Errorf("reStrongVerb matches %q, which holds none of strongStems", g)
	}
	if reVoterParen.MatchString(s) && !mayVoterParen(s) {
		t.Errorf("mayVoterParen(%q) = false, but reVoterParen matches", s)
	}
	if reVoterExcept.MatchString(f) && !containsASCIIFold(f, voterExceptWord) {
		t.Errorf("reVoterExcept matches %q without %q", f, voterExceptWord)
	}
	if reVoterNotVot.MatchString(s) && !containsASCIIFold(s, voterNotVotWord) {
		t.Errorf("reVoterNotVot matches %q without %q", s, voterNotVotWord)
	}
	if g := strings.ReplaceAll(f, "*", ""); !reflect.DeepEqual(countValues(voteCountsStems(g, scanStems(g))), countValues(refVoteCounts(g))) {
		t.Errorf("voteCountsStems(%q) = %v, want %v", g, countValues(voteCountsStems(g, scanStems(g))), countValues(refVoteCounts(g)))
	}
	var b strings.Builder
	appendWords(&b, "x")
	appendWords(&b, s)
	if got, want := b.String(), strings.Join(strings.Fields("x "+s), " "); got != want {
		t.Errorf("appendWords(%q) = %q, want %q", s, got, want)
	}
	if g := strings.ReplaceAll(f, "*", ""); !reflect.DeepEqual(clauseSubjects(g, nil, scanStems(g)), clauseSubjects(g, nil, ^uint64(0))) {
		t.Errorf("clauseSubjects(%q) depends on the stems gate", g)
	}
	if got, want := scanStemsSkip(f, '*'), scanStems(strings.ReplaceAll(f, "*", "")); got != want {
		t.Errorf("scanStemsSkip(%q) = %x, want %x", f, got, want)
	}
	for _, k := range []int{0, len(f) / 3, len(f) / 2, len(f)} {
		if got, want := joinedStems(f[:k], scanStems(f[:k]), f[k:]), scanStems(f[:k]+" "+f[k:]); got != want {
			t.Errorf("joinedStems(%q, %q) = %x, want %x", f[:k], f[k:], got, want)
		}
		st, m := scanStemsFrom(0, 0, f[:k])
		if _, got := scanStemsFrom(st, m, f[k:]); got != scanStems(f) {
			t.Errorf("scanStemsFrom(%q | %q) = %x, want %x", f[:k], f[k:], got, scanStems(f))
		}
	}
}

func TestDecisionRefs(t *testing.T) {
	lines := append(append(rxSamples(t), corpusLines()...), spotEdges...)
	for _, s := range lines {
		checkDecisionRefs(t, s)
	}
	t.Logf("%d lines checked", len(lines))
}

func FuzzDecisionRefs(f *testing.F) {
	for _, s := range []string{"ADOPTÉ À L'UNANIMIÏE", "Pour : 12 ** Contre : 3", " «Pour» 21 voix ", "UNANIM?TE", "\tx_#", "ß DÉCIDE", "- 12 -", "Page 3/6", "+7", "\xe2\xc2\xab x", "1)\t*_#abcdefghijklmnopqrstuvwxy",
		"Contre : 2 (M. DUPONT, Mme X)", "à l'EXCEPTION DE M. Y qui s'abstient", "Monsieur Z ne PRENANT pas part au vote",
		"Mme X : 11 votes, - Élue", "ONT ÉTÉ PROCLAMÉS élus", "Sont élus au scrutin de liste",
		"Le Conseil xxDECIDE, yyyyyyADOPTE", "12345678DECIDE", "12 votes élu", "12 suffrages, élue", "a été proclamé", "approuvée", "abcdefgDECIDE", "éDÉCIDE", "M.DÉCIDE ", "(ADOPTE)"} {
		f.Add(s)
	}
	f.Fuzz(checkDecisionRefs)
}
