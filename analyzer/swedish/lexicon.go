package swedish

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed lexicon.txt
var lexiconText string

//go:embed stopwords.txt
var stopwordsText string

// rulesVersion names the code rules (tokenizer, post-stem fixes, splitter).
// Bump it whenever a rule changes what AnalyzeIndex returns.
const rulesVersion = "sv-rules-11"

// Lexicon is the word list the compound splitter and the stemmer consult.
// The default one is embedded (lexicon.txt); With adds words, for example
// words seen standing alone in the indexed corpus. A Lexicon is immutable
// and safe for concurrent use.
type Lexicon struct {
	words     map[string]bool     // words and lemmas that may be compound parts
	bound     map[string]bool     // combining forms, first parts only ("föräldra")
	blocked   map[string]bool     // never a part ("ända", "het")
	whole     map[string]bool     // words kept whole on purpose ("måltid")
	prefixes  map[string]bool     // every prefix of a word or combining form
	lexStems  map[string]string   // simpleStem of every word, computed once
	compounds map[string][]string // explicit splits, "anhörig+stöd"
	// compoundStems maps the stem of an explicit compound to the compound.
	compoundStems map[string]string
	version       string
}

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l := newLexicon()
	l.load(lexiconText)
	l.finish(nil)
	return l
})

// DefaultLexicon returns the embedded lexicon.
func DefaultLexicon() *Lexicon { return defaultLexicon() }

func newLexicon() *Lexicon {
	return &Lexicon{
		words:     map[string]bool{},
		bound:     map[string]bool{},
		blocked:   map[string]bool{},
		whole:     map[string]bool{},
		prefixes:  map[string]bool{},
		lexStems:  map[string]string{},
		compounds: map[string][]string{},

		compoundStems: map[string]string{},
	}
}

// load reads the lexicon format: one entry a line, "#" starts a comment.
//
//	word        a word; may be a compound part, is never split itself
//	head+tail   a known compound, split there (parts become words)
//	form-       a combining form, used as a first part only
//	!word       never a part, whatever else says so
//	=word       a word that could split but must not ("måltid" is no "mål")
func (l *Lexicon) load(text string) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, e := range strings.Fields(line) {
			l.addEntry(lower(e))
		}
	}
}

func (l *Lexicon) addEntry(e string) {
	switch {
	case strings.HasPrefix(e, "!"):
		l.blocked[e[1:]] = true
	case strings.HasPrefix(e, "="):
		l.words[e[1:]] = true
		l.whole[e[1:]] = true
	case strings.HasSuffix(e, "-"):
		l.bound[strings.TrimSuffix(e, "-")] = true
	case strings.Contains(e, "+"):
		parts := strings.Split(e, "+")
		l.compounds[strings.Join(parts, "")] = parts
		for _, p := range parts[1:] {
			l.words[p] = true
		}
	default:
		l.words[e] = true
	}
}

// finish computes the derived tables and the version hash.
func (l *Lexicon) finish(extra []string) {
	for w := range l.blocked {
		delete(l.words, w)
	}
	for w := range l.words {
		s := l.simpleStem(w)
		l.lexStems[w] = s
		addPrefixes(l.prefixes, w)
	}
	for w := range l.bound {
		addPrefixes(l.prefixes, w)
	}
	for w := range l.compounds {
		l.compoundStems[l.simpleStem(w)] = w
	}
	h := sha256.New()
	h.Write([]byte(rulesVersion))
	h.Write([]byte{0})
	h.Write([]byte(lexiconText))
	h.Write([]byte{0})
	h.Write([]byte(stopwordsText))
	for _, w := range extra {
		h.Write([]byte{0})
		h.Write([]byte(w))
	}
	l.version = "sv-" + hex.EncodeToString(h.Sum(nil))[:16]
}

func addPrefixes(m map[string]bool, w string) {
	for i := range w {
		if i > 0 {
			m[w[:i]] = true
		}
	}
	m[w] = true
}

// With returns a copy of l that also knows words (lower case, lexicon
// entry syntax). Use it to add words seen standing alone in the corpus;
// pass them sorted, so that the version is deterministic.
func (l *Lexicon) With(words ...string) *Lexicon {
	n := newLexicon()
	for k, v := range l.words {
		n.words[k] = v
	}
	for k, v := range l.bound {
		n.bound[k] = v
	}
	for k, v := range l.blocked {
		n.blocked[k] = v
	}
	for k, v := range l.compounds {
		n.compounds[k] = v
	}
	for k, v := range l.whole {
		n.whole[k] = v
	}
	extra := make([]string, 0, len(words))
	for _, w := range words {
		w = lower(strings.TrimSpace(w))
		if w == "" {
			continue
		}
		n.addEntry(w)
		extra = append(extra, w)
	}
	n.finish(extra)
	return n
}

// Version identifies what this lexicon's analysis produces: a hash of
// the rules, the lexicon, the stop words and any added words.
func (l *Lexicon) Version() string { return l.version }

// Version returns the default analysis version: it changes whenever the
// lexicon, the stop words or the rules change, so an index built with an
// older chain can be noticed and rebuilt.
func Version() string { return defaultLexicon().version }

// Has reports whether w (lower case) is a word of the lexicon.
func (l *Lexicon) Has(w string) bool { return l.words[w] }

// Len returns the number of words in the lexicon.
func (l *Lexicon) Len() int { return len(l.words) }

var stopWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(stopwordsText, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
})

// IsStopWord reports whether the lower-case word is a Swedish stop word.
func IsStopWord(lowerWord string) bool { return stopWords()[lowerWord] }

func isStopWord(w string) bool { return stopWords()[w] }

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Standalone returns words of texts that could extend the lexicon (pass
// them to With): lower-case words of at least five letters, letters only,
// that stand alone at least minCount times and are not stop words,
// blocked, lexicon words or inflections of them, or compounds of them.
// The result is sorted, so the extended Version is deterministic. A part
// found this way counts because it also occurs as a word of its own.
func (l *Lexicon) Standalone(minCount int, texts ...string) []string {
	counts := map[string]int{}
	for _, text := range texts {
		l.scan(text, func(start, end int, kind TokenKind) {
			if kind != KindWord {
				return
			}
			w := lower(text[start:end])
			if runeLen(w) >= 5 && lettersOnly(w) && !isStopWord(w) {
				counts[w]++
			}
		})
	}
	var out []string
	for w, n := range counts {
		if n < minCount || l.blocked[w] || l.atomic(w) || l.splitParts(w) != nil {
			continue
		}
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
