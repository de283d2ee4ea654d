package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/extract"
	"github.com/plankoll/plankoll/corpus/samples"
	"github.com/plankoll/plankoll/corpus/store"
	"github.com/plankoll/plankoll/index"
)

// newService wires the real store, index, extractor (in-process) and coder
// over a temporary data folder.
func newService(t testing.TB, dir string) *Service {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(dir, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cb, err := analyzer.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	s := &Service{Store: st, Index: ix, Extractor: &extract.Extractor{Limits: extract.DefaultLimits()},
		Coder: analyzer.NewCoder(cb), Now: func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }}
	t.Cleanup(func() { ix.Close(); st.Close() })
	return s
}

const planText = "Handlingsplan för psykisk hälsa 2018\n\n1 Mål\nMålet är att minska antalet självmordsförsök bland äldre.\n\n2 Insatser\nAnhörigstöd erbjuds i alla kommuner."

func TestIngestStoresCodesAndIndexes(t *testing.T) {
	ctx := context.Background()
	s := newService(t, t.TempDir())
	p, created, err := s.Ingest(ctx, Upload{Filename: "plan.txt", Data: []byte(planText), Lan: "Jämtland", Year: "2018", Audience: "vuxna"})
	if err != nil || !created {
		t.Fatalf("Ingest = %v, %v", created, err)
	}
	if p.Title != "plan" || p.Format != "text" || p.Pages != 1 {
		t.Errorf("plan = %+v", p)
	}
	c, err := s.Store.Coding(ctx, p.ID)
	if err != nil || c.CodebookVersion == "" {
		t.Fatalf("coding: %+v %v", c, err)
	}
	res, err := s.Index.Search(ctx, index.Request{Q: "anhörig", Section: []string{"aktivitet"}})
	if err != nil || res.Total == 0 || res.Hits[0].PlanID != p.ID {
		t.Fatalf("search anhörig in aktivitet: %+v %v", res, err)
	}
	if _, created, err := s.Ingest(ctx, Upload{Filename: "x.txt", Data: []byte(planText), Lan: "Skåne", Year: "2017"}); err != nil || created {
		t.Errorf("same bytes again: created=%v err=%v; want existing plan", created, err)
	}
}

func TestIngestRefusesWithoutStoring(t *testing.T) {
	ctx := context.Background()
	s := newService(t, t.TempDir())
	for _, u := range []Upload{
		{Filename: "x.pdf", Data: []byte("%PDF-1.4 trasig"), Lan: "Jämtland", Year: "2018"},
		{Filename: "x.txt", Data: []byte(planText), Lan: "Narnia", Year: "2018"},
	} {
		if _, _, err := s.Ingest(ctx, u); corpus.ErrorCode(err) == corpus.EInternal || err == nil {
			t.Errorf("Ingest(%s, %s) = %v; want a coded error", u.Filename, u.Lan, err)
		}
	}
	if plans, _ := s.Store.Plans(ctx, store.Filter{}); len(plans) != 0 {
		t.Errorf("%d plans stored after refused uploads", len(plans))
	}
}

// TestSyncHealsIndex checks the start-up repair: a plan stored but not
// indexed (crash between the two) is added, a plan indexed but deleted
// from the store is removed.
func TestSyncHealsIndex(t *testing.T) {
	ctx := context.Background()
	s := newService(t, t.TempDir())
	p, _, err := s.Ingest(ctx, Upload{Filename: "plan.txt", Data: []byte(planText), Lan: "Jämtland", Year: "2018"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Index.DeletePlan(p.ID); err != nil {
		t.Fatal(err)
	}
	st, err := s.Sync(ctx, nil)
	if err != nil || st.Added != 1 {
		t.Fatalf("Sync after lost index entry: %+v %v; want 1 added", st, err)
	}
	if err := s.Store.DeletePlan(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	st, err = s.Sync(ctx, nil)
	if err != nil || st.Deleted != 1 {
		t.Fatalf("Sync after store delete: %+v %v; want 1 deleted", st, err)
	}
	if res, _ := s.Index.Search(ctx, index.Request{Q: "anhörigstöd"}); res.Total != 0 {
		t.Errorf("deleted plan still found: %d hits", res.Total)
	}
}

// TestRecodeKeepsIndexInStep changes the codebook, re-codes and syncs:
// the plan carries the new version and the index is re-written for it,
// so facets and the code filter never show stale codes.
func TestRecodeKeepsIndexInStep(t *testing.T) {
	ctx := context.Background()
	s := newService(t, t.TempDir())
	p, _, _ := s.Ingest(ctx, Upload{Filename: "plan.txt", Data: []byte(planText), Lan: "Jämtland", Year: "2018"})
	old := s.Coder.(*analyzer.Coder).Codebook()
	changed, err := analyzer.LoadCodebook(append(old.Raw(), []byte("\n# a local change\n")...))
	if err != nil {
		t.Fatal(err)
	}
	if changed.Version() == old.Version() {
		t.Fatalf("a changed codebook kept version %s", old.Version())
	}
	s.Coder = analyzer.NewCoder(changed)
	n, err := s.Recode(ctx, changed.Version(), false, nil)
	if err != nil || n != 1 {
		t.Fatalf("Recode = %d, %v; want 1 plan re-coded", n, err)
	}
	if got, _ := s.Store.Plan(ctx, p.ID); got.CodebookVersion != changed.Version() {
		t.Errorf("plan codebook_version = %s; want %s", got.CodebookVersion, changed.Version())
	}
	if n, _ := s.Recode(ctx, changed.Version(), false, nil); n != 0 {
		t.Errorf("second Recode re-coded %d plans; want 0", n)
	}
	st, err := s.Sync(ctx, nil)
	if err != nil || st.Replaced != 1 {
		t.Errorf("Sync after recode: %+v, %v; want the plan replaced", st, err)
	}
}

// BenchmarkIngest measures the whole path per plan: extract (in-process),
// code, store and index, over the sample PDFs made unique per iteration.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	plans, err := samples.Plans()
	if err != nil {
		b.Fatal(err)
	}
	s := newService(b, b.TempDir())
	pages := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sp := plans[i%len(plans)]
		data := append(append([]byte(nil), sp.Data...), []byte(fmt.Sprintf("\n%% %d\n", i))...)
		p, created, err := s.Ingest(ctx, Upload{Filename: sp.Filename, Data: data, Lan: sp.Lan, Year: fmt.Sprint(sp.Year), Audience: sp.Audience})
		if err != nil || !created {
			b.Fatalf("ingest %s: %v", sp.Filename, err)
		}
		pages += p.Pages
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/plan")
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// gatedExtractor holds every extraction until gate is closed.
type gatedExtractor struct {
	Extractor
	started chan struct{}
	gate    chan struct{}
}

func (g gatedExtractor) Extract(ctx context.Context, name string, data []byte) (*corpus.Document, error) {
	g.started <- struct{}{}
	<-g.gate
	return g.Extractor.Extract(ctx, name, data)
}

// TestSharedIngestSurvivesFirstClientLeaving: two requests for the same
// bytes share one extraction; the first client going away must not fail
// the second.
func TestSharedIngestSurvivesFirstClientLeaving(t *testing.T) {
	s := newService(t, t.TempDir())
	g := gatedExtractor{Extractor: s.Extractor, started: make(chan struct{}, 1), gate: make(chan struct{})}
	s.Extractor = g
	u := Upload{Filename: "plan.txt", Data: []byte(planText), Lan: "Jämtland", Year: "2018"}
	ctx1, cancel := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() { _, _, err := s.Ingest(ctx1, u); first <- err }()
	<-g.started
	second := make(chan error, 1)
	var got corpus.Plan
	go func() {
		p, _, err := s.Ingest(context.Background(), u)
		got = p
		second <- err
	}()
	cancel()
	time.Sleep(20 * time.Millisecond)
	close(g.gate)
	<-first
	if err := <-second; err != nil || got.ID == "" {
		t.Fatalf("second request: %v; want the plan", err)
	}
	if plans, _ := s.Store.Plans(context.Background(), store.Filter{}); len(plans) != 1 {
		t.Errorf("%d plans stored; want 1", len(plans))
	}
}

// TestIngestSlots: with every slot taken, an upload waits SlotWait and is
// then refused as unavailable, storing nothing.
func TestIngestSlots(t *testing.T) {
	s := newService(t, t.TempDir())
	s.MaxConcurrent, s.SlotWait = 1, 50*time.Millisecond
	release, err := s.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = s.Ingest(context.Background(), Upload{Filename: "plan.txt", Data: []byte(planText), Lan: "Jämtland", Year: "2018"})
	if corpus.ErrorCode(err) != corpus.EUnavailable {
		t.Errorf("Ingest with no free slot = %v; want unavailable", err)
	}
	release()
	if _, created, err := s.Ingest(context.Background(), Upload{Filename: "plan.txt", Data: []byte(planText), Lan: "Jämtland", Year: "2018"}); err != nil || !created {
		t.Errorf("Ingest after release = %v, %v", created, err)
	}
}
