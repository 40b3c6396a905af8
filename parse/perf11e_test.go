package parse

import (
	"testing"

	"minutes/extract"
)

// BenchmarkNewDocCorpus measures newDoc (the fold of every line) on each text file of the
// development corpus.
func BenchmarkNewDocCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		for b.Loop() {
			newDoc(src)
		}
	})
}

// BenchmarkHeaderCorpus measures the header readers alone on each text file of the
// development corpus (the lines folded once, outside the loop).
func BenchmarkHeaderCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		tmpl := newDoc(src)
		for b.Loop() {
			d := &doc{src: src, lines: src.Lines, folded: tmpl.folded, used: make([]bool, len(src.Lines)), rec: &Record{}}
			d.header()
		}
	})
}

// BenchmarkAttendanceCorpus measures the header and attendance readers on each text file of
// the development corpus (the lines folded once, outside the loop).
func BenchmarkAttendanceCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		tmpl := newDoc(src)
		for b.Loop() {
			d := &doc{src: src, lines: src.Lines, folded: tmpl.folded, used: make([]bool, len(src.Lines)), rec: &Record{}}
			d.header()
			d.attendance()
		}
	})
}

// BenchmarkHeaderWordsCorpus measures the header words of the remembered lines and the tail
// words of the others, on each text file of the development corpus.
func BenchmarkHeaderWordsCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		tmpl := newDoc(src)
		for b.Loop() {
			d := &doc{src: src, lines: src.Lines, folded: tmpl.folded, rec: &Record{}}
			for i := range d.attendanceScanLimit() {
				d.hdrWords(i)
			}
			d.tailWords()
		}
	})
}
