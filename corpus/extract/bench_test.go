package extract

import (
	"context"
	"testing"
)

// BenchmarkExtractPDF extracts the committed word-processor PDFs in
// process and reports pages per second.
func BenchmarkExtractPDF(b *testing.B) {
	for _, name := range []string{"plan_a.pdf", "plan_b.pdf", "plan_a_chromium.pdf", "plan_long.pdf"} {
		data := mustRead(b, "testdata/"+name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			pages := 0
			for b.Loop() {
				doc, err := (&Extractor{}).Extract(context.Background(), name, data)
				if err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkExtractPDFWorker measures the same through a worker process:
// the cost of isolation per document.
func BenchmarkExtractPDFWorker(b *testing.B) {
	data := mustRead(b, "testdata/plan_a.pdf")
	e := workerExtractor(Limits{})
	pages := 0
	for b.Loop() {
		doc, err := e.Extract(context.Background(), "plan_a.pdf", data)
		if err != nil {
			b.Fatal(err)
		}
		pages += len(doc.Pages)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
