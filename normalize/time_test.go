package normalize

import (
	"errors"
	"strings"
	"testing"
)

func TestTime(t *testing.T) {
	tests := []struct {
		name, raw, want string
		wantErr         bool
	}{
		{name: "h and minutes", raw: "10h00", want: "10:00"},
		{name: "h alone", raw: "9h", want: "09:00"},
		{name: "spaced h", raw: "12 h 47", want: "12:47"},
		{name: "capital H", raw: "18H30", want: "18:30"},
		{name: "spaced capital", raw: "17 h 30", want: "17:30"},
		{name: "colon", raw: "10:00", want: "10:00"},
		{name: "colon seconds", raw: "10:00:00", want: "10:00"},
		{name: "heures and minutes", raw: "20 heures 30", want: "20:30"},
		{name: "heures alone", raw: "19 heures", want: "19:00"},
		{name: "heure singular", raw: "1 heure", want: "01:00"},
		{name: "words", raw: "dix huit heures trente", want: "18:30"},
		{name: "hyphenated words", raw: "dix-neuf heures", want: "19:00"},
		{name: "et zéro minute", raw: "vingt heures et zéro minute", want: "20:00"},
		{name: "et quart", raw: "dix heures et quart", want: "10:15"},
		{name: "et demie", raw: "neuf heures et demie", want: "09:30"},
		{name: "minutes word", raw: "9 h 30 mn", want: "09:30"},
		{name: "midnight hour", raw: "0h30", want: "00:30"},
		{name: "midi", raw: "midi", want: "12:00"},
		{name: "à midi trente", raw: "à midi trente", want: "12:30"},
		{name: "leading à", raw: "à 10h00", want: "10:00"},
		{name: "trailing full stop", raw: "20 heures 46.", want: "20:46"},
		{name: "25h", raw: "25h", wantErr: true},
		{name: "60 minutes", raw: "10h60", wantErr: true},
		{name: "35 heures", raw: "35 heures", wantErr: true},
		{name: "one-digit minutes", raw: "10:5", wantErr: true},
		{name: "prose", raw: "La séance est levée à 12h47", wantErr: true},
		{name: "hectares", raw: "7 ha", wantErr: true},
		{name: "empty", raw: "", wantErr: true},
		{name: "two times", raw: "10h et 11h", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Time(tc.raw)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("Time(%q) = %q, want an error", tc.raw, got)
				}
				if !errors.Is(err, ErrNotValue) {
					t.Errorf("Time(%q) error %v does not wrap ErrNotValue", tc.raw, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Time(%q): %v", tc.raw, err)
			}
			if got != tc.want {
				t.Errorf("Time(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

func TestFindTimes(t *testing.T) {
	tests := []struct {
		name, text, want string // want: "span=HH:MM" joined by " | "
	}{
		{"start", "réunis le 15 décembre 2023 à 10h00 au siège", "10h00=10:00"},
		{"end", "La séance est levée à 12h47.", "12h47=12:47"},
		{"spaced", "Le jeudi 24 octobre 2013 à 17 h 30, le Conseil", "17 h 30=17:30"},
		{"heures", "le Huit du mois d’Avril à 17 heures 30, le Conseil", "17 heures 30=17:30"},
		{"words", "à dix huit heures trente, le conseil municipal", "dix huit heures trente=18:30"},
		{"words et zéro minute", "à vingt heures et zéro minute, le Conseil", "vingt heures et zéro minute=20:00"},
		{"two", "entre 21 h et 4 h et", "21 h=21:00 | 4 h=04:00"},
		{"duration rejected by value", "11 animateurs à 35 heures par semaine", ""},
		{"decimal is no hour", "une durée de 1,5 h", ""},
		{"glued to a word", "la salle A10h", ""},
		{"hectares", "sur 7 ha de terrain", ""},
		{"colon", "Vendredi 29 janvier 2021, 18:30", "18:30=18:30"},
		{"departure", "Départ de Paul à 20H50", "20H50=20:50"},
		{"afternoon is no time", "dans l'après-midi", ""},
		{"à midi", "levée à midi.", "midi=12:00"},
		{"tax mark", "soit 10 h.t. par", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var parts []string
			for _, m := range FindTimes(tc.text) {
				parts = append(parts, tc.text[m.Start:m.End]+"="+m.HHMM)
			}
			if got := strings.Join(parts, " | "); got != tc.want {
				t.Errorf("FindTimes(%q)\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}
