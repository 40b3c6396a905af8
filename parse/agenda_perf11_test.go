package parse

import (
	"strings"
	"testing"
)

// agendaMarkerMayRef is agendaMarkerMay as a search of each word: the reference.
func agendaMarkerMayRef(f string) bool {
	for _, w := range agendaMarkerWords {
		if strings.Contains(f, w.word) {
			return true
		}
	}
	return false
}

// TestAgendaMarkerWords: each word is one reAgendaMarker reads (a line of it alone is a
// marker), and its rare byte is in it.
func TestAgendaMarkerWords(t *testing.T) {
	for _, w := range agendaMarkerWords {
		if !reAgendaMarker.MatchString(w.word) {
			t.Errorf("%q is no agenda marker for reAgendaMarker", w.word)
		}
		if w.rare < 0 || w.rare >= len(w.word) {
			t.Errorf("%q: rare byte %d is outside the word", w.word, w.rare)
		}
	}
}

// agendaMarkerCases are folded lines with and without the marker's words.
var agendaMarkerCases = []string{
	"ordre du jour", "ordre du jour :", "l'ordre du jour est adopte", "odj", "o.d.j", "o.d.j.", "sommaire", "som maire",
	"sommair", "ommaire", "jour", "du jour", "rdre du jour", "ordre du jou", "j", "jj", "m", "mm", "maire", "sommmaire",
	"ssommaire", "le maire ouvre la seance a 20h", "projet de jour", "oodj", "o.dj", "", "xodjx", "le sommaire du jour",
}

// TestAgendaMarkerMay checks agendaMarkerMay against its reference.
func TestAgendaMarkerMay(t *testing.T) {
	for _, s := range agendaMarkerCases {
		if got, want := agendaMarkerMay(s), agendaMarkerMayRef(s); got != want {
			t.Errorf("agendaMarkerMay(%q) = %v, want %v", s, got, want)
		}
	}
}

// markerTokens spells s's bytes as pieces of the marker's words (see headingTokens).
func markerTokens(s string) string {
	pieces := []string{"ordre", " du", " jour", "o", "d", "j", ".", "so", "m", "maire", "s", "x", " "}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pieces[int(s[i])%len(pieces)])
	}
	return b.String()
}

// FuzzAgendaMarkerMayWords checks agendaMarkerMay against its reference on texts made of the
// pieces of the marker's words, where the byte-level fuzzer rarely goes.
func FuzzAgendaMarkerMayWords(f *testing.F) {
	for _, s := range agendaMarkerCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, s := range []string{s, markerTokens(s)} {
			if got, want := agendaMarkerMay(s), agendaMarkerMayRef(s); got != want {
				t.Fatalf("agendaMarkerMay(%q) = %v, want %v", s, got, want)
			}
		}
	})
}
