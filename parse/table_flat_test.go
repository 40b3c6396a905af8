package parse

import (
	"os"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// Unit tests of the reader of flattened tables (table_flat.go), on short quotes of real minutes
// whose extraction lost the column gaps.

func TestSplitAmounts(t *testing.T) {
	tests := []struct {
		name string
		tail string
		want []string // nil: ambiguous
	}{
		{"one decimal", "-565.00", []string{"-565.00"}},
		{"grouped pair settled by decimals", "2 698.00 2 698.00", []string{"2 698.00", "2 698.00"}},
		{"comma decimals", "2 292 282,65", []string{"2 292 282,65"}},
		{"lone sign", "- 362 692,98", []string{"- 362 692,98"}},
		{"euro sign", "1 033.10 €", []string{"1 033.10 €"}},
		{"lone integer", "2 279 034", []string{"2 279 034"}},
		{"integers side by side", "11 630 000 11 510 000", nil},
		{"percent after amount", "573 095,36 € 27 %", []string{"573 095,36 €", "27 %"}},
		{"not a number", "12a", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := splitAmounts(tc.tail)
			if tc.want == nil {
				if ok {
					t.Errorf("splitAmounts(%q) = %q, want ambiguous", tc.tail, got)
				}
				return
			}
			if !ok || strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("splitAmounts(%q) = %q, %v; want %q", tc.tail, got, ok, tc.want)
			}
		})
	}
}

func TestSplitByCount(t *testing.T) {
	tests := []struct {
		name string
		tail string
		n    int
		want []string // nil: no single split
	}{
		{"two columns settle it", "11 630 000 11 510 000", 2, []string{"11 630 000", "11 510 000"}},
		{"still ambiguous", "12 345 678", 2, nil},
		{"one column", "2 279 034", 1, []string{"2 279 034"}},
		{"signs open amounts", "- 120 000 - 1,03 %", 2, []string{"- 120 000", "- 1,03 %"}},
		{"too few groups", "5 400", 3, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := splitByCount(tc.tail, tc.n)
			if tc.want == nil {
				if ok {
					t.Errorf("splitByCount(%q, %d) = %q, want no split", tc.tail, tc.n, got)
				}
				return
			}
			if !ok || strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("splitByCount(%q, %d) = %q, %v; want %q", tc.tail, tc.n, got, ok, tc.want)
			}
		})
	}
}

func TestReadFlat(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		kind  flatKind
		code  string
		label string
	}{
		{"coded row", "60633 Fournitures de voirie -565.00", flatData, "60633", "Fournitures de voirie"},
		{"code with function suffix", "1641 - 00 Emprunts en euros 8.00", flatData, "1641", "Emprunts en euros"},
		{"abbreviated label", "138 - 000 Autres subvent° invest. non transf. 83436.00", flatData, "138", "Autres subvent° invest. non transf."},
		{"code, amounts below", "023 Virement à la section", flatOpen, "023", "Virement à la section"},
		{"wrapped end of label", "d'investissement -5412.00", flatData, "", "d'investissement"},
		{"total", "TOTAL : 2 698.00 2 698.00", flatData, "", "TOTAL :"},
		{"label and amount", "Total dépenses d'investissement 2 292 282,65", flatData, "", "Total dépenses d'investissement"},
		{"section and columns", "FONCTIONNEMENT : RECETTES DÉPENSES", flatHead, "", ""},
		{"dashed section", "- SECTION D'INVESTISSEMENT", flatHead, "", ""},
		{"column name", "Réalisé", flatHead, "", ""},
		{"row without value", "Déficit de l'exercice", flatText, "", "Déficit de l'exercice"},
		{"sentence ending in an amount", "Soit un excédent d'investissement de l'exercice au 31 Décembre 2017 de 826 866,64 €.", flatOther, "", ""},
		{"prose wrapped on a number", "avec 10 279 000 € au budget primitif 2013 contre 10 628 735,25", flatOther, "", ""},
		{"bulleted amount", "- le remboursement de la dette : 362 692,98", flatOther, "", ""},
		{"running footer", "Compte-rendu page 11", flatOther, "", ""},
		{"date", "Séance du 6 novembre 2014", flatText, "", "Séance du 6 novembre 2014"},
		{"reference, not an amount", "Délibération n° 2014-25", flatText, "", "Délibération n° 2014-25"},
		{"lead-in", "décisions modificatives suivantes :", flatOther, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readFlat(0, tc.line)
			if got.kind != tc.kind || got.code != tc.code || (tc.label != "" && got.label != tc.label) {
				t.Errorf("readFlat(%q) = kind %d code %q label %q; want kind %d code %q label %q", tc.line, got.kind, got.code, got.label, tc.kind, tc.code, tc.label)
			}
		})
	}
}

func TestFlatTables(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		tables int
		rows   []string // labels of the first table
		values []string // values of the first table's rows, column by column, "-" for null
		unread int      // table-cell-unread diagnostics
	}{
		{
			name: "budget lines with a column header and a row without value",
			text: "Le compte administratif se résume comme suit :\n- SECTION D'INVESTISSEMENT\nRéalisé\n" +
				"Total dépenses d'investissement 2 292 282,65\nTotal recettes d'investissement 3 119 149,29\nDéficit de l'exercice\nExcédent de l'exercice 826 866,64\n" +
				"Soit un excédent d'investissement de l'exercice de 826 866,64 €.\n",
			tables: 1,
			rows:   []string{"Total dépenses d'investissement", "Total recettes d'investissement", "Déficit de l'exercice", "Excédent de l'exercice"},
			values: []string{"2292282.65", "3119149.29", "-", "826866.64"},
		},
		{
			name:   "décision modificative: one amount per line, two columns",
			text:   "FONCTIONNEMENT : RECETTES DÉPENSES\n60633 Fournitures de voirie -565.00\n023 Virement à la section\nd'investissement -5412.00\n731 Impôts locaux 510.00\nTOTAL : 2 698.00 2 698.00\n",
			tables: 1,
			rows:   []string{"Fournitures de voirie", "Virement à la section d'investissement", "Impôts locaux", "TOTAL :"},
			values: []string{"-|-", "-|-", "-|-", "2698.00|2698.00"},
			unread: 3,
		},
		{
			name:   "a split the totals settle",
			text:   "INVESTISSEMENT : RECETTES DÉPENSES\n1641 Emprunts en euros 100.00\n131 Subventions 250.00\n2313 Travaux 400.00\nTOTAL : 350.00 400.00\n",
			tables: 1,
			rows:   []string{"Emprunts en euros", "Subventions", "Travaux", "TOTAL :"},
			values: []string{"100.00|-", "250.00|-", "-|400.00", "350.00|400.00"},
		},
		{
			name:   "one cell per paragraph, a header naming the amount",
			text:   "Montant total annuel TTC\n\nAnnée 2016\n\n0.00 €\n\nAnnée 2017\n\n1 033.10 €\n\nAnnée 2018\n\n1 657.10 €\n\nUne convention sera signée.\n",
			tables: 1,
			rows:   []string{"Année 2016", "Année 2017", "Année 2018"},
			values: []string{"0.00", "1033.10", "1657.10"},
		},
		{
			name:   "one cell per paragraph, four values and a total",
			text:   "Fonctionnement\n\n11 630 000 €\n\n- 1,03 %\n\nInvestissement\n\n5 400 000 €\n\n- 5,74 %\n\nTotal\n\n17 030 000 €\n\n- 2,52 %\n",
			tables: 1,
			rows:   []string{"Fonctionnement", "Investissement", "Total"},
			values: []string{"11630000|-1.03", "5400000|-5.74", "17030000|-2.52"},
		},
		{
			name:   "labels and amounts alternating without header stay prose",
			text:   "Ski-club\n200,00 €\nFoot\n1 500,00 €\nTennis\n300,00 €\n",
			tables: 0,
		},
		{
			name: "column by column: codes, wrapped labels, amounts",
			text: "Chapitre 70\nChapitre 73\nChapitre 77\n\nProduits des services\nImpôts et taxes\nProduits exceptionnels, hors cessions (imputées en\nrecettes réelles d'investissement au chapitre 024 depuis\nla réforme M 14 applicable au 1/01/2006) correspondant\naux indemnités de sinistres et aux ventes sur le site\nWebenchères\n\n" +
				"836 000,00 €\n5 265 820,00 €\n6 756,29 €\n\nTotal opérations réelles\n\n6 108 576,29 €\n\nAu chapitre 74, les dotations suivantes.\n",
			tables: 1,
			rows:   []string{"Produits des services", "Impôts et taxes", "Produits exceptionnels, hors cessions (imputées en recettes réelles d'investissement au chapitre 024 depuis la réforme M 14 applicable au 1/01/2006) correspondant aux indemnités de sinistres et aux ventes sur le site Webenchères", "Total opérations réelles"},
			values: []string{"836000.00", "5265820.00", "6756.29", "6108576.29"},
		},
		{
			name:   "column by column, counts that differ stay prose",
			text:   "Compte 7411\nCompte 74833\nCompte 74834\n\nDotation forfaitaire\nCompensation CFE\n\n2 279 034 €\n51 668 €\n26 668 €\n",
			tables: 0,
		},
		{
			name:   "rows without a common width are no table",
			text:   "Réalisé\nTotal dépenses 2 292 282,65\nRecettes 1,00 2,00 3,00\nSolde 4,00 5,00\nAutre 6,00 7,00 8,00 9,00\n",
			tables: 0,
		},
		{
			name:   "vote counts are no table",
			text:   "Pour : 15\nContre : 2\nAbstention : 0\n",
			tables: 0,
		},
		{
			name:   "a list without anchor is prose",
			text:   "Ski-club 200,00\nFoot 1 500,00\nTennis 300,00\n",
			tables: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := readTables(t, tc.text)
			if len(rec.Tables) != tc.tables {
				t.Fatalf("got %d tables, want %d: %+v", len(rec.Tables), tc.tables, rec.Tables)
			}
			n := 0
			for _, dg := range rec.Diagnostics {
				if dg.Code == codeTableCell {
					n++
				}
				if dg.Code == codeTableSum {
					t.Errorf("unexpected %s: %s", dg.Code, dg.Message)
				}
			}
			if n != tc.unread {
				t.Errorf("got %d %s diagnostics, want %d", n, codeTableCell, tc.unread)
			}
			if tc.tables == 0 {
				return
			}
			tb := rec.Tables[0]
			var labels, values []string
			for _, r := range tb.Rows {
				labels = append(labels, r.Label)
				var vs []string
				for _, v := range r.Values {
					if v == nil {
						vs = append(vs, "-")
					} else {
						vs = append(vs, *v)
					}
				}
				values = append(values, strings.Join(vs, "|"))
			}
			if strings.Join(labels, "\n") != strings.Join(tc.rows, "\n") {
				t.Errorf("labels = %q, want %q", labels, tc.rows)
			}
			if strings.Join(values, " ") != strings.Join(tc.values, " ") {
				t.Errorf("values = %q, want %q", values, tc.values)
			}
		})
	}
}

// FuzzSplitAmounts checks that splitting a run of amounts loses and adds nothing: the amounts,
// joined, give back the run's tokens, and each one reads as a number or is kept as raw text.
func FuzzSplitAmounts(f *testing.F) {
	for _, s := range []string{"2 698.00 2 698.00", "- 362 692,98", "1 033.10 €", "11 630 000 11 510 000", "573 095,36 € 27 %", "(1 200,00)", "- -", "€ 1"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, tail string, n int) {
		want := strings.Join(strings.Fields(tail), " ")
		if got, ok := splitAmounts(tail); ok {
			if j := strings.Join(got, " "); j != want {
				t.Fatalf("splitAmounts(%q) = %q, joined %q, want %q", tail, got, j, want)
			}
		}
		if got, ok := splitByCount(tail, n%8); ok {
			if j := strings.Join(got, " "); j != want || len(got) != n%8 {
				t.Fatalf("splitByCount(%q, %d) = %q, want %d amounts joining to %q", tail, n%8, got, n%8, want)
			}
		}
	})
}

func BenchmarkFlatTables(b *testing.B) {
	text := strings.Repeat("FONCTIONNEMENT : RECETTES DÉPENSES\n60633 Fournitures de voirie -565.00\n023 Virement à la section\nd'investissement -5412.00\n731 Impôts locaux 510.00\nTOTAL : 2 698.00 2 698.00\n"+
		"Le Maire invite le conseil municipal à voter ces crédits pour 1 200 € au total.\n\n", 50)
	src, err := extract.Text([]byte(text))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d := newDoc(src)
		d.tables()
	}
}

// TestFlatTableAmounts checks that the amounts of a table found in plain text leave the item's
// prose amounts, and that those of the sentence around it stay.
func TestFlatTableAmounts(t *testing.T) {
	text := "CONSEIL MUNICIPAL\n\n1. Finances - Entretien des cours d'eau\n\nLe coût est de 4 100,00 € sur la période.\n\n" +
		"Montant total annuel TTC\n\nAnnée 2016\n\n0.00 €\n\nAnnée 2017\n\n1 033.10 €\n\nAnnée 2018\n\n1 657.10 €\n\n" +
		"Vote favorable à l'unanimité.\n\n2. Questions diverses\n\nRien.\n"
	src, err := extract.Text([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	rec := Minutes(src)
	if len(rec.Tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(rec.Tables))
	}
	var got []string
	for _, it := range rec.Items {
		for _, a := range it.Amounts {
			got = append(got, it.Path+":"+a.Value)
		}
	}
	if strings.Join(got, " ") != "1:4100.00" {
		t.Errorf("item amounts = %q, want only the prose amount [1:4100.00]", got)
	}
}

func FuzzMayHeadWord(f *testing.F) {
	for _, s := range []string{"RECETTES", "Dépenses", "Le", "", " ", "\vsection", "IV.", "2)", "Zone", "Élus"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := normalize.Fold(s)
		if (reFlatColumn.MatchString(fs) || reHeadFirst.MatchString(fs)) && !mayHeadWord(s) {
			t.Errorf("mayHeadWord(%q) = false, but %q opens a header", s, fs)
		}
	})
}

// BenchmarkFlatScan measures the per-line classification of the flattened-table reader over a
// whole document, prose included: every line of every document goes through it.
func BenchmarkFlatScan(b *testing.B) {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		b.Skip(err)
	}
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for i, l := range lines {
			readFlat(i, l)
		}
	}
}

// FuzzHeadWord checks the word sets against the patterns they stand for.
func FuzzHeadWord(f *testing.F) {
	for _, s := range []string{"RECETTES", "Dépenses", "Réalisées", "IV)", "2.", "1-", "-", "x.)", "Le", "", "vote s", "BP", "ht\t", "prévisions", "Section", "`total"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := normalize.Fold(s)
		if got, want := headWord(s), reFlatColumn.MatchString(fs) || reHeadFirst.MatchString(fs); got != want {
			t.Errorf("headWord(%q) = %v, want %v", s, got, want)
		}
		if got, want := columnWord(s), reFlatColumn.MatchString(fs); got != want {
			t.Errorf("columnWord(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzProseLabel(f *testing.F) {
	for _, s := range []string{"Total", "a, b", "prix «x»", "1 200 €", "x;y", "\xe2\x82", "\xc2\xab", "é€", "\xe2\xc2\xab"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts := strings.TrimSpace(s)
		want := ts != "" && (strings.ContainsAny(ts, ";!?«»\"€") || strings.Contains(ts, ", "))
		if got := proseLabel(s); got != want {
			t.Errorf("proseLabel(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzReadGroup checks readGroup against reFlatGroup.
func FuzzReadGroup(f *testing.F) {
	for _, s := range []string{"12", "- 565.00", "(1 200)", "1,5 %", "2 698.00 €", "12,", "12.x", "–3", "−4,5)", "+ 7 €)", "(12)", "12 )", ")", "€", "1.2.3", "12%)", "12 )€)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, ok := readGroup(s)
		m := reFlatGroup.FindStringSubmatch(s)
		if ok != (m != nil) || ok && g != (amountGroup{m[1], m[2], m[3], m[4]}) {
			t.Errorf("readGroup(%q) = %+v, %v; want %q", s, g, ok, m)
		}
	})
}

func FuzzFlatCode(f *testing.F) {
	for _, s := range []string{"60633 Fournitures", "1641 - 00 Emprunts", "023 Virement", "1 x", "ab", "12\tx", "12 - 0000 x", "12 -0x", "12 - 0 \nx", "1234567 x", "12 - 000", "2016", "12  \t- 00  -x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, rest, ok := flatCode(s)
		m := reFlatCode.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (code != m[1] || rest != m[2]) {
			t.Errorf("flatCode(%q) = %q, %q, %v; want %q", s, code, rest, ok, m)
		}
		if got, want := flatYear(s), reFlatYear.MatchString(s); got != want {
			t.Errorf("flatYear(%q) = %v, want %v", s, got, want)
		}
	})
}

// splitTailRef is splitTail without its fast path.
func splitTailRef(s string) (label, tail string) {
	f := strings.Fields(s)
	k := len(f)
	for k > 0 && numberToken(f[k-1]) {
		k--
	}
	if k == len(f) {
		return s, ""
	}
	return strings.Join(f[:k], " "), strings.Join(f[k:], " ")
}

func FuzzSplitTail(f *testing.F) {
	for _, s := range []string{"60633 Fournitures de voirie -565.00", "TOTAL : 2 698.00 2 698.00", "12 345", "Libellé", "", "a  1", " 1", "x 1 ", "1", "a\u00a01", "Total 12,5 %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gl, gt := splitTail(s)
		wl, wt := splitTailRef(s)
		if gl != wl || gt != wt {
			t.Errorf("splitTail(%q) = %q, %q; want %q, %q", s, gl, gt, wl, wt)
		}
	})
}

// rowKindRef is rowKind without its byte test.
func rowKindRef(label string) string {
	f := strings.TrimSpace(normalize.Fold(label))
	if f == "" || f[0] != 't' && f[0] != 's' && f[0] != 'm' {
		return RowLine
	}
	switch {
	case reTableTotal.MatchString(f):
		return RowTotal
	case reTableSubtotal.MatchString(f):
		return RowSubtotal
	}
	return RowLine
}

func FuzzRowKind(f *testing.F) {
	for _, s := range []string{"Total", " TOTAL :", "Sous-total", "S/total", "Montant total", "\u00a0Total", "Mairie", "=Total", "", "  ", "\u0301Total", "`total", "Ŧotal"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := rowKind(s), rowKindRef(s); got != want {
			t.Errorf("rowKind(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzGapTextIdempotent checks that gapText of its own result changes nothing, which readFlat
// relies on to split a line it already read.
func FuzzGapTextIdempotent(f *testing.F) {
	for _, s := range []string{"Total  12 000", "\u00a0a\u202f b\u2009", "  x  ", "a\u2007\u2007b", "\t1\t2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		s, gap := gapText(line)
		if s2, gap2 := gapText(s); s2 != s || gap2 != gap {
			t.Errorf("gapText(%q) = %q, %v; again: %q, %v", line, s, gap, s2, gap2)
		}
	})
}
