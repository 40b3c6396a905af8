package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The text extraction as it was before its fast paths (a byte scan that skips NFC and line
// cleaning when they cannot change anything, a squeeze without strings.Fields): the reference
// the equivalence tests and FuzzTextSame compare Text with.

// textRef is Text before the fast paths.
func textRef(data []byte) (*Source, error) {
	s, enc, err := decode(data)
	if err != nil {
		return nil, err
	}
	if looksHTML(s) {
		s = htmlText(s)
		enc += "+html"
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = norm.NFC.String(s)
	src := &Source{Format: "text", Pages: 1, Encoding: enc}
	page, line := 1, 0
	for _, pageText := range strings.Split(s, "\f") {
		if line > 0 {
			page++
		}
		for _, l := range strings.Split(pageText, "\n") {
			line++
			src.Lines = append(src.Lines, Line{Pos: Pos{Page: page, Line: line}, Text: cleanLineRef(l)})
		}
	}
	src.Pages = page
	markTextFurnitureRef(src)
	if strings.TrimSpace(strings.ReplaceAll(s, "\f", "")) == "" {
		return nil, ErrEmpty
	}
	return src, nil
}

// cleanLineRef is cleanLine before the fast paths.
func cleanLineRef(l string) string {
	clean := true
	for _, r := range l {
		if r == utf8.RuneError || (r < 0x20 && r != '\t') || r == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return l
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (r < 0x20 && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, l)
}

// markTextFurnitureRef is markTextFurniture before the fast paths.
func markTextFurnitureRef(src *Source) {
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
		k := squeezeRef(l.Text)
		keys[i] = k
		if len(k) >= 4 {
			counts[k]++
		}
	}
	kinds := make([]textLineKind, len(src.Lines))
	pageNo := make([]int, len(src.Lines))
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
					kinds[i], pageNo[i] = textPage, n
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
				page = pageNo[j]
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

// squeezeRef is squeeze's definition.
func squeezeRef(s string) string { return strings.Join(strings.Fields(s), " ") }
