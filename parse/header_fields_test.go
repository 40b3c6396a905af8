package parse

import (
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
