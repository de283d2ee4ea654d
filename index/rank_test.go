package index

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/rank_stats.txt")

// rankCases are queries with the segments an analyst wants first (ids as
// hitIDs prints them), judged by hand on testPlans.
func rankCases() []struct {
	q        string
	relevant []string
} {
	return []struct {
		q        string
		relevant []string
	}{
		{"omsorg", []string{"C/1/ovrigt"}},                                    // the word itself before "äldreomsorgen"
		{"äldre", []string{"C/4/uppfoljning"}},                                // likewise before "äldreomsorgen"
		{"stöd", []string{"B/2/mal"}},                                         // before "Anhörigstöd"
		{"anhörig", []string{"B/2/mal", "A/1/behovsanalys"}},                  // both talk about relatives
		{"suicid", []string{"A/1/behovsanalys", "A/3/aktivitet"}},             // compounds only
		{"självmord OR suicid", []string{"C/4/uppfoljning", "A/3/aktivitet"}}, // the word before the part
		{`"psykisk ohälsa"`, []string{"B/1/behovsanalys", "B/2/aktivitet"}},
		{"psykisk hälsa", []string{"A/2/mal"}},
	}
}

// TestRankStats writes the rank of the first relevant hit and the mean
// reciprocal rank to testdata/rank_stats.txt (with -update) and fails when
// they differ from it, so a ranking change shows in the diff.
func TestRankStats(t *testing.T) {
	ix := loadTest(t)
	var b strings.Builder
	fmt.Fprintf(&b, "# query\tfirst relevant rank\thits\n")
	sum := 0.0
	cases := rankCases()
	for _, c := range cases {
		res, err := ix.Search(context.Background(), Request{Q: c.q})
		if err != nil {
			t.Fatal(err)
		}
		rank := 0
		for i, h := range res.Hits {
			id := h.PlanID + "/" + itoa(h.Page) + "/" + h.Section
			if slices.Contains(c.relevant, id) {
				rank = i + 1
				break
			}
		}
		if rank > 0 {
			sum += 1 / float64(rank)
		}
		fmt.Fprintf(&b, "%s\t%d\t%d\n", c.q, rank, res.Total)
	}
	fmt.Fprintf(&b, "MRR\t%.3f\n", sum/float64(len(cases)))
	path := filepath.Join("testdata", "rank_stats.txt")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./index -run TestRankStats -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("rank stats changed; if intended, run with -update\ngot:\n%s\nwant:\n%s", b.String(), want)
	}
}
