package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// endLine is a line that endWordsDown visits, with its words.
type endLine struct {
	i int
	w uint64
}

// endLinesRef is what endWordsDown visits, found line by line with endIndex.scan.
func endLinesRef(d *doc) []endLine {
	var out []endLine
	for i := len(d.lines) - 1; i >= 0; i-- {
		if w := endIndex.scan(d.folded[i]); w != 0 {
			out = append(out, endLine{i, w})
		}
	}
	return out
}

// endLinesOf is every line endWordsDown visits.
func endLinesOf(d *doc) []endLine {
	var out []endLine
	d.endWordsDown(func(i int, w uint64) bool {
		out = append(out, endLine{i, w})
		return true
	})
	return out
}

// checkEndWords compares endWordsDown with endIndex.scan of each line, and meetingEndAndNext
// with the reader it replaced, on the document of text.
func checkEndWords(t testing.TB, name string, src *extract.Source) {
	t.Helper()
	d := newDoc(src)
	if got, want := endLinesOf(d), endLinesRef(d); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: endWordsDown visits %v, want %v", name, got, want)
	}
	// The same, the lines folded apart (no two end to end in memory).
	apart := newDoc(src)
	for i, f := range apart.folded {
		apart.folded[i] = strings.Clone(f)
	}
	if got, want := endLinesOf(apart), endLinesRef(apart); !reflect.DeepEqual(got, want) {
		t.Errorf("%s, lines apart: endWordsDown visits %v, want %v", name, got, want)
	}
	// The same, the header words of every other line of the header remembered.
	hw := newDoc(src)
	for i := 0; i < len(hw.lines); i += 2 {
		hw.hdrWords(i)
	}
	if got, want := endLinesOf(hw), endLinesRef(hw); !reflect.DeepEqual(got, want) {
		t.Errorf("%s, header words remembered: endWordsDown visits %v, want %v", name, got, want)
	}
	a, b := newDoc(src), newDoc(src)
	a.meetingEndAndNext()
	b.meetingEndAndNextRef()
	if got, want := a.rec.Meeting, b.rec.Meeting; !reflect.DeepEqual(got, want) {
		t.Errorf("%s: meetingEndAndNext reads %+v, want %+v", name, got, want)
	}
}

func TestEndWordsDown(t *testing.T) {
	long := strings.Repeat("Le conseil délibère sur les points inscrits à l'ordre du jour. ", 80)
	for _, c := range []struct{ name, text string }{
		{"blank lines", "\n\nLa séance\n\n\nlevée à 9h\n\n"},
		{"end", "Ordre du jour\nLa séance est levée à 19h30.\n"},
		{"word across lines", "la fin\nde la séance\nprochai\nne séance le 3 mai 2024 à 18h\n"},
		{"word across lines, spaced", "la fin\n de la réunion\n"},
		{"long line", long + "La séance est close à 21 h. Prochaine séance le 12 juin 2024." + long},
		{"many lines", strings.Repeat("Le Maire lève la séance à 20h15.\nVu le code.\n", 400)},
		{"next then end", "Prochaine réunion : le 4 avril 2024 à 18 h 30.\nLa séance est levée à 22 h 10.\n" + strings.Repeat("x\n", 300)},
	} {
		src, err := extract.Text([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		checkEndWords(t, c.name, src)
	}
}

func TestEndWordsDownCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		checkEndWords(t, filepath.Base(f), src)
	}
}

func FuzzEndWordsDown(f *testing.F) {
	f.Add("La séance est levée à 19h30.\nprochaine\nséance le 3 mai 2024\n", 3)
	f.Add("fin d\ne séance\n\nterm\nine", 1)
	f.Fuzz(func(t *testing.T, s string, repeat int) {
		// A repeated text makes lines long and documents larger than a block.
		s = strings.Repeat(s, 1+max(0, repeat)%64)
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkEndWords(t, "fuzz", src)
	})
}

// The reader before endWordsDown, kept as a reference.

// meetingEndAndNextRef is meetingEndAndNext before endWordsDown: it reads the end time ("La séance est levée à 12h47") and the next meeting.
func (d *doc) meetingEndAndNextRef() {
	m := &d.rec.Meeting
	for i := len(d.lines) - 1; i >= 0; i-- {
		f := d.folded[i]
		w := d.endWords(i) // the words of endIndex that f holds
		if m.EndTime != nil {
			// Only the next meeting is still looked for, whose phrases all hold one of
			// nextMeetingWords.
			if m.NextMeeting != nil {
				break
			}
			if w&ewNextMeet == 0 {
				continue
			}
		}
		verb := w&ewEndVerbs != 0
		// " a" (in nearly every line) is looked for only after the verbs.
		if m.EndTime == nil && verb && strings.Contains(f, " a") {
			d.endTimeAfterVerb(i)
		}
		if w&(ewSeance|ewNext) == 0 || !verb && w&(ewFinDe|ewNext) == 0 {
			continue
		}
		if m.EndTime == nil && gateEndOfMeeting.MatchString(f) {
			o, _ := d.join(i)
			if ts := normalize.FindTimes(o); len(ts) > 0 {
				hh := ts[0].HHMM
				m.EndTime = &hh
				d.evidence("end_time", d.ev(i))
			}
		}
		if m.NextMeeting == nil && gateNextMeeting.MatchString(f) {
			o, _ := d.join(i)
			loc := reNextMeeting.FindStringIndex(f)
			at := d.origOffset(o, loc[0])
			for _, dm := range normalize.FindDates(o) {
				if dm.End <= at {
					continue
				}
				nm := &NextMeeting{}
				iso := dm.ISO
				nm.Date = &iso
				if ts := normalize.FindTimes(o[dm.End:]); len(ts) > 0 && ts[0].Start < 12 {
					hh := ts[0].HHMM
					nm.Time = &hh
				}
				m.NextMeeting = nm
				d.evidence("next_meeting", d.ev(i))
				break
			}
		}
	}
}
