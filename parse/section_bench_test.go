package parse

import (
	"testing"

	"minutes/extract"
)

// BenchmarkHeadingLines reads every line of each corpus text file as a heading, with the
// per-line memo emptied each time (the cost of filling it: cleaning, leads, patterns), as
// sections does.
func BenchmarkHeadingLines(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		d := newDoc(src)
		for b.Loop() {
			d.heads = nil
			for i := range d.lines {
				d.headingOf(i, d.lines[i].Text, maxTitleRunes)
			}
		}
	})
}
