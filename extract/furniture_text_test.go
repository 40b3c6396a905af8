package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// paged builds a text of pages of prose separated by the given page-break lines (%d is the page
// number), after a title block of twelve lines.
func paged(pages int, brk ...string) string {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "Titre ligne %d\n", i+1)
	}
	for p := 1; p <= pages; p++ {
		fmt.Fprintf(&b, "Le conseil examine le point %d de l'ordre\ndu jour et en débat longuement.\nAdopté à l'unanimité.\n", p)
		if p < pages {
			for _, l := range brk {
				if strings.Contains(l, "%d") {
					l = fmt.Sprintf(l, p)
				}
				b.WriteString(l + "\n")
			}
		}
	}
	return b.String()
}

func TestTextFurniture(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		moved []string // lines expected in Furniture, in order
	}{
		{"header, rule and labelled page number",
			paged(4, "Conseil Municipal du 4 avril 2018", "______________________", "Compte-rendu page %d"),
			[]string{"Conseil Municipal du 4 avril 2018", "______________________", "Compte-rendu page 1",
				"Conseil Municipal du 4 avril 2018", "______________________", "Compte-rendu page 2",
				"Conseil Municipal du 4 avril 2018", "______________________", "Compte-rendu page 3"}},
		{"footer: bare number, blank line, repeated text",
			paged(4, "%d ", "", "CM – 08.04.2013 "),
			[]string{"1 ", "", "CM – 08.04.2013 ", "2 ", "", "CM – 08.04.2013 ", "3 ", "", "CM – 08.04.2013 "}},
		{"decision formula repeated, once by a page number",
			paged(4, "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CES PROPOSITIONS") +
				"LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CES PROPOSITIONS\n2\nSuite du texte\n",
			nil},
		{"page numbers that do not increase",
			paged(4, "Séance du conseil", "7"),
			nil},
		{"one page break only",
			paged(2, "Séance du conseil", "1") + "Séance du conseil\nSéance du conseil\n",
			nil},
		{"contents entries ending in page numbers",
			paged(1) + "SOMMAIRE\n1. Budget primitif page 3\n2. Subventions page 5\n3. Personnel page 7\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Text([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range src.Furniture {
				got = append(got, l.Text)
			}
			if !slices.Equal(got, tt.moved) {
				t.Errorf("furniture %q, want %q", got, tt.moved)
			}
			// nothing is lost: every line is in Lines or in Furniture, each once
			if n := len(src.Lines) + len(src.Furniture); n != strings.Count(tt.text, "\n")+1 {
				t.Errorf("%d lines kept and moved, the text has %d", n, strings.Count(tt.text, "\n")+1)
			}
		})
	}
}

// TestTextFurnitureGates: the byte tests run before the patterns never turn away a line the
// patterns accept, and squeeze is strings.Fields joined.
func TestTextFurnitureGates(t *testing.T) {
	lines := []string{"3", "- 3 -", "— 12 —", "Page 3/12", "p. 3 sur 12", "Compte-rendu page 3",
		"PAGE 7", "________________", "—————————————", "-----------", "============",
		"...........", "* * * * * * * *", "a b", "", " x  y ", "Conseil\tMunicipal",
		"Un très long titre de compte rendu du conseil municipal, page 12"}
	for _, l := range lines {
		k := squeeze(l)
		if want := strings.Join(strings.Fields(l), " "); k != want {
			t.Errorf("squeeze(%q) = %q, want %q", l, k, want)
		}
		if textPageRE.MatchString(k) && !mayPage(k) {
			t.Errorf("mayPage(%q) false, the pattern matches", k)
		}
		if textRuleRE.MatchString(k) && !mayRule(k) {
			t.Errorf("mayRule(%q) false, the pattern matches", k)
		}
	}
}

func FuzzTextFurnitureGates(f *testing.F) {
	for _, s := range []string{"3", "- 3 -", "Page 3/12", "Compte-rendu page 3", "________", "—————————", "Délibéré \u00a0 à\u0085là", "é\xc3 \xc3", "\xdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := squeeze(s)
		if want := strings.Join(strings.Fields(s), " "); k != want {
			t.Fatalf("squeeze(%q) = %q, want %q", s, k, want)
		}
		if textPageRE.MatchString(k) && !mayPage(k) {
			t.Fatalf("mayPage(%q) false, the pattern matches", k)
		}
		if textRuleRE.MatchString(k) && !mayRule(k) {
			t.Fatalf("mayRule(%q) false, the pattern matches", k)
		}
	})
}

// FuzzMayFurniture: the gate never turns away a line that the classification would take as a
// rule, a page number or a header-like line.
func FuzzMayFurniture(f *testing.F) {
	for _, s := range []string{"3", " - 3 - ", "Page 3/12", "  CM – 08.04.2013 ", "________", "", "   ", "du texte."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := squeeze(s)
		need := k == "" || (mayRule(k) && textRuleRE.MatchString(k)) || (mayPage(k) && textPageRE.MatchString(k)) || headerLike(k)
		if need && !mayFurniture(s) {
			t.Fatalf("mayFurniture(%q) false", s)
		}
	})
}

func TestMayPageLongS(t *testing.T) {
	for _, k := range []string{"3 ſur 12", "3 sur 12", "- 4 -", "— 5 —"} {
		if textPageRE.MatchString(k) && !mayPage(k) {
			t.Errorf("mayPage(%q) false, the pattern matches", k)
		}
	}
}
