// Command gen writes the small PDFs that extract's tests read (extract/testdata/*.pdf), in raw
// PDF syntax with a correct cross-reference table, so that each case is exact and reproducible:
//
//	cd extract/testdata && go run ./gen
//
// Text uses the standard-14 Courier font without /Widths (every glyph 0.6 em), which also
// exercises the estimated-width path; right-aligned amounts are placed by computing that width.
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"
)

// doc builds a PDF from object bodies; object 1 is the catalog, 2 the page tree.
type doc struct{ objs []string }

func (d *doc) add(body string) int { d.objs = append(d.objs, body); return len(d.objs) }

func (d *doc) bytes(trailerExtra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(d.objs))
	for i, o := range d.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, trailerExtra, x)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// text is one line of text at x, y (points, from the bottom left) in Courier of the given size.
type text struct {
	x, y, size float64
	s          string
}

func esc(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	var b strings.Builder
	for _, c := range r.Replace(s) {
		if c > 127 { // WinAnsi for the few accented letters used
			b.WriteByte(byte(c))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func content(ts []text) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", t.size, t.x, t.y, esc(t.s))
	}
	return b.String()
}

// pages builds a document with one content stream per page.
func pages(contents []string, extraRes string) *doc {
	d := &doc{}
	d.add("<< /Type /Catalog /Pages 2 0 R >>")
	d.add("") // page tree, filled below
	font := d.add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, c := range contents {
		cs := d.add(stream("", c))
		p := d.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> %s >> /Contents %d 0 R >>", font, extraRes, cs))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	d.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return d
}

// right places s so that it ends at x.
func right(x, y, size float64, s string) text {
	return text{x - 0.6*size*float64(len([]rune(s))), y, size, s}
}

func main() {
	out := map[string][]byte{}

	// a budget table: code, label, two right-aligned amounts whose digit groups are separate runs
	var tbl []text
	tbl = append(tbl, text{72, 760, 10, "Budget 2024"})
	rows := [][]string{{"16", "Emprunts et dettes", "30 000,00", "103 800,00"}, {"011", "Charges générales", "1 051 236,00", "1 391 933,14"}, {"", "Total", "1 081 236,00", "1 495 733,14"}}
	y := 730.0
	for _, r := range rows {
		if r[0] != "" {
			tbl = append(tbl, text{72, y, 10, r[0]})
		}
		tbl = append(tbl, text{110, y, 10, r[1]})
		for i, amt := range r[2:] {
			end := 400.0 + 110*float64(i)
			// each digit group is its own run, as some producers place them
			groups := strings.Split(amt, " ")
			x := end
			for g := len(groups) - 1; g >= 0; g-- {
				t := right(x, y, 10, groups[g])
				tbl = append(tbl, t)
				x = t.x - 6 // one space of Courier 10
			}
		}
		y -= 14
	}
	tbl = append(tbl, text{72, y - 30, 10, "Le conseil approuve le budget."})
	out["table.pdf"] = pages([]string{content(tbl)}, "").bytes("")

	// a margin column (service, register number) beside a prose body
	var two []text
	margin := []string{"Direction des", "Finances", "", "Extrait du", "registre", "n° 2014/155"}
	for i, m := range margin {
		if m != "" {
			two = append(two, text{40, 760 - float64(i)*19, 9, m})
		}
	}
	body := []string{
		"Convoqué le 17 avril 2014, le Conseil Municipal de la Ville",
		"s'est réuni en mairie, salle du Conseil, le jeudi 24 avril",
		"2014 à 18h00, sous la présidence de Monsieur le Maire.",
		"Présents : Mme Une, M. Deux, Mme Trois, M. Quatre, M. Cinq",
		"Mme Six, M. Sept, Mme Huit, M. Neuf, Mme Dix et M. Onze.",
		"Absents : M. Douze, Mme Treize et M. Quatorze, excusés.",
		"Le Conseil adopte la délibération à l'unanimité des voix.",
	}
	for i, l := range body {
		two = append(two, text{170, 765 - float64(i)*13, 10, l})
	}
	out["two-columns.pdf"] = pages([]string{content(two)}, "").bytes("")

	// three pages with a running header, a page-number footer and a word hyphenated at a line end
	var fp []string
	subjects := []string{"budget", "personnel", "voirie"}
	for p := 1; p <= 3; p++ {
		ts := []text{
			{72, 800, 9, "Commune de Nulle-Part - Conseil municipal du 3 mars 2024"},
			{72, 740, 10, fmt.Sprintf("Point %d. Le conseil examine (%s) la délibé-", p, subjects[p-1][:3])},
			{72, 727, 10, "ration relative au " + subjects[p-1] + " et l'adopte."},
			{72, 690 - 20*float64(p), 10, "Un paragraphe sur le " + subjects[p-1] + " suit après un blanc."},
			{280, 40, 9, fmt.Sprintf("Page %d/3", p)},
		}
		fp = append(fp, content(ts))
	}
	out["furniture.pdf"] = pages(fp, "").bytes("")

	// a scan: an image on each page and no text
	img := &doc{}
	img.add("<< /Type /Catalog /Pages 2 0 R >>")
	img.add("<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
	img.add(stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x00\xff\xff\x00"))
	img.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R >> >> /Contents 5 0 R >>")
	img.add(stream("", "q 595 0 0 842 0 0 cm /Im1 Do Q"))
	out["image-only.pdf"] = img.bytes("")

	// no page at all
	empty := &doc{}
	empty.add("<< /Type /Catalog /Pages 2 0 R >>")
	empty.add("<< /Type /Pages /Kids [] /Count 0 >>")
	out["empty.pdf"] = empty.bytes("")

	// encrypted with a user password (the O and U entries do not match the empty password)
	enc := pages([]string{content([]text{{72, 760, 10, "Secret"}})}, "")
	encObj := enc.add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + strings.Repeat("ab", 32) + "> /U <" + strings.Repeat("cd", 32) + "> >>")
	out["encrypted.pdf"] = enc.bytes(fmt.Sprintf("/Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ", encObj))

	// truncated: the table cut in the middle, so that %%EOF and the xref are gone
	t := out["table.pdf"]
	out["truncated.pdf"] = t[:len(t)/2]

	// corrupt: a PDF header, then noise, then a trailer pointing nowhere
	out["corrupt.pdf"] = []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage (((\nstartxref\n99999\n%%EOF\n")

	// a trailer whose /Prev names its own cross-reference table (the library would loop)
	loop := pages([]string{content([]text{{72, 760, 10, "Boucle"}})}, "").bytes("")
	xref := bytes.LastIndex(loop, []byte("xref\n"))
	out["xref-loop.pdf"] = bytes.Replace(loop, []byte("<< /Size"), []byte(fmt.Sprintf("<< /Prev %d /Size", xref)), 1)

	// a landscape page: /Rotate 90, text drawn turned a quarter so that it reads upright
	rot := &doc{}
	rot.add("<< /Type /Catalog /Pages 2 0 R >>")
	rot.add("<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
	rot.add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	rot.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>")
	rot.add(stream("", "BT /F1 10 Tf 0 1 -1 0 100 72 Tm (Tableau des indemnit\351s) Tj ET\n"+
		"BT /F1 10 Tf 0 1 -1 0 114 72 Tm (Maire) Tj 0 1 -1 0 114 300 Tm (1 051,00) Tj ET\n"+
		"BT /F1 10 Tf 0 1 -1 0 128 72 Tm (Adjoints) Tj 0 1 -1 0 128 300 Tm (2 102,00) Tj ET"))
	out["rotated.pdf"] = rot.bytes("")

	// a préfecture stamp drawn by a form XObject beside the page's own text
	form := &doc{}
	form.add("<< /Type /Catalog /Pages 2 0 R >>")
	form.add("<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
	form.add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	form.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>")
	form.add(stream("", "q 1 0 0 1 300 780 cm /Fm1 Do Q BT /F1 10 Tf 1 0 0 1 72 700 Tm (Le conseil adopte.) Tj ET"))
	form.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 250 40] /Resources << /Font << /F1 3 0 R >> >>",
		"BT /F1 8 Tf 1 0 0 1 5 20 Tm (Re\347u en pr\351fecture le 12/02/2024) Tj ET"))
	out["form-stamp.pdf"] = form.bytes("")

	for name, b := range out {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
