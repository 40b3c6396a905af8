package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
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

// TestAppendPlain checks the word-wide step of AppendFold against its byte-by-byte definition,
// on every byte in every position and on random texts over the bytes at the edges of its ranges:
// while eight bytes are left, a letter of U+00C0–U+00FF or a rune of U+2000–U+203F folding to
// one printable ASCII byte, or else a word of eight bytes read up to its first byte that is not
// plain; then the bytes left, fewer than eight, as a word that zero bytes end; a space kept
// before a byte beyond ASCII is given back at the end.
func TestAppendPlain(t *testing.T) {
	// plain reports whether c folds by lower-casing alone and is no white space.
	plain := func(c byte) bool { return c > 0x20 && c < 0x80 && c != '`' }
	word := func(w string) int {
		for k := range 8 {
			switch c := w[k]; {
			case c == ' ':
				if k == 7 || !plain(w[k+1]) && w[k+1] < 0x80 {
					return k
				}
			case !plain(c):
				return k
			}
		}
		return 8
	}
	ref := func(s string) (string, int) {
		var out []byte
		i := 0
		for i+8 <= len(s) {
			w := 0
			if s[i] == 0xc3 && s[i+1] >= 0x80 && s[i+1] <= 0xbf {
				w = 2
			} else if r, n := utf8.DecodeRuneInString(s[i:]); n == 3 && 0x2000 <= r && r < 0x2040 {
				if f := foldSlow(s[i : i+3]); len(f) == 1 && plain(f[0]) && f[0] != 0x7f {
					w = 3
				}
			}
			if w > 0 {
				out = append(out, foldSlow(s[i:i+w])...)
				i += w
				continue
			}
			k := word(s[i:])
			for _, c := range []byte(s[i : i+k]) {
				if c != ' ' {
					c = foldASCII[c]
				}
				out = append(out, c)
			}
			i += k
			if k == 0 {
				break
			}
		}
		if r := len(s) - i; r > 0 && r < 8 && len(s) >= 8 {
			// The last bytes, read as a word with zero bytes after them.
			w := s[i:] + "\x00\x00\x00\x00\x00\x00\x00\x00"
			k := word(w)
			for _, c := range []byte(w[:k]) {
				if c != ' ' {
					c = foldASCII[c]
				}
				out = append(out, c)
			}
			i += k
		}
		if i > 0 && s[i-1] == ' ' {
			out = out[:len(out)-1]
			i--
		}
		return string(out), i
	}
	check := func(s string) {
		room := make([]byte, len(s)+8)
		o, n := plainRun(room, s)
		out := append([]byte("x"), room[:o]...)
		want, wantN := ref(s)
		if n != wantN || string(out[1:]) != want {
			t.Fatalf("plainRun(%q) reads %v bytes and appends %q, want %v and %q", s, n, out[1:], wantN, want)
		}
	}
	for k := range 8 {
		for c := range 256 {
			w := []byte("abcdefghijklmnop")
			w[k] = byte(c)
			check(string(w))
			w[k+1] = 0xa9 // é when c is 0xc3
			check(string(w))
			w[k+1], w[k+2] = 0x80, byte(c) // U+2000–U+203F when c is 0xe2
			for _, c3 := range []byte{0x80, 0x93, 0x98, 0x99, 0xaf, 0xbf} {
				w[k], w[k+2] = 0xe2, c3
				check(string(w))
			}
		}
	}
	edges := []byte{0, 0x1f, ' ', ' ', '!', '0', '@', 'A', 'Z', '[', '_', '`', 'a', 'z', '~', 0x7f, 0x80, 0x99, 0xa9, 0xbf, 0xc0, 0xc3, 0xc3, 0xe2, 0xe2, 0xff, '\t'}
	seed := uint64(1)
	for range 200000 {
		seed = seed*6364136223846793005 + 1442695040888963407
		w := make([]byte, 4+(seed>>33)%20)
		for k := range w {
			seed = seed*6364136223846793005 + 1442695040888963407
			w[k] = edges[(seed>>33)%uint64(len(edges))]
		}
		check(string(w))
	}
}
