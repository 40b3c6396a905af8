package normalize

import "github.com/shopspring/decimal"

// Money is an amount of money read from French text (or, from Number, a bare number or a
// percentage).
type Money struct {
	Value decimal.Decimal // exact value, multiplier (k€, M€) applied
	// Digits is the exact decimal string as written, its scale kept: "1051236.00", "-1200.00",
	// "77000". With a multiplier it is the multiplied value: "2,5 M€" → "2500000".
	Digits   string
	Currency string // ISO 4217 ("EUR", "FRF"), or "" when the text names none
	Raw      string // the text as written, "1 051 236,00 €"
	Unit     string // "%" for a percentage read by Number, else ""
}

// Match is a value found in running text: its byte offsets in the text searched.
type Match struct {
	Start, End int
	Money      Money
}

// Amount reads one French amount ("1 051 236,00 €", "(1 200,00)", "77 000€", "2,5 M€",
// "- 1.697€", "2 millions d'euros"). The whole of raw must be the amount. A bare number is
// accepted with Currency ""; a number in parentheses is negative, as in accounts. Spaces
// (U+0020, U+00A0, U+202F, U+2009), dots and apostrophes group thousands when each group has
// exactly three digits; the comma, or a dot not grouping, is the decimal point.
func Amount(raw string) (Money, error) { return amount(raw) }

// FindAmounts returns the money amounts in running text, in order. Only numbers that carry a
// currency (€, euros, EUR, k€, M€, "millions d'euros", a lone HT/TTC; francs as FRF) count as
// money in prose, and parentheses are asides there, not signs. In a range ("entre 60 et 400€",
// "de 1 à 2 M€") the first bound takes the currency of the second.
func FindAmounts(text string) []Match { return findAmounts(text) }

// Date reads a French date ("15 décembre 2023", "1er janvier 2024", "01/01/2024", "1/1/24",
// "lundi 6 février 2024", "15 DECEMBRE 2023", "sept. 2023" abbreviations, "2023-12-15",
// "Le vingt trois Juillet deux mille vingt", "L'an deux mil treize, le huit du mois d'avril")
// as YYYY-MM-DD. Besides the date, raw may hold only punctuation and the words le, du, au, en,
// date, ce. A date that does not exist (31 février) is an error.
func Date(raw string) (string, error) { return date(raw) }

// DateMatch is a date found in running text.
type DateMatch struct {
	Start, End int
	ISO        string
}

// FindDates returns the dates in running text, in order: a day, a month and a year (a month and
// year alone, "janvier 2013", is not a date); impossible dates are left out.
func FindDates(text string) []DateMatch { return findDates(text) }

// Time reads a French time of day ("10h00", "18H30", "17 h 30", "9h", "10:00", "20 heures 30",
// "19 heures", "dix-huit heures trente", "vingt heures et zéro minute", "midi") as HH:MM.
// Besides the time, raw may hold only punctuation and the words à, vers, de, dès, le. Hours
// above 23 and minutes above 59 are errors.
func Time(raw string) (string, error) { return timeOfDay(raw) }

// TimeMatch is a time found in running text.
type TimeMatch struct {
	Start, End int
	HHMM       string
}

// FindTimes returns the times of day in running text, in order. A duration reads like a time
// ("7h par semaine" gives 07:00; "35 heures" is left out only because 35 is no hour): callers
// choose by context ("à 10h00", "levée à 12h47"). Midi and minuit count only after "à".
func FindTimes(text string) []TimeMatch { return findTimes(text) }
