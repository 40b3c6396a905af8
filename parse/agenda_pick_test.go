package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// pickEntry returns the first entry k (not used) of the highest score(k), when it is above 0,
// and -1 otherwise; each bound(k) is at least score(k), the bounds being asked in turn, each
// only when the ones before do not settle (cheap and loose first, dear and tight last). The
// entry first is measured first: it is most often the one (sections mostly follow the agenda),
// and its score spares measuring the entries whose bound cannot beat it; an earlier entry may
// still tie with it and win.
func pickEntry(n int, used []bool, first int, score func(int) float64, bounds ...func(int) float64) (int, float64) {
	best, bestScore := -1, 0.0
	if first < n && !used[first] {
		if s := score(first); s > 0 {
			best, bestScore = first, s
		}
	}
next:
	for k := 0; k < n; k++ {
		if used[k] || k == best {
			continue
		}
		for _, bound := range bounds {
			if b := bound(k); b < bestScore || b == bestScore && (best < 0 || k > best) {
				continue next
			}
		}
		if s := score(k); s > bestScore || s == bestScore && best >= 0 && k < best {
			best, bestScore = k, s
		}
	}
	return best, bestScore
}

// pickRef is what linkAgenda asked before entryPicker.pick: pickEntry with the score and
// bounds as closures, in that order. It is pick's reference.
func pickRef(p *entryPicker, it *Item, grams gramSet, words []string, parentLink string, used []bool, first int) (int, float64) {
	ag, agGrams, agWords, agParent := p.ag, p.grams, p.words, p.parent
	ck, cv := -1, false
	isContained := func(k int) bool {
		if ck != k {
			ck, cv = k, contained(words, agWords[k])
		}
		return cv
	}
	score := func(k int) float64 {
		a := &ag[k]
		s := setDice(grams, agGrams[k])
		if s < 0.7 && isContained(k) {
			s = 0.7
		}
		if it.Number != nil && a.Number != nil && *it.Number == *a.Number {
			s += 0.1
		}
		if agParent[k] == parentLink {
			s += 0.15
		}
		if a.Level == it.Level {
			s += 0.05
		}
		return s
	}
	loose := func(k int) float64 { return looseBound(grams.n, agGrams[k].n) }
	bound := func(k int) float64 {
		return linkBound(grams.n, agGrams[k].n, it, &ag[k], agParent[k] == parentLink, true)
	}
	tight := func(k int) float64 {
		return linkBound(grams.n, agGrams[k].n, it, &ag[k], agParent[k] == parentLink, isContained(k))
	}
	return pickEntry(len(ag), used, first, score, loose, bound, tight)
}

// checkPick checks pick against pickRef for every section of items, every first entry, with
// no entry used, every third one, and the parent links the agenda's paths give.
func checkPick(t *testing.T, name string, p *entryPicker, dict *gramDict, items []Item) {
	t.Helper()
	titles := make([]string, len(items))
	for i, it := range items {
		titles[i] = normalize.Fold(it.Title)
	}
	grams, words := dict.setsOf(titles), wordsOf(titles)
	links := []string{""}
	for _, a := range p.ag {
		links = append(links, a.Path)
	}
	n := len(p.ag)
	for u := range 3 {
		used := make([]bool, n)
		for k := range used {
			used[k] = u > 0 && k%(u+2) == 0
		}
		for i := range items {
			it := &items[i]
			for _, link := range links[:min(len(links), 4)] {
				for first := 0; first <= n; first++ {
					gb, gs := p.pick(it, grams[i], words[i], link, used, first)
					wb, ws := pickRef(p, it, grams[i], words[i], link, used, first)
					if gb != wb || gs != ws {
						t.Fatalf("%s: pick(%q, link %q, first %d) = %d, %v; want %d, %v", name, it.Title, link, first, gb, gs, wb, ws)
					}
				}
			}
		}
	}
}

// newPicker reads an agenda as linkAgenda does.
func newPicker(dict *gramDict, ag []AgendaItem) *entryPicker {
	folded := make([]string, len(ag))
	parent := make([]string, len(ag))
	for k, a := range ag {
		folded[k], parent[k] = normalize.Fold(a.Title), parentPath(a.Path)
	}
	return &entryPicker{ag, dict.setsOf(folded), wordsOf(folded), parent}
}

// TestPickCorpus checks pick against pickRef on the sections and agenda of each corpus
// document, and on its agenda read as sections (each entry then has a title of its own).
func TestPickCorpus(t *testing.T) {
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
		dict := newGramDict(gramDictSlots)
		p := newPicker(dict, rec.Agenda)
		checkPick(t, filepath.Base(file), p, dict, rec.Items)
		var asItems []Item
		for _, a := range rec.Agenda {
			asItems = append(asItems, Item{Number: a.Number, Title: a.Title, Level: a.Level})
		}
		checkPick(t, filepath.Base(file)+" (agenda)", p, dict, asItems)
	}
}

// FuzzPick checks pick against pickRef on an agenda and sections drawn from lines of text:
// "N|level|title", the number empty for none.
func FuzzPick(f *testing.F) {
	f.Add("1|1|Budget primitif 2024\n1.1|2|Budget annexe\n|2|Eau\n2|1|Compte administratif", "1|1|budget primitif\n2|1|Compte administratif 2023\n|2|eau et assainissement")
	f.Add("1|1|a\n2|1|a\n3|1|a", "2|1|a\n1|1|a")
	f.Fuzz(func(t *testing.T, agenda, sections string) {
		read := func(text string) (out []Item) {
			for _, l := range strings.Split(text, "\n") {
				parts := strings.SplitN(l, "|", 3)
				if len(parts) < 3 {
					continue
				}
				it := Item{Title: parts[2], Level: len(parts[1]) % 3}
				if parts[0] != "" {
					num := parts[0]
					it.Number = &num
				}
				out = append(out, it)
			}
			return out
		}
		var ag []AgendaItem
		for k, it := range read(agenda) {
			path := itoa(k + 1)
			if it.Number != nil {
				path = *it.Number
			}
			ag = append(ag, AgendaItem{Path: path, Number: it.Number, Title: it.Title, Level: it.Level})
		}
		if len(ag) > 40 {
			return
		}
		dict := newGramDict(64)
		checkPick(t, "fuzz", newPicker(dict, ag), dict, read(sections))
	})
}
