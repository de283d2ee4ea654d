package compare

import (
	"fmt"
	"hash/fnv"
	"math"
	"regexp"
	"strings"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/swedish"
)

// Structure thresholds. Two headings match when their stems overlap by at
// least HeadingThreshold (Jaccard), after numbering and years are
// neutralised. Two plans have the same structure when the Dice overlap of
// their headings reaches SameStructureThreshold: four of five headings,
// counted on both sides, recur in the other plan. That is how the national
// analysis read "kept the same basic structure": chapters recur, a few
// are renamed or added. On the sample plans, those the author kept score
// 0.90–1.00; those restructured 0.15–0.27, and 0.72 for one that kept its
// chapters but moved the goals chapter into the priority areas.
const (
	HeadingThreshold       = 0.5
	SameStructureThreshold = 0.8
)

// Structure compares the plans' headings (from the codings' sections,
// table-of-contents entries left out) and, per matched section, their
// paragraphs.
type Structure struct {
	SameStructure bool `json:"same_structure"`
	// HeadingOverlap is 2·matched / (headings before + headings after).
	HeadingOverlap  float64       `json:"heading_overlap"`
	Threshold       float64       `json:"threshold"`
	FromHeadings    int           `json:"from_headings"`
	ToHeadings      int           `json:"to_headings"`
	HeadingsAdded   []string      `json:"headings_added"`
	HeadingsRemoved []string      `json:"headings_removed"`
	Sections        []SectionDiff `json:"sections"`
	Note            string        `json:"note,omitempty"`
}

// SectionDiff is a section found in both plans, with its paragraphs sorted
// into kept (the same after white space is collapsed), changed (matched by
// words, see ChangedThreshold), removed and added. When neither plan has
// sections, the whole texts are compared as one section with empty
// headings.
type SectionDiff struct {
	From              string          `json:"from"` // heading in the earlier plan
	To                string          `json:"to"`
	Kind              string          `json:"kind"`
	HeadingSimilarity float64         `json:"heading_similarity"`
	ParagraphsKept    int             `json:"paragraphs_kept"`
	ParagraphsChanged []ParagraphPair `json:"paragraphs_changed"`
	ParagraphsAdded   []string        `json:"paragraphs_added"`
	ParagraphsRemoved []string        `json:"paragraphs_removed"`
}

// ParagraphPair is a paragraph that was reworded.
type ParagraphPair struct {
	From       string  `json:"from"`
	To         string  `json:"to"`
	Similarity float64 `json:"similarity"`
}

// planText gives access to a plan's pages by code-point offsets.
type planText struct {
	pages    map[int][]rune
	order    []int
	sections []analyzer.Section
}

func newPlanText(in PlanInput) planText {
	p := planText{pages: map[int][]rune{}, sections: in.Coding.Sections}
	for _, pg := range in.Pages {
		if _, dup := p.pages[pg.Page]; !dup {
			p.order = append(p.order, pg.Page)
		}
		p.pages[pg.Page] = []rune(pg.Text)
	}
	return p
}

// slice returns the text from (startPage, start) to (endPage, end), code
// points, end exclusive; pages in between are joined by a blank line.
// Offsets out of range are clamped.
func (p planText) slice(startPage, start, endPage, end int) string {
	var b strings.Builder
	for _, n := range p.order {
		if n < startPage || n > endPage {
			continue
		}
		r := p.pages[n]
		lo, hi := 0, len(r)
		if n == startPage {
			lo = clamp(start, 0, len(r))
		}
		if n == endPage {
			hi = clamp(end, lo, len(r))
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(string(r[lo:hi]))
	}
	return b.String()
}

func (p planText) all() string {
	if len(p.order) == 0 {
		return ""
	}
	return p.slice(p.order[0], 0, p.order[len(p.order)-1], math.MaxInt)
}

func clamp(x, lo, hi int) int { return max(lo, min(x, hi)) }

// numbering is a heading's or list item's number: "2", "2.1", "3)", "B)",
// "IV." — not a year ("2018 års plan").
var numbering = regexp.MustCompile(`^\s*(?:\d{1,2}(?:[.)]\d{1,2})*[.)]?|[IVXivx]+[.)]|[A-Za-z][.)])\s+`)

// year is a four-digit year in a heading: "Mål för 2017" and "Mål för
// 2018" are the same chapter of two yearly plans.
var year = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// tocEntry is a table-of-contents line: dot leaders and a page number.
var tocEntry = regexp.MustCompile(`(?:\.{4,}|…{2,})\s*\d*\s*$`)

// headingKey strips a heading's numbering ("2.1 ", "B) ", "IV. "), writes
// its years as "ÅÅÅÅ" and collapses its space and case.
func headingKey(h string) string {
	return normaliseSpace(year.ReplaceAllString(numbering.ReplaceAllString(h, ""), "ÅÅÅÅ"))
}

// paragraphKey is a paragraph without numbering, case and spacing: what
// must be equal for a paragraph to count as kept.
func paragraphKey(p string) string {
	return normaliseSpace(numbering.ReplaceAllString(p, ""))
}

// minChapters is how many numbered headings each plan needs for the
// structure to be compared on its numbered headings alone.
const minChapters = 3

// numbered returns the sections whose heading is numbered ("2", "2.1",
// "B)"): a plan's chapters. Coders also report table cells and cover lines
// as headings; when both plans number their chapters, those are noise.
func numbered(secs []analyzer.Section) []analyzer.Section {
	var out []analyzer.Section
	for _, s := range secs {
		if numbering.MatchString(s.Heading) {
			out = append(out, s)
		}
	}
	return out
}

// structural returns the sections that are chapters of the plan, leaving
// out table-of-contents entries that a coder may report as headings.
func structural(secs []analyzer.Section) []analyzer.Section {
	var out []analyzer.Section
	for _, s := range secs {
		if !tocEntry.MatchString(s.Heading) {
			out = append(out, s)
		}
	}
	return out
}

// headingStems are the stems of a heading's words, stop words dropped but
// not the goal fillers: a heading "Mål" must keep its one word.
func headingStems(h string) []string {
	var s []string
	for _, t := range swedish.Tokenize(headingKey(h)) {
		if !t.Stop {
			s = append(s, t.Stem)
		}
	}
	return sortUnique(s)
}

func headingSimilarity(a, b string) float64 {
	if ka := headingKey(a); ka != "" && ka == headingKey(b) {
		return 1
	}
	return setJaccard(headingStems(a), headingStems(b))
}

func diffStructure(a, b planText, cache tokenCache) Structure {
	secA, secB := structural(a.sections), structural(b.sections)
	s := Structure{Threshold: SameStructureThreshold,
		HeadingsAdded: []string{}, HeadingsRemoved: []string{}, Sections: []SectionDiff{}}
	if na, nb := numbered(secA), numbered(secB); len(na) >= minChapters && len(nb) >= minChapters {
		s.Note = fmt.Sprintf("Compared the numbered headings (chapters): %d and %d; %d and %d other headings (table cells, cover lines) left out.",
			len(na), len(nb), len(secA)-len(na), len(secB)-len(nb))
		secA, secB = na, nb
	}
	s.FromHeadings, s.ToHeadings = len(secA), len(secB)
	if len(secA) == 0 && len(secB) == 0 {
		s.Note = "Neither coding has sections: the whole texts are compared as one section."
		s.Sections = append(s.Sections, diffParagraphs(a.all(), b.all(), cache))
		return s
	}
	n, m := len(secA), len(secB)
	sims := make([][]float64, n)
	for i := range sims {
		sims[i] = make([]float64, m)
		for j := range sims[i] {
			sims[i][j] = headingSimilarity(secA[i].Heading, secB[j].Heading)
		}
	}
	// A heading that recurs ("Mål" under each area) pairs with the one at
	// the nearest relative position: the small penalty only breaks ties.
	pairs := assign(n, m, func(i, j int) (float64, bool) {
		dist := math.Abs(float64(i)/float64(n) - float64(j)/float64(m))
		return sims[i][j] - 0.01*dist, sims[i][j] >= HeadingThreshold
	})
	for _, p := range pairs {
		x, y := secA[p.i], secB[p.j]
		d := diffParagraphs(a.slice(x.StartPage, x.Start, x.EndPage, x.End), b.slice(y.StartPage, y.Start, y.EndPage, y.End), cache)
		d.From, d.To, d.Kind, d.HeadingSimilarity = x.Heading, y.Heading, y.Kind, round2(sims[p.i][p.j])
		s.Sections = append(s.Sections, d)
	}
	for _, i := range unmatched(n, pairs, left) {
		s.HeadingsRemoved = append(s.HeadingsRemoved, secA[i].Heading)
	}
	for _, j := range unmatched(m, pairs, right) {
		s.HeadingsAdded = append(s.HeadingsAdded, secB[j].Heading)
	}
	s.HeadingOverlap = round2(2 * float64(len(pairs)) / float64(n+m))
	s.SameStructure = s.HeadingOverlap >= SameStructureThreshold
	return s
}

var blankLine = regexp.MustCompile(`\n[ \t\r\f]*\n`)

// paragraphs splits a section's text into paragraphs at blank lines. Text
// extracted from PDF often has no blank lines; a block of several lines is
// then split after lines that end a sentence.
func paragraphs(text string) []string {
	var out []string
	for _, block := range blankLine.Split(text, -1) {
		lines := strings.Split(block, "\n")
		if len(lines) < 4 {
			out = appendParagraph(out, block)
			continue
		}
		var cur []string
		for _, l := range lines {
			cur = append(cur, l)
			if t := strings.TrimSpace(l); t == "" || strings.ContainsAny(t[len(t)-1:], ".!?:") {
				out = appendParagraph(out, strings.Join(cur, " "))
				cur = nil
			}
		}
		out = appendParagraph(out, strings.Join(cur, " "))
	}
	return out
}

func appendParagraph(out []string, p string) []string {
	if p = strings.Join(strings.Fields(p), " "); p != "" {
		out = append(out, p)
	}
	return out
}

// diffParagraphs sorts the paragraphs of two texts: the same paragraph
// (after white space, case and numbering) is kept, wherever it moved; of
// the rest, pairs whose words reach ChangedThreshold are changed; the
// remainder added or removed.
func diffParagraphs(from, to string, cache tokenCache) SectionDiff {
	d := SectionDiff{ParagraphsChanged: []ParagraphPair{}, ParagraphsAdded: []string{}, ParagraphsRemoved: []string{}}
	left := map[string]int{}
	for _, p := range paragraphs(from) {
		left[paragraphKey(p)]++
	}
	var restFrom, restTo []string
	for _, p := range paragraphs(to) {
		if k := paragraphKey(p); left[k] > 0 {
			left[k]--
			d.ParagraphsKept++
		} else {
			restTo = append(restTo, p)
		}
	}
	for _, p := range paragraphs(from) {
		if k := paragraphKey(p); left[k] > 0 {
			left[k]--
			restFrom = append(restFrom, p)
		}
	}
	m := matchStatements(cache.termsAll(restFrom), cache.termsAll(restTo))
	for _, p := range m.pairs {
		d.ParagraphsChanged = append(d.ParagraphsChanged, ParagraphPair{From: restFrom[p.i], To: restTo[p.j], Similarity: round2(p.score)})
	}
	for _, i := range m.gone {
		d.ParagraphsRemoved = append(d.ParagraphsRemoved, restFrom[i])
	}
	for _, j := range m.added {
		d.ParagraphsAdded = append(d.ParagraphsAdded, restTo[j])
	}
	return d
}

// textSimilarity returns the Dice coefficient of the plans' sets of
// three-stem shingles (all words, stop words too: they hold phrases
// together; within paragraphs) and the cosine of their content-stem
// frequencies.
func textSimilarity(a, b planText, cache tokenCache) (shingles, vocabulary float64) {
	sa, va := textProfile(a.all(), cache)
	sb, vb := textProfile(b.all(), cache)
	shared := 0
	for h := range sa {
		if _, ok := sb[h]; ok {
			shared++
		}
	}
	if len(sa)+len(sb) > 0 {
		shingles = 2 * float64(shared) / float64(len(sa)+len(sb))
	}
	var dot, na, nb float64
	for s, x := range va {
		dot += float64(x * vb[s])
		na += float64(x * x)
	}
	for _, y := range vb {
		nb += float64(y * y)
	}
	if na > 0 && nb > 0 {
		vocabulary = dot / math.Sqrt(na*nb)
	}
	return round2(shingles), round2(vocabulary)
}

// textProfile returns a text's set of hashed three-stem shingles and its
// content-stem counts.
func textProfile(text string, cache tokenCache) (map[uint64]struct{}, map[string]int) {
	shingles := map[uint64]struct{}{}
	vocab := map[string]int{}
	h := fnv.New64a()
	for _, p := range paragraphs(text) {
		toks := cache.tokens(p)
		for i, t := range toks {
			if !t.Stop && !isNumber(t.Lower) {
				vocab[t.Stem]++
			}
			if i+3 > len(toks) {
				continue
			}
			h.Reset()
			for _, u := range toks[i : i+3] {
				h.Write([]byte(u.Stem))
				h.Write([]byte{0})
			}
			shingles[h.Sum64()] = struct{}{}
		}
	}
	return shingles, vocab
}

func (c tokenCache) termsAll(paragraphs []string) []terms {
	out := make([]terms, len(paragraphs))
	for i, p := range paragraphs {
		out[i] = termsOf(c.tokens(p))
	}
	return out
}
