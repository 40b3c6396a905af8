package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
)

// headerOnly runs the header and attendance readers (and the checks) on src.
func headerOnly(src *extract.Source) *Record {
	d := newDoc(src)
	d.header()
	d.attendance()
	d.checks()
	d.finish()
	return d.rec
}

// headerView is the part of the record the header readers fill, for golden files.
type headerView struct {
	Meeting     Meeting      `json:"meeting"`
	Counts      Counts       `json:"counts"`
	People      []Person     `json:"people"`
	Attendance  []Attendance `json:"attendance"`
	Proxies     []Proxy      `json:"proxies"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// TestHeaderGolden reads header excerpts of several councils (testdata/header/*.txt) and
// compares the meeting, counts, people, attendance and proxies with the golden JSON beside
// them. Run with -update to rewrite the golden files after checking the differences.
func TestHeaderGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "header", "*.txt"))
	if len(files) < 3 {
		t.Fatalf("want header excerpts of at least three councils, found %d", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src, err := extract.Bytes(f, data)
			if err != nil {
				t.Fatal(err)
			}
			r := headerOnly(src)
			got, _ := json.MarshalIndent(headerView{r.Meeting, r.Counts, r.People, r.Attendance, r.Proxies, r.Diagnostics}, "", "  ")
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run with -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from its golden file; got:\n%s", f, got)
			}
		})
	}
}

func TestSplitItems(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"commas", "M. Francis BARRY, M. Philippe BECHERAS, Mme Stella BSERENI.", []string{"M. Francis BARRY", "M. Philippe BECHERAS", "Mme Stella BSERENI"}},
		{"dashes", "Marc Baïetto - Dominique Scheiblin - Philippe Loppé", []string{"Marc Baïetto", "Dominique Scheiblin", "Philippe Loppé"}},
		{"en dash and lines", "M. Louis ARMARY – Mme Maryline LURO\nMme Noëlle RELET", []string{"M. Louis ARMARY", "Mme Maryline LURO", "Mme Noëlle RELET"}},
		{"slashes", "David (pouvoir donné à Jean-Pierre) / Marielle (pouvoir donné à Agnès)", []string{"David (pouvoir donné à Jean-Pierre)", "Marielle (pouvoir donné à Agnès)"}},
		{"et and ampersand", "Denis DECHOUX et François STEL, David & Adeline", []string{"Denis DECHOUX", "François STEL", "David", "Adeline"}},
		{"hyphenated names kept", "Jean-Luc CHAUMONT, Marie-Françoise Laval", []string{"Jean-Luc CHAUMONT", "Marie-Françoise Laval"}},
		{"missing comma", "M. Jean-Charles MANRIQUE M. Brice THIEBAUD", []string{"M. Jean-Charles MANRIQUE", "M. Brice THIEBAUD"}},
		{"initials run together", "JF Orsatelli J. Orsatelli, A. Orsini", []string{"JF Orsatelli", "J. Orsatelli", "A. Orsini"}},
		{"commas inside parentheses", "Mme Colette ROUSSEL (pouvoir à Mme X, adjointe), M. Y", []string{"Mme Colette ROUSSEL (pouvoir à Mme X, adjointe)", "M. Y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, it := range splitItems(tt.in) {
				got = append(got, it.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitItems(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseEntryProxies(t *testing.T) {
	tests := []struct {
		name, in        string
		proxies         bool
		giver, holder   string // keys
		inline, replace bool
	}{
		{"donne pouvoir", "Mme Agnès AUDIGIER donne pouvoir à M. Bruno SENECLAUZE.", false, "agnes audigier", "bruno seneclauze", false, false},
		{"a donné pouvoir", "Madame V. MORIN SOGOBA a donné pouvoir à Monsieur A. MORAZIN", false, "v. morin sogoba", "a. morazin", false, false},
		{"a donné procuration", "M. Jean DUPONT a donné procuration à Mme Anne MARTIN", false, "jean dupont", "anne martin", false, false},
		{"pouvoir donné (parenthesis)", "David (pouvoir donné à Jean-Pierre)", false, "david", "jean-pierre", true, false},
		{"procuration (parenthesis)", "Adeline (procuration à Mario)", false, "adeline", "mario", true, false},
		{"X à Y in a proxy list", "Guillaume LACROIX à Sylviane CHENE", true, "guillaume lacroix", "sylviane chene", false, false},
		{"représenté par", "M. LEDRAPPIER par M. PORTEBOIS", true, "ledrappier", "portebois", false, false},
		{"représenté par (sentence)", "M. Paul DURAND représenté par M. Jean MOREL", false, "paul durand", "jean morel", false, false},
		{"suppléant", "M. Patrick FRANCOIS (suppléant de M. José ORENES LERMA)", false, "patrick francois", "", false, true},
		{"no proxy", "M. Francis BARRY", false, "francis barry", "", false, false},
		{"procuration de", "Procuration de M. Paul DURAND à Mme Anne MARTIN", true, "paul durand", "anne martin", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseEntry(tt.in, tt.proxies)
			if !e.ok {
				t.Fatalf("parseEntry(%q) read no name", tt.in)
			}
			if got := e.name.Key(); got != tt.giver {
				t.Errorf("giver = %q, want %q", got, tt.giver)
			}
			holder := ""
			if e.hasHolder {
				holder = e.holder.Key()
			}
			if holder != tt.holder {
				t.Errorf("holder = %q, want %q", holder, tt.holder)
			}
			if e.inlineProxy != tt.inline || (e.replaced != nil) != tt.replace {
				t.Errorf("inline %v replaced %v, want %v %v", e.inlineProxy, (e.replaced != nil), tt.inline, tt.replace)
			}
		})
	}
}

func TestCountsIn(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]int
	}{
		{"label colon", "Nombre de membres en exercice : 40", map[string]int{"in_office": 40}},
		{"suffrages", "Nombre de suffrages exprimés : 23", map[string]int{"votes_cast": 23}},
		{"one line", "en exercice : 15- Présents 14 - Votants 14", map[string]int{"in_office": 15, "present": 14, "voters": 14}},
		{"number first", "Soit 31 présents, 2 procurations, 33 votants", map[string]int{"present": 31, "represented": 2, "voters": 33}},
		{"elus", "Elus en exercice : 29", map[string]int{"in_office": 29}},
		{"ont donné pouvoir", "Ont donné pouvoir : 6", map[string]int{"represented": 6}},
		{"registre", "PRÉSENTS 21", map[string]int{"present": 21}},
		{"pour", "- Pour : 23", map[string]int{"for": 23}},
		{"présents ou représentés is no field", "25 Conseillers étaient Présents ou Représentés", map[string]int{}},
		{"représentés", "Nombre de Conseillers représentés : 3", map[string]int{"represented": 3}},
		{"tab cells, number first", "2 procurations\t33 votants", map[string]int{"represented": 2, "voters": 33}},
		{"tab between label and number", "Nombre de conseillers votants :\t28", map[string]int{"voters": 28}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]int{}
			for _, h := range countsIn(strings.TrimSpace(foldCells(tt.in)), true) {
				got[h.field] = h.value
			}
			if len(got) != len(tt.want) {
				t.Fatalf("countsIn(%q) = %v, want %v", tt.in, got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("countsIn(%q)[%s] = %d, want %d", tt.in, k, got[k], v)
				}
			}
		})
	}
}

func TestJoinSep(t *testing.T) {
	tests := []struct{ name, prev, next, want string }{
		{"given then family", "Sébastien GUERAUD, Julien LE", "GLOU, Charline LIOTIER", " "},
		{"given alone then caps", "Véronique ROCHE, Eric", "DUCLOS, Raphaël DURET", " "},
		{"hyphen cut", "Nadine MALHOMME à Georges CARRET, Jean-", "Claude GROSS", ""},
		{"separator", "Pierre Villain -", "Antoinette Pirrello", "\n"},
		{"new civility", "Présents : M. Dominique GOSSET", "M. Louis ARMARY", "\n"},
		{"plural civility", "MM. VENDERBURE, Mmes", "MARTEAU, PELLARIN", " "},
		{"holder cut", "Abdallah CHIBI à", "Vasilica CHARNAY", " "},
		{"next line one per entry", "Marta Chron à Marc Baïetto", "Nelly Maroni à France Mendez", "\n"},
		{"parenthesis", "Myriam DUBOURG", "(procuration à Eric ROBERT)", " "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinSep(tt.prev, tt.next); got != tt.want {
				t.Errorf("joinSep(%q, %q) = %q, want %q", tt.prev, tt.next, got, tt.want)
			}
		})
	}
}

// FuzzHeader feeds arbitrary text to the header and attendance readers: they must not panic.
func FuzzHeader(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "header", "*.txt"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			// Small seeds keep the fuzzer fast (it minimises every new input it finds).
			if len(b) > 700 {
				b = b[:700]
			}
			f.Add(b)
		}
	}
	f.Add([]byte("Présents :\n(\nPouvoirs :\n- à\n12\n(07 Procurations : ) et 04 Absents :"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := extract.Bytes("fuzz.txt", data)
		if err != nil {
			return
		}
		r := headerOnly(src)
		for _, a := range r.Attendance {
			if a.Person == "" {
				t.Fatalf("attendance entry without person: %+v", a)
			}
		}
	})
}

// BenchmarkHeader measures the header and attendance readers (and the checks) on the Numérian
// minutes; building the doc (folding every line) is left out, it belongs to the orchestrator.
func BenchmarkHeader(b *testing.B) {
	dir := sharedDir(b)
	data, err := os.ReadFile(filepath.Join(dir, "corpus", "dev", "numerian-2023-12-15.txt"))
	if err != nil {
		b.Skip(err)
	}
	src, err := extract.Bytes("numerian-2023-12-15.txt", data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		d := newDoc(src)
		b.StartTimer()
		d.header()
		d.attendance()
		d.checks()
	}
}

func TestSignatures(t *testing.T) {
	text := "Compte-rendu de la réunion du Conseil Municipal du 13 février 2023\n\nLa séance est levée à 20h00.\n\nLe Maire\tLe Secrétaire de Séance\n\nDr. Xavier POLI\tM. Marc-Marie GUGLIELMI\n"
	src, err := extract.Bytes("sig.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := headerOnly(src)
	name := func(id *string) string {
		if id == nil {
			return ""
		}
		for _, p := range r.People {
			if p.ID == *id {
				return p.Key
			}
		}
		return "?"
	}
	if got := name(r.Meeting.President); got != "xavier poli" {
		t.Errorf("president = %q, want xavier poli", got)
	}
	if got := name(r.Meeting.Secretary); got != "marc-marie guglielmi" {
		t.Errorf("secretary = %q, want marc-marie guglielmi", got)
	}
	if r.Meeting.EndTime == nil || *r.Meeting.EndTime != "20:00" {
		t.Errorf("end time = %v, want 20:00", r.Meeting.EndTime)
	}
}

func TestClassifyLabel(t *testing.T) {
	tests := []struct {
		label, status string
		proxies, ok   bool
	}{
		{"Présent(e)s", Present, false, true},
		{"Étaient présents", Present, false, true},
		{"PRESENTS", Present, false, true},
		{"Présents (12)", Present, false, true},
		{"Absent(e)s", Absent, false, true},
		{"Absent(e)s excusé(e)s", Excused, false, true},
		{"Absents-excusés", Excused, false, true},
		{"Non excusé", Absent, false, true},
		{"Excusés ayant donné procuration", Excused, true, true},
		{"Etait absent, excusé et a donné pouvoir", Excused, true, true},
		{"Absents représentés", Excused, true, true},
		{"Absents ayant voté par procuration en application de l'article L 2121-20 du Code Général des Collectivités Territoriales", Excused, true, true},
		{"Pouvoirs", "", true, true}, // givers are excused unless listed already
		{"Assistaient en tant qu'invités", Guest, false, true},
		{"Nombre de membres présents", "", false, false},
		{"Secrétaire de séance", "", false, false},
		{"Délégation de service public", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			st, px, ok := classifyLabel(tt.label)
			if ok != tt.ok || ok && (st != tt.status || px != tt.proxies) {
				t.Errorf("classifyLabel(%q) = %q %v %v, want %q %v %v", tt.label, st, px, ok, tt.status, tt.proxies, tt.ok)
			}
		})
	}
}

func TestSeveralListsOnOneLine(t *testing.T) {
	text := "Présents : M. Jean DUPONT, Mme Anne MARTIN. Excusé : M. Paul DURAND (pouvoir à M. Jean DUPONT). Absent : M. Luc PETIT.\n"
	src, err := extract.Bytes("one.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := headerOnly(src)
	var got []string
	for _, a := range r.Attendance {
		for _, p := range r.People {
			if p.ID == a.Person {
				got = append(got, p.Key+":"+a.Status)
			}
		}
	}
	want := "jean dupont:present|anne martin:present|paul durand:excused|luc petit:absent"
	if strings.Join(got, "|") != want {
		t.Errorf("attendance = %q, want %q", strings.Join(got, "|"), want)
	}
	if len(r.Proxies) != 1 {
		t.Errorf("%d proxies, want 1", len(r.Proxies))
	}
}

func TestMeetingSentences(t *testing.T) {
	tests := []struct {
		name, text     string
		president, end string
	}{
		{"préside", "Conseil municipal du 5 mars 2024\nM. Jean DUPONT, Maire, préside la séance.\nClôture de la séance à 22h15.\n", "jean dupont", "22:15"},
		{"présidence", "Séance du 5 mars 2024\nLe Conseil, réuni sous la présidence de Mme Anne MARTIN, Maire.\nLa séance est levée à 21 h 30.\n", "anne martin", "21:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := extract.Bytes("m.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			r := headerOnly(src)
			got := ""
			if r.Meeting.President != nil {
				for _, p := range r.People {
					if p.ID == *r.Meeting.President {
						got = p.Key
					}
				}
			}
			if got != tt.president {
				t.Errorf("president = %q, want %q", got, tt.president)
			}
			end := ""
			if r.Meeting.EndTime != nil {
				end = *r.Meeting.EndTime
			}
			if end != tt.end {
				t.Errorf("end time = %q, want %q", end, tt.end)
			}
		})
	}
}

// TestMeetingBodyFromText checks where the body is read outside the title lines: the council
// named after its commune in the title, and "la commune de X" only as the subject of a sentence.
func TestMeetingBodyFromText(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"council of a commune in the title", "Séance Publique du Conseil Municipal d’OUZOUS du 6 novembre 2014\nPrésents : M. Jean DUPONT\n", "Commune d'OUZOUS"},
		{"commune as subject", "Compte rendu\nPrésents : M. Jean DUPONT\n\n1. Travaux\nMonsieur le Maire expose au conseil municipal que la commune de Saint-Apollinaire doit alimenter le secteur.\n", "Commune de Saint-Apollinaire"},
		{"commune as a preposition's object", "Compte rendu\nPrésents : M. Jean DUPONT\n\n1. Personnel\nConsidérant que la participation financière de 70 % sera demandée à la Commune de Clairoix, et\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := extract.Bytes("m.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			r := headerOnly(src)
			got := ""
			if r.Meeting.Body != nil {
				got = *r.Meeting.Body
			}
			if got != tt.want {
				t.Errorf("body = %q, want %q", got, tt.want)
			}
		})
	}
}
