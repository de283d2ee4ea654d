package analyzer

import (
	"strings"
	"testing"
)

// testCodebook builds a minimal valid codebook around extra rules, so that
// pattern behaviour is tested apart from the shipped rules.
func termFires(t *testing.T, pattern, text string) bool {
	t.Helper()
	ts := newTermSet()
	id, err := ts.add(pattern)
	if err != nil {
		t.Fatalf("add(%q): %v", pattern, err)
	}
	ts.freeze()
	cb := defaultCodebook(t)
	d := cb.parse([]PageText{{Page: 1, Text: text}}, "ovrigt")
	for _, pg := range d.pages {
		for _, h := range ts.matchAll(pg.toks) {
			if h.term == id {
				return true
			}
		}
	}
	return false
}

func TestPatternWords(t *testing.T) {
	tests := []struct {
		pattern, text string
		want          bool
	}{
		{"äldre", "Äldreomsorgen ska stärkas.", true},
		{"äldre", "Äldres psykiska hälsa.", true},
		{"äldre", "Samverkan med äldrevården.", true},
		{"anhörig", "Anhörigstödet utvecklas.", true},
		{"suicid", "Suicidpreventiva insatser.", true},
		{"region", "Regionala skillnader finns.", false},
		{"brukar*", "Brukarrevision genomförs.", true},
		{"brukar*", "Vi brukar träffas.", true},
		{"*vård", "Hälsovården i länet.", true},
		{"*jämlik*", "Ojämlikheten minskar.", true},
		{"=mig", "Det hjälpte mig.", true},
		{"=mig", "Migration ökar.", false},
		{"MI", "Personalen utbildas i MI.", true},
		{"MI", "Det hjälpte mig.", false},
		{"MI", "Mi casa.", false},
		{"ACT", "ACT-teamet startar.", true},
		{"ACT", "We act now.", false},
		{"ACT", "Ett FACT-team.", false},
		{"SIP", "SIP-samordnare finns.", true},
		{"SIP", "Antalet SIP:ar ökar.", true},
		{"BUP", "Väntetiden till BUP.", true},
		{"IPS", "Tips till föräldrar.", false},
		{"första linjen", "Första linjens mottagning.", true},
		{"på ? års sikt", "På fem års sikt ska köerna halveras.", true},
		{"16 24 år", "Unga 16–24 år.", true},
		{"# år", "Barn under 12 år.", true},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+"/"+tt.text, func(t *testing.T) {
			if got := termFires(t, tt.pattern, tt.text); got != tt.want {
				t.Errorf("pattern %q on %q = %v; want %v", tt.pattern, tt.text, got, tt.want)
			}
		})
	}
}

func TestParseTermErrors(t *testing.T) {
	for _, p := range []string{"", "*", "**", "ä*l", "=*x", "? äldre", "a-b", "x=y"} {
		t.Run(p, func(t *testing.T) {
			if _, err := parseTerm(p); err == nil {
				t.Errorf("parseTerm(%q) succeeded; want error", p)
			}
		})
	}
}

// codesOf codes text as a one-page plan standing in section kind and
// returns "dimension/code" of every code found.
func codesOf(t *testing.T, c *Coder, text, kind string) []string {
	t.Helper()
	cd := c.code(PlanMeta{Year: 2018}, []PageText{{Page: 1, Text: text}}, kind)
	var out []string
	for _, code := range cd.Codes {
		out = append(out, code.Dimension+"/"+code.Code)
	}
	return out
}

func TestCodingConventions(t *testing.T) {
	c := NewCoder(defaultCodebook(t))
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"missing group is not coded", "Äldre saknas i planen.", nil, []string{"malgrupp/aldre"}},
		{"not prioritised", "Sjukskrivna har inte prioriterats i år.", nil, []string{"malgrupp/sjukskrivna"}},
		{"hedge", "Vi ska på sikt se över stödet till äldre.", nil, []string{"malgrupp/aldre"}},
		{"negation stops at a new clause", "Äldres hälsa uppmärksammas, men stödet saknas ofta.", []string{"malgrupp/aldre"}, nil},
		{"a dropped group is not coded at all", "Nyanlända tar del av hälsoundersökningen. Nyanlända är därför inte längre en egen målgrupp.", nil,
			[]string{"malgrupp/nyanlanda"}},
		{"not prioritised after men", "Äldres psykiska hälsa har diskuterats men har inte prioriterats i planen.", nil, []string{"malgrupp/aldre"}},
		{"relative clause is no negation", "Unga som inte mår bra ska få stöd.", []string{"malgrupp/barn_unga"}, nil},
		{"inte minst", "Insatser för inte minst äldre.", []string{"malgrupp/aldre"}, nil},
		{"unaccompanied", "Ensamkommande har ofta trauma.", []string{"malgrupp/nyanlanda", "malgrupp/barn_unga"}, nil},
		{"children of parents with substance use", "Barn till föräldrar med missbruk ska uppmärksammas.",
			[]string{"malgrupp/anhoriga", "malgrupp/missbruk"}, []string{"malgrupp/foraldrar"}},
		{"samsjuklighet is mental plus substance", "Samsjuklighet med somatiska sjukdomar är vanligt.", nil, []string{"malgrupp/samsjuklighet"}},
		{"jämlik hälsa is not genus", "Jämlik hälsa för alla invånare.", []string{"perspektiv/jamlikhet"}, []string{"perspektiv/genus"}},
		{"inclusive wording is not genus", "Tjejer, killar och transpersoner ska bemötas lika.", nil, []string{"perspektiv/genus"}},
		{"disaggregated figures are genus", "Bland flickorna uppger 38 procent stress, bland pojkarna 17 procent.", []string{"perspektiv/genus"}, nil},
		{"own care is personcentrering", "Den enskildes delaktighet i sin vård ska stärkas.",
			[]string{"omrade/personcentrering"}, []string{"omrade/delaktighet"}},
		{"MI is not mig", "Det hjälpte mig att förstå.", nil, []string{"metod/mi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := codesOf(t, c, tt.text, "aktivitet")
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("Code(%q) = %v; want %s", tt.text, got, w)
				}
			}
			for _, n := range tt.not {
				if contains(got, n) {
					t.Errorf("Code(%q) = %v; want no %s", tt.text, got, n)
				}
			}
		})
	}
}

func TestBrukarinflytandeLevels(t *testing.T) {
	c := NewCoder(defaultCodebook(t))
	tests := []struct {
		text, want string
		orgs       []string
	}{
		{"Planen beskriver kommunernas arbete.", "saknas", nil},
		{"Brukarmedverkan ska utvecklas under året.", "avsikt", nil},
		{"Planen har skickats på remiss till NSPH och RSMH.", "remiss", []string{"NSPH", "RSMH"}},
		{"Planen har skickats på remiss till länets kommuner.", "saknas", nil},
		{"Planen är framtagen i samverkan med NSPH.", "deltagande", []string{"NSPH"}},
		{"Hjärnkollambassadörer medverkar i skolornas arbete.", "deltagande", []string{"Hjärnkoll"}},
		{"Planen är undertecknad av regionen, kommunerna och NSPH.", "medskapande", []string{"NSPH"}},
		{"Brukarorganisationerna har inte deltagit i arbetet.", "saknas", nil},
		{"Ett dialogmöte med brukarorganisationerna ska hållas under hösten.", "avsikt", nil},
		{"SPES erbjuder stöd till efterlevande efter suicid.", "deltagande", []string{"SPES"}},
		{"Autism- och Aspergerförbundet och OCD-förbundet har lämnat synpunkter på planen.", "remiss", []string{"OCD-förbundet", "Autism- och Aspergerförbundet"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			b := c.Code(PlanMeta{}, []PageText{{Page: 1, Text: tt.text}}).Brukarinflytande
			if b.Level != tt.want {
				t.Errorf("level = %q; want %q (evidence %v)", b.Level, tt.want, b.Evidence)
			}
			for _, o := range tt.orgs {
				if !contains(b.Organisations, o) {
					t.Errorf("organisations = %v; want %q", b.Organisations, o)
				}
			}
		})
	}
}

func TestEvidenceOffsetsSwedish(t *testing.T) {
	// Multi-byte letters before and inside the evidence: offsets must be
	// code points, so that []rune(page)[start:end] is the sentence.
	page := "Åtgärder för ökad förståelse.\n\nAnhörigstödet ska stärkas för äldre. Äldreomsorgen och anhörigstöd samverkar i Östersund."
	c := NewCoder(defaultCodebook(t))
	cd := c.Code(PlanMeta{Year: 2018}, []PageText{{Page: 7, Text: page}})
	checkOffsets(t, []PageText{{Page: 7, Text: page}}, cd)
	found := false
	for _, code := range cd.Codes {
		if code.Code != "anhoriga" {
			continue
		}
		for _, e := range code.Evidence {
			found = true
			if e.Page != 7 || !strings.Contains(e.Text, "nhörigstöd") {
				t.Errorf("anhoriga evidence %+v", e)
			}
		}
	}
	if !found {
		t.Fatalf("no anhoriga evidence in %+v", cd.Codes)
	}
}

func TestCodeNeverNil(t *testing.T) {
	c := NewCoder(defaultCodebook(t))
	for _, pages := range [][]PageText{nil, {{Page: 1, Text: ""}}, {{Page: 1, Text: "\n\n\f\x00\xff"}}} {
		cd := c.Code(PlanMeta{}, pages)
		if cd.Codes == nil || cd.Goals == nil || cd.Indicators == nil || cd.Brukarinflytande.Organisations == nil ||
			cd.Brukarinflytande.Evidence == nil || cd.Genus.Placements == nil || cd.Genus.Evidence == nil || cd.Brukarinflytande.Level != "saknas" {
			t.Errorf("Code(%v) has nil slices or no level: %+v", pages, cd)
		}
	}
}

func TestCodeDeterministic(t *testing.T) {
	c := NewCoder(defaultCodebook(t))
	pages := readPlan(t, "testdata/tabeller_norrland.txt")
	a, b := c.Code(PlanMeta{Year: 2019}, pages), c.Code(PlanMeta{Year: 2019}, pages)
	if !equalJSON(t, a, b) {
		t.Error("two codings of the same plan differ")
	}
}
