package parse

import (
	"encoding/binary"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/extract"
)

// plainSpanUntabbedRef is plainSpanUntabbed as it was before round 13, when a line holding
// a '#', a '*' or a '_' anywhere was not plain: the reference it is checked against.
func plainSpanUntabbedRef(s string) (a, b int, ok bool) {
	if strings.IndexByte(s, '#') >= 0 || strings.IndexByte(s, '*') >= 0 || strings.IndexByte(s, '_') >= 0 || len(s) > math.MaxInt32 {
		return 0, 0, false
	}
	b = len(s)
	for a < b {
		if c := s[a]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			a++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		if c := s[b-1]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			b--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b, true
}

// markupSeeds are lines for the markup and memo checks: markup bytes alone, doubled, at either
// end, behind spaces, blank lines with tabs.
var markupSeeds = []string{"", "#", "a*", "_a", "  1. Budget  ", "a*b", "a**b", "a_b", "a__b", "a*_b", "*", "**", "_", "__",
	" # x", "x # y", "\u00a0#x", "#1. x", "  ## Titre  ", "**1. Titre**", "# 2) Vote", "__x__", "\t\t", " \t ", "\u00a0\t",
	"1\tSubventions", "é#", "\xff*\xfe", "*x*y*", "_x_y__", "Note*", "M_Dupont", "x*", "x_", "x**", "x__", "\u2003#\u3000"}

// checkPlainSpan checks plainSpan and plainSpanUntabbed on s: a plain line cleans to its
// span, which cleans to itself; every line plain before is plain with the same span; and a
// line is plain exactly when it holds no tab, opens with no '#' past its spaces, and holds no
// "**" nor "__".
func checkPlainSpan(t *testing.T, s string) {
	t.Helper()
	a, b, ok := plainSpan(s)
	tabless := strings.IndexByte(s, '\t') < 0
	if tabless {
		if ua, ub, uok := plainSpanUntabbed(s); ua != a || ub != b || uok != ok {
			t.Errorf("plainSpanUntabbed(%q) = %d, %d, %v; plainSpan %d, %d, %v", s, ua, ub, uok, a, b, ok)
		}
		if ra, rb, rok := plainSpanUntabbedRef(s); rok && (!ok || ra != a || rb != b) {
			t.Errorf("plainSpan(%q) = %d, %d, %v; was %d, %d, %v", s, a, b, ok, ra, rb, rok)
		}
	}
	want := tabless && !strings.HasPrefix(strings.TrimSpace(s), "#") && !strings.Contains(s, "**") && !strings.Contains(s, "__")
	if ok != want {
		t.Errorf("plainSpan(%q) ok = %v, want %v", s, ok, want)
	}
	if ok {
		if c := cleanHeadingTextRef(s); s[a:b] != c || cleanHeadingTextRef(c) != c {
			t.Errorf("plainSpan(%q) = %q, cleaned %q", s, s[a:b], c)
		}
	}
	if got, want := cleanHeadingText(s), cleanHeadingTextRef(s); got != want {
		t.Errorf("cleanHeadingText(%q) = %q, want %q", s, got, want)
	}
}

// TestPlainSpanMarkup checks plainSpan on markup bytes at every place of short lines.
func TestPlainSpanMarkup(t *testing.T) {
	for _, s := range markupSeeds {
		checkPlainSpan(t, s)
	}
	for n := 1; n <= 6; n++ {
		for k := 0; k < n; k++ {
			for _, c := range []byte{'#', '*', '_', ' ', '\t'} {
				for _, d := range []byte{'#', '*', '_', ' ', 'a'} {
					b := []byte(strings.Repeat("a", n))
					b[k] = c
					b[(k+1)%n] = d
					checkPlainSpan(t, string(b))
				}
			}
		}
	}
}

// FuzzPlainSpanMarkup checks plainSpan against cleanHeadingTextRef and plainSpanUntabbedRef.
func FuzzPlainSpanMarkup(f *testing.F) {
	for _, s := range markupSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPlainSpan)
}

// checkLineMemo checks, on every line of src, the memo's cleaned text, its idem bit and its
// reading as a heading against cleanHeadingText and matchHeadingMax, with the lines' byte facts
// and table rows read first (as the body reads them) or not.
func checkLineMemo(t *testing.T, src *extract.Source) {
	t.Helper()
	for _, bits := range []bool{false, true} {
		d := newDoc(src)
		if bits {
			d.isTableLine(0) // reads the byte facts and the table rows
		}
		for i, l := range d.lines {
			want := cleanHeadingText(l.Text)
			if got := d.cleanAt(i); got != want {
				t.Fatalf("bits %v: cleanAt(%d) = %q, want %q", bits, i, got, want)
			}
			if got, idem := d.lineHead(i).idem(d, i), cleanHeadingText(want) == want; got != idem {
				t.Fatalf("bits %v: idem(%d) of %q = %v, want %v", bits, i, l.Text, got, idem)
			}
			for _, text := range []string{l.Text, want} {
				for _, m := range []int{maxTitleRunes, maxAgendaRunes} {
					got, gok := d.headingOf(i, text, m)
					wh, wok := matchHeadingMax(text, m)
					if gok != wok || gok && !reflect.DeepEqual(got, wh) {
						t.Fatalf("bits %v: headingOf(%d, %q, %d) = %+v, %v; want %+v, %v", bits, i, text, m, got, gok, wh, wok)
					}
				}
			}
		}
	}
}

// TestLineMemoCorpus checks the line memo on every line of the corpus's text files.
func TestLineMemoCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		checkLineMemo(t, src)
	}
}

// FuzzLineMemo checks the line memo on the lines of any text.
func FuzzLineMemo(f *testing.F) {
	for _, s := range []string{strings.Join(markupSeeds, "\n"), "1. Budget\n\n2. Vote", "**1. X**\n# 2) Y\n \t \n\t", "- 2008/1 – Implantation\n- 2. Vote",
		"Le conseil\nla séance\n\u00a0\nA. Direction\nI.\tFinances\n1\tSubventions\nCompte\t12\t14"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		src, err := extract.Text([]byte(text))
		if err != nil {
			return
		}
		checkLineMemo(t, src)
	})
}

// matchIntoRef is matchInto before round 13 (formPlans, matchForms): the reference it is
// checked against.
func matchIntoRef(hp *heading, t string, maxRunes int) bool {
	if t == "" || len(t) > 600 {
		return false
	}
	// "- 2008/1 – Implantation …": a deliberation number may sit behind a dash bullet.
	if loc := bulletIndex(t); loc != nil && loc[1] < len(t) {
		var h heading
		if ok := matchIntoRef(&h, cleanHeadingText(t[loc[1]:]), maxRunes); ok && h.style == "delib" {
			*hp = h
			return true
		}
		return false
	}
	// Whether a digit opens the line, for the bare forms: asked once, not once a form.
	digitNear := 0 // 0 unknown, 1 yes, 2 no
	// The run of digits that opens the line and the white space after it, for the leads of
	// the forms that open with a number: read once, not once a form (see mayRun).
	run, gap := -1, 0
	for _, k := range formsByByte[t[0]] {
		f := &headingForms[k]
		if f.bare {
			if digitNear == 0 {
				digitNear = 2
				if hasDigit(t[:min(len(t), bareDigitWithin)]) {
					digitNear = 1
				}
			}
			if digitNear == 2 {
				continue
			}
		}
		if l := formLeads[k]; l == nil {
			// (no lead: the pattern runs)
		} else if l.class == digits && l.capitals == 0 {
			if run < 0 {
				run = digitRun(t, 0)
				gap = spaceRunEnd(t, run)
			}
			if !l.mayRun(t, run, gap) {
				continue
			}
		} else if !l.may(t) {
			continue
		}
		var number, title string
		if sf := formSeps[k]; sf != nil {
			var ok bool
			if number, title, ok = sf.read(t); !ok {
				continue
			}
		} else if hf := formHands[k]; hf != nil {
			var ok bool
			if number, title, ok = hf(t); !ok {
				continue
			}
		} else {
			m := f.re.FindStringSubmatch(t)
			if m == nil {
				continue
			}
			number = m[1]
			for _, g := range m[2:] {
				if g != "" {
					title = g
					break
				}
			}
		}
		h := hp
		*h = heading{style: f.style, seq: f.seq, number: strings.TrimSpace(number), title: cleanTitle(title)}
		if f.bare && (!delibNumberOK(h.number) || (h.title != "" && !hasWord(h.title, 3))) {
			// "E-25-04-042-D": a fragment of an acknowledgement number, not a title.
			continue
		}
		if f.style == "letter" && reInitialsList.MatchString(h.title) {
			return false
		}
		if strings.HasPrefix(f.style, "hyphen") {
			h.number = strings.Join(strings.Fields(strings.ReplaceAll(h.number, " -", "-")), " ")
			h.number = strings.ReplaceAll(h.number, "- ", "-")
		}
		if !titleShapeOK(*h, maxRunes) {
			return false
		}
		if h.seq == seqDotted && h.style == "dotted" {
			// Each depth of dotted numbers is its own family: 6.5 and 6.5.1 sit at two levels.
			h.style = dottedStyle(strings.Count(h.number, "."))
		}
		h.ord = ordinal(*h)
		if h.ord < 0 {
			return false
		}
		return true
	}
	return false
}

// checkMatchInto compares matchInto with matchIntoRef on t cleaned, under three bounds.
func checkMatchInto(t *testing.T, s string) {
	t.Helper()
	c := cleanHeadingText(s)
	for _, m := range []int{maxTitleRunes, maxAgendaRunes, math.MaxInt} {
		var got, want heading
		gok, wok := matchInto(&got, c, m), matchIntoRef(&want, c, m)
		if gok != wok || gok && got != want {
			t.Fatalf("matchInto(%q, %d) = %+v, %v; want %+v, %v", c, m, got, gok, want, wok)
		}
	}
}

// matchSeeds are lines for checkMatchInto: headings of each form, behind bullets (nested, with
// markup), and near misses.
var matchSeeds = []string{"1. Budget", "- 2008/1 – Implantation", "- - 2008/1 – Implantation", "- **2008/1 – X**", "• 1. Vote",
	"- N° 2016.02.16 - Subvention", "- Délibération n° 12 : Tarifs", "- A. Direction", "- I. VIE DU SYNDICAT", "-", "- ", "o 2014/25 – DECISIONS",
	"DL-061-07-13 - Travaux", "2020-038 SUBVENTION", "2013.04.08 - 1 ADOPTION", "E-25-04-042-D", "A. ORSINI, N. PULICANI", "6.5.1 Ecole",
	"1-3 A : Relevés", "10) ", "Point n° 1 : Finances", "IV) PERSONNEL", "12/05/2014 - x", "3 - 1,50 €", "- 23-02/001 – Rapport", "— 2014/155 Budget"}

// TestMatchIntoCorpus checks matchInto against matchIntoRef on every line of the corpus's text
// files and on matchSeeds.
func TestMatchIntoCorpus(t *testing.T) {
	for _, s := range matchSeeds {
		checkMatchInto(t, s)
	}
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			checkMatchInto(t, l)
		}
	}
}

// FuzzMatchInto checks matchInto against matchIntoRef.
func FuzzMatchInto(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	f.Fuzz(checkMatchInto)
}

// moreRunesRef is moreRunes before round 13, eight bytes a step: the reference of FuzzMoreRunesRef.
func moreRunesRef(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	if len(s) > n*utf8.UTFMax {
		return true
	}
	low, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		low += 8 - bits.OnesCount64(binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080)
		if low > n {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			low++
		}
	}
	if low > n {
		return true
	}
	return utf8.RuneCountInString(s) > n
}

// TestMoreRunesSteps checks moreRunes against moreRunesRef and the rune count on lines of
// every length up to 140 mixing ASCII, accents and invalid bytes, at every bound around them.
func TestMoreRunesSteps(t *testing.T) {
	for _, unit := range []string{"a", "é", "ab€", "\xff", "a\xc3", "aaaaaaaé"} {
		for size := 0; size <= 140; size++ {
			s := strings.Repeat(unit, size+1)[:size]
			for n := max(0, size/4-2); n <= size+1; n++ {
				got, ref, want := moreRunes(s, n), moreRunesRef(s, n), utf8.RuneCountInString(s) > n
				if got != want || ref != want {
					t.Fatalf("moreRunes(%q, %d) = %v (ref %v), want %v", s, n, got, ref, want)
				}
			}
		}
	}
}

// FuzzMoreRunesRef checks moreRunes against moreRunesRef and the rune count.
func FuzzMoreRunesRef(f *testing.F) {
	for _, s := range []string{"", "abc", strings.Repeat("é", 40), strings.Repeat("a", 130), strings.Repeat("aé\xff", 50)} {
		f.Add(s, 60)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n %= 300
		if n < 0 {
			n = -n
		}
		if got, ref, want := moreRunes(s, n), moreRunesRef(s, n), utf8.RuneCountInString(s) > n; got != want || ref != want {
			t.Errorf("moreRunes(%q, %d) = %v (ref %v), want %v", s, n, got, ref, want)
		}
	})
}
