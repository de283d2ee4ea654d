// Package swedish is Plankoll's one Swedish text-analysis chain, shared by
// the search index and the coder: Unicode word tokens, lower case, stop
// words, Snowball stems (with post-stem fixes for the domain) and compound
// parts.
//
// It is pure: text in, tokens out. No files, no clock, no logging.
package swedish

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/swedish"
)

// Token is one word of the input. Start and End are byte offsets into the
// analysed text, so that text[Start:End] is the word as written.
type Token struct {
	Text     string // the word as written
	Lower    string // lower-cased
	Stem     string // stem of Lower
	Position int    // 0-based word position
	Start    int
	End      int
	Stop     bool // a stop word
}

// Tokenize splits text into words: runs of letters and digits, keeping
// inner hyphens and apostrophes out (they split words).
func Tokenize(text string) []Token {
	var toks []Token
	start := -1
	for i, r := range text {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if isWord && start < 0 {
			start = i
		} else if !isWord && start >= 0 {
			toks = appendTok(toks, text, start, i)
			start = -1
		}
	}
	if start >= 0 {
		toks = appendTok(toks, text, start, len(text))
	}
	return toks
}

func appendTok(toks []Token, text string, start, end int) []Token {
	w := text[start:end]
	low := strings.ToLower(w)
	return append(toks, Token{Text: w, Lower: low, Stem: Stem(low), Position: len(toks), Start: start, End: end})
}

// Stem returns the Swedish Snowball stem of a lower-case word.
func Stem(word string) string {
	if utf8.RuneCountInString(word) < 3 {
		return word
	}
	return swedish.Stem(word, false)
}
