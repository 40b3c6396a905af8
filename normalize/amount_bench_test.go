package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchParagraph is a realistic paragraph of minutes (budget talk, dates, times, article numbers
// and years that are not amounts), repeated to the size of a document.
const benchParagraph = `Le Conseil Syndical, réuni le 15 décembre 2023 à 10h00 à Le Pouzin, sous la présidence
de Monsieur Jean-Luc CHAUMONT. Le budget 2023 s'élève à 1 051 236,00 € en fonctionnement et à
163 429,00 € en investissement, soit environ 4 250 000€ en consolidation avec l'EPIC. En 2023
1 200 € ont été versés au titre de l'article 16 ; la provision de 118 736,38 € est maintenue, et la
somme de 2,94 € a été reprise. Les crédits du chapitre 011 (charges à caractère général) passent de
77 000€ à 83 500 € HT, soit une hausse de 8,4 %. Le delta était de - 1.697€ ; entre 60 et 400€ par
commune, 35 heures par semaine, 13 communes à 5000€ chacune. La séance est levée à 12h47.
`

func benchText() string { return strings.Repeat(benchParagraph, 50000/len(benchParagraph)+1) }

func BenchmarkFindAmounts(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindAmounts(text)
	}
}

// BenchmarkFindAmountsCorpus runs over the text documents of the shared corpus, whose density of
// amounts is that of real minutes.
func BenchmarkFindAmountsCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no corpus")
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			FindAmounts(t)
		}
	}
}

func BenchmarkFindDates(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindDates(text)
	}
}

func BenchmarkFindTimes(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindTimes(text)
	}
}

func BenchmarkAmount(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Amount("1 051 236,00 €"); err != nil {
			b.Fatal(err)
		}
	}
}
