package swedish

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range of a text: text[Start:End].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentences splits text into sentences, list items, headings and table
// rows, as byte spans with surrounding white space trimmed.
//
// A sentence ends at ".", "!", "?" or "…" followed by white space, unless
// the word before is an abbreviation ("bl.a.", "t.ex.", "ca.", "kap.",
// "s.k."; "m.m.", "osv." and "etc." end one only before a capital) or a
// list number at the start of a line ("1."). A line break ends a sentence
// when the line is blank, a list item (unless the next line carries it on
// in lower case), a table row (tab, "|" or wide gaps: see isTableRow), a heading
// (a short line without final punctuation before a capitalised line), ends
// with ":", or when the next line is a list item or a table row.
// Otherwise a line break is a wrapped line and the sentence goes on. A
// table row is never cut inside.
func Sentences(text string) []Span {
	var cuts []int
	lines := splitLines(text)
	for i, ln := range lines {
		if !isTableRow(text[ln.start:ln.end]) { // a table row is one span, whatever its cells say
			cuts = append(cuts, sentenceEnds(text, ln)...)
		}
		var next *line
		if i+1 < len(lines) {
			next = &lines[i+1]
		}
		if breaksAfter(text, ln, next) {
			cuts = append(cuts, ln.end)
		}
	}
	return spansBetween(text, cuts)
}

type line struct{ start, end int } // end excludes the line break

func splitLines(text string) []line {
	var out []line
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			end := i
			if end > start && text[end-1] == '\r' {
				end--
			}
			out = append(out, line{start, end})
			start = i + 1
		}
	}
	return append(out, line{start, len(text)})
}

func breaksAfter(text string, ln line, next *line) bool {
	s := strings.TrimSpace(text[ln.start:ln.end])
	if s == "" || next == nil {
		return true
	}
	n := strings.TrimSpace(text[next.start:next.end])
	switch {
	case n == "", isTableRow(text[ln.start:ln.end]), strings.HasSuffix(s, ":"):
		return true
	case isListItem(n), isTableRow(text[next.start:next.end]):
		return true
	case isListItem(s):
		return !continues(s, n)
	}
	return isHeading(s, n)
}

// continues reports whether next carries on the list item s: s has no
// final punctuation and next starts in lower case.
func continues(s, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	first, _ := utf8.DecodeRuneInString(next)
	return !strings.ContainsRune(".!?", last) && unicode.IsLower(first)
}

// isHeading: a short line (at most 70 letters, 10 words) that starts
// with a capital or a number, has no final punctuation, does not end in a
// stop word ("samarbetar med" is a wrapped line, even before "Region"),
// and is followed by a line that starts with a capital.
func isHeading(s, next string) bool {
	if utf8.RuneCountInString(s) > 70 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;!?-–", last) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 10 || isStopWord(lower(words[len(words)-1])) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	nf, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsUpper(first) || unicode.IsDigit(first)) && (unicode.IsUpper(nf) || unicode.IsDigit(nf))
}

var bullets = "•-–—*▪○◦·‣⁃➢►✓✔■□"

func isListItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(bullets, r) || r == '\uf0b7' {
		return size < len(s) && (s[size] == ' ' || s[size] == '\t')
	}
	// "1.", "1)", "3.2", "3.2.1", "a)", "b."
	i := 0
	for i < len(s) && (isDigitByte(s[i]) || (s[i] == '.' && i > 0 && isDigitByte(s[i-1]))) {
		i++
	}
	if i == 0 && len(s) > 1 && s[0] >= 'a' && s[0] <= 'z' && (s[1] == ')' || s[1] == '.') {
		i = 2
		return i < len(s) && s[i] == ' '
	}
	if i == 0 || i > 8 {
		return false
	}
	if i < len(s) && s[i] == ')' {
		i++
	}
	return i < len(s) && (s[i] == ' ' || s[i] == '\t')
}

// isTableRow: a tab or "|" between cells, a gap of three spaces, or two
// gaps of two spaces in a line without final punctuation. A single double
// space is what justified prose leaves behind, not a column.
func isTableRow(s string) bool {
	t := strings.TrimSpace(s)
	if strings.ContainsAny(t, "\t|") || strings.Contains(t, "   ") {
		return true
	}
	return strings.Count(t, "  ") >= 2 && !strings.HasSuffix(t, ".")
}

// abbreviations never end a sentence; softAbbreviations end one only
// before a capital.
var abbreviations = map[string]bool{
	"bl.a": true, "t.ex": true, "s.k": true, "ca": true, "kap": true,
	"dvs": true, "d.v.s": true, "p.g.a": true, "pga": true, "inkl": true,
	"exkl": true, "jfr": true, "enl": true, "nr": true, "resp": true,
	"fr.o.m": true, "t.o.m": true, "st": true, "ang": true, "bl": true,
	"t": true, "ex": true, "s": true, "f.d": true, "o": true, "sid": true,
	"tel": true, "e.d": true, "kl": true, "ff": true,
	"prop": true, "skr": true, "dnr": true, "jmf": true, "mkr": true,
	"milj": true, "tkr": true, "d": true, "a": true, "m": true, "ev": true,
	"bet": true, "sfs": true, "sou": true, "p": true, "s.a": true,
	"uppl": true, "tf": true, "stf": true, "forts": true, "föreg": true,
}

var softAbbreviations = map[string]bool{
	"m.m": true, "osv": true, "o.s.v": true, "etc": true, "m.fl": true,
	"mm": true, "mfl": true, "o.dyl": true, "m.m.fl": true,
	// also words ("en bil. Sedan"), so only before a number or lower case
	"bil": true, "tab": true, "fig": true, "avsn": true, "avd": true,
	"ref": true, "vol": true, "sek": true, "obs": true, "adm": true,
}

// sentenceEnds returns the cut points inside one line.
func sentenceEnds(text string, ln line) []int {
	var cuts []int
	s := text[ln.start:ln.end]
	for i := 0; i < len(s); i++ {
		c := s[i]
		ellipsis := strings.HasPrefix(s[i:], "…")
		if c != '.' && c != '!' && c != '?' && !ellipsis {
			continue
		}
		end := i + 1
		if ellipsis {
			end = i + len("…")
		}
		for end < len(s) && strings.ContainsRune(".!?", rune(s[end])) {
			end++
		}
		for end < len(s) && strings.ContainsRune(")]\"'", rune(s[end])) {
			end++
		}
		for end < len(s) && strings.HasPrefix(s[end:], "”") {
			end += len("”")
		}
		if end < len(s) && s[end] != ' ' && s[end] != '\t' {
			i = end - 1
			continue
		}
		if c == '.' && !endsSentence(s, i, end) {
			i = end - 1
			continue
		}
		cuts = append(cuts, ln.start+end)
		i = end - 1
	}
	return cuts
}

// endsSentence decides for a "." at s[dot] whose punctuation run ends at end.
func endsSentence(s string, dot, end int) bool {
	// The word before the dot, with inner dots ("t.ex", "bl.a").
	j := dot
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !(isWordRune(r) || r == '.') {
			break
		}
		j -= size
	}
	word := strings.ToLower(s[j:dot])
	rest := strings.TrimLeft(s[end:], " \t")
	nf, _ := utf8.DecodeRuneInString(rest)
	nextCapital := rest == "" || unicode.IsUpper(nf) || unicode.IsDigit(nf) || strings.ContainsRune("\"”»•-–", nf)
	if word == "" {
		return nextCapital
	}
	if abbreviations[word] {
		return false
	}
	if softAbbreviations[word] {
		return rest == "" || unicode.IsUpper(nf)
	}
	if allDigits(word) && strings.TrimSpace(s[:j]) == "" {
		return false // a list number: "1. Öka ..."
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsLetter(nf) && !unicode.IsUpper(nf) {
		return false // an initial or one-letter abbreviation before lower case
	}
	return nextCapital || !unicode.IsLetter(nf)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) && s[i] != '.' {
			return false
		}
	}
	return s != ""
}

// spansBetween cuts text at cuts (sorted or not) and trims each piece.
func spansBetween(text string, cuts []int) []Span {
	var out []Span
	prev := 0
	emit := func(a, b int) {
		for a < b {
			r, size := utf8.DecodeRuneInString(text[a:])
			if !unicode.IsSpace(r) {
				break
			}
			a += size
		}
		for b > a {
			r, size := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= size
		}
		if b > a {
			out = append(out, Span{a, b})
		}
	}
	for _, c := range sortedUnique(cuts) {
		if c > prev {
			emit(prev, c)
			prev = c
		}
	}
	emit(prev, len(text))
	return out
}

func sortedUnique(xs []int) []int {
	// Cuts come in increasing order per line and lines in order, except
	// that a line's own end can equal its last sentence end.
	out := xs[:0:0]
	for _, x := range xs {
		if len(out) == 0 || x > out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
