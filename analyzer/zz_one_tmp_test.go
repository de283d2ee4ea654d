package analyzer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZOne(t *testing.T) {
	f := os.Getenv("ZZFILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	var pages []PageText
	for i, p := range strings.Split(string(b), "\n=== PAGE ")[1:] {
		nl := strings.Index(p, "===\n")
		pages = append(pages, PageText{Page: i + 1, Text: p[nl+4:]})
	}
	cb, _ := DefaultCodebook()
	c := NewCoder(cb)
	year := 2017
	if strings.Contains(f, "2018") {
		year = 2018
	}
	cd := c.Code(PlanMeta{Year: year}, pages)
	if os.Getenv("ZZUNITS") != "" {
		d := cb.parse(pages, "")
		for u := range d.units {
			fmt.Printf("U%d p%d k%d b%d s=%s %q\n", u, d.units[u].page+1, d.units[u].kind, d.units[u].block, d.kind(u), d.unitText(u))
		}
	}
	for _, g := range cd.Goals {
		fmt.Printf("G %s %s %s %q %v\n", g.ID, g.Horizon, g.Section, g.Text, g.IndicatorIDs)
	}
	for _, g := range cd.Indicators {
		fmt.Printf("I %s %s %s %q %s\n", g.ID, g.Type, g.Section, g.Text, g.GoalID)
	}
	fmt.Println("B", cd.Brukarinflytande.Level, cd.Brukarinflytande.Organisations)
	for _, e := range cd.Brukarinflytande.Evidence {
		fmt.Printf("  BE %s %q\n", e.Section, e.Text)
	}
	fmt.Println("GEN", cd.Genus.Placements)
	for _, e := range cd.Genus.Evidence {
		fmt.Printf("  GE %s %q\n", e.Section, e.Text)
	}
}
