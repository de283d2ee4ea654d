package extract

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/plankoll/plankoll/corpus"
)

// edgeLines is how many lines at the top and at the bottom of a page may
// be a running header or footer, and edgeBand how close to the page's edge
// (as a fraction of its height) they must be when the page size is known.
const (
	edgeLines = 2
	edgeBand  = 0.15
)

// pageNumber matches a line that is only a page number: "3", "- 3 -",
// "Sida 3 av 12", "s. 3", "Page 3 of 12", "3 (12)", "3/12".
var pageNumber = regexp.MustCompile(`(?i)^[-–—\s]*(sida|sid\.?|s\.|page|p\.)?\s*\d{1,3}\s*((av|of|/)\s*\d{1,4}|\(\s*\d{1,4}\s*\))?[-–—\s]*$`)

// edgeKey is how running lines are compared across pages: lower case,
// digits as "#", spaces collapsed ("Sida 3 av 12" and "Sida 4 av 12" meet).
func edgeKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsDigit(r):
			b.WriteByte('#')
		case unicode.IsSpace(r):
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// edges returns the indexes of the top and bottom edge lines of a page,
// by position rather than reading order.
func edges(pl pageLines) (top, bottom []int) {
	lines := pl.lines
	idx := make([]int, len(lines))
	for i := range idx {
		idx[i] = i
	}
	// selection by y, small n: no need to sort everything
	pick := func(better func(a, b float64) bool) []int {
		var out []int
		used := map[int]bool{}
		for k := 0; k < edgeLines && k < len(lines); k++ {
			best := -1
			for _, i := range idx {
				if !used[i] && (best < 0 || better(lines[i].y, lines[best].y)) {
					best = i
				}
			}
			used[best] = true
			out = append(out, best)
		}
		return out
	}
	top = pick(func(a, b float64) bool { return a > b })
	bottom = pick(func(a, b float64) bool { return a < b })
	// a second line belongs to the edge only when it sits close to the
	// first, as the lines of a two-line header do
	near := func(idx []int) []int {
		if len(idx) == 2 {
			a, b := lines[idx[0]], lines[idx[1]]
			if math.Abs(a.y-b.y) > 2*math.Max(a.size, b.size) {
				return idx[:1]
			}
		}
		return idx
	}
	top, bottom = near(top), near(bottom)
	if h := pl.top - pl.bottom; h > 0 {
		top = slices.DeleteFunc(top, func(i int) bool { return lines[i].y < pl.top-edgeBand*h })
		bottom = slices.DeleteFunc(bottom, func(i int) bool { return lines[i].y > pl.bottom+edgeBand*h })
	}
	return top, bottom
}

// assemble removes running headers, footers and page numbers from the
// pages' lines, then cleans and joins the rest into page texts. Lines the
// producer marked as pagination artifacts are headers whatever they say. A line at
// a page's top or bottom edge is running when its edgeKey recurs at that
// edge on at least minRepeat pages, or when it is a bare page number.
func assemble(pages []pageLines) ([]corpus.Page, []string) {
	minRepeat := 3
	if len(pages) <= 5 {
		minRepeat = 2
	}
	type edgeInfo struct{ top, bottom []int }
	info := make([]edgeInfo, len(pages))
	count := map[string]int{}
	for p, pl := range pages {
		lines := pl.lines
		for i := range lines {
			lines[i].text = cleanLine(lines[i].text)
		}
		t, b := edges(pl)
		info[p] = edgeInfo{t, b}
		seen := map[string]bool{}
		for _, i := range t {
			seen["t"+edgeKey(lines[i].text)] = true
		}
		for _, i := range b {
			seen["b"+edgeKey(lines[i].text)] = true
		}
		for k := range seen {
			count[k]++
		}
	}
	var headers []string
	known := map[string]bool{}
	out := make([]corpus.Page, len(pages))
	for p, pl := range pages {
		lines := pl.lines
		remove := map[int]bool{}
		mark := func(idx []int, edge string) {
			for _, i := range idx {
				key := edgeKey(lines[i].text)
				if key == "" {
					continue
				}
				if count[edge+key] >= minRepeat || pageNumber.MatchString(lines[i].text) {
					remove[i] = true
					if !known[key] {
						known[key] = true
						headers = append(headers, lines[i].text)
					}
				}
			}
		}
		mark(info[p].top, "t")
		mark(info[p].bottom, "b")
		for _, r := range pl.running {
			r = cleanLine(r)
			if key := edgeKey(r); key != "" && !known[key] {
				known[key] = true
				headers = append(headers, r)
			}
		}
		var body []string
		for _, l := range pl.turned {
			l.text = cleanLine(l.text)
			lines = append(lines, l)
		}
		for i, l := range lines {
			if remove[i] || l.text == "" {
				continue
			}
			if l.para && len(body) > 0 {
				body = append(body, "")
			}
			body = append(body, l.text)
		}
		out[p] = corpus.Page{Page: p + 1, Text: pageText(joinHyphens(body))}
	}
	return out, headers
}
