package analyzer

import (
	"strings"
	"testing"
)

func defaultCodebook(t testing.TB) *Codebook {
	t.Helper()
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatalf("DefaultCodebook: %v", err)
	}
	return cb
}

// ruleFires reports whether rule r fires on any unit of text coded as a
// one-page plan whose units all stand in a section of kind section.
func ruleFires(cb *Codebook, r *rule, text, section string) bool {
	d := cb.parse([]PageText{{Page: 1, Text: text}}, section)
	for u := range d.units {
		for _, f := range d.units[u].fired {
			if f.r == r {
				return true
			}
		}
	}
	return false
}

func TestCodebookExamples(t *testing.T) {
	cb := defaultCodebook(t)
	for _, r := range cb.rules {
		r := r
		section := "ovrigt"
		if len(r.sections) > 0 {
			section = r.sections[0]
		}
		t.Run(r.id, func(t *testing.T) {
			if len(r.spec.Match) == 0 || len(r.spec.NoMatch) == 0 {
				t.Errorf("rule %s (line %d) needs match and no_match examples", r.id, r.line)
			}
			for i, s := range r.spec.Match {
				t.Run("match/"+itoa(i+1), func(t *testing.T) {
					if !ruleFires(cb, r, s, section) {
						t.Errorf("rule %s (line %d) does not fire on %q", r.id, r.line, s)
					}
				})
			}
			for i, s := range r.spec.NoMatch {
				t.Run("no_match/"+itoa(i+1), func(t *testing.T) {
					if ruleFires(cb, r, s, section) {
						t.Errorf("rule %s (line %d) fires on %q", r.id, r.line, s)
					}
				})
			}
		})
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func TestDefaultCodebookLabels(t *testing.T) {
	cb := defaultCodebook(t)
	tests := []struct{ dim, code, want string }{
		{"malgrupp", "aldre", "Äldre"},
		{"metod", "hjarnkoll", "Hjärnkoll"},
		{"perspektiv", "jamlikhet", "Jämlik hälsa"},
		{"malgrupp", "nope", ""},
	}
	for _, tt := range tests {
		t.Run(tt.dim+"/"+tt.code, func(t *testing.T) {
			if got := cb.Label(tt.dim, tt.code); got != tt.want {
				t.Errorf("Label(%q, %q) = %q; want %q", tt.dim, tt.code, got, tt.want)
			}
		})
	}
	if !strings.HasPrefix(cb.Version(), "2026.") || !strings.Contains(cb.Version(), "+") {
		t.Errorf("Version() = %q; want human version + hash", cb.Version())
	}
	if len(cb.Dimensions()) != 6 {
		t.Errorf("Dimensions() has %d dimensions; want 6", len(cb.Dimensions()))
	}
}

// mutate returns the embedded codebook with old replaced by new once.
func mutate(t *testing.T, old, new string) []byte {
	t.Helper()
	s := string(embeddedCodebook)
	if !strings.Contains(s, old) {
		t.Fatalf("codebook.yaml lacks %q", old)
	}
	return []byte(strings.Replace(s, old, new, 1))
}

func TestLoadCodebookErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []string // substrings of the error
	}{
		{"empty", []byte(""), []string{"empty"}},
		{"unknown key", mutate(t, "      - id: aldre_ord\n", "      - id: aldre_ord\n            colour: red\n"), []string{"colour"}},
		{"unknown dimension", mutate(t, "  - id: malgrupp\n", "  - id: malgruppen\n"), []string{"unknown dimension", "malgruppen", "line"}},
		{"empty rule", mutate(t, `any: [äldre, pensionär, ålderdom, "65 år och äldre", "över 65 år", "65 år eller äldre", "äldre personer"]`, "any: []"),
			[]string{"aldre_ord", "empty rule", "line"}},
		{"duplicate id", mutate(t, "- id: nyanlanda_ord", "- id: aldre_ord"), []string{"duplicate rule id", "aldre_ord", "line"}},
		{"code id not snake_case", mutate(t, "      - id: aldre\n", "      - id: Äldre\n"), []string{"snake_case", "Äldre", "line"}},
		{"bad pattern", mutate(t, "any: [nyanländ*,", "any: [ny*anländ,"), []string{"nyanlanda_ord", "bad word", "line"}},
		{"unknown section", mutate(t, "  - kind: ovrigt\n", "  - kind: diverse\n"), []string{"unknown section kind", "diverse"}},
		{"missing code", mutate(t, "      - id: samer\n", "      - id: samerna\n"), []string{"lacks code", "samer"}},
		{"near without within", mutate(t, "            within: 10\n", "\n"), []string{"genus_grupper", "within"}},
		{"unknown unit kind", mutate(t, "\n      units: [row]\n", "\n      units: [table]\n"), []string{"brukar_deltagande_ansvar", "unknown unit kind", "table"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadCodebook(tt.data)
			if err == nil {
				t.Fatalf("LoadCodebook succeeded; want error with %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("LoadCodebook error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadCodebookErrorLine(t *testing.T) {
	data := mutate(t, "- id: nyanlanda_ord", "- id: aldre_ord")
	_, err := LoadCodebook(data)
	if err == nil {
		t.Fatal("duplicate id accepted")
	}
	want := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "- id: aldre_ord") {
			want = i + 1 // the second one is the duplicate
		}
	}
	if !strings.Contains(err.Error(), "line "+itoa(want)+":") {
		t.Errorf("error %q does not name line %d", err, want)
	}
}

func TestVersionChangesWithRules(t *testing.T) {
	a := defaultCodebook(t)
	b, err := LoadCodebook(mutate(t, "any: [nyanländ*,", "any: [nyanländ*, nyinflyttad*,"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Version() == b.Version() {
		t.Errorf("Version unchanged after a rule change: %s", a.Version())
	}
}

func FuzzLoadCodebook(f *testing.F) {
	f.Add(embeddedCodebook)
	f.Add([]byte("version: x\n"))
	f.Add([]byte("version: \"1\"\ndimensions:\n  - id: malgrupp\n    codes: [{id: a, label: A, rules: [{id: r, any: ['*']}]}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cb, err := LoadCodebook(data)
		if err == nil {
			// A codebook that loads must code a page without panicking.
			NewCoder(cb).Code(PlanMeta{Year: 2018}, []PageText{{Page: 1, Text: "Mål: Minska antalet suicid bland äldre."}})
		}
	})
}
