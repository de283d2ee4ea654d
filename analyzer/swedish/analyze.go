package swedish

import (
	"strings"
	"unicode/utf8"
)

// TermKind says whether a Term stands for a whole word or a compound part.
type TermKind uint8

// Term kinds.
const (
	Word TermKind = iota // the stem of a whole word (or a number, URL, e-mail address)
	Part                 // the stem of a compound part, at its word's position
)

// String returns "word" or "part".
func (k TermKind) String() string {
	if k == Part {
		return "part"
	}
	return "word"
}

// Term is one indexed or queried term. Start and End are byte offsets
// into the analysed text: for a Word the whole word, for a Part the part
// as written ("suicid" inside "Suicidprevention").
type Term struct {
	Term     string
	Start    int
	End      int
	Position int // the word's 0-based position; stop words count
	Kind     TermKind
}

// AnalyzeIndex returns the terms to index for text, with the default
// lexicon: the stem of every word that is not a stop word and, for a
// compound, the stem of each part at the same position (a part whose stem
// equals the word's stem is left out). Positions count stop words, so a
// phrase query with AnalyzeQuery lines up.
func AnalyzeIndex(text string) []Term { return defaultLexicon().AnalyzeIndex(text) }

// AnalyzeIndex is AnalyzeIndex with this lexicon.
func (l *Lexicon) AnalyzeIndex(text string) []Term {
	terms := make([]Term, 0, len(text)/7)
	memo := newMemo(text)
	var toks []span // the tokens so far, for suspended compounds
	l.scan(text, func(start, end int, kind TokenKind) {
		p := len(toks)
		toks = append(toks, span{start, end, kind})
		w := text[start:end]
		low := lower(w)
		if kind != KindWord {
			terms = append(terms, Term{Term: low, Start: start, End: end, Position: p, Kind: Word})
			return
		}
		if isStopWord(low) {
			return
		}
		info := l.cachedWord(memo, low)
		terms = append(terms, Term{Term: info.stem, Start: start, End: end, Position: p, Kind: Word})
		for i, pt := range info.terms {
			s, e := mapOffsets(w, low, pt.start, pt.end)
			terms = append(terms, Term{Term: info.termStems[i], Start: start + s, End: start + e, Position: p, Kind: Part})
		}
		if len(info.parts) > 1 {
			terms = l.suspended(text, toks, low, info, terms)
		}
	})
	return terms
}

type span struct {
	start, end int
	kind       TokenKind
}

// suspended completes the heads that a compound's last part finishes,
// "hälso- och sjukvården" or "barn-, ungdoms- och vuxenpsykiatrin": each
// head written with a hanging hyphen before the compound (the last of
// toks) gets the term of head + last part ("hälsovård", "barnpsykiatri")
// at the head's position and offsets.
func (l *Lexicon) suspended(text string, toks []span, low string, info *wordInfo, terms []Term) []Term {
	tail := low[info.parts[len(info.parts)-1].start:]
	for i := len(toks) - 2; i >= 0 && len(toks)-1-i <= 6; i-- {
		t := toks[i]
		if t.kind != KindWord {
			break
		}
		if !strings.HasPrefix(text[t.end:], "-") {
			if w := lower(text[t.start:t.end]); w == "och" || w == "eller" || w == "samt" {
				continue
			}
			break
		}
		// The hyphen must hang: followed by a space or a comma, not a word.
		if after := text[t.end+1:]; after == "" || (after[0] != ' ' && after[0] != ',') {
			break
		}
		head := lower(text[t.start:t.end])
		stem := l.Stem(head + tail)
		terms = append(terms, Term{Term: stem, Start: t.start, End: t.end, Position: i, Kind: Part})
	}
	return terms
}

// wordInfo is the analysis of one lower-case word.
type wordInfo struct {
	stem      string
	parts     []part   // the split (Split), nil if none
	terms     []part   // parts and sub-parts to index, one per distinct stem
	termStems []string // their stems
}

// cachedWord analyses low once per call of the caller (texts repeat
// their words).
func (l *Lexicon) cachedWord(memo map[string]*wordInfo, low string) *wordInfo {
	if memo == nil {
		return l.word(low)
	}
	if info, ok := memo[low]; ok {
		return info
	}
	info := l.word(low)
	memo[low] = info
	return info
}

// newMemo returns a word cache for a text long enough to repeat words,
// nil for a short one (a sentence, a query).
func newMemo(text string) map[string]*wordInfo {
	if len(text) < 512 {
		return nil
	}
	return map[string]*wordInfo{}
}

func (l *Lexicon) word(low string) *wordInfo {
	if isStopWord(low) {
		return &wordInfo{stem: low}
	}
	// Most words are lexicon words or inflections of one: whole, and
	// stemmed as their lemma (the same answer splitParts and simpleStem
	// give, found once).
	if len(l.compounds) == 0 {
		if lemma, ok := l.lemmaOf(low); ok {
			return &wordInfo{stem: l.lexStems[lemma]}
		}
	}
	parts := l.splitParts(low)
	if parts == nil {
		return &wordInfo{stem: l.simpleStem(low)}
	}
	info := &wordInfo{stem: l.stemWith(low, parts), parts: parts}
	seen := map[string]bool{info.stem: true}
	for _, p := range l.withSubParts(low, parts) {
		ps := l.partStem(p)
		if seen[ps] {
			continue
		}
		seen[ps] = true
		info.terms = append(info.terms, p)
		info.termStems = append(info.termStems, ps)
	}
	return info
}

func (l *Lexicon) partStem(p part) string { return l.Stem(p.lemma) }

// withSubParts adds, after each part that is itself a compound, that
// part's own parts ("skolhälsovården": "skol", "hälsovården", "hälso",
// "vården"), so a query for any of them finds the word.
func (l *Lexicon) withSubParts(w string, parts []part) []part {
	out := make([]part, 0, len(parts)+2)
	for _, p := range parts {
		out = append(out, p)
		seg := w[p.start:p.end]
		for _, sp := range l.splitParts(seg) {
			sp.start += p.start
			sp.end += p.start
			out = append(out, sp)
		}
	}
	return out
}

// mapOffsets turns byte offsets into low (lower(w)) into byte offsets
// into w. lower maps rune to rune and only drops invisible characters, so
// the n-th rune of low is the n-th visible rune of w.
func mapOffsets(w, low string, s, e int) (int, int) {
	if len(w) == len(low) && sameRuneSizes(w, low) {
		return s, e
	}
	rs := utf8.RuneCountInString(low[:s])
	re := rs + utf8.RuneCountInString(low[s:e])
	return visibleToByte(w, rs, true), visibleToByte(w, re, false)
}

func sameRuneSizes(a, b string) bool {
	for len(a) > 0 && len(b) > 0 {
		_, na := utf8.DecodeRuneInString(a)
		_, nb := utf8.DecodeRuneInString(b)
		if na != nb {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) == len(b)
}

// visibleToByte returns the byte offset in s of its n-th visible rune
// (past invisible ones if start, before them otherwise).
func visibleToByte(s string, n int, start bool) int {
	i, k := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isInvisible(r) {
			if k == n && !start {
				return i
			}
			i += size
			continue
		}
		if k == n {
			return i
		}
		k++
		i += size
	}
	return i
}

// AnalyzeQuery returns the terms of a query with the default lexicon:
// the stems of the words that are not stop words, no compound parts (an
// index term for the part already matches), positions as in AnalyzeIndex.
func AnalyzeQuery(text string) []Term { return defaultLexicon().AnalyzeQuery(text) }

// AnalyzeQuery is AnalyzeQuery with this lexicon.
func (l *Lexicon) AnalyzeQuery(text string) []Term {
	var terms []Term
	for _, t := range l.Tokenize(text) {
		if !t.Stop {
			terms = append(terms, Term{Term: t.Stem, Start: t.Start, End: t.End, Position: t.Position, Kind: Word})
		}
	}
	return terms
}

// Explanation shows how one token was analysed (GET /api/v1/analyze and
// `plankoll analyze`). Start and End are byte offsets into the text.
type Explanation struct {
	Token     string   `json:"token"`
	Lower     string   `json:"lower"`
	Kind      string   `json:"kind"`
	Stop      bool     `json:"stop"`
	Stem      string   `json:"stem"`
	Parts     []string `json:"parts,omitempty"`
	PartStems []string `json:"part_stems,omitempty"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// Explain analyses text token by token with the default lexicon.
func Explain(text string) []Explanation { return defaultLexicon().Explain(text) }

// Explain is Explain with this lexicon.
func (l *Lexicon) Explain(text string) []Explanation {
	toks := l.Tokenize(text)
	out := make([]Explanation, 0, len(toks))
	for _, t := range toks {
		e := Explanation{Token: t.Text, Lower: t.Lower, Kind: t.Kind.String(), Stop: t.Stop, Stem: t.Stem, Start: t.Start, End: t.End}
		if t.Kind == KindWord {
			for _, p := range l.splitParts(t.Lower) {
				e.Parts = append(e.Parts, t.Lower[p.start:p.end])
				e.PartStems = append(e.PartStems, l.partStem(p))
			}
		}
		out = append(out, e)
	}
	return out
}

// FoldASCII folds Swedish letters for identifiers: å and ä become a, ö
// becomes o, é and è become e, ü becomes u (upper case likewise).
func FoldASCII(s string) string {
	return asciiFolder.Replace(s)
}

var asciiFolder = strings.NewReplacer(
	"å", "a", "ä", "a", "ö", "o", "é", "e", "è", "e", "ü", "u",
	"Å", "A", "Ä", "A", "Ö", "O", "É", "E", "È", "E", "Ü", "U",
)
