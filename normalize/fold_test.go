package normalize

import (
	"strings"
	"testing"
)

// TestFoldAgreesWithSlow checks Fold's tables against the full decomposition, rune by rune and
// in the contexts where the tables could go wrong: next to spaces, letters and combining marks.
func TestFoldAgreesWithSlow(t *testing.T) {
	var cases []string
	add := func(r rune) {
		s := string(r)
		cases = append(cases, s, "a"+s, s+"b", " "+s+" ", "É"+s+"\u0301", "x  "+s+"\u00a0y", s+s, "e\u0301\u0327"+s+"\u0327\u0301")
	}
	for r := rune(0); r < 0x2200; r++ {
		add(r)
	}
	for r := rune(foldSymbolStart); r < foldSymbolEnd; r++ {
		add(r)
	}
	for r := rune(foldPrivateStart); r < foldPrivateEnd; r++ {
		add(r)
	}
	cases = append(cases,
		"",
		"  Le Conseil Municipal, à l’unanimité,  APPROUVE  ",
		"M. Jean-Luc CHAUMONT\u202fet Mme Œdipe ÆLIS",
		"e\u0301te\u0301 ",
		"\xff invalid \xc3",
		"Ǆemal ǅ ǆ — 12 500,00 € …",
		"\u0301leading mark",
		"ＦＵＬＬ width",
		"Ελληνικά και Кириллица",
		"\uf0b7 Budget → voté ✔ \u219a\u0338 \u2260",
		strings.Repeat("Délibération n° 2023-12 ", 40),
	)
	for _, s := range cases {
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
		// After other text, AppendFold keeps it and squeezes nothing across the join.
		if got, want := string(AppendFold([]byte("Ab  "), s)), "Ab  "+foldSlow(s); got != want {
			t.Errorf("AppendFold(%q, %q) = %q, want %q", "Ab  ", s, got, want)
		}
	}
}

// TestFoldNoCopy checks that a string already folded comes back as is.
func TestFoldNoCopy(t *testing.T) {
	s := "le conseil municipal approuve a l'unanimite"
	if got := Fold(s); got != s {
		t.Fatalf("Fold(%q) = %q", s, got)
	}
	if n := testing.AllocsPerRun(10, func() { Fold(s) }); n != 0 {
		t.Errorf("Fold of a folded string allocates %v times, want 0", n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Été  À l’unanimité", "Le conseil délibère à l unanimité : décidé  é À çà ÆßÞ", "abcdefg é", "e\u0301", "Œ\u00a0æ", "\xff\xfe", "ǅ\u2000x", "\uf0b7 a → b ✔\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(AppendFold([]byte("x "), s)), "x "+foldSlow(s); got != want {
			t.Errorf("AppendFold(%q, %q) = %q, want %q", "x ", s, got, want)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	lines := []string{
		"Le Conseil Municipal, après en avoir délibéré, à l’unanimité des membres présents,",
		"APPROUVE le budget primitif 2024 du service de l’eau : 12 500,00 € en dépenses.",
		"M. Jean-Luc CHAUMONT donne pouvoir à Mme Hélène DUPRÉ",
	}
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Fold(l)
		}
	}
}
