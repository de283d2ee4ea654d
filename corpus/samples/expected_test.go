package samples

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/plankoll/plankoll/analyzer"
)

// codebookIDs returns the code identifiers of the embedded codebook, per
// dimension: the ids of CODEBOOK.md and the codebook's own additions.
func codebookIDs(t *testing.T) map[string][]string {
	t.Helper()
	cb, err := analyzer.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string][]string{}
	for _, d := range cb.Dimensions() {
		for _, c := range d.Codes {
			ids[d.ID] = append(ids[d.ID], c.ID)
		}
	}
	return ids
}

var (
	levels     = []string{"saknas", "avsikt", "remiss", "deltagande", "medskapande"}
	placements = []string{"behovsanalys", "mal", "aktivitet", "indikator"}
	horizons   = []string{"lang", "kort", "ospecificerad"}
	indTypes   = []string{"struktur", "process", "resultat", "ospecificerad"}
)

func TestExpectedCodings(t *testing.T) {
	codebookIDs := codebookIDs(t)
	codings, plans := loadCodingsAndPlans(t)
	byFile := map[string]bool{}
	for _, c := range codings {
		if byFile[c.File] {
			t.Errorf("%s coded twice", c.File)
		}
		byFile[c.File] = true
	}
	for _, p := range plans {
		if !byFile[p.Filename] {
			t.Errorf("%s has no expected coding", p.Filename)
		}
		delete(byFile, p.Filename)
	}
	for f := range byFile {
		t.Errorf("expected coding for %s, which is not a sample plan", f)
	}
	for _, c := range codings {
		t.Run(c.File, func(t *testing.T) {
			for _, set := range []map[string][]string{c.Codes, c.NotCodes} {
				for dim, codes := range set {
					ids, ok := codebookIDs[dim]
					if !ok {
						t.Errorf("unknown dimension %q", dim)
					}
					for _, code := range codes {
						if !slices.Contains(ids, code) {
							t.Errorf("%s/%s is not a codebook id", dim, code)
						}
					}
				}
			}
			for dim, codes := range c.NotCodes {
				for _, code := range codes {
					if slices.Contains(c.Codes[dim], code) {
						t.Errorf("%s/%s both expected and excluded", dim, code)
					}
				}
			}
			if !slices.Contains(levels, c.Brukarinflytande.Level) {
				t.Errorf("brukarinflytande level %q", c.Brukarinflytande.Level)
			}
			if (c.Brukarinflytande.Level == "saknas") != (len(c.Brukarinflytande.Organisations) == 0) {
				t.Errorf("level %s with organisations %v", c.Brukarinflytande.Level, c.Brukarinflytande.Organisations)
			}
			if c.Genus.Present != (len(c.Genus.Placements) > 0) {
				t.Errorf("genus present=%v with placements %v", c.Genus.Present, c.Genus.Placements)
			}
			if c.Genus.Present != slices.Contains(c.Codes["perspektiv"], "genus") {
				t.Errorf("genus present=%v but perspektiv %v", c.Genus.Present, c.Codes["perspektiv"])
			}
			for _, pl := range c.Genus.Placements {
				if !slices.Contains(placements, pl) {
					t.Errorf("genus placement %q", pl)
				}
			}
			if c.GoalCount != len(c.Goals) {
				t.Errorf("goal_count %d, %d goals listed", c.GoalCount, len(c.Goals))
			}
			n := 0
			for _, g := range c.Goals {
				if !slices.Contains(horizons, g.Horizon) {
					t.Errorf("goal %q: horizon %q", g.Text, g.Horizon)
				}
				for _, it := range g.Indicators {
					if !slices.Contains(indTypes, it) {
						t.Errorf("goal %q: indicator type %q", g.Text, it)
					}
				}
				n += len(g.Indicators)
			}
			if c.IndicatorCount != n {
				t.Errorf("indicator_count %d, %d indicators listed", c.IndicatorCount, n)
			}
		})
	}
}

// loadCodingsAndPlans reads the expected codings and the sample plans.
func loadCodingsAndPlans(t *testing.T) ([]ExpectedCoding, []Plan) {
	t.Helper()
	codings, err := ExpectedCodings()
	if err != nil {
		t.Fatalf("ExpectedCodings() error: %v", err)
	}
	plans, err := Plans()
	if err != nil {
		t.Fatalf("Plans() error: %v", err)
	}
	return codings, plans
}

// planTexts returns each sample plan's text by file name.
func planTexts(t *testing.T, plans []Plan) map[string]string {
	t.Helper()
	text := map[string]string{}
	for _, p := range plans {
		s, err := plainText(p.Data)
		if err != nil {
			t.Fatalf("%s: %v", p.Filename, err)
		}
		text[p.Filename] = s
	}
	return text
}

// TestExpectedDifferences checks that the differences file agrees with the
// codings: codes added and removed are exactly the set differences, and
// levels and placements are the codings' own.
func TestExpectedDifferences(t *testing.T) {
	diffs, err := ExpectedDifferences()
	if err != nil {
		t.Fatalf("ExpectedDifferences() error: %v", err)
	}
	codings, plans := loadCodingsAndPlans(t)
	coding := map[string]ExpectedCoding{}
	for _, c := range codings {
		coding[c.File] = c
	}
	plan := map[string]Plan{}
	for _, p := range plans {
		plan[p.Filename] = p
	}
	covered := map[string]bool{}
	for _, d := range diffs {
		t.Run(d.Lan+"_"+d.Audience, func(t *testing.T) {
			from, okF := plan[d.From]
			to, okT := plan[d.To]
			if !okF || !okT {
				t.Fatalf("from %q or to %q is not a sample plan", d.From, d.To)
			}
			if from.Lan != d.Lan || to.Lan != d.Lan || from.Audience != d.Audience || to.Audience != d.Audience || from.Year != 2017 || to.Year != 2018 {
				t.Errorf("from %+v / to %+v do not match %s %s 2017→2018", from.Filename, to.Filename, d.Lan, d.Audience)
			}
			covered[d.Lan+"/"+d.Audience] = true
			a, b := coding[d.From], coding[d.To]
			wantAdd, wantRem := codeDiff(a.Codes, b.Codes), codeDiff(b.Codes, a.Codes)
			if got := refs(d.CodesAdded); !slices.Equal(got, wantAdd) {
				t.Errorf("codes_added = %v; codings differ by %v", got, wantAdd)
			}
			if got := refs(d.CodesRemoved); !slices.Equal(got, wantRem) {
				t.Errorf("codes_removed = %v; codings differ by %v", got, wantRem)
			}
			if d.Brukarinflytande.From != a.Brukarinflytande.Level || d.Brukarinflytande.To != b.Brukarinflytande.Level {
				t.Errorf("brukarinflytande %v; codings say %s→%s", d.Brukarinflytande, a.Brukarinflytande.Level, b.Brukarinflytande.Level)
			}
			if !sameSet(d.Genus.From, a.Genus.Placements) || !sameSet(d.Genus.To, b.Genus.Placements) {
				t.Errorf("genus %v; codings say %v→%v", d.Genus, a.Genus.Placements, b.Genus.Placements)
			}
		})
	}
	// Every county and audience with both years must be described.
	years := map[string]map[int]bool{}
	for _, p := range plans {
		k := p.Lan + "/" + p.Audience
		if years[k] == nil {
			years[k] = map[int]bool{}
		}
		years[k][p.Year] = true
	}
	for k, ys := range years {
		if ys[2017] && ys[2018] && !covered[k] {
			t.Errorf("%s has 2017 and 2018 plans but no expected difference", k)
		}
	}
}

// codeDiff returns "dimension/code" for the codes in b that are not in a,
// sorted.
func codeDiff(a, b map[string][]string) []string {
	var out []string
	for dim, codes := range b {
		for _, c := range codes {
			if !slices.Contains(a[dim], c) {
				out = append(out, dim+"/"+c)
			}
		}
	}
	sort.Strings(out)
	return out
}

func refs(rs []CodeRef) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Dimension+"/"+r.Code)
	}
	sort.Strings(out)
	return out
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	sort.Strings(x)
	sort.Strings(y)
	return slices.Equal(x, y)
}

// TestExpectedOrganisationsInText checks the codings against the PDFs: the
// user organisations a coding names stand in the plan's text.
func TestExpectedOrganisationsInText(t *testing.T) {
	codings, plans := loadCodingsAndPlans(t)
	text := planTexts(t, plans)
	for _, c := range codings {
		for _, org := range c.Brukarinflytande.Organisations {
			t.Run(c.File+"/"+org, func(t *testing.T) {
				if !strings.Contains(text[c.File], org) {
					t.Errorf("%q not in the text of %s", org, c.File)
				}
			})
		}
	}
}

var lineEndHyphen = regexp.MustCompile(`(\p{Ll})\s*-[ \t]*\n\s*(\p{Ll})`)

// plainText returns the PDF's text with words split at line ends joined
// and white space collapsed. GetPlainText gives LibreOffice's automatic
// hyphenation as "Schizofreniför\n-\nbundet": the hyphen on a line of its own.
func plainText(data []byte) (string, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		s, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			return "", fmt.Errorf("page %d: %w", i, err)
		}
		b.WriteString(s)
		b.WriteString("\n")
	}
	s := lineEndHyphen.ReplaceAllString(b.String(), "$1$2")
	return strings.Join(strings.Fields(s), " "), nil
}

// metodPatterns finds each named method in plan text. The sample codings
// list every method a plan names, so a pattern must match exactly the
// plans whose coding has the method.
var metodPatterns = map[string]*regexp.Regexp{
	"mhfa":              regexp.MustCompile(`\bMHFA\b`),
	"yam":               regexp.MustCompile(`\bYAM\b`),
	"siss":              regexp.MustCompile(`\bSISS\b`),
	"sip":               regexp.MustCompile(`\bSIP\b`),
	"ips":               regexp.MustCompile(`\bIPS\b`),
	"fact":              regexp.MustCompile(`\bFACT\b`),
	"act":               regexp.MustCompile(`\bACT\b`),
	"ract":              regexp.MustCompile(`\bRACT\b`),
	"case_management":   regexp.MustCompile(`(?i)\bcase management\b`),
	"imr":               regexp.MustCompile(`\bIMR\b`),
	"nect":              regexp.MustCompile(`\bNECT\b`),
	"esl":               regexp.MustCompile(`\bESL\b`),
	"kbt":               regexp.MustCompile(`\bKBT\b`),
	"dbt":               regexp.MustCompile(`\bDBT\b`),
	"bbic":              regexp.MustCompile(`\bBBIC\b`),
	"mi":                regexp.MustCompile(`\bMI\b`),
	"fontanhus":         regexp.MustCompile(`(?i)fontänhus`),
	"pax":               regexp.MustCompile(`\bPAX\b`),
	"barnahus":          regexp.MustCompile(`(?i)barnahus`),
	"hjarnkoll":         regexp.MustCompile(`(?i)hjärnkoll`),
	"ungdomsmottagning": regexp.MustCompile(`(?i)ungdomsmottagning`),
	"elevhalsa":         regexp.MustCompile(`(?i)elevhälsa`),
}

// TestExpectedMetodInText checks that each coding's methods are exactly
// the methods its PDF names: no method is claimed that is not there, and
// none is there that the coding (or a difference built on it) leaves out.
func TestExpectedMetodInText(t *testing.T) {
	codebookIDs := codebookIDs(t)
	codings, plans := loadCodingsAndPlans(t)
	text := planTexts(t, plans)
	for _, c := range codings {
		for _, m := range codebookIDs["metod"] {
			re, ok := metodPatterns[m]
			if !ok {
				t.Fatalf("no pattern for metod %s", m)
			}
			t.Run(c.File+"/"+m, func(t *testing.T) {
				found := re.MatchString(text[c.File])
				if want := slices.Contains(c.Codes["metod"], m); found != want {
					t.Errorf("metod %s: coded %v, named in the text %v", m, want, found)
				}
			})
		}
	}
}
