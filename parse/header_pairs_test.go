package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"minutes/extract"
)

// checkPairScan compares the tail's scan two bytes a move with blockScan on f and on each of its
// tails (every phase of the eight-byte steps).
func checkPairScan(t *testing.T, name, f string) {
	t.Helper()
	if !tailPaired {
		t.Fatal("tailIndex's moves over two bytes do not fit their table")
	}
	class := &tailIndex.dfa.class
	for k := 0; k < len(f) && k < 9; k++ {
		got := tailPairs.scan(&tailTable, class, f[k:], nil)
		want := blockScan(&tailTable, class, f[k:], nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s from %d: pair scan = %v, want %v (%q)", name, k, got, want, f[k:])
		}
	}
}

func TestPairScan(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"empty", ""},
		{"short word", "pv"},
		{"words at every phase", "la seance est levee, le prochain conseil ; fin de seance ; pv"},
		{"word across the eight bytes", "xxxxxxprochain suivant compte proces commune termin clotur clos"},
		{"overlapping words", "clotureclosleveleve pvpvpv commune commune "},
		{"non-ASCII", "séance levée à 19h30 — « procès-verbal » communes\x00\xff"},
		{"none", "les membres presents sont a la majorite"},
	} {
		checkPairScan(t, c.name, c.text)
	}
}

func TestPairScanCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		d := newDoc(src)
		checkPairScan(t, f, strings.Join(d.folded, "\n"))
	}
}

// TestPairTableBuild: the moves over two bytes are those of two single moves, for every state
// and pair of bytes.
func TestPairTableBuild(t *testing.T) {
	a := tailIndex.dfa
	p := &tailPairs
	for s := 0; s < len(a.out); s++ {
		for b := 0; b < 1<<16; b += 7 {
			m1 := tailTable[s*a.width+int(a.class[b&0xff])]
			m2 := tailTable[int(m1)+int(a.class[b>>8])]
			got := p.next[uint16(s<<p.shift)+p.class[b]]
			if p.single(got) != m2&^litEnds || got&litEnds != (m1|m2)&litEnds {
				t.Fatalf("state %d, bytes %#04x: move %#x, want state %#x flagged %v", s, b, got, m2&^litEnds, (m1|m2)&litEnds != 0)
			}
		}
	}
}

func FuzzPairScan(f *testing.F) {
	f.Add("Le compte rendu du 3 mai 2024 est approuvé.\nla com\nmune de Lyon\nLa séance est levée à 19h30.\n")
	f.Add("pv\nprocès\nfin d\ne séance\n\nterm\nine suivant prochain clos")
	f.Fuzz(func(t *testing.T, s string) {
		checkPairScan(t, "fuzz", s)
	})
}
