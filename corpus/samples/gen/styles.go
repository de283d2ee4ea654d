package main

import (
	"strconv"
	"strings"
)

// preset is the look of one county's plans: each county has its own, as
// real plans come out of different offices and templates.
type preset struct {
	BodyFont   string
	HeadFont   string
	BodySize   string // "11pt"
	LineHeight string // "115%"
	HeadColor  string
	H1Size     string
	H2Size     string
	H3Size     string
	H1Caps     bool // headings of level 1 set in capitals by the style
	H1NewPage  bool // every level-1 heading starts a page
	H1Rule     bool // a rule under level-1 headings
	Justify    bool
	Hyphenate  bool
	Indent     bool // first-line indent instead of space between paragraphs
	Margin     string
	MarginTop  string
	TableHead  string // background of header cells
	TableLine  string // border colour
	BoxBg      string
	Bullet     string
	BandColor  string // cover band background
	BandText   string // cover band text colour
	CoverFont  string
	CoverSize  string
	TOCDepth   int
	HeaderRule bool
	FooterRule bool
	FooterSize string
}

// textWidthCM is the A4 text width for a margin given in cm.
func textWidthCM(margin string) float64 {
	m, err := strconv.ParseFloat(strings.TrimSuffix(margin, "cm"), 64)
	if err != nil {
		return 16
	}
	return 21.0 - 2*m
}

var presets = map[string]preset{
	// Jämtland: classic serif office document, blue headings.
	"jamtland": {
		BodyFont: "Liberation Serif", HeadFont: "Liberation Sans", BodySize: "11.5pt", LineHeight: "115%",
		HeadColor: "#1f4e79", H1Size: "16pt", H2Size: "13pt", H3Size: "11.5pt",
		Justify: true, Hyphenate: true, Margin: "2.5cm", MarginTop: "1.8cm",
		TableHead: "#dbe5f1", TableLine: "#7f9fbf", BoxBg: "#eef3f8", Bullet: "•",
		BandColor: "#1f4e79", BandText: "#ffffff", CoverFont: "Liberation Sans", CoverSize: "26pt",
		TOCDepth: 2, HeaderRule: true, FooterSize: "9pt",
	},
	// Skåne: sans, green, every chapter on a new page, ragged right.
	"skane": {
		BodyFont: "Liberation Sans", HeadFont: "Liberation Sans", BodySize: "10.5pt", LineHeight: "120%",
		HeadColor: "#2e6b30", H1Size: "18pt", H2Size: "13pt", H3Size: "11pt",
		H1NewPage: true, H1Rule: true, Margin: "2.2cm", MarginTop: "1.6cm",
		TableHead: "#d6ead7", TableLine: "#6a9a6c", BoxBg: "#eef6ee", Bullet: "–",
		BandColor: "#2e6b30", BandText: "#ffffff", CoverFont: "Liberation Sans", CoverSize: "28pt",
		TOCDepth: 2, FooterRule: true, FooterSize: "8.5pt",
	},
	// Västerbotten: DejaVu Sans, dark red, compact.
	"vasterbotten": {
		BodyFont: "DejaVu Sans", HeadFont: "DejaVu Sans", BodySize: "10pt", LineHeight: "125%",
		HeadColor: "#8b1a1a", H1Size: "14pt", H2Size: "12pt", H3Size: "10pt",
		H1Caps: true, Hyphenate: true, Margin: "2.4cm", MarginTop: "1.5cm",
		TableHead: "#f2dcdb", TableLine: "#b07070", BoxBg: "#f9eeee", Bullet: "■",
		BandColor: "#8b1a1a", BandText: "#ffffff", CoverFont: "DejaVu Sans", CoverSize: "22pt",
		TOCDepth: 1, HeaderRule: true, FooterRule: true, FooterSize: "8pt",
	},
	// Östergötland: DejaVu Serif, black and grey, first-line indents.
	"ostergotland": {
		BodyFont: "DejaVu Serif", HeadFont: "DejaVu Serif", BodySize: "10pt", LineHeight: "118%",
		HeadColor: "#222222", H1Size: "15pt", H2Size: "12pt", H3Size: "10.5pt",
		Justify: true, Hyphenate: true, Indent: true, Margin: "2.6cm", MarginTop: "2cm",
		TableHead: "#e0e0e0", TableLine: "#404040", BoxBg: "#f0f0f0", Bullet: "◦",
		BandColor: "#404040", BandText: "#ffffff", CoverFont: "DejaVu Serif", CoverSize: "24pt",
		TOCDepth: 2, FooterSize: "9pt",
	},
	// Gävleborg: Liberation Sans Narrow headings, orange accents.
	"gavleborg": {
		BodyFont: "Liberation Sans", HeadFont: "Liberation Sans Narrow", BodySize: "11pt", LineHeight: "115%",
		HeadColor: "#c55a11", H1Size: "20pt", H2Size: "14pt", H3Size: "12pt",
		Margin: "2cm", MarginTop: "1.5cm",
		TableHead: "#fbe4d5", TableLine: "#c55a11", BoxBg: "#fdf1e8", Bullet: "►",
		BandColor: "#c55a11", BandText: "#ffffff", CoverFont: "Liberation Sans Narrow", CoverSize: "32pt",
		TOCDepth: 1, HeaderRule: true, FooterSize: "9pt",
	},
	// Dalarna: Liberation Serif throughout, headings in capitals, purple.
	"dalarna": {
		BodyFont: "Liberation Serif", HeadFont: "Liberation Serif", BodySize: "12pt", LineHeight: "110%",
		HeadColor: "#5b2c6f", H1Size: "15pt", H2Size: "12.5pt", H3Size: "12pt",
		H1Caps: true, H1Rule: true, Justify: true, Margin: "2.5cm", MarginTop: "2cm",
		TableHead: "#e8daef", TableLine: "#7d5a8c", BoxBg: "#f4ecf7", Bullet: "•",
		BandColor: "#5b2c6f", BandText: "#ffffff", CoverFont: "Liberation Serif", CoverSize: "26pt",
		TOCDepth: 2, FooterRule: true, FooterSize: "10pt",
	},
	// Kalmar: DejaVu Sans Condensed, teal, two-level TOC.
	"kalmar": {
		BodyFont: "DejaVu Sans Condensed", HeadFont: "DejaVu Sans", BodySize: "10.5pt", LineHeight: "120%",
		HeadColor: "#116466", H1Size: "15pt", H2Size: "12pt", H3Size: "10.5pt",
		Hyphenate: true, Margin: "2.3cm", MarginTop: "1.7cm",
		TableHead: "#d1eeee", TableLine: "#3a8f90", BoxBg: "#e9f6f6", Bullet: "✓",
		BandColor: "#116466", BandText: "#ffffff", CoverFont: "DejaVu Sans", CoverSize: "24pt",
		TOCDepth: 2, HeaderRule: true, FooterRule: true, FooterSize: "8.5pt",
	},
	// Stockholm: Liberation Sans body, serif headings, navy.
	"stockholm": {
		BodyFont: "Liberation Sans", HeadFont: "Liberation Serif", BodySize: "10.5pt", LineHeight: "125%",
		HeadColor: "#002060", H1Size: "17pt", H2Size: "13pt", H3Size: "11pt",
		H1NewPage: true, Justify: true, Hyphenate: true, Margin: "2.4cm", MarginTop: "1.6cm",
		TableHead: "#d9e1f2", TableLine: "#002060", BoxBg: "#edf1f9", Bullet: "•",
		BandColor: "#002060", BandText: "#ffffff", CoverFont: "Liberation Serif", CoverSize: "28pt",
		TOCDepth: 2, HeaderRule: true, FooterSize: "9pt",
	},
	// Norrbotten: sans body, serif headings, dark teal, wide margins.
	"norrbotten": {
		BodyFont: "Liberation Sans", HeadFont: "DejaVu Serif", BodySize: "10.5pt", LineHeight: "130%",
		HeadColor: "#0b5563", H1Size: "15pt", H2Size: "12pt", H3Size: "10.5pt",
		H1Rule: true, Hyphenate: true, Margin: "2.8cm", MarginTop: "1.8cm",
		TableHead: "#cfe5e8", TableLine: "#0b5563", BoxBg: "#e7f2f4", Bullet: "○",
		BandColor: "#0b5563", BandText: "#ffffff", CoverFont: "DejaVu Serif", CoverSize: "25pt",
		TOCDepth: 1, FooterRule: true, FooterSize: "8.5pt",
	},
	// Uppsala: brochure-like, DejaVu Sans body in two columns, magenta.
	"uppsala": {
		BodyFont: "DejaVu Sans", HeadFont: "Liberation Serif", BodySize: "9.5pt", LineHeight: "125%",
		HeadColor: "#8e1b5a", H1Size: "18pt", H2Size: "12.5pt", H3Size: "10pt",
		Justify: true, Hyphenate: true, Margin: "2cm", MarginTop: "1.5cm",
		TableHead: "#f3d9e7", TableLine: "#8e1b5a", BoxBg: "#faeef4", Bullet: "▪",
		BandColor: "#8e1b5a", BandText: "#ffffff", CoverFont: "Liberation Serif", CoverSize: "30pt",
		TOCDepth: 2, HeaderRule: true, FooterRule: true, FooterSize: "8pt",
	},
}
