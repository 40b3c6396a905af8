package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"minutes/extract"
	"minutes/normalize"
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

// BenchmarkFlatBlocksCorpus measures flatBlocks alone (the line facts read before) on each
// text file of the development corpus.
func BenchmarkFlatBlocksCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		d := newDoc(src)
		d.lineBits()
		for b.Loop() {
			d.flatBlocks()
		}
	})
}

// BenchmarkStackBlocksCorpus measures stackBlocks alone (the line facts read before) on each
// text file of the development corpus.
func BenchmarkStackBlocksCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		d := newDoc(src)
		d.lineBits()
		for b.Loop() {
			d.stackBlocks()
		}
	})
}

// Reference forms of the leaf tests of the flattened and stacked readers, as they were written
// before they were read by hand: FuzzFlatLeaves checks each shortcut against its reference.

// endsInNumberRef is endsInNumber with strings.TrimRight.
func endsInNumberRef(s string) bool {
	s = strings.TrimRight(s, " €%)")
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// isTextRef is isText decoding every rune.
func isTextRef(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// proseLabelRef is proseLabel with a switch on every byte.
func proseLabelRef(s string) bool {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';', '!', '?', '"':
			return true
		case ',':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		case 0xc2:
			if i+1 < len(s) && (s[i+1] == 0xab || s[i+1] == 0xbb) {
				return true
			}
		case 0xe2:
			if i+2 < len(s) && s[i+1] == 0x82 && s[i+2] == 0xac {
				return true
			}
		}
	}
	return false
}

var flatLeafSeeds = []string{"", " ", "12", "12 €", "12 € ", "12€)", "12 %)", "a 12 \xe2\x82", "\x82\xac", "5\xe2\x82\xac", "5\xe2\xe2\x82\xac",
	"x\xc2\xac", "Total 1 234,56 €", "Année 2016", "é", "\xff", "ǅ", "1,5", "12 ; 3", "« a »", "a, b", "a,b", "3 000 € 4.5 %",
	"Page 3", " - 3 -", "–3", "+", "p", "\u00a0 12", "1\v2", "12\u2007000", "Compte 74833 ", "d 1 9 ; 8 0 j"}

func checkFlatLeaves(t *testing.T, s string) {
	t.Helper()
	if got, want := endsInNumber(s), endsInNumberRef(s); got != want {
		t.Errorf("endsInNumber(%q) = %v, want %v", s, got, want)
	}
	if got, want := isText(s), isTextRef(s); got != want {
		t.Errorf("isText(%q) = %v, want %v", s, got, want)
	}
	if got, want := proseLabel(s), proseLabelRef(s); got != want {
		t.Errorf("proseLabel(%q) = %v, want %v", s, got, want)
	}
	if got, want := numberToken(s), numberTokenRef(s); got != want {
		t.Errorf("numberToken(%q) = %v, want %v", s, got, want)
	}
	digits, mark := moneyDigits(s)
	if want := countDigits(s); digits != want {
		t.Errorf("moneyDigits(%q) counts %d digits, want %d", s, digits, want)
	}
	if want := strings.ContainsAny(s, ",.€%"); mark != want {
		t.Errorf("moneyDigits(%q) finds a mark: %v, want %v", s, mark, want)
	}
	if n := len(s); n > 0 && flatEdge[s[n-1]]&flatEdgeLast != 0 && flatEdge[s[0]]&flatEdgeFirst != 0 && flatMay(s) {
		t.Errorf("flatMay(%q) = true, but flatEdge rules it out", s)
	}
	if !pageLetterMay(s) && rePageLabel.MatchString(normalize.Fold(s)) {
		t.Errorf("pageLetterMay(%q) = false, but rePageLabel matches its fold", s)
	}
	if !pageLetterMay(s) && strings.Contains(normalize.Fold(s), "p") {
		t.Errorf("pageLetterMay(%q) = false, but its fold holds a p", s)
	}
	if isPageNumber(s) && !mayPageNumber(s) {
		t.Errorf("mayPageNumber(%q) = false, but isPageNumber says yes", s)
	}
	// The tail splitTail returns is single-spaced, so that amountGroupsSpaced reads it as
	// amountGroupsBuf does.
	_, tail := splitTail(s)
	if !singleSpaced(tail) {
		t.Errorf("splitTail(%q) returns the tail %q, not single-spaced", s, tail)
	}
	sq, gs, ok := amountGroupsSpaced(tail, nil)
	wsq, wgs, wok := amountGroupsBuf(tail, nil)
	if sq != wsq || ok != wok || !reflect.DeepEqual(gs, wgs) {
		t.Errorf("amountGroupsSpaced(%q) = %q %v %v, want %q %v %v", tail, sq, gs, ok, wsq, wgs, wok)
	}
}

func TestFlatLeaves(t *testing.T) {
	for _, s := range flatLeafSeeds {
		checkFlatLeaves(t, s)
	}
	// The runes isText passes over without the Unicode tables, and those around them.
	for r := rune(0x1ff0); r <= 0x20cf; r++ {
		checkFlatLeaves(t, "12 "+string(r))
	}
	// Every letter of U+00C0–U+00FF, which pageLetterMay lets by.
	for r := rune(0xc0); r <= 0xff; r++ {
		checkFlatLeaves(t, "x"+string(r)+"y page")
		checkFlatLeaves(t, "Total "+string(r))
	}
	for _, s := range extractedLines(t) {
		checkFlatLeaves(t, s)
	}
}

func FuzzFlatLeaves(f *testing.F) {
	for _, s := range flatLeafSeeds {
		f.Add(s)
	}
	f.Fuzz(checkFlatLeaves)
}

// TestFlatEdge checks flatEdge's shortcut: flatMay is false of every line it rules out, here
// every pair of first and last bytes around a few middles.
func TestFlatEdge(t *testing.T) {
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			if flatEdge[a]&flatEdgeFirst == 0 || flatEdge[b]&flatEdgeLast == 0 {
				continue
			}
			for _, mid := range []string{"", "12 ", " 1234 ", "x", "\u00a0"} {
				if s := string([]byte{byte(a)}) + mid + string([]byte{byte(b)}); flatMay(s) {
					t.Errorf("flatMay(%q) = true, but flatEdge rules it out", s)
				}
			}
			if s := string([]byte{byte(a)}); a == b && flatMay(s) {
				t.Errorf("flatMay(%q) = true, but flatEdge rules it out", s)
			}
		}
	}
}
