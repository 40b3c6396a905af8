package parse

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"minutes/extract"
)

func TestMoreRunes(t *testing.T) {
	for _, c := range []struct {
		name string
		s    string
		n    int
		want bool
	}{
		{"empty", "", 0, false},
		{"ascii at bound", "abc", 3, false},
		{"ascii over", "abcd", 3, true},
		{"accents at bound", "ééé", 3, false},
		{"accents over", "éééé", 3, true},
		{"bytes over, runes not", "é€", 2, false},
		{"invalid bytes count one each", "\xff\xfe\xfd", 2, true},
		{"long", strings.Repeat("é", 500), 120, true},
	} {
		if got := moreRunes(c.s, c.n); got != c.want {
			t.Errorf("%s: moreRunes(%q, %d) = %v, want %v", c.name, c.s, c.n, got, c.want)
		}
	}
}

func FuzzMoreRunes(f *testing.F) {
	for _, s := range []string{"", "abc", "éé", "\xff", "€uro", strings.Repeat("a", 130)} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n % 200
		if n < 0 {
			n = -n
		}
		if got, want := moreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
			t.Errorf("moreRunes(%q, %d) = %v, want %v", s, n, got, want)
		}
	})
}

// TestHeadingLeadsKnown checks that every lead and hand matcher names a heading form: one whose
// form changed is stale and no longer applies.
func TestHeadingLeadsKnown(t *testing.T) {
	forms := map[string]bool{}
	for _, f := range headingForms {
		forms[f.re.String()] = true
	}
	for src := range headingLeads {
		if !forms[src] {
			t.Errorf("headingLeads holds %q, which is no heading form's pattern", src)
		}
	}
	for src := range sepForms {
		if !forms[src] {
			t.Errorf("sepForms holds %q, which is no heading form's pattern", src)
		}
	}
}

func TestHeadingLeads(t *testing.T) {
	for _, c := range []struct {
		name string
		line string
		want string // the style matchHeading reads, "" for none
	}{
		{"arabic dot", "1. Modification des statuts", "arabic."},
		{"dotted", "6.5.1 Ecole", "dotted2"},
		{"roman dotted", "I.2 DÉLIBÉRATIONS", "roman.arabic"},
		{"roman dash", "II – COMMUNAUTE DE COMMUNES", "roman"},
		{"letter", "B) Pôle Administration", "letter"},
		{"point", "Point n° 1 : Finances Communales", "point"},
		{"delib", "DÉLIBÉRATION N°2023-45 – Budget", "delib"},
		{"bare delib", "2020-038 SUBVENTION AU CLUB", "delib"},
		{"degree", "1° Vote du budget", "arabic°"},
		{"prose", "Il est proposé au conseil", ""},
		{"amount", "12 345 € de subvention", ""},
	} {
		h, ok := matchHeading(c.line)
		got := ""
		if ok {
			got = h.style
		}
		if got != c.want {
			t.Errorf("%s: matchHeading(%q) style = %q, want %q", c.name, c.line, got, c.want)
		}
	}
}

// FuzzHeadingLeads checks that each lead is a necessary condition of its form's pattern.
func FuzzHeadingLeads(f *testing.F) {
	for _, s := range []string{"1. Budget", "12) x", "1 - Vote", "1–Vote", "1 / y", "1° z", "6.5 Ecole", "1-2 : Autre", "1 - 3 A : x",
		"2013.04.08 - 1 ADOPTION", "IV) PERSONNEL", "II – COMMUNAUTE", "I.2 DELIB", "A. Direction", "Point n° 1 : F", "DÉLIBÉRATION N° 12 : T",
		"N° 2016.02.16 - S", "DL-061-07-13 - Travaux", "2020-038 SUBVENTION", "Délibération n°3", "VV)", "\t1.x",
		"DE-2011/67 - Budget", "É12/3 – x", "ABCDE12/3 - x", "D 2018-66 Budget", "-12/3 : x", "23-02/001 – Rapport",
		"QUESTION N°2 - x", "doſſier 3 : y", "Affaire n° 4. z", "DELIBERATION N° 2014/155", "No 2016.02.16 - S", "Deliberation\tN°1", "Pointn°1:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, form := range headingForms {
			if l, ok := headingLeads[form.re.String()]; ok && form.re.MatchString(s) && !l.may(s) {
				t.Errorf("%s form matches %q but its lead rejects it", form.style, s)
			}
		}
	})
}

// FuzzHeadingOf checks the per-line memo of headings against matchHeadingMax, on the line and
// on its cleaned text, under both bounds of the title.
func FuzzHeadingOf(f *testing.F) {
	for _, s := range []string{"1. Budget\n\n2. Vote", "**1. X**\n# 2) Y", "#**#1. Titre**", "- 2008/1 – Implantation\n" + strings.Repeat("é", 200), "3. " + strings.Repeat("Mot ", 60), "I.\tFinances\n1\tSubventions"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		src, err := extract.Text([]byte(text))
		if err != nil {
			return
		}
		d := newDoc(src)
		for i, l := range d.lines {
			for _, text := range []string{l.Text, cleanHeadingText(l.Text)} {
				for _, m := range []int{maxTitleRunes, maxAgendaRunes} {
					got, gok := d.headingOf(i, text, m)
					want, wok := matchHeadingMax(text, m)
					if gok != wok || gok && !reflect.DeepEqual(got, want) {
						t.Errorf("headingOf(%d, %q, %d) = %+v, %v; want %+v, %v", i, text, m, got, gok, want, wok)
					}
				}
				if got, want := d.cleanAt(i), cleanHeadingText(l.Text); got != want {
					t.Errorf("cleanAt(%d) = %q, want %q", i, got, want)
				}
			}
		}
	})
}

func FuzzSingleSpaced(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u0085b", "é è", "\xff \xfe", "a\u2009b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzTabMay checks the readers of untab against the patterns they stand for: numberTabIndex
// reads reNumberTab, markerTabMay is a byte test run before reMarkerTab.
func FuzzTabMay(f *testing.F) {
	for _, s := range []string{"1\tSubventions", "\t12.3)\tX", "011\tCharges", "IV.\tFinances", "B)\tPôle", "-\tpoint", "o\tx", "•\titem", "\uf0b7\tx", "Dépenses\t\t", "\tTotal\t1", " VV)\t", "A.\t", "X\t",
		"1.\tx", "1.2.\t\tx", "1.123\tx", "1..\tx", "12.34)\t", "1.2)x\t", " \n\f\r1\t", "\v1\t", "1 \tx", "1.2", "1\t", "1)", "123\t", "1.2.3.4.5.6\t"} {
		f.Add(s)
	}
	numberTab := regexp.MustCompile(reNumberTab.String())
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := numberTabIndex(s).slice(), numberTab.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("numberTabIndex(%q) = %v, reNumberTab gives %v", s, got, want)
		}
		if reMarkerTab.MatchString(s) && !markerTabMay(s) {
			t.Errorf("reMarkerTab matches %q but markerTabMay rejects it", s)
		}
	})
}

// FuzzSepForms checks the hand matchers of sepForms against their patterns.
func FuzzSepForms(f *testing.F) {
	for _, s := range []string{"1. Budget", "12) x", "3)", "3) ", "4 / y", "1.", "1. ", "1.\n", "1. \n", "1.  \t", "1. a\nb", "123. x", "1 . x", "1.\tx", "1\v. x", "1. \xff", "1) \n", "1/ ", "1/  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for src, sf := range sepForms {
			re := regexp.MustCompile(src)
			if got, want := sf.match(s), re.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: match(%q) = %q, want %q", src, s, got, want)
			}
		}
	})
}

// isUpperTitleRef is isUpperTitle without its shortcuts.
func isUpperTitleRef(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 3 && upper*10 >= letters*9
}

func FuzzIsUpperTitle(f *testing.F) {
	for _, s := range []string{"VIE DU SYNDICAT", "Le conseil", "ÉTAT DES LIEUX", "ABCDEFGHIj", "ABCDEFGHIJKLMNOPQRSa", "Ab", "", "ÀÉÈ é", "DM N°3 : Réajustement", "\xffABC"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isUpperTitle(s), isUpperTitleRef(s); got != want {
			t.Errorf("isUpperTitle(%q) = %v, want %v", s, got, want)
		}
	})
}

// cleanHeadingTextRef is cleanHeadingText without its fast path.
func cleanHeadingTextRef(s string) string {
	s = untab(s)
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "#")
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	return strings.TrimSpace(s)
}

func FuzzCleanHeadingText(f *testing.F) {
	for _, s := range []string{"  **1. Budget**  ", "# Titre", "1\tSubventions", "a_b", "a__b", " \u00a0x\u00a0", "*x*", "#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanHeadingText(s), cleanHeadingTextRef(s); got != want {
			t.Errorf("cleanHeadingText(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestBulletMayLetters checks bulletMay against reBullet for every letter or digit opening a
// line: the ones it rejects must open no bullet.
func TestBulletMayLetters(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		for _, s := range []string{string(r) + " x", string(r) + "\tx", " " + string(r) + " x"} {
			if reBullet.MatchString(s) && !bulletMay(s) {
				t.Errorf("reBullet matches %q but bulletMay rejects it", s)
			}
		}
	}
}

func FuzzBulletMay(f *testing.F) {
	for _, s := range []string{"- x", "o x", "Ø x", "• x", "É x", "\uf0b7 x", " \t– x", "", "§ 1", "➢ y", "1. x", " 12) y", "1\t- z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if reBullet.MatchString(s) && !bulletMay(s) {
			t.Errorf("reBullet matches %q but bulletMay rejects it", s)
		}
	})
}

func FuzzMoneyInTitle(f *testing.F) {
	for _, s := range []string{"Subvention de 1 200,00 €", "12,50", "1,5", "1,234", "a,12", "1,12_", "1,12é", ",12", "1,", "Budget, 2024", "3,14,15"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := moneyInTitle(s), reMoneyInTitle.MatchString(s); got != want {
			t.Errorf("moneyInTitle(%q) = %v, want %v", s, got, want)
		}
	})
}

// joinsTitleRef is joinsTitle as it was written first, with strings.Fields and a rune count.
func joinsTitleRef(title, next string) bool {
	if utf8.RuneCountInString(next) > 140 {
		return false
	}
	if title == "" {
		return true
	}
	if isUpperTitle(title) && isUpperTitle(next) {
		return true
	}
	last := title[len(title)-1]
	if last == '.' || last == ':' || last == ';' || last == '?' || last == '!' {
		return false
	}
	if danglingEnd(title) || strings.Count(title, "«") > strings.Count(title, "»") || strings.Count(title, "(") > strings.Count(title, ")") {
		return true
	}
	f := strings.Fields(next)
	if len(f) == 1 && utf8.RuneCountInString(next) <= 6 && !strings.HasSuffix(next, ":") {
		r, _ := utf8.DecodeRuneInString(next)
		return unicode.IsDigit(r) || unicode.IsUpper(r)
	}
	r, _ := utf8.DecodeRuneInString(next)
	return r == '(' || unicode.IsLower(r)
}

// FuzzJoinsTitle checks joinsTitle against joinsTitleRef.
func FuzzJoinsTitle(f *testing.F) {
	for _, s := range [][2]string{{"Projet BAN DOÏ", "2016"}, {"Budget de", "la commune"}, {"TARIFS", "DE L'EAU"}, {"Vote (suite", "x"},
		{"Titre", " 2016 "}, {"Titre", "A\u00a0B"}, {"Titre", "É"}, {"Titre.", "suite"}, {"Titre", strings.Repeat("é", 141)}, {"T", "12:"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, title, next string) {
		if got, want := joinsTitle(title, next), joinsTitleRef(title, next); got != want {
			t.Errorf("joinsTitle(%q, %q) = %v, want %v", title, next, got, want)
		}
	})
}

// FuzzPlainSpan checks plainSpan against cleanHeading: the same lines plain, the same text.
func FuzzPlainSpan(f *testing.F) {
	for _, s := range []string{"", " ", "  1. Budget  ", "\u00a0x\u0085", "\v\fy\r\n", "\xc2", " \xa0x", "a\tb", "# x", "x_y", "\u2003é\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := plainSpan(s)
		want, plain := cleanHeading(s)
		if ok != plain || ok && s[a:b] != want {
			t.Errorf("plainSpan(%q) = %d, %d, %v; want %q, %v", s, a, b, ok, want, plain)
		}
	})
}
