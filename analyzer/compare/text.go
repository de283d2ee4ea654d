package compare

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/plankoll/plankoll/analyzer/swedish"
)

// fillers are words that goal and indicator statements share whatever
// they are about ("Målet är att …", "… ska minska"). They are dropped on
// top of the Swedish stop words so that "Minska antalet suicid" and
// "Antalet suicid ska minska" read as the same goal. Direction words
// (öka, minska) are kept on purpose: they carry the meaning.
var fillers = map[string]bool{
	"ska": true, "skall": true, "bör": true, "mål": true, "målet": true,
	"målsättning": true, "målsättningen": true, "syfte": true, "syftet": true,
	"att": true, "är": true, "samt": true, "även": true,
}

// terms is a text reduced to what matching compares: its content stems
// and, apart, the numbers it states.
type terms struct {
	stems   []string // sorted, unique: stems of words that are neither stop words nor fillers
	numbers []string // sorted, unique: numbers other than years, as written ("10", "3,5")
	years   []string // sorted, unique: 4-digit years 1990–2099
	figures []string // numbers and years together, sorted, unique
}

// analyse reduces a goal or indicator statement of a plan of planYear (0
// when unknown) to its terms: the stems of its words and of their
// compound parts (so that "suicidpreventivt arbete" and "förebygga suicid"
// share "suicid"), as the index analyses text, without stop words and
// fillers; numbers and years apart (see addNumber).
func analyse(text string, planYear int) terms {
	var t terms
	for _, term := range swedish.AnalyzeIndex(text) {
		word := strings.ToLower(text[term.Start:term.End])
		switch {
		case term.Kind == swedish.Word && isNumber(word):
			t.addNumber(word, planYear)
		case term.Kind == swedish.Word && fillers[word]:
		default:
			t.stems = append(t.stems, term.Term)
		}
	}
	return t.sorted()
}

// termsOf reduces already tokenized text (a paragraph) to its terms, like
// analyse but without compound parts.
func termsOf(toks []swedish.Token) terms {
	var t terms
	for _, tok := range toks {
		switch {
		case isNumber(tok.Lower):
			t.addNumber(tok.Lower, 0)
		case tok.Stop || fillers[tok.Lower]:
		default:
			t.stems = append(t.stems, tok.Stem)
		}
	}
	return t.sorted()
}

// addNumber files a number under numbers or years. A year within one year
// of the plan's own year is kept relative to it ("plan+0", "plan+1"): a
// short-term goal "under 2017" in the 2017 plan is the same goal as "under
// 2018" in the 2018 plan, renewed. Farther years are targets and stay
// absolute: "till 2020" is the same target in both plans.
func (t *terms) addNumber(word string, planYear int) {
	n, err := strconv.Atoi(word)
	switch {
	case err != nil || len(word) != 4 || n < 1990 || n > 2099:
		t.numbers = append(t.numbers, word)
	case planYear != 0 && n-planYear >= -1 && n-planYear <= 1:
		t.years = append(t.years, fmt.Sprintf("plan%+d", n-planYear))
	default:
		t.years = append(t.years, word)
	}
}

func (t terms) sorted() terms {
	t.stems = sortUnique(t.stems)
	t.numbers = sortUnique(t.numbers)
	t.years = sortUnique(t.years)
	t.figures = sortUnique(append(slices.Clone(t.numbers), t.years...))
	return t
}

// tokenCache holds the tokens of the paragraphs seen during one
// comparison. Most paragraphs recur from one year's plan to the next;
// each distinct paragraph is analysed once, for the text similarity and
// the paragraph diff alike.
type tokenCache map[string][]swedish.Token

func (c tokenCache) tokens(paragraph string) []swedish.Token {
	toks, ok := c[paragraph]
	if !ok {
		toks = swedish.Tokenize(paragraph)
		c[paragraph] = toks
	}
	return toks
}

func isNumber(s string) bool {
	for _, r := range s {
		return unicode.IsDigit(r)
	}
	return false
}

func sortUnique(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// idf weighs stems by how rare they are among the texts being matched, so
// that a word every goal of both plans uses ("psykisk", "hälsa") counts
// less than the word that tells two goals apart ("suicid").
type idf struct {
	n  int
	df map[string]int
}

func newIDF(all ...[]terms) idf {
	w := idf{df: map[string]int{}}
	for _, ts := range all {
		for _, t := range ts {
			w.n++
			for _, s := range t.stems {
				w.df[s]++
			}
		}
	}
	return w
}

// weight is ln(1 + N/df): 0.69 for a stem in every text, ln(1+N) for a
// stem in one. A zero idf (no texts counted) weighs every stem 1.
func (w idf) weight(stem string) float64 {
	if w.n == 0 || w.df[stem] == 0 {
		return 1
	}
	return math.Log(1 + float64(w.n)/float64(w.df[stem]))
}

// minContained is the number of content stems a statement needs before
// its containment in another counts: a fragment such as "indikator" is
// contained in half the goals of a plan.
const minContained = 3

// stemSimilarity scores two stem sets: the mean of their weighted Jaccard
// index (shared weight over all) and, when the smaller set has at least
// minContained stems, its weighted containment in the larger (shared
// weight over the smaller's). Containment keeps a goal that gained a
// clause ("… ska minska" → "… ska minska med 10 procent till 2020") or
// lost its trailing indicator paired with itself. Two empty sets score 1.
func (w idf) stemSimilarity(a, b []string) float64 {
	var shared, onlyA, onlyB float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			onlyA += w.weight(a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			onlyB += w.weight(b[j])
			j++
		default:
			shared += w.weight(a[i])
			i++
			j++
		}
	}
	if len(a) == 0 || len(b) == 0 {
		if len(a) == 0 && len(b) == 0 {
			return 1
		}
		return 0
	}
	jaccard := shared / (shared + onlyA + onlyB)
	if min(len(a), len(b)) < minContained {
		return jaccard
	}
	return (jaccard + shared/(shared+min(onlyA, onlyB))) / 2
}

// setJaccard is |a∩b| / |a∪b| of two sorted unique sets; 1 when both are
// empty.
func setJaccard(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	shared := 0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case b[j] < a[i]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}

// numberWeight is the share of a statement's similarity that its numbers
// and years decide. With the words identical and the numbers different,
// two goals score 1 − numberWeight = 0.85: under KeptThreshold, so
// "minska med 10 %" → "minska med 20 %" is a change, never "kept".
const numberWeight = 0.15

// statementSimilarity scores two goal or indicator statements: mostly
// their words, partly their numbers and years.
func (w idf) statementSimilarity(a, b terms) (score, words float64) {
	words = w.stemSimilarity(a.stems, b.stems)
	return (1-numberWeight)*words + numberWeight*setJaccard(a.figures, b.figures), words
}

// round2 rounds a similarity for output: two decimals read well and keep
// JSON stable across platforms.
func round2(x float64) float64 { return math.Round(x*100) / 100 }
