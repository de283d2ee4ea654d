package analyzer

import (
	"slices"
	"sort"
	"strings"
)

// Coder codes plans against one codebook. It is immutable and safe for
// concurrent use.
type Coder struct {
	cb *Codebook
}

// NewCoder returns a coder for cb.
func NewCoder(cb *Codebook) *Coder { return &Coder{cb: cb} }

// Codebook returns the codebook the coder uses.
func (c *Coder) Codebook() *Codebook { return c.cb }

// Code codes a plan. It is pure and deterministic: the same pages and
// meta give the same Coding. Slices in the result are never nil.
func (c *Coder) Code(meta PlanMeta, pages []PageText) Coding {
	return c.code(meta, pages, "")
}

func (c *Coder) code(meta PlanMeta, pages []PageText, force string) Coding {
	d := c.cb.parse(pages, force)
	goals, inds, goalUnits, indUnits := d.goalsAndIndicators(meta.Year)
	out := Coding{
		PlanID:           meta.PlanID,
		CodebookVersion:  c.cb.version,
		Codes:            d.codes(indUnits),
		Goals:            goals,
		Indicators:       inds,
		Brukarinflytande: d.brukarinflytande(),
		Genus:            d.genus(goalUnits, indUnits),
		Sections:         d.exportSections(),
	}
	return out
}

// evalUnit returns the rules that fire on unit u, each with the hit that
// made it fire.
func (cb *Codebook) evalUnit(d *doc, u int) []firing {
	un := &d.units[u]
	hs := d.pages[un.page].hits[un.hitFrom:un.hitTo]
	var out []firing
	var tried []*rule // few per unit: a slice beats a map
	for _, h := range hs {
		for _, r := range cb.anyIndex[h.term] {
			if containsRule(tried, r) {
				continue
			}
			tried = append(tried, r)
			if fh, ok := d.fire(r, u, hs); ok {
				out = append(out, firing{r: r, h: fh})
			}
		}
	}
	// Derived rules see the codes that pattern rules found.
	for _, r := range cb.derived {
		if h, ok := d.fireDerived(r, u, hs, out); ok {
			out = append(out, firing{r: r, h: h})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].h.from < out[j].h.from })
	return out
}

// fireDerived evaluates a rule with codes on unit u, given the firings of
// the pattern rules.
func (d *doc) fireDerived(r *rule, u int, hs []hit, fired []firing) (hit, bool) {
	un := &d.units[u]
	if len(r.sections) > 0 && !contains(r.sections, d.sections[un.section].kind) {
		return hit{}, false
	}
	if len(r.units) > 0 && !slices.Contains(r.units, un.kind) {
		return hit{}, false
	}
	if anyHit(hs, r.unless) || (len(r.require) > 0 && !anyHit(hs, r.require)) {
		return hit{}, false
	}
	for _, f := range fired {
		if f.r.dim != "" && len(f.r.codes) == 0 && contains(r.codes, f.r.dim+"/"+f.r.code) {
			return f.h, true
		}
	}
	return hit{}, false
}

func hasTerm(ids []int, t int) bool {
	for _, id := range ids {
		if id == t {
			return true
		}
	}
	return false
}

func anyHit(hs []hit, ids []int) bool {
	for _, h := range hs {
		if hasTerm(ids, h.term) {
			return true
		}
	}
	return false
}

// fire evaluates rule r on unit u, whose hits are hs.
func (d *doc) fire(r *rule, u int, hs []hit) (hit, bool) {
	return d.fireFrom(r, u, hs, d.firstWord(u))
}

// fireFrom evaluates rule r on hits hs of unit u, where at_start means
// the word at token index first.
func (d *doc) fireFrom(r *rule, u int, hs []hit, first int) (hit, bool) {
	un := &d.units[u]
	if len(r.sections) > 0 && !contains(r.sections, d.sections[un.section].kind) {
		return hit{}, false
	}
	if len(r.units) > 0 && !slices.Contains(r.units, un.kind) {
		return hit{}, false
	}
	if anyHit(hs, r.unless) || (len(r.require) > 0 && !anyHit(hs, r.require)) {
		return hit{}, false
	}
	for _, h := range hs {
		if !hasTerm(r.any, h.term) {
			continue
		}
		if r.atStart && h.from != first {
			continue
		}
		if d.excepted(r, h, hs) || (r.negatable && d.negated(u, h, hs)) {
			continue
		}
		if len(r.near) > 0 && !nearHit(h, hs, r.near, r.within) {
			continue
		}
		return h, true
	}
	return hit{}, false
}

// firstWord returns the index of the first word of a unit after a list
// marker or a heading number.
func (d *doc) firstWord(u int) int {
	un := &d.units[u]
	toks := d.pages[un.page].toks
	i := un.tokFrom
	for i < un.tokTo-1 && toks[i].number && i-un.tokFrom < 3 {
		i++
	}
	return i
}

func (d *doc) excepted(r *rule, h hit, hs []hit) bool {
	for _, x := range hs {
		if hasTerm(r.except, x.term) && x.from <= h.from && x.to > h.from {
			return true
		}
	}
	return false
}

func nearHit(h hit, hs []hit, ids []int, within int) bool {
	for _, n := range hs {
		if !hasTerm(ids, n.term) {
			continue
		}
		dist := 0
		if n.from >= h.to {
			dist = n.from - h.to
		} else if h.from >= n.to {
			dist = h.from - n.to
		}
		if dist <= within {
			return true
		}
	}
	return false
}

// relative words open a clause whose negation does not reach back to the
// mention before it ("unga som inte arbetar").
var relative = map[string]bool{"som": true, "vilka": true, "vilket": true, "vilken": true, "där": true,
	"när": true, "då": true, "eftersom": true, "därför": true, "men": true, "utan": true}

// clauseWord are conjunctions that open a new clause after a comma.
var clauseWord = map[string]bool{"och": true, "men": true, "samt": true, "medan": true, "eller": true}

// negated reports a negation or hedge cue within the codebook's scope of
// hit h in unit u, in the same clause.
func (d *doc) negated(u int, h hit, hs []hit) bool {
	cb := d.cb
	un := &d.units[u]
	pg := &d.pages[un.page]
	for _, c := range hs {
		if !hasTerm(cb.negCues, c.term) || d.notCue(c, hs) {
			continue
		}
		switch {
		case c.to <= h.from && h.from-c.to <= cb.negScope:
			if !d.clauseBreak(pg, c.to-1, h.from, false) {
				return true
			}
		case c.from >= h.to && c.from-h.to <= cb.negScope:
			if !d.clauseBreak(pg, h.to-1, c.from, true) {
				return true
			}
		}
	}
	return false
}

func (d *doc) notCue(c hit, hs []hit) bool {
	for _, x := range hs {
		if hasTerm(d.cb.notCues, x.term) && x.from <= c.from && x.to >= c.from+1 {
			return true
		}
	}
	return false
}

// clauseBreak reports a clause boundary between token a and token b
// (a < b): sentence punctuation, or (when relativeToo) a relative or
// contrastive word.
func (d *doc) clauseBreak(pg *page, a, b int, relativeToo bool) bool {
	if a < 0 {
		return false
	}
	for i := a; i < b; i++ {
		gap := pg.text[pg.toks[i].end:pg.toks[i+1].start]
		if strings.ContainsAny(gap, ".;:!?()") {
			return true
		}
		// ", och …" / ", men …" starts a new clause; a bare comma lists.
		if strings.Contains(gap, ",") && clauseWord[pg.toks[i+1].lower] {
			return true
		}
		if i > a && (relativeToo || pg.toks[i].lower == "men") && relative[pg.toks[i].lower] {
			return true
		}
	}
	return false
}

// weight is how much a mention counts: less in the table of contents and
// headings, more in goals and activities.
func (d *doc) weight(u int) float64 {
	switch d.units[u].kind {
	case uTOC:
		return 0.25
	case uHeading:
		return 0.5
	}
	switch d.kind(u) {
	case "mal", "aktivitet":
		return 1.5
	}
	return 1
}

func (d *doc) codes(indUnits map[int]bool) []Code {
	type key struct{ dim, code string }
	found := map[key]*Code{}
	var order []key
	excluded := d.excludedCodes()
	firm := map[key]bool{} // found outside units about the document itself
	for u := range d.units {
		_, meta := d.fires(u, d.cb.meta)
		seen := map[key]bool{}
		for _, f := range d.units[u].fired {
			if f.r.dim == "" {
				continue
			}
			k := key{f.r.dim, f.r.code}
			if seen[k] || !d.dimensionApplies(k.dim, u, indUnits) || (indUnits[u] && d.cb.skipInd[k.dim+"/"+k.code]) || d.inSource(u, f.h) {
				continue
			}
			seen[k] = true
			firm[k] = firm[k] || !meta
			c := found[k]
			if c == nil {
				c = &Code{Dimension: k.dim, Code: k.code, Label: d.cb.Label(k.dim, k.code), Evidence: []Evidence{}}
				found[k] = c
				order = append(order, k)
			}
			c.Count++
			c.Weight += d.weight(u)
			c.Evidence = append(c.Evidence, d.evidence(u))
		}
	}
	dimRank := map[string]int{}
	for i, dm := range dimensionOrder {
		dimRank[dm] = i
	}
	out := make([]Code, 0, len(order))
	for _, k := range order {
		if !firm[k] || excluded[k.dim+"/"+k.code] && found[k].Count <= maxExcludedMentions {
			continue
		}
		out = append(out, *found[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if a.Dimension != b.Dimension {
			return dimRank[a.Dimension] < dimRank[b.Dimension]
		}
		return a.Code < b.Code
	})
	return out
}

// excludedCodes returns the codes ("dimension/code") the plan drops in so
// many words: the subject of a sentence that an exclusion phrase follows
// within the exclusion scope ("Äldre … har inte prioriterats", "Stöd till
// sjukskrivna ingår inte längre"). A sentence about a goal or a piece of
// work ("Målet om … ingår inte längre") drops nothing.
func (d *doc) excludedCodes() map[string]bool {
	cb := d.cb
	out := map[string]bool{}
	for u := range d.units {
		un := &d.units[u]
		pg := &d.pages[un.page]
		hs := pg.hits[un.hitFrom:un.hitTo]
		var cues []hit
		for _, h := range hs {
			if hasTerm(cb.exclCues, h.term) {
				cues = append(cues, h)
			}
		}
		if len(cues) == 0 || processSubject[pg.toks[d.firstWord(u)].lower] {
			continue
		}
		for _, h := range hs {
			if h.from-d.firstWord(u) > 5 {
				continue // not the subject
			}
			for _, r := range cb.anyIndex[h.term] {
				if r.dim == "" || out[r.dim+"/"+r.code] {
					continue
				}
				for _, c := range cues {
					if c.from >= h.to && d.within(pg, h, c, cb.exclScope) {
						out[r.dim+"/"+r.code] = true
						break
					}
				}
			}
		}
	}
	return out
}

// processSubject are sentence subjects that make an exclusion phrase
// speak of a goal or a piece of work, not of a group or an area.
var processSubject = map[string]bool{"målet": true, "mål": true, "insatsen": true, "aktiviteten": true, "arbetet": true,
	"uppdraget": true, "projektet": true, "satsningen": true, "utbildningen": true, "rutinen": true, "planen": true}

// maxExcludedMentions: a code the plan names as dropped is still given
// when it has more mentions than this elsewhere (a plan for children that
// drops "ensamkommande barn" keeps barn_unga).
const maxExcludedMentions = 3

// within reports whether hits h and c are at most scope words apart with
// no sentence punctuation between them.
func (d *doc) within(pg *page, h, c hit, scope int) bool {
	a, b := h, c
	if c.from < h.from {
		a, b = c, h
	}
	if b.from-a.to > scope || b.from < a.to {
		return false
	}
	for i := a.to - 1; i < b.from-1 && i >= 0; i++ {
		if strings.ContainsAny(pg.text[pg.toks[i].end:pg.toks[i+1].start], ".;:!?") {
			return false
		}
	}
	return true
}

// dimensionApplies reports whether codes of dim are read in unit u: the
// dimension's section and indicator constraints.
func (d *doc) dimensionApplies(dim string, u int, indUnits map[int]bool) bool {
	ds := d.cb.dimSpec[dim]
	if ds == nil {
		return true
	}
	// A plan whose headings name no part (or that has none) gives no
	// ground for a section constraint.
	if len(ds.Sections) > 0 && d.named && !contains(ds.Sections, d.kind(u)) {
		return false
	}
	return !(ds.SkipIndicators && indUnits[u])
}

// classifySections gives each section a kind: from the words of its
// heading (the earliest section rule that fires), else its parent's kind,
// else ovrigt.
func (d *doc) classifySections(force string) {
	d.named = force != ""
	for i := range d.sections {
		s := &d.sections[i]
		if force != "" {
			s.kind = force
			continue
		}
		if s.unit < 0 {
			continue
		}
		hs := d.pages[d.units[s.unit].page].hits[d.units[s.unit].hitFrom:d.units[s.unit].hitTo]
		best, bestFrom := "", -1
		for _, kind := range sectionKinds {
			for _, r := range d.cb.sectionRules[kind] {
				if h, ok := d.fire(r, s.unit, hs); ok && (bestFrom < 0 || h.from < bestFrom) {
					best, bestFrom = kind, h.from
				}
			}
		}
		if best != "" {
			d.named = true
		}
		if best == "" {
			best = "ovrigt"
			s.unnamed = true
			for j := i - 1; j >= 1; j-- {
				if d.sections[j].Level < s.Level {
					best, s.unnamed = d.sections[j].kind, d.sections[j].unnamed
					break
				}
			}
		}
		s.kind = best
	}
}

// classifyByContent gives a section that no heading named a kind from
// what its sentences are: mostly goal statements → mal, mostly figures
// (numbers with "procent", "andel", "%") → behovsanalys. The units of a
// section that changes are evaluated again, as section-bound rules may
// now apply.
func (d *doc) classifyByContent() {
	type tally struct{ units, goals, stats int }
	t := make([]tally, len(d.sections))
	for u := range d.units {
		s := d.units[u].section
		if !d.sections[s].unnamed || d.sections[s].unit == u || d.units[u].kind == uTOC {
			continue
		}
		t[s].units++
		if _, ok := d.fires(u, d.cb.goalStatement); ok {
			t[s].goals++
		}
		if d.isFigures(u) {
			t[s].stats++
		}
	}
	changed := map[int]bool{}
	for i := range d.sections {
		switch c := t[i]; {
		case c.goals >= 2 && c.goals*10 >= c.units*4:
			d.sections[i].kind, changed[i] = "mal", true
		case c.stats >= 2 && c.stats*10 >= c.units*4:
			d.sections[i].kind, changed[i] = "behovsanalys", true
		}
	}
	if len(changed) == 0 {
		return
	}
	for u := range d.units {
		if changed[d.units[u].section] {
			d.units[u].fired = d.cb.evalUnit(d, u)
		}
	}
}

// isFigures reports a sentence of statistics: two or more numbers and a
// share ("procent", "andel", "%", "per 100 000").
func (d *doc) isFigures(u int) bool {
	un := &d.units[u]
	pg := &d.pages[un.page]
	nums, share := 0, strings.Contains(pg.text[un.start:un.end], "%")
	for _, t := range pg.toks[un.tokFrom:un.tokTo] {
		switch {
		case t.number:
			nums++
		case t.lower == "procent" || t.lower == "andel" || t.lower == "andelen" || t.lower == "per":
			share = true
		}
	}
	return nums >= 2 && share
}

func (d *doc) exportSections() []Section {
	out := []Section{}
	for i, s := range d.sections {
		if s.unit < 0 {
			continue
		}
		sec := s.Section
		sec.Kind = s.kind
		last := len(d.pages) - 1
		sec.EndPage, sec.End = d.pages[last].num, len(d.pages[last].runeAt)-1
		if i+1 < len(d.sections) {
			nu := &d.units[d.sections[i+1].unit]
			pg := &d.pages[nu.page]
			sec.EndPage, sec.End = pg.num, int(pg.runeAt[nu.start])
		}
		out = append(out, sec)
	}
	return out
}
