package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkTextOnly is BenchmarkTextCorpus without the SHA-256 that Bytes adds: the ingest
// hashes a file before it extracts it, so Text alone is what its workers spend here.
func BenchmarkTextOnly(b *testing.B) {
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
			if _, err := Text(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
