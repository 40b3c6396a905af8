package parse

import (
	"strings"
	"testing"

	"minutes/extract"
)

// TestHeaderFieldsWording checks meeting fields written in less common ways, each with a short
// quote of real minutes around a minimal title.
func TestHeaderFieldsWording(t *testing.T) {
	cases := []struct {
		name, text string
		field      func(*Record) *string
		want       string
	}{
		{"end time with words between séance and levée",
			"SEANCE DU CONSEIL MUNICIPAL DU 4 AVRIL 2018\n\nLa séance du conseil municipal du mercredi 4 avril 2018, au cours de laquelle 36 délibérations ont été\nprises du n° 2018-024 au n° 2018-059, a été levée à 19h30\n",
			func(r *Record) *string { return r.Meeting.EndTime }, "19:30"},
		{"end time: séance est close à",
			"SEANCE DU CONSEIL MUNICIPAL DU 4 AVRIL 2018\n\nL'ordre du jour étant épuisé, la séance est close à 22 h 10.\n",
			func(r *Record) *string { return r.Meeting.EndTime }, "22:10"},
		{"start time in the L'an sentence far below the title date",
			"PROCES-VERBAL\nCONSEIL MUNICIPAL DU 17 JUIN 2011\n\nCommune de X\n\nConvocation du 10 juin 2011\n\nAffichage\n\nen exercice : 17\n\nPrésents : 12\n\nL'an deux mil onze, le dix-sept juin, à dix-neuf heures, le Conseil Municipal de la Commune, dûment convoqué, s'est réuni en session ordinaire.\n",
			func(r *Record) *string { return r.Meeting.StartTime }, "19:00"},
		{"start time alone under the title date",
			"Ville de X\n\nlundi 08 juin 2020\nà 18 H 00\nà la salle des fêtes\n",
			func(r *Record) *string { return r.Meeting.StartTime }, "18:00"},
		{"end time: clôturée à",
			"CONSEIL MUNICIPAL DU 4 AVRIL 2018\n\nPlus rien n'étant à l'ordre du jour, la séance publique du conseil est clôturée à 21h15.\n",
			func(r *Record) *string { return r.Meeting.EndTime }, "21:15"},
		{"start time: s'est réuni … à 20 heures 30",
			"CONSEIL MUNICIPAL\nSéance du 4 avril 2018\n\nPrésents : M. A, M. B\n\nExcusés : M. C\n\nSecrétaire : M. D\n\nLe Conseil Municipal, régulièrement convoqué, s'est réuni au lieu habituel de ses séances à 20 heures 30.\n",
			func(r *Record) *string { return r.Meeting.StartTime }, "20:30"},
		{"place in the preamble after a long summary",
			"Conseil Municipal du 4 avril 2018\nSOMMAIRE\n" + strings.Repeat("Approbation d’une convention page 3\n", 30) + "SEANCE DU CONSEIL MUNICIPAL\nDU 4 AVRIL 2018\nL'an deux mil dix huit, le 4 avril, à dix huit heures trente, le conseil municipal,\nlégalement convoqué, s'est réuni à l'Hôtel de Ville.\n",
			func(r *Record) *string { return r.Meeting.Place }, "Hôtel de Ville"},
		{"place: en salle du conseil",
			"CONSEIL MUNICIPAL DU 4 AVRIL 2018\n\nLe conseil municipal s'est réuni en salle du conseil, sous la présidence du maire.\n",
			func(r *Record) *string { return r.Meeting.Place }, "salle du conseil"},
		{"place: à la salle des fêtes",
			"CONSEIL MUNICIPAL DU 4 AVRIL 2018\n\nLe conseil municipal s'est réuni à la salle des fêtes, sous la présidence du maire.\n",
			func(r *Record) *string { return r.Meeting.Place }, "salle des fêtes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := extract.Bytes("x.txt", []byte(c.text))
			if err != nil {
				t.Fatal(err)
			}
			r := headerOnly(src)
			got := c.field(r)
			if got == nil || *got != c.want {
				g := "<nil>"
				if got != nil {
					g = *got
				}
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

// TestSecretaryWording checks secretaries named in a sentence rather than after a label.
func TestSecretaryWording(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"à savoir X",
			"CONSEIL MUNICIPAL DU 25 MAI 2020\n\nIl procède à la nomination d’un secrétaire de séance, le conseiller municipal le plus jeune, à savoir Anne LE GUEN qui procède à l’appel des 33 conseillers municipaux.\n",
			"anne le guen"},
		{"désignée pour remplir ces fonctions",
			"CONSEIL MUNICIPAL DU 8 JUIN 2020\n\nIl a été procédé à l'élection d'un secrétaire pris dans le sein du Conseil.\nMme Trefina KERRAIN, ayant obtenu la majorité des suffrages, a été désignée pour remplir ces fonctions et procède à l'appel nominatif des conseillers.\n",
			"trefina kerrain"},
		{"désigné(e) pour remplir les fonctions de secrétaire",
			"CONSEIL MUNICIPAL DU 8 JUIN 2020\n\nMme Anne MARTIN a été désignée pour remplir les fonctions de secrétaire de séance.\n",
			"anne martin"},
		{"secrétaire : X inside a sentence",
			"CONSEIL MUNICIPAL DU 8 JUIN 2020\n\nLe quorum étant atteint, la séance est ouverte ; secrétaire : M. Paul DURAND.\n",
			"paul durand"},
		{"à savoir without secrétaire is no secretary",
			"CONSEIL MUNICIPAL DU 17 JUIN 2011\n\nle bureau électoral comprend les deux conseillers les plus âgés, à savoir M. Jean-Pierre GRANDJOUAN, M. Georges LECLEVE.\n",
			""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := extract.Bytes("x.txt", []byte(c.text))
			if err != nil {
				t.Fatal(err)
			}
			r := headerOnly(src)
			got := ""
			if id := r.Meeting.Secretary; id != nil {
				for _, p := range r.People {
					if p.ID == *id {
						got = p.Key
					}
				}
			}
			if got != c.want {
				t.Errorf("secretary got %q, want %q", got, c.want)
			}
		})
	}
}

// TestStaffTitleEntry checks that a staff function written as a list entry is no person.
func TestStaffTitleEntry(t *testing.T) {
	cases := []struct {
		name, in string
		person   bool
	}{
		{"directeur général des services", "Directeur Général des Services", false},
		{"DGS", "DGS", false},
		{"chef de cabinet", "chef de cabinet", false},
		{"secrétaire de mairie, no name", "Secrétaire de mairie", false},
		{"a name stays a name", "Mme KERSPERN", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := parseEntry(c.in, false)
			if e.ok != c.person {
				t.Errorf("parseEntry(%q).ok = %v, want %v", c.in, e.ok, c.person)
			}
			if !c.person && !e.role {
				t.Errorf("parseEntry(%q) is neither a person nor a function", c.in)
			}
		})
	}
}
