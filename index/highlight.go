package index

import (
	"cmp"
	"html"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of a segment's text.
type span struct{ start, end int }

// fragment is one window of the text with the spans it marks.
type fragment struct {
	start, end int
	marks      []span
}

// fragments returns up to max HTML fragments of about size bytes around
// the spans: the text is HTML-escaped, whitespace runs
// become one space, each span is wrapped in <mark>, and a cut at either end
// shows "…". Spans are byte offsets, so a compound part marks just the
// part: "… <mark>suicid</mark>prevention …". With no spans the text's
// beginning is the one fragment.
func fragments(text string, spans []span, size, max int) []string {
	spans = cleanSpans(text, spans)
	if text == "" {
		return nil
	}
	if len(spans) == 0 {
		end := snapEnd(text, size, 0)
		return []string{render(text, fragment{0, end, nil})}
	}
	var frags []fragment
	for i := 0; i < len(spans); {
		s := spans[i]
		from := s.start - size/4
		if from+size > len(text) { // use the room left at the end
			from = len(text) - size
		}
		start := snapStart(text, from, s.start)
		end := snapEnd(text, start+size, s.end)
		j := i
		for j < len(spans) && spans[j].start < end {
			if spans[j].end > end {
				end = spans[j].end
			}
			j++
		}
		frags = append(frags, fragment{start, end, spans[i:j]})
		i = j
	}
	if len(frags) > max {
		best := make([]fragment, len(frags))
		copy(best, frags)
		sort.SliceStable(best, func(a, b int) bool { return fragScore(text, best[a]) > fragScore(text, best[b]) })
		best = best[:max]
		sort.Slice(best, func(a, b int) bool { return best[a].start < best[b].start })
		frags = best
	}
	out := make([]string, len(frags))
	for i, f := range frags {
		out[i] = render(text, f)
	}
	return out
}

// fragScore prefers fragments that mark more distinct words, then more marks.
func fragScore(text string, f fragment) int {
	distinct := map[string]bool{}
	for _, m := range f.marks {
		distinct[strings.ToLower(text[m.start:m.end])] = true
	}
	return len(distinct)*100 + len(f.marks)
}

// cleanSpans sorts the spans, drops those that do not fit text or cut a
// character, and merges overlapping or touching ones (a word matched whole
// and by part).
func cleanSpans(text string, spans []span) []span {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	out := spans[:0]
	for _, s := range spans {
		if s.start < 0 || s.end > len(text) || s.start >= s.end {
			continue
		}
		if !utf8.RuneStart(text[s.start]) || (s.end < len(text) && !utf8.RuneStart(text[s.end])) {
			continue
		}
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// snapStart moves p forward to a character and then to the start of a
// word, never past limit.
func snapStart(text string, p, limit int) int {
	if p > limit {
		p = limit
	}
	if p <= 0 {
		return 0
	}
	for p < limit && !utf8.RuneStart(text[p]) {
		p++
	}
	r, _ := utf8.DecodeLastRuneInString(text[:p])
	if unicode.IsSpace(r) {
		return p
	}
	if i := strings.IndexFunc(text[p:limit], unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(text[p+i:])
		return p + i + n
	}
	return p
}

// snapEnd moves p back to a character and then to the end of a word,
// never before limit.
func snapEnd(text string, p, limit int) int {
	if p < limit {
		p = limit
	}
	if p >= len(text) {
		return len(text)
	}
	for p > limit && !utf8.RuneStart(text[p]) {
		p--
	}
	for p < len(text) && !utf8.RuneStart(text[p]) { // limit itself cut a character
		p++
	}
	if p == len(text) {
		return p
	}
	r, _ := utf8.DecodeRuneInString(text[p:])
	if unicode.IsSpace(r) {
		return p
	}
	if i := strings.LastIndexFunc(text[limit:p], unicode.IsSpace); i >= 0 {
		return limit + i
	}
	return p
}

// render writes f as HTML.
func render(text string, f fragment) string {
	var b strings.Builder
	if f.start > 0 {
		b.WriteString("… ")
	}
	at := f.start
	for _, m := range f.marks {
		writeText(&b, text[at:m.start])
		b.WriteString("<mark>")
		writeText(&b, text[m.start:m.end])
		b.WriteString("</mark>")
		at = m.end
	}
	writeText(&b, text[at:f.end])
	if f.end < len(text) {
		b.WriteString(" …")
	}
	return strings.TrimSpace(b.String())
}

// writeText writes s HTML-escaped, each run of whitespace as one space.
func writeText(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case '<', '>', '&', '\'', '"':
			b.WriteString(html.EscapeString(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	if space {
		b.WriteByte(' ')
	}
}
