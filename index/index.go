package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plankoll/plankoll/corpus"
)

const versionKey = "plankoll_analysis_version"

// Options tunes an Index. The zero value is ready to use.
type Options struct {
	// BatchSize is how many segments Sync writes per batch, grouping small
	// plans; a plan is never split (default 200, about 100 pages: NOTES.md
	// measured ten times that to save a quarter of the time for four times
	// the memory).
	BatchSize int
	// FragmentSize is the length of a search fragment in bytes (default 200).
	FragmentSize int
	// MaxFragments is the number of fragments per hit (default 3).
	MaxFragments int
}

func (o Options) withDefaults() Options {
	if o.BatchSize <= 0 {
		o.BatchSize = 200
	}
	if o.FragmentSize <= 0 {
		o.FragmentSize = 200
	}
	if o.MaxFragments <= 0 {
		o.MaxFragments = 3
	}
	return o
}

// Index is Plankoll's full-text index of plan pages: one bleve (scorch)
// document per Segment plus one marker document per plan. It is safe for
// concurrent use; writes are serialised.
type Index struct {
	bi      bleve.Index
	opts    Options
	rebuild bool
	mu      sync.Mutex // serialises IndexPlan and DeletePlan
	compact sync.Mutex // scorch refuses a second concurrent force merge

	metaMu sync.RWMutex
	meta   map[string]planMeta // plan id → plan-level fields, for facets
}

// Segment is one piece of a plan page under one section; a page with two
// sections gives two segments. Each becomes one document.
type Segment struct {
	PlanID, Lan, LanCode, Kommun, Audience string
	Year                                   int
	Page                                   int
	Section                                string   // behovsanalys, mal, aktivitet, uppfoljning, organisation, ovrigt ("" if unknown)
	Codes                                  []string // plan-level codes "dimension:code", e.g. "malgrupp:aldre"
	Text                                   string
	Offset                                 int // code-point offset of Text within the page text
}

// Open opens the index in dir, or creates it if dir does not exist or is
// empty. If the index was built with another analysis version (the Swedish
// chain's or this package's mapping), it is deleted and created empty. In
// both cases NeedsRebuild reports true and the caller should Sync. A dir
// that holds something other than a bleve index is an error, never deleted.
func Open(dir string, opts Options) (*Index, error) {
	ix := &Index{opts: opts.withDefaults()}
	want := analysisVersion()
	bi, err := bleve.Open(dir)
	switch {
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || (err != nil && isEmptyDir(dir)):
		bi, err = create(dir, want)
		ix.rebuild = true
	case err != nil:
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	default:
		got, gerr := bi.GetInternal([]byte(versionKey))
		if gerr == nil && string(got) == want {
			break
		}
		if err := bi.Close(); err != nil {
			return nil, fmt.Errorf("close outdated index %s: %w", dir, err)
		}
		if err := removeIndexDir(dir); err != nil {
			return nil, err
		}
		bi, err = create(dir, want)
		ix.rebuild = true
	}
	if err != nil {
		return nil, err
	}
	ix.bi = bi
	if ix.meta, err = ix.loadMeta(); err != nil {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

func create(dir, version string) (bleve.Index, error) {
	if isEmptyDir(dir) {
		if err := os.Remove(dir); err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
	}
	bi, err := bleve.New(dir, newMapping())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := bi.SetInternal([]byte(versionKey), []byte(version)); err != nil {
		bi.Close()
		return nil, fmt.Errorf("create index %s: store version: %w", dir, err)
	}
	return bi, nil
}

func isEmptyDir(dir string) bool {
	es, err := os.ReadDir(dir)
	return err == nil && len(es) == 0
}

// removeIndexDir deletes dir only if it holds a bleve index.
func removeIndexDir(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return fmt.Errorf("remove outdated index %s: not a bleve index: %w", dir, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("remove outdated index %s: %w", dir, err)
	}
	return nil
}

// Compact merges the index into one segment, which makes searches
// faster after many plans were written (Sync calls it after a rebuild).
// It blocks until done; the index stays usable meanwhile.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("compact index: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	ix.compact.Lock()
	defer ix.compact.Unlock()
	if err := s.ForceMerge(ctx, nil); err != nil {
		return fmt.Errorf("compact index: %w", err)
	}
	return nil
}

// Close closes the index.
func (ix *Index) Close() error {
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	return nil
}

// NeedsRebuild reports whether Open created the index empty (new, or
// recreated for a new analysis version), so the caller must Sync it.
func (ix *Index) NeedsRebuild() bool { return ix.rebuild }

// IndexPlan replaces every document of the plan with one document per
// segment, plus a marker holding fingerprint, in one batch: after a crash
// the plan is either wholly old or wholly new, and its marker says which.
// The plan id is planID, whatever the segments' PlanID says; the plan-level
// fields (Lan, Year, Audience, Codes) are taken from the first segment for
// facets. An empty planID is an EInvalid error.
func (ix *Index) IndexPlan(planID, fingerprint string, segs []Segment) error {
	return ix.indexPlans([]planWrite{{planID, fingerprint, segs}})
}

// planWrite is one plan to write.
type planWrite struct {
	id, fingerprint string
	segs            []Segment
}

// indexPlans writes whole plans in one batch (Sync groups small plans).
func (ix *Index) indexPlans(plans []planWrite) error {
	for _, p := range plans {
		if p.id == "" {
			return corpus.Errorf(corpus.EInvalid, "Index plan: the plan id is empty.")
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	b := ix.bi.NewBatch()
	metas := make([]planMeta, len(plans))
	for i, p := range plans {
		if err := ix.addPlan(b, p); err != nil {
			return fmt.Errorf("index plan %s: %w", p.id, err)
		}
		metas[i] = metaOf(p.segs)
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("index plans %s…: %w", plans[0].id, err)
	}
	ix.metaMu.Lock()
	for i, p := range plans {
		ix.meta[p.id] = metas[i]
	}
	ix.metaMu.Unlock()
	return nil
}

// addPlan adds to b the deletes of the plan's old documents and its new ones.
func (ix *Index) addPlan(b *bleve.Batch, p planWrite) error {
	if err := ix.deleteDocs(b, p.id); err != nil {
		return err
	}
	perPage := map[int]int{}
	for _, s := range p.segs {
		n := perPage[s.Page]
		perPage[s.Page]++
		if err := b.Index(segmentID(p.id, s.Page, n), toDoc(p.id, s)); err != nil {
			return fmt.Errorf("page %d: %w", s.Page, err)
		}
	}
	if err := b.Index(markerID(p.id), metaOf(p.segs).marker(p.id, p.fingerprint)); err != nil {
		return fmt.Errorf("marker: %w", err)
	}
	return nil
}

// DeletePlan removes every document of the plan, marker included. Deleting
// a plan that is not indexed is not an error.
func (ix *Index) DeletePlan(planID string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	b := ix.bi.NewBatch()
	if err := ix.deleteDocs(b, planID); err != nil {
		return fmt.Errorf("delete plan %s: %w", planID, err)
	}
	if b.Size() == 0 {
		return nil
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("delete plan %s: %w", planID, err)
	}
	ix.metaMu.Lock()
	delete(ix.meta, planID)
	ix.metaMu.Unlock()
	return nil
}

// deleteDocs adds a delete to b for every document of the plan.
func (ix *Index) deleteDocs(b *bleve.Batch, planID string) error {
	ids, err := ix.allIDs(termQ(fPlanID, planID))
	for _, id := range ids {
		b.Delete(id)
	}
	return err
}

// allIDs returns the ids of every document matching q.
func (ix *Index) allIDs(q bquery.Query) ([]string, error) {
	res, err := ix.searchAll(q, nil)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// searchAll returns every match of q (unscored order) with fields.
func (ix *Index) searchAll(q bquery.Query, fields []string) (*bleve.SearchResult, error) {
	ctx := context.Background()
	count, err := ix.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(q, int(count.Total), 0, false)
	req.Fields = fields
	req.SortBy([]string{"_id"})
	return ix.bi.SearchInContext(ctx, req)
}

// Fingerprints returns plan id → fingerprint for every indexed plan, from
// the marker documents.
func (ix *Index) Fingerprints() (map[string]string, error) {
	res, err := ix.searchAll(termQ(fKind, kindMarker), []string{fPlanID, fFingerprint})
	if err != nil {
		return nil, fmt.Errorf("index fingerprints: %w", err)
	}
	fps := make(map[string]string, len(res.Hits))
	for _, h := range res.Hits {
		id, _ := h.Fields[fPlanID].(string)
		fp, _ := h.Fields[fFingerprint].(string)
		fps[id] = fp
	}
	return fps, nil
}

// segmentID is "plan/page/n": n counts the segments of one page. The last
// two parts are numbers, so ids of different plans never collide, nor with
// markerID.
func segmentID(planID string, page, n int) string {
	return planID + "/" + strconv.Itoa(page) + "/" + strconv.Itoa(n)
}

func markerID(planID string) string { return planID + "/marker" }

func toDoc(planID string, s Segment) segDoc {
	return segDoc{
		Kind:     kindSegment,
		PlanID:   planID,
		Lan:      s.Lan,
		LanCode:  s.LanCode,
		Kommun:   s.Kommun,
		Audience: s.Audience,
		Year:     yearString(s.Year),
		Page:     float64(s.Page),
		Section:  s.Section,
		Code:     s.Codes,
		Offset:   float64(s.Offset),
		Text:     s.Text,
		Parts:    s.Text,
	}
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
