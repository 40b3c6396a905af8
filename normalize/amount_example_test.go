package normalize_test

import (
	"fmt"

	"minutes/normalize"
)

func ExampleAmount() {
	for _, raw := range []string{"1 051 236,00 €", "77 000€", "(1 200,00)", "- 1.697€", "2,5 M€", "273 769.28 €"} {
		m, err := normalize.Amount(raw)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %q\n", m.Digits, m.Currency)
	}
	// Output:
	// 1051236.00 "EUR"
	// 77000 "EUR"
	// -1200.00 ""
	// -1697 "EUR"
	// 2500000 "EUR"
	// 273769.28 "EUR"
}

func ExampleNumber() {
	m, _ := normalize.Number("12,5 %")
	fmt.Println(m.Digits, m.Unit)
	// Output: 12.5 %
}

func ExampleFindAmounts() {
	text := "Environ 2 800 000€ pour l'EPIC, en 2023 1 200 € de plus, entre 60 et 400€."
	for _, m := range normalize.FindAmounts(text) {
		fmt.Printf("%q → %s\n", text[m.Start:m.End], m.Money.Digits)
	}
	// Output:
	// "2 800 000€" → 2800000
	// "1 200 €" → 1200
	// "60" → 60
	// "400€" → 400
}
