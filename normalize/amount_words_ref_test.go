package normalize

import (
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordAmountBeforeRef is wordAmountBefore as it was before lastWordMay: the reference that the
// prefilter must agree with.
func wordAmountBeforeRef(text string, cur, floor int) (start int, v int64, mult int32, ok bool) {
	// Cheap test first: a word (or the apostrophe of d'euros) must end before the currency.
	j := cur
	for j > floor {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsSpace(r) {
			if !unicode.IsLetter(r) && r != '\'' && r != '’' {
				return 0, 0, 0, false
			}
			break
		}
		j -= n
	}
	from := max(floor, cur-wordAmountWindow)
	// Start the window at a word boundary so that no token is cut.
	for from > 0 && from < cur && alnumBefore(text, from) {
		from++
	}
	w := newVWords(text[from:cur])
	k := len(w.toks) - 1
	linked := false // "d'euros", "de €": only after millions
	if w.isPunct(k, "'") && w.is(k-1, "d") {
		k, linked = k-2, true
	} else if w.is(k, "de") {
		k, linked = k-1, true
	}
	if k >= 0 && w.toks[k].kind == vtWord {
		if m, isMult := wordMultipliers[string(w.fold(k))]; isMult {
			mult = m
			k--
		}
	}
	if linked && mult == 0 {
		return 0, 0, 0, false
	}
	val, first, ok := w.numberWordsEndingAt(k, 0, 999999999)
	if !ok {
		return 0, 0, 0, false
	}
	return from + int(w.toks[first].start), int64(val), mult, true
}

// checkWordAmountBefore compares wordAmountBefore with its reference at every currency mark of
// text, with the floor at the start and, when every is set, at every byte before the mark.
func checkWordAmountBefore(t *testing.T, text string, every bool) {
	t.Helper()
	starts, _ := currencyMarks(text)
	for _, cur := range starts {
		for floor := 0; floor <= cur; floor++ {
			if floor > 0 && !every {
				break
			}
			s1, v1, m1, ok1 := wordAmountBefore(text, cur, floor)
			s2, v2, m2, ok2 := wordAmountBeforeRef(text, cur, floor)
			if s1 != s2 || v1 != v2 || m1 != m2 || ok1 != ok2 {
				t.Fatalf("wordAmountBefore(%q, %d, %d) = %d %d %d %v, want %d %d %d %v", text, cur, floor, s1, v1, m1, ok1, s2, v2, m2, ok2)
			}
		}
	}
}

func TestWordAmountBeforeAgreesWithRef(t *testing.T) {
	tests := []string{
		"un euro symbolique",
		"pour la somme de cinq cents euros",
		"deux millions d'euros et trois milliards d’€",
		"le montant en euros, soit en € courants",
		"vingt-deux\feuros et six\u00a0€ puis huit\v€",
		"quatre-vingt-dix-neuf EUROS, DEUX MILLIONS DE €",
		strings.Repeat("x", 130) + "un euro",
		strings.Repeat("é", 70) + "un €",
		"12deux euros, cent€ trois-cents €uros",
		"",
	}
	for _, text := range tests {
		checkWordAmountBefore(t, text, true)
	}
	// The corpus, where the marks without a digit amount are the real ones.
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkWordAmountBefore(t, string(data), false)
	}
}

func FuzzWordAmountBefore(f *testing.F) {
	for _, s := range []string{"un euro", "deux millions d'euros", "en €", "cinq\f€", "vingt et un EUROS", "mille de €"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 400 {
			return
		}
		checkWordAmountBefore(t, text, true)
	})
}

// currencyMarks collects the marks of text.
func currencyMarks(text string) (starts, ends []int) {
	var m marks
	m.init(text)
	for {
		s, e, ok := m.next()
		if !ok {
			return starts, ends
		}
		starts, ends = append(starts, s), append(ends, e)
	}
}

// currencyMarksRef is currencyMarks as it was, sorting slices: it returns the starts and ends of the currency words in text that no digit amount
// has used: "€", "euro", "euros" (any case).
func currencyMarksRef(text string) (starts, ends []int) {
	// Substring search is much faster than a byte loop here: look for "€", then "uro"/"URO".
	for i := 0; ; {
		j := strings.Index(text[i:], "€")
		if j < 0 {
			break
		}
		i += j
		starts, ends = append(starts, i), append(ends, i+len("€"))
		i += len("€")
	}
	n := len(starts)
	for _, stem := range [...]string{"uro", "URO"} {
		for i := 1; i < len(text); {
			j := strings.Index(text[i:], stem)
			if j < 0 {
				break
			}
			i += j
			e := i + 3
			if text[i-1]|0x20 == 'e' && !alnumBefore(text, i-1) {
				if e < len(text) && text[e]|0x20 == 's' {
					e++
				}
				if wordEndsAt(text, e) {
					starts, ends = append(starts, i-1), append(ends, e)
				}
			}
			i = e
		}
	}
	if len(starts) > n {
		idx := make([]int, len(starts))
		for k := range idx {
			idx[k] = k
		}
		sort.Slice(idx, func(a, b int) bool { return starts[idx[a]] < starts[idx[b]] })
		s2, e2 := make([]int, len(idx)), make([]int, len(idx))
		for k, x := range idx {
			s2[k], e2[k] = starts[x], ends[x]
		}
		starts, ends = s2, e2
	}
	return starts, ends
}

// TestMarksAgreeWithRef checks the walk of the currency marks against the sorted slices.
func TestMarksAgreeWithRef(t *testing.T) {
	texts := []string{"", "€", "euro", "1 200 € et 3 EUROS, deux euros€uros", "Euro Europe neuro EUROs €€ euros", "xeuros 5euro (euro)"}
	for _, f := range textFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, text := range texts {
		checkMarks(t, text)
	}
}

func checkMarks(t *testing.T, text string) {
	t.Helper()
	s1, e1 := currencyMarks(text)
	s2, e2 := currencyMarksRef(text)
	if !slices.Equal(s1, s2) || !slices.Equal(e1, e2) {
		t.Fatalf("currencyMarks(%.80q) = %v %v, want %v %v", text, s1, e1, s2, e2)
	}
}

func FuzzMarks(f *testing.F) {
	for _, s := range []string{"1 200 € et 3 EUROS", "deux euros€uros", "Euro Europe neuro EUROs €€"} {
		f.Add(s)
	}
	f.Fuzz(checkMarks)
}
