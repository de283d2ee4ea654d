package swedish

import (
	"reflect"
	"strings"
	"testing"
)

// compounds of the domain and their parts as Split writes them (lower
// case, linking -s- left out).
var compoundCases = []struct {
	word  string
	parts string // "+"-separated
}{
	{"suicidprevention", "suicid+prevention"},
	{"suicidpreventiva", "suicid+preventiva"},
	{"suicidpreventivt", "suicid+preventivt"},
	{"suicidförsök", "suicid+försök"},
	{"suicidrisken", "suicid+risken"},
	{"anhörigstöd", "anhörig+stöd"},
	{"anhörigstödet", "anhörig+stödet"},
	{"anhörigorganisationer", "anhörig+organisationer"},
	{"äldreomsorgen", "äldre+omsorgen"},
	{"äldrevården", "äldre+vården"},
	{"äldreboende", "äldre+boende"},
	{"barnpsykiatrin", "barn+psykiatrin"},
	{"barnperspektivet", "barn+perspektivet"},
	{"vuxenpsykiatrin", "vuxen+psykiatrin"},
	{"ungdomspsykiatri", "ungdom+psykiatri"},
	{"ungdomsmottagningen", "ungdom+mottagningen"},
	{"självmordsförsök", "självmord+försök"},
	{"självmordstankar", "självmord+tankar"},
	{"handlingsplan", "handling+plan"},
	{"handlingsplanen", "handling+planen"},
	{"handlingsplaner", "handling+planer"},
	{"föräldrastöd", "föräldra+stöd"},
	{"föräldragrupper", "föräldra+grupper"},
	{"skolhälsovården", "skol+hälso+vården"},
	{"skolsköterskan", "skol+sköterskan"},
	{"skolmiljö", "skol+miljö"},
	{"elevhälsan", "elev+hälsan"},
	{"elevhälsoteam", "elev+hälso+team"},
	{"hälsofrämjande", "hälso+främjande"},
	{"folkhälsomyndigheten", "folk+hälso+myndigheten"},
	{"vårdcentralen", "vård+centralen"},
	{"vårdcentralerna", "vård+centralerna"},
	{"primärvården", "primär+vården"},
	{"öppenvården", "öppen+vården"},
	{"slutenvården", "sluten+vården"},
	{"sjukvården", "sjuk+vården"},
	{"missbruksvården", "missbruk+vården"},
	{"beroendevården", "beroende+vården"},
	{"samverkansavtal", "samverkan+avtal"},
	{"samverkansrådet", "samverkan+rådet"},
	{"samordningsförbundet", "samordning+förbundet"},
	{"brukarorganisationerna", "brukar+organisationerna"},
	{"brukarinflytande", "brukar+inflytande"},
	{"brukarmedverkan", "brukar+medverkan"},
	{"kunskapsstöd", "kunskap+stöd"},
	{"kompetensutveckling", "kompetens+utveckling"},
	{"behovsanalysen", "behov+analysen"},
	{"målgruppen", "mål+gruppen"},
	{"målgrupper", "mål+grupper"},
	{"riskgrupper", "risk+grupper"},
	{"arbetsgruppen", "arbet+gruppen"},
	{"arbetsmarknaden", "arbet+marknaden"},
	{"länsstyrelsen", "län+styrelsen"},
	{"socialtjänsten", "social+tjänsten"},
	{"socialstyrelsen", "social+styrelsen"},
	{"kvinnoorganisation", "kvinno+organisation"},
	{"flickgrupper", "flick+grupper"},
	{"pojkgrupper", "pojk+grupper"},
	{"mötesplatser", "möte+platser"},
	{"familjehem", "familj+hem"},
	{"boendestödet", "boende+stödet"},
	{"genusperspektiv", "genus+perspektiv"},
	{"jämställdhetsperspektiv", "jämställdhet+perspektiv"},
	{"barnrättsperspektiv", "barn+rätt+perspektiv"},
	{"tvångsåtgärder", "tvång+åtgärder"},
	{"väntetiderna", "vänte+tiderna"},
	{"spelberoende", "spel+beroende"},
	{"livskvalitet", "livs+kvalitet"},
	{"effektmål", "effekt+mål"},
	{"delmålen", "del+målen"},
	{"stimulansmedlen", "stimulans+medlen"},
	{"patientregistret", "patient+registret"},
	{"internetbaserad", "internet+baserad"},
	{"nollvisionen", "noll+visionen"},
	{"dödsorsaksregistret", "död+orsak+registret"},
	{"självskadebeteende", "själv+skade+beteende"},
	{"psykiatrisamordnare", "psykiatri+samordnare"},
	{"anhöriggrupper", "anhörig+grupper"},
	{"förskoleklass", "förskole+klass"},
	{"gymnasieskolan", "gymnasie+skolan"},
}

// words that must stay whole: inflections of simple words, derivations,
// and words whose "parts" would be false.
var wholeWords = []string{
	"ungdom", "ungdomar", "ungdomarna", "nyanlända", "nyanländas", "inflytande",
	"kommunerna", "landstinget", "landsting", "verksamhet", "verksamheten",
	"samverkan", "samarbete", "samtal", "samordnare", "tillgänglighet",
	"förebyggande", "uppföljning", "utbildning", "delaktighet", "befolkning",
	"organisation", "förvaltning", "överenskommelse", "information",
	"kommunikation", "jämställdhet", "jämlikhet", "rehabilitering",
	"sjuksköterska", "måltid", "vägledning", "sjukdom", "barndom",
	"anhöriga", "närstående", "ensamkommande", "sametinget", "medarbetare",
	"handläggare", "invånare", "behandling", "undersökning", "personal",
	"psykiatri", "omsorgen", "insatser", "aktiviteter", "kvinnor",
	"självständigt", "suicidalitet", "modersmål", "storlek", "tidning",
	"ordning", "hemlighet", "naturligtvis", "förslag", "underlag",
	"riksdagen", "värdegrunden", "högskolan", "sjukhuset", "planering",
}

func TestSplitCompounds(t *testing.T) {
	for _, tt := range compoundCases {
		t.Run(tt.word, func(t *testing.T) {
			got := strings.Join(Split(tt.word), "+")
			if got != tt.parts {
				t.Errorf("Split(%q) = %q; want %q", tt.word, got, tt.parts)
			}
		})
	}
	if len(compoundCases) < 60 {
		t.Errorf("only %d compound cases; keep at least 60", len(compoundCases))
	}
}

func TestSplitWholeWords(t *testing.T) {
	for _, w := range wholeWords {
		t.Run(w, func(t *testing.T) {
			if got := Split(w); got != nil {
				t.Errorf("Split(%q) = %q; want nil", w, got)
			}
		})
	}
	if len(wholeWords) < 30 {
		t.Errorf("only %d whole words; keep at least 30", len(wholeWords))
	}
}

// TestSplitNoFalseParts: parts that must never come out of any word.
func TestSplitNoFalseParts(t *testing.T) {
	words := append([]string{"nyanlända", "anlända", "inflytandet", "ungdomsmottagning", "verksamhetsplan"}, wholeWords...)
	for _, c := range compoundCases {
		words = append(words, c.word)
	}
	banned := map[string]bool{"ända": true, "ande": true, "het": true, "dom": true, "ans": true, "ning": true, "sam": true}
	for _, w := range words {
		for _, p := range Split(w) {
			if banned[p] {
				t.Errorf("Split(%q) = %q: false part %q", w, Split(w), p)
			}
		}
	}
}

func TestSplitShortAndOdd(t *testing.T) {
	for _, w := range []string{"", "a", "stöd", "barnbarn", "123456", "ääääää", "suicid-prevention"} {
		got := Split(w)
		if w == "barnbarn" && !reflect.DeepEqual(got, []string{"barn", "barn"}) {
			t.Errorf("Split(%q) = %q", w, got)
		}
		if w != "barnbarn" && got != nil {
			t.Errorf("Split(%q) = %q; want nil", w, got)
		}
	}
}

func TestSplitUpperCase(t *testing.T) {
	if got := Split("Äldreomsorgen"); !reflect.DeepEqual(got, []string{"äldre", "omsorgen"}) {
		t.Errorf("Split(Äldreomsorgen) = %q", got)
	}
}

// TestSplitCases runs testdata/split_cases.txt.
func TestSplitCases(t *testing.T) {
	for _, line := range readLines(t, "split_cases.txt") {
		word, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("split_cases.txt: bad line %q", line)
		}
		t.Run(word, func(t *testing.T) {
			got := strings.Join(Split(word), "+")
			if got == "" {
				got = "-"
			}
			if got != want {
				t.Errorf("Split(%q) = %q; want %q", word, got, want)
			}
		})
	}
}

// TestPartsFindable: for every compound of split_cases.txt, a query for
// the word each part stands for ("skola" for "skol-", "hälsa" for
// "hälso-", the last part as written) finds the compound in the index.
func TestPartsFindable(t *testing.T) {
	l := DefaultLexicon()
	for _, line := range readLines(t, "split_cases.txt") {
		word, want, _ := strings.Cut(line, "\t")
		if want == "-" {
			continue
		}
		indexed := map[string]bool{}
		for _, tm := range AnalyzeIndex(word) {
			indexed[tm.Term] = true
		}
		for _, p := range l.splitParts(word) {
			for _, q := range AnalyzeQuery(p.lemma) {
				if !indexed[q.Term] {
					t.Errorf("query %q (term %q) does not find %q; indexed %v", p.lemma, q.Term, word, indexed)
				}
			}
		}
	}
}

// TestStandalone: a word seen alone in the corpus becomes a part through
// With, and the default lexicon stays as it is.
func TestStandalone(t *testing.T) {
	texts := []string{
		"Mentalisering är en metod. Metoden mentalisering används i BUP.",
		"Mentalisering lärs ut i mentaliseringsgrupper; nyanlända deltar.",
		"Ända fram till hösten. Ända sedan dess. Nyanlända och nyanlända.",
	}
	l := DefaultLexicon()
	if l.Split("mentaliseringsgrupper") != nil {
		t.Fatal("the default lexicon already knows mentalisering")
	}
	got := l.Standalone(2, texts...)
	if !reflect.DeepEqual(got, []string{"mentalisering"}) {
		t.Fatalf("Standalone = %q; want [mentalisering]", got)
	}
	if parts := l.With(got...).Split("mentaliseringsgrupper"); !reflect.DeepEqual(parts, []string{"mentalisering", "grupper"}) {
		t.Errorf("extended Split = %q", parts)
	}
}

// TestExplicitCompound: a "head+tail" entry splits a word the lexicon
// otherwise keeps whole, in its inflections too.
func TestExplicitCompound(t *testing.T) {
	if Split("sjuksköterskan") != nil {
		t.Fatal("sjuksköterska is expected to stay whole by default")
	}
	l := DefaultLexicon().With("sjuk+sköterska")
	for word, want := range map[string]string{
		"sjuksköterska":    "sjuk+sköterska",
		"sjuksköterskan":   "sjuk+sköterskan",
		"sjuksköterskor":   "sjuk+sköterskor",
		"skolsköterskorna": "skol+sköterskorna",
	} {
		if got := strings.Join(l.Split(word), "+"); got != want {
			t.Errorf("Split(%q) = %q; want %q", word, got, want)
		}
	}
}
