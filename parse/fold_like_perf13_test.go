package parse

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"minutes/normalize"
)

// checkFoldRunsLike checks that foldRunsLike and foldRunsInto give foldRuns' fold and runs
// whatever the hint: normalize.Fold(s) (the callers' hint), the fold itself, "" and a string
// that differs from the fold in one byte; and that a hint equal to the fold is returned itself.
func checkFoldRunsLike(t testing.TB, s string) {
	t.Helper()
	wf, wruns := foldMap(s) // the reference fold
	f0, runs0 := foldRuns(s)
	if f0 != wf {
		t.Fatalf("foldRuns(%q) = %q, want %q", s, f0, wf)
	}
	hints := []string{"", normalize.Fold(s), wf, wf + "x", strings.ToUpper(wf), s}
	if len(wf) > 0 {
		hints = append(hints, wf[:len(wf)-1], wf[:len(wf)-1]+"\x00")
	}
	var buf []byte
	for _, h := range hints {
		for name, get := range map[string]func() (string, []int32){
			"foldRunsLike": func() (string, []int32) { return foldRunsLike(s, h) },
			"foldRunsInto": func() (string, []int32) {
				var f string
				var runs []int32
				f, runs, buf = foldRunsInto(buf, s, h)
				return f, runs
			},
		} {
			f, runs := get()
			if f != f0 || !slices.Equal(runs, runs0) {
				t.Fatalf("%s(%q, hint %q) = %q %v, want %q %v", name, s, h, f, runs, f0, runs0)
			}
		}
	}
	// The offsets the runs give are foldMap's.
	for k := 0; k <= len(f0); k++ {
		if got, want := runOffset(s, f0, runs0, k), int(wruns[k]); got != want {
			t.Fatalf("runOffset(%q, %d) = %d, want %d", s, k, got, want)
		}
	}
}

func TestFoldRunsLike(t *testing.T) {
	long := strings.Repeat("Le Conseil Municipal, réuni à Œuvre\u00a0ﬁn ", 20) // beyond the stack buffer
	for _, s := range []string{"", " ", "a", "  M. Jean\tDUPONT  ", "Présent(e)s : Mme Agnès", "\xffé\u00a0x\u2003Y",
		"Œuvre ﬁn", "a\u0301b", "l'an  deux   mil", "aujourd\u2019hui", long, long[:129], long[:127]} {
		checkFoldRunsLike(t, s)
	}
	for _, l := range corpusLines() {
		checkFoldRunsLike(t, l)
	}
}

// TestFoldRunsLikeKeepsHint: a hint equal to the fold is what the caller gets back (no copy).
func TestFoldRunsLikeKeepsHint(t *testing.T) {
	for _, s := range []string{"Séance du 15 décembre", strings.Repeat("Le Conseil réuni ", 30)} {
		h := normalize.Fold(s)
		f, _ := foldRunsLike(s, h)
		if f != h {
			t.Fatalf("foldRunsLike(%q) = %q, want %q", s, f, h)
		}
		if unsafe.StringData(f) != unsafe.StringData(h) {
			t.Errorf("foldRunsLike(%q) returned a copy of its hint, not the hint", s)
		}
	}
}

func FuzzFoldRunsLike(f *testing.F) {
	f.Add("M. Jérôme BERNARD donne pouvoir à Mme X")
	f.Add("Œuvre  ﬁn\u00a0é l\u2019an")
	f.Fuzz(func(t *testing.T, s string) { checkFoldRunsLike(t, s) })
}
