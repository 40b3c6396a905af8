package normalize

import "fmt"

// A time of day is an hour (digits or words, 0 to 23) with its mark — "h", "heure(s)" or ":" —
// and optional minutes (digits or words, 0 to 59): "10h00", "12 h 47", "18:30", "20 heures 30",
// "dix-huit heures trente", "vingt heures et zéro minute". Durations look the same ("35 heures
// de travail" is rejected only because 35 is no hour); callers choose by context.

// hourWords are the marks after an hour written in full.
var hourWords = map[string]bool{"heure": true, "heures": true, "hrs": true}

// minuteWords may follow the minutes: "vingt heures et zéro minute", "9 h 30 mn".
var minuteWords = map[string]bool{"minute": true, "minutes": true, "mn": true, "min": true}

// namedHours are the hours that have a name.
var namedHours = map[string]int{"midi": 12, "minuit": 0}

// fractionMinutes are the fractions said after "et": "dix heures et quart", "et demie".
var fractionMinutes = map[string]int{"quart": 15, "demie": 30, "demi": 30}

// timeFillers are the words that may surround a time given to Time.
var timeFillers = map[string]bool{"a": true, "vers": true, "de": true, "des": true, "le": true}

// timeAt is a time found over tokens first..last (inclusive).
type timeAt struct {
	first, last  int
	hour, minute int
}

// hhmm formats a time of day.
func hhmm(h, m int) string {
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}

// hourDigitsOK reports whether the number token k can be an hour: at most two digits, and not the
// end of a decimal or a longer figure ("1,5 h", "A10h").
func (w *vwords) hourDigitsOK(k int) (int, bool) {
	h, ok := w.num(k, 2)
	if !ok || h > 23 {
		return 0, false
	}
	if k > 0 && w.glued(k-1) && (w.toks[k-1].kind == vtWord || w.isPunct(k-1, ",") || w.isPunct(k-1, ".") || w.isPunct(k-1, ":")) {
		return 0, false
	}
	return h, true
}

// minutesAfter reads optional minutes from token k: "30", "trente", "et quart", "et zéro
// minute". It returns the minutes and the last token used (k-1 when there are none).
func (w *vwords) minutesAfter(k int, allowWords bool) (minute, last int) {
	last = k - 1
	if v, ok := w.num(k, 2); ok && v <= 59 {
		minute, last = v, k
	} else if allowWords && w.is(k, "et") {
		if k+1 < len(w.toks) && w.toks[k+1].kind == vtWord {
			if f, ok := fractionMinutes[string(w.fold(k+1))]; ok {
				return f, k + 1
			}
		}
		if v, next, ok := w.readNumberWords(k + 1); ok && v <= 59 {
			minute, last = v, next-1
		}
	} else if allowWords {
		if v, next, ok := w.readNumberWords(k); ok && v <= 59 {
			minute, last = v, next-1
		}
	}
	if last >= k && last+1 < len(w.toks) && w.toks[last+1].kind == vtWord && minuteWords[string(w.fold(last+1))] {
		last++
	}
	return minute, last
}

// timeFrom reads a time whose hour is the number token k.
func (w *vwords) timeFrom(k int) (timeAt, bool) {
	h, ok := w.hourDigitsOK(k)
	if !ok || k+1 >= len(w.toks) {
		return timeAt{}, false
	}
	t := timeAt{first: k, last: k, hour: h}
	switch {
	case w.isPunct(k+1, ":") && w.glued(k) && w.glued(k+1):
		// 18:30, and not 3:2 or a ratio 10:100
		m, ok := w.num(k+2, 2)
		if !ok || m > 59 || w.toks[k+2].end-w.toks[k+2].start != 2 {
			return timeAt{}, false
		}
		t.minute, t.last = m, k+2
		// 10:00:00 keeps its seconds in the span.
		if w.glued(k+2) && w.isPunct(k+3, ":") && w.glued(k+3) {
			if _, ok := w.num(k+4, 2); ok {
				t.last = k + 4
			}
		}
		return t, true
	case w.toks[k+1].kind == vtWord && (w.raw(k+1) == "h" || w.raw(k+1) == "H"):
		// 10h00, 9h, 12 h 47; not "10 h.t." nor "7 ha".
		if w.isPunct(k+2, ".") && w.glued(k+1) && w.glued(k+2) && k+3 < len(w.toks) && w.toks[k+3].kind == vtWord {
			return timeAt{}, false
		}
		t.last = k + 1
		if m, ok := w.num(k+2, 2); ok && w.toks[k+2].end-w.toks[k+2].start == 2 {
			if m > 59 {
				return timeAt{}, false
			}
			t.minute, t.last = m, k+2
			if t.last+1 < len(w.toks) && w.toks[t.last+1].kind == vtWord && minuteWords[string(w.fold(t.last+1))] {
				t.last++
			}
		}
		return t, true
	case w.toks[k+1].kind == vtWord && hourWords[string(w.fold(k+1))]:
		t.minute, t.last = w.minutesAfter(k+2, true)
		if t.last < k+1 {
			t.last = k + 1
		}
		return t, true
	}
	return timeAt{}, false
}

// timeWordsBefore reads a time whose hour is written in words before the hour word at token k:
// "dix-neuf heures", "vingt heures trente".
func (w *vwords) timeWordsBefore(k int) (timeAt, bool) {
	h, first, ok := w.numberWordsEndingAt(k-1, 0, 23)
	if !ok {
		return timeAt{}, false
	}
	t := timeAt{first: first, hour: h}
	t.minute, t.last = w.minutesAfter(k+1, true)
	if t.last < k {
		t.last = k
	}
	return t, true
}

// namedTime reads "midi", "minuit", "midi trente", "midi et demi" at token k.
func (w *vwords) namedTime(k int) (timeAt, bool) {
	h, ok := namedHours[string(w.fold(k))]
	if !ok {
		return timeAt{}, false
	}
	t := timeAt{first: k, last: k, hour: h}
	t.minute, t.last = w.minutesAfter(k+1, true)
	if t.last < k {
		t.last = k
	}
	return t, true
}

// times finds the times over all tokens, in order. Named hours (midi, minuit) are read in running
// text only after "à" ("l'après-midi" is no time); Time reads them alone.
func (w *vwords) times(named bool) []timeAt {
	var out []timeAt
	next := 0
	for k := 0; k < len(w.toks); k++ {
		var t timeAt
		var ok bool
		switch w.toks[k].kind {
		case vtNum:
			t, ok = w.timeFrom(k)
		case vtWord:
			// Hour words and named hours start with h or m; skip other words without folding.
			if w.toks[k].end-w.toks[k].start > 8 || w.text[w.toks[k].start]|0x20 != 'h' && w.text[w.toks[k].start]|0x20 != 'm' {
				continue
			}
			f := string(w.fold(k))
			_, isNamed := namedHours[f]
			switch {
			case hourWords[f]:
				t, ok = w.timeWordsBefore(k)
			case isNamed:
				if named || w.is(k-1, "a") {
					t, ok = w.namedTime(k)
				}
			}
		}
		if !ok || t.first < next {
			continue
		}
		out = append(out, t)
		next = t.last + 1
		k = t.last
	}
	return out
}

// findTimes implements FindTimes.
func findTimes(text string) []TimeMatch {
	var buf [stackTokens]vtoken
	w := vwords{text: text, toks: tokensIn(text, buf[:])}
	var out []TimeMatch
	for _, t := range w.times(false) {
		out = append(out, TimeMatch{Start: int(w.toks[t.first].start), End: int(w.toks[t.last].end), HHMM: hhmm(t.hour, t.minute)})
	}
	return out
}

// timeOfDay implements Time.
func timeOfDay(raw string) (string, error) {
	w := newVWords(raw)
	ts := w.times(true)
	if len(ts) != 1 {
		return "", fmt.Errorf("%w: time %q", ErrNotValue, raw)
	}
	t := ts[0]
	for k := range w.toks {
		if k >= t.first && k <= t.last {
			continue
		}
		if w.toks[k].kind == vtPunct || w.toks[k].kind == vtWord && timeFillers[string(w.fold(k))] {
			continue
		}
		return "", fmt.Errorf("%w: time %q: %q is not part of a time", ErrNotValue, raw, w.raw(k))
	}
	return hhmm(t.hour, t.minute), nil
}
