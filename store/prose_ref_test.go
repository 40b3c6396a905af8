package store

import (
	"slices"
	"strings"
	"testing"

	"minutes/parse"
)

// proseRef is prose as it was first written: every passage replaced by a line break in a copy
// of the whole text, then trimmed. prose must agree with it on every item.
func proseRef(it *parse.Item) string {
	text := it.Text
	if len(it.Decisions) == 0 && len(it.Exchanges) == 0 {
		return text
	}
	type span struct{ from, to int }
	var cut []span
	overlaps := func(a span) bool {
		for _, b := range cut {
			if a.from < b.to && b.from < a.to {
				return true
			}
		}
		return false
	}
	take := func(piece string) {
		if strings.TrimSpace(piece) == "" {
			return
		}
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], piece)
			if i < 0 {
				return
			}
			sp := span{off + i, off + i + len(piece)}
			if !overlaps(sp) {
				cut = append(cut, sp)
				return
			}
			off = sp.from + 1
		}
	}
	for _, x := range it.Exchanges {
		take(x.Text)
	}
	for _, dc := range it.Decisions {
		take(dc.Text)
	}
	if len(cut) == 0 {
		return text
	}
	slices.SortFunc(cut, func(a, b span) int { return a.from - b.from })
	var b strings.Builder
	b.Grow(len(text)) // each cut passage, not blank, leaves one "\n"
	last := 0
	for _, sp := range cut {
		b.WriteString(text[last:sp.from])
		b.WriteString("\n")
		last = sp.to
	}
	b.WriteString(text[last:])
	return strings.TrimSpace(b.String())
}

// TestProseAgreesWithRef compares prose with proseRef on every section of the dev corpus.
func TestProseAgreesWithRef(t *testing.T) {
	recs, _ := corpusRecords(t)
	n := 0
	for _, rec := range recs {
		for i := range rec.Items {
			it := &rec.Items[i]
			if got, want := prose(it), proseRef(it); got != want {
				t.Errorf("%s item %s: prose = %q, want %q", rec.Source.Name, it.Path, got, want)
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no section in the corpus")
	}
}

// TestProseCases compares prose with proseRef where the passages sit at the ends, inside,
// next to each other, among spaces past ASCII or next to bytes that are not UTF-8.
func TestProseCases(t *testing.T) {
	for _, c := range []struct {
		name, text string
		dec, ex    []string
	}{
		{"decision at the end", "Exposé.\n\nAdopté.", []string{"Adopté."}, nil},
		{"decision at the start", "Adopté.\n\nExposé.", []string{"Adopté."}, nil},
		{"both ends", "  M. X : oui.\nExposé.\n Adopté. \n", []string{"Adopté."}, []string{"M. X : oui."}},
		{"inside", "Exposé.\nM. X : oui.\nSuite.\nAdopté.", []string{"Adopté."}, []string{"M. X : oui."}},
		{"adjacent at the end", "Exposé.\nM. X : oui.Adopté.", []string{"Adopté."}, []string{"M. X : oui."}},
		{"all cut", "M. X : oui.\n\nAdopté.", []string{"Adopté."}, []string{"M. X : oui."}},
		{"no-break spaces", "\u00a0Adopté.\u00a0\n\u2003Exposé.\u00a0 M. X.\u3000", []string{"Adopté."}, []string{"M. X."}},
		{"bad bytes around", "\xc3Adopté.\xa0Exposé.\xc2 M. X.\x80", []string{"Adopté."}, []string{"M. X."}},
		{"cut inside a rune", "é\xa9Adopté.", []string{"\xa9Adopté."}, nil},
		{"twice the same", "Pour. Exposé. Pour.", []string{"Pour.", "Pour."}, nil},
		{"blank passage", "Exposé. ", []string{" "}, []string{""}},
		{"missing passage", "Exposé.", []string{"Ailleurs."}, nil},
		{"many passages", strings.Repeat("a. b. ", 12), []string{"a.", "a.", "a.", "a.", "a.", "a.", "a.", "a.", "a.", "a."}, []string{"b.", "b."}},
	} {
		it := itemWith(c.text, c.dec, c.ex)
		if got, want := prose(&it), proseRef(&it); got != want {
			t.Errorf("%s: prose = %q, want %q", c.name, got, want)
		}
	}
}

// itemWith is a section of text with decisions and exchanges of those texts.
func itemWith(text string, dec, ex []string) parse.Item {
	it := parse.Item{Text: text}
	for _, d := range dec {
		it.Decisions = append(it.Decisions, parse.Decision{Text: d})
	}
	for _, x := range ex {
		it.Exchanges = append(it.Exchanges, parse.Exchange{Text: x})
	}
	return it
}

// FuzzProse compares prose with proseRef on any text and passages cut from it or not.
func FuzzProse(f *testing.F) {
	f.Add("Exposé.\n\nM. X : Question ?\n\nAdopté à l'unanimité.", uint16(30), uint16(51), uint16(9), uint16(26), "")
	f.Add(" Pour. Pour. ", uint16(1), uint16(6), uint16(7), uint16(12), " ")
	f.Add("\u00a0a\u00a0b\u00a0", uint16(2), uint16(3), uint16(5), uint16(6), "\xc2")
	f.Fuzz(func(t *testing.T, text string, a, b, c, d uint16, other string) {
		piece := func(i, j uint16) string {
			from, to := min(int(i), len(text)), min(int(j), len(text))
			if from > to {
				from, to = to, from
			}
			return text[from:to]
		}
		it := itemWith(text, []string{piece(c, d), other}, []string{piece(a, b), piece(b, d)})
		if got, want := prose(&it), proseRef(&it); got != want {
			t.Errorf("prose(%q) = %q, want %q", text, got, want)
		}
	})
}
