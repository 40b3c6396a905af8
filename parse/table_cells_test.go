package parse

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestReadCell(t *testing.T) {
	tests := []struct {
		name, raw  string
		want, unit string
		ok         bool
	}{
		{"grouped comma decimal", "1 051 236,00 €", "1051236.00", "EUR", true},
		{"dot thousands", "343.908.000", "343908000", "", true},
		{"nbsp thousands", "4\u00a0209\u00a0342,52\u00a0€", "4209342.52", "EUR", true},
		{"narrow nbsp", "4\u202f209,52", "4209.52", "", true},
		{"parenthesised negative", "(1 200,00)", "-1200.00", "", true},
		{"dash minus dot thousands", "- 1.697€", "-1697", "EUR", true},
		{"en dash minus", "– 1’697€", "-1697", "EUR", true},
		{"apostrophe thousands", "-22'973,41€", "-22973.41", "EUR", true},
		{"percent comma", "22,49 %", "22.49", "%", true},
		{"percent dot", "76.15%", "76.15", "%", true},
		{"signed percent", "+ 0,92 %", "0.92", "%", true},
		{"dot decimal four digits", "0,5522", "0.5522", "", true},
		{"dot decimal", "25 712.50", "25712.50", "", true},
		{"zero", "0,00", "0.00", "", true},
		{"count", "49", "49", "", true},
		{"leading zeros", "011", "011", "", true},
		{"stray space before comma", "353 000 ,00 €", "353000.00", "EUR", true},
		{"euro prefix", "€ 1 000", "1000", "EUR", true},
		{"ht suffix", "7,50 € HT", "7.50", "EUR", true},
		{"euros word", "1 200 euros", "1200", "EUR", true},
		{"negative zero", "-0,00", "-0.00", "", true},
		{"text", "On le met en place", "", "", false},
		{"empty", "", "", "", false},
		{"lone dash", "-", "", "", false},
		{"date", "15/12/2023", "", "", false},
		{"hours", "22H – 4H", "", "", false},
		{"bad grouping", "1 23 456", "", "", false},
		{"mixed separators", "1.234.56", "", "", false},
		{"dot groups with dot decimal", "1.234.567.50", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := readCell(tc.raw)
			if ok != tc.ok {
				t.Fatalf("readCell(%q) ok = %v, want %v (got %+v)", tc.raw, ok, tc.ok, got)
			}
			if !ok {
				return
			}
			if got.Digits != tc.want || got.Unit != tc.unit {
				t.Errorf("readCell(%q) = %q %q, want %q %q", tc.raw, got.Digits, got.Unit, tc.want, tc.unit)
			}
		})
	}
}

func TestSplitSpaces(t *testing.T) {
	tests := []struct {
		name, line string
		want       int // cells, 0 when not a row
	}{
		{"layout row", " 22H30 – 4H30                                        6", 2},
		{"code row", "70   Produits des services    836 000,00 €", 3},
		{"justified prose", "L'an  deux  mille  treize,  le  huit  avril,  le  conseil  municipal", 0},
		{"prose with amount", "de  1 070  000  €  serait  donc  portée  au  compte  1068", 0},
		{"bullet with amount", "-  Quartier Molière, rue de Verdun en parallèle réseau de chaleur   145 000 €", 0},
		{"numbers only", "53  400 €", 0},
		{"single cell", "Total dépenses d'investissement 2 292 282,65", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cells, ok := splitSpaces(tc.line)
			if got := len(cells); (ok && got != tc.want) || (!ok && tc.want != 0) {
				t.Errorf("splitSpaces(%q) = %q, %v; want %d cells", tc.line, cells, ok, tc.want)
			}
		})
	}
}

func FuzzReadCell(f *testing.F) {
	for _, s := range []string{"1 051 236,00 €", "343.908.000", "(1 200,00)", "- 1.697€", "22,49 %", "76.15%", "0,5522", "1’697", "", "-", "€", "(-1)", "1.234,5.6"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, ok := readCell(raw)
		if !ok {
			return
		}
		if _, err := decimal.NewFromString(v.Digits); err != nil {
			t.Fatalf("readCell(%q) = %q, not a decimal: %v", raw, v.Digits, err)
		}
	})
}

func FuzzIsBullet(f *testing.F) {
	for _, s := range []string{"- un point", "  • Budget", "1. Finances", "a) objet", "o texte", "Le conseil", "\t2) x", "", "  ", "➢ item", "Z) non"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isBullet(s), bulletLead.MatchString(s); got != want {
			t.Errorf("isBullet(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzHasUnicodeSpace(f *testing.F) {
	for _, s := range []string{"1\u00a0200", "l’État", "2\u202f000 €", "a\u2009b", "c\u2007d", "», «", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasUnicodeSpace(s), spaceLike.Replace(s) != s; got != want {
			t.Errorf("hasUnicodeSpace(%q) = %v, want %v", s, got, want)
		}
	})
}

// gapTextLoop is gapText as first written, one byte after another: the reference for the
// faster scan.
func gapTextLoop(line string) (string, bool) {
	s := strings.TrimSpace(spaceLike.Replace(line))
	for i := 1; i < len(s); i++ {
		if isGapSpace(s[i]) && isGapSpace(s[i-1]) {
			return s, true
		}
	}
	return s, false
}

func FuzzGapText(f *testing.F) {
	for _, s := range []string{"Charges  12", " a \tb", "a b c", "x\r\n", "1\u00a0\u00a0200", "  ", "ab  ", "a \fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gs, gg := gapText(s)
		ws, wg := gapTextLoop(s)
		if gs != ws || gg != wg {
			t.Errorf("gapText(%q) = %q %v, want %q %v", s, gs, gg, ws, wg)
		}
	})
}
