package compare

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
)

var benchWords = strings.Fields(`psykisk hälsa ohälsa barn unga vuxna äldre anhöriga suicid prevention
samverkan kommun region länet skolan elevhälsa socialtjänst psykiatri primärvård
insatser stöd behandling tidiga främjande förebyggande uppföljning indikator mål
andel antal minska öka utveckla implementera kunskap metod samordnad individuell plan
brukare delaktighet inflytande organisation arbete sysselsättning boende missbruk
beroende samsjuklighet funktionsnedsättning nyanlända asylsökande våld hbtq samer
föräldrar föräldrastöd attityder bemötande tillgänglighet väntetider digitala kontakter
första linjen vårdcentral ungdomsmottagning mottagning personal utbildning handlingsplan
överenskommelse arbetsgrupp styrgrupp ledning ansvar genomförande analys statistik`)

// benchPlan makes a plan of n pages of plan-like Swedish: ten sections,
// paragraphs of sentences, a goal and an indicator per page, sixty codes.
// Changing mutates about a third of the paragraphs and goals.
func benchPlan(id string, year, n int, seed uint64, changed bool) PlanInput {
	r := rand.New(rand.NewPCG(seed, 1))
	mut := rand.New(rand.NewPCG(seed+99, 2))
	sentence := func(r *rand.Rand) string {
		w := make([]string, 10+r.IntN(8))
		for i := range w {
			w[i] = benchWords[r.IntN(len(benchWords))]
		}
		return strings.ToUpper(w[0][:1]) + w[0][1:] + " " + strings.Join(w[1:], " ") + "."
	}
	in := PlanInput{Plan: corpus.Plan{ID: id, Lan: "Jämtland", LanCode: "23", Year: year, Audience: "vuxna"}}
	for p := 1; p <= n; p++ {
		var b strings.Builder
		if p%3 == 1 {
			fmt.Fprintf(&b, "%d. Avsnitt om %s\n\n", p/3+1, benchWords[r.IntN(len(benchWords))])
		}
		for range 8 { // about 3 000 characters
			var para []string
			for range 4 {
				para = append(para, sentence(r))
			}
			if changed && mut.IntN(3) == 0 {
				para[0], para[2] = sentence(mut), sentence(mut)
			}
			b.WriteString(strings.Join(para, " ") + "\n\n")
		}
		text := b.String()
		in.Pages = append(in.Pages, corpus.Page{Page: p, Text: text})
		if p%3 == 1 {
			head := strings.SplitN(text, "\n", 2)[0]
			last := min(p+2, n)
			in.Coding.Sections = append(in.Coding.Sections, analyzer.Section{Heading: head, Kind: "ovrigt", Level: 1, StartPage: p, EndPage: last, End: 1 << 30})
		}
		g := sentence(r)
		if changed && mut.IntN(3) == 0 {
			g = sentence(mut)
		}
		gid, iid := fmt.Sprintf("g%d", p), fmt.Sprintf("i%d", p)
		in.Coding.Goals = append(in.Coding.Goals, analyzer.Goal{ID: gid, Text: g + " Senast 2020.", Horizon: "lang", Page: p, IndicatorIDs: []string{iid}})
		in.Coding.Indicators = append(in.Coding.Indicators, analyzer.Indicator{ID: iid, Text: "Andel " + sentence(r), Type: "resultat", Page: p, GoalID: gid})
	}
	for i := range 60 {
		if !changed || mut.IntN(5) > 0 {
			in.Coding.Codes = append(in.Coding.Codes, code(dimensionOrder[i%5], fmt.Sprintf("c%d", i), 1+i%4))
		}
	}
	return in
}

// BenchmarkPlans compares two 30-page plans (goal: < 200 ms).
func BenchmarkPlans(b *testing.B) {
	x, y := benchPlan("a", 2017, 30, 1, false), benchPlan("b", 2018, 30, 1, true)
	b.ResetTimer()
	for b.Loop() {
		Plans(x, y)
	}
}

// BenchmarkCodeStats counts a year of 21 plans, all dimensions, plus the
// matrix and goal table (goal: < 50 ms).
func BenchmarkStats(b *testing.B) {
	var s Stats
	for i, l := range corpus.Lans() {
		p := benchPlan(fmt.Sprint(i), 2017, 30, uint64(i), i%2 == 0)
		p.Plan.Lan, p.Plan.LanCode = l.Name, l.Code
		s.Plans = append(s.Plans, CodedPlan{Plan: p.Plan, Coding: p.Coding})
	}
	b.ResetTimer()
	for b.Loop() {
		s.CodeStats(2017, "", "")
		s.Matrix(2017, "", "")
		s.GoalStats(2017, "")
	}
}

func TestBenchPlanIsRealistic(t *testing.T) {
	x, y := benchPlan("a", 2017, 30, 1, false), benchPlan("b", 2018, 30, 1, true)
	c := Plans(x, y)
	if len(x.Pages) != 30 || len(c.Goals.Kept) == 0 || len(c.Goals.Added) == 0 || len(c.Structure.Sections) != 10 ||
		c.TextSimilarity < 0.5 || c.TextSimilarity > 0.95 {
		t.Errorf("bench plans compare as: %d kept, %d added goals, %d sections, text %.2f; want a realistic mix",
			len(c.Goals.Kept), len(c.Goals.Added), len(c.Structure.Sections), c.TextSimilarity)
	}
}
