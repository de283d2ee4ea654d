package swedish

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of the input. Start and End are byte offsets into the
// analysed text, so that text[Start:End] is the word as written.
type Token struct {
	Text     string    // the word as written
	Lower    string    // lower-cased
	Stem     string    // stem of Lower (see Stem); Lower itself for numbers, URLs and e-mail addresses
	Position int       // 0-based word position
	Start    int       // byte offset of the first byte
	End      int       // byte offset after the last byte
	Stop     bool      // a stop word (kept, so that phrase positions stay right)
	Kind     TokenKind // word, number, URL or e-mail address
}

// TokenKind says what kind of token a Token is.
type TokenKind uint8

// Token kinds.
const (
	KindWord   TokenKind = iota // letters, possibly with digits
	KindNumber                  // digits, with inner "," or "." between digits ("3,5", "3.2")
	KindURL                     // http(s):// or www. address
	KindEmail                   // name@domain.tld
)

// String returns the kind's name ("word", "number", "url", "email").
func (k TokenKind) String() string {
	switch k {
	case KindNumber:
		return "number"
	case KindURL:
		return "url"
	case KindEmail:
		return "email"
	}
	return "word"
}

// Tokenize splits text into tokens, using the default lexicon for stems.
//
// A word is a run of letters, digits and combining marks; a soft hyphen
// or zero-width character inside it stays in Text but not in Lower.
// Hyphens split ("SIP-samordnare" gives "SIP" and "samordnare", "vård- och
// omsorg" gives "vård", "och", "omsorg"); a colon suffix after an acronym
// or number, or "’s" after any word, is dropped from the token ("BUP:s"
// gives "BUP", "1:a" gives "1"); digits joined by "," or "." stay one
// number ("3,5", "3.2"), and so do thousands groups ("1 500"); URLs and
// e-mail addresses are one token each. Stop words are marked, not
// dropped. Positions count every token.
func Tokenize(text string) []Token {
	return defaultLexicon().Tokenize(text)
}

// Tokenize is Tokenize with this lexicon's stems.
func (l *Lexicon) Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/8)
	memo := newMemo(text)
	l.scan(text, func(start, end int, kind TokenKind) {
		w := text[start:end]
		low := lower(w)
		t := Token{Text: w, Lower: low, Position: len(toks), Start: start, End: end, Kind: kind}
		if kind == KindWord {
			t.Stop = isStopWord(low)
			t.Stem = l.cachedWord(memo, low).stem
		} else {
			t.Stem = low
		}
		toks = append(toks, t)
	})
	return toks
}

// Words returns the tokens that are not stop words, keeping their
// positions (a phrase index needs the gaps).
func Words(toks []Token) []Token {
	out := make([]Token, 0, len(toks))
	for _, t := range toks {
		if !t.Stop {
			out = append(out, t)
		}
	}
	return out
}

// lower lower-cases w rune by rune and drops invisible characters (soft
// hyphen, zero-width space and joiners), so that the i-th rune of the
// result comes from the i-th visible rune of w (part offsets rely on it).
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.Map(lowerRune, w)
		}
	}
	return w
}

func lowerRune(r rune) rune {
	if isInvisible(r) {
		return -1
	}
	return unicode.ToLower(r)
}

// isInvisible reports characters that may sit inside a word without
// splitting it: a soft hyphen ("suicid\u00adprevention"), zero-width
// space, non-joiner, joiner, word joiner, byte-order mark.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// scan calls emit for every token of text, in order.
func (l *Lexicon) scan(text string, emit func(start, end int, kind TokenKind)) {
	i := 0
	chunkStart := true // i follows white space or a bracket: an address may start here
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			chunkStart = unicode.IsSpace(r) || strings.ContainsRune(addressDelims, r)
			i += size
			continue
		}
		if chunkStart || i == 0 {
			chunkStart = false
			if end, kind, ok := addressAt(text, i); ok {
				emit(i, end, kind)
				i = end
				continue
			}
		}
		end, next, kind := wordAt(text, i)
		emit(i, end, kind)
		i = next
	}
}

// wordAt reads the word starting at i. It returns the end of the token,
// where scanning resumes (after a dropped suffix) and the kind.
func wordAt(text string, i int) (end, next int, kind TokenKind) {
	letters, digits, upperOrDigit := 0, 0, true
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			if unicode.IsDigit(r) {
				digits++
			} else {
				letters++
				if !unicode.IsUpper(r) {
					upperOrDigit = false
				}
			}
			j += size
			continue
		}
		if isInvisible(r) && j > i {
			if next, _ := utf8.DecodeRuneInString(text[j+size:]); isWordRune(next) {
				j += size
				continue
			}
		}
		if letters == 0 && j > i {
			// "3,5" and "3.2": a separator between two digits.
			if (r == ',' || r == '.') && isDigitByte(text[j-1]) && j+1 < len(text) && isDigitByte(text[j+1]) {
				j++
				continue
			}
			// "1 500", "33 000": a thousands group after at most three digits.
			if n := thousandsGroup(text, i, j, r, size); n > 0 {
				j += n
				continue
			}
		}
		break
	}
	kind = KindWord
	if letters == 0 {
		kind = KindNumber
	}
	// "BUP:s", "SIP:ar", "1:a": the colon suffix is inflection, not a word;
	// so is "’s" after any word ("Skåne’s").
	if j < len(text) && ((text[j] == ':' && upperOrDigit) || text[j] == '\'' || strings.HasPrefix(text[j:], "’")) {
		_, sep := utf8.DecodeRuneInString(text[j:])
		if k, ok := inflectionSuffix(text, j+sep, text[j] == ':'); ok {
			return j, k, kind
		}
	}
	return j, j, kind
}

// inflectionSuffix reports whether 1-3 lower-case letters (just "s" after
// an apostrophe) follow at k and end a word there, and where they end.
func inflectionSuffix(text string, k int, colon bool) (int, bool) {
	n := 0
	for k < len(text) && n <= 3 {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsLower(r) {
			break
		}
		k += size
		n++
	}
	if n < 1 || n > 3 || (!colon && (n != 1 || text[k-1] != 's')) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return k, k == len(text) || !isWordRune(r)
}

// thousandsGroup returns the length of a space (or no-break or thin
// space) and three digits that continue the number text[i:j], or 0. The
// number so far must be one to three digits or already grouped.
func thousandsGroup(text string, i, j int, sep rune, size int) int {
	if sep != ' ' && sep != '\u00a0' && sep != '\u2009' && sep != '\u202f' {
		return 0
	}
	digitsOnly, grouped := true, false
	for _, r := range text[i:j] {
		switch {
		case r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f':
			grouped = true
		case r < '0' || r > '9':
			digitsOnly = false
		}
	}
	if !digitsOnly || (!grouped && j-i > 3) {
		return 0
	}
	k := j + size
	if k+3 > len(text) || !isDigitByte(text[k]) || !isDigitByte(text[k+1]) || !isDigitByte(text[k+2]) {
		return 0
	}
	if k+3 < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[k+3:]); isWordRune(r) {
			return 0
		}
	}
	return size + 3
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// addressAt reports whether a URL or an e-mail address starts at i, and
// where it ends (trailing punctuation excluded).
func addressAt(text string, i int) (int, TokenKind, bool) {
	if c := text[i] | 0x20; c != 'h' && c != 'w' && !strings.ContainsRune(text[i:min(len(text), i+256)], '@') {
		return 0, 0, false // neither http(s):// nor www. nor an e-mail address nearby
	}
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || strings.ContainsRune(addressDelims, r) {
			break
		}
		j += size
	}
	chunk := strings.TrimRight(text[i:j], ".,;:!?'’”»")
	low := strings.ToLower(chunk[:min(len(chunk), 8)])
	switch {
	case strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://"):
		if len(chunk) > len("https://") {
			return i + len(chunk), KindURL, true
		}
	case strings.HasPrefix(low, "www.") && strings.Count(chunk, ".") >= 2:
		return i + len(chunk), KindURL, true
	case isEmail(chunk):
		return i + len(chunk), KindEmail, true
	}
	return 0, 0, false
}

// addressDelims end a URL or an e-mail address, besides white space.
const addressDelims = "<>\"()[]{}|\\"

func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || strings.Count(s, "@") != 1 {
		return false
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-2
}
