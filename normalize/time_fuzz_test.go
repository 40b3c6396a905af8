package normalize

import "testing"

var timeSeeds = []string{
	"10h00", "9h", "12 h 47", "18H30", "17 h 30", "10:00", "20 heures 30", "19 heures",
	"dix huit heures trente", "vingt heures et zéro minute", "à midi", "25h", "10:00:00", "1,5 h",
}

// checkHHMM verifies that a reported time is a valid HH:MM.
func checkHHMM(t *testing.T, where, s string) {
	t.Helper()
	if len(s) != 5 || s[2] != ':' || s[:2] > "23" || s[3:] > "59" || s[0] < '0' || s[1] < '0' || s[3] < '0' || s[4] < '0' ||
		s[1] > '9' || s[4] > '9' {
		t.Fatalf("%s: %q is not a time of day", where, s)
	}
}

func FuzzTime(f *testing.F) {
	for _, s := range timeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if hhmm, err := Time(raw); err == nil {
			checkHHMM(t, "Time("+raw+")", hhmm)
		}
		prev := 0
		for _, m := range FindTimes(raw) {
			if m.Start < prev || m.End <= m.Start || m.End > len(raw) {
				t.Fatalf("FindTimes(%q): span %d-%d after %d", raw, m.Start, m.End, prev)
			}
			prev = m.End
			checkHHMM(t, "FindTimes("+raw+")", m.HHMM)
		}
	})
}
