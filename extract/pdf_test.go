package extract

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// sharedCorpus returns the shared corpus directory, or skips when the clone lacks it.
func sharedCorpus(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s absent: shared corpus not available", dir)
	}
	return dir
}

// TestPDFCorpus extracts every PDF of the shared dev corpus and variants: each yields text or a
// clear ErrNoText / ErrEncrypted, never a panic or another error.
func TestPDFCorpus(t *testing.T) {
	for _, sub := range []string{"dev", "variants"} {
		dir := sharedCorpus(t, sub)
		files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		for _, f := range files {
			t.Run(sub+"/"+filepath.Base(f), func(t *testing.T) {
				src, err := File(f)
				if err != nil {
					if errors.Is(err, ErrNoText) || errors.Is(err, ErrEncrypted) {
						t.Logf("refused as expected: %v", err)
						return
					}
					t.Fatalf("File: %v", err)
				}
				if src.Format != "pdf" || src.Pages < 1 {
					t.Errorf("Format, Pages = %q, %d; want pdf, ≥1", src.Format, src.Pages)
				}
				if strings.TrimSpace(src.Text()) == "" {
					t.Fatalf("no text extracted")
				}
				checkPositions(t, src)
			})
		}
	}
}

// checkPositions asserts that line numbers run on from 1 and pages never go back.
func checkPositions(t *testing.T, src *Source) {
	t.Helper()
	page := 1
	for i, l := range src.Lines {
		if l.Line != i+1 {
			t.Fatalf("line %d has Line %d, want %d", i, l.Line, i+1)
		}
		if l.Page < page || l.Page > src.Pages {
			t.Fatalf("line %d on page %d after page %d (of %d)", i, l.Page, page, src.Pages)
		}
		page = l.Page
	}
}

// TestPDFScanIsNoText checks the dev corpus scan: its only text is the préfecture stamp.
func TestPDFScanIsNoText(t *testing.T) {
	dir := sharedCorpus(t, "dev")
	_, err := File(filepath.Join(dir, "flaux_cm_2023-12-15_pv_scan.pdf"))
	if !errors.Is(err, ErrNoText) {
		t.Fatalf("err = %v, want ErrNoText", err)
	}
	if !strings.Contains(err.Error(), "scan") || !strings.Contains(err.Error(), "OCR") {
		t.Errorf("message %q should say it is a scan needing OCR", err)
	}
}

// TestPDFTestdata runs the generated PDFs of testdata (see testdata/gen) through Bytes.
func TestPDFTestdata(t *testing.T) {
	tests := []struct {
		file    string
		wantErr error
		// want lists lines that must appear, in order, in Lines
		want []string
		// furniture lists lines that must be in Furniture and not in Lines
		furniture []string
	}{
		{file: "truncated.pdf", wantErr: ErrCorrupt},
		{file: "corrupt.pdf", wantErr: ErrCorrupt},
		{file: "xref-loop.pdf", wantErr: ErrCorrupt},
		{file: "empty.pdf", wantErr: ErrCorrupt},
		{file: "encrypted.pdf", wantErr: ErrEncrypted},
		{file: "image-only.pdf", wantErr: ErrNoText},
		{file: "table.pdf", want: []string{
			"Budget 2024",
			"",
			"16\tEmprunts et dettes\t30 000,00\t103 800,00",
			"011\tCharges générales\t1 051 236,00\t1 391 933,14",
			"\tTotal\t1 081 236,00\t1 495 733,14",
			"",
			"Le conseil approuve le budget.",
		}},
		{file: "two-columns.pdf", want: []string{
			// the margin is double-spaced: blank lines, like pdftotext gives
			"Direction des",
			"",
			"Finances",
			"",
			"Extrait du",
			"",
			"registre",
			"",
			"n° 2014/155",
			"",
			// the body's lines all reach its right margin: one paragraph
			"Convoqué le 17 avril 2014, le Conseil Municipal de la Ville s'est réuni en mairie, salle du Conseil, le jeudi 24 avril 2014 à 18h00, sous la présidence de Monsieur le Maire. Présents : Mme Une, M. Deux, Mme Trois, M. Quatre, M. Cinq Mme Six, M. Sept, Mme Huit, M. Neuf, Mme Dix et M. Onze. Absents : M. Douze, Mme Treize et M. Quatorze, excusés.",
		}},
		{file: "rotated.pdf", want: []string{
			"Tableau des indemnités",
			"Maire\t1 051,00",
			"Adjoints\t2 102,00",
		}},
		{file: "form-stamp.pdf", want: []string{
			"Reçu en préfecture le 12/02/2024",
			"",
			"Le conseil adopte.",
		}},
		{file: "furniture.pdf", want: []string{
			// the wrapped line is joined to its paragraph, the cut word rejoined
			"Point 1. Le conseil examine (bud) la délibération relative au budget et l'adopte.",
			"",
			"Un paragraphe sur le budget suit après un blanc.",
			"Point 2. Le conseil examine (per) la délibération relative au personnel et l'adopte.",
		}, furniture: []string{
			"Commune de Nulle-Part - Conseil municipal du 3 mars 2024",
			"Page 1/3", "Page 3/3",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			src, err := Bytes(tt.file, data)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.file) {
					t.Errorf("error %q does not name the file", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			checkPositions(t, src)
			var got []string
			for _, l := range src.Lines {
				got = append(got, l.Text)
			}
			if !containsInOrder(got, tt.want) {
				t.Errorf("lines:\n%s\nwant, in order and adjacent:\n%s", quoteLines(got), quoteLines(tt.want))
			}
			for _, f := range tt.furniture {
				if !hasLine(src.Furniture, f) {
					t.Errorf("furniture lacks %q; got %q", f, src.Furniture)
				}
				if hasLine(src.Lines, f) {
					t.Errorf("furniture line %q left in Lines", f)
				}
			}
		})
	}
}

// containsInOrder reports whether want occurs as a contiguous run of got.
func containsInOrder(got, want []string) bool {
	for i := 0; i+len(want) <= len(got); i++ {
		ok := true
		for j, w := range want {
			if got[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func hasLine(ls []Line, s string) bool {
	for _, l := range ls {
		if l.Text == s {
			return true
		}
	}
	return false
}

func quoteLines(ls []string) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString("  " + strings.ReplaceAll(l, "\t", "→") + "\n")
	}
	return b.String()
}

// TestPDFGolden compares the Numérian PDF (a LibreOffice export with budget tables and a running
// footer) with testdata/numerian-2023-12-15.golden; run with -update to rewrite it.
func TestPDFGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := Bytes("numerian-2023-12-15.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, l := range src.Lines {
		if l.Page == 6 || l.Page == 7 {
			b.WriteString(l.Pos.String() + "\t" + l.Text + "\n")
		}
	}
	for _, l := range src.Furniture {
		if l.Page == 6 {
			b.WriteString("furniture " + l.Pos.String() + "\t" + l.Text + "\n")
		}
	}
	golden := filepath.Join("testdata", "numerian-2023-12-15.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("pages 6-7 differ from %s (go test -update rewrites it):\n%s", golden, firstDiff(b.String(), string(want)))
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "got:  " + a + "\nwant: " + b
		}
	}
	return ""
}

// TestPDFNumerianTable checks the budget table against the tab-separated text minutes: every
// data row of the two budget tables comes out on one line, cells split by tabs.
func TestPDFNumerianTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := Bytes("numerian-2023-12-15.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	rows := []string{
		"16\tEmprunts et dettes assimilés\t30 000,00\t73 800,00\t103 800,00",
		"011\tCharges à caractère général\t331 614,38\t1 060 318,76\t1 391 933,14",
		"\tTotal Fonctionnement\t1 224 345,75\t2 275 049,84\t3 499 395,59",
		"042\tOpérations d'ordre de transfert entre sections\t0,00\t0,00\t0,00",
		"Dépenses de fonctionnement de l'exercice\t1 051 236,00 €\t1 979 081,00 €\t3 030 317,00 €",
	}
	for _, r := range rows {
		if !hasLine(src.Lines, r) {
			t.Errorf("no line %q", r)
		}
	}
	if hasLine(src.Lines, "Compte rendu du Conseil Syndical – page 6 / 16") {
		t.Errorf("running footer left in Lines")
	}
}

// FuzzPDF feeds mutated PDFs: extraction must return a Source or an error, never panic.
func FuzzPDF(f *testing.F) {
	for _, name := range []string{"table.pdf", "two-columns.pdf", "furniture.pdf", "encrypted.pdf", "image-only.pdf"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// a hang is a failure too: the library loops on some damaged files
		done := make(chan bool, 1)
		go func() {
			src, err := PDF(data)
			done <- err == nil && src == nil
		}()
		select {
		case bad := <-done:
			if bad {
				t.Fatal("nil Source without error")
			}
		case <-time.After(10 * time.Second):
			t.Fatal("extraction did not finish in 10 s")
		}
	})
}

// TestContentWalkerMalformed runs the content-stream interpreter on broken operator sequences.
func TestContentWalkerMalformed(t *testing.T) {
	tests := []struct {
		name, stream string
		want         string
	}{
		{"unclosed string", "BT /F1 10 Tf (abc", ""},
		{"operator inside array", "BT /F1 10 Tf [(a) Tj (b)] TJ ET", ""},
		{"missing operands", "BT Tf Td Tm TJ Tj ' \" cm Q Q Q ET", ""},
		{"inline image", "BI /W 1 /H 1 ID \x00\xffEI x EI BT /F1 10 Tf 1 0 0 1 10 10 Tm (ok) Tj ET", "ok"},
		{"hex and escapes", "BT /F1 10 Tf 1 0 0 1 10 10 Tm <6F6B> Tj (\\101\\(\\)) Tj ET", "okA()"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w contentWalker
			w.fallback = newFallbackFont()
			w.reset(map[string]*pdfFont{}, identity)
			w.run([]byte(tt.stream))
			var got strings.Builder
			for _, g := range w.glyphs {
				got.WriteString(g.s)
			}
			if got.String() != tt.want {
				t.Errorf("text = %q, want %q", got.String(), tt.want)
			}
		})
	}
}

// TestNormalizePDFText covers the character clean-up of extracted lines.
func TestNormalizePDFText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no-break spaces", "1\u00a0051\u202f236,00\u00a0€", "1 051 236,00 €"},
		{"thin and figure spaces", "a\u2009b\u2007c", "a b c"},
		{"replacement char", "dé\ufffdlibération", "délibération"},
		{"decomposed accents", "De\u0301libe\u0301ration", "Délibération"},
		{"ascii untouched", "Pour : 12", "Pour : 12"},
		{"ligatures", "afﬁchage ﬂeuri", "affichage fleuri"},
	}
	for _, tt := range tests {
		if got := normalizePDFText(tt.in); got != tt.want {
			t.Errorf("%s: normalizePDFText(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
	if got := cleanGlyph("\uf0b7"); got != "•" {
		t.Errorf("cleanGlyph(U+F0B7) = %q, want •", got)
	}
	if got := cleanGlyph("\uf0d8"); got != "-" {
		t.Errorf("cleanGlyph(U+F0D8) = %q, want -", got)
	}
}

// BenchmarkPDF measures full extraction (layout and furniture included) of the Numérian PDF and,
// when the shared corpus is there, of the 900-page bench file.
//
// MINUTES_BENCH_PDF, a list of paths separated by colons, replaces those files (scripts/bench-pdf.sh
// uses it to time any PDF).
func BenchmarkPDF(b *testing.B) {
	files := []string{filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.pdf")}
	if big := filepath.Join("..", "..", "shared", "corpus", "bench", "numerian-x50.pdf"); fileExists(big) {
		files = append(files, big)
	}
	if env := os.Getenv("MINUTES_BENCH_PDF"); env != "" {
		files = strings.Split(env, ":")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			pages := 0
			for i := 0; i < b.N; i++ {
				src, err := PDF(data)
				if err != nil {
					b.Fatal(err)
				}
				pages += src.Pages
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestPDFRepairs checks the defects the library refuses but readers accept: a %PDF-2.0 header,
// bytes after %%EOF, junk before the header.
func TestPDFRepairs(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join("testdata", "table.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func([]byte) []byte
	}{
		{"PDF 2.0 header", func(b []byte) []byte { return append([]byte("%PDF-2.0"), b[len("%PDF-1.4"):]...) }},
		{"trailing garbage", func(b []byte) []byte { return append(b, bytes.Repeat([]byte("garbage "), 40)...) }},
		{"junk before header", func(b []byte) []byte { return append([]byte("HTTP junk\r\n"), b...) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.edit(append([]byte(nil), orig...))
			src, err := PDF(data)
			if err != nil {
				t.Fatalf("PDF: %v", err)
			}
			if !hasLine(src.Lines, "Budget 2024") {
				t.Errorf("lines %q lack the title", src.Lines)
			}
		})
	}
}
