package parse

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tocTitleRef is what agendaEntries made of a title before tocStart: the reference the hand
// reading is checked against.
func tocTitleRef(title string) string {
	if mayTOCLine(title) {
		return cleanTitle(reTOCLine.ReplaceAllString(title, ""))
	}
	return title
}

// tocTitle is agendaEntries' reading of a title with tocStart.
func tocTitle(title string) string {
	if k := tocStart(title); k >= 0 {
		return cleanTitle(title[:k])
	} else if mayTOCLine(title) {
		return cleanTitle(title)
	}
	return title
}

// checkTOCStart compares tocStart with reTOCLine's own answer on s.
func checkTOCStart(t *testing.T, s string) {
	t.Helper()
	want := -1
	if m := reTOCLine.Regexp.get().FindStringIndex(s); m != nil {
		want = m[0]
		if m[1] != len(s) {
			t.Fatalf("reTOCLine matches %q at %v, not to its end", s, m)
		}
	}
	if got := tocStart(s); got != want {
		t.Fatalf("tocStart(%q) = %d, want %d", s, got, want)
	}
	if got, want := tocTitle(s), tocTitleRef(s); got != want {
		t.Fatalf("title %q: got %q, want %q", s, got, want)
	}
}

var tocStartCases = []struct{ name, in string }{
	{"page number", "Budget primitif page 03"},
	{"pages", "Budget primitif pages 12  "},
	{"capitals", "BUDGET PAGE 7"},
	{"long s", "Budget pageſ 7"},
	{"no boundary", "Budget voirpage 7"},
	{"underscore before", "Budget _page 7"},
	{"accent before", "Budgeté page 7"},
	{"no space", "Budget page7"},
	{"four digits", "Budget page 2023"},
	{"dotted leader", "Budget primitif ........ 12"},
	{"dotted no space", "Budget primitif ....12\n"},
	{"three dots", "Budget primitif ... 12"},
	{"dots and page", "Budget page .... 12"},
	{"vertical tab", "Budget page\v12"},
	{"form feed", "Budget page\f12\r"},
	{"only number", "12"},
	{"empty", ""},
	{"page at start", "page 3"},
	{"pages short", "ges 3"},
	{"plain title", "Approbation du compte rendu"},
	{"title ending in year", "Décision modificative n°1 de 2023"},
}

// TestTOCStart checks tocStart against reTOCLine on titles of tables of contents and near
// misses.
func TestTOCStart(t *testing.T) {
	for _, tt := range tocStartCases {
		t.Run(tt.name, func(t *testing.T) { checkTOCStart(t, tt.in) })
	}
}

// FuzzTOCStart checks tocStart against reTOCLine on any text.
func FuzzTOCStart(f *testing.F) {
	for _, tt := range tocStartCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTOCStart(t, s)
		checkTOCStart(t, tocTokens(s))
	})
}

// tocTokens spells s's bytes as pieces of table of contents lines (see headingTokens).
func tocTokens(s string) string {
	pieces := []string{"page", "PAGE", "Pages", "ſ", "s", " ", "\t", "\n", "\v", ".", "....", "1", "12", "123", "_", "é", "x"}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pieces[int(s[i])%len(pieces)])
	}
	return b.String()
}

// handFormRef is what matchInto took of a form's pattern before handForms: the number (group
// 1) and the first group after it that is not empty.
func handFormRef(re *regexp.Regexp, t string) (number, title string, ok bool) {
	m := re.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	for _, g := range m[2:] {
		if g != "" {
			title = g
			break
		}
	}
	return m[1], title, true
}

// handFormSeeds are lines of every shape the hand-read forms tell apart.
var handFormSeeds = []string{
	"DL-061-07-13 - Travaux", "D2018-66 Budget", "DE-2011/67 : Tarifs", "23-02/001 – Rapport", "2014/25 – DECISIONS",
	"2020-038 SUBVENTION", "2008/1 – Implantation", "ABCDE-12/3 x", "É 12.3 Titre", "12-34-56-78-90 Title",
	"12-34-56-78-90", "1.2.3.4.5 x", "12345/6 x", "12/34567 x", "12/3 \n", "12/3 :\nx", "12/3 - \n", "12/3\tÉcole",
	"12/3-\n4", "-12/3 X", " 12/3 X", "AB 1/2: x", "12/3 x", "12.3\xff", "2013.04.08 - 1 ADOPTION", "2013.04.08-IV. Vote",
	"2013.04.08 - 1234 X", "2013.04.08 - 1 :\n", "2013.04.08 - 1 – x", "2013.04.08 - 1 — x", "2013.04.08 -", "2013.04.08 - X",
	"1-1 : Autorisation", "2- 1 : Vote", "1-3 A : Relevés topographiques.", "1-3 A— Été", "1-3 I : x", "1 - 2 :1", "1-123 : x",
	"1-1 : \n", "1-1 :\nÉ", "6.1 Ecole", "1.1 – Section", "1.1.1. Recettes", "1.2. Titre", "1.234 x", "1.2) x", "1.2 —É",
	"1.2.3.4 x", "1.2.3.4.5 x", "1 - AFFECTATION", "2 –Budget", "3-Vote", "3-vote", "1 -", "1 - ", "1 -  ", "1 - \n", "1 -\t \n",
	"1 - a\nb", "12— x", "123 - x", "A. Direction", "B) Pôle", "C.", "C. ", "C.  ", "C. \n", "H )  x", "I. x", "A.x",
	"I.2 DÉLIBÉRATIONS", "IV.12. Vote", "IIII.1 x", "IIIII.1 x", "I.123 x", "I.1\t\n", "I.1 \nx", "I.1 x\ny", "I.1.x", "I.1",
	"I.1 ", "I. VIE DU SYNDICAT", "II – COMMUNAUTE", "IV) PERSONNEL", "IV -x", "IV - x", "IV—x", "IV /x", "IV/", "IV / ",
	"IV/\n", "IV -\n", "IV - \n", "IV . x", "IV.x", "IV. ", "IV.  ", "IV. \n", "IVXIVX. x", "IV x", "IV \t– \n", "IV\n- x",
}

// TestHandForms checks each hand-read form against its pattern on lines of every shape.
func TestHandForms(t *testing.T) {
	for src := range handForms {
		if !slices.ContainsFunc(headingForms, func(f headingForm) bool { return f.re.String() == src }) {
			t.Errorf("handForms holds %q, which is no heading form's pattern", src)
		}
	}
	for _, s := range handFormSeeds {
		checkHandForms(t, s)
	}
}

// handFormRes are the patterns of handForms, compiled once.
var handFormRes = func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for src := range handForms {
		out[src] = regexp.MustCompile(src)
	}
	return out
}()

// checkHandForms compares every hand-read form with its pattern on s.
func checkHandForms(t *testing.T, s string) {
	t.Helper()
	for src, read := range handForms {
		re := handFormRes[src]
		n, ti, ok := read(s)
		wn, wt, wok := handFormRef(re, s)
		if n != wn || ti != wt || ok != wok {
			t.Errorf("%s on %q: got (%q, %q, %v), want (%q, %q, %v)", src, s, n, ti, ok, wn, wt, wok)
		}
	}
}

// FuzzHandForms checks the hand-read heading forms against their patterns on any line.
func FuzzHandForms(f *testing.F) {
	for _, s := range handFormSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkHandForms(t, s)
		checkHandForms(t, headingTokens(s))
	})
}

// headingTokens spells s's bytes as pieces of heading lines, so that the fuzzer's random bytes
// make numbers, separators and titles rather than noise.
func headingTokens(s string) string {
	pieces := []string{"1", "12", "2023", "-", "–", "—", ".", "/", ":", ")", " ", "\t", "\n", "A", "H", "É", "é", "x", "I", "V", "ſ", "\xff", "04", "°"}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pieces[int(s[i])%len(pieces)])
	}
	return b.String()
}

// leadMayRef is headingLead.may before its byte sets: the class and next bytes searched in
// their strings.
func leadMayRef(l *headingLead, t string) bool {
	if l.class == "" {
		for _, w := range l.words {
			if wordLead(t, w) {
				return true
			}
		}
		return false
	}
	n := 0
	if l.capitals > 0 {
		for k := 0; n < len(t); k++ {
			r, size := utf8.DecodeRuneInString(t[n:])
			if !unicode.IsUpper(r) {
				break
			}
			if k == l.capitals {
				return false
			}
			n += size
		}
		if n < len(t) && (t[n] == '-' || t[n] == ' ') {
			n++
		}
		t = t[n:]
		n = 0
	}
	if l.class == digits {
		for n < len(t) && asciiDigit(t[n]) {
			n++
		}
	} else {
		for n < len(t) && strings.IndexByte(l.class, t[n]) >= 0 {
			n++
		}
	}
	if n < l.min || n > l.max {
		return false
	}
	if l.space {
		for n < len(t) && isGapSpace(t[n]) {
			n++
		}
	}
	if n >= len(t) || strings.IndexByte(l.next, t[n]) < 0 {
		return false
	}
	return !l.digit || n+1 < len(t) && '0' <= t[n+1] && t[n+1] <= '9'
}

// checkLeads compares every heading lead with leadMayRef on s.
func checkLeads(t *testing.T, s string) {
	t.Helper()
	for src, l := range headingLeads {
		want := leadMayRef(&l, s)
		if got := l.may(s); got != want {
			t.Fatalf("lead of %s on %q: may = %v, want %v", src, s, got, want)
		}
		if l.class == digits && l.capitals == 0 {
			n := digitRun(s, 0)
			if got := l.mayRun(s, n, spaceRunEnd(s, n)); got != want {
				t.Fatalf("lead of %s on %q: mayRun = %v, want %v", src, s, got, want)
			}
		}
	}
}

// TestLeadSets checks that the leads' byte sets hold their class and next bytes and no other.
func TestLeadSets(t *testing.T) {
	for src, l := range headingLeads {
		for c := 0; c < 256; c++ {
			if got, want := l.classSet.has(byte(c)), strings.IndexByte(l.class, byte(c)) >= 0; got != want {
				t.Errorf("lead of %s: class set has %#x = %v, want %v", src, c, got, want)
			}
			if got, want := l.nextSet.has(byte(c)), strings.IndexByte(l.next, byte(c)) >= 0; got != want {
				t.Errorf("lead of %s: next set has %#x = %v, want %v", src, c, got, want)
			}
		}
	}
	for _, s := range handFormSeeds {
		checkLeads(t, s)
	}
}

// FuzzLeadSets checks headingLead.may, and mayRun for the leads of digits, against leadMayRef
// on any line.
func FuzzLeadSets(f *testing.F) {
	for _, s := range handFormSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkLeads(t, s)
		checkLeads(t, headingTokens(s))
	})
}
