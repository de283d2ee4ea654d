package index

import (
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/search"
)

// Facets are counted per plan and per section, not per field: the
// plan-level fields (län, year, audience, codes) come from the plan's
// marker, held in memory, so a plan with thirty codes costs a search two
// doc values per match, not thirty-four.

// facetNames are the facets of Result.
func facetNames() []string { return []string{"lan", "year", "audience", "code", "section"} }

// maxFacetValues bounds the plans counted.
const maxFacetValues = 1 << 20

// planMeta is what facets need to know about a plan.
type planMeta struct {
	Lan, Year, Audience string
	Codes               []string
}

// metaOf takes a plan's fields from its first segment: they are plan-level.
func metaOf(segs []Segment) planMeta {
	if len(segs) == 0 {
		return planMeta{}
	}
	s := segs[0]
	return planMeta{Lan: s.Lan, Year: yearString(s.Year), Audience: s.Audience, Codes: slices.Clone(s.Codes)}
}

func (m planMeta) marker(planID, fingerprint string) markerDoc {
	return markerDoc{Kind: kindMarker, PlanID: planID, Fingerprint: fingerprint,
		Lan: m.Lan, Year: m.Year, Audience: m.Audience, Code: m.Codes}
}

// loadMeta reads every marker's plan fields.
func (ix *Index) loadMeta() (map[string]planMeta, error) {
	res, err := ix.searchAll(termQ(fKind, kindMarker), []string{fPlanID, fLan, fYear, fAudience, fCode})
	if err != nil {
		return nil, fmt.Errorf("load plan fields: %w", err)
	}
	meta := make(map[string]planMeta, len(res.Hits))
	for _, h := range res.Hits {
		id, _ := h.Fields[fPlanID].(string)
		m := planMeta{}
		m.Lan, _ = h.Fields[fLan].(string)
		m.Year, _ = h.Fields[fYear].(string)
		m.Audience, _ = h.Fields[fAudience].(string)
		switch c := h.Fields[fCode].(type) {
		case string:
			m.Codes = []string{c}
		case []any:
			for _, v := range c {
				if s, ok := v.(string); ok {
					m.Codes = append(m.Codes, s)
				}
			}
		}
		meta[id] = m
	}
	return meta, nil
}

// countFacets turns the per-plan and per-section counts of a search into
// the facets: matching segments per value, and matching plans per value.
func (ix *Index) countFacets(plans, sections *search.FacetResult) (segs, perPlan map[string]map[string]int, nPlans int) {
	segs, perPlan = map[string]map[string]int{}, map[string]map[string]int{}
	for _, name := range facetNames() {
		segs[name] = map[string]int{}
		if name != "section" {
			perPlan[name] = map[string]int{}
		}
	}
	if sections != nil && sections.Terms != nil {
		for _, t := range sections.Terms.Terms() {
			segs["section"][t.Term] = t.Count
		}
	}
	if plans == nil || plans.Terms == nil {
		return segs, perPlan, 0
	}
	ix.metaMu.RLock()
	defer ix.metaMu.RUnlock()
	add := func(facet, value string, n int) {
		if value != "" {
			segs[facet][value] += n
			perPlan[facet][value]++
		}
	}
	for _, t := range plans.Terms.Terms() {
		m := ix.meta[t.Term]
		nPlans++
		add("lan", m.Lan, t.Count)
		add("year", m.Year, t.Count)
		add("audience", m.Audience, t.Count)
		for _, c := range m.Codes {
			add("code", c, t.Count)
		}
	}
	return segs, perPlan, nPlans
}
