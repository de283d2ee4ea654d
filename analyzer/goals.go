package analyzer

import (
	"fmt"
	"strconv"
	"strings"
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
// start and end of its page (a table cell).
func (d *doc) spanFires(u int, start, end int, rs []*rule) bool {
	un := &d.units[u]
	pg := &d.pages[un.page]
	var hs []hit
	for _, h := range pg.hits[un.hitFrom:un.hitTo] {
		if pg.toks[h.from].start >= start && pg.toks[h.to-1].end <= end {
			hs = append(hs, h)
		}
	}
	for _, r := range rs {
		if _, ok := d.fire(r, u, hs); ok {
			return true
		}
	}
	return false
}

// tableHeader is the column roles of the table being read.
type tableHeader struct {
	goalCol, indCol int
	cells           int
}

// item is a goal or indicator found, before numbering.
type found struct {
	unit       int
	start, end int // byte offsets in the page
	horizon    string
	typ        string
	rowGoal    int // index into goals of the goal on the same row, -1
}

// goalsAndIndicators extracts goals and indicators in document order and
// links them. It also returns the units that hold goals and indicators.
func (d *doc) goalsAndIndicators(year int) ([]Goal, []Indicator, map[int]bool, map[int]bool) {
	cb := d.cb
	var goals, inds []found
	var th *tableHeader
	label := "" // "mal" or "ind" after a label line such as "Indikatorer:"
	for u := range d.units {
		un := &d.units[u]
		if un.kind == uTOC {
			continue
		}
		if un.kind != uRow {
			th = nil
		}
		if un.kind == uHeading || (un.kind == uProse && !strings.HasSuffix(d.unitText(u), ":")) {
			label = ""
		}
		if un.kind == uRow && len(un.cells) >= 2 {
			if h := d.readHeader(u); h != nil {
				th = h
				continue
			}
			if th != nil && (th.goalCol >= 0 || th.indCol >= 0) {
				d.readRow(u, th, year, &goals, &inds)
				continue
			}
		}
		text := d.unitText(u)
		if (un.kind == uProse || un.kind == uHeading) && strings.HasSuffix(text, ":") && wordCount(text) <= 5 {
			if _, ok := d.fires(u, cb.indHeading); ok {
				label = "ind"
				continue
			}
			if _, ok := d.fires(u, cb.goalHeading); ok {
				label = "mal"
				continue
			}
		}
		d.readUnit(u, label, year, &goals, &inds)
	}
	return d.number(goals, inds)
}

// readHeader recognises a header row: short cells, one of them naming
// the goal column or the indicator column.
func (d *doc) readHeader(u int) *tableHeader {
	un := &d.units[u]
	h := &tableHeader{goalCol: -1, indCol: -1, cells: len(un.cells)}
	pg := &d.pages[un.page]
	for i, c := range un.cells {
		if wordCount(pg.text[c.start:c.end]) > 4 {
			return nil
		}
		if h.indCol < 0 && d.spanFires(u, c.start, c.end, d.cb.indHeading) {
			h.indCol = i
		} else if h.goalCol < 0 && d.spanFires(u, c.start, c.end, d.cb.goalHeading) {
			h.goalCol = i
		}
	}
	if h.goalCol < 0 && h.indCol < 0 {
		return nil
	}
	return h
}

func (d *doc) readRow(u int, th *tableHeader, year int, goals, inds *[]found) {
	un := &d.units[u]
	rowGoal := -1
	if th.goalCol >= 0 && th.goalCol < len(un.cells) {
		c := un.cells[th.goalCol]
		if !d.spanFires(u, c.start, c.end, d.cb.notGoal) {
			*goals = append(*goals, found{unit: u, start: c.start, end: c.end, horizon: d.horizon(u, year), rowGoal: -1})
			rowGoal = len(*goals) - 1
		}
	}
	if th.indCol >= 0 && th.indCol < len(un.cells) {
		c := un.cells[th.indCol]
		if !d.spanFires(u, c.start, c.end, d.cb.notIndicator) {
			*inds = append(*inds, found{unit: u, start: c.start, end: c.end, typ: d.indicatorType(u), rowGoal: rowGoal})
		}
	}
}

// readUnit decides whether a sentence, item or row is a goal, an
// indicator, or both.
func (d *doc) readUnit(u int, label string, year int, goals, inds *[]found) {
	cb := d.cb
	un := &d.units[u]
	text := d.unitText(u)
	ctxKind := d.kind(u)
	_, notGoal := d.fires(u, cb.notGoal)
	_, notInd := d.fires(u, cb.notIndicator)
	indHit, indStmt := d.fires(u, cb.indStatement)
	if h, ok := d.labelAt(u, cb.indHeading); ok {
		indHit, indStmt = h, true
	}
	if _, ok := d.labelAt(u, cb.goalHeading); ok && !indStmt {
		label = "mal"
	}
	_, measure := d.fires(u, cb.indMeasure)
	indCtx := label == "ind" || ctxKind == "uppfoljning" || d.headingFires(u, cb.indHeading)
	isInd := !notInd && (indStmt || (indCtx && measure && un.kind != uHeading))

	_, stmt := d.fires(u, cb.goalStatement)
	goalCtx := label == "mal" || ctxKind == "mal" || d.headingFires(u, cb.goalHeading)
	listLike := un.kind == uItem || un.kind == uRow || (un.kind == uProse && !endsSentence(text) && wordCount(text) <= 25)
	isGoal := !notGoal && (stmt || (goalCtx && listLike && un.kind != uHeading && !isInd))

	pg := &d.pages[un.page]
	start := un.start
	if un.kind == uItem {
		start += itemPrefix(text) // the list marker is not part of the goal
	}
	switch {
	case isGoal && isInd && indStmt && indHit.from > d.firstWord(u):
		// "Minska X. Indikator: andel Y" in one unit: split at the cue.
		cut := pg.toks[indHit.from].start
		gEnd := un.start + len(strings.TrimRight(pg.text[un.start:cut], " \t\n–-—:;,"))
		*goals = append(*goals, found{unit: u, start: start, end: gEnd, horizon: d.horizon(u, year), rowGoal: -1})
		*inds = append(*inds, found{unit: u, start: cut, end: un.end, typ: d.indicatorType(u), rowGoal: len(*goals) - 1})
	case isGoal:
		*goals = append(*goals, found{unit: u, start: start, end: un.end, horizon: d.horizon(u, year), rowGoal: -1})
	case isInd:
		*inds = append(*inds, found{unit: u, start: start, end: un.end, typ: d.indicatorType(u), rowGoal: -1})
	}
}

// labelAt reports a label at the start of u ("Indikator: …", "Mål 2: …"):
// a rule of rs fires on the first word, a colon follows it (after an
// optional number), and words follow the colon. It returns a hit for the
// label.
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
	end := h.to
	for end < un.tokTo && pg.toks[end].number {
		end++
	}
	if end >= un.tokTo {
		return hit{}, false
	}
	gap := pg.text[pg.toks[end-1].end:pg.toks[end].start]
	if !strings.Contains(gap, ":") {
		return hit{}, false
	}
	return hit{from: end, to: end}, true
}

// headingFires reports whether rs fires on the heading of u's section.
func (d *doc) headingFires(u int, rs []*rule) bool {
	s := d.sections[d.units[u].section]
	if s.unit < 0 || s.unit == u {
		return false
	}
	_, ok := d.fires(s.unit, rs)
	return ok
}

// horizon reads a goal's horizon: cue words in the goal, then years
// relative to the plan year, then cue words in its heading.
func (d *doc) horizon(u int, year int) string {
	cb := d.cb
	lang, langOK := d.fires(u, cb.goalLang)
	kort, kortOK := d.fires(u, cb.goalKort)
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
	if h := yearHorizon(d.unitYears(u), year); h != "" {
		return h
	}
	if s := d.sections[d.units[u].section]; s.unit >= 0 && s.unit != u {
		if _, ok := d.fires(s.unit, cb.goalLang); ok {
			return "lang"
		}
		if _, ok := d.fires(s.unit, cb.goalKort); ok {
			return "kort"
		}
		if h := yearHorizon(d.unitYears(s.unit), year); h != "" {
			return h
		}
	}
	return "ospecificerad"
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

// yearHorizon: a target year three or more years after the plan year is
// long-term; the plan year up to two years after is short-term; years
// before the plan year are baselines and say nothing.
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
	case max-planYear >= 3:
		return "lang"
	default:
		return "kort"
	}
}

// indicatorType reads an indicator's type: a type the plan writes itself
// ("strukturindikator") first, then process, resultat, struktur.
func (d *doc) indicatorType(u int) string {
	cb := d.cb
	for _, f := range d.units[u].fired {
		if strings.HasSuffix(f.r.id, "_literal") {
			switch {
			case containsRule(cb.indStruktur, f.r):
				return "struktur"
			case containsRule(cb.indProc, f.r):
				return "process"
			case containsRule(cb.indRes, f.r):
				return "resultat"
			}
		}
	}
	if _, ok := d.fires(u, cb.indProc); ok {
		return "process"
	}
	if _, ok := d.fires(u, cb.indRes); ok {
		return "resultat"
	}
	if _, ok := d.fires(u, cb.indStruktur); ok {
		return "struktur"
	}
	return "ospecificerad"
}

// number gives goals and indicators their ids and links them: by table
// row or unit, else an indicator follows the last goal before it in the
// same section.
func (d *doc) number(goals, inds []found) ([]Goal, []Indicator, map[int]bool, map[int]bool) {
	outG := make([]Goal, 0, len(goals))
	gUnits, iUnits := map[int]bool{}, map[int]bool{}
	for i, g := range goals {
		outG = append(outG, d.goal(i, g))
		gUnits[g.unit] = true
	}
	outI := make([]Indicator, 0, len(inds))
	for i, in := range inds {
		ind := d.indicator(i, in)
		gi := in.rowGoal
		if gi < 0 {
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
	return Goal{ID: fmt.Sprintf("g%d", i+1), Text: pg.text[g.start:g.end], Horizon: g.horizon, Page: pg.num,
		Section: d.kind(g.unit), IndicatorIDs: []string{}, Start: int(pg.runeAt[g.start]), End: int(pg.runeAt[g.end])}
}

func (d *doc) indicator(i int, in found) Indicator {
	un := &d.units[in.unit]
	pg := &d.pages[un.page]
	return Indicator{ID: fmt.Sprintf("i%d", i+1), Text: pg.text[in.start:in.end], Type: in.typ, Page: pg.num,
		Section: d.kind(in.unit), Start: int(pg.runeAt[in.start]), End: int(pg.runeAt[in.end])}
}

// brukarinflytande reads the highest level of user involvement and the
// organisations named.
func (d *doc) brukarinflytande() Brukarinflytande {
	cb := d.cb
	out := Brukarinflytande{Level: "saknas", Organisations: []string{}, Evidence: []Evidence{}}
	rank := map[string]int{}
	for i, l := range BrukarLevels {
		rank[l] = i
	}
	orgs := map[string]bool{}
	for u := range d.units {
		if d.units[u].kind == uTOC {
			continue
		}
		evid := false
		for _, lv := range BrukarLevels[1:] {
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
		p := d.kind(u)
		switch {
		case indUnits[u]:
			p = "indikator"
		case goalUnits[u]:
			p = "mal"
		case p == "uppfoljning":
			p = "indikator"
		}
		if p == "behovsanalys" || p == "mal" || p == "aktivitet" || p == "indikator" {
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
