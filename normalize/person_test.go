package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestPersonName(t *testing.T) {
	tests := []struct {
		name, in           string
		civ, given, family string
		key                string
		notName            bool
	}{
		{"civility given FAMILY", "M. Jean-Luc CHAUMONT", "M.", "Jean-Luc", "CHAUMONT", "jean-luc chaumont", false},
		{"glued civility, family first", "M.CHARRIER Jean-Paul", "M.", "Jean-Paul", "CHARRIER", "jean-paul charrier", false},
		{"no civility, mixed case", "Marc Baïetto", "", "Marc", "Baïetto", "marc baietto", false},
		{"civility and family", "Monsieur Reboulet", "M.", "", "Reboulet", "reboulet", false},
		{"first name only", "Anthony", "", "Anthony", "", "anthony", false},
		{"accents in key", "Mme Laëtitia BOURJAT", "Mme", "Laëtitia", "BOURJAT", "laetitia bourjat", false},
		{"job title after the name", "M. DIVERRES Directeur des Services Techniques municipaux", "M.", "", "DIVERRES", "diverres", false},
		{"job title alone", "Directeur Général des Services", "", "", "", "", true},
		{"DGS alone", "DGS", "", "", "", "", true},
		{"compound family", "M. José ORENES LERMA", "M.", "José", "ORENES LERMA", "jose orenes lerma", false},
		{"particle family", "Sheila Mc CARRON", "", "Sheila", "Mc CARRON", "sheila mc carron", false},
		{"lower-case particles", "Henri de la Tour", "", "Henri", "de la Tour", "henri de la tour", false},
		{"caps particle", "Julien LE GLOU", "", "Julien", "LE GLOU", "julien le glou", false},
		{"family alone in caps", "LE ROUX", "", "", "LE ROUX", "le roux", false},
		{"initials glued", "J.F.PINONCELY", "", "J.F.", "PINONCELY", "j.f. pinoncely", false},
		{"hyphenated initials", "M. J.-P. DUPONT", "M.", "J.-P.", "DUPONT", "j.-p. dupont", false},
		{"two-letter initials", "JF Orsatelli", "", "JF", "Orsatelli", "jf orsatelli", false},
		{"madame and initial", "Madame V. MORIN SOGOBA", "Mme", "V.", "MORIN SOGOBA", "v. morin sogoba", false},
		{"mademoiselle", "Mlle Maud BODKIN", "Mme", "Maud", "BODKIN", "maud bodkin", false},
		{"Melle", "Melle Anne DURAND", "Mme", "Anne", "DURAND", "anne durand", false},
		{"Mr", "Mr Paul MARTIN", "M.", "Paul", "MARTIN", "paul martin", false},
		{"family first, given after", "Mme FLACELIERE Françoise", "Mme", "Françoise", "FLACELIERE", "francoise flaceliere", false},
		{"line-break hyphen", "Jean- Claude GROSS", "", "Jean-Claude", "GROSS", "jean-claude gross", false},
		{"trailing full stop", "M. Francis BARRY.", "M.", "Francis", "BARRY", "francis barry", false},
		{"apostrophe", "Marie Christine BARAC’H", "", "Marie Christine", "BARAC’H", "marie christine barac'h", false},
		{"grouping word", "adjoints", "", "", "", "", true},
		{"role", "Député-Maire", "", "", "", "", true},
		{"heading", "ORDRE DU JOUR", "", "", "", "", true},
		{"civility alone", "Madame", "", "", "", "", true},
		{"empty", "  ", "", "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := PersonName(tt.in)
			if ok == tt.notName {
				t.Fatalf("PersonName(%q) ok = %v, want %v", tt.in, ok, !tt.notName)
			}
			if tt.notName {
				return
			}
			if n.Civility != tt.civ || n.Given != tt.given || n.Family != tt.family {
				t.Errorf("PersonName(%q) = %q %q %q, want %q %q %q", tt.in, n.Civility, n.Given, n.Family, tt.civ, tt.given, tt.family)
			}
			if n.Key() != tt.key {
				t.Errorf("key = %q, want %q", n.Key(), tt.key)
			}
		})
	}
}

func mustName(t *testing.T, s string) Name {
	t.Helper()
	n, ok := PersonName(s)
	if !ok {
		t.Fatalf("PersonName(%q) failed", s)
	}
	return n
}

func TestPeopleLinking(t *testing.T) {
	var p People
	huet := p.Add(mustName(t, "M. HUET"))
	bazin := p.Add(mustName(t, "M. BAZIN"))
	p.Add(mustName(t, "Mme Christelle REYNAUD"))
	p.Add(mustName(t, "M. Patrick FRANCOIS"))
	p.Add(mustName(t, "M. Patrick GAUTHIER"))
	p.Add(mustName(t, "Mme Anne DUPONT"))
	p.Add(mustName(t, "M. Paul DUPONT"))
	p.Add(mustName(t, "Anthony"))

	// A fuller later mention completes the listed person and keeps the id.
	if got := p.Add(mustName(t, "Monsieur Guénhaël HUET")); got != huet || got.Given != "Guénhaël" || got.ID != "p1" {
		t.Errorf("Add(Monsieur Guénhaël HUET) = %+v, want p1 completed", got)
	}
	if got := p.Add(mustName(t, "Monsieur A. BAZIN")); got != bazin || got.Given != "A." {
		t.Errorf("Add(Monsieur A. BAZIN) = %+v, want p2 with given A.", got)
	}
	tests := []struct {
		name, mention, want string // want "" = not resolved
	}{
		{"family only", "Madame Reynaud", "christelle reynaud"},
		{"civility disagrees", "Monsieur Reynaud", ""},
		{"word alone may be the family", "Reynaud", "christelle reynaud"},
		{"civility and caps family", "Mme REYNAUD", "christelle reynaud"},
		{"given only", "Patrick", ""}, // two Patricks: ambiguous
		{"given only, unique", "Anthony", "anthony"},
		{"ambiguous family", "DUPONT", ""},
		{"civility settles it", "Madame DUPONT", "anne dupont"},
		{"initial", "P. GAUTHIER", "patrick gauthier"},
		{"wrong civility", "Madame GAUTHIER", ""},
		{"unknown", "M. Nobody", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := p.Resolve(mustName(t, tt.mention))
			got := ""
			if ok {
				got = q.Key()
			}
			if got != tt.want {
				t.Errorf("Resolve(%q) = %q, want %q", tt.mention, got, tt.want)
			}
		})
	}
	if n := len(p.List); n != 8 {
		t.Errorf("%d people, want 8 (merged mentions add nobody)", n)
	}
}

func TestPeopleNew(t *testing.T) {
	var p People
	a := p.Add(mustName(t, "M. Luciani"))
	b := p.New(mustName(t, "F. Luciani"))
	if a == b || b.ID != "p2" {
		t.Errorf("New made %s, want a second person p2", b.ID)
	}
}

func TestRoles(t *testing.T) {
	var p People
	maire := p.Add(mustName(t, "Marc Baïetto"))
	p.SetRole("Maire", maire)
	pres := p.Add(mustName(t, "M. Jérôme BERNARD"))
	p.SetRole("president", pres)
	tests := []struct{ text, want string }{
		{"Monsieur le Maire", "p1"},
		{"M. le Maire", "p1"},
		{"le Maire", "p1"},
		{"Madame la Présidente", "p2"},
		{"Le Président", "p2"},
		{"Monsieur le Préfet", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			q, ok := p.ResolveRole(tt.text)
			got := ""
			if ok {
				got = q.ID
			}
			if got != tt.want {
				t.Errorf("ResolveRole(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
	if q, ok := p.Role("maire"); !ok || q != maire {
		t.Errorf("Role(maire) = %v, %v", q, ok)
	}
}

func ExamplePersonName() {
	n, _ := PersonName("M.CHARRIER Jean-Paul")
	fmt.Println(n.Civility, n.Given, n.Family, n.Key())
	// Output: M. Jean-Paul CHARRIER jean-paul charrier
}

// FuzzPersonName checks that any text is read without panic, and that a name read has a key.
func FuzzPersonName(f *testing.F) {
	for _, s := range []string{"M. Jean-Luc CHAUMONT", "M.CHARRIER Jean-Paul", "J.F.PINONCELY", "Jean- Claude", "(", "M. MMES", "d'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := PersonName(s)
		if ok && n.Key() == "" {
			t.Errorf("PersonName(%q) ok with an empty key", s)
		}
		var p People
		p.Add(n)
		p.Resolve(n)
		p.ResolveRole(s)
	})
}

// TestFoldNameAgreesWithFold checks that the fast fold of names gives Fold's result for every
// rune up to U+20FF, in context, and for a few names.
func TestFoldNameAgreesWithFold(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		s := "a" + string(r) + "B é"
		if got, want := foldName(s), Fold(s); got != want {
			t.Errorf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{" Jérôme  BERNARD ", "Laëtitia", "Œuvre", "Barac’h", "x\u00a0y", "  ", "ÆSIR"} {
		if got, want := foldName(s), Fold(s); got != want {
			t.Errorf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
}

// keyRef is Key as first written: the fold of the two names joined by a space.
func keyRef(given, family string) string { return foldName(strings.TrimSpace(given + " " + family)) }

// checkFoldKey compares foldKey with the folds it stands for.
func checkFoldKey(t testing.TB, g, f string) {
	t.Helper()
	k, fg, ff := foldKey(g, f)
	if want := keyRef(g, f); k != want {
		t.Errorf("foldKey(%q, %q) key = %q, want %q", g, f, k, want)
	}
	if want := foldName(g); fg != want {
		t.Errorf("foldKey(%q, %q) given = %q, want %q", g, f, fg, want)
	}
	if want := foldName(f); ff != want {
		t.Errorf("foldKey(%q, %q) family = %q, want %q", g, f, ff, want)
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct{ name, given, family string }{
		{"plain", "Jean-Luc", "CHAUMONT"},
		{"accents", "Jérôme", "BERNARD"},
		{"given only", "Anthony", ""},
		{"family only", "", "Reboulet"},
		{"empty", "", ""},
		{"spaces", "  Marie  Jo ", "  DE LA  TOUR "},
		{"blank given", "   ", "X"},
		{"apostrophe", "Barac’h", "d`Arc"},
		{"nbsp", "Jean\u00a0Paul", "X\u00a0"},
		{"beyond latin", "Ελένη", "ΠΑΠΑ"},
		{"combining", "Jose\u0301", "\u0301X"},
		{"invalid", "\xff", "A"},
		{"ideographic space", "A\u3000", "\u3000B"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkFoldKey(t, tc.given, tc.family) })
	}
	for r := rune(0); r < 0x2100; r++ {
		checkFoldKey(t, "a"+string(r), string(r)+"B é")
	}
}

func FuzzFoldKey(f *testing.F) {
	f.Add("Jean-Luc", "CHAUMONT")
	f.Add(" Jérôme ", "")
	f.Add("", "Œ\u0301")
	f.Fuzz(func(t *testing.T, g, fam string) { checkFoldKey(t, g, fam) })
}

// TestPersonKeyFollowsNames: the key a person remembers is that of their current names.
func TestPersonKeyFollowsNames(t *testing.T) {
	var p People
	q := p.Add(Name{Civility: "M.", Family: "HUET"})
	if got, want := q.Key(), "huet"; got != want {
		t.Fatalf("key = %q, want %q", got, want)
	}
	p.Add(Name{Given: "Guénhaël", Family: "HUET"})
	if got, want := q.Key(), "guenhael huet"; got != want {
		t.Errorf("key after merge = %q, want %q", got, want)
	}
	q.Given = "Paul" // changed behind People's back
	if got, want := q.Key(), "paul huet"; got != want {
		t.Errorf("key after change = %q, want %q", got, want)
	}
}

// TestPersonFolded checks that the remembered folds are those of the current names, including
// after a caller changed a name without the registry.
func TestPersonFolded(t *testing.T) {
	tests := []struct {
		name          string
		given, family string
		setGiven      string // a new given name set directly on the person, when not ""
	}{
		{"latin", "Guénhaël", "HUET", ""},
		{"family only", "", "Le  Roux", ""},
		{"given only", "Anthony", "", ""},
		{"changed after indexing", "J.", "Orsatelli", "Jean"},
		{"non-latin", "Ωmega", "ΣIGMA", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var p People
			n := Name{Given: tc.given, Family: tc.family}
			q := p.Add(n)
			if g, f := p.FoldsOf(n); g != Fold(tc.given) || f != Fold(tc.family) {
				t.Errorf("FoldsOf = %q, %q, want %q, %q", g, f, Fold(tc.given), Fold(tc.family))
			}
			if tc.setGiven != "" {
				q.Given = tc.setGiven
			}
			g, f := q.Folded()
			if want := Fold(q.Given); g != want {
				t.Errorf("Folded given = %q, want %q", g, want)
			}
			if want := Fold(q.Family); f != want {
				t.Errorf("Folded family = %q, want %q", f, want)
			}
		})
	}
}

func TestAppendFields(t *testing.T) {
	tests := []struct{ name, s string }{
		{"empty", ""},
		{"spaces only", " \t\u00a0 "},
		{"name", "  M.  Jean-Luc\tCHAUMONT "},
		{"non-breaking space", "Marc\u00a0Baïetto"},
		{"invalid utf-8", "A\xffB \x80"},
		{"many words", "a b c d e f g h i j k"},
		{"ideographic space", "Jean\u3000DUPONT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, want := appendFields(nil, tc.s), strings.Fields(tc.s)
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("appendFields(%q) = %q, want %q", tc.s, got, want)
			}
		})
	}
}

func FuzzAppendFields(f *testing.F) {
	f.Add("M. Jean-Luc\u00a0CHAUMONT")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestPeopleManyWords adds many people to the byWord index, several sharing a
// family name, and checks that each still resolves to itself and a shared name to nobody.
func TestPeopleManyWords(t *testing.T) {
	var p People
	var added []*Person
	for k := 0; k < 70; k++ {
		fam := fmt.Sprintf("FAMILLE%c%c", 'A'+k/26, 'A'+k%26)
		if k%10 == 0 {
			fam = "DUPONT"
		}
		added = append(added, p.New(Name{Given: fmt.Sprintf("Prénom%c%c", 'a'+k/26, 'a'+k%26), Family: fam}))
	}
	for _, q := range added {
		if got, ok := p.Resolve(q.Name); !ok || got != q {
			t.Errorf("Resolve(%q %q) = %v, %v, want %s", q.Given, q.Family, got, ok, q.ID)
		}
		if got, ok := p.Resolve(Name{Given: q.Given}); !ok || got != q {
			t.Errorf("Resolve(given %q) = %v, %v, want %s", q.Given, got, ok, q.ID)
		}
	}
	if got, ok := p.Resolve(Name{Family: "DUPONT", Civility: "M."}); ok {
		t.Errorf("Resolve(M. DUPONT) = %s, want no one: seven people bear the name", got.ID)
	}
}

// TestPersonPlace checks that Place is the person's index in List, merges included.
func TestPersonPlace(t *testing.T) {
	var p People
	a := p.Add(Name{Civility: "M.", Family: "HUET"})
	b := p.Add(Name{Given: "Anne", Family: "ROCHE"})
	c := p.Add(Name{Civility: "M.", Given: "Guénhaël", Family: "HUET"}) // merges into a
	if c != a {
		t.Fatalf("Add(M. Guénhaël HUET) = %s, want %s", c.ID, a.ID)
	}
	for k, q := range p.List {
		if q.Place() != k {
			t.Errorf("%s.Place() = %d, want %d", q.ID, q.Place(), k)
		}
	}
	if b.Place() != 1 {
		t.Errorf("ROCHE.Place() = %d, want 1", b.Place())
	}
}
