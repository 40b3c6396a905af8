package normalize

import (
	"reflect"
	"testing"
)

// TestDigitArenaKeepsDigits: the Digits written in an arena stay as they were while the arena
// serves more texts and makes new buffers.
func TestDigitArenaKeepsDigits(t *testing.T) {
	var ar DigitArena
	type kept struct {
		text string
		ms   []Match
	}
	var all []kept
	texts := append(append([]string{}, perf11Cases...), amountSeeds...)
	for round := range 40 {
		for _, text := range texts {
			from := AmountOpener(text)
			if from < 0 {
				continue
			}
			got := FindAmountDigitsIn(nil, &ar, text, from)
			if want := FindAmountDigitsFrom(nil, text, from); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: FindAmountDigitsIn(%q) = %+v, want %+v", round, text, got, want)
			}
			all = append(all, kept{text, got})
		}
	}
	for _, k := range all {
		if want := FindAmountDigitsFrom(nil, k.text, AmountOpener(k.text)); !reflect.DeepEqual(k.ms, want) {
			t.Fatalf("the digits of %q became %+v, want %+v", k.text, k.ms, want)
		}
	}
}

func FuzzFindAmountDigitsIn(f *testing.F) {
	for _, s := range perf11Cases {
		f.Add(s)
	}
	var ar DigitArena
	f.Fuzz(func(t *testing.T, text string) {
		from := AmountOpener(text)
		got := FindAmountDigitsIn(nil, &ar, text, from)
		if want := FindAmountDigitsFrom(nil, text, from); !reflect.DeepEqual(got, want) {
			t.Fatalf("FindAmountDigitsIn(%q) = %+v, want %+v", text, got, want)
		}
	})
}
