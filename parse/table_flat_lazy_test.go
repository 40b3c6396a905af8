package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"minutes/extract"
)

// flatBlocksAll is flatBlocks as it was before flatMay: every line read.
func (d *doc) flatBlocksAll() [][]flatLine {
	kinds := make([]flatKind, len(d.lines))
	at := make([]int32, len(d.lines))
	var read []flatLine
	for i, l := range d.lines {
		fl := readFlat(i, l.Text)
		kinds[i], at[i] = fl.kind, int32(len(read))
		if fl.kind != flatOther {
			read = append(read, fl)
		}
	}
	var out [][]flatLine
	for i := 0; i < len(kinds); {
		if kinds[i] != flatData && kinds[i] != flatOpen {
			i++
			continue
		}
		start := i
		for start > 0 && i-start < 2 && kinds[start-1] == flatHead {
			start--
		}
		end := i
		for j := i; j < len(kinds); j++ {
			k := kinds[j]
			if k == flatData || k == flatOpen || k == flatHead {
				end = j
				continue
			}
			if k == flatText || k == flatPage || k == flatOther {
				g := j
				for g < len(kinds) && g-j < 3 && kinds[g] != flatData && kinds[g] != flatOpen && kinds[g] != flatHead {
					if kinds[g] == flatOther && !(g+1 < len(kinds) && kinds[g+1] == flatPage) {
						break
					}
					g++
				}
				if g < len(kinds) && g-j < 3 && (kinds[g] == flatData || kinds[g] == flatOpen || kinds[g] == flatHead) {
					j = g - 1
					continue
				}
				break
			}
		}
		blk := make([]flatLine, end-start+1)
		for j := range blk {
			if k := start + j; kinds[k] == flatOther {
				blk[j] = flatLine{idx: k}
			} else {
				blk[j] = read[at[k]]
			}
		}
		for len(blk) > 0 && blk[len(blk)-1].kind == flatHead {
			blk = blk[:len(blk)-1]
			end--
		}
		if flatIsTable(blk) {
			out = append(out, blk)
		}
		i = max(end+1, i+1)
	}
	return out
}

// textDoc is a document of the lines of text.
func textDoc(text string) *doc {
	src := &extract.Source{}
	for k, l := range strings.Split(text, "\n") {
		src.Lines = append(src.Lines, extract.Line{Pos: extract.Pos{Page: 1, Line: k + 1}, Text: l})
	}
	return newDoc(src)
}

// checkFlatBlocks compares flatBlocks with flatBlocksAll on a document.
func checkFlatBlocks(t *testing.T, name, text string) int {
	t.Helper()
	got, want := textDoc(text).flatBlocks(), textDoc(text).flatBlocksAll()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: flatBlocks = %v, want %v", name, got, want)
	}
	return len(want)
}

func TestFlatBlocksLazy(t *testing.T) {
	const budget = "FONCTIONNEMENT : RECETTES DÉPENSES\n60633 Fournitures de voirie -565.00\n023 Virement à la section\nd'investissement -5412.00\n" +
		"Page 3\n6042 Achats 1 200,00 €\nTOTAL : 2 698.00 2 698.00\nLe conseil adopte."
	if n := checkFlatBlocks(t, "budget", budget); n == 0 {
		t.Errorf("budget: no block found, the test reads nothing")
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "variants", "*"))
	if len(files) == 0 {
		t.Skip("no ../shared corpus")
	}
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		checkFlatBlocks(t, filepath.Base(f), string(data))
	}
}

func FuzzFlatMay(f *testing.F) {
	for _, s := range []string{"60633 Fournitures de voirie -565.00", "023 Virement", "TOTAL : 2 698.00 2 698.00",
		"Achats 12 %)\u00a0", "RECETTES\n60633 Voirie -565.00\n023 Virement\nsuite -5412.00\nPage 3\nTOTAL 2 698.00\nfin", "\u00a012 Achats", "Achats 1 200,00 €", "Le 3 mars 2024, le conseil.", "  45  Travaux  12  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k := readFlat(0, s).kind; (k == flatData || k == flatOpen) && !flatMay(s) {
			t.Errorf("flatMay(%q) = false, but readFlat reads kind %d", s, k)
		}
		if strings.Count(s, "\n") < 40 {
			checkFlatBlocks(t, "fuzzed", s)
		}
	})
}
