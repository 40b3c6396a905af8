package parse

import (
	"strings"
	"unicode/utf8"
)

// countReader reads by hand one of the vote count patterns (countPatterns), of one of two
// shapes:
//
//	label first:  \b(?:LABELS)\s*[:=]?\s*(\d{1,3}) then \b, or (?:$|[^\w]|…) when openTail
//	number first: \b(\d{1,3})\s*(?:(?:LEADS)\s+)?(?:WORDS)\b
//
// Each list holds the pattern's alternatives in its order of preference (a greedy "s?" puts the
// plural first). A spot pattern runs its backtracker at every digit of a line for the number
// first shape, and clears state in proportion to the rest of the line each time.
//
// The shapes leave no choice to backtracking: every label, lead and word opens with a letter,
// so each run of white space is taken whole; a count is a whole run of at most three digits
// (a digit after it would open nothing the pattern reads next); and in the open tail, "[^\w]"
// comes before the alternatives that read white space, and takes any character that is no
// word character, white space included. FuzzCountReaders checks each reader against its
// pattern on every text.
type countReader struct {
	labels   []string
	prefix   string // the longest prefix common to labels: every match starts with it
	openTail bool
	leads    []string
	words    []string
}

// countReaders are the hand readers of countPatterns, by the source of their pattern; a pattern
// whose source changes loses its reader (TestCountReadersUsed then fails) and runs as a regexp.
// Their words are the pattern's own, in its order.
var countReaders = map[string]*countReader{
	`\bpour\s*[:=]?\s*(\d{1,3})(?:$|[^\w]|\s*$|\s+(?:voix|votes?|contre|abst|bulletin|[^a-z]))`: newLabelCount(true, "pour"),
	`\b(\d{1,3})\s*(?:voix\s+|votes?\s+)?(?:pour|favorables?)\b`:                                newNumberCount(countLeads, "pour", "favorables", "favorable"),
	`\bcontre\s*[:=]?\s*(\d{1,3})\b`:                                                            newLabelCount(false, "contre"),
	`\b(\d{1,3})\s*(?:voix\s+|votes?\s+)?contre\b`:                                              newNumberCount(countLeads, "contre"),
	`\babstentions?\s*[:=]?\s*(\d{1,3})\b`:                                                      newLabelCount(false, "abstentions", "abstention"),
	`\b(\d{1,3})\s*abstentions?\b`:                                                              newNumberCount(nil, "abstentions", "abstention"),
}

// countLeads are the words "(?:voix\s+|votes?\s+)?" reads between a count and its label.
var countLeads = []string{"voix", "votes", "vote"}

func newLabelCount(openTail bool, labels ...string) *countReader {
	prefix := labels[0]
	for _, l := range labels[1:] {
		for !strings.HasPrefix(l, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	return &countReader{labels: labels, prefix: prefix, openTail: openTail}
}

func newNumberCount(leads []string, words ...string) *countReader {
	return &countReader{leads: leads, words: words}
}

// from returns the leftmost match of the reader's pattern in s that starts at or after from,
// the text before from read only by the assertions: what the pattern's FindAll finds next
// after a match ending at from.
func (c *countReader) from(s string, from int) subMatch {
	if c.labels != nil {
		return c.labelFrom(s, from)
	}
	return c.numberFrom(s, from)
}

func (c *countReader) labelFrom(s string, from int) subMatch {
	for at := from; at <= len(s); {
		k := strings.Index(s[at:], c.prefix)
		if k < 0 {
			break
		}
		p := at + k
		at = p + 1
		// Every label opens with a letter: \b holds when the byte before is no ASCII word
		// character (a byte of a multi-byte rune is none).
		if p > 0 && isASCIIWord(s[p-1]) {
			continue
		}
		for _, l := range c.labels {
			if !strings.HasPrefix(s[p:], l) {
				continue
			}
			i := skipSpace(s, p+len(l))
			if i < len(s) && (s[i] == ':' || s[i] == '=') {
				i = skipSpace(s, i+1)
			}
			n := digitRun(s, i)
			if n == 0 || n > 3 {
				continue
			}
			e := i + n
			end := e
			switch {
			case e == len(s):
			case c.openTail:
				// "[^\w]" reads one rune, U+FFFD for a byte of invalid UTF-8.
				if isASCIIWord(s[e]) {
					continue
				}
				_, w := utf8.DecodeRuneInString(s[e:])
				end = e + w
			case isASCIIWord(s[e]):
				continue
			}
			return subMatch{[4]int{p, end, i, e}, 4}
		}
	}
	return subMatch{}
}

func (c *countReader) numberFrom(s string, from int) subMatch {
	for p := from; p < len(s); p++ {
		if s[p] < '0' || s[p] > '9' || (p > 0 && isASCIIWord(s[p-1])) {
			continue
		}
		n := digitRun(s, p)
		if n <= 3 {
			if end := c.afterNumber(s, skipSpace(s, p+n)); end >= 0 {
				return subMatch{[4]int{p, end, p, p + n}, 4}
			}
		}
		// No position inside the run follows a word boundary.
		p += n - 1
	}
	return subMatch{}
}

// afterNumber reads the optional lead and the word after a count, from j after its white
// space: the end of the match, -1 when none.
func (c *countReader) afterNumber(s string, j int) int {
	for _, l := range c.leads {
		if k := j + len(l); strings.HasPrefix(s[j:], l) && k < len(s) && isGapSpace(s[k]) {
			if end := c.wordAt(s, skipSpace(s, k)); end >= 0 {
				return end
			}
		}
	}
	return c.wordAt(s, j)
}

// wordAt returns the end of the first of the reader's words that s holds at i and that ends
// a word, -1 when none.
func (c *countReader) wordAt(s string, i int) int {
	for _, w := range c.words {
		if e := i + len(w); strings.HasPrefix(s[i:], w) && (e == len(s) || !isASCIIWord(s[e])) {
			return e
		}
	}
	return -1
}

// firstCountOr is firstCount(re, f, run) for re, the pattern c reads; re runs when c is nil.
func (c *countReader) firstCountOr(re *spotRx, f string, run *int) *int {
	if c == nil {
		return firstCount(re, f, run)
	}
	for pos := 0; pos < len(f); {
		m := c.from(f, pos)
		if m.n == 0 {
			return nil
		}
		if isCount(f, m.m[3]) {
			n := 0
			for _, d := range f[m.m[2]:m.m[3]] {
				n = 10*n + int(d-'0')
			}
			return &n
		}
		pos = m.m[1]
	}
	return nil
}
