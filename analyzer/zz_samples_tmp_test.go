package analyzer_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus/extract"
	"github.com/plankoll/plankoll/corpus/samples"
)

func TestZZSamples(t *testing.T) {
	cb, _ := analyzer.DefaultCodebook()
	c := analyzer.NewCoder(cb)
	plans, _ := samples.Plans()
	exp, _ := samples.ExpectedCodings()
	byFile := map[string]samples.ExpectedCoding{}
	for _, e := range exp {
		byFile[e.File] = e
	}
	ex := &extract.Extractor{Limits: extract.DefaultLimits()}
	var found, want, notViol, lvlOK, genOK, gc, ic, n int
	for _, p := range plans {
		doc, err := ex.Extract(context.Background(), p.Filename, p.Data)
		if err != nil {
			t.Fatal(err)
		}
		var pages []analyzer.PageText
		for _, pg := range doc.Pages {
			pages = append(pages, analyzer.PageText{Page: pg.Page, Text: pg.Text})
		}
		cd := c.Code(analyzer.PlanMeta{Year: p.Year}, pages)
		got := map[string][]string{}
		for _, code := range cd.Codes {
			got[code.Dimension] = append(got[code.Dimension], code.Code)
		}
		e := byFile[p.Filename]
		var missing, viol []string
		for dim, codes := range e.Codes {
			for _, code := range codes {
				want++
				if slices.Contains(got[dim], code) {
					found++
				} else {
					missing = append(missing, dim+"/"+code)
				}
			}
		}
		for dim, codes := range e.NotCodes {
			for _, code := range codes {
				if slices.Contains(got[dim], code) {
					notViol++
					viol = append(viol, dim+"/"+code)
				}
			}
		}
		n++
		if cd.Brukarinflytande.Level == e.Brukarinflytande.Level {
			lvlOK++
		}
		gp := strings.Join(cd.Genus.Placements, ",")
		ep := strings.Join(e.Genus.Placements, ",")
		if gp == ep {
			genOK++
		}
		if len(cd.Goals) == e.GoalCount {
			gc++
		}
		if len(cd.Indicators) == e.IndicatorCount {
			ic++
		}
		var hz, ehz []string
		for _, g := range cd.Goals {
			hz = append(hz, g.Horizon[:1])
		}
		for _, g := range e.Goals {
			ehz = append(ehz, g.Horizon[:1])
		}
		fmt.Printf("== %s\n  missing %v\n  NOT-violations %v\n  level %s want %s; genus [%s] want [%s]; goals %d want %d (%s vs %s); inds %d want %d\n",
			p.Filename, missing, viol, cd.Brukarinflytande.Level, e.Brukarinflytande.Level, gp, ep, len(cd.Goals), e.GoalCount,
			strings.Join(hz, ""), strings.Join(ehz, ""), len(cd.Indicators), e.IndicatorCount)
	}
	fmt.Printf("codes recall %d/%d, not-violations %d, level %d/%d, genus %d/%d, goalcount %d/%d, indcount %d/%d\n", found, want, notViol, lvlOK, n, genOK, n, gc, n, ic, n)
}
