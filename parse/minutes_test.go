package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"minutes/extract"
)

// FuzzMinutes feeds arbitrary bytes through extract and parse: the result is a record (or an
// extraction error), never a panic, and every fact of the record points inside the document.
func FuzzMinutes(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/sample/*.txt")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err == nil {
			f.Add(data[:min(len(data), 4000)])
		}
	}
	f.Add([]byte("Présents : M. A, Mme B\nPouvoirs : M. C donne pouvoir à M. A\n1. Budget\tPour : 3\n"))
	f.Add([]byte("I. X\n\tTotal\t1 000,00\t2\nA L'UNANIMITE (3 voix), 2 abstentions\nMonsieur le Maire : oui"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := extract.Bytes("fuzz.txt", data)
		if err != nil {
			return
		}
		rec := Minutes(src)
		for _, d := range rec.Diagnostics {
			if d.Code == "internal" {
				t.Fatalf("parser failure: %s", d.Message)
			}
		}
		if _, err := json.Marshal(rec); err != nil {
			t.Fatalf("record does not marshal: %v", err)
		}
		last := len(src.Lines)
		check := func(what string, p Pos) {
			if p.Line < 0 || p.Line > last {
				t.Fatalf("%s at line %d, document has %d", what, p.Line, last)
			}
		}
		ids := map[string]bool{}
		for _, p := range rec.People {
			ids[p.ID] = true
		}
		for _, a := range rec.Attendance {
			check("attendance", a.Pos)
			if !ids[a.Person] {
				t.Fatalf("attendance refers to unknown person %q", a.Person)
			}
		}
		for _, p := range rec.Proxies {
			check("proxy", p.Pos)
			// To is null when the document names no holder ("Pouvoir : M. X").
			if !ids[p.From] || (p.To != nil && !ids[*p.To]) {
				t.Fatalf("proxy refers to unknown people %q → %v", p.From, p.To)
			}
		}
		for _, it := range rec.Items {
			check("item", it.Pos)
			for _, e := range it.Exchanges {
				if e.Speaker != nil && !ids[*e.Speaker] {
					t.Fatalf("exchange by unknown person %q", *e.Speaker)
				}
			}
		}
		for _, tb := range rec.Tables {
			for _, r := range tb.Rows {
				if len(r.Values) != len(tb.Columns) && len(tb.Columns) > 0 {
					t.Fatalf("row %q has %d values for %d columns", r.Label, len(r.Values), len(tb.Columns))
				}
			}
		}
	})
}

// TestMinutesKeepsText checks the promise that nothing is lost: the words of every line of the
// sample end up somewhere in the record (a field's evidence, a person, an item's text, a table,
// or the unplaced text).
func TestMinutesKeepsText(t *testing.T) {
	src, err := extract.File("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(Minutes(src))
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			for _, w := range words(v) {
				seen[w] = true
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(tree)
	lost := 0
	for _, l := range src.Lines {
		ws := words(l.Text)
		found := 0
		for _, w := range ws {
			if seen[w] {
				found++
			}
		}
		// Lines of one or two words are labels ("ORDRE DU JOUR", "Pouvoirs :") that the
		// structure of the record stands for.
		if len(ws) > 2 && found*10 < len(ws)*9 {
			lost++
			t.Errorf("line %d: only %d of its %d words are in the record: %q", l.Line, found, len(ws), l.Text)
		}
	}
	if lost > 0 {
		t.Errorf("%d lines of the sample are not in the record", lost)
	}
}

// words splits text into words of four letters or more (shorter ones are too common to tell).
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 4 {
			out = append(out, w)
		}
	}
	return out
}

// BenchmarkMinutes measures parse + normalize of the sample, the target being 20 MB/s
// on one core.
func BenchmarkMinutes(b *testing.B) {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		b.Fatal(err)
	}
	src, err := extract.Bytes("numerian.txt", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Minutes(src)
	}
}

// TestMinutesReportsUnreadablePages: a page the extractor lost is an error diagnostic of the
// record, so that an incomplete record never looks complete.
func TestMinutesReportsUnreadablePages(t *testing.T) {
	src, err := extract.Text([]byte("Présents : M. Jean DUPONT\n"))
	if err != nil {
		t.Fatal(err)
	}
	src.Warnings = []extract.Line{{Pos: extract.Pos{Page: 2}, Text: "page 2 could not be read: damaged stream"}}
	rec := Minutes(src)
	for _, d := range rec.Diagnostics {
		if d.Code == "page-unreadable" && d.Severity == SevError && d.Page == 2 {
			return
		}
	}
	t.Errorf("no page-unreadable error among %+v", rec.Diagnostics)
}

// BenchmarkMinutesCorpus measures parse + normalize of each text file of the development corpus
// (skipped without ../shared), so that a speed-up on the sample is not a slow-down elsewhere.
func BenchmarkMinutesCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		for b.Loop() {
			Minutes(src)
		}
	})
}

// corpusTextFiles lists the text files of the development corpus: none without ../shared (a
// user's clone).
func corpusTextFiles() []string {
	var files []string
	for _, pat := range []string{"*.txt", "*.html", "*_ocr.md"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", pat))
		files = append(files, m...)
	}
	return files
}

// corpusTexts is corpusTextFiles, skipping tb when there are none.
func corpusTexts(tb testing.TB) []string {
	files := corpusTextFiles()
	if len(files) == 0 {
		tb.Skip("../shared/corpus/dev is absent")
	}
	return files
}

// benchCorpus runs run as one sub-benchmark per text file of the development corpus, named by
// the file's commune, with the file extracted and its size set for MB/s.
func benchCorpus(b *testing.B, run func(b *testing.B, src *extract.Source)) {
	for _, f := range corpusTexts(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.SplitN(filepath.Base(f), "_", 2)[0], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			run(b, src)
		})
	}
}

// TestMinutesReportsRepairs: a file that extract had to repair says so in its record.
func TestMinutesReportsRepairs(t *testing.T) {
	src, err := extract.Text([]byte("Présents : M. Jean DUPONT\n"))
	if err != nil {
		t.Fatal(err)
	}
	src.Repairs = []string{"the cross-reference table was broken and was rebuilt"}
	for _, d := range Minutes(src).Diagnostics {
		if d.Code == "file-repaired" && d.Severity == SevWarning && d.Message == src.Repairs[0] {
			return
		}
	}
	t.Error("no file-repaired warning")
}
