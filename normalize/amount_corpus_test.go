package normalize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The shared corpus and gold records live next to the repository, not in it: users' clones lack
// them, and these tests skip then.
const (
	corpusDir = "../../shared/corpus/dev"
	goldDir   = "../../shared/eval/gold"
)

// goldRecord is the part of a gold record these tests read.
type goldRecord struct {
	Source struct {
		Name string `json:"name"`
	} `json:"source"`
	Items []struct {
		Amounts []struct {
			Value string `json:"value"`
			Text  string `json:"text"`
		} `json:"amounts"`
	} `json:"items"`
}

func readGold(t *testing.T) map[string]goldRecord {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no gold records in %s", goldDir)
	}
	out := make(map[string]goldRecord)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldRecord
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = g
	}
	return out
}

// textFiles returns the corpus files that are text (PDFs need the extract package).
func textFiles(t *testing.T) []string {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no corpus: %v", err)
	}
	var out []string
	for _, ext := range []string{"*.txt", "*.md", "*.html"} {
		m, _ := filepath.Glob(filepath.Join(corpusDir, ext))
		out = append(out, m...)
	}
	var keep []string
	for _, f := range out {
		if filepath.Base(f) != "SOURCES.md" {
			keep = append(keep, f)
		}
	}
	return keep
}

// TestCorpusFinders runs every finder over every text file of the corpus: nothing may panic,
// spans must be in order and inside the text, and every amount's digits must equal its value.
func TestCorpusFinders(t *testing.T) {
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		ams, ds, ts := FindAmounts(text), FindDates(text), FindTimes(text)
		prev := 0
		for _, m := range ams {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) || text[m.Start:m.End] != m.Money.Raw {
				t.Errorf("%s: bad amount span %d-%d %q", filepath.Base(f), m.Start, m.End, m.Money.Raw)
			}
			prev = m.End
			if d, err := decimal.NewFromString(m.Money.Digits); err != nil || !d.Equal(m.Money.Value) {
				t.Errorf("%s: amount %q digits %q value %s", filepath.Base(f), m.Money.Raw, m.Money.Digits, m.Money.Value)
			}
		}
		prev = 0
		for _, d := range ds {
			if d.Start < prev || d.End <= d.Start || d.End > len(text) {
				t.Errorf("%s: bad date span %d-%d", filepath.Base(f), d.Start, d.End)
			}
			prev = d.End
		}
		prev = 0
		for _, tm := range ts {
			if tm.Start < prev || tm.End <= tm.Start || tm.End > len(text) {
				t.Errorf("%s: bad time span %d-%d", filepath.Base(f), tm.Start, tm.End)
			}
			prev = tm.End
		}
		t.Logf("%s: %d amounts, %d dates, %d times", filepath.Base(f), len(ams), len(ds), len(ts))
	}
}

// TestGoldAmounts checks the amount reader against the hand-checked amounts of the gold records:
// each gold amount's text must yield the gold value, and in the text documents FindAmounts must
// find the gold values. Recall floors keep it from silently getting worse.
func TestGoldAmounts(t *testing.T) {
	gold := readGold(t)
	var hits, total int
	var docHits, docTotal int
	for name, g := range gold {
		var values []decimal.Decimal
		for _, it := range g.Items {
			for _, a := range it.Amounts {
				want, err := decimal.NewFromString(a.Value)
				if err != nil {
					t.Errorf("%s: gold value %q: %v", name, a.Value, err)
					continue
				}
				values = append(values, want)
				if a.Text == "" {
					continue
				}
				total++
				ok := false
				for _, m := range FindAmounts(a.Text) {
					ok = ok || m.Money.Value.Equal(want)
				}
				if ok {
					hits++
				} else {
					t.Logf("%s: %q: no amount %s found", name, a.Text, a.Value)
				}
			}
		}
		// Document level: the gold values among the amounts found in the whole text.
		path := filepath.Join(corpusDir, g.Source.Name)
		if !strings.HasSuffix(path, ".txt") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		found := FindAmounts(string(data))
		used := make([]bool, len(found))
		for _, v := range values {
			docTotal++
			for i, m := range found {
				if !used[i] && m.Money.Value.Equal(v) {
					used[i] = true
					docHits++
					break
				}
			}
		}
		t.Logf("%s: document: %d amounts found, gold %d", name, len(found), len(values))
	}
	if total == 0 {
		t.Skip("no gold amount texts")
	}
	t.Logf("gold amount texts: %d/%d read to the gold value (%.1f%%)", hits, total, 100*float64(hits)/float64(total))
	t.Logf("gold amounts found in their text documents: %d/%d (%.1f%%)", docHits, docTotal, 100*float64(docHits)/float64(max(docTotal, 1)))
	if float64(hits) < 0.95*float64(total) {
		t.Errorf("recall on gold amount texts %d/%d is below 95%%", hits, total)
	}
	if float64(docHits) < 0.95*float64(docTotal) {
		t.Errorf("recall on gold amounts in their documents %d/%d is below 95%%", docHits, docTotal)
	}
}

// goldMeeting is the meeting part of a gold record: its dates and times.
type goldMeeting struct {
	Source struct {
		Name string `json:"name"`
	} `json:"source"`
	Meeting struct {
		Date        *string `json:"date"`
		StartTime   *string `json:"start_time"`
		EndTime     *string `json:"end_time"`
		ConvenedOn  *string `json:"convened_on"`
		Previous    *string `json:"previous_minutes_date"`
		NextMeeting *struct {
			Date *string `json:"date"`
			Time *string `json:"time"`
		} `json:"next_meeting"`
	} `json:"meeting"`
}

// TestGoldDatesTimes checks that the dates and times of the gold meetings are among those that
// FindDates and FindTimes report over the text documents.
func TestGoldDatesTimes(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no gold records in %s", goldDir)
	}
	var hits, total int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldMeeting
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text, err := os.ReadFile(filepath.Join(corpusDir, g.Source.Name))
		if err != nil || !strings.HasSuffix(g.Source.Name, ".txt") {
			continue
		}
		found := make(map[string]bool)
		for _, d := range FindDates(string(text)) {
			found[d.ISO] = true
		}
		for _, tm := range FindTimes(string(text)) {
			found[tm.HHMM] = true
		}
		m := g.Meeting
		want := []*string{m.Date, m.StartTime, m.EndTime, m.ConvenedOn, m.Previous}
		if m.NextMeeting != nil {
			want = append(want, m.NextMeeting.Date, m.NextMeeting.Time)
		}
		for _, w := range want {
			if w == nil {
				continue
			}
			total++
			if found[*w] {
				hits++
			} else {
				t.Logf("%s: %s not found", g.Source.Name, *w)
			}
		}
	}
	if total == 0 {
		t.Skip("no gold meeting values for text documents")
	}
	t.Logf("gold meeting dates and times found in their text documents: %d/%d", hits, total)
	if hits < total {
		t.Errorf("%d of %d gold meeting dates and times not found", total-hits, total)
	}
}
