package parse

import (
	"reflect"
	"strings"
	"testing"
)

// This file keeps the first newLitDFA, which filled its rows one move at a time, as the
// reference of the one that copies a state's failure row and writes its children over it.

// newLitDFARef is the first newLitDFA: it builds the automaton of lits (at most 64, none empty), or returns nil when its
// table is too large for litEnds.
func newLitDFARef(lits []string) *litDFA {
	a := &litDFA{lits: lits, width: 1}
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			if a.class[l[i]] == 0 {
				a.class[l[i]] = uint8(a.width)
				a.width++
			}
		}
	}
	// The trie: goTo[state*width+class] is the child state, or -1.
	goTo := make([]int32, a.width)
	for k := range goTo {
		goTo[k] = -1
	}
	out := []uint64{0}
	for k, l := range lits {
		s := 0
		for i := 0; i < len(l); i++ {
			c := int(a.class[l[i]])
			if goTo[s*a.width+c] < 0 {
				goTo[s*a.width+c] = int32(len(out))
				out = append(out, 0)
				for range a.width {
					goTo = append(goTo, -1)
				}
			}
			s = int(goTo[s*a.width+c])
		}
		out[s] |= 1 << k
	}
	if len(out)*a.width >= litEnds {
		return nil
	}
	// Breadth first, each state's missing moves are those of its longest proper suffix in the
	// trie (its failure state), whose outputs it inherits.
	n := len(out)
	next := make([]uint16, n*a.width)
	fail := make([]int, n)
	queue := []int{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c := 0; c < a.width; c++ {
			t := int(goTo[s*a.width+c])
			if t < 0 {
				if s > 0 {
					next[s*a.width+c] = next[fail[s]*a.width+c]
				}
				continue
			}
			if s > 0 {
				fail[t] = int(next[fail[s]*a.width+c]&^litEnds) / a.width
			}
			out[t] |= out[fail[t]]
			next[s*a.width+c] = uint16(t * a.width)
			if out[t] != 0 {
				next[s*a.width+c] |= litEnds
			}
			queue = append(queue, t)
		}
	}
	a.next, a.out = next, out
	return a
}

// litSets are the literal sets the package builds automata of, and a few others.
func litSets() [][]string {
	sets := [][]string{stemIndex.stems, {"a"}, {"ab", "b", "abc", "bc"}, {"he", "she", "his", "hers"}, {"aaaa", "aa", "a"}}
	for _, s := range allSpots {
		if p := s.plan(); p.spots != nil {
			sets = append(sets, p.dfa.lits)
		}
	}
	return sets
}

func TestLitDFARef(t *testing.T) {
	for _, lits := range litSets() {
		checkLitDFA(t, lits)
	}
}

func checkLitDFA(t *testing.T, lits []string) {
	got, want := newLitDFA(lits), newLitDFARef(lits)
	// newLitDFA pads its table with zeros to a power of two (litStep masks its index).
	if got != nil && want != nil {
		if n := len(got.next); n&(n-1) != 0 || n < len(want.next) || n >= 2*len(want.next) {
			t.Errorf("newLitDFA(%q): table of %d moves for %d, want the next power of two", lits, n, len(want.next))
			return
		}
		want.next = append(want.next, make([]uint16, len(got.next)-len(want.next))...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("newLitDFA(%q) differs from the reference", lits)
	}
}

func FuzzLitDFARef(f *testing.F) {
	for _, lits := range litSets() {
		f.Add(strings.Join(lits, "|"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		lits := strings.Split(s, "|")
		if len(lits) > 64 || len(s) > 2000 {
			return
		}
		for _, l := range lits {
			if l == "" {
				return
			}
		}
		checkLitDFA(t, lits)
	})
}
