package parse

import (
	"strings"
	"testing"

	"minutes/normalize"
)

// hdrWordsRef is hdrWordsOf by strings.Contains, one word at a time.
func hdrWordsRef(f string) uint64 { return wordsRef(&hdrIndex, f) }

// wordsRef is x.scan by strings.Contains, one word at a time.
func wordsRef(x *wordIndex, f string) uint64 {
	var m uint64
	for k, w := range x.words {
		if strings.Contains(f, w) {
			m |= 1 << k
		}
	}
	return m
}

// hdrWordEdges are texts that put the words at the edges of the parts hdrWordsOf reads
// separately, and bytes around them.
var hdrWordEdges = []string{"", "a", " a", "l'an ", "l'an", "seance levee", "  du s",
	strings.Repeat("x", 100) + "prochaine seance" + strings.Repeat("y", 100),
	strings.Repeat("conseil municipal de ", 20), strings.Repeat("é", 60) + "secretaire" + strings.Repeat("\xff", 61),
	"\t\t\tcompte\trendu", "procuration" + strings.Repeat(" ", 73) + "represente"}

// checkHdrWords compares hdrWordsOf with the reference on s and on each text made by cutting s
// at every place, so that every word meets every part boundary.
func checkHdrWords(t *testing.T, s string) {
	if got, want := hdrWordsOf(s), hdrWordsRef(s); got != want {
		t.Errorf("hdrWordsOf(%q) = %x, want %x (words %q)", s, got, want, hdrWordNames(got^want))
	}
	if got, want := endIndex.scan(s), wordsRef(&endIndex, s); got != want {
		t.Errorf("endIndex.scan(%q) = %x, want %x", s, got, want)
	}
	if got, want := endFromHdr(hdrWordsOf(s)), wordsRef(&endIndex, s); got != want {
		t.Errorf("endFromHdr(hdrWordsOf(%q)) = %x, want %x", s, got, want)
	}
}

func hdrWordNames(m uint64) []string {
	var out []string
	for k, w := range hdrIndex.words {
		if m&(1<<k) != 0 {
			out = append(out, w)
		}
	}
	return out
}

// TestHdrWords checks the one-pass word index against strings.Contains of each word on the
// corpus lines (folded), their suffixes and texts long enough to be read in parts.
func TestHdrWords(t *testing.T) {
	samples := append(spotSamples(t), hdrWordEdges...)
	for _, s := range samples {
		checkHdrWords(t, s)
	}
	// Every word at every offset of a text read in four parts.
	pad := strings.Repeat("z", 4*(hdrIndex.overlap+stemLane)+7)
	for _, w := range hdrIndex.words {
		for k := 0; k <= len(pad); k += 3 {
			checkHdrWords(t, pad[:k]+w+pad[k:])
		}
	}
	if len(hdrIndex.words) > 63 {
		t.Errorf("%d header words, at most 63 fit", len(hdrIndex.words))
	}
}

// TestHdrWordReaders checks the readers that test the words' bits against the ones that look
// the words up, on the same lines.
func TestHdrWordReaders(t *testing.T) {
	samples := append(spotSamples(t), hdrWordEdges...)
	samples = append(samples, "l'an deux mil", " l'an ", "du 12 mai", "le 3", "la commune de la ville", "au siege du sivom",
		"ordre du jour de la seance du", "pour : 12", "- contre 3")
	for _, f := range samples {
		w := hdrWordsOf(f)
		if got, want := meetingLineWords(f, w), meetingLine(f); got != want {
			t.Errorf("meetingLineWords(%q) = %v, want %v", f, got, want)
		}
		if got, want := bodyPhraseNearWords(f, w), bodyPhraseNear(f); got != want {
			t.Errorf("bodyPhraseNearWords(%q) = %v, want %v", f, got, want)
		}
		if got, want := w&hwEndVerbs != 0, endVerbIn(f); got != want {
			t.Errorf("end verb bits of %q = %v, want %v", f, got, want)
		}
		if got, want := w&hwCount != 0 || voteWordStarts(strings.TrimSpace(f)), hasCountWord(strings.TrimSpace(f)); got != want {
			t.Errorf("count word bits of %q = %v, want %v", f, got, want)
		}
		if got, want := w&hwNextMeet != 0, containsAnyLit(f, nextMeetingWords); got != want {
			t.Errorf("next meeting bits of %q = %v, want %v", f, got, want)
		}
		if got, want := w&hwOtherDate != 0, containsAnyLit(f, otherDateWords); got != want {
			t.Errorf("other date bits of %q = %v, want %v", f, got, want)
		}
		if w&hwOpeners == 0 && preambleAt(f) >= 0 {
			t.Errorf("no opener bit in %q, but preambleAt = %d", f, preambleAt(f))
		}
	}
	if hwCount&hwSpaced != 0 {
		t.Logf("a count word opens or closes with a space: countLine reads them one by one")
	}
}

// FuzzHdrWords checks the one-pass word index against strings.Contains of each word.
func FuzzHdrWords(f *testing.F) {
	for _, s := range hdrWordEdges {
		f.Add(s)
	}
	f.Add("la seance est levee a 22h, prochaine reunion le 12")
	f.Fuzz(func(t *testing.T, s string) {
		checkHdrWords(t, s)
		if got, want := meetingLineWords(s, hdrWordsOf(s)), meetingLine(s); got != want {
			t.Errorf("meetingLineWords(%q) = %v, want %v", s, got, want)
		}
	})
}

// The readers as they were before the word index, kept as references.

// bodyPhraseNear is a cheap test for a line that may hold (or begin) a phrase naming the body.
func bodyPhraseNear(f string) bool { return bodyPhraseIn(f) || bodyPhraseEnds(f) }

// meetingLine reports whether folded line f dates the meeting itself: it speaks of a séance,
// a réunion, a conseil… or is a title's "DU …" / "Le …".
func meetingLine(f string) bool {
	f = strings.TrimSpace(f)
	if strings.HasPrefix(f, "du ") || strings.HasPrefix(f, "le ") {
		return true
	}
	for _, w := range meetingWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// endVerbIn reports whether folded line f holds a verb that ends a meeting ("levee", "close",
// "cloturee", "terminee").
func endVerbIn(f string) bool {
	return strings.Contains(f, "leve") || strings.Contains(f, "clos") || strings.Contains(f, "clotur") || strings.Contains(f, "termin")
}

// bodyPhraseInRef is bodyPhraseIn before its words were a table (bodyPhraseWords) and header
// words, kept as a reference.
func bodyPhraseInRef(f string) bool {
	return strings.Contains(f, "siege") || strings.Contains(f, "cette commune") ||
		strings.Contains(f, "de la ") && (strings.Contains(f, "de la ville") || strings.Contains(f, "de la commune") ||
			strings.Contains(f, "de la communaute") || strings.Contains(f, "de la metropole")) ||
		strings.Contains(f, "du s") && (strings.Contains(f, "du syndicat") || strings.Contains(f, "du sivu") || strings.Contains(f, "du sivom"))
}

// checkBodyPhraseIn compares bodyPhraseIn, and the bits of its words, with the reference.
func checkBodyPhraseIn(t *testing.T, f string) {
	t.Helper()
	want := bodyPhraseInRef(f)
	if got := bodyPhraseIn(f); got != want {
		t.Errorf("bodyPhraseIn(%q) = %v, want %v", f, got, want)
	}
	if got := hdrWordsOf(f)&hwBodyPhrase != 0; got != want {
		t.Errorf("body phrase bits of %q = %v, want %v", f, got, want)
	}
}

func TestBodyPhraseInAgreesWithRef(t *testing.T) {
	for _, f := range []string{"", "le siege du syndicat", "de cette commune", "de la ville de", "de la ", "de la communaute",
		"de la commune", "de la metro", "de la metropole", "du s", "du sivu", "du sivom", "du syndicat mixte", "du sictom",
		"conseil municipal de la commune d'eybens", "de la  ville", "du  sivu"} {
		checkBodyPhraseIn(t, f)
	}
	for _, l := range corpusLines() {
		checkBodyPhraseIn(t, normalize.Fold(l))
	}
}

func FuzzBodyPhraseIn(f *testing.F) {
	f.Add("le conseil municipal de la commune de lyon")
	f.Add("au siege du sivom de la metropole")
	f.Fuzz(func(t *testing.T, s string) {
		checkBodyPhraseIn(t, s)
		if got, want := bodyPhraseNearWords(s, hdrWordsOf(s)), bodyPhraseNear(s); got != want {
			t.Errorf("bodyPhraseNearWords(%q) = %v, want %v", s, got, want)
		}
	})
}
