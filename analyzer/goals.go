package analyzer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/plankoll/plankoll/analyzer/swedish"
	"unicode/utf8"
)

// fires reports whether any rule of rs fired on unit u, and the first hit.
func (d *doc) fires(u int, rs []*rule) (hit, bool) {
	for _, f := range d.units[u].fired {
		if containsRule(rs, f.r) {
			return f.h, true
		}
	}
	return hit{}, false
}

// spanFires evaluates rules on the part of unit u between byte offsets
// start and end of its page (a table cell, a line); at_start means the
// first word of the span.
func (d *doc) spanFires(u int, start, end int, rs []*rule) bool {
	_, ok := d.spanFire(u, start, end, rs)
	return ok
}

// spanFire is spanFires returning the earliest hit of a rule that fires.
func (d *doc) spanFire(u int, start, end int, rs []*rule) (hit, bool) {
	un := &d.units[u]
	pg := &d.pages[un.page]
	var hs []hit
	for _, h := range pg.hits[un.hitFrom:un.hitTo] {
		if pg.toks[h.from].start >= start && pg.toks[h.to-1].end <= end {
			hs = append(hs, h)
		}
	}
	first := d.firstTokenAt(u, start)
	for first < un.tokTo-1 && pg.toks[first].number && pg.toks[first].end <= end && first-un.tokFrom < 3 {
		first++
	}
	best, found := hit{}, false
	for _, r := range rs {
		if h, ok := d.fireFrom(r, u, hs, first); ok && (!found || h.from < best.from) {
			best, found = h, true
		}
	}
	return best, found
}

// firstTokenAt returns the index of the first token of unit u that starts
// at or after byte offset off (un.tokTo if none).
func (d *doc) firstTokenAt(u, off int) int {
	un := &d.units[u]
	toks := d.pages[un.page].toks
	i := un.tokFrom
	for i < un.tokTo && toks[i].start < off {
		i++
	}
	return i
}

// tableHeader is the column roles of the table being read. flat is set
// for a header line whose cells are separated by single spaces: its rows
// are split at the indicator's first word.
type tableHeader struct {
	goalCol, indCol int
	cells           int
	flat            bool
	section         int
	// A header row whose cells follow as blocks, row by row:
	pos        int // cells read so far minus one
	lastBlock  int
	rowGoal    int  // goal of the row being read, -1
	followUp   bool // a table of last year's results: no goals, no indicators
	srcCols    []int
	typCol     int // the plan's own indicator types, -1
	targetCol  int // "Målvärde 2019": a row with a target value is a goal, -1
	headerUnit int
}

// found is a goal or indicator, before numbering.
type found struct {
	unit       int
	start, end int // byte offsets in the page
	horizon    string
	typ        string
	rowGoal    int // index into goals of the goal on the same row, -1
}

// otherColumns are table column names that are neither goal nor
// indicator ("Mål | Indikator | Källa | Målvärde 2019").
var otherColumns = map[string]bool{"källa": true, "källor": true, "datakälla": true, "ansvar": true, "ansvarig": true,
	"tidsplan": true, "tid": true, "år": true, "status": true, "kommentar": true, "aktivitet": true, "aktiviteter": true,
	"insats": true, "insatser": true, "målvärde": true, "målnivå": true, "utfall": true, "baslinje": true, "nuläge": true,
	"startvärde": true, "målår": true, "huvudman": true, "område": true, "uppföljning": true, "frekvens": true,
	"mätning": true, "typ": true, "resultat": true, "när": true, "vem": true, "hur": true}

// goalsAndIndicators extracts goals and indicators in document order and
// links them. It also returns the units that hold goals and indicators.
func (d *doc) goalsAndIndicators(year int) ([]Goal, []Indicator, map[int]bool, map[int]bool) {
	r := &reader{d: d, year: year}
	for u := range d.units {
		r.read(u)
	}
	r.finishColumns()
	return d.number(r.goals, r.inds)
}

// reader walks the units of a plan, keeping the table and label context.
type reader struct {
	d           *doc
	year        int
	goals, inds []found
	th          *tableHeader
	ct          *colTable
	label       string // "mal" or "ind" after a label line such as "Indikatorer:"
}

func (r *reader) read(u int) {
	d, cb := r.d, r.d.cb
	un := &d.units[u]
	if un.kind == uTOC {
		return
	}
	text := d.unitText(u)
	if r.ct != nil && r.readColumn(u) {
		return
	}
	// Tables in a needs analysis hold background statistics, not goals
	// and indicators.
	background := d.kind(u) == "behovsanalys"
	if un.kind == uColumn {
		if !background {
			r.ct = &colTable{section: un.section}
			r.readColumn(u)
		}
		return
	}
	if h := d.flatHeader(u); h != nil && !background {
		r.th, r.label = h, ""
		return
	}
	if r.th != nil && !r.th.flat && un.kind != uRow {
		if r.readStream(u) {
			return
		}
		r.th = nil
	}
	if r.th != nil && (r.th.section != un.section || (r.th.flat && un.kind == uHeading)) {
		r.th = nil
	}
	if un.kind == uHeading || (un.kind == uProse && !strings.HasSuffix(text, ":")) {
		r.label = ""
	}
	if r.th != nil && r.th.flat {
		r.readFlat(u)
		return
	}
	if un.kind == uRow && len(un.cells) >= 2 && !background {
		if h := d.readHeader(u); h != nil {
			r.th = h
			return
		}
		if r.th != nil {
			r.readRow(u, r.th)
			return
		}
		if r.readBareRow(u) {
			return
		}
	}
	if (un.kind == uProse || un.kind == uHeading) && strings.HasSuffix(text, ":") && wordCount(text) <= 5 {
		if _, ok := d.fires(u, cb.indHeading); ok {
			r.label = "ind"
			return
		}
		if _, ok := d.fires(u, cb.goalHeading); ok {
			r.label = "mal"
			return
		}
	}
	r.readUnit(u)
}

// flatHeader recognises a header line of a table whose cells are
// separated by single spaces: every word a column name, one of them the
// goal column, one the indicator column.
func (d *doc) flatHeader(u int) *tableHeader {
	un := &d.units[u]
	if un.kind == uRow || un.tokTo-un.tokFrom < 2 || un.tokTo-un.tokFrom > 10 {
		return nil
	}
	text := d.unitText(u)
	if strings.ContainsAny(text, ".:;,") {
		return nil
	}
	pg := &d.pages[un.page]
	goal, ind, words := false, false, 0
	for i := un.tokFrom; i < un.tokTo; i++ {
		t := &pg.toks[i]
		if !t.number {
			words++
		}
		switch {
		case t.number:
		case t.lower == "mål" || t.lower == "delmål" || t.lower == "effektmål" || t.lower == "målsättning":
			goal = true
		case strings.HasPrefix(t.lower, "indikator") || t.lower == "mått" || t.lower == "mätetal":
			ind = true
		case otherColumns[t.lower]:
		default:
			return nil
		}
	}
	if !goal || !ind || words < 2 {
		return nil
	}
	return &tableHeader{goalCol: 0, indCol: 1, flat: true, section: un.section}
}

// readFlat reads the lines of a unit under a single-space table header:
// the goal is the line up to the first word that opens a measure, the
// indicator from there to the next capitalised word (the source column).
func (r *reader) readFlat(u int) {
	d := r.d
	un := &d.units[u]
	pg := &d.pages[un.page]
	for _, ln := range splitLines(pg.text[un.start:un.end]) {
		if ln.kind == lBlank {
			continue
		}
		ls, le := un.start+ln.start, un.start+ln.end
		from, to := d.firstTokenAt(u, ls), d.firstTokenAt(u, le)
		split := -1
		for k := from + 1; k < to; k++ {
			if startsUpper(pg.toks[k].text) && d.measureAt(u, k) {
				split = k
				break
			}
		}
		if split < 0 {
			r.readSpan(u, ls, le)
			continue
		}
		gEnd := pg.toks[split-1].end
		iEnd := le
		for k := split + 1; k < to; k++ {
			t := &pg.toks[k]
			if startsUpper(t.text) && !isAcronym(t.text) {
				iEnd = pg.toks[k-1].end
				break
			}
		}
		g := -1
		if !d.spanFires(u, ls, gEnd, d.cb.notGoal) {
			r.goals = append(r.goals, found{unit: u, start: ls, end: gEnd, horizon: d.horizon(u, ls, le, r.year), rowGoal: -1})
			g = len(r.goals) - 1
		}
		istart := pg.toks[split].start
		r.inds = append(r.inds, found{unit: u, start: istart, end: iEnd, typ: d.spanType(u, istart, iEnd), rowGoal: g})
		d.setSource(u, iEnd, le)
	}
}

// readSpan reads one line of a flat table that has no indicator: a goal
// if it reads as one.
func (r *reader) readSpan(u, start, end int) {
	d := r.d
	if d.spanFires(u, start, end, d.cb.goalStatement) && !d.spanFires(u, start, end, d.cb.notGoal) {
		r.goals = append(r.goals, found{unit: u, start: start, end: end, horizon: d.horizon(u, start, end, r.year), rowGoal: -1})
	}
}

// measureAt reports whether a measure or indicator label begins at token k
// of unit u.
func (d *doc) measureAt(u, k int) bool {
	un := &d.units[u]
	hs := d.pages[un.page].hits[un.hitFrom:un.hitTo]
	for _, rs := range [][]*rule{d.cb.indMeasure, d.cb.indHeading} {
		for _, r := range rs {
			if !r.atStart {
				continue
			}
			if h, ok := d.fireFrom(r, u, hs, k); ok && h.from == k {
				return true
			}
		}
	}
	return false
}

// readBareRow reads a row with cells but no header: when its first cell
// is a goal, the second is its indicator if the row has three or more
// cells (Mål | Indikator | Källa) or the cell reads as a measure.
func (r *reader) readBareRow(u int) bool {
	d, cb := r.d, r.d.cb
	un := &d.units[u]
	c0 := un.cells[0]
	goalCtx := d.kind(u) == "mal"
	if d.kind(u) != "behovsanalys" && d.spanFires(u, c0.start, c0.end, cb.indMeasure) && !d.spanFires(u, c0.start, c0.end, cb.goalStatement) {
		// "Antal … | Polisen | Årligen": an indicator with its source (in a
		// needs analysis the same row is background statistics).
		if d.spanFires(u, c0.start, c0.end, cb.notIndicator) {
			return false
		}
		r.inds = append(r.inds, found{unit: u, start: c0.start, end: c0.end, typ: d.spanType(u, c0.start, c0.end), rowGoal: -1})
		d.setSource(u, c0.end, un.end)
		return true
	}
	if !(d.spanFires(u, c0.start, c0.end, cb.goalStatement) || goalCtx) || d.spanFires(u, c0.start, c0.end, cb.notGoal) {
		return false
	}
	r.goals = append(r.goals, found{unit: u, start: c0.start, end: c0.end, horizon: d.horizon(u, un.start, un.end, r.year), rowGoal: -1})
	c1 := un.cells[1]
	if len(un.cells) >= 3 || d.spanFires(u, c1.start, c1.end, cb.indMeasure) || d.spanFires(u, c1.start, c1.end, cb.indStatement) {
		r.inds = append(r.inds, found{unit: u, start: c1.start, end: c1.end, typ: d.spanType(u, c1.start, c1.end), rowGoal: len(r.goals) - 1})
		d.setSource(u, c1.end, un.end)
	}
	return true
}

// readHeader recognises a header row: short cells, one of them naming
// the goal column or the indicator column.
func (d *doc) readHeader(u int) *tableHeader {
	un := &d.units[u]
	h := &tableHeader{goalCol: -1, indCol: -1, cells: len(un.cells), section: un.section, pos: -1, lastBlock: un.block, rowGoal: -1, typCol: -1,
		targetCol: -1, headerUnit: u}
	pg := &d.pages[un.page]
	for i, c := range un.cells {
		if wordCount(pg.text[c.start:c.end]) > 4 {
			return nil
		}
		if h.indCol < 0 && d.spanFires(u, c.start, c.end, d.cb.indHeading) {
			h.indCol = i
		} else if h.goalCol < 0 && d.spanFires(u, c.start, c.end, d.cb.goalHeading) {
			h.goalCol = i
		} else if columnRole(pg.text[c.start:c.end]) == "other" && sourceColumn(pg.text[c.start:c.end]) {
			h.srcCols = append(h.srcCols, i)
		} else if columnRole(pg.text[c.start:c.end]) == "typ" {
			h.typCol = i
		} else if low := strings.ToLower(pg.text[c.start:c.end]); strings.HasPrefix(low, "målvärde") || strings.HasPrefix(low, "målnivå") {
			h.targetCol = i
		}
	}
	if h.goalCol < 0 && h.indCol < 0 {
		return nil
	}
	if h.indCol < 0 {
		// "Mål 2017 | Resultat | Kommentar": last year's goals followed up.
		for _, c := range un.cells {
			switch strings.ToLower(strings.TrimSpace(pg.text[c.start:c.end])) {
			case "resultat", "utfall", "status", "uppnått", "måluppfyllelse", "resultat 2017", "resultat 2016", "resultat 2018":
				h.goalCol, h.followUp = -1, true
			}
		}
	}
	return h
}

// readRow reads a row under a header row. A goal's horizon is read from
// the whole row: its target year often stands in another column
// ("Målvärde 2020").
func (r *reader) readRow(u int, th *tableHeader) {
	d := r.d
	un := &d.units[u]
	// A row with one cell fewer than its header has its first two cells
	// run together ("Barn som anhöriga Barn som anhöriga ska …"): count
	// columns from the right. A row shorter still continues a row broken
	// across a page: it adds nothing.
	shift := th.cells - len(un.cells)
	if shift > 1 {
		return
	}
	col := func(c int) int {
		if c < 0 {
			return -1
		}
		return max(c-max(shift, 0), 0)
	}
	goalCol, indCol := col(th.goalCol), col(th.indCol)
	if th.indCol < 0 {
		indCol = -1
	}
	rowGoal := -1
	if th.goalCol < 0 && th.targetCol >= 0 && indCol >= 0 {
		// No goal column, but a target value: the row as a whole is a goal
		// ("Andel som mår bra | 70 % | 80 %" under "Målvärde 2019").
		if tc := col(th.targetCol); tc < len(un.cells) && strings.TrimSpace(d.pages[un.page].text[un.cells[tc].start:un.cells[tc].end]) != "" {
			r.goals = append(r.goals, found{unit: u, start: un.start, end: un.end, horizon: r.rowHorizon(u, th), rowGoal: -1})
			rowGoal = len(r.goals) - 1
		}
	}
	if th.goalCol >= 0 && goalCol < len(un.cells) {
		c := un.cells[goalCol]
		if g := r.restatedGoal(u, c.start, c.end); g >= 0 {
			rowGoal = g // "1. Fler elever mår bra" in a follow-up table names a goal stated before
		} else if !d.spanFires(u, c.start, c.end, d.cb.notGoal) {
			r.goals = append(r.goals, found{unit: u, start: c.start, end: c.end, horizon: r.rowHorizon(u, th), rowGoal: -1})
			rowGoal = len(r.goals) - 1
		}
	}
	if indCol >= 0 && indCol < len(un.cells) && indCol != goalCol {
		c := un.cells[indCol]
		// The plan's own types ("Typ" column), in the order of the cell's
		// indicators (one per sentence: "Antal upprättade SIP. Gemensam
		// SIP-utbildning finns." with "Process Struktur").
		var types []string
		if tc := col(th.typCol); th.typCol >= 0 && tc < len(un.cells) {
			types = typeWords(d.pages[un.page].text[un.cells[tc].start:un.cells[tc].end])
		}
		cell := d.pages[un.page].text[c.start:c.end]
		from := 0
		for k, e := range append(sentenceEnds(cell), len(cell)) {
			start := c.start + from + len(cell[from:e]) - len(strings.TrimLeft(cell[from:e], " \n"))
			end := c.start + len(strings.TrimRight(cell[:e], " \n"))
			from = e
			if start >= end || d.spanFires(u, start, end, d.cb.notIndicator) {
				continue
			}
			typ := d.spanType(u, start, end)
			if k < len(types) && len(types) > 0 {
				typ = types[k]
			}
			r.inds = append(r.inds, found{unit: u, start: start, end: end, typ: typ, rowGoal: rowGoal})
		}
	}
	for _, sc := range th.srcCols {
		if c := col(sc); c >= 0 && c < len(un.cells) && c != goalCol && c != indCol {
			d.setSource(u, un.cells[c].start, un.cells[c].end)
		}
	}
}

// typeWords returns the indicator types written in a "Typ" cell, in
// order ("Process Struktur" → process, struktur).
func typeWords(cell string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(cell), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch {
		case strings.HasPrefix(w, "struktur"):
			out = append(out, "struktur")
		case strings.HasPrefix(w, "process"):
			out = append(out, "process")
		case strings.HasPrefix(w, "resultat"):
			out = append(out, "resultat")
		}
	}
	return out
}

// rowHorizon reads the horizon of a goal row from the row and, failing
// that, from the header cells of its goal and target-value columns
// ("Effektmål till 2020", "Målvärde 2019").
func (r *reader) rowHorizon(u int, th *tableHeader) string {
	d := r.d
	un := &d.units[u]
	h := d.horizon(u, un.start, un.end, r.year)
	hd := th.headerUnit
	if h != "ospecificerad" || hd < 0 {
		return h
	}
	for _, col := range []int{th.goalCol, th.targetCol} {
		if col < 0 || col >= len(d.units[hd].cells) {
			continue
		}
		c := d.units[hd].cells[col]
		if _, ok := d.spanFire(hd, c.start, c.end, d.cb.goalLang); ok {
			return "lang"
		}
		if _, ok := d.spanFire(hd, c.start, c.end, d.cb.goalKort); ok {
			return "kort"
		}
		if y := yearHorizon(d.spanYears(hd, c.start, c.end), r.year); y != "" {
			return y
		}
	}
	return h
}

// sourceColumn reports a column name that names where figures come from
// ("Källa", "Datakälla"): actors named there are sources, not actors.
func sourceColumn(name string) bool {
	low := strings.ToLower(strings.TrimSpace(name))
	return strings.HasPrefix(low, "källa") || strings.HasPrefix(low, "källor") || strings.HasPrefix(low, "datakälla") ||
		strings.HasPrefix(low, "mätkälla")
}

// restatedGoal returns the earlier goal that a short goal cell of a
// follow-up table names again ("2. Överenskommelse om samhällsvård" for
// "Under 2017 ska alla kommuner ha tecknat en överenskommelse … om
// samverkan kring barn och unga i samhällsvård"): the goal in a goal
// section sharing most content words with the cell. It returns -1 when
// the cell is no such reference.
func (r *reader) restatedGoal(u, start, end int) int {
	d := r.d
	if d.kind(u) != "uppfoljning" || wordCount(d.pages[d.units[u].page].text[start:end]) > 8 {
		return -1
	}
	cell := d.contentStems(u, start, end)
	best, bestN := -1, 0
	for i, g := range r.goals {
		if d.kind(g.unit) == "uppfoljning" {
			continue
		}
		n := 0
		for st := range d.contentStems(g.unit, g.start, g.end) {
			if cell[st] {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// contentStems returns the stems of the content words between byte
// offsets start and end of unit u: no stop words, no numbers.
func (d *doc) contentStems(u, start, end int) map[string]bool {
	un := &d.units[u]
	out := map[string]bool{}
	for _, t := range d.pages[un.page].toks[un.tokFrom:un.tokTo] {
		if t.start >= start && t.end <= end && !t.number && utf8.RuneCountInString(t.lower) >= 3 && !swedish.IsStopWord(t.lower) {
			out[t.stem] = true
		}
	}
	return out
}

// setSource marks the part of a table row after its indicator (source,
// frequency, target value) as no place for codes: "Polisen" as a data
// source is no actor.
func (d *doc) setSource(u, start, end int) {
	if start >= end {
		return
	}
	if d.sources == nil {
		d.sources = map[int]cellSpan{}
	}
	d.sources[u] = cellSpan{start, end}
}

// inSource reports whether a hit of unit u lies in its row's source part.
func (d *doc) inSource(u int, h hit) bool {
	src, ok := d.sources[u]
	if !ok {
		return false
	}
	start := d.pages[d.units[u].page].toks[h.from].start
	return start >= src.start && start < src.end
}

// readUnit decides whether a sentence, item or row is a goal, an
// indicator, or both.
func (r *reader) readUnit(u int) {
	d, cb := r.d, r.d.cb
	un := &d.units[u]
	text := d.unitText(u)
	ctxKind := d.kind(u)
	_, notGoal := d.fires(u, cb.notGoal)
	_, notInd := d.fires(u, cb.notIndicator)
	indHit, indStmt := d.fires(u, cb.indStatement)
	if h, ok := d.labelAt(u, cb.indHeading); ok {
		indHit, indStmt = h, true
	} else if h, ok := d.midLabel(u, cb.indHeading); ok {
		indHit, indStmt = h, true
	}
	_, goalLabel := d.labelAt(u, cb.goalHeading)
	goalLabel = goalLabel && !indStmt
	_, measure := d.fires(u, cb.indMeasure)
	listLike := un.kind == uItem || un.kind == uRow || ((un.kind == uProse || un.kind == uHeading) && !endsSentence(text) && wordCount(text) <= 25)
	// A follow-up of last year's plan reports results, not indicators.
	indCtx := (r.label == "ind" || ctxKind == "uppfoljning" || d.headingFires(u, cb.indHeading)) && !d.headingFires(u, cb.notIndicator)
	isInd := !notInd && (indStmt || (indCtx && (measure || listLike) && numberedHeading(text) == 0))

	_, stmt := d.fires(u, cb.goalStatement)
	goalCtx := r.label == "mal" || ctxKind == "mal" || d.headingFires(u, cb.goalHeading)
	isGoal := !notGoal && (stmt || goalLabel || (goalCtx && listLike && un.kind != uHeading && !isInd))
	if un.kind == uHeading && wordCount(text) <= 2 && d.namesSection(u) {
		// "Vision", "Uppföljning": a heading that names a part is neither.
		isGoal, isInd = false, false
	}
	if isInd && !indStmt && isGoal && stmt {
		isInd = false // a measure written into the goal belongs to the goal
	}

	if strings.HasSuffix(strings.TrimSpace(text), ":") {
		return // a line that opens a list ("… följande indikatorer:") is neither
	}
	pg := &d.pages[un.page]
	start := un.start
	if un.kind == uItem {
		start += itemPrefix(text) // the list marker is not part of the goal
	}
	switch {
	case isGoal && isInd && indStmt && indHit.from > d.firstWord(u):
		// "Minska X. Indikator: andel Y" in one unit: split at the cue.
		cut := pg.toks[indHit.from].start
		if ls := labelStart(pg, indHit, un); ls >= 0 {
			cut = ls
		}
		gEnd := un.start + len(strings.TrimRight(pg.text[un.start:cut], " \t\n–-—:;,"))
		r.goals = append(r.goals, found{unit: u, start: start, end: gEnd, horizon: d.horizon(u, start, gEnd, r.year), rowGoal: -1})
		r.inds = append(r.inds, found{unit: u, start: cut, end: un.end, typ: d.spanType(u, cut, un.end), rowGoal: len(r.goals) - 1})
	case isGoal:
		r.goals = append(r.goals, found{unit: u, start: start, end: un.end, horizon: d.horizon(u, start, un.end, r.year), rowGoal: -1})
	case isInd:
		r.inds = append(r.inds, found{unit: u, start: start, end: un.end, typ: d.spanType(u, start, un.end), rowGoal: -1})
	}
}

// labelStart returns the byte offset where the sentence holding a cue
// starts inside a unit (so that "… Indikator: andel …" is cut before
// "Indikator"), or -1.
func labelStart(pg *page, h hit, un *unit) int {
	i := pg.toks[h.from].start
	for j := i - 1; j > un.start; j-- {
		c := pg.text[j]
		if c == '.' || c == '\n' || c == ';' {
			return j + 1 + len(pg.text[j+1:i]) - len(strings.TrimLeft(pg.text[j+1:i], " \t\n"))
		}
	}
	return -1
}

// labelAt reports a label at the start of u ("Indikator: …", "Mål 2: …",
// "Indikator (resultat): …"): a rule of rs fires on the first word, a
// colon follows within a few characters, and words follow the colon. It
// returns the hit of the first word after the colon.
func (d *doc) labelAt(u int, rs []*rule) (hit, bool) {
	un := &d.units[u]
	if un.kind == uHeading && wordCount(d.unitText(u)) <= 3 {
		return hit{}, false
	}
	h, ok := d.fires(u, rs)
	if !ok || h.from != d.firstWord(u) {
		return hit{}, false
	}
	pg := &d.pages[un.page]
	after := pg.text[pg.toks[h.to-1].end:un.end]
	colon := strings.IndexByte(after, ':')
	if colon < 0 || utf8.RuneCountInString(after[:colon]) > 24 || strings.ContainsAny(after[:colon], ".;\n") {
		return hit{}, false
	}
	k := d.firstTokenAt(u, pg.toks[h.to-1].end+colon)
	if k >= un.tokTo {
		return hit{}, false
	}
	return hit{from: k, to: k}, true
}

// midLabel finds a label inside a unit ("… till 2020. Indikator: antal
// suicid"): a word of rs that starts a sentence or a line and is followed
// by a colon within a few characters. It returns a hit at the label.
func (d *doc) midLabel(u int, rs []*rule) (hit, bool) {
	un := &d.units[u]
	pg := &d.pages[un.page]
	hs := pg.hits[un.hitFrom:un.hitTo]
	for _, h := range hs {
		if h.from <= d.firstWord(u) {
			continue
		}
		gap := pg.text[pg.toks[h.from-1].end:pg.toks[h.from].start]
		if !strings.ContainsAny(gap, ".\n;") {
			continue
		}
		after := pg.text[pg.toks[h.to-1].end:un.end]
		colon := strings.IndexByte(after, ':')
		if colon < 0 || utf8.RuneCountInString(after[:colon]) > 24 || strings.ContainsAny(after[:colon], ".;\n") {
			continue
		}
		for _, r := range rs {
			if hasTerm(r.any, h.term) {
				return h, true
			}
		}
	}
	return hit{}, false
}

// spanType reads the indicator type of a cell or line.
func (d *doc) spanType(u, start, end int) string {
	cb := d.cb
	for _, lit := range []struct {
		rs  []*rule
		typ string
	}{{cb.indStruktur, "struktur"}, {cb.indProc, "process"}, {cb.indRes, "resultat"}} {
		for _, r := range lit.rs {
			if strings.HasSuffix(r.id, "_literal") && d.spanFires(u, start, end, []*rule{r}) {
				return lit.typ
			}
		}
	}
	switch {
	case d.spanFires(u, start, end, cb.indProc):
		return "process"
	case d.spanFires(u, start, end, cb.indStruktur):
		return "struktur"
	case d.spanFires(u, start, end, cb.indRes):
		return "resultat"
	}
	return "ospecificerad"
}

// namesSection reports whether a section rule fires on unit u: the
// heading names a part of the plan ("Vision", "Indikatorer").
func (d *doc) namesSection(u int) bool {
	for _, f := range d.units[u].fired {
		if strings.HasPrefix(f.r.set, "sections/") {
			return true
		}
	}
	return false
}

// headingFires reports whether rs fires on the heading of u's section.
func (d *doc) headingFires(u int, rs []*rule) bool {
	h := d.headingOf(u)
	if h < 0 {
		return false
	}
	_, ok := d.fires(h, rs)
	return ok
}

// headingOf returns the nearest heading unit before u in u's section
// (its own heading, or a sub-heading that opened no section, as in a
// passage coded alone), or -1.
func (d *doc) headingOf(u int) int {
	sec := d.units[u].section
	for h := u - 1; h >= 0 && d.units[h].section == sec; h-- {
		if d.units[h].kind == uHeading {
			return h
		}
	}
	return -1
}

// horizon reads a goal's horizon: cue words in the goal, then years
// relative to the plan year, then cue words in its heading.
func (d *doc) horizon(u, start, end, year int) string {
	cb := d.cb
	lang, langOK := d.spanFire(u, start, end, cb.goalLang)
	kort, kortOK := d.spanFire(u, start, end, cb.goalKort)
	switch {
	case langOK && kortOK:
		if lang.from <= kort.from {
			return "lang"
		}
		return "kort"
	case langOK:
		return "lang"
	case kortOK:
		return "kort"
	}
	if h := yearHorizon(d.spanYears(u, start, end), year); h != "" {
		return h
	}
	// "… god psykisk hälsa. Det är en långsiktig målsättning." (only a
	// long-term cue: "Det" sentences about short terms speak of sub-goals.)
	if v := u + 1; v < len(d.units) && d.units[v].block == d.units[u].block && d.units[v].tokTo > d.units[v].tokFrom &&
		referringBack[d.pages[d.units[v].page].toks[d.firstWord(v)].lower] {
		if _, ok := d.fires(v, cb.goalLang); ok {
			return "lang"
		}
	}
	if h := d.headingOf(u); h >= 0 {
		if _, ok := d.fires(h, cb.goalLang); ok {
			return "lang"
		}
		if _, ok := d.fires(h, cb.goalKort); ok {
			return "kort"
		}
		if y := yearHorizon(d.unitYears(h), year); y != "" {
			return y
		}
	}
	return "ospecificerad"
}

// referringBack are first words of a sentence that speaks of the one
// before it ("Det är ett långsiktigt mål").
var referringBack = map[string]bool{"det": true, "detta": true, "den": true}

// spanYears returns the years written between byte offsets start and end
// of unit u.
func (d *doc) spanYears(u, start, end int) []int {
	un := &d.units[u]
	var out []int
	for _, t := range d.pages[un.page].toks[un.tokFrom:un.tokTo] {
		if t.start >= start && t.end <= end && t.number && len(t.text) == 4 && strings.HasPrefix(t.text, "20") {
			if y, err := strconv.Atoi(t.text); err == nil {
				out = append(out, y)
			}
		}
	}
	return out
}

// unitYears returns the years (2000–2099) written in a unit.
func (d *doc) unitYears(u int) []int {
	un := &d.units[u]
	var out []int
	for _, t := range d.pages[un.page].toks[un.tokFrom:un.tokTo] {
		if t.number && len(t.text) == 4 && strings.HasPrefix(t.text, "20") {
			if y, err := strconv.Atoi(t.text); err == nil {
				out = append(out, y)
			}
		}
	}
	return out
}

// yearHorizon: a target year beyond the year after the plan's is
// long-term (three or more years after, and also two: the sample plans'
// authors read "till 2020" in a 2018 plan as long-term); the plan year
// and the next are short-term; years before the plan year are baselines
// and say nothing.
func yearHorizon(years []int, planYear int) string {
	if planYear == 0 {
		return ""
	}
	max := 0
	for _, y := range years {
		if y >= planYear && y > max {
			max = y
		}
	}
	switch {
	case max == 0:
		return ""
	case max-planYear >= 2:
		return "lang"
	default:
		return "kort"
	}
}

// number gives goals and indicators their ids and links them: by table
// row or unit, else an indicator follows the last goal before it in the
// same section.
func (d *doc) number(goals, inds []found) ([]Goal, []Indicator, map[int]bool, map[int]bool) {
	outG := make([]Goal, 0, len(goals))
	gUnits, iUnits := map[int]bool{}, map[int]bool{}
	d.goalSpans, d.indSpans = map[int][]cellSpan{}, map[int][]cellSpan{}
	for i, g := range goals {
		outG = append(outG, d.goal(i, g))
		gUnits[g.unit] = true
		d.goalSpans[g.unit] = append(d.goalSpans[g.unit], cellSpan{g.start, g.end})
	}
	for _, in := range inds {
		d.indSpans[in.unit] = append(d.indSpans[in.unit], cellSpan{in.start, in.end})
	}
	nums := make([]string, len(goals))
	for i, g := range goals {
		un := &d.units[g.unit]
		nums[i] = goalNumber(d.pages[un.page].text[un.start:g.end])
	}
	outI := make([]Indicator, 0, len(inds))
	for i, in := range inds {
		ind := d.indicator(i, in)
		gi := in.rowGoal
		if gi == -1 {
			gi = d.referencedGoal(goals, nums, in)
		}
		if gi == -1 {
			gi = d.lastGoalBefore(goals, in.unit)
		}
		if gi >= 0 {
			ind.GoalID = outG[gi].ID
			outG[gi].IndicatorIDs = append(outG[gi].IndicatorIDs, ind.ID)
		}
		outI = append(outI, ind)
		iUnits[in.unit] = true
	}
	return outG, outI, gUnits, iUnits
}

// goalNumberRe reads the number a goal is given: "Mål 2:", "Delmål 1.2",
// "3.", "2)".
var goalNumberRe = regexp.MustCompile(`(?i)^\s*(?:[•\-–*]\s*)?(?:(?:del|effekt|resultat|lång|kort)?(?:siktigt\s+)?mål\s*)?(\d{1,2}(?:\.\d{1,2})*)\s*[.:)]?\s`)

// goalRefRe finds an explicit reference to a numbered goal in an
// indicator: "(mål 2)", "Indikator för delmål 1.2".
var goalRefRe = regexp.MustCompile(`(?i)\b(?:del|effekt|resultat)?mål\s+(\d{1,2}(?:\.\d{1,2})*)\b`)

func goalNumber(text string) string {
	if m := goalNumberRe.FindStringSubmatch(text); m != nil {
		return strings.TrimSuffix(m[1], ".")
	}
	return ""
}

// referencedGoal returns the goal an indicator names by number ("mål 2"),
// the last such goal before it if several share the number, or -1.
func (d *doc) referencedGoal(goals []found, nums []string, in found) int {
	un := &d.units[in.unit]
	m := goalRefRe.FindStringSubmatch(d.pages[un.page].text[un.start:un.end])
	if m == nil {
		return -1
	}
	best := -1
	for i := range goals {
		if nums[i] != m[1] {
			continue
		}
		if best < 0 || goals[i].unit <= in.unit {
			best = i
		}
	}
	return best
}

func (d *doc) lastGoalBefore(goals []found, u int) int {
	sec := d.units[u].section
	for i := len(goals) - 1; i >= 0; i-- {
		if goals[i].unit <= u && d.units[goals[i].unit].section == sec {
			return i
		}
	}
	return -1
}

func (d *doc) goal(i int, g found) Goal {
	un := &d.units[g.unit]
	pg := &d.pages[un.page]
	return Goal{ID: fmt.Sprintf("g%d", i+1), Text: pg.quote(g.start, g.end), Horizon: g.horizon, Page: pg.num,
		Section: d.kind(g.unit), IndicatorIDs: []string{}, Start: int(pg.runeAt[g.start]), End: int(pg.runeAt[g.end])}
}

func (d *doc) indicator(i int, in found) Indicator {
	un := &d.units[in.unit]
	pg := &d.pages[un.page]
	return Indicator{ID: fmt.Sprintf("i%d", i+1), Text: pg.quote(in.start, in.end), Type: in.typ, Page: pg.num,
		Section: d.kind(in.unit), Start: int(pg.runeAt[in.start]), End: int(pg.runeAt[in.end])}
}

// brukarinflytande reads the highest level of user involvement and the
// organisations named.
func (d *doc) brukarinflytande() Brukarinflytande {
	cb := d.cb
	out := Brukarinflytande{Level: "saknas", Organisations: []string{}, Evidence: []Evidence{}}
	rank := map[string]int{}
	for i, l := range brukarLevels {
		rank[l] = i
	}
	orgs := map[string]bool{}
	for u := range d.units {
		if d.units[u].kind == uTOC {
			continue
		}
		evid := false
		for _, lv := range brukarLevels[1:] {
			if _, ok := d.fires(u, cb.brukar[lv]); ok {
				evid = true
				if rank[lv] > rank[out.Level] {
					out.Level = lv
				}
			}
		}
		for _, o := range cb.orgs {
			if _, ok := d.fires(u, o.rules); ok {
				evid = true
				if !orgs[o.name] {
					orgs[o.name] = true
					out.Organisations = append(out.Organisations, o.name)
				}
			}
		}
		if evid {
			out.Evidence = append(out.Evidence, d.evidence(u))
		}
	}
	return out
}

// genus reads the gender perspective and where it stands: the section
// kind of each mention, "mal" for a goal, "indikator" for an indicator.
func (d *doc) genus(goalUnits, indUnits map[int]bool) Genus {
	out := Genus{Placements: []string{}, Evidence: []Evidence{}}
	placed := map[string]bool{}
	for u := range d.units {
		if d.units[u].kind == uTOC {
			continue
		}
		if _, ok := d.fires(u, d.cb.genus); !ok {
			continue
		}
		out.Present = true
		out.Evidence = append(out.Evidence, d.evidence(u))
		for _, p := range d.genusPlaces(u, goalUnits, indUnits) {
			placed[p] = true
		}
	}
	for _, p := range []string{"behovsanalys", "mal", "aktivitet", "indikator"} {
		if placed[p] {
			out.Placements = append(out.Placements, p)
		}
	}
	return out
}

// genusPlaces says where a gender-perspective mention in unit u stands:
// in a goal ("mal") or an indicator ("indikator") found in the unit — in
// a table row, the cell it is in — else in a sentence about indicators,
// else the unit's section kind (a follow-up section counts as indikator).
func (d *doc) genusPlaces(u int, goalUnits, indUnits map[int]bool) []string {
	var out []string
	for _, sp := range d.goalSpans[u] {
		if d.spanFires(u, sp.start, sp.end, d.cb.genusSpan) {
			out = append(out, "mal")
			break
		}
	}
	for _, sp := range d.indSpans[u] {
		if d.spanFires(u, sp.start, sp.end, d.cb.genusSpan) {
			out = append(out, "indikator")
			break
		}
	}
	if len(out) > 0 {
		return out
	}
	if _, ok := d.fires(u, d.cb.indHeading); ok || indUnits[u] {
		return []string{"indikator"}
	}
	if goalUnits[u] {
		return []string{"mal"}
	}
	switch p := d.kind(u); p {
	case "behovsanalys", "mal", "aktivitet":
		return []string{p}
	case "uppfoljning":
		return []string{"indikator"}
	}
	return nil
}
