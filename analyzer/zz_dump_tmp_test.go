package analyzer_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/plankoll/plankoll/corpus/extract"
	"github.com/plankoll/plankoll/corpus/samples"
)

func TestZZDump(t *testing.T) {
	plans, _ := samples.Plans()
	ex := &extract.Extractor{Limits: extract.DefaultLimits()}
	os.MkdirAll("/tmp/samples", 0o755)
	for _, p := range plans {
		doc, _ := ex.Extract(context.Background(), p.Filename, p.Data)
		var b strings.Builder
		for _, pg := range doc.Pages {
			fmt.Fprintf(&b, "\n=== PAGE %d ===\n%s", pg.Page, pg.Text)
		}
		os.WriteFile("/tmp/samples/"+strings.ReplaceAll(p.Filename, " ", "_")+".txt", []byte(b.String()), 0o644)
	}
}
