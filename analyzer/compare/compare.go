package compare

import (
	"fmt"
	"slices"
	"strings"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
)

// PlanInput is one side of a comparison: a plan, its page texts and its
// coding.
type PlanInput struct {
	Plan   corpus.Plan
	Pages  []corpus.Page
	Coding analyzer.Coding
}

// Comparison is how the later plan ("to") differs from the earlier one
// ("from"). JSON names are the REST contract (API.md, Comparison).
type Comparison struct {
	From             corpus.Plan   `json:"from"`
	To               corpus.Plan   `json:"to"`
	Compared         string        `json:"compared"` // which plans were compared, in a sentence
	Codes            CodeDiff      `json:"codes"`
	Goals            GoalDiff      `json:"goals"`
	Indicators       IndicatorDiff `json:"indicators"`
	Brukarinflytande BrukarDiff    `json:"brukarinflytande"`
	Genus            GenusDiff     `json:"genus"`
	Structure        Structure     `json:"structure"`
	// TextSimilarity is the Dice coefficient of the two plans' sets of
	// three-word shingles over stems: the share of running text the plans
	// have in common, insensitive to inflection (0 nothing, 1 the same).
	TextSimilarity float64 `json:"text_similarity"`
	// VocabularySimilarity is the cosine of the two plans' stem frequency
	// vectors without stop words: how much they talk about the same things,
	// whatever the wording. It is high (≥ 0.7) for any two plans on mental
	// health; read it beside TextSimilarity.
	VocabularySimilarity float64 `json:"vocabulary_similarity"`
}

// CodeDiff lists the codes found in only one of the plans or in both, each
// list ordered by dimension (codebook order) and code.
type CodeDiff struct {
	Added   []analyzer.Code `json:"added"`   // in the later plan only
	Removed []analyzer.Code `json:"removed"` // in the earlier plan only
	// Kept codes are found in both. Each is the later plan's code object,
	// with the earlier plan's count and evidence under "from".
	Kept []KeptCode `json:"kept"`
	// Dimensions counts added, removed and kept codes per dimension.
	Dimensions []DimensionCount `json:"dimensions"`
}

// KeptCode is a code found in both plans.
type KeptCode struct {
	analyzer.Code
	From CodeSide `json:"from"`
}

// CodeSide is one plan's count and evidence for a code.
type CodeSide struct {
	Count    int                 `json:"count"`
	Weight   float64             `json:"weight"`
	Evidence []analyzer.Evidence `json:"evidence"`
}

// DimensionCount sums a CodeDiff for one dimension.
type DimensionCount struct {
	Dimension string `json:"dimension"`
	Added     int    `json:"added"`
	Removed   int    `json:"removed"`
	Kept      int    `json:"kept"`
}

// GoalDiff sorts the goals of both plans into added, removed, changed and
// kept (see KeptThreshold and ChangedThreshold).
type GoalDiff struct {
	Added   []analyzer.Goal `json:"added"`
	Removed []analyzer.Goal `json:"removed"`
	Changed []GoalPair      `json:"changed"`
	Kept    []GoalPair      `json:"kept"`
	// FromCount and ToCount are the number of goals in each plan;
	// FromWithoutIndicator and ToWithoutIndicator how many of them have no
	// indicator.
	FromCount            int `json:"from_count"`
	ToCount              int `json:"to_count"`
	FromWithoutIndicator int `json:"from_without_indicator"`
	ToWithoutIndicator   int `json:"to_without_indicator"`
}

// GoalPair is a goal of the earlier plan matched to one of the later plan.
type GoalPair struct {
	From       analyzer.Goal `json:"from"`
	To         analyzer.Goal `json:"to"`
	Similarity float64       `json:"similarity"`
	// Changes names what differs: "wording", "numbers", "years",
	// "horizon", "indicators". Empty for a kept goal whose indicators stayed.
	Changes []string `json:"changes"`
	// IndicatorsLost are the earlier goal's indicators with no counterpart
	// under the later goal; IndicatorsGained the reverse.
	IndicatorsLost   []analyzer.Indicator `json:"indicators_lost"`
	IndicatorsGained []analyzer.Indicator `json:"indicators_gained"`
}

// IndicatorDiff sorts the indicators of both plans like GoalDiff does
// goals; a kept indicator has the same type.
type IndicatorDiff struct {
	Added   []analyzer.Indicator `json:"added"`
	Removed []analyzer.Indicator `json:"removed"`
	Changed []IndicatorPair      `json:"changed"`
	Kept    []IndicatorPair      `json:"kept"`
}

// IndicatorPair is an indicator of the earlier plan matched to one of the
// later plan.
type IndicatorPair struct {
	From       analyzer.Indicator `json:"from"`
	To         analyzer.Indicator `json:"to"`
	Similarity float64            `json:"similarity"`
	Changes    []string           `json:"changes"` // "wording", "numbers", "years", "type"
}

// BrukarDiff compares user involvement: levels, organisations, evidence.
type BrukarDiff struct {
	From string `json:"from"` // level of the earlier plan
	To   string `json:"to"`
	// Change is "higher", "lower" or "same" on the scale saknas < avsikt <
	// remiss < deltagande < medskapande.
	Change               string              `json:"change"`
	FromOrganisations    []string            `json:"from_organisations"`
	ToOrganisations      []string            `json:"to_organisations"`
	OrganisationsAdded   []string            `json:"organisations_added"`
	OrganisationsRemoved []string            `json:"organisations_removed"`
	FromEvidence         []analyzer.Evidence `json:"from_evidence"`
	ToEvidence           []analyzer.Evidence `json:"to_evidence"`
}

// GenusDiff compares the gender perspective of both plans.
type GenusDiff struct {
	From              analyzer.Genus `json:"from"`
	To                analyzer.Genus `json:"to"`
	PlacementsAdded   []string       `json:"placements_added"`
	PlacementsRemoved []string       `json:"placements_removed"`
}

// dimensionOrder is the codebook's order of dimensions; others follow
// alphabetically.
var dimensionOrder = []string{"malgrupp", "insatsniva", "omrade", "metod", "aktor", "perspektiv"}

func dimensionRank(d string) int {
	if i := slices.Index(dimensionOrder, d); i >= 0 {
		return i
	}
	return len(dimensionOrder)
}

// compareCodeKeys orders codes by dimension (codebook order), then code.
func compareCodeKeys(d1, c1, d2, c2 string) int {
	if r1, r2 := dimensionRank(d1), dimensionRank(d2); r1 != r2 {
		return r1 - r2
	}
	if d1 != d2 {
		return strings.Compare(d1, d2)
	}
	return strings.Compare(c1, c2)
}

// Plans compares plan a (the earlier) with plan b (the later): codes,
// goals, indicators, user involvement, gender perspective, structure and
// text. It never fails; plans without a coding, sections or text simply
// have nothing to compare there.
func Plans(a, b PlanInput) Comparison {
	goals, indicators := diffStatements(a, b)
	sa, sb := newPlanText(a), newPlanText(b)
	cache := tokenCache{}
	text, vocab := textSimilarity(sa, sb, cache)
	return Comparison{
		From:                 a.Plan,
		To:                   b.Plan,
		Compared:             comparedNote(a.Plan, b.Plan),
		Codes:                diffCodes(a.Coding.Codes, b.Coding.Codes),
		Goals:                goals,
		Indicators:           indicators,
		Brukarinflytande:     diffBrukar(a.Coding.Brukarinflytande, b.Coding.Brukarinflytande),
		Genus:                diffGenus(a.Coding.Genus, b.Coding.Genus),
		Structure:            diffStructure(sa, sb, cache),
		TextSimilarity:       text,
		VocabularySimilarity: vocab,
	}
}

// comparedNote says in a sentence which plans were compared, and warns when
// they are not like with like.
func comparedNote(a, b corpus.Plan) string {
	note := fmt.Sprintf("Compared %s's %d plan for %s (id %s) with %s's %d plan for %s (id %s).",
		a.Lan, a.Year, a.Audience, a.ID, b.Lan, b.Year, b.Audience, b.ID)
	if a.Lan != b.Lan {
		note += " The plans belong to different counties."
	}
	if a.Audience != b.Audience {
		note += " The plans are written for different audiences."
	}
	return note
}

func present(c analyzer.Code) bool { return c.Count > 0 || len(c.Evidence) > 0 }

func diffCodes(from, to []analyzer.Code) CodeDiff {
	type key struct{ dim, code string }
	before := map[key]analyzer.Code{}
	for _, c := range from {
		if present(c) {
			before[key{c.Dimension, c.Code}] = c
		}
	}
	d := CodeDiff{Added: []analyzer.Code{}, Removed: []analyzer.Code{}, Kept: []KeptCode{}, Dimensions: []DimensionCount{}}
	counts := map[string]*DimensionCount{}
	count := func(dim string) *DimensionCount {
		if counts[dim] == nil {
			counts[dim] = &DimensionCount{Dimension: dim}
		}
		return counts[dim]
	}
	for _, c := range to {
		if !present(c) {
			continue
		}
		k := key{c.Dimension, c.Code}
		if old, ok := before[k]; ok {
			d.Kept = append(d.Kept, KeptCode{Code: c, From: CodeSide{Count: old.Count, Weight: old.Weight, Evidence: old.Evidence}})
			count(c.Dimension).Kept++
			delete(before, k)
		} else {
			d.Added = append(d.Added, c)
			count(c.Dimension).Added++
		}
	}
	for _, c := range from {
		if _, ok := before[key{c.Dimension, c.Code}]; ok {
			d.Removed = append(d.Removed, c)
			count(c.Dimension).Removed++
		}
	}
	byKey := func(x, y analyzer.Code) int { return compareCodeKeys(x.Dimension, x.Code, y.Dimension, y.Code) }
	slices.SortFunc(d.Added, byKey)
	slices.SortFunc(d.Removed, byKey)
	slices.SortFunc(d.Kept, func(x, y KeptCode) int { return byKey(x.Code, y.Code) })
	for _, c := range counts {
		d.Dimensions = append(d.Dimensions, *c)
	}
	slices.SortFunc(d.Dimensions, func(x, y DimensionCount) int { return compareCodeKeys(x.Dimension, "", y.Dimension, "") })
	return d
}

var brukarLevels = []string{"saknas", "avsikt", "remiss", "deltagande", "medskapande"}

func diffBrukar(a, b analyzer.Brukarinflytande) BrukarDiff {
	d := BrukarDiff{
		From: a.Level, To: b.Level, Change: "same",
		FromOrganisations: nonNil(a.Organisations), ToOrganisations: nonNil(b.Organisations),
		OrganisationsAdded: setMinus(b.Organisations, a.Organisations), OrganisationsRemoved: setMinus(a.Organisations, b.Organisations),
		FromEvidence: nonNil(a.Evidence), ToEvidence: nonNil(b.Evidence),
	}
	if ra, rb := slices.Index(brukarLevels, a.Level), slices.Index(brukarLevels, b.Level); rb > ra {
		d.Change = "higher"
	} else if rb < ra {
		d.Change = "lower"
	}
	return d
}

func diffGenus(a, b analyzer.Genus) GenusDiff {
	for _, g := range []*analyzer.Genus{&a, &b} {
		g.Placements, g.Evidence = nonNil(g.Placements), nonNil(g.Evidence)
	}
	return GenusDiff{From: a, To: b, PlacementsAdded: setMinus(b.Placements, a.Placements), PlacementsRemoved: setMinus(a.Placements, b.Placements)}
}

// setMinus returns the strings of a that are not in b, in a's order,
// never nil (JSON shows [] rather than null).
func setMinus(a, b []string) []string {
	out := []string{}
	for _, s := range a {
		if !slices.Contains(b, s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
