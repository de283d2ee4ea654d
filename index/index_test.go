package index

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plankoll/plankoll/corpus"
)

// testPlans are small Swedish plans with one case each: compounds,
// inflections, phrases, a page with two sections, and a page that must
// not match "anhörig" ("höra" is not a relative).
func testPlans() map[string][]Segment {
	a := Segment{Lan: "Jämtland", LanCode: "23", Audience: "vuxna", Year: 2017, Codes: []string{"malgrupp:aldre", "insats:suicidprevention"}}
	b := Segment{Lan: "Skåne", LanCode: "12", Kommun: "Malmö", Audience: "barn_unga", Year: 2018, Codes: []string{"malgrupp:barn_unga", "malgrupp:nyanlanda"}}
	c := Segment{Lan: "Skåne", LanCode: "12", Audience: "alla", Year: 2017, Codes: []string{"malgrupp:aldre"}}
	seg := func(base Segment, page int, section, text string) Segment {
		base.Page, base.Section, base.Text = page, section, text
		return base
	}
	return map[string][]Segment{
		"A": {
			seg(a, 1, "behovsanalys", "Det suicidpreventiva arbetet i länet behöver stärkas. Anhörigstöd ska erbjudas alla."),
			seg(a, 2, "mal", "Målet är att förbättra äldreomsorgen och den psykiska hälsan."),
			seg(a, 3, "aktivitet", "Vi samordnar Suicidprevention med skolan & <socialtjänsten>."),
		},
		"B": {
			seg(b, 1, "behovsanalys", "Många nyanlända barn och unga mår dåligt. Psykisk ohälsa ökar."),
			seg(b, 2, "mal", "Stöd till anhöriga och föräldrar ska utvecklas."),
			seg(b, 2, "aktivitet", "Skolan ska arbeta förebyggande mot psykisk ohälsa."),
		},
		"C": {
			seg(c, 1, "ovrigt", "Planen beskriver hur vi vill höra invånarnas röster om vård och omsorg."),
			seg(c, 4, "uppfoljning", "Uppföljning sker årligen. Självmord bland äldre ska minska."),
		},
	}
}

func openTest(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(t.TempDir()+"/idx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func loadTest(t testing.TB) *Index {
	t.Helper()
	ix := openTest(t)
	for id, segs := range testPlans() {
		if err := ix.IndexPlan(id, "fp-"+id, segs); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// hitIDs returns "plan/page/section" of every hit, sorted.
func hitIDs(res *Result) []string {
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.PlanID + "/" + itoa(h.Page) + "/" + h.Section
	}
	sort.Strings(ids)
	return ids
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestSearch(t *testing.T) {
	ix := loadTest(t)
	all := []string{"A/1/behovsanalys", "A/2/mal", "A/3/aktivitet", "B/1/behovsanalys", "B/2/aktivitet", "B/2/mal", "C/1/ovrigt", "C/4/uppfoljning"}
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"compound head", Request{Q: "suicid"}, []string{"A/1/behovsanalys", "A/3/aktivitet"}},
		{"compound head anhörig", Request{Q: "anhörig"}, []string{"A/1/behovsanalys", "B/2/mal"}},
		{"compound tail", Request{Q: "omsorg"}, []string{"A/2/mal", "C/1/ovrigt"}},
		{"compound tail prevention", Request{Q: "prevention"}, []string{"A/3/aktivitet"}},
		{"inflection", Request{Q: "nyanländas"}, []string{"B/1/behovsanalys"}},
		{"upper case query", Request{Q: "SUICID"}, []string{"A/1/behovsanalys", "A/3/aktivitet"}},
		{"whole compound", Request{Q: "anhörigstödet"}, []string{"A/1/behovsanalys"}},
		{"äldre whole and part", Request{Q: "äldre"}, []string{"A/2/mal", "C/4/uppfoljning"}},
		{"all words must match", Request{Q: "suicid anhörig"}, []string{"A/1/behovsanalys"}},
		{"plus", Request{Q: "+suicid +anhörig"}, []string{"A/1/behovsanalys"}},
		{"minus", Request{Q: "suicid -skolan"}, []string{"A/1/behovsanalys"}},
		{"NOT", Request{Q: "suicid NOT skolan"}, []string{"A/1/behovsanalys"}},
		{"only minus", Request{Q: "-ohälsa -suicid"}, []string{"A/2/mal", "B/2/mal", "C/1/ovrigt", "C/4/uppfoljning"}},
		{"or", Request{Q: "suicid OR nyanlända"}, []string{"A/1/behovsanalys", "A/3/aktivitet", "B/1/behovsanalys"}},
		{"or and word", Request{Q: "skolan suicid OR ohälsa"}, []string{"A/3/aktivitet", "B/2/aktivitet"}},
		{"phrase", Request{Q: `"psykisk ohälsa"`}, []string{"B/1/behovsanalys", "B/2/aktivitet"}},
		{"phrase over stop word", Request{Q: `"vård och omsorg"`}, []string{"C/1/ovrigt"}},
		{"phrase ending in a compound part", Request{Q: `"stärkas anhörig"`}, []string{"A/1/behovsanalys"}},
		{"phrase of whole compound", Request{Q: `"förbättra äldreomsorgen"`}, []string{"A/2/mal"}},
		{"phrase order matters", Request{Q: `"omsorg och vård"`}, nil},
		{"phrase minus", Request{Q: `ohälsa -"psykisk ohälsa"`}, nil},
		{"hyphenated word is a phrase", Request{Q: "barn-och-unga"}, []string{"B/1/behovsanalys"}},
		{"prefix", Request{Q: "suicidprev*"}, []string{"A/1/behovsanalys", "A/3/aktivitet"}},
		{"prefix matches parts", Request{Q: "omso*"}, []string{"A/2/mal", "C/1/ovrigt"}},
		{"stop words only", Request{Q: "och i"}, nil},
		{"one stop word", Request{Q: "och"}, nil},
		{"excluded stop word", Request{Q: "-och", Lan: []string{"Skåne"}, Year: []int{2017}}, []string{"C/1/ovrigt", "C/4/uppfoljning"}},
		{"stop word ignored", Request{Q: "och suicid"}, []string{"A/1/behovsanalys", "A/3/aktivitet"}},
		{"no match", Request{Q: "cykelväg"}, nil},
		{"empty query matches all", Request{}, all},
		{"lan filter", Request{Lan: []string{"Skåne"}, Q: "ohälsa"}, []string{"B/1/behovsanalys", "B/2/aktivitet"}},
		{"lan code filter", Request{Lan: []string{"23"}}, []string{"A/1/behovsanalys", "A/2/mal", "A/3/aktivitet"}},
		{"lan as typed", Request{Lan: []string{"skane"}, Q: "ohälsa"}, []string{"B/1/behovsanalys", "B/2/aktivitet"}},
		{"kommun as typed", Request{Kommun: []string{"Malmö stad"}, Section: []string{"mal"}}, []string{"B/2/mal"}},
		{"audience as typed", Request{Audience: []string{"barn och unga"}, Section: []string{"mal"}}, []string{"B/2/mal"}},
		{"lan OR within field", Request{Lan: []string{"Jämtland", "Skåne"}, Q: "äldre"}, []string{"A/2/mal", "C/4/uppfoljning"}},
		{"year and lan AND", Request{Lan: []string{"Skåne"}, Year: []int{2017}}, []string{"C/1/ovrigt", "C/4/uppfoljning"}},
		{"code filter", Request{Code: []string{"malgrupp:aldre"}, Q: "suicid OR självmord"}, []string{"A/1/behovsanalys", "A/3/aktivitet", "C/4/uppfoljning"}},
		{"section filter", Request{Section: []string{"mal"}}, []string{"A/2/mal", "B/2/mal"}},
		{"audience filter", Request{Audience: []string{"barn_unga"}, Q: "anhöriga"}, []string{"B/2/mal"}},
		{"kommun filter", Request{Kommun: []string{"Malmö"}, Section: []string{"behovsanalys"}}, []string{"B/1/behovsanalys"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := hitIDs(res); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%+v) = %q; want %q", tt.req, got, tt.want)
			}
			if res.Total != uint64(len(tt.want)) {
				t.Errorf("Total = %d; want %d", res.Total, len(tt.want))
			}
		})
	}
}

func TestSearchRanksWholeWordsFirst(t *testing.T) {
	ix := loadTest(t)
	tests := []struct{ q, first string }{
		{"omsorg", "C/1/ovrigt"},              // "omsorg" beats "äldreomsorgen"
		{"äldre", "C/4/uppfoljning"},          // "äldre" beats "äldreomsorgen"
		{"stöd", "B/2/mal"},                   // "Stöd" beats "Anhörigstöd"
		{"suicidprevention", "A/3/aktivitet"}, // only match
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Q: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatalf("Search(%q): no hits", tt.q)
			}
			h := res.Hits[0]
			if got := h.PlanID + "/" + itoa(h.Page) + "/" + h.Section; got != tt.first {
				t.Errorf("Search(%q) first hit = %s; want %s (hits %q)", tt.q, got, tt.first, hitIDs(res))
			}
		})
	}
}

func TestSearchFragments(t *testing.T) {
	ix := loadTest(t)
	tests := []struct {
		q       string
		section string
		want    string
	}{
		{"suicid", "aktivitet", "Vi samordnar <mark>Suicid</mark>prevention med skolan &amp; &lt;socialtjänsten&gt;."},
		{"anhörig", "behovsanalys", "Det suicidpreventiva arbetet i länet behöver stärkas. <mark>Anhörig</mark>stöd ska erbjudas alla."},
		{"omsorg", "mal", "Målet är att förbättra äldre<mark>omsorgen</mark> och den psykiska hälsan."},
		{"suicid anhörigstöd", "behovsanalys", "Det <mark>suicid</mark>preventiva arbetet i länet behöver stärkas. <mark>Anhörigstöd</mark> ska erbjudas alla."},
		{`"psykisk ohälsa"`, "aktivitet", "Skolan ska arbeta förebyggande mot <mark>psykisk</mark> <mark>ohälsa</mark>."},
		{"", "ovrigt", "Planen beskriver hur vi vill höra invånarnas röster om vård och omsorg."},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Q: tt.q, Section: []string{tt.section}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Fragments...)
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("Search(%q) fragments = %q; want one %q", tt.q, got, tt.want)
			}
		})
	}
}

func TestSearchFacets(t *testing.T) {
	ix := loadTest(t)
	res, err := ix.Search(context.Background(), Request{Q: "ohälsa OR suicid", Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{
		"lan":      {"Jämtland": 2, "Skåne": 2},
		"year":     {"2017": 2, "2018": 2},
		"audience": {"vuxna": 2, "barn_unga": 2},
		"code":     {"malgrupp:aldre": 2, "insats:suicidprevention": 2, "malgrupp:barn_unga": 2, "malgrupp:nyanlanda": 2},
		"section":  {"behovsanalys": 2, "aktivitet": 2},
	}
	for name, w := range want {
		got := res.Facets[name]
		if len(got) != len(w) {
			t.Errorf("facet %s = %v; want %v", name, got, w)
			continue
		}
		for k, v := range w {
			if got[k] != v {
				t.Errorf("facet %s[%s] = %d; want %d", name, k, got[k], v)
			}
		}
	}
	if len(res.Hits) != 1 || res.Total != 4 {
		t.Errorf("hits %d, total %d; want 1, 4", len(res.Hits), res.Total)
	}
	// Per plan: A (Jämtland, 2 segments) and B (Skåne, 2 segments) match.
	wantPlans := map[string]map[string]int{
		"lan":      {"Jämtland": 1, "Skåne": 1},
		"year":     {"2017": 1, "2018": 1},
		"audience": {"vuxna": 1, "barn_unga": 1},
		"code":     {"malgrupp:aldre": 1, "insats:suicidprevention": 1, "malgrupp:barn_unga": 1, "malgrupp:nyanlanda": 1},
	}
	if res.Plans != 2 || !reflect.DeepEqual(res.PlanFacets, wantPlans) {
		t.Errorf("plans %d, plan_facets %v; want 2, %v", res.Plans, res.PlanFacets, wantPlans)
	}
}

func TestSearchPaging(t *testing.T) {
	ix := loadTest(t)
	var seen []string
	var lastScore float64 = 1e9
	for from := 0; from < 10; from += 3 {
		res, err := ix.Search(context.Background(), Request{Q: "ohälsa OR suicid OR omsorg OR äldre", From: from, Size: 3})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 7 {
			t.Fatalf("from %d: total %d; want 7", from, res.Total)
		}
		for _, h := range res.Hits {
			if h.Score > lastScore {
				t.Errorf("from %d: score %v after %v: not best first", from, h.Score, lastScore)
			}
			lastScore = h.Score
			seen = append(seen, h.PlanID+"/"+itoa(h.Page)+"/"+h.Section)
		}
	}
	sorted := slices.Clone(seen)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != 7 || len(seen) != 7 {
		t.Errorf("pages gave %q; want 7 distinct hits", seen)
	}
}

func TestSearchBadRequest(t *testing.T) {
	ix := loadTest(t)
	tests := []struct {
		name string
		req  Request
		msg  string
	}{
		{"unterminated quote", Request{Q: `suicid "psykisk`}, "unterminated quoted string at position 8"},
		{"lone minus", Request{Q: "suicid -"}, `lone '-' at position 8`},
		{"too long", Request{Q: strings.Repeat("a ", 501)}, "too long"},
		{"negative from", Request{Q: "a", From: -1}, "from must be"},
		{"negative size", Request{Q: "a", Size: -5}, "size must be"},
	}
	t.Run("unknown filter values", func(t *testing.T) {
		for _, r := range []struct {
			req  Request
			code string
		}{
			{Request{Lan: []string{"Atlantis"}}, corpus.EUnknownLan},
			{Request{Kommun: []string{"Ankeborg"}}, corpus.EUnknownKommun},
			{Request{Audience: []string{"katter"}}, corpus.EUnknownAudience},
		} {
			if _, err := ix.Search(context.Background(), r.req); corpus.ErrorCode(err) != r.code {
				t.Errorf("Search(%+v) error %v; want code %s", r.req, err, r.code)
			}
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), tt.req)
			var e *corpus.Error
			if !errors.As(err, &e) || e.Code != corpus.EBadQuery {
				t.Fatalf("Search(%+v) error = %v; want a %s *corpus.Error", tt.req, err, corpus.EBadQuery)
			}
			if !strings.Contains(e.Message, tt.msg) {
				t.Errorf("message %q; want it to contain %q", e.Message, tt.msg)
			}
		})
	}
}

func TestResultJSON(t *testing.T) {
	ix := loadTest(t)
	res, err := ix.Search(context.Background(), Request{Q: "suicid", Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total", "hits", "facets"} {
		if _, ok := m[k]; !ok {
			t.Errorf("result JSON %s lacks %q", b, k)
		}
	}
	hit := m["hits"].([]any)[0].(map[string]any)
	for _, k := range []string{"plan_id", "lan", "year", "page", "section", "score", "fragments"} {
		if _, ok := hit[k]; !ok {
			t.Errorf("hit JSON lacks %q: %v", k, hit)
		}
	}
	facets := m["facets"].(map[string]any)
	for _, k := range []string{"lan", "year", "code"} {
		if _, ok := facets[k]; !ok {
			t.Errorf("facets JSON lacks %q", k)
		}
	}
}

func TestSearchHitFields(t *testing.T) {
	ix := openTest(t)
	seg := Segment{Lan: "Skåne", LanCode: "12", Kommun: "Malmö", Audience: "barn_unga", Year: 2018,
		Page: 7, Section: "mal", Codes: []string{"malgrupp:nyanlanda"}, Text: "Nyanlända barn ska få stöd.", Offset: 1234}
	if err := ix.IndexPlan("P-1", "fp", []Segment{seg}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Request{Q: "nyanländas"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits %d; want 1", len(res.Hits))
	}
	h := res.Hits[0]
	want := Hit{PlanID: "P-1", Lan: "Skåne", LanCode: "12", Kommun: "Malmö", Audience: "barn_unga", Year: 2018,
		Page: 7, Section: "mal", Offset: 1234, Score: h.Score, Fragments: []string{"<mark>Nyanlända</mark> barn ska få stöd."},
		Matches: []Match{{1234, 1243}}}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("hit = %+v; want %+v", h, want)
	}
	if h.Score <= 0 {
		t.Errorf("score %v; want > 0", h.Score)
	}
}

// TestConcurrentSearchAndWrite runs searches while plans are replaced and
// deleted (run with -race); a search never sees a half-written plan.
func TestConcurrentSearchAndWrite(t *testing.T) {
	ix := loadTest(t)
	plans := testPlans()
	ctx := context.Background()
	done := make(chan error)
	go func() {
		for i := 0; i < 20; i++ {
			if err := ix.IndexPlan("A", "fp-"+strconv.Itoa(i), plans["A"]); err != nil {
				done <- err
				return
			}
			if err := ix.DeletePlan("C"); err != nil {
				done <- err
				return
			}
			if err := ix.IndexPlan("C", "fp-C", plans["C"]); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			return
		default:
		}
		res, err := ix.Search(ctx, Request{Q: "suicid", Lan: []string{"Jämtland"}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 2 {
			t.Fatalf("during writes: %d hits for plan A; want 2 (never half a plan)", res.Total)
		}
	}
}

// TestSearchMatches checks that match offsets are characters of the page
// text, after å, ä and ö, for whole words and compound parts.
func TestSearchMatches(t *testing.T) {
	ix := openTest(t)
	page := "Sida två: Äldreomsorgen och anhörigstödet. Stöd till äldre."
	cut := strings.Index(page, "Äldre")
	seg := Segment{Lan: "Skåne", Year: 2018, Page: 1, Text: page[cut:], Offset: utf8.RuneCountInString(page[:cut])}
	if err := ix.IndexPlan("P", "fp", []Segment{seg}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Request{Q: `anhörig omsorg "stöd till äldre"`})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits %d; want 1", len(res.Hits))
	}
	runes := []rune(page)
	var got []string
	for _, m := range res.Hits[0].Matches {
		got = append(got, string(runes[m.Start:m.End]))
	}
	want := []string{"omsorgen", "anhörig", "Stöd", "äldre"}
	if !slices.Equal(got, want) {
		t.Errorf("matches %v = %q; want %q", res.Hits[0].Matches, got, want)
	}
}
