package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// decodeRef is decode as it was before it shared scanText's pass.
func decodeRef(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", fmt.Errorf("%w: UTF-8 byte order mark but invalid UTF-8", ErrEncoding)
		}
		return string(data), "utf-8", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		name := "utf-16le"
		if data[0] == 0xFE {
			dec = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
			name = "utf-16be"
		}
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrEncoding, err)
		}
		return string(out), name, nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	if !mostlyText(data) {
		return "", "", ErrBinary
	}
	out, err := decodeWith(charmap.Windows1252, data)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return out, "windows-1252", nil
}

// looksHTMLRef is looksHTML as it was, lowering the head.
func looksHTMLRef(s string) bool {
	head := s
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = strings.ToLower(head)
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html")
}

// sameDecode fails t when decodeScan differs from decodeRef, or its scan from scanText.
func sameDecode(t *testing.T, data []byte) {
	t.Helper()
	s, enc, scan, err := decodeScan(data)
	ws, wenc, werr := decodeRef(data)
	if s != ws || enc != wenc || (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
		t.Fatalf("decodeScan(%q) = %q, %q, %v; want %q, %q, %v", data, s, enc, err, ws, wenc, werr)
	}
	if scan.done {
		if stable, dirty := scanText(s); scan.stable != stable || scan.dirty != dirty {
			t.Fatalf("decodeScan(%q) scan %+v, scanText says %v, %v", data, scan, stable, dirty)
		}
	}
	if _, _, valid := scanUTF8(string(data)); valid != utf8.Valid(data) {
		t.Fatalf("scanUTF8(%q) valid %v", data, valid)
	}
	if got, want := looksHTML(string(data)), looksHTMLRef(string(data)); got != want {
		t.Fatalf("looksHTML(%q) = %v, want %v", data, got, want)
	}
}

func TestDecodeSame(t *testing.T) {
	for _, in := range []string{"", "abc", "\xef\xbb\xbfabc", "\xef\xbb\xbfa\xff", "\xff\xfea\x00", "\xfe\xff\x00a", "a\x00b",
		"a\x00\xff", "D\xe9lib\xe9ration", "\x01\x02\x03\x04\xff", "a\r\nb", "é\u0301", "\ufffd", "\xed\xa0\x80", "\xc0\x80",
		"\xf4\x90\x80\x80", "abcdefgh\xe9abcdefgh", "<HTML>", "<!DocType Html>", "x<htm", "<!doctype  html>", "İ<html",
		"<\u212a<html>", strings.Repeat("a", 2043) + "<html", strings.Repeat("a", 2044) + "<html", "<h\xfftml", "<<html"} {
		sameDecode(t, []byte(in))
	}
}

func FuzzDecodeSame(f *testing.F) {
	for _, in := range []string{"abc", "\xef\xbb\xbfa\xff", "\xff\xfea\x00", "a\x00\xff", "D\xe9lib\xe9ration\r\n", "<!DOCTYPE HTML>"} {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameDecode(t, data) })
}

// TestLowerToASCII: looksHTML's reading holds only while no rune past ASCII lowers to a letter
// of htmlMarks.
func TestLowerToASCII(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf {
			for _, m := range htmlMarks {
				if strings.ContainsRune(m, l) {
					t.Errorf("%q lowers to %q, a letter of %q", r, l, m)
				}
			}
		}
	}
}

// TestScanEveryByte puts every byte value, alone and after each other one, at every offset of
// a line long enough for the eight-byte steps.
func TestScanEveryByte(t *testing.T) {
	base := strings.Repeat("abcdefgh", 3)
	for b := 0; b < 256; b++ {
		for _, p := range []byte{0, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xc3, 0xe0, 0xe1, 0xe2, 0xed, 0xef, 0xf0, 0xff} {
			for i := 0; i <= len(base); i++ {
				s := base[:i] + string([]byte{p, byte(b)}) + base[i:]
				s3 := base[:i] + string([]byte{p, byte(b), 0x80}) + base[i:]
				s4 := base[:i] + string([]byte{p, 0x80, byte(b)}) + base[i:]
				for _, s := range []string{s, s[1:], s[:len(s)-1], s3, s4, s3[:i+2]} {
					gs, gd, gv := scanUTF8(s)
					ws, wd := scanTextRef(s)
					if gs != ws || gd != wd || gv != utf8.ValidString(s) {
						t.Fatalf("scanUTF8(%q) = %v, %v, %v; want %v, %v, %v", s, gs, gd, gv, ws, wd, utf8.ValidString(s))
					}
				}
			}
		}
	}
}
