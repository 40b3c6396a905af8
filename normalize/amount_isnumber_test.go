package normalize

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// isNumberCases are cells of every kind NumberOK tells apart: numbers with each separator,
// sign, currency, multiplier and percent, what is not one number, and values decimalOf cannot
// read in an int64 (more than 18 digits, more decimals than MaxDecodeExponent).
var isNumberCases = []string{
	"", " ", "Néant", "-", "12", "0", "007", " 1200 ", "1 051 236,00", "343.908.000", "1.697",
	"699.92€", "699.92", "273 769.28 €", "77 000€", "€ 1 200", "- 1.697€", "+500 €", "(12,5 %)",
	"12,5 %", "(-3)", "(3)", "( 1 200,00 € )", "2,5 M€", "986 K €", "2 millions d'euros",
	"1,2 Md€", "16 098,16 TTC", "100 € HT", "353 000 ,00 €", "405, 59 €", "405, 59",
	"01.01.2024", "1.2.3", "1,234.56", "2023 1 200 €", "12 €uros", "5 francs", "3 FF",
	"1\u00a0200,50", "1\u202f200", "1’697", "1'697", "1 070  000  €", "3 900\n747 €", "12 ab",
	"n°12", "12-13", "−12", "–12 €", "12 345 678 901 234 567", "1 234 567 890 123 456 789",
	"123456789012345678", "1234567890123456789", "12 345 678 901 234 567 890 123,45 €",
	"0," + strings.Repeat("1", 10001), "0," + strings.Repeat("1", 10000), "1," + strings.Repeat("0", 20) + " k€",
	"(12) €", "((12))", "12 %", "12%", "-(12)", "1 200.", "1 200,", ",5", ".5",
}

// checkIsNumber fails unless IsNumber and NumberDigits answer as NumberOK on s.
func checkIsNumber(t *testing.T, s string) {
	t.Helper()
	want, ok := NumberOK(s)
	if got := IsNumber(s); got != ok {
		t.Errorf("IsNumber(%q) = %v, NumberOK's ok %v", s, got, ok)
	}
	want.Value = decimal.Decimal{}
	if got, gotOK := NumberDigits(s); gotOK != ok || !reflect.DeepEqual(got, want) {
		t.Errorf("NumberDigits(%q) = %+v, %v; NumberOK without its Value: %+v, %v", s, got, gotOK, want, ok)
	}
}

func TestIsNumber(t *testing.T) {
	for _, s := range isNumberCases {
		checkIsNumber(t, s)
	}
	// Every case is also tried in parentheses and around a sign, as a table writes a debit.
	for _, s := range isNumberCases {
		checkIsNumber(t, "("+s+")")
		checkIsNumber(t, "-"+s)
	}
}

// cellGap parts the cells of a text table: a tab or a run of two spaces or more.
var cellGap = regexp.MustCompile(`\t| {2,}`)

// TestIsNumberCorpus compares the readers on the cells of the corpus text files: each line,
// each cell of a line parted by tabs or wide gaps, and each run of one to four words.
func TestIsNumberCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no corpus text in %s", corpusDir)
	}
	seen := make(map[string]bool)
	try := func(s string) {
		if !seen[s] {
			seen[s] = true
			checkIsNumber(t, s)
		}
	}
	numbers := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			try(line)
			for _, c := range cellGap.Split(line, -1) {
				try(c)
			}
			w := strings.Fields(line)
			for i := range w {
				for j := i + 1; j <= i+4 && j <= len(w); j++ {
					try(strings.Join(w[i:j], " "))
				}
			}
		}
	}
	for s := range seen {
		if IsNumber(s) {
			numbers++
		}
	}
	if numbers == 0 {
		t.Errorf("no number among %d corpus cells", len(seen))
	}
	t.Logf("%d cells, %d numbers", len(seen), numbers)
}

// FuzzIsNumber checks IsNumber and NumberDigits against NumberOK.
func FuzzIsNumber(f *testing.F) {
	for _, s := range isNumberCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkIsNumber(t, s)
	})
}
