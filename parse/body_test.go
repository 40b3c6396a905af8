package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// bodyDoc builds a doc from text, registers the people an attendance list would have given,
// and runs the body reader alone (the header and attendance readers are tested on their own).
func bodyDoc(t testing.TB, text string, people []string, president string) *doc {
	t.Helper()
	src, err := extract.Text([]byte(text))
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	d := newDoc(src)
	for _, raw := range people {
		n, ok := normalize.PersonName(raw)
		if !ok {
			t.Fatalf("person %q: not a name", raw)
		}
		p := d.people.Add(n)
		if raw == president {
			id := p.ID
			d.rec.Meeting.President = &id
		}
	}
	d.body()
	d.finish()
	return d
}

func TestMatchHeading(t *testing.T) {
	tests := []struct {
		name, line    string
		ok            bool
		number, title string
		style         string
	}{
		{"roman", "I. VIE DU SYNDICAT MIXTE NUMÉRIAN", true, "I", "VIE DU SYNDICAT MIXTE NUMÉRIAN", "roman"},
		{"roman with tab", "IV.\tPERSONNEL", true, "IV", "PERSONNEL", "roman"},
		{"roman dash", "I – COMMUNE :", true, "I", "COMMUNE", "roman"},
		{"composite", "I.2 DÉLIBÉRATIONS", true, "I.2", "DÉLIBÉRATIONS", "roman.arabic"},
		{"letter", "A. Direction Générale des services", true, "A", "Direction Générale des services", "letter"},
		{"arabic dot", "1. Modification des statuts de Numérian et dissolution de l'EPIC Numérian", true, "1", "Modification des statuts de Numérian et dissolution de l'EPIC Numérian", "arabic."},
		{"arabic paren", "0) Approbation du dernier compte-rendu", true, "0", "Approbation du dernier compte-rendu", "arabic)"},
		{"arabic paren alone", "10)", true, "10", "", "arabic)"},
		{"arabic dash", "1- Election du 3 adjoint", true, "1", "Election du 3 adjoint", "arabic-"},
		{"arabic tab", "1\tSubventions associatives", true, "1", "Subventions associatives", "arabic."},
		{"dotted", "6.5.1\tEclairage", true, "6.5.1", "Eclairage", "dotted2"},
		{"deliberation year-number", "2020-038 SUBVENTION AU CLUB", true, "2020-038", "SUBVENTION AU CLUB", "delib"},
		{"deliberation DL", "DL-061-07-13 - Travaux de réaménagement du gymnase Thimonnier", true, "DL-061-07-13", "Travaux de réaménagement du gymnase Thimonnier", "delib"},
		{"deliberation D", "D2018-66 Tarifs municipaux", true, "D2018-66", "Tarifs municipaux", "delib"},
		{"deliberation N°", "DÉLIBÉRATION N° 2014/155 – Instances paritaires", true, "2014/155", "Instances paritaires", "delib"},
		{"deliberation slash", "24-07/059 – Budget annexe", true, "24-07/059", "Budget annexe", "delib"},
		{"deliberation with letters and a year", "DE-2011/67 – Elections des délégués et des suppléants", true, "DE-2011/67", "Elections des délégués et des suppléants", "delib"},
		{"deliberation year/number", "2014/25 – DECISIONS MODIFICATIVES", true, "2014/25", "DECISIONS MODIFICATIVES", "delib"},
		{"outline number is no deliberation", "10.1 – Section de fonctionnement", true, "10.1", "Section de fonctionnement", "dotted1"},
		{"acknowledgement fragment", "E-25-04-042-D", false, "", "", ""},
		{"initials are no letter heading", "A. ORSINI, N. PULICANI, M.C. RUIZ,) et 02 conseillers étaient Absents", false, "", "", ""},
		{"deliberation date", "2013.04.08 - 1 ADOPTION DU COMPTE-RENDU", true, "2013.04.08 - 1", "ADOPTION DU COMPTE-RENDU", "delib"},
		{"deliberation year slash", "2014/25 – DECISISIONS MODIFICATIVES", true, "2014/25", "DECISISIONS MODIFICATIVES", "delib"},
		{"point", "Point n° 1 : Finances Communales", true, "1", "Finances Communales", "point"},
		{"hyphen composite", "1-1 : Autorisation à donner au Maire", true, "1-1", "Autorisation à donner au Maire", "hyphen2"},
		{"hyphen composite spaced", "2- 1 : Autorisation à donner au Maire", true, "2-1", "Autorisation à donner au Maire", "hyphen2"},
		{"hyphen letter", "1-3 A : Relevés topographiques.", true, "1-3 A", "Relevés topographiques.", "hyphenL"},
		{"dash without space", "2-Election d'un Adjoint au Maire", true, "2", "Election d'un Adjoint au Maire", "arabic-"},
		{"deliberation behind a bullet", "- 2008/1 – Implantation de nouveaux caveaux au cimetière", true, "2008/1", "Implantation de nouveaux caveaux au cimetière", "delib"},
		{"deliberation n° single", "Délibération n° 12 : Tarifs municipaux", true, "12", "Tarifs municipaux", "delib"},
		{"question", "Question n° 3 : Vente d'un terrain", true, "3", "Vente d'un terrain", "point"},
		{"degree paren", "1°) Budget primitif", true, "1", "Budget primitif", "arabic°"},
		{"list item in prose", "1. de mettre à disposition le service", false, "", "", ""},
		{"list item ending with semicolon", "2. Une compétence en matière de Legaltech ;", false, "", "", ""},
		{"amount line", "1 476 725,69 € qui se décompose ainsi :", false, "", "", ""},
		{"initial, not roman", "I.N.E.O.", false, "", "", ""},
		{"reference in prose", "n°03/2012), il convient de réfléchir", false, "", "", ""},
		{"bullet", "- DM N°3 Réajustement :", false, "", "", ""},
		{"quantity", "2 bureaux à préparer", false, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, ok := matchHeading(tc.line)
			if ok != tc.ok {
				t.Fatalf("matchHeading(%q) ok = %v, want %v (got %+v)", tc.line, ok, tc.ok, h)
			}
			if !ok {
				return
			}
			if h.number != tc.number || h.title != tc.title || h.style != tc.style {
				t.Errorf("matchHeading(%q) = number %q title %q style %q, want %q %q %q", tc.line, h.number, h.title, h.style, tc.number, tc.title, tc.style)
			}
		})
	}
}

// TestOutline checks the running numbering: a numbered list inside a section is prose.
func TestDelibNumberOK(t *testing.T) {
	tests := []struct {
		n    string
		want bool
	}{
		{"DE-2011/67", true}, {"23-02/001", true}, {"2014/25", true}, {"D2018-66", true}, {"DL-061-07-13", true},
		{"10.1", false}, {"12-1", false}, {"12/05/2014", false}, {"2014-2015", false},
	}
	for _, tc := range tests {
		if got := delibNumberOK(tc.n); got != tc.want {
			t.Errorf("delibNumberOK(%q) = %v, want %v", tc.n, got, tc.want)
		}
	}
}

func TestOutline(t *testing.T) {
	text := "A. Direction\n\n1. Contrat de R&D\n\nTexte.\n\n2. Projet d'innovation\n\nIl fallait 3 compétences :\n\n" +
		"1. Une compétence dans le domaine des plateformes\n2. Une compétence juridique\n\n3. Adhésion de la commune\n\nB. Pôle\n\n1. Création de la centrale\n"
	d := bodyDoc(t, text, nil, "")
	var got []string
	for _, it := range d.rec.Items {
		got = append(got, it.Path)
	}
	want := "A A.1 A.2 A.3 B B.1"
	if strings.Join(got, " ") != want {
		t.Errorf("paths = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestLineTrigger(t *testing.T) {
	ip := func(n int) *int { return &n }
	tests := []struct {
		name, line          string
		trigger, unanimous  bool
		outcome             string
		forN, against, abst *int
	}{
		{"counts with colons", "Pour : 23 Contre : 0 Abstention : 0", true, false, "", ip(23), ip(0), ip(0)},
		{"par N voix", "Par 13 voix POUR – 1 ABSTENTION", true, false, "", ip(13), nil, ip(1)},
		{"counts reversed", "0 contre, 0 abstention, 11 pour", true, false, "", ip(11), ip(0), ip(0)},
		{"adoptée par", "Délibération adoptée par 14 voix POUR", true, false, Adopted, ip(14), nil, nil},
		{"unanimity of voters", "A L'UNANIMITE des votants (31 voix), 8 abstentions", true, true, "", ip(31), nil, ip(8)},
		{"adopté à l'unanimité", "ADOPTÉ À L'UNANIMITÉ", true, true, Adopted, nil, nil, nil},
		{"after deliberation", "Le Conseil Municipal après en avoir délibéré à l'unanimité, accepte la proposition", true, true, Adopted, nil, nil, nil},
		{"vote arrow", "Vote : 14 pour / 0 contre / 0 abstention → adopté", true, false, Adopted, ip(14), ip(0), ip(0)},
		{"vote line", "Pour 9", true, false, "", ip(9), nil, nil},
		{"passive adoption", "La proposition est adoptée.", true, false, Adopted, nil, nil, nil},
		{"council adopts", "Le Conseil adopte.", true, false, Adopted, nil, nil, nil},
		{"decision colon", "DECISION : le Conseil Municipal accepte à l'unanimité, les propositions ci-dessus.", true, true, Adopted, nil, nil, nil},
		{"noted", "Les membres du conseil municipal prennent acte de cette décision.", true, false, Noted, nil, nil, nil},
		{"rejected", "Le compte-rendu du conseil municipal du 08 avril 2015 n'est pas adopté.", true, false, Rejected, nil, nil, nil},
		{"not retained", "Proposition non retenue par le conseil municipal.", true, false, Rejected, nil, nil, nil},
		{"deferred", "la délibération est donc reportée à un prochain conseil.", true, false, Deferred, nil, nil, nil},
		{"majority", "Le Conseil, à la majorité, Madame X ne prenant pas part au vote.", true, false, "", nil, nil, nil},
		{"carried-over result", "Résultat de fonctionnement reporté", false, false, "", nil, nil, nil},
		{"past adoption", "abouti à un avenant adopté en octobre 2011 dont l'objet", false, false, "", nil, nil, nil},
		{"amount, not a vote", "pour un montant de 2 026 000 € contre 2 350 000 € au budget primitif", false, false, "", nil, nil, nil},
		{"money for one", "Pour 1€ donnée, la région donne 1€ .", false, false, "", nil, nil, nil},
		{"visa", "Considérant le tableau des emplois adopté par le Conseil Municipal le 22/05/2015,", false, false, "", nil, nil, nil},
		{"candidate elected", "- Anne-Marie : 11 votes, - Elue", true, false, Adopted, nil, nil, nil},
		{"proclamation", "ONT ETE PROCLAMES", true, false, Adopted, nil, nil, nil},
		{"chair of the session", "monsieur Jean-Pierre TOULOUSE, 1er adjoint, est proclamé président de séance.", false, false, "", nil, nil, nil},
		{"tally with a label", "Pour le changement de prestataire : 13 votes", true, false, "", ip(13), nil, nil},
		{"quoted labels", "Par 21 voix « Pour» et 5 « Abstentions » (V. B, M. C)", true, false, "", ip(21), nil, ip(5)},
		{"considérant then decides", "Considérant que l'ADMR exerce une mission d'intérêt général au niveau local, le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide à l'unanimité des membres présents de restituer à l'ADMR sa caution", true, true, "", nil, nil, nil},
		{"no follow-up", "Les membres du Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décident que faute d'éléments officiels, ils ne donnent pas suite à cette requête.", true, false, Rejected, nil, nil, nil},
		{"unfavourable opinion", "Le conseil municipal émet un avis défavorable au projet.", true, false, Rejected, nil, nil, nil},
		{"passive deferral", "le choix de l'adhésion a donc été reporté.", true, false, Deferred, nil, nil, nil},
		{"OCR diaeresis for T", "LE CONSEIL MUNICIPAL, A L'UNANIMIÏE, ACCEPÏE CES PROPOSITIONS", true, true, Adopted, nil, nil, nil},
		{"OCR question mark for I", "LE CONSEIL MUNICIPAL, A L'UNANIM?TE, ACCEPÏE CETÏE PROPOSITION", true, true, Adopted, nil, nil, nil},
		{"pour and a noun", "une consultation a donc été lancée pour 2 unités", false, false, "", nil, nil, nil},
		{"infinitive proposal", "il est demandé aux membres du conseil municipal de bien vouloir adopter la présente délibération.", false, false, "", nil, nil, nil},
	}
	eq := func(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	str := func(p *int) string {
		if p == nil {
			return "nil"
		}
		return itoa(*p)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lineTrigger(normalize.Fold(tc.line), tc.line)
			if got.trigger != tc.trigger {
				t.Fatalf("lineTrigger(%q).trigger = %v, want %v (%+v)", tc.line, got.trigger, tc.trigger, got)
			}
			if !tc.trigger {
				return
			}
			if got.unanimous != tc.unanimous || got.outcome != tc.outcome {
				t.Errorf("lineTrigger(%q) unanimous %v outcome %q, want %v %q", tc.line, got.unanimous, got.outcome, tc.unanimous, tc.outcome)
			}
			if !eq(got.forN, tc.forN) || !eq(got.againstN, tc.against) || !eq(got.abstN, tc.abst) {
				t.Errorf("lineTrigger(%q) counts %s/%s/%s, want %s/%s/%s", tc.line, str(got.forN), str(got.againstN), str(got.abstN), str(tc.forN), str(tc.against), str(tc.abst))
			}
		})
	}
}

// TestDecisions checks how vote lines group into decisions.
func TestDecisions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // outcome/unanimous per decision
	}{
		{"statement and vote block", "1) Vote\n\nLe Conseil Municipal DECIDE à l'unanimité et autorise le versement.\nPour 9\n Abstention 0\n Contre 0\n", []string{"adopted/true"}},
		{"one decision per délibération", "1. DM\n\nÀ l'unanimité des membres présents, le Conseil Syndical approuve :\n\n- **La délibération n°3 relative au réajustement ;**\n- **La délibération n°4 relative au chapitre 012 ;**\n", []string{"adopted/true", "adopted/true"}},
		{"list content is one decision", "1. DSP\n\nLe Conseil municipal approuve :\n• l'avenant n°5,\n• le règlement de service,\nDélibération adoptée à l'unanimité\n", []string{"adopted/true"}},
		{"adopted then deferred", "7) Agriculture\n\nValide la fin du bail\nPour 9\n Abstention 0\n Contre 0\nLa convention de prêt :\nla délibération est donc reportée à un prochain conseil.\n", []string{"adopted/true", "deferred/false"}},
		{"abstainers named", "3. Eau\n\nLE CONSEIL MUNICIPAL, A L'EXCEPTION DE MESSIEURS GOUEDARD, DROULLOURS ET TACHE QUI S'ABSTIENNENT, ACCEPTE CES PROPOSITIONS\n", []string{"adopted/false"}},
		{"council votes", "1) Crédits\n\nLe Maire invite le conseil municipal à voter ces crédits.\nLe conseil municipal après en avoir délibéré, vote en dépenses les suppléments de crédits\ncompensés par les plus-values de recettes indiquées ci-dessus.\n", []string{"adopted/false"}},
		{"subject and verb on two lines", "1) Indemnité\n\nLe Conseil Municipal considérant les services rendus par M. Jean-Claude FORGUES Receveur\nMunicipal en sa qualité de conseiller financier de la collectivité décide de lui allouer\nen totalité l'indemnité de conseil.\n", []string{"adopted/false"}},
		{"takes note", "1) Bureaux\n\nLe Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, prend connaissance de ce dossier.\n", []string{"noted/false"}},
		{"takes note, then deliberates", "1) Convention\n\nLe conseil municipal prend connaissance de la convention et après en avoir\ndélibéré, celui-ci :\n- ACCEPTE la convention à l'unanimité,\n", []string{"adopted/true"}},
		{"council as object", "1) Indemnité\n\nMonsieur le Maire expose au Conseil Municipal qu'un arrêté interministériel en date du 16\ndécembre 1983 fixe les conditions d'attribution.\n", nil},
		{"past decision", "1) Poste\n\nPar délibération du 12 mai 2012, le conseil municipal a décidé de créer un poste.\n", nil},
		{"article restates the vote", "1) Carte achat\n\nArticle 1\n\nLe conseil municipal décide de doter la commune d'un outil de commande.\n\nArticle 2\n\nLa solution sera mise en place.\nElle sera utilisée par les services.\nLes plafonds sont fixés par arrêté.\nLe règlement est annexé.\nLa durée est de 3 ans.\nUn bilan sera fait.\n\nLE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION\n", []string{"adopted/true"}},
		{"two outcomes, two decisions", "III) Adhésions\n\nSHAARL sollicite une subvention par cotisation de 20€/an.\nADOPTÉ à l'unanimité.\n\nACCDM (Association de Citoyens Contre les Déserts Médicaux)\nLa structure locale existe depuis quatre ans.\nADOPTÉ 9 voix pour, 5 abstentions.\n", []string{"adopted/true", "adopted/false"}},
		{"two favourable votes", "1) Budget\n\nVote favorable à l'unanimité des membres présents du budget primitif 2016.\n\nVote favorable à l'unanimité des membres présents de l'affectation des résultats.\n", []string{"adopted/true", "adopted/true"}},
		{"majority then unanimity", "25-04/034 — Budget :\n\n> Le Budget Primitif 2025 est adopté, à la Majorité des membres présents et représentés, par 22 voix\nPour, et\n\n5 Abstentions (V. B, M. C),\n\nEn Dépenses au chapitre 65 : Subventions aux Associations : Adopté à l'Unanimité.\n", []string{"adopted/false", "adopted/true"}},
		{"tally restates the chair", "4) Règlement\n\nJe mets aux voix. Qui est contre ? Qui s'abstient ? Adopté. A l'unanimité moins une abstention.\n\nPour : 64\nContre :\nAbstentions : 1\nAdopté à l'unanimité.\n", []string{"adopted/true"}},
		{"unanimity with abstentions", "N° 2016.02.16 - Subvention\n\nA L'UNANIMITE des votants (31 voix), 8 abstentions (groupe X et Mme VEILLEROT)\nAPPROUVE l'affectation d'une subvention\n", []string{"adopted/true"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := bodyDoc(t, tc.text, nil, "")
			if len(d.rec.Items) == 0 {
				t.Fatalf("no item read from %q", tc.text)
			}
			var got []string
			for _, it := range d.rec.Items {
				for _, dec := range it.Decisions {
					u := "false"
					if dec.Unanimous {
						u = "true"
					}
					got = append(got, dec.Outcome+"/"+u)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("decisions = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestVoters(t *testing.T) {
	text := "1. Budget\n\nAdopté :\nCONTRE 1 (Jean Marie SALANON)\n"
	d := bodyDoc(t, text, []string{"Jean Marie SALANON"}, "")
	if len(d.rec.Items) != 1 || len(d.rec.Items[0].Decisions) != 1 {
		t.Fatalf("want one item with one decision, got %+v", d.rec.Items)
	}
	v := d.rec.Items[0].Decisions[0].Voters
	if len(v) != 1 || v[0].Person != "p1" || v[0].Vote != "against" {
		t.Errorf("voters = %+v, want [{p1 against}]", v)
	}
}

func TestSpeakerAt(t *testing.T) {
	tests := []struct {
		name, line string
		loose      bool
		ok         bool
		text, form string
		role       bool
	}{
		{"direct full name", "Monsieur Jean-Luc Chaumont : La compétence en innovation ne fait-elle pas partie du domaine numérique ?", false, true, "Monsieur Jean-Luc Chaumont", formDirect, false},
		{"direct family", "Monsieur MAHUET : Il a toujours des responsabilités syndicales ou pas ?", false, true, "Monsieur MAHUET", formDirect, false},
		{"direct bare name", "Max LEVITA : Merci Monsieur le Maire.", false, true, "Max LEVITA", formDirect, false},
		{"direct role", "Monsieur le Maire : Il a commencé ce matin.", false, true, "Monsieur le Maire", formDirect, true},
		{"direct with function", "Madame ROJON, Directrice générale des services : Ce n'est pas possible", false, true, "Madame ROJON", formDirect, false},
		{"reported", "Monsieur Jean-Charles Manrique répond que c'est mentionné spécifiquement.", true, true, "Monsieur Jean-Charles Manrique", formReported, false},
		{"reported short civility", "Mme Reynaud note que le maintien des subventions a apaisé la situation.", true, true, "Mme Reynaud", formReported, false},
		{"reported after linking word", "Ensuite, Monsieur Chaumont demande quelle réduction de coût pourrait être attendue.", true, true, "Monsieur Chaumont", formReported, false},
		{"reported outside debate", "M. ZANNETTACCI présente le dossier.", false, false, "", "", false},
		{"verb phrase is not a function", "Le Maire, rappelle au conseil municipal :", false, false, "", "", false},
		{"narrative", "Il y a un désaccord concernant la part à payer.", true, false, "", "", false},
		{"attendance line", "Présents : M. Dominique GOSSET", false, false, "", "", false},
		{"label and amount", "Montant HT : 79 819,72 € HT.", false, false, "", "", false},
		{"signature with status", "Marie-Josèphe BATARD : Excusée", false, false, "", "", false},
		{"role in a member list", "LE MAIRE : membre de droit", false, false, "", "", false},
		{"bare name, turn on the next line", "Abdi EL KANDOUSSI:", false, true, "Abdi EL KANDOUSSI", formDirect, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := bodyDoc(t, "x\n", nil, "")
			sp, ok := d.speakerAt(tc.line, tc.loose)
			if ok != tc.ok {
				t.Fatalf("speakerAt(%q) ok = %v, want %v (%+v)", tc.line, ok, tc.ok, sp)
			}
			if ok && (sp.text != tc.text || sp.form != tc.form || sp.role != tc.role) {
				t.Errorf("speakerAt(%q) = %+v, want text %q form %q role %v", tc.line, sp, tc.text, tc.form, tc.role)
			}
		})
	}
}

// TestSignatureList checks that a run of "Name :" lines (signatures of the register) is no debate,
// while a bare name whose turn follows on the next line is.
func TestSignatureList(t *testing.T) {
	tests := []struct {
		name, text string
		want       int // exchanges
	}{
		{"signatures", "1. Clôture\n\nLa séance est levée.\n\nAnnie BARDOUL :\nMarie-Josèphe BATARD : Excusée\nAlice BICZYSKO :\nNicolas BOUCHER :\n", 0},
		{"turn on the next line", "1. Indemnités\n\nAbdi EL KANDOUSSI:\nConcernant ces indemnités, ce calcul est effectué à partir de la valeur de référence.\n", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := bodyDoc(t, tc.text, nil, "")
			n := 0
			for _, it := range d.rec.Items {
				n += len(it.Exchanges)
			}
			if n != tc.want {
				t.Errorf("exchanges = %d, want %d", n, tc.want)
			}
		})
	}
}

// TestResolveSpeaker checks the linking of speakers to the people of the meeting.
func TestResolveSpeaker(t *testing.T) {
	people := []string{"M. Jean-Luc CHAUMONT", "Mme Christelle REYNAUD", "M. Anthony BARRAULT", "Sylvie DUPERRAY BARDEAU", "M. Jérôme BERNARD"}
	text := "1. Point\n\nTemps d'échange :\n\nMonsieur Chaumont : Question ?\n\nMme Reynaud note que oui.\n\nAnthony précise que non.\n\nMadame DUPERRAY : Oui.\n\nMonsieur le Président : Merci.\n\nMonsieur Reboulet mentionne le SGC.\n\nIl y a un désaccord.\n"
	d := bodyDoc(t, text, people, "M. Jérôme BERNARD")
	if len(d.rec.Items) != 1 {
		t.Fatalf("items = %d, want 1", len(d.rec.Items))
	}
	var got []string
	for _, e := range d.rec.Items[0].Exchanges {
		s := "null"
		if e.Speaker != nil {
			s = *e.Speaker
		}
		got = append(got, s+"/"+e.Form)
	}
	want := "p1/direct p2/reported p3/reported p4/direct p5/direct p6/reported null/reported"
	if strings.Join(got, " ") != want {
		t.Errorf("exchanges = %q, want %q", strings.Join(got, " "), want)
	}
	if n := len(d.people.List); n != 6 || d.people.List[5].Family != "Reboulet" {
		t.Errorf("people after the debate: %d, want 6 with Reboulet added", n)
	}
}

func TestAgendaLinks(t *testing.T) {
	text := "ORDRE DU JOUR\n\n1. Débat d'Orientaion Budgétaire 2024\n2. Convention de partenariat avec Manche Numérique\n3. Modification du tableau des effectifs\n4. Décisions Modificatives :\n - DM N°3 : Réajustement\n\n" +
		"Le conseil s'est réuni.\n\n1. Débat d'Orientation Budgétaire 2024\n\nTexte.\n\n2. Modification du tableau des effectifs\n\nTexte.\n\n3. Décisions Modificatives :\n\nTexte.\n\n4. Questions diverses\n\nTexte.\n"
	d := bodyDoc(t, text, nil, "")
	if len(d.rec.Agenda) != 5 || d.rec.Agenda[4].Path != "4.1" || d.rec.Agenda[4].Number != nil {
		t.Fatalf("agenda = %+v, want 5 entries with an unnumbered 4.1", d.rec.Agenda)
	}
	var links []string
	for _, it := range d.rec.Items {
		l := "null"
		if it.AgendaPath != nil {
			l = *it.AgendaPath
		}
		links = append(links, it.Path+"→"+l)
	}
	if got, want := strings.Join(links, " "), "1→1 2→3 3→4 4→null"; got != want {
		t.Errorf("links = %q, want %q", got, want)
	}
	var codes []string
	for _, g := range d.rec.Diagnostics {
		codes = append(codes, g.Code+":"+g.Message)
	}
	want := []string{"agenda-unmatched:agenda entry 2 has no section in the body", "section-unmatched:section 4 (Questions diverses) has no entry in the agenda"}
	if strings.Join(codes, "|") != strings.Join(want, "|") {
		t.Errorf("diagnostics = %q, want %q", codes, want)
	}
}

// TestAgendaOnly reads a convocation: composite numbers, lettered and unnumbered sub-points, and
// no body.
func TestAgendaOnly(t *testing.T) {
	text := "ORDRE DU JOUR DU CONSEIL MUNICIPAL\nSEANCE DU LUNDI 24 JUILLET 2023 A 17H30\n\n1 - Marchés Publics :\n\n* 1-1 : Autorisation à donner au Maire\n\n" +
		"* 1-2 : Création d'une voie douce :\n- 1-2 A : Relevés topographiques.\n- 1-2 B : Reconnaissances réseaux.\n\n2- Financements :\n\n* 2- 1 : Adoption de plans de financement pour :\n\na) l'assistance à maîtrise d'ouvrage\n"
	d := bodyDoc(t, text, nil, "")
	var got []string
	for _, a := range d.rec.Agenda {
		got = append(got, a.Path)
	}
	if want := "1 1.1 1.2 1.2.A 1.2.B 2 2.1 2.1.a"; strings.Join(got, " ") != want {
		t.Errorf("agenda paths = %q, want %q", strings.Join(got, " "), want)
	}
	if len(d.rec.Items) != 0 || len(d.rec.Diagnostics) != 1 || d.rec.Diagnostics[0].Code != "agenda-only" {
		t.Errorf("items %d, diagnostics %+v; want none and one agenda-only", len(d.rec.Items), d.rec.Diagnostics)
	}
}

// TestBulletAgenda reads an agenda of dash bullets followed by a body numbered in roman figures.
func TestBulletAgenda(t *testing.T) {
	text := "ORDRE DU JOUR\n- Travaux de voirie\n- Subventions aux associations\n\nI – TRAVAUX DE VOIRIE\nTexte.\n\nII – SUBVENTIONS AUX ASSOCIATIONS\nAdopté par 4 voix pour et 1 abstention (M. NOIR).\n"
	d := bodyDoc(t, text, []string{"M. NOIR"}, "")
	if len(d.rec.Agenda) != 2 || d.rec.Agenda[0].Number != nil {
		t.Fatalf("agenda = %+v, want two unnumbered entries", d.rec.Agenda)
	}
	var got []string
	for _, it := range d.rec.Items {
		l := "null"
		if it.AgendaPath != nil {
			l = *it.AgendaPath
		}
		got = append(got, it.Path+"→"+l)
	}
	if want := "I→1 II→2"; strings.Join(got, " ") != want {
		t.Errorf("items = %q, want %q", strings.Join(got, " "), want)
	}
	dec := d.rec.Items[1].Decisions
	if len(dec) != 1 || dec[0].Unanimous || len(dec[0].Voters) != 1 || dec[0].Voters[0].Vote != "abstention" {
		t.Errorf("decision = %+v, want one adopted, not unanimous, one abstainer", dec)
	}
}

// bodyView is the part of the record the body reader fills, for golden files.
type bodyView struct {
	Agenda      []AgendaItem `json:"agenda"`
	Items       []Item       `json:"items"`
	Unplaced    []Text       `json:"unplaced,omitempty"`
	People      []Person     `json:"people"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// goldenCases are excerpts of several councils' minutes, each with the people its attendance
// list gives and its president.
var goldenCases = []struct {
	name      string
	people    []string
	president string
}{
	{"numerian", []string{"M. Jérôme BERNARD", "M. Jean-Luc CHAUMONT", "M. Jean-Charles MANRIQUE", "M. Gilbert MOULIN", "Mme Christelle REYNAUD", "M. Mickaël BOUCHARDON", "M. Anthony BARRAULT"}, "M. Jérôme BERNARD"},
	{"reallon", []string{"M. Yves LELONG", "M. Denis DECHOUX", "M. Claude BUSSY"}, "M. Yves LELONG"},
	{"larbresle", []string{"Pierre-Jean ZANNETTACCI", "Jean-Louis MAHUET", "Odile DOYEN", "Simone VENET", "José DOUILLET"}, "Pierre-Jean ZANNETTACCI"},
	{"couthenans", []string{"Yves", "Marielle", "Mario"}, ""},
	{"corte", []string{"Marie-Luce CASTELLI-CRISTIANI"}, ""},
	{"eybens", nil, ""},
}

func TestBodyGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join("testdata", "body", tc.name+".txt")
			text, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d := bodyDoc(t, string(text), tc.people, tc.president)
			got, err := json.MarshalIndent(bodyView{d.rec.Agenda, d.rec.Items, d.rec.Unplaced, d.rec.People, d.rec.Diagnostics}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "body", tc.name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run with -update and review the diff", tc.name, golden)
			}
		})
	}
}

// bodyCorpus returns the dev corpus directory, or skips when the clone has none.
func bodyCorpus(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	if env := os.Getenv("MINUTES_SHARED"); env != "" {
		dir = filepath.Join(env, "corpus", "dev")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared corpus at", dir)
	}
	return dir
}

// TestBodyCorpus runs the body reader on every file of the dev corpus: it must not panic, and
// every item must lie inside the document.
func TestBodyCorpus(t *testing.T) {
	dir := bodyCorpus(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		if strings.HasSuffix(f, ".md") && strings.Contains(f, "SOURCES") {
			continue
		}
		src, err := extract.File(f)
		if err != nil {
			continue // a scan or an unreadable file: extract's concern
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			d := newDoc(src)
			d.body()
			d.finish()
			last := src.Lines[len(src.Lines)-1].Line
			for _, it := range d.rec.Items {
				if it.Line < 1 || it.Line > last || it.End.Line < it.Line {
					t.Errorf("item %s at line %d, end %d, outside 1..%d", it.Path, it.Line, it.End.Line, last)
				}
			}
		})
	}
}

// FuzzSections feeds arbitrary text to the section reader: it must not panic, and items must
// keep document order.
func FuzzSections(f *testing.F) {
	for _, s := range []string{"I. VIE\n\nI.1 APPROBATION\n\nTexte.\n", "1) A\n10)\n SIVU\n0) B\n", "6.1\tEcole\n6.5.1\tX\n", "2013.04.08 - 1 ADOPTION\n\nDES COMPTES\n", "A. x\n1. y ;\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		d := newDoc(src)
		d.body()
		for k := 1; k < len(d.rec.Items); k++ {
			if d.rec.Items[k].Line < d.rec.Items[k-1].Line {
				t.Fatalf("items out of order: %+v", d.rec.Items)
			}
		}
	})
}

// FuzzDecisions feeds arbitrary lines to the vote reader.
func FuzzDecisions(f *testing.F) {
	for _, s := range []string{"Pour : 23 Contre : 0 Abstention : 0", "A L'UNANIMITE des votants (31 voix), 8 abstentions", "CONTRE 1 (Jean Marie SALANON)", "à l'exception de X qui s'abstiennent",
		"Considérant que l'ADMR exerce une mission, le Conseil municipal, après avoir délibéré, décide à l'unanimité",
		"Le conseil municipal prend connaissance de la convention et après en avoir\ndélibéré, celui-ci :", "par 22 voix\nPour, et\n\n5 Abstentions",
		"Pour le changement de prestataire : 13 votes", "- Anne-Marie : 11 votes, - Elue", "l'assemblée, le comité et le bureau"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tr := lineTrigger(normalize.Fold(s), s)
		for _, p := range []*int{tr.forN, tr.againstN, tr.abstN} {
			if p != nil && *p < 0 {
				t.Fatalf("negative count from %q", s)
			}
		}
		src, err := extract.Text([]byte("1. Point\n\n" + s + "\n"))
		if err != nil {
			return
		}
		d := newDoc(src)
		d.body()
	})
}

// FuzzDebate feeds arbitrary paragraphs to the debate reader.
func FuzzDebate(f *testing.F) {
	for _, s := range []string{"Monsieur le Maire : Bonjour.", "Mme Reynaud note que", "Max LEVITA : x", "Ensuite, Monsieur X demande", "Madame ROJON, Directrice : y", "Montant HT : 79 819,72 €", "Annie BARDOUL :\nAlice BICZYSKO :", "LE MAIRE : membre de droit"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := extract.Text([]byte("1. Point\n\nTemps d'échange :\n\n" + s + "\n\n" + s + "\n"))
		if err != nil {
			return
		}
		d := newDoc(src)
		d.body()
		for _, it := range d.rec.Items {
			for _, e := range it.Exchanges {
				if e.Form != formDirect && e.Form != formReported {
					t.Fatalf("form %q", e.Form)
				}
			}
		}
	})
}

// BenchmarkBody measures the body reader on the Numérian minutes.
func BenchmarkBody(b *testing.B) {
	dir := bodyCorpus(b)
	data, err := os.ReadFile(filepath.Join(dir, "numerian-2023-12-15.txt"))
	if err != nil {
		b.Skip(err)
	}
	src, err := extract.Text(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := newDoc(src)
		d.body()
	}
}

// TestAgendaHeadings checks that an unnumbered heading in capitals between numbered sections is a
// section when it answers an agenda entry, and only then.
func TestAgendaHeadings(t *testing.T) {
	text := "ORDRE DU JOUR\nDécisions modificatives Budget 2014\nFAR 2015 : Projet appartements\nCompte-rendu du rapport SOCOTEC\nPrévisions travaux SDE 2015\n\n" +
		"2014/25 – DECISIONS MODIFICATIVES BUDGET 2014\nLe Maire expose les crédits :\nFONCTIONNEMENT\nLes crédits sont ouverts au chapitre 011.\n" +
		"PROJET APPARTEMENTS\nCompte-tenu de l'acquisition du terrain jouxtant la Salle des Fêtes, ce projet est ajourné.\n" +
		"SOCOTEC\nLa SOCOTEC n'ayant pas transmis son rapport ce sujet sera abordé ultérieurement.\n" +
		"2014/28 – TRAVAUX SDE 2015\nLe Conseil Municipal à l'unanimité des membres présents approuve cette demande.\n"
	d := bodyDoc(t, text, nil, "")
	var got []string
	for _, it := range d.rec.Items {
		a := "-"
		if it.AgendaPath != nil {
			a = *it.AgendaPath
		}
		got = append(got, it.Path+"="+it.Title+"@"+a)
	}
	want := []string{"2014/25=DECISIONS MODIFICATIVES BUDGET 2014@1", "2=PROJET APPARTEMENTS@2", "3=SOCOTEC@3", "2014/28=TRAVAUX SDE 2015@4"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestTableOfContents checks that a SOMMAIRE is read as the agenda, its page numbers dropped, and
// that an agenda of added points only raises no unmatched diagnostics.
func TestTableOfContents(t *testing.T) {
	text := "SOMMAIRE\n1. Observations sur le compte rendu du conseil municipal du 16 décembre 2017 page 03\n2. Compte rendu des décisions prises par le Maire page 03\n\n" +
		"1. Observation sur le compte-rendu de la séance du conseil municipal du 16 décembre 2017\nAucune observation.\n2. Compte-rendu des décisions prises par le Maire\nLe Maire rend compte de ses décisions.\n"
	d := bodyDoc(t, text, nil, "")
	var titles []string
	for _, a := range d.rec.Agenda {
		titles = append(titles, a.Title)
	}
	want := []string{"Observations sur le compte rendu du conseil municipal du 16 décembre 2017", "Compte rendu des décisions prises par le Maire"}
	if strings.Join(titles, " | ") != strings.Join(want, " | ") {
		t.Errorf("agenda = %q, want %q", titles, want)
	}
	for _, it := range d.rec.Items {
		if it.AgendaPath == nil {
			t.Errorf("item %s (%s) has no agenda link", it.Path, it.Title)
		}
	}

	spaced := "ORDRE DU JOUR\n1\tRestauration du mur de soutènement\n2\tDéplacement d'une partie du marché du jeudi\n3 Indemnités de fonction du Maire\n\nMonsieur le Maire ouvre la séance.\n"
	d = bodyDoc(t, spaced, nil, "")
	if len(d.rec.Agenda) != 3 || d.rec.Agenda[2].Title != "Indemnités de fonction du Maire" {
		t.Errorf("agenda = %+v, want entry 3 read after a space", d.rec.Agenda)
	}

	added := "ORDRE DU JOUR :\nMonsieur le Maire propose d'y ajouter le point suivant :\n- Demande du collectif des cheminots\n\n- 2008/1 – Implantation de nouveaux caveaux\nLe Conseil municipal décide à l'unanimité de retenir le géomètre.\n- 2008/2 – Travaux salle de sports\nLe Conseil municipal décide à l'unanimité de remplacer les translucides.\n"
	d = bodyDoc(t, added, nil, "")
	if len(d.rec.Agenda) != 1 {
		t.Fatalf("agenda = %+v, want the one added point", d.rec.Agenda)
	}
	for _, dg := range d.rec.Diagnostics {
		if dg.Code == "section-unmatched" || dg.Code == "agenda-unmatched" {
			t.Errorf("diagnostic %s: %s, want none for an agenda of added points", dg.Code, dg.Message)
		}
	}
}

// TestListedDeliberations checks the list of deliberations a council publishes after a meeting:
// one section per item, adopted when the title says they were voted.
func TestListedDeliberations(t *testing.T) {
	text := "Liste des délibérations votées\n\nLe 16 MAI 2025\n\n- Approbation du procès-verbal du 04 avril 2025\n\n- Adhésion à l'association de création d'un parc naturel régional PNR\n\n- Subventions aux associations\n"
	d := bodyDoc(t, text, nil, "")
	var got []string
	for _, it := range d.rec.Items {
		o := "-"
		if len(it.Decisions) == 1 {
			o = it.Decisions[0].Outcome
		}
		got = append(got, it.Title+"/"+o)
	}
	want := []string{"Approbation du procès-verbal du 04 avril 2025/adopted", "Adhésion à l'association de création d'un parc naturel régional PNR/adopted", "Subventions aux associations/adopted"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestUnnumberedAfterFormula checks that an unnumbered heading in capitals opens a section after a
// decision formula, a rule line or an amount ending a table, not only after a full stop.
func TestUnnumberedAfterFormula(t *testing.T) {
	text := "-------------------\nCOMPTE ADMINISTRATIF 2005 :\nMadame MALARD donne lecture du rapport suivant :\nIl se dégage ainsi un excédent de :\n 195 366,25 €\nAdopté à l'unanimité par le Conseil Municipal,\nCOMPTE DE GESTION 2005 :\nMadame MARTEAU donne lecture du rapport suivant :\nLe total est de :\n451 330,00 €\nFISCALITE LOCALE 2006 :\nMadame PELLARIN donne lecture du rapport suivant :\nTOTAL DES OPERATIONS REELLES 1 361 594,63 €\nLe budget est équilibré.\n"
	d := bodyDoc(t, text, nil, "")
	var got []string
	for _, it := range d.rec.Items {
		got = append(got, it.Title)
	}
	want := []string{"COMPTE ADMINISTRATIF 2005", "COMPTE DE GESTION 2005", "FISCALITE LOCALE 2006"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("items = %q, want %q", got, want)
	}
}
