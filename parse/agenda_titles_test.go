package parse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minutes/extract"
)

// itemTitlesRef is itemTitles as it was before it matched titles as written: each title
// folded, then looked for among the folded entries. It is itemTitles' reference.
func itemTitlesRef(d *doc, agGrams []gramSet, agWords [][]string) ([]gramSet, [][]string) {
	items, agFolded := d.rec.Items, d.bs.agFolded
	grams, words := make([]gramSet, len(items)), make([][]string, len(items))
	var rest []string
	var restAt []int
	k := 0
	var buf []byte
	for i, it := range items {
		start := len(buf)
		var f string
		buf, f = appendFolded(buf, it.Title)
		found := -1
		for n := range agFolded {
			c := (k + n) % len(agFolded)
			if agFolded[c] == f {
				found = c
				break
			}
		}
		if found < 0 {
			rest, restAt = append(rest, f), append(restAt, i)
			continue
		}
		grams[i], words[i] = agGrams[found], agWords[found]
		buf = buf[:start]
		k = found + 1
	}
	if len(rest) > 0 {
		rg, rw := d.bs.agDict.setsOf(rest), wordsOf(rest)
		for n, i := range restAt {
			grams[i], words[i] = rg[n], rw[n]
		}
	}
	return grams, words
}

// checkItemTitles checks itemTitles against itemTitlesRef on an agenda and sections: the same
// trigrams (numbered by one dictionary) and words for each section.
func checkItemTitles(t *testing.T, name string, ag []AgendaItem, items []Item) {
	t.Helper()
	d := &doc{rec: &Record{Agenda: ag, Items: items}}
	agGrams, agWords := d.agendaTitles()
	g, w := d.itemTitles(agGrams, agWords)
	rg, rw := itemTitlesRef(d, agGrams, agWords)
	for i := range items {
		if g[i].n != rg[i].n || !slices.Equal(g[i].bits, rg[i].bits) || !slices.Equal(w[i], rw[i]) {
			t.Errorf("%s: itemTitles(%q) = %d trigrams %q, want %d %q", name, items[i].Title, g[i].n, w[i], rg[i].n, rw[i])
		}
	}
}

// TestItemTitlesCorpus checks itemTitles against its reference on each corpus document with
// an agenda, and on its sections with their titles in capitals and the agenda's reversed.
func TestItemTitlesCorpus(t *testing.T) {
	for _, file := range corpusTexts(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(file), data)
		if err != nil {
			t.Fatal(err)
		}
		rec := Minutes(src)
		if len(rec.Agenda) == 0 {
			continue
		}
		name := filepath.Base(file)
		checkItemTitles(t, name, rec.Agenda, rec.Items)
		var upper, reversed []Item
		for _, it := range rec.Items {
			it.Title = strings.ToUpper(it.Title)
			upper = append(upper, it)
		}
		for k := len(rec.Agenda) - 1; k >= 0; k-- {
			reversed = append(reversed, Item{Title: rec.Agenda[k].Title})
		}
		checkItemTitles(t, name+" (capitals)", rec.Agenda, upper)
		checkItemTitles(t, name+" (agenda reversed)", rec.Agenda, reversed)
	}
}

// FuzzItemTitles checks itemTitles against its reference on an agenda and sections drawn from
// the lines of two texts; repeated titles, and titles that fold alike but are written apart
// ("Budget", "BUDGET", "budget"), are where the two may pick different entries.
func FuzzItemTitles(f *testing.F) {
	f.Add("Budget\nBUDGET\nbudget\nCompte administratif\nbudget", "budget\nBudget\nCompte administratif\nBUDGET\nautre")
	f.Add("a\n\na", "\na\nA")
	f.Fuzz(func(t *testing.T, agenda, sections string) {
		var ag []AgendaItem
		for _, l := range strings.Split(agenda, "\n") {
			ag = append(ag, AgendaItem{Title: l})
		}
		var items []Item
		for _, l := range strings.Split(sections, "\n") {
			items = append(items, Item{Title: l})
		}
		if len(ag) > 60 || len(items) > 60 {
			return
		}
		checkItemTitles(t, "fuzz", ag, items)
	})
}
