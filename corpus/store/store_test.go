package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
)

func newPlan(data string) NewPlan {
	sum := sha256.Sum256([]byte(data))
	return NewPlan{
		Plan: corpus.Plan{SHA256: hex.EncodeToString(sum[:]), Lan: "Jämtland", LanCode: "23", Year: 2018,
			Audience: corpus.AudienceVuxna, Title: "Handlingsplan", Filename: "plan.txt"},
		Data: []byte(data),
		Doc: &corpus.Document{Format: "text", Pages: []corpus.Page{
			{Page: 1, Text: "Äldreomsorgen och anhörigstöd."}, {Page: 2, Text: "Suicidprevention för ensamkommande."}}},
		Coding: analyzer.Coding{CodebookVersion: "v1", Codes: []analyzer.Code{
			{Dimension: "malgrupp", Code: "aldre", Label: "Äldre", Count: 1, Weight: 1}}},
		Created: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
	}
}

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func TestAddPlanRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	p, created, err := s.AddPlan(ctx, newPlan("one"))
	if err != nil || !created {
		t.Fatalf("AddPlan = %v, %v; want created", created, err)
	}
	if p.Pages != 2 || p.Chars != len([]rune("Äldreomsorgen och anhörigstöd."))+len([]rune("Suicidprevention för ensamkommande.")) {
		t.Errorf("pages/chars = %d/%d", p.Pages, p.Chars)
	}
	got, err := s.Plan(ctx, p.ID)
	if err != nil || got != p {
		t.Fatalf("Plan(%s) = %+v, %v; want %+v", p.ID, got, err, p)
	}
	pages, err := s.Pages(ctx, p.ID)
	if err != nil || len(pages) != 2 || pages[0].Text != "Äldreomsorgen och anhörigstöd." {
		t.Fatalf("Pages = %+v, %v", pages, err)
	}
	c, err := s.Coding(ctx, p.ID)
	if err != nil || c.PlanID != p.ID || len(c.Codes) != 1 || c.Codes[0].Label != "Äldre" {
		t.Fatalf("Coding = %+v, %v", c, err)
	}
	b, err := s.File(ctx, p.ID)
	if err != nil || string(b) != "one" {
		t.Fatalf("File = %q, %v", b, err)
	}
	fp, err := s.Fingerprints(ctx)
	if err != nil || len(fp) != 1 || fp[p.ID] == "" {
		t.Fatalf("Fingerprints = %v, %v", fp, err)
	}
}

func TestAddPlanSameBytesConcurrently(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	var wg sync.WaitGroup
	ids := make([]string, 20)
	createdN := make([]bool, 20)
	errs := make([]error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, c, err := s.AddPlan(ctx, newPlan("same"))
			ids[i], createdN[i], errs[i] = p.ID, c, err
		}()
	}
	wg.Wait()
	n := 0
	for i := range 20 {
		if errs[i] != nil {
			t.Fatalf("upload %d: %v", i, errs[i])
		}
		if ids[i] != ids[0] {
			t.Errorf("upload %d got id %s, want %s", i, ids[i], ids[0])
		}
		if createdN[i] {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d uploads created a plan; want 1", n)
	}
	plans, _ := s.Plans(ctx, Filter{})
	if len(plans) != 1 {
		t.Errorf("%d plans stored; want 1", len(plans))
	}
}

func TestDeleteAndFilter(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t)
	a, _, _ := s.AddPlan(ctx, newPlan("a"))
	b := newPlan("b")
	b.Plan.Year = 2017
	bp, _, _ := s.AddPlan(ctx, b)
	for _, tc := range []struct {
		name string
		f    Filter
		want int
	}{
		{"all", Filter{}, 2},
		{"year", Filter{Year: 2017}, 1},
		{"lan", Filter{Lan: "Jämtland"}, 2},
		{"other lan", Filter{Lan: "Skåne"}, 0},
		{"audience", Filter{Audience: corpus.AudienceBarnUnga}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Plans(ctx, tc.f)
			if err != nil || len(got) != tc.want {
				t.Errorf("Plans(%+v) = %d plans, %v; want %d", tc.f, len(got), err, tc.want)
			}
		})
	}
	if err := s.DeletePlan(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Plan(ctx, a.ID); corpus.ErrorCode(err) != corpus.ENotFound {
		t.Errorf("after delete: %v; want not_found", err)
	}
	if _, err := s.Pages(ctx, a.ID); corpus.ErrorCode(err) != corpus.ENotFound {
		t.Errorf("pages after delete: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "files", a.SHA256[:2], a.SHA256)); !os.IsNotExist(err) {
		t.Errorf("original file still there: %v", err)
	}
	if err := s.DeletePlan(ctx, a.ID); corpus.ErrorCode(err) != corpus.ENotFound {
		t.Errorf("second delete: %v; want not_found", err)
	}
	if _, err := s.Plan(ctx, bp.ID); err != nil {
		t.Errorf("other plan gone: %v", err)
	}
}

func TestRemoveOrphanFiles(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t)
	p, _, _ := s.AddPlan(ctx, newPlan("kept"))
	orphan := filepath.Join(dir, "files", "ab", "abcdef")
	tmp := filepath.Join(dir, "files", "ab", ".tmp-123")
	os.MkdirAll(filepath.Dir(orphan), 0o755)
	os.WriteFile(orphan, []byte("x"), 0o644)
	os.WriteFile(tmp, []byte("x"), 0o644)
	s.Close()
	s2, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := os.Stat(orphan); err != nil {
		t.Errorf("Open alone removed a file (another process may be writing it): %v", err)
	}
	if err := s2.RemoveOrphanFiles(ctx); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{orphan, tmp} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("orphan %s survived: %v", filepath.Base(f), err)
		}
	}
	if _, err := s2.File(ctx, p.ID); err != nil {
		t.Errorf("kept file lost: %v", err)
	}
}

func TestSetCodingReplacesCodes(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	p, _, _ := s.AddPlan(ctx, newPlan("c"))
	err := s.SetCoding(ctx, p.ID, analyzer.Coding{CodebookVersion: "v2", Codes: []analyzer.Code{{Dimension: "malgrupp", Code: "nyanlanda", Count: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Plan(ctx, p.ID)
	if got.CodebookVersion != "v2" {
		t.Errorf("codebook_version = %q; want v2", got.CodebookVersion)
	}
	c, _ := s.Coding(ctx, p.ID)
	if len(c.Codes) != 1 || c.Codes[0].Code != "nyanlanda" {
		t.Errorf("codes = %+v", c.Codes)
	}
	if err := s.SetCoding(ctx, "nope", c); corpus.ErrorCode(err) != corpus.ENotFound {
		t.Errorf("SetCoding(unknown) = %v", err)
	}
}

func TestFingerprintOfOnePlan(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	p, _, _ := s.AddPlan(ctx, newPlan("fp"))
	all, _ := s.Fingerprints(ctx)
	one, err := s.Fingerprint(ctx, p.ID)
	if err != nil || one != all[p.ID] {
		t.Errorf("Fingerprint = %q, %v; want %q", one, err, all[p.ID])
	}
	if _, err := s.Fingerprint(ctx, "nope"); corpus.ErrorCode(err) != corpus.ENotFound {
		t.Errorf("Fingerprint(unknown) = %v", err)
	}
}

func TestCodedPlans(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, _, _ := s.AddPlan(ctx, newPlan("a"))
	b := newPlan("b")
	b.Plan.Year = 2017
	s.AddPlan(ctx, b)
	got, err := s.CodedPlans(ctx, Filter{Year: 2018})
	if err != nil || len(got) != 1 || got[0].Plan.ID != a.ID || got[0].Coding.Codes[0].Code != "aldre" {
		t.Fatalf("CodedPlans(2018) = %+v, %v", got, err)
	}
	all, _ := s.CodedPlans(ctx, Filter{})
	if len(all) != 2 {
		t.Errorf("CodedPlans() = %d plans; want 2", len(all))
	}
}

// TestDeleteAndReuploadRace deletes a plan while the same bytes are
// uploaded again: whichever wins, a stored plan always has its file.
func TestDeleteAndReuploadRace(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	for i := range 100 {
		p, _, err := s.AddPlan(ctx, newPlan("race"))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); s.DeletePlan(ctx, p.ID) }()
		go func() { defer wg.Done(); s.AddPlan(ctx, newPlan("race")) }()
		wg.Wait()
		if _, err := s.Plan(ctx, p.ID); err == nil {
			if _, err := s.File(ctx, p.ID); err != nil {
				t.Fatalf("round %d: plan stored without its file: %v", i, err)
			}
			s.DeletePlan(ctx, p.ID)
		}
	}
}
