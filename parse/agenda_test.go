package parse

import (
	"os"
	"path/filepath"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// pickEntryRef is the plain scan pickEntry stands for: the first entry of the highest score
// above 0, entries whose bound cannot beat the best so far skipped.
func pickEntryRef(n int, used []bool, bound, score func(int) float64) (int, float64) {
	best, bestScore := -1, 0.0
	for k := 0; k < n; k++ {
		if used[k] || bound(k) <= bestScore {
			continue
		}
		if s := score(k); s > bestScore {
			best, bestScore = k, s
		}
	}
	return best, bestScore
}

func TestPickEntry(t *testing.T) {
	for _, c := range []struct {
		name   string
		scores []float64
		used   []bool
		first  int
		want   int
	}{
		{"first is best", []float64{0.2, 0.9, 0.3}, []bool{false, false, false}, 1, 1},
		{"earlier tie wins", []float64{0.9, 0.5, 0.9}, []bool{false, false, false}, 2, 0},
		{"later better", []float64{0.2, 0.5, 0.95}, []bool{false, false, false}, 0, 2},
		{"used skipped", []float64{0.9, 0.5}, []bool{true, false}, 0, 1},
		{"none above zero", []float64{0, 0}, []bool{false, false}, 0, -1},
		{"first out of range", []float64{0.1, 0.4}, []bool{false, false}, 2, 1},
	} {
		score := func(k int) float64 { return c.scores[k] }
		if got, _ := pickEntry(len(c.scores), c.used, c.first, score, score); got != c.want {
			t.Errorf("%s: pickEntry = %d, want %d", c.name, got, c.want)
		}
	}
}

// FuzzPickEntry checks pickEntry against the plain scan, on scores and bounds drawn from the
// bytes (few distinct values, so that ties are common).
func FuzzPickEntry(f *testing.F) {
	f.Add([]byte{3, 1, 4, 1, 5, 9, 2, 6}, byte(2), byte(0))
	f.Add([]byte{7, 7, 7, 7}, byte(3), byte(5))
	f.Fuzz(func(t *testing.T, data []byte, first, usedMask byte) {
		n := len(data) / 2
		scores, bounds, used := make([]float64, n), make([]float64, n), make([]bool, n)
		for k := 0; k < n; k++ {
			scores[k] = float64(data[2*k]%6) / 5
			bounds[k] = scores[k] + float64(data[2*k+1]%3)/5
			used[k] = k < 8 && usedMask&(1<<k) != 0
		}
		bound := func(k int) float64 { return bounds[k] }
		score := func(k int) float64 { return scores[k] }
		// tight sits between score and bound, as a bound that knows more does.
		tight := func(k int) float64 { return (scores[k] + bounds[k]) / 2 }
		if first%2 == 1 {
			tight = score
		}
		// loose sits above bound, as a bound that knows less does.
		loose := func(k int) float64 { return bounds[k] + float64(data[2*k+1]%2)/5 }
		gb, gs := pickEntry(n, used, int(first)%(n+2), score, loose, bound, tight)
		wb, ws := pickEntryRef(n, used, bound, score)
		if gb != wb || gs != ws {
			t.Errorf("pickEntry = %d, %v; want %d, %v (scores %v, bounds %v, used %v, first %d)", gb, gs, wb, ws, scores, bounds, used, int(first)%(n+2))
		}
	})
}

// TestLinkBoundCorpus checks that linkBound, told whether a title is contained, is at least
// linkAgenda's score, on the sections and agenda entries of each corpus document.
func TestLinkBoundCorpus(t *testing.T) {
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
		var af, itf []string
		for _, a := range rec.Agenda {
			af = append(af, normalize.Fold(a.Title))
		}
		for _, it := range rec.Items {
			itf = append(itf, normalize.Fold(it.Title))
		}
		ag, aw, ig, iw := trigramsOf(af), wordsOf(af), trigramsOf(itf), wordsOf(itf)
		for i := range rec.Items {
			it := &rec.Items[i]
			for k := range rec.Agenda {
				a := &rec.Agenda[k]
				for _, same := range []bool{false, true} {
					s := dice(ig[i], ag[k])
					c := contained(iw[i], aw[k])
					if s < 0.7 && c {
						s = 0.7
					}
					if it.Number != nil && a.Number != nil && *it.Number == *a.Number {
						s += 0.1
					}
					if same {
						s += 0.15
					}
					if a.Level == it.Level {
						s += 0.05
					}
					if b := linkBound(len(ig[i]), len(ag[k]), it, a, same, c); b < s {
						t.Errorf("%s: linkBound(%q, %q) = %v, below the score %v", filepath.Base(file), it.Title, a.Title, b, s)
					}
				}
			}
		}
	}
}

// FuzzLooseBound checks that looseBound is at least linkBound, whatever the numbers, parents
// and levels of the section and the entry and whether the title is contained.
func FuzzLooseBound(f *testing.F) {
	f.Add(uint16(40), uint16(40), byte(0))
	f.Add(uint16(3), uint16(200), byte(31))
	f.Add(uint16(0), uint16(5), byte(7))
	f.Fuzz(func(t *testing.T, na, nb uint16, bits byte) {
		one, two := "1", "2"
		it, a := &Item{Number: &one, Level: 1}, &AgendaItem{Number: &one, Level: 1}
		if bits&1 != 0 {
			a.Number = &two
		}
		if bits&2 != 0 {
			a.Level = 2
		}
		if bits&16 != 0 {
			it.Number = nil
		}
		lb := linkBound(int(na), int(nb), it, a, bits&4 != 0, bits&8 != 0)
		if b := looseBound(int(na), int(nb)); b < lb {
			t.Errorf("looseBound(%d, %d) = %v, below linkBound %v (bits %b)", na, nb, b, lb, bits)
		}
	})
}
