package parse

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"minutes/normalize"
)

// giveProxyLead is the lead of giveProxyHead that giveProxyOpens reads by hand.
const giveProxyLead = `\s*,?\s+`

// openWords lists the words a match of re can open with, each ending where re first reads
// \s; ok is false when re is not a sequence of literals, optional parts and alternatives
// up to that white space (the list could then not be read off it).
func openWords(re *syntax.Regexp) (words []string, ok bool) {
	var space syntax.Regexp
	if sp, err := syntax.Parse(`\s`, syntax.Perl); err == nil {
		space = *sp
	}
	isSpace := func(r *syntax.Regexp) bool {
		return r.Op == syntax.OpCharClass && slices.Equal(r.Rune, space.Rune)
	}
	// step reads re after each of the open prefixes; it returns those still open and those
	// closed by white space.
	var step func(re *syntax.Regexp, open []string) (next, closed []string, ok bool)
	step = func(re *syntax.Regexp, open []string) (next, closed []string, ok bool) {
		switch re.Op {
		case syntax.OpLiteral:
			if re.Flags&syntax.FoldCase != 0 {
				return nil, nil, false
			}
			for _, w := range open {
				next = append(next, w+string(re.Rune))
			}
			return next, nil, true
		case syntax.OpPlus:
			if isSpace(re.Sub[0]) {
				return nil, open, true
			}
		case syntax.OpEmptyMatch:
			return open, nil, true
		case syntax.OpCapture:
			return step(re.Sub[0], open)
		case syntax.OpQuest:
			n, c, ok := step(re.Sub[0], open)
			return append(n, open...), c, ok
		case syntax.OpAlternate:
			for _, sub := range re.Sub {
				n, c, ok := step(sub, open)
				if !ok {
					return nil, nil, false
				}
				next, closed = append(next, n...), append(closed, c...)
			}
			return next, closed, true
		case syntax.OpConcat:
			for _, sub := range re.Sub {
				if len(open) == 0 {
					break
				}
				n, c, ok := step(sub, open)
				if !ok {
					return nil, nil, false
				}
				open, closed = n, append(closed, c...)
			}
			return open, closed, true
		}
		return nil, nil, false
	}
	open, closed, ok := step(re, []string{""})
	if !ok || len(open) > 0 {
		return nil, false
	}
	return closed, true
}

func TestGiveProxyOpeners(t *testing.T) {
	phrase, found := strings.CutPrefix(giveProxyHead, giveProxyLead)
	if !found {
		t.Fatalf("giveProxyHead = %q, want it to open with %q (giveProxyOpens reads that lead)", giveProxyHead, giveProxyLead)
	}
	re, err := syntax.Parse(phrase, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	words, ok := openWords(re)
	if !ok {
		t.Fatalf("cannot list the opening words of %q", phrase)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	have := slices.Sorted(slices.Values(giveProxyOpeners))
	if !slices.Equal(words, have) {
		t.Errorf("giveProxyOpeners = %q, want %q (the words giveProxyHead opens with)", have, words)
	}
}

func TestOpenWords(t *testing.T) {
	tests := []struct {
		name, expr string
		want       []string
		ok         bool
	}{
		{"plain", `ab\s+c`, []string{"ab"}, true},
		{"optional", `(?:x\s+)?y\s+`, []string{"x", "y"}, true},
		{"factored", `a\s+|ayant\s+|avait\s+`, []string{"a", "avait", "ayant"}, true},
		{"unclosed", `a\s+|b`, nil, false},
		{"alternatives", `(?:a|ayant)\s+`, []string{"a", "ayant"}, true},
		{"star", `a\s*b`, nil, false},
		{"class", `[ab]\s+`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re, err := syntax.Parse(tt.expr, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := openWords(re)
			slices.Sort(got)
			if ok != tt.ok || !slices.Equal(got, tt.want) {
				t.Errorf("openWords(%q) = %q, %v; want %q, %v", tt.expr, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// checkGiveProxyOpens checks that the head of reGiveProxy matches at no place of s where
// giveProxyOpens says it cannot, nor at any place of the lead it skips.
func checkGiveProxyOpens(t *testing.T, s string) {
	t.Helper()
	for p := 0; p < len(s); p++ {
		if !giveProxyFirst.has(s[p]) {
			continue
		}
		q, ok := giveProxyOpens(s, p)
		if ok {
			continue
		}
		for i := p; i < max(q, p+1); i++ {
			if giveProxyAt.MatchString(s[i:]) {
				t.Errorf("giveProxyOpens(%q, %d) = %d, false; but giveProxyHead matches at %d", s, p, q, i)
			}
		}
	}
}

func TestGiveProxyOpens(t *testing.T) {
	for _, s := range giveProxyCases {
		checkGiveProxyOpens(t, s)
		checkGiveProxyOpens(t, normalize.Fold(s))
	}
}

func FuzzGiveProxyOpens(f *testing.F) {
	for _, s := range giveProxyCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkGiveProxyOpens(t, s)
	})
}
