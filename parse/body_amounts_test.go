package parse

import (
	"strings"
	"testing"
	"unsafe"
)

// TestAmountsKeepTexts checks that the amounts of a section keep their texts once the amount
// reader's buffer is reused by the following sections: the later, longer sections overwrite
// the bytes the earlier amounts were read from.
func TestAmountsKeepTexts(t *testing.T) {
	// The first section is the longest: the others are read in its buffer, over its bytes.
	text := "1. Subvention\n\nUne subvention de 1 200,50 € est accordée au club. " +
		strings.Repeat("Le conseil prend acte des travaux de voirie. ", 8) + "\n\n" +
		"2. Travaux\n\nLe devis s'élève à 79 819,72 € HT et 95 783,66 € TTC.\n\n" +
		"3. Divers\n\nUn solde de 3 000 euros reste à payer.\n"
	d := bodyDoc(t, text, nil, "")
	want := [][]string{{"1 200,50 €"}, {"79 819,72 € HT", "95 783,66 € TTC"}, {"3 000 euros"}}
	if len(d.rec.Items) != len(want) {
		t.Fatalf("got %d items, want %d", len(d.rec.Items), len(want))
	}
	for k, it := range d.rec.Items {
		var got []string
		for _, a := range it.Amounts {
			got = append(got, a.Text)
		}
		if strings.Join(got, "|") != strings.Join(want[k], "|") {
			t.Errorf("item %d (%q): amounts %q, want %q", k, it.Title, got, want[k])
		}
	}
}

// TestKeepAmountTexts checks that the texts copied out no longer share the bytes they were
// read from, as the amount reader's buffer is a string view of reused bytes.
func TestKeepAmountTexts(t *testing.T) {
	buf := []byte("12 € et 7,50 EUR")
	s := unsafe.String(unsafe.SliceData(buf), len(buf))
	as := []Amount{{Text: s[0:6]}, {Text: ""}, {Text: s[10:]}}
	keepAmountTexts(as)
	for k := range buf {
		buf[k] = 'x'
	}
	want := []string{"12 €", "", "7,50 EUR"}
	for k := range want {
		if as[k].Text != want[k] {
			t.Errorf("amount %d: text %q, want %q", k, as[k].Text, want[k])
		}
	}
}
