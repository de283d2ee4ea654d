package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/plankoll/plankoll/index"
)

func ExampleIndex_Search() {
	dir, err := os.MkdirTemp("", "plankoll-index")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ix, err := index.Open(filepath.Join(dir, "index"), index.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()

	segs := []index.Segment{{
		Lan: "Jämtland", LanCode: "23", Audience: "vuxna", Year: 2017, Page: 4, Section: "aktivitet",
		Codes: []string{"insats:suicidprevention"},
		Text:  "Kommunerna samordnar Suicidprevention med skolan.",
	}}
	if err := ix.IndexPlan("p1", "sha-1", segs); err != nil {
		fmt.Println(err)
		return
	}
	res, err := ix.Search(context.Background(), index.Request{Q: "suicid", Lan: []string{"jamtland"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range res.Hits {
		fmt.Println(h.PlanID, h.Page, h.Section, h.Fragments, h.Matches)
	}
	fmt.Println(res.Total, res.Facets["code"])
	// Output:
	// p1 4 aktivitet [Kommunerna samordnar <mark>Suicid</mark>prevention med skolan.] [{21 27}]
	// 1 map[insats:suicidprevention:1]
}
