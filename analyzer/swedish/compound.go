package swedish

import (
	"strings"
	"unicode/utf8"
)

const (
	minPart  = 3  // letters in a compound part
	maxParts = 3  // parts in a compound
	maxWord  = 48 // longer "words" (tables, junk) are not split
)

// part is one part of a compound: w[start:end] is the part as written
// without its linking morpheme, lemma the word it stands for ("skol" in
// "skolhälsa" stands for "skola", "självmord" in "självmordsförsök" is
// written "självmords").
type part struct {
	start, end int // byte offsets into the (lower-case) word
	lemma      string
	cost       int // linking morphemes and restored vowels used
}

// Split returns the parts of a lower-case compound as written, linking
// -s- left out ("självmordsförsök" gives "självmord", "försök"; "skolhälsa"
// gives "skol", "hälsa"), or nil when the word is not a compound of
// lexicon words. See the package documentation for the rules.
func Split(lowerWord string) []string { return defaultLexicon().Split(lowerWord) }

// Split is Split with this lexicon.
func (l *Lexicon) Split(lowerWord string) []string {
	w := lower(lowerWord)
	parts := l.splitParts(w)
	if parts == nil {
		return nil
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = w[p.start:p.end]
	}
	return out
}

// splitParts finds the best split of w, or nil.
func (l *Lexicon) splitParts(w string) []part {
	if n := utf8.RuneCountInString(w); n < 2*minPart || n > maxWord {
		return nil
	}
	if len(l.compounds) > 0 {
		if ps := l.explicit(w); ps != nil {
			return ps
		}
	}
	if l.atomic(w) {
		return nil
	}
	return l.search(w, 0, maxParts)
}

// explicit returns the parts of an explicit compound ("head+tail" in the
// lexicon) or of an inflection of one ("anhörigstödet"), or nil.
func (l *Lexicon) explicit(w string) []part {
	if ps := l.compounds[w]; ps != nil {
		return explicitParts(ps)
	}
	for _, b := range l.inflectionBases(w) {
		if ps := l.compounds[b]; ps != nil {
			out := explicitParts(ps)
			out[len(out)-1].end = len(w)
			out[len(out)-1].lemma = w[out[len(out)-1].start:]
			return out
		}
	}
	return nil
}

func explicitParts(ps []string) []part {
	out := make([]part, len(ps))
	at := 0
	for i, p := range ps {
		out[i] = part{start: at, end: at + len(p), lemma: p}
		at += len(p)
	}
	return out
}

// atomic reports whether w is a word of the lexicon, or an inflection of
// one, and so is not split.
func (l *Lexicon) atomic(w string) bool {
	if l.words[w] || l.bound[w] {
		return true
	}
	for _, b := range definiteBases(w) {
		if l.words[b] {
			return true
		}
	}
	_, ok := l.lemmaOf(w) // "sjukskrivna" is a form of "sjukskriven"
	return ok
}

// inflectionBases lists the explicit compounds w may be an inflection
// of: definite forms, and words with the same stem.
func (l *Lexicon) inflectionBases(w string) []string {
	out := definiteBases(w)
	if c, ok := l.compoundStems[l.simpleStem(w)]; ok {
		out = append(out, c)
	}
	return out
}

// search returns the best split of w[from:] into at most n parts (at
// least two), or nil.
func (l *Lexicon) search(w string, from, n int) []part {
	sp := splitter{l: l, w: w, finals: map[int]finalResult{}}
	return sp.search(from, n)
}

// splitter is one search over one word; it remembers which endings of
// the word can be a last part, so that the search stays quadratic at
// worst ("barnbarnbarn…").
type splitter struct {
	l      *Lexicon
	w      string
	finals map[int]finalResult
}

type finalResult struct {
	lemma string
	ok    bool
}

func (sp *splitter) final(i int) (string, bool) {
	if r, ok := sp.finals[i]; ok {
		return r.lemma, r.ok
	}
	lemma, ok := sp.l.final(sp.w[i:])
	sp.finals[i] = finalResult{lemma, ok}
	return lemma, ok
}

func (sp *splitter) search(from, n int) []part {
	l, w := sp.l, sp.w
	var best []part
	for i := from; i < len(w); {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
		head, rest := w[from:i], w[i:]
		// Every reading of a head (as is, with a linking -s- or vowel, with
		// a vowel restored) needs the head less its last letter to begin
		// some lexicon word; prefixes is closed under prefixes, so once
		// that fails no longer head can work.
		if before := w[from : i-size]; before != "" && !l.prefixes[before] {
			break
		}
		if utf8.RuneCountInString(head) < minPart {
			continue
		}
		if utf8.RuneCountInString(rest) < minPart {
			break
		}
		hs := l.heads(head)
		if len(hs) == 0 {
			continue
		}
		lemma, finalOK := sp.final(i)
		var sub []part
		if n > 2 {
			sub = sp.search(i, n-1)
		}
		for _, h := range hs {
			if h.end == len(head) && strings.HasPrefix(rest, "s") && mustLink(head) {
				continue // "verksamhets|år", never "verksamhet|sår"
			}
			h.start += from
			h.end += from
			if finalOK {
				best = l.better(w, best, []part{h, {start: i, end: len(w), lemma: lemma}})
			}
			if sub != nil {
				best = l.better(w, best, append([]part{h}, sub...))
			}
		}
	}
	return best
}

// linkingSuffixes end words that always take a linking -s- as a first
// part (verksamhetsplan, utbildningsdag, informationsmaterial).
var linkingSuffixes = []string{"het", "ing", "tion", "sion", "skap", "dom", "else", "nad", "itet", "ism"}

func mustLink(head string) bool {
	for _, suf := range linkingSuffixes {
		if strings.HasSuffix(head, suf) {
			return true
		}
	}
	return false
}

// heads lists the readings of seg as a first (or middle) part: the word
// itself, with a linking -s-, with a dropped final -a/-e restored
// ("skol" → "skola"), with a linking vowel ("barna" → "barn", "hälso" →
// "hälsa").
func (l *Lexicon) heads(seg string) []part {
	var out []part
	// add reads seg[:coreLen] as the word base+suffix.
	add := func(coreLen int, base, suffix string, cost int) {
		core := seg[:coreLen]
		if l.blocked[core] || utf8.RuneCountInString(core) < minPart {
			return
		}
		lemma, ok := l.known(base, suffix)
		if ok && !l.blocked[lemma] {
			out = append(out, part{start: 0, end: coreLen, lemma: lemma, cost: cost})
		}
	}
	// A restored or replaced vowel needs a longer core: "sam" + "e" would
	// read "same" (a Sami), "när" + "a" "nära".
	long := utf8.RuneCountInString(seg) >= 4
	add(len(seg), seg, "", 0)
	if long && l.prefixes[seg] {
		add(len(seg), seg, "a", 1)
		add(len(seg), seg, "e", 1)
	}
	if b, ok := strings.CutSuffix(seg, "s"); ok && !strings.HasSuffix(b, "s") {
		add(len(b), b, "", 1)
		if utf8.RuneCountInString(b) >= 4 && l.prefixes[b] {
			add(len(b), b, "e", 2)
			add(len(b), b, "a", 2)
		}
	}
	for _, v := range []string{"a", "e", "u", "o"} {
		if b, ok := strings.CutSuffix(seg, v); ok && utf8.RuneCountInString(b) >= 4 {
			add(len(b), b, "", 2)
			if v != "a" {
				add(len(seg), b, "a", 1)
			}
		}
	}
	return out
}

// known reports whether base+suffix is a word or a combining form of the
// lexicon, and returns it; the string is only built when it is.
func (l *Lexicon) known(base, suffix string) (string, bool) {
	if suffix == "" {
		return base, l.words[base] || l.bound[base]
	}
	var arr [64]byte
	buf := append(append(arr[:0], base...), suffix...)
	if l.words[string(buf)] || l.bound[string(buf)] {
		return string(buf), true
	}
	return "", false
}

// final reports whether rest can end a compound: a word, or a word plus
// an inflectional ending, and returns the form to stem.
func (l *Lexicon) final(rest string) (string, bool) {
	if l.blocked[rest] || (l.bound[rest] && !l.words[rest]) {
		return "", false
	}
	if _, ok := l.lemmaOf(rest); ok {
		return rest, true
	}
	return "", false
}

// inflections are the endings a Swedish noun, adjective or verb takes,
// longest first. Derivational endings ("-ig", "-lig", "-het", "-are")
// are not among them, so "tändigt" is no form of "tand" and
// "handläggare" has no "ägg".
var inflections = []string{
	"arnas", "ernas", "ornas", "arna", "erna", "orna", "enas",
	"ades", "ande", "ende", "ens", "ets", "ars", "ers", "ors",
	"ade", "ena", "dda", "tta", "ar", "er", "or", "en", "et",
	"na", "as", "es", "ns", "ts", "ad", "at", "de", "te", "da", "ta",
	"a", "e", "n", "t", "s", "r",
}

// inflectionsByLast groups inflections by their last byte, longest first.
var inflectionsByLast = func() (by [256][]string) {
	for _, e := range inflections {
		by[e[len(e)-1]] = append(by[e[len(e)-1]], e)
	}
	return by
}()

// lemmaOf returns the lexicon word w is an inflection of: w itself, or
// w less an inflectional ending, with a dropped vowel restored ("skolor"
// → "skola"), an e put back before a final r, l or n ("registret" →
// "register", "medlen" → "medel", "sjukskrivna" → "sjukskriven"), or a
// doubled m undone ("programmet").
func (l *Lexicon) lemmaOf(w string) (string, bool) {
	if l.words[w] {
		return w, true
	}
	if b, ok := irregularBase(w); ok && l.words[b] {
		return b, true
	}
	if w == "" {
		return "", false
	}
	for _, e := range inflectionsByLast[w[len(w)-1]] {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(stem) < minPart {
			continue
		}
		// Every candidate keeps stem less its last letter as a prefix.
		if _, size := utf8.DecodeLastRuneInString(stem); !l.prefixes[stem[:len(stem)-size]] {
			continue
		}
		if c, ok := l.lemmaCandidate(stem, e); ok {
			return c, true
		}
	}
	return "", false
}

// lemmaCandidate tries the base forms stem (w less the inflection e)
// can stand for.
func (l *Lexicon) lemmaCandidate(stem, e string) (string, bool) {
	try := func(base, suffix string) (string, bool) {
		c, ok := l.known(base, suffix)
		return c, ok && l.words[c] && !l.blocked[c]
	}
	if c, ok := try(stem, ""); ok {
		return c, true
	}
	// A dropped final vowel comes back only before the endings of its
	// declension or conjugation: "skolor" → "skola", "pojkar" → "pojke",
	// "höjande" → "höja"; "komet" is no form of "koma".
	var vowels []string
	switch e {
	case "or", "orna", "ornas", "ors", "ande", "ade", "ades", "ad", "at":
		vowels = []string{"a"} // skolor, höjande, vårdade
	case "ar", "arna", "arnas", "ars":
		vowels = []string{"e", "a"} // pojkar; samverkar
	case "er":
		vowels = []string{"e", "a"} // styrelser; följer
	case "erna", "ernas", "ers", "na", "nas":
		vowels = []string{"e"} // styrelserna, sekreterarna
	case "s", "de", "te", "t":
		vowels = []string{"a"} // verbs: följs, följde, köpte, köpt
	}
	for _, v := range vowels {
		if c, ok := try(stem, v); ok {
			return c, true
		}
	}
	if n := len(stem); n >= 2 && strings.ContainsRune("rln", rune(stem[n-1])) && !endsVowel(stem[:n-1]) {
		if c, ok := try(stem[:n-1], "e"+stem[n-1:]); ok {
			return c, true
		}
	}
	if e == "t" {
		if c, ok := try(stem, "d"); ok { // participle: "baserat", "baserad"
			return c, true
		}
	}
	if e == "et" || e == "na" || e == "a" {
		if c, ok := try(stem, "en"); ok {
			return c, true
		}
	}
	if strings.HasSuffix(stem, "mm") {
		return try(stem[:len(stem)-1], "")
	}
	return "", false
}

// better returns the better of two splits: fewer parts, then fewer
// parts that begin with an s their head could have taken as a linking
// -s- ("sjukvårds|lagen", not "sjukvård|slagen"), then a longer shortest
// part, then fewer linking morphemes, then a longer first part.
func (l *Lexicon) better(w string, a, b []part) []part {
	if a == nil {
		return b
	}
	if len(a) != len(b) {
		if len(b) < len(a) {
			return b
		}
		return a
	}
	if sa, sb := l.strayS(w, a), l.strayS(w, b); sa != sb {
		if sb < sa {
			return b
		}
		return a
	}
	if ma, mb := shortest(a), shortest(b); ma != mb {
		if mb > ma {
			return b
		}
		return a
	}
	if ca, cb := cost(a), cost(b); ca != cb {
		if cb < ca {
			return b
		}
		return a
	}
	if b[0].end > a[0].end {
		return b
	}
	return a
}

// strayS counts the parts after the first that begin with an "s" the
// part before could have taken as its linking -s-.
func (l *Lexicon) strayS(w string, ps []part) int {
	n := 0
	for i := 1; i < len(ps); i++ {
		prev, cur := ps[i-1], ps[i]
		if cur.start != prev.end || !strings.HasPrefix(w[cur.start:], "s") {
			continue
		}
		for _, h := range l.heads(w[prev.start : cur.start+1]) {
			if h.end == prev.end-prev.start {
				n++
				break
			}
		}
	}
	return n
}

func shortest(ps []part) int {
	m := 1 << 30
	for _, p := range ps {
		if n := utf8.RuneCountInString(p.lemma); n < m {
			m = n
		}
	}
	return m
}

func cost(ps []part) int {
	c := 0
	for _, p := range ps {
		c += p.cost
	}
	return c
}
