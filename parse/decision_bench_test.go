package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decisionFixture is a document read up to its body, and its prose paragraphs: the input of the
// decision reader.
func decisionFixture(tb testing.TB, path string) (*doc, []para) {
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("%s: %v", path, err)
	}
	d, prose, err := decisionDoc(filepath.Base(path), data)
	if err != nil {
		tb.Fatal(err)
	}
	return d, prose
}

// resetDecisionMemo forgets what the decision reader memoized, so that each run pays for it.
func (d *doc) resetDecisionMemo() {
	d.bs.trigOf, d.bs.trigs, d.bs.stems = nil, nil, nil
	d.bs.clauseOf, d.bs.clauseLists = nil, nil
}

// BenchmarkDecisions measures the decision reader alone (line triggers, decision sentences,
// drafts) over every prose paragraph of the sample, paragraph by paragraph as sections are read.
func BenchmarkDecisions(b *testing.B) {
	d, prose := decisionFixture(b, "../testdata/sample/numerian-2023-12-15.txt")
	n := 0
	for _, p := range prose {
		for _, i := range p.lines {
			n += len(d.lines[i].Text) + 1
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		d.resetDecisionMemo()
		for _, p := range prose {
			d.decisions([]para{p})
		}
	}
}

// BenchmarkDecisionsCorpus is BenchmarkDecisions on each text file of the development corpus
// (skipped without ../shared).
func BenchmarkDecisionsCorpus(b *testing.B) {
	for _, f := range corpusTexts(b) {
		d, prose := decisionFixture(b, f)
		b.Run(strings.SplitN(filepath.Base(f), "_", 2)[0], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.resetDecisionMemo()
				for _, p := range prose {
					d.decisions([]para{p})
				}
			}
		})
	}
}
