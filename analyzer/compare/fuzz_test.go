package compare

import (
	"testing"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
)

// FuzzPlans feeds Plans texts and section offsets that do not fit each
// other: comparison must never panic on what a coder or a store hands it.
func FuzzPlans(f *testing.F) {
	f.Add("1 Mål\n\nMinska antalet suicid med 10 % till 2020.", "1 Mål\n\nÖka andelen som mår bra.", 0, 5, 2, -3, 400)
	f.Add("", "åäö\n\n\n\n2.1 x", 1, 0, 0, 7, 1)
	f.Fuzz(func(t *testing.T, textA, textB string, startPage, start, endPage, end, goalEnd int) {
		sec := []analyzer.Section{{Heading: textA, StartPage: startPage, Start: start, EndPage: endPage, End: end}, {Heading: "2 Mål", StartPage: 1, End: end}}
		mk := func(id string, year int, text string) PlanInput {
			return PlanInput{
				Plan:  corpus.Plan{ID: id, Year: year},
				Pages: []corpus.Page{{Page: 1, Text: text}, {Page: 1, Text: text}, {Page: endPage, Text: text}},
				Coding: analyzer.Coding{Sections: sec,
					Goals:      []analyzer.Goal{{ID: "g", Text: text, Page: startPage, Start: start, End: goalEnd, IndicatorIDs: []string{"i", "missing"}}},
					Indicators: []analyzer.Indicator{{ID: "i", Text: text, GoalID: "g"}, {ID: "i", Text: textB, GoalID: "nowhere"}},
				},
			}
		}
		c := Plans(mk("a", 2017, textA), mk("b", 2018, textB))
		if c.TextSimilarity < 0 || c.TextSimilarity > 1 || c.Structure.HeadingOverlap < 0 || c.Structure.HeadingOverlap > 1 {
			t.Errorf("similarities out of [0,1]: text %v, headings %v", c.TextSimilarity, c.Structure.HeadingOverlap)
		}
	})
}
