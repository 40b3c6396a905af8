package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/normalize"
)

// readCellRef is readCell before round 11, reading each cell with normalize.NumberOK (which
// builds the decimal readCell drops): the reference of readCell (now on NumberDigits) and of
// cellIsNumber.
func readCellRef(raw string) (cellValue, bool) {
	if !hasDigit(raw) {
		return cellValue{}, false
	}
	if m, ok := normalize.NumberOK(raw); ok {
		v := cellValue{Digits: m.Digits}
		switch {
		case m.Unit == "%":
			v.Unit = "%"
		case m.Currency != "":
			v.Unit = m.Currency
		}
		return v, true
	}
	return readCellTable(raw)
}

// checkCellIsNumber fails unless readCell and cellIsNumber answer as readCellRef on s.
func checkCellIsNumber(t *testing.T, s string) {
	t.Helper()
	want, wantOK := readCellRef(s)
	if got, ok := readCell(s); ok != wantOK || got != want {
		t.Errorf("readCell(%q) = %+v, %v; reference %+v, %v", s, got, ok, want, wantOK)
	}
	if got := cellIsNumber(s); got != wantOK {
		t.Errorf("cellIsNumber(%q) = %v, want %v", s, got, wantOK)
	}
	if got := cellCache(nil).isNumber(s); got != wantOK {
		t.Errorf("cellCache(nil).isNumber(%q) = %v, want %v", s, got, wantOK)
	}
}

// cellIsNumberCases are cells normalize reads, cells only readCellTable reads, and words.
var cellIsNumberCases = []string{
	"1 051 236,00 €", "343.908.000", "(1 200,00)", "- 1.697€", "– 1’697€", "22,49 %", "76.15%",
	"+ 0,92 %", "0,5522", "353 000 ,00 €", "€ 1 000", "7,50 € HT", "-0,00", "2,5 M€", "986 K €",
	"12 pts", "1.234,5.6", "On le met en place", "Néant", "", "-", "€", "(-1)", "2023", "12",
	"1 234 567 890 123 456 789,00", "Article 12", "(1 200,00 €)", "1 200.", "4\u00a0209,52\u00a0€",
}

func TestCellIsNumber(t *testing.T) {
	for _, s := range cellIsNumberCases {
		checkCellIsNumber(t, s)
	}
}

// TestCellIsNumberCorpus compares the readers on the corpus text: each line, each cell of a
// line parted by tabs or runs of two spaces, each run of one to four words.
func TestCellIsNumberCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/dev/*.txt")
	if len(files) == 0 {
		t.Skip("no corpus text in ../../shared/corpus/dev")
	}
	seen := make(map[string]bool)
	numbers := 0
	try := func(s string) {
		if !seen[s] {
			seen[s] = true
			checkCellIsNumber(t, s)
			if cellIsNumber(s) {
				numbers++
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			try(line)
			try(trimSpace(line))
			for _, c := range strings.Split(line, "\t") {
				try(trimSpace(c))
			}
			for _, c := range strings.Split(line, "  ") {
				try(trimSpace(c))
			}
			w := strings.Fields(line)
			for i := range w {
				for j := i + 1; j <= i+4 && j <= len(w); j++ {
					try(strings.Join(w[i:j], " "))
				}
			}
		}
	}
	if numbers == 0 {
		t.Errorf("no number among %d corpus cells", len(seen))
	}
}

// FuzzCellIsNumber checks readCell and cellIsNumber against readCellRef.
func FuzzCellIsNumber(f *testing.F) {
	for _, s := range cellIsNumberCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCellIsNumber(t, s)
	})
}

// checkUnicodeMinus fails unless hasUnicodeMinus tells whether minusLike changes s: readCellForms
// skips the replacer when it does not.
func checkUnicodeMinus(t *testing.T, s string) {
	t.Helper()
	if got, want := hasUnicodeMinus(s), minusLike.Replace(s) != s; got != want {
		t.Errorf("hasUnicodeMinus(%q) = %v, want %v", s, got, want)
	}
}

func TestHasUnicodeMinus(t *testing.T) {
	for _, s := range []string{"", "12", "– 1’697€", "— 3", "−12", "‐4", "12 €", "€", "\xe2\x80", "\xe2\x88", "a\xe2", "’", "…", "1\u202f200", "x\xe2\x82\xac\xe2\x88\x92"} {
		checkUnicodeMinus(t, s)
	}
}

func FuzzHasUnicodeMinus(f *testing.F) {
	f.Add("– 1’697€")
	f.Add("−12 €")
	f.Fuzz(checkUnicodeMinus)
}
