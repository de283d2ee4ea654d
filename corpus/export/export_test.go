package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
)

func TestWriteCSV(t *testing.T) {
	tab := Table{Name: "Koder", Header: []string{"Län", "Etikett", "Antal", "Likhet", "Citat"}, Rows: [][]any{
		{"Jämtland", "Äldre; över 65", 16, 0.72, `Planen säger "öka" här`},
		{"Västra Götaland", "Åtgärder\nför unga", -5, -0.5, "- punkt i en lista"},
		{"Örebro", "=SUMMA(A1)", 0, nil, "+46 70"},
	}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tab); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	if !bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no UTF-8 BOM: % x", raw[:3])
	}
	if !bytes.HasSuffix(raw, []byte("\r\n")) || bytes.Count(raw, []byte("\r\n")) != 5 {
		t.Errorf("want CRLF line ends (4 records + 1 in a quoted field): %q", raw)
	}
	r := csv.NewReader(bytes.NewReader(raw[3:]))
	r.Comma = ';'
	got, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Län", "Etikett", "Antal", "Likhet", "Citat"},
		{"Jämtland", "Äldre; över 65", "16", "0,72", `Planen säger "öka" här`},
		{"Västra Götaland", "Åtgärder\nför unga", "-5", "-0,5", "'- punkt i en lista"},
		{"Örebro", "'=SUMMA(A1)", "0", "", "'+46 70"},
	}
	for i := range want {
		if i >= len(got) || !slices.Equal(got[i], want[i]) {
			t.Errorf("record %d = %q; want %q", i, got[min(i, len(got)-1)], want[i])
		}
	}
}

// fixture is two coded plans of Jämtland and one of Skåne, with evidence
// whose offsets are code points into page texts full of å, ä and ö.
func fixture(t *testing.T) ([]compare.PlanInput, compare.Stats) {
	t.Helper()
	page1 := "Inledning\n\nÄldre personers psykiska hälsa är en prioritet för länet."
	page2 := "Mål\n\nMinska antalet suicid i Jämtland Härjedalen med 10 %.\n\nIndikator: antal suicid enligt Socialstyrelsen."
	ev := func(page int, text, sub string) analyzer.Evidence {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in page", sub)
		}
		s := utf8.RuneCountInString(text[:i])
		return analyzer.Evidence{Page: page, Section: "mal", Text: sub, Start: s, End: s + utf8.RuneCountInString(sub)}
	}
	goalEv := ev(2, page2, "Minska antalet suicid i Jämtland Härjedalen med 10 %.")
	indEv := ev(2, page2, "antal suicid enligt Socialstyrelsen")
	coding := analyzer.Coding{
		CodebookVersion: "test",
		Codes: []analyzer.Code{
			{Dimension: "malgrupp", Code: "aldre", Label: "Äldre", Count: 1, Evidence: []analyzer.Evidence{ev(1, page1, "Äldre personers psykiska hälsa är en prioritet för länet.")}},
			{Dimension: "omrade", Code: "suicidprevention", Label: "Suicidprevention", Count: 2, Evidence: []analyzer.Evidence{goalEv, ev(2, page2, "suicid enligt Socialstyrelsen")}},
			{Dimension: "malgrupp", Code: "bad", Label: "Utanför", Count: 1, Evidence: []analyzer.Evidence{{Page: 2, Start: 500, End: 510, Text: "out of range"}, {Page: 9, Start: 0, End: 2}}},
		},
		Goals:      []analyzer.Goal{{ID: "g1", Text: goalEv.Text, Horizon: "lang", Page: 2, Start: goalEv.Start, End: goalEv.End, IndicatorIDs: []string{"i1"}}},
		Indicators: []analyzer.Indicator{{ID: "i1", Text: indEv.Text, Type: "resultat", Page: 2, Start: indEv.Start, End: indEv.End, GoalID: "g1"}},
		Brukarinflytande: analyzer.Brukarinflytande{Level: "deltagande", Organisations: []string{"NSPH"},
			Evidence: []analyzer.Evidence{ev(1, page1, "Äldre personers psykiska hälsa")}},
		Genus: analyzer.Genus{Present: true, Placements: []string{"behovsanalys"}},
	}
	pages := []corpus.Page{{Page: 1, Text: page1}, {Page: 2, Text: page2}}
	mk := func(id, lan string, year int, aud corpus.Audience) corpus.Plan {
		l, err := corpus.ParseLan(lan)
		if err != nil {
			t.Fatal(err)
		}
		return corpus.Plan{ID: id, Lan: l.Name, LanCode: l.Code, Year: year, Audience: aud, Title: "Handlingsplan för psykisk hälsa " + strconv.Itoa(year)}
	}
	plans := []compare.PlanInput{
		{Plan: mk("j17", "Jämtland", 2017, "vuxna"), Pages: pages, Coding: coding},
		{Plan: mk("j18", "Jämtland", 2018, "vuxna"), Pages: pages, Coding: coding},
		{Plan: mk("s17", "Skåne", 2017, "alla"), Pages: pages[:1], Coding: analyzer.Coding{Codes: coding.Codes[:1]}},
	}
	var s compare.Stats
	for _, p := range plans {
		s.Plans = append(s.Plans, compare.CodedPlan{Plan: p.Plan, Coding: p.Coding})
	}
	s.Codebook = []compare.CodeRef{{Dimension: "malgrupp", Code: "aldre", Label: "Äldre"}, {Dimension: "malgrupp", Code: "samer", Label: "Samer"}}
	return plans, s
}

func TestWriteYearWorkbook(t *testing.T) {
	_, s := fixture(t)
	var buf bytes.Buffer
	if err := WriteYearWorkbook(&buf, s, 2017); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wantSheets := []string{"Planer", "Koder", "Matris", "Matris antal", "Målstatistik", "Mål", "Indikatorer", "Belägg"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets = %q; want %q", got, wantSheets)
	}
	for _, sheet := range wantSheets {
		t.Run(sheet, func(t *testing.T) {
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("panes = %+v, %v; want header row frozen", panes, err)
			}
			if w, err := f.GetColWidth(sheet, "A"); err != nil || w < minColWidth || w > maxColWidth {
				t.Errorf("column A width %v, %v", w, err)
			}
		})
	}
	rows, err := f.GetRows("Koder")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0][:5], []string{"Dimension", "Kod", "Etikett", "Antal län", "Län"}) {
		t.Errorf("Koder header = %q", rows[0])
	}
	if !slices.Equal(rows[1][:5], []string{"malgrupp", "aldre", "Äldre", "2", "Skåne, Jämtland"}) {
		t.Errorf("Koder row 1 = %q; want Äldre in Skåne and Jämtland (county-code order)", rows[1])
	}
	if typ, _ := f.GetCellType("Koder", "D2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("Antal län is stored as text, want a number")
	}
	matrix, _ := f.GetRows("Matris")
	if len(matrix) != 3 || matrix[1][0] != "Skåne" || matrix[2][0] != "Jämtland" || !strings.HasPrefix(matrix[0][2], "Äldre (malgrupp/aldre)") {
		t.Errorf("Matris = %q", matrix)
	}
	ev, _ := f.GetRows("Belägg")
	if len(ev) < 2 || !slices.Contains(ev[1], "Äldre personers psykiska hälsa är en prioritet för länet.") {
		t.Errorf("Belägg = %q", ev)
	}
	plans, _ := f.GetRows("Planer")
	if len(plans) != 3 {
		t.Errorf("Planer has %d rows; want header + 2 plans of 2017", len(plans))
	}
}

func TestSheetName(t *testing.T) {
	used := map[string]bool{}
	for in, want := range map[string]string{
		"Mål/Indikatorer": "Mål-Indikatorer", "": "Blad",
		"Ett mycket långt namn på ett blad i Excel": "Ett mycket långt namn på ett bl",
	} {
		if got := sheetName(in, used); got != want {
			t.Errorf("sheetName(%q) = %q; want %q", in, got, want)
		}
	}
	if got := sheetName("mål-indikatorer", used); got != "mål-indikatorer 2" {
		t.Errorf("duplicate sheet name = %q; want a numbered one", got)
	}
}

// node is any XML element, for reading exports back without trusting the
// writer's own types.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// walk calls f for n and every element below it, with its parent.
func (n node) walk(parent *node, f func(n, parent *node)) {
	f(&n, parent)
	for _, c := range n.Nodes {
		c.walk(&n, f)
	}
}

var canonicalGUID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func readZip(t *testing.T, raw []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	return files
}

func TestWriteQDPX(t *testing.T) {
	plans, s := fixture(t)
	var buf bytes.Buffer
	if err := WriteQDPX(&buf, QDAProject{Name: "Plankoll 2017–2018", Plans: plans, Codebook: s.Codebook}); err != nil {
		t.Fatal(err)
	}
	files := readZip(t, buf.Bytes())
	var root node
	if err := xml.Unmarshal(files["project.qde"], &root); err != nil {
		t.Fatalf("project.qde: %v", err)
	}
	if root.XMLName.Space != projectNS || root.XMLName.Local != "Project" || root.attr("name") != "Plankoll 2017–2018" {
		t.Fatalf("root = %v name %q", root.XMLName, root.attr("name"))
	}
	if got := childNames(root); !slices.Equal(got, []string{"Users", "CodeBook", "Variables", "Cases", "Sources"}) {
		t.Errorf("project children = %q; want the schema's order", got)
	}

	guids := map[string]string{} // guid → element
	codes := map[string]string{} // code guid → description (dimension/code)
	var selections, codings int
	covered := map[string]bool{} // "source guid/start/end/code"
	root.walk(nil, func(n, parent *node) {
		if n.XMLName.Space != projectNS {
			t.Errorf("%s in namespace %q", n.XMLName.Local, n.XMLName.Space)
		}
		if g := n.attr("guid"); g != "" {
			if !canonicalGUID.MatchString(g) {
				t.Errorf("%s guid %q not canonical", n.XMLName.Local, g)
			}
			if other, dup := guids[g]; dup {
				t.Errorf("guid %s used by %s and %s", g, other, n.XMLName.Local)
			}
			guids[g] = n.XMLName.Local
		}
		switch n.XMLName.Local {
		case "Code":
			if n.attr("name") == "" || (n.attr("isCodable") != "true" && n.attr("isCodable") != "false") {
				t.Errorf("code %+v lacks name or isCodable", n.Attrs)
			}
			if n.attr("isCodable") == "true" {
				codes[n.attr("guid")] = childText(*n, "Description")
			}
		case "TextSource":
			path := n.attr("plainTextPath")
			g := n.attr("guid")
			if path != "internal://"+g+".txt" || files["sources/"+g+".txt"] == nil {
				t.Errorf("source %s: plainTextPath %q, file present %v", g, path, files["sources/"+g+".txt"] != nil)
			}
			text := []rune(string(files["sources/"+g+".txt"]))
			for _, sel := range n.Nodes {
				if sel.XMLName.Local != "PlainTextSelection" {
					continue
				}
				selections++
				start, err1 := strconv.Atoi(sel.attr("startPosition"))
				end, err2 := strconv.Atoi(sel.attr("endPosition"))
				if err1 != nil || err2 != nil || start < 0 || end <= start || end > len(text) {
					t.Errorf("selection %q–%q outside source of %d characters", sel.attr("startPosition"), sel.attr("endPosition"), len(text))
					continue
				}
				for _, c := range sel.Nodes {
					if c.XMLName.Local == "Coding" && len(c.Nodes) == 1 && c.Nodes[0].XMLName.Local == "CodeRef" {
						codings++
						covered[n.attr("name")+"|"+string(text[start:end])+"|"+c.Nodes[0].attr("targetGUID")] = true
					}
				}
			}
		}
	})
	for _, p := range plans {
		for _, c := range p.Coding.Codes {
			for _, e := range c.Evidence {
				if c.Code == "bad" {
					continue
				}
				key := sourceName(p.Plan) + "|" + e.Text + "|" + guid("code/"+c.Dimension+"/"+c.Code)
				if !covered[key] {
					t.Errorf("no selection whose slice is %q coded %s/%s in %s", e.Text, c.Dimension, c.Code, sourceName(p.Plan))
				}
			}
		}
	}
	if !covered["Jämtland 2017 vuxna|Minska antalet suicid i Jämtland Härjedalen med 10 %.|"+guid("code/mal/lang")] ||
		!covered["Jämtland 2017 vuxna|antal suicid enligt Socialstyrelsen|"+guid("code/indikator/resultat")] ||
		!covered["Jämtland 2017 vuxna|Äldre personers psykiska hälsa|"+guid("code/brukarinflytande/deltagande")] {
		t.Errorf("goal, indicator or brukarinflytande selection missing: %v", covered)
	}
	// Jämtland 2017 and 2018: 4 evidence spans + brukarinflytande span
	// (goal and indicator share spans with codes); Skåne: 1. Out-of-range
	// passages are left out.
	if selections != 11 {
		t.Errorf("%d selections; want 11", selections)
	}
	if codes[guid("code/malgrupp/samer")] != "malgrupp/samer" || codes[guid("code/malgrupp/aldre")] != "malgrupp/aldre" {
		t.Errorf("codebook lacks aldre or samer: %v", codes)
	}
	cases := findAll(root, "Case")
	if len(cases) != 2 || cases[0].attr("name") != "Skåne" || cases[1].attr("name") != "Jämtland" || len(findAll(cases[1], "SourceRef")) != 2 {
		t.Errorf("cases = %+v", cases)
	}
	if vars := findAll(root, "Variable"); len(vars) != 4 {
		t.Errorf("%d variables; want 4", len(vars))
	}
	for _, src := range findAll(root, "TextSource") {
		if vals := findAll(src, "VariableValue"); len(vals) != 4 {
			t.Errorf("source %s has %d variable values; want 4", src.attr("name"), len(vals))
		}
	}
	for name := range files {
		if name != "project.qde" && !strings.HasPrefix(name, "sources/") {
			t.Errorf("unexpected zip entry %q", name)
		}
	}
	var again bytes.Buffer
	if err := WriteQDPX(&again, QDAProject{Name: "Plankoll 2017–2018", Plans: plans, Codebook: s.Codebook}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two exports of the same input differ")
	}
}

func TestSourceTextOffsets(t *testing.T) {
	text, starts := sourceText([]corpus.Page{{Page: 1, Text: "åäö"}, {Page: 2, Text: "Anhörigstöd"}, {Page: 4, Text: "x"}})
	r := []rune(text)
	if starts[2] != 5 || string(r[starts[2]:starts[2]+11]) != "Anhörigstöd" || string(r[starts[4]]) != "x" {
		t.Errorf("starts = %v in %q", starts, text)
	}
}

func TestWriteQDC(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteQDC(&buf, []compare.CodeRef{{Dimension: "malgrupp", Code: "aldre", Label: "Äldre"}, {Dimension: "omrade", Code: "sip", Label: "SIP"}}); err != nil {
		t.Fatal(err)
	}
	var root node
	if err := xml.Unmarshal(buf.Bytes(), &root); err != nil {
		t.Fatal(err)
	}
	if root.XMLName.Space != codebookNS || root.XMLName.Local != "CodeBook" || childNames(root)[0] != "Codes" {
		t.Fatalf("root = %v, children %q", root.XMLName, childNames(root))
	}
	var names []string
	for _, dim := range root.Nodes[0].Nodes {
		for _, c := range dim.Nodes {
			if c.XMLName.Local == "Code" {
				names = append(names, dim.attr("name")+"/"+c.attr("name"))
			}
		}
	}
	if !slices.Contains(names, "Målgrupp/Äldre") || !slices.Contains(names, "Utvecklingsområde/SIP") || !slices.Contains(names, "Mål/Långsiktigt mål") {
		t.Errorf("codes = %q", names)
	}
}

func childNames(n node) []string {
	var out []string
	for _, c := range n.Nodes {
		out = append(out, c.XMLName.Local)
	}
	return out
}

func childText(n node, name string) string {
	for _, c := range n.Nodes {
		if c.XMLName.Local == name {
			return c.Text
		}
	}
	return ""
}

func findAll(n node, name string) []node {
	var out []node
	n.walk(nil, func(x, _ *node) {
		if x.XMLName.Local == name {
			out = append(out, *x)
		}
	})
	return out
}

func TestTablesAreRectangular(t *testing.T) {
	plans, s := fixture(t)
	var coded []compare.CodedPlan
	for _, p := range plans {
		coded = append(coded, compare.CodedPlan{Plan: p.Plan, Coding: p.Coding})
	}
	cmp := compare.Plans(plans[0], plans[1])
	tables := append(YearTables(s, 2017),
		TrendTable(s.Trend("malgrupp", "aldre", "")),
		DetailTable(s.Detail(2017, "", "malgrupp", "aldre")),
		ComparisonCodesTable(cmp), ComparisonGoalsTable(cmp), ComparisonIndicatorsTable(cmp), ComparisonStructureTable(cmp),
		PlansTable(coded),
	)
	for _, tab := range tables {
		t.Run(tab.Name, func(t *testing.T) {
			if len(tab.Rows) == 0 {
				t.Errorf("no rows")
			}
			for i, r := range tab.Rows {
				if len(r) != len(tab.Header) {
					t.Errorf("row %d has %d cells for %d columns", i, len(r), len(tab.Header))
				}
			}
			var buf bytes.Buffer
			if err := WriteCSV(&buf, tab); err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
			r.Comma = ';'
			if recs, err := r.ReadAll(); err != nil || len(recs) != len(tab.Rows)+1 {
				t.Errorf("CSV read back: %d records, %v; want %d", len(recs), err, len(tab.Rows)+1)
			}
		})
	}
}

func TestWriteQDCDefaultCodebook(t *testing.T) {
	cb, err := analyzer.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	refs := compare.CodebookRefs(cb.Dimensions())
	var buf bytes.Buffer
	if err := WriteQDC(&buf, refs); err != nil {
		t.Fatal(err)
	}
	var root node
	if err := xml.Unmarshal(buf.Bytes(), &root); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	codable := 0
	for _, c := range findAll(root, "Code") {
		g := c.attr("guid")
		if seen[g] || !canonicalGUID.MatchString(g) {
			t.Errorf("guid %q duplicate or not canonical", g)
		}
		seen[g] = true
		if c.attr("isCodable") == "true" {
			codable++
		}
	}
	// Every codebook code, plus 3 horizons, 4 indicator types, 4 levels.
	if want := len(refs) + 11; codable != want {
		t.Errorf("%d codable codes; want %d", codable, want)
	}
	if !strings.Contains(buf.String(), `name="Äldre"`) {
		t.Errorf("no code named Äldre in\n%.500s", buf.String())
	}
}
