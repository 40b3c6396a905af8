package store

import (
	"os"
	"path/filepath"
	"testing"

	"minutes/extract"
	"minutes/parse"
)

// preparedRecords are the records TestPreparedValues prepares: a typical one, and the dev
// corpus's when it is there.
func preparedRecords(t *testing.T) []*parse.Record {
	recs := []*parse.Record{typicalRecord("typ")}
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Logf("corpus not available: %v", err)
		return recs
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == "SOURCES.md" {
			continue
		}
		src, err := extract.File(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		recs = append(recs, parse.Minutes(src))
	}
	return recs
}

// TestPreparedValues checks what the writer takes from Prepare without looking: every argument
// a value the driver binds as it is, numbered from 1 within the statement that writes it.
func TestPreparedValues(t *testing.T) {
	for _, rec := range preparedRecords(t) {
		p := Prepare(rec)
		for _, tb := range writeOrder {
			nv := p.rows[tb.idx]
			if len(nv)%tb.cols != 0 {
				t.Fatalf("%s: %s: %d arguments for %d columns", rec.Source.Name, tb.name, len(nv), tb.cols)
			}
			if got, want := len(p.ids[tb.idx]), len(nv)/tb.cols*len(tb.idCols); got != want {
				t.Errorf("%s: %s: %d ids, want %d", rec.Source.Name, tb.name, got, want)
			}
			// The writer takes the document's relative id to be 0 without looking.
			for k, id := range p.ids[tb.idx] {
				if tb.idCols[k%len(tb.idCols)].kind == kDoc && id != 0 {
					t.Errorf("%s: %s: document id %d, want 0", rec.Source.Name, tb.name, id)
				}
			}
			for len(nv) > 0 {
				m := batchSizes[batch(len(nv)/tb.cols)] * tb.cols
				for i, a := range nv[:m] {
					if a.Ordinal != i+1 || a.Name != "" {
						t.Fatalf("%s: %s: argument %d of its statement numbered %d %q", rec.Source.Name, tb.name, i+1, a.Ordinal, a.Name)
					}
					switch a.Value.(type) {
					case nil, int64, string, bool:
					default:
						t.Errorf("%s: %s: argument %d is a %T", rec.Source.Name, tb.name, i+1, a.Value)
					}
				}
				nv = nv[m:]
			}
		}
		for i, v := range p.index {
			switch v.(type) {
			case string:
			case nil:
				if i%2 == 1 {
					t.Errorf("%s: index body %d is NULL", rec.Source.Name, i/2)
				}
			default:
				t.Errorf("%s: index entry %d is a %T", rec.Source.Name, i, v)
			}
		}
		p.Release()
	}
}

// FuzzCents checks cents's reading of plain values against the decimal package's, for any text.
func FuzzCents(f *testing.F) {
	for _, s := range []string{"", "0", "-0", "-0.00", "1500.00", "12.345", "12.340", "0.5", ".5", "1.", "+5", "-", "1e3",
		"1.2.3", "−12.50", "9999999999999999.99", "99999999999999999", "0.00000000000000001", "0.0000000000000000",
		"1234567890123456.1234567890123456", "12a", " 12", "00012.10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cents(&s), decimalCents(s); got != want {
			t.Errorf("cents(%q) = %v, want %v", s, got, want)
		}
	})
}
