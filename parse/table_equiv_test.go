package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"minutes/extract"
	"minutes/normalize"
)

// Reference implementations of the table readers' shortcuts: each fuzz target checks that the
// shortcut gives the answer of the code it replaced.

// stackValueRef is stackValue as first written: the replacer, then readCell, then the money test.
func stackValueRef(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 || s[0] > '9' && s[0] < 0x80 || !hasDigit(s) || isText(stackUnits.Replace(s)) || isPageNumber(s) || isYear(s) {
		return false
	}
	if _, ok := readCell(s); !ok {
		return false
	}
	return strings.ContainsAny(s, ",.€%") || len(strings.Map(digitsOnly, s)) >= 4
}

// stackCodeRef is reStackCode's capture.
func stackCodeRef(s string) string {
	if m := reStackCode.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

var stackSeeds = []string{
	"11 630 000 €", "- 1,03 %", "2016", "12", "1 200 HT", "TTC 300,00", "Page 3", "HTTC 12,5",
	"chapitre 70", "chap.011", "c/ 6061", "compte  1234567", " 12", "articles\t042", "012",
	"ligne", "\xc3HT\xa9 12,00", "€€ 1.5", "(1 234,56)", "25-04/031", "chap 12",
}

func TestStackShortcuts(t *testing.T) {
	for _, s := range stackSeeds {
		if got, want := stackValue(s), stackValueRef(s); got != want {
			t.Errorf("stackValue(%q) = %v, want %v", s, got, want)
		}
		if got, want := unitText(s), isText(stackUnits.Replace(s)); got != want {
			t.Errorf("unitText(%q) = %v, want %v", s, got, want)
		}
		if got, want := stackCode(s), stackCodeRef(s); got != want {
			t.Errorf("stackCode(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzStackValue(f *testing.F) {
	for _, s := range stackSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := stackValue(s), stackValueRef(s); got != want {
			t.Errorf("stackValue(%q) = %v, want %v", s, got, want)
		}
		if got, want := unitText(s), isText(stackUnits.Replace(s)); got != want {
			t.Errorf("unitText(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzStackCode(f *testing.F) {
	for _, s := range stackSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := stackCode(s), stackCodeRef(s); got != want {
			t.Errorf("stackCode(%q) = %q, want %q", s, got, want)
		}
	})
}

// isPageNumberRef is isPageNumber as first written, with strconv.Atoi and strings.ToLower.
func isPageNumberRef(t string) bool {
	if len(t) > 24 {
		return false
	}
	t = strings.Trim(t, " -–")
	if t == "" {
		return false
	}
	if _, err := strconv.Atoi(t); err == nil && len(t) <= 3 {
		return true
	}
	lt := strings.ToLower(t)
	if strings.HasPrefix(lt, "page ") {
		rest := strings.Fields(lt[5:])
		if len(rest) >= 1 {
			if _, err := strconv.Atoi(strings.Split(rest[0], "/")[0]); err == nil {
				return true
			}
		}
	}
	return false
}

var pageSeeds = []string{
	"12", "+3", "-4", "+", "1a", "Page 3", "PAGE 12/40", "page", "Pagé 3", "İpage 3", "Ⱥage 1",
	"Compte-rendu page", "pages n° :", "page  n°", "rampage", "page:", "page: ", "n°", " page n°",
	"sous-page", "_page", "pages", "pagess", "page\tn°\t:", "Page n° 3", "1 234",
}

func TestPageShortcuts(t *testing.T) {
	for _, s := range pageSeeds {
		if got, want := isPageNumber(s), isPageNumberRef(s); got != want {
			t.Errorf("isPageNumber(%q) = %v, want %v", s, got, want)
		}
		if got, want := pageLabelEnd([]byte(s)), rePageLabel.MatchString(s); got != want {
			t.Errorf("pageLabelEnd(%q) = %v, want %v", s, got, want)
		}
		if got, want := pageLabel(s), rePageLabel.MatchString(normalize.Fold(s)); got != want {
			t.Errorf("pageLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzPageLabel(f *testing.F) {
	for _, s := range pageSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isPageNumber(s), isPageNumberRef(s); got != want {
			t.Errorf("isPageNumber(%q) = %v, want %v", s, got, want)
		}
		if got, want := pageLabelEnd([]byte(s)), rePageLabel.MatchString(s); got != want {
			t.Errorf("pageLabelEnd(%q) = %v, want %v", s, got, want)
		}
		if got, want := pageLabel(s), rePageLabel.MatchString(normalize.Fold(s)); got != want {
			t.Errorf("pageLabel(%q) = %v, want %v", s, got, want)
		}
	})
}

// amountGroupsRef is amountGroups as first written: the tokens split out, the glued ones
// concatenated.
func amountGroupsRef(tail string) ([]string, []amountGroup, bool) {
	toks := strings.Fields(tail)
	var parts []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case (t == "-" || t == "–" || t == "−" || t == "+") && i+1 < len(toks):
			toks[i+1] = t + " " + toks[i+1]
			continue
		case (t == "€" || t == "%") && len(parts) > 0:
			parts[len(parts)-1] += " " + t
			continue
		}
		parts = append(parts, t)
	}
	gs := make([]amountGroup, 0, len(parts))
	for _, p := range parts {
		g, ok := readGroup(p)
		if !ok {
			return nil, nil, false
		}
		gs = append(gs, g)
	}
	return parts, gs, len(gs) > 0
}

// splitAmountsRef is splitAmounts on amountGroupsRef.
func splitAmountsRef(tail string) ([]string, bool) {
	parts, gs, ok := amountGroupsRef(tail)
	if !ok {
		return nil, false
	}
	return splitGroupsRef(parts, gs)
}

// splitGroupsRef is splitGroups as first written, on amountGroupsRef's parts.
func splitGroupsRef(parts []string, gs []amountGroup) ([]string, bool) {
	var out []string
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[i].canLead() && gs[j].canFollow() && !gs[j-1].ends() {
			j++
		}
		if j-i > 1 && !gs[j-1].ends() && (j < len(gs) || i > 0) {
			return nil, false
		}
		out = append(out, strings.Join(parts[i:j], " "))
		i = j
	}
	return out, true
}

// splitByCountRef is splitByCount on amountGroupsRef.
func splitByCountRef(tail string, n int) ([]string, bool) {
	parts, gs, ok := amountGroupsRef(tail)
	if !ok || len(gs) > maxSplitGroups || n <= 0 {
		return nil, false
	}
	ways := make([][]int, len(gs)+1)
	for i := range ways {
		ways[i] = make([]int, n+1)
	}
	ways[len(gs)][0] = 1
	for i := len(gs) - 1; i >= 0; i-- {
		for j := i + 1; j <= len(gs); j++ {
			if j > i+1 && (!gs[i].canLead() || !gs[j-1].canFollow() || gs[j-2].ends()) {
				break
			}
			for k := 1; k <= n; k++ {
				ways[i][k] = min(2, ways[i][k]+ways[j][k-1])
			}
		}
	}
	if ways[0][n] != 1 {
		return nil, false
	}
	var out []string
	for i, k := 0, n; i < len(gs); k-- {
		for j := i + 1; j <= len(gs); j++ {
			if j > i+1 && (!gs[i].canLead() || !gs[j-1].canFollow() || gs[j-2].ends()) {
				return nil, false
			}
			if ways[j][k-1] == 1 {
				out = append(out, strings.Join(parts[i:j], " "))
				i = j
				break
			}
		}
	}
	return out, true
}

var amountSeeds = []string{
	"-565.00", "2 698.00 2 698.00", "12 345 678", "- 120 000 € - 1,03 %", "11 630 000 11 510 000",
	"+", "- -", "€ 12", "12 € €", "1\u00a0200  300,00", " 12  - 5 ", "(1 200) 3 400,50", "1 2 3 4",
	"– 3 %", "12\t345,00", "",
}

func TestAmountGroupsSame(t *testing.T) {
	for _, s := range amountSeeds {
		for n := 0; n < 4; n++ {
			checkAmounts(t, s, n)
		}
	}
}

func checkAmounts(t *testing.T, s string, n int) {
	got, ok := splitAmounts(s)
	want, wok := splitAmountsRef(s)
	if ok != wok || strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
		t.Errorf("splitAmounts(%q) = %q, %v; want %q, %v", s, got, ok, want, wok)
	}
	got, ok = splitByCount(s, n)
	want, wok = splitByCountRef(s, n)
	if ok != wok || strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
		t.Errorf("splitByCount(%q, %d) = %q, %v; want %q, %v", s, n, got, ok, want, wok)
	}
}

func FuzzAmountGroups(f *testing.F) {
	for _, s := range amountSeeds {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		checkAmounts(t, s, n%6)
	})
}

// TestCellUnitLetters checks that cellUnitLetters holds every letter of reCellSuffix.
func TestCellUnitLetters(t *testing.T) {
	src := strings.TrimPrefix(reCellSuffix.String(), "(?i)")
	src = strings.ReplaceAll(src, `\s`, "")
	for _, r := range src {
		if 'a' <= r && r <= 'z' && !strings.ContainsRune(cellUnitLetters, r) {
			t.Errorf("reCellSuffix holds %q, not in cellUnitLetters %q", r, cellUnitLetters)
		}
	}
}

var cellSeeds = []string{
	"353 000 ,00 €", "(1 200,00 €)", "- 1.697€", "22,49 %", "1’697€", "12 pts", "1 200 HT", "3,5 T.T.C.",
	"0,00 140 853,32 - 140 853,32", "20/02/2004", "58,38 €*", "ſ12", "12 euroſ", "12\v", "€ 12", "– 1 200",
	"1\u00a0200,5", "(12) €", "12 Eur", "1,2,3", "12 k",
}

func TestCellTableMay(t *testing.T) {
	for _, s := range cellSeeds {
		if _, ok := readCellForms(s); ok && !cellTableMay(s) {
			t.Errorf("cellTableMay(%q) = false, but readCellTable reads it", s)
		}
	}
}

func FuzzCellTableMay(f *testing.F) {
	for _, s := range cellSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, ok := readCellForms(s); ok && !cellTableMay(s) {
			t.Errorf("cellTableMay(%q) = false, but readCellTable reads it", s)
		}
	})
}

// numberTokenRef is numberToken as first written.
func numberTokenRef(t string) bool {
	for _, r := range t {
		if !(r >= '0' && r <= '9') && !strings.ContainsRune(".,-–−+()€%", r) {
			return false
		}
	}
	return true
}

func checkCellSuffix(t *testing.T, s string) {
	m := reCellSuffix.FindStringSubmatchIndex(s)
	if got, ok := cellSuffix(s); !ok {
		if m != nil && m[0] < len(s) {
			t.Errorf("cellSuffix(%q) = none, want %v", s, m)
		}
	} else if fmt.Sprint(got[:]) != fmt.Sprint(m) {
		t.Errorf("cellSuffix(%q) = %v, want %v", s, got, m)
	}
	if ref := cellSuffixRef(s); ref != nil && ref[0] < len(s) && fmt.Sprint(ref) != fmt.Sprint(m) {
		t.Errorf("cellSuffixRef(%q) = %v, want %v", s, ref, m)
	}
	if got, want := numberToken(s), numberTokenRef(s); got != want {
		t.Errorf("numberToken(%q) = %v, want %v", s, got, want)
	}
}

func TestCellSuffix(t *testing.T) {
	for _, s := range append(cellSeeds, "12 EUROS", "12 euroſ", "12 pt", "3 H.T.", "5 TTC", "(12)", "12 €", "7%", "8 \u00a0", "",
		"12 eurht", "12  ", "eur eur", "12 h.t", "12 t.t.c", "12 tt.c.", "12 pts.", "12 ptſ", "12 eurottc", "1 H.TT", "\xe2\x82\xac", "x\xc5\xbf",
		"12 € HT ", "12 %ttc", "12 euros h.t.", "12 €\v", "12\xe2\x80\xac", "12 ſ", "12 P T S", "12\tEuRoS\r\n") {
		checkCellSuffix(t, s)
	}
}

func FuzzCellSuffix(f *testing.F) {
	for _, s := range cellSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCellSuffix)
}

// readFlatRef is readFlat as first written (before the shortcuts of this file were taken).
func readFlatRef(idx int, text string) flatLine {
	gapOf := gapText
	fl := flatLine{idx: idx}
	if strings.IndexByte(text, '\t') >= 0 {
		return fl
	}
	// A paragraph is too long to be a row: told before gapText reads it. Trimming first keeps
	// the count exact (the spaces gapText replaces are Unicode spaces, trimmed alike).
	if t := strings.TrimSpace(text); moreRunes(t, 120) {
		return fl
	}
	s, gap := gapOf(text)
	if s == "" {
		return fl
	}
	if isPageNumberRef(s) {
		fl.kind = flatPage
		return fl
	}
	if gap {
		// Columns kept by the extraction: the space-aligned reader takes the line.
		// (splitSpaces(s): s is its own gapText, a gap in it)
		if _, ok := splitSpacesGap(s, s, true); ok {
			return fl
		}
		s = strings.Join(strings.Fields(s), " ")
	}
	if isBullet(s) {
		// A list item; only a dashed section heading ("- SECTION D'INVESTISSEMENT") counts.
		if sec, cols, ok := flatHeader(strings.TrimLeft(s, "-–—•* ")); ok {
			fl.kind, fl.section, fl.columns = flatHead, sec, cols
		}
		return fl
	}
	if endsInNumber(s) {
		label, tail := splitTail(s)
		// The tail must be made of numbers ("2014-25" and "1/2" are references, not amounts).
		parts, gs, ok := amountGroupsRef(tail)
		if !ok {
			tail = ""
		}
		if tail != "" && isText(label) {
			code, rest := "", label
			if m := reFlatCode.FindStringSubmatch(label); m != nil && isText(m[2]) {
				code, rest = m[1], m[2]
			}
			if rePageLabel.MatchString(normalize.Fold(rest)) {
				return fl
			}
			if !moreRunes(rest, maxFlatLabel) && !proseLabel(rest) {
				amounts, ok := splitGroupsRef(parts, gs)
				if !(ok && len(amounts) == 1 && reFlatYear.MatchString(amounts[0])) {
					fl.kind, fl.code, fl.label, fl.tail = flatData, code, strings.TrimSpace(rest), tail
					if ok {
						fl.amounts = amounts
					}
					return fl
				}
			}
		}
	}
	if moreRunes(s, maxFlatLabel) || !isText(s) {
		return fl
	}
	if sec, cols, ok := flatHeader(s); ok {
		fl.kind, fl.section, fl.columns = flatHead, sec, cols
		return fl
	}
	if proseLabel(s) || strings.HasSuffix(s, ":") {
		return fl
	}
	if m := reFlatCode.FindStringSubmatch(s); m != nil && isText(m[2]) {
		fl.kind, fl.code, fl.label = flatOpen, m[1], m[2]
		return fl
	}
	fl.kind, fl.label = flatText, s
	return fl
}

var flatSeeds = []string{
	"FONCTIONNEMENT : RECETTES DÉPENSES", "60633 Fournitures de voirie -565.00", "023 Virement à la section",
	"d'investissement -5412.00", "TOTAL : 2 698.00 2 698.00", "Compte-rendu page 11", "Année 2016",
	"Le conseil municipal, après en avoir délibéré, approuve la délibération du 12 mars 2024",
	"1641 - 00 Emprunts en euros 12 000,00 3 000,00", "- SECTION D'INVESTISSEMENT", "12",
	"Subvention  1 200,00  300", "Dépenses", "Une très longue phrase de prose qui parle de beaucoup de choses 12 345,00 6 789,00 1 000,00 2 000,00",
	"25-04/033 — Affectation du Résultat 2024 de la Commune :", "page 3 / 12", "Total 1 234 567",
}

func TestReadFlatSame(t *testing.T) {
	for _, s := range flatSeeds {
		if got, want := readFlat(3, s), readFlatRef(3, s); !reflect.DeepEqual(got, want) {
			t.Errorf("readFlat(%q) = %+v, want %+v", s, got, want)
		}
	}
}

func FuzzReadFlatSame(f *testing.F) {
	for _, s := range flatSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := readFlat(3, s), readFlatRef(3, s); !reflect.DeepEqual(got, want) {
			t.Errorf("readFlat(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// TestReadFlatCorpus checks readFlat against readFlatRef on every line of the development corpus
// (skipped without ../shared).
func TestReadFlatCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range src.Lines {
			if got, want := readFlat(i, l.Text), readFlatRef(i, l.Text); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: readFlat(%q) = %+v, want %+v", filepath.Base(f), l.Text, got, want)
			}
			if got, want := stackValue(l.Text), stackValueRef(l.Text); got != want {
				t.Errorf("%s: stackValue(%q) = %v, want %v", filepath.Base(f), l.Text, got, want)
			}
		}
		d := newDoc(src)
		if got, want := d.stackBlocks(), d.stackBlocksRef(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: stackBlocks = %v, want %v", filepath.Base(f), got, want)
		}
	}
}

// stackBlocksRef is stackBlocks as first written: every line read as a value first.
func (d *doc) stackBlocksRef() []stackBlock {
	var nb []int32 // the non-blank lines
	for i, l := range d.lines {
		if strings.TrimSpace(l.Text) != "" {
			nb = append(nb, int32(i))
		}
	}
	isVal := make([]bool, len(nb))
	for p, i := range nb {
		isVal[p] = stackValueRef(d.lines[i].Text)
	}
	var out []stackBlock
	for p := 0; p+1 < len(nb); {
		if isVal[p] || !isVal[p+1] || !stackLabel(d.lines[nb[p]].Text) {
			p++
			continue
		}
		start := p
		var rows [][]int
		for p+1 < len(nb) && !isVal[p] && isVal[p+1] && stackLabel(d.lines[nb[p]].Text) {
			row := []int{int(nb[p])}
			p++
			for p < len(nb) && isVal[p] {
				row = append(row, int(nb[p]))
				p++
			}
			rows = append(rows, row)
		}
		if blk, ok := d.stackTable(start, nb, rows); ok {
			out = append(out, blk)
		}
		if p == start {
			p++
		}
	}
	return append(out, d.stackColumns(nb, func(p int) bool { return isVal[p] })...)
}
