package store

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestBoxString checks that an interface made by box is a string interface like any(s): the
// same type, value and comparisons, through the collector's moves and sweeps.
func TestBoxString(t *testing.T) {
	p := &Prepared{}
	var want []string
	var got []any
	for i := range 3*boxChunk + 7 {
		s := strings.Repeat(fmt.Sprint(i%10), i%5) + fmt.Sprintf("texte %d", i)
		if i%11 == 0 {
			s = ""
		}
		want = append(want, s)
		got = append(got, p.box(s))
	}
	runtime.GC()
	runtime.GC()
	for i, v := range got {
		s, ok := v.(string)
		if !ok || s != want[i] {
			t.Fatalf("box %d = %#v (%v), want %q", i, v, ok, want[i])
		}
		if v != any(want[i]) {
			t.Errorf("box %d != any(%q)", i, want[i])
		}
		if k := reflect.ValueOf(v).Kind(); k != reflect.String {
			t.Errorf("box %d: kind %v", i, k)
		}
		if fmt.Sprint(v) != want[i] {
			t.Errorf("box %d prints %q", i, fmt.Sprint(v))
		}
	}
	if v := p.ns(nil); v != nil {
		t.Errorf("ns(nil) = %#v, want nil", v)
	}
	if v := p.nonEmpty(""); v != nil {
		t.Errorf(`nonEmpty("") = %#v, want nil`, v)
	}
}
