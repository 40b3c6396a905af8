package parse

import (
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
	for _, s := range []string{"ordre du jour", "l'odj :", "o.d.j.", "sommaire", "ordre du jou", "jour", "o.d.i", "sommair"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Contains(s, "ordre du jour") || strings.Contains(s, "odj") || strings.Contains(s, "o.d.j") || strings.Contains(s, "sommaire")
		if got := agendaMarkerMay(s); got != want {
			t.Errorf("agendaMarkerMay(%q) = %v, want %v", s, got, want)
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
