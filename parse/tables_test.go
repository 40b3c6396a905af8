package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"minutes/extract"
	"minutes/normalize"
)

// readTables runs the table reader alone on a text: the tables do not depend on the other
// segmenters, except for item paths, which stay null here.
func readTables(t testing.TB, text string) *Record {
	t.Helper()
	src, err := extract.Text([]byte(text))
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	d := newDoc(src)
	d.tables()
	d.finish()
	return d.rec
}

// tableDiags returns the table diagnostics of a record.
func tableDiags(rec *Record) []Diagnostic {
	var out []Diagnostic
	for _, dg := range rec.Diagnostics {
		if strings.HasPrefix(dg.Code, "table") {
			out = append(out, dg)
		}
	}
	return out
}

// TestTablesGolden reads each excerpt under testdata/tables and compares its tables and table
// diagnostics with NAME.golden.json (rewritten with -update).
func TestTablesGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "tables", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no excerpts under testdata/tables: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rec := readTables(t, string(data))
			got, err := json.MarshalIndent(struct {
				Tables      []Table      `json:"tables"`
				Diagnostics []Diagnostic `json:"diagnostics"`
			}{rec.Tables, tableDiags(rec)}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
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
				t.Errorf("tables of %s differ from %s (run with -update after checking):\n%s", f, golden, firstDiff(string(got), string(want)))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

// cellsOf flattens the tables into "label|column|value" facts, the unit the scorer counts.
func cellsOf(rec *Record) map[string]int {
	out := map[string]int{}
	for _, tb := range rec.Tables {
		for _, r := range tb.Rows {
			for i, v := range r.Values {
				if v != nil {
					out[r.Label+"|"+strconv.Itoa(i)+"|"+*v]++
				}
			}
		}
	}
	return out
}

func TestTableShapes(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		tables int
		cols   []string // columns of the first table
		cells  []string // label|column|value facts that must be read
		code   string   // code of the first row of the first table
		kinds  string   // kinds of the first table's rows, initials
		unread int      // table-cell-unread diagnostics
	}{
		{
			name: "tab separated with code column and subtotals",
			text: "Situation budget comptable 2023\t\t\t\t\nDépenses\t\t\t\t\nCode\tLibellé\tTotal budget SM\tTotal budget EPIC\tTotal budget SM + EPIC\n" +
				"16\tEmprunts et dettes assimilés\t30 000,00\t73 800,00\t103 800,00\n" +
				"\tTotal Investissement\t30 000,00\t73 800,00\t103 800,00\n\tTotaux\t30 000,00\t73 800,00\t103 800,00\n",
			tables: 1,
			cols:   []string{"Total budget SM", "Total budget EPIC", "Total budget SM + EPIC"},
			cells:  []string{"Emprunts et dettes assimilés|0|30000.00", "Totaux|2|103800.00"},
			code:   "16",
			kinds:  "lst",
		},
		{
			name: "header without label cell and euro amounts",
			text: "\tBudget Principal\tRégie Autonome (Budget Annexe)\tTotal\n" +
				"Dépenses de fonctionnement de l'exercice\t1 051 236,00 €\t1 979 081,00 €\t3 030 317,00 €\n" +
				"Recettes de fonctionnement de l'exercice\t1 051 236,00 €\t1 979 081,00 €\t3 030 317,00 €\n",
			tables: 1,
			cols:   []string{"Budget Principal", "Régie Autonome (Budget Annexe)", "Total"},
			cells:  []string{"Dépenses de fonctionnement de l'exercice|1|1979081.00"},
			kinds:  "ll",
		},
		{
			name: "space aligned layout text",
			text: " Horaires                                            Nrb de votes pour\n" +
				" 22H – 4H                                            7\n" +
				" 22H30 – 4H30                                        6\n",
			tables: 1,
			cols:   []string{"Nrb de votes pour"},
			cells:  []string{"22H – 4H|0|7", "22H30 – 4H30|0|6"},
			kinds:  "ll",
		},
		{
			name:   "bordered table without header",
			text:   "Pour :\t49\nContre :\t33\nCL :\tOn le met en place\n",
			tables: 1,
			cells:  []string{"Pour :|0|49", "Contre :|0|33"},
			kinds:  "lll",
		},
		{
			name:   "dot thousands and percentages",
			text:   "Taxes\tBases\tTaux\tProduit\nFoncier Non Bâti\t428.100\t112,71 %\t482.512\nTaxe d'habitation\t343.908.000\t22,49 %\t77.344.909\n",
			tables: 1,
			cols:   []string{"Bases", "Taux", "Produit"},
			cells:  []string{"Taxe d'habitation|0|343908000", "Taxe d'habitation|1|22.49", "Foncier Non Bâti|2|482512"},
		},
		{
			name:   "negative amounts in brackets and with a dash",
			text:   "Libellé\tMontant\nRéajustement\t(1 200,00)\nDotation\t- 1.697€\n",
			tables: 1,
			cols:   []string{"Montant"},
			cells:  []string{"Réajustement|0|-1200.00", "Dotation|0|-1697"},
		},
		{
			name:   "wrapped header and wrapped label",
			text:   "Code Libellé\tTotal budget\tTotal budget\nSM\tEPIC\n68\tDotations aux amortissements, aux\t1 282,00\t8 916,00\ndépréciations...\n69\tImpôts\t0,00\t85 000,00\n",
			tables: 1,
			cols:   []string{"Total budget SM", "Total budget EPIC"},
			cells:  []string{"Dotations aux amortissements, aux dépréciations...|1|8916.00", "Impôts|0|0.00"},
			code:   "68",
		},
		{
			name: "decision modificative with chapter and article",
			text: "Chapitre\tArticle\tLibellé\tDépenses\tRecettes\n" +
				"012\t6411\tPersonnel titulaire\t+ 500,00\t\n" +
				"022\t022\tDépenses imprévues\t- 500,00\t\n" +
				"\t\tTotal\t0,00\t\n",
			tables: 1,
			cols:   []string{"Dépenses", "Recettes"},
			cells:  []string{"Personnel titulaire|0|500.00", "Dépenses imprévues|0|-500.00", "Total|0|0.00"},
			code:   "012",
			kinds:  "llt",
		},
		{
			name:   "years as column names",
			text:   "Libellé\t2023\t2024\nFonctionnement\t11 630 000\t11 510 000\nInvestissement\t5 400 000\t5 090 000\n",
			tables: 1,
			cols:   []string{"2023", "2024"},
			cells:  []string{"Fonctionnement|1|11510000", "Investissement|0|5400000"},
			kinds:  "ll",
		},
		{
			name:   "markdown table from OCR",
			text:   "| Chapitre | Libellé | Montant |\n|---|---|---:|\n| 011 | Charges à caractère général | 1 200,00 € |\n| 65 | Autres charges | 300,00 € |\n| | Total | 1 500,00 € |\n",
			tables: 1,
			cols:   []string{"Montant"},
			cells:  []string{"Charges à caractère général|0|1200.00", "Total|0|1500.00"},
			code:   "011",
			kinds:  "llt",
		},
		{
			name:   "cell that is not a number as written",
			text:   "Libellé\tMontants 2007\tVote\nTriolet de Retz\t3 4 81,64 €\t3 571,64 €\nPEEP\t1 000,00 €\t1 100,00 €\n",
			tables: 1,
			cells:  []string{"Triolet de Retz|1|3571.64"},
			unread: 1,
		},
		{
			name:   "single tabbed line of prose",
			text:   "Budget \tprincipal :\t\t\t16 172,22 € TTC\n",
			tables: 0,
		},
		{
			name:   "numbered headings with tabs",
			text:   "1\tSubventions associatives\n2\tDécisions modificatives du budget 2021\n",
			tables: 0,
		},
		{
			name:   "bulleted amounts",
			text:   "- budget VILLE :\t3.812.635,00 €\nTotal :\t3.812.635,00 €\n",
			tables: 0,
		},
		{
			name:   "justified prose with double spaces",
			text:   "de  1 070  000  €  serait  donc  portée  au  compte  1068\nIl  reste  un  montant  de  1 298 497,71  €,  porté  à  la  ligne\n",
			tables: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := readTables(t, tc.text)
			if len(rec.Tables) != tc.tables {
				t.Fatalf("got %d tables, want %d: %+v", len(rec.Tables), tc.tables, rec.Tables)
			}
			unread := 0
			for _, dg := range tableDiags(rec) {
				if dg.Code == codeTableCell {
					unread++
				}
			}
			if unread != tc.unread {
				t.Errorf("got %d %s diagnostics, want %d", unread, codeTableCell, tc.unread)
			}
			if tc.tables == 0 {
				return
			}
			tb := rec.Tables[0]
			if tc.cols != nil && strings.Join(tb.Columns, "|") != strings.Join(tc.cols, "|") {
				t.Errorf("columns = %q, want %q", tb.Columns, tc.cols)
			}
			got := cellsOf(rec)
			for _, c := range tc.cells {
				if got[c] == 0 {
					t.Errorf("cell %q not read; got %v", c, got)
				}
			}
			if tc.code != "" && (tb.Rows[0].Code == nil || *tb.Rows[0].Code != tc.code) {
				t.Errorf("first code = %v, want %q", tb.Rows[0].Code, tc.code)
			}
			if tc.kinds != "" {
				var k strings.Builder
				for _, r := range tb.Rows {
					k.WriteByte(r.Kind[0])
				}
				if k.String() != tc.kinds {
					t.Errorf("row kinds = %q, want %q", k.String(), tc.kinds)
				}
			}
			for _, r := range tb.Rows {
				if len(r.Values) != len(tb.Columns) || len(r.Cells) != len(tb.Columns) {
					t.Errorf("row %q has %d values and %d cells for %d columns", r.Label, len(r.Values), len(r.Cells), len(tb.Columns))
				}
				if r.Pos.Line == 0 {
					t.Errorf("row %q has no position", r.Label)
				}
			}
		})
	}
}

// numerianExcerpt is the Dépenses table of the Numérian minutes, as the text file has it.
const numerianExcerpt = "Situation budget comptable 2023\t\t\t\t\nDépenses\t\t\t\t\n" +
	"Code\tLibellé\tTotal budget SM\tTotal budget EPIC\tTotal budget SM + EPIC\n" +
	"16\tEmprunts et dettes assimilés\t30 000,00\t73 800,00\t103 800,00\n" +
	"20\tImmobilisations incorporelles\t135 000,00\t216 287,08\t351 287,08\n" +
	"21\tImmobilisations corporelles\t60 509,79\t235 391,93\t295 901,72\n" +
	"\tTotal Investissement\t225 509,79\t525 479,01\t750 988,80\n" +
	"011\tCharges à caractère général\t331 614,38\t1 060 318,76\t1 391 933,14\n" +
	"012\tCharges de personnel et frais assimilés\t715 100,00\t905 078,00\t1 620 178,00\n" +
	"65\tAutres charges de gestion courante\t42 702,00\t7 266,12\t49 968,12\n" +
	"66\tCharges financières\t8 314,00\t3 871,00\t12 185,00\n" +
	"67\tCharges spécifiques\t4 000,00\t40 000,00\t44 000,00\n" +
	"68\tDotations aux amortissements, aux dépréciations...\t1 282,00\t8 916,00\t10 198,00\n" +
	"69\tImpôts sur les bénéficiaires et assimilés\t0,00\t85 000,00\t85 000,00\n" +
	"023\tVirement à la section d'investissement\t69 960,58\t51 238,92\t121 199,50\n" +
	"042\tOpérations d'ordre de transfert entre sections\t51 372,79\t113 361,04\t164 733,83\n" +
	"\tTotal Fonctionnement\t1 224 345,75\t2 275 049,84\t3 499 395,59\n" +
	"\tTotaux\t1 449 855,54\t2 800 528,85\t4 250 384,39\n"

func TestTableChecks(t *testing.T) {
	tests := []struct {
		name, from, to string
		wantLine       int    // line of the one diagnostic, 0 for none
		wantIn         string // words the message must hold
	}{
		{name: "adds up"},
		{name: "total changed", from: "\tTotaux\t1 449 855,54", to: "\tTotaux\t1 449 855,55", wantLine: 18, wantIn: `row "Totaux"`},
		{name: "subtotal changed", from: "\tTotal Investissement\t225 509,79", to: "\tTotal Investissement\t225 509,80", wantLine: 7, wantIn: `row "Total Investissement"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := numerianExcerpt
			if tc.from != "" {
				if !strings.Contains(text, tc.from) {
					t.Fatalf("excerpt lacks %q", tc.from)
				}
				text = strings.Replace(text, tc.from, tc.to, 1)
			}
			diags := tableDiags(readTables(t, text))
			if tc.wantLine == 0 {
				if len(diags) != 0 {
					t.Fatalf("got %d diagnostics, want none: %+v", len(diags), diags)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1: %+v", len(diags), diags)
			}
			if diags[0].Line != tc.wantLine || diags[0].Code != codeTableSum || diags[0].Severity != SevWarning {
				t.Errorf("diagnostic at line %d (%s %s), want line %d (%s warning)", diags[0].Line, diags[0].Code, diags[0].Severity, tc.wantLine, codeTableSum)
			}
			if !strings.Contains(diags[0].Message, tc.wantIn) || !strings.Contains(diags[0].Message, "Situation budget comptable 2023") {
				t.Errorf("message %q lacks %q or the table title", diags[0].Message, tc.wantIn)
			}
		})
	}
}

// TestTableChecksLine: a line changed in the combined column breaks the column relation on its
// row and the sum of its subtotal; both rows are reported, the line first.
func TestTableChecksLine(t *testing.T) {
	text := strings.Replace(numerianExcerpt, "49 968,12", "49 968,21", 1)
	diags := tableDiags(readTables(t, text))
	if len(diags) != 2 {
		t.Fatalf("got %d diagnostics, want 2: %+v", len(diags), diags)
	}
	if diags[0].Line != 10 || !strings.Contains(diags[0].Message, `"Total budget SM" + "Total budget EPIC"`) {
		t.Errorf("first diagnostic %v %q, want line 10 naming the column relation", diags[0].Pos, diags[0].Message)
	}
	if diags[1].Line != 17 || !strings.Contains(diags[1].Message, "Total Fonctionnement") {
		t.Errorf("second diagnostic %v %q, want line 17 on the subtotal", diags[1].Pos, diags[1].Message)
	}
}

// TestTableChecksUnsure: a "Total" that is not the sum of the rows above it, with nothing in the
// table that adds up, is a structure the reader cannot infer, not an error of the document.
func TestTableChecksUnsure(t *testing.T) {
	text := "Libellé\tPrix\nPart fixe\t68,38\nConsommation < 64 m3\t0,5522\nTotal\t153,02\n"
	if diags := tableDiags(readTables(t, text)); len(diags) != 0 {
		t.Errorf("got %+v, want no diagnostic", diags)
	}
}

// TestTablesCorpus reads every corpus document: no arithmetic diagnostic (the corpus tables add
// up, so any would be a false alarm), and the Numérian cells equal the gold's.
func TestTablesCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 {
		t.Skip("../shared corpus absent")
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".md") && strings.HasPrefix(filepath.Base(f), "SOURCES") {
			continue
		}
		src, err := extract.File(f)
		if err != nil {
			continue
		}
		d := newDoc(src)
		d.tables()
		for _, dg := range tableDiags(d.rec) {
			if dg.Code == codeTableSum {
				t.Errorf("%s:%s: unexpected %s: %s", filepath.Base(f), dg.Pos, dg.Code, dg.Message)
			}
		}
		if filepath.Base(f) != "numerian-2023-12-15.txt" {
			continue
		}
		gold := filepath.Join("..", "..", "shared", "eval", "gold", "numerian-2023-12-15.json")
		data, err := os.ReadFile(gold)
		if err != nil {
			t.Skip("gold absent")
		}
		var g Record
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatal(err)
		}
		want, got := cellsOf(&g), cellsOf(d.rec)
		for k, n := range want {
			if got[k] != n {
				t.Errorf("numerian cell %q: got %d, want %d", k, got[k], n)
			}
		}
		for k := range got {
			if want[k] == 0 {
				t.Errorf("numerian cell %q not in the gold", k)
			}
		}
	}
}

func FuzzTables(f *testing.F) {
	f.Add(numerianExcerpt)
	f.Add("Pour :\t49\nContre :\t33\nCL :\tOn le met en place\n")
	f.Add(" Horaires            Nrb\n 22H – 4H            7\n 23H – 5H            30\n")
	f.Add("Taxe\n343.908.000\t22,49 %\t0%\t77.344.909\nd’habitation\nTaxe sur le\n335.160.000\t31,18 %\t0%\t104.502.888\n")
	f.Add("\t\t\n\t(1)\t-\n1\t\t\t2\n")
	f.Add("FONCTIONNEMENT : RECETTES DÉPENSES\n60633 Fournitures de voirie -565.00\n023 Virement à la section\nd'investissement -5412.00\n731 Impôts locaux 510.00\nTOTAL : 2 698.00 2 698.00\n")
	f.Add("- SECTION D'INVESTISSEMENT\nRéalisé\nTotal dépenses d'investissement 2 292 282,65\nDéficit de l'exercice\nExcédent de l'exercice 826 866,64\nTotal 11 630 000 11 510 000\n")
	f.Fuzz(func(t *testing.T, text string) {
		src, err := extract.Text([]byte(text))
		if err != nil {
			return
		}
		d := newDoc(src)
		d.tables()
		for _, tb := range d.rec.Tables {
			for _, r := range tb.Rows {
				if len(r.Values) != len(tb.Columns) {
					t.Fatalf("row %q: %d values for %d columns", r.Label, len(r.Values), len(tb.Columns))
				}
				for _, v := range r.Values {
					if v == nil {
						continue
					}
					if _, err := decimal.NewFromString(*v); err != nil {
						t.Fatalf("value %q of row %q is not a decimal: %v", *v, r.Label, err)
					}
				}
			}
		}
	})
}

func BenchmarkTables(b *testing.B) {
	text := strings.Repeat(numerianExcerpt+"\nUn paragraphe de prose entre deux tableaux, avec 1 200 € dedans.\n\n", 20)
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

func TestTableVocabulary(t *testing.T) {
	sections := []struct {
		text string
		want bool
	}{
		{"Dépenses", true},
		{"RECETTES", true},
		{"Section de fonctionnement", true},
		{"Section d'investissement :", true},
		{"Investissement", true},
		{"Dépenses de fonctionnement", true},
		{"1.1.2. Dépenses", true},
		{"Situation budget comptable 2023", false},
		{"Arche Football Club", false},
	}
	for _, tc := range sections {
		if got := isSection(tc.text); got != tc.want {
			t.Errorf("isSection(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	kinds := []struct{ label, want string }{
		{"Totaux", RowTotal},
		{"Total général", RowTotal},
		{"TOTAL", RowTotal},
		{"Total :", RowTotal},
		{"Total Investissement", RowSubtotal},
		{"Sous-total chapitre 011", RowSubtotal},
		{"Total des recettes de fonctionnement", RowSubtotal},
		{"Totalisation des heures", RowLine},
		{"Charges à caractère général", RowLine},
	}
	for _, tc := range kinds {
		if got := rowKind(tc.label); got != tc.want {
			t.Errorf("rowKind(%q) = %q, want %q", tc.label, got, tc.want)
		}
	}
	units := []struct{ header, want string }{
		{"Montant (€ HT)", "EUR"},
		{"BP 2024 (en k€)", "kEUR"},
		{"Taux d’imposition 2014", "%"},
		{"Évolution %", "%"},
		{"Nombre", ""},
	}
	for _, tc := range units {
		tb := &Table{Columns: []string{tc.header}}
		got := ""
		if u := columnUnits(tb); u != nil {
			got = u[0]
		}
		if got != tc.want {
			t.Errorf("unit of column %q = %q, want %q", tc.header, got, tc.want)
		}
	}
}

// numberedLineSplit is numberedLine as first written, splitting the line: the reference the
// in-place walk must agree with.
func numberedLineSplit(text string) bool {
	var cells []string
	for _, c := range splitTabs(text) {
		if c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) < 2 || !reNumbering.MatchString(cells[0]) {
		return false
	}
	for _, c := range cells[1:] {
		if _, ok := readCell(c); ok {
			return false
		}
	}
	return true
}

func FuzzNumberedLine(f *testing.F) {
	for _, s := range []string{"6.5.2\tPanneau Pocket", "\t\tII.\tFinances\t", "1.\tBudget\t1 200 €", "a)", "\t", "–\tUn point\t\t", "011\tCharges\t12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := numberedLine(s), numberedLineSplit(s); got != want {
			t.Errorf("numberedLine(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzIsSection(f *testing.F) {
	for _, s := range []string{"Dépenses", "Section d'investissement :", "II. RECETTES DE LA SECTION DE FONCTIONNEMENT", "Charges  :", "Budget", "1. Finances",
		"SECTION D'INVESTISSEMENT\u00a0:", "Fonctionnement \v:", "produitſ", "charges::", "", " :", "RECETTES\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isSection(s), reTableSection.MatchString(normalize.Fold(strings.TrimSpace(s))); got != want {
			t.Errorf("isSection(%q) = %v, want %v", s, got, want)
		}
	})
}

// BenchmarkTablesCorpus measures the table readers alone (flattened and stacked rows, blocks
// of columns, their reading and checks) on each text file of the development corpus (skipped
// without ../shared): the body asks isTableLine of most lines, which runs the same scans.
func BenchmarkTablesCorpus(b *testing.B) {
	benchCorpus(b, func(b *testing.B, src *extract.Source) {
		for b.Loop() {
			d := newDoc(src)
			d.tables()
		}
	})
}
