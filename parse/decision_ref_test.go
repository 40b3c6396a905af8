package parse

import (
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
	if got := valueOf(lineTriggerStems(f, s, scanStems(f), true)); !reflect.DeepEqual(got, want) {
		t.Errorf("lineTriggerStems(%q, known) = %+v, want %+v", s, got, want)
	}
	if got, want := hasUpperRun(s), refHasUpperRun(s); got != want {
		t.Errorf("hasUpperRun(%q) = %v, want %v", s, got, want)
	}
	if got, want := upperVerb(s), refUpperVerb(s); got != want {
		t.Errorf("upperVerb(%q) = %v, want %v", s, got, want)
	}
	if got, want := cleanLine(s), strings.TrimSpace(cleanHeadingText(s)); got != want {
		t.Errorf("cleanLine(%q) = %q, want %q", s, got, want)
	}
	if got, want := isUpperWord(s), strings.ToUpper(s) == s; got != want {
		t.Errorf("isUpperWord(%q) = %v, want %v", s, got, want)
	}
	if got, want := stripQuotes(s), strings.Join(strings.Fields(quoteStrip.Replace(s)), " "); got != want {
		t.Errorf("stripQuotes(%q) = %q, want %q", s, got, want)
	}
	if c := cleanLine(s); !mayPageNumber(c) && isPageNumber(c) {
		t.Errorf("mayPageNumber(%q) = false, but isPageNumber is true", c)
	}
	if longText(s) && len(cleanLine(s)) <= 24 {
		t.Errorf("longText(%q) = true, but cleanLine gives %q", s, cleanLine(s))
	}
	var b strings.Builder
	appendWords(&b, "x")
	appendWords(&b, s)
	if got, want := b.String(), strings.Join(strings.Fields("x "+s), " "); got != want {
		t.Errorf("appendWords(%q) = %q, want %q", s, got, want)
	}
	if got, want := scanStemsSkip(f, '*'), scanStems(strings.ReplaceAll(f, "*", "")); got != want {
		t.Errorf("scanStemsSkip(%q) = %x, want %x", f, got, want)
	}
	for _, k := range []int{0, len(f) / 3, len(f) / 2, len(f)} {
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
	for _, s := range []string{"ADOPTÉ À L'UNANIMIÏE", "Pour : 12 ** Contre : 3", " «Pour» 21 voix ", "UNANIM?TE", "\tx_#", "ß DÉCIDE", "- 12 -", "Page 3/6", "+7", "\xe2\xc2\xab x", "1)\t*_#abcdefghijklmnopqrstuvwxy"} {
		f.Add(s)
	}
	f.Fuzz(checkDecisionRefs)
}
