package parse

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"minutes/normalize"
)

// countSeeds are lines on which the count readers must agree with their patterns: the edges of
// each part (boundaries, runs of digits, white space, marks, plural labels, invalid UTF-8).
var countSeeds = []string{
	"", "pour", "pour 12", "pour : 12", "pour= 3", "pour :: 3", "pour 1234", "pour 12a", "pour 12_", "pour 12,5",
	"pour 12 voix", "pour 12\xff", "pour 12é", "pour 12\xc3", "xpour 12", "_pour 3", "épour 3", "\xffpour 3", "pour\t:\t7",
	"pour 12 contre 3", "pour : 23 contre : 0 abstention : 1", "pour:1pour:2", "pour 1 pour 2", "pour 100 %", "pour 2 350 000 €",
	"contre 2", "contre : 2", "contre 2a", "contre 2é", "contre 0123", "contre:4,5 contre:5", "xcontre 3", "contre\n3",
	"abstention 1", "abstentions 2", "abstentionss 2", "abstentions: 3", "abstention : 0.", "abstentions2", "abstentions =\f4",
	"12 pour", "12pour", "12 pourx", "12 voix pour", "12 voix  pour", "12 voixpour", "12 votes pour", "12 vote pour",
	"12 votespour", "12 vote\tcontre", "1234 pour", "a12 pour", "é12 pour", "_12 pour", "12 favorable", "12 favorables",
	"12 favorablesx", "12 favorablex", "3 voix favorables", "2 contre", "2 voix contre", "2 contres", "2 contre_",
	"5 abstentions", "5 abstention", "5 abstentionsx", "5  abstentions.", "12 voix pour, 3 contre, 2 abstentions",
	"par 13 voix pour et 2 voix contre", "vote : 11 pour 0 contre 1 abstention", "12 12 pour", "1 2 3 pour",
	"12 voix voix pour", "12 voix votes contre", "pour 12 voix, 3 voix contre", "99999 contre 1 contre",
	"pour 12 euros", "contre 3 % contre 4", "12,3 pour 4 pour", "0 pour\xff", "7 pour\xc3\xa9", "pour 7\n",
}

func TestCountReadersUsed(t *testing.T) {
	for src := range countReaders {
		used := false
		for k, pair := range countPatterns {
			for j, re := range pair {
				if re.String() == src && countHands[k][j] == countReaders[src] {
					used = true
				}
			}
		}
		if !used {
			t.Errorf("count reader %q is keyed by no count pattern", src)
		}
	}
	for _, pair := range countPatterns {
		for _, re := range pair {
			if countReaders[re.String()] == nil {
				t.Errorf("count pattern %q has no hand reader", re)
			}
		}
	}
}

func TestCountReaders(t *testing.T) {
	for _, s := range countSeeds {
		checkCountReaders(t, s)
	}
}

func FuzzCountReaders(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCountReaders)
}

// countRx holds the plain regexp of each count reader, by source, compiled once.
var countRx = map[string]*regexp.Regexp{}

// checkCountReaders compares, on s, every match each count reader finds in turn with the
// pattern's FindAll, and its first whole count with the one the pattern's matches give.
func checkCountReaders(t *testing.T, s string) {
	for src, c := range countReaders {
		re, ok := countRx[src]
		if !ok {
			re = regexp.MustCompile(src)
			countRx[src] = re
		}
		want := re.FindAllStringSubmatchIndex(s, -1)
		var got [][]int
		for pos := 0; pos < len(s); {
			m := c.from(s, pos)
			if m.n == 0 {
				break
			}
			got = append(got, m.slice())
			pos = m.m[1]
		}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q on %q: hand %v, regexp %v", src, s, got, want)
		}
		var wantN *int
		for _, m := range want {
			if m[2] >= 0 && isCount(s, m[3]) {
				if n, err := strconv.Atoi(s[m[2]:m[3]]); err == nil {
					wantN = &n
					break
				}
			}
		}
		if gotN := c.firstCountOr(nil, s, nil); (gotN == nil) != (wantN == nil) || gotN != nil && *gotN != *wantN {
			t.Errorf("%q: first count of %q = %v, want %v", src, s, countValues(gotN, nil, nil)[0], countValues(wantN, nil, nil)[0])
		}
	}
}

// TestCountReadersSample checks the count readers on every folded line of the sample minutes
// and of the development corpus's text files (when ../shared is there).
func TestCountReadersSample(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "sample", "*.txt"))
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "dev", "*.txt"))
	files = append(files, corpus...)
	if len(files) == 0 {
		t.Skip("no sample minutes")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			checkCountReaders(t, normalize.Fold(strings.TrimRight(line, "\n")))
		}
	}
}
