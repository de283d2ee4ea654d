package ingest

import (
	"context"
	"sort"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/store"
	"github.com/plankoll/plankoll/index"
)

// Source presents the store to index.Sync: what plans exist, and each
// plan's pages cut into segments by section.
type Source struct {
	Store *store.Store
}

// Fingerprints returns the store's plan fingerprints.
func (s Source) Fingerprints(ctx context.Context) (map[string]string, error) {
	return s.Store.Fingerprints(ctx)
}

// Segments returns the index segments of a plan.
func (s Source) Segments(ctx context.Context, id string) ([]index.Segment, error) {
	p, err := s.Store.Plan(ctx, id)
	if err != nil {
		return nil, err
	}
	pages, err := s.Store.Pages(ctx, id)
	if err != nil {
		return nil, err
	}
	c, err := s.Store.Coding(ctx, id)
	if err != nil {
		return nil, err
	}
	return Segments(p, pages, c), nil
}

// Segments cuts each page at the section boundaries of the coding, so that
// a search can filter by section and a hit names its page and section.
// Every character of every page is in exactly one segment.
func Segments(p corpus.Plan, pages []corpus.Page, c analyzer.Coding) []index.Segment {
	codes := make([]string, 0, len(c.Codes))
	for _, code := range c.Codes {
		codes = append(codes, code.Dimension+":"+code.Code)
	}
	sort.Strings(codes)
	var segs []index.Segment
	for _, pg := range pages {
		runes := []rune(pg.Text)
		cuts := sectionCuts(c.Sections, pg.Page, len(runes))
		for i, cut := range cuts {
			end := len(runes)
			if i+1 < len(cuts) {
				end = cuts[i+1].at
			}
			if end <= cut.at {
				continue
			}
			segs = append(segs, index.Segment{
				PlanID: p.ID, Lan: p.Lan, LanCode: p.LanCode, Kommun: p.Kommun, Audience: string(p.Audience),
				Year: p.Year, Page: pg.Page, Section: cut.kind, Codes: codes,
				Text: string(runes[cut.at:end]), Offset: cut.at,
			})
		}
	}
	return segs
}

type cut struct {
	at   int
	kind string
}

// sectionCuts returns where on this page each section starts, beginning
// with the section that runs into the page from before (or "" at 0).
func sectionCuts(sections []analyzer.Section, page, n int) []cut {
	cuts := []cut{{0, ""}}
	for _, s := range sections {
		switch {
		case s.StartPage < page && s.EndPage >= page:
			cuts[0].kind = s.Kind
		case s.StartPage == page:
			at := min(max(s.Start, 0), n)
			if at == 0 {
				cuts[0].kind = s.Kind
			} else {
				cuts = append(cuts, cut{at, s.Kind})
			}
		}
	}
	sort.SliceStable(cuts, func(i, j int) bool { return cuts[i].at < cuts[j].at })
	return cuts
}
