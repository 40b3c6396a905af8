package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
)

// lineBitsRef is readLineBits line by line: byteFacts of each line alone.
func lineBitsRef(lines []extract.Line) []uint8 {
	rows := make([]uint8, len(lines))
	for i, l := range lines {
		rows[i] = byteFacts(l.Text)
	}
	return rows
}

// checkLineBits compares readLineBits over src with lineBitsRef.
func checkLineBits(t *testing.T, name string, lines []extract.Line, src string) {
	t.Helper()
	got, want := readLineBits(lines, src), lineBitsRef(lines)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: line %d %q: readLineBits = %08b, want %08b", name, i, lines[i].Text, got[i], want[i])
			return
		}
	}
}

// splitSource cuts text into lines at every newline and form feed, as extract.Text does.
func splitSource(text string) []extract.Line {
	var lines []extract.Line
	for _, s := range strings.Split(strings.ReplaceAll(text, "\f", "\n"), "\n") {
		lines = append(lines, extract.Line{Text: s})
	}
	return lines
}

// TestReadLineBitsCorpus checks readLineBits on every text file of the development corpus,
// with the lines as extracted (some of them taken out as page furniture) and with every third
// line left out, or changed, as a line cleaned by extract is.
func TestReadLineBitsCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		checkLineBits(t, name, src.Lines, src.Decoded)
		checkLineBits(t, name+" (no text)", src.Lines, "")
		var some, changed []extract.Line
		for i, l := range src.Lines {
			if i%3 != 0 {
				some = append(some, l)
			}
			if i%3 == 1 {
				l.Text = strings.ReplaceAll(l.Text, "e", "  ")
			}
			changed = append(changed, l)
		}
		checkLineBits(t, name+" (lines left out)", some, src.Decoded)
		checkLineBits(t, name+" (lines changed)", changed, src.Decoded)
	}
}

// readLineBitsSeeds are texts whose lines hold the bytes readLineBits looks for, at the
// edges of a line and of a word.
var readLineBitsSeeds = []string{
	"", "\n", "a\tb\n|x|\n", "abc \nd", "abcdefg \n abcdefgh", "1 234\u00a0€\nx\u202fy\n\u2009",
	"abcdefg\xc2\n\xa0bcdefg\xe2\x80\n\x87", "a  b\n\n\n  \n", "\fpage\f\f deux  \t",
	"€ l’été « x » 12\u00a0000 \u2007 \u2009 \u202f\t|", "x\x00\x00y\n\x01 ", "a\n\nb\f\n c", "x\r\ry \r", "Chapitre 011   Charges   12 000,00\n",
}

func FuzzReadLineBits(f *testing.F) {
	for i, s := range readLineBitsSeeds {
		f.Add(s, uint8(i), "\u00a0")
	}
	f.Fuzz(func(t *testing.T, text string, drop uint8, repl string) {
		all := splitSource(text)
		checkLineBits(t, "split", all, text)
		// Lines left out (page furniture) or changed (cleaned) are not where src has them.
		var some []extract.Line
		for i, l := range all {
			if drop != 0 && i%int(drop%7+1) == 0 {
				if drop&8 != 0 {
					continue
				}
				l.Text = strings.Replace(l.Text, "a", repl, 1)
			}
			some = append(some, l)
		}
		checkLineBits(t, "some", some, text)
		// Lines holding newlines (cut at form feeds only), which a gap may hold too.
		var pages []extract.Line
		for _, p := range strings.Split(text, "\f") {
			pages = append(pages, extract.Line{Text: p})
		}
		checkLineBits(t, "pages", pages, text)
	})
}

// TestNextThinSpace checks nextThinSpace against hasUnicodeSpace from every place of texts
// holding the lead byte E2 in every sequence, whole or cut at the end.
func TestNextThinSpace(t *testing.T) {
	for _, s := range []string{"", "\xe2", "\xe2\x80", "a\u2009", "\u2019\u2007", "x\u202f\u2009y", "\u20ac\u2013\xe2\x80\x89", "\u00a0\u2008\u200a", "\xe2\xe2\x80\x87"} {
		for o := 0; o <= len(s); o++ {
			got := nextThinSpace(s, o)
			want := len(s)
			for p := o; p < len(s); p++ {
				if strings.HasPrefix(s[p:], "\u2007") || strings.HasPrefix(s[p:], "\u2009") || strings.HasPrefix(s[p:], "\u202f") {
					want = p
					break
				}
			}
			if got != want {
				t.Errorf("nextThinSpace(%q, %d) = %d, want %d", s, o, got, want)
			}
		}
	}
}

// BenchmarkLineBitsCorpus measures readLineBits over each text file of the development corpus.
func BenchmarkLineBitsCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		for b.Loop() {
			readLineBits(src.Lines, src.Decoded)
		}
	})
}
