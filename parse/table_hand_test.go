package parse

import (
	"testing"

	"minutes/normalize"
)

// tableHandCases are cells and labels the hand readers of table_hand.go must read as their
// patterns do.
var tableHandCases = []string{
	"", "1", "12", "6.5.2", "1.", "1..", "1.2.", ".1", "1.a", "12)", "II", "IV.", "IV..", "I)", "X.",
	"Ia", "IVa", "a)", "B.", "a", "ab", "a))", "-", "*", "–", "—", "•", "·", "➢", "✓", "▪", "►",
	"\uf0b7", "\uf0d8", "\uf0a7", "\uf0fc", "-a", "––", "\xe2", "\xe2\x80", "\ufffd", "é", "é)",
	"total", "totaux", "total :", "total:", "total :: ", "total::", "total general", "total  general :",
	"total\tdes\nbudgets", "total cumule", "montant total", "montant  total:", "total ttc", "total ht",
	"total htx", "totalx", "total\v:", "total\vht", " total", "totale", "sous-total", "sous total",
	"soustotal", "sous-totale", "sous-totalex", "sous-total_", "sous-total é", "s/total", "s/totaux",
	"total_", "total1", "total.", "totaux2", "sous  total", "sous\ttotal", "Total", "montant",
}

func TestTableHandAgree(t *testing.T) {
	for _, s := range tableHandCases {
		t.Run(s, func(t *testing.T) {
			checkTableHand(t, s)
		})
	}
}

func checkTableHand(t *testing.T, s string) {
	t.Helper()
	if got, want := numberingCell(s), reNumbering.MatchString(s); got != want {
		t.Errorf("numberingCell(%q) = %v, want %v", s, got, want)
	}
	if got, want := totalLabel(s), reTableTotal.MatchString(s); got != want {
		t.Errorf("totalLabel(%q) = %v, want %v", s, got, want)
	}
	if got, want := subtotalLabel(s), reTableSubtotal.MatchString(s); got != want {
		t.Errorf("subtotalLabel(%q) = %v, want %v", s, got, want)
	}
}

func FuzzTableHand(f *testing.F) {
	for _, s := range tableHandCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTableHand(t, s)
	})
}

// isCodeRef is isCode as it was, trimming every cell first.
func isCodeRef(s string) bool {
	s = trimSpace(s)
	return len(s) >= 2 && len(s) <= 6 && allDigits(s)
}

func TestIsCodeAgrees(t *testing.T) {
	for _, s := range []string{"", "1", "011", " 011", "011 ", "\u00a0011", "011\u00a0", "6411", "1234567", "12 34", "a12", "12a",
		"1\t", "\v12\v", "12\u202f", "\u3000", " ", "0", "é12", "12é", "€12"} {
		if got, want := isCode(s), isCodeRef(s); got != want {
			t.Errorf("isCode(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIsCode(f *testing.F) {
	for _, s := range []string{"011", " 65 ", "\u00a0002", "74833\u2009", "Total", "12 000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isCode(s), isCodeRef(s); got != want {
			t.Errorf("isCode(%q) = %v, want %v", s, got, want)
		}
	})
}

// plainCellSeeds are cells of real tables and forms near them.
var plainCellSeeds = []string{"16", "011", "0", "00", "0,00", "30 000,00", "1 060 318,76", "2023", "1234,5", "12 345", "123 4567", "1 23",
	"0 123,00", "1 234 ,00", "1 234,", ",50", "1,2,3", "12 345 678 901 234 567 890", "123456789012345678", "1234567890123456789",
	"1 234 567 890 123 456,78", "1 000 000", "2 000,00 €", "1 000 2023", "001 000", "1.234", "10,5 %", " 12", "12 ", "1  234"}

func TestPlainCellDigits(t *testing.T) {
	for _, s := range plainCellSeeds {
		checkPlainCell(t, s)
	}
}

func checkPlainCell(t *testing.T, s string) {
	t.Helper()
	d, ok := plainCellDigits(s)
	if !ok {
		return
	}
	m, mok := normalize.NumberDigits(s)
	if !mok || m.Digits != d || m.Unit != "" || m.Currency != "" {
		t.Errorf("plainCellDigits(%q) = %q; NumberDigits gives %q %q %q %v", s, d, m.Digits, m.Unit, m.Currency, mok)
	}
}

func FuzzPlainCellDigits(f *testing.F) {
	for _, s := range plainCellSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPlainCell)
}

func TestPlainCellDigitsReads(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"16", "16"}, {"011", "011"}, {"0,00", "0.00"}, {"30 000,00", "30000.00"}, {"1 060 318,76", "1060318.76"}, {"12 345", "12345"}, {"1234,5", "1234.5"},
	} {
		if got, ok := plainCellDigits(c.in); !ok || got != c.want {
			t.Errorf("plainCellDigits(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}
