package parse

import (
	"os"
	"strings"
	"testing"

	"minutes/extract"
)

// corpusListTexts returns the lines of the dev corpus and their list entries (as appendItems
// splits them), the texts the attendance readers read; nil when the corpus is absent.
func corpusListTexts(tb testing.TB) []string {
	var out []string
	for _, f := range corpusTextFiles() {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		src, err := extract.Bytes(f, data)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range src.Lines {
			out = append(out, l.Text)
			for _, it := range splitItems(l.Text) {
				out = append(out, it.text)
			}
		}
	}
	return out
}

// mayHoldProxyCases are texts for the proxy-word test: words as written, in capitals, with
// accents, cut short, and runes that lower to ASCII letters.
var mayHoldProxyCases = []string{
	"", "M. Jean DUPONT", "Mme X donne pouvoir à M. Y", "POUVOIR", "Procuration de M. X",
	"représenté par M. Y", "REPRÉSENTÉE PAR", "Représent", "délégation", "DÉLÉGATION", "delegatio",
	"pouvoi", "pouvoİr", "pouvo\u0130r", "p", "x\xffpouvoir", "pou\xffvoir", "ÀPOUVOIR", "procurati",
	"délég\u0301ation", "repr\u00c9sent", "Kpouvoir", "\u212apouvoir", strings.Repeat("é", 100) + "pouvoir",
}

// TestMayHoldProxy compares mayHoldProxy with its reference (mayHoldProxyRef, on
// strings.ToLower) on the cases and on every line and entry of the corpus.
func TestMayHoldProxy(t *testing.T) {
	texts := append(append([]string{}, mayHoldProxyCases...), corpusListTexts(t)...)
	for _, s := range texts {
		if got, want := mayHoldProxy(s), mayHoldProxyRef(s); got != want {
			t.Errorf("mayHoldProxy(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzMayHoldProxy(f *testing.F) {
	for _, s := range mayHoldProxyCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mayHoldProxy(s), mayHoldProxyRef(s); got != want {
			t.Errorf("mayHoldProxy(%q) = %v, want %v", s, got, want)
		}
	})
}
