package compare

import (
	"slices"
	"testing"

	"github.com/plankoll/plankoll/analyzer"
)

// statsFixture is a small corpus counted by hand in the tests below.
func statsFixture() Stats {
	kommun := plan("gk", "Gotland", 2017, "vuxna")
	kommun.Kommun = "Gotland"
	noCode := plan("s18", "Skåne", 2018, "alla")
	noCode.LanCode = "" // found by name
	withGoals := analyzer.Coding{
		Codes: []analyzer.Code{code("omrade", "sip", 1)},
		Goals: []analyzer.Goal{
			goal("g1", "Minska antalet suicid.", "lang", "i1"),
			goal("g2", "Öka andelen unga som mår bra.", "kort"),
			goal("g3", "Fler ska få SIP.", "ospecificerad"),
		},
		Indicators: []analyzer.Indicator{
			{ID: "i1", Text: "Antal suicid.", Type: "resultat", GoalID: "g1"},
			{ID: "i2", Text: "Antal SIP.", Type: "process", GoalID: "g3"},
			{ID: "i3", Text: "Rutin finns.", Type: "struktur"},
		},
	}
	return Stats{
		Plans: []CodedPlan{
			{plan("b17v", "Blekinge", 2017, "vuxna"), analyzer.Coding{Codes: []analyzer.Code{code("malgrupp", "aldre", 2), code("malgrupp", "hbtq", 1)}}},
			{plan("b17b", "Blekinge", 2017, "barn_unga"), analyzer.Coding{Codes: []analyzer.Code{code("malgrupp", "hbtq", 3), code("omrade", "sip", 1)},
				Goals: []analyzer.Goal{goal("x", "Färre elever ska vara hemmasittare.", "kort")}}},
			{plan("s17", "Skåne", 2017, "alla"), analyzer.Coding{Codes: []analyzer.Code{code("malgrupp", "aldre", 1)}}},
			{plan("j17v", "Jämtland", 2017, "vuxna"), withGoals},
			{kommun, analyzer.Coding{Codes: []analyzer.Code{code("malgrupp", "aldre", 1)}}},
			{noCode, analyzer.Coding{Codes: []analyzer.Code{code("malgrupp", "aldre", 1)}}},
		},
		Label: func(dim, c string) string {
			if c == "aldre" {
				return "Äldre"
			}
			return ""
		},
		Codebook: []CodeRef{{Dimension: "malgrupp", Code: "samer", Label: "Samer"}, {Dimension: "malgrupp", Code: "aldre", Label: "Äldre"}},
	}
}

type rowSummary struct {
	code  string
	label string
	lans  int
	list  []string
	plans int
}

func summarise(rows []CodeRow) []rowSummary {
	var out []rowSummary
	for _, r := range rows {
		out = append(out, rowSummary{r.Code, r.Label, r.Lans, r.LanList, r.PlanCount})
	}
	return out
}

func TestCodeStats(t *testing.T) {
	s := statsFixture()
	tests := []struct {
		name      string
		year      int
		audience  string
		dimension string
		plans     int
		lans      int
		rows      []rowSummary
	}{
		{"malgrupp, all audiences", 2017, "", "malgrupp", 4, 3, []rowSummary{
			{"aldre", "Äldre", 2, []string{"Blekinge", "Skåne"}, 2},
			{"hbtq", "Hbtq", 1, []string{"Blekinge"}, 2},
			{"samer", "Samer", 0, []string{}, 0},
		}},
		{"vuxna, all dimensions", 2017, "vuxna", "", 2, 2, []rowSummary{
			{"aldre", "Äldre", 1, []string{"Blekinge"}, 1},
			{"hbtq", "Hbtq", 1, []string{"Blekinge"}, 1},
			{"sip", "Sip", 1, []string{"Jämtland"}, 1},
			{"samer", "Samer", 0, []string{}, 0},
		}},
		{"year without plans", 2020, "", "omrade", 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.CodeStats(tt.year, tt.audience, tt.dimension)
			if got.Plans != tt.plans || got.LansWithPlan != tt.lans || len(got.LansWithoutPlan) != 21-tt.lans {
				t.Errorf("plans %d, lans %d, without %d; want %d, %d, %d", got.Plans, got.LansWithPlan, len(got.LansWithoutPlan), tt.plans, tt.lans, 21-tt.lans)
			}
			if !slices.EqualFunc(summarise(got.Rows), tt.rows, func(a, b rowSummary) bool {
				return a.code == b.code && a.label == b.label && a.lans == b.lans && slices.Equal(a.list, b.list) && a.plans == b.plans
			}) {
				t.Errorf("rows\n %+v; want\n %+v", summarise(got.Rows), tt.rows)
			}
		})
	}
	if without := s.CodeStats(2017, "", "").LansWithoutPlan; slices.Contains(without, "Skåne") || !slices.Contains(without, "Gotland") {
		t.Errorf("lans_without_plan = %q; want Gotland (only a kommun plan), not Skåne", without)
	}
}

func TestMatrix(t *testing.T) {
	m := statsFixture().Matrix(2017, "", "malgrupp")
	var cols []string
	for _, c := range m.Columns {
		cols = append(cols, c.Code)
	}
	if want := []string{"aldre", "hbtq", "samer"}; !slices.Equal(cols, want) {
		t.Fatalf("columns = %q; want %q", cols, want)
	}
	want := []struct {
		lan     string
		present []int
		counts  []int
	}{
		{"Blekinge", []int{1, 1, 0}, []int{2, 4, 0}},
		{"Skåne", []int{1, 0, 0}, []int{1, 0, 0}},
		{"Jämtland", []int{0, 0, 0}, []int{0, 0, 0}},
	}
	if len(m.Rows) != len(want) {
		t.Fatalf("%d rows; want %d", len(m.Rows), len(want))
	}
	for i, w := range want {
		r := m.Rows[i]
		if r.Lan != w.lan || !slices.Equal(r.Present, w.present) || !slices.Equal(r.Counts, w.counts) {
			t.Errorf("row %d = %s %v %v; want %s %v %v", i, r.Lan, r.Present, r.Counts, w.lan, w.present, w.counts)
		}
	}
}

func TestTrend(t *testing.T) {
	tr := statsFixture().Trend("malgrupp", "aldre", "")
	type y struct{ year, lans, plans int }
	var got []y
	for _, r := range tr.Years {
		got = append(got, y{r.Year, r.Lans, r.Plans})
	}
	if want := []y{{2016, 0, 0}, {2017, 2, 4}, {2018, 1, 1}}; !slices.Equal(got, want) || tr.Label != "Äldre" {
		t.Errorf("trend = %v %q; want %v \"Äldre\"", got, tr.Label, want)
	}
	if empty := (Stats{}).Trend("malgrupp", "aldre", ""); len(empty.Years) != 0 {
		t.Errorf("trend without plans has %d years; want 0", len(empty.Years))
	}
}

func TestGoalStats(t *testing.T) {
	g := statsFixture().GoalStats(2017, "")
	if len(g.Rows) != 3 {
		t.Fatalf("%d rows; want 3", len(g.Rows))
	}
	j := g.Rows[2]
	if j.Lan != "Jämtland" || j.Goals != 3 || j.Lang != 1 || j.Kort != 1 || j.Ospecificerad != 1 || j.WithoutIndicator != 1 ||
		j.Indicators != 3 || j.IndicatorsWithoutGoal != 1 ||
		j.IndicatorsByType["resultat"] != 1 || j.IndicatorsByType["process"] != 1 || j.IndicatorsByType["struktur"] != 1 {
		t.Errorf("Jämtland = %+v", j)
	}
	b := g.Rows[0]
	if b.Lan != "Blekinge" || b.Goals != 1 || b.Kort != 1 || b.WithoutIndicator != 1 || !slices.Equal(b.PlanIDs, []string{"b17v", "b17b"}) {
		t.Errorf("Blekinge = %+v", b)
	}
	if g.Total.Goals != 4 || g.Total.WithoutIndicator != 2 || g.Total.Indicators != 3 || len(g.Total.PlanIDs) != 4 {
		t.Errorf("total = %+v", g.Total)
	}
}

func TestDetail(t *testing.T) {
	rows := statsFixture().Detail(2017, "", "malgrupp", "hbtq")
	var got []string
	for _, r := range rows {
		got = append(got, r.Lan+"/"+r.PlanID)
		if len(r.Evidence) != r.Count {
			t.Errorf("%s: %d evidence for count %d", r.PlanID, len(r.Evidence), r.Count)
		}
	}
	if want := []string{"Blekinge/b17b", "Blekinge/b17v"}; !slices.Equal(got, want) {
		t.Errorf("detail = %q; want %q", got, want)
	}
	if rows := statsFixture().Detail(2017, "", "malgrupp", "samer"); rows == nil || len(rows) != 0 {
		t.Errorf("detail for an absent code = %v; want empty, not nil", rows)
	}
}

func TestPlansOf(t *testing.T) {
	var got []string
	for _, p := range statsFixture().PlansOf(2017, "") {
		got = append(got, p.Plan.ID)
	}
	if want := []string{"b17b", "b17v", "s17", "j17v"}; !slices.Equal(got, want) {
		t.Errorf("plans = %q; want %q (county code order, kommun plan left out)", got, want)
	}
}

func TestCodebookRefs(t *testing.T) {
	dims := []analyzer.Dimension{
		{ID: "malgrupp", Label: "Målgrupp", Codes: []analyzer.CodeInfo{{ID: "aldre", Label: "Äldre"}, {ID: "samer", Label: "Samer"}}},
		{ID: "metod", Label: "Metod", Codes: []analyzer.CodeInfo{{ID: "mhfa", Label: "MHFA"}}},
	}
	got := CodebookRefs(dims)
	want := []CodeRef{{"malgrupp", "aldre", "Äldre", "Målgrupp"}, {"malgrupp", "samer", "Samer", "Målgrupp"}, {"metod", "mhfa", "MHFA", "Metod"}}
	if !slices.Equal(got, want) {
		t.Errorf("CodebookRefs = %+v; want %+v", got, want)
	}
}

func TestNewStats(t *testing.T) {
	cb, err := analyzer.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	s := NewStats(statsFixture().Plans, cb)
	rows := s.CodeStats(2017, "", "malgrupp").Rows
	if len(rows) < 19 || rows[0].Code != "aldre" || rows[0].Label != "Äldre" || rows[0].Lans != 2 {
		t.Errorf("rows = %+v…; want every malgrupp code, Äldre first with 2 counties", rows[0])
	}
	if got := NewStats(nil, nil).CodeStats(2017, "", ""); got.Plans != 0 || len(got.Rows) != 0 {
		t.Errorf("empty stats = %+v", got)
	}
}
