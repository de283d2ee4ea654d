package analyzer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plankoll/plankoll/analyzer/swedish"
)

// A pattern is one or more words that must follow each other. Each word
// is written as:
//
//	äldre     the word in any inflection (same stem: "äldres"), or as the
//	          first part of a compound ("äldreomsorgen", "äldrevården")
//	brukar*   any word beginning so (prefix wildcard)
//	*vård     any word ending in the stem (last part of a compound:
//	          "hälsovården")
//	*suicid*  any word containing it
//	=mig      exactly this word, no inflection
//	SIP       a word written in capitals is an acronym: case-sensitive
//	          ("MI" never matches "mi" or "mig")
//	?         any one word
//	#         any number
type wordKind uint8

const (
	wStem wordKind = iota
	wPrefix
	wSuffix
	wContains
	wExact
	wCase
	wAny
	wNumber
)

type wordMatcher struct {
	kind wordKind
	s    string // lower-case form (stem for wStem/wSuffix; as written for wCase)
	full string // the word as written, lower-cased (wStem)
}

type term struct {
	src   string
	words []wordMatcher
}

// termSet holds every distinct pattern of a codebook, compiled once, and
// an index from a word's first two letters to the patterns that can begin
// there, so that matching a page is one pass over its words.
type termSet struct {
	terms   []term
	ids     map[string]int
	bucket  map[string][]int // first two lower-case runes -> term ids (first words of two runes)
	bucket3 map[string][]int // first three lower-case runes -> term ids
	stems   map[string][]int // exact stem -> term ids (wStem first words)
	other   []int            // term ids whose first word can't be bucketed
}

func newTermSet() *termSet {
	return &termSet{ids: map[string]int{}, bucket: map[string][]int{}, bucket3: map[string][]int{}, stems: map[string][]int{}}
}

// add compiles a pattern and returns its id; the same pattern text gets the
// same id.
func (ts *termSet) add(src string) (int, error) {
	if id, ok := ts.ids[src]; ok {
		return id, nil
	}
	t, err := parseTerm(src)
	if err != nil {
		return 0, err
	}
	id := len(ts.terms)
	ts.terms = append(ts.terms, t)
	ts.ids[src] = id
	return id, nil
}

func (ts *termSet) freeze() {
	for id, t := range ts.terms {
		w := t.words[0]
		switch w.kind {
		case wStem:
			ts.stems[w.s] = append(ts.stems[w.s], id)
			if utf8.RuneCountInString(w.s) >= 3 {
				ts.bucket3[keyN(w.s, 3)] = append(ts.bucket3[keyN(w.s, 3)], id)
			}
		case wPrefix, wExact, wCase:
			low := strings.ToLower(w.s)
			switch {
			case utf8.RuneCountInString(low) >= 3:
				ts.bucket3[keyN(low, 3)] = append(ts.bucket3[keyN(low, 3)], id)
			case key2(low) != "":
				ts.bucket[key2(low)] = append(ts.bucket[key2(low)], id)
			default:
				ts.other = append(ts.other, id)
			}
		default:
			ts.other = append(ts.other, id)
		}
	}
}

// keyN returns the first n runes of s, or "" if s is shorter.
func keyN(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return ""
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// key2 returns the first two runes of s, or "" if s is shorter.
func key2(s string) string {
	_, n1 := utf8.DecodeRuneInString(s)
	if n1 == 0 || n1 >= len(s) {
		return ""
	}
	_, n2 := utf8.DecodeRuneInString(s[n1:])
	return s[:n1+n2]
}

func parseTerm(src string) (term, error) {
	fields := strings.Fields(src)
	if len(fields) == 0 {
		return term{}, fmt.Errorf("empty pattern")
	}
	t := term{src: src}
	for _, f := range fields {
		w, err := parseWord(f)
		if err != nil {
			return term{}, err
		}
		t.words = append(t.words, w)
	}
	if k := t.words[0].kind; k == wAny {
		return term{}, fmt.Errorf("a pattern cannot begin with ?")
	}
	return t, nil
}

func parseWord(f string) (wordMatcher, error) {
	switch f {
	case "?":
		return wordMatcher{kind: wAny}, nil
	case "#":
		return wordMatcher{kind: wNumber}, nil
	}
	exact := strings.HasPrefix(f, "=")
	if exact {
		f = f[1:]
	}
	pre := strings.HasSuffix(f, "*")
	suf := strings.HasPrefix(f, "*")
	core := strings.Trim(f, "*")
	if core == "" || strings.ContainsAny(core, "*?#=") {
		return wordMatcher{}, fmt.Errorf("bad word %q", f)
	}
	for _, r := range core {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			return wordMatcher{}, fmt.Errorf("bad word %q: only letters and digits (words are split at %q)", f, r)
		}
	}
	if exact && (pre || suf) {
		return wordMatcher{}, fmt.Errorf("bad word %q: = and * do not combine", f)
	}
	lower := strings.ToLower(core)
	switch {
	case exact:
		return wordMatcher{kind: wExact, s: lower}, nil
	case pre && suf:
		return wordMatcher{kind: wContains, s: lower}, nil
	case pre:
		return wordMatcher{kind: wPrefix, s: lower}, nil
	case suf:
		return wordMatcher{kind: wSuffix, s: swedish.Stem(lower), full: lower}, nil
	case isAcronym(core):
		return wordMatcher{kind: wCase, s: core}, nil
	}
	return wordMatcher{kind: wStem, s: swedish.Stem(lower), full: lower}, nil
}

// isAcronym reports whether a word is written in capitals (two or more
// letters, all upper case): such words match case-sensitively.
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// inflections are endings that may follow a stem in the same word without
// making a compound ("behovet", "målen"): Snowball leaves some of them on.
var inflections = map[string]bool{"": true, "a": true, "e": true, "n": true, "s": true, "t": true,
	"en": true, "et": true, "er": true, "ar": true, "or": true, "na": true, "ns": true, "ts": true,
	"ens": true, "ets": true, "ers": true, "ars": true, "ors": true, "nas": true, "rna": true,
	"arna": true, "erna": true, "orna": true, "ade": true, "ande": true, "ende": true}

func (w *wordMatcher) match(t *token) bool {
	switch w.kind {
	case wStem:
		if t.stem == w.s || t.lower == w.full {
			return true
		}
		if !strings.HasPrefix(t.lower, w.s) {
			return false
		}
		rest := t.lower[len(w.s):]
		if inflections[rest] {
			return true
		}
		// The first part of a compound: a real word after it.
		return utf8.RuneCountInString(w.s) >= 4 && utf8.RuneCountInString(rest) >= 4
	case wPrefix:
		return strings.HasPrefix(t.lower, w.s)
	case wSuffix:
		return strings.HasSuffix(t.stem, w.s) || strings.HasSuffix(t.lower, w.full)
	case wContains:
		return strings.Contains(t.lower, w.s)
	case wExact:
		return t.lower == w.s
	case wCase:
		if t.text == w.s {
			return true
		}
		if utf8.RuneCountInString(w.s) < 3 || !strings.HasPrefix(t.text, w.s) {
			return false
		}
		rest := t.text[len(w.s):]
		return len(rest) <= 3 && strings.ToLower(rest) == rest
	case wAny:
		return true
	case wNumber:
		return t.number
	}
	return false
}

// hit is one match of a term over tokens [from, to) of a page.
type hit struct {
	term     int
	from, to int
}

// matchAll returns every term hit in toks. Phrases do not run over a
// break (the end of a sentence, row or line unit).
func (ts *termSet) matchAll(toks []token) []hit {
	var out []hit
	for i := range toks {
		t := &toks[i]
		if k := key2(t.lower); k != "" {
			out = ts.tryAt(out, ts.bucket[k], toks, i)
		}
		if k := keyN(t.lower, 3); k != "" {
			out = ts.tryAt(out, ts.bucket3[k], toks, i)
		}
		if ids, ok := ts.stems[t.stem]; ok {
			// Same stem, also where the analysis chain's stem is no prefix
			// of the word ("vuxen" meets "vuxna"); duplicates are dropped.
			out = ts.tryAt(out, ids, toks, i)
		}
		out = ts.tryAt(out, ts.other, toks, i)
	}
	return dedupHits(out)
}

// tryAt appends the hits of terms ids that match at token i.
func (ts *termSet) tryAt(out []hit, ids []int, toks []token, i int) []hit {
	for _, id := range ids {
		if end, ok := ts.matchAt(id, toks, i); ok {
			out = append(out, hit{term: id, from: i, to: end})
		}
	}
	return out
}

func (ts *termSet) matchAt(id int, toks []token, i int) (int, bool) {
	words := ts.terms[id].words
	if i+len(words) > len(toks) {
		return 0, false
	}
	unit := toks[i].unit
	for j := range words {
		t := &toks[i+j]
		if t.unit != unit || !words[j].match(t) {
			return 0, false
		}
	}
	return i + len(words), true
}

func dedupHits(hs []hit) []hit {
	if len(hs) < 2 {
		return hs
	}
	seen := make(map[hit]bool, len(hs))
	out := hs[:0]
	for _, h := range hs {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// rule is a compiled ruleSpec.
type rule struct {
	id, set   string
	dim, code string // for code rules
	line      int
	any       []int
	near      []int
	require   []int
	unless    []int
	except    []int
	within    int
	atStart   bool
	sections  []string
	units     []unitKind // empty: any kind of unit
	negatable bool
	codes     []string // "dimension/code", for derived rules
	spec      *ruleSpec
}
