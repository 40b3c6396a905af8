package store

import (
	"fmt"
	"testing"
)

// BenchmarkPrepareCorpus prepares the records of the dev corpus, one op being the whole corpus
// (the work an ingest's workers do for the writer); per-document figures are the op's divided
// by the "docs" metric.
func BenchmarkPrepareCorpus(b *testing.B) {
	recs, size := corpusRecords(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, rec := range recs {
			Prepare(rec).Release()
		}
	}
	b.ReportMetric(float64(len(recs)), "docs")
}

// BenchmarkWriterCorpus is BenchmarkSaveCorpusWriter/deferred with a setup that does not grow
// with b.N (120 documents prepared whatever b.N up to 120): counting instructions at two b.N,
// the difference is the writer's alone.
func BenchmarkWriterCorpus(b *testing.B) {
	recs, size := corpusRecords(b)
	db, _ := openTest(b)
	ps := make([]*Prepared, max(b.N, 120))
	for i := range ps {
		rec := *recs[i%len(recs)]
		rec.Source.SHA256 = fmt.Sprintf("sha%d", i)
		ps[i] = Prepare(&rec)
	}
	b.SetBytes(size / int64(len(recs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.SavePrepared(fmt.Sprintf("dir/%d", i), ps[i], DeferIndex()); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.CatchUpIndex(); err != nil {
		b.Fatal(err)
	}
}
