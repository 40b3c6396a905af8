package parse

import (
	"math"
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
