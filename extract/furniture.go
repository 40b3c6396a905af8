package extract

import (
	"math"
	"regexp"
	"strings"
)

// Page furniture (running headers and footers, page numbers, préfecture stamps) is recognised by
// repetition: the same text, digits masked, at about the same height on at least half the pages.
const (
	furnitureShare = 0.5 // share of pages a line must repeat on
	furnitureYTol  = 8.0 // points of vertical drift allowed between pages
	furnitureEdge  = 4   // lines from the top or bottom of a page where headers and footers sit
	furnitureCore  = 0.8 // share of pages a line away from the edges must repeat on
)

var (
	digitsRE = regexp.MustCompile(`\d+`)
	// pageNumberRE matches a lone page number line ("3", "- 3 -", "Page 3/6", "Page 1 sur 19",
	// "p. 4"), furniture even when it does not repeat, if it is a page's first or last line.
	pageNumberRE = regexp.MustCompile(`(?i)^[\s\-–—]*(?:page|p\.)?\s*#\s*(?:(?:/|sur|de|of)\s*#)?[\s\-–—]*$`)
)

// furnitureKey masks digits and collapses spaces and tabs so that "Page 3/6" and "Page 4/6" agree.
func furnitureKey(s string) string {
	s = digitsRE.ReplaceAllString(s, "#")
	return strings.Join(strings.Fields(s), " ")
}

// markFurniture flags the furniture lines of every page.
func markFurniture(pages [][]pline) {
	type occ struct {
		page, line int
		y          float64
	}
	n := 0
	for _, p := range pages {
		if len(p) > 0 {
			n++
		}
	}
	for _, p := range pages {
		for li := range p {
			if li == 0 || li == len(p)-1 {
				if pageNumberRE.MatchString(furnitureKey(p[li].text)) {
					p[li].furniture = true
				}
			}
		}
	}
	if n < 2 {
		return
	}
	need := int(math.Max(2, math.Ceil(furnitureShare*float64(n))))
	byKey := map[string][]occ{}
	for pi, p := range pages {
		for li, l := range p {
			k := furnitureKey(l.text)
			if k == "" {
				continue
			}
			byKey[k] = append(byKey[k], occ{pi, li, l.y})
		}
	}
	for _, occs := range byKey {
		if len(occs) < need {
			continue
		}
		// pages holding the text, by height bucket; a line is furniture when the pages that have
		// the same text at about the same height (this bucket and its neighbours) are enough
		buckets := map[int][]int{}
		for _, o := range occs {
			b := int(math.Floor(o.y / furnitureYTol))
			ps := buckets[b]
			if len(ps) == 0 || ps[len(ps)-1] != o.page {
				buckets[b] = append(ps, o.page)
			}
		}
		for _, o := range occs {
			b := int(math.Floor(o.y / furnitureYTol))
			seen := distinctPages(buckets[b-1], buckets[b], buckets[b+1])
			// away from the page's edges, a repeated line is furniture only when it is on
			// nearly every page (a stamp); "Pour : 23" twice at one height is body text
			edge := o.line < furnitureEdge || o.line >= len(pages[o.page])-furnitureEdge
			if seen >= need && (edge || (n >= 3 && float64(seen) >= furnitureCore*float64(n))) {
				pages[o.page][o.line].furniture = true
			}
		}
	}
}

// distinctPages counts the distinct page numbers in three ascending lists.
func distinctPages(a, b, c []int) int {
	n, last := 0, -1
	for len(a)+len(b)+len(c) > 0 {
		m := math.MaxInt
		for _, l := range [][]int{a, b, c} {
			if len(l) > 0 && l[0] < m {
				m = l[0]
			}
		}
		if m != last {
			n++
			last = m
		}
		if len(a) > 0 && a[0] == m {
			a = a[1:]
		}
		if len(b) > 0 && b[0] == m {
			b = b[1:]
		}
		if len(c) > 0 && c[0] == m {
			c = c[1:]
		}
	}
	return n
}
