package parse

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/extract"
)

// TestDottedStyle checks the table of dotted families against the name it stands for.
func TestDottedStyle(t *testing.T) {
	for n := 0; n <= 6; n++ {
		if got, want := dottedStyle(n), "dotted"+strconv.Itoa(n); got != want {
			t.Errorf("dottedStyle(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestSpacedClass checks that every white space beyond ASCII opens with a byte singleSpaced
// decodes, and that the ASCII classes are strings.Fields' spaces.
func TestSpacedClass(t *testing.T) {
	var b [utf8.UTFMax]byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		n := utf8.EncodeRune(b[:], r)
		want := uint8(spacedLead)
		switch {
		case r == ' ':
			want = spacedPlain
		case n == 1:
			want = spacedOther
		}
		if got := spacedClass[b[0]]; got != want {
			t.Errorf("spacedClass[%#x] (first byte of %U) = %d, want %d", b[0], r, got, want)
		}
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		if spacedClass[c] != 0 && !unicode.IsSpace(rune(c)) {
			t.Errorf("spacedClass[%#x] = %d for a byte that is no space", c, spacedClass[c])
		}
	}
}

// FuzzAgendaMarkerMay checks agendaMarkerMay against the four searches it stands for.
func FuzzAgendaMarkerMay(f *testing.F) {
	for _, s := range []string{"ordre du jour", "l'odj :", "o.d.j.", "o.dj", "od.j :", "sommaire", "ordre du jou", "jour", "o.d.i", "sommair"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// The gate may let through lines the pattern refuses, never the reverse.
		if reAgendaMarker.MatchString(s) && !agendaMarkerMay(s) {
			t.Errorf("agendaMarkerMay(%q) = false, but reAgendaMarker reads it", s)
		}
	})
}

// TestLineMemoLarge checks the memo of cleaned lines past its compact forms: a plain line
// longer than 64 KB, and more than 65 536 lines cleaned into their own text.
func TestLineMemoLarge(t *testing.T) {
	long := "  1. " + strings.Repeat("Budget ", 10000) + " "
	var b strings.Builder
	b.WriteString(long + "\n")
	for k := 0; k < 70000; k++ {
		b.WriteString("**" + strconv.Itoa(k) + "\tLigne**\n")
	}
	src, err := extract.Text([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(src)
	for i, l := range d.lines {
		if got, want := d.cleanAt(i), cleanHeadingText(l.Text); got != want {
			t.Fatalf("cleanAt(%d) = %.40q, want %.40q", i, got, want)
		}
	}
	for i := len(d.lines) - 1; i >= 0; i -= 7 {
		if got, want := d.cleanAt(i), cleanHeadingText(d.lines[i].Text); got != want {
			t.Fatalf("cleanAt(%d) again = %.40q, want %.40q", i, got, want)
		}
	}
}

// TestDanglingEndAllocs checks that a title in capitals is read without making a string.
func TestDanglingEndAllocs(t *testing.T) {
	for _, title := range []string{"CONVENTION DE", "AVENANT N°2 AU MARCHE DES", "Vote du budget"} {
		if n := testing.AllocsPerRun(10, func() { danglingEnd(title) }); n != 0 {
			t.Errorf("danglingEnd(%q) makes %v allocations, want 0", title, n)
		}
	}
}

// leadSetsRef is leadWords as it was: each letter's runes as a list.
func leadSetsRef(words ...string) [][][]rune {
	var out [][][]rune
	for _, w := range words {
		var sets [][]rune
		for _, r := range w {
			if r == ' ' {
				sets = append(sets, []rune(spaceBytes))
				continue
			}
			set := foldOrbit(r)
			if r == 'é' {
				set = append(set, foldOrbit('e')...)
			}
			sets = append(sets, set)
		}
		out = append(out, sets)
	}
	return out
}

// wordLeadRef is wordLead on the lists of leadSetsRef: the set of white space stands for a run
// of it.
func wordLeadRef(t string, w [][]rune) bool {
	j := 0
	for _, set := range w {
		if j == len(t) {
			return false
		}
		r, size := utf8.DecodeRuneInString(t[j:])
		if !slices.Contains(set, r) {
			return false
		}
		j += size
		if string(set) == spaceBytes {
			for j < len(t) && strings.ContainsRune(spaceBytes, rune(t[j])) {
				j++
			}
		}
	}
	return true
}

// leadWordLists are the words of the heading leads.
var leadWordLists = [][]string{{"délibération n", "no", "n°"}, {"point", "question", "affaire", "dossier"}, {"ſk", "é"}, {"a b", " c"}}

// FuzzWordLead checks wordLead, which tells ASCII letters by bits, against the lists of runes.
func FuzzWordLead(f *testing.F) {
	for _, s := range []string{"Délibération n° 12", "DELIBERATION", "N° 2016", "nO", "Point 3", "ſKÉ", "\u212a", "dé\xff", "poin",
		"délibération.", "Délibération \t\nNO", "Délibérationn°", "A  B", "a\vb", " \tc", "c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, list := range leadWordLists {
			got, want := leadWords(list...), leadSetsRef(list...)
			for k := range got {
				if g, w := wordLead(s, got[k]), wordLeadRef(s, want[k]); g != w {
					t.Errorf("wordLead(%q, %q) = %v, want %v", s, list[k], g, w)
				}
			}
		}
	})
}
