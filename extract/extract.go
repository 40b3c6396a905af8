// Package extract turns the bytes of a minutes file (text or PDF) into a Source: the decoded
// text, split into pages and lines, with the position of every line kept so that each later fact
// can point back to its page and line.
package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Errors that callers match with errors.Is. Each is wrapped with the file name and the reason.
var (
	// ErrEmpty is returned for a file with no bytes or no visible text.
	ErrEmpty = errors.New("empty document")
	// ErrBinary is returned for bytes that are not text in any encoding we read.
	ErrBinary = errors.New("binary file, not text")
	// ErrEncoding is returned for text whose encoding cannot be decoded.
	ErrEncoding = errors.New("unreadable text encoding")
	// ErrNoText is returned for a PDF without a text layer (a scan: it needs OCR first).
	ErrNoText = errors.New("PDF has no text layer (a scanned image: run OCR first)")
	// ErrEncrypted is returned for an encrypted PDF.
	ErrEncrypted = errors.New("PDF is encrypted")
	// ErrCorrupt is returned for a PDF that the reader cannot open or walk.
	ErrCorrupt = errors.New("corrupt or unreadable PDF")
)

// Pos is a position in the source: the 1-based page and the 1-based line within the whole
// document (line numbers run on across pages, like a text editor's, so that `file:line` works
// for text files; the page is kept beside it for PDFs).
type Pos struct {
	Page int `json:"page"`
	Line int `json:"line"`
}

// IsZero reports whether p is the zero position (unknown).
func (p Pos) IsZero() bool { return p.Page == 0 && p.Line == 0 }

// String renders p as "p3:42", the form diagnostics print after the file name.
func (p Pos) String() string { return fmt.Sprintf("p%d:%d", p.Page, p.Line) }

// Line is one line of extracted text. Text has no line terminator. Cells separated by a tab are
// table columns (text files with tabs, or PDF rows with wide gaps between runs).
type Line struct {
	Pos
	Text string
}

// Source is the extracted text of one document, ready for parse.
type Source struct {
	Name   string // base name of the file
	Path   string // path as given, for messages
	SHA256 string // hex SHA-256 of the raw bytes
	Format string // "text" or "pdf"
	Pages  int
	Lines  []Line // every line in reading order, blank lines included
	// Furniture holds running headers, footers and page numbers that were taken out of Lines
	// (PDFs only); they are kept so that nothing is lost.
	Furniture []Line
	// Warnings holds problems that cost text without failing the document (PDF pages that could
	// not be read), each at the page it concerns.
	Warnings []Line
	// Repairs says what was repaired in a damaged file to read it (a rebuilt PDF
	// cross-reference), so that a record read through a repair says so.
	Repairs []string
	// Encoding names the text encoding that was detected ("utf-8", "utf-16le", "windows-1252"…).
	Encoding string
	// Decoded is, for a text file, the decoded text whose substrings the lines are (empty for
	// PDFs): a reader may slice a run of adjacent lines out of it instead of copying them. A
	// line cleaned of control characters is a copy, not a substring.
	Decoded string `json:"-"`
}

// Text joins the lines with newlines and pages with form feeds, as `minutes extract` prints it.
func (s *Source) Text() string {
	var b strings.Builder
	page := 1
	for i, l := range s.Lines {
		if i > 0 {
			if l.Page != page {
				b.WriteString("\n\f")
				page = l.Page
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// File reads and extracts the file at path.
func File(path string) (*Source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Bytes(path, data)
}

// Hash returns the hex SHA-256 of data, the key of a document everywhere.
func Hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// IsPDF reports whether data looks like a PDF (by content, not by name).
func IsPDF(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// Bytes extracts a document from its bytes; path is used for the name and in messages. PDFs are
// recognised by their content, everything else is read as text.
func Bytes(path string, data []byte) (src *Source, err error) {
	return BytesHashed(path, data, "")
}

// BytesHashed is Bytes for a caller that has hashed data already (ingest hashes a file to look
// it up before extracting it): sha, when not empty, must be Hash(data), and is taken as the
// Source's SHA256 instead of hashing the bytes a second time.
func BytesHashed(path string, data []byte, sha string) (src *Source, err error) {
	defer func() {
		// The PDF library panics on damaged streams: stop it here, at the stage boundary.
		if r := recover(); r != nil {
			src, err = nil, fmt.Errorf("%s: %w: internal error: %v", path, ErrCorrupt, r)
		}
	}()
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	if IsPDF(data) {
		src, err = PDF(data)
	} else {
		src, err = Text(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	src.Name = filepath.Base(path)
	src.Path = path
	if sha == "" {
		sha = Hash(data)
	}
	src.SHA256 = sha
	return src, nil
}
