package parse

import (
	"regexp"
	"strings"
)

// Tables are read in three steps: find blocks of tabular lines (tab-separated cells, or
// columns aligned with runs of spaces in PDF and OCR text), read each block's rows (title,
// section headings, header rows, data rows with wrapped labels), then check the arithmetic
// (table_check.go). A block that does not hold numbers, or whose shape cannot be told from
// prose, is left alone: its lines stay prose.

// Vocabulary of tables, matched on folded text (lower case, no accents).
var (
	// Heading rows inside a table: budget sections. A row holding only one of these starts a
	// new table entry with that section.
	reTableSection = regexp.MustCompile(`^(?:[0-9ivx.]+\s*[-.)]?\s*)?(?:section\s+(?:de\s+|d'\s*)?)?(?:depenses|recettes|fonctionnement|investissement|exploitation|charges|produits)(?:\s+(?:de\s+|d'\s*)?(?:la\s+section\s+(?:de\s+|d'\s*)?)?(?:fonctionnement|investissement|exploitation))?\s*:?$`)
	// Total rows: "Total général", "Totaux", a bare "Total" close the table.
	reTableTotal = regexp.MustCompile(`^(?:totaux|total(?:\s+general|\s+des\s+budgets|\s+cumule)?|montant\s+total|total\s+ttc|total\s+ht)\s*:?$`)
	// Subtotal rows: "Total Investissement", "Sous-total", "S/total".
	reTableSubtotal = regexp.MustCompile(`^(?:sous[- ]?totale?|s/total|total|totaux)\b`)
	// Header cells that name the code column and the label column.
	reHeaderCode  = regexp.MustCompile(`^(?:code|chap(?:itre|\.)?|art(?:icle|\.)?|compte|c/|n°|no|imputation|nature|fonction|ligne)s?$`)
	reHeaderLabel = regexp.MustCompile(`^(?:libelles?|designations?|intitules?|objet|nature|postes?|operations?|comptes?|chapitres?)\b`)
)

// tableLine is one line of a block, split into cells.
type tableLine struct {
	idx   int // index in d.lines
	cells []string
	tabs  bool // cells came from tabs, not from runs of spaces
}

// tables reads the tables of the document (budget and other).
func (d *doc) tables() {
	for _, blk := range d.tableBlocks() {
		d.rec.Tables = append(d.rec.Tables, d.readBlock(blk)...)
	}
	for i := range d.rec.Tables {
		d.checkTable(&d.rec.Tables[i])
	}
}

// tableBlocks finds the runs of consecutive tabular lines. A blank line or a line of prose
// ends a block, so a table never swallows the paragraph that follows it.
func (d *doc) tableBlocks() [][]tableLine {
	var blocks [][]tableLine
	var cur []tableLine
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, cur)
		}
		cur = nil
	}
	for i, l := range d.lines {
		text := l.Text
		switch {
		case strings.Contains(text, "\t"):
			cur = append(cur, tableLine{idx: i, cells: splitTabs(text), tabs: true})
		default:
			if cells, ok := splitSpaces(text); ok {
				cur = append(cur, tableLine{idx: i, cells: cells})
				continue
			}
			// A header of space-aligned columns is kept when a row follows it.
			if cells, ok := splitHeaderSpaces(text); ok && i+1 < len(d.lines) {
				if _, next := splitSpaces(d.lines[i+1].Text); next {
					cur = append(cur, tableLine{idx: i, cells: cells})
					continue
				}
			}
			flush()
		}
	}
	flush()
	return blocks
}

