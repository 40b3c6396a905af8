package parse

import (
	"strconv"
	"testing"
)

// TestDottedStyle checks the table of dotted families against the name it stands for.
func TestDottedStyle(t *testing.T) {
	for n := 0; n <= 6; n++ {
		if got, want := dottedStyle(n), "dotted"+strconv.Itoa(n); got != want {
			t.Errorf("dottedStyle(%d) = %q, want %q", n, got, want)
		}
	}
}
