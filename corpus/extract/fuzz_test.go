package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/plankoll/plankoll/corpus"
)

// fuzzLimits keep each fuzz input cheap; the deadline bounds what the
// PDF library may loop on.
var fuzzLimits = Limits{MaxBytes: 1 << 20, MaxPages: 50, MaxPageContent: 1 << 20, Timeout: 5 * time.Second}

// checkResult is what every input must give: a document with pages
// numbered from 1 and valid UTF-8, or a *corpus.Error.
func checkResult(t *testing.T, doc *corpus.Document, err error) {
	if err != nil {
		if corpus.ErrorCode(err) == corpus.EInternal {
			t.Fatalf("error is not a *corpus.Error: %v", err)
		}
		return
	}
	for i, p := range doc.Pages {
		if p.Page != i+1 {
			t.Fatalf("Pages[%d].Page = %d", i, p.Page)
		}
		if !utf8.ValidString(p.Text) {
			t.Fatalf("page %d is not valid UTF-8", p.Page)
		}
	}
}

func fuzzExtract(f *testing.F, name string) {
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := (&Extractor{Limits: fuzzLimits}).Extract(context.Background(), name, data)
		checkResult(t, doc, err)
	})
}

// The seeds are in testdata/fuzz/<FuzzName>/, written by
// `go test -run TestFuzzSeeds -update`.

func FuzzExtractPDF(f *testing.F)  { fuzzExtract(f, "plan.pdf") }
func FuzzExtractDOCX(f *testing.F) { fuzzExtract(f, "plan.docx") }
func FuzzExtractText(f *testing.F) { fuzzExtract(f, "plan.txt") }

// fuzzSeeds are small documents of each kind, good and broken.
func fuzzSeeds(t *testing.T) map[string]map[string][]byte {
	docx := func(body string) []byte {
		return zipOf(t, map[string][]byte{
			"word/document.xml": []byte(fmt.Sprintf(docXML, body)),
			"word/header1.xml":  []byte(`<w:hdr xmlns:w="w"><w:p><w:r><w:t>Sidhuvud</w:t></w:r></w:p></w:hdr>`),
		})
	}
	return map[string]map[string][]byte{
		"FuzzExtractPDF": {
			"text":       textPDF("Handlingsplan för äldre", "Suicid-\nprevention"),
			"image":      imagePDF(),
			"kids-cycle": kidsCycle(),
			"prev-loop":  prevLoop(),
			"huge-count": hugeCount(),
			// xrefAlloc and objStreamLoop are not seeds: in-process they
			// would allocate or loop for real; TestWorker has them.
		},
		"FuzzExtractDOCX": {
			"paragraphs": docx(`<w:p><w:r><w:t>Mål för året</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/><w:t>Sida två</w:t></w:r></w:p>`),
			"table":      docx(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mål</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Indikator</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`),
			"list":       docx(`<w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>punkt</w:t></w:r></w:p>`),
			"plan_b":     mustRead(t, "testdata/plan_b.docx"),
		},
		"FuzzExtractText": {
			"utf8":    []byte("Överenskommelse om äldre\n\fSida två: idé"),
			"bom":     []byte("\xef\xbb\xbfSIP-\nsamordnare"),
			"utf16":   []byte("\xff\xfeA\x00\xe5\x00"),
			"cp1252":  []byte("\xd6verenskommelse f\xf6r \xe4ldre \x96 id\xe9"),
			"invalid": []byte("f\x81r\xff"),
		},
	}
}

// TestFuzzSeeds checks the committed seeds are current; -update rewrites them.
func TestFuzzSeeds(t *testing.T) {
	for fuzz, seeds := range fuzzSeeds(t) {
		dir := filepath.Join("testdata", "fuzz", fuzz)
		for name, data := range seeds {
			file := filepath.Join(dir, name)
			want := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if _, err := os.Stat(file); err != nil {
				t.Errorf("seed %s missing: run go test -run TestFuzzSeeds -update", file)
			}
		}
	}
}
