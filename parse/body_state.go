package parse

import (
	"strings"
	"sync"
)

// bodyState memoizes, for one document, what the body reader computes more than once: the vote
// reading of a line (asked when splitting paragraphs and when reading decisions) and the person
// a speaker's mention links to.
type bodyState struct {
	// trigOf memoizes the vote reading of each line: 0 when not read yet, 1 when the line
	// states nothing, else 2 + its index in trigs. Few lines state a vote: a slice of small
	// integers by line costs less than a reading by line, and the collector skips it.
	trigOf []int32
	trigs  []trig
	// memo holds trigOf, stems and clauseOf, taken together from voteMemoPool (see
	// takeVoteMemo).
	memo *voteMemo
	// stems memoizes scanStems of each folded line, with stemsRead set once it is read: the
	// clause reader and the vote reader both look for stems in the same lines.
	stems    []uint64
	speakers map[string]*string
	// agendaLine marks the lines the agenda was read from (nil when there is no agenda).
	agendaLine []bool
	// clauseOf memoizes the decision sentences of a paragraph, by its first line: 0 when not
	// read yet, 1 when it holds none, else 2 + their index in clauseLists. A slice by line
	// costs less than a map grown paragraph by paragraph.
	clauseOf    []int32
	clauseLists [][]clause
	// clauseText is readClauses' scratch buffer for a paragraph's text.
	clauseText []byte
	// clauseStarts is readClauses' scratch slice for the offsets of a long paragraph's lines,
	// clauseSegs for their stems.
	clauseStarts []int
	clauseSegs   []uint64
	// agGrams and agWords are the agenda titles' trigrams and words (see agendaTitles), the
	// trigrams numbered by agDict, which numbers those of the titles matched with them.
	agGrams []gramSet
	agWords [][]string
	agDict  *gramDict
	// agFolded are the agenda titles folded, from which agGrams and agWords were read.
	agFolded []string
	// agendaPartial is an agenda that lists only the points added in session.
	agendaPartial bool
}

// trigAt is lineTrigger of line i, computed once, when the line triggers; trig{} otherwise.
// Every reader of trigAt asks a line that does not trigger only whether it does (see
// lineVote).
func (d *doc) trigAt(i int) trig {
	if d.bs.trigOf == nil {
		d.bs.takeVoteMemo(len(d.lines))
	}
	switch k := d.bs.trigOf[i]; k {
	case 0:
	case 1:
		return trig{}
	default:
		return d.bs.trigs[k-2]
	}
	t := lineVote(d.folded[i], d.lines[i].Text, d.stemsAt(i))
	if !t.trigger {
		d.bs.trigOf[i] = 1
	} else {
		d.bs.trigOf[i] = int32(len(d.bs.trigs) + 2)
		d.bs.trigs = append(d.bs.trigs, t)
	}
	return t
}

// triggersAt is trigAt(i).trigger, told from the memo without copying a reading.
func (d *doc) triggersAt(i int) bool {
	if d.bs.trigOf != nil {
		switch d.bs.trigOf[i] {
		case 0:
		case 1:
			return false
		default:
			return true
		}
	}
	return d.trigAt(i).trigger
}

// stemsAt is scanStemsSkip(d.folded[i], '*') of folded line i, computed once, with stemStar
// when the line holds a "*": the stems of the line without its "*" (scanStems of a line
// holding none). The vote reader and the clause reader read a line so; only the clause
// reader's first test asks for the stems of a line with its "*" (see starStemsAt), and a stem
// holds no "*", so those are among these.
func (d *doc) stemsAt(i int) uint64 {
	if d.bs.stems == nil {
		d.bs.takeVoteMemo(len(d.lines))
	}
	m := d.bs.stems[i]
	if m == 0 {
		f := d.folded[i]
		if strings.IndexByte(f, '*') < 0 {
			m = scanStems(f)
		} else {
			m = scanStemsSkip(f, '*') | stemStar
		}
		m |= stemsRead
		d.bs.stems[i] = m
	}
	return m &^ stemsRead
}

// starStemsAt is scanStems of folded line i, "*" and all: stemsAt for a line without a "*".
func (d *doc) starStemsAt(i int) uint64 {
	if m := d.stemsAt(i); m&stemStar == 0 {
		return m
	}
	return scanStems(d.folded[i])
}

// stemsRead marks a line's stems read in bodyState.stems: the last bit, which no stem takes
// (newStems keeps it free).
const stemsRead = 1 << 63

// voteMemo holds the memos by line of a document's vote, stems and clause readers
// (bodyState.trigOf, stems and clauseOf), kept in voteMemoPool between documents: each document needs them over all its lines,
// some 12 bytes a line, and a batch of documents would allocate them again for each.
type voteMemo struct {
	stems    []uint64
	trigOf   []int32
	clauseOf []int32
}

// voteMemoPool keeps the voteMemos of the documents read.
var voteMemoPool = sync.Pool{New: func() any { return new(voteMemo) }}

// voteMemoKeep is the most lines of a voteMemo put back into voteMemoPool: a rare huge document
// does not keep its memos alive for the next ones.
const voteMemoKeep = 1 << 15

// takeVoteMemo sets trigOf, stems and clauseOf to n zeros, from the pool: the three are set
// and released together, a memo whose slice is nil is taken again whole (its readers then read
// their lines again).
func (b *bodyState) takeVoteMemo(n int) {
	m := voteMemoPool.Get().(*voteMemo)
	m.stems = zeros(m.stems, n)
	m.trigOf = zeros(m.trigOf, n)
	m.clauseOf = zeros(m.clauseOf, n)
	b.memo, b.stems, b.trigOf, b.clauseOf = m, m.stems, m.trigOf, m.clauseOf
}

// zeros is s cut or grown to n zeros.
func zeros[T uint64 | int32](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// releaseVoteMemo puts trigOf, stems and clauseOf back into the pool once the body is read: no
// reader asks them after (one that did would read its lines again, into a memo of its own).
func (b *bodyState) releaseVoteMemo() {
	m := b.memo
	b.memo, b.stems, b.trigOf, b.clauseOf = nil, nil, nil, nil
	if m == nil || cap(m.stems) > voteMemoKeep {
		return
	}
	voteMemoPool.Put(m)
}
