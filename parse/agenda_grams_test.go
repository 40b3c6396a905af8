package parse

import (
	"os"
	"strings"
	"testing"

	"minutes/normalize"
)

// checkGramSets checks the sets a dictionary gives titles against the sorted lists of their
// trigrams (trigramsOf, the reference): each set counts its list, holds no trailing zero word,
// and the Dice coefficient of every pair of sets is that of their lists, to the bit.
func checkGramSets(t *testing.T, dict *gramDict, fs []string) {
	t.Helper()
	sets, refs := dict.setsOf(fs), trigramsOf(fs)
	for k, s := range sets {
		if s.n != len(refs[k]) {
			t.Errorf("setOf(%q).n = %d, want %d", fs[k], s.n, len(refs[k]))
		}
		if len(s.bits) > 0 && s.bits[len(s.bits)-1] == 0 {
			t.Errorf("setOf(%q) ends with a zero word", fs[k])
		}
		if (s.n == 0) != (len(s.bits) == 0) {
			t.Errorf("setOf(%q) = %d members in %d words", fs[k], s.n, len(s.bits))
		}
	}
	for a := range sets {
		for b := range sets {
			if got, want := setDice(sets[a], sets[b]), dice(refs[a], refs[b]); got != want {
				t.Errorf("setDice(%q, %q) = %v, want %v", fs[a], fs[b], got, want)
			}
		}
	}
}

func TestGramSets(t *testing.T) {
	for _, c := range []struct {
		name   string
		titles []string
	}{
		{"none", nil},
		{"empty titles", []string{"", " ", "—", "' ,"}},
		{"short", []string{"a", "ab", "a b", "1", "é"}},
		{"typo", []string{"débat d'orientation budgétaire 2024", "debat d'orientaion budgetaire"}},
		{"repeats", []string{"aaaaaaaa aaaa", "la la la la", "aaa"}},
		{"shared words", []string{"budget primitif 2024", "budget annexe eau", "compte administratif 2023 budget primitif"}},
		{"beyond ASCII", []string{"\xff\xfe x", "élection du maire — délégués", "\x80\x80\x80"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			// A table of 16 slots grows while the titles are read: numbers kept across.
			checkGramSets(t, newGramDict(16), c.titles)
		})
	}
}

// TestGramSetsCorpus checks the sets against their reference on the short lines of each
// corpus document, folded, as titles of one dictionary (which grows past its first size),
// compared in pairs among neighbours.
func TestGramSetsCorpus(t *testing.T) {
	for _, file := range corpusTexts(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var fs []string
		for _, l := range strings.Split(string(data), "\n") {
			if len(l) <= 200 {
				fs = append(fs, normalize.Fold(l))
			}
		}
		dict := newGramDict(gramDictSlots)
		sets, refs := dict.setsOf(fs), trigramsOf(fs)
		for k := range sets {
			if sets[k].n != len(refs[k]) {
				t.Fatalf("%s: setOf(%q).n = %d, want %d", file, fs[k], sets[k].n, len(refs[k]))
			}
			for j := max(0, k-20); j <= k; j++ {
				if got, want := setDice(sets[j], sets[k]), dice(refs[j], refs[k]); got != want {
					t.Fatalf("%s: setDice(%q, %q) = %v, want %v", file, fs[j], fs[k], got, want)
				}
			}
		}
	}
}

// FuzzGramSets checks the sets against their reference on the lines of a text, folded and
// as they are, read by a small dictionary that grows.
func FuzzGramSets(f *testing.F) {
	f.Add("Débat d'Orientaion Budgétaire 2024\nPADD (Plan d'Aménagement)\na\nab\na b", uint8(4))
	f.Add("\xff\xfe x\n1.2 – Vote\n       a        b\nabcdefgh ijklmnop", uint8(0))
	f.Fuzz(func(t *testing.T, text string, size uint8) {
		var fs []string
		for _, l := range strings.Split(text, "\n") {
			fs = append(fs, l, normalize.Fold(l))
		}
		if len(fs) > 64 {
			fs = fs[:64]
		}
		checkGramSets(t, newGramDict(1<<(1+size%8)), fs)
	})
}
