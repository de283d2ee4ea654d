package main

import (
	"strings"
	"testing"
)

const head = "@lan Jämtland\n@year 2017\n@audience vuxna\n@title T\n@style jamtland\n"

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		kinds []blockKind
		check func(t *testing.T, d *doc)
	}{
		{"paragraph joins lines", "första raden\nandra raden\n\nny", []blockKind{bPara, bPara}, func(t *testing.T, d *doc) {
			if got := d.Blocks[0].Text; got != "första raden andra raden" {
				t.Errorf("text = %q", got)
			}
		}},
		{"heading levels", "# 1 Inledning\n## 1.1 Syfte\n### a", []blockKind{bHeading, bHeading, bHeading}, func(t *testing.T, d *doc) {
			if d.Blocks[1].Level != 2 || d.Blocks[1].Text != "1.1 Syfte" {
				t.Errorf("block = %+v", d.Blocks[1])
			}
		}},
		{"list with continuation", "- ett\n  fortsätter\n- två", []blockKind{bBullets}, func(t *testing.T, d *doc) {
			if got := strings.Join(d.Blocks[0].Items, "|"); got != "ett fortsätter|två" {
				t.Errorf("items = %q", got)
			}
		}},
		{"numbered list", "+ a\n+ b", []blockKind{bNumbered}, nil},
		{"table with widths", "@cols 2,1\n| Mål | Källa |\n| Öka | SCB |", []blockKind{bTable}, func(t *testing.T, d *doc) {
			b := d.Blocks[0]
			if len(b.Rows) != 2 || b.Rows[1][0] != "Öka" || !b.Head || len(b.Cols) != 2 {
				t.Errorf("table = %+v", b)
			}
		}},
		{"two tables apart", "| a |\n\n| b |", []blockKind{bTable, bTable}, nil},
		{"cover", "@cover\n@band B\n= T\n== S\nrad\n@endcover", []blockKind{bCoverBand, bCoverBig, bCoverSub, bCoverLine, bCoverEnd}, nil},
		{"fact box joins", "> a\n> b", []blockKind{bBox}, func(t *testing.T, d *doc) {
			if d.Blocks[0].Text != "a b" {
				t.Errorf("box = %q", d.Blocks[0].Text)
			}
		}},
		{"comment skipped", "// x\ntext", []blockKind{bPara}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parse("t", head+tt.src)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			var kinds []blockKind
			for _, b := range d.Blocks {
				kinds = append(kinds, b.Kind)
			}
			if len(kinds) != len(tt.kinds) {
				t.Fatalf("kinds = %v; want %v", kinds, tt.kinds)
			}
			for i := range kinds {
				if kinds[i] != tt.kinds[i] {
					t.Fatalf("kinds = %v; want %v", kinds, tt.kinds)
				}
			}
			if d.File != "Jämtland 2017 vuxna" {
				t.Errorf("File = %q", d.File)
			}
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"missing metadata", "# 1 Rubrik", "required"},
		{"unknown directive", head + "@nonsense", "unknown directive"},
		{"ragged table", head + "| a | b |\n| c |", "cells"},
		{"cols mismatch", head + "@cols 1,2,3\n| a | b |", "@cols"},
		{"open cover", head + "@cover\n= T", "@endcover"},
		{"deep heading", head + "#### x", "level"},
		{"bad year", "@year tjugo", "year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("t", tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse error = %v; want one containing %q", err, tt.want)
			}
		})
	}
}

func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a & b < c", "a &amp; b &lt; c"},
		{"**fet** text", `<text:span text:style-name="Bold">fet</text:span> text`},
		{"udda ** stjärnor", "udda ** stjärnor"},
		{"åäö é", "åäö é"},
	}
	for _, tt := range tests {
		if got := inline(tt.in); got != tt.want {
			t.Errorf("inline(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindTOCPages(t *testing.T) {
	pages := []string{
		"Omslag",
		"Innehåll\n1 Inledning........3\n2 Mål........4\n1 Inledning\nText på samma sida",
		"2 Mål\nText",
	}
	toc := []tocEntry{{Level: 1, Text: "1 Inledning"}, {Level: 1, Text: "2 Mål"}}
	if err := findTOCPages(toc, pages); err != nil {
		t.Fatalf("findTOCPages: %v", err)
	}
	if toc[0].Page != 2 || toc[1].Page != 3 {
		t.Errorf("pages = %d, %d; want 2, 3", toc[0].Page, toc[1].Page)
	}
	if err := findTOCPages([]tocEntry{{Text: "3 Saknas"}}, pages); err == nil {
		t.Error("missing heading: no error")
	}
}

func TestHeaderFooter(t *testing.T) {
	got := headerFooter("Vänster | Sida {page} av {pages}")
	for _, want := range []string{"Vänster<text:tab/>Sida ", "<text:page-number", "<text:page-count>"} {
		if !strings.Contains(got, want) {
			t.Errorf("headerFooter = %q; want it to contain %q", got, want)
		}
	}
}
