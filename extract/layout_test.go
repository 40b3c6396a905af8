package extract

import (
	"strings"
	"testing"
)

// lineOf builds the words of one line at baseline y from "text@x" cells, 10 pt type, each
// character 5 pt wide and words split at spaces.
func lineOf(y float64, cells ...string) []word {
	var ws []word
	for _, c := range cells {
		text, xs, _ := strings.Cut(c, "@")
		x := 0.0
		for _, ch := range xs {
			x = x*10 + float64(ch-'0')
		}
		for _, w := range strings.Fields(text) {
			ws = append(ws, word{x0: x, x1: x + 5*float64(len([]rune(w))), y: y, size: 10, space: 0.25, text: w})
			x += 5*float64(len([]rune(w))) + 2.5
		}
	}
	return ws
}

// TestFindColumnBlock checks which layouts are read as a margin column beside a body.
func TestFindColumnBlock(t *testing.T) {
	prose := "le conseil municipal de la ville s'est réuni en mairie sous la présidence du maire"
	tests := []struct {
		name  string
		lines [][]word
		want  bool
	}{
		{"margin beside prose", [][]word{
			lineOf(800, "Direction des@40"),
			lineOf(790, prose+"@170"),
			lineOf(780, "Finances@40", prose+"@170"),
			lineOf(770, prose+"@170"),
			lineOf(760, "Extrait du@40"),
			lineOf(750, prose+"@170"),
			lineOf(740, "n° 2014/155@40", prose+"@170"),
			lineOf(730, prose+"@170"),
		}, true},
		{"bullet list with hanging indent", [][]word{
			lineOf(800, "•@40", prose+"@60"),
			lineOf(790, prose+"@60"),
			lineOf(780, "•@40", prose+"@60"),
			lineOf(770, prose+"@60"),
			lineOf(760, "•@40", prose+"@60"),
			lineOf(750, prose+"@60"),
			lineOf(740, "•@40", prose+"@60"),
		}, false},
		{"table with a wrapped first column", [][]word{
			lineOf(800, "Musique et Danse@40", "1 940,24 €@300", "1 997,99 €@400", "1 997,99 €@500"),
			lineOf(790, "Atlantique@40"),
			lineOf(780, "ADIL@40", "352,22 €@300", "360,92 €@400", "360,92 €@500"),
			lineOf(770, "CAUE@40", "96,00 €@300", "96,00 €@400", "96,00 €@500"),
			lineOf(760, "Association des@40", "83,00 €@300", "Montant non défini@370", "85,00 €@500"),
			lineOf(750, "Chiens guides@40"),
			lineOf(740, "INSERETZ@40", "1 540,00 €@300", "1 540,00 €@400", "1 540,00 €@500"),
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, x := findColumnBlock(tt.lines)
			if got := start >= 0; got != tt.want {
				t.Errorf("column block = %v (lines %d-%d, gutter %.0f), want %v", got, start, end, x, tt.want)
			}
		})
	}
}

// TestJoinLineCells checks space, tab and no-break decisions between the words of one line.
func TestJoinLineCells(t *testing.T) {
	tests := []struct {
		name string
		ws   []word
		want string
	}{
		{"digit groups stay one amount", lineOf(700, "1 051 236,00@300"), "1 051 236,00"},
		{"wide gap is a column break", lineOf(700, "Charges@40", "331 614,38@300"), "Charges\t331 614,38"},
		{"bullet and its text", lineOf(700, "–@40", "Pour : 23@60"), "- Pour : 23"},
		{"fragments of one word", []word{{x0: 40, x1: 60, y: 700, size: 10, space: 0.25, text: "délibé"}, {x0: 60.2, x1: 80, y: 700, size: 10, space: 0.25, text: "ration"}}, "délibération"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lb layoutBuf
			if got := lb.joinLine(tt.ws).text; got != tt.want {
				t.Errorf("joinLine = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWraps checks when a line continues the paragraph of the line above.
func TestWraps(t *testing.T) {
	mk := func(page int, y, x0, x1 float64, text string) entry {
		l := pline{y: y, bottom: y, x0: x0, x1: x1, size: 10, cells: 1, text: text}
		return entry{page: page, text: text, first: l, last: l, right: 500}
	}
	tests := []struct {
		name string
		a, b entry
		want bool
	}{
		{"full line then continuation", mk(1, 700, 50, 498, "le conseil municipal approuve la"), mk(1, 688, 50, 300, "délibération du budget"), true},
		{"short line ends the paragraph", mk(1, 700, 50, 300, "Nombre de présents : 11"), mk(1, 688, 50, 300, "Nombre de votants : 12"), false},
		{"list item starts a line", mk(1, 700, 50, 498, "les membres suivants sont désignés"), mk(1, 688, 50, 300, "- M. Jean DUPONT"), false},
		{"cut word", mk(1, 700, 50, 420, "le conseil examine la délibé-"), mk(1, 688, 50, 300, "ration suivante"), true},
		{"sentence end at a page break", mk(1, 100, 50, 498, "le conseil approuve à l'unanimité."), mk(2, 780, 50, 300, "Le maire lève la séance"), false},
		{"sentence continues over a page", mk(1, 100, 50, 498, "le conseil approuve à l'unanimité la"), mk(2, 780, 50, 300, "délibération suivante"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wraps(&tt.a, &tt.b); got != tt.want {
				t.Errorf("wraps = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestMarkFurniture checks repetition across pages with digits masked and drifting heights.
func TestMarkFurniture(t *testing.T) {
	page := func(n int, body string) []pline {
		return []pline{
			{y: 800, text: "Ville de NULLE-PART\tConseil municipal du 8 juin 2020\t" + string(rune('0'+n))},
			{y: 710, text: body},
			{y: 700, text: "Vu le code général des collectivités territoriales,"},
			{y: 690, text: "Considérant l'exposé du rapporteur,"},
			{y: 680, text: "Pour : 23"},
			{y: 670, text: "Le conseil adopte."},
			{y: 660, text: "Fin du point."},
			{y: 650, text: "Après en avoir délibéré,"},
			{y: 40.5 + float64(n), text: "Page " + string(rune('0'+n)) + " sur 3"},
		}
	}
	pages := [][]pline{page(1, "Premier point"), page(2, "Deuxième point"), page(3, "Troisième point")}
	pages[2][4].y = 300 // "Pour : 23" at one height on 2 pages of 3, away from the edges: body
	markFurniture(pages)
	for pi, p := range pages {
		for li, l := range p {
			// the header, the footer and the lines repeated at one height on all 3 pages are
			// furniture; the varying first line and "Pour : 23" (2 pages of 3, mid-page) are not
			want := li != 1 && li != 4
			if l.furniture != want {
				t.Errorf("page %d line %q: furniture = %v, want %v", pi+1, l.text, l.furniture, want)
			}
		}
	}
}
