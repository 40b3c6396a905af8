package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"minutes/extract"
)

// TestMinutesConcurrent parses documents on several goroutines at once, as an ingest's workers
// do, and checks that each record equals the one parsed alone: the parser keeps memos shared
// between documents (count labels, fold tables, pattern caches) and reusable buffers per
// document, and neither may leak from one document into another. Run it with -race.
func TestMinutesConcurrent(t *testing.T) {
	files := append([]string{filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.txt")}, corpusTextFiles()...)
	var srcs []*extract.Source
	var want [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(Minutes(src))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
		want = append(want, b)
	}
	const workers, rounds = 4, 3
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				// each worker walks the files from its own starting point, so that different
				// documents are parsed at the same moment
				for k := range srcs {
					i := (k + w + r) % len(srcs)
					got, err := json.Marshal(Minutes(srcs[i]))
					if err != nil {
						t.Error(err)
						return
					}
					if !bytes.Equal(got, want[i]) {
						t.Errorf("%s: record parsed beside others differs from the one parsed alone", srcs[i].Name)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
