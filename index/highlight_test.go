package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// spanOf returns the span of the n-th (0-based) occurrence of sub in text.
func spanOf(text, sub string, n int) span {
	at := 0
	for i := 0; ; i++ {
		j := strings.Index(text[at:], sub)
		if j < 0 {
			panic("spanOf: " + sub + " not in text")
		}
		if i == n {
			return span{at + j, at + j + len(sub)}
		}
		at += j + len(sub)
	}
}

func TestFragments(t *testing.T) {
	long := strings.Repeat("Länets kommuner arbetar med vård och omsorg. ", 10) +
		"Äldreomsorgen ska förbättras. " +
		strings.Repeat("Regionen ansvarar för primärvården i länet. ", 10) +
		"Anhörigstöd erbjuds överallt."
	tests := []struct {
		name  string
		text  string
		spans []span
		size  int
		max   int
		want  []string
	}{
		{
			name:  "part after å ä ö",
			text:  "Äldreomsorgen och anhörigstödet.",
			spans: []span{spanOf("Äldreomsorgen och anhörigstödet.", "omsorgen", 0), spanOf("Äldreomsorgen och anhörigstödet.", "anhörig", 0)},
			size:  200, max: 3,
			want: []string{"Äldre<mark>omsorgen</mark> och <mark>anhörig</mark>stödet."},
		},
		{
			name:  "escaped and whitespace folded",
			text:  "A & B <i>\n\n  suicid</i>  \"x\"",
			spans: []span{spanOf("A & B <i>\n\n  suicid</i>  \"x\"", "suicid", 0)},
			size:  200, max: 3,
			want: []string{"A &amp; B &lt;i&gt; <mark>suicid</mark>&lt;/i&gt; &#34;x&#34;"},
		},
		{
			name:  "overlapping whole and part merge",
			text:  "Suicidprevention nu.",
			spans: []span{{0, 16}, {0, 6}, {6, 16}},
			size:  200, max: 3,
			want: []string{"<mark>Suicidprevention</mark> nu."},
		},
		{
			name:  "cut on both sides at word boundaries",
			text:  long,
			spans: []span{spanOf(long, "Äldreomsorgen", 0)},
			size:  80, max: 3,
			want: []string{"… vård och omsorg. <mark>Äldreomsorgen</mark> ska förbättras. Regionen ansvarar för …"},
		},
		{
			name:  "best fragments first, shown in text order",
			text:  long,
			spans: []span{spanOf(long, "Anhörigstöd", 0), spanOf(long, "förbättras", 0), spanOf(long, "Äldreomsorgen", 0), spanOf(long, "vård", 3)},
			size:  60, max: 2,
			// The two-word fragment wins; of the one-word ones, the first.
			want: []string{
				"… arbetar med <mark>vård</mark> och omsorg. Länets kommuner arbetar med …",
				"… och omsorg. <mark>Äldreomsorgen</mark> ska <mark>förbättras</mark>. Regionen …",
			},
		},
		{
			name:  "bad spans ignored",
			text:  "Åre kommun",
			spans: []span{{1, 3}, {-1, 2}, {5, 100}, {4, 4}},
			size:  200, max: 3,
			want: []string{"Åre kommun"},
		},
		{
			name: "no spans: the beginning",
			text: long,
			size: 50, max: 3,
			want: []string{"Länets kommuner arbetar med vård och omsorg. …"},
		},
		{name: "empty text", text: "", size: 50, max: 3, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fragments(tt.text, tt.spans, tt.size, tt.max)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("fragments() =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// FuzzFragments checks that any text and spans give valid UTF-8 with
// balanced marks and no unescaped markup, and never panic.
func FuzzFragments(f *testing.F) {
	f.Add("Äldreomsorgen och anhörigstödet.", 5, 14, 30, 10)
	f.Add("a<b>&c", 0, 1, 2, 3)
	f.Add("ååå ööö äää", 1, 4, 0, 2)
	f.Add("x", 0, 100, -5, 2)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		if !utf8.ValidString(text) {
			return
		}
		for _, size := range []int{1, 20, 200} {
			for _, frag := range fragments(text, []span{{s1, e1}, {s2, e2}}, size, 3) {
				if !utf8.ValidString(frag) {
					t.Fatalf("fragment %q is not valid UTF-8", frag)
				}
				open, closed := strings.Count(frag, "<mark>"), strings.Count(frag, "</mark>")
				if open != closed {
					t.Fatalf("fragment %q: %d <mark>, %d </mark>", frag, open, closed)
				}
				bare := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(frag)
				if strings.ContainsAny(bare, "<>") {
					t.Fatalf("fragment %q has unescaped markup", frag)
				}
			}
		}
	})
}
