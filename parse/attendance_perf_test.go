package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// BenchmarkHeaderAttendance measures the header and attendance readers alone, on the Numérian
// sample and on every text file of the dev corpus: the lines are folded once outside the loop,
// as newDoc does, so that the figures are those of the two readers.
func BenchmarkHeaderAttendance(b *testing.B) {
	files := append([]string{filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.txt")}, corpusTextFiles()...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			b.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			b.Fatal(err)
		}
		tmpl := newDoc(src)
		b.Run(strings.SplitN(filepath.Base(f), "_", 2)[0], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d := &doc{src: src, lines: src.Lines, folded: tmpl.folded, used: make([]bool, len(src.Lines)), rec: &Record{}}
				d.header()
				d.attendance()
			}
		})
	}
}

// TestPersonSet checks the set of people by place against the people added to a registry,
// out of order, and its reset by truncation (as readList reuses it).
func TestPersonSet(t *testing.T) {
	var reg normalize.People
	var ps []*normalize.Person
	for _, f := range []string{"ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO"} {
		ps = append(ps, reg.New(normalize.Name{Family: f}))
	}
	var s personSet
	s.add(ps[3])
	s.add(ps[1])
	for k, p := range ps {
		if got, want := s.has(p), k == 1 || k == 3; got != want {
			t.Errorf("has(%s) = %v, want %v", p.ID, got, want)
		}
	}
	s = s[:0]
	s.add(ps[0])
	for k, p := range ps {
		if got, want := s.has(p), k == 0; got != want {
			t.Errorf("after reset, has(%s) = %v, want %v", p.ID, got, want)
		}
	}
}
