package analyzer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plankoll/plankoll/analyzer/swedish"
)

// unitKind is what a unit of text is: the coder reads a prose sentence,
// a heading, a table-of-contents line, a table row and a list item
// differently.
type unitKind uint8

const (
	uProse unitKind = iota
	uHeading
	uTOC
	uRow
	uItem
	uColumn // the name of a table column whose cells follow as blocks ("Mål", later "Indikator")
)

// token is one word of a page, with byte offsets into the page text.
type token struct {
	text, lower, stem string
	start, end        int
	unit              int // global unit index
	number            bool
}

// unit is a sentence, heading, list item or table row: the span that
// evidence quotes and that rules are evaluated on.
type unit struct {
	page       int // index into doc.pages
	start, end int // byte offsets into the page text
	kind       unitKind
	level      int // heading level
	section    int // index into doc.sections
	tokFrom    int // into doc.pages[page].toks
	tokTo      int
	hitFrom    int // into doc.pages[page].hits
	hitTo      int
	cells      []cellSpan // table cells, when the row could be split
	block      int        // blank-line separated block the unit belongs to
	fired      []firing
}

type cellSpan struct{ start, end int } // byte offsets into the page text

type firing struct {
	r *rule
	h hit
}

type page struct {
	num    int
	text   string
	runeAt []int32 // byte offset -> rune offset
	toks   []token
	hits   []hit
	words  []swedish.Token // the page's words while units are made
	next   int             // first word of words not yet given to a unit
}

// tokenizePages tokenizes all pages in one call, so that the analysis
// chain's memo of stems serves the whole plan, and returns each page's
// words with offsets into that page.
func tokenizePages(pages []PageText) [][]swedish.Token {
	if len(pages) == 0 {
		return nil
	}
	var b strings.Builder
	starts := make([]int, len(pages))
	for i, p := range pages {
		starts[i] = b.Len()
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	all := swedish.Tokenize(b.String())
	out := make([][]swedish.Token, len(pages))
	pi, from := 0, 0
	for i := range all {
		t := &all[i]
		for pi+1 < len(pages) && t.Start >= starts[pi+1] {
			out[pi] = all[from:i]
			pi, from = pi+1, i
		}
		t.Start -= starts[pi]
		t.End -= starts[pi]
	}
	out[pi] = all[from:]
	return out
}

type docSection struct {
	Section
	kind    string
	unit    int // the heading unit, -1 for the text before the first heading
	heading string
	unnamed bool // neither its heading nor a parent heading gave the kind
}

// doc is a plan read into units and sections.
type doc struct {
	cb       *Codebook
	pages    []page
	units    []unit
	sections []docSection
	sources  map[int]cellSpan // unit -> the source columns of its table row (no codes there)
	block    int              // current block while units are made

	goalSpans, indSpans map[int][]cellSpan // unit -> where its goals and indicators stand
	named               bool               // some heading named a kind of section (or the kind was given)
}

// line is one line of a page.
type line struct {
	start, end int // byte offsets of the trimmed line
	text       string
	kind       lineKind
	level      int
}

type lineKind uint8

const (
	lBody lineKind = iota
	lBlank
	lHeader // running header or footer, page number: skipped
	lTOC
	lHeading
	lRow
	lItem
	lColumn
)

func splitLines(text string) []line {
	var out []line
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		raw := text[pos:end]
		lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		t := strings.TrimSpace(raw)
		l := line{start: pos + lead, end: pos + lead + len(t), text: t}
		if t == "" {
			l.kind = lBlank
		}
		out = append(out, l)
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return out
}

// headerKey normalises a line for running-header detection: lower case,
// digits dropped, spaces collapsed.
func headerKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsDigit(r):
		case unicode.IsSpace(r):
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPageNumber reports lines such as "12", "- 12 -", "Sida 3 av 20".
func isPageNumber(s string) bool {
	k := strings.Trim(headerKey(s), " -–|/")
	return k == "" && strings.IndexFunc(s, unicode.IsDigit) >= 0 ||
		k == "sida av" || k == "sida" || k == "s." || k == "page of"
}

// markHeaders marks running headers and footers: short lines near the top
// or bottom of a page that recur on at least three pages and on at least
// a quarter of them, and bare page numbers.
func markHeaders(pl [][]line) {
	edge := func(ls []line, f func(i int)) {
		var idx []int
		for i := range ls {
			if ls[i].kind != lBlank {
				idx = append(idx, i)
			}
		}
		for j, i := range idx {
			if j < 2 || j >= len(idx)-2 {
				f(i)
			}
		}
	}
	count := map[string]int{}
	for _, ls := range pl {
		seen := map[string]bool{}
		edge(ls, func(i int) {
			k := headerKey(ls[i].text)
			if k != "" && len(k) < 120 && !seen[k] {
				seen[k] = true
				count[k]++
			}
		})
	}
	min := len(pl) / 4
	if min < 3 {
		min = 3
	}
	for _, ls := range pl {
		edge(ls, func(i int) {
			if isPageNumber(ls[i].text) || count[headerKey(ls[i].text)] >= min {
				ls[i].kind = lHeader
			}
		})
	}
}

// tocLine reports a table-of-contents line: text ending in a page number,
// after dot leaders or spaces.
func tocLine(s string) (leaders bool, ok bool) {
	s = strings.TrimRight(s, " \t")
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) || len(s)-i > 3 || i == 0 {
		return false, false
	}
	rest := strings.TrimRight(s[:i], " \t")
	if len(rest) == i {
		return false, false // no space before the number
	}
	trimmed := strings.TrimRight(rest, ".… \t_")
	leaders = len(rest)-len(trimmed) >= 2 && strings.ContainsAny(rest[len(trimmed):], ".…_")
	hasLetter := strings.IndexFunc(trimmed, unicode.IsLetter) >= 0
	return leaders, hasLetter && !strings.HasSuffix(trimmed, ".") && utf8.RuneCountInString(trimmed) < 100
}

// markTOC marks table-of-contents lines: dot-leader lines anywhere, and
// runs of lines ending in page numbers on a page that has a contents
// heading or at least four of them.
func markTOC(ls []line) {
	n, contentsHeading := 0, -1
	for i := range ls {
		if ls[i].kind != lBody {
			continue
		}
		low := strings.ToLower(strings.TrimRight(ls[i].text, ":"))
		if low == "innehåll" || low == "innehållsförteckning" {
			contentsHeading = i
		}
		if _, ok := tocLine(ls[i].text); ok {
			n++
		}
	}
	if contentsHeading >= 0 {
		ls[contentsHeading].kind = lTOC
	}
	for i := range ls {
		if ls[i].kind != lBody {
			continue
		}
		leaders, ok := tocLine(ls[i].text)
		if ok && (leaders || n >= 4 || contentsHeading >= 0) {
			ls[i].kind = lTOC
		}
	}
}

var bullets = []string{"•", "-", "–", "—", "*", "·", "▪", "◦", "●", "○", "■", "□", "➢", "✓", "►", "▶", "➤", "→", "⁃", "", "o"}

// itemPrefix returns the length in bytes of a list-item marker at the
// start of s ("• ", "- ", "1. ", "a) "), or 0.
func itemPrefix(s string) int {
	for _, b := range bullets {
		if strings.HasPrefix(s, b) && len(s) > len(b) && (s[len(b)] == ' ' || s[len(b)] == '\t') {
			return len(b) + 1
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 && len(s) > 1 && s[0] >= 'a' && s[0] <= 'h' && s[1] == ')' {
		i = 1
	}
	if i > 0 && i+1 < len(s) && (s[i] == ')' || s[i] == '.') && s[i+1] == ' ' {
		return i + 2
	}
	return 0
}

// numberedHeading returns the depth of a heading number ("3.2 Mål" → 2,
// "4 Insatser" → 1), or 0.
func numberedHeading(s string) int {
	i, depth := 0, 0
	for {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 2 {
			return 0
		}
		depth++
		i = j
		if i < len(s) && s[i] == '.' {
			i++
			if i < len(s) && s[i] >= '0' && s[i] <= '9' {
				continue
			}
		}
		break
	}
	if i >= len(s) || (s[i] != ' ' && s[i] != '\t') {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s[i:]))
	if !unicode.IsUpper(r) {
		return 0
	}
	return depth
}

// wordCount counts space-separated words without allocating.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")\"”’ ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 5
}

// isRow reports a flattened table row: cells separated by " | ", a tab,
// or two or more spaces.
func isRow(s string) bool {
	return strings.Contains(s, " | ") || strings.Contains(s, "\t") || strings.Contains(s, "  ") ||
		strings.HasPrefix(s, "| ")
}

// splitCells returns the cells of a row line (byte offsets relative to s).
func splitCells(s string) []cellSpan {
	var out []cellSpan
	i, start := 0, 0
	flush := func(end int) {
		seg := s[start:end]
		l := len(seg) - len(strings.TrimLeft(seg, " \t|"))
		t := strings.TrimRight(seg, " \t|")
		if len(t) > l {
			out = append(out, cellSpan{start + l, start + len(t)})
		}
	}
	for i < len(s) {
		switch {
		case s[i] == '|' || s[i] == '\t':
			flush(i)
			i++
			start = i
		case s[i] == ' ' && i+1 < len(s) && s[i+1] == ' ':
			flush(i)
			for i < len(s) && s[i] == ' ' {
				i++
			}
			start = i
		default:
			i++
		}
	}
	flush(len(s))
	return out
}

// classifyLines marks headings, rows and items among the body lines of a
// page.
func classifyLines(ls []line) {
	maxLen := 0
	for _, l := range ls {
		if l.kind == lBody && len(l.text) > maxLen {
			maxLen = len(l.text)
		}
	}
	prevEnds := true // the page start counts as a break
	// prevShort: the line before was a short line inside a block (after
	// body text): a list without markers, whose last line is no heading.
	prevShort, blockStart := false, true
	for i := range ls {
		l := &ls[i]
		if l.kind != lBody {
			prevEnds = l.kind != lHeader || prevEnds
			if l.kind == lBlank || l.kind == lTOC {
				prevEnds, prevShort, blockStart = true, false, true
			}
			continue
		}
		t := l.text
		next := nextBody(ls, i)
		switch {
		case captionStart.MatchString(t):
			// "Tabell 2. Mål, indikatorer och källor" names a table: no heading.
		case isRow(t):
			l.kind = lRow
		case strings.HasPrefix(strings.ToLower(t), "bilaga") && wordCount(t) <= 8 && !endsSentence(t):
			l.kind, l.level = lHeading, 1
		case numberedHeading(t) > 0 && wordCount(t) <= 12 && !endsSentence(t) && !strings.HasSuffix(t, ","):
			l.kind, l.level = lHeading, numberedHeading(t)
		case itemPrefix(t) > 0:
			l.kind = lItem
		case isCaps(t) && wordCount(t) <= 10:
			l.kind, l.level = lHeading, 1
		case prevEnds && !prevShort && startsUpper(t) && wordCount(t) <= 8 && len(t) <= 80 &&
			!endsSentence(t) && !strings.HasSuffix(t, ",") && !strings.HasSuffix(t, ";") &&
			(next == nil || itemPrefix(next.text) > 0 || (!shortLine(next) && startsUpper(next.text))):
			// A line wrapped into a lower-case or "(" line is no heading.
			l.kind, l.level = lHeading, 2
		}
		prevShort = shortLine(l) && !blockStart
		blockStart = l.kind == lHeading
		prevEnds = l.kind == lHeading || l.kind == lRow || endsSentence(t) || strings.HasSuffix(t, ":") ||
			(l.kind == lItem && !strings.HasSuffix(t, ",")) || (maxLen > 0 && len(t) < maxLen*6/10 && next != nil && startsUpper(next.text))
	}
}

// columnWords are the names a table column starts with. A page where a
// goal column and an indicator column are named on lines of their own
// holds a table read column by column (the PDF extractor reads a table
// without rules so): each name is followed by its cells as blocks.
var columnWords = map[string]string{"mål": "mal", "delmål": "mal", "effektmål": "mal", "resultatmål": "mal", "målsättning": "mal",
	"indikator": "ind", "indikatorer": "ind", "mått": "ind", "mätetal": "ind", "typ": "typ", "källa": "other", "källor": "other",
	"datakälla": "other", "ansvar": "other", "ansvarig": "other", "huvudansvar": "other", "aktivitet": "other", "aktiviteter": "other",
	"insats": "other", "insatser": "other", "tidsplan": "other", "målvärde": "other", "utfall": "other", "målgrupp": "other",
	"samverkanspart": "other", "uppföljning": "other", "frekvens": "other", "kommentar": "other"}

// columnRole returns the role of a column-name line ("mal", "ind", "typ",
// "other"), or "".
func columnRole(text string) string {
	t := strings.TrimRight(strings.TrimSpace(text), ":")
	if wordCount(t) > 4 || endsSentence(t) || isRow(t) || t == "" {
		return ""
	}
	first := strings.ToLower(strings.Fields(t)[0])
	return columnWords[first]
}

// markColumns marks the column-name lines of a table read column by
// column: at least a goal and an indicator column on the page, with no
// other heading between the first and the last name.
func markColumns(ls []line) {
	var cand []int
	roles := map[string]bool{}
	for i := range ls {
		if ls[i].kind != lHeading && ls[i].kind != lBody {
			continue
		}
		if role := columnRole(ls[i].text); role != "" {
			cand = append(cand, i)
			roles[role] = true
		}
	}
	if !roles["mal"] || !roles["ind"] {
		return
	}
	for i := cand[0]; i <= cand[len(cand)-1]; i++ {
		// Short-line "headings" between the names are cells; a numbered or
		// capitals heading ends the table.
		if ls[i].kind == lHeading && ls[i].level == 1 && columnRole(ls[i].text) == "" {
			return
		}
		if ls[i].kind == lHeading && numberedHeading(ls[i].text) > 0 {
			return
		}
	}
	for _, i := range cand {
		ls[i].kind = lColumn
	}
	// Cells that look like short headings ("Hälsa på lika villkor") are
	// cells, up to the next numbered or capitals heading.
	for i := cand[0] + 1; i < len(ls); i++ {
		if ls[i].kind == lHeading {
			if ls[i].level == 1 || numberedHeading(ls[i].text) > 0 {
				break
			}
			ls[i].kind = lBody
		}
	}
}

// shortLine reports a line that could itself be a heading-like short
// line: two such lines in a row are a list, not headings.
func shortLine(l *line) bool {
	return l.kind == lBody && wordCount(l.text) <= 8 && startsUpper(l.text) && !endsSentence(l.text) && !isRow(l.text)
}

func nextBody(ls []line, i int) *line {
	for j := i + 1; j < len(ls); j++ {
		switch ls[j].kind {
		case lBlank:
			return nil
		case lHeader:
			continue
		}
		return &ls[j]
	}
	return nil
}

var abbreviations = []string{"t.ex.", "bl.a.", "m.m.", "s.k.", "ca.", "jfr.", "resp.", "d.v.s.", "dvs.", "o.s.v.", "osv.", "m.fl.", "t.o.m.", "fr.o.m.", "kap.", "st.", "nr.", "s.", "f.d.", "p.g.a.", "pga.", "enl.", "inkl.", "exkl."}

// sentenceEnds returns byte offsets (relative to s) just after each
// sentence end in a paragraph.
func sentenceEnds(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ')' || s[j] == '"') {
			j++
		}
		if j >= len(s) || (s[j] != ' ' && s[j] != '\n') {
			continue
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\n') {
			k++
		}
		if k >= len(s) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && itemPrefix(s[k:]) == 0 {
			continue
		}
		if c == '.' && isAbbrev(s[:i+1]) {
			continue
		}
		out = append(out, j)
	}
	return out
}

// captionStart matches a table or figure caption at the start of a line.
var captionStart = regexp.MustCompile(`(?i)^(?:tabell|figur|diagram|bild)\s+\d{1,2}[.:]`)

// captionNumber matches the end of "Tabell 2." or "Figur 1.": the
// caption goes on after the period.
var captionNumber = regexp.MustCompile(`(?i)(?:^|[\s(])(?:tabell|figur|diagram|bilaga|bild|kapitel|avsnitt|mål|delmål)\s+\d{1,2}(?:\.\d{1,2})*\.$`)

func isAbbrev(before string) bool {
	if len(before) > 40 {
		before = before[len(before)-40:] // enough for any abbreviation or caption number
	}
	if captionNumber.MatchString(before) {
		return true
	}
	low := strings.ToLower(before)
	for _, a := range abbreviations {
		if strings.HasSuffix(low, a) {
			p := len(low) - len(a)
			if p == 0 || low[p-1] == ' ' || low[p-1] == '(' || low[p-1] == '\n' {
				return true
			}
		}
	}
	return false
}

// joinable reports whether line b may continue the paragraph of line a.
func joinable(a, b *line) bool { return a.kind == lBody && b.kind == lBody }

// parse reads pages into a doc: lines, units, tokens, sections and term
// hits. force, when not empty, puts every unit into a section of that
// kind (passages of the gold set, rule examples).
func (cb *Codebook) parse(pages []PageText, force string) *doc {
	d := &doc{cb: cb}
	pl := make([][]line, len(pages))
	for i, p := range pages {
		pl[i] = splitLines(p.Text)
	}
	if len(pages) >= 3 {
		markHeaders(pl)
	}
	for i := range pl {
		markTOC(pl[i])
		classifyLines(pl[i])
		markColumns(pl[i])
	}
	d.sections = []docSection{{unit: -1, kind: "ovrigt"}}
	if force != "" {
		d.sections[0].kind = force
	}
	words := tokenizePages(pages)
	for i, p := range pages {
		d.pages = append(d.pages, page{num: p.Page, text: p.Text, runeAt: runeIndex(p.Text), words: words[i],
			toks: make([]token, 0, len(words[i]))})
		d.addUnits(i, pl[i], force)
		d.pages[i].words = nil
	}
	for i := range d.pages {
		pg := &d.pages[i]
		pg.hits = cb.terms.matchAll(pg.toks)
		h := 0
		for u := range d.units {
			un := &d.units[u]
			if un.page != i {
				continue
			}
			for h < len(pg.hits) && pg.hits[h].from < un.tokFrom {
				h++
			}
			un.hitFrom = h
			e := h
			for e < len(pg.hits) && pg.hits[e].from < un.tokTo {
				e++
			}
			un.hitTo = e
		}
	}
	d.classifySections(force)
	for u := range d.units {
		d.units[u].fired = cb.evalUnit(d, u)
	}
	if force == "" {
		d.classifyByContent()
	}
	return d
}

// runeIndex maps every byte offset of s (and len(s)) to the code-point
// offset of the rune it falls in, counting as []rune(s) does.
func runeIndex(s string) []int32 {
	idx := make([]int32, len(s)+1)
	for i := range idx {
		idx[i] = -1
	}
	n := int32(0)
	for i := range s {
		idx[i] = n
		n++
	}
	idx[len(s)] = n
	for i := 1; i < len(s); i++ {
		if idx[i] < 0 {
			idx[i] = idx[i-1]
		}
	}
	return idx
}

// addUnits turns the lines of page i into units and tokens.
func (d *doc) addUnits(pi int, ls []line, force string) {
	pg := &d.pages[pi]
	d.block++
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		switch l.kind {
		case lBlank:
			d.block++
			continue
		case lHeader:
			continue
		case lColumn:
			d.addUnit(pi, l.start, l.end, uColumn, 0)
			d.block++
		case lHeading:
			d.addUnit(pi, l.start, l.end, uHeading, l.level)
			if force == "" {
				d.sections = append(d.sections, docSection{unit: len(d.units) - 1, heading: l.text})
				s := &d.sections[len(d.sections)-1]
				s.Heading, s.Level, s.StartPage, s.Start = l.text, l.level, pg.num, int(pg.runeAt[l.start])
			}
			d.units[len(d.units)-1].section = len(d.sections) - 1
		case lTOC:
			d.addUnit(pi, l.start, l.end, uTOC, 0)
		case lRow:
			u := d.addUnit(pi, l.start, l.end, uRow, 0)
			for _, c := range splitCells(l.text) {
				u.cells = append(u.cells, cellSpan{l.start + c.start, l.start + c.end})
			}
		case lItem:
			end := l.end
			for i+1 < len(ls) && ls[i+1].kind == lBody && !startsUpper(ls[i+1].text) {
				i++
				end = ls[i].end
			}
			d.addUnit(pi, l.start, end, uItem, 0)
		default:
			end := l.end
			for {
				if i+1 < len(ls) && joinable(&ls[i], &ls[i+1]) && !breakAfter(&ls[i], &ls[i+1], ls) {
					i++
					end = ls[i].end
					continue
				}
				// A blank line inside a sentence (a layout break): the
				// paragraph goes on when the next line starts in lower case.
				if i+2 < len(ls) && ls[i+1].kind == lBlank && ls[i+2].kind == lBody && !endsSentence(ls[i].text) &&
					!strings.HasSuffix(ls[i].text, ":") && startsLower(ls[i+2].text) {
					i += 2
					end = ls[i].end
					continue
				}
				break
			}
			d.addProse(pi, l.start, end)
		}
	}
}

// breakAfter reports a line break that ends a unit although no sentence
// ends there: a short line without final punctuation followed by a line
// that starts in upper case (lists and tables without markers).
func breakAfter(a, b *line, ls []line) bool {
	if endsSentence(a.text) || !startsUpper(b.text) {
		return false
	}
	t := strings.TrimRight(a.text, " ")
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "–") {
		return false
	}
	last := strings.ToLower(lastWord(t))
	switch last {
	case "och", "att", "för", "i", "av", "med", "som", "till", "på", "en", "ett", "de", "den", "det",
		"samt", "eller", "inom", "från", "om", "mellan", "kring", "vid", "under", "genom", "är", "ska":
		return false
	}
	if strings.HasSuffix(t, ":") {
		return true
	}
	maxLen := 0
	for _, l := range ls {
		if l.kind == lBody && len(l.text) > maxLen {
			maxLen = len(l.text)
		}
	}
	return len(a.text) < maxLen*7/10
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,;:")
}

// addProse splits a paragraph into sentence units.
func (d *doc) addProse(pi, start, end int) {
	text := d.pages[pi].text[start:end]
	from := 0
	for _, e := range append(sentenceEnds(text), len(text)) {
		seg := text[from:e]
		lead := len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
		t := strings.TrimSpace(seg)
		if t != "" {
			d.addUnit(pi, start+from+lead, start+from+lead+len(t), uProse, 0)
		}
		from = e
	}
}

func (d *doc) addUnit(pi, start, end int, kind unitKind, level int) *unit {
	pg := &d.pages[pi]
	ui := len(d.units)
	d.units = append(d.units, unit{page: pi, start: start, end: end, kind: kind, level: level,
		section: len(d.sections) - 1, tokFrom: len(pg.toks), block: d.block})
	for pg.next < len(pg.words) && pg.words[pg.next].Start < start {
		pg.next++
	}
	for ; pg.next < len(pg.words) && pg.words[pg.next].End <= end; pg.next++ {
		t := &pg.words[pg.next]
		pg.toks = append(pg.toks, token{text: t.Text, lower: t.Lower, stem: t.Stem,
			start: t.Start, end: t.End, unit: ui, number: isNumber(t.Text)})
	}
	d.units[ui].tokTo = len(pg.toks)
	return &d.units[ui]
}

// isNumber reports a number token: digits, possibly with inner
// separators ("4.1", "100 000" comes as two tokens, "2,5").
func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '.' || r == ',' || r == ':':
		default:
			return false
		}
	}
	return digits > 0
}

// unitText returns the text of a unit as it stands in its page.
func (d *doc) unitText(u int) string {
	un := &d.units[u]
	return d.pages[un.page].text[un.start:un.end]
}

// evidence returns the evidence for a unit: its sentence with code-point
// offsets.
func (d *doc) evidence(u int) Evidence {
	un := &d.units[u]
	pg := &d.pages[un.page]
	return Evidence{Page: pg.num, Section: d.sections[un.section].kind, Text: pg.quote(un.start, un.end),
		Start: int(pg.runeAt[un.start]), End: int(pg.runeAt[un.end])}
}

// quote returns the page text between byte offsets start and end as the
// API promises it: []rune(page)[runeAt[start]:runeAt[end]]. That is the
// text itself, except that invalid UTF-8 bytes become U+FFFD one by one,
// as a []rune conversion makes them.
func (pg *page) quote(start, end int) string {
	s := pg.text[start:end]
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

func (d *doc) kind(u int) string { return d.sections[d.units[u].section].kind }
