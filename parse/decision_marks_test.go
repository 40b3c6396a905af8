package parse

import (
	"path/filepath"
	"strings"
	"testing"

	"minutes/normalize"
)

// voteMarks is the reference of voteMarksIn: whether a line (folded f, original raw) holds a
// mark that lets its capitals make it trigger, each mark searched for in turn.
func voteMarks(f, raw string) bool {
	return strings.IndexByte(raw, '?') >= 0 || hasOCRTee(raw) || strings.IndexByte(f, '"') >= 0 || hasGuillemet(f)
}

// scanStemsRef is scanStems by one substring search per stem and mark.
func scanStemsRef(f string) uint64 {
	var m uint64
	for _, st := range stemIndex.stems {
		if strings.Contains(f, st) {
			m |= stemBit(st)
		}
	}
	for _, mk := range stemMarks {
		if strings.Contains(f, mk) {
			m |= stemMark
		}
	}
	return m
}

// markEdges hold the marks beside stems, cut by a "*", and the bytes of a guillemet apart.
var markEdges = []string{"", "?", "\"", "«", "»", "UNANIM?TE", "A L'UNANIMIÏE", "« ADOPTE »", "\xc2*\xab", "\xc2", "\xab",
	"vote\"favorable", "pour?", "“ADOPTÉ”", "？", "ＡＤＯＰＴＥ？", "abstention»", "\xc2\xbb\xc2", "*«*", "?*?"}

// checkStemMarks compares the stems and marks read of raw line s with their references, and
// voteMarksIn with voteMarks: it says true of every line voteMarks does.
func checkStemMarks(t *testing.T, s string) {
	t.Helper()
	f := normalize.Fold(s)
	for _, g := range []string{s, f} {
		if got, want := scanStems(g), scanStemsRef(g); got != want {
			t.Fatalf("scanStems(%q) = %#x, want %#x", g, got, want)
		}
		if got, want := scanStemsSkip(g, '*'), scanStemsRef(strings.ReplaceAll(g, "*", "")); got != want {
			t.Fatalf("scanStemsSkip(%q) = %#x, want %#x", g, got, want)
		}
	}
	if voteMarks(f, s) && !voteMarksIn(scanStemsSkip(f, '*'), s) {
		t.Fatalf("voteMarksIn(%q) = false, voteMarks true", s)
	}
}

// TestStemMarks checks the marks the stems automaton reads, and voteMarksIn, on the corpus
// lines, the samples and the edges.
func TestStemMarks(t *testing.T) {
	lines := append(append(append(rxSamples(t), corpusLines()...), spotEdges...), markEdges...)
	for _, s := range append(lines, lineVoteEdges...) {
		checkStemMarks(t, s)
	}
}

// FuzzStemMarks compares the stems and marks read with their references, and voteMarksIn with
// voteMarks.
func FuzzStemMarks(f *testing.F) {
	for _, s := range markEdges {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			s = s[:1000]
		}
		checkStemMarks(t, s)
		checkLineVote(t, s)
	})
}

// TestStemsAtStar checks stemsAt and starStemsAt on every line of the sample and of the corpus's
// text files: the stems without the "*", stemStar when the line holds one, and the stems with
// it.
func TestStemsAtStar(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	files = append(files, "../testdata/sample/numerian-2023-12-15.txt")
	stars := 0
	for _, file := range files {
		d, _ := decisionFixture(t, file)
		d.resetDecisionMemo()
		for i, f := range d.folded {
			want := scanStemsSkip(f, '*')
			if strings.Contains(f, "*") {
				want |= stemStar
				stars++
			}
			if got := d.stemsAt(i); got != want {
				t.Fatalf("%s line %d: stemsAt = %#x, want %#x", file, i, got, want)
			}
			if got, want := d.starStemsAt(i), scanStems(f); got != want {
				t.Fatalf("%s line %d: starStemsAt = %#x, want %#x", file, i, got, want)
			}
		}
	}
	if stars == 0 {
		t.Error("no line holds a \"*\"")
	}
}
