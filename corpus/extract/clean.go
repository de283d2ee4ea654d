package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// noteMark is a footnote's number glued to its first word at a line start.
var noteMark = regexp.MustCompile(`^(\d{1,3})\p{Lu}\p{Ll}`)

// leaders are the dots or rules of a table of contents' leader tabs.
var leaders = regexp.MustCompile(`(?:\. ?){4,}|[·…_]{4,}`)

// cleanLine normalises one line of extracted text: NFKC (ligatures such
// as "ﬂ" become "fl"), no U+FFFD, private-use or control characters, no
// soft hyphens (one at the line's end, where a word processor breaks a
// word, becomes "-" for joinHyphens), no leader dots, single spaces, no
// spaces at the ends.
func cleanLine(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if strings.HasSuffix(s, "\u00ad") {
		s = strings.TrimSuffix(s, "\u00ad") + "-"
	}
	s = norm.NFKC.String(s)
	if m := noteMark.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[3]] + " " + s[m[3]:] // "1Beslutet" → "1 Beslutet"
	}
	if strings.Contains(s, "....") || strings.Contains(s, ". . . .") || strings.ContainsAny(s, "·…_") {
		s = leaders.ReplaceAllString(s, " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r == '\u00ad', r == '\ufeff', r == '\u200b',
			unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r):
			continue
		case unicode.IsSpace(r), unicode.IsControl(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// keepHyphenBefore lists words that follow a suspended compound part:
// "vård- och omsorgsförvaltning" keeps its dash at a line end.
var keepHyphenBefore = map[string]bool{
	"och": true, "eller": true, "samt": true, "respektive": true, "resp": true,
	"resp.": true, "till": true, "som": true, "men": true, "liksom": true,
	"alternativt": true, "plus": true, "&": true, "and": true, "or": true,
	"to": true, "utan": true, "med": true,
}

// joinHyphens joins a word split at a line end: "suicid-" + "prevention"
// → "suicidprevention". The dash stays when the next word is a
// conjunction ("vård- och"), after an acronym, digit or single letter
// ("SIP-samordnare", "2025-2027", "e-hälsa") and before a capital
// ("Jämtland-Härjedalen"). Blank lines (block breaks) are crossed only
// when the next line starts in lower case, as when a column or a table
// cell breaks inside a word; the break then goes, for the paragraph
// continues.
func joinHyphens(lines []string) []string {
	drop := make([]bool, len(lines))
	for i := 0; i < len(lines); i++ {
		stem, ok := hyphenStem(lines[i])
		if !ok || drop[i] {
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j] == "" {
			j++
		}
		if j >= len(lines) {
			break
		}
		word, rest, _ := strings.Cut(lines[j], " ")
		first, _ := utf8.DecodeRuneInString(word)
		if keepHyphenBefore[strings.ToLower(word)] || !unicode.IsLetter(first) && !unicode.IsDigit(first) ||
			j > i+1 && !unicode.IsLower(first) {
			continue
		}
		part := stem[strings.LastIndexAny(stem, " -/")+1:]
		if keepDash(part, word) {
			lines[i] += word
		} else {
			lines[i] = stem + word
		}
		lines[j] = rest
		for k := i + 1; k < j; k++ {
			drop[k] = true
		}
		if rest == "" {
			drop[j] = true
		}
		i-- // the joined line may end in a dash again: "själv-skade-beteende"
	}
	out := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// hyphenStem returns line without its final dash when it ends in a letter
// or digit followed by a hyphen.
func hyphenStem(line string) (string, bool) {
	last, n := utf8.DecodeLastRuneInString(line)
	if last != '-' && last != '\u2010' && last != '\u2011' {
		return "", false
	}
	stem := line[:len(line)-n]
	prev, _ := utf8.DecodeLastRuneInString(stem)
	return stem, unicode.IsLetter(prev) || unicode.IsDigit(prev)
}

// keepDash reports whether a dash at a line end belongs to the word: after
// an acronym, a digit or a single letter, or before a capital or digit.
// In text set in capitals ("KOM-" + "MUNER") the dash goes, as in lower
// case.
func keepDash(part, nextWord string) bool {
	next, _ := utf8.DecodeRuneInString(nextWord)
	if allUpper(part) && allUpper(nextWord) && utf8.RuneCountInString(nextWord) >= 2 {
		return false
	}
	if unicode.IsUpper(next) || unicode.IsDigit(next) {
		return true
	}
	n := utf8.RuneCountInString(part)
	if n <= 1 {
		return true
	}
	upper := 0
	for _, r := range part {
		if unicode.IsDigit(r) {
			return true
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && upper*2 >= n
}

// allUpper reports whether s has letters and all of them are capitals.
func allUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// pageText joins cleaned lines: "\n" inside a block, a blank line between
// blocks (paragraphs).
func pageText(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}
