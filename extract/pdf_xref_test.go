package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestPDFRebuildsXref damages the cross-reference of real PDFs as transfers and editors do, and
// checks that the text still comes out — the same text when every object survived — and that
// the source says it was repaired.
func TestPDFRebuildsXref(t *testing.T) {
	files := []string{filepath.Join("testdata", "table.pdf"), filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.pdf")}
	shift := func(b []byte) []byte { // a line inserted after the header: every offset is off
		i := bytes.IndexByte(b, '\n') + 1
		return slices.Concat(b[:i], []byte("% inserted by a mail gateway\n"), b[i:])
	}
	badStart := func(b []byte) []byte { // startxref points nowhere
		i := bytes.LastIndex(b, []byte("startxref"))
		return slices.Concat(b[:i], []byte("startxref\n999999\n%%EOF\n"))
	}
	noTable := func(b []byte) []byte { // the cross-reference table overwritten
		i := bytes.LastIndex(b, []byte("\nxref"))
		j := bytes.LastIndex(b, []byte("trailer"))
		if i < 0 || j < i {
			return nil
		}
		c := slices.Clone(b)
		for k := i + 1; k < j; k++ {
			if c[k] != '\n' {
				c[k] = ' '
			}
		}
		return c
	}
	for _, f := range files {
		orig, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := PDF(orig)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(want.Repairs) != 0 {
			t.Errorf("%s: an undamaged file reports repairs %q", f, want.Repairs)
		}
		for _, tt := range []struct {
			name string
			edit func([]byte) []byte
		}{{"shifted offsets", shift}, {"wrong startxref", badStart}, {"table overwritten", noTable}} {
			t.Run(filepath.Base(f)+"/"+tt.name, func(t *testing.T) {
				data := tt.edit(orig)
				if data == nil {
					t.Skip("no classic cross-reference table")
				}
				got, err := PDF(data)
				if err != nil {
					t.Fatalf("PDF: %v", err)
				}
				if !slices.Equal(got.Lines, want.Lines) {
					t.Errorf("%d lines, want the %d of the undamaged file", len(got.Lines), len(want.Lines))
				}
				if len(got.Repairs) != 1 {
					t.Errorf("repairs %q, want one", got.Repairs)
				}
			})
		}
	}
}

// TestPDFTruncatedKeepsPages: a download cut short loses the page tree and catalog written at the
// end; the pages before the cut are read through a rebuilt tree.
func TestPDFTruncatedKeepsPages(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	full, err := PDF(orig)
	if err != nil {
		t.Fatal(err)
	}
	cut := slices.Concat(orig[:len(orig)*8/10], []byte("\n%%EOF\n"))
	got, err := PDF(cut)
	if err != nil {
		t.Fatalf("PDF of the truncated file: %v", err)
	}
	if len(got.Repairs) == 0 {
		t.Error("no repair reported")
	}
	if len(got.Lines) < len(full.Lines)/2 || got.Lines[0] != full.Lines[0] {
		t.Errorf("%d lines starting %q, want at least half of %d starting %q", len(got.Lines), got.Lines[0].Text, len(full.Lines), full.Lines[0].Text)
	}
}

// FuzzRebuildXref: any bytes give either no repair or a copy that keeps the original bytes and
// ends with a cross-reference the library can start from; never a panic.
func FuzzRebuildXref(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj<</Type/Page>>endobj\n"))
	f.Add([]byte("%PDF-1.5\n4 0 obj\n<< /Type /ObjStm /N 2 /First 8 /Length 20 >>\nstream\n1 0 2 30 << /Type /Page >>\nendstream\nendobj\n"))
	f.Add([]byte("1 0 obj 2 0 obj stream endstream obj /Root 1 0 R"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fixed, _, ok := rebuildXref(data)
		if !ok {
			return
		}
		if !bytes.HasPrefix(fixed, data) || !bytes.HasSuffix(fixed, []byte("%%EOF\n")) {
			t.Fatalf("repair does not append to the file")
		}
		PDF(fixed)
	})
}
