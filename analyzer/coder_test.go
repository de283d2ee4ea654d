package analyzer

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and scores")

// readPlan reads a test plan: pages separated by form feeds (a literal
// "\f" line or the character itself).
func readPlan(t testing.TB, path string) []PageText {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(b), "\\f\n", "\f")
	var pages []PageText
	for i, p := range strings.Split(s, "\f") {
		pages = append(pages, PageText{Page: i + 1, Text: p})
	}
	return pages
}

// goldenCases are the whole fictional plans in testdata, with the plan
// year the coder is told (0: unknown).
var goldenCases = []struct {
	name string
	year int
}{
	{"prosa_jamtland", 2018},
	{"tabeller_norrland", 2019},
	{"kommun_lista", 0},
}

func TestGolden(t *testing.T) {
	c := NewCoder(defaultCodebook(t))
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			f := filepath.Join("testdata", tc.name+".txt")
			pages := readPlan(t, f)
			got := c.Code(PlanMeta{PlanID: tc.name, Year: tc.year}, pages)
			got.CodebookVersion = "" // goldens should not churn with every rule edit
			checkOffsets(t, pages, got)
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tc.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./analyzer -run TestGolden -update)", err)
			}
			if string(want) != string(b)+"\n" {
				t.Errorf("Code(%s) differs from %s; run go test ./analyzer -run TestGolden -update and read the diff", f, golden)
			}
		})
	}
}

// checkOffsets asserts that every evidence, goal and indicator quotes its
// page exactly at its code-point offsets.
func checkOffsets(t *testing.T, pages []PageText, c Coding) {
	t.Helper()
	text := map[int][]rune{}
	for _, p := range pages {
		text[p.Page] = []rune(p.Text)
	}
	check := func(what string, page, start, end int, s string) {
		r := text[page]
		if start < 0 || end > len(r) || start > end {
			t.Errorf("%s: offsets [%d:%d] out of page %d (%d runes)", what, start, end, page, len(r))
			return
		}
		if got := string(r[start:end]); got != s {
			t.Errorf("%s: []rune(page %d)[%d:%d] = %q; want %q", what, page, start, end, got, s)
		}
	}
	for _, code := range c.Codes {
		for _, e := range code.Evidence {
			check(code.Dimension+"/"+code.Code, e.Page, e.Start, e.End, e.Text)
		}
	}
	for _, g := range c.Goals {
		check(g.ID, g.Page, g.Start, g.End, g.Text)
	}
	for _, in := range c.Indicators {
		check(in.ID, in.Page, in.Start, in.End, in.Text)
	}
	for _, e := range c.Brukarinflytande.Evidence {
		check("brukarinflytande", e.Page, e.Start, e.End, e.Text)
	}
	for _, e := range c.Genus.Evidence {
		check("genus", e.Page, e.Start, e.End, e.Text)
	}
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(x) == string(y)
}

// TestMetaText checks that a code named only where the plan describes its
// own changes is not given, and is given when the body names it too.
func TestMetaText(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	c := NewCoder(cb)
	meta := "Nytt för 2018 är att skolbaserad suicidprevention med YAM införs och att BUP erbjuder internetbehandling.\n\n"
	cases := []struct {
		name string
		text string
		want bool
	}{
		{"only in the list of changes", meta + "Planen gäller vuxna med psykisk ohälsa.", false},
		{"also in the body", meta + "YAM erbjuds alla elever i årskurs 9.", true},
		{"no list of changes", "YAM erbjuds alla elever i årskurs 9.", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cd := c.Code(PlanMeta{Year: 2018}, []PageText{{Page: 1, Text: tc.text}})
			got := false
			for _, code := range cd.Codes {
				if code.Dimension == "metod" && code.Code == "yam" {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("metod/yam given = %v, want %v; codes %v", got, tc.want, cd.Codes)
			}
		})
	}
}
