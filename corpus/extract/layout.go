package extract

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Layout thresholds, in ems of the text concerned.
const (
	spaceGap = 0.15 // a gap wider than this between glyphs is a space
	chunkGap = 1.0  // a gap wider than this starts a new chunk
	paraGap  = 0.5  // white space between lines wider than this splits blocks
	// white space between columns or table cells at least this wide;
	// chunks only end at gaps over chunkGap, or where the drawing order
	// jumps, so a narrower gap between chunks is still no word space
	gutterGap   = 0.5
	ascent      = 0.75 // a glyph's box above its baseline
	descent     = 0.2  // and below
	maxCutDepth = 40
)

// chunk is a run of glyphs drawn one after another on one baseline.
type chunk struct {
	text        strings.Builder
	x0, x1, y   float64
	size        float64
	lastSpace   bool
	bottom, top float64
}

// line is one line of body text in reading order, with its position for
// header/footer detection.
type line struct {
	text string
	y    float64 // baseline, page coordinates turned upright
	size float64 // the largest font size on the line
	para bool    // a paragraph (block) starts here
}

// pageLines is a page's lines with the page's vertical extent in the
// same (turned) coordinates; bottom == top when the page size is unknown.
type pageLines struct {
	lines       []line
	bottom, top float64
	// running holds the lines the producer marked as pagination
	// artifacts: headers, footers, page numbers
	running []string
	// turned holds the lines written in another direction than most of
	// the page (a table set sideways, a margin note written upwards)
	turned []line
}

// layoutPage turns glyphs into lines in reading order: first the text of
// the page's dominant writing direction, then any text turned against it,
// each direction read in its own frame. box is the page's MediaBox, if
// known.
func layoutPage(gs []glyph, rules []rule, box []float64) pageLines {
	rot := dominantRotation(gs)
	var pl pageLines
	if len(box) == 4 {
		_, y0 := rotate(box[0], box[1], rot)
		_, y1 := rotate(box[2], box[3], rot)
		pl.bottom, pl.top = math.Min(y0, y1), math.Max(y0, y1)
	}
	body := gs[:0:0]
	var running []glyph
	for _, g := range gs {
		if g.running {
			running = append(running, g)
		} else {
			body = append(body, g)
		}
	}
	if len(running) > 0 {
		for _, ln := range (&layout{}).readLines(makeChunks(running, rot)) {
			pl.running = append(pl.running, ln.text)
		}
	}
	pl.lines = readDirection(body, rules, rot)
	for r := range 4 {
		if r != rot {
			pl.turned = append(pl.turned, readDirection(body, rules, r)...)
		}
	}
	return pl
}

// readDirection lays out the glyphs written in direction rot.
func readDirection(gs []glyph, rules []rule, rot int) []line {
	chunks := makeChunks(gs, rot)
	if len(chunks) == 0 {
		return nil
	}
	l := &layout{}
	for _, r := range rules {
		ax, ay := rotate(r.a[0], r.a[1], rot)
		bx, by := rotate(r.b[0], r.b[1], rot)
		switch {
		case math.Abs(ax-bx) <= 1:
			l.vrules = append(l.vrules, seg{ax, math.Min(ay, by), math.Max(ay, by)})
		case math.Abs(ay-by) <= 1:
			l.hrules = append(l.hrules, seg{ay, math.Min(ax, bx), math.Max(ax, bx)})
		}
	}
	l.vrules, l.hrules = joinSegs(l.vrules), joinSegs(l.hrules)
	l.cut(chunks, 0)
	return l.out
}

// joinSegs joins rules that continue one another, as a table drawn cell
// by cell (Chromium) has one short rule per cell side.
func joinSegs(segs []seg) []seg {
	sort.Slice(segs, func(i, j int) bool {
		if pi, pj := math.Round(segs[i].pos), math.Round(segs[j].pos); pi != pj {
			return pi < pj
		}
		return segs[i].lo < segs[j].lo
	})
	var out []seg
	for _, s := range segs {
		if n := len(out); n > 0 && math.Abs(out[n-1].pos-s.pos) <= 1 && s.lo <= out[n-1].hi+2 {
			out[n-1].hi = math.Max(out[n-1].hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}

// seg is a drawn rule: at pos, from lo to hi along the other axis.
type seg struct{ pos, lo, hi float64 }

// layout holds a page's rules while its chunks are cut into lines.
type layout struct {
	vrules, hrules []seg
	out            []line
}

// ruled reports a rule at a position strictly between from and to that
// covers at least half of the span [lo, hi].
func ruled(rules []seg, from, to, lo, hi float64) bool {
	for _, r := range rules {
		if r.pos > from && r.pos < to && math.Min(r.hi, hi)-math.Max(r.lo, lo) >= 0.5*(hi-lo) {
			return true
		}
	}
	return false
}

func extent(cs []*chunk) (x0, x1, bottom, top float64) {
	x0, x1, bottom, top = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, c := range cs {
		x0, x1 = math.Min(x0, c.x0), math.Max(x1, c.x1)
		bottom, top = math.Min(bottom, c.bottom), math.Max(top, c.top)
	}
	return
}

func dominantRotation(gs []glyph) int {
	var n [4]int
	for _, g := range gs {
		n[g.rot]++
	}
	best := 0
	for r := range n {
		if n[r] > n[best] {
			best = r
		}
	}
	return best
}

// makeChunks groups glyphs, in drawing order, into chunks: a glyph joins
// the previous one's chunk when it sits on the same baseline just after it.
func makeChunks(gs []glyph, rot int) []*chunk {
	var out []*chunk
	var c *chunk
	for _, g := range gs {
		if g.rot != rot {
			continue
		}
		if c != nil {
			size := math.Max(c.size, g.size)
			gap := g.x0 - c.x1
			if math.Abs(g.y-c.y) > 0.3*size || gap < -0.5*size || gap > chunkGap*size {
				c = nil
			} else if !g.space {
				if c.lastSpace || gap > spaceGap*size {
					c.text.WriteByte(' ')
				}
				c.text.WriteString(g.s)
				c.x1 = math.Max(c.x1, g.x1)
				c.size = size
				c.lastSpace = false
				continue
			} else {
				c.lastSpace = true
				c.x1 = math.Max(c.x1, g.x0) // a trailing space does not widen the chunk
				continue
			}
		}
		if g.space {
			continue
		}
		c = &chunk{x0: g.x0, x1: g.x1, y: g.y, size: g.size}
		c.text.WriteString(g.s)
		out = append(out, c)
	}
	for _, c := range out {
		c.bottom = c.y - descent*c.size
		c.top = c.y + ascent*c.size
	}
	return out
}

// cut splits a region recursively: first at horizontal white bands across
// its whole width (paragraphs, table rows), then at vertical gutters
// (columns); a region that splits no further is read line by line.
func (l *layout) cut(cs []*chunk, depth int) {
	if depth < maxCutDepth && len(cs) > 1 {
		if bands := l.cutHorizontal(cs); len(bands) > 1 {
			groups := l.mergeColumnBands(bands)
			if len(groups) > 1 {
				for _, g := range groups {
					l.cut(g, depth+1)
				}
				return
			}
			// every band belongs to one block of columns: cut it into
			// its columns, each read top to bottom
			if parts, table := l.cutVertical(cs); len(parts) > 1 && !table {
				for _, p := range parts {
					l.cut(p, depth+1)
				}
				return
			}
			for _, b := range bands {
				l.cut(b, depth+1)
			}
			return
		}
		if parts, table := l.cutVertical(cs); len(parts) > 1 {
			if table {
				l.out = append(l.out, l.tableRow(parts))
				return
			}
			for _, p := range parts {
				l.cut(p, depth+1)
			}
			return
		}
	}
	lines := l.readLines(cs)
	if len(lines) > 0 {
		lines[0].para = true
	}
	l.out = append(l.out, lines...)
}

// mergeColumnBands joins horizontal bands that belong to one block of
// columns: a band of text columns takes in the bands above and below it
// whose chunks each stay inside one of its columns and use two columns or
// more, such as headings standing at the top of each column, or column
// paragraphs whose gaps happen to line up. Read apart, such bands would
// interleave the columns.
func (l *layout) mergeColumnBands(bands [][]*chunk) [][]*chunk {
	var out [][]*chunk
	for i := 0; i < len(bands); {
		centers := l.gutters(bands[i])
		if centers == nil {
			out = append(out, bands[i])
			i++
			continue
		}
		merged := bands[i]
		for len(out) > 0 && spansColumns(out[len(out)-1], centers) {
			merged = append(append([]*chunk(nil), out[len(out)-1]...), merged...)
			out = out[:len(out)-1]
		}
		j := i + 1
		for ; j < len(bands) && spansColumns(bands[j], centers); j++ {
			merged = append(append([]*chunk(nil), merged...), bands[j]...)
		}
		out = append(out, merged)
		i = j
	}
	return out
}

// gutters returns the middle of each gutter of a band laid out in text
// columns, or nil. Text columns hold two lines or more each, one of them
// three or more; a table row with one wrapped cell does not qualify.
func (l *layout) gutters(band []*chunk) []float64 {
	parts, table := l.cutVertical(band)
	if len(parts) < 2 || table {
		return nil
	}
	most := 0
	for _, p := range parts {
		n := countLines(p)
		if n < 2 {
			return nil
		}
		most = max(most, n)
	}
	if most < 3 {
		return nil
	}
	centers := make([]float64, len(parts)-1)
	for k := range centers {
		_, right, _, _ := extent(parts[k])
		left, _, _, _ := extent(parts[k+1])
		centers[k] = (right + left) / 2
	}
	return centers
}

// spansColumns reports whether no chunk of band crosses a gutter and the
// chunks occupy two columns or more.
func spansColumns(band []*chunk, centers []float64) bool {
	used := map[int]bool{}
	for _, c := range band {
		col := 0
		for _, g := range centers {
			if c.x0 < g && c.x1 > g {
				return false
			}
			if c.x0 >= g {
				col++
			}
		}
		used[col] = true
	}
	return len(used) >= 2
}

// tableRow reads a band cut by drawn vertical rules as one table row: each
// cell's lines joined, cells separated by " | ".
func (l *layout) tableRow(cells [][]*chunk) line {
	row := line{para: true, y: math.Inf(-1)}
	texts := make([]string, 0, len(cells))
	for _, c := range cells {
		var ls []string
		for _, ln := range l.readLines(c) {
			ls = append(ls, cleanLine(ln.text))
			row.y = math.Max(row.y, ln.y)
			row.size = math.Max(row.size, ln.size)
		}
		texts = append(texts, strings.Join(joinHyphens(ls), " "))
	}
	row.text = strings.Join(texts, " | ")
	return row
}

func medianSize(cs []*chunk) float64 {
	s := make([]float64, len(cs))
	for i, c := range cs {
		s[i] = c.size
	}
	sort.Float64s(s)
	return s[len(s)/2]
}

// cutHorizontal splits at white bands wider than paraGap, or at any white
// band with a drawn rule across most of the region (a table's row lines).
func (l *layout) cutHorizontal(cs []*chunk) [][]*chunk {
	sorted := append([]*chunk(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].top > sorted[j].top })
	size := medianSize(cs)
	thr := paraGap * size
	// With generous line spacing every line stands apart by more than
	// paraGap: a block break must then clearly exceed the usual gap
	// between lines.
	var gaps []float64
	bottom := sorted[0].bottom
	for _, c := range sorted[1:] {
		if c.top < bottom {
			gaps = append(gaps, bottom-c.top)
		}
		bottom = math.Min(bottom, c.bottom)
	}
	if len(gaps) >= 3 {
		sort.Float64s(gaps)
		thr = math.Max(thr, gaps[len(gaps)/2]+0.3*size)
	}
	x0, x1, _, _ := extent(cs)
	var parts [][]*chunk
	start := 0
	bottom = sorted[0].bottom
	for i := 1; i < len(sorted); i++ {
		c := sorted[i]
		if c.top < bottom-thr || c.top < bottom && ruled(l.hrules, c.top, bottom, x0, x1) {
			parts = append(parts, sorted[start:i])
			start = i
		}
		bottom = math.Min(bottom, c.bottom)
	}
	return append(parts, sorted[start:])
}

// cutVertical splits at gutters wider than gutterGap, or at any gutter
// with a drawn rule down most of the region; table reports the latter.
func (l *layout) cutVertical(cs []*chunk) (parts [][]*chunk, table bool) {
	sorted := append([]*chunk(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].x0 < sorted[j].x0 })
	thr := gutterGap * medianSize(cs)
	_, _, bottom, top := extent(cs)
	start := 0
	right := sorted[0].x1
	for i := 1; i < len(sorted); i++ {
		c := sorted[i]
		rule := c.x0 > right && ruled(l.vrules, right, c.x0, bottom, top)
		if rule || c.x0 > right+thr {
			parts = append(parts, sorted[start:i])
			start = i
			table = table || rule
		}
		right = math.Max(right, c.x1)
	}
	parts = append(parts, sorted[start:])
	if len(parts) < 2 {
		return nil, false
	}
	if table {
		return parts, true
	}
	if countLines(cs) < 2 || marksOnly(parts[0]) {
		return nil, false
	}
	// A single line with wide gaps (a table row, "Kapitel 3 ...... 12")
	// is one line, not columns: some part must hold two lines or more.
	for _, p := range parts {
		if countLines(p) >= 2 {
			return parts, false
		}
	}
	return nil, false
}

// marksOnly reports a column of list bullets or numbers ("•", "1.", "a)"),
// which belongs with the text beside it.
func marksOnly(cs []*chunk) bool {
	for _, c := range cs {
		if utf8.RuneCountInString(c.text.String()) > 3 {
			return false
		}
	}
	return true
}

// countLines counts distinct baselines.
func countLines(cs []*chunk) int {
	ys := make([]float64, len(cs))
	for i, c := range cs {
		ys[i] = c.y
	}
	sort.Float64s(ys)
	n := 1
	tol := 0.3 * medianSize(cs)
	for i := 1; i < len(ys); i++ {
		if ys[i]-ys[i-1] > tol {
			n++
		}
	}
	return n
}

// readLines groups a region's chunks into lines by vertical overlap, top to
// bottom, and joins each line's chunks left to right.
func (l *layout) readLines(cs []*chunk) []line {
	sorted := append([]*chunk(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y > sorted[j].y })
	type group struct {
		cs          []*chunk
		bottom, top float64
		y           float64
	}
	var groups []*group
	for _, c := range sorted {
		var g *group
		if len(groups) > 0 {
			last := groups[len(groups)-1]
			overlap := math.Min(last.top, c.top) - math.Max(last.bottom, c.bottom)
			h := math.Min(last.top-last.bottom, c.top-c.bottom)
			if overlap >= 0.5*h {
				g = last
			}
		}
		if g == nil {
			g = &group{bottom: c.bottom, top: c.top, y: c.y}
			groups = append(groups, g)
		}
		g.cs = append(g.cs, c)
		g.bottom = math.Min(g.bottom, c.bottom)
		g.top = math.Max(g.top, c.top)
	}
	out := make([]line, 0, len(groups))
	for _, g := range groups {
		sort.SliceStable(g.cs, func(i, j int) bool { return g.cs[i].x0 < g.cs[j].x0 })
		var b strings.Builder
		for i, c := range g.cs {
			if i > 0 {
				prev := g.cs[i-1]
				size := math.Max(prev.size, c.size)
				if ruled(l.vrules, prev.x1, c.x0, g.bottom, g.top) {
					b.WriteString(" | ")
				} else if c.x0-prev.x1 > spaceGap*size || math.Abs(c.y-prev.y) > 0.2*size {
					// a raised or lowered chunk is a footnote mark or an
					// index, not part of the word it touches
					b.WriteByte(' ')
				}
			}
			b.WriteString(c.text.String())
		}
		size := 0.0
		for _, c := range g.cs {
			size = math.Max(size, c.size)
		}
		out = append(out, line{text: b.String(), y: g.y, size: size})
	}
	return out
}
