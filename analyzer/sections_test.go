package analyzer

import (
	"strings"
	"testing"
)

func TestSections(t *testing.T) {
	pages := []PageText{
		{Page: 1, Text: "Handlingsplan 2018\nInnehållsförteckning\n1. Inledning ........ 2\n2. Behovsanalys ........ 3\n3. Mål och indikatorer ........ 4\nSida 1"},
		{Page: 2, Text: "Handlingsplan 2018\n1. Inledning\nPlanen gäller hela länet.\nSida 2"},
		{Page: 3, Text: "Handlingsplan 2018\n2. Behovsanalys\nStatistik visar att unga mår sämre.\n\nNULÄGESBESKRIVNING FÖR ÄLDRE\nÄldre har ofta depression.\nSida 3"},
		{Page: 4, Text: "Handlingsplan 2018\n3. Mål och indikatorer\nLångsiktiga mål\n• Minska antalet suicid.\nSida 4"},
		{Page: 5, Text: "Handlingsplan 2018\n4 Aktiviteter\nPersonalen utbildas i MHFA.\n\nBilaga 1\nIndikatorer i detalj.\nSida 5"},
	}
	c := NewCoder(defaultCodebook(t))
	cd := c.Code(PlanMeta{Year: 2018}, pages)
	var got []string
	for _, s := range cd.Sections {
		got = append(got, s.Kind+":"+s.Heading)
	}
	want := []string{"ovrigt:1. Inledning", "behovsanalys:2. Behovsanalys", "behovsanalys:NULÄGESBESKRIVNING FÖR ÄLDRE",
		"mal:3. Mål och indikatorer", "mal:Långsiktiga mål", "aktivitet:4 Aktiviteter", "ovrigt:Bilaga 1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range cd.Sections {
		r := []rune(pages[s.StartPage-1].Text)
		if !strings.HasPrefix(string(r[s.Start:]), s.Heading) {
			t.Errorf("section %q: start %d on page %d points at %q", s.Heading, s.Start, s.StartPage, string(r[s.Start:]))
		}
	}
	// The running header and page numbers are no evidence; the table of
	// contents is, with less weight than the goal.
	for _, code := range cd.Codes {
		for _, e := range code.Evidence {
			if strings.HasPrefix(e.Text, "Handlingsplan 2018") || strings.HasPrefix(e.Text, "Sida") {
				t.Errorf("%s evidence from a running header: %q", code.Code, e.Text)
			}
		}
		if code.Code == "suicidprevention" && code.Weight != 1.5 {
			t.Errorf("suicidprevention weight = %v; want 1.5 (one hit in a goal)", code.Weight)
		}
		if code.Code == "behovsanalys" && code.Weight >= 1 {
			t.Errorf("behovsanalys weight = %v; want < 1 (table of contents and heading only)", code.Weight)
		}
	}
	if len(cd.Goals) != 1 || cd.Goals[0].Text != "Minska antalet suicid." || cd.Goals[0].Horizon != "lang" {
		t.Errorf("goals = %+v; want one long-term goal", cd.Goals)
	}
}

func TestLineKinds(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []lineKind
	}{
		{"numbered heading", "3.2 Mål för 2018\nText som följer här och fortsätter.", []lineKind{lHeading, lBody}},
		{"capitals", "MÅL OCH INDIKATORER\nText.", []lineKind{lHeading, lBody}},
		{"short line", "Långsiktiga mål\nVi ska minska antalet suicid i hela länet fram till 2025 genom samverkan.", []lineKind{lHeading, lBody}},
		{"list of short lines", "Öka andelen elever\nMinska köerna\nFler i arbete", []lineKind{lBody, lBody, lBody}},
		{"row", "Mål | Indikator | Källa", []lineKind{lRow}},
		{"two-space row", "Mål  Indikator  Källa", []lineKind{lRow}},
		{"item", "• Minska antalet suicid", []lineKind{lItem}},
		{"numbered item", "1. Minska antalet suicid bland unga i länet.", []lineKind{lItem}},
		{"bilaga", "Bilaga 2 Indikatorer\nText.", []lineKind{lHeading, lBody}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := splitLines(tt.text)
			markTOC(ls)
			classifyLines(ls)
			var got []lineKind
			for _, l := range ls {
				got = append(got, l.kind)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("kinds of %q = %v; want %v", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("kinds of %q = %v; want %v", tt.text, got, tt.want)
					break
				}
			}
		})
	}
}

func TestTOCLine(t *testing.T) {
	tests := []struct {
		s  string
		ok bool
	}{
		{"3.2 Mål för 2018 ........ 12", true},
		{"Inledning\t3", true},
		{"Mål för 2018", false},
		{"Antal suicid 2017 var 45.", false},
	}
	for _, tt := range tests {
		if _, ok := tocLine(tt.s); ok != tt.ok {
			t.Errorf("tocLine(%q) = %v; want %v", tt.s, ok, tt.ok)
		}
	}
}

func FuzzCode(f *testing.F) {
	f.Add("3.2 Mål för 2018\n• Minska antalet suicid till 2025.\nIndikator: Andel elever.", 2018)
	f.Add("Mål | Indikator | Källa\nÖka X | Andel Y | Z", 0)
	f.Add("Mål Indikator Källa\nMinska köerna Antal dagar Kolada", 2019)
	f.Add("äldre saknas\x00\xff\n\n\f", -5)
	f.Add("Mål\n\nÖka andelen elever som mår bra.\n\nIndikator\n\nAndel elever.\n\nTyp\n\nResultat\n\nKälla\n\nElevhälsoenkäten", 2018)
	f.Add("Mål | Indikator | Källa\n\nMinska köerna.\n\nAndel med besök inom 30 dagar.\n\nVäntetider i vården", 2017)
	f.Add("Fokusområde | Mål | Mätetal | Typ\nA | Minska X. | Antal Y. Rutin finns. | Process Struktur\nB Öka Z. | Andel W.", 2019)
	f.Add("• Mål 1. Minska suicid till 2020. Indikator: antal suicid.\n\nÄldre har inte prioriterats i planen.", 2017)
	cb, err := DefaultCodebook()
	if err != nil {
		f.Fatal(err)
	}
	c := NewCoder(cb)
	f.Fuzz(func(t *testing.T, text string, year int) {
		pages := []PageText{{Page: 1, Text: text}, {Page: 2, Text: text}}
		cd := c.Code(PlanMeta{Year: year}, pages)
		checkOffsets(t, pages, cd)
	})
}

func TestIndicatorLinks(t *testing.T) {
	text := "Mål\nMål 1: Minska antalet suicid i länet.\nMål 2: Öka andelen elever som mår bra.\n\nUppföljning\n" +
		"Indikator för mål 2: Andel elever som uppger att de mår bra.\nIndikator för mål 1: Antal suicid per 100 000 invånare.\n" +
		"Indikatorerna finns i bilaga 3."
	c := NewCoder(defaultCodebook(t))
	cd := c.Code(PlanMeta{Year: 2018}, []PageText{{Page: 1, Text: text}})
	if len(cd.Goals) != 2 || len(cd.Indicators) != 2 {
		t.Fatalf("goals %+v\nindicators %+v; want 2 and 2", cd.Goals, cd.Indicators)
	}
	want := map[string]string{"i1": "g2", "i2": "g1"}
	for _, in := range cd.Indicators {
		if in.GoalID != want[in.ID] {
			t.Errorf("%s (%q) linked to %q; want %q", in.ID, in.Text, in.GoalID, want[in.ID])
		}
	}
	if got := cd.Goals[1].IndicatorIDs; len(got) != 1 || got[0] != "i1" {
		t.Errorf("g2 indicator_ids = %v; want [i1]", got)
	}
}

func TestGoalNumber(t *testing.T) {
	tests := map[string]string{"Mål 2: Öka": "2", "Delmål 1.2 Minska": "1.2", "3. Förbättra": "3", "• Minska": "", "2018 ska": ""}
	for in, want := range tests {
		if got := goalNumber(in); got != want {
			t.Errorf("goalNumber(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestSectionKindFromContent(t *testing.T) {
	text := "Barn och ungas psykiska hälsa\nAndelen flickor som uppger stress är 38 procent, mot 17 procent bland pojkarna.\n" +
		"Andelen unga med sömnbesvär har ökat från 12 till 19 procent.\n\nVårt län i framtiden\n" +
		"Antalet suicid ska minska med 20 procent till 2025.\nFler unga ska fullfölja gymnasiet.\nVäntetiderna till BUP ska halveras.\n"
	c := NewCoder(defaultCodebook(t))
	cd := c.Code(PlanMeta{Year: 2018}, []PageText{{Page: 1, Text: text}})
	var got []string
	for _, s := range cd.Sections {
		got = append(got, s.Kind+":"+s.Heading)
	}
	want := "behovsanalys:Barn och ungas psykiska hälsa\nmal:Vårt län i framtiden"
	if strings.Join(got, "\n") != want {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

func TestTargetValueRowIsGoal(t *testing.T) {
	text := "Indikator | Utgångsvärde 2017 | Målvärde 2019\nAndel elever som mår bra | 70 % | 80 %\nAntal utbildade i MHFA | 120 | 300"
	c := NewCoder(defaultCodebook(t))
	cd := c.Code(PlanMeta{Year: 2018}, []PageText{{Page: 1, Text: text}})
	if len(cd.Goals) != 2 || len(cd.Indicators) != 2 {
		t.Fatalf("goals %+v indicators %+v; want 2 and 2", cd.Goals, cd.Indicators)
	}
	for i, g := range cd.Goals {
		if g.Horizon != "kort" || len(g.IndicatorIDs) != 1 || cd.Indicators[i].GoalID != g.ID {
			t.Errorf("goal %+v / indicator %+v: want a short-term goal linked to its row's indicator", g, cd.Indicators[i])
		}
	}
}

func TestNoHeadingsNoSectionConstraint(t *testing.T) {
	// A plan with no headings at all still gets its intervention levels.
	text := "Kommunerna ska erbjuda boendestöd till personer med psykisk funktionsnedsättning. Föräldrastöd ska erbjudas alla föräldrar."
	c := NewCoder(defaultCodebook(t))
	got := codesOf(t, c, text, "")
	for _, w := range []string{"insatsniva/behandlande_stodjande", "insatsniva/framjande_forebyggande"} {
		if !contains(got, w) {
			t.Errorf("Code(%q) = %v; want %s", text, got, w)
		}
	}
}
