package normalize

import (
	"errors"
	"strings"
	"testing"
)

func TestDate(t *testing.T) {
	tests := []struct {
		name, raw, want string
		wantErr         bool
	}{
		{name: "plain", raw: "15 décembre 2023", want: "2023-12-15"},
		{name: "first", raw: "1er janvier 2024", want: "2024-01-01"},
		{name: "premier", raw: "premier mars 2021", want: "2021-03-01"},
		{name: "superscript ordinal", raw: "1ᵉʳ janvier 2024", want: "2024-01-01"},
		{name: "degree ordinal", raw: "1° janvier 2024", want: "2024-01-01"},
		{name: "numeric", raw: "01/01/2024", want: "2024-01-01"},
		{name: "short numeric", raw: "1/1/24", want: "2024-01-01"},
		{name: "short numeric last century", raw: "3/4/98", want: "1998-04-03"},
		{name: "dotted", raw: "27.06.2008", want: "2008-06-27"},
		{name: "dashed", raw: "15-12-2023", want: "2023-12-15"},
		{name: "iso", raw: "2023-12-15", want: "2023-12-15"},
		{name: "weekday", raw: "lundi 6 février 2024", want: "2024-02-06"},
		{name: "words", raw: "Le vingt trois Juillet deux mille vingt", want: "2020-07-23"},
		{name: "hyphenated words mil", raw: "vingt-trois juillet deux mil vingt", want: "2020-07-23"},
		{name: "uppercase", raw: "15 DECEMBRE 2023", want: "2023-12-15"},
		{name: "uppercase accented", raw: "4 FÉVRIER 2013", want: "2013-02-04"},
		{name: "unaccented", raw: "15 decembre 2023", want: "2023-12-15"},
		{name: "abbreviated janv", raw: "3 janv. 2022", want: "2022-01-03"},
		{name: "abbreviated févr", raw: "14 févr. 2019", want: "2019-02-14"},
		{name: "abbreviated sept", raw: "15 sept. 2023", want: "2023-09-15"},
		{name: "seven september", raw: "vingt sept septembre deux mille dix", want: "2010-09-27"},
		{name: "leading le", raw: "Le 15 décembre 2023", want: "2023-12-15"},
		{name: "en date du", raw: "en date du 07 décembre 2023", want: "2023-12-07"},
		{name: "leap day", raw: "29 février 2024", want: "2024-02-29"},
		{name: "legal formula", raw: "L'an deux mil dix huit, le 4 avril", want: "2018-04-04"},
		{name: "legal formula du mois", raw: "L’An Deux-Mil-Vingt-Cinq, le Huit du mois d’Avril", want: "2025-04-08"},
		{name: "legal formula et le", raw: "L’an deux mille six et le vingt quatre mars", want: "2006-03-24"},
		{name: "legal formula du mois de", raw: "L’an deux mille quatorze le six du mois de novembre", want: "2014-11-06"},
		{name: "OCR ordinal", raw: "1 e' septembre 2018", want: "2018-09-01"},
		{name: "OCR ordinal star", raw: "01\\* janvier 2026", want: "2026-01-01"},
		{name: "quatre-vingt", raw: "le premier mai mil neuf cent quatre-vingt-dix-neuf", want: "1999-05-01"},
		{name: "soixante et onze", raw: "trente et un décembre mil neuf cent soixante et onze", want: "1971-12-31"},
		{name: "hyphenated et", raw: "vingt-et-un mars deux mille vingt-et-un", want: "2021-03-21"},
		{name: "thirty-first of february", raw: "31 février 2024", wantErr: true},
		{name: "not leap", raw: "29 février 2023", wantErr: true},
		{name: "bad numeric", raw: "31/04/2023", wantErr: true},
		{name: "month and year only", raw: "janvier 2013", wantErr: true},
		{name: "no year", raw: "15 décembre", wantErr: true},
		{name: "prose", raw: "réunis le 15 décembre 2023 à 10h00", wantErr: true},
		{name: "two dates", raw: "15 décembre 2023 et 16 décembre 2023", wantErr: true},
		{name: "empty", raw: "", wantErr: true},
		{name: "number chain", raw: "1.2.3.4", wantErr: true},
		{name: "nonsense words", raw: "trois deux mars 2020", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Date(tc.raw)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("Date(%q) = %q, want an error", tc.raw, got)
				}
				if !errors.Is(err, ErrNotValue) {
					t.Errorf("Date(%q) error %v does not wrap ErrNotValue", tc.raw, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Date(%q): %v", tc.raw, err)
			}
			if got != tc.want {
				t.Errorf("Date(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		name, text, want string // want: "span=iso" joined by " | "
	}{
		{"in prose", "réunis le 15 décembre 2023 à 10h00", "15 décembre 2023=2023-12-15"},
		{"weekday kept in span", "prévu le mardi 6 février 2024 à 09h00.", "mardi 6 février 2024=2024-02-06"},
		{"two dates", "du 30 décembre 1963 et du 1er janvier 2024", "30 décembre 1963=1963-12-30 | 1er janvier 2024=2024-01-01"},
		{"range of days", "du 10 au 28 juillet 2006 à la salle", "28 juillet 2006=2006-07-28"},
		{"list of days", "Les 4,5 et 6 octobre 2023, Jérôme", "6 octobre 2023=2023-10-06"},
		{"month and year", "depuis avril 2011, avec un", ""},
		{"heading uppercase", "SEANCE DU LUNDI 8 AVRIL 2013", "LUNDI 8 AVRIL 2013=2013-04-08"},
		{"numeric in prose", "mise en circulation le 09/11/1999, a été", "09/11/1999=1999-11-09"},
		{"dotted with full stop", "le 27.06.2008.", "27.06.2008=2008-06-27"},
		{"decree number", "Décret n° 2004-878 du 26 août 2004", "26 août 2004=2004-08-26"},
		{"section numbers", "voir 1.2.3 et 2.3.4", ""},
		{"season is no year", "le 15 septembre 2023/24", ""},
		{"iso with time", "créé le 2023-12-15T10:00:00Z", "2023-12-15=2023-12-15"},
		{"impossible skipped", "le 31 février 2024 puis le 1er mars 2024", "1er mars 2024=2024-03-01"},
		{"legal formula", "L'an deux mil onze, le dix-sept juin, à dix-neuf heures, le", "L'an deux mil onze, le dix-sept juin=2011-06-17"},
		{"words", "Le vingt trois Juillet deux mille vingt, le conseil", "vingt trois Juillet deux mille vingt=2020-07-23"},
		{"line break", "le 15\ndécembre 2023", "15\ndécembre 2023=2023-12-15"},
		{"seven before abbreviation", "le sept sept. 2023", "sept sept. 2023=2023-09-07"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var parts []string
			for _, m := range FindDates(tc.text) {
				parts = append(parts, tc.text[m.Start:m.End]+"="+m.ISO)
			}
			if got := strings.Join(parts, " | "); got != tc.want {
				t.Errorf("FindDates(%q)\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestNumberWords(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: not a number
	}{
		{"un", 1}, {"vingt et un", 21}, {"dix-sept", 17}, {"soixante-dix", 70},
		{"soixante et onze", 71}, {"quatre-vingts", 80}, {"quatre vingt dix neuf", 99},
		{"cent", 100}, {"deux cents", 200}, {"cent deux", 102}, {"mil", 1000},
		{"deux mil treize", 2013}, {"deux mille vingt-trois", 2023}, {"mil neuf cent quatre-vingt-quatre", 1984},
		{"zéro", 0}, {"Deux-Mil-Vingt-Cing", 2025}, {"septante-cinq", 75},
		{"vingt-et-un", 21}, {"soixante-et-onze", 71}, {"trente et une", 31},
	}
	for _, tc := range tests {
		w := newVWords(tc.text)
		v, next, ok := w.readNumberWords(0)
		if !ok || next != len(w.toks) {
			t.Errorf("readNumberWords(%q) = %d, next %d of %d, ok %v", tc.text, v, next, len(w.toks), ok)
			continue
		}
		if v != tc.want {
			t.Errorf("readNumberWords(%q) = %d, want %d", tc.text, v, tc.want)
		}
	}
	// Sequences that are no number stop early.
	for _, text := range []string{"trois deux", "vingt quatre vingt", "mille mille", "zéro un", "dix vingt"} {
		w := newVWords(text)
		if _, next, ok := w.readNumberWords(0); ok && next == len(w.toks) {
			t.Errorf("readNumberWords(%q) read it all as one number", text)
		}
	}
}
