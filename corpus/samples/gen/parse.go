package main

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// doc is one parsed source file.
type doc struct {
	Name     string // source file name without .txt
	Lan      string
	Year     int
	Audience string
	Title    string
	Style    string
	Header   string // "left | right", {page} and {pages} expand
	Footer   string
	File     string // output name without .pdf
	Blocks   []block
}

type blockKind int

const (
	bPara blockKind = iota
	bHeading
	bBullets
	bNumbered
	bTable
	bCaption
	bBox
	bPageBreak
	bTwoColumn
	bOneColumn
	bTOC
	bCoverBig
	bCoverSub
	bCoverLine
	bCoverBand
	bCoverEnd
	bRight
)

type block struct {
	Kind  blockKind
	Level int        // heading level 1..3
	Text  string     // paragraph, heading, caption, box, toc title, cover line
	Items []string   // bullets, numbered
	Rows  [][]string // table rows
	Cols  []int      // table relative widths
	Head  bool       // table has a header row
	Line  int        // source line, for errors
}

// parse reads the markup described in src/README.md.
func parse(name, src string) (*doc, error) {
	d := &doc{Name: name}
	var (
		para     []string
		paraLine int
		cols     []int
		noHead   bool
		inCover  bool
	)
	flush := func() {
		if len(para) > 0 {
			d.Blocks = append(d.Blocks, block{Kind: bPara, Text: strings.Join(para, " "), Line: paraLine})
			para = nil
		}
	}
	last := func() *block {
		if len(d.Blocks) == 0 {
			return nil
		}
		return &d.Blocks[len(d.Blocks)-1]
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "//") {
			continue
		}
		if trim == "" {
			flush()
			continue
		}
		if inCover {
			switch {
			case trim == "@endcover":
				inCover = false
				d.Blocks = append(d.Blocks, block{Kind: bCoverEnd, Line: n})
			case strings.HasPrefix(trim, "== "):
				d.Blocks = append(d.Blocks, block{Kind: bCoverSub, Text: trim[3:], Line: n})
			case strings.HasPrefix(trim, "= "):
				d.Blocks = append(d.Blocks, block{Kind: bCoverBig, Text: trim[2:], Line: n})
			case strings.HasPrefix(trim, "@band "):
				d.Blocks = append(d.Blocks, block{Kind: bCoverBand, Text: trim[6:], Line: n})
			default:
				d.Blocks = append(d.Blocks, block{Kind: bCoverLine, Text: trim, Line: n})
			}
			continue
		}
		switch {
		case strings.HasPrefix(trim, "@"):
			flush()
			key, val, _ := strings.Cut(trim[1:], " ")
			val = strings.TrimSpace(val)
			switch key {
			case "lan":
				d.Lan = val
			case "year":
				y, err := strconv.Atoi(val)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: year %q: %w", name, n, val, err)
				}
				d.Year = y
			case "audience":
				d.Audience = val
			case "title":
				d.Title = val
			case "style":
				d.Style = val
			case "header":
				d.Header = val
			case "footer":
				d.Footer = val
			case "file":
				d.File = val
			case "cover":
				inCover = true
			case "toc":
				if val == "" {
					val = "Innehåll"
				}
				d.Blocks = append(d.Blocks, block{Kind: bTOC, Text: val, Line: n})
			case "pagebreak":
				d.Blocks = append(d.Blocks, block{Kind: bPageBreak, Line: n})
			case "twocolumn":
				d.Blocks = append(d.Blocks, block{Kind: bTwoColumn, Line: n})
			case "onecolumn":
				d.Blocks = append(d.Blocks, block{Kind: bOneColumn, Line: n})
			case "right":
				d.Blocks = append(d.Blocks, block{Kind: bRight, Text: val, Line: n})
			case "cols":
				cols = nil
				for _, f := range strings.Split(val, ",") {
					w, err := strconv.Atoi(strings.TrimSpace(f))
					if err != nil {
						return nil, fmt.Errorf("%s:%d: cols %q: %w", name, n, val, err)
					}
					cols = append(cols, w)
				}
			case "nohead":
				noHead = true
			default:
				return nil, fmt.Errorf("%s:%d: unknown directive @%s", name, n, key)
			}
		case strings.HasPrefix(trim, "#"):
			flush()
			lvl := len(trim) - len(strings.TrimLeft(trim, "#"))
			if lvl > 3 {
				return nil, fmt.Errorf("%s:%d: heading level %d > 3", name, n, lvl)
			}
			d.Blocks = append(d.Blocks, block{Kind: bHeading, Level: lvl, Text: strings.TrimSpace(trim[lvl:]), Line: n})
		case strings.HasPrefix(trim, "- ") || strings.HasPrefix(trim, "+ "):
			flush()
			kind := bBullets
			if trim[0] == '+' {
				kind = bNumbered
			}
			if b := last(); b != nil && b.Kind == kind {
				b.Items = append(b.Items, trim[2:])
			} else {
				d.Blocks = append(d.Blocks, block{Kind: kind, Items: []string{trim[2:]}, Line: n})
			}
		case strings.HasPrefix(line, "  ") && len(para) == 0 && last() != nil && (last().Kind == bBullets || last().Kind == bNumbered):
			// continuation of the previous list item
			b := last()
			b.Items[len(b.Items)-1] += " " + trim
		case strings.HasPrefix(trim, "|"):
			flush()
			cells := splitRow(trim)
			if b := last(); b != nil && b.Kind == bTable && b.Line == n-len(b.Rows) {
				if len(cells) != len(b.Rows[0]) {
					return nil, fmt.Errorf("%s:%d: table row has %d cells, first row %d", name, n, len(cells), len(b.Rows[0]))
				}
				b.Rows = append(b.Rows, cells)
			} else {
				if cols != nil && len(cols) != len(cells) {
					return nil, fmt.Errorf("%s:%d: @cols has %d widths, table %d columns", name, n, len(cols), len(cells))
				}
				d.Blocks = append(d.Blocks, block{Kind: bTable, Rows: [][]string{cells}, Cols: cols, Head: !noHead, Line: n})
				cols, noHead = nil, false
			}
		case strings.HasPrefix(trim, "~ "):
			flush()
			d.Blocks = append(d.Blocks, block{Kind: bCaption, Text: trim[2:], Line: n})
		case strings.HasPrefix(trim, "> "):
			if b := last(); len(para) == 0 && b != nil && b.Kind == bBox && b.Line == n-1 {
				b.Text += " " + trim[2:]
				b.Line = n
				continue
			}
			flush()
			d.Blocks = append(d.Blocks, block{Kind: bBox, Text: trim[2:], Line: n})
		default:
			if len(para) == 0 {
				paraLine = n
			}
			para = append(para, trim)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if inCover {
		return nil, fmt.Errorf("%s: @cover without @endcover", name)
	}
	if d.Lan == "" || d.Year == 0 || d.Audience == "" || d.Title == "" || d.Style == "" {
		return nil, fmt.Errorf("%s: @lan, @year, @audience, @title and @style are required", name)
	}
	if d.File == "" {
		d.File = fmt.Sprintf("%s %d %s", d.Lan, d.Year, d.Audience)
	}
	return d, nil
}

// splitRow splits "| a | b |" into trimmed cells.
func splitRow(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
