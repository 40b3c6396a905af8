package parse

import (
	"strings"
	"testing"
	"unicode"

	"minutes/normalize"
)

// TestUpperVerbFolds checks what upperVerbStems rests on: every rune an upper verb may hold (a
// letter in capitals that foldUpperRune maps to an ASCII letter) folds to that letter in
// normalize.Fold, and every upper verb holds one of the stems.
func TestUpperVerbFolds(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsLetter(r) || !isUpperWord(string(r)) {
			continue
		}
		c := foldUpperRune(r)
		if c < 'a' || c > 'z' {
			continue
		}
		n++
		if got := normalize.Fold(string(r)); got != string(c) {
			t.Errorf("Fold(%q) = %q, but foldUpperRune reads it %q", r, got, string(c))
		}
	}
	if n < 26 {
		t.Errorf("only %d runes fold to an ASCII letter", n)
	}
	for _, v := range upperVerbs {
		if !upperVerbStems.in(scanStems(v)) {
			t.Errorf("upper verb %q holds none of upperVerbStems", v)
		}
	}
}

// checkUpperVerbStems checks on raw line s that a line holding an upper verb holds one of
// upperVerbStems, folded and without its stars, and that lineVote reads it as
// lineTriggerStems does.
func checkUpperVerbStems(t *testing.T, s string) {
	t.Helper()
	f := normalize.Fold(s)
	m := scanStemsSkip(f, '*')
	if upperVerbRun(s) && !upperVerbStems.in(m) {
		t.Fatalf("upperVerbRun(%q) holds, but its stems %x hold none of upperVerbStems", s, m)
	}
	checkLineVote(t, s)
}

var upperVerbEdges = []string{"LE CONSEIL DÉCIDE", "DÉCÏDÉ", "DECİDE", "VALÎDE", "AUTORİSE", "*DECIDE*", "\"DÉCIDE\"",
	"M. X DÉ*CIDE", "« VALIDE »", "DÉCIDE?", "UNANIM?TE DÉCIDE", "Le maire DÉCIDE"}

func TestUpperVerbStems(t *testing.T) {
	lines := append(append(append(rxSamples(t), corpusLines()...), lineVoteEdges...), upperVerbEdges...)
	for _, s := range lines {
		checkUpperVerbStems(t, s)
	}
}

func FuzzUpperVerbStems(f *testing.F) {
	for _, s := range append(upperVerbEdges, lineVoteEdges...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			s = s[:1000]
		}
		checkUpperVerbStems(t, s)
	})
}

// checkOCRTee compares hasOCRTee with strings.Contains on s.
func checkOCRTee(t *testing.T, s string) {
	t.Helper()
	if got, want := hasOCRTee(s), strings.Contains(s, ocrTee); got != want {
		t.Fatalf("hasOCRTee(%q) = %v, want %v", s, got, want)
	}
}

var ocrTeeEdges = []string{"", "Ï", "\x8f", "\xc3", "A\x8fÏ", "ÏA", "AÏ", "é\x8f", "\xc3\xc3\x8f", "ACCEPÏE", "Ð\x8f"}

func TestHasOCRTee(t *testing.T) {
	for _, s := range append(append(corpusLines(), lineVoteEdges...), ocrTeeEdges...) {
		checkOCRTee(t, s)
	}
}

func FuzzHasOCRTee(f *testing.F) {
	for _, s := range ocrTeeEdges {
		f.Add(s)
	}
	f.Fuzz(checkOCRTee)
}
