package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"minutes/extract"
)

// decisionsRef is decisions before it passed the lines ahead of a section's first draft that
// neither trigger nor open a clause: it cleans every line and counts the tables between them.
// decisions must give the same decisions on every section.
func (d *doc) decisionsRef(prose []para) []Decision {
	n := 0
	for _, p := range prose {
		n += len(p.lines)
	}
	sc := &d.lm.fill
	lines := slices.Grow(sc.lines[:0], n)
	for _, p := range prose {
		lines = append(lines, p.lines...)
	}
	sc.lines = lines[:0]
	// Decision sentences no line states alone, by their first line (the last such sentence
	// stands for a line); inClause marks the other lines they cover, by offset from lo. Most
	// sections hold none: nothing is allocated for them.
	var cls []clause
	for _, p := range prose {
		cls = append(cls, d.clauses(p)...)
	}
	// A few clauses are looked through; many (a register of deliberations in one section)
	// are indexed, lest every line scan them all.
	var clauseIdx map[int]int
	if len(cls) > 8 {
		clauseIdx = make(map[int]int, len(cls))
		for k, c := range cls {
			clauseIdx[c.lines[0]] = k
		}
	}
	clauseAt := func(i int) (clause, bool) {
		if clauseIdx != nil {
			k, ok := clauseIdx[i]
			if !ok {
				return clause{}, false
			}
			return cls[k], true
		}
		for k := len(cls) - 1; k >= 0; k-- {
			if cls[k].lines[0] == i {
				return cls[k], true
			}
		}
		return clause{}, false
	}
	var inClause []bool
	lo := 0
	if len(cls) > 0 {
		// The span covers the clauses' lines too: a memoized clause comes from the paragraph
		// that first started at its line.
		hi := slices.Max(lines)
		lo = slices.Min(lines)
		for _, c := range cls {
			lo, hi = min(lo, slices.Min(c.lines)), max(hi, slices.Max(c.lines))
		}
		inClause = make([]bool, hi-lo+1)
		for _, c := range cls {
			for _, i := range c.lines[1:] {
				inClause[i-lo] = true
			}
		}
	}
	var drafts []*draft
	// Drafts are taken from the document's chunks, in order: no draft outlives the call.
	chunk, used := 0, 0
	var cur *draft
	gap := 0 // prose lines since the current draft's last line
	inList := false
	for k, i := range lines {
		if inClause != nil && inClause[i-lo] {
			continue
		}
		prev := i
		if k > 0 {
			prev = lines[k-1]
		}
		// A table between two lines of prose parts them as much as prose would.
		for j := prev + 1; j < i; j++ {
			if d.isTableLine(j) {
				gap++
			}
		}
		// The cleaned line (cleanLine of the line, which the section reader remembers) is read
		// beside a draft, and to skip page numbers and lone marks.
		t := d.cleanAt(i)
		if mayPageNumber(t) && isPageNumber(t) || t == "-" || t == "•" {
			continue
		}
		// Whether the line is a list item matters only beside a draft.
		bullet := cur != nil && reBullet.MatchString(t)
		tr := d.trigAt(i)
		// Most sections hold no clause: the look-up is not called for them.
		var c clause
		isClause := false
		if len(cls) > 0 {
			c, isClause = clauseAt(i)
		}
		if isClause {
			tr = c.t
		}
		if cur != nil && cur.colon && (bullet || (inList && !(tr.trigger && startsUpper(t)) && !endsSentence(d.lines[prev].Text))) && gap <= 1 {
			// The list a decision introduces: its content, not new triggers.
			if bullet {
				cur.content = append(cur.content, strings.TrimSpace(reBullet.ReplaceAllString(t, "")))
			} else if len(cur.content) > 0 {
				cur.content[len(cur.content)-1] += " " + t
			}
			inList = true
			gap = 0
			continue
		}
		inList = false
		if tr.trigger && !isClause {
			tr.rewrap(d, i)
		}
		if !tr.trigger {
			if bullet && cur != nil && gap == 0 {
				continue // a list under a vote line: still close to it
			}
			gap++
			continue
		}
		// A draft whose last line ended its sentence, or that prose followed, is closed to a
		// second written outcome.
		closed := cur != nil && (gap > 0 || endsSentence(d.lines[cur.last].Text))
		if cur != nil && gap <= 5 && compatible(cur, tr, closed) {
			cur.merge(tr, i)
			cur.clause = cur.clause && isClause
			if isClause {
				cur.lines = append(cur.lines, c.lines[1:]...)
				cur.last = c.lines[len(c.lines)-1]
			}
			gap = 0
			continue
		}
		// Drafts are taken from chunks: one allocation for several, and their first line
		// held in place (a slice of capacity one, as []int{i} was).
		if chunk < len(sc.drafts) && used == len(sc.drafts[chunk]) {
			chunk, used = chunk+1, 0
		}
		if chunk == len(sc.drafts) {
			size := 2
			if chunk > 0 {
				size = min(2*len(sc.drafts[chunk-1])+2, 16)
			}
			sc.drafts = append(sc.drafts, make([]draft, size))
		}
		cur = &sc.drafts[chunk][used]
		used++
		*cur = draft{trig: tr, first: i, last: i, clause: isClause}
		cur.one[0] = i
		cur.lines = cur.one[:1:1]
		if isClause {
			cur.lines = c.lines
			cur.last = c.lines[len(c.lines)-1]
		}
		drafts = append(drafts, cur)
		gap = 0
	}
	// A decision sentence with no vote of its own ("Article 1 : Le conseil municipal décide …")
	// restates the decision a vote line of the section carries: it is no second decision. Of
	// several such sentences and no vote, the first stands for the section.
	strong, weakKept := false, false
	for _, dr := range drafts {
		strong = strong || (!dr.weak() && dr.outcome != Rejected && dr.outcome != Deferred && dr.outcome != Noted)
	}
	var out []Decision
	if len(drafts) > 0 {
		// Each draft kept gives a decision at least, and one draft at least is kept.
		out = make([]Decision, 0, len(drafts))
	}
	for _, dr := range drafts {
		if dr.weak() {
			if strong || weakKept {
				continue
			}
			weakKept = true
		}
		out = d.finishDraft(out, dr)
	}
	return out
}

// decisionWindows runs decisionsRef on ref and decisions on d, two readings of the same text,
// on every run of one to three neighbouring prose paragraphs (a section's prose is one
// paragraph or several), in the same order, and reports the first run on which they differ.
// The two documents are kept in step, each with its own paragraphs: a reading leaves marks
// on its document that the next one reads (a draft grown from a decision sentence appends to
// the sentence's lines, a slice of its paragraph's).
func decisionWindows(t *testing.T, name string, ref *doc, refProse []para, d *doc, prose []para) {
	t.Helper()
	for k := range prose {
		for n := 1; n <= 3 && k+n <= len(prose); n++ {
			ps := prose[k : k+n]
			// Each reading starts from empty memos, so that every line is read by the reading
			// under test; written out at once, as a reading may point into memos reused later.
			ref.resetDecisionMemo()
			want := decisionsJSON(t, ref.decisionsRef(refProse[k:k+n]))
			d.resetDecisionMemo()
			got := decisionsJSON(t, d.decisions(ps))
			if got != want {
				t.Fatalf("%s: paragraphs %d..%d (line %d): decisions =\n%s\nwant\n%s", name, k, k+n-1, ps[0].lines[0], got, want)
			}
		}
	}
}

// decisionsJSON is the JSON of ds, compared as text.
func decisionsJSON(t *testing.T, ds []Decision) string {
	b, err := json.Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// decisionDoc is a document read from data up to its body, and its prose paragraphs: the
// input of the decision reader (decisionFixture and FuzzDecisionsRef read theirs so).
func decisionDoc(name string, data []byte) (*doc, []para, error) {
	src, err := extract.Bytes(name, data)
	if err != nil {
		return nil, nil, err
	}
	d := newDoc(src)
	d.header()
	d.attendance()
	d.body()
	var prose []para
	for _, p := range d.paragraphs(0, len(d.lines)) {
		if !p.table {
			prose = append(prose, p)
		}
	}
	return d, prose, nil
}

// TestDecisionsAgreesWithRef checks decisions against decisionsRef on the sample and on every
// text file of the development corpus.
func TestDecisionsAgreesWithRef(t *testing.T) {
	files := []string{"../testdata/sample/numerian-2023-12-15.txt"}
	if _, err := os.Stat("../../shared"); err == nil {
		files = append(files, corpusTexts(t)...)
	}
	for _, f := range files {
		ref, refProse := decisionFixture(t, f)
		d, prose := decisionFixture(t, f)
		decisionWindows(t, filepath.Base(f), ref, refProse, d, prose)
	}
}

// FuzzDecisionsRef checks decisions against decisionsRef on the prose of any text.
func FuzzDecisionsRef(f *testing.F) {
	f.Add("Le conseil municipal, après en avoir délibéré, DECIDE à l'unanimité :\n- d'approuver le budget ;\n- 3 -\nPour : 9\nContre : 0\n")
	f.Add("Rapport\n\n- 2 -\nAdopté à l'unanimité.\n\nArticle 1 : Le conseil municipal décide d'adopter\nle règlement.\nVOTE : Pour 12, Contre 1, Abstention 2\n")
	f.Add("Question diverse\n•\nPage 3\nLe conseil « PREND ACTE » de la communication.\n\tA\tB\n1\t2\nDÉCIDE : approuvé\n")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 || !strings.Contains(text, "\n") {
			return
		}
		ref, refProse, err := decisionDoc("fuzz.txt", []byte(text))
		if err != nil {
			return
		}
		d, prose, _ := decisionDoc("fuzz.txt", []byte(text))
		decisionWindows(t, "fuzz", ref, refProse, d, prose)
	})
}

// TestDecisionsKeepParagraphs checks that reading decisions leaves the paragraphs' line lists
// as they were: a draft grown from a clause once appended over the paragraph's next line
// number (the clause's lines were a slice of the paragraph's), so that a second reading of the
// same paragraphs found other decisions.
func TestDecisionsKeepParagraphs(t *testing.T) {
	files := []string{"../testdata/sample/numerian-2023-12-15.txt"}
	if _, err := os.Stat("../../shared"); err == nil {
		files = append(files, corpusTexts(t)...)
	}
	for _, f := range files {
		d, prose := decisionFixture(t, f)
		before := make([][]int, len(prose))
		for k, p := range prose {
			before[k] = slices.Clone(p.lines)
		}
		first := d.decisions(prose)
		for k, p := range prose {
			if !slices.Equal(p.lines, before[k]) {
				t.Fatalf("%s: paragraph %d lines %v after decisions, were %v", filepath.Base(f), k, p.lines, before[k])
			}
		}
		if again := d.decisions(prose); !reflect.DeepEqual(again, first) {
			t.Errorf("%s: a second reading found %d decisions, the first %d", filepath.Base(f), len(again), len(first))
		}
	}
}
