package compare

import (
	"slices"
	"strings"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
)

// FirstYear is the first year of the agreements on mental health: trends
// start here (or at the earliest plan, if earlier).
const FirstYear = 2016

// CodedPlan is a plan with its coding: what statistics count.
type CodedPlan struct {
	Plan   corpus.Plan
	Coding analyzer.Coding
}

// CodeRef names one code of the codebook.
type CodeRef struct {
	Dimension      string `json:"dimension"`
	Code           string `json:"code"`
	Label          string `json:"label"`
	DimensionLabel string `json:"dimension_label,omitempty"`
}

// CodebookRefs lists every code of a codebook's dimensions
// (analyzer.Codebook.Dimensions), in codebook order: the rows a table has
// even when no plan has the code.
func CodebookRefs(dims []analyzer.Dimension) []CodeRef {
	var out []CodeRef
	for _, d := range dims {
		for _, c := range d.Codes {
			out = append(out, CodeRef{Dimension: d.ID, Code: c.ID, Label: c.Label, DimensionLabel: d.Label})
		}
	}
	return out
}

// Stats counts over a set of coded plans. Only county plans (Kommun
// empty) count unless IncludeKommun is set: the national figures are
// "counties of 21".
type Stats struct {
	Plans []CodedPlan
	// Label gives a code's Swedish label; when nil, or when it returns "",
	// the label stored in the coding is used.
	Label func(dimension, code string) string
	// Codebook, when set, lists every code, so that codes no plan has
	// appear as rows with 0 counties.
	Codebook      []CodeRef
	IncludeKommun bool
}

// NewStats returns Stats over plans with the codebook's labels and every
// codebook code as a row; cb may be nil (labels then come from the
// codings, and only codes that some plan has get a row).
func NewStats(plans []CodedPlan, cb *analyzer.Codebook) Stats {
	s := Stats{Plans: plans}
	if cb != nil {
		s.Label = cb.Label
		s.Codebook = CodebookRefs(cb.Dimensions())
	}
	return s
}

// CodeTable is the number of counties per code for a year: the national
// analysis' "16 of 21 counties prioritise X". JSON names are the REST
// contract (API.md, stats/codes).
type CodeTable struct {
	Year      int    `json:"year"`
	Audience  string `json:"audience"`  // "" for all audiences
	Dimension string `json:"dimension"` // "" for all dimensions
	// Plans is the number of plans counted; LansWithPlan the number of
	// counties they belong to; LansWithoutPlan the counties with none.
	Plans           int       `json:"plans"`
	LansWithPlan    int       `json:"lans_with_plan"`
	LansWithoutPlan []string  `json:"lans_without_plan"`
	Rows            []CodeRow `json:"rows"`
}

// CodeRow is one code: how many counties' plans have it, and which.
type CodeRow struct {
	Dimension string   `json:"dimension"`
	Code      string   `json:"code"`
	Label     string   `json:"label"`
	Lans      int      `json:"lans"`
	LanList   []string `json:"lan_list"` // county names, in county-code order
	PlanCount int      `json:"plan_count"`
	Evidence  int      `json:"evidence"` // passages behind the count, all plans
}

// selection is the plans of one year and audience, grouped by county.
type selection struct {
	plans []CodedPlan
	lans  []corpus.Lan // counties with at least one plan, in code order
	by    map[string][]CodedPlan
}

// selectPlans returns the plans of year (0: all years) for audience (""
// for all).
func (s Stats) selectPlans(year int, audience string) selection {
	sel := selection{by: map[string][]CodedPlan{}}
	for _, p := range s.Plans {
		if (year != 0 && p.Plan.Year != year) || (audience != "" && string(p.Plan.Audience) != audience) || (p.Plan.Kommun != "" && !s.IncludeKommun) {
			continue
		}
		code := p.Plan.LanCode
		if code == "" {
			if l, err := corpus.ParseLan(p.Plan.Lan); err == nil {
				code = l.Code
			}
		}
		sel.plans = append(sel.plans, p)
		sel.by[code] = append(sel.by[code], p)
	}
	for _, l := range corpus.Lans() {
		if len(sel.by[l.Code]) > 0 {
			sel.lans = append(sel.lans, l)
		}
	}
	return sel
}

func (sel selection) without() []string {
	out := []string{}
	for _, l := range corpus.Lans() {
		if len(sel.by[l.Code]) == 0 {
			out = append(out, l.Name)
		}
	}
	return out
}

func (s Stats) label(dim, code, stored string) string {
	if s.Label != nil {
		if l := s.Label(dim, code); l != "" {
			return l
		}
	}
	return stored
}

// CodeStats counts, for each code of dimension ("" for all), the counties
// whose plan of year and audience ("" for all) has it. Rows are sorted by
// number of counties, most first, then by dimension and code.
func (s Stats) CodeStats(year int, audience, dimension string) CodeTable {
	sel := s.selectPlans(year, audience)
	t := CodeTable{Year: year, Audience: audience, Dimension: dimension, Plans: len(sel.plans),
		LansWithPlan: len(sel.lans), LansWithoutPlan: sel.without(), Rows: []CodeRow{}}
	rows := map[[2]string]*CodeRow{}
	row := func(dim, code, stored string) *CodeRow {
		k := [2]string{dim, code}
		if rows[k] == nil {
			rows[k] = &CodeRow{Dimension: dim, Code: code, Label: s.label(dim, code, stored), LanList: []string{}}
		}
		return rows[k]
	}
	for _, c := range s.Codebook {
		if dimension == "" || c.Dimension == dimension {
			row(c.Dimension, c.Code, c.Label)
		}
	}
	for _, l := range sel.lans {
		for _, p := range sel.by[l.Code] {
			for _, c := range p.Coding.Codes {
				if !present(c) || (dimension != "" && c.Dimension != dimension) {
					continue
				}
				r := row(c.Dimension, c.Code, c.Label)
				r.PlanCount++
				r.Evidence += len(c.Evidence)
				if !slices.Contains(r.LanList, l.Name) {
					r.LanList = append(r.LanList, l.Name)
					r.Lans++
				}
			}
		}
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, *r)
	}
	slices.SortFunc(t.Rows, func(a, b CodeRow) int {
		if a.Lans != b.Lans {
			return b.Lans - a.Lans
		}
		return compareCodeKeys(a.Dimension, a.Code, b.Dimension, b.Code)
	})
	return t
}

// Matrix is county × code for a year: whether each county's plans have
// each code, and how many passages.
type Matrix struct {
	Year      int         `json:"year"`
	Audience  string      `json:"audience"`
	Dimension string      `json:"dimension"`
	Columns   []CodeRef   `json:"columns"` // in dimension (codebook) and code order
	Rows      []MatrixRow `json:"rows"`    // counties with a plan, in county-code order
}

// MatrixRow is one county: Present[k] is 1 when its plans have
// Columns[k], Counts[k] the passages (sum of the codes' counts).
type MatrixRow struct {
	Lan     string   `json:"lan"`
	LanCode string   `json:"lan_code"`
	PlanIDs []string `json:"plan_ids"`
	Present []int    `json:"present"`
	Counts  []int    `json:"counts"`
}

// Matrix returns the county × code matrix of year for audience and
// dimension ("" for all).
func (s Stats) Matrix(year int, audience, dimension string) Matrix {
	sel := s.selectPlans(year, audience)
	m := Matrix{Year: year, Audience: audience, Dimension: dimension, Columns: []CodeRef{}, Rows: []MatrixRow{}}
	col := map[[2]string]int{}
	addCol := func(dim, code, stored string) {
		if _, ok := col[[2]string{dim, code}]; !ok && (dimension == "" || dim == dimension) {
			col[[2]string{dim, code}] = -1
			m.Columns = append(m.Columns, CodeRef{Dimension: dim, Code: code, Label: s.label(dim, code, stored)})
		}
	}
	for _, c := range s.Codebook {
		addCol(c.Dimension, c.Code, c.Label)
	}
	for _, p := range sel.plans {
		for _, c := range p.Coding.Codes {
			if present(c) {
				addCol(c.Dimension, c.Code, c.Label)
			}
		}
	}
	slices.SortFunc(m.Columns, func(a, b CodeRef) int { return compareCodeKeys(a.Dimension, a.Code, b.Dimension, b.Code) })
	for k, c := range m.Columns {
		col[[2]string{c.Dimension, c.Code}] = k
	}
	for _, l := range sel.lans {
		r := MatrixRow{Lan: l.Name, LanCode: l.Code, PlanIDs: []string{}, Present: make([]int, len(m.Columns)), Counts: make([]int, len(m.Columns))}
		for _, p := range sel.by[l.Code] {
			r.PlanIDs = append(r.PlanIDs, p.Plan.ID)
			for _, c := range p.Coding.Codes {
				if k, ok := col[[2]string{c.Dimension, c.Code}]; ok && present(c) {
					r.Present[k] = 1
					r.Counts[k] += max(c.Count, len(c.Evidence))
				}
			}
		}
		m.Rows = append(m.Rows, r)
	}
	return m
}

// Trend is the number of counties with a code, year by year.
type Trend struct {
	Dimension string      `json:"dimension"`
	Code      string      `json:"code"`
	Label     string      `json:"label"`
	Audience  string      `json:"audience"`
	Years     []TrendYear `json:"years"`
}

// TrendYear is one year of a Trend. Plans and LansWithPlan are the
// denominators: a year with few plans uploaded says little.
type TrendYear struct {
	Year         int      `json:"year"`
	Lans         int      `json:"lans"`
	LanList      []string `json:"lan_list"`
	Plans        int      `json:"plans"`
	LansWithPlan int      `json:"lans_with_plan"`
}

// Trend counts, for every year from FirstYear (or the earliest plan) to
// the latest plan, the counties whose plans for audience ("" for all) have
// the code.
func (s Stats) Trend(dimension, code, audience string) Trend {
	t := Trend{Dimension: dimension, Code: code, Label: s.label(dimension, code, ""), Audience: audience, Years: []TrendYear{}}
	all := s.selectPlans(0, audience)
	if len(all.plans) == 0 {
		return t
	}
	first, last := FirstYear, 0
	for _, p := range all.plans {
		first, last = min(first, p.Plan.Year), max(last, p.Plan.Year)
		if t.Label == "" {
			for _, c := range p.Coding.Codes {
				if c.Dimension == dimension && c.Code == code {
					t.Label = c.Label
				}
			}
		}
	}
	for y := first; y <= last; y++ {
		row := TrendYear{Year: y, LanList: []string{}}
		for _, r := range s.CodeStats(y, audience, dimension).Rows {
			if r.Code == code {
				row.Lans, row.LanList = r.Lans, r.LanList
			}
		}
		sel := s.selectPlans(y, audience)
		row.Plans, row.LansWithPlan = len(sel.plans), len(sel.lans)
		t.Years = append(t.Years, row)
	}
	return t
}

// GoalTable counts goals and indicators per county for a year.
type GoalTable struct {
	Year     int       `json:"year"`
	Audience string    `json:"audience"`
	Rows     []GoalRow `json:"rows"`
	Total    GoalRow   `json:"total"` // Lan "Totalt": the sums over all rows
}

// GoalRow is one county's goals and indicators, summed over its plans.
type GoalRow struct {
	Lan                   string         `json:"lan"`
	LanCode               string         `json:"lan_code"`
	PlanIDs               []string       `json:"plan_ids"`
	Goals                 int            `json:"goals"`
	Lang                  int            `json:"lang"`
	Kort                  int            `json:"kort"`
	Ospecificerad         int            `json:"ospecificerad"`
	WithoutIndicator      int            `json:"without_indicator"`
	Indicators            int            `json:"indicators"`
	IndicatorsByType      map[string]int `json:"indicators_by_type"` // struktur, process, resultat, ospecificerad
	IndicatorsWithoutGoal int            `json:"indicators_without_goal"`
}

// indicatorTypes are the indicator types in the codebook's order.
var indicatorTypes = []string{"struktur", "process", "resultat", "ospecificerad"}

// GoalStats counts, per county with a plan of year and audience ("" for
// all), its goals by horizon, the goals without an indicator and the
// indicators by type.
func (s Stats) GoalStats(year int, audience string) GoalTable {
	sel := s.selectPlans(year, audience)
	t := GoalTable{Year: year, Audience: audience, Rows: []GoalRow{}, Total: newGoalRow("Totalt", "")}
	for _, l := range sel.lans {
		r := newGoalRow(l.Name, l.Code)
		for _, p := range sel.by[l.Code] {
			r.PlanIDs = append(r.PlanIDs, p.Plan.ID)
			r.add(p.Coding)
		}
		t.Rows = append(t.Rows, r)
		t.Total.sum(r)
	}
	return t
}

func newGoalRow(lan, code string) GoalRow {
	r := GoalRow{Lan: lan, LanCode: code, PlanIDs: []string{}, IndicatorsByType: map[string]int{}}
	for _, ty := range indicatorTypes {
		r.IndicatorsByType[ty] = 0
	}
	return r
}

func (r *GoalRow) add(c analyzer.Coding) {
	ind := goalIndicators(c)
	for _, g := range c.Goals {
		r.Goals++
		switch g.Horizon {
		case "lang":
			r.Lang++
		case "kort":
			r.Kort++
		default:
			r.Ospecificerad++
		}
		if len(ind[g.ID]) == 0 {
			r.WithoutIndicator++
		}
	}
	goals := map[string]bool{}
	for _, g := range c.Goals {
		for _, i := range ind[g.ID] {
			goals[i.ID] = true
		}
	}
	for _, i := range c.Indicators {
		r.Indicators++
		ty := i.Type
		if !slices.Contains(indicatorTypes, ty) {
			ty = "ospecificerad"
		}
		r.IndicatorsByType[ty]++
		if !goals[i.ID] {
			r.IndicatorsWithoutGoal++
		}
	}
}

func (r *GoalRow) sum(o GoalRow) {
	r.PlanIDs = append(r.PlanIDs, o.PlanIDs...)
	r.Goals += o.Goals
	r.Lang += o.Lang
	r.Kort += o.Kort
	r.Ospecificerad += o.Ospecificerad
	r.WithoutIndicator += o.WithoutIndicator
	r.Indicators += o.Indicators
	r.IndicatorsWithoutGoal += o.IndicatorsWithoutGoal
	for k, v := range o.IndicatorsByType {
		r.IndicatorsByType[k] += v
	}
}

// DetailRow is one plan behind a count, with the passages that gave it the
// code.
type DetailRow struct {
	Lan      string              `json:"lan"`
	LanCode  string              `json:"lan_code"`
	PlanID   string              `json:"plan_id"`
	Year     int                 `json:"year"`
	Audience string              `json:"audience"`
	Title    string              `json:"title"`
	Count    int                 `json:"count"`
	Evidence []analyzer.Evidence `json:"evidence"`
}

// Detail returns the plans of year and audience ("" for all) that have the
// code, with their evidence: the drill-down behind a CodeRow. Rows are in
// the order of PlansOf.
func (s Stats) Detail(year int, audience, dimension, code string) []DetailRow {
	out := []DetailRow{}
	for _, p := range s.PlansOf(year, audience) {
		for _, c := range p.Coding.Codes {
			if c.Dimension == dimension && c.Code == code && present(c) {
				out = append(out, DetailRow{Lan: p.Plan.Lan, LanCode: p.Plan.LanCode, PlanID: p.Plan.ID, Year: p.Plan.Year,
					Audience: string(p.Plan.Audience), Title: p.Plan.Title, Count: c.Count, Evidence: nonNil(c.Evidence)})
			}
		}
	}
	return out
}

// PlansOf returns the plans that the statistics of year count for audience
// ("" for all), in county-code order, then by audience and id: the rows
// behind a year's tables.
func (s Stats) PlansOf(year int, audience string) []CodedPlan {
	sel := s.selectPlans(year, audience)
	out := []CodedPlan{}
	for _, l := range sel.lans {
		plans := slices.Clone(sel.by[l.Code])
		slices.SortFunc(plans, func(a, b CodedPlan) int {
			if c := strings.Compare(string(a.Plan.Audience), string(b.Plan.Audience)); c != 0 {
				return c
			}
			return strings.Compare(a.Plan.ID, b.Plan.ID)
		})
		out = append(out, plans...)
	}
	return out
}
