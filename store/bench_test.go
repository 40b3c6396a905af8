package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"minutes/extract"
	"minutes/parse"
)

// typicalRecord builds a record of the size of real minutes: 50 people, 60 sections with a
// decision, an exchange and an amount each, a table of 40 rows and 3 columns.
func typicalRecord(sha string) *parse.Record {
	s := func(v string) *string { return &v }
	n := func(v int) *int { return &v }
	rec := &parse.Record{
		Schema: parse.Schema,
		Source: parse.Source{Name: sha + ".txt", SHA256: sha, Format: "text", Pages: 1},
		Meeting: parse.Meeting{Body: s("Commune d'Exemple"), Assembly: s("Conseil Municipal"), Date: s("2024-03-14"),
			StartTime: s("18:30"), Place: s("salle du conseil")},
		Counts:      parse.Counts{InOffice: n(27), Present: n(22), Represented: n(3), Voters: n(25)},
		People:      []parse.Person{},
		Attendance:  []parse.Attendance{},
		Proxies:     []parse.Proxy{},
		Agenda:      []parse.AgendaItem{},
		Items:       []parse.Item{},
		Tables:      []parse.Table{},
		Diagnostics: []parse.Diagnostic{},
	}
	for i := range 50 {
		id := fmt.Sprintf("p%d", i+1)
		pos := parse.Pos{Page: 1, Line: 10 + i}
		rec.People = append(rec.People, parse.Person{ID: id, Civility: s("Mme"), Given: s("Marie"), Family: s(fmt.Sprintf("DUPONT%d", i)),
			Key: fmt.Sprintf("marie dupont%d", i), Text: fmt.Sprintf("Mme Marie DUPONT%d", i), Pos: pos})
		rec.Attendance = append(rec.Attendance, parse.Attendance{Person: id, Status: parse.Present, Pos: pos})
	}
	for i := range 60 {
		path := fmt.Sprint(i + 1)
		pos := parse.Pos{Page: 1 + i/10, Line: 100 + 20*i}
		rec.Agenda = append(rec.Agenda, parse.AgendaItem{Path: path, Number: s(path), Title: "Subvention à l'association", Level: 1, Pos: pos})
		rec.Items = append(rec.Items, parse.Item{Path: path, Number: s(path), Title: "Subvention à l'association", Level: 1,
			Kind: parse.KindDeliberation, AgendaPath: s(path),
			Text: "Le Maire expose au conseil municipal que l'association sollicite une subvention de fonctionnement pour l'année. " +
				"Après en avoir délibéré, le conseil municipal décide d'attribuer la somme de 1 500,00 € à l'association.",
			Decisions: []parse.Decision{{Outcome: parse.Adopted, Unanimous: true, Text: "Adopté à l'unanimité.", Pos: pos}},
			Exchanges: []parse.Exchange{{Speaker: s("p1"), SpeakerText: s("Mme DUPONT0"), Form: "direct", Text: "Quel est le montant de l'an dernier ?", Pos: pos}},
			Amounts:   []parse.Amount{{Value: "1500.00", Currency: s("EUR"), Text: "1 500,00 €", Pos: pos}},
			Pos:       pos, End: parse.Pos{Page: pos.Page, Line: pos.Line + 19}})
	}
	t := parse.Table{ItemPath: s("3"), Title: s("Budget primitif"), Section: s("Dépenses"),
		Columns: []string{"BP 2023", "BP 2024", "Écart"}, Units: []string{"EUR", "EUR", "EUR"}, Rows: []parse.Row{}, Pos: parse.Pos{Page: 2, Line: 150}}
	for i := range 40 {
		t.Rows = append(t.Rows, parse.Row{Code: s(fmt.Sprintf("%03d", 10+i)), Label: "Charges à caractère général", Kind: parse.RowLine,
			Values: []*string{s("1051236.00"), s("1100000.50"), s("48764.50")},
			Cells:  []*string{s("1 051 236,00 €"), s("1 100 000,50 €"), s("48 764,50 €")}, Pos: parse.Pos{Page: 2, Line: 151 + i}})
	}
	rec.Tables = append(rec.Tables, t)
	return rec
}

// BenchmarkSave measures a first save of a typical record (each iteration new content).
func BenchmarkSave(b *testing.B) {
	db, _ := openTest(b)
	base := typicalRecord("x")
	size, _ := json.Marshal(base)
	b.SetBytes(int64(len(size)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		rec := *base
		rec.Source.SHA256 = fmt.Sprintf("sha%d", i)
		if _, err := db.Save(fmt.Sprintf("dir/%d.txt", i), &rec); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkSaveUnchanged measures the re-save of content already loaded.
func BenchmarkSaveUnchanged(b *testing.B) {
	db, _ := openTest(b)
	rec := typicalRecord("x")
	if _, err := db.Save("a.txt", rec); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.Save("a.txt", rec); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkLookup measures the "already have it" check of an unchanged re-run.
func BenchmarkLookup(b *testing.B) {
	db, _ := openTest(b)
	if _, err := db.Save("a.txt", typicalRecord("x")); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok, err := db.Lookup("x"); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

// BenchmarkExportOne measures reading a typical record back from the tables.
func BenchmarkExportOne(b *testing.B) {
	db, _ := openTest(b)
	if _, err := db.Save("a.txt", typicalRecord("x")); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.ExportOne("x"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestTypicalRecordRoundTrip(t *testing.T) {
	db, _ := openTest(t)
	rec := typicalRecord("typ")
	if _, err := db.Save("typ.txt", rec); err != nil {
		t.Fatal(err)
	}
	got, err := db.ExportOne("typ")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "typical record", got, rec)
}

// BenchmarkSaveCorpus saves the parsed records of the dev corpus (new content each time).
func BenchmarkSaveCorpus(b *testing.B) {
	recs, size := corpusRecords(b)
	db, _ := openTest(b)
	b.SetBytes(size / int64(len(recs)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		rec := *recs[i%len(recs)]
		rec.Source.SHA256 = fmt.Sprintf("sha%d", i)
		if _, err := db.Save(fmt.Sprintf("dir/%d", i), &rec); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkSaveCorpusWriter is BenchmarkSaveCorpus without Prepare, done before the timer: the
// work left to an ingest's single writer, its bottleneck, while workers prepare. "deferred"
// saves as an ingest does (DeferIndex), "now" indexes each document in its own save.
func BenchmarkSaveCorpusWriter(b *testing.B) {
	recs, size := corpusRecords(b)
	for _, mode := range []struct {
		name string
		opts []SaveOption
	}{{"now", nil}, {"deferred", []SaveOption{DeferIndex()}}} {
		b.Run(mode.name, func(b *testing.B) {
			db, _ := openTest(b)
			ps := make([]*Prepared, b.N)
			for i := range ps {
				rec := *recs[i%len(recs)]
				rec.Source.SHA256 = fmt.Sprintf("sha%d", i)
				ps[i] = Prepare(&rec)
			}
			b.SetBytes(size / int64(len(recs)))
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := db.SavePrepared(fmt.Sprintf("dir/%d", i), ps[i], mode.opts...); err != nil {
					b.Fatal(err)
				}
			}
			// What waits is part of the work.
			if err := db.CatchUpIndex(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// corpusRecords parses the dev corpus, skipping the benchmark when it is absent, and returns
// the records and their JSON size.
func corpusRecords(b testing.TB) ([]*parse.Record, int64) {
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	var recs []*parse.Record
	var size int64
	for _, e := range entries {
		if e.IsDir() || e.Name() == "SOURCES.md" {
			continue
		}
		src, err := extract.File(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		rec := parse.Minutes(src)
		j, _ := json.Marshal(rec)
		size += int64(len(j))
		recs = append(recs, rec)
	}
	if len(recs) == 0 {
		b.Skip("no readable corpus document")
	}
	return recs, size
}

// cpuTime is the process's CPU time (user and system, all threads: SQLite runs on the
// goroutine's thread through cgo) in nanoseconds: less disturbed than wall time by other
// processes on a shared machine.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
