package analyzer

import (
	"fmt"
	"strings"
	"testing"
)

// benchPages builds a 50-page plan of about 4 kB a page (a real plan's
// page holds 2–5 kB) from the pages of the fictional test plans, with
// running headers and page numbers.
func benchPages(b *testing.B) []PageText {
	b.Helper()
	var bodies []string
	for _, f := range []string{"testdata/prosa_jamtland.txt", "testdata/tabeller_norrland.txt", "testdata/kommun_lista.txt"} {
		for _, p := range readPlan(b, f) {
			if strings.TrimSpace(p.Text) != "" {
				bodies = append(bodies, p.Text)
			}
		}
	}
	pages := make([]PageText, 50)
	for i := range pages {
		var body strings.Builder
		for j := 0; body.Len() < 4000; j++ {
			body.WriteString(bodies[(i+j)%len(bodies)])
			body.WriteString("\n")
		}
		pages[i] = PageText{Page: i + 1, Text: fmt.Sprintf("Länsgemensam handlingsplan 2018\n%s\nSida %d av 50\n", body.String(), i+1)}
	}
	return pages
}

func BenchmarkCode(b *testing.B) {
	c := NewCoder(defaultCodebook(b))
	pages := benchPages(b)
	n := 0
	for _, p := range pages {
		n += len(p.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Code(PlanMeta{Year: 2018}, pages)
	}
}

func BenchmarkLoadCodebook(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := DefaultCodebook(); err != nil {
			b.Fatal(err)
		}
	}
}
