package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/plankoll/plankoll/analyzer/swedish"
)

// Analyzer names registered with bleve.
const (
	// AnalyzerSwedish is the plain Swedish chain (swedish.AnalyzeQuery):
	// stems of the words that are not stop words. The "text" field and
	// every query use it.
	AnalyzerSwedish = "plankoll_sv"
	// AnalyzerCompound is the index-side chain (swedish.AnalyzeIndex): the
	// same stems plus the stems of compound parts at their word's position.
	// Only the "parts" field uses it; queries never split (a split query
	// turns a phrase into a cross product of parts).
	AnalyzerCompound = "plankoll_sv_compound"
)

// mappingVersion changes whenever the mapping or the way documents are
// built changes, so that Open notices an index built the old way.
const mappingVersion = "index-mapping-6"

// analysisVersion is what Open compares with the version stored in the
// index: the Swedish chain's version and this package's mapping version.
func analysisVersion() string {
	return hashString(swedish.Version() + "\x00" + mappingVersion)
}

// The one package-level effect: bleve's registry is global, so the
// analyzers are registered once, here.
func init() {
	mustRegister(AnalyzerSwedish, swedish.AnalyzeQuery)
	mustRegister(AnalyzerCompound, swedish.AnalyzeIndex)
}

func mustRegister(name string, fn func(string) []swedish.Term) {
	tok := termTokenizer(fn)
	if err := registry.RegisterTokenizer(name, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return tok, nil
	}); err != nil {
		panic(fmt.Sprintf("index: register tokenizer %s: %v", name, err))
	}
	if err := registry.RegisterAnalyzer(name, func(_ map[string]any, c *registry.Cache) (analysis.Analyzer, error) {
		t, err := c.TokenizerNamed(name)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{Tokenizer: t}, nil
	}); err != nil {
		panic(fmt.Sprintf("index: register analyzer %s: %v", name, err))
	}
}

// termTokenizer adapts a Swedish analysis function to bleve: the function
// already lower-cases, drops stop words and stems, so the analyzer needs
// no token filters. Offsets stay bytes; bleve positions are 1-based.
type termTokenizer func(string) []swedish.Term

func (f termTokenizer) Tokenize(b []byte) analysis.TokenStream {
	terms := f(string(b))
	toks := make([]analysis.Token, len(terms))
	out := make(analysis.TokenStream, len(terms))
	for i, t := range terms {
		toks[i] = analysis.Token{
			Term:     []byte(t.Term),
			Start:    t.Start,
			End:      t.End,
			Position: t.Position + 1,
			Type:     analysis.AlphaNumeric,
		}
		out[i] = &toks[i]
	}
	return out
}
