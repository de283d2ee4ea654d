package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"testing"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
)

// FuzzQDPX writes projects from page texts and evidence offsets that may
// not fit: every selection written must lie inside its source text and
// select exactly the passage's characters of its page.
func FuzzQDPX(f *testing.F) {
	f.Add("Äldre personers hälsa.", "Anhörigstöd\n\nåäö", 2, 0, 6, 3)
	f.Add("", "x", 1, -1, 100, 0)
	f.Fuzz(func(t *testing.T, page1, page2 string, evPage, start, end, goalStart int) {
		pages := []corpus.Page{{Page: 1, Text: page1}, {Page: 2, Text: page2}}
		in := compare.PlanInput{
			Plan:  corpus.Plan{ID: "p", Lan: "Skåne", LanCode: "12", Year: 2017, Audience: "alla"},
			Pages: pages,
			Coding: analyzer.Coding{
				Codes: []analyzer.Code{{Dimension: "malgrupp", Code: "aldre", Label: "Äldre", Count: 1,
					Evidence: []analyzer.Evidence{{Page: evPage, Start: start, End: end}}}},
				Goals: []analyzer.Goal{{ID: "g", Page: 2, Start: goalStart, End: goalStart + 2, Horizon: "lang"}},
			},
		}
		var buf bytes.Buffer
		if err := WriteQDPX(&buf, QDAProject{Plans: []compare.PlanInput{in}}); err != nil {
			t.Fatal(err)
		}
		z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, zf := range z.File {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			files[zf.Name] = string(b)
		}
		var root node
		if err := xml.Unmarshal([]byte(files["project.qde"]), &root); err != nil {
			t.Fatalf("project.qde does not parse: %v", err)
		}
		for _, src := range findAll(root, "TextSource") {
			text := []rune(files["sources/"+src.attr("guid")+".txt"])
			for _, sel := range findAll(src, "PlainTextSelection") {
				s, _ := strconv.Atoi(sel.attr("startPosition"))
				e, _ := strconv.Atoi(sel.attr("endPosition"))
				if s < 0 || e <= s || e > len(text) {
					t.Fatalf("selection %d–%d outside a text of %d characters", s, e, len(text))
				}
				// Page 1 starts at 0; page 2 after page 1 and the separator.
				p2 := len([]rune(page1)) + len([]rune(pageSeparator))
				var want string
				if s >= p2 {
					want = string([]rune(page2)[s-p2 : e-p2])
				} else {
					want = string([]rune(page1)[s:e])
				}
				if got := string(text[s:e]); got != want {
					t.Fatalf("selection %d–%d = %q; want the page's %q", s, e, got, want)
				}
			}
		}
	})
}
