package parse

import (
	"os"
	"path/filepath"
	"testing"

	"minutes/extract"
)

// corpusSources extracts every text file of the development corpus (skipping tb without
// ../shared), with their total size in bytes.
func corpusSources(tb testing.TB) ([]*extract.Source, int) {
	var srcs []*extract.Source
	size := 0
	for _, f := range corpusTexts(tb) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			tb.Fatal(err)
		}
		srcs = append(srcs, src)
		size += len(data)
	}
	return srcs, size
}

// BenchmarkFoldLinesCorpus folds every line of every text file of the development corpus, as
// newDoc does for each document: one op is one round of the corpus.
func BenchmarkFoldLinesCorpus(b *testing.B) {
	srcs, size := corpusSources(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			d := doc{lines: src.Lines, folded: make([]string, len(src.Lines))}
			d.foldLines()
		}
	}
}
