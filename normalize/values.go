package normalize

import "github.com/shopspring/decimal"

// Money is an amount of money read from French text.
type Money struct {
	Value    decimal.Decimal // exact value, multiplier (k€, M€) applied
	Digits   string          // exact decimal string as written: "1051236.00", "-1200.00", "77000"
	Currency string          // ISO 4217 ("EUR"), or "" when the text names none
	Raw      string          // the text as written, "1 051 236,00 €"
}

// Match is a value found in running text: its byte offsets in the text searched.
type Match struct {
	Start, End int
	Money      Money
}

// Amount reads one French amount ("1 051 236,00 €", "(1 200,00)", "77 000€", "2,5 M€").
func Amount(raw string) (Money, error) { return Money{}, ErrNotValue }

// FindAmounts returns the money amounts in running text, in order. Only numbers that carry a
// currency (€, euros, EUR, k€, M€) count as money in prose.
func FindAmounts(text string) []Match { return nil }

// Date reads a French date ("15 décembre 2023", "1er janvier 2024", "01/01/2024",
// "lundi 6 février 2024", "Le vingt trois Juillet deux mille vingt") as YYYY-MM-DD.
func Date(raw string) (string, error) { return "", ErrNotValue }

// DateMatch is a date found in running text.
type DateMatch struct {
	Start, End int
	ISO        string
}

// FindDates returns the dates in running text, in order.
func FindDates(text string) []DateMatch { return nil }

// Time reads a French time of day ("10h00", "18H30", "17 h 30", "9h", "10:00") as HH:MM.
func Time(raw string) (string, error) { return "", ErrNotValue }

// TimeMatch is a time found in running text.
type TimeMatch struct {
	Start, End int
	HHMM       string
}

// FindTimes returns the times of day in running text, in order.
func FindTimes(text string) []TimeMatch { return nil }
