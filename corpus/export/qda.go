package export

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
)

// REFI-QDA namespaces (QDA-XML 1.0).
const (
	projectNS  = "urn:QDA-XML:project:1.0"
	codebookNS = "urn:QDA-XML:codebook:1.0"
)

// pageSeparator stands between two pages in a plan's source text.
const pageSeparator = "\n\n"

// QDAProject is what a .qdpx holds: plans with their page texts and
// codings, and the codebook.
type QDAProject struct {
	Name  string
	Plans []compare.PlanInput
	// Codebook lists the codes with their Swedish labels; codes found in
	// the codings but missing here are added with the coding's label.
	Codebook []compare.CodeRef
	// Created, when set, is written as the project's creationDateTime;
	// left zero, the export is byte-for-byte reproducible.
	Created time.Time
}

// guid derives a stable GUID (a name-based UUID, version 5) from key, so
// that the same input always gets the same GUIDs and re-exports can be
// merged by QDA software.
func guid(key string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://plankoll/refi-qda/"+key)).String()
}

// XML shapes of QDA-XML 1.0, in the element order of its schemas.
type (
	xmlCode struct {
		GUID        string    `xml:"guid,attr"`
		Name        string    `xml:"name,attr"`
		IsCodable   bool      `xml:"isCodable,attr"`
		Description string    `xml:"Description,omitempty"`
		Codes       []xmlCode `xml:"Code"`
	}
	xmlCodeBook struct {
		Codes []xmlCode `xml:"Codes>Code"`
	}
	xmlUser struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:"name,attr"`
	}
	xmlVariable struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:"name,attr"`
		Type string `xml:"typeOfVariable,attr"`
	}
	xmlRef struct {
		Target string `xml:"targetGUID,attr"`
	}
	xmlVariableValue struct {
		Ref          xmlRef `xml:"VariableRef"`
		TextValue    string `xml:"TextValue,omitempty"`
		IntegerValue *int   `xml:"IntegerValue,omitempty"`
	}
	xmlCase struct {
		GUID    string             `xml:"guid,attr"`
		Name    string             `xml:"name,attr"`
		Values  []xmlVariableValue `xml:"VariableValue"`
		Sources []xmlRef           `xml:"SourceRef"`
	}
	xmlCoding struct {
		GUID string `xml:"guid,attr"`
		User string `xml:"creatingUser,attr"`
		Code xmlRef `xml:"CodeRef"`
	}
	xmlSelection struct {
		GUID    string      `xml:"guid,attr"`
		Name    string      `xml:"name,attr"`
		Start   int         `xml:"startPosition,attr"`
		End     int         `xml:"endPosition,attr"`
		User    string      `xml:"creatingUser,attr"`
		Codings []xmlCoding `xml:"Coding"`
	}
	xmlTextSource struct {
		GUID          string             `xml:"guid,attr"`
		Name          string             `xml:"name,attr"`
		PlainTextPath string             `xml:"plainTextPath,attr"`
		Description   string             `xml:"Description,omitempty"`
		Selections    []xmlSelection     `xml:"PlainTextSelection"`
		Values        []xmlVariableValue `xml:"VariableValue"`
	}
	xmlProject struct {
		XMLName   xml.Name        `xml:"urn:QDA-XML:project:1.0 Project"`
		Name      string          `xml:"name,attr"`
		Origin    string          `xml:"origin,attr"`
		User      string          `xml:"creatingUserGUID,attr"`
		Created   string          `xml:"creationDateTime,attr,omitempty"`
		Users     []xmlUser       `xml:"Users>User"`
		CodeBook  *xmlCodeBook    `xml:"CodeBook,omitempty"`
		Variables []xmlVariable   `xml:"Variables>Variable"`
		Cases     []xmlCase       `xml:"Cases>Case"`
		Sources   []xmlTextSource `xml:"Sources>TextSource"`
	}
	xmlStandaloneCodeBook struct {
		XMLName xml.Name  `xml:"urn:QDA-XML:codebook:1.0 CodeBook"`
		Origin  string    `xml:"origin,attr"`
		Codes   []xmlCode `xml:"Codes>Code"`
	}
)

// qdaCode is one codable code: its GUID key and what it codes.
type qdaCode struct {
	dimension, code, label, dimensionLabel string
}

func (c qdaCode) key() string { return "code/" + c.dimension + "/" + c.code }

// qdaCodebook orders the codes (codebook order) and adds, beside the
// codebook's dimensions, the codes that carry goals (by horizon),
// indicators (by type) and user involvement (by level).
func qdaCodebook(refs []compare.CodeRef, plans []compare.PlanInput) []qdaCode {
	seen := map[string]bool{}
	var out []qdaCode
	add := func(dim, code, label, dimLabel string) {
		c := qdaCode{dim, code, label, dimLabel}
		if !seen[c.key()] {
			seen[c.key()] = true
			out = append(out, c)
		}
	}
	for _, r := range refs {
		add(r.Dimension, r.Code, r.Label, r.DimensionLabel)
	}
	for _, p := range plans {
		for _, c := range p.Coding.Codes {
			add(c.Dimension, c.Code, c.Label, "")
		}
	}
	for _, h := range []string{"lang", "kort", "ospecificerad"} {
		add("mal", h, horizonLabel(h), "Mål")
	}
	for _, t := range []string{"struktur", "process", "resultat", "ospecificerad"} {
		add("indikator", t, strings.ToUpper(t[:1])+t[1:], "Indikatorer")
	}
	for _, l := range []string{"avsikt", "remiss", "deltagande", "medskapande"} {
		add("brukarinflytande", l, strings.ToUpper(l[:1])+l[1:], "Brukarinflytande")
	}
	return out
}

func horizonLabel(h string) string {
	switch h {
	case "lang":
		return "Långsiktigt mål"
	case "kort":
		return "Kortsiktigt mål"
	}
	return "Mål utan angiven horisont"
}

// xmlCodes nests the codes under one parent code per dimension, in order
// of first appearance, named by the codebook's dimension label (or
// DimensionLabel). The parent is not codable; the description of each code
// is its identifier, "dimension/code".
func xmlCodes(codes []qdaCode) []xmlCode {
	var out []xmlCode
	index := map[string]int{}
	for _, c := range codes {
		i, ok := index[c.dimension]
		if !ok {
			i = len(out)
			index[c.dimension] = i
			name := c.dimensionLabel
			if name == "" {
				name = DimensionLabel(c.dimension)
			}
			out = append(out, xmlCode{GUID: guid("dimension/" + c.dimension), Name: name, Description: c.dimension})
		}
		name := c.label
		if name == "" {
			name = c.code
		}
		out[i].Codes = append(out[i].Codes, xmlCode{GUID: guid(c.key()), Name: name, IsCodable: true, Description: c.dimension + "/" + c.code})
	}
	return out
}

// WriteQDC writes the codebook alone as a REFI-QDA .qdc file.
func WriteQDC(w io.Writer, codebook []compare.CodeRef) error {
	doc := xmlStandaloneCodeBook{Origin: "Plankoll", Codes: xmlCodes(qdaCodebook(codebook, nil))}
	if err := writeXML(w, doc); err != nil {
		return fmt.Errorf("write qdc: %w", err)
	}
	return nil
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}

// sourceText joins a plan's pages into one text and returns, per page
// number, the code-point offset at which the page starts in it.
func sourceText(pages []corpus.Page) (string, map[int]int) {
	var b strings.Builder
	offsets := map[int]int{}
	pos := 0
	for i, p := range pages {
		if i > 0 {
			b.WriteString(pageSeparator)
			pos += len([]rune(pageSeparator))
		}
		offsets[p.Page] = pos
		b.WriteString(p.Text)
		pos += utf8.RuneCountInString(p.Text)
	}
	return b.String(), offsets
}

// span is a selection in a source text: code points, end exclusive.
type span struct{ start, end int }

// planSource is one plan made ready for the project: its text, and its
// selections with the codes on each.
type planSource struct {
	key        string
	guid       string
	text       string
	selections map[span][]string // code keys, in order of coding
}

func planKey(p corpus.Plan, i int) string {
	if p.ID != "" {
		return p.ID
	}
	return fmt.Sprintf("%s-%d-%s-%d", p.LanCode, p.Year, p.Audience, i)
}

// newPlanSource concatenates the pages and turns every passage of the
// coding into a selection of the whole text: a page's offsets shift by
// where the page starts. A passage whose page is missing or whose offsets
// fall outside its page is left out rather than pointing at wrong text.
func newPlanSource(in compare.PlanInput, i int) planSource {
	ps := planSource{key: planKey(in.Plan, i), selections: map[span][]string{}}
	ps.guid = guid("source/" + ps.key)
	var starts map[int]int
	ps.text, starts = sourceText(in.Pages)
	lengths := map[int]int{}
	for _, p := range in.Pages {
		lengths[p.Page] = utf8.RuneCountInString(p.Text)
	}
	add := func(page, start, end int, code qdaCode) {
		base, ok := starts[page]
		if !ok || start < 0 || end <= start || end > lengths[page] {
			return
		}
		sp := span{base + start, base + end}
		if k := code.key(); !slices.Contains(ps.selections[sp], k) {
			ps.selections[sp] = append(ps.selections[sp], k)
		}
	}
	c := in.Coding
	for _, code := range c.Codes {
		for _, e := range code.Evidence {
			add(e.Page, e.Start, e.End, qdaCode{dimension: code.Dimension, code: code.Code})
		}
	}
	for _, g := range c.Goals {
		add(g.Page, g.Start, g.End, qdaCode{dimension: "mal", code: horizonOrDefault(g.Horizon)})
	}
	for _, ind := range c.Indicators {
		add(ind.Page, ind.Start, ind.End, qdaCode{dimension: "indikator", code: typeOrDefault(ind.Type)})
	}
	if lvl := c.Brukarinflytande.Level; lvl != "" && lvl != "saknas" {
		for _, e := range c.Brukarinflytande.Evidence {
			add(e.Page, e.Start, e.End, qdaCode{dimension: "brukarinflytande", code: lvl})
		}
	}
	return ps
}

func horizonOrDefault(h string) string {
	if h == "lang" || h == "kort" {
		return h
	}
	return "ospecificerad"
}

func typeOrDefault(t string) string {
	switch t {
	case "struktur", "process", "resultat":
		return t
	}
	return "ospecificerad"
}

// xmlSelections orders a source's selections by position and gives each
// selection and coding its GUID. Selections of codes outside the codebook
// are dropped.
func (ps planSource) xmlSelections(known map[string]bool, user string) []xmlSelection {
	spans := make([]span, 0, len(ps.selections))
	for sp := range ps.selections {
		spans = append(spans, sp)
	}
	slices.SortFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	runes := []rune(ps.text)
	var out []xmlSelection
	for _, sp := range spans {
		pos := ps.key + "/" + strconv.Itoa(sp.start) + "/" + strconv.Itoa(sp.end)
		sel := xmlSelection{GUID: guid("selection/" + pos), Name: selectionName(runes[sp.start:sp.end]), Start: sp.start, End: sp.end, User: user}
		for _, k := range ps.selections[sp] {
			if known[k] {
				sel.Codings = append(sel.Codings, xmlCoding{GUID: guid("coding/" + pos + "/" + k), User: user, Code: xmlRef{guid(k)}})
			}
		}
		if len(sel.Codings) > 0 {
			out = append(out, sel)
		}
	}
	return out
}

// selectionName is the start of the selected text, for lists in QDA
// software.
func selectionName(r []rune) string {
	s := strings.Join(strings.Fields(string(r)), " ")
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return s
}

// WriteQDPX writes a REFI-QDA project (.qdpx: a zip of project.qde and
// sources/<guid>.txt): the codebook as <Codes> (one parent per dimension,
// plus goals by horizon, indicators by type and user involvement by
// level), each plan as a <TextSource> whose text is its pages joined by a
// blank line, every passage as a <PlainTextSelection> (code-point
// positions into that text) with a <Coding> per code, counties as <Cases>
// and county, county code, year and audience as <Variables>.
//
// GUIDs are derived from the plans' ids and the code identifiers, so the
// same input gives the same file.
func WriteQDPX(w io.Writer, p QDAProject) error {
	user := guid("user/plankoll")
	codes := qdaCodebook(p.Codebook, p.Plans)
	known := map[string]bool{}
	for _, c := range codes {
		known[c.key()] = true
	}
	vars := []xmlVariable{
		{guid("variable/lan"), "Län", "Text"}, {guid("variable/lan_code"), "Länskod", "Text"},
		{guid("variable/year"), "År", "Integer"}, {guid("variable/audience"), "Målgrupp för planen", "Text"},
	}
	text := func(v int, s string) xmlVariableValue {
		return xmlVariableValue{Ref: xmlRef{vars[v].GUID}, TextValue: s}
	}
	proj := xmlProject{Name: p.Name, Origin: "Plankoll", User: user, Users: []xmlUser{{user, "Plankoll"}}, Variables: vars}
	if proj.Name == "" {
		proj.Name = "Plankoll"
	}
	if !p.Created.IsZero() {
		proj.Created = p.Created.UTC().Format(time.RFC3339)
	}
	if len(codes) > 0 {
		proj.CodeBook = &xmlCodeBook{Codes: xmlCodes(codes)}
	}
	cases := map[string]*xmlCase{}
	var sources []planSource
	for i, in := range p.Plans {
		ps := newPlanSource(in, i)
		sources = append(sources, ps)
		year := in.Plan.Year
		proj.Sources = append(proj.Sources, xmlTextSource{
			GUID: ps.guid, Name: sourceName(in.Plan), PlainTextPath: "internal://" + ps.guid + ".txt", Description: in.Plan.Title,
			Selections: ps.xmlSelections(known, user),
			Values: []xmlVariableValue{text(0, in.Plan.Lan), text(1, in.Plan.LanCode),
				{Ref: xmlRef{vars[2].GUID}, IntegerValue: &year}, text(3, string(in.Plan.Audience))},
		})
		c := cases[in.Plan.LanCode]
		if c == nil {
			c = &xmlCase{GUID: guid("case/" + in.Plan.LanCode + "/" + in.Plan.Lan), Name: in.Plan.Lan,
				Values: []xmlVariableValue{text(0, in.Plan.Lan), text(1, in.Plan.LanCode)}}
			cases[in.Plan.LanCode] = c
		}
		c.Sources = append(c.Sources, xmlRef{ps.guid})
	}
	for _, k := range sortedKeys(cases) {
		proj.Cases = append(proj.Cases, *cases[k])
	}
	if err := writeQDPXZip(w, proj, sources, p.Created); err != nil {
		return fmt.Errorf("write qdpx: %w", err)
	}
	return nil
}

func sourceName(p corpus.Plan) string {
	name := fmt.Sprintf("%s %d %s", p.Lan, p.Year, p.Audience)
	if p.Kommun != "" {
		name = fmt.Sprintf("%s (%s) %d %s", p.Kommun, p.Lan, p.Year, p.Audience)
	}
	return name
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func writeQDPXZip(w io.Writer, proj xmlProject, sources []planSource, created time.Time) error {
	// A fixed stamp keeps exports reproducible.
	stamp := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	if !created.IsZero() {
		stamp = created
	}
	z := zip.NewWriter(w)
	entry := func(name string) (io.Writer, error) {
		return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
	}
	f, err := entry("project.qde")
	if err != nil {
		return err
	}
	if err := writeXML(f, proj); err != nil {
		return err
	}
	for _, s := range sources {
		f, err := entry("sources/" + s.guid + ".txt")
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, s.text); err != nil {
			return err
		}
	}
	return z.Close()
}
