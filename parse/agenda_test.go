package parse

import "testing"

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
		gb, gs := pickEntry(n, used, int(first)%(n+2), bound, score)
		wb, ws := pickEntryRef(n, used, bound, score)
		if gb != wb || gs != ws {
			t.Errorf("pickEntry = %d, %v; want %d, %v (scores %v, bounds %v, used %v, first %d)", gb, gs, wb, ws, scores, bounds, used, int(first)%(n+2))
		}
	})
}
