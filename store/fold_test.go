package store

import "testing"

// FuzzFold checks fold's shortcut: a text it returns as it is must be one the Replacer leaves
// alone, for any bytes.
func FuzzFold(f *testing.F) {
	for i := 0; i < len(foldPairs); i += 2 {
		f.Add("le " + foldPairs[i] + " du texte")
	}
	for _, s := range []string{"", "Délibération", "cœur", "\xc3", "\xc5", "Æ\xff", "ﬁn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), folder.Replace(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestHasFoldPair: every folded character is caught, and plain French text is not.
func TestHasFoldPair(t *testing.T) {
	for i := 0; i < len(foldPairs); i += 2 {
		if !hasFoldPair("a" + foldPairs[i] + "b") {
			t.Errorf("hasFoldPair misses %q", foldPairs[i])
		}
	}
	if s := "Délibération à l'unanimité, ça été reçu : Ç È"; hasFoldPair(s) {
		t.Errorf("hasFoldPair(%q) = true, want false", s)
	}
}
