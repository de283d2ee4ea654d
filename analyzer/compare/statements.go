package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/plankoll/plankoll/analyzer"
)

// statementMatch is the outcome of matching two lists of statements.
type statementMatch struct {
	pairs       []pair
	terms       [2][]terms
	added, gone []int
}

// matchStatements assigns two lists of analysed texts one-to-one (see
// assign). A pair qualifies when its words alone reach ChangedThreshold;
// it ranks by its overall similarity.
func matchStatements(from, to []terms) statementMatch {
	var m statementMatch
	m.terms[0], m.terms[1] = from, to
	w := newIDF(m.terms[0], m.terms[1])
	m.pairs = assign(len(from), len(to), func(i, j int) (float64, bool) {
		s, words := w.statementSimilarity(m.terms[0][i], m.terms[1][j])
		return s, words >= ChangedThreshold
	})
	m.gone = unmatched(len(from), m.pairs, left)
	m.added = unmatched(len(to), m.pairs, right)
	return m
}

// analyseAll analyses goal or indicator statements (see statementCore).
func analyseAll(texts []string, planYear int) []terms {
	out := make([]terms, len(texts))
	for i, t := range texts {
		out[i] = analyse(statementCore(t), planYear)
	}
	return out
}

// statementLabel is the label a plan puts before a goal or indicator:
// "Mål 2.", "Målsättning:", "Delmål 3:", "Indikator:", "Mått:".
var statementLabel = regexp.MustCompile(`(?i)^\s*(?:(?:del|effekt)?mål|målsättning|indikatorer|indikator|mått|mätetal)(?:\s+\d+)?\s*[.:)]\s*`)

// indicatorClause starts an indicator written after a goal in the same
// paragraph: "… ska minska. Indikator: antal suicid per år."
var indicatorClause = regexp.MustCompile(`(?i)[\s.;,(](?:indikatorer|indikator|mått|mätetal)\s*:`)

// statementCore is what a goal or indicator says: without its numbering
// and label ("Mål 1.", "Målsättning:"), whose numbers are not the goal's,
// and without an indicator appended to the goal, which the indicators
// are compared on separately.
func statementCore(text string) string {
	text = statementLabel.ReplaceAllString(numbering.ReplaceAllString(text, ""), "")
	if loc := indicatorClause.FindStringIndex(text); loc != nil && loc[0] > 0 {
		text = text[:loc[0]]
	}
	return text
}

// changes names what differs between two matched statements, and whether
// the pair counts as kept.
func (m statementMatch) changes(p pair, textFrom, textTo string) (changes []string, kept bool) {
	a, b := m.terms[0][p.i], m.terms[1][p.j]
	changes = []string{}
	if wording(textFrom) != wording(textTo) {
		changes = append(changes, "wording")
	}
	if !slices.Equal(a.numbers, b.numbers) {
		changes = append(changes, "numbers")
	}
	if !slices.Equal(a.years, b.years) {
		changes = append(changes, "years")
	}
	kept = p.score >= KeptThreshold && slices.Equal(a.figures, b.figures)
	return changes, kept
}

// wording is a statement without its numbers, case and spacing: a change
// of numbers or years is reported as such, not as a change of wording.
func wording(s string) string {
	return normaliseSpace(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return ' '
		}
		return r
	}, s))
}

// normaliseSpace lower-cases s and collapses its white space, so that a
// line break moved by the layout is not a change of wording.
func normaliseSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// diffStatements matches the goals and the indicators of two plans.
func diffStatements(a, b PlanInput) (GoalDiff, IndicatorDiff) {
	ind, indMap := diffIndicators(a, b)
	return diffGoals(a, b, indMap), ind
}

// diffIndicators sorts indicators and returns, for each indicator id of the
// earlier plan that was matched, the id of its counterpart.
func diffIndicators(a, b PlanInput) (IndicatorDiff, map[string]string) {
	from, to := a.Coding.Indicators, b.Coding.Indicators
	m := matchStatements(analyseAll(indicatorTexts(from), a.Plan.Year), analyseAll(indicatorTexts(to), b.Plan.Year))
	d := IndicatorDiff{Added: []analyzer.Indicator{}, Removed: []analyzer.Indicator{}, Changed: []IndicatorPair{}, Kept: []IndicatorPair{}}
	counterpart := map[string]string{}
	for _, p := range m.pairs {
		x, y := from[p.i], to[p.j]
		counterpart[x.ID] = y.ID
		changes, kept := m.changes(p, x.Text, y.Text)
		if x.Type != y.Type {
			changes = append(changes, "type")
			kept = false
		}
		ip := IndicatorPair{From: x, To: y, Similarity: round2(p.score), Changes: changes}
		if kept {
			d.Kept = append(d.Kept, ip)
		} else {
			d.Changed = append(d.Changed, ip)
		}
	}
	for _, i := range m.gone {
		d.Removed = append(d.Removed, from[i])
	}
	for _, j := range m.added {
		d.Added = append(d.Added, to[j])
	}
	return d, counterpart
}

func diffGoals(a, b PlanInput, indicatorCounterpart map[string]string) GoalDiff {
	from, to := a.Coding.Goals, b.Coding.Goals
	m := matchStatements(analyseAll(goalTexts(from), a.Plan.Year), analyseAll(goalTexts(to), b.Plan.Year))
	d := GoalDiff{
		Added: []analyzer.Goal{}, Removed: []analyzer.Goal{}, Changed: []GoalPair{}, Kept: []GoalPair{},
		FromCount: len(from), ToCount: len(to),
	}
	indA, indB := goalIndicators(a.Coding), goalIndicators(b.Coding)
	for _, g := range from {
		if len(indA[g.ID]) == 0 {
			d.FromWithoutIndicator++
		}
	}
	for _, g := range to {
		if len(indB[g.ID]) == 0 {
			d.ToWithoutIndicator++
		}
	}
	for _, p := range m.pairs {
		x, y := from[p.i], to[p.j]
		changes, kept := m.changes(p, x.Text, y.Text)
		if x.Horizon != y.Horizon {
			changes = append(changes, "horizon")
			kept = false
		}
		lost, gained := indicatorChanges(indA[x.ID], indB[y.ID], indicatorCounterpart)
		if len(lost)+len(gained) > 0 {
			changes = append(changes, "indicators")
		}
		gp := GoalPair{From: x, To: y, Similarity: round2(p.score), Changes: changes, IndicatorsLost: lost, IndicatorsGained: gained}
		if kept {
			d.Kept = append(d.Kept, gp)
		} else {
			d.Changed = append(d.Changed, gp)
		}
	}
	for _, i := range m.gone {
		d.Removed = append(d.Removed, from[i])
	}
	for _, j := range m.added {
		d.Added = append(d.Added, to[j])
	}
	return d
}

// goalIndicators maps each goal id to its indicators, from the goal's
// indicator_ids and from each indicator's goal_id.
func goalIndicators(c analyzer.Coding) map[string][]analyzer.Indicator {
	byID := map[string]analyzer.Indicator{}
	for _, ind := range c.Indicators {
		byID[ind.ID] = ind
	}
	out := map[string][]analyzer.Indicator{}
	add := func(goal string, ind analyzer.Indicator) {
		if !slices.ContainsFunc(out[goal], func(x analyzer.Indicator) bool { return x.ID == ind.ID }) {
			out[goal] = append(out[goal], ind)
		}
	}
	for _, g := range c.Goals {
		for _, id := range g.IndicatorIDs {
			if ind, ok := byID[id]; ok {
				add(g.ID, ind)
			}
		}
	}
	for _, ind := range c.Indicators {
		if ind.GoalID != "" {
			add(ind.GoalID, ind)
		}
	}
	return out
}

// indicatorChanges returns the earlier goal's indicators whose counterpart
// is not under the later goal, and the later goal's indicators that no
// earlier one of this goal turned into.
func indicatorChanges(from, to []analyzer.Indicator, counterpart map[string]string) (lost, gained []analyzer.Indicator) {
	lost, gained = []analyzer.Indicator{}, []analyzer.Indicator{}
	reached := map[string]bool{}
	for _, x := range from {
		c, ok := counterpart[x.ID]
		if ok && slices.ContainsFunc(to, func(y analyzer.Indicator) bool { return y.ID == c }) {
			reached[c] = true
		} else {
			lost = append(lost, x)
		}
	}
	for _, y := range to {
		if !reached[y.ID] {
			gained = append(gained, y)
		}
	}
	return lost, gained
}

func goalTexts(gs []analyzer.Goal) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.Text
	}
	return out
}

func indicatorTexts(is []analyzer.Indicator) []string {
	out := make([]string, len(is))
	for i, x := range is {
		out[i] = x.Text
	}
	return out
}
