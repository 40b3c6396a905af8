package parse

import (
	"testing"
)

// voteWordSeeds are lines on which voteWord must agree with reVoteWord.
var voteWordSeeds = []string{
	"", "pour : 12", "par 12 voix pour", "12 votants", "contre 3", "abstentions : 2", "scrutin secret",
	"le vote a eu lieu", "devote 3", "contrepartie de 12", "abstention", "pour 2024", "les 13 premieres ecoles",
	"« contre »", "vote\xff", "voixvoix", "au scrutin de liste",
}

func TestVoteWordGated(t *testing.T) {
	if !voteWordGated {
		t.Fatalf("reVoteWord's spots %v are no stems: the gate is lost", reVoteWord.plan().spots)
	}
	for _, sp := range reVoteWord.plan().spots {
		if stemBit(sp.s)&voteWordStems.mask == 0 {
			t.Errorf("spot %q is no stem of voteWordStems", sp.s)
		}
	}
}

func TestVoteWord(t *testing.T) {
	for _, s := range voteWordSeeds {
		checkVoteWord(t, s)
	}
}

func FuzzVoteWord(f *testing.F) {
	for _, s := range voteWordSeeds {
		f.Add(s)
	}
	f.Fuzz(checkVoteWord)
}

func checkVoteWord(t *testing.T, s string) {
	if got, want := voteWord(s, scanStems(s)), reVoteWord.Regexp.MatchString(s); got != want {
		t.Errorf("voteWord(%q) = %v, reVoteWord %v", s, got, want)
	}
}
