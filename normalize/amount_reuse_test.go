package normalize

import (
	"testing"
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
