package parse

import (
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
)

// checkSourceSpan compares sourceSpan with joinParas on the paragraphs of windows of d's lines
// after the header and attendance readers ran (their lines are no paragraphs), and returns how
// many windows sourceSpan sliced.
func checkSourceSpan(t *testing.T, name string, d *doc) (sliced int) {
	t.Helper()
	for a := 0; a < len(d.lines); a += 3 {
		for _, w := range []int{1, 4, 15, 60} {
			paras := d.paragraphs(a, a+w)
			for _, p := range paras {
				if got, want := d.paraText(p), d.joinParasRef(p); got != want {
					t.Fatalf("%s line %d: paraText = %q, want %q", name, p.lines[0], got, want)
				}
			}
			got, gb, ok := d.sourceSpan(paras, nil)
			want, wb := d.joinParas(paras, nil)
			if !ok {
				continue
			}
			sliced++
			if got != want || !slicesEqual(gb, wb) {
				t.Fatalf("%s lines %d..%d: sourceSpan = %q %v, want %q %v", name, a, a+w, got, gb, want, wb)
			}
		}
	}
	return sliced
}

// joinParasRef is paraText by joinParas, without the slice of the source.
func (d *doc) joinParasRef(p para) string {
	t, _ := d.joinParas([]para{p}, nil)
	return t
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// readyDoc is newDoc with the header and attendance read.
func readyDoc(src *extract.Source) *doc {
	d := newDoc(src)
	d.header()
	d.attendance()
	return d
}

// TestSourceSpanAgreesWithJoin: where a section's text is sliced out of the source, it is the
// text joinParas writes, on every text of the corpus and on texts built to defeat the slice
// (trailing spaces, page breaks, several blank lines, cleaned control characters, CRLF).
func TestSourceSpanAgreesWithJoin(t *testing.T) {
	texts := map[string]string{
		"plain":    "Le conseil approuve.\nSuite du texte.\n\nDeuxième paragraphe.\n",
		"trailing": "Le conseil approuve.  \nSuite du texte.\n\nDeuxième paragraphe. \n",
		"pages":    "Le conseil approuve.\fSuite du texte.\n\n\nDeuxième paragraphe.\n\f\nTrois.\n",
		"control":  "Le conseil \x01approuve.\nSuite du texte.\n\nDeuxième\x7f paragraphe.\n",
		"crlf":     "Le conseil approuve.\r\nSuite du texte.\r\n\r\nDeuxième paragraphe.\r\n",
		"blanks":   "Un.\n   \nDeux.\n\t\nTrois.\nQuatre.\n\n\n\nCinq.",
	}
	for name, text := range texts {
		src, err := extract.Text([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if n := checkSourceSpan(t, name, readyDoc(src)); n == 0 && name == "plain" {
			t.Errorf("sourceSpan sliced no window of %q", text)
		}
	}
	files := append([]string{filepath.Join("..", "testdata", "sample", "numerian-2023-12-15.txt")}, corpusTextFiles()...)
	sliced := 0
	for _, f := range files {
		src, err := extract.File(f)
		if err != nil {
			t.Fatal(err)
		}
		sliced += checkSourceSpan(t, filepath.Base(f), readyDoc(src))
	}
	if sliced == 0 {
		t.Error("sourceSpan sliced no window of the sample and corpus")
	}
}

// TestSourceSpanOutsideSource: lines that are not substrings of the source text, even equal
// to parts of it, are joined, never sliced.
func TestSourceSpanOutsideSource(t *testing.T) {
	src, err := extract.Text([]byte("Un.\nDeux.\n\nTrois.\n"))
	if err != nil {
		t.Fatal(err)
	}
	copied := *src
	copied.Lines = append([]extract.Line(nil), src.Lines...)
	for k := range copied.Lines {
		copied.Lines[k].Text = strings.Clone(copied.Lines[k].Text)
	}
	d := readyDoc(&copied)
	paras := d.paragraphs(0, len(d.lines))
	if _, _, ok := d.sourceSpan(paras, nil); ok {
		t.Error("sourceSpan sliced lines that are copies")
	}
	copied.Decoded = ""
	if _, _, ok := readyDoc(&copied).sourceSpan(paras, nil); ok {
		t.Error("sourceSpan sliced without a source text")
	}
}
