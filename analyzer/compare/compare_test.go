package compare

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
)

func plan(id, lan string, year int, aud corpus.Audience) corpus.Plan {
	l, err := corpus.ParseLan(lan)
	if err != nil {
		panic(err) // test table error, not input
	}
	return corpus.Plan{ID: id, Lan: l.Name, LanCode: l.Code, Year: year, Audience: aud}
}

func code(dim, c string, n int) analyzer.Code {
	ev := make([]analyzer.Evidence, n)
	for i := range ev {
		ev[i] = analyzer.Evidence{Page: i + 1, Section: "mal", Text: c + " på sidan", Start: 0, End: 5}
	}
	return analyzer.Code{Dimension: dim, Code: c, Label: strings.ToUpper(c[:1]) + c[1:], Count: n, Evidence: ev}
}

func codeKeys[T any](cs []T, key func(T) string) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, key(c))
	}
	return out
}

func TestDiffCodes(t *testing.T) {
	from := []analyzer.Code{code("omrade", "sip", 2), code("malgrupp", "aldre", 1), code("malgrupp", "hbtq", 0), code("metod", "mhfa", 3)}
	to := []analyzer.Code{code("malgrupp", "aldre", 4), code("malgrupp", "hbtq", 1), code("metod", "mhfa", 1), code("aktor", "polis", 1)}
	d := diffCodes(from, to)
	key := func(c analyzer.Code) string { return c.Dimension + "/" + c.Code }
	if got, want := codeKeys(d.Added, key), []string{"malgrupp/hbtq", "aktor/polis"}; !slices.Equal(got, want) {
		t.Errorf("added = %q; want %q (hbtq had count 0 before: absent)", got, want)
	}
	if got, want := codeKeys(d.Removed, key), []string{"omrade/sip"}; !slices.Equal(got, want) {
		t.Errorf("removed = %q; want %q", got, want)
	}
	kept := codeKeys(d.Kept, func(c KeptCode) string { return key(c.Code) })
	if want := []string{"malgrupp/aldre", "metod/mhfa"}; !slices.Equal(kept, want) {
		t.Fatalf("kept = %q; want %q", kept, want)
	}
	if k := d.Kept[0]; k.Count != 4 || len(k.Evidence) != 4 || k.From.Count != 1 || len(k.From.Evidence) != 1 {
		t.Errorf("kept aldre: to count %d/%d evidence, from %d/%d; want 4/4 and 1/1", k.Count, len(k.Evidence), k.From.Count, len(k.From.Evidence))
	}
	wantDims := []DimensionCount{{"malgrupp", 1, 0, 1}, {"omrade", 0, 1, 0}, {"metod", 0, 0, 1}, {"aktor", 1, 0, 0}}
	if !slices.Equal(d.Dimensions, wantDims) {
		t.Errorf("dimensions = %+v; want %+v", d.Dimensions, wantDims)
	}
}

func goal(id, text, horizon string, inds ...string) analyzer.Goal {
	return analyzer.Goal{ID: id, Text: text, Horizon: horizon, Section: "mal", IndicatorIDs: inds}
}

// goalOutcome summarises a GoalDiff as "kept:a>b", "changed:a>b",
// "removed:a", "added:b", sorted.
func goalOutcome(d GoalDiff) []string {
	var out []string
	for _, p := range d.Kept {
		out = append(out, "kept:"+p.From.ID+">"+p.To.ID)
	}
	for _, p := range d.Changed {
		out = append(out, "changed:"+p.From.ID+">"+p.To.ID)
	}
	for _, g := range d.Removed {
		out = append(out, "removed:"+g.ID)
	}
	for _, g := range d.Added {
		out = append(out, "added:"+g.ID)
	}
	slices.Sort(out)
	return out
}

func TestDiffGoals(t *testing.T) {
	tests := []struct {
		name     string
		years    [2]int // plan years, 0 unknown
		from, to []analyzer.Goal
		want     []string
		changes  []string // of the first changed or kept pair, when given
	}{
		{
			name: "same text kept",
			from: []analyzer.Goal{goal("a", "Minska antalet suicid i länet.", "lang")},
			to:   []analyzer.Goal{goal("b", "Minska antalet suicid i länet.", "lang")},
			want: []string{"kept:a>b"}, changes: []string{},
		},
		{
			name: "inflected rewording kept",
			from: []analyzer.Goal{goal("a", "Minska antalet suicid i länet", "lang")},
			to:   []analyzer.Goal{goal("b", "Antalet suicider i länet ska minska.", "lang")},
			want: []string{"kept:a>b"}, changes: []string{"wording"},
		},
		{
			name: "other number changed",
			from: []analyzer.Goal{goal("a", "Antalet suicid ska minska med 10 %.", "lang")},
			to:   []analyzer.Goal{goal("b", "Antalet suicid ska minska med 20 %.", "lang")},
			want: []string{"changed:a>b"}, changes: []string{"numbers"},
		},
		{
			name: "target year changed",
			from: []analyzer.Goal{goal("a", "Alla elever ska ha tillgång till elevhälsa senast 2020.", "lang")},
			to:   []analyzer.Goal{goal("b", "Alla elever ska ha tillgång till elevhälsa senast 2025.", "lang")},
			want: []string{"changed:a>b"}, changes: []string{"years"},
		},
		{
			name:  "short-term goal renewed for the next plan year kept",
			years: [2]int{2017, 2018},
			from:  []analyzer.Goal{goal("a", "Under 2017 ska alla kommuner erbjuda MHFA.", "kort")},
			to:    []analyzer.Goal{goal("b", "Under 2018 ska alla kommuner erbjuda MHFA.", "kort")},
			want:  []string{"kept:a>b"}, changes: []string{},
		},
		{
			name:  "same target year in two plan years kept",
			years: [2]int{2017, 2018},
			from:  []analyzer.Goal{goal("a", "Antalet suicid ska minska med 10 % till 2020.", "lang")},
			to:    []analyzer.Goal{goal("b", "Antalet suicid ska minska med 10 % till 2020.", "lang")},
			want:  []string{"kept:a>b"}, changes: []string{},
		},
		{
			name: "short-term goal without plan years changed",
			from: []analyzer.Goal{goal("a", "Under 2017 ska alla kommuner erbjuda MHFA.", "kort")},
			to:   []analyzer.Goal{goal("b", "Under 2018 ska alla kommuner erbjuda MHFA.", "kort")},
			want: []string{"changed:a>b"}, changes: []string{"years"},
		},
		{
			name: "horizon changed",
			from: []analyzer.Goal{goal("a", "Öka andelen unga som mår bra.", "lang")},
			to:   []analyzer.Goal{goal("b", "Öka andelen unga som mår bra.", "kort")},
			want: []string{"changed:a>b"}, changes: []string{"horizon"},
		},
		{
			name: "partly reworded changed",
			from: []analyzer.Goal{goal("a", "Öka tillgängligheten till första linjens vård för barn och unga med psykisk ohälsa.", "kort")},
			to:   []analyzer.Goal{goal("b", "Tillgängligheten till vård för barn och unga med psykisk ohälsa ska öka genom digitala kontakter.", "kort")},
			want: []string{"changed:a>b"},
		},
		{
			name: "goal with a clause added changed",
			from: []analyzer.Goal{goal("a", "Andelen elever med problematisk frånvaro ska minska.", "ospecificerad")},
			to:   []analyzer.Goal{goal("b", "Andelen elever med problematisk frånvaro ska minska med 10 procent till 2020.", "lang")},
			want: []string{"changed:a>b"}, changes: []string{"wording", "numbers", "years", "horizon"},
		},
		{
			name:  "numbered goal with its indicator, relabelled, kept",
			years: [2]int{2017, 2018},
			from:  []analyzer.Goal{goal("a", "Mål 1. Antalet suicid i länet ska minska med 10 procent till 2020. Indikator: antal suicid per år (dödsorsaksregistret).", "lang")},
			to:    []analyzer.Goal{goal("b", "Målsättning: Antalet suicid i länet ska minska med 10 procent till 2020.", "lang")},
			want:  []string{"kept:a>b"}, changes: []string{"wording"},
		},
		{
			name: "fragment not paired by containment",
			from: []analyzer.Goal{goal("a", "indikator", "ospecificerad")},
			to:   []analyzer.Goal{goal("b", "Antal suicid per år enligt dödsorsaksregistret är en indikator.", "ospecificerad")},
			want: []string{"added:b", "removed:a"},
		},
		{
			name: "unrelated goals removed and added",
			from: []analyzer.Goal{goal("a", "Minska antalet suicid i länet.", "lang")},
			to:   []analyzer.Goal{goal("b", "Fler personer med psykisk funktionsnedsättning ska ha en sysselsättning.", "lang")},
			want: []string{"added:b", "removed:a"},
		},
		{
			name: "one to one, best pair first",
			from: []analyzer.Goal{
				goal("a1", "Minska antalet suicid bland unga.", "lang"),
				goal("a2", "Minska antalet suicid bland äldre.", "lang"),
			},
			to:   []analyzer.Goal{goal("b", "Minska antalet suicid bland äldre.", "lang")},
			want: []string{"kept:a2>b", "removed:a1"},
		},
		{
			name: "goals reordered",
			from: []analyzer.Goal{
				goal("a1", "Minska antalet suicid i länet.", "lang"),
				goal("a2", "Öka andelen elever som upplever god psykisk hälsa.", "kort"),
				goal("a3", "Alla med samsjuklighet ska erbjudas samordnad individuell plan.", "kort"),
			},
			to: []analyzer.Goal{
				goal("b1", "Alla med samsjuklighet ska erbjudas samordnad individuell plan.", "kort"),
				goal("b2", "Minska antalet suicid i länet.", "lang"),
				goal("b3", "Öka andelen elever som upplever god psykisk hälsa.", "kort"),
			},
			want: []string{"kept:a1>b2", "kept:a2>b3", "kept:a3>b1"},
		},
		{
			name: "empty plans",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diffGoals(PlanInput{Plan: corpus.Plan{Year: tt.years[0]}, Coding: analyzer.Coding{Goals: tt.from}},
				PlanInput{Plan: corpus.Plan{Year: tt.years[1]}, Coding: analyzer.Coding{Goals: tt.to}}, nil)
			if got := goalOutcome(d); !slices.Equal(got, tt.want) {
				t.Fatalf("goals = %q; want %q", got, tt.want)
			}
			if tt.changes == nil {
				return
			}
			p := append(d.Changed, d.Kept...)[0]
			if !slices.Equal(p.Changes, tt.changes) {
				t.Errorf("changes = %q; want %q (similarity %.2f)", p.Changes, tt.changes, p.Similarity)
			}
		})
	}
}

func TestGoalSimilarityReported(t *testing.T) {
	d := diffGoals(PlanInput{Coding: analyzer.Coding{Goals: []analyzer.Goal{goal("a", "Antalet suicid ska minska med 10 %.", "lang")}}},
		PlanInput{Coding: analyzer.Coding{Goals: []analyzer.Goal{goal("b", "Antalet suicid ska minska med 20 %.", "lang")}}}, nil)
	if len(d.Changed) != 1 || d.Changed[0].Similarity != 0.85 {
		t.Fatalf("changed = %+v; want one pair with similarity 0.85 (words equal, numbers not)", d.Changed)
	}
}

func TestGoalIndicators(t *testing.T) {
	from := analyzer.Coding{
		Goals: []analyzer.Goal{
			goal("g1", "Minska antalet suicid i länet.", "lang", "i1"),
			goal("g2", "Öka andelen elever som upplever god psykisk hälsa.", "kort"),
		},
		Indicators: []analyzer.Indicator{
			{ID: "i1", Text: "Antal suicid per 100 000 invånare enligt Socialstyrelsen.", Type: "resultat", GoalID: "g1"},
		},
	}
	to := analyzer.Coding{
		Goals: []analyzer.Goal{
			goal("h1", "Minska antalet suicid i länet.", "lang"),
			goal("h2", "Öka andelen elever som upplever god psykisk hälsa.", "kort", "j1"),
		},
		Indicators: []analyzer.Indicator{
			{ID: "j1", Text: "Andel elever som svarar att de mår bra i Elevhälsoenkäten.", Type: "resultat", GoalID: "h2"},
			{ID: "j2", Text: "Antal utbildade i MHFA.", Type: "process"},
		},
	}
	goals, inds := diffStatements(PlanInput{Coding: from}, PlanInput{Coding: to})
	if got, want := goalOutcome(goals), []string{"kept:g1>h1", "kept:g2>h2"}; !slices.Equal(got, want) {
		t.Fatalf("goals = %q; want %q", got, want)
	}
	g1, g2 := goals.Kept[0], goals.Kept[1]
	if len(g1.IndicatorsLost) != 1 || g1.IndicatorsLost[0].ID != "i1" || len(g1.IndicatorsGained) != 0 || !slices.Contains(g1.Changes, "indicators") {
		t.Errorf("g1: lost %v gained %v changes %q; want i1 lost", g1.IndicatorsLost, g1.IndicatorsGained, g1.Changes)
	}
	if len(g2.IndicatorsGained) != 1 || g2.IndicatorsGained[0].ID != "j1" || len(g2.IndicatorsLost) != 0 {
		t.Errorf("g2: lost %v gained %v; want j1 gained", g2.IndicatorsLost, g2.IndicatorsGained)
	}
	if goals.FromWithoutIndicator != 1 || goals.ToWithoutIndicator != 1 {
		t.Errorf("without indicator = %d → %d; want 1 → 1", goals.FromWithoutIndicator, goals.ToWithoutIndicator)
	}
	ids := func(xs []analyzer.Indicator) []string {
		return codeKeys(xs, func(x analyzer.Indicator) string { return x.ID })
	}
	if got := ids(inds.Removed); !slices.Equal(got, []string{"i1"}) {
		t.Errorf("indicators removed = %q; want [i1]", got)
	}
	if got := ids(inds.Added); !slices.Equal(got, []string{"j1", "j2"}) {
		t.Errorf("indicators added = %q; want [j1 j2]", got)
	}
}

func TestIndicatorTypeChange(t *testing.T) {
	from := []analyzer.Indicator{{ID: "i1", Text: "Antal genomförda SIP-möten.", Type: "process"}}
	to := []analyzer.Indicator{{ID: "j1", Text: "Antal genomförda SIP-möten.", Type: "resultat"}}
	d, counterpart := diffIndicators(PlanInput{Coding: analyzer.Coding{Indicators: from}}, PlanInput{Coding: analyzer.Coding{Indicators: to}})
	if len(d.Changed) != 1 || !slices.Equal(d.Changed[0].Changes, []string{"type"}) || counterpart["i1"] != "j1" {
		t.Fatalf("changed = %+v; want one pair changed by type", d.Changed)
	}
}

func TestDiffBrukarGenus(t *testing.T) {
	b := diffBrukar(
		analyzer.Brukarinflytande{Level: "deltagande", Organisations: []string{"NSPH", "Attention"}},
		analyzer.Brukarinflytande{Level: "medskapande", Organisations: []string{"NSPH", "RSMH"}},
	)
	if b.From != "deltagande" || b.To != "medskapande" || b.Change != "higher" ||
		!slices.Equal(b.OrganisationsAdded, []string{"RSMH"}) || !slices.Equal(b.OrganisationsRemoved, []string{"Attention"}) {
		t.Errorf("brukarinflytande = %+v", b)
	}
	if c := diffBrukar(analyzer.Brukarinflytande{Level: "remiss"}, analyzer.Brukarinflytande{Level: "saknas"}).Change; c != "lower" {
		t.Errorf("remiss → saknas = %q; want lower", c)
	}
	g := diffGenus(analyzer.Genus{Present: true, Placements: []string{"behovsanalys"}}, analyzer.Genus{Present: true, Placements: []string{"behovsanalys", "mal"}})
	if !slices.Equal(g.PlacementsAdded, []string{"mal"}) || len(g.PlacementsRemoved) != 0 {
		t.Errorf("genus = %+v", g)
	}
}

// sectioned builds pages and sections from (heading, body) pairs, one
// section per page.
func sectioned(parts ...[2]string) ([]corpus.Page, []analyzer.Section) {
	var pages []corpus.Page
	var secs []analyzer.Section
	for i, p := range parts {
		text := p[0] + "\n\n" + p[1]
		pages = append(pages, corpus.Page{Page: i + 1, Text: text})
		secs = append(secs, analyzer.Section{Heading: p[0], Kind: "ovrigt", Level: 1, StartPage: i + 1, Start: 0, EndPage: i + 1, End: len([]rune(text))})
	}
	return pages, secs
}

func TestStructure(t *testing.T) {
	pa, sa := sectioned(
		[2]string{"1. Inledning", "Planen gäller länets kommuner och regionen."},
		[2]string{"2. Behovsanalys", "Andelen unga med psykisk ohälsa ökar."},
		[2]string{"3. Mål", "Minska antalet suicid.\n\nÖka andelen unga som mår bra."},
		[2]string{"4. Insatser", "Utbilda personal i MHFA."},
		[2]string{"5. Uppföljning", "Uppföljning sker årligen."},
	)
	toc, _ := sectioned([2]string{"3 Mål ..................... 4", ""})
	sa = append(sa, analyzer.Section{Heading: toc[0].Text, StartPage: 1, EndPage: 1})
	pb, sb := sectioned(
		[2]string{"1 Inledning", "Planen gäller länets kommuner och regionen."},
		[2]string{"2 Behovsanalys", "Andelen unga med psykisk ohälsa ökar fortfarande."},
		[2]string{"3 Mål", "Minska antalet suicid.\n\nAlla barn ska ha tillgång till elevhälsa."},
		[2]string{"4 Aktiviteter", "Utbilda personal i YAM."},
		[2]string{"5 Uppföljning", "Uppföljning sker årligen."},
	)
	// A table cell that a coder took for a heading: left out, since both
	// plans number their chapters.
	sb = append(sb, analyzer.Section{Heading: "Antal utbildade i MHFA", StartPage: 4, EndPage: 4})
	s := diffStructure(
		newPlanText(PlanInput{Pages: pa, Coding: analyzer.Coding{Sections: sa}}),
		newPlanText(PlanInput{Pages: pb, Coding: analyzer.Coding{Sections: sb}}),
		tokenCache{},
	)
	if s.HeadingOverlap != 0.8 || !s.SameStructure {
		t.Errorf("overlap %.2f same %v; want 0.8 (2·4/10) and true", s.HeadingOverlap, s.SameStructure)
	}
	if s.FromHeadings != 5 || s.ToHeadings != 5 || !strings.Contains(s.Note, "numbered headings") {
		t.Errorf("headings %d → %d, note %q; want 5 → 5 numbered", s.FromHeadings, s.ToHeadings, s.Note)
	}
	if !slices.Equal(s.HeadingsRemoved, []string{"4. Insatser"}) || !slices.Equal(s.HeadingsAdded, []string{"4 Aktiviteter"}) {
		t.Errorf("removed %q added %q", s.HeadingsRemoved, s.HeadingsAdded)
	}
	if len(s.Sections) != 4 {
		t.Fatalf("%d matched sections; want 4", len(s.Sections))
	}
	mal := s.Sections[2]
	if mal.From != "3. Mål" || mal.To != "3 Mål" || mal.ParagraphsKept != 2 ||
		!slices.Equal(mal.ParagraphsRemoved, []string{"Öka andelen unga som mår bra."}) ||
		!slices.Equal(mal.ParagraphsAdded, []string{"Alla barn ska ha tillgång till elevhälsa."}) {
		t.Errorf("mål section = %+v", mal)
	}
	if ba := s.Sections[1]; ba.ParagraphsKept != 1 || len(ba.ParagraphsChanged) != 1 {
		t.Errorf("behovsanalys = %+v; want heading kept, one paragraph changed", ba)
	}
}

func TestStatementCore(t *testing.T) {
	for in, want := range map[string]string{
		"Mål 1. Antalet suicid ska minska med 10 procent till 2020. Indikator: antal suicid per år.": "Antalet suicid ska minska med 10 procent till 2020.",
		"Målsättning: Äldre ska få bättre stöd.":                                                     "Äldre ska få bättre stöd.",
		"2. Öka andelen som mår bra (indikator: Elevhälsoenkäten)":                                   "Öka andelen som mår bra ",
		"Indikator: antal utbildade i MHFA.":                                                         "antal utbildade i MHFA.",
		"Delmål 3: Fler ska få SIP":                                                                  "Fler ska få SIP",
		"Målet är att färre ska vårdas i slutenvård.":                                                "Målet är att färre ska vårdas i slutenvård.",
	} {
		if got := statementCore(in); got != want {
			t.Errorf("statementCore(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestHeadingKey(t *testing.T) {
	for in, want := range map[string]string{
		"1. Inledning": "inledning", "2.3 Mål och  indikatorer": "mål och indikatorer", "B) Bakgrund": "bakgrund",
		"IV. Uppföljning": "uppföljning", "Mål": "mål", "2018 års plan": "åååå års plan", "4.2 Mål för 2017": "mål för åååå",
	} {
		if got := headingKey(in); got != want {
			t.Errorf("headingKey(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "Ett.\n\n  Två  rader\nsamma stycke.\n \nTre.", []string{"Ett.", "Två rader samma stycke.", "Tre."}},
		{"pdf lines", "Första meningen går\növer två rader.\nAndra stycket\när här.\nTredje:\nslut", []string{"Första meningen går över två rader.", "Andra stycket är här.", "Tredje:", "slut"}},
		{"empty", " \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextSimilarity(t *testing.T) {
	text := "Länets kommuner och regionen arbetar tillsammans för att minska den psykiska ohälsan bland barn och unga."
	other := "Fotboll spelas på gräs med elva spelare i varje lag under nittio minuter."
	pt := func(s string) planText { return newPlanText(PlanInput{Pages: []corpus.Page{{Page: 1, Text: s}}}) }
	tests := []struct {
		name      string
		a, b      string
		lo, hi    float64
		vocabLess float64
	}{
		{"same", text, text, 1, 1, 1.01},
		{"inflected", text, strings.ReplaceAll(text, "kommuner", "kommunerna"), 0.75, 1, 1.01},
		{"unrelated", text, other, 0, 0, 0.01},
		{"empty", "", "", 0, 0, 0.01},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, v := textSimilarity(pt(tt.a), pt(tt.b), tokenCache{})
			if s < tt.lo || s > tt.hi || v >= tt.vocabLess {
				t.Errorf("similarity = %.2f, vocabulary %.2f; want %.2f–%.2f and < %.2f", s, v, tt.lo, tt.hi, tt.vocabLess)
			}
		})
	}
}

func TestPlansJSON(t *testing.T) {
	a := PlanInput{Plan: plan("p1", "Jämtland", 2017, "vuxna"), Pages: []corpus.Page{{Page: 1, Text: "Mål\n\nMinska antalet suicid."}},
		Coding: analyzer.Coding{Codes: []analyzer.Code{code("malgrupp", "aldre", 1)}, Brukarinflytande: analyzer.Brukarinflytande{Level: "avsikt"}}}
	b := PlanInput{Plan: plan("p2", "Jämtland", 2018, "vuxna"), Pages: []corpus.Page{{Page: 1, Text: "Mål\n\nMinska antalet suicid i Jämtland Härjedalen."}},
		Coding: analyzer.Coding{Brukarinflytande: analyzer.Brukarinflytande{Level: "remiss"}}}
	raw, err := json.Marshal(Plans(a, b))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{
		"from.id": "string", "to.year": "number", "compared": "string",
		"codes.added": "array", "codes.removed": "array", "codes.kept": "array",
		"goals.added": "array", "goals.removed": "array", "goals.changed": "array", "goals.kept": "array",
		"indicators.added": "array", "indicators.removed": "array",
		"brukarinflytande.from": "string", "brukarinflytande.to": "string",
		"genus.from.present": "bool", "genus.to.placements": "array",
		"structure.same_structure": "bool", "structure.heading_overlap": "number", "text_similarity": "number",
	}
	for path, kind := range paths {
		var v any = got
		for _, k := range strings.Split(path, ".") {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		ok := false
		switch v.(type) {
		case string:
			ok = kind == "string"
		case float64:
			ok = kind == "number"
		case bool:
			ok = kind == "bool"
		case []any:
			ok = kind == "array"
		}
		if !ok {
			t.Errorf("%s = %#v; want a JSON %s", path, v, kind)
		}
	}
	if !strings.Contains(string(raw), `"removed":[{"dimension":"malgrupp","code":"aldre"`) {
		t.Errorf("codes.removed lacks aldre: %s", raw)
	}
	if !strings.Contains(got["compared"].(string), "Jämtland's 2017 plan for vuxna (id p1)") {
		t.Errorf("compared = %q", got["compared"])
	}
}
