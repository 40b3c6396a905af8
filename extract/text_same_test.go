package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// sameAsRef fails t when Text and textRef disagree on data.
func sameAsRef(t *testing.T, name string, data []byte) {
	t.Helper()
	got, gerr := Text(data)
	want, werr := textRef(data)
	if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
		t.Fatalf("%s: error %v, want %v", name, gerr, werr)
	}
	if got != nil {
		// The reference keeps no source text: Decoded is checked on its own (TestDecodedHoldsLines).
		g := *got
		g.Decoded = ""
		got = &g
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Text differs from the reference:\n got %+v\nwant %+v", name, got, want)
	}
}

// TestTextSameAsRef checks the fast paths of Text against the plain implementation, on the
// corpus (when present) and on inputs built to take each slow path.
func TestTextSameAsRef(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"ascii", "Présents : M. A\nB"},
		{"decomposed", "De\u0301libe\u0301ration\nE\u0301te\u0301"},
		{"combining after a stable rune", "é\u0301 x\n"},
		{"U+FFFD", "a\ufffdb\nc"},
		{"private use", "a\uf0b7b"},
		{"control characters", "a\x01b\x7fc\x1b\n\td\ve"},
		{"form feeds", "\fa\f\fb\n\f"},
		{"CR and CRLF", "a\r\nb\rc\r"},
		{"blank pages", " \f \n\f"},
		{"long ASCII run with a control at the end", strings.Repeat("abcdefgh", 9) + "\x02"},
		{"CJK past the table", "会議 \u3000 x"},
		{"Hangul jamo", "\u1100\u1161"},
		{"windows-1252", "D\xe9lib\xe9ration \x80 \x9c\n"},
		{"invalid after BOM", "\xef\xbb\xbfa\xff"},
		{"html", "<html><p>Pr&eacute;sents&#x301; :\nM. A</p></html>"},
		{"empty", ""},
		{"nul", "a\x00b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { sameAsRef(t, tt.name, []byte(tt.in)) })
	}
	var files []string
	for _, dir := range []string{"../testdata/sample", "../../shared/corpus/dev", "../../shared/corpus/variants"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*"))
		files = append(files, m...)
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || IsPDF(data) {
			continue
		}
		n++
		sameAsRef(t, f, data)
	}
	if n == 0 {
		t.Log("no corpus text files found")
	}
}

func FuzzTextSame(f *testing.F) {
	f.Add([]byte("Présents : M. A\f\r\nB"))
	f.Add([]byte("De\u0301libe\u0301ration\x01\n\ufffd"))
	f.Add([]byte("abcdefgh\x7fijklmnop\tqrstuvwx\n"))
	f.Add([]byte("<html><p>x</p>"))
	f.Add([]byte("1\n\nCM – 08.04.2013\n2\n\nCM – 08.04.2013\n"))
	f.Fuzz(func(t *testing.T, data []byte) { sameAsRef(t, "fuzz", data) })
}

func TestSqueeze(t *testing.T) {
	tests := []struct{ name, in string }{
		{"plain", "Conseil municipal"},
		{"ends", "  Conseil municipal \t"},
		{"double", "Conseil  municipal"},
		{"space then tab", "a \tb"},
		{"space then no-break space", "a \u00a0b"},
		{"no-break space", "Présents\u00a0: M. A"},
		{"tabs", "a\tb\t\tc"},
		{"blank", " \t "},
		{"empty", ""},
		{"invalid bytes", "a \xff  b\xc3"},
		{"ideographic space", "a\u3000b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := squeeze(tt.in), squeezeRef(tt.in); got != want {
				t.Errorf("squeeze(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func FuzzSqueeze(f *testing.F) {
	for _, s := range []string{"a  b", " a\tb ", "a \u00a0b", "x\u2003 y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := squeeze(s), squeezeRef(s); got != want {
			t.Errorf("squeeze(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkScanText(b *testing.B) {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		b.Skip(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if stable, dirty := scanText(s); !stable || dirty {
			b.Fatal("numerian should be stable and clean")
		}
	}
}

// BenchmarkTextCorpus extracts every text file of the dev corpus (the files an ingest of text
// minutes reads), to keep the HTML exports and OCR files in view beside Numérian.
func BenchmarkTextCorpus(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpus/dev/*")
	var docs [][]byte
	size := 0
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".txt", ".md", ".html":
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, data)
			size += len(data)
		}
	}
	if len(docs) == 0 {
		b.Skip("no corpus")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Bytes("c.txt", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// scanTextRef is scanText rune by rune.
func scanTextRef(s string) (stable, dirty bool) {
	stable = true
	for i, r := range s {
		if r == utf8.RuneError {
			_, n := utf8.DecodeRuneInString(s[i:])
			stable, dirty = stable && n == 3, true
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\f' || r == 0x7f {
			dirty = true
		}
		if r >= nfcTableLimit || nfcStarters[r/64]&(1<<(r%64)) == 0 {
			stable = false
		}
	}
	return stable, dirty
}

func TestScanText(t *testing.T) {
	tests := []string{"", "abc", "abcdefgh", "abcdefghi\x01", "abcdefg\x7f", "\x7fabcdefgh", "é" + strings.Repeat("a", 20),
		strings.Repeat("a", 15) + "\u0301", "a\tb\nc\fd\re", "a\ufffd", "a\xff" + strings.Repeat("b", 9), "\u00a0\u2019\uf0b7", "会"}
	for _, s := range tests {
		gs, gd := scanText(s)
		ws, wd := scanTextRef(s)
		if gs != ws || gd != wd {
			t.Errorf("scanText(%q) = %v, %v, want %v, %v", s, gs, gd, ws, wd)
		}
	}
}

func FuzzScanText(f *testing.F) {
	f.Add("abcdefgh\x7fijklmnopé\u0301\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		gs, gd := scanText(s)
		ws, wd := scanTextRef(s)
		if gs != ws || gd != wd {
			t.Errorf("scanText(%q) = %v, %v, want %v, %v", s, gs, gd, ws, wd)
		}
	})
}

func TestIndexCloseTag(t *testing.T) {
	tests := []struct{ name, s, tag string }{
		{"lower", "a { x } </style>", "style"},
		{"upper", "x</STYLE>", "style"},
		{"accents before", "é è </Script>", "script"},
		{"dotted capital I before", "İİİ </head>", "head"},
		{"Kelvin sign before", "\u212a</head>", "head"},
		{"invalid byte before", "\xff</head>", "head"},
		{"absent", "</styl", "style"},
		{"digits", "</h1>", "h1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := indexCloseTag(tt.s, tt.tag), strings.Index(strings.ToLower(tt.s), "</"+tt.tag); got != want {
				t.Errorf("indexCloseTag(%q, %q) = %d, want %d", tt.s, tt.tag, got, want)
			}
		})
	}
}

func FuzzIndexCloseTag(f *testing.F) {
	f.Add("é</STYLE>", "style")
	f.Add("İ</head>", "head")
	f.Fuzz(func(t *testing.T, s, tag string) {
		tag = strings.ToLower(tag)
		for i := 0; i < len(tag); i++ {
			if c := tag[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				return // tagName gives lower-case ASCII letters and digits only
			}
		}
		if got, want := indexCloseTag(s, tag), strings.Index(strings.ToLower(s), "</"+tag); got != want {
			t.Errorf("indexCloseTag(%q, %q) = %d, want %d", s, tag, got, want)
		}
	})
}

// TestDecodedHoldsLines: a text file's Decoded holds each of its lines, as a substring or, for a
// cleaned line, as text of its own.
func TestDecodedHoldsLines(t *testing.T) {
	for _, in := range []string{"Présents : M. A\nB", "a\r\nb\rc\r", "\fa\f\fb\n\f", "a\x01b\n c"} {
		src, err := Text([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if src.Decoded == "" {
			t.Errorf("Text(%q) has no Decoded", in)
		}
		for _, l := range src.Lines {
			if !strings.Contains(src.Decoded, l.Text) && !strings.ContainsRune(in, 0x01) {
				t.Errorf("Text(%q): line %q is not in Decoded %q", in, l.Text, src.Decoded)
			}
		}
	}
}
