package swedish

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // Text of each token
	}{
		{"plain", "Psykisk hälsa för alla", []string{"Psykisk", "hälsa", "för", "alla"}},
		{"hyphenated acronym", "SIP-samordnare i länet", []string{"SIP", "samordnare", "i", "länet"}},
		{"suspended hyphen", "vård- och omsorg", []string{"vård", "och", "omsorg"}},
		{"colon genitive", "BUP:s väntetider", []string{"BUP", "väntetider"}},
		{"colon plural", "fler SIP:ar och 1:a linjen", []string{"fler", "SIP", "och", "1", "linjen"}},
		{"colon heading kept apart", "Mål: öka", []string{"Mål", "öka"}},
		{"decimal comma", "ökade med 3,5 procent", []string{"ökade", "med", "3,5", "procent"}},
		{"section number", "se avsnitt 3.2.", []string{"se", "avsnitt", "3.2"}},
		{"year range", "2018-2020", []string{"2018", "2020"}},
		{"url", "Läs mer på https://www.1177.se/psykisk-halsa.", []string{"Läs", "mer", "på", "https://www.1177.se/psykisk-halsa"}},
		{"www", "(www.skr.se)", []string{"www.skr.se"}},
		{"email", "Kontakt: anna.berg@regionjh.se, tel", []string{"Kontakt", "anna.berg@regionjh.se", "tel"}},
		{"abbreviation", "bl.a. skolor", []string{"bl", "a", "skolor"}},
		{"å ä ö", "Åtgärder för äldres ökade ohälsa", []string{"Åtgärder", "för", "äldres", "ökade", "ohälsa"}},
		{"thousands", "drygt 1 500 elever och 33\u00a0000 invånare", []string{"drygt", "1 500", "elever", "och", "33\u00a0000", "invånare"}},
		{"year then number", "år 2018 500 personer", []string{"år", "2018", "500", "personer"}},
		{"decimal not grouped", "3,5 000", []string{"3,5", "000"}},
		{"apostrophe s", "Skåne’s plan och NSPH's", []string{"Skåne", "plan", "och", "NSPH"}},
		{"apostrophe other", "rock'n'roll", []string{"rock", "n", "roll"}},
		{"soft hyphen inside", "suicid\u00adprevention och\u00ad", []string{"suicid\u00adprevention", "och"}},
		{"empty", "", nil},
		{"punctuation only", " – , . ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for i, tok := range Tokenize(tt.in) {
				got = append(got, tok.Text)
				if tt.in[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %d: text[%d:%d] = %q; want %q", i, tok.Start, tok.End, tt.in[tok.Start:tok.End], tok.Text)
				}
				if tok.Position != i {
					t.Errorf("token %d: Position = %d", i, tok.Position)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeKindsAndStops(t *testing.T) {
	toks := Tokenize("Vi ska öka andelen med 3,5 % enligt www.skr.se och info@skr.se")
	want := map[string]struct {
		kind TokenKind
		stop bool
	}{
		"Vi": {KindWord, true}, "ska": {KindWord, true}, "öka": {KindWord, false},
		"andelen": {KindWord, false}, "3,5": {KindNumber, false},
		"www.skr.se": {KindURL, false}, "info@skr.se": {KindEmail, false}, "och": {KindWord, true},
	}
	for _, tok := range toks {
		w, ok := want[tok.Text]
		if !ok {
			continue
		}
		if tok.Kind != w.kind || tok.Stop != w.stop {
			t.Errorf("%q: kind %v stop %v; want %v %v", tok.Text, tok.Kind, tok.Stop, w.kind, w.stop)
		}
	}
	if got := len(Words(toks)); got != len(toks)-4 {
		t.Errorf("Words kept %d of %d tokens; want %d", got, len(toks), len(toks)-4)
	}
}

// TestStemMeets lists inflections that must share a stem.
func TestStemMeets(t *testing.T) {
	groups := [][]string{
		{"behov", "behovet", "behoven", "behovets"},
		{"stöd", "stödet", "stödets"},
		{"resultat", "resultatet", "resultaten"},
		{"mål", "målet", "målen", "målets"},
		{"län", "länet", "länets"},
		{"indikator", "indikatorer", "indikatorerna", "indikatorn"},
		{"suicidpreventiv", "suicidpreventiva", "suicidpreventivt"},
		{"ohälsa", "ohälsan", "ohälsans"},
		{"nyanlända", "nyanländas"},
		{"äldre", "äldres"},
		{"anhöriga", "anhörigas", "anhörig"},
		{"skola", "skolan", "skolor", "skolans", "skolorna"},
		{"psykiatri", "psykiatrin", "psykiatrins"},
		{"insats", "insatser", "insatsen", "insatserna"},
		{"ungdom", "ungdomar", "ungdomarna", "ungdomars"},
		{"kvinna", "kvinnor", "kvinnors", "kvinnan"},
		{"område", "området", "områden", "områdena"},
		{"samhälle", "samhället", "samhällets"},
		{"program", "programmet", "programmen"},
		{"vuxen", "vuxna", "vuxnas"},
		{"förälder", "föräldrar", "föräldrarna", "föräldrars"},
		{"äldreomsorg", "äldreomsorgen", "äldreomsorgens"},
		{"anhörigstöd", "anhörigstödet"},
		{"barnpsykiatri", "barnpsykiatrin"},
		{"kommun", "kommunen", "kommuner", "kommunerna"},
	}
	for _, g := range groups {
		t.Run(g[0], func(t *testing.T) {
			want := Stem(g[0])
			for _, w := range g[1:] {
				if got := Stem(w); got != want {
					t.Errorf("Stem(%q) = %q; want %q (the stem of %q)", w, got, want, g[0])
				}
			}
		})
	}
}

// TestStemApart lists words that must not share a stem.
func TestStemApart(t *testing.T) {
	pairs := [][2]string{
		{"region", "regi"},
		{"kommun", "kommunikation"},
		{"ända", "anhörig"},
		{"vård", "varda"},
	}
	for _, p := range pairs {
		if Stem(p[0]) == Stem(p[1]) {
			t.Errorf("Stem(%q) == Stem(%q) == %q", p[0], p[1], Stem(p[0]))
		}
	}
}

func TestOffsetsSwedishLetters(t *testing.T) {
	tests := []struct {
		text  string
		parts []string // parts as written in text, in order
	}{
		{"anhörigstöd", []string{"anhörig", "stöd"}},
		{"äldreomsorgen", []string{"äldre", "omsorgen"}},
		{"Suicidpreventiva", []string{"Suicid", "preventiva"}},
		{"Stöd till äldreomsorgen och anhörigstödet", []string{"äldre", "omsorgen", "anhörig", "stödet"}},
		{"suicid\u00adprevention", []string{"suicid", "prevention"}},
		{"äldre\u00adomsorgen", []string{"äldre", "omsorgen"}},
		{"ÄL\u200bDREOMSORGEN", []string{"ÄL\u200bDRE", "OMSORGEN"}},
		{"ÄLDREOMSORGEN", []string{"ÄLDRE", "OMSORGEN"}},
		{"självmordsförsök", []string{"självmord", "försök"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, term := range AnalyzeIndex(tt.text) {
				if term.Kind == Part {
					got = append(got, tt.text[term.Start:term.End])
				}
			}
			if !reflect.DeepEqual(got, tt.parts) {
				t.Errorf("parts of %q = %q; want %q", tt.text, got, tt.parts)
			}
		})
	}
}

func TestAnalyzeIndexPositions(t *testing.T) {
	terms := AnalyzeIndex("Stöd till anhöriga och äldreomsorgen")
	var got []string
	for _, tm := range terms {
		got = append(got, tm.Kind.String()+":"+tm.Term+"@"+string(rune('0'+tm.Position)))
	}
	want := []string{"word:stöd@0", "word:anhör@2", "word:äldreomsorg@4", "part:äldr@4", "part:omsorg@4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AnalyzeIndex = %q; want %q", got, want)
	}
	q := AnalyzeQuery("Stöd till äldreomsorgen")
	if len(q) != 2 || q[1].Term != "äldreomsorg" || q[1].Position != 2 {
		t.Errorf("AnalyzeQuery = %+v", q)
	}
}

// TestQueryFindsCompound checks the promise of the search page: a query
// for a part finds the compound.
func TestQueryFindsCompound(t *testing.T) {
	tests := []struct{ query, text string }{
		{"suicid", "suicidpreventiva insatser"},
		{"anhörig", "Anhörigstödet ska utvecklas"},
		{"omsorg", "inom äldreomsorgen"},
		{"prevention", "arbete med suicidprevention"},
		{"äldre", "äldreomsorgen"},
		{"psykiatri", "barnpsykiatrin"},
		{"försök", "efter självmordsförsök"},
		{"anhöriga", "anhörigstöd"},
		{"skola", "skolhälsovården"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q := AnalyzeQuery(tt.query)
			if len(q) != 1 {
				t.Fatalf("AnalyzeQuery(%q) = %+v", tt.query, q)
			}
			for _, term := range AnalyzeIndex(tt.text) {
				if term.Term == q[0].Term {
					return
				}
			}
			t.Errorf("query %q (term %q) does not find %q: %+v", tt.query, q[0].Term, tt.text, AnalyzeIndex(tt.text))
		})
	}
}

// TestQueryPrecision: a part query must not find text without the part.
func TestQueryPrecision(t *testing.T) {
	tests := []struct{ query, text string }{
		{"anhörig", "Hör av dig till oss"},
		{"ända", "nyanlända barn och unga"},
		{"ande", "inflytande och medverkan"},
		{"het", "verksamheten och tillgängligheten"},
		{"dom", "ungdomar och ungdomsmottagning"},
		{"ting", "landstinget"},
		{"land", "landstinget"},
		{"man", "kommunerna"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q := AnalyzeQuery(tt.query)
			for _, term := range AnalyzeIndex(tt.text) {
				for _, qt := range q {
					if term.Term == qt.Term {
						t.Errorf("query %q finds %q through term %+v", tt.query, tt.text, term)
					}
				}
			}
		})
	}
}

func TestFoldASCII(t *testing.T) {
	tests := map[string]string{"Hjärnkoll": "Hjarnkoll", "föräldrastöd": "foraldrastod", "Åre": "Are", "idé": "ide", "plain": "plain"}
	for in, want := range tests {
		if got := FoldASCII(in); got != want {
			t.Errorf("FoldASCII(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestVersion(t *testing.T) {
	v := Version()
	if !strings.HasPrefix(v, "sv-") || len(v) != 19 {
		t.Errorf("Version() = %q", v)
	}
	if v != Version() {
		t.Error("Version is not stable")
	}
	if w := DefaultLexicon().With("stödlinje").Version(); w == v {
		t.Error("With did not change the version")
	}
}

func TestExplain(t *testing.T) {
	ex := Explain("Anhörigstödet och BUP:s")
	if len(ex) != 3 {
		t.Fatalf("Explain: %d tokens; want 3: %+v", len(ex), ex)
	}
	a := ex[0]
	if a.Token != "Anhörigstödet" || a.Lower != "anhörigstödet" || a.Stem != "anhörigstöd" ||
		!reflect.DeepEqual(a.Parts, []string{"anhörig", "stödet"}) || !reflect.DeepEqual(a.PartStems, []string{"anhör", "stöd"}) {
		t.Errorf("Explain[0] = %+v", a)
	}
	if !ex[1].Stop || ex[2].Token != "BUP" {
		t.Errorf("Explain = %+v", ex)
	}
}

func TestAnalyzeIndexValidOffsets(t *testing.T) {
	text := "Ökad psykisk hälsa – SIP-samordnare, BUP:s väntetider (3,5 mån) och äldreomsorgens kvalitet."
	for _, tm := range AnalyzeIndex(text) {
		if tm.Start < 0 || tm.End > len(text) || tm.Start >= tm.End || !utf8.ValidString(text[tm.Start:tm.End]) {
			t.Errorf("bad offsets %+v", tm)
		}
	}
}

// TestSuspendedCompounds: "hälso- och sjukvården" also indexes
// "hälsovården" at the position of "hälso", so a query finds it.
func TestSuspendedCompounds(t *testing.T) {
	tests := []struct {
		text, query, at string
	}{
		{"inom hälso- och sjukvården", "hälsovården", "hälso"},
		{"barn- och ungdomspsykiatrin", "barnpsykiatri", "barn"},
		{"barn-, ungdoms- och vuxenpsykiatrin", "barnpsykiatrin", "barn"},
		{"barn-, ungdoms- och vuxenpsykiatrin", "ungdomspsykiatri", "ungdoms"},
		{"vård- och omsorgsförvaltningen", "vårdförvaltning", "vård"},
		{"förskole- eller skolverksamhet", "förskoleverksamhet", "förskole"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q := AnalyzeQuery(tt.query)[0].Term
			for _, tm := range AnalyzeIndex(tt.text) {
				if tm.Term == q {
					if got := tt.text[tm.Start:tm.End]; got != tt.at {
						t.Errorf("term %q at %q; want %q", q, got, tt.at)
					}
					return
				}
			}
			t.Errorf("%q does not find %q (term %q): %+v", tt.query, tt.text, q, AnalyzeIndex(tt.text))
		})
	}
	// A hyphen that does not hang (followed by a letter or digit, or
	// preceded by a space) adds nothing outside the last word.
	for _, text := range []string{"SIP-samordnare", "e-hälsa och sjukvården", "covid-19 och sjukvården", "barn -och sjukvården", "barn- i sjukvården"} {
		last := strings.LastIndex(text, " ") + 1
		for _, tm := range AnalyzeIndex(text) {
			if tm.Kind == Part && tm.Start < last {
				t.Errorf("%q: unexpected part %+v (%q)", text, tm, text[tm.Start:tm.End])
			}
		}
	}
}
