package export

import (
	"fmt"
	"strings"

	"github.com/plankoll/plankoll/analyzer/compare"
)

// DimensionLabel is the Swedish name of a codebook dimension, or the
// identifier itself when unknown.
func DimensionLabel(dimension string) string {
	switch dimension {
	case "malgrupp":
		return "Målgrupp"
	case "insatsniva":
		return "Insatsnivå"
	case "omrade":
		return "Utvecklingsområde"
	case "metod":
		return "Metod"
	case "aktor":
		return "Aktör"
	case "perspektiv":
		return "Perspektiv"
	}
	return dimension
}

// CodeStatsTable is the "counties per code" table of a year.
func CodeStatsTable(t compare.CodeTable) Table {
	out := Table{Name: "Koder", Header: []string{"Dimension", "Kod", "Etikett", "Antal län", "Län", "Antal planer", "Antal belägg", "Planer totalt", "Län med plan"}}
	for _, r := range t.Rows {
		out.Rows = append(out.Rows, []any{r.Dimension, r.Code, r.Label, r.Lans, strings.Join(r.LanList, ", "), r.PlanCount, r.Evidence, t.Plans, t.LansWithPlan})
	}
	return out
}

// MatrixTable is the county × code matrix: 1 where the county's plans
// have the code, or, with counts, the number of passages.
func MatrixTable(m compare.Matrix, counts bool) Table {
	out := Table{Name: "Matris", Header: []string{"Län", "Länskod"}}
	if counts {
		out.Name = "Matris antal"
	}
	for _, c := range m.Columns {
		out.Header = append(out.Header, c.Label+" ("+c.Dimension+"/"+c.Code+")")
	}
	for _, r := range m.Rows {
		row := []any{r.Lan, r.LanCode}
		cells := r.Present
		if counts {
			cells = r.Counts
		}
		for _, v := range cells {
			row = append(row, v)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// TrendTable is the number of counties with a code, year by year.
func TrendTable(tr compare.Trend) Table {
	out := Table{Name: "Trend", Header: []string{"År", "Dimension", "Kod", "Etikett", "Antal län", "Län", "Antal planer", "Län med plan"}}
	for _, y := range tr.Years {
		out.Rows = append(out.Rows, []any{y.Year, tr.Dimension, tr.Code, tr.Label, y.Lans, strings.Join(y.LanList, ", "), y.Plans, y.LansWithPlan})
	}
	return out
}

// GoalStatsTable counts goals and indicators per county, with a total row.
func GoalStatsTable(g compare.GoalTable) Table {
	out := Table{Name: "Målstatistik", Header: []string{"Län", "Mål", "Långsiktiga", "Kortsiktiga", "Ospecificerad horisont",
		"Mål utan indikator", "Indikatorer", "Struktur", "Process", "Resultat", "Ospecificerad typ", "Indikatorer utan mål"}}
	for _, r := range append(g.Rows, g.Total) {
		out.Rows = append(out.Rows, []any{r.Lan, r.Goals, r.Lang, r.Kort, r.Ospecificerad, r.WithoutIndicator, r.Indicators,
			r.IndicatorsByType["struktur"], r.IndicatorsByType["process"], r.IndicatorsByType["resultat"], r.IndicatorsByType["ospecificerad"],
			r.IndicatorsWithoutGoal})
	}
	return out
}

// DetailTable lists the passages behind a count, one row per passage.
func DetailTable(rows []compare.DetailRow) Table {
	out := Table{Name: "Belägg", Header: []string{"Län", "Plan-id", "År", "Målgrupp för planen", "Titel", "Sida", "Avsnitt", "Citat"}}
	for _, r := range rows {
		for _, e := range r.Evidence {
			out.Rows = append(out.Rows, []any{r.Lan, r.PlanID, r.Year, r.Audience, r.Title, e.Page, e.Section, e.Text})
		}
	}
	return out
}

// PlansTable lists plans with their headline coding.
func PlansTable(plans []compare.CodedPlan) Table {
	out := Table{Name: "Planer", Header: []string{"Län", "Länskod", "Kommun", "År", "Målgrupp för planen", "Titel", "Fil", "Sidor", "Tecken",
		"Mål", "Indikatorer", "Brukarinflytande", "Brukarorganisationer", "Genusperspektiv", "Genus i", "Plan-id", "Kodboksversion"}}
	for _, p := range plans {
		genus := "nej"
		if p.Coding.Genus.Present {
			genus = "ja"
		}
		out.Rows = append(out.Rows, []any{p.Plan.Lan, p.Plan.LanCode, p.Plan.Kommun, p.Plan.Year, string(p.Plan.Audience), p.Plan.Title,
			p.Plan.Filename, p.Plan.Pages, p.Plan.Chars, len(p.Coding.Goals), len(p.Coding.Indicators),
			p.Coding.Brukarinflytande.Level, strings.Join(p.Coding.Brukarinflytande.Organisations, ", "), genus,
			strings.Join(p.Coding.Genus.Placements, ", "), p.Plan.ID, p.Coding.CodebookVersion})
	}
	return out
}

// GoalsTable lists every goal of the plans.
func GoalsTable(plans []compare.CodedPlan) Table {
	out := Table{Name: "Mål", Header: []string{"Län", "År", "Plan-id", "Mål-id", "Mål", "Horisont", "Sida", "Avsnitt", "Antal indikatorer", "Indikator-id"}}
	for _, p := range plans {
		for _, g := range p.Coding.Goals {
			out.Rows = append(out.Rows, []any{p.Plan.Lan, p.Plan.Year, p.Plan.ID, g.ID, g.Text, g.Horizon, g.Page, g.Section,
				len(g.IndicatorIDs), strings.Join(g.IndicatorIDs, ", ")})
		}
	}
	return out
}

// IndicatorsTable lists every indicator of the plans with its goal.
func IndicatorsTable(plans []compare.CodedPlan) Table {
	out := Table{Name: "Indikatorer", Header: []string{"Län", "År", "Plan-id", "Indikator-id", "Indikator", "Typ", "Sida", "Avsnitt", "Mål-id", "Mål"}}
	for _, p := range plans {
		goals := map[string]string{}
		for _, g := range p.Coding.Goals {
			goals[g.ID] = g.Text
		}
		for _, i := range p.Coding.Indicators {
			out.Rows = append(out.Rows, []any{p.Plan.Lan, p.Plan.Year, p.Plan.ID, i.ID, i.Text, i.Type, i.Page, i.Section, i.GoalID, goals[i.GoalID]})
		}
	}
	return out
}

// EvidenceTable lists every passage behind every code of the plans.
func EvidenceTable(plans []compare.CodedPlan) Table {
	out := Table{Name: "Belägg", Header: []string{"Län", "År", "Plan-id", "Dimension", "Kod", "Etikett", "Sida", "Avsnitt", "Början", "Slut", "Citat"}}
	for _, p := range plans {
		for _, c := range p.Coding.Codes {
			for _, e := range c.Evidence {
				out.Rows = append(out.Rows, []any{p.Plan.Lan, p.Plan.Year, p.Plan.ID, c.Dimension, c.Code, c.Label, e.Page, e.Section, e.Start, e.End, e.Text})
			}
		}
	}
	return out
}

// ComparisonCodesTable lists a comparison's codes: added, removed, kept.
func ComparisonCodesTable(c compare.Comparison) Table {
	out := Table{Name: "Koder jämförda", Header: []string{"Förändring", "Dimension", "Kod", "Etikett", "Antal före", "Antal efter"}}
	for _, x := range c.Codes.Removed {
		out.Rows = append(out.Rows, []any{"borttagen", x.Dimension, x.Code, x.Label, x.Count, 0})
	}
	for _, x := range c.Codes.Added {
		out.Rows = append(out.Rows, []any{"ny", x.Dimension, x.Code, x.Label, 0, x.Count})
	}
	for _, x := range c.Codes.Kept {
		out.Rows = append(out.Rows, []any{"kvar", x.Dimension, x.Code.Code, x.Label, x.From.Count, x.Count})
	}
	return out
}

// ComparisonGoalsTable lists a comparison's goals: removed, added, changed,
// kept.
func ComparisonGoalsTable(c compare.Comparison) Table {
	out := Table{Name: "Mål jämförda", Header: []string{"Förändring", "Mål före", "Mål efter", "Horisont före", "Horisont efter", "Likhet", "Ändringar"}}
	for _, g := range c.Goals.Removed {
		out.Rows = append(out.Rows, []any{"borttaget", g.Text, "", g.Horizon, "", nil, ""})
	}
	for _, g := range c.Goals.Added {
		out.Rows = append(out.Rows, []any{"nytt", "", g.Text, "", g.Horizon, nil, ""})
	}
	pairs := func(label string, ps []compare.GoalPair) {
		for _, p := range ps {
			out.Rows = append(out.Rows, []any{label, p.From.Text, p.To.Text, p.From.Horizon, p.To.Horizon, p.Similarity, strings.Join(p.Changes, ", ")})
		}
	}
	pairs("ändrat", c.Goals.Changed)
	pairs("kvar", c.Goals.Kept)
	return out
}

// ComparisonIndicatorsTable lists a comparison's indicators: removed,
// added, changed, kept.
func ComparisonIndicatorsTable(c compare.Comparison) Table {
	out := Table{Name: "Indikatorer jämförda", Header: []string{"Förändring", "Indikator före", "Indikator efter", "Typ före", "Typ efter", "Likhet", "Ändringar"}}
	for _, i := range c.Indicators.Removed {
		out.Rows = append(out.Rows, []any{"borttagen", i.Text, "", i.Type, "", nil, ""})
	}
	for _, i := range c.Indicators.Added {
		out.Rows = append(out.Rows, []any{"ny", "", i.Text, "", i.Type, nil, ""})
	}
	pairs := func(label string, ps []compare.IndicatorPair) {
		for _, p := range ps {
			out.Rows = append(out.Rows, []any{label, p.From.Text, p.To.Text, p.From.Type, p.To.Type, p.Similarity, strings.Join(p.Changes, ", ")})
		}
	}
	pairs("ändrad", c.Indicators.Changed)
	pairs("kvar", c.Indicators.Kept)
	return out
}

// ComparisonStructureTable lists, per section, the headings and the
// paragraphs removed, added and reworded; then the headings found in one
// plan only.
func ComparisonStructureTable(c compare.Comparison) Table {
	out := Table{Name: "Struktur jämförd", Header: []string{"Rubrik före", "Rubrik efter", "Förändring", "Text före", "Text efter", "Likhet"}}
	for _, s := range c.Structure.Sections {
		out.Rows = append(out.Rows, []any{s.From, s.To, fmt.Sprintf("%d stycken oförändrade", s.ParagraphsKept), "", "", s.HeadingSimilarity})
		for _, p := range s.ParagraphsRemoved {
			out.Rows = append(out.Rows, []any{s.From, s.To, "stycke borttaget", p, "", nil})
		}
		for _, p := range s.ParagraphsAdded {
			out.Rows = append(out.Rows, []any{s.From, s.To, "stycke nytt", "", p, nil})
		}
		for _, p := range s.ParagraphsChanged {
			out.Rows = append(out.Rows, []any{s.From, s.To, "stycke omskrivet", p.From, p.To, p.Similarity})
		}
	}
	for _, h := range c.Structure.HeadingsRemoved {
		out.Rows = append(out.Rows, []any{h, "", "rubrik borttagen", "", "", nil})
	}
	for _, h := range c.Structure.HeadingsAdded {
		out.Rows = append(out.Rows, []any{"", h, "rubrik ny", "", "", nil})
	}
	return out
}

// ComparisonTables are the sheets of a comparison workbook: codes, goals,
// indicators and structure.
func ComparisonTables(c compare.Comparison) []Table {
	return []Table{ComparisonCodesTable(c), ComparisonGoalsTable(c), ComparisonIndicatorsTable(c), ComparisonStructureTable(c)}
}
