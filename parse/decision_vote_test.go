package parse

import (
	"reflect"
	"testing"

	"minutes/normalize"
)

// checkLineVote compares lineVote with lineTriggerStems on raw line s: the same reading when
// it triggers, trig{} otherwise.
func checkLineVote(t *testing.T, s string) {
	t.Helper()
	f := normalize.Fold(s)
	m := scanStemsSkip(f, '*')
	want := lineTriggerStems(f, s, m, true)
	if !want.trigger {
		want = trig{}
	}
	if got := lineVote(f, s, m); !reflect.DeepEqual(valueOf(got), valueOf(want)) {
		t.Fatalf("lineVote(%q) = %+v, want %+v", s, valueOf(got), valueOf(want))
	}
}

// lineVoteEdges hold capitals beside the stems lineVote lets through without a trigger stem.
var lineVoteEdges = []string{"M. DUPONT n'est pas d'accord", "VOTE FAVORABLE", "AVIS \"FAVORABLE\"", "LE CONSEIL DÉCIDE",
	"ADOPTÉ", "UNANIM?TE", "A L'UNANIMIÏE", "vote\"favorable DU CONSEIL", "« ADOPTE »", "Pour : 12 POUR", "LE MAIRE",
	"VALIDE le **procès-verbal**", "*ACCEPTE*", "M. X n'a pas PRIS PART", "Avis favorable DE LA COMMISSION"}

// TestLineVote checks lineVote on the corpus lines, the samples and the edges.
func TestLineVote(t *testing.T) {
	lines := append(append(append(rxSamples(t), corpusLines()...), spotEdges...), lineVoteEdges...)
	for _, s := range lines {
		checkLineVote(t, s)
	}
}

// FuzzLineVote compares lineVote with lineTriggerStems.
func FuzzLineVote(f *testing.F) {
	for _, s := range lineVoteEdges {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			s = s[:1000]
		}
		checkLineVote(t, s)
	})
}
