package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plankoll/plankoll/analyzer/swedish"
	"github.com/plankoll/plankoll/corpus"
)

// Paging limits.
const (
	DefaultSize = 20
	MaxSize     = 100
	MaxFrom     = 10000 // deeper pages cost From+Size per search
)

// partBoost weighs a match on a compound part against a match on the whole
// word. A whole-word match also matches the parts field (which holds whole
// stems too), so it scores text + parts; a part match only parts.
const partBoost = 0.4

// Request is one search: Q in the query language of ParseQuery, filters
// (OR within a field, AND across fields) and a page of results.
type Request struct {
	Q                                    string
	Lan, Kommun, Audience, Code, Section []string // Lan, Kommun, Audience as corpus.ParseLan etc. read them
	Year                                 []int
	From, Size                           int // Size: 0 means 20, more than 100 means 100
}

// Hit is one matching segment: a section of one plan page.
type Hit struct {
	PlanID    string   `json:"plan_id"`
	Lan       string   `json:"lan"`
	LanCode   string   `json:"lan_code,omitempty"`
	Kommun    string   `json:"kommun,omitempty"`
	Audience  string   `json:"audience,omitempty"`
	Year      int      `json:"year"`
	Page      int      `json:"page"`
	Section   string   `json:"section"`
	Offset    int      `json:"offset"` // code-point offset of the segment within the page text
	Score     float64  `json:"score"`
	Fragments []string `json:"fragments"` // HTML: text escaped, matches in <mark>
	Matches   []Match  `json:"matches"`   // every match in the segment, in page-text characters
}

// Match is one matching word or compound part: code-point offsets into
// the page's text (as served by the plan text endpoint), so that
// []rune(pageText)[Start:End] is the match.
type Match struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Result is one page of hits, with facets over all matches.
type Result struct {
	Total  uint64                    `json:"total"`
	Hits   []Hit                     `json:"hits"`
	Facets map[string]map[string]int `json:"facets"` // lan, year, audience, code, section → value → matching segments
	// Plans is the number of plans with a match; PlanFacets counts plans,
	// not segments ("how many counties' plans mention X"): lan, year,
	// audience, code → value → plans.
	Plans      int                       `json:"plans"`
	PlanFacets map[string]map[string]int `json:"plan_facets"`
	Took       time.Duration             `json:"took_ns"`
}

func hitFields() []string {
	return []string{fPlanID, fLan, fLanCode, fKommun, fAudience, fYear, fPage, fSection, fOffset}
}

// Search runs r. Hits are segments, best first (ties in index order:
// sorting ties by id would load the id of every match); facets
// count every matching segment, not just this page. A malformed query or
// paging out of range is a *corpus.Error with code EBadQuery; an unknown
// county, municipality or audience in a filter one with EUnknownLan,
// EUnknownKommun or EUnknownAudience.
//
// It searches twice: once for the page of hits and the facets, without
// term locations (decoding them for every match is the costliest part),
// then once more restricted to the page's hits, with locations, for the
// fragments, taking text and locations from the same snapshot. A hit
// whose plan was deleted in between has no fragments.
func (ix *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	size, err := pageSize(r)
	if err != nil {
		return nil, err
	}
	node, err := ParseQuery(r.Q)
	if err != nil {
		return nil, err
	}
	query := compileQuery(node)
	q := bquery.NewBooleanQuery([]bquery.Query{query}, nil, nil)
	f, err := filters(r)
	if err != nil {
		return nil, err
	}
	if f != nil {
		q.AddFilter(f)
	}

	req := bleve.NewSearchRequestOptions(q, size, r.From, false)
	req.Fields = hitFields()
	req.AddFacet(fPlanID, bleve.NewFacetRequest(fPlanID, maxFacetValues))
	req.AddFacet(fSection, bleve.NewFacetRequest(fSection, maxFacetValues))
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Q, err)
	}
	texts, err := ix.locations(ctx, query, res.Hits)
	if err != nil {
		return nil, fmt.Errorf("search %q: fragments: %w", r.Q, err)
	}
	out := &Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	for _, d := range res.Hits {
		h := toHit(d)
		if m := texts[d.ID]; m != nil {
			ix.mark(&h, m)
		}
		out.Hits = append(out.Hits, h)
	}
	out.Facets, out.PlanFacets, out.Plans = ix.countFacets(res.Facets[fPlanID], res.Facets[fSection])
	out.Took = time.Since(start)
	return out, nil
}

// locations returns, per hit id, its text and the term locations of query
// in it.
func (ix *Index) locations(ctx context.Context, query bquery.Query, hits search.DocumentMatchCollection) (map[string]*search.DocumentMatch, error) {
	if len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	q := bquery.NewConjunctionQuery([]bquery.Query{bquery.NewDocIDQuery(ids), query})
	req := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	req.IncludeLocations = true
	req.Fields = []string{fText}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h
	}
	return out, nil
}

func pageSize(r Request) (int, error) {
	if r.From < 0 || r.From > MaxFrom {
		return 0, corpus.Errorf(corpus.EBadQuery, "from must be between 0 and %d, not %d.", MaxFrom, r.From)
	}
	switch {
	case r.Size < 0:
		return 0, corpus.Errorf(corpus.EBadQuery, "size must be between 1 and %d, not %d.", MaxSize, r.Size)
	case r.Size == 0:
		return DefaultSize, nil
	case r.Size > MaxSize:
		return MaxSize, nil
	}
	return r.Size, nil
}

// filters is the non-scoring part of the query, the request's field
// filters, or nil if it has none. Counties, municipalities and audiences
// are read as corpus reads them ("skane", "12", "Östersunds kommun",
// "barn och unga"); an unknown one is that parser's *corpus.Error.
func filters(r Request) (bquery.Query, error) {
	var qs []bquery.Query
	anyOf := func(terms [][2]string) {
		if len(terms) == 0 {
			return
		}
		var any []bquery.Query
		for _, t := range terms {
			any = append(any, termQ(t[0], t[1]))
		}
		qs = append(qs, bquery.NewDisjunctionQuery(any))
	}
	var lans, kommuner, audiences, codes, sections, years [][2]string
	for _, v := range r.Lan {
		l, err := corpus.ParseLan(v)
		if err != nil {
			return nil, err
		}
		lans = append(lans, [2]string{fLan, l.Name}, [2]string{fLanCode, l.Code})
	}
	for _, v := range r.Kommun {
		k, err := corpus.ParseKommun(v)
		if err != nil {
			return nil, err
		}
		kommuner = append(kommuner, [2]string{fKommun, k.Name})
	}
	for _, v := range r.Audience {
		a, err := corpus.ParseAudience(v)
		if err != nil {
			return nil, err
		}
		audiences = append(audiences, [2]string{fAudience, string(a)})
	}
	for _, v := range r.Code {
		codes = append(codes, [2]string{fCode, v})
	}
	for _, v := range r.Section {
		sections = append(sections, [2]string{fSection, v})
	}
	for _, y := range r.Year {
		years = append(years, [2]string{fYear, strconv.Itoa(y)})
	}
	for _, terms := range [][][2]string{lans, kommuner, audiences, codes, sections, years} {
		anyOf(terms)
	}
	if len(qs) == 0 {
		return nil, nil
	}
	return bquery.NewConjunctionQuery(qs), nil
}

func termQ(field, term string) *bquery.TermQuery {
	q := bquery.NewTermQuery(term)
	q.SetField(field)
	return q
}

// compileQuery is compile for a whole query: a nil node (empty query)
// matches every segment, a query of stop words nothing. Markers have no
// text, so only "every segment" needs to keep them out.
func compileQuery(n Node) bquery.Query {
	if n == nil {
		return allSegments()
	}
	if q := compile(n); q != nil {
		return q
	}
	return bquery.NewMatchNoneQuery()
}

// compile turns a parsed query into a bleve query. Words and phrases are
// analysed with the plain Swedish chain and searched in the text field and,
// with partBoost, in the parts field; a word that analyses to nothing (a
// stop word) matches nothing and is left out of an And.
func compile(n Node) bquery.Query {
	switch n := n.(type) {
	case *Word:
		if n.Prefix {
			return prefixQuery(n.Text)
		}
		return textQuery(n.Text)
	case *Phrase:
		return textQuery(n.Text)
	case *Not:
		// Only reached for a query that is one negation: everything else.
		b := bquery.NewBooleanQuery([]bquery.Query{allSegments()}, nil, nil)
		if q := compile(n.Node); q != nil {
			b.AddMustNot(q)
		}
		return b
	case *Or:
		var qs []bquery.Query
		for _, c := range n.Nodes {
			if q := compile(c); q != nil {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			return bquery.NewMatchNoneQuery()
		}
		return bquery.NewDisjunctionQuery(qs)
	case *And:
		return compileAnd(n)
	}
	return bquery.NewMatchNoneQuery()
}

func compileAnd(n *And) bquery.Query {
	b := bquery.NewBooleanQuery(nil, nil, nil)
	positives, kept := 0, 0
	for _, c := range n.Nodes {
		if not, ok := c.(*Not); ok {
			if q := compile(not.Node); q != nil {
				b.AddMustNot(q)
			}
			continue
		}
		positives++
		if q := compile(c); q != nil {
			b.AddMust(q)
			kept++
		}
	}
	if positives > 0 && kept == 0 {
		return bquery.NewMatchNoneQuery()
	}
	if positives == 0 {
		b.AddMust(allSegments())
	}
	return b
}

func allSegments() bquery.Query { return termQ(fKind, kindSegment) }

// textQuery matches the words of s: one word as a term, several (a phrase,
// or "SIP-samordnare") as a phrase. It returns nil when s has no words.
func textQuery(s string) bquery.Query {
	terms := swedish.AnalyzeQuery(s)
	if len(terms) == 0 {
		return nil
	}
	if len(terms) == 1 {
		whole := termQ(fText, terms[0].Term)
		part := termQ(fParts, terms[0].Term)
		part.SetBoost(partBoost)
		return bquery.NewDisjunctionQuery([]bquery.Query{whole, part})
	}
	// One phrase over the parts field, which holds whole-word stems too:
	// "stöd till anhörig" also finds "stöd till anhörigföreningar", and
	// a second phrase over the text field would double the cost.
	return bquery.NewMultiPhraseQuery(phraseSlots(terms), fParts)
}

// phraseSlots lays terms out by position; a stop word leaves an empty slot
// that any word fills.
func phraseSlots(terms []swedish.Term) [][]string {
	first := terms[0].Position
	slots := make([][]string, terms[len(terms)-1].Position-first+1)
	for _, t := range terms {
		i := t.Position - first
		slots[i] = append(slots[i], t.Term)
	}
	return slots
}

// prefixQuery matches indexed stems starting with the lower-cased prefix.
func prefixQuery(prefix string) bquery.Query {
	p := strings.ToLower(prefix)
	whole := bquery.NewPrefixQuery(p)
	whole.SetField(fText)
	part := bquery.NewPrefixQuery(p)
	part.SetField(fParts)
	part.SetBoost(partBoost)
	return bquery.NewDisjunctionQuery([]bquery.Query{whole, part})
}

func toHit(d *search.DocumentMatch) Hit {
	str := func(f string) string { s, _ := d.Fields[f].(string); return s }
	num := func(f string) int { v, _ := d.Fields[f].(float64); return int(v) }
	year, _ := strconv.Atoi(str(fYear))
	return Hit{
		PlanID:    str(fPlanID),
		Lan:       str(fLan),
		LanCode:   str(fLanCode),
		Kommun:    str(fKommun),
		Audience:  str(fAudience),
		Year:      year,
		Page:      num(fPage),
		Section:   str(fSection),
		Offset:    num(fOffset),
		Score:     d.Score,
		Fragments: []string{}, // [] in JSON, never null
		Matches:   []Match{},
	}
}

// mark sets h's fragments and matches from d's stored text and the
// locations of both text fields (they index the same text, so their byte
// offsets agree).
func (ix *Index) mark(h *Hit, d *search.DocumentMatch) {
	text, _ := d.Fields[fText].(string)
	var spans []span
	for _, field := range []string{fText, fParts} {
		for _, ls := range d.Locations[field] {
			for _, l := range ls {
				spans = append(spans, span{int(l.Start), int(l.End)})
			}
		}
	}
	spans = cleanSpans(text, spans)
	h.Fragments = append(h.Fragments, fragments(text, spans, ix.opts.FragmentSize, ix.opts.MaxFragments)...)
	h.Matches = pageMatches(text, spans, h.Offset)
}

// pageMatches turns byte spans of a segment's text into code-point
// offsets into its page's text, the segment starting at code point offset:
// bytes inside, characters in the API.
func pageMatches(text string, spans []span, offset int) []Match {
	out := make([]Match, 0, len(spans))
	at, runes := 0, offset
	for _, s := range spans {
		runes += utf8.RuneCountInString(text[at:s.start])
		start := runes
		runes += utf8.RuneCountInString(text[s.start:s.end])
		at = s.end
		out = append(out, Match{Start: start, End: runes})
	}
	return out
}
