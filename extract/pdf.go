package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"
)

// Limits that keep a hostile file from looping or exhausting memory.
const (
	maxPageTreeNodes = 200000
	maxPageTreeDepth = 64
	maxFormDepth     = 4
	// scanCharsPerPage: a PDF whose body text (furniture aside) averages fewer visible characters
	// per page than this is a scan with at most a stamp or a few words of text layer.
	scanCharsPerPage = 40
	// scanImageCharsPerPage: the same, when every page draws an image (a scan with a short stamp).
	scanImageCharsPerPage = 200
)

// PDF extracts the text of a PDF with its layout: lines in reading order with page and line,
// table rows with a tab between cells, paragraphs separated by blank lines, and running headers,
// footers and stamps moved to Furniture. Pages that cannot be read become Warnings.
//
// A file whose cross-reference is broken (the library refuses it, or finds no page) is read
// again through a rebuilt one, as PDF readers repair such files; Repairs then says so.
func PDF(data []byte) (*Source, error) {
	data = repairPDF(data)
	src, err := readPDF(data)
	if err == nil && len(src.Warnings) == 0 || errors.Is(err, ErrNoText) || errors.Is(err, ErrEncrypted) {
		return src, err
	}
	fixed, objects, ok := rebuildXref(data)
	if !ok {
		return src, err
	}
	again, err2 := readPDF(fixed)
	if err2 != nil || (err == nil && len(again.Warnings) >= len(src.Warnings)) {
		return src, err
	}
	again.Repairs = append(again.Repairs, fmt.Sprintf("the cross-reference table was broken and was rebuilt from the %d objects found in the file", objects))
	return again, nil
}

// readPDF is PDF without the cross-reference repair.
func readPDF(data []byte) (*Source, error) {
	r, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	pages, err := listPages(r)
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: the page tree holds no page", ErrCorrupt)
	}
	d := newPDFDoc()
	all := make([][]pline, len(pages))
	src := &Source{Format: "pdf", Pages: len(pages)}
	imagePages := 0
	failed := 0
	var firstErr error
	for i, p := range pages {
		lines, images, err := d.page(p)
		if err != nil {
			failed++
			if firstErr == nil {
				firstErr = err
			}
			src.Warnings = append(src.Warnings, Line{Pos: Pos{Page: i + 1}, Text: fmt.Sprintf("page %d could not be read: %v", i+1, err)})
		}
		if images > 0 {
			imagePages++
		}
		all[i] = lines
	}
	if failed == len(pages) {
		return nil, fmt.Errorf("%w: no page could be read: %v", ErrCorrupt, firstErr)
	}
	markFurniture(all)
	assemble(src, all)
	body := 0
	for _, l := range src.Lines {
		for _, r := range l.Text {
			if !unicode.IsSpace(r) {
				body++
			}
		}
	}
	n := len(pages)
	if body < scanCharsPerPage*n || (imagePages == n && body < scanImageCharsPerPage*n) {
		return nil, fmt.Errorf("%w: %d pages, %d characters of text outside page furniture: the PDF is a scan and needs OCR", ErrNoText, n, body)
	}
	return src, nil
}

var (
	eofMarker = []byte("%%EOF")
	header20  = []byte("%PDF-2.0")
)

// repairPDF fixes, on a copy, two defects that the library refuses although readers accept them:
// a %PDF-2.0 header and bytes after the last %%EOF.
func repairPDF(data []byte) []byte {
	fix := false
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	hdr := bytes.Index(head, []byte("%PDF-"))
	if hdr > 0 || bytes.HasPrefix(data[max(hdr, 0):], header20) {
		fix = true
	}
	eof := bytes.LastIndex(data, eofMarker)
	if eof >= 0 && len(data)-(eof+len(eofMarker)) > 64 {
		fix = true
	}
	if !fix {
		return data
	}
	out := data
	if hdr > 0 {
		out = out[hdr:]
		eof -= hdr
	}
	if eof >= 0 && len(out)-(eof+len(eofMarker)) > 64 {
		out = out[:eof+len(eofMarker)]
	}
	if bytes.HasPrefix(out, header20) {
		c := make([]byte, len(out))
		copy(c, out)
		copy(c, "%PDF-1.7")
		out = c
	}
	return out
}

// openPDF opens the document and sorts its failures into ErrEncrypted and ErrCorrupt.
func openPDF(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("%w: %v", ErrCorrupt, x)
		}
	}()
	if xrefLoops(data) {
		// the library follows /Prev without a limit and would never return
		return nil, fmt.Errorf("%w: the cross-reference chain (/Prev) loops", ErrCorrupt)
	}
	r, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || isEncrypted(data) {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return r, nil
}

// xrefLoops reports whether two cross-reference sections name the same previous section, or one
// names the last: a /Prev chain that loops.
func xrefLoops(data []byte) bool {
	seen := map[int64]bool{}
	if i := bytes.LastIndex(data, []byte("startxref")); i >= 0 {
		if v, _, ok := readInt(data, i+len("startxref")); ok {
			seen[v] = true
		}
	}
	key := []byte("/Prev")
	for i := 0; ; {
		k := bytes.Index(data[i:], key)
		if k < 0 {
			return false
		}
		i += k + len(key)
		v, j, ok := readInt(data, i)
		if !ok {
			continue
		}
		if _, k, ok := readInt(data, j); ok {
			if rest := bytes.TrimLeft(data[k:min(k+4, len(data))], " \r\n\t"); len(rest) > 0 && rest[0] == 'R' {
				continue // an outline item's /Prev reference, not an xref offset
			}
		}
		if seen[v] {
			return true
		}
		seen[v] = true
	}
}

// readInt reads an unsigned integer after optional white space at data[i:]; it returns the value,
// the index after it and whether there was one.
func readInt(data []byte, i int) (int64, int, bool) {
	for i < len(data) && isWhite(data[i]) {
		i++
	}
	start := i
	var v int64
	for i < len(data) && data[i] >= '0' && data[i] <= '9' && i-start < 18 {
		v = v*10 + int64(data[i]-'0')
		i++
	}
	return v, i, i > start
}

var encryptRE = regexp.MustCompile(`/Encrypt\s*(?:\d+\s+\d+\s+R|<<)`)

// isEncrypted looks for an /Encrypt entry in the trailer area of the file.
func isEncrypted(data []byte) bool {
	tail := data
	if len(tail) > 1<<16 {
		tail = tail[len(tail)-1<<16:]
	}
	return encryptRE.Match(tail) || encryptRE.Match(data[:min(len(data), 1<<16)])
}

// pdfPage is a page dictionary with its inherited resources and rotation.
type pdfPage struct {
	v      pdf.Value
	res    pdf.Value
	rotate int
}

// listPages walks the page tree once (the library's Page(i) walks it again for every page).
func listPages(r *pdf.Reader) (pages []pdfPage, err error) {
	defer func() {
		if x := recover(); x != nil {
			if len(pages) == 0 {
				err = fmt.Errorf("%w: page tree: %v", ErrCorrupt, x)
			}
		}
	}()
	root := r.Trailer().Key("Root").Key("Pages")
	if root.IsNull() {
		return nil, fmt.Errorf("%w: no page tree (missing /Root /Pages)", ErrCorrupt)
	}
	nodes := 0
	var walk func(v, res pdf.Value, rot, depth int)
	walk = func(v, res pdf.Value, rot, depth int) {
		nodes++
		if depth > maxPageTreeDepth || nodes > maxPageTreeNodes {
			return
		}
		if x := v.Key("Resources"); !x.IsNull() {
			res = x
		}
		if x := v.Key("Rotate"); x.Kind() == pdf.Integer {
			rot = int(x.Int64())
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || (kids.IsNull() && !v.Key("Contents").IsNull()) {
			pages = append(pages, pdfPage{v: v, res: res, rotate: ((rot % 360) + 360) % 360})
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), res, rot, depth+1)
		}
	}
	walk(root, pdf.Value{}, 0, 0)
	return pages, nil
}

// pdfDoc holds what is shared by the pages of one document: decoded fonts and reused buffers.
type pdfDoc struct {
	fonts  *fontCache
	walker contentWalker
	layout layoutBuf
	stream bytes.Buffer
}

func newPDFDoc() *pdfDoc {
	d := &pdfDoc{fonts: newFontCache()}
	d.walker.fallback = newFallbackFont()
	return d
}

// page reads one page's lines; a panic in the library becomes the page's error.
func (d *pdfDoc) page(p pdfPage) (lines []pline, images int, err error) {
	defer func() {
		if x := recover(); x != nil {
			lines, err = nil, fmt.Errorf("damaged page: %v", x)
		}
	}()
	w := &d.walker
	w.glyphs = w.glyphs[:0]
	w.images = 0
	var ctm matrix
	switch p.rotate {
	case 90:
		ctm = matrix{0, -1, 1, 0, 0, 0}
	case 180:
		ctm = matrix{-1, 0, 0, -1, 0, 0}
	case 270:
		ctm = matrix{0, 1, -1, 0, 0, 0}
	default:
		ctm = identity
	}
	data, rerr := d.readContents(p.v.Key("Contents"))
	w.reset(d.fonts.fonts(p.res), ctm)
	w.doForm = d.formRunner(p.res, 0)
	w.run(data)
	if rerr != nil && len(w.glyphs) == 0 {
		return nil, w.images, rerr
	}
	return d.layout.pageLines(w.glyphs), w.images, rerr
}

// formRunner returns the handler of "Do": forms are run with their own resources and matrix,
// images are counted.
func (d *pdfDoc) formRunner(res pdf.Value, depth int) func(string, matrix) {
	return func(name string, ctm matrix) {
		w := &d.walker
		x := res.Key("XObject").Key(name)
		switch x.Key("Subtype").Name() {
		case "Image":
			w.images++
			return
		case "Form":
		default:
			return
		}
		if depth >= maxFormDepth {
			return
		}
		m := identity
		if a := x.Key("Matrix"); a.Len() == 6 {
			for i := range m {
				m[i] = a.Index(i).Float64()
			}
		}
		fres := x.Key("Resources")
		if fres.IsNull() {
			fres = res
		}
		data, err := readStream(x)
		if err != nil && len(data) == 0 {
			return
		}
		// the form runs in a saved state; its bytes are its own copy
		savedG, savedTm, savedTlm, savedFonts, savedDo := w.g, w.tm, w.tlm, w.fonts, w.doForm
		savedStack := len(w.stack)
		w.ops = w.ops[:0]
		w.arr = w.arr[:0]
		w.g.ctm = m.mul(ctm)
		w.tm, w.tlm = identity, identity
		w.fonts = d.fonts.fonts(fres)
		w.doForm = d.formRunner(fres, depth+1)
		w.run(data)
		w.g, w.tm, w.tlm, w.fonts, w.doForm = savedG, savedTm, savedTlm, savedFonts, savedDo
		if len(w.stack) > savedStack {
			w.stack = w.stack[:savedStack]
		}
	}
}

// readContents returns a page's content stream bytes (arrays of streams joined), in a buffer
// reused from page to page.
func (d *pdfDoc) readContents(c pdf.Value) ([]byte, error) {
	d.stream.Reset()
	var firstErr error
	add := func(s pdf.Value) {
		if err := copyStream(&d.stream, s); err != nil && firstErr == nil {
			firstErr = err
		}
		d.stream.WriteByte('\n')
	}
	switch c.Kind() {
	case pdf.Stream:
		add(c)
	case pdf.Array:
		for i := 0; i < c.Len(); i++ {
			add(c.Index(i))
		}
	case pdf.Null:
	default:
		return nil, errors.New("page contents are not a stream")
	}
	return d.stream.Bytes(), firstErr
}

// readStream returns a stream's decoded bytes in a new slice.
func readStream(s pdf.Value) ([]byte, error) {
	var b bytes.Buffer
	err := copyStream(&b, s)
	return b.Bytes(), err
}

// copyStream decodes a stream into b; a decoding error keeps what was decoded before it.
func copyStream(b *bytes.Buffer, s pdf.Value) (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("unreadable content stream: %v", x)
		}
	}()
	if s.Kind() != pdf.Stream {
		return errors.New("content is not a stream")
	}
	rc := s.Reader()
	defer rc.Close()
	if _, err := b.ReadFrom(rc); err != nil && err != io.ErrUnexpectedEOF {
		return fmt.Errorf("content stream: %v", err)
	}
	return nil
}

// entry is a body line (or a paragraph break) on its way into Source.Lines.
type entry struct {
	page  int
	blank bool
	text  string
	// first and last are the physical lines the entry started and ended with; right is the
	// right margin of the last line's page.
	first, last pline
	right       float64
}

// assemble numbers the lines of all pages, takes furniture out, inserts blank lines between
// paragraphs and joins the lines of a paragraph (wrapped lines, also across a page break) into
// one line, as a text export has it; words hyphenated at a line end are rejoined.
func assemble(src *Source, pages [][]pline) {
	var seq []entry
	furn := make([][]pline, len(pages))
	for pi, p := range pages {
		page := pi + 1
		body := make([]pline, 0, len(p))
		for _, l := range p {
			if l.furniture {
				furn[pi] = append(furn[pi], l)
				continue
			}
			body = append(body, l)
		}
		pitch := linePitch(body)
		size := medianSize(body)
		right := rightMargin(body)
		for i, l := range body {
			if i > 0 {
				prev := body[i-1]
				dy := prev.bottom - l.y
				if dy > paragraphGap*pitch*math.Max(1, l.size/size) || dy < -2*l.size {
					seq = append(seq, entry{page: page, blank: true})
				}
			}
			seq = append(seq, entry{page: page, text: l.text, first: l, last: l, right: right})
		}
	}
	lineNo := 0
	for i := 0; i < len(seq); i++ {
		e := seq[i]
		for i+1 < len(seq) && !e.blank && wraps(&e, &seq[i+1]) {
			n := seq[i+1]
			e.text = joinWrapped(e.text, n.text)
			e.last, e.right = n.last, n.right
			i++
		}
		lineNo++
		src.Lines = append(src.Lines, Line{Pos: Pos{Page: e.page, Line: lineNo}, Text: e.text})
	}
	// furniture keeps the number of the body line next to it: the page's first line for a
	// header, its last for a footer
	firstOn := make([]int, len(pages)+2)
	lastOn := make([]int, len(pages)+2)
	for _, l := range src.Lines {
		if firstOn[l.Page] == 0 {
			firstOn[l.Page] = l.Line
		}
		lastOn[l.Page] = l.Line
	}
	for pi, fs := range furn {
		page := pi + 1
		for _, f := range fs {
			n := lastOn[page]
			if firstOn[page] > 0 && f.y > pageTop(pages[pi]) {
				n = firstOn[page]
			}
			if n == 0 {
				n = max(lineNo, 1)
			}
			src.Furniture = append(src.Furniture, Line{Pos: Pos{Page: page, Line: n}, Text: f.text})
		}
	}
	dehyphenate(src.Lines)
}

// pageTop is the baseline of the first body line of a page.
func pageTop(p []pline) float64 {
	for _, l := range p {
		if !l.furniture {
			return l.y
		}
	}
	return math.Inf(1)
}

// rightMargin is where the page's prose lines end: the rightmost end of a line that is not a
// table row.
func rightMargin(ls []pline) float64 {
	r := math.Inf(-1)
	for _, l := range ls {
		if l.cells == 1 && l.x1 > r {
			r = l.x1
		}
	}
	return r
}

// listStartRE matches the start of a list item or a numbered heading, which begins a new line
// even without a paragraph gap.
var listStartRE = regexp.MustCompile(`^(?:[-–—•·▪■□◦○●➢►*o]\s|\(?\d{1,3}(?:[.)°-]|\s*[-–:])\s|[a-zA-Z][.)]\s|[IVXLC]{1,5}[.)-]\s)`)

// wraps reports whether line b continues line a's paragraph: a reaches the right margin so that
// b's first word could not have fitted on it, neither is a table row, b starts no list item and
// both have the same size and left edge (within a few ems, for first-line and hanging indents).
func wraps(a, b *entry) bool {
	if b.blank || a.last.cells != 1 || b.first.cells != 1 || b.text == "" || a.text == "" {
		return false
	}
	l, n := a.last, b.first
	size := math.Max(l.size, n.size)
	if math.Abs(l.size-n.size) > 0.15*size || math.Abs(n.x0-l.x0) > 4*size {
		return false
	}
	if strings.HasSuffix(a.text, ":") || listStartRE.MatchString(b.text) {
		return false
	}
	if a.page == b.page && (l.y-n.y > 2.5*size || n.y > l.y) {
		return false
	}
	if a.page != b.page {
		// no gap tells a paragraph end at a page break: a finished sentence followed by a
		// capital starts a new line
		r, _ := utf8.DecodeRuneInString(b.text)
		last, _ := utf8.DecodeLastRuneInString(a.text)
		if strings.ContainsRune(".!?:;»", last) && !unicode.IsLower(r) {
			return false
		}
	}
	if r, _ := utf8.DecodeRuneInString(b.text); unicode.IsLower(r) && cutWordEnd(a.text) {
		// a word cut by a hyphen continues whatever the margin says
		return true
	}
	first := b.text
	if k := strings.IndexByte(first, ' '); k >= 0 {
		first = first[:k]
	}
	nr := utf8.RuneCountInString(b.text)
	if nr == 0 {
		return false
	}
	w := (n.x1 - n.x0) * float64(utf8.RuneCountInString(first)) / float64(nr)
	return l.x1+0.25*size+w > a.right-0.3*size
}

// joinWrapped joins a wrapped line to the next: a word cut by a hyphen ("déli-" + "bération")
// is rejoined, a compound split at its hyphen ("Jean-" + "Luc") keeps it, else one space.
func joinWrapped(a, b string) string {
	if strings.HasSuffix(a, "-") && !strings.HasSuffix(a, " -") {
		r, _ := utf8.DecodeRuneInString(b)
		if cutWordEnd(a) && unicode.IsLower(r) {
			return a[:len(a)-1] + b
		}
		return a + b
	}
	return a + " " + b
}

// linePitch is the page's usual distance between consecutive baselines of one paragraph.
func linePitch(ls []pline) float64 {
	var ds []float64
	for i := 1; i < len(ls); i++ {
		dy := ls[i-1].bottom - ls[i].y
		if dy > 0.5*ls[i].size && dy < 2.5*ls[i].size {
			ds = append(ds, dy)
		}
	}
	if len(ds) == 0 {
		if len(ls) > 0 {
			return 1.2 * medianSize(ls)
		}
		return 12
	}
	// the smallest spacing that recurs: lines inside a paragraph are the closest, and on pages
	// of short paragraphs or table rows the median would already be a paragraph gap
	sort.Float64s(ds)
	need := max(2, len(ds)/10)
	for i := 0; i+need-1 < len(ds); i++ {
		if ds[i+need-1]-ds[i] <= 0.5 {
			return ds[i+need-1]
		}
	}
	return ds[len(ds)/4]
}

func medianSize(ls []pline) float64 {
	if len(ls) == 0 {
		return 10
	}
	s := make([]float64, len(ls))
	for i, l := range ls {
		s[i] = l.size
	}
	sort.Float64s(s)
	if s[len(s)/2] <= 0 {
		return 10
	}
	return s[len(s)/2]
}

// cutWordEnd reports whether a line ends in a word cut by a hyphen ("déli-": two lower-case
// letters and a hyphen); the next line must start with a lower-case letter for the word to be
// rejoined. (Checked from the end, not with an unanchored regexp, which is quadratic on long
// paragraphs.)
func cutWordEnd(s string) bool {
	if !strings.HasSuffix(s, "-") {
		return false
	}
	s = s[:len(s)-1]
	for k := 0; k < 2; k++ {
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsLower(r) {
			return false
		}
		s = s[:len(s)-n]
	}
	return true
}

// dehyphenate rejoins words cut at a line end: the start of the next line (up to its first space)
// moves up, so "déli-" / "bération du conseil" becomes "délibération" / "du conseil".
func dehyphenate(lines []Line) {
	for i := 0; i+1 < len(lines); i++ {
		a := lines[i].Text
		if !strings.HasSuffix(a, "-") || strings.Contains(a, "\t") || !cutWordEnd(a) {
			continue
		}
		j := i + 1
		b := lines[j].Text
		if b == "" || strings.Contains(b, "\t") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(b)
		if !unicode.IsLower(r) {
			continue
		}
		cut := strings.IndexByte(b, ' ')
		if cut < 0 {
			cut = len(b)
		}
		if cut == len(b) {
			// a one-word line would leave an empty line, read as a paragraph break
			continue
		}
		lines[i].Text = a[:len(a)-1] + b[:cut]
		lines[j].Text = strings.TrimLeft(b[cut:], " ")
	}
}

// nfc puts text in Unicode normal form C.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}
