package parse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// refTrigrams is foldedTrigrams written plainly: the title's words joined by one space and
// framed by spaces, its trigrams sorted and without repeats.
func refTrigrams(f string) []uint32 {
	text := " " + strings.Join(foldedWords(f), " ") + " "
	if text == "  " {
		text = " "
	}
	var out []uint32
	for i := 0; i+3 <= len(text); i++ {
		out = append(out, uint32(text[i])<<16|uint32(text[i+1])<<8|uint32(text[i+2]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// FuzzTitleGrams checks trigramsOf and wordsOf, which read titles byte by byte, against the
// plain readings of each title.
func FuzzTitleGrams(f *testing.F) {
	for _, s := range []string{"", " ", "Débat d'Orientaion Budgétaire 2024", "PADD (Plan d'Aménagement)", "a", "ab", "a b", "\xff\xfe x", "1.2 – Vote", "abcdefgh ijklmnop", "1234567 89abcdef\x80 z", "       a        b", "élection du maire — délégués"} {
		f.Add(s, "Création d'une régie")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fs := []string{normalize.Fold(a), a, normalize.Fold(b), b}
		grams, words := trigramsOf(fs), wordsOf(fs)
		for k, s := range fs {
			if want := refTrigrams(s); !slices.Equal(grams[k], want) && !(len(grams[k]) == 0 && len(want) == 0) {
				t.Errorf("trigramsOf(%q) = %x, want %x", s, grams[k], want)
			}
			if want := foldedWords(s); !slices.Equal(words[k], want) {
				t.Errorf("wordsOf(%q) = %q, want %q", s, words[k], want)
			}
			// wordsOf would still split right with a wrong count (its buffer would grow).
			if got, want := wordCount(s), len(foldedWords(s)); got != want {
				t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
			}
		}
	})
}

// refBestEntry is bestEntry as it was before it bounded the scores: every entry measured.
func refBestEntry(f string, agGrams [][]uint32, agWords [][]string, taken []bool) (int, float64) {
	grams, words := foldedTrigrams(f), foldedWords(f)
	best, bestScore := -1, 0.0
	for k := range agGrams {
		if taken[k] {
			continue
		}
		s := dice(grams, agGrams[k])
		if s < 0.7 && (len(words) >= 2 || (len(words) == 1 && len(words[0]) >= 5)) && contained(words, agWords[k]) && len(words) <= len(agWords[k]) {
			s = 0.7
		}
		if s > bestScore {
			best, bestScore = k, s
		}
	}
	return best, bestScore
}

// FuzzBestEntry checks bestEntry against refBestEntry: the same entry when its score reaches
// the floor (above 0, as bestEntry asks), none otherwise. The entries are the lines of
// entries.
func FuzzBestEntry(f *testing.F) {
	f.Add("PROJET APPARTEMENTS", "FAR 2015 : Projet appartements\nBudget\nprojet\nPROJET APPARTEMENT", uint8(2), 0.55)
	f.Add("Budget primitif", "budget primitif 2016\nbudget\n\nCompte administratif", uint8(0), 0.3)
	f.Add("", "a\n\nb", uint8(1), 0.7)
	f.Fuzz(func(t *testing.T, title, entries string, takenBits uint8, floor float64) {
		if !(floor > 0 && floor <= 1.5) {
			return
		}
		var fs []string
		for _, e := range strings.Split(entries, "\n") {
			fs = append(fs, normalize.Fold(e))
		}
		taken := make([]bool, len(fs))
		for k := range taken {
			taken[k] = takenBits>>(k%8)&1 != 0
		}
		dict := newGramDict(16) // small, so that it grows
		g, w, rg := dict.setsOf(fs), wordsOf(fs), trigramsOf(fs)
		ft := normalize.Fold(title)
		k, s := bestEntry(dict, ft, g, w, taken, floor)
		wk, ws := refBestEntry(ft, rg, w, taken)
		if ws < floor {
			wk = -1
		}
		if k != wk || k >= 0 && s != ws {
			t.Errorf("bestEntry(%q, floor %v) = %d, %v; want %d, %v", ft, floor, k, s, wk, ws)
		}
	})
}

// TestBestEntryCorpus checks bestEntry against refBestEntry on the agenda of each corpus
// document with agenda entries, every short line of the document taken as a title.
func TestBestEntryCorpus(t *testing.T) {
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
		var fs []string
		for _, a := range rec.Agenda {
			fs = append(fs, normalize.Fold(a.Title))
		}
		dict := newGramDict(gramDictSlots)
		g, w, rg := dict.setsOf(fs), wordsOf(fs), trigramsOf(fs)
		for n, taken := range [][]bool{make([]bool, len(fs)), make([]bool, len(fs))} {
			for k := range taken {
				taken[k] = n == 1 && k%3 == 0
			}
			for _, l := range strings.Split(string(data), "\n") {
				if len(l) > 200 {
					continue
				}
				f := normalize.Fold(l)
				k, s := bestEntry(dict, f, g, w, taken, 0.55)
				wk, ws := refBestEntry(f, rg, w, taken)
				if ws < 0.55 {
					wk = -1
				}
				if k != wk || k >= 0 && s != ws {
					t.Errorf("%s: bestEntry(%q) = %d, %v; want %d, %v", filepath.Base(file), f, k, s, wk, ws)
				}
			}
		}
	}
}

// FuzzSortSet checks sortSet, a counting sort by first byte and an insertion sort, against the
// general sort and compaction, on trigram-like values and on any 32-bit values (bytes read
// four at a time), from none to more than its own buffer holds.
func FuzzSortSet(f *testing.F) {
	f.Add([]byte("débat d'orientation budgétaire"), false)
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), true)
	f.Add(make([]byte, 600), true)
	f.Fuzz(func(t *testing.T, data []byte, wide bool) {
		var s []uint32
		if wide {
			for i := 0; i+4 <= len(data); i += 4 {
				s = append(s, uint32(data[i])<<24|uint32(data[i+1])<<16|uint32(data[i+2])<<8|uint32(data[i+3]))
			}
		} else {
			for i := 0; i+3 <= len(data); i++ {
				s = append(s, uint32(data[i])<<16|uint32(data[i+1])<<8|uint32(data[i+2]))
			}
		}
		want := slices.Clone(s)
		slices.Sort(want)
		want = slices.Compact(want)
		if n := sortSet(s); !slices.Equal(s[:n], want) {
			t.Errorf("sortSet = %x, want %x", s[:n], want)
		}
	})
}
