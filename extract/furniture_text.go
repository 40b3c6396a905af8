package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text files made from paginated documents (a PDF or word-processor export saved as text) keep
// each page's running header and page number in the middle of the prose: "Conseil Municipal du
// 4 avril 2018 / ____ / Compte-rendu page 3" between two halves of a sentence. Without the page
// geometry that PDFs give, such a block is told by three signs together: a page-number line, a
// line of text that recurs through the document, both within a few lines of each other, and
// page numbers that increase from block to block.
const (
	textFurnitureRepeats = 3  // times a header line must occur in the document
	textFurnitureSpan    = 4  // lines a header block may span, blank lines aside
	textFurnitureBlocks  = 2  // blocks needed before any is taken out
	textFurnitureLead    = 12 // first non-blank lines, never furniture: the title, which a running header repeats
	textPageLabelMax     = 60 // characters before "page N" in a labelled page-number line
)

var (
	// textPageRE matches a page-number line: "3", "- 3 -", "Page 3", "Page 3/12", "p. 3 sur 12",
	// and a short label ending in one ("Compte-rendu page 3").
	textPageRE = regexp.MustCompile(`(?i)^(?:[\-–—]\s*)?(?:(.{0,` + strconv.Itoa(textPageLabelMax) + `}?)\s*\b(?:page|p\.)\s*)?(\d{1,4})(?:\s*(?:/|sur|de)\s*\d{1,4})?(?:\s*[\-–—])?$`)
	// textRuleRE matches a rule drawn with characters under a running header.
	textRuleRE = regexp.MustCompile(`^[_\-=–—.*~ ]{8,}$`)
)

// textLineKind classifies a line for running-block detection.
type textLineKind uint8

const (
	textOther textLineKind = iota
	textBlank
	textPage   // a page-number line
	textRepeat // a line that recurs through the document
	textRule   // a drawn rule
)

// markTextFurniture moves the running headers and footers of a text file to Furniture.
func markTextFurniture(src *Source) {
	if len(src.Lines) == 0 {
		return
	}
	counts := map[string]int{}
	keys := make([]string, len(src.Lines))
	cand := make([]bool, len(src.Lines))
	for i, l := range src.Lines {
		if cand[i] = mayFurniture(l.Text); !cand[i] {
			continue
		}
		k := squeeze(l.Text)
		keys[i] = k
		if len(k) >= 4 {
			counts[k]++
		}
	}
	kinds := make([]textLineKind, len(src.Lines))
	pageNo := make([]int16, len(src.Lines)) // \d{1,4}: at most 9999
	for i, k := range keys {
		switch {
		case !cand[i]:
			kinds[i] = textOther
		case k == "":
			kinds[i] = textBlank
		case mayRule(k) && textRuleRE.MatchString(k):
			kinds[i] = textRule
		case counts[k] >= textFurnitureRepeats && headerLike(k) && !(mayPage(k) && textPageRE.MatchString(k)):
			kinds[i] = textRepeat // until checked below
		default:
			if !mayPage(k) {
				break
			}
			if m := textPageRE.FindStringSubmatch(k); m != nil {
				numbered := m[1] != "" && m[1][0] >= '0' && m[1][0] <= '9'
				// "12. Subvention … page 3" is a contents entry, not a page label
				if n, err := strconv.Atoi(m[2]); err == nil && n > 0 && !numbered {
					kinds[i], pageNo[i] = textPage, int16(n)
				}
			}
		}
	}
	// A running header recurs at page breaks, next to a page number, every time but perhaps
	// once (the title); a decision formula repeated through the minutes does not.
	near := map[string]int{}
	for i, k := range keys {
		if kinds[i] != textRepeat {
			continue
		}
		for j := max(0, i-2*textFurnitureSpan); j < min(len(kinds), i+2*textFurnitureSpan+1); j++ {
			if kinds[j] == textPage {
				near[k]++
				break
			}
		}
	}
	for i, k := range keys {
		if kinds[i] == textRepeat && (near[k] < 2 || near[k] < counts[k]-1) {
			kinds[i] = textOther
		}
	}
	// the first lines are the title even when they recur as a running header later on
	lead := 0
	for i := 0; i < len(kinds) && lead < textFurnitureLead; i++ {
		if kinds[i] != textBlank {
			lead++
			kinds[i] = textOther
		}
	}
	type block struct{ from, to, page int }
	var blocks []block
	for i := 0; i < len(kinds); {
		if kinds[i] == textOther || kinds[i] == textBlank {
			i++
			continue
		}
		j, span, page, repeat := i, 0, 0, false
		for j < len(kinds) && kinds[j] != textOther && span < textFurnitureSpan {
			if kinds[j] == textPage {
				if page != 0 {
					break // a second page number starts another block
				}
				page = int(pageNo[j])
			}
			if kinds[j] == textRepeat {
				repeat = true
			}
			if kinds[j] != textBlank {
				span++
			}
			j++
		}
		for j > i && kinds[j-1] == textBlank {
			j-- // blank lines around a block stay: they may end a paragraph
		}
		if page != 0 && repeat {
			blocks = append(blocks, block{i, j, page})
		}
		i = max(j, i+1)
	}
	if len(blocks) < textFurnitureBlocks {
		return
	}
	for k := 1; k < len(blocks); k++ {
		if blocks[k].page <= blocks[k-1].page {
			return // numbers that do not increase are not page numbers
		}
	}
	drop := make([]bool, len(src.Lines))
	for _, b := range blocks {
		for i := b.from; i < b.to; i++ {
			drop[i] = true
		}
	}
	kept := src.Lines[:0:0]
	for i, l := range src.Lines {
		if drop[i] {
			src.Furniture = append(src.Furniture, l)
		} else {
			kept = append(kept, l)
		}
	}
	src.Lines = kept
}

// headerLike reports whether a line can be a running header or footer: short, not opening in
// lower case as a continued sentence does, not closing on a sentence's punctuation — so that a
// formula repeated through the minutes ("… ACCEPTE CES PROPOSITIONS.") is not taken for one.
func headerLike(k string) bool {
	if len(k) > 120 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(k)
	if unicode.IsLower(r) {
		return false
	}
	return !strings.ContainsRune(".,;:", rune(k[len(k)-1]))
}

// squeeze is strings.Join(strings.Fields(s), " "), without a copy for the usual line whose
// spaces are single ASCII spaces once its ends are trimmed (a line with a no-break space, which
// French puts before a colon, is copied once).
func squeeze(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && s[i+1] != ' ' || !asciiSpace(c) {
				i++ // a trimmed s does not end in a space: s[i+1] exists
				continue
			}
			return squeezeFrom(s, i)
		}
		if c >= 0xc3 && c <= 0xdf {
			// A two-byte rune past U+00BF (é, è, à, ç…): none is a space (U+0085 and U+00A0
			// open with C2). A lead byte without its continuation decodes as one RuneError.
			if i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
				i += 2
			} else {
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return squeezeFrom(s, i)
		}
		i += n
	}
	return s
}

// squeezeFrom is squeeze of a trimmed s whose first i bytes need no change.
func squeezeFrom(s string, i int) string {
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	space := false // a space is owed before the next word
	if i > 0 && b[i-1] == ' ' {
		b, space = b[:i-1], true // the prefix's last space may be the first of a run
	}
	for i < len(s) {
		c := s[i]
		n := 1
		isSpace := false
		if c < utf8.RuneSelf {
			isSpace = asciiSpace(c)
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// asciiSpace reports whether c is an ASCII character that unicode.IsSpace accepts.
func asciiSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}

// mayRule is a necessary condition of textRuleRE, tested first because the pattern would
// otherwise run on every line: a rule opens with one of its characters.
func mayRule(k string) bool {
	return len(k) >= 8 && strings.IndexByte("_-=.*~ \xe2", k[0]) >= 0
}

// mayPage is a necessary condition of textPageRE: a page-number line ends in a digit or a dash
// (the last byte of "–" and "—" included), and past a few characters it names a page.
func mayPage(k string) bool {
	if k == "" {
		return false
	}
	c := k[len(k)-1]
	if !(c >= '0' && c <= '9' || c == '-' || c == 0x93 || c == 0x94) {
		return false
	}
	if hasPageWord(k) {
		return true
	}
	if len(k) > 40 {
		return false
	}
	// Without the word page, the line is a number alone: digits, spaces, dashes, a slash and
	// "sur" or "de" (a table row ending in a number fails here, before the pattern).
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '/':
		case strings.IndexByte("surdeSURDE", c) >= 0:
		case c == 0xe2 || c == 0x80 || c == 0x93 || c == 0x94: // the bytes of – and —
		case c == 0xc5 || c == 0xbf: // the bytes of ſ, which (?i) matches as s
		default:
			return false
		}
	}
	return true
}

// hasPageWord reports whether k holds "page" or "p." in any ASCII case.
func hasPageWord(k string) bool {
	for i := 0; i+1 < len(k); i++ {
		if k[i]|0x20 != 'p' {
			continue
		}
		if k[i+1] == '.' || i+3 < len(k) && k[i+1]|0x20 == 'a' && k[i+2]|0x20 == 'g' && k[i+3]|0x20 == 'e' {
			return true
		}
	}
	return false
}

// mayFurniture is a necessary condition for a line to be anything but textOther, on the line as
// it is (squeezing spaces changes neither its ends nor its emptiness): blank, a rule's first
// character, a page number's last, or a header's ends (headerLike). Most prose lines fail it
// and are neither copied nor counted.
func mayFurniture(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" {
		return true
	}
	c := t[len(t)-1]
	if c >= '0' && c <= '9' || c == '-' || c == 0x93 || c == 0x94 || mayRule(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return !unicode.IsLower(r) && !strings.ContainsRune(".,;:", rune(c))
}
