package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
)

// benchYear makes 21 coded plans of 30 pages (about 3 000 characters
// each) with 40 codes of 5 passages, 30 goals and 30 indicators.
func benchYear() []compare.PlanInput {
	sentence := "Andelen äldre personer med psykisk ohälsa som får stöd från kommunen ska öka under året. "
	n := utf8.RuneCountInString(sentence)
	var out []compare.PlanInput
	for i, l := range corpus.Lans() {
		in := compare.PlanInput{Plan: corpus.Plan{ID: fmt.Sprint(i), Lan: l.Name, LanCode: l.Code, Year: 2017, Audience: "vuxna"}}
		for p := 1; p <= 30; p++ {
			in.Pages = append(in.Pages, corpus.Page{Page: p, Text: strings.Repeat(sentence, 33)})
			gid := fmt.Sprintf("g%d", p)
			in.Coding.Goals = append(in.Coding.Goals, analyzer.Goal{ID: gid, Text: sentence, Horizon: "kort", Page: p, Start: 0, End: n})
			in.Coding.Indicators = append(in.Coding.Indicators, analyzer.Indicator{ID: "i" + gid, Text: sentence, Type: "resultat", Page: p, GoalID: gid, Start: n, End: 2 * n})
		}
		for c := range 40 {
			code := analyzer.Code{Dimension: "omrade", Code: fmt.Sprintf("c%d", c), Label: fmt.Sprintf("Område %d", c), Count: 5}
			for e := range 5 {
				code.Evidence = append(code.Evidence, analyzer.Evidence{Page: 1 + (c+e)%30, Text: sentence, Start: e * n, End: (e + 1) * n})
			}
			in.Coding.Codes = append(in.Coding.Codes, code)
		}
		out = append(out, in)
	}
	return out
}

// BenchmarkYearWorkbook writes the workbook of a year of 21 plans.
func BenchmarkYearWorkbook(b *testing.B) {
	var s compare.Stats
	for _, p := range benchYear() {
		s.Plans = append(s.Plans, compare.CodedPlan{Plan: p.Plan, Coding: p.Coding})
	}
	b.ResetTimer()
	for b.Loop() {
		if err := WriteYearWorkbook(io.Discard, s, 2017); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQDPX writes a REFI-QDA project of 21 plans.
func BenchmarkQDPX(b *testing.B) {
	plans := benchYear()
	b.ResetTimer()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteQDPX(&buf, QDAProject{Plans: plans}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/file")
}
