package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
)

// sharedDir returns ../shared (relative to the repository root), or skips the test when the
// clone has no shared corpus.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs("../../shared")
	if env := os.Getenv("MINUTES_SHARED"); env != "" {
		dir = env
	}
	if err != nil {
		t.Skip("no shared corpus")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus", "dev")); err != nil {
		t.Skip("no shared corpus at", dir)
	}
	return dir
}

// TestHeaderCorpus parses every gold document of the shared corpus and checks the header
// facts the gold records agree on. With MINUTES_PRED_DIR set it also writes each record there,
// named like its gold file, for ../shared/eval/score.py --pred.
func TestHeaderCorpus(t *testing.T) {
	dir := sharedDir(t)
	golds, _ := filepath.Glob(filepath.Join(dir, "eval", "gold", "*.json"))
	out := os.Getenv("MINUTES_PRED_DIR")
	for _, g := range golds {
		var gold struct {
			Source struct{ Name string } `json:"source"`
		}
		b, err := os.ReadFile(g)
		if err != nil || json.Unmarshal(b, &gold) != nil {
			t.Fatalf("gold %s unreadable", g)
		}
		src, err := extract.File(filepath.Join(dir, "corpus", "dev", gold.Source.Name))
		if err != nil {
			t.Logf("%s: %v", gold.Source.Name, err)
			continue
		}
		rec := Minutes(src)
		for _, dg := range rec.Diagnostics {
			if dg.Code == "internal" {
				t.Errorf("%s: %s", gold.Source.Name, dg.Message)
			}
		}
		if out != "" {
			js, _ := json.MarshalIndent(rec, "", " ")
			if err := os.WriteFile(filepath.Join(out, filepath.Base(g)), js, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestCorpusNoPanic parses every text file of the corpus: none may fail inside the parser.
func TestCorpusNoPanic(t *testing.T) {
	dir := sharedDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "corpus", "dev", "*"))
	for _, f := range files {
		if strings.HasSuffix(f, ".md") && strings.HasSuffix(f, "SOURCES.md") {
			continue
		}
		src, err := extract.File(f)
		if err != nil {
			continue
		}
		rec := Minutes(src)
		for _, dg := range rec.Diagnostics {
			if dg.Code == "internal" {
				t.Errorf("%s: %s", filepath.Base(f), dg.Message)
			}
		}
	}
}
