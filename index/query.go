package index

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plankoll/plankoll/corpus"
)

// MaxQueryLen is the longest query ParseQuery accepts, in characters.
const MaxQueryLen = 1000

// minPrefixLen is the shortest prefix a trailing * may follow, in
// characters: shorter prefixes expand to most of the dictionary.
const minPrefixLen = 3

// Node is one node of a parsed query: *Word, *Phrase, *Not, *And or *Or.
// String gives a compact, unambiguous form for tests and logs.
type Node interface {
	String() string
}

// Word is one search word as typed. With Prefix (a trailing *) it matches
// every indexed stem that starts with Text, lower-cased and not stemmed.
type Word struct {
	Text   string
	Prefix bool
}

// Phrase is a "quoted phrase": its words must occur in order, next to each
// other (stop words between them may be any word).
type Phrase struct {
	Text string
}

// Not excludes the documents its node matches (-word, -"phrase", NOT word).
type Not struct {
	Node Node
}

// And matches documents that match every node (words side by side, +word).
type And struct {
	Nodes []Node
}

// Or matches documents that match any node (a OR b).
type Or struct {
	Nodes []Node
}

func (w *Word) String() string {
	if w.Prefix {
		return w.Text + "*"
	}
	return w.Text
}

func (p *Phrase) String() string { return fmt.Sprintf("%q", p.Text) }
func (n *Not) String() string    { return "-" + n.Node.String() }
func (a *And) String() string    { return "(and " + joinNodes(a.Nodes) + ")" }
func (o *Or) String() string     { return "(or " + joinNodes(o.Nodes) + ")" }

func joinNodes(ns []Node) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = n.String()
	}
	return strings.Join(s, " ")
}

// ParseQuery parses the query language of Search:
//
//	suicid prevention      both words must occur (in the text or as a compound part)
//	"psykisk ohälsa"       a phrase: the words in this order
//	+suicid                must occur (the default; + is accepted for habit)
//	-barn, NOT barn        must not occur
//	suicid OR självmord    either; OR binds tighter than the implicit AND
//	suicidprev*            any word starting with the prefix (3 characters or more)
//
// Words are matched by stem, so inflections match ("nyanländas" finds
// "nyanlända"). An empty query gives a nil Node: everything matches. Errors
// are *corpus.Error with code EBadQuery and a message that says what is
// wrong and at which character position (1-based).
func ParseQuery(q string) (Node, error) {
	if !utf8.ValidString(q) {
		return nil, badQuery("query: not valid UTF-8")
	}
	if n := utf8.RuneCountInString(q); n > MaxQueryLen {
		return nil, badQuery("query: too long (%d characters, at most %d)", n, MaxQueryLen)
	}
	toks, err := lexQuery(q)
	if err != nil {
		return nil, err
	}
	return parseTokens(toks)
}

func badQuery(format string, args ...any) *corpus.Error {
	return corpus.Errorf(corpus.EBadQuery, format, args...)
}

type tokKind uint8

const (
	tokWord tokKind = iota
	tokPhrase
	tokOr
	tokAnd
	tokNot
)

// qtok is one lexical token of a query. Pos is the 1-based character
// position of its first character, for error messages.
type qtok struct {
	kind tokKind
	sign byte // '+', '-' or 0
	text string
	pos  int
}

// lexQuery splits q into words, phrases and operators.
func lexQuery(q string) ([]qtok, error) {
	var toks []qtok
	pos := 0 // 1-based character position of q[i] is pos+1
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		if unicode.IsSpace(r) {
			i += size
			pos++
			continue
		}
		t := qtok{pos: pos + 1}
		if r == '+' || r == '-' {
			t.sign = byte(r)
			i++
			pos++
			if i == len(q) || startsWithSpace(q[i:]) {
				return nil, badQuery("query: lone %q at position %d: put it right before a word", r, t.pos)
			}
			if q[i] == '+' || q[i] == '-' {
				return nil, badQuery("query: %q followed by %q at position %d", r, q[i], t.pos)
			}
		}
		if q[i] == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				return nil, badQuery("query: unterminated quoted string at position %d", pos+1)
			}
			t.kind, t.text = tokPhrase, q[i+1:i+1+end]
			pos += 2 + utf8.RuneCountInString(t.text)
			i += end + 2
			toks = append(toks, t)
			continue
		}
		j := i
		for j < len(q) {
			r, size := utf8.DecodeRuneInString(q[j:])
			if unicode.IsSpace(r) || r == '"' {
				break
			}
			j += size
		}
		t.kind, t.text = tokWord, q[i:j]
		pos += utf8.RuneCountInString(t.text)
		i = j
		if t.sign == 0 {
			switch t.text {
			case "OR":
				t.kind = tokOr
			case "AND":
				t.kind = tokAnd
			case "NOT":
				t.kind = tokNot
			}
		}
		toks = append(toks, t)
	}
	return toks, nil
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// parseTokens builds the tree: a list of clauses joined by AND, where a
// run of clauses joined by OR is one Or node.
func parseTokens(toks []qtok) (Node, error) {
	var groups []Node
	joinOr := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tokOr:
			if len(groups) == 0 || joinOr || i == len(toks)-1 {
				return nil, badQuery("query: OR at position %d needs a term on each side", t.pos)
			}
			if _, neg := groups[len(groups)-1].(*Not); neg {
				return nil, badQuery("query: OR at position %d cannot join an excluded term", t.pos)
			}
			joinOr = true
			continue
		case tokAnd:
			if len(groups) == 0 || joinOr || i == len(toks)-1 {
				return nil, badQuery("query: AND at position %d needs a term on each side", t.pos)
			}
			continue
		}
		n, next, err := parseClause(toks, i)
		if err != nil {
			return nil, err
		}
		i = next
		if !joinOr {
			groups = append(groups, n)
			continue
		}
		joinOr = false
		if _, neg := n.(*Not); neg {
			return nil, badQuery("query: OR before position %d cannot join an excluded term", toks[i].pos)
		}
		last := groups[len(groups)-1]
		if or, ok := last.(*Or); ok {
			or.Nodes = append(or.Nodes, n)
		} else {
			groups[len(groups)-1] = &Or{Nodes: []Node{last, n}}
		}
	}
	switch len(groups) {
	case 0:
		return nil, nil
	case 1:
		return groups[0], nil
	}
	return &And{Nodes: groups}, nil
}

// parseClause reads one clause starting at toks[i] and returns it with the
// index of its last token.
func parseClause(toks []qtok, i int) (Node, int, error) {
	t := toks[i]
	if t.kind == tokNot {
		if i == len(toks)-1 || (toks[i+1].kind != tokWord && toks[i+1].kind != tokPhrase) || toks[i+1].sign != 0 {
			return nil, 0, badQuery("query: NOT at position %d needs a word or phrase after it", t.pos)
		}
		n, err := leaf(toks[i+1])
		if err != nil {
			return nil, 0, err
		}
		return &Not{Node: n}, i + 1, nil
	}
	n, err := leaf(t)
	if err != nil {
		return nil, 0, err
	}
	if t.sign == '-' {
		n = &Not{Node: n}
	}
	return n, i, nil
}

func leaf(t qtok) (Node, error) {
	if t.kind == tokPhrase {
		return &Phrase{Text: t.text}, nil
	}
	w := &Word{Text: t.text}
	if strings.HasSuffix(w.Text, "*") {
		w.Text = strings.TrimRight(w.Text, "*")
		w.Prefix = true
		if n := utf8.RuneCountInString(w.Text); n < minPrefixLen {
			return nil, badQuery("query: prefix %q at position %d is too short: give at least %d characters before *", t.text, t.pos, minPrefixLen)
		}
	}
	return w, nil
}
