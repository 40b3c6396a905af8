package parse

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"minutes/extract"
)

// tableRowRef is tableRow before the rows below were looked for first: the reference.
func (d *doc) tableRowRef(i int) bool {
	if d.isTableLine(i) {
		return true
	}
	for k := i; k < len(d.lines) && k < i+3; k++ {
		if d.blankAt(k) || d.used[k] {
			return false
		}
		t := trimLine(d.lines[k].Text)
		if endsSentence(t) || strings.HasSuffix(t, ":") || moreRunes(t, 60) {
			return false
		}
		if k+1 < len(d.lines) && d.isTableLine(k+1) {
			return true
		}
	}
	return false
}

// bodyReady reads src as far as the body's agenda: the state the body's line readers read.
func bodyReady(src *extract.Source) *doc {
	d := newDoc(src)
	d.header()
	d.attendance()
	d.agenda()
	return d
}

// checkTableRow compares tableRow with tableRowRef on every line of src, on two documents so
// that neither's memo serves the other.
func checkTableRow(t *testing.T, src *extract.Source) {
	t.Helper()
	d, r := bodyReady(src), bodyReady(src)
	for i := range d.lines {
		if got, want := d.tableRow(i), r.tableRowRef(i); got != want {
			t.Fatalf("%s line %d %q: tableRow = %v, want %v", src.Name, i, d.lines[i].Text, got, want)
		}
	}
}

// TestTableRowCorpus checks tableRow against tableRowRef on every line of the corpus texts.
func TestTableRowCorpus(t *testing.T) {
	srcs, _ := corpusSources(t)
	for _, src := range srcs {
		checkTableRow(t, src)
	}
}

// tableRowSeeds are short texts with captions above tables, and lines that are none.
var tableRowSeeds = []string{
	"Situation budget 2023\nDépenses\nCompte\tMontant\n611\t1 200,00\n",
	"Le conseil décide.\nCompte\tMontant\n",
	"Total :\nA\tB\n\nx\ny\nz\nw\na\tb\n",
	"Une ligne de prose qui dépasse largement les soixante caractères de la légende\nA\tB\n",
	"cap\n\nA\tB\nfin",
	"a\n b \n c\u00a0\nd\te\n",
}

// FuzzTableRow checks tableRow against tableRowRef on any text.
func FuzzTableRow(f *testing.F) {
	for _, s := range append(tableRowSeeds, paragraphSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkTableRow(t, src)
	})
}

// isDebateMarkerRef is isDebateMarker before the alphabet was read ahead of the literals.
func isDebateMarkerRef(f string) bool {
	if !reDebateMarker.may(f) {
		return false
	}
	if debateMarkerWhole {
		for i := 0; i < len(f); i++ {
			if !debateMarkerBytes.has(f[i]) {
				return false
			}
		}
	}
	return reDebateMarker.MatchString(f)
}

// FuzzIsDebateMarker checks isDebateMarker against isDebateMarkerRef and the pattern itself.
func FuzzIsDebateMarker(f *testing.F) {
	for _, s := range []string{"debat :", "• debats des elus :", "que le conseil", "questions-reponses", "intervention", "- echanges avec les elus", "remarques, 2", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := isDebateMarker(s)
		if want := isDebateMarkerRef(s); got != want {
			t.Errorf("isDebateMarker(%q) = %v, ref %v", s, got, want)
		}
		if want := reDebateMarker.Regexp.MatchString(s); got != want {
			t.Errorf("isDebateMarker(%q) = %v, pattern %v", s, got, want)
		}
	})
}

// FuzzStartsByFirst checks startsWith over startsByFirst's bucket of a text's first byte
// against startsWith over all the starts, for the starts of every pattern.
func FuzzStartsByFirst(f *testing.F) {
	for _, s := range []string{"debat", "- echanges", "que", "\xe2\x80\xa2 debats", "x", "t"} {
		f.Add(s)
	}
	type sorted struct {
		expr   string
		starts []bytePrefix
		by     *[256][]bytePrefix
	}
	var all []sorted
	for _, r := range allRx {
		starts := r.prefilter().starts
		all = append(all, sorted{r.Regexp.expr, starts, startsByFirst(starts)})
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		for _, r := range all {
			if got, want := startsWith(s, r.by[s[0]]), startsWith(s, r.starts); got != want {
				t.Fatalf("%s: startsWith(%q) by first byte = %v, want %v", r.expr, s, got, want)
			}
		}
	})
}

// agendaRef is agenda before the pattern's start gate was asked ahead of its words.
func (d *doc) agendaRef() int {
	limit := len(d.lines) / agendaScanFraction
	if limit < 40 {
		limit = len(d.lines)
	}
	for i := 0; i < limit; i++ {
		if d.used[i] {
			continue
		}
		if !agendaMarkerMay(d.folded[i]) {
			continue
		}
		f := strings.Trim(d.folded[i], " *#_")
		m := reAgendaMarker.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		entries, lines, end := d.agendaEntries(i, m[1])
		if len(entries) >= 2 || (len(entries) == 1 && entries[0].Number == nil && reAddedItem.MatchString(d.folded[i+1])) {
			d.bs.agendaPartial = len(entries) == 1
			d.rec.Agenda = entries
			d.bs.agendaLine = make([]bool, len(d.lines))
			d.bs.agendaLine[i] = true
			for _, k := range lines {
				d.bs.agendaLine[k] = true
			}
			return end
		}
		return 0
	}
	return 0
}

// checkAgenda compares agenda with agendaRef on src: the body's start, the entries, the
// agenda's lines.
func checkAgenda(t *testing.T, src *extract.Source) {
	t.Helper()
	d, r := newDoc(src), newDoc(src)
	for _, x := range []*doc{d, r} {
		x.header()
		x.attendance()
	}
	got, want := d.agenda(), r.agendaRef()
	if got != want || !reflect.DeepEqual(d.rec.Agenda, r.rec.Agenda) || !slices.Equal(d.bs.agendaLine, r.bs.agendaLine) || d.bs.agendaPartial != r.bs.agendaPartial {
		t.Fatalf("%s: agenda = %d %+v, want %d %+v", src.Name, got, d.rec.Agenda, want, r.rec.Agenda)
	}
}

// TestAgendaCorpus checks agenda against agendaRef on every corpus text.
func TestAgendaCorpus(t *testing.T) {
	srcs, _ := corpusSources(t)
	for _, src := range srcs {
		checkAgenda(t, src)
	}
}

// agendaSeeds are short texts with an agenda, in several spellings.
var agendaSeeds = []string{
	"ORDRE DU JOUR :\n1. Budget\n2. Tarifs\n\n1. Budget\nLe conseil décide.\n",
	"  ** - L'ordre du jour de la séance\n1) Budget\n2) Tarifs\n",
	"O.D.J. : budget ; tarifs\n",
	"__SOMMAIRE__\n- Budget\n- Tarifs\n",
	"• odj\n1. a\n2. b\n",
	"Compte rendu\nordre du jour : 1. a 2. b\n",
	"ordre du jour :", "** - l'ordre du jour de la seance", "o.d.j.", "__sommaire__", "• odj", "-l' odj du conseil : x",
}

// TestStartGates checks that the start gates let through the marker lines of the seeds.
func TestStartGates(t *testing.T) {
	n := 0
	for _, s := range append(agendaSeeds, "debat :", "• debats des elus :", "- questions-reponses", "temps d'echanges") {
		if reAgendaMarker.Regexp.MatchString(strings.Trim(s, agendaTrim)) {
			n++
			if agendaMarkerGate.rejects(trimLeftSet(s, agendaTrim)) {
				t.Errorf("agendaMarkerGate rejects %q", s)
			}
		}
		if reDebateMarker.Regexp.MatchString(s) {
			n++
			if debateMarkerGate.rejects(s) {
				t.Errorf("debateMarkerGate rejects %q", s)
			}
		}
	}
	if n < 8 {
		t.Errorf("only %d seeds are marker lines", n)
	}
}

// FuzzAgenda checks agenda against agendaRef on any text, and the start gates against their
// patterns on any line.
func FuzzAgenda(f *testing.F) {
	for _, s := range agendaSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if agendaMarkerGate.rejects(trimLeftSet(s, agendaTrim)) && reAgendaMarker.Regexp.MatchString(strings.Trim(s, agendaTrim)) {
			t.Fatalf("agendaMarkerGate rejects %q, which reAgendaMarker matches", s)
		}
		if trimLeftSet(s, agendaTrim) != strings.TrimLeft(s, agendaTrim) {
			t.Fatalf("trimLeftSet(%q) = %q", s, trimLeftSet(s, agendaTrim))
		}
		if debateMarkerGate.rejects(s) && reDebateMarker.Regexp.MatchString(s) {
			t.Fatalf("debateMarkerGate rejects %q, which reDebateMarker matches", s)
		}
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkAgenda(t, src)
	})
}

// FuzzSourceSpan checks sourceSpan against joinParas on any text (its separators are now read
// byte by byte).
func FuzzSourceSpan(f *testing.F) {
	for _, s := range []string{"Un.\nDeux.\n\nTrois.\n", "a\n\n\nb\nc \nd", "x\r\ny\r\n\r\nz", "\n\n", "Un.\fDeux.\n\n\fTrois."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkSourceSpan(t, "fuzz", readyDoc(src))
	})
}
