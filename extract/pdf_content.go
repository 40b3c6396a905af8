package extract

import "math"

// glyph is one shown character (or ligature) in page space: x, y of its origin on the baseline,
// advance w and rendered font size, all in points with y growing upwards.
type glyph struct {
	x, y, w, size float64
	// space is the width of a space in the glyph's font, in ems.
	space float64
	s     string
	// rot is set for text whose baseline is not horizontal (rotated margin notes).
	rot bool
}

// operand kinds of the content-stream lexer.
const (
	opNum = iota
	opStr
	opName
	opArr // an array: elements are arr[start:end]
	opOther
)

type operand struct {
	kind       int
	num        float64
	str        []byte // string bytes or name (without the slash)
	start, end int    // array elements in contentWalker.arr
}

// matrix is an affine transform [a b c d e f] as in PDF.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m×n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type gstate struct {
	ctm                   matrix
	tc, tw, th, tl, trise float64
	font                  *pdfFont
	fsize                 float64
}

// contentWalker interprets a page's content stream: it keeps the graphics and text state that
// moves text (cm q Q BT Tm Td TD T* TL Tc Tw Tz Ts Tf, TJ offsets) and appends a glyph per
// character shown. Buffers are reused from page to page.
type contentWalker struct {
	glyphs  []glyph
	ops     []operand
	arr     []operand
	scratch []byte
	stack   []gstate
	g       gstate
	tm, tlm matrix
	fonts   map[string]*pdfFont
	// doForm is called for "Do": it runs a form XObject's stream with its own resources.
	doForm func(name string, ctm matrix)
	// images counts image XObjects and inline images drawn.
	images int
	// fallback reads text shown before any Tf, or with a font missing from the resources.
	fallback *pdfFont
}

func (w *contentWalker) reset(fonts map[string]*pdfFont, ctm matrix) {
	w.ops = w.ops[:0]
	w.arr = w.arr[:0]
	w.stack = w.stack[:0]
	w.g = gstate{ctm: ctm, th: 1}
	w.tm, w.tlm = identity, identity
	w.fonts = fonts
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// run interprets the content stream data. It never panics on malformed input: unknown bytes
// are skipped.
func (w *contentWalker) run(data []byte) {
	w.scratch = w.scratch[:0]
	depth := 0 // nesting of [ ] being collected into arr
	arrStart := 0
	i, n := 0, len(data)
	push := func(o operand) {
		if depth > 0 {
			w.arr = append(w.arr, o)
		} else if len(w.ops) < 64 {
			w.ops = append(w.ops, o)
		}
	}
	for i < n {
		c := data[i]
		switch {
		case isWhite(c):
			i++
		case c == '%':
			for i < n && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '/':
			j := i + 1
			for j < n && !isWhite(data[j]) && !isDelimiter(data[j]) {
				j++
			}
			push(operand{kind: opName, str: data[i+1 : j]})
			i = j
		case c == '(':
			s, j := w.literal(data, i+1)
			push(operand{kind: opStr, str: s})
			i = j
		case c == '<':
			if i+1 < n && data[i+1] == '<' {
				i = skipDict(data, i)
				push(operand{kind: opOther})
				continue
			}
			s, j := w.hexString(data, i+1)
			push(operand{kind: opStr, str: s})
			i = j
		case c == '[':
			if depth == 0 {
				arrStart = len(w.arr)
			}
			depth++
			i++
		case c == ']':
			if depth > 0 {
				depth--
				if depth == 0 {
					push(operand{kind: opArr, start: arrStart, end: len(w.arr)})
				}
			}
			i++
		case c == '{' || c == '}' || c == ')' || c == '>':
			i++
		case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < n && (data[j] == '.' || (data[j] >= '0' && data[j] <= '9')) {
				j++
			}
			push(operand{kind: opNum, num: parseNum(data[i:j])})
			i = j
		default:
			j := i + 1
			for j < n && !isWhite(data[j]) && !isDelimiter(data[j]) {
				j++
			}
			op := data[i:j]
			i = j
			if depth > 0 {
				// an operator inside an array: the array was never closed; drop it
				depth = 0
				w.arr = w.arr[:arrStart]
			}
			if len(op) == 2 && op[0] == 'B' && op[1] == 'I' {
				i = skipInlineImage(data, i)
				w.images++
			} else {
				w.exec(op)
			}
			w.ops = w.ops[:0]
			w.arr = w.arr[:0]
			w.scratch = w.scratch[:0]
		}
	}
}

// parseNum reads a PDF number; malformed ones ("--3", "1.2.3") read as far as they make sense.
func parseNum(b []byte) float64 {
	neg := false
	i := 0
	for i < len(b) && (b[i] == '+' || b[i] == '-') {
		if b[i] == '-' {
			neg = !neg
		}
		i++
	}
	var v float64
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		v = v*10 + float64(b[i]-'0')
	}
	if i < len(b) && b[i] == '.' {
		i++
		f := 0.1
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			v += float64(b[i]-'0') * f
			f /= 10
		}
	}
	if neg {
		v = -v
	}
	return v
}

// literal reads a (string) starting after its "(", with escapes and nested parentheses.
func (w *contentWalker) literal(data []byte, i int) ([]byte, int) {
	start := len(w.scratch)
	depth := 1
	n := len(data)
	for i < n {
		c := data[i]
		switch c {
		case '\\':
			i++
			if i >= n {
				break
			}
			e := data[i]
			switch e {
			case 'n':
				w.scratch = append(w.scratch, '\n')
			case 'r':
				w.scratch = append(w.scratch, '\r')
			case 't':
				w.scratch = append(w.scratch, '\t')
			case 'b':
				w.scratch = append(w.scratch, '\b')
			case 'f':
				w.scratch = append(w.scratch, '\f')
			case '\r':
				if i+1 < n && data[i+1] == '\n' {
					i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := 0
					k := 0
					for k < 3 && i < n && data[i] >= '0' && data[i] <= '7' {
						v = v*8 + int(data[i]-'0')
						i++
						k++
					}
					w.scratch = append(w.scratch, byte(v))
					continue
				}
				w.scratch = append(w.scratch, e)
			}
			i++
			continue
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return w.scratch[start:], i + 1
			}
		}
		w.scratch = append(w.scratch, c)
		i++
	}
	return w.scratch[start:], i
}

// hexString reads a <hex string> starting after its "<".
func (w *contentWalker) hexString(data []byte, i int) ([]byte, int) {
	start := len(w.scratch)
	hi, half := byte(0), false
	for i < len(data) && data[i] != '>' {
		c := data[i]
		i++
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			w.scratch = append(w.scratch, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		w.scratch = append(w.scratch, hi<<4)
	}
	return w.scratch[start:], i + 1
}

// skipDict skips a << >> dictionary (marked-content properties), nested ones included.
func skipDict(data []byte, i int) int {
	depth := 0
	for i < len(data) {
		switch {
		case data[i] == '<' && i+1 < len(data) && data[i+1] == '<':
			depth++
			i += 2
		case data[i] == '>' && i+1 < len(data) && data[i+1] == '>':
			depth--
			i += 2
			if depth <= 0 {
				return i
			}
		case data[i] == '(':
			d := 0
			for i < len(data) {
				if data[i] == '\\' {
					i += 2
					continue
				}
				if data[i] == '(' {
					d++
				} else if data[i] == ')' {
					d--
					if d == 0 {
						break
					}
				}
				i++
			}
			i++
		default:
			i++
		}
	}
	return i
}

// skipInlineImage skips from after BI to after the EI that ends the binary image data.
func skipInlineImage(data []byte, i int) int {
	n := len(data)
	// find "ID" as an operator
	for i+1 < n {
		if data[i] == 'I' && data[i+1] == 'D' && (i == 0 || isWhite(data[i-1])) && (i+2 >= n || isWhite(data[i+2])) {
			i += 3
			break
		}
		i++
	}
	for i+1 < n {
		if data[i] == 'E' && data[i+1] == 'I' && isWhite(data[i-1]) && (i+2 >= n || isWhite(data[i+2])) {
			return i + 2
		}
		i++
	}
	return n
}

func (w *contentWalker) num(k int) float64 {
	if k < len(w.ops) {
		return w.ops[k].num
	}
	return 0
}

// nums returns the last k operands as numbers, or false when there are fewer.
func (w *contentWalker) lastNums(k int) ([]operand, bool) {
	if len(w.ops) < k {
		return nil, false
	}
	return w.ops[len(w.ops)-k:], true
}

func (w *contentWalker) exec(op []byte) {
	switch string(op) {
	case "q":
		if len(w.stack) < 256 {
			w.stack = append(w.stack, w.g)
		}
	case "Q":
		if k := len(w.stack); k > 0 {
			w.g = w.stack[k-1]
			w.stack = w.stack[:k-1]
		}
	case "cm":
		if a, ok := w.lastNums(6); ok {
			m := matrix{a[0].num, a[1].num, a[2].num, a[3].num, a[4].num, a[5].num}
			w.g.ctm = m.mul(w.g.ctm)
		}
	case "BT":
		w.tm, w.tlm = identity, identity
	case "Tc":
		if a, ok := w.lastNums(1); ok {
			w.g.tc = a[0].num
		}
	case "Tw":
		if a, ok := w.lastNums(1); ok {
			w.g.tw = a[0].num
		}
	case "Tz":
		if a, ok := w.lastNums(1); ok {
			w.g.th = a[0].num / 100
		}
	case "TL":
		if a, ok := w.lastNums(1); ok {
			w.g.tl = a[0].num
		}
	case "Ts":
		if a, ok := w.lastNums(1); ok {
			w.g.trise = a[0].num
		}
	case "Tf":
		if a, ok := w.lastNums(2); ok {
			w.g.fsize = a[1].num
			w.g.font = nil
			if a[0].kind == opName {
				w.g.font = w.fonts[string(a[0].str)]
			}
		}
	case "Td", "TD":
		if a, ok := w.lastNums(2); ok {
			if op[1] == 'D' {
				w.g.tl = -a[1].num
			}
			w.tlm = matrix{1, 0, 0, 1, a[0].num, a[1].num}.mul(w.tlm)
			w.tm = w.tlm
		}
	case "Tm":
		if a, ok := w.lastNums(6); ok {
			w.tlm = matrix{a[0].num, a[1].num, a[2].num, a[3].num, a[4].num, a[5].num}
			w.tm = w.tlm
		}
	case "T*":
		w.nextLine()
	case "Tj":
		if k := len(w.ops); k > 0 && w.ops[k-1].kind == opStr {
			w.show(w.ops[k-1].str)
		}
	case "'":
		w.nextLine()
		if k := len(w.ops); k > 0 && w.ops[k-1].kind == opStr {
			w.show(w.ops[k-1].str)
		}
	case "\"":
		if k := len(w.ops); k >= 3 && w.ops[k-1].kind == opStr {
			w.g.tw, w.g.tc = w.ops[k-3].num, w.ops[k-2].num
			w.nextLine()
			w.show(w.ops[k-1].str)
		}
	case "TJ":
		if k := len(w.ops); k > 0 && w.ops[k-1].kind == opArr {
			a := w.ops[k-1]
			for _, e := range w.arr[a.start:a.end] {
				switch e.kind {
				case opStr:
					w.show(e.str)
				case opNum:
					tx := -e.num / 1000 * w.g.fsize * w.g.th
					w.tm = matrix{1, 0, 0, 1, tx, 0}.mul(w.tm)
				}
			}
		}
	case "Do":
		if k := len(w.ops); k > 0 && w.ops[k-1].kind == opName && w.doForm != nil {
			w.doForm(string(w.ops[k-1].str), w.g.ctm)
		}
	}
}

func (w *contentWalker) nextLine() {
	w.tlm = matrix{1, 0, 0, 1, 0, -w.g.tl}.mul(w.tlm)
	w.tm = w.tlm
}

// show appends the glyphs of a shown string and advances the text matrix.
func (w *contentWalker) show(s []byte) {
	f := w.g.font
	if f == nil {
		f = w.fallback
	}
	g := &w.g
	m := w.tm.mul(g.ctm)
	size := g.fsize * fontSize(m[2], m[3])
	if size < 0.1 || math.IsNaN(size) || math.IsInf(size, 0) {
		return
	}
	rot := math.Abs(m[1]) > math.Abs(m[0])*0.2 || m[0] < 0
	// advance direction in page space per unit of text space
	ax, ay := m[0], m[1]
	step := 1
	if f.twoByte {
		step = 2
	}
	space := f.spaceEm()
	scale := math.Hypot(ax, ay)
	tx := 0.0
	for i := 0; i+step <= len(s); i += step {
		code := int(s[i])
		if step == 2 {
			code = code<<8 | int(s[i+1])
		}
		text := f.decode(code)
		w0 := f.width(code, text) / 1000
		adv := (w0*g.fsize + g.tc) * g.th
		if step == 1 && code == 32 {
			adv += g.tw * g.th
		}
		x := m[4] + tx*ax + g.trise*m[2]
		y := m[5] + tx*ay + g.trise*m[3]
		if text != "" {
			w.glyphs = append(w.glyphs, glyph{x: x, y: y, w: w0 * g.fsize * g.th * scale, size: size, space: space, s: text, rot: rot})
		}
		tx += adv
	}
	w.tm[4] += tx * w.tm[0]
	w.tm[5] += tx * w.tm[1]
}

// newFallbackFont returns a font for text shown before any Tf, or with a font missing from the
// resources: codes read as Latin-1, Helvetica widths.
func newFallbackFont() *pdfFont {
	return &pdfFont{scale: 1, std: 0, estimated: true, dw: 1000, enc: nopEnc{}}
}
