package extract

import (
	"fmt"
	"strings"
	"testing"
)

// pagedWith builds a text of pages separated by page breaks: body lines, then the break's
// lines (%d is the page number), shifted by extra blank or body lines every few pages, so
// that running headers sit at various distances from their page numbers.
func pagedWith(pages int, body, brk []string, shift int) string {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "Titre ligne %d\n", i%4)
	}
	for p := 1; p <= pages; p++ {
		for _, l := range body {
			b.WriteString(l + "\n")
		}
		for range (p * shift) % 7 {
			b.WriteString(body[p%len(body)] + "\n")
		}
		for _, l := range brk {
			if strings.Contains(l, "%d") {
				l = fmt.Sprintf(l, p)
			}
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// TestMarkRepeatsSameAsRef compares Text, and so markRepeats, with the reference on texts
// whose running headers recur near page numbers, far from them, or both.
func TestMarkRepeatsSameAsRef(t *testing.T) {
	bodies := [][]string{
		{"Le conseil examine le point", "Séance du conseil", "", "Adopté à l'unanimité."},
		{"Séance  du conseil", "Texte", "", "", "", "", "", "", "", "", "Suite"},
		{"", "Titre ligne 1", "CONSEIL MUNICIPAL"},
		{"du texte,", "", "et la suite."},
		{"Texte", "Entête 3", "", "", "", "", "", "", "", "", "", "Suite", "Entête 12"},
	}
	breaks := [][]string{
		{"Séance du conseil", "%d"},
		{"Séance du\u00a0conseil ", "", "- %d -"},
		{"%d", "Séance du conseil"},
		{"Page %d", "", "", "", "", "", "", "", "", "Séance du conseil"},
		{"Séance du conseil", "Compte rendu", "Page %d/9"},
		{"Séance", "%d"},
		{"Vu", "%d"},
		{"- %d -"},
		// more keys next to page numbers than markRepeats compares one by one
		{"Entête 1", "Entête 2", "Entête 3", "Entête 4", "Entête 5", "Entête 6", "Entête 7", "%d",
			"Entête 8", "Entête 9", "Entête 10", "Entête 11", "Entête 12"},
	}
	moved, kept := 0, 0
	for bi, body := range bodies {
		for ki, brk := range breaks {
			for _, pages := range []int{2, 3, 5} {
				for shift := range 4 {
					text := pagedWith(pages, body, brk, shift)
					sameAsRef(t, fmt.Sprintf("body %d break %d pages %d shift %d", bi, ki, pages, shift), []byte(text))
					if src, _ := Text([]byte(text)); src != nil && len(src.Furniture) > 0 {
						moved++
					} else {
						kept++
					}
				}
			}
		}
	}
	// the texts must try both outcomes
	if moved == 0 || kept == 0 {
		t.Errorf("%d texts with furniture, %d without: want some of each", moved, kept)
	}
	t.Logf("%d texts with furniture, %d without", moved, kept)
}

// FuzzMarkRepeats compares Text with the reference on paged texts of any lines.
func FuzzMarkRepeats(f *testing.F) {
	f.Add("Le conseil examine\nSéance du conseil\n\nAdopté.", "Séance du conseil\n%d", uint8(4), uint8(1))
	f.Add("Séance  du conseil\nTexte\n\n\n\n\n\nSuite", "Page %d\n\n\n\n\nSéance du conseil", uint8(3), uint8(2))
	f.Add("x", "CM – 08.04.2013 \n- %d -", uint8(5), uint8(3))
	f.Fuzz(func(t *testing.T, body, brk string, pages, shift uint8) {
		if strings.Count(brk, "%") > 1 || strings.Contains(brk, "%") && !strings.Contains(brk, "%d") {
			return
		}
		text := pagedWith(int(pages%12), strings.Split(body, "\n"), strings.Split(brk, "\n"), int(shift))
		sameAsRef(t, "fuzz", []byte(text))
	})
}
