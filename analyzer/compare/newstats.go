package compare

import "github.com/plankoll/plankoll/analyzer"

// NewStats counts over plans with the labels and the full code list of
// cb, so that codes no plan has still appear as rows.
func NewStats(plans []CodedPlan, cb *analyzer.Codebook) Stats {
	return Stats{Plans: plans, Label: cb.Label, Codebook: CodebookRefs(cb.Dimensions())}
}
