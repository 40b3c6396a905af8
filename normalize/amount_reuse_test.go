package normalize

import (
	"os"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

// sameMatches reports whether FindAmountsReuse gave FindAmounts' matches.
func sameMatches(got, want []Match) bool {
	if len(got) != len(want) {
		return false
	}
	for k := range got {
		g, w := got[k], want[k]
		if g.Start != w.Start || g.End != w.End || !g.Money.Value.Equal(w.Money.Value) ||
			g.Money.Digits != w.Money.Digits || g.Money.Currency != w.Money.Currency ||
			g.Money.Raw != w.Money.Raw || g.Money.Unit != w.Money.Unit {
			return false
		}
	}
	return true
}

// TestFindAmountsReuse reads texts one after the other in one buffer: each answer must be
// FindAmounts', whatever the texts read before left in the buffer.
func TestFindAmountsReuse(t *testing.T) {
	texts := []string{
		"soit 1 200 € et 3 400 € puis deux millions d'euros, entre 60 et 400€",
		"rien ici",
		"un montant de 77 000€",
		"",
		"entre 1 et 2 millions € ; 16 098,16 TTC ; 134 000 € (cent-trente-quatre-mille euros)",
		"le 27.06.2008 500 €",
	}
	var buf []Match
	for _, text := range texts {
		buf = FindAmountsReuse(buf, text)
		if want := FindAmounts(text); !sameMatches(buf, want) {
			t.Errorf("FindAmountsReuse(%q) = %+v, want %+v", text, buf, want)
		}
	}
	if got := FindAmountsReuse(nil, "rien"); got != nil {
		t.Errorf("FindAmountsReuse(nil, %q) = %#v, want nil", "rien", got)
	}
	if got := FindAmounts("rien"); got == nil || len(got) != 0 {
		t.Errorf("FindAmounts(%q) = %#v, want an empty non-nil slice", "rien", got)
	}
}

// FuzzFindAmountsReuse checks FindAmountsReuse against FindAmounts on two texts read in turn in
// one buffer.
func FuzzFindAmountsReuse(f *testing.F) {
	for k, s := range amountSeeds {
		f.Add("soit "+s+" en 2023.", amountSeeds[(k+1)%len(amountSeeds)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		buf := FindAmountsReuse(nil, a)
		if want := FindAmounts(a); !sameMatches(buf, want) {
			t.Fatalf("FindAmountsReuse(%q) = %+v, want %+v", a, buf, want)
		}
		buf = FindAmountsReuse(buf, b)
		if want := FindAmounts(b); !sameMatches(buf, want) {
			t.Fatalf("FindAmountsReuse(%q) after %q = %+v, want %+v", b, a, buf, want)
		}
	})
}

// checkDigits checks FindAmountDigits against FindAmounts on text: the same matches, with no
// Value, whatever the buffer held before. It returns the buffer.
func checkDigits(t *testing.T, buf []Match, text string) []Match {
	t.Helper()
	buf = FindAmountDigits(buf, text)
	want := FindAmounts(text)
	lean := make([]Match, len(want))
	for k, m := range want {
		lean[k] = m
		lean[k].Money.Value = decimal.Decimal{}
	}
	if !sameMatches(buf, lean) {
		t.Fatalf("FindAmountDigits(%q) = %+v, want %+v", text, buf, lean)
	}
	for _, m := range buf {
		if !m.Money.Value.IsZero() || m.Money.Value.Exponent() != 0 {
			t.Fatalf("FindAmountDigits(%q) gives a Value: %+v", text, m)
		}
	}
	return buf
}

func TestFindAmountDigits(t *testing.T) {
	var buf []Match
	for _, text := range []string{
		"soit 1 200 € et 3 400 € puis deux millions d'euros, entre 60 et 400€",
		"rien ici",
		"2,5 M€ et 986 K € puis 1,2 Md€",
		"entre 1 et 2 millions € ; 16 098,16 TTC ; 134 000 € (cent-trente-quatre-mille euros)",
		"254 600,00 € deux-cent-cinquante-quatre-mille six-cents euros, 12 € trois euros",
		"123456789012345678901234 € et - 1.697€",
	} {
		buf = checkDigits(t, buf, text)
	}
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		buf = checkDigits(t, buf, string(data))
	}
}

func FuzzFindAmountDigits(f *testing.F) {
	for k, s := range amountSeeds {
		f.Add("soit "+s+" en 2023.", amountSeeds[(k+1)%len(amountSeeds)])
	}
	f.Add("134 000 € cent-trente-quatre mille euros", "2 millions d'euros 3 M€")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkDigits(t, checkDigits(t, nil, a), b)
	})
}

// FuzzNumberOK checks that NumberOK reads what Number reads, and fails where Number fails.
func FuzzNumberOK(f *testing.F) {
	for _, s := range []string{"1 051 236,00", "(12,5 %)", "- 1.697€", "(-3)", "Néant", "", "12 345 678 901 234 567 890 123,45 €"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := NumberOK(s)
		want, err := Number(s)
		if ok != (err == nil) || ok && !reflect.DeepEqual(m, want) {
			t.Errorf("NumberOK(%q) = %+v, %v; Number: %+v, %v", s, m, ok, want, err)
		}
	})
}
