package index

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plankoll/plankoll/corpus"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q    string
		want string // Node.String(), "<nil>" for a nil node
		err  string // part of the error message, "" for none
	}{
		{"", "<nil>", ""},
		{"   \t\n", "<nil>", ""},
		{"suicid", "suicid", ""},
		{"suicid prevention", "(and suicid prevention)", ""},
		{"Anhörigstöd  äldreomsorgen", "(and Anhörigstöd äldreomsorgen)", ""},
		{`"psykisk ohälsa"`, `"psykisk ohälsa"`, ""},
		{`suicid "psykisk ohälsa" barn`, `(and suicid "psykisk ohälsa" barn)`, ""},
		{`suicid"psykisk ohälsa"`, `(and suicid "psykisk ohälsa")`, ""},
		{`""`, `""`, ""},
		{"+suicid", "suicid", ""},
		{"-barn", "-barn", ""},
		{`-"psykisk ohälsa" suicid`, `(and -"psykisk ohälsa" suicid)`, ""},
		{"NOT barn suicid", "(and -barn suicid)", ""},
		{"suicid OR självmord", "(or suicid självmord)", ""},
		{"a OR b OR c", "(or a b c)", ""},
		{"skola suicid OR självmord", "(and skola (or suicid självmord))", ""},
		{"a OR b c OR d", "(and (or a b) (or c d))", ""},
		{"a AND b", "(and a b)", ""},
		{"or and not", "(and or and not)", ""},
		{"suicidprev*", "suicidprev*", ""},
		{"omsorg**", "omsorg*", ""},
		{"e-post SIP-samordnare", "(and e-post SIP-samordnare)", ""},
		{"a-", "a-", ""},
		{"3,5 %", "(and 3,5 %)", ""},
		{`suicid "psykisk`, "", "unterminated quoted string at position 8"},
		{`"`, "", "unterminated quoted string at position 1"},
		{"åäö \"x", "", "unterminated quoted string at position 5"},
		{"-", "", "lone '-' at position 1"},
		{"suicid - barn", "", "lone '-' at position 8"},
		{"+", "", "lone '+' at position 1"},
		{"--barn", "", "'-' followed by '-' at position 1"},
		{"OR suicid", "", "OR at position 1 needs a term on each side"},
		{"suicid OR", "", "OR at position 8 needs a term on each side"},
		{"a OR OR b", "", "OR at position 6 needs a term on each side"},
		{"-a OR b", "", "cannot join an excluded term"},
		{"a OR -b", "", "cannot join an excluded term"},
		{"AND a", "", "AND at position 1 needs a term on each side"},
		{"NOT", "", "NOT at position 1 needs a word or phrase"},
		{"NOT -a", "", "NOT at position 1 needs a word or phrase"},
		{"ab*", "", `prefix "ab*" at position 1 is too short`},
		{"*", "", "too short"},
		{strings.Repeat("x", MaxQueryLen), strings.Repeat("x", MaxQueryLen), ""},
		{strings.Repeat("x", MaxQueryLen+1), "", "too long (1001 characters, at most 1000)"},
		{"a\xffb", "", "not valid UTF-8"},
	}
	for _, tt := range tests {
		name := tt.q
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			n, err := ParseQuery(tt.q)
			if tt.err != "" {
				var e *corpus.Error
				if !errors.As(err, &e) || e.Code != corpus.EBadQuery {
					t.Fatalf("ParseQuery(%q) = %v, %v; want a %s error", tt.q, n, err, corpus.EBadQuery)
				}
				if !strings.Contains(e.Message, tt.err) || !strings.HasPrefix(e.Message, "query: ") {
					t.Errorf("ParseQuery(%q) error %q; want it to contain %q", tt.q, e.Message, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseQuery(%q) error %v", tt.q, err)
			}
			got := "<nil>"
			if n != nil {
				got = n.String()
			}
			if got != tt.want {
				t.Errorf("ParseQuery(%q) = %s; want %s", tt.q, got, tt.want)
			}
		})
	}
}

// FuzzParseQuery checks that any input parses or fails with a bad_query
// error, never panics, and that a parsed query also compiles.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"", "suicid", `"psykisk ohälsa" -barn +äldre`, "a OR b OR", "NOT", `"`, "-",
		"omsorg* ab*", "a OR -b", "x\xff", `""""`, "++a", "NOT NOT a", "SIP:s 3,5 www.x.se a@b.se",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		n, err := ParseQuery(q)
		if err != nil {
			var e *corpus.Error
			if !errors.As(err, &e) || e.Code != corpus.EBadQuery {
				t.Fatalf("ParseQuery(%q): %v is not a bad_query error", q, err)
			}
			return
		}
		if !utf8.ValidString(q) {
			t.Fatalf("ParseQuery(%q) accepted invalid UTF-8", q)
		}
		if n != nil {
			_ = n.String()
		}
		if compileQuery(n) == nil {
			t.Fatalf("compileQuery(%v) = nil", n)
		}
	})
}

// FuzzSearch runs any query against a small index: it must return results
// or a bad_query error, never panic or fail inside bleve.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"suicid", `"vård och omsorg"`, `"och och"`, "omso* -äldre", "a OR b OR c", `"3,5 procent" www.x.se`,
		`"SIP-samordnare" e-post@x.se`, "-och", `"Äldreomsorgen" OR "anhörig stöd"`,
	} {
		f.Add(s)
	}
	ix := loadTest(f)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), Request{Q: q, Size: 3})
		if err != nil {
			if corpus.ErrorCode(err) != corpus.EBadQuery {
				t.Fatalf("Search(%q): %v", q, err)
			}
			return
		}
		if len(res.Hits) > 3 || uint64(len(res.Hits)) > res.Total {
			t.Fatalf("Search(%q): %d hits of %d", q, len(res.Hits), res.Total)
		}
	})
}
