package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/samples/coded"
	"github.com/plankoll/plankoll/index"
)

func readSamples(b *testing.B) ([]coded.Plan, *analyzer.Coder) {
	b.Helper()
	cb, err := analyzer.DefaultCodebook()
	if err != nil {
		b.Fatal(err)
	}
	coder := analyzer.NewCoder(cb)
	plans, err := coded.Samples(coder)
	if err != nil {
		b.Fatal(err)
	}
	return plans, coder
}

// BenchmarkRecodeSamples codes every sample plan once per iteration:
// what re-coding the sample corpus after a codebook change costs.
func BenchmarkRecodeSamples(b *testing.B) {
	in, coder := readSamples(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range in {
			coder.Code(analyzer.PlanMeta{PlanID: s.Plan.ID, Year: s.Plan.Year}, PageTexts(s.Pages))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(in)), "ms/plan")
}

// searchQueries are what analysts ask: words, compound parts, inflections,
// phrases, must-not, filters and a code filter.
var searchQueries = []index.Request{
	{Q: "suicid"},
	{Q: "anhörig"},
	{Q: "MHFA äldre"},
	{Q: "nyanländas"},
	{Q: `"samordnad individuell plan"`},
	{Q: `"psykisk ohälsa" flickor`},
	{Q: "brukarorganisation OR NSPH"},
	{Q: "skola -BUP"},
	{Q: "omsorg", Lan: []string{"Jämtland", "Skåne"}},
	{Q: "indikator", Year: []int{2018}, Section: []string{"mal"}},
	{Q: "ensamkommande", Code: []string{"malgrupp:nyanlanda"}},
	{Q: "", Code: []string{"metod:mhfa"}, Audience: []string{"vuxna"}},
}

// BenchmarkSearchSamples reports search latency over searchQueries on the
// sample corpus and on 500 plans generated from it (the sample texts under
// other counties and years); indexes are built once, untimed.
func BenchmarkSearchSamples(b *testing.B) {
	in, _ := readSamples(b)
	for _, n := range []int{len(in), 500} {
		ix, err := index.Open(filepath.Join(b.TempDir(), "idx"), index.Options{})
		if err != nil {
			b.Fatal(err)
		}
		lans := corpus.Lans()
		for i := 0; i < n; i++ {
			s := in[i%len(in)]
			p := s.Plan
			p.ID = fmt.Sprintf("g%04d", i)
			if i >= len(in) {
				l := lans[i%len(lans)]
				p.Lan, p.LanCode, p.Year = l.Name, l.Code, 2016+i%4
			}
			if err := ix.IndexPlan(p.ID, "fp", Segments(p, s.Pages, s.Coding)); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("plans=%d", n), func(b *testing.B) {
			ctx := context.Background()
			durs := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := time.Now()
				if _, err := ix.Search(ctx, searchQueries[i%len(searchQueries)]); err != nil {
					b.Fatal(err)
				}
				durs = append(durs, time.Since(t))
			}
			b.StopTimer()
			slices.Sort(durs)
			at := func(q float64) float64 { return float64(durs[int(q*float64(len(durs)-1))]) / 1e6 }
			b.ReportMetric(at(0.5), "p50-ms")
			b.ReportMetric(at(0.99), "p99-ms")
		})
		ix.Close()
	}
}
