package normalize_test

import (
	"fmt"

	"minutes/normalize"
)

func ExampleTime() {
	for _, raw := range []string{"10h00", "9h", "12 h 47", "18H30", "20 heures 30", "dix-neuf heures", "25h"} {
		hhmm, err := normalize.Time(raw)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(hhmm)
	}
	// Output:
	// 10:00
	// 09:00
	// 12:47
	// 18:30
	// 20:30
	// 19:00
	// error: not a recognised value: time "25h"
}

func ExampleFindTimes() {
	text := "réunis le 15 décembre 2023 à 10h00. La séance est levée à 12h47."
	for _, t := range normalize.FindTimes(text) {
		fmt.Printf("%q → %s\n", text[t.Start:t.End], t.HHMM)
	}
	// Output:
	// "10h00" → 10:00
	// "12h47" → 12:47
}
