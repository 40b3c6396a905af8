package extract

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"
)

// pdfFont is what the content walker needs of a font, decoded once per document: how many bytes
// a character code takes, each code's text and advance width. The library re-parses dictionaries
// and CMaps at every lookup, so everything here is computed once and kept.
type pdfFont struct {
	twoByte bool
	enc     pdf.TextEncoding
	// simple fonts: widths of codes first..first+len(widths)-1, in 1/1000 em
	first  int
	widths []float64
	// Type0 fonts: widths by CID (Identity encodings: CID = code)
	cidW map[int]float64
	dw   float64
	// scale turns glyph-space widths into 1/1000 em (Type3 fonts have their own FontMatrix).
	scale float64
	// std is the index of an estimated-width table (stdWidths) for fonts without widths, or -1.
	std int
	// estimated reports that widths are guesses (no /Widths and not a known core font).
	estimated bool
	space     float64 // width of a space in ems, 0 until computed
	// symbol marks the Symbol font, whose bullet (code 0xB7) decodes as a middle dot.
	symbol bool
	dec1   [256]string
	done1  [256]bool
	dec2   map[uint16]string
}

// newPDFFont reads a font dictionary. It never panics: a damaged font falls back to estimated
// widths and byte-for-byte decoding.
func newPDFFont(v pdf.Value) (f *pdfFont) {
	f = &pdfFont{scale: 1, std: -1, dw: 1000}
	defer func() {
		if r := recover(); r != nil {
			f = &pdfFont{scale: 1, std: 0, estimated: true, dw: 1000, enc: nopEnc{}}
		}
	}()
	lf := pdf.Font{V: v}
	f.enc = safeEncoder(&lf)
	subtype := v.Key("Subtype").Name()
	base := v.Key("BaseFont").Name()
	f.symbol = strings.Contains(base, "Symbol")
	if subtype == "Type0" {
		f.twoByte = true
		f.dec2 = make(map[uint16]string)
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		w := d.Key("W")
		if w.Len() > 0 {
			f.cidW = make(map[int]float64)
			for i := 0; i < w.Len(); {
				c := int(w.Index(i).Int64())
				next := w.Index(i + 1)
				if next.Kind() == pdf.Array {
					for j := 0; j < next.Len(); j++ {
						f.cidW[c+j] = next.Index(j).Float64()
					}
					i += 2
					continue
				}
				if i+2 >= w.Len() {
					break
				}
				last := int(next.Int64())
				wd := w.Index(i + 2).Float64()
				if last-c > 65536 || last < c {
					i += 3
					continue
				}
				for k := c; k <= last; k++ {
					f.cidW[k] = wd
				}
				i += 3
			}
		} else {
			f.estimated = true
			f.std = stdIndex(base)
		}
		return f
	}
	if subtype == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64() * 1000
		}
	}
	ws := v.Key("Widths")
	if ws.Len() > 0 {
		f.first = int(v.Key("FirstChar").Int64())
		f.widths = make([]float64, ws.Len())
		for i := range f.widths {
			f.widths[i] = ws.Index(i).Float64() * f.scale
		}
		if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
			f.dw = mw.Float64()
		} else {
			f.dw = 0
		}
		return f
	}
	f.std = stdIndex(base)
	f.estimated = true
	return f
}

// stdIndex picks the estimated-width table closest to a font name: Times-like or Helvetica-like,
// bold or not. Courier and other fixed-pitch fonts are handled as 600 by stdIndex's caller.
func stdIndex(base string) int {
	b := strings.ToLower(base)
	if strings.Contains(b, "courier") || strings.Contains(b, "mono") {
		return 4
	}
	i := 0
	if strings.Contains(b, "times") || strings.Contains(b, "serif") && !strings.Contains(b, "sans") || strings.Contains(b, "roman") || strings.Contains(b, "georgia") || strings.Contains(b, "garamond") {
		i = 2
	}
	if strings.Contains(b, "bold") || strings.Contains(b, "black") || strings.Contains(b, "heavy") {
		i++
	}
	return i
}

// nopEnc passes codes through as Latin-1, the library's fallback too.
type nopEnc struct{}

func (nopEnc) Decode(raw string) string {
	r := make([]rune, len(raw))
	for i := 0; i < len(raw); i++ {
		r[i] = rune(raw[i])
	}
	return string(r)
}

// safeEncoder asks the library for a font's encoder; a damaged CMap makes it panic, and then the
// codes are read as Latin-1.
func safeEncoder(f *pdf.Font) (enc pdf.TextEncoding) {
	defer func() {
		if r := recover(); r != nil {
			enc = nopEnc{}
		}
	}()
	enc = f.Encoder()
	if enc == nil {
		enc = nopEnc{}
	}
	return enc
}

// decode returns the text of one character code, decoding it once per font.
func (f *pdfFont) decode(code int) string {
	if !f.twoByte {
		if !f.done1[code] {
			s := f.safeDecode(string([]byte{byte(code)}))
			if f.symbol && s == "·" {
				s = "•"
			}
			f.dec1[code] = s
			f.done1[code] = true
		}
		return f.dec1[code]
	}
	if s, ok := f.dec2[uint16(code)]; ok {
		return s
	}
	s := f.safeDecode(string([]byte{byte(code >> 8), byte(code)}))
	f.dec2[uint16(code)] = s
	return s
}

func (f *pdfFont) safeDecode(raw string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = ""
		}
	}()
	return cleanGlyph(f.enc.Decode(raw))
}

// width returns the advance of a code in 1/1000 em; text is its decoded form, used when the
// width has to be estimated.
func (f *pdfFont) width(code int, text string) float64 {
	if f.twoByte {
		if f.cidW != nil {
			if w, ok := f.cidW[code]; ok {
				return w
			}
			return f.dw
		}
	} else if f.widths != nil {
		i := code - f.first
		if i >= 0 && i < len(f.widths) {
			return f.widths[i]
		}
		return f.dw
	}
	return estimateWidth(f.std, text)
}

// estimateWidth guesses a glyph's width from the core-font tables (accents dropped).
func estimateWidth(std int, text string) float64 {
	if std == 4 {
		return 600
	}
	if std < 0 || std > 3 {
		std = 0
	}
	var w float64
	for _, r := range text {
		switch {
		case r >= 32 && r <= 126:
			w += float64(stdWidths[std][r-32])
		case stdExtra[std][r] != 0:
			w += float64(stdExtra[std][r])
		default:
			base := r
			if d := norm.NFD.String(string(r)); d != "" {
				base = []rune(d)[0]
			}
			if base >= 32 && base <= 126 {
				w += float64(stdWidths[std][base-32])
			} else if unicode.IsUpper(r) {
				w += 700
			} else {
				w += 500
			}
		}
	}
	if w == 0 {
		w = 500
	}
	return w
}

// cleanGlyph maps what fonts decode to into plain text: private-use bullets of Word's Symbol and
// Wingdings fonts become a bullet, U+FFFD and control characters are dropped, and the library's
// Latin-1 fallback for unmapped codes is kept.
func cleanGlyph(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xFFFD || (r >= 0xF000 && r <= 0xF0FF) || r == 0xAD {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0xFFFD || r == 0x7f || r == 0xAD:
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20:
		case r >= 0xF000 && r <= 0xF0FF:
			b.WriteString(privateBullet(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// privateBullet maps Symbol/Wingdings private-use code points (U+F0xx) that Word emits for list
// bullets: round bullets become "•", everything else (arrows, squares, check marks) "-".
func privateBullet(r rune) string {
	switch r {
	case 0xF0B7, 0xF06C, 0xF09F, 0xF0A1, 0xF0A7, 0xF0FC, 0xF06E, 0xF0A8, 0xF0B2:
		return "•"
	case 0xF020:
		return " "
	}
	return "-"
}

// fontRefRE finds "/Name 12 0 R" entries in the printed form of a /Font resource dictionary, so
// fonts shared by pages are decoded once per document even when pages have their own dictionaries.
var fontRefRE = regexp.MustCompile(`/(\S+) (\d+ \d+ R)`)

// fontCache keeps decoded fonts per document, by object reference and by resource dictionary.
type fontCache struct {
	byRef  map[string]*pdfFont
	byDict map[string]map[string]*pdfFont
}

func newFontCache() *fontCache {
	return &fontCache{byRef: map[string]*pdfFont{}, byDict: map[string]map[string]*pdfFont{}}
}

// fonts returns the fonts of a resource dictionary by resource name.
func (c *fontCache) fonts(res pdf.Value) map[string]*pdfFont {
	fd := res.Key("Font")
	if fd.IsNull() {
		return nil
	}
	key := fd.String()
	if m, ok := c.byDict[key]; ok {
		return m
	}
	m := map[string]*pdfFont{}
	refs := map[string]string{}
	for _, sm := range fontRefRE.FindAllStringSubmatch(key, -1) {
		refs[sm[1]] = sm[2]
	}
	for _, name := range fd.Keys() {
		ref, isRef := refs[name]
		if isRef {
			if f, ok := c.byRef[ref]; ok {
				m[name] = f
				continue
			}
		}
		f := newPDFFont(fd.Key(name))
		if isRef {
			c.byRef[ref] = f
		}
		m[name] = f
	}
	if len(c.byDict) < 4096 {
		c.byDict[key] = m
	}
	return m
}

// fontSize returns the vertical scale of a text rendering matrix (the rendered font size).
func fontSize(b, d float64) float64 { return math.Hypot(b, d) }

// spaceEm returns the width of the font's space in ems (a quarter em when the font has none).
func (f *pdfFont) spaceEm() float64 {
	if f.space == 0 {
		f.space = 0.25
		if !f.twoByte {
			if w := f.width(32, " ") / 1000; w > 0.05 && w < 1 {
				f.space = w
			}
		} else if f.cidW != nil {
			// Type0 codes are glyph ids; guess from the widths' median instead
			f.space = 0.25
		}
	}
	return f.space
}
