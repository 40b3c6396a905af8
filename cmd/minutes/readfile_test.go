package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFileAsBefore: readFile gives the bytes or the error that a stat by name and
// os.ReadFile gave (statThenRead), whatever the buffer it is handed.
func TestReadFileAsBefore(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := map[string]string{
		"text":         write("cr.txt", "Présents : M. A\nB\n"),
		"empty":        write("empty.txt", ""),
		"large":        write("large.txt", strings.Repeat("Le conseil municipal délibère.\n", 4000)),
		"folder":       dir,
		"missing":      filepath.Join(dir, "absent.txt"),
		"under a file": filepath.Join(dir, "cr.txt", "x"),
	}
	for _, buf := range [][]byte{nil, make([]byte, 0, 16), bytes.Repeat([]byte("x"), 1<<20)[:0]} {
		for name, p := range paths {
			got, gerr := readFile(p, buf)
			want, werr := statThenRead(p)
			if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
				t.Errorf("%s (buffer of %d): error %v, want %v", name, cap(buf), gerr, werr)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s (buffer of %d): %d bytes, want %d", name, cap(buf), len(got), len(want))
			}
		}
	}
}
