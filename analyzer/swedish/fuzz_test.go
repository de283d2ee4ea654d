package swedish

import (
	"testing"
	"unicode/utf8"
)

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"", "anhörigstöd", "Äldreomsorgen", "SUICIDPREVENTIVA", "BUP:s", "1:a", "3,5 %",
		"vård- och omsorg", "SIP-samordnare", "https://www.1177.se/x.", "a@b.se",
		"bl.a. t.ex. m.m. Nästa", "1. Öka\n2. Minska", "\xff\xfe", "İstanbul", "ǅ",
		"ΣΊΣΥΦΟΣ", "\u00ad", "www.", "http://", "@@", ":s", "3.", ",5",
	} {
		f.Add(s)
	}
}

// FuzzAnalyze checks Tokenize, AnalyzeIndex, Explain and Sentences on
// any input: no panic, offsets in bounds and on rune boundaries.
func FuzzAnalyze(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		valid := utf8.ValidString(text)
		check := func(what string, start, end int) {
			if start < 0 || end > len(text) || start >= end {
				t.Fatalf("%s: offsets [%d:%d] out of bounds (len %d) in %q", what, start, end, len(text), text)
			}
			if valid && !utf8.ValidString(text[start:end]) {
				t.Fatalf("%s: text[%d:%d] = %q is not valid UTF-8", what, start, end, text[start:end])
			}
		}
		prev := -1
		for _, tok := range Tokenize(text) {
			check("token", tok.Start, tok.End)
			if tok.Start < prev {
				t.Fatalf("tokens out of order at %d", tok.Start)
			}
			prev = tok.End
		}
		for _, tm := range AnalyzeIndex(text) {
			check("term", tm.Start, tm.End)
			if tm.Term == "" {
				t.Fatalf("empty term %+v", tm)
			}
		}
		for _, tm := range AnalyzeQuery(text) {
			check("query term", tm.Start, tm.End)
		}
		for _, e := range Explain(text) {
			check("explain", e.Start, e.End)
		}
		for _, s := range Sentences(text) {
			check("sentence", s.Start, s.End)
		}
		_ = Split(text)
		_ = Stem(text)
	})
}
