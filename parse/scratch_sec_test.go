package parse

import (
	"os"
	"reflect"
	"testing"

	"minutes/extract"
)

// TestCarve: carve hands out zeroed, non-nil slices of the asked length whose capacity stops at
// that length, and the values written in one stay as they were when the arena moves to a new
// array.
func TestCarve(t *testing.T) {
	cases := []struct {
		name  string
		start []int // the arena before: its elements are garbage carve must clear
		sizes []int
	}{
		{"nil arena, nothing asked", nil, []int{0}},
		{"nil arena", nil, []int{3, 5, 1}},
		{"room for all", make([]int, 0, 64), []int{4, 4, 4}},
		{"moves twice", make([]int, 0, 2), []int{2, 3, 9, 1}},
		{"reused dirty array", []int{7, 7, 7, 7, 7, 7, 7, 7}[:0], []int{3, 3}},
	}
	for _, c := range cases {
		arena := c.start
		var got [][]int
		for k, n := range c.sizes {
			s := carve(&arena, n)
			if s == nil {
				t.Fatalf("%s: carve #%d = nil, want a non-nil slice", c.name, k)
			}
			if len(s) != n || cap(s) != n {
				t.Fatalf("%s: carve #%d: len %d cap %d, want %d and %d", c.name, k, len(s), cap(s), n, n)
			}
			for i, v := range s {
				if v != 0 {
					t.Fatalf("%s: carve #%d: s[%d] = %d, want 0", c.name, k, i, v)
				}
				s[i] = 100*k + i
			}
			got = append(got, s)
		}
		for k, s := range got {
			for i, v := range s {
				if v != 100*k+i {
					t.Errorf("%s: slice #%d [%d] = %d after later carves, want %d", c.name, k, i, v, 100*k+i)
				}
			}
		}
	}
}

// TestSecScratchKeepClears: once a document is read, keep leaves no string in the buffers the
// scratch keeps (they would hold the document's text alive in the pool) and the kept arrays
// are there for the next document.
func TestSecScratchKeepClears(t *testing.T) {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		t.Skip("no sample:", err)
	}
	src, err := extract.Bytes("numerian-2023-12-15.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	// A fresh scratch: one from the pool may hold the poison of an earlier test past what
	// this document uses, which keep rightly leaves.
	d := newDocIn(src, new(scratch))
	d.header()
	d.attendance()
	d.body()
	d.tables()
	d.checks()
	d.finish()
	s := &d.scratch.sec
	s.keep(d)
	for name, n := range map[string]int{
		"heads.state": cap(s.heads.state), "out": cap(s.out), "att": cap(s.att), "agenda": cap(s.agenda),
		"words": cap(s.words), "hdrWords": cap(s.hdrWords), "listItems": cap(s.listItems), "block": cap(s.block),
	} {
		if n == 0 {
			t.Errorf("%s: no array kept for the next document", name)
		}
	}
	check := func(name string, v any) {
		t.Helper()
		if path := stringIn(reflect.ValueOf(v), name); path != "" {
			t.Errorf("a string is left in %s after keep", path)
		}
	}
	check("out", s.out[:cap(s.out)])
	check("att", s.att[:cap(s.att)])
	check("proxies", s.proxies)
	check("agenda", s.agenda)
	check("words", s.words)
	check("titles", s.titles)
	check("listItems", s.listItems[:cap(s.listItems)])
	check("block", s.block[:cap(s.block)])
	check("heads.own", s.heads.own)
	check("heads.chunks", s.heads.chunks)
	check("stacks", s.stacks)
	if len(s.linked) != 0 || len(s.evText) != 0 || len(s.entries) != 0 {
		t.Errorf("maps kept with entries: linked %d, evText %d, entries %d", len(s.linked), len(s.evText), len(s.entries))
	}
}

// stringIn is the path of a non-empty string within v (through slices, arrays and struct
// fields), "" when there is none.
func stringIn(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.String:
		if v.Len() > 0 {
			return path
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if p := stringIn(v.Index(i), path+"["+itoa(i)+"]"); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if p := stringIn(v.Field(i), path+"."+v.Type().Field(i).Name); p != "" {
				return p
			}
		}
	}
	return ""
}
