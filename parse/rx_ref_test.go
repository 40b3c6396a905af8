package parse

import (
	"reflect"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// This file keeps the first readings of the prefilter analysis, which rx.go now reaches by
// shorter ways (a set filled a word at a time, a literal read only as far as it is known, a
// large class not spelt out), as references for equivalence tests.

// addRangeRef is the first byteSet.addRange: one byte at a time.
func addRangeRef(b *byteSet, lo, hi int) {
	for c := lo; c <= hi; c++ {
		b.add(byte(c))
	}
}

func TestAddRangeRef(t *testing.T) {
	for lo := 0; lo <= 0xff; lo++ {
		for hi := 0; hi <= 0xff; hi++ {
			var got, want byteSet
			got.addRange(lo, hi)
			addRangeRef(&want, lo, hi)
			if got != want {
				t.Fatalf("addRange(%d, %d) = %x, want %x", lo, hi, got, want)
			}
		}
	}
}

// startsOfRef is the first startsOf: it returns prefixes one of which every match of re starts with. A rune beyond ASCII
// allows any byte from 0x80 on and ends what is known: invalid UTF-8 reads as U+FFFD, one byte
// wide, and case folding pairs runes of different lengths (K and U+212A K).
func startsOfRef(re *syntax.Regexp) []bytePrefix {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return emptyStart
	case syntax.OpLiteral:
		out := emptyStart
		for _, r := range re.Rune {
			runes := []rune{r}
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					runes = append(runes, f)
				}
			}
			out = concatStartsRef(out, runeStartsRef(runes))
		}
		return out
	case syntax.OpCharClass:
		var runes []rune
		for k := 0; k+1 < len(re.Rune); k += 2 {
			lo, hi := re.Rune[k], re.Rune[k+1]
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				runes = append(runes, r)
			}
			if hi >= utf8.RuneSelf {
				lo = max(lo, utf8.RuneSelf)
				if hi-lo >= maxRuneStarts {
					hi = lo + maxRuneStarts // more than runeStarts spells out: it gives up
				}
				for r := lo; r <= hi; r++ {
					runes = append(runes, r)
				}
			}
		}
		return runeStartsRef(runes)
	case syntax.OpCapture:
		return startsOfRef(re.Sub[0])
	case syntax.OpConcat:
		out := emptyStart
		for _, sub := range re.Sub {
			if !anyFull(out) {
				break
			}
			out = concatStartsRef(out, startsOfRef(sub))
		}
		return out
	case syntax.OpAlternate:
		var out []bytePrefix
		for _, sub := range re.Sub {
			out = unionStarts(out, startsOfRef(sub))
		}
		return out
	case syntax.OpQuest:
		return unionStarts(emptyStart, startsOfRef(re.Sub[0]))
	case syntax.OpStar:
		return unionStarts(emptyStart, openStarts(startsOfRef(re.Sub[0])))
	case syntax.OpPlus:
		sub := startsOfRef(re.Sub[0])
		return concatStartsRef(sub, unionStarts(emptyStart, openStarts(sub)))
	case syntax.OpRepeat:
		sub := startsOfRef(re.Sub[0])
		bound := re.Max
		if bound < 0 || bound > maxStartDepth {
			bound = -1 // read as {Min,}: it allows more
		}
		cur := emptyStart
		for range re.Min {
			if !anyFull(cur) {
				break
			}
			cur = concatStartsRef(cur, sub)
		}
		if bound < 0 {
			return concatStartsRef(cur, unionStarts(emptyStart, openStarts(sub)))
		}
		out := cur
		for k := re.Min + 1; k <= bound && anyFull(cur); k++ {
			cur = concatStartsRef(cur, sub)
			out = unionStarts(out, cur)
		}
		return out
	}
	// Any other node (any character, no match…) tells nothing of the start.
	return []bytePrefix{{}}
}

// concatStartsRef is the first concatStarts: the prefixes of a match of a followed by a match of b.
func concatStartsRef(a, b []bytePrefix) []bytePrefix {
	var out []bytePrefix
	for _, x := range a {
		if !x.full {
			out = append(out, x)
			continue
		}
		for _, y := range b {
			sets := append(slices.Clip(x.sets), y.sets...)
			full := y.full
			if len(sets) > maxStartDepth {
				sets, full = sets[:maxStartDepth], false
			}
			out = append(out, bytePrefix{sets: sets, full: full})
		}
	}
	return boundStarts(out)
}

// runeStartsRef is the first runeStarts: the prefixes of one rune among runes: the ASCII ones as one byte set, each
// other one as its UTF-8 bytes. Too many runes beyond ASCII, or U+FFFD (which invalid UTF-8
// reads as, one byte wide), allow any byte from 0x80 on and end what is known.
func runeStartsRef(runes []rune) []bytePrefix {
	var ascii byteSet
	hasASCII := false
	var wide []rune
	for _, r := range runes {
		if r < utf8.RuneSelf {
			ascii.add(byte(r))
			hasASCII = true
		} else {
			wide = append(wide, r)
		}
	}
	var out []bytePrefix
	if len(wide) > maxRuneStarts || slices.Contains(wide, utf8.RuneError) || slices.ContainsFunc(wide, func(r rune) bool { return !utf8.ValidRune(r) }) {
		addRangeRef(&ascii, utf8.RuneSelf, 0xff)
		return []bytePrefix{{sets: []byteSet{ascii}}}
	}
	if hasASCII {
		out = append(out, bytePrefix{sets: []byteSet{ascii}, full: true})
	}
	for _, r := range wide {
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		sets := make([]byteSet, n)
		for k := range n {
			sets[k].add(buf[k])
		}
		out = append(out, bytePrefix{sets: sets, full: true})
	}
	return out
}

// refPatterns are the package's patterns and some of every kind of node.
func refPatterns() []string {
	var out []string
	for _, r := range allRx {
		out = append(out, r.String())
	}
	return append(out, `\p{L}+\s`, `[^)]{3}x`, `(?i)ſession|Kelvin`, `[à-ÿ]{2}`, `é{2,5}a`, `(?:ab|cd)*e`,
		`[\x{80}-\x{88}]b`, `[\x{80}-\x{87}]b`, `\x{fffd}a`, `(?i)deliberation n°`, `a{0,9}b`, `x{3,}`, `(?s:.)a`,
		`^[A-H]\s*[.)]`, `\t|\s{3,}`, strings.Repeat(`(?:abc|def|ghi)`, 5))
}

// TestStartsOfRef checks startsOf against startsOfRef on every node of every pattern.
func TestStartsOfRef(t *testing.T) {
	for _, expr := range refPatterns() {
		checkStartsOf(t, expr)
	}
}

func checkStartsOf(t *testing.T, expr string) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return
	}
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		if got, want := startsOf(re), startsOfRef(re); !reflect.DeepEqual(got, want) {
			t.Errorf("startsOf(%s) in %q = %v, want %v", re, expr, got, want)
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(tree)
}

func FuzzStartsOfRef(f *testing.F) {
	for _, expr := range refPatterns() {
		f.Add(expr)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		if len(expr) > 300 {
			return
		}
		checkStartsOf(t, expr)
	})
}
