// Package coded extracts and codes the bundled sample plans, for the tests
// and benchmarks that need real coded plans (comparison, statistics,
// ingest and search speed). It stores nothing.
package coded

import (
	"context"
	"fmt"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/extract"
	"github.com/plankoll/plankoll/corpus/samples"
)

// Plan is one sample plan, extracted and coded, with its file name.
type Plan struct {
	compare.PlanInput
	File string
}

// Samples extracts every sample plan in-process and codes it with coder.
// Plan ids are "s00", "s01", … in the order of samples.Plans.
func Samples(coder *analyzer.Coder) ([]Plan, error) {
	plans, err := samples.Plans()
	if err != nil {
		return nil, err
	}
	ex := &extract.Extractor{Limits: extract.DefaultLimits()}
	out := make([]Plan, 0, len(plans))
	for i, s := range plans {
		doc, err := ex.Extract(context.Background(), s.Filename, s.Data)
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", s.Filename, err)
		}
		l, err := corpus.ParseLan(s.Lan)
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", s.Filename, err)
		}
		p := corpus.Plan{ID: fmt.Sprintf("s%02d", i), Lan: l.Name, LanCode: l.Code, Year: s.Year,
			Audience: corpus.Audience(s.Audience), Title: s.Title, Filename: s.Filename, Pages: len(doc.Pages)}
		pages := make([]analyzer.PageText, len(doc.Pages))
		for j, pg := range doc.Pages {
			pages[j] = analyzer.PageText{Page: pg.Page, Text: pg.Text}
		}
		c := coder.Code(analyzer.PlanMeta{PlanID: p.ID, Year: p.Year, Lan: p.Lan}, pages)
		out = append(out, Plan{PlanInput: compare.PlanInput{Plan: p, Pages: doc.Pages, Coding: c}, File: s.Filename})
	}
	return out, nil
}
