package parse

import (
	"strings"
	"testing"
)

// byteFactsRef is byteFacts spelled out from the tests it stands for.
func byteFactsRef(text string) uint8 {
	var st uint8
	if strings.Contains(text, "\t") {
		st |= lineTab
	}
	if strings.Contains(text, "|") {
		st |= linePipe
	}
	if strings.TrimSpace(text) == "" {
		st |= lineBlank
	}
	if hasUnicodeSpace(text) {
		st |= lineUspace
	}
	if _, gap := gapText(text); gap {
		st |= lineGap
	}
	return st
}

var byteFactSeeds = []string{
	"", " ", "\t", "a\tb", "| a | b |", "Charges  12", "  a  ", "1\u00a0\u00a0200", "x \u202fy", "a\u2009 b",
	"\u00a0", "\u3000 \u3000", "Total 12 €", "a  ", "  b", "’ «", "a \u00a0\u00a0", "\xe2\x80", "\xc2",
	"a \f b", "a\r\n  b", "x\x00\x00y", "a \v b", "a\v\vb", " \t x  y", "abcdefgh  ijklmnop\x01", "abcdefghijklmnop  ",
}

func checkByteFacts(t *testing.T, s string) {
	st := byteFacts(s)
	if want := byteFactsRef(s); st != want {
		t.Errorf("byteFacts(%q) = %08b, want %08b", s, st, want)
	}
	gs, gg := gapTextBits(s, st)
	ws, wg := gapText(s)
	if gs != ws || gg != wg {
		t.Errorf("gapTextBits(%q) = %q %v, want %q %v", s, gs, gg, ws, wg)
	}
}

func TestByteFacts(t *testing.T) {
	for _, s := range byteFactSeeds {
		checkByteFacts(t, s)
	}
	for _, l := range rxSamples(t) {
		checkByteFacts(t, l)
	}
}

func FuzzByteFacts(f *testing.F) {
	for _, s := range byteFactSeeds {
		f.Add(s)
	}
	f.Fuzz(checkByteFacts)
}

// lineCodeRef is lineCode as first written, the line trimmed before anything is read.
func lineCodeRef(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 24 || strings.IndexAny(s, "0123456789") < 0 {
		return ""
	}
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return stackCode(s)
}

var lineCodeSeeds = []string{"chapitre 70", "chapitre  70 ", "70\u00a0", "c/ 6061\t", "12.", "", " ", "1234567", "compte 12\u0085", "ligne 3a", "chap. 011\v"}

func TestLineCode(t *testing.T) {
	for _, s := range append(lineCodeSeeds, rxSamples(t)...) {
		if got, want := lineCode(s), lineCodeRef(s); got != want {
			t.Errorf("lineCode(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLineCode(f *testing.F) {
	for _, s := range lineCodeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lineCode(s), lineCodeRef(s); got != want {
			t.Errorf("lineCode(%q) = %q, want %q", s, got, want)
		}
	})
}

var bulletSeeds = []string{"a)", "o", "b.", "2.", "12)", "3/", "–", "•", "-", " a)", "a) x", "ab", "2", "\xe2\x80", "\xe2", "Total", "", " ", "o ", "1.2"}

func TestBulletLabel(t *testing.T) {
	for _, s := range bulletSeeds {
		if got, want := bulletLabel(s), isBullet(s+" "); got != want {
			t.Errorf("bulletLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzBulletLabel(f *testing.F) {
	for _, s := range bulletSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := bulletLabel(s), isBullet(s+" "); got != want {
			t.Errorf("bulletLabel(%q) = %v, want %v", s, got, want)
		}
	})
}

var pipeSeeds = []string{"| a | b |", "|||", "||", " \t| a |\n| b | \n", "| a \n | b |", "|a|b", "a|b|c|", "| é | € |  ", "\v| a | b |", "| a | b |\v", "|\xff|\xfe|", ""}

func TestMarkdownPipes(t *testing.T) {
	for _, s := range pipeSeeds {
		if got, want := markdownPipes(s), reMarkdownRow.MatchString(s); got != want {
			t.Errorf("markdownPipes(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzMarkdownPipes(f *testing.F) {
	for _, s := range pipeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := markdownPipes(s), reMarkdownRow.MatchString(s); got != want {
			t.Errorf("markdownPipes(%q) = %v, want %v", s, got, want)
		}
	})
}
