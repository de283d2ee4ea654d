package swedish

import (
	"sort"
	"strings"
	"testing"
)

// TestLexiconWordsDoNotSplit keeps the lexicon honest: a plain entry that
// the rules would split anyway is redundant (and blocks the split), so it
// must either go, or be marked "=word" when keeping it whole is the point.
func TestLexiconWordsDoNotSplit(t *testing.T) {
	l := DefaultLexicon()
	var bad []string
	for w := range l.words {
		if l.whole[w] {
			continue
		}
		if ps := l.search(w, 0, maxParts); ps != nil {
			var parts []string
			for _, p := range ps {
				parts = append(parts, w[p.start:p.end])
			}
			bad = append(bad, w+" ("+strings.Join(parts, "+")+")")
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d lexicon words would split; drop them or mark them =word:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

// TestLexiconEntries checks every entry of the embedded files one by one.
func TestLexiconEntries(t *testing.T) {
	for _, f := range []struct{ name, text string }{{"lexicon.txt", lexiconText}, {"stopwords.txt", stopwordsText}} {
		for i, line := range strings.Split(f.text, "\n") {
			if j := strings.IndexByte(line, '#'); j >= 0 {
				line = line[:j]
			}
			for _, e := range strings.Fields(line) {
				if e != lower(e) {
					t.Errorf("%s:%d: %q is not lower case", f.name, i+1, e)
				}
				core := strings.Trim(e, "!=-")
				for _, r := range strings.ReplaceAll(core, "+", "") {
					if !isWordRune(r) {
						t.Errorf("%s:%d: %q has %q", f.name, i+1, e, r)
						break
					}
				}
			}
		}
	}
	if n := DefaultLexicon().Len(); n < 2800 {
		t.Errorf("lexicon has %d words; want at least 2800", n)
	}
}

// TestStopWordsNotParts: a stop word is never a lexicon word.
func TestStopWordsNotParts(t *testing.T) {
	l := DefaultLexicon()
	for w := range stopWords() {
		if l.words[w] && runeLen(w) >= minPart {
			t.Errorf("stop word %q is also a lexicon word", w)
		}
	}
}
