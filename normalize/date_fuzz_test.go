package normalize

import (
	"testing"
	"time"
)

var dateSeeds = []string{
	"15 décembre 2023", "1er janvier 2024", "01/01/2024", "1/1/24", "lundi 6 février 2024",
	"Le vingt trois Juillet deux mille vingt", "vingt-trois juillet deux mil vingt", "15 DECEMBRE 2023",
	"3 janv. 2022", "2023-12-15", "L'an deux mil dix huit, le 4 avril", "1 e' septembre 2018",
	"L’An Deux-Mil-Vingt-Cinq, le Huit du mois d’Avril", "31 février 2024", "27.06.2008.",
	"quatre-vingt-dix-neuf", "soixante et onze",
}

// checkISO verifies that a reported date is a real calendar date in YYYY-MM-DD form.
func checkISO(t *testing.T, where, iso string) {
	t.Helper()
	if _, err := time.Parse("2006-01-02", iso); err != nil {
		t.Fatalf("%s: %q is not a date: %v", where, iso, err)
	}
}

func FuzzDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if iso, err := Date(raw); err == nil {
			checkISO(t, "Date("+raw+")", iso)
		}
		prev := 0
		for _, d := range FindDates(raw) {
			if d.Start < prev || d.End <= d.Start || d.End > len(raw) {
				t.Fatalf("FindDates(%q): span %d-%d after %d", raw, d.Start, d.End, prev)
			}
			prev = d.End
			checkISO(t, "FindDates("+raw+")", d.ISO)
		}
	})
}
