package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"
)

var dumpFile = flag.String("dump", "", "print the extraction of this file and stop (a debugging aid)")

// TestDump prints what Extract makes of -dump FILE.
func TestDump(t *testing.T) {
	if *dumpFile == "" {
		t.Skip("no -dump file")
	}
	data, err := os.ReadFile(*dumpFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := (&Extractor{}).Extract(context.Background(), *dumpFile, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		fmt.Printf("===== page %d =====\n%s\n", p.Page, p.Text)
	}
	fmt.Printf("===== headers: %q\n===== warnings: %q\n===== title: %q\n", doc.Headers, doc.Warnings, doc.Title)
}
