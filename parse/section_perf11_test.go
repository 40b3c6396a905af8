package parse

import "testing"

// tocTitleRef is what agendaEntries made of a title before tocStart: the reference the hand
// reading is checked against.
func tocTitleRef(title string) string {
	if mayTOCLine(title) {
		return cleanTitle(reTOCLine.ReplaceAllString(title, ""))
	}
	return title
}

// tocTitle is agendaEntries' reading of a title with tocStart.
func tocTitle(title string) string {
	if k := tocStart(title); k >= 0 {
		return cleanTitle(title[:k])
	} else if mayTOCLine(title) {
		return cleanTitle(title)
	}
	return title
}

// checkTOCStart compares tocStart with reTOCLine's own answer on s.
func checkTOCStart(t *testing.T, s string) {
	t.Helper()
	want := -1
	if m := reTOCLine.Regexp.get().FindStringIndex(s); m != nil {
		want = m[0]
		if m[1] != len(s) {
			t.Fatalf("reTOCLine matches %q at %v, not to its end", s, m)
		}
	}
	if got := tocStart(s); got != want {
		t.Fatalf("tocStart(%q) = %d, want %d", s, got, want)
	}
	if got, want := tocTitle(s), tocTitleRef(s); got != want {
		t.Fatalf("title %q: got %q, want %q", s, got, want)
	}
}

var tocStartCases = []struct{ name, in string }{
	{"page number", "Budget primitif page 03"},
	{"pages", "Budget primitif pages 12  "},
	{"capitals", "BUDGET PAGE 7"},
	{"long s", "Budget pageſ 7"},
	{"no boundary", "Budget voirpage 7"},
	{"underscore before", "Budget _page 7"},
	{"accent before", "Budgeté page 7"},
	{"no space", "Budget page7"},
	{"four digits", "Budget page 2023"},
	{"dotted leader", "Budget primitif ........ 12"},
	{"dotted no space", "Budget primitif ....12\n"},
	{"three dots", "Budget primitif ... 12"},
	{"dots and page", "Budget page .... 12"},
	{"vertical tab", "Budget page\v12"},
	{"form feed", "Budget page\f12\r"},
	{"only number", "12"},
	{"empty", ""},
	{"page at start", "page 3"},
	{"pages short", "ges 3"},
	{"plain title", "Approbation du compte rendu"},
	{"title ending in year", "Décision modificative n°1 de 2023"},
}

// TestTOCStart checks tocStart against reTOCLine on titles of tables of contents and near
// misses.
func TestTOCStart(t *testing.T) {
	for _, tt := range tocStartCases {
		t.Run(tt.name, func(t *testing.T) { checkTOCStart(t, tt.in) })
	}
}

// FuzzTOCStart checks tocStart against reTOCLine on any text.
func FuzzTOCStart(f *testing.F) {
	for _, tt := range tocStartCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTOCStart(t, s) })
}
