package normalize

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files under testdata/ instead of comparing with them.
var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestGoldenValues runs the three finders over short lines of real minutes and compares what they
// report with testdata/values.golden, so that any change in what is read shows up in review.
func TestGoldenValues(t *testing.T) {
	in, err := os.Open(filepath.Join("testdata", "values.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var b strings.Builder
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fmt.Fprintf(&b, "%s\n", line)
		for _, m := range FindAmounts(line) {
			fmt.Fprintf(&b, "\tamount %q = %s %s\n", m.Money.Raw, m.Money.Digits, m.Money.Currency)
		}
		for _, d := range FindDates(line) {
			fmt.Fprintf(&b, "\tdate %q = %s\n", line[d.Start:d.End], d.ISO)
		}
		for _, tm := range FindTimes(line) {
			fmt.Fprintf(&b, "\ttime %q = %s\n", line[tm.Start:tm.End], tm.HHMM)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "values.golden")
	got := b.String()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("values.golden differs at line %d:\n got %s\nwant %s\n(run with -update if the change is intended)", i+1, g, w)
			}
		}
	}
}
