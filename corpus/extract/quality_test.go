package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/plankoll/plankoll/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/quality.txt with the measured figures")

// source is what a test document was made from (testdata/src/*.txt).
type source struct {
	words   []string // body words, in order
	paras   []string // body paragraphs and list items
	headers []string // the running header and footer texts
}

var (
	wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)
	noteRE = regexp.MustCompile(`\{fn:([^}]*)\}`)
)

func readSource(t testing.TB, name string) source {
	var s source
	for _, l := range strings.Split(string(mustRead(t, "testdata/src/"+name)), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "@header:"), strings.HasPrefix(l, "@footer:"):
			s.headers = append(s.headers, strings.TrimSpace(l[strings.Index(l, ":")+1:]))
			continue
		case strings.HasPrefix(l, "@"), strings.HasPrefix(l, "["):
			continue
		}
		// footnotes: their words count, and their text is a paragraph
		// of its own; a paragraph with a footnote mark is not compared
		notes := noteRE.FindAllStringSubmatch(l, -1)
		for _, n := range notes {
			s.paras = append(s.paras, n[1])
		}
		s.words = append(s.words, wordRE.FindAllString(noteRE.ReplaceAllString(l, " $1 "), -1)...)
		if l != "" && len(notes) == 0 && !strings.HasPrefix(l, "|") && !strings.HasPrefix(l, "!|") && !strings.HasPrefix(l, "#") {
			s.paras = append(s.paras, strings.TrimPrefix(l, "- "))
		}
	}
	return s
}

// quality compares extracted words with the source: recall over the
// source's words (as a multiset), and how many extracted words are two
// source words glued together or a source word split in two.
type quality struct {
	words, found, glued, split int
}

func (q quality) recall() float64 { return float64(q.found) / float64(q.words) }
func (q quality) broken() float64 { return float64(q.glued+q.split) / float64(q.words) }

func measure(src []string, text string) quality {
	q := quality{words: len(src)}
	vocab := map[string]bool{}
	left := map[string]int{}
	for _, w := range src {
		vocab[w] = true
		left[w]++
	}
	got := wordRE.FindAllString(text, -1)
	for i, w := range got {
		if left[w] > 0 {
			left[w]--
			q.found++
		}
		if vocab[w] {
			continue
		}
		if i+1 < len(got) && vocab[w+got[i+1]] {
			q.split++
			continue
		}
		for j := range w {
			if j > 0 && vocab[w[:j]] && vocab[w[j:]] {
				q.glued++
				break
			}
		}
	}
	return q
}

func allText(doc *corpus.Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// pageOf returns the 1-based page whose text contains s, or 0.
func pageOf(doc *corpus.Document, s string) int {
	for _, p := range doc.Pages {
		if strings.Contains(p.Text, s) {
			return p.Page
		}
	}
	return 0
}

type realDoc struct {
	file, src string
	headers   bool           // the document has running headers/footers
	onPage    map[string]int // text → the page it must be on
	contains  []string       // exact strings the body must hold
	repeat    int            // the source is repeated this many times (0: once)
}

var realDocs = []realDoc{
	{"plan_a.pdf", "plan_a.txt", true, map[string]int{"Nulägesbeskrivning": 2, "Mål och indikatorer": 3, "Insatsområde 2": 4},
		[]string{"SIP-samordnare", "Vård- och omsorgsförvaltningen", "barn- och ungdomspsykiatrin", "hälso- och sjukvården", "Delmål | Indikator | Målnivå 2027"}, 0},
	{"plan_b.pdf", "plan_b.txt", true, map[string]int{"Prioriterade områden": 2, "Aktiviteter och ansvar": 3},
		[]string{"BUP-samordnare", "barn- och ungdomspsykiatri", "Aktivitet | Ansvarig | Tidsplan"}, 0},
	{"plan_a_chromium.pdf", "plan_a.txt", false, map[string]int{"Nulägesbeskrivning": 2},
		[]string{"SIP-samordnare", "Vård- och omsorgsförvaltningen", "Minskat antal suicid | Antal suicid per 100 000 invånare | Minskning med tio procent"}, 0},
	{"plan_c.pdf", "plan_c.txt", true, map[string]int{"Aktiviteter 2025–2026": 2, "Stöd och behandling": 2},
		[]string{"Vård- och omsorgsförvaltningen", "Kunskap Alla medarbetare", "Samverkan Socialtjänsten", "4 Lägesrapporten följer"}, 0},
	{"plan_c.docx", "plan_c.txt", true, map[string]int{"Aktiviteter 2025–2026": 2},
		[]string{"Grupp | Ansvarig förvaltning | Kontaktperson", "Lägesrapporten följer"}, 0},
	{"plan_long.pdf", "plan_a.txt", true, map[string]int{"Nulägesbeskrivning": 2, "Mål och indikatorer": 3},
		[]string{"SIP-samordnare"}, 12},
	{"plan_a.docx", "plan_a.txt", true, map[string]int{"Nulägesbeskrivning": 2, "Mål och indikatorer": 3},
		[]string{"SIP-samordnare", "Delmål | Indikator | Målnivå 2027", "• unga vuxna som varken arbetar eller studerar"}, 0},
	// LibreOffice's DOCX export drops the page break after plan_b's
	// two-column section, so "Aktiviteter och ansvar" stays on page 2.
	{"plan_b.docx", "plan_b.txt", true, map[string]int{"Prioriterade områden": 2, "Aktiviteter och ansvar": 2},
		[]string{"BUP-samordnare", "Aktivitet | Ansvarig | Tidsplan"}, 0},
}

// TestRealDocuments checks extraction of word-processor output against the
// source text: recall, glued and split words, Swedish letters, hyphens
// joined at line ends, running headers kept apart, physical page numbers.
func TestRealDocuments(t *testing.T) {
	var stats strings.Builder
	stats.WriteString("# file: words recall glued split paragraphs-intact (go test ./corpus/extract -run TestRealDocuments -update)\n")
	for _, rd := range realDocs {
		t.Run(rd.file, func(t *testing.T) {
			src := readSource(t, rd.src)
			once := src.words
			for i := 1; i < rd.repeat; i++ {
				src.words = append(src.words, once...)
			}
			doc, err := (&Extractor{}).Extract(context.Background(), rd.file, mustRead(t, "testdata/"+rd.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Warnings) > 0 {
				t.Errorf("warnings: %q", doc.Warnings)
			}
			text := allText(doc)
			flat := strings.Join(strings.Fields(text), " ")
			q := measure(src.words, text)
			// a paragraph found whole, in order, proves the reading order:
			// columns not interleaved, lines not shuffled
			intact := 0
			for _, p := range src.paras {
				if strings.Contains(flat, p) {
					intact++
				} else if testing.Verbose() {
					t.Logf("paragraph not intact: %.60q", p)
				}
			}
			fmt.Fprintf(&stats, "%s: %d %.4f %d %d %d/%d\n", rd.file, q.words, q.recall(), q.glued, q.split, intact, len(src.paras))
			t.Logf("%d words, recall %.4f, glued %d, split %d, paragraphs intact %d/%d", q.words, q.recall(), q.glued, q.split, intact, len(src.paras))
			if intact < len(src.paras)*9/10 {
				t.Errorf("only %d of %d paragraphs intact", intact, len(src.paras))
			}
			if q.recall() < 0.98 {
				t.Errorf("recall %.4f < 0.98", q.recall())
			}
			if q.broken() >= 1.0/500 {
				t.Errorf("%d glued + %d split words in %d: 1 in 500 or more", q.glued, q.split, q.words)
			}
			checkSwedish(t, src.words, text)
			checkHyphens(t, text)
			for _, s := range rd.contains {
				if !strings.Contains(flat, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for s, want := range rd.onPage {
				if got := pageOf(doc, s); got != want {
					t.Errorf("%q on page %d; want %d", s, got, want)
				}
			}
			if strings.HasSuffix(rd.file, ".pdf") {
				want, _ := strconv.Atoi(strings.TrimSpace(string(mustRead(t, "testdata/"+strings.TrimSuffix(rd.file, ".pdf")+".pages"))))
				if len(doc.Pages) != want {
					t.Errorf("%d pages; want %d (pdfinfo)", len(doc.Pages), want)
				}
			}
			for i, p := range doc.Pages {
				if p.Page != i+1 {
					t.Errorf("Pages[%d].Page = %d; want %d", i, p.Page, i+1)
				}
			}
			if rd.headers {
				// the footer line is the footer text and "Sida N av M"
				checkHeaders(t, doc, []string{src.headers[0], src.headers[1] + " Sida"})
			}
		})
	}
	if *update {
		if err := os.WriteFile("testdata/quality.txt", []byte(stats.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkSwedish wants every source word with å, ä, ö or é, exactly, and no
// ligature, replacement or private-use character.
func checkSwedish(t *testing.T, src []string, text string) {
	t.Helper()
	got := map[string]bool{}
	for _, w := range wordRE.FindAllString(text, -1) {
		got[w] = true
	}
	missing := 0
	for _, w := range src {
		if strings.ContainsAny(w, "åäöéÅÄÖÉ") && !got[w] {
			if missing < 5 {
				t.Errorf("word %q missing or altered", w)
			}
			missing++
		}
	}
	for _, r := range text {
		if r >= 0xfb00 && r <= 0xfb06 || r == utf8.RuneError || unicode.Is(unicode.Co, r) {
			t.Errorf("text holds %U", r)
			break
		}
	}
}

// checkHyphens wants no line ending in a word fragment and a dash, except
// before a conjunction ("vård- och") or after an acronym.
func checkHyphens(t *testing.T, text string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		stem, ok := hyphenStem(l)
		if !ok || i+1 >= len(lines) {
			continue
		}
		next, _, _ := strings.Cut(lines[i+1], " ")
		part := stem[strings.LastIndexAny(stem, " -/")+1:]
		if !keepHyphenBefore[strings.ToLower(next)] && !keepDash(part, next) {
			t.Errorf("line ends in an unjoined hyphen: %q / %q", l, lines[i+1])
		}
	}
}

// checkHeaders wants the running header and footer in Headers and in no
// page's body, and nothing else in Headers.
func checkHeaders(t *testing.T, doc *corpus.Document, headers []string) {
	t.Helper()
	for _, dh := range doc.Headers {
		ok := false
		for _, h := range headers {
			ok = ok || strings.Contains(dh, strings.TrimSuffix(h, " Sida"))
		}
		if !ok {
			t.Errorf("Headers holds %q, which is no running header or footer", dh)
		}
	}
	for _, h := range headers {
		found := false
		h0 := strings.TrimSuffix(h, " Sida")
		for _, dh := range doc.Headers {
			if strings.Contains(dh, h0) {
				found = true
			}
		}
		if !found {
			t.Errorf("Headers = %q; want one holding %q", doc.Headers, h)
		}
		for _, p := range doc.Pages {
			if strings.Contains(p.Text, h) {
				t.Errorf("page %d body holds the header/footer %q", p.Page, h)
			}
			if strings.Contains(p.Text, "Sida ") && regexp.MustCompile(`Sida \d+ av \d+`).MatchString(p.Text) {
				t.Errorf("page %d body holds a page number", p.Page)
			}
		}
	}
}
