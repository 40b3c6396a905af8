package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"minutes/extract"
)

// Reference forms of the functions round 11 replaced, as they were: the equivalence tests and
// fuzz targets check each replacement against its reference.

// cellSuffixRef is cellSuffix as it was: the byte test on the last byte, then the pattern.
func cellSuffixRef(s string) []int {
	if s == "" {
		return nil
	}
	if c := s[len(s)-1]; c < 0x80 && !isGapSpace(c) && c != '%' && c != '.' && strings.IndexByte(cellUnitLetters, c|0x20) < 0 {
		return nil
	}
	return reCellSuffix.FindStringSubmatchIndex(s)
}

// TestCellSuffixAll checks cellSuffix against reCellSuffix on every string of up to four
// pieces of the units' alphabet (the letters in both cases, "ſ", "€", dots, white space, a
// digit and stray bytes of multi-byte runes).
func TestCellSuffixAll(t *testing.T) {
	pieces := []string{" ", "\t", "e", "u", "R", "o", "s", "S", "ſ", "p", "t", "T", "h", "c", ".", "%", "€", "1", "\xe2", "\xbf", "\xc5"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		checkCellSuffix(t, s)
		if n == 0 || t.Failed() {
			return
		}
		for _, p := range pieces {
			walk(s+p, n-1)
		}
	}
	walk("", 4)
	// The longer forms ("euros", "t.t.c.") from a smaller alphabet.
	pieces = []string{"e", "u", "r", "o", "s", "t", ".", "c"}
	walk("", 5)
}

// scanLinePerf10 is scanLine as round 10 left it, eight bytes a step.
func scanLinePerf10(s string) (tab, pipe, lead, pair bool) {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	if len(s) < 8 {
		low := false // the byte before was below '!'
		for i := 0; i < len(s); i++ {
			c := s[i]
			tab = tab || c == '\t'
			pipe = pipe || c == '|'
			lead = lead || c|0x20 == 0xe2
			pair = pair || low && c < '!'
			low = c < '!'
		}
		return tab, pipe, lead, pair
	}
	// The accumulators: for tp and l, a byte of (v-ones)&^v has its high bit set where v has a
	// zero byte, or above one (a borrow), so that the high bits say whether any byte of the
	// line was a tab or a pipe (few lines: which one is asked then), or 0xc2 or 0xe2 (which
	// differ by bit 5 alone). The high bit of a byte of n is clear where the byte is below
	// '!' (see hasGap); g keeps, ANDed, those of n|n<<8: a clear one marks a byte below '!'
	// after another (carry stands for the byte before the word, none before the first).
	var tp, l uint64
	g, carry := uint64(highs), uint64(0x80)
	t := s
	for len(t) >= 8 {
		x := leWord(t)
		n := (x&low7 + 0x5f*ones) | x
		g &= n | n<<8 | carry
		carry = n >> 56
		vt, vp, vl := x^(ones*'\t'), x^(ones*'|'), (x|ones*0x20)^(ones*0xe2)
		tp |= (vt-ones)&^vt | (vp-ones)&^vp
		l |= (vl - ones) &^ vl
		t = t[8:]
	}
	if len(t) > 0 {
		// The last eight bytes, over some read already: every neighbouring pair of them is
		// one of the line's, and the pair across the last word read is among them.
		x := leWord(s[len(s)-8:])
		n := (x&low7 + 0x5f*ones) | x
		g &= n | n<<8 | 0x80
		vt, vp, vl := x^(ones*'\t'), x^(ones*'|'), (x|ones*0x20)^(ones*0xe2)
		tp |= (vt-ones)&^vt | (vp-ones)&^vp
		l |= (vl - ones) &^ vl
	}
	if tp&highs != 0 {
		tab, pipe = strings.IndexByte(s, '\t') >= 0, strings.IndexByte(s, '|') >= 0
	}
	return tab, pipe, l&highs != 0, g&highs != highs
}

// TestScanLineLong checks scanLine against scanLineRef and scanLinePerf10 on lines long enough
// for its sixteen-byte steps, the word after them and the last overlapping word: every byte
// of interest, alone or doubled, at every place of lines of 25 to 48 bytes.
func TestScanLineLong(t *testing.T) {
	for n := 25; n <= 48; n++ {
		for k := 0; k < n; k++ {
			for _, c := range []byte{'\t', '|', 0xc2, 0xe2, ' ', 0x00, 0x21, 0x80, 0xff} {
				b := []byte(strings.Repeat("x", n))
				b[k] = c
				checkScanLine(t, string(b))
				a, p, l, g := scanLinePerf10(string(b))
				if wa, wp, wl, wg := scanLine(string(b)); a != wa || p != wp || l != wl || g != wg {
					t.Errorf("scanLine(%q) differs from scanLinePerf10", b)
				}
				if k+1 < n {
					b[k+1] = c
					checkScanLine(t, string(b))
				}
			}
		}
	}
}

// readTablessRef is readTabless as findFlatRows wrote it, byte by byte.
func readTablessRef(rows []uint8) {
	for i, st := range rows {
		if st&lineTab == 0 {
			st |= lineRead
			if st&lineRow != 0 {
				st |= lineTable
			}
			rows[i] = st
		}
	}
}

func checkReadTabless(t *testing.T, b []byte) {
	got, want := slices.Clone(b), slices.Clone(b)
	readTabless(got)
	readTablessRef(want)
	if !slices.Equal(got, want) {
		t.Errorf("readTabless(%x) = %x, want %x", b, got, want)
	}
}

func TestReadTabless(t *testing.T) {
	// Every byte value at every place of rows of 1 to 20 lines, the others 0 or 0xff.
	for n := 1; n <= 20; n++ {
		for k := 0; k < n; k++ {
			for c := 0; c < 256; c++ {
				for _, fill := range []byte{0, 0xff, lineRow, lineTab} {
					b := bytes.Repeat([]byte{fill}, n)
					b[k] = byte(c)
					checkReadTabless(t, b)
				}
			}
		}
	}
}

func FuzzReadTabless(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte{0xff, 0xfd, 0xfe, 0xfc})
	f.Fuzz(checkReadTabless)
}

func checkTrimSpace(t *testing.T, s string) {
	if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
		t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
	}
}

// TestTrimSpace checks trimSpace against strings.TrimSpace with every white space rune, and
// runes that share bytes with them, at either end of words of every kind.
func TestTrimSpace(t *testing.T) {
	var runes []string
	for r := rune(0); r < 0x3100; r++ {
		if unicode.IsSpace(r) || r < 0x100 || r&0xff00 == 0x2000 || r&0xff00 == 0x1600 || r&0xff00 == 0x3000 {
			runes = append(runes, string(r))
		}
	}
	runes = append(runes, "\xc2", "\xe2\x80", "\x80", "\xa0", "\xa9", "\xe2", "\xe3\x80", "")
	for _, r := range runes {
		for _, w := range []string{"", "a", "é", "\xa0", "\xc2", "x\u00a0", "€"} {
			for _, s := range []string{r + w, w + r, r + w + r, r + r + w + " " + r} {
				checkTrimSpace(t, s)
			}
		}
	}
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"", " a ", "\u00a0é\u2029", "\xe2\x80\xa9", "é", "\u3000x\u0085", "\xc2\xa0\xa0"} {
		f.Add(s)
	}
	f.Fuzz(checkTrimSpace)
}

// splitGapsRef is splitGapsInto as it was, byte by byte.
func splitGapsRef(buf []string, s string) []string {
	cells := buf
	beg := 0
	for i := 0; i+1 < len(s); i++ {
		if !isGapSpace(s[i]) || !isGapSpace(s[i+1]) {
			continue
		}
		j := i + 2
		for j < len(s) && isGapSpace(s[j]) {
			j++
		}
		cells = append(cells, s[beg:i])
		beg = j
		i = j - 1
	}
	return append(cells, s[beg:])
}

func checkSplitGaps(t *testing.T, s string) {
	if got, want := splitGapsInto(nil, s), splitGapsRef(nil, s); !slices.Equal(got, want) {
		t.Errorf("splitGapsInto(%q) = %q, want %q", s, got, want)
	}
}

// TestSplitGapsWords checks splitGapsInto against splitGapsRef with gaps of every width, of every
// gap space and of other low bytes, at every place of lines up to 30 bytes.
func TestSplitGapsWords(t *testing.T) {
	for n := 0; n <= 30; n++ {
		for k := 0; k < n; k++ {
			for _, g := range []string{" ", "  ", "   ", "\t ", " \n", "\r\r", "\x00 ", " \x01", "\v ", "\x7f\x7f", "\xa0 "} {
				b := []byte(strings.Repeat("ab", n)[:n])
				copy(b[k:], g)
				checkSplitGaps(t, string(b))
				copy(b[(k*7)%n:], g)
				checkSplitGaps(t, string(b))
			}
		}
	}
}

func FuzzSplitGapsWords(f *testing.F) {
	for _, s := range []string{"", "a  b", "Total général   1 200,00   3 400,00", "  x  ", "abcdefgh  ijklmnop  q", "a \x00b"} {
		f.Add(s)
	}
	f.Fuzz(checkSplitGaps)
}

// readGroupPerf10 is readGroup as it was, its sign looked for in a list.
func readGroupPerf10(p string) (amountGroup, bool) {
	var g amountGroup
	i := 0
	for _, sign := range []string{"-", "–", "−", "+", "("} {
		if strings.HasPrefix(p, sign) {
			g.sign, i = sign, len(sign)
			break
		}
	}
	if i < len(p) && p[i] == ' ' {
		i++
	}
	j := i
	for j < len(p) && '0' <= p[j] && p[j] <= '9' {
		j++
	}
	if j == i {
		return g, false
	}
	g.digits = p[i:j]
	if j+1 < len(p) && (p[j] == '.' || p[j] == ',') && '0' <= p[j+1] && p[j+1] <= '9' {
		k := j + 1
		for k < len(p) && '0' <= p[k] && p[k] <= '9' {
			k++
		}
		g.frac, j = p[j+1:k], k
	}
	// The unit: ` ?\)?[€%]?\)?` up to the end.
	k := j
	if k < len(p) && p[k] == ' ' {
		k++
	}
	if k < len(p) && p[k] == ')' {
		k++
	}
	if strings.HasPrefix(p[k:], "€") {
		k += len("€")
	} else if k < len(p) && p[k] == '%' {
		k++
	}
	if k < len(p) && p[k] == ')' {
		k++
	}
	if k != len(p) {
		return amountGroup{}, false
	}
	g.unit = p[j:]
	return g, true
}

// FuzzReadGroupSign checks readGroup against readGroupPerf10.
func FuzzReadGroupSign(f *testing.F) {
	for _, s := range []string{"12", "- 565.00", "(1 200)", "–3", "−4,5)", "+ 7 €)", "", "\xe2", "\xe2\x80\x93", "\xe2\x88"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, ok := readGroup(s)
		wg, wok := readGroupPerf10(s)
		if ok != wok || g != wg {
			t.Errorf("readGroup(%q) = %+v, %v; want %+v, %v", s, g, ok, wg, wok)
		}
	})
}

// TestFlatScratchDirty checks that flatBlocks and stackBlocks read every document of the
// development corpus the same with fresh buffers and with buffers left dirty by a larger
// document (flatScratchPool), so that nothing of a document leaks into the next one.
func TestFlatScratchDirty(t *testing.T) {
	var docs []*doc
	for _, f := range corpusTexts(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := extract.Bytes(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, newDoc(src))
	}
	dirty := func() *flatScratch {
		sc := &flatScratch{kinds: make([]flatKind, 1<<16), nb: make([]int32, 1<<16), vals: make([]uint8, 1<<16)}
		for i := range sc.kinds {
			sc.kinds[i], sc.nb[i], sc.vals[i] = flatKind(i%7), int32(i*3), valYes
		}
		return sc
	}
	for _, d := range docs {
		d.lineBits()
		flatScratchPool.Put(new(flatScratch))
		fb, sb := d.flatBlocks(), d.stackBlocks()
		for range 2 {
			flatScratchPool.Put(dirty())
			if got := d.flatBlocks(); !reflect.DeepEqual(got, fb) {
				t.Errorf("%s: flatBlocks with dirty buffers differs", d.src.Name)
			}
			flatScratchPool.Put(dirty())
			if got := d.stackBlocks(); !reflect.DeepEqual(got, sb) {
				t.Errorf("%s: stackBlocks with dirty buffers differs", d.src.Name)
			}
		}
	}
}

func checkMoneyMay(t *testing.T, s string) {
	digits, mark := moneyDigits(s)
	if got, want := moneyMay(s), !(digits == 0 || !mark && digits < 4); got != want {
		t.Errorf("moneyMay(%q) = %v, want %v", s, got, want)
	}
}

// TestMoneyMay checks moneyMay against moneyDigits on every string of up to five pieces of
// digits, marks, "€" and its stray bytes, and other bytes.
func TestMoneyMay(t *testing.T) {
	pieces := []string{"1", "0", ",", ".", "%", "€", "\xe2", "\xe2\x82", "\x82\xac", "a", " "}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		checkMoneyMay(t, s)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			walk(s+p, n-1)
		}
	}
	walk("", 5)
}

func FuzzMoneyMay(f *testing.F) {
	for _, s := range []string{"", "1 234,56 €", "2016", "12 €", "1.", "€1", "123", "x\xe2\x82\xac9"} {
		f.Add(s)
	}
	f.Fuzz(checkMoneyMay)
}

// TestByteFactsBlankLeads checks byteFacts against byteFactsRef on lines made of every white
// space rune, alone or before a word, and on lines opening with runes beyond ASCII.
func TestByteFactsBlankLeads(t *testing.T) {
	var lines []string
	for r := rune(0x80); r < 0x3100; r++ {
		if unicode.IsSpace(r) || r < 0x100 || r&0xff00 == 0x2000 {
			lines = append(lines, string(r), string(r)+" ", string(r)+"x", " "+string(r), string(r)+string(r))
		}
	}
	lines = append(lines, "\xc2", "\xe2\x80", "\xe3\x80\x80\xe3", "\xe1\x9a\x80 ")
	for _, s := range lines {
		if got, want := byteFacts(s), byteFactsRef(s); got != want {
			t.Errorf("byteFacts(%q) = %08b, want %08b", s, got, want)
		}
	}
}
