package parse

import (
	"math/bits"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"minutes/extract"
	"minutes/normalize"
)

// endTable is endIndex's automaton laid out as stemTable (see there): a move read at a flagged
// state finds the same next state as at the state itself, and a 16-bit index needs no bounds
// check. Filled by init.
var endTable [1 << 16]uint16

// buildEndTable fills endTable from endIndex's automaton.
func buildEndTable() {
	for x, v := range endIndex.dfa.next {
		endTable[x], endTable[x|litEnds] = v, v
	}
}

// endBlock is the most bytes of lines read in one pass: the search from the last line up
// often stops after a few lines, which must not cost a read of many more.
const endBlock = 256

// endScan appends to hits the places of f where words of endIndex end, in order. As stemRun,
// it takes four steps before it tests their flags at once: a step is then two loads and an
// addition.
func endScan(f string, hits []endHit) []endHit {
	t, class := &endTable, &endIndex.dfa.class
	var s uint16
	i := 0
	for ; i+3 < len(f); i += 4 {
		w := f[i : i+4]
		s1 := t[s+uint16(class[w[0]])]
		s2 := t[s1+uint16(class[w[1]])]
		s3 := t[s2+uint16(class[w[2]])]
		s = t[s3+uint16(class[w[3]])]
		if (s1|s2|s3|s)&litEnds != 0 {
			for k, x := range [4]uint16{s1, s2, s3, s} {
				if x&litEnds != 0 {
					hits = append(hits, endHit{i + k, x})
				}
			}
		}
	}
	for ; i < len(f); i++ {
		s = t[s+uint16(class[f[i]])]
		if s&litEnds != 0 {
			hits = append(hits, endHit{i, s})
		}
	}
	return hits
}

func init() { buildEndTable() }

// endWordsDownRef is endWordsDown before tailWords, kept as a reference: it read the lines past
// the remembered ones in blocks from the last line up, with endIndex's automaton alone.
func (d *doc) endWordsDownRef(visit func(i int, w uint64) bool) {
	a := endIndex.dfa
	var buf [32]endHit
	hits := buf[:0]
	// The first lines, whose header words are mostly known already, are read one by one.
	nh := min(len(d.hdr.words), len(d.lines))
	hi := len(d.lines)
	for hi > nh {
		k := hi - 1
		for k >= nh && d.folded[k] == "" {
			k--
		}
		if k < nh {
			break
		}
		// The block: line k and the lines before it that end where it starts.
		first := unsafe.StringData(d.folded[k])
		start := uintptr(unsafe.Pointer(first))
		end := start + uintptr(len(d.folded[k]))
		lo := k
		// Within the folded lines' buffer only: strings that meet in memory may be two
		// allocations (see blockWords).
		for j := k - 1; d.foldLo <= start && end <= d.foldHi && j >= nh && end-start < endBlock; j-- {
			f := d.folded[j]
			if f == "" {
				continue
			}
			p := unsafe.StringData(f)
			if uintptr(unsafe.Pointer(p))+uintptr(len(f)) != start || uintptr(unsafe.Pointer(p)) < d.foldLo {
				break
			}
			first, start, lo = p, uintptr(unsafe.Pointer(p)), j
		}
		hi = lo
		hits = endScan(unsafe.String(first, int(end-start)), hits[:0])
		if len(hits) == 0 {
			continue
		}
		h := len(hits) - 1
		for i := k; i >= lo && h >= 0; i-- {
			f := d.folded[i]
			if f == "" {
				continue
			}
			off := int(uintptr(unsafe.Pointer(unsafe.StringData(f))) - start)
			var w uint64
			for ; h >= 0 && hits[h].at >= off; h-- {
				// A word ending on the line may have begun on the line before.
				for m := a.out[int(hits[h].s&^litEnds)/a.width]; m != 0; m &= m - 1 {
					b := bits.TrailingZeros64(m)
					if hits[h].at-len(endIndex.words[b])+1 >= off {
						w |= 1 << b
					}
				}
			}
			if w != 0 && !visit(i, w) {
				return
			}
		}
	}
	for i := min(hi, nh) - 1; i >= 0; i-- {
		if w := d.endWords(i); w != 0 && !visit(i, w) {
			return
		}
	}
}

// tailWordsRef is tailWords found line by line with strings.Contains.
func tailWordsRef(d *doc) []lineWords {
	var out []lineWords
	for i := d.attendanceScanLimit(); i < len(d.lines); i++ {
		var w uint64
		for b, word := range tailIndex.words {
			if strings.Contains(d.folded[i], word) {
				w |= 1 << b
			}
		}
		if w != 0 {
			out = append(out, lineWords{int32(i), w})
		}
	}
	return out
}

// nextWithRef is nextWith as the readers looked for their lines before it.
func (d *doc) nextWithRef(i, lim int, hw uint64, words []string) int {
	for ; i < lim; i++ {
		if d.hdrHas(i, hw, words...) {
			return i
		}
	}
	return lim
}

// meetingPreviousRef is meetingPrevious before nextWith, kept as a reference.
func (d *doc) meetingPreviousRef() {
	lim := len(d.lines) / 2
	if lim < 200 {
		lim = len(d.lines)
	}
	// Every line is tried: the reference does not lean on previousWords, which it checks.
	for i := 0; i < lim; i++ {
		loc := gatePrevMinutes.FindStringIndex(d.folded[i])
		if loc == nil {
			continue
		}
		o, f := d.join(i)
		var iso string
		at := d.origOffset(o, loc[1])
		for _, dm := range normalize.FindDates(o) {
			if dm.End > at {
				iso = dm.ISO
				break
			}
		}
		if iso == "" {
			continue
		}
		ctx := f
		for k, j := 0, i; k < 4; k++ {
			if j = d.nextNonBlank(j+1, 2); j < 0 {
				break
			}
			ctx += " " + d.folded[j]
		}
		if reRejection.MatchString(f) {
			continue
		}
		if !reApproval.MatchString(ctx) {
			continue
		}
		d.rec.Meeting.PreviousMinutesDate = &iso
		d.evidence("previous_minutes_date", d.ev(i))
		return
	}
}

// checkTailWords compares tailWords, nextWith, endWordsDown and meetingPrevious with their
// references on the document of src, its lines folded end to end and apart.
func checkTailWords(t testing.TB, name string, src *extract.Source) {
	t.Helper()
	for _, apart := range []bool{false, true} {
		d := newDoc(src)
		if apart {
			for i, f := range d.folded {
				d.folded[i] = strings.Clone(f)
			}
		}
		if got, want := d.tailWords(), tailWordsRef(d); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("%s (apart %v): tailWords = %v, want %v", name, apart, got, want)
		}
		var got, want []endLine
		d.endWordsDown(func(i int, w uint64) bool { got = append(got, endLine{i, w}); return true })
		d.endWordsDownRef(func(i int, w uint64) bool { want = append(want, endLine{i, w}); return true })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (apart %v): endWordsDown visits %v, want %v", name, apart, got, want)
		}
		n := len(d.lines)
		for _, c := range []struct {
			hw, tw uint64
			words  []string
		}{{hwPrevious, twPrevious, previousWords}, {hwCommune, twCommune, communeWords}} {
			for _, lim := range []int{n, n / 2, d.attendanceScanLimit(), d.attendanceScanLimit() + 1} {
				lim = min(lim, n)
				// From each line the readers start (0, the line after one found) and from a
				// few others.
				for i, step := 0, 0; i <= lim; step++ {
					g, w := d.nextWith(i, lim, c.hw, c.tw, c.words), d.nextWithRef(i, lim, c.hw, c.words)
					if g != w {
						t.Fatalf("%s (apart %v): nextWith(%d, %d, %v) = %d, want %d", name, apart, i, lim, c.words, g, w)
					}
					if step%2 == 0 {
						i = g + 1
					} else {
						i += 1 + step%13
					}
				}
			}
		}
	}
	a, b := newDoc(src), newDoc(src)
	a.meetingPrevious()
	b.meetingPreviousRef()
	if !reflect.DeepEqual(a.rec.Meeting, b.rec.Meeting) {
		t.Errorf("%s: meetingPrevious reads %+v, want %+v", name, a.rec.Meeting, b.rec.Meeting)
	}
}

func TestTailWords(t *testing.T) {
	long := strings.Repeat("Le conseil délibère sur le compte de la commune. ", 120)
	for _, c := range []struct{ name, text string }{
		{"short", "La séance\nest levée\n"},
		{"word across lines", strings.Repeat("x\n", 200) + "le com\npte rendu\ncom\nmune de\nla commune de Lyon\n"},
		{"long line", strings.Repeat("y\n", 160) + long + "\nLe procès-verbal du 3 mars 2024 est approuvé.\n" + long},
		{"many lines", strings.Repeat("Le PV du 4 avril 2023 est adopté.\nVu le code.\nLa séance est levée à 20h15.\n", 500)},
	} {
		src, err := extract.Text([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		checkTailWords(t, c.name, src)
	}
}

func TestTailWordsCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		checkTailWords(t, filepath.Base(f), src)
	}
}

func FuzzTailWords(f *testing.F) {
	f.Add("Le compte rendu du 3 mai 2024 est approuvé.\nla com\nmune de Lyon\nLa séance est levée à 19h30.\n", 60)
	f.Add("pv\nprocès\nfin d\ne séance\n\nterm\nine", 200)
	f.Fuzz(func(t *testing.T, s string, repeat int) {
		// A repeated text makes documents longer than the remembered lines and a block.
		s = strings.Repeat(s, 1+max(0, repeat)%400)
		if len(s) > 1<<20 {
			return
		}
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkTailWords(t, "fuzz", src)
	})
}

// hdrWordsRef is hdrWords before hdrBlock, kept as a reference: each line read apart.
func (d *doc) hdrWordsRef(i int) uint64 {
	if d.hdr.words == nil {
		d.hdr.words = make([]uint64, d.attendanceScanLimit())
	}
	if i >= len(d.hdr.words) {
		return hdrWordsOf(d.folded[i])
	}
	w := d.hdr.words[i]
	if w == 0 {
		w = hdrWordsOf(d.folded[i]) | hdrKnown
		d.hdr.words[i] = w
	}
	return w &^ hdrKnown
}

// checkHdrBlocks compares hdrWords with hdrWordsRef on every line of src's document, asked in
// order, from the last line up, and in a scattered order, its lines end to end and apart.
func checkHdrBlocks(t testing.TB, name string, src *extract.Source) {
	t.Helper()
	n := len(src.Lines)
	orders := map[string]func(k int) int{
		"up":        func(k int) int { return k },
		"down":      func(k int) int { return n - 1 - k },
		"scattered": func(k int) int { return k * 7919 % n },
	}
	for oname, at := range orders {
		for _, apart := range []bool{false, true} {
			d, ref := newDoc(src), newDoc(src)
			if apart {
				for i, f := range d.folded {
					d.folded[i] = strings.Clone(f)
				}
			}
			for k := 0; k < n; k++ {
				i := at(k)
				if got, want := d.hdrWords(i), ref.hdrWordsRef(i); got != want {
					t.Fatalf("%s (%s, apart %v): hdrWords(%d) = %#x, want %#x (%q)", name, oname, apart, i, got, want, d.folded[i])
				}
			}
		}
	}
}

func TestHdrWordsBlocks(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"short", "Le conseil municipal s'est réuni\nà la mairie\n"},
		{"word across lines", "le conseil munic\nipal de\n la commune\nde la\n ville\n"},
		{"many lines", strings.Repeat("Présents : M. A, Mme B\nAbsents excusés : M. C qui a donné pouvoir à M. D\n\nVotants : 12\n", 150)},
		{"long line", strings.Repeat("Le conseil délibère à la majorité des suffrages exprimés. ", 60) + "\nx\n"},
	} {
		src, err := extract.Text([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		checkHdrBlocks(t, c.name, src)
	}
}

func TestHdrWordsBlocksCorpus(t *testing.T) {
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		checkHdrBlocks(t, filepath.Base(f), src)
	}
}

func FuzzHdrWordsBlocks(f *testing.F) {
	f.Add("Le conseil municipal d'Eybens s'est réuni à la mairie\nPrésents : M. A\nvotants 12\n", 3)
	f.Add("compte\n-rendu\nde la\n commune \nse sont\n réunis", 40)
	f.Fuzz(func(t *testing.T, s string, repeat int) {
		s = strings.Repeat(s, 1+max(0, repeat)%200)
		if len(s) > 1<<19 {
			return
		}
		src, err := extract.Text([]byte(s))
		if err != nil {
			return
		}
		checkHdrBlocks(t, "fuzz", src)
	})
}
