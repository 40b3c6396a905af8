package extract

import (
	"bytes"
	"fmt"
	"html"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Text decodes a text document: UTF-8 with or without BOM, UTF-16 with BOM, or a legacy
// single-byte encoding (Windows-1252, which is a superset of ISO-8859-1's printable range and
// agrees with ISO-8859-15 on French letters except €/œ, which 1252 places at 0x80/0x9C) when the
// bytes are not valid UTF-8. Line endings become \n, the text is put in NFC, form feeds start a
// new page. HTML exports (LibreOffice .doc → .html) are reduced to their text.
func Text(data []byte) (*Source, error) {
	s, enc, scan, err := decodeScan(data)
	if err != nil {
		return nil, err
	}
	if looksHTML(s) {
		s = htmlText(s)
		enc += "+html"
		scan.done = false
	}
	// a carriage return is a control character: a clean scan says there is none
	if (!scan.done || scan.dirty) && strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		scan.done = false
	}
	if !scan.done {
		scan, _ = scanAll(s)
	}
	if !scan.stable {
		s = norm.NFC.String(s)
		scan, _ = scanAll(s)
	}
	dirty := scan.dirty
	// \f is a space: a text of spaces and page breaks only is as empty as without its breaks
	if strings.TrimSpace(s) == "" {
		return nil, ErrEmpty
	}
	src := &Source{Format: "text", Pages: 1, Encoding: enc, Decoded: s}
	// The scan of s counted its line feeds and form feeds.
	src.Lines = make([]Line, 0, 1+scan.lines+scan.feeds)
	page, line := 1, 0
	for {
		pageText, rest, more := s, "", false
		if scan.feeds > 0 {
			pageText, rest, more = strings.Cut(s, "\f")
		}
		for {
			l, next, ok := pageText, "", false
			if j := strings.IndexByte(pageText, '\n'); j >= 0 {
				l, next, ok = pageText[:j], pageText[j+1:], true
			}
			if dirty {
				l = cleanLine(l)
			}
			line++
			src.Lines = append(src.Lines, Line{Pos: Pos{Page: page, Line: line}, Text: l})
			if !ok {
				break
			}
			pageText = next
		}
		if !more {
			break
		}
		s = rest
		page++
	}
	src.Pages = page
	markTextFurniture(src)
	return src, nil
}

// scanText reports, in one pass over s, whether s is surely in NFC already (every rune an
// NFC-stable starter, see nfcStarters: then norm has nothing to do) and whether some line may
// need cleanLine (a control character, U+FFFD, a byte that is not UTF-8). Both answers err on
// the safe side: unsure means "run the slow path", never a skipped change.
func scanText(s string) (stable, dirty bool) {
	sc, _ := scanAll(s)
	return sc.stable, sc.dirty
}

// scanUTF8 is scanText that also reports whether s is valid UTF-8 (utf8.ValidString), so that a
// file read as UTF-8 is gone over once.
func scanUTF8(s string) (stable, dirty, valid bool) {
	sc, valid := scanAll(s)
	return sc.stable, sc.dirty, valid
}

// scanAll is scanUTF8 that also counts the line feeds and form feeds of s, which Text splits
// it at, in its scan (done).
func scanAll(s string) (sc textScan, valid bool) {
	sc.stable, sc.done, valid = true, true, true
	for i := 0; i < len(s); {
		for i+8 <= len(s) {
			// Eight bytes at a time, to the lowest byte that is a control character (below
			// 0x20: its subtraction wraps), DEL (its increment reaches the high bit) or past
			// ASCII (the high bit). Below that byte nothing borrows or carries, so the lowest
			// flag is exact; flags above it may be false.
			t := s[i : i+8]
			w := load8(t)
			m := ((w - 0x20*ones) | w | (w + ones)) & highs
			if m == 0 {
				i += 8
				continue
			}
			// A line feed, the byte flagged most often after those past ASCII, is counted
			// here, without a step of the loop below.
			k := bits.TrailingZeros64(m) / 8
			if byte(w>>(8*k)) != '\n' {
				i += k
				break
			}
			sc.lines++
			i += k + 1
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				sc.lines++
			case c == '\f':
				sc.feeds++
			case c < 0x20 && c != '\t' || c == 0x7f:
				sc.dirty = true
			}
			i++
			continue
		}
		var r rune
		var n int
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2 // the Latin letters, without a call
		} else if c > 0xE0 && c < 0xF0 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// three bytes (’, –, €…): past E0's overlong forms and apart from ED's surrogates,
			// any two continuation bytes make a valid rune
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r == utf8.RuneError { // U+FFFD, or a byte that is not UTF-8
			sc.stable, sc.dirty, valid = sc.stable && n == 3, true, valid && n == 3
		}
		if u := uint32(r); u >= nfcTableLimit || nfcStarters[u/64]&(1<<(u%64)) == 0 { // r is not negative
			sc.stable = false
		}
		i += n
	}
	return sc, valid
}

// cleanLine drops characters that carry no text (U+FFFD, control characters other than tab).
func cleanLine(l string) string {
	clean := true
	for _, r := range l {
		if r == utf8.RuneError || (r < 0x20 && r != '\t') || r == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return l
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (r < 0x20 && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, l)
}

// decode picks the encoding: a BOM wins, then valid UTF-8, then Windows-1252. NUL bytes in a file
// without a UTF-16 BOM mean binary.
func decode(data []byte) (string, string, error) {
	s, enc, _, err := decodeScan(data)
	return s, enc, err
}

// textScan holds scanAll's answers on a decoded text, when done.
type textScan struct {
	stable, dirty, done bool
	lines, feeds        int // line feeds and form feeds
}

// decodeScan is decode that, for a text read as UTF-8, checks it and runs scanText on it in one
// pass (scanUTF8).
func decodeScan(data []byte) (string, string, textScan, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		s := string(data[3:])
		scan, valid := scanAll(s)
		if !valid {
			return "", "", textScan{}, fmt.Errorf("%w: UTF-8 byte order mark but invalid UTF-8", ErrEncoding)
		}
		return s, "utf-8", scan, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		name := "utf-16le"
		if data[0] == 0xFE {
			dec = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
			name = "utf-16be"
		}
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", textScan{}, fmt.Errorf("%w: %v", ErrEncoding, err)
		}
		return string(out), name, textScan{}, nil
	}
	s := string(data)
	scan, valid := scanAll(s)
	if scan.dirty && strings.IndexByte(s, 0) >= 0 { // NUL is a control character: it makes s dirty
		return "", "", textScan{}, ErrBinary
	}
	if valid {
		return s, "utf-8", scan, nil
	}
	if !mostlyText(data) {
		return "", "", textScan{}, ErrBinary
	}
	out, err := decodeWith(charmap.Windows1252, data)
	if err != nil {
		return "", "", textScan{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return out, "windows-1252", textScan{}, nil
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	return string(out), err
}

// mostlyText rejects bytes that would decode as single-byte text but are plainly not: many C0
// control characters, or bytes undefined in Windows-1252.
func mostlyText(data []byte) bool {
	bad := 0
	for _, c := range data {
		switch {
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			bad++
		case c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D:
			bad++
		}
	}
	return bad*100 <= len(data)
}

// htmlMarks open an HTML document, in any ASCII case, within its first htmlHead bytes.
var htmlMarks = []string{"<html", "<!doctype html"}

const htmlHead = 2048

// looksHTML reports whether s opens like an HTML document: one of htmlMarks in its head, in any
// ASCII case. That is strings.Contains(strings.ToLower(head), mark) without lowering the head:
// the marks hold neither i nor k, the only ASCII letters a rune past ASCII lowers to (İ, the
// Kelvin sign).
func looksHTML(s string) bool {
	head := s
	if len(head) > htmlHead {
		head = head[:htmlHead]
	}
	for i := 0; ; {
		j := strings.IndexByte(head[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		for _, m := range htmlMarks {
			if len(head)-i >= len(m) && lowerASCIIIs(head[i:i+len(m)], m) {
				return true
			}
		}
		i++
	}
}

// htmlBreaks are the elements that end a line of text; a table cell ends with a tab, so that
// tables reach the parser as the tab-separated rows it reads.
var htmlBreaks = map[string]bool{
	"br": true, "p": true, "/p": true, "div": true, "/div": true, "li": true, "/li": true,
	"tr": true, "/tr": true, "/table": true, "h1": true, "/h1": true, "h2": true, "/h2": true,
	"h3": true, "/h3": true, "h4": true, "/h4": true, "h5": true, "/h5": true, "h6": true, "/h6": true,
}

// htmlText keeps the text of an HTML document, a paragraph per block element and a tab between
// table cells, so that the parser sees it as it would a text export. One pass over the bytes:
// LibreOffice exports run to hundreds of kilobytes of markup.
func htmlText(s string) string {
	var b strings.Builder
	b.Grow(len(s) / 2)
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			writeUnwrapped(&b, s[i:i+j])
			i += j
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		name := tagName(s[i+1 : i+end])
		i += end + 1
		switch name {
		case "head", "script", "style":
			// Their content is not text: skip to the closing tag.
			if k := indexCloseTag(s[i:], name); k >= 0 {
				i += k
			} else {
				i = len(s)
			}
		case "/td", "/th":
			b.WriteByte('\t')
		default:
			if htmlBreaks[name] {
				b.WriteByte('\n')
			}
		}
	}
	lines := strings.Split(html.UnescapeString(b.String()), "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.ReplaceAll(l, "\u00a0", " ")
		l = collapse(strings.TrimSpace(l))
		if l == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// writeUnwrapped writes the text t to b with its line breaks (\n, \r) as spaces: inside a
// paragraph, a source line break is only wrapping.
func writeUnwrapped(b *strings.Builder, t string) {
	for {
		j := indexLineBreak(t)
		if j < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:j])
		b.WriteByte(' ')
		t = t[j+1:]
	}
}

// load8 reads the first eight bytes of s as a little-endian word, for the scans that test
// eight bytes at a time.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ones and highs are the low and the high bit of each byte of a word, for the byte tests of
// the scans that read eight bytes at a time.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// indexLineBreak returns the index of the first \n or \r of t, -1 if none.
func indexLineBreak(t string) int {
	i := 0
	for ; i+8 <= len(t); i += 8 {
		u := t[i : i+8]
		w := load8(u)
		lf, cr := w^'\n'*ones, w^'\r'*ones
		// the lowest mark of each is exact; borrows mark only above a true one
		if m := (lf-ones)&^lf&highs | (cr-ones)&^cr&highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(t); i++ {
		if t[i] == '\n' || t[i] == '\r' {
			return i
		}
	}
	return -1
}

// indexCloseTag is strings.Index(strings.ToLower(s), "</"+name) for a lower-case ASCII name,
// without lowering the rest of the document for every <script> or <style>. Offsets in the
// lowered text are those of s as long as no rune before the match changes length or becomes
// ASCII when lowered (U+0130 İ, U+212A Kelvin): at such a rune it falls back to the plain
// expression, so that the answer is the same on every input.
func indexCloseTag(s, name string) int {
	for j := 0; j < len(s); {
		c := s[j]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[j:])
			if l := unicode.ToLower(r); r == utf8.RuneError || l < utf8.RuneSelf || utf8.RuneLen(l) != n {
				return strings.Index(strings.ToLower(s), "</"+name)
			}
			j += n
			continue
		}
		if c == '<' && j+2+len(name) <= len(s) && s[j+1] == '/' && lowerASCIIIs(s[j+2:j+2+len(name)], name) {
			return j
		}
		j++
	}
	return -1
}

// lowerASCIIIs reports whether the ASCII bytes of s, lowered, are name.
func lowerASCIIIs(s, name string) bool {
	for k := 0; k < len(name); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[k] {
			return false
		}
	}
	return true
}

// tagName returns the lower-case name of a tag from its inside ("P class=x" → "p",
// "/TD" → "/td").
func tagName(tag string) string {
	n := 0
	if n < len(tag) && tag[n] == '/' {
		n++
	}
	for n < len(tag) && (tag[n] >= 'a' && tag[n] <= 'z' || tag[n] >= 'A' && tag[n] <= 'Z' || tag[n] >= '0' && tag[n] <= '9') {
		n++
	}
	return strings.ToLower(tag[:n])
}

// collapse squeezes runs of spaces (not tabs) to one.
func collapse(l string) string {
	j := strings.Index(l, "  ")
	if j < 0 {
		return l
	}
	if utf8.ValidString(l) {
		// Valid text is copied as it is between runs; the loop below would also write
		// U+FFFD for each byte that is not UTF-8.
		var b strings.Builder
		b.Grow(len(l) - 1)
		for j >= 0 {
			b.WriteString(l[:j+1])
			l = strings.TrimLeft(l[j+1:], " ")
			j = strings.Index(l, "  ")
		}
		b.WriteString(l)
		return b.String()
	}
	var b strings.Builder
	prev := false
	for _, r := range l {
		if r == ' ' {
			if prev {
				continue
			}
			prev = true
		} else {
			prev = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
