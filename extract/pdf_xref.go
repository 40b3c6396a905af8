package extract

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// Limits of the cross-reference rebuild, so that a hostile file cannot make it costly.
const (
	maxRebuiltObjects = 1 << 20
	maxObjStmBytes    = 64 << 20 // decompressed size of one object stream's header
	maxRebuiltPages   = 20000    // pages of a page tree made anew; real minutes have far fewer
	maxDictBytes      = 64 << 10 // where an object's dictionary and stream keyword are looked for
)

var (
	reRoot    = regexp.MustCompile(`/Root[\x00\t\n\f\r ]*(\d{1,10})[\x00\t\n\f\r ]+(\d{1,5})[\x00\t\n\f\r ]+R`)
	reInfo    = regexp.MustCompile(`/Info[\x00\t\n\f\r ]*(\d{1,10})[\x00\t\n\f\r ]+(\d{1,5})[\x00\t\n\f\r ]+R`)
	reCatalog = regexp.MustCompile(`/Type[\x00\t\n\f\r ]*/Catalog\b`)
	rePage    = regexp.MustCompile(`/Type[\x00\t\n\f\r ]*/Page\b`)
	reObjStm  = regexp.MustCompile(`/Type[\x00\t\n\f\r ]*/ObjStm\b`)
	reFlate   = regexp.MustCompile(`/Filter[\x00\t\n\f\r ]*(?:\[[\x00\t\n\f\r ]*)?/FlateDecode[\x00\t\n\f\r ]*\]?`)
	reFilter  = regexp.MustCompile(`/Filter\b`)
	reIntKey  = func(key string) *regexp.Regexp {
		return regexp.MustCompile(`/` + key + `[\x00\t\n\f\r ]+(\d{1,10})\b([\x00\t\n\f\r ]+\d+[\x00\t\n\f\r ]+R)?`)
	}
	reN     = reIntKey("N")
	reFirst = reIntKey("First")
)

// xrefEntry is one object's place in a rebuilt cross-reference: at an offset of the file, or
// the index-th object of an object stream.
type xrefEntry struct {
	inStream bool
	offset   int64 // file offset, or the number of the object stream
	gen      int   // generation, or the index within the object stream
}

// rebuildXref rebuilds the cross-reference of a PDF whose own is broken (offsets shifted by an
// edit, a truncated or missing table, a wrong startxref): it scans the file for object headers,
// as PDF readers do when they repair a file, reads the object streams, and appends a new
// cross-reference stream pointing at every object found, the later definition of an object
// winning as in an incremental update. It returns the repaired copy and the number of objects,
// or ok false when the file holds no catalog to start from or is encrypted (its objects could
// not be read without the encryption dictionary's own reference).
func rebuildXref(data []byte) (fixed []byte, objects int, ok bool) {
	if bytes.Contains(data, []byte("/Encrypt")) {
		return nil, 0, false
	}
	entries := map[int]xrefEntry{}
	var catalog []int // object numbers whose dictionary says /Type /Catalog
	var pages []int   // and /Type /Page, in file order
	seenPage := map[int]bool{}
	skipUntil, noEndstream := 0, false
	headers := objHeaders(data)
	for hi, h := range headers {
		start, num, gen := h[0], h[1], h[2]
		if start < skipUntil || num <= 0 || num >= maxRebuiltObjects {
			continue
		}
		if gen > 0xffff {
			continue
		}
		body := data[h[3]:]
		// the dictionary is looked for up to the next header, so that objects without endobj
		// (a truncated or hostile file) do not make the scan quadratic
		next := len(data)
		if hi+1 < len(headers) {
			next = max(headers[hi+1][0], h[3])
		}
		window := body[:min(next-h[3], maxDictBytes)]
		end := bytes.Index(window, []byte("endobj"))
		if end < 0 {
			end = len(window)
		}
		dictEnd := end
		streamAt := bytes.Index(window[:end], []byte("stream"))
		if streamAt >= 0 {
			dictEnd = streamAt
			// a stream's bytes are not scanned for headers: skip to its endstream
			if e := -1; !noEndstream {
				if e = bytes.Index(body[streamAt:], []byte("endstream")); e >= 0 {
					skipUntil = h[3] + streamAt + e
				} else {
					noEndstream = true // none further on: don't look again
				}
			}
		}
		dict := body[:dictEnd]
		entries[num] = xrefEntry{offset: int64(start), gen: gen}
		if reCatalog.Match(dict) {
			catalog = append(catalog, num)
		}
		if rePage.Match(dict) && !seenPage[num] && len(pages) < maxRebuiltPages {
			seenPage[num] = true
			pages = append(pages, num)
		}
		if streamAt >= 0 && reObjStm.Match(dict) {
			for i, inner := range objStmNumbers(dict, body[streamAt:]) {
				if inner > 0 && inner < maxRebuiltObjects && inner != num {
					entries[inner] = xrefEntry{inStream: true, offset: int64(num), gen: i}
				}
			}
		}
	}
	size := 0
	for n := range entries {
		size = max(size, n+1)
	}
	var out bytes.Buffer
	out.Grow(len(data) + 16*len(entries) + 256)
	out.Write(data)
	out.WriteByte('\n')
	root := lastRef(reRoot, data, entries)
	switch {
	case root != "":
	case len(catalog) > 0:
		root = strconv.Itoa(catalog[len(catalog)-1]) + " 0 R"
	case len(pages) > 0:
		// The catalog and page tree were lost (a truncated file keeps its pages but not the
		// tree written after them): a new tree lists the pages found, in file order.
		tree, cat := size, size+1
		size += 2
		entries[tree] = xrefEntry{offset: int64(out.Len())}
		fmt.Fprintf(&out, "%d 0 obj\n<< /Type /Pages /Count %d /Kids [", tree, len(pages))
		for _, p := range pages {
			fmt.Fprintf(&out, " %d 0 R", p)
		}
		out.WriteString(" ] >>\nendobj\n")
		entries[cat] = xrefEntry{offset: int64(out.Len())}
		fmt.Fprintf(&out, "%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", cat, tree)
		root = strconv.Itoa(cat) + " 0 R"
	default:
		return nil, 0, false
	}
	self := size // the new cross-reference stream's own object number
	size++
	selfAt := out.Len()
	row := make([]byte, 7)
	var table bytes.Buffer
	for n := 0; n < size; n++ {
		e, found := entries[n]
		switch {
		case n == self:
			row[0] = 1
			binary.BigEndian.PutUint32(row[1:5], uint32(selfAt))
			binary.BigEndian.PutUint16(row[5:], 0)
		case !found:
			row[0] = 0
			binary.BigEndian.PutUint32(row[1:5], 0)
			binary.BigEndian.PutUint16(row[5:], 0xffff)
		case e.inStream:
			row[0] = 2
			binary.BigEndian.PutUint32(row[1:5], uint32(e.offset))
			binary.BigEndian.PutUint16(row[5:], uint16(e.gen))
		default:
			row[0] = 1
			binary.BigEndian.PutUint32(row[1:5], uint32(e.offset))
			binary.BigEndian.PutUint16(row[5:], uint16(e.gen))
		}
		table.Write(row)
	}
	info := ""
	if ref := lastRef(reInfo, data, entries); ref != "" {
		info = " /Info " + ref
	}
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %s%s /Length %d >>\nstream\n",
		self, size, root, info, table.Len())
	out.Write(table.Bytes())
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", selfAt)
	return out.Bytes(), len(entries), true
}

// objHeaders finds the "N G obj" object headers of data, as {start, N, G, end} in file order. It
// looks for the keyword and reads the two numbers backwards, which is several times faster over
// binary streams than a regular expression without a literal prefix.
func objHeaders(data []byte) [][4]int {
	var out [][4]int
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("obj"))
		if k < 0 {
			return out
		}
		at := i + k
		i = at + 3
		if i < len(data) && !isPDFDelim(data[i]) && data[i] != '<' && data[i] != '[' && data[i] != '/' {
			continue // "objects", "ObjStm"…
		}
		j := at
		gen, j, ok := numberBefore(data, j)
		if !ok {
			continue
		}
		num, j, ok := numberBefore(data, j)
		if !ok || (j > 0 && !isPDFDelim(data[j-1])) {
			continue
		}
		out = append(out, [4]int{j, num, gen, at + 3})
	}
}

// numberBefore reads the white space then the decimal number that end just before data[j], and
// returns it with the index where it starts.
func numberBefore(data []byte, j int) (n, start int, ok bool) {
	k := j
	for k > 0 && isPDFSpace(data[k-1]) {
		k--
	}
	if k == j {
		return 0, 0, false
	}
	e := k
	for k > 0 && e-k < 10 && data[k-1] >= '0' && data[k-1] <= '9' {
		k--
	}
	if k == e {
		return 0, 0, false
	}
	n, err := strconv.Atoi(string(data[k:e]))
	return n, k, err == nil
}

// isPDFSpace reports whether c is PDF white space.
func isPDFSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// lastRef returns the last "N G R" reference of the key that re matches in data whose object
// exists, as "N G R"; "" when there is none.
func lastRef(re *regexp.Regexp, data []byte, entries map[int]xrefEntry) string {
	ms := re.FindAllSubmatchIndex(data, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		n, err := strconv.Atoi(string(data[m[2]:m[3]]))
		if _, ok := entries[n]; err == nil && ok {
			return string(data[m[2]:m[3]]) + " " + string(data[m[4]:m[5]]) + " R"
		}
	}
	return ""
}

// objStmNumbers reads the object numbers that an object stream holds, in order, from its header
// of "number offset" pairs; nil when the stream cannot be read (an unknown filter, damage).
func objStmNumbers(dict, stream []byte) []int {
	n, first := dictInt(reN, dict), dictInt(reFirst, dict)
	if n <= 0 || first <= 0 || n > maxRebuiltObjects {
		return nil
	}
	raw := stream[len("stream"):]
	if len(raw) > 0 && raw[0] == '\r' {
		raw = raw[1:]
	}
	if len(raw) > 0 && raw[0] == '\n' {
		raw = raw[1:]
	}
	if e := bytes.Index(raw, []byte("endstream")); e >= 0 {
		raw = raw[:e]
	}
	var head []byte
	switch {
	case reFlate.Match(dict):
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil
		}
		// only the header is needed; a damaged tail after it does not matter
		head, _ = io.ReadAll(io.LimitReader(zr, int64(min(first, maxObjStmBytes))))
	case reFilter.Match(dict):
		return nil
	default:
		head = raw[:min(first, len(raw))]
	}
	fields := bytes.Fields(head)
	var out []int
	for i := 0; i+1 < len(fields) && len(out) < n; i += 2 {
		v, err := strconv.Atoi(string(fields[i]))
		if err != nil {
			return out
		}
		out = append(out, v)
	}
	return out
}

// dictInt reads a direct integer value of a dictionary key; -1 when absent or indirect.
func dictInt(re *regexp.Regexp, dict []byte) int {
	m := re.FindSubmatch(dict)
	if m == nil || len(m[2]) > 0 {
		return -1
	}
	v, err := strconv.Atoi(string(m[1]))
	if err != nil {
		return -1
	}
	return v
}

// isPDFDelim reports whether c may precede an object header: white space or a delimiter.
func isPDFDelim(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ', '>', ']', ')', '%':
		return true
	}
	return false
}
