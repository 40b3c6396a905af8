package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func utf16le(t *testing.T, s string) []byte {
	t.Helper()
	b, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestText(t *testing.T) {
	const fr = "Présents : Mme Laëtitia BOURJAT, M. Benoît CŒUR\nSéance levée à 12h47 — 1 051 236,00 €"
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte(fr))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       []byte
		encoding string
		lines    []string
		pages    int
	}{
		{"utf-8", []byte(fr), "utf-8", strings.Split(fr, "\n"), 1},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, fr...), "utf-8", strings.Split(fr, "\n"), 1},
		{"utf-16le with BOM", utf16le(t, fr), "utf-16le", strings.Split(fr, "\n"), 1},
		{"windows-1252", cp1252, "windows-1252", strings.Split(fr, "\n"), 1},
		{"CRLF and CR line ends", []byte("a\r\nb\rc"), "utf-8", []string{"a", "b", "c"}, 1},
		{"decomposed accents become NFC", []byte("De\u0301libe\u0301ration"), "utf-8", []string{"Délibération"}, 1},
		{"form feed starts a page", []byte("page one\n\fpage two"), "utf-8", []string{"page one", "", "page two"}, 2},
		{"control characters dropped", []byte("a\x01b\tc"), "utf-8", []string{"ab\tc"}, 1},
		{"html export", []byte("<html><head><title>x</title></head><body><p>Présents :\nM. A</p><p>B&nbsp;&amp; C</p></body></html>"), "utf-8+html", []string{"Présents : M. A", "", "B & C"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Text(tt.in)
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if src.Encoding != tt.encoding {
				t.Errorf("encoding = %q, want %q", src.Encoding, tt.encoding)
			}
			if src.Pages != tt.pages {
				t.Errorf("pages = %d, want %d", src.Pages, tt.pages)
			}
			var got []string
			for _, l := range src.Lines {
				got = append(got, l.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.lines, "|") {
				t.Errorf("lines = %q, want %q", got, tt.lines)
			}
			for i, l := range src.Lines {
				if l.Line != i+1 {
					t.Errorf("line %d numbered %d", i+1, l.Line)
				}
			}
		})
	}
}

func TestTextPositionsAcrossPages(t *testing.T) {
	src, err := Text([]byte("a\nb\fc\nd"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Pos{{1, 1}, {1, 2}, {2, 3}, {2, 4}}
	for i, l := range src.Lines {
		if l.Pos != want[i] {
			t.Errorf("line %q at %v, want %v", l.Text, l.Pos, want[i])
		}
	}
}

func TestBytesRefuses(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\n\t\f "), ErrEmpty},
		{"NUL bytes", []byte("PK\x03\x04\x00\x00binary"), ErrBinary},
		{"random high bytes", []byte{0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x81, 0x01, 0x02, 0x03, 0x04}, ErrBinary},
		{"bad utf-8 after BOM", []byte{0xEF, 0xBB, 0xBF, 'a', 0xff}, ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Bytes("doc.txt", tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "doc.txt: ") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := File(dir); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("File(dir) = %v, want a directory error", err)
	}
	if _, err := File(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("File(missing) = %v, want not exist", err)
	}
	long := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(long, []byte(strings.Repeat("x", 5<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := File(long)
	if err != nil {
		t.Fatalf("5 MB line: %v", err)
	}
	if len(src.Lines) != 1 || len(src.Lines[0].Text) != 5<<20 {
		t.Errorf("5 MB line came out as %d lines", len(src.Lines))
	}
	if src.Name != "long.txt" || len(src.SHA256) != 64 || src.Format != "text" {
		t.Errorf("source = %q %q %q", src.Name, src.SHA256, src.Format)
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("Présents : M. A\f\r\nB"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Add([]byte("<html><p>x</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := Bytes("fuzz.txt", data)
		if err != nil {
			return
		}
		for i, l := range src.Lines {
			if l.Line != i+1 || l.Page < 1 || l.Page > src.Pages {
				t.Fatalf("bad position %v for line %d of %d pages", l.Pos, i, src.Pages)
			}
			if strings.ContainsAny(l.Text, "\n\r\f") {
				t.Fatalf("line %d holds a line break: %q", i, l.Text)
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes("n.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
