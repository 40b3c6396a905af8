package normalize_test

import (
	"fmt"

	"minutes/normalize"
)

func ExampleDate() {
	for _, raw := range []string{"15 décembre 2023", "1er janvier 2024", "lundi 6 février 2024",
		"Le vingt trois Juillet deux mille vingt", "01/01/2024", "31 février 2024"} {
		iso, err := normalize.Date(raw)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(iso)
	}
	// Output:
	// 2023-12-15
	// 2024-01-01
	// 2024-02-06
	// 2020-07-23
	// 2024-01-01
	// error: not a recognised value: date "31 février 2024" does not exist
}

func ExampleFindDates() {
	text := "L'an deux mil treize, le huit avril, le conseil, convoqué le 2 avril 2013, s'est réuni."
	for _, d := range normalize.FindDates(text) {
		fmt.Printf("%q → %s\n", text[d.Start:d.End], d.ISO)
	}
	// Output:
	// "L'an deux mil treize, le huit avril" → 2013-04-08
	// "2 avril 2013" → 2013-04-02
}
