package index

import (
	"context"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// fakeSource is a Source over a map; fail makes Segments fail for a plan.
type fakeSource struct {
	fps  map[string]string
	segs map[string][]Segment
	fail string
}

func (s *fakeSource) Fingerprints(context.Context) (map[string]string, error) {
	return maps.Clone(s.fps), nil
}

func (s *fakeSource) Segments(_ context.Context, id string) ([]Segment, error) {
	if id == s.fail {
		return nil, errors.New("disk on fire")
	}
	return s.segs[id], nil
}

func newFakeSource() *fakeSource {
	src := &fakeSource{fps: map[string]string{}, segs: testPlans()}
	for id := range src.segs {
		src.fps[id] = "v1-" + id
	}
	return src
}

// checkConsistent fails unless the plans with a marker are exactly the
// plans with segment documents.
func checkConsistent(t *testing.T, ix *Index, want map[string]string) {
	t.Helper()
	fps, err := ix.Fingerprints()
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(fps, want) {
		t.Errorf("Fingerprints() = %v; want %v", fps, want)
	}
	ids, err := ix.planIDs()
	if err != nil {
		t.Fatal(err)
	}
	if got, wantIDs := slices.Sorted(maps.Keys(ids)), slices.Sorted(maps.Keys(want)); !slices.Equal(got, wantIDs) {
		t.Errorf("plans with documents = %q; want %q", got, wantIDs)
	}
}

func searchCount(t *testing.T, ix *Index, r Request) uint64 {
	t.Helper()
	res, err := ix.Search(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func TestSync(t *testing.T) {
	ctx := context.Background()
	// Batches of at most 3 segments: one plan a batch here (3, 3, 2).
	ix, err := Open(t.TempDir()+"/idx", Options{BatchSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	src := newFakeSource()

	var calls [][2]int
	st, err := Sync(ctx, ix, src, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 3 || st.Replaced != 0 || st.Deleted != 0 || st.Unchanged != 0 {
		t.Errorf("first sync %+v; want 3 added", st)
	}
	if want := [][2]int{{0, 3}, {1, 3}, {2, 3}, {3, 3}}; !slices.Equal(calls, want) {
		t.Errorf("progress calls %v; want %v", calls, want)
	}
	checkConsistent(t, ix, src.fps)
	if n := searchCount(t, ix, Request{}); n != 8 {
		t.Errorf("after first sync %d segments; want 8", n)
	}

	t.Run("unchanged", func(t *testing.T) {
		st, err := Sync(ctx, ix, src, nil)
		if err != nil {
			t.Fatal(err)
		}
		if st.Unchanged != 3 || st.Added+st.Replaced+st.Deleted != 0 {
			t.Errorf("second sync %+v; want 3 unchanged", st)
		}
	})

	t.Run("stale and deleted", func(t *testing.T) {
		src.fps["A"] = "v2-A"
		src.segs["A"] = []Segment{{Lan: "Jämtland", Year: 2019, Page: 1, Section: "mal", Text: "Nu handlar planen om cykelvägar."}}
		delete(src.fps, "C")
		st, err := Sync(ctx, ix, src, nil)
		if err != nil {
			t.Fatal(err)
		}
		if st.Replaced != 1 || st.Deleted != 1 || st.Unchanged != 1 || st.Added != 0 {
			t.Errorf("sync %+v; want 1 replaced, 1 deleted, 1 unchanged", st)
		}
		checkConsistent(t, ix, src.fps)
		if n := searchCount(t, ix, Request{Q: "suicid"}); n != 0 {
			t.Errorf("old text of A still found: %d hits", n)
		}
		if n := searchCount(t, ix, Request{Q: "cykelväg"}); n != 1 {
			t.Errorf("new text of A: %d hits; want 1", n)
		}
		if n := searchCount(t, ix, Request{Q: "självmord"}); n != 0 {
			t.Errorf("deleted plan C still found: %d hits", n)
		}
	})

	t.Run("failing source", func(t *testing.T) {
		src.fps["D"], src.segs["D"] = "v1-D", []Segment{{Page: 1, Text: "Sist."}}
		src.fps["A"] = "v3-A"
		src.fail = "D"
		_, err := Sync(ctx, ix, src, nil)
		if err == nil || !strings.Contains(err.Error(), "plan D") {
			t.Fatalf("Sync with a failing source: error %v; want one naming plan D", err)
		}
		// A, read before D failed, is written; D is not; a second Sync
		// finishes the job.
		want := map[string]string{"A": "v3-A", "B": "v1-B"}
		checkConsistent(t, ix, want)
		src.fail = ""
		if _, err := Sync(ctx, ix, src, nil); err != nil {
			t.Fatal(err)
		}
		checkConsistent(t, ix, src.fps)
	})

	t.Run("cancelled", func(t *testing.T) {
		src.fps["E"], src.segs["E"] = "v1-E", []Segment{{Page: 1, Text: "Ännu en."}}
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := Sync(cctx, ix, src, nil); !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled Sync error %v; want context.Canceled", err)
		}
	})
}

// TestSyncCrash simulates the states a crash can leave: a plan stored but
// never indexed, and documents of a plan without its marker (which one
// batch per plan rules out, but an index from elsewhere might hold).
func TestSyncCrash(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/idx"
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := newFakeSource()
	if err := ix.IndexPlan("A", src.fps["A"], src.segs["A"]); err != nil {
		t.Fatal(err)
	}
	// Stray documents without a marker: one of a plan the source has, one
	// of a plan it does not.
	b := ix.bi.NewBatch()
	for _, id := range []string{"B", "Z"} {
		if err := b.Index(segmentID(id, 9, 0), toDoc(id, Segment{Page: 9, Text: "Kvarlämnad sida."})); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	// The process dies; the next start opens the same directory.
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.NeedsRebuild() {
		t.Error("NeedsRebuild() after reopening a current index = true")
	}
	st, err := Sync(ctx, ix, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 2 || st.Deleted != 1 || st.Unchanged != 1 {
		t.Errorf("sync %+v; want 2 added (B, C), 1 deleted (Z), 1 unchanged (A)", st)
	}
	checkConsistent(t, ix, src.fps)
	if n := searchCount(t, ix, Request{Q: "kvarlämnad"}); n != 0 {
		t.Errorf("stray documents still found: %d", n)
	}
}

func TestOpenVersion(t *testing.T) {
	dir := t.TempDir() + "/idx"
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !ix.NeedsRebuild() {
		t.Error("new index: NeedsRebuild() = false")
	}
	if err := ix.IndexPlan("A", "fp", testPlans()["A"]); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ix.NeedsRebuild() {
		t.Error("same version: NeedsRebuild() = true")
	}
	if err := ix.bi.SetInternal([]byte(versionKey), []byte("an older analyzer")); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.NeedsRebuild() {
		t.Error("changed version: NeedsRebuild() = false")
	}
	if fps, err := ix.Fingerprints(); err != nil || len(fps) != 0 {
		t.Errorf("changed version: Fingerprints() = %v, %v; want an empty index", fps, err)
	}
}

func TestOpenRefusesForeignDir(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(dir+"/notes.txt", "mine"); err != nil {
		t.Fatal(err)
	}
	if ix, err := Open(dir, Options{}); err == nil {
		ix.Close()
		t.Fatal("Open on a folder of other files: no error")
	}
	if !fileExists(dir + "/notes.txt") {
		t.Error("Open deleted a file it does not own")
	}
}

func writeFile(name, s string) error { return os.WriteFile(name, []byte(s), 0o644) }

func fileExists(name string) bool { _, err := os.Stat(name); return err == nil }

func TestSyncBatchesSmallPlans(t *testing.T) {
	ix := openTest(t) // default BatchSize holds all three test plans
	var calls [][2]int
	st, err := Sync(context.Background(), ix, newFakeSource(), func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{0, 3}, {3, 3}}; !slices.Equal(calls, want) {
		t.Errorf("progress calls %v; want %v (one batch)", calls, want)
	}
	if st.Added != 3 {
		t.Errorf("added %d; want 3", st.Added)
	}
	checkConsistent(t, ix, newFakeSource().fps)
}

func TestCompactConcurrent(t *testing.T) {
	ix := loadTest(t)
	errs := make(chan error, 3)
	for range 3 {
		go func() { errs <- ix.Compact(context.Background()) }()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Compact: %v", err)
		}
	}
	if n := searchCount(t, ix, Request{Q: "suicid"}); n != 2 {
		t.Errorf("after Compact %d hits; want 2", n)
	}
}
