package parse

import (
	"testing"

	"minutes/extract"
)

// checkNamesLikeMemo asks namesLike about the lines of src in an order that repeats lines and
// flips proxies, and compares each answer with namesLikeItems (its reference, without the
// memo) on a document of its own.
func checkNamesLikeMemo(t testing.TB, src *extract.Source) {
	t.Helper()
	d, ref := newDoc(src), newDoc(src)
	n := len(src.Lines)
	for j := range n {
		for _, q := range []struct {
			j       int
			proxies bool
		}{{j, false}, {j, false}, {j, true}, {j, true}, {j, false}, {max(j-1, 0), false}, {j, false}} {
			if got, want := d.namesLike(q.j, q.proxies), namesLikeItems(ref, q.j, q.proxies); got != want {
				t.Fatalf("%s: namesLike(%d %q, %v) = %v, want %v", src.Name, q.j, src.Lines[q.j].Text, q.proxies, got, want)
			}
		}
	}
}

func TestNamesLikeMemo(t *testing.T) {
	srcs, _ := corpusSources(t)
	for _, src := range srcs {
		checkNamesLikeMemo(t, src)
	}
	src, err := extract.Bytes("short.txt", []byte("Présents :\nM. Jean DUPONT, Mme Agnès MARTIN\nExcusés : M. X donne pouvoir à M. Y\n\nOrdre du jour"))
	if err != nil {
		t.Fatal(err)
	}
	checkNamesLikeMemo(t, src)
}

func FuzzNamesLikeMemo(f *testing.F) {
	f.Add("Présents :\nM. Jean DUPONT, Mme Agnès MARTIN\nPouvoirs : M. X à M. Y")
	f.Add("Absents excusés : JF Orsatelli J. Orsatelli et M. LUCIANI (pouvoir à Mme B)")
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Bytes("fuzz.txt", []byte(s))
		if err != nil || len(src.Lines) > 200 {
			return
		}
		checkNamesLikeMemo(t, src)
	})
}
