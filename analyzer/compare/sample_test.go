package compare_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/samples"
	"github.com/plankoll/plankoll/corpus/samples/coded"
)

var update = flag.Bool("update", false, "rewrite testdata/sample_differences.txt")

// TestSampleDifferences extracts and codes the sample plans, compares each
// county's 2017 and 2018 plan and checks the comparison against what the
// plans' author changed (corpus/samples/expected_differences.yaml).
//
// same_structure depends on the comparison alone (given the coder's
// headings) and must agree for every county. Codes, user involvement and
// gender placements depend on the coder too: their agreement is written to
// testdata/sample_differences.txt (-update) and held above a floor, so a
// regression in either package shows.
func TestSampleDifferences(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and codes 16 PDFs")
	}
	byFile := codedSamples(t)
	diffs, err := samples.ExpectedDifferences()
	if err != nil {
		t.Fatal(err)
	}
	var report strings.Builder
	fmt.Fprintf(&report, "# Sample plans 2017 -> 2018: what compare found against what the author changed.\n")
	fmt.Fprintf(&report, "# county: expected codes added and removed that were found (of all reported), goals added/removed/changed expected and found (kept), brukarinflytande, genus placements, same_structure (overlap)\n")
	var addedOK, added, removedOK, removed, levelsOK, genusOK int
	for _, d := range diffs {
		a, okA := byFile[d.From]
		b, okB := byFile[d.To]
		if !okA || !okB {
			t.Errorf("%s: sample plans %q or %q missing", d.Lan, d.From, d.To)
			continue
		}
		c := compare.Plans(a, b)
		t.Run(d.Lan, func(t *testing.T) {
			if c.Structure.SameStructure != d.SameStructure {
				t.Errorf("same_structure = %v (overlap %.2f); the author %s the structure", c.Structure.SameStructure, c.Structure.HeadingOverlap,
					map[bool]string{true: "kept", false: "changed"}[d.SameStructure])
			}
		})
		fa, fr := 0, 0
		for _, x := range d.CodesAdded {
			if hasCode(c.Codes.Added, x.Dimension, x.Code) {
				fa++
			}
		}
		for _, x := range d.CodesRemoved {
			if hasCode(c.Codes.Removed, x.Dimension, x.Code) {
				fr++
			}
		}
		level := c.Brukarinflytande.From == d.Brukarinflytande.From && c.Brukarinflytande.To == d.Brukarinflytande.To
		genus := sameSet(c.Genus.From.Placements, d.Genus.From) && sameSet(c.Genus.To.Placements, d.Genus.To)
		addedOK, added, removedOK, removed = addedOK+fa, added+len(d.CodesAdded), removedOK+fr, removed+len(d.CodesRemoved)
		levelsOK += btoi(level)
		genusOK += btoi(genus)
		fmt.Fprintf(&report, "%-13s added %d/%d (of %d)  removed %d/%d (of %d)  goals +%d/-%d/~%d found +%d/-%d/~%d (%d)  brukarinflytande %s->%s (%s)  genus %v->%v (%s)  same_structure %v (%.2f)\n",
			d.Lan, fa, len(d.CodesAdded), len(c.Codes.Added), fr, len(d.CodesRemoved), len(c.Codes.Removed),
			len(d.GoalsAdded), len(d.GoalsRemoved), len(d.GoalsChanged), len(c.Goals.Added), len(c.Goals.Removed), len(c.Goals.Changed), len(c.Goals.Kept),
			c.Brukarinflytande.From, c.Brukarinflytande.To, okText(level),
			c.Genus.From.Placements, c.Genus.To.Placements, okText(genus),
			c.Structure.SameStructure, c.Structure.HeadingOverlap)
	}
	fmt.Fprintf(&report, "total: codes added %d/%d, removed %d/%d, brukarinflytande %d/%d, genus %d/%d\n",
		addedOK, added, removedOK, removed, levelsOK, len(diffs), genusOK, len(diffs))
	t.Log("\n" + report.String())
	golden := filepath.Join("testdata", "sample_differences.txt")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(report.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Floors a little under what coder and comparison reach together today
	// (added 34/39, removed 22/23, levels 10/10, genus 8/10).
	if added == 0 || float64(addedOK)/float64(added) < 0.8 || float64(removedOK)/float64(removed) < 0.85 {
		t.Errorf("expected code changes found: added %d/%d, removed %d/%d; want at least 80 %% and 85 %%", addedOK, added, removedOK, removed)
	}
	if levelsOK < len(diffs)-1 || genusOK < len(diffs)-3 {
		t.Errorf("brukarinflytande levels right in %d/%d counties, genus placements in %d/%d; want at most 1 and 3 wrong", levelsOK, len(diffs), genusOK, len(diffs))
	}
}

// TestSamplePick picks the sample plans like with like: Stockholm has plans
// for barn_unga in 2017 and 2018 and one for vuxna in 2018 only.
func TestSamplePick(t *testing.T) {
	sp, err := samples.Plans()
	if err != nil {
		t.Fatal(err)
	}
	var plans []corpus.Plan
	for i, s := range sp {
		l, err := corpus.ParseLan(s.Lan)
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, corpus.Plan{ID: s.Filename, Lan: l.Name, LanCode: l.Code, Year: s.Year, Audience: corpus.Audience(s.Audience), UploadedAt: time.Unix(int64(i), 0)})
	}
	a, b, err := compare.Pick(plans, "Stockholm", 2017, 2018, "")
	if err != nil || a.ID != "Stockholm 2017 barn_unga.pdf" || b.ID != "Stockholm 2018 barn_unga.pdf" {
		t.Errorf("Stockholm, no audience: %s → %s, %v; want the barn_unga plans", a.ID, b.ID, err)
	}
	_, _, err = compare.Pick(plans, "Stockholm", 2017, 2018, "vuxna")
	if want := "No plan for Stockholm 2017 for vuxna. Plans for Stockholm: 2017 (barn_unga), 2018 (vuxna, barn_unga)."; corpus.ErrorCode(err) != corpus.ENotFound || corpus.ErrorMessage(err) != want {
		t.Errorf("Stockholm vuxna: %v; want not_found %q", err, want)
	}
}

// codedSamples extracts and codes every sample plan, by file name.
func codedSamples(t *testing.T) map[string]compare.PlanInput {
	t.Helper()
	cb, err := analyzer.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	plans, err := coded.Samples(analyzer.NewCoder(cb))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]compare.PlanInput{}
	for _, p := range plans {
		out[p.File] = p.PlanInput
	}
	return out
}

func hasCode(codes []analyzer.Code, dim, code string) bool {
	return slices.ContainsFunc(codes, func(c analyzer.Code) bool { return c.Dimension == dim && c.Code == code })
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func okText(ok bool) string {
	if ok {
		return "ok"
	}
	return "differs"
}

// TestSampleStats counts, over the coded sample corpus, the headline
// figures of the national analysis ("number of counties whose plan has X")
// and checks them against a hand count of the sample plans, written here
// from their authors' coding (corpus/samples/expected_coding.yaml).
// Suicide prevention is not among them: the authors did not count YAM as
// suicide prevention where the gold set's conventions do, and the coder
// still reads a needs analysis's "självmordstankar" as the area (Stockholm
// and Skåne), so that row is left to the sample-differences report.
func TestSampleStats(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and codes the sample PDFs")
	}
	var plans []compare.CodedPlan
	for _, p := range codedSamples(t) {
		plans = append(plans, compare.CodedPlan{Plan: p.Plan, Coding: p.Coding})
	}
	cb, err := analyzer.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	st := compare.NewStats(plans, cb)
	hand := []struct {
		year      int
		dimension string
		code      string
		lans      []string // in county-code order
	}{
		{2017, "malgrupp", "nyanlanda", []string{"Östergötland", "Kalmar", "Skåne", "Gävleborg", "Jämtland"}},
		{2018, "malgrupp", "nyanlanda", []string{"Kalmar", "Gävleborg", "Jämtland"}},
		{2017, "malgrupp", "aldre", []string{"Dalarna", "Västerbotten"}},
		{2018, "malgrupp", "aldre", []string{"Dalarna", "Jämtland", "Västerbotten"}},
		{2017, "malgrupp", "samsjuklighet", []string{"Jämtland", "Västerbotten"}},
		{2018, "malgrupp", "samsjuklighet", []string{"Stockholm", "Jämtland", "Västerbotten"}},
		{2017, "malgrupp", "psykisk_funktionsnedsattning", []string{"Östergötland", "Dalarna", "Jämtland", "Norrbotten"}},
		{2018, "malgrupp", "psykisk_funktionsnedsattning", []string{"Stockholm", "Östergötland", "Dalarna", "Jämtland", "Norrbotten"}},
		{2017, "metod", "mhfa", []string{"Stockholm", "Dalarna", "Jämtland"}},
		{2018, "metod", "mhfa", []string{"Stockholm", "Uppsala", "Dalarna", "Jämtland"}},
		{2017, "metod", "sip", []string{"Stockholm", "Östergötland", "Skåne", "Gävleborg", "Jämtland"}},
		{2018, "metod", "sip", []string{"Östergötland", "Kalmar", "Skåne", "Gävleborg", "Jämtland"}},
	}
	for _, h := range hand {
		t.Run(fmt.Sprintf("%d/%s/%s", h.year, h.dimension, h.code), func(t *testing.T) {
			table := st.CodeStats(h.year, "", h.dimension)
			if table.Plans != 10 && table.Plans != 11 {
				t.Errorf("%d plans counted in %d; want the 10 (2017) or 11 (2018) sample plans", table.Plans, h.year)
			}
			var got []string
			for _, r := range table.Rows {
				if r.Code == h.code {
					got = r.LanList
					if r.Lans != len(r.LanList) {
						t.Errorf("lans = %d but lan_list has %d", r.Lans, len(r.LanList))
					}
				}
			}
			if strings.Join(got, ",") != strings.Join(h.lans, ",") {
				t.Errorf("counties = %v; hand count %v", got, h.lans)
			}
			if d := st.Detail(h.year, "", h.dimension, h.code); len(d) < len(h.lans) || len(d[0].Evidence) == 0 {
				t.Errorf("drill-down: %d plans, first with %d passages", len(d), len(d[0].Evidence))
			}
		})
	}
}
