package store

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// foldRef is fold as it was first written, a Replacer over foldPairs: the reference fold
// must agree with on any bytes.
var foldRef = strings.NewReplacer(foldPairs...)

// FuzzFold checks fold against the Replacer, for any bytes.
func FuzzFold(f *testing.F) {
	for i := 0; i < len(foldPairs); i += 2 {
		f.Add("le " + foldPairs[i] + " du texte")
	}
	for _, s := range []string{"", "Délibération", "cœur", "\xc3", "\xc5", "Æ\xff", "ﬁn", "\xa6æ", "…æ\xc3\xc3\x86",
		"\xef\xac", "\xef\xac\x87ﬆ", "œœ\xc5\x93Œ", "vœux … mise en œuvre ﬁnale"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldRef.Replace(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestFold: every key at every place of a text, texts without a key returned as they are.
func TestFold(t *testing.T) {
	for i := 0; i < len(foldPairs); i += 2 {
		for _, s := range []string{"", "a", "é", "…", "\xc3", "\xa6", "ab\xef\xac"} {
			for _, in := range []string{foldPairs[i] + s, s + foldPairs[i], s + foldPairs[i] + s + foldPairs[i] + s} {
				if got, want := fold(in), foldRef.Replace(in); got != want {
					t.Errorf("fold(%q) = %q, want %q", in, got, want)
				}
			}
		}
	}
	for _, s := range []string{"", "Délibération à l'unanimité, ça été reçu : Ç È", "Ł ő … → ¦ \ufffd \ufeff"} {
		if got := fold(s); got != s {
			t.Errorf("fold(%q) = %q, want it unchanged", s, got)
		}
	}
}

// TestFoldPairsTable checks what fold assumes of foldPairs: each key one UTF-8 character (so
// that occurrences never overlap), no replacement longer than its key, and few enough probes.
func TestFoldPairsTable(t *testing.T) {
	for i := 0; i < len(foldPairs); i += 2 {
		k, rep := foldPairs[i], foldPairs[i+1]
		if !utf8.ValidString(k) || utf8.RuneCountInString(k) != 1 {
			t.Errorf("key %q is not one UTF-8 character", k)
		}
		if len(rep) > len(k) {
			t.Errorf("replacement %q is longer than its key %q", rep, k)
		}
	}
	if len(foldProbes) > 8 {
		t.Errorf("%d probes, fold keeps 8 on its stack", len(foldProbes))
	}
}
