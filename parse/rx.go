package parse

import (
	"bytes"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// rx is a regular expression with a literal prefilter. Most patterns run on every line and
// match almost none: Go's backtracker then tries each start position of the line, while a
// strings.Contains of a word the match cannot do without answers in a few nanoseconds. Its
// prefilter (rxFilter) holds such words, and each search method answers "no match" at once
// when the text holds none, exactly as the regexp would.
//
// Both the regexp and the prefilter are built at the pattern's first use: the package holds
// hundreds of patterns, many of which only some layouts reach, and building them all cost every
// run of the program some forty milliseconds before it read a byte. TestPatternsCompile builds
// every one, so that a bad pattern fails a test rather than a user's run.
type rx struct {
	// Regexp is the pattern itself, compiled at its first use.
	Regexp lazyRegexp
	// filter is the prefilter: &unanalysed until the first search (see prefilter). A
	// stand-in rather than nil spares the search methods a test: only a pattern found to have no
	// literal looks further.
	filter atomic.Pointer[rxFilter]
	// hand, for a pattern of handMatchers, reads its match by hand: the end of the match at the
	// start of the text, -1 when none.
	hand func(string) int
	// handSub, for a pattern of handSubmatchers, reads its leftmost match and groups by hand:
	// what FindStringSubmatchIndex answers.
	handSub func(string) subMatch
	// handAny, for a pattern of handMatchesAny, tells by hand whether the text holds a match.
	handAny func(string) bool
}

// rxFilter is what an rx's pattern tells of its matches before any text is read.
//
// A pattern anchored at the start of the text ("^…") gets the set of bytes its match can start
// with: the backtracker clears state in proportion to the text's length even when the first
// character already fails, and one table look-up spares that.
type rxFilter struct {
	lits []string // nil when the pattern requires no literal (then the regexp always runs)
	// foldLits, when lits is nil, are literals of which every match holds one, up to the case
	// of ASCII letters ("(?i)a l'exception de"): see containsFold.
	foldLits []string
	// anchored is true when every match starts at the start of the text and is not empty;
	// first then holds the bytes it can start with.
	anchored bool
	first    byteSet
	// starts, for an anchored pattern, are the ways its match can start, byte by byte (see
	// startsOf); nil when unknown. They look past the first byte: a line "Le Conseil …" passes
	// first for "^[A-H]\s*[.)]" but not starts.
	starts []bytePrefix
	// scan, for a pattern neither anchored nor holding a literal ("\t|\s{3,}"), is its starts
	// looked for at every position of the text (scanFirst: the bytes they open with); nil when
	// unknown. A byte loop costs far less than the backtracker trying each position.
	scan      []bytePrefix
	scanFirst byteSet
	// startsBy and scanBy index starts and scan by the first byte of the text: bit k of
	// startsBy[c] is set when starts[k] allows c as its first byte. A line that opens with a
	// word of a long alternation then meets only the few prefixes that open alike, where every
	// prefix was tried in turn. Nil when the prefixes are too few (or too many) to pay for it.
	startsBy, scanBy *[256]uint32
}

// minIndexedStarts is the fewest prefixes indexed by first byte (see rxFilter.startsBy).
const minIndexedStarts = 3

// indexStarts returns the index of the prefixes by their first byte, or nil when they are too
// few to pay for it or too many for its masks.
func indexStarts(starts []bytePrefix) *[256]uint32 {
	if len(starts) < minIndexedStarts || len(starts) > 32 {
		return nil
	}
	by := new([256]uint32)
	for k, p := range starts {
		for c := range by {
			if p.sets[0].has(byte(c)) {
				by[c] |= 1 << k
			}
		}
	}
	return by
}

// maxLits bounds the prefilter: beyond it, the Contains calls would cost more than they save.
const maxLits = 12

// mustRx returns the pattern expr, to be compiled at its first use (it then panics on a bad
// pattern, as regexp.MustCompile: TestPatternsCompile compiles them all).
func mustRx(expr string) *rx {
	r := &rx{Regexp: lazyRegexp{expr: expr}, hand: handMatchers[expr], handSub: handSubmatchers[expr], handAny: handMatchesAny[expr]}
	r.filter.Store(&unanalysed)
	allRx = append(allRx, r)
	return r
}

// allRx lists every pattern made by mustRx, for the tests that compile them and check their
// prefilters.
var allRx []*rx

// String is the source text of the pattern.
func (r *rx) String() string { return r.Regexp.expr }

// unanalysed stands for the prefilter of a pattern not yet searched with: it lets every text
// through, as a pattern without literals does.
var unanalysed rxFilter

// prefilter returns the pattern's prefilter, derived at the first call.
func (r *rx) prefilter() *rxFilter {
	f := r.filter.Load()
	if f == &unanalysed {
		f = r.analyse()
	}
	return f
}

// analyse derives the prefilter of the pattern. Two goroutines may both derive it: they find
// the same, and the first one stored is kept.
func (r *rx) analyse() *rxFilter {
	f := newRxFilter(r.Regexp.expr)
	if !r.filter.CompareAndSwap(&unanalysed, f) {
		f = r.filter.Load()
	}
	return f
}

// newRxFilter derives the prefilter of expr; a pattern that does not parse gets none (its
// regexp then panics when compiled).
func newRxFilter(expr string) *rxFilter {
	r := &rxFilter{}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return r
	}
	r.lits = requiredLits(tree)
	if r.lits == nil {
		r.foldLits = requiredFoldLits(tree)
	}
	if set, nullable, ok := firstBytes(tree); ok && !nullable && anchoredAtStart(tree) {
		r.anchored, r.first = true, set
		r.starts = usefulStarts(startsOf(tree))
		r.startsBy = indexStarts(r.starts)
	}
	if !r.anchored && r.lits == nil && r.foldLits == nil {
		if r.scan = usefulStarts(startsOf(tree)); r.scan != nil {
			for _, p := range r.scan {
				r.scanFirst.union(p.sets[0])
			}
			r.scanBy = indexStarts(r.scan)
		}
	}
	return r
}

// lazyRegexp is a regexp compiled at its first use. Its methods are those of regexp.Regexp.
type lazyRegexp struct {
	expr string
	re   atomic.Pointer[regexp.Regexp]
}

// lazyRx returns the pattern expr, compiled at its first use (TestPatternsCompile compiles it):
// for a pattern that a hand reader stands for, kept as the reference of its tests.
func lazyRx(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr}
	allLazy = append(allLazy, l)
	return l
}

// allLazy lists every pattern made by lazyRx.
var allLazy []*lazyRegexp

// get returns the compiled regexp.
func (l *lazyRegexp) get() *regexp.Regexp {
	if re := l.re.Load(); re != nil {
		return re
	}
	return l.compile()
}

// compile compiles the pattern; of two goroutines compiling it at once, the first one's is kept.
func (l *lazyRegexp) compile() *regexp.Regexp {
	re := regexp.MustCompile(l.expr)
	if !l.re.CompareAndSwap(nil, re) {
		re = l.re.Load()
	}
	return re
}

// String is the source text of the pattern.
func (l *lazyRegexp) String() string { return l.expr }

// MatchString is regexp.Regexp.MatchString.
func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (l *lazyRegexp) FindString(s string) string { return l.get().FindString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}

// Split is regexp.Regexp.Split.
func (l *lazyRegexp) Split(s string, n int) []string { return l.get().Split(s, n) }

// may reports whether s can hold a match.
func (r *rx) may(s string) bool {
	f := r.filter.Load()
	if f.anchored && (s == "" || !f.first.has(s[0]) || f.starts != nil && !startsWithBy(s, f.starts, f.startsBy)) {
		return false
	}
	if f.scan != nil {
		for i := 0; i < len(s); i++ {
			if f.scanFirst.has(s[i]) && startsWithBy(s[i:], f.scan, f.scanBy) {
				return true
			}
		}
		return false
	}
	if f.lits == nil {
		if f.foldLits == nil {
			if f == &unanalysed {
				r.analyse()
				return r.may(s)
			}
			return true
		}
		return containsFold(s, f.foldLits)
	}
	for _, l := range f.lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// MatchString is regexp.MatchString behind the prefilter.
func (r *rx) MatchString(s string) bool {
	if r.handAny != nil {
		return r.handAny(s)
	}
	if r.hand != nil {
		return r.hand(s) >= 0
	}
	return r.may(s) && r.Regexp.get().MatchString(s)
}

// FindString is regexp.FindString behind the prefilter.
func (r *rx) FindString(s string) string {
	if r.hand != nil {
		return s[:max(r.hand(s), 0)]
	}
	if !r.may(s) {
		return ""
	}
	return r.Regexp.get().FindString(s)
}

// FindStringIndex is regexp.FindStringIndex behind the prefilter.
func (r *rx) FindStringIndex(s string) []int {
	if r.hand != nil {
		if e := r.hand(s); e >= 0 {
			return []int{0, e}
		}
		return nil
	}
	if r.handSub != nil {
		// The leftmost match is where its groups' answer starts.
		if m := r.handSub(s); m.n != 0 {
			return []int{m.m[0], m.m[1]}
		}
		return nil
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp.get().FindStringIndex(s)
}

// FindStringSubmatch is regexp.FindStringSubmatch behind the prefilter.
func (r *rx) FindStringSubmatch(s string) []string {
	if r.handSub != nil {
		return submatches(s, r.handSub(s).slice())
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp.get().FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex behind the prefilter.
func (r *rx) FindStringSubmatchIndex(s string) []int {
	if r.handSub != nil {
		return r.handSub(s).slice()
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp.get().FindStringSubmatchIndex(s)
}

// FindAllStringIndex is regexp.FindAllStringIndex behind the prefilter.
func (r *rx) FindAllStringIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.get().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.FindAllStringSubmatch behind the prefilter.
func (r *rx) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.get().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex behind the prefilter.
func (r *rx) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp.get().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.ReplaceAllString behind the prefilter: without a match, src.
func (r *rx) ReplaceAllString(src, repl string) string {
	if r.hand != nil && !strings.Contains(repl, "$") {
		// The one match there can be is at the start: "^" holds nowhere after it.
		if e := r.hand(src); e >= 0 {
			return repl + src[e:]
		}
		return src
	}
	if !r.may(src) {
		return src
	}
	return r.Regexp.get().ReplaceAllString(src, repl)
}

// Split is regexp.Split behind the prefilter: without a match, the whole of s (a pattern with a
// prefilter never matches the empty string, so the regexp would not split it either).
func (r *rx) Split(s string, n int) []string {
	if n == 0 || r.may(s) {
		return r.Regexp.get().Split(s, n)
	}
	return []string{s}
}

// requiredLits returns literals of which every match of re contains at least one, or nil when it
// cannot tell. Literals under (?i), empty ones and a lone space are not used (too weak to filter).
func requiredLits(re *syntax.Regexp) []string { return requiredIn(re, false) }

// requiredFoldLits is requiredLits of the text with its ASCII letters lower-cased (see
// containsFold): literals under (?i) count too.
func requiredFoldLits(re *syntax.Regexp) []string { return requiredIn(re, true) }

func requiredIn(re *syntax.Regexp, fold bool) []string {
	lits := required(re, fold)
	for _, l := range lits {
		if l == "" || l == " " {
			return nil
		}
	}
	return lits
}

func required(re *syntax.Regexp, fold bool) []string { return requiredBy(re, fold, false) }

// requiredBy is required; with few, it prefers the sets of fewest literals, so that the
// branches of an alternation fit in maxLits together ("seance " rather than "seance levee",
// "seance est levee"… for "seance (?:est )?(?:levee|close)|leve la seance").
func requiredBy(re *syntax.Regexp, fold, few bool) []string {
	pick := better
	if few {
		pick = fewer
	}
	switch re.Op {
	case syntax.OpLiteral:
		return literal(re, fold)
	case syntax.OpCapture, syntax.OpPlus:
		return requiredBy(re.Sub[0], fold, few)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredBy(re.Sub[0], fold, few)
		}
	case syntax.OpConcat:
		// Each element is required; a run of elements that match a few fixed strings is
		// required as their concatenations ("a" then "dopt|pprouv" → "adopt", "approuv").
		var best, run []string
		for _, sub := range re.Sub {
			if e, ok := exact(sub, fold); ok {
				if p := product(run, e); len(p) <= maxLits {
					if few {
						best = pick(best, minimal(run)) // the run so far is required too
					}
					run = p
					continue
				}
				best = pick(best, minimal(run))
				run = e
				continue
			}
			best = pick(best, minimal(run))
			run = nil
			best = pick(best, requiredBy(sub, fold, few))
		}
		return pick(best, minimal(run))
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			r := requiredBy(sub, fold, few)
			if r == nil {
				return nil
			}
			out = append(out, r...)
		}
		if out = minimal(out); out == nil && !few {
			return requiredBy(re, fold, true)
		}
		return out
	}
	return nil
}

// exact returns every string re can match, when they are few (at most maxLits) and known.
func exact(re *syntax.Regexp, fold bool) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		l := literal(re, fold)
		return l, l != nil
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpCharClass:
		// A small class is its runes ("[- ]" in "compte[- ]rendu").
		var out []string
		for k := 0; k+1 < len(re.Rune); k += 2 {
			if re.Rune[k+1]-re.Rune[k] >= maxLits {
				return nil, false
			}
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				if r == utf8.RuneError || !utf8.ValidRune(r) {
					return nil, false
				}
				if fold && 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				if l := string(r); !slices.Contains(out, l) {
					out = append(out, l)
				}
			}
			if len(out) > maxLits {
				return nil, false
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return exact(re.Sub[0], fold)
	case syntax.OpQuest:
		e, ok := exact(re.Sub[0], fold)
		if !ok || len(e) >= maxLits {
			return nil, false
		}
		return append([]string{""}, e...), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			e, ok := exact(sub, fold)
			if !ok || len(out)+len(e) > maxLits {
				return nil, false
			}
			out = append(out, e...)
		}
		return out, true
	case syntax.OpConcat:
		var out []string
		for _, sub := range re.Sub {
			e, ok := exact(sub, fold)
			if !ok {
				return nil, false
			}
			if out = product(out, e); len(out) > maxLits {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// product is every string of a followed by one of b; a nil a is the empty run.
func product(a, b []string) []string {
	if a == nil {
		return b
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// literal is the text of a literal node, or nil. Under (?i), only a literal whose runes have
// no other case counts ("(", "°"); with fold, the text is lower-cased in its ASCII letters, as
// containsFold reads the line, and a literal under (?i) counts when it is all ASCII.
func literal(re *syntax.Regexp, fold bool) []string {
	if len(re.Rune) == 0 || slices.Contains(re.Rune, utf8.RuneError) {
		return nil
	}
	if re.Flags&syntax.FoldCase != 0 {
		caseless := !slices.ContainsFunc(re.Rune, func(r rune) bool { return unicode.SimpleFold(r) != r })
		ascii := !slices.ContainsFunc(re.Rune, func(r rune) bool { return r >= utf8.RuneSelf })
		if !caseless && !(fold && ascii) {
			return nil
		}
	}
	if !fold {
		return []string{string(re.Rune)}
	}
	b := make([]byte, 0, len(re.Rune))
	for _, r := range re.Rune {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b = utf8.AppendRune(b, r)
	}
	return []string{string(b)}
}

// minimal drops the literals that contain another one of the set (finding the shorter one is
// enough), and gives up on sets too large to test quickly.
func minimal(lits []string) []string {
	out := dropContaining(lits)
	if len(out) > maxLits {
		return nil
	}
	return out
}

// dropContaining drops the literals that contain another one of the set: finding the shorter
// is enough (of two equal ones, the first stays).
func dropContaining(lits []string) []string {
	var out []string
	for i, l := range lits {
		keep := true
		for j, o := range lits {
			if j != i && strings.Contains(l, o) && (len(o) < len(l) || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, l)
		}
	}
	return out
}

// better picks the stronger of two prefilters: the one whose shortest literal is longer, then
// the one with fewer literals.
func better(a, b []string) []string {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	ma, mb := shortest(a), shortest(b)
	if mb > ma || (mb == ma && len(b) < len(a)) {
		return b
	}
	return a
}

// fewer picks the prefilter of fewer literals, then the stronger one.
func fewer(a, b []string) []string {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case len(b) != len(a):
		if len(b) < len(a) {
			return b
		}
		return a
	}
	return better(a, b)
}

func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }
func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }
func (b *byteSet) union(o byteSet) {
	b[0], b[1], b[2], b[3] = b[0]|o[0], b[1]|o[1], b[2]|o[2], b[3]|o[3]
}

// addRange adds the bytes lo to hi (0 <= lo, hi <= 0xff), a word of the set at a time.
func (b *byteSet) addRange(lo, hi int) {
	for w := lo >> 6; w <= hi>>6; w++ {
		from, to := max(lo, w<<6)&63, min(hi, w<<6+63)&63
		b[w] |= ^uint64(0) >> (63 - to) &^ (1<<from - 1)
	}
}

// addRune adds the bytes that text matching rune r (case-folded when fold) can start with. Any
// rune beyond ASCII adds every non-ASCII byte: invalid UTF-8 reads as U+FFFD, and case folding
// reaches runes such as U+212A (K).
// addClass adds the bytes that the runes of a character class's ranges (lo, hi pairs, as
// regexp/syntax gives them) can start or hold: every byte from 0x80 for a non-ASCII one.
func (b *byteSet) addClass(ranges []rune) {
	for k := 0; k+1 < len(ranges); k += 2 {
		lo, hi := ranges[k], ranges[k+1]
		if lo < utf8.RuneSelf {
			b.addRange(int(lo), int(min(hi, utf8.RuneSelf-1)))
		}
		if hi >= utf8.RuneSelf {
			b.addRange(utf8.RuneSelf, 0xff)
		}
	}
}

func (b *byteSet) addRune(r rune, fold bool) {
	if r >= utf8.RuneSelf || fold {
		b.addRange(utf8.RuneSelf, 0xff)
	}
	if r < utf8.RuneSelf {
		b.add(byte(r))
		if fold && 'a' <= r && r <= 'z' {
			b.add(byte(r - 'a' + 'A'))
		}
		if fold && 'A' <= r && r <= 'Z' {
			b.add(byte(r - 'A' + 'a'))
		}
	}
}

// firstBytes returns the bytes a non-empty match of re can start with and whether re can match
// the empty string; ok is false when any byte can start it.
func firstBytes(re *syntax.Regexp) (set byteSet, nullable, ok bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return set, false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return set, true, true
	case syntax.OpLiteral:
		set.addRune(re.Rune[0], re.Flags&syntax.FoldCase != 0)
		return set, false, true
	case syntax.OpCharClass:
		set.addClass(re.Rune)
		return set, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _, ok = firstBytes(re.Sub[0])
		return set, true, ok
	case syntax.OpRepeat:
		set, nullable, ok = firstBytes(re.Sub[0])
		return set, nullable || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			s, n, k := firstBytes(sub)
			if !k {
				return set, false, false
			}
			set.union(s)
			if !n {
				return set, false, true
			}
		}
		return set, true, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n, k := firstBytes(sub)
			if !k {
				return set, false, false
			}
			set.union(s)
			nullable = nullable || n
		}
		return set, nullable, true
	}
	return set, false, false
}

// anchoredAtStart reports whether every match of re starts at the start of the text.
func anchoredAtStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return anchoredAtStart(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchoredAtStart(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !anchoredAtStart(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// bytePrefix is one way a match can start: its byte k is in sets[k]. full means the match is
// exactly len(sets) bytes long, so that what follows it in a concatenation can be appended.
type bytePrefix struct {
	sets []byteSet
	full bool
}

// Bounds of startsOf: bytes looked at, and ways kept before they are merged into one.
const (
	maxStartDepth = 6
	maxStarts     = 24
)

// startsWith reports whether s starts as one of the prefixes allows.
func startsWith(s string, starts []bytePrefix) bool {
next:
	for _, p := range starts {
		if len(s) < len(p.sets) {
			continue
		}
		for k := range p.sets {
			if !p.sets[k].has(s[k]) {
				continue next
			}
		}
		return true
	}
	return false
}

// startsWithBy is startsWith(s, starts) for s not empty, through by, the index of starts by
// their first byte (indexStarts), when not nil: only the prefixes that allow s[0] are tried.
func startsWithBy(s string, starts []bytePrefix, by *[256]uint32) bool {
	if by == nil {
		return startsWith(s, starts)
	}
next:
	for m := by[s[0]]; m != 0; m &= m - 1 {
		p := &starts[bits.TrailingZeros32(m)]
		if len(s) < len(p.sets) {
			continue
		}
		for k := 1; k < len(p.sets); k++ {
			if !p.sets[k].has(s[k]) {
				continue next
			}
		}
		return true
	}
	return false
}

// usefulStarts returns starts, or nil when one of them allows any text (a match may be empty,
// or nothing is known of its start).
func usefulStarts(starts []bytePrefix) []bytePrefix {
	for _, p := range starts {
		if len(p.sets) == 0 {
			return nil
		}
	}
	return starts
}

// emptyStart is the prefix of the empty match.
var emptyStart = []bytePrefix{{full: true}}

// startsOf returns prefixes one of which every match of re starts with. A rune beyond ASCII
// allows any byte from 0x80 on and ends what is known: invalid UTF-8 reads as U+FFFD, one byte
// wide, and case folding pairs runes of different lengths (K and U+212A K).
func startsOf(re *syntax.Regexp) []bytePrefix {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return emptyStart
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			if out, ok := literalStarts(re.Rune); ok {
				return out
			}
		}
		out := emptyStart
		for _, r := range re.Rune {
			if !anyFull(out) {
				break // the runes after it are past what is known
			}
			runes := []rune{r}
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					runes = append(runes, f)
				}
			}
			out = concatStarts(out, runeStarts(runes))
		}
		return out
	case syntax.OpCharClass:
		var runes []rune
		wide := 0
		for k := 0; k+1 < len(re.Rune); k += 2 {
			lo, hi := re.Rune[k], re.Rune[k+1]
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				runes = append(runes, r)
			}
			// Beyond maxRuneStarts runes beyond ASCII, runeStarts keeps only the ASCII ones:
			// a class such as \p{L}, of hundreds of ranges, need not be spelt out.
			if hi >= utf8.RuneSelf && wide <= maxRuneStarts {
				lo = max(lo, utf8.RuneSelf)
				if hi-lo >= maxRuneStarts {
					hi = lo + maxRuneStarts // more than runeStarts spells out: it gives up
				}
				for r := lo; r <= hi; r++ {
					runes = append(runes, r)
					wide++
				}
			}
		}
		return runeStarts(runes)
	case syntax.OpCapture:
		return startsOf(re.Sub[0])
	case syntax.OpConcat:
		out := emptyStart
		for _, sub := range re.Sub {
			if !anyFull(out) {
				break
			}
			out = concatStarts(out, startsOf(sub))
		}
		return out
	case syntax.OpAlternate:
		var out []bytePrefix
		for _, sub := range re.Sub {
			out = unionStarts(out, startsOf(sub))
		}
		return out
	case syntax.OpQuest:
		return unionStarts(emptyStart, startsOf(re.Sub[0]))
	case syntax.OpStar:
		return unionStarts(emptyStart, openStarts(startsOf(re.Sub[0])))
	case syntax.OpPlus:
		sub := startsOf(re.Sub[0])
		return concatStarts(sub, unionStarts(emptyStart, openStarts(sub)))
	case syntax.OpRepeat:
		sub := startsOf(re.Sub[0])
		bound := re.Max
		if bound < 0 || bound > maxStartDepth {
			bound = -1 // read as {Min,}: it allows more
		}
		cur := emptyStart
		for range re.Min {
			if !anyFull(cur) {
				break
			}
			cur = concatStarts(cur, sub)
		}
		if bound < 0 {
			return concatStarts(cur, unionStarts(emptyStart, openStarts(sub)))
		}
		out := cur
		for k := re.Min + 1; k <= bound && anyFull(cur); k++ {
			cur = concatStarts(cur, sub)
			out = unionStarts(out, cur)
		}
		return out
	}
	// Any other node (any character, no match…) tells nothing of the start.
	return []bytePrefix{{}}
}

// literalStarts is startsOf of a literal of runes that ignores no case: the one prefix of its
// UTF-8 bytes, as far as maxStartDepth. ok is false when the literal is empty or holds U+FFFD or
// an invalid rune before that depth (startsOf then reads it rune by rune).
func literalStarts(runes []rune) (out []bytePrefix, ok bool) {
	var buf [maxStartDepth + utf8.UTFMax]byte
	n, full := 0, true
	for _, r := range runes {
		if r == utf8.RuneError || !utf8.ValidRune(r) {
			return nil, false
		}
		if n += utf8.EncodeRune(buf[n:], r); n > maxStartDepth {
			n, full = maxStartDepth, false
			break
		}
	}
	if len(runes) == 0 {
		return nil, false
	}
	sets := make([]byteSet, n)
	for k := range sets {
		sets[k].add(buf[k])
	}
	return []bytePrefix{{sets: sets, full: full}}, true
}

// maxRuneStarts bounds the runes beyond ASCII that runeStarts spells out.
const maxRuneStarts = 8

// runeStarts is the prefixes of one rune among runes: the ASCII ones as one byte set, each
// other one as its UTF-8 bytes. Too many runes beyond ASCII, or U+FFFD (which invalid UTF-8
// reads as, one byte wide), allow any byte from 0x80 on and end what is known.
func runeStarts(runes []rune) []bytePrefix {
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
		ascii.addRange(utf8.RuneSelf, 0xff)
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

// anyFull reports whether one of the prefixes can still be extended.
func anyFull(ps []bytePrefix) bool {
	for _, p := range ps {
		if p.full {
			return true
		}
	}
	return false
}

// openStarts is ps with nothing to be appended: a repetition goes on after them.
func openStarts(ps []bytePrefix) []bytePrefix {
	out := make([]bytePrefix, len(ps))
	for k, p := range ps {
		out[k] = bytePrefix{sets: p.sets, full: false}
	}
	return out
}

// concatStarts is the prefixes of a match of a followed by a match of b.
func concatStarts(a, b []bytePrefix) []bytePrefix {
	// The prefixes and their sets are counted first, to be cut from two allocations.
	count, width := 0, 0
	for _, x := range a {
		if !x.full {
			count++
			continue
		}
		count += len(b)
		for _, y := range b {
			width += min(len(x.sets)+len(y.sets), maxStartDepth)
		}
	}
	if count == 0 {
		return boundStarts(nil)
	}
	out := make([]bytePrefix, 0, count)
	pool := make([]byteSet, width)
	for _, x := range a {
		if !x.full {
			out = append(out, x)
			continue
		}
		for _, y := range b {
			n := min(len(x.sets)+len(y.sets), maxStartDepth)
			// Capped at its length, a prefix's sets are copied by whatever appends to them.
			sets := pool[:n:n]
			pool = pool[n:]
			copy(sets[copy(sets, x.sets):], y.sets)
			if n == 0 {
				sets = slices.Clip(x.sets) // nil when x's are, as append leaves them
			}
			out = append(out, bytePrefix{sets: sets, full: y.full && len(x.sets)+len(y.sets) <= maxStartDepth})
		}
	}
	return boundStarts(out)
}

// unionStarts is the prefixes of a match of a or of b.
func unionStarts(a, b []bytePrefix) []bytePrefix {
	return boundStarts(append(slices.Clip(a), b...))
}

// boundStarts keeps the prefixes few: cut shorter, equal ones merged, until they are few
// enough, or at last all merged into one: byte by byte, the union of their sets, as far as the
// shortest goes. Every match still starts as they allow.
func boundStarts(ps []bytePrefix) []bytePrefix {
	if len(ps) <= maxStarts {
		return ps
	}
	for depth := maxStartDepth - 1; depth >= 1; depth-- {
		var cut []bytePrefix
	next:
		for _, p := range ps {
			if len(p.sets) > depth {
				p = bytePrefix{sets: p.sets[:depth]}
			}
			for k, q := range cut {
				if slices.Equal(q.sets, p.sets) {
					cut[k].full = q.full && p.full
					continue next
				}
			}
			cut = append(cut, p)
		}
		if len(cut) <= maxStarts {
			return cut
		}
	}
	n := len(ps[0].sets)
	for _, p := range ps {
		n = min(n, len(p.sets))
	}
	sets := make([]byteSet, n)
	for _, p := range ps {
		for k := range sets {
			sets[k].union(p.sets[k])
		}
	}
	return []bytePrefix{{sets: sets}}
}

// containsFold reports whether s, its ASCII letters lower-cased, may contain one of lits. The
// two runes beyond ASCII that fold to ASCII letters (U+212A K, U+017F ſ) make it answer yes.
func containsFold(s string, lits []string) bool {
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	var stack [512]byte
	var b []byte
	if len(s) <= len(stack) {
		b = stack[:len(s)]
	} else {
		b = make([]byte, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	for _, l := range lits {
		if bytes.Contains(b, []byte(l)) {
			return true
		}
	}
	return false
}
