package index

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// Source is what Sync reads plans from: the store.
type Source interface {
	// Fingerprints returns plan id → fingerprint of every plan the source has.
	Fingerprints(ctx context.Context) (map[string]string, error)
	// Segments returns the segments of one plan.
	Segments(ctx context.Context, planID string) ([]Segment, error)
}

// SyncStats says what Sync did.
type SyncStats struct {
	Added     int           `json:"added"`     // plans not indexed before
	Replaced  int           `json:"replaced"`  // plans whose fingerprint changed
	Deleted   int           `json:"deleted"`   // plans gone from the source
	Unchanged int           `json:"unchanged"` // plans already current
	Took      time.Duration `json:"took_ns"`
}

// Sync brings ix to src: it indexes every plan that is missing or whose
// fingerprint differs, and deletes every plan (and every stray document of
// a plan without marker) that src does not have. progress(done, total), if
// not nil, is called before the first plan and after each batch. Small
// plans share a batch (Options.BatchSize) but a plan is never split, so a
// Sync cut short leaves whole plans, and the next Sync carries on; what was
// read before an error is still written. An error names the plan it happened on; ctx is checked
// between plans. After writing many plans it compacts the index (Compact).
func Sync(ctx context.Context, ix *Index, src Source, progress func(done, total int)) (SyncStats, error) {
	start := time.Now()
	var st SyncStats
	want, err := src.Fingerprints(ctx)
	if err != nil {
		return st, fmt.Errorf("sync: source fingerprints: %w", err)
	}
	have, err := ix.Fingerprints()
	if err != nil {
		return st, fmt.Errorf("sync: %w", err)
	}
	present, err := ix.planIDs()
	if err != nil {
		return st, fmt.Errorf("sync: %w", err)
	}
	var stale, gone []string
	for id, fp := range want {
		if old, ok := have[id]; !ok || old != fp {
			stale = append(stale, id)
		} else {
			st.Unchanged++
		}
	}
	for id := range present {
		if _, ok := want[id]; !ok {
			gone = append(gone, id)
		}
	}
	sort.Strings(stale)
	sort.Strings(gone)
	total, done := len(stale)+len(gone), 0
	step := func() {
		if progress != nil {
			progress(done, total)
		}
	}
	step()
	for _, id := range gone {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("sync: %w", err)
		}
		if err := ix.DeletePlan(id); err != nil {
			return st, fmt.Errorf("sync: %w", err)
		}
		st.Deleted++
		done++
		step()
	}
	var pending []planWrite
	pendingSegs := 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := ix.indexPlans(pending); err != nil {
			return err
		}
		for _, p := range pending {
			if _, ok := have[p.id]; ok {
				st.Replaced++
			} else {
				st.Added++
			}
		}
		done += len(pending)
		pending, pendingSegs = nil, 0
		step()
		return nil
	}
	for _, id := range stale {
		if err := ctx.Err(); err != nil {
			return st, errors.Join(fmt.Errorf("sync: %w", err), flush())
		}
		segs, err := src.Segments(ctx, id)
		if err != nil {
			return st, errors.Join(fmt.Errorf("sync: segments of plan %s: %w", id, err), flush())
		}
		if pendingSegs > 0 && pendingSegs+len(segs) > ix.opts.BatchSize {
			if err := flush(); err != nil {
				return st, fmt.Errorf("sync: %w", err)
			}
		}
		pending = append(pending, planWrite{id, want[id], segs})
		pendingSegs += len(segs)
	}
	if err := flush(); err != nil {
		return st, fmt.Errorf("sync: %w", err)
	}
	if done >= compactAfter {
		if err := ix.Compact(ctx); err != nil {
			return st, fmt.Errorf("sync: %w", err)
		}
	}
	st.Took = time.Since(start)
	return st, nil
}

// compactAfter is how many plans a Sync writes or deletes before it
// compacts the index: after a rebuild the many small segments of one
// batch per plan make every search slower until merged.
const compactAfter = 50

// planIDs returns the ids of every plan with any document, marker or not.
func (ix *Index) planIDs() (map[string]bool, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	dc, err := ix.bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("index plan ids: %w", err)
	}
	req.AddFacet("plans", bleve.NewFacetRequest(fPlanID, int(dc)+1))
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("index plan ids: %w", err)
	}
	ids := map[string]bool{}
	if f := res.Facets["plans"]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			ids[t.Term] = true
		}
	}
	return ids, nil
}
