package parse

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"minutes/extract"
)

// TestMain runs the package's tests with poisonScratch set, so that every test that parses
// also checks that its records point into no pooled buffer; benchmarks run without it, as
// users do.
func TestMain(m *testing.M) {
	flag.Parse()
	poisonScratch.Store(flag.Lookup("test.bench").Value.String() == "")
	os.Exit(m.Run())
}

// TestScratchPoisonShows: the poison reaches a string cut from the folded text, so a record
// holding one would print differently — the check the other tests rely on.
func TestScratchPoisonShows(t *testing.T) {
	if !poisonScratch.Load() {
		t.Skip("benchmark run: no poison")
	}
	src, err := extract.Text([]byte("Présents : M. Jean DUPONT\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(src)
	s := d.folded[0]
	before := string([]byte(s))
	d.release()
	if s == before {
		t.Errorf("folded line %q unchanged after release", s)
	}
}

// scratchSources are the bundled sample and, when ../shared is there, every file of the
// development corpus and of the variants that extract reads.
func scratchSources(t *testing.T) []*extract.Source {
	files, _ := filepath.Glob("../testdata/sample/*")
	for _, dir := range []string{"dev", "variants"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", dir, "*"))
		files = append(files, m...)
	}
	var srcs []*extract.Source
	for _, f := range files {
		if filepath.Ext(f) == ".py" || filepath.Base(f) == "SOURCES.md" || filepath.Base(f) == "README.md" {
			continue
		}
		src, err := extract.File(f)
		if err != nil {
			t.Logf("%s: %v", f, err)
			continue
		}
		srcs = append(srcs, src)
	}
	if len(srcs) < 2 {
		t.Fatalf("%d documents read", len(srcs))
	}
	return srcs
}

// TestScratchCorpus: on every document at hand, the record is the same whether the pooled
// buffers are poisoned on release or not, and stays the same while later documents reuse them;
// a document read with reused buffers reads as it did first.
func TestScratchCorpus(t *testing.T) {
	srcs := scratchSources(t)
	defer poisonScratch.Store(poisonScratch.Load())
	recs := make([]*Record, len(srcs))
	first := make([][]byte, len(srcs))
	for i, src := range srcs {
		poisonScratch.Store(false)
		recs[i] = Minutes(src)
		first[i] = mustJSON(t, recs[i])
		poisonScratch.Store(true)
		if got := mustJSON(t, Minutes(src)); string(got) != string(first[i]) {
			t.Errorf("%s: the record points into a pooled buffer (it changes when they are poisoned)", src.Name)
		}
	}
	for i, src := range srcs {
		if again := mustJSON(t, Minutes(src)); string(again) != string(first[i]) {
			t.Errorf("%s: a second parse differs from the first", src.Name)
		}
		if kept := mustJSON(t, recs[i]); string(kept) != string(first[i]) {
			t.Errorf("%s: the record changed while other documents were parsed", src.Name)
		}
	}
}

func mustJSON(t *testing.T, r *Record) []byte {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzScratch: for any text, the record is the same whether the pooled buffers are poisoned on
// release or not — no path of the parser leaves the record pointing into one.
func FuzzScratch(f *testing.F) {
	if data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt"); err == nil {
		f.Add(data[:min(len(data), 6000)])
	}
	f.Add([]byte("Chapitre\n011\n012\n65\nCharges générales\nPersonnel\nAutres\n1 000,00\n2 000,00\n3 000,00\n"))
	f.Add([]byte("Présents : M. A, Mme B\nPouvoirs : M. C donne pouvoir à M. A\n1. Budget\tPour : 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := extract.Bytes("fuzz.txt", data)
		if err != nil {
			return
		}
		defer poisonScratch.Store(poisonScratch.Load())
		poisonScratch.Store(false)
		want := mustJSON(t, Minutes(src))
		poisonScratch.Store(true)
		if got := mustJSON(t, Minutes(src)); string(got) != string(want) {
			t.Errorf("the record points into a pooled buffer:\n%s\nwith poison:\n%s", want, got)
		}
	})
}
