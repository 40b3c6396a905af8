package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
)

// BenchmarkFlatRowsCorpus measures the line facts and the search of flattened and stacked
// tables (flatRowLines, which isTableLine runs on its first call) on each text file of the
// development corpus (skipped without ../shared): the document is made once, its memo of line
// facts dropped before each run.
func BenchmarkFlatRowsCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		d := newDoc(src)
		for b.Loop() {
			d.flatMemo = nil
			d.flatRowLines()
		}
	})
}

// extractedLines returns every line of the development corpus's text files (skipping tb without
// ../shared).
func extractedLines(tb testing.TB) []string {
	var out []string
	for _, f := range corpusTexts(tb) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range src.Lines {
			out = append(out, l.Text)
		}
	}
	return out
}

// BenchmarkByteFacts measures the byte facts of every line of the development corpus.
func BenchmarkByteFacts(b *testing.B) {
	lines := extractedLines(b)
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var sink uint8
	for b.Loop() {
		for _, l := range lines {
			sink |= byteFacts(l)
		}
	}
	_ = sink
}

// scanLineRef is scanLine byte by byte.
func scanLineRef(s string) (tab, pipe, lead, pair bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		tab = tab || c == '\t'
		pipe = pipe || c == '|'
		lead = lead || c == 0xc2 || c == 0xe2
		pair = pair || i > 0 && c < '!' && s[i-1] < '!'
	}
	return tab, pipe, lead, pair
}

var scanLineSeeds = []string{"", "a", "\t", "|", "\xc2", "\xe2", "\xc3\xa9", "a  b", "abcdefg ", "abcdefg  ", "abcdefgh ", " abcdefgh ijklmnop",
	"abcdefghijklmnop\t", "abcdefgh\x00\x00", "\x00abcdefgh\x00", "abcdefg\x20\x20bcdefgh", "abcdefgh\x20\x20cdefgh", "\xe2\x80\x99abcdefgh",
	"\x89\x89\x89\x89\x89\x89\x89\x89", "\xfc\xfc\xfc\xfc\xfc\xfc\xfc\xfc\xfc", "\x08\x0a\x08\x0a\x08\x0a\x08\x0a", "\x20\x21\x20\x21\x20\x21\x20\x21\x20\x21"}

func checkScanLine(t *testing.T, s string) {
	t.Helper()
	a, b, c, d := scanLine(s)
	wa, wb, wc, wd := scanLineRef(s)
	if a != wa || b != wb || c != wc || d != wd {
		t.Errorf("scanLine(%q) = %v %v %v %v, want %v %v %v %v", s, a, b, c, d, wa, wb, wc, wd)
	}
}

func TestScanLine(t *testing.T) {
	for _, s := range scanLineSeeds {
		checkScanLine(t, s)
	}
	// Every byte of interest at every place of lines of every length up to 24.
	for n := 1; n <= 24; n++ {
		for k := 0; k < n; k++ {
			for _, c := range []byte{'\t', '|', 0xc2, 0xe2, ' ', 0x00, 0x20, 0x21, 0x7f, 0x80, 0xff} {
				b := []byte(strings.Repeat("x", n))
				b[k] = c
				checkScanLine(t, string(b))
				if k+1 < n {
					b[k+1] = c
					checkScanLine(t, string(b))
				}
			}
		}
	}
}

func FuzzScanLine(f *testing.F) {
	for _, s := range scanLineSeeds {
		f.Add(s)
	}
	f.Fuzz(checkScanLine)
}
