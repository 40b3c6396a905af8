package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// civilityOfRef is CivilityOf read the plain way: the word folded, its dot dropped, looked up in
// civilities (no gate on its first byte, no copy on the stack).
func civilityOfRef(word string) (Civility, bool) {
	if len(word) > 16 || word == "" {
		return Civility{}, false
	}
	w := strings.TrimSuffix(foldNameWord(word), ".")
	if w == "mon" && !strings.HasSuffix(word, ".") {
		return Civility{}, false
	}
	c, ok := civilities[w]
	return c, ok
}

// civilityCases are words for CivilityOf: civilities in every case, led by white space or marks
// the fold drops, names, odd bytes.
var civilityCases = []string{
	" Mme", "\u00a0Mme", "\tM.", "\u0301M.", "M\u0301.", "`M", "Mon", "Mon.", "mon.", "\u00a0mon", " mon.",
	"M\u0301on", "Ṁ.", "\x00M", "N.", "L'", "\xffM", "M\xff", "Mm\u00e9", "Mmé", "MADAME", "Ｍ.",
	" \u00a0M\u0301me", "\u2009Mme", "Mmes\u0301", "X", "Mesdemoiselles.", "Mesdemoiselles",
}

func checkCivilityOf(t *testing.T, w string) {
	t.Helper()
	got, gotOK := CivilityOf(w)
	want, wantOK := civilityOfRef(w)
	if got != want || gotOK != wantOK {
		t.Errorf("CivilityOf(%q) = %v, %v, want %v, %v", w, got, gotOK, want, wantOK)
	}
}

// TestCivilityOfAgreesWithRef compares CivilityOf with civilityOfRef on the cases, on every
// civility as written, in capitals, with a dot, behind every ASCII byte, and on every ASCII byte
// alone and before "me".
func TestCivilityOfAgreesWithRef(t *testing.T) {
	words := append(append([]string{}, civilityCases...), personWordCases...)
	for w := range civilities {
		words = append(words, w, strings.ToUpper(w), w+".", strings.ToUpper(w)+".", "\u00a0"+w)
		for c := range 128 {
			words = append(words, string(rune(c))+w, string(rune(c))+w+"\u0301")
		}
	}
	for c := range 128 {
		words = append(words, string(rune(c)), string(rune(c))+"me", string(rune(c))+"m\u00e9")
	}
	for _, w := range words {
		checkCivilityOf(t, w)
	}
}

func FuzzCivilityOf(f *testing.F) {
	for _, w := range append(append([]string{}, civilityCases...), personWordCases...) {
		f.Add(w)
	}
	f.Fuzz(checkCivilityOf)
}

// checkNameIndex puts and gets the words of text (split at spaces) in a nameIndex and in a map,
// its reference, each word's value growing with each put, and compares every answer; then
// every word and its variants are looked up in both.
func checkNameIndex(t *testing.T, text string, reserve int) {
	t.Helper()
	var x nameIndex
	x.reserve(reserve)
	ref := map[string]int32{}
	words := strings.Split(text, " ")
	for k, w := range words {
		if k%3 == 2 {
			got, gotOK := x.get(w)
			want, wantOK := ref[w]
			if got != want || gotOK != wantOK {
				t.Fatalf("get(%q) = %d, %v, want %d, %v", w, got, gotOK, want, wantOK)
			}
			continue
		}
		v, found := x.put(w)
		if _, ok := ref[w]; found != ok {
			t.Fatalf("put(%q) found %v, want %v", w, found, ok)
		}
		*v += int32(k + 1)
		ref[w] += int32(k + 1)
		if x.n != len(ref) {
			t.Fatalf("after put(%q): %d keys, want %d", w, x.n, len(ref))
		}
	}
	for _, w := range words {
		for _, q := range []string{w, w + "x", "x" + w, strings.ToUpper(w)} {
			got, gotOK := x.get(q)
			want, wantOK := ref[q]
			if got != want || gotOK != wantOK {
				t.Fatalf("get(%q) = %d, %v, want %d, %v", q, got, gotOK, want, wantOK)
			}
		}
	}
}

// nameIndexCases are texts of words for checkNameIndex: none, one, repeated, many (the table
// grows several times), the empty word.
var nameIndexCases = []string{
	"", "dupont", "jean dupont jean dupont", "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg",
	"  x  ", "é É e", "jean-luc chaumont le roux de la tour", strings.Repeat("w ", 40),
}

func TestNameIndex(t *testing.T) {
	var many []string
	for k := range 500 {
		many = append(many, personID(k), "k"+personID(k%37))
	}
	for _, r := range []int{0, 1, 3, 100} {
		for _, c := range append(nameIndexCases, strings.Join(many, " ")) {
			checkNameIndex(t, c, r)
		}
	}
}

func FuzzNameIndex(f *testing.F) {
	for _, c := range nameIndexCases {
		f.Add(c, uint8(0))
		f.Add(c, uint8(5))
	}
	f.Fuzz(func(t *testing.T, text string, reserve uint8) { checkNameIndex(t, text, int(reserve)) })
}

// foldNameIntoRef is appendFoldName as it was, written to a strings.Builder byte by byte.
func foldNameIntoRef(b *strings.Builder, s string, space bool) (pending, ok bool) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			c := byte(r)
			if asciiSpaceByte[c] {
				space = b.Len() > 0
				continue
			}
			if c == '`' {
				c = '\''
			} else if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		if r < 0x250 && unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		var f string
		switch {
		case r == '`' || r == '’' || r == '‘' || r == 'ʼ':
			r = '\''
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case r < 0x250:
			f = latinFold[r]
			if f == "" {
				continue
			}
		default:
			return space, false
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if f != "" {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return space, true
}

// checkAppendFoldName compares appendFoldName with foldNameIntoRef on s, after nothing and after
// a word, with and without a pending space; when both fail, only their failing matters.
func checkAppendFoldName(t *testing.T, s string) {
	t.Helper()
	for _, before := range []string{"", "jean"} {
		for _, space := range []bool{false, true} {
			var b strings.Builder
			b.WriteString(before)
			wantPending, wantOK := foldNameIntoRef(&b, s, space)
			got, gotPending, gotOK := appendFoldName([]byte(before), s, space)
			if gotOK != wantOK || wantOK && (string(got) != b.String() || gotPending != wantPending) {
				t.Errorf("appendFoldName(%q, %q, %v) = %q, %v, %v, want %q, %v, %v",
					before, s, space, got, gotPending, gotOK, b.String(), wantPending, wantOK)
			}
		}
	}
}

// foldNameCases are names for appendFoldName: ASCII, accents, quotes, white space of every kind,
// runes beyond Latin Extended-B, invalid bytes.
var foldNameCases = []string{
	"", " ", "Jean-Luc CHAUMONT", " Jérôme  BERNARD ", "Barac’h", "d`Arc", "O‘Neil", "Aʼa", "x\u00a0y",
	"\u0085X", "ÆSIR", "Œuvre", "Ελένη", "Jose\u0301", "\xff", "A\u3000B", "\tA\vB\fC\rD\nE", "\x00\x7f",
	strings.Repeat("Dupont ", 20), "ǄǅǆǇ", "ﬁ", "É\xc3",
}

func TestAppendFoldName(t *testing.T) {
	for _, s := range foldNameCases {
		checkAppendFoldName(t, s)
	}
	for r := rune(0); r < 0x2100; r++ {
		checkAppendFoldName(t, "a"+string(r)+"B é")
	}
}

func FuzzAppendFoldName(f *testing.F) {
	for _, s := range foldNameCases {
		f.Add(s)
	}
	f.Fuzz(checkAppendFoldName)
}
