package normalize

import (
	"testing"

	"github.com/shopspring/decimal"
)

// amountSeeds are the shapes of amounts met in real minutes, to start the fuzzers from.
var amountSeeds = []string{
	"1 051 236,00 €", "77 000€", "2,94 €", "1.234,5", "(1 200,00)", "-1 200,00", "- 1.697€",
	"343.908.000", "273 769.28 €", "699.92€", "4 000 €HT", "300 000€ H.T.", "2,5 millions d'euros",
	"986 K €", "500K€", "€ 1 200", "+20’000 €", "-22'973,41€", "405, 59 €", "353 000 ,00 €",
	"entre 1 et 2 millions €", "contre 3 900\n747 € au", "(183 870\n€)", "12,5 %", "1\u00a0282,00\u00a0€",
	"Compte 11 273 769.28 €", "le 27.06.2008 500 €", "16 098,16 TTC", "\n- 500 €", "1 €uro symbolique",
	"un euro symbolique", "deux millions d'euros", "134 000 € (cent-trente-quatre-mille euros)",
}

// checkMoney verifies the invariant of every Money: Digits is an exact decimal equal to Value.
func checkMoney(t *testing.T, where string, m Money) {
	t.Helper()
	d, err := decimal.NewFromString(m.Digits)
	if err != nil {
		t.Fatalf("%s: Digits %q of %q does not parse: %v", where, m.Digits, m.Raw, err)
	}
	if !d.Equal(m.Value) {
		t.Fatalf("%s: Digits %q of %q differ from Value %s", where, m.Digits, m.Raw, m.Value)
	}
}

func FuzzAmount(f *testing.F) {
	for _, s := range amountSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if m, err := Amount(raw); err == nil {
			checkMoney(t, "Amount", m)
			if m.Raw != raw {
				t.Fatalf("Amount(%q).Raw = %q", raw, m.Raw)
			}
		}
		if m, err := Number(raw); err == nil {
			checkMoney(t, "Number", m)
		}
	})
}

func FuzzFindAmounts(f *testing.F) {
	for _, s := range amountSeeds {
		f.Add("soit " + s + " en 2023.")
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		if ms := FindAmounts(text); len(ms) > 0 && !MayHoldAmount(text) {
			t.Fatalf("FindAmounts(%q) found %q, but MayHoldAmount says no", text, ms[0].Money.Raw)
		}
		for _, m := range FindAmounts(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("FindAmounts(%q): span %d-%d after %d", text, m.Start, m.End, prev)
			}
			prev = m.End
			if text[m.Start:m.End] != m.Money.Raw {
				t.Fatalf("FindAmounts(%q): Raw %q is not the span %q", text, m.Money.Raw, text[m.Start:m.End])
			}
			if m.Money.Currency == "" {
				t.Fatalf("FindAmounts(%q): %q has no currency", text, m.Money.Raw)
			}
			checkMoney(t, "FindAmounts", m.Money)
			// A match read alone gives the same value, unless it is the bare first bound of a range.
			if a, err := Amount(m.Money.Raw); err == nil && a.Currency != "" && !a.Value.Equal(m.Money.Value) {
				t.Fatalf("FindAmounts(%q) read %q as %s, Amount as %s", text, m.Money.Raw, m.Money.Digits, a.Digits)
			}
		}
	})
}
