package parse

import (
	"strings"
	"testing"
)

// nextDoubleRef is nextDouble as it was: strings.Index over the rest of src.
func nextDoubleRef(src string, o int) int {
	if k := strings.Index(src[o:], "  "); k >= 0 {
		return o + k
	}
	return len(src)
}

// checkNextDouble compares nextDouble with nextDoubleRef from every place of src.
func checkNextDouble(t *testing.T, src string) {
	t.Helper()
	for o := 0; o <= len(src); o++ {
		if got, want := nextDouble(src, o), nextDoubleRef(src, o); got != want {
			t.Fatalf("nextDouble(%q, %d) = %d, want %d", src, o, got, want)
		}
	}
}

// TestNextDouble checks nextDouble where its windows meet: pairs cut by the edge of a window,
// lying in the last window looked at or past every window.
func TestNextDouble(t *testing.T) {
	word := strings.Repeat("mot ", 60) // a space every four bytes, no pair
	cases := map[string]string{
		"empty":         "",
		"one space":     " ",
		"pair":          "  ",
		"short":         "a b  c",
		"none":          word,
		"trailing":      word + " ",
		"far":           word + word + "x  y",
		"cut by window": strings.Repeat("x", doubleWindow-1) + "  ",
		"window edge":   strings.Repeat("x", doubleWindow-2) + "  ",
		"last look":     strings.Repeat("ab", doubleLooks*doubleWindow/2-3) + "   ",
		"past looks":    strings.Repeat("a ", doubleLooks*doubleWindow) + " ",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) { checkNextDouble(t, src) })
	}
}

func FuzzNextDouble(f *testing.F) {
	for _, s := range []string{"", "  ", "a b  c", strings.Repeat("x", 63) + "  ", strings.Repeat("a ", 200) + " "} {
		f.Add(s)
	}
	f.Fuzz(checkNextDouble)
}
