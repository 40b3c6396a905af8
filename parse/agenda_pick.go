package parse

// entryPicker is what linkAgenda measures each section against: the agenda entries, their
// titles' trigrams and words, and the path of each one's parent.
type entryPicker struct {
	ag     []AgendaItem
	grams  []gramSet
	words  [][]string
	parent []string
}

// pick is the entry (not used) that section it answers best, and its score: the first entry
// of the highest score above 0, -1 when none scores above 0. The score of entry k is the Dice
// coefficient of the titles' trigrams, raised to 0.7 when the shorter title's words are all in
// the longer one, with 0.1 for the same number, 0.15 for the same parent (parentLink: the
// entry the section's parent is linked to) and 0.05 for the same level.
//
// The entry first is measured first: it is most often the one (sections mostly follow the
// agenda), and its score spares measuring the entries whose bound cannot beat it (an earlier
// entry may still tie with it and win). The bounds are asked in turn, each only when the ones
// before do not settle: looseBound, which needs no comparison of numbers or paths; linkBound
// as if the title were contained; linkBound told whether it is (titles of very different
// lengths score under 0.7 but by their words, and telling whether they are contained costs
// less than measuring their trigrams). Every bound is at least the score, and all are pure:
// pickEntryRef in the tests (pickEntry with these bounds as closures) is the reference.
func (p *entryPicker) pick(it *Item, grams gramSet, words []string, parentLink string, used []bool, first int) (int, float64) {
	ck, cv := -1, false // whether the title is contained in entry ck, which score asks next
	contains := func(k int) bool {
		if ck != k {
			ck, cv = k, contained(words, p.words[k])
		}
		return cv
	}
	score := func(k int) float64 {
		a := &p.ag[k]
		s := setDice(grams, p.grams[k])
		if s < 0.7 && contains(k) {
			s = 0.7
		}
		if it.Number != nil && a.Number != nil && *it.Number == *a.Number {
			s += 0.1
		}
		if p.parent[k] == parentLink {
			s += 0.15
		}
		if a.Level == it.Level {
			s += 0.05
		}
		return s
	}
	n, na := len(p.ag), grams.n
	best, bestScore := -1, 0.0
	if first < n && !used[first] {
		if s := score(first); s > 0 {
			best, bestScore = first, s
		}
	}
	for k := 0; k < n; k++ {
		if used[k] || k == best {
			continue
		}
		nb := p.grams[k].n
		if below(looseBound(na, nb), bestScore, k, best) {
			continue
		}
		a, same := &p.ag[k], p.parent[k] == parentLink
		if below(linkBound(na, nb, it, a, same, true), bestScore, k, best) || below(linkBound(na, nb, it, a, same, contains(k)), bestScore, k, best) {
			continue
		}
		if s := score(k); s > bestScore || s == bestScore && best >= 0 && k < best {
			best, bestScore = k, s
		}
	}
	return best, bestScore
}

// below tells a bound b of entry k that can neither beat the best entry so far nor tie with it
// before it.
func below(b, bestScore float64, k, best int) bool {
	return b < bestScore || b == bestScore && (best < 0 || k > best)
}
