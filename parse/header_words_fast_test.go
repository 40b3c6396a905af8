package parse

import (
	"os"
	"strings"
	"testing"

	"minutes/normalize"
)

// bodyPhraseEndsRef is bodyPhraseEnds before it looked at the last byte first.
func bodyPhraseEndsRef(f string) bool {
	t := strings.TrimSpace(f)
	for _, end := range []string{" de la", " de", " du", " commune", " ville", " syndicat", " siege"} {
		if strings.HasSuffix(t, end) {
			return strings.Contains(t, "conseil") || strings.Contains(t, "comite") || strings.Contains(t, "siege")
		}
	}
	return false
}

// checkHeaderShortcuts compares the shortcuts of the header readers with what they stand for.
func checkHeaderShortcuts(t testing.TB, f string) {
	t.Helper()
	if got, want := bodyPhraseEnds(f), bodyPhraseEndsRef(f); got != want {
		t.Errorf("bodyPhraseEnds(%q) = %v, want %v", f, got, want)
	}
	if hdrWordsOf(f)&hwConvo == 0 && reConvocation.Regexp.MatchString(f) {
		t.Errorf("reConvocation matches %q, which lacks the word of hwConvo", f)
	}
}

func TestHeaderShortcuts(t *testing.T) {
	if endLow == 0 {
		t.Error("endIndex's words do not open hdrIndex in its order: endFromHdr reads them one by one")
	}
	for _, s := range []string{"", "le conseil municipal de", "seance du conseil de la", "siege", " du ", "convoque le 3 mai", "convocation", "conv"} {
		checkHeaderShortcuts(t, s)
	}
	for _, file := range corpusTextFiles() {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			checkHeaderShortcuts(t, normalize.Fold(line))
		}
	}
}

func FuzzHeaderShortcuts(f *testing.F) {
	for _, s := range []string{"le conseil municipal de la", "convoque le", "comite du"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkHeaderShortcuts(t, s) })
}
