package parse

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// FuzzUpperLead checks that a text reThemeHeading matches opens with three capitals, the test
// unnumberedSections runs before the pattern.
func FuzzUpperLead(f *testing.F) {
	for _, s := range []string{"FINANCES – Budget", "ÉCOLE - x", "AB - c", "Le conseil", "URBANISME-PLU : révision", "\xffAAA - x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if reThemeHeading.MatchString(s) && !upperLead(s, 3) {
			t.Errorf("reThemeHeading matches %q, upperLead rejects it", s)
		}
	})
}

// refUnnumberedSections is unnumberedSections as it was before it ordered its tests by cost.
func (d *doc) refUnnumberedSections(start int) []heading {
	var out []heading
	for i := start; i < len(d.lines); i++ {
		if d.used[i] || d.tableRow(i) {
			continue
		}
		t := cleanHeadingText(d.lines[i].Text)
		if t == "" || moreRunes(t, 150) || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") {
			continue
		}
		if reBullet.MatchString(t) {
			continue
		}
		caps := isUpperTitle(t) && len(strings.Fields(t)) >= 2
		if (!caps && !reThemeHeading.MatchString(t)) || reMoneyInTitle.MatchString(t) {
			continue
		}
		if i > start && !d.closesBlock(i-1) {
			continue
		}
		j := i + 1
		for j < len(d.lines) && strings.TrimSpace(d.lines[j].Text) == "" {
			j++
		}
		if j >= len(d.lines) {
			continue
		}
		next := cleanHeadingText(d.lines[j].Text)
		if reBareNumber.MatchString(d.folded[j]) || isUpperTitle(next) || d.tableRow(j) {
			continue
		}
		out = append(out, heading{line: i, last: i, title: cleanTitle(t), level: 1, path: itoa(len(out) + 1)})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// checkUnnumbered compares unnumberedSections with its reference on src, read from every
// start line the body may have (the agenda's end, and 0).
func checkUnnumbered(t *testing.T, name string, src *extract.Source) {
	t.Helper()
	d := newDoc(src)
	d.header()
	d.attendance()
	for _, start := range []int{0, d.agenda()} {
		if got, want := d.unnumberedSections(start), d.refUnnumberedSections(start); !reflect.DeepEqual(got, want) {
			t.Errorf("%s from %d: unnumberedSections = %+v, want %+v", name, start, got, want)
		}
	}
}

// TestUnnumberedSectionsRef checks unnumberedSections against its reference on the sample and
// the corpus, and on a few made-up documents.
func TestUnnumberedSectionsRef(t *testing.T) {
	files := append(corpusTextFiles(), "../testdata/sample/numerian-2023-12-15.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(f, data)
		if err != nil {
			t.Fatal(err)
		}
		checkUnnumbered(t, f, src)
	}
	for name, text := range map[string]string{
		"themes":   "Séance du 3 mars\n\nFINANCES – Budget primitif\nLe conseil vote le budget.\n\nURBANISME : révision du PLU\nLe conseil approuve.\n",
		"capitals": "\nBUDGET PRIMITIF\nLe conseil vote.\n\nTARIFS COMMUNAUX\nLe conseil fixe les tarifs.\n\nAB\n12\n",
		"table":    "VOTE DES TAUX\nTaxe\t12,5\t13\nLe conseil vote.\nSUBVENTIONS AUX ASSOCIATIONS\nLe conseil attribue.\n",
	} {
		src, err := extract.Text([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		checkUnnumbered(t, name, src)
	}
}

// FuzzUnnumberedSections checks unnumberedSections against its reference on any text.
func FuzzUnnumberedSections(f *testing.F) {
	f.Add("FINANCES – Budget primitif\nLe conseil vote.\n\nURBANISME : révision\nLe conseil approuve.\n")
	f.Add("\nBUDGET PRIMITIF\nLe conseil vote.\n\nTARIFS 12,50 €\nx\n- ÉCOLE MATERNELLE\ny\n")
	f.Fuzz(func(t *testing.T, text string) {
		src, err := extract.Text([]byte(text))
		if err != nil {
			return
		}
		checkUnnumbered(t, "fuzz", src)
	})
}

// FuzzCleanTitleTwice checks that cleanTitle leaves a title it cleaned as it is: the agenda
// does not clean a heading's title again.
func FuzzCleanTitleTwice(f *testing.F) {
	for _, s := range []string{"**Budget** : ", "a *: *", "***x****", " Vote\u00a0du  budget :", "a :\u2003", ": :", "x\t:\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c := cleanTitle(s); cleanTitle(c) != c {
			t.Errorf("cleanTitle(%q) = %q, cleaned again %q", s, c, cleanTitle(c))
		}
	})
}

// refDice is dice without its shortcut for a set met twice.
func refDice(a, b []uint32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// FuzzDiceSame checks dice against refDice on a title's set with itself, and with its
// prefixes and suffixes (which share its array without being it).
func FuzzDiceSame(f *testing.F) {
	f.Add("Budget primitif 2024", uint8(3))
	f.Add("a", uint8(0))
	f.Fuzz(func(t *testing.T, title string, cut uint8) {
		g := foldedTrigrams(normalize.Fold(title))
		k := int(cut) % (len(g) + 1)
		for _, pair := range [][2][]uint32{{g, g}, {g[:k], g}, {g, g[:k]}, {g[k:], g}, {g[:k], g[:k]}} {
			if got, want := dice(pair[0], pair[1]), refDice(pair[0], pair[1]); got != want {
				t.Errorf("dice(%x, %x) = %v, want %v", pair[0], pair[1], got, want)
			}
		}
	})
}
