package normalize

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestAmount(t *testing.T) {
	tests := []struct {
		name, raw   string
		digits, cur string
		wantErr     bool
	}{
		{name: "grouped with decimals", raw: "1 051 236,00 €", digits: "1051236.00", cur: "EUR"},
		{name: "glued euro", raw: "77 000€", digits: "77000", cur: "EUR"},
		{name: "small decimal", raw: "2,94 €", digits: "2.94", cur: "EUR"},
		{name: "dot thousands comma decimal", raw: "1.234,5", digits: "1234.5"},
		{name: "parentheses negative", raw: "(1 200,00)", digits: "-1200.00"},
		{name: "hyphen negative", raw: "-1 200,00", digits: "-1200.00"},
		{name: "spaced dash negative", raw: "- 1.697€", digits: "-1697", cur: "EUR"},
		{name: "en dash negative", raw: "– 430 000 €", digits: "-430000", cur: "EUR"},
		{name: "minus sign", raw: "−12,5 €", digits: "-12.5", cur: "EUR"},
		{name: "plus sign", raw: "+20’000 €", digits: "20000", cur: "EUR"},
		{name: "dot groups", raw: "343.908.000", digits: "343908000"},
		{name: "apostrophe groups", raw: "-22'973,41€", digits: "-22973.41", cur: "EUR"},
		{name: "nbsp", raw: "1\u00a0200,50\u00a0€", digits: "1200.50", cur: "EUR"},
		{name: "narrow nbsp", raw: "12\u202f345 €", digits: "12345", cur: "EUR"},
		{name: "thin space", raw: "12\u2009345", digits: "12345"},
		{name: "dot decimal after space groups", raw: "273 769.28 €", digits: "273769.28", cur: "EUR"},
		{name: "dot decimal zeros", raw: "51 556.00 €", digits: "51556.00", cur: "EUR"},
		{name: "dot decimal glued", raw: "699.92€", digits: "699.92", cur: "EUR"},
		{name: "dot decimal long", raw: "8272.02€", digits: "8272.02", cur: "EUR"},
		{name: "dot one decimal", raw: "46.5 €", digits: "46.5", cur: "EUR"},
		{name: "dot three digits is thousands", raw: "3.500 €", digits: "3500", cur: "EUR"},
		{name: "zero dot three decimals", raw: "0.125", digits: "0.125"},
		{name: "euros word", raw: "1 200,50 euros", digits: "1200.50", cur: "EUR"},
		{name: "EUR code", raw: "500 EUR", digits: "500", cur: "EUR"},
		{name: "currency before", raw: "€ 1 200", digits: "1200", cur: "EUR"},
		{name: "EUR before", raw: "EUR 1 200,00", digits: "1200.00", cur: "EUR"},
		{name: "lower-case eur before is no currency", raw: "eur 1 200,00", wantErr: true},
		{name: "HT glued", raw: "4 000 €HT", digits: "4000", cur: "EUR"},
		{name: "HT spaced", raw: "4 000 € HT", digits: "4000", cur: "EUR"},
		{name: "TTC", raw: "16 098,16 € TTC", digits: "16098.16", cur: "EUR"},
		{name: "H.T. dotted", raw: "300 000€ H.T.", digits: "300000", cur: "EUR"},
		{name: "euros uros", raw: "115 000 €uros", digits: "115000", cur: "EUR"},
		{name: "kilo euro", raw: "500K€", digits: "500000", cur: "EUR"},
		{name: "kilo euro spaced", raw: "986 K €", digits: "986000", cur: "EUR"},
		{name: "kilo euro decimal", raw: "1,5 k€", digits: "1500", cur: "EUR"},
		{name: "mega euro", raw: "2,5 M€", digits: "2500000", cur: "EUR"},
		{name: "millions of euros", raw: "2,5 millions d'euros", digits: "2500000", cur: "EUR"},
		{name: "millions typographic apostrophe", raw: "3 millions d’euros", digits: "3000000", cur: "EUR"},
		{name: "millions euro sign", raw: "2 millions €", digits: "2000000", cur: "EUR"},
		{name: "milliard", raw: "1,2 milliard d'euros", digits: "1200000000", cur: "EUR"},
		{name: "comma space decimal", raw: "405, 59 €", digits: "405.59", cur: "EUR"},
		{name: "bare integer", raw: "2023", digits: "2023"},
		{name: "words", raw: "cinq cents euros", digits: "500", cur: "EUR"},
		{name: "words with millions", raw: "deux millions d'euros", digits: "2000000", cur: "EUR"},
		{name: "francs", raw: "12 500 francs", digits: "12500", cur: "FRF"},
		{name: "FF", raw: "3 000 FF", digits: "3000", cur: "FRF"},
		{name: "zero", raw: "0,00", digits: "0.00"},
		{name: "leading zero kept", raw: "0,3348 €", digits: "0.3348", cur: "EUR"},
		{name: "negative in parentheses with euro", raw: "(114 471,53 €)", digits: "-114471.53", cur: "EUR"},
		{name: "surrounding space", raw: "  60€ ", digits: "60", cur: "EUR"},
		{name: "percentage is not an amount", raw: "12,5 %", wantErr: true},
		{name: "empty", raw: "", wantErr: true},
		{name: "dash cell", raw: "-", wantErr: true},
		{name: "words", raw: "néant", wantErr: true},
		{name: "prose around", raw: "soit 60 €", wantErr: true},
		{name: "bad group", raw: "1 2345", wantErr: true},
		{name: "date", raw: "01.01.2024", wantErr: true},
		{name: "two numbers", raw: "12 €, 13 €", wantErr: true},
		{name: "double sign", raw: "(-5)", wantErr: true},
		{name: "english grouping", raw: "1,234.56", wantErr: true},
		{name: "trailing text", raw: "60 € environ", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Amount(tc.raw)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("Amount(%q) = %+v, want an error", tc.raw, m)
				}
				if !errors.Is(err, ErrNotValue) {
					t.Errorf("Amount(%q) error %v does not wrap ErrNotValue", tc.raw, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Amount(%q): %v", tc.raw, err)
			}
			if m.Digits != tc.digits || m.Currency != tc.cur {
				t.Errorf("Amount(%q) = %q %q, want %q %q", tc.raw, m.Digits, m.Currency, tc.digits, tc.cur)
			}
			if want := decimal.RequireFromString(tc.digits); !m.Value.Equal(want) {
				t.Errorf("Amount(%q).Value = %s, want %s", tc.raw, m.Value, want)
			}
			if m.Raw != tc.raw {
				t.Errorf("Amount(%q).Raw = %q", tc.raw, m.Raw)
			}
		})
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		name, raw, digits, cur, unit string
		wantErr                      bool
	}{
		{name: "cell", raw: "225 509,79", digits: "225509.79"},
		{name: "percent", raw: "12,5 %", digits: "12.5", unit: "%"},
		{name: "percent glued", raw: "25%", digits: "25", unit: "%"},
		{name: "negative percent", raw: "-3,2 %", digits: "-3.2", unit: "%"},
		{name: "amount", raw: "77 000€", digits: "77000", cur: "EUR"},
		{name: "accounts negative", raw: "(1 200,00)", digits: "-1200.00"},
		{name: "dot groups", raw: "343.908.000", digits: "343908000"},
		{name: "not a number", raw: "Total", wantErr: true},
		{name: "percent word", raw: "12 % environ", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Number(tc.raw)
			if tc.wantErr {
				if err == nil || !errors.Is(err, ErrNotValue) {
					t.Fatalf("Number(%q) = %+v, %v; want an ErrNotValue error", tc.raw, m, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Number(%q): %v", tc.raw, err)
			}
			if m.Digits != tc.digits || m.Currency != tc.cur || m.Unit != tc.unit {
				t.Errorf("Number(%q) = %q %q %q, want %q %q %q", tc.raw, m.Digits, m.Currency, m.Unit, tc.digits, tc.cur, tc.unit)
			}
		})
	}
}

// found renders matches compactly for comparison: "raw=digits" joined by " | ".
func found(text string, ms []Match) string {
	var parts []string
	for _, m := range ms {
		if text[m.Start:m.End] != m.Money.Raw {
			parts = append(parts, fmt.Sprintf("BADSPAN(%q!=%q)", text[m.Start:m.End], m.Money.Raw))
		}
		parts = append(parts, m.Money.Raw+"="+m.Money.Digits)
	}
	return strings.Join(parts, " | ")
}

func TestFindAmounts(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"glued euro", "pour un montant de 77 000€.", "77 000€=77000"},
		{"several", "Environ 2 800 000€ pour l'EPIC et 1 500 000€ pour le Syndicat", "2 800 000€=2800000 | 1 500 000€=1500000"},
		{"table cells", "exercice\t1 051 236,00 €\t1 979 081,00 €", "1 051 236,00 €=1051236.00 | 1 979 081,00 €=1979081.00"},
		{"year before amount", "en 2023 1 200 € de plus", "1 200 €=1200"},
		{"article before amount", "article 16 1 200 € versés", "1 200 €=1200"},
		{"label word before amount", "Compte 11 273 769.28 €", "273 769.28 €=273769.28"},
		{"no currency", "les 35 heures et 1 200 agents", ""},
		{"HT glued", "un coût de 4 000 €HT.", "4 000 €HT=4000"},
		{"H.T.", "300 000€ H.T. environ", "300 000€ H.T.=300000"},
		{"TTC alone", "soit 16 098,16 TTC", "16 098,16 TTC=16098.16"},
		{"euros word", "1 200,50 euros", "1 200,50 euros=1200.50"},
		{"euros uros", "115 000 €uros net vendeur", "115 000 €uros=115000"},
		{"millions", "2,5 millions d'euros", "2,5 millions d'euros=2500000"},
		{"range entre", "entre 60 et 400€", "60=60 | 400€=400"},
		{"range with multiplier", "entre 1 et 2 millions € sur", "1=1000000 | 2 millions €=2000000"},
		{"range de à", "de 2 à 5 M€", "2=2000000 | 5 M€=5000000"},
		{"kilo", "à 986 K €.", "986 K €=986000"},
		{"kilo glued", "500K€ par an", "500K€=500000"},
		{"parentheses are asides", "(114 471,53 €)", "114 471,53 €=114471.53"},
		{"spaced dash", "le delta était de - 1.697€", "- 1.697€=-1697"},
		{"en dash", "ou – 430 000 €", "– 430 000 €=-430000"},
		{"glued dash", "775/77 : -500 €", "-500 €=-500"},
		{"plus", "024/024 : +500 €", "+500 €=500"},
		{"bullet dash", "\n- 500 € pour le club", "500 €=500"},
		{"dash after a label", "attribution du conseil municipal - 230€", "230€=230"},
		{"dash after a comma", "en fonctionnement, - 5 090 000 € en investissement", "5 090 000 €=5090000"},
		{"dash after a colon", "Résultat : - 1 200 €", "- 1 200 €=-1200"},
		{"dash after soit", "soit – 1’697€", "– 1’697€=-1697"},
		{"hyphen is not a sign", "2013-500 €", "500 €=500"},
		{"apostrophe groups", "soit – 1’697€", "– 1’697€=-1697"},
		{"dot decimal", "699.92€ et 46.50 € par enfant", "699.92€=699.92 | 46.50 €=46.50"},
		{"dot thousands", "3.500 €", "3.500 €=3500"},
		{"comma space", "405, 59 €", "405, 59 €=405.59"},
		{"comma space needs currency", "articles 405, 59 et 60", ""},
		{"currency before", "montant : € 1 200 et 300 €", "€ 1 200=1200 | 300 €=300"},
		{"currency not reused", "100 € 2023 sera", "100 €=100"},
		{"unit in a heading", "Montant en € 2023 2024", ""},
		{"unit glued to word", "64 m3 = 0,3348 €", "0,3348 €=0.3348"},
		{"date then amount", "le 27.06.2008 500 €", "500 €=500"},
		{"newline is no group", "page 3\n98 102,00 €", "98 102,00 €=98102.00"},
		{"euro word boundary", "300 européens", ""},
		{"nbsp", "soit 1\u00a0282,00\u00a0€", "1\u00a0282,00\u00a0€=1282.00"},
		{"percent is not money", "25% soit 1 282,00 €", "1 282,00 €=1282.00"},
		{"one euro", "1 €uro symbolique", "1 €uro=1"},
		{"EUR", "500 EUR par an", "500 EUR=500"},
		{"one euro in words", "cédé pour un euro symbolique", "un euro=1"},
		{"the symbolic euro", "cédé à l'euro symbolique", ""},
		{"words and digits in order", "12 € puis deux millions d’euros et 5 €", "12 €=12 | deux millions d’euros=2000000 | 5 €=5"},
		{"words thousand", "soit vingt-cinq mille euros", "vingt-cinq mille euros=25000"},
		{"no number before euros", "en euros constants", ""},
		{"zone euro", "la zone euro", ""},
		{"restated in words", "la somme de 254 600,00 € (deux-cent-cinquante-quatre-mille six-cents euros), pour", "254 600,00 €=254600.00"},
		{"restated cut in words", "180 000 €\n  (cent-quatre-vingt- mille euros) (hors", "180 000 €=180000"},
		{"restated without parenthesis", "au prix de 134 000 € cent-trente-quatre mille euros, honoraires", "134 000 €=134000"},
		{"words after a closed aside", "(1 200 €) puis cinq cents euros", "1 200 €=1200 | cinq cents euros=500"},
		{"justified double spaces", "Une somme de  1 070  000  €  serait", "1 070  000  €=1070000"},
		{"table columns are no groups", "Lot 2    500 €", "500 €=500"},
		{"currency on the next line", "(avec 183 870\n€)", "183 870\n€=183870"},
		{"group on the next line", "contre 3 900\n747 € au budget", "3 900\n747 €=3900747"},
		{"line break needs a first group", "COMPUTER 60\n3 921,25 €", "3 921,25 €=3921.25"},
		{"line break needs a currency", "3 900\n747 agents", ""},
		{"space before decimal comma", "353 000 ,00 €", "353 000 ,00 €=353000.00"},
		{"glued date and amount", "le 16janvier2025 pour 12 €", "12 €=12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := found(tc.text, FindAmounts(tc.text)); got != tc.want {
				t.Errorf("FindAmounts(%q)\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}

// TestHasDigit checks the word-wide digit test on every byte in every place of a word and of
// its tail.
func TestHasDigit(t *testing.T) {
	for n := 1; n <= 19; n++ {
		for k := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("a", n))
				b[k] = byte(c)
				if got, want := hasDigit(string(b)), '0' <= c && c <= '9'; got != want {
					t.Fatalf("hasDigit(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestMayHoldAmount checks the prefilter on the texts where FindAmounts finds something and on
// texts where it cannot.
func TestMayHoldAmount(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"digits", "soit 1 200,00 € TTC", true},
		{"euro sign only", "un montant en €", true},
		{"words", "deux millions d'euros", true},
		{"capitals", "MILLE EUROS", true},
		{"no amount", "Le conseil municipal approuve à l'unanimité.", false},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MayHoldAmount(tc.text); got != tc.want {
				t.Errorf("MayHoldAmount(%q) = %v, want %v", tc.text, got, tc.want)
			}
			if !tc.want && len(FindAmounts(tc.text)) > 0 {
				t.Errorf("FindAmounts(%q) finds an amount the prefilter rules out", tc.text)
			}
		})
	}
}
