package samples

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/plankoll/plankoll/corpus"
)

// fictionalNote is what every sample's first page must say.
const fictionalNote = "Fiktivt exempel skrivet för Plankoll"

// The corpus must keep at least this many plans and counties.
const (
	minPlans    = 16
	minCounties = 8
)

func TestPlans(t *testing.T) {
	plans, err := Plans()
	if err != nil {
		t.Fatalf("Plans() error: %v", err)
	}
	if len(plans) < minPlans {
		t.Errorf("Plans() gave %d plans; want at least %d", len(plans), minPlans)
	}
	for _, p := range plans {
		t.Run(p.Filename, func(t *testing.T) {
			if p.Lan == "" || p.Year == 0 || p.Title == "" || p.Filename == "" || len(p.Data) == 0 {
				t.Fatalf("incomplete metadata: %+v", Plan{Filename: p.Filename, Lan: p.Lan, Year: p.Year, Audience: p.Audience, Title: p.Title})
			}
			if _, err := corpus.ParseLan(p.Lan); err != nil {
				t.Errorf("lan %q: %v", p.Lan, err)
			}
			if a, err := corpus.ParseAudience(p.Audience); err != nil || string(a) != p.Audience || a == corpus.AudienceAlla {
				t.Errorf("audience %q: want vuxna or barn_unga", p.Audience)
			}
			if p.Year < 2016 || p.Year > 2030 {
				t.Errorf("year %d out of range", p.Year)
			}
			if !strings.Contains(p.Title, "psykisk") || !strings.Contains(p.Title, "hälsa") {
				t.Errorf("title %q does not name psykisk hälsa", p.Title)
			}
			r, err := pdf.NewReader(bytes.NewReader(p.Data), int64(len(p.Data)))
			if err != nil {
				t.Fatalf("pdf.NewReader: %v", err)
			}
			if n := r.NumPage(); n < 4 || n > 12 {
				t.Errorf("NumPage() = %d; want 4–12", n)
			}
			first, err := r.Page(1).GetPlainText(nil)
			if err != nil {
				t.Fatalf("page 1 text: %v", err)
			}
			if !strings.Contains(strings.Join(strings.Fields(first), " "), fictionalNote) {
				t.Errorf("page 1 does not say %q; it reads %.200q", fictionalNote, first)
			}
		})
	}
}

func TestPlansCoverage(t *testing.T) {
	plans, err := Plans()
	if err != nil {
		t.Fatalf("Plans() error: %v", err)
	}
	years := map[string]map[int]bool{}
	audiences := map[string]bool{}
	names := map[string]bool{}
	for _, p := range plans {
		if names[p.Filename] {
			t.Errorf("duplicate filename %q", p.Filename)
		}
		names[p.Filename] = true
		if years[p.Lan] == nil {
			years[p.Lan] = map[int]bool{}
		}
		years[p.Lan][p.Year] = true
		audiences[p.Audience] = true
	}
	if len(years) < minCounties {
		t.Errorf("%d counties; want at least %d", len(years), minCounties)
	}
	for lan, ys := range years {
		if !ys[2017] || !ys[2018] {
			t.Errorf("%s has years %v; want 2017 and 2018", lan, ys)
		}
	}
	for _, a := range []string{"vuxna", "barn_unga"} {
		if !audiences[a] {
			t.Errorf("no plan for audience %s", a)
		}
	}
}

func TestPlansOrdered(t *testing.T) {
	plans, err := Plans()
	if err != nil {
		t.Fatalf("Plans() error: %v", err)
	}
	for i := 1; i < len(plans); i++ {
		a, _ := corpus.ParseLan(plans[i-1].Lan)
		b, _ := corpus.ParseLan(plans[i].Lan)
		if a.Code > b.Code || (a.Code == b.Code && plans[i-1].Year > plans[i].Year) {
			t.Errorf("plans out of order: %s before %s", plans[i-1].Filename, plans[i].Filename)
		}
	}
}

// TestNoOrphanPDFs checks that every embedded PDF has metadata: a PDF
// without an entry in plans.json would be silently left out of Plans().
func TestNoOrphanPDFs(t *testing.T) {
	plans, err := Plans()
	if err != nil {
		t.Fatalf("Plans() error: %v", err)
	}
	entries, err := files.ReadDir("pdf")
	if err != nil {
		t.Fatalf("read embedded pdf dir: %v", err)
	}
	if len(entries) != len(plans) {
		t.Errorf("%d embedded PDFs, %d plans in plans.json", len(entries), len(plans))
	}
}
