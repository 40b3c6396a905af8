package parse

import "strings"

// bodyState memoizes, for one document, what the body reader computes more than once: the vote
// reading of a line (asked when splitting paragraphs and when reading decisions) and the person
// a speaker's mention links to.
type bodyState struct {
	// trigOf memoizes the vote reading of each line: 0 when not read yet, 1 when the line
	// states nothing, else 2 + its index in trigs. Few lines state a vote: a slice of small
	// integers by line costs less than a reading by line, and the collector skips it.
	trigOf []int32
	trigs  []trig
	// stems memoizes scanStems of each folded line, with stemsRead set once it is read: the
	// clause reader and the vote reader both look for stems in the same lines.
	stems    []uint64
	speakers map[string]*string
	// speakerTexts holds the record's one pointer to each speaker's mention (see speakerText).
	speakerTexts map[string]*string
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
	// clauseRaw is readClauses' scratch buffer for a sentence's raw lines.
	clauseRaw []byte
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
	if len(d.bs.trigOf) == 0 {
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
	if len(d.bs.trigOf) != 0 {
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
	if len(d.bs.stems) == 0 {
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

// takeVoteMemo sets trigOf, stems and clauseOf, given at length zero by the scratch (see
// bodyScratch), to n zeros: the three are made together, on the first line read, so that a
// document whose body holds no line does not clear them.
func (b *bodyState) takeVoteMemo(n int) {
	b.stems, b.trigOf, b.clauseOf = cleared(b.stems, n), cleared(b.trigOf, n), cleared(b.clauseOf, n)
}
