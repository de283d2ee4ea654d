// Package samples holds Plankoll's sample corpus: fictional regional
// action plans for mental health ("länsgemensam handlingsplan för psykisk
// hälsa"), written for this project, never copied from real plans. Each
// plan says on its cover that it is a fictional example.
//
// The PDFs are made from the sources in src/ by the generator in gen/
// (LibreOffice); this package only embeds the result. It must not run
// LibreOffice, read files at run time, or depend on other Plankoll
// packages beyond corpus.
//
// expected_coding.yaml and expected_differences.yaml beside the sources
// record what each plan was written to contain, as test data for the
// coder and the comparison.
package samples

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/plankoll/plankoll/corpus"
)

//go:embed plans.json pdf/*.pdf
var files embed.FS

// Plan is one embedded sample plan with its metadata.
type Plan struct {
	Filename string // "Jämtland 2017 vuxna.pdf"
	Lan      string // canonical county name, "Jämtland"
	Year     int
	Audience string // "vuxna" or "barn_unga"
	Title    string
	Data     []byte // the PDF
}

type planMeta struct {
	Lan      string `json:"lan"`
	Year     int    `json:"year"`
	Audience string `json:"audience"`
	Title    string `json:"title"`
	Filename string `json:"filename"`
}

// Plans returns all embedded sample PDFs with their metadata, ordered by
// county code, year and audience. The Data slices are fresh copies: a
// caller may change them. An error means the embedded metadata names a
// file or county that is not there, which the package tests rule out.
func Plans() ([]Plan, error) {
	b, err := files.ReadFile("plans.json")
	if err != nil {
		return nil, fmt.Errorf("samples: read plans.json: %w", err)
	}
	var metas []planMeta
	if err := json.Unmarshal(b, &metas); err != nil {
		return nil, fmt.Errorf("samples: decode plans.json: %w", err)
	}
	plans := make([]Plan, 0, len(metas))
	codes := map[string]string{}
	for _, m := range metas {
		lan, err := corpus.ParseLan(m.Lan)
		if err != nil {
			return nil, fmt.Errorf("samples: %s: %w", m.Filename, err)
		}
		codes[m.Filename] = lan.Code
		data, err := files.ReadFile("pdf/" + m.Filename)
		if err != nil {
			return nil, fmt.Errorf("samples: read %s: %w", m.Filename, err)
		}
		plans = append(plans, Plan{Filename: m.Filename, Lan: lan.Name, Year: m.Year, Audience: m.Audience, Title: m.Title, Data: data})
	}
	sort.SliceStable(plans, func(i, j int) bool {
		a, b := plans[i], plans[j]
		if codes[a.Filename] != codes[b.Filename] {
			return codes[a.Filename] < codes[b.Filename]
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Audience > b.Audience // vuxna before barn_unga
	})
	return plans, nil
}
