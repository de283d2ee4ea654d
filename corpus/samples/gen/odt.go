package main

import (
	"fmt"
	"strings"
)

// tocEntry is one line of the generated table of contents.
type tocEntry struct {
	Level int
	Text  string
	Page  int // 0 until known
}

// renderer builds the body of a Flat ODT document and the automatic
// styles it needs.
type renderer struct {
	p        preset
	d        *doc
	body     strings.Builder
	auto     []string          // automatic style XML
	autoKey  map[string]string // base+flags -> name
	pendMas  bool              // next block starts the body master page
	pendBrk  bool              // next block starts a new page
	inCols   bool
	tables   int
	sections int
	toc      []tocEntry
	tocPages []int // page of each TOC entry, from the previous pass
}

var xmlEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// inline escapes s and turns **bold** into spans.
func inline(s string) string {
	parts := strings.Split(s, "**")
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString(`<text:span text:style-name="Bold">` + xmlEsc.Replace(p) + `</text:span>`)
			continue
		}
		if i%2 == 1 {
			b.WriteString("**")
		}
		b.WriteString(xmlEsc.Replace(p))
	}
	return b.String()
}

// startStyle returns the paragraph style for the next block: base itself,
// or an automatic child that starts a page or the body master page.
func (r *renderer) startStyle(base string) string {
	if !r.pendMas && !r.pendBrk {
		return base
	}
	key := fmt.Sprintf("%s|%v|%v", base, r.pendMas, r.pendBrk)
	name, ok := r.autoKey[key]
	if !ok {
		name = fmt.Sprintf("P%d", len(r.auto)+1)
		attr := ""
		if r.pendMas {
			attr = ` style:master-page-name="Body"`
		}
		props := `<style:paragraph-properties style:page-number="auto"/>`
		if !r.pendMas {
			props = `<style:paragraph-properties fo:break-before="page"/>`
		}
		r.auto = append(r.auto, fmt.Sprintf(`<style:style style:name="%s" style:family="paragraph" style:parent-style-name="%s"%s>%s</style:style>`, name, base, attr, props))
		r.autoKey[key] = name
	}
	r.pendMas, r.pendBrk = false, false
	return name
}

func (r *renderer) para(style, text string) {
	fmt.Fprintf(&r.body, `<text:p text:style-name="%s">%s</text:p>`+"\n", r.startStyle(style), text)
}

func (r *renderer) render() error {
	for i, b := range r.d.Blocks {
		if err := r.block(i, b); err != nil {
			return fmt.Errorf("%s:%d: %w", r.d.Name, b.Line, err)
		}
	}
	if r.inCols {
		r.body.WriteString("</text:section>\n")
	}
	return nil
}

func (r *renderer) block(i int, b block) error {
	switch b.Kind {
	case bCoverBand:
		r.para("CoverBand", inline(b.Text))
	case bCoverBig:
		r.para("CoverTitle", inline(b.Text))
	case bCoverSub:
		r.para("CoverSub", inline(b.Text))
	case bCoverLine:
		r.para("CoverLine", inline(b.Text))
	case bCoverEnd:
		r.pendMas = true
	case bPageBreak:
		if r.inCols {
			return fmt.Errorf("@pagebreak inside @twocolumn")
		}
		r.pendBrk = true
	case bTwoColumn:
		if r.inCols {
			return nil
		}
		if r.pendMas || r.pendBrk {
			// a section cannot carry the break: an empty paragraph does
			r.para("Text_20_body", "")
		}
		r.sections++
		r.body.WriteString(fmt.Sprintf(`<text:section text:style-name="Sect2" text:name="Avsnitt%d">`+"\n", r.sections))
		r.inCols = true
	case bOneColumn:
		if r.inCols {
			r.body.WriteString("</text:section>\n")
			r.inCols = false
		}
	case bTOC:
		r.para("Contents_20_Heading", inline(b.Text))
		for _, blk := range r.d.Blocks[i+1:] {
			if blk.Kind == bHeading && blk.Level <= r.p.TOCDepth {
				r.toc = append(r.toc, tocEntry{Level: blk.Level, Text: blk.Text})
			}
		}
		for n, e := range r.toc {
			page := "99"
			if n < len(r.tocPages) {
				page = fmt.Sprint(r.tocPages[n])
			}
			r.para(fmt.Sprintf("Contents_20_%d", e.Level), xmlEsc.Replace(e.Text)+"<text:tab/>"+page)
		}
	case bHeading:
		if b.Level == 1 && r.p.H1NewPage && !r.pendMas && !r.inCols {
			r.pendBrk = true
		}
		style := fmt.Sprintf("Heading_20_%d", b.Level)
		fmt.Fprintf(&r.body, `<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>`+"\n", r.startStyle(style), b.Level, inline(b.Text))
	case bPara:
		r.para("Text_20_body", inline(b.Text))
	case bRight:
		r.para("RightPara", inline(b.Text))
	case bCaption:
		r.para("Caption", inline(b.Text))
	case bBox:
		r.para("FactBox", inline(b.Text))
	case bBullets, bNumbered:
		list := "LBullet"
		if b.Kind == bNumbered {
			list = "LNumber"
		}
		fmt.Fprintf(&r.body, `<text:list text:style-name="%s">`, list)
		for _, it := range b.Items {
			fmt.Fprintf(&r.body, `<text:list-item><text:p text:style-name="%s">%s</text:p></text:list-item>`, r.startStyle("ListPara"), inline(it))
		}
		r.body.WriteString("</text:list>\n")
	case bTable:
		r.table(b)
	}
	return nil
}

func (r *renderer) table(b block) {
	r.tables++
	name := fmt.Sprintf("Tabell%d", r.tables)
	width := textWidthCM(r.p.Margin)
	if r.inCols {
		width = (width - 0.6) / 2
	}
	extra := ""
	if r.pendMas {
		extra = ` style:master-page-name="Body"`
	}
	brk := ""
	if r.pendBrk {
		brk = ` fo:break-before="page"`
	}
	r.pendMas, r.pendBrk = false, false
	cols := b.Cols
	if cols == nil {
		cols = make([]int, len(b.Rows[0]))
		for i := range cols {
			cols[i] = 1
		}
	}
	sum := 0
	for _, c := range cols {
		sum += c
	}
	r.auto = append(r.auto, fmt.Sprintf(`<style:style style:name="%s" style:family="table"%s><style:table-properties style:width="%.2fcm" table:align="margins" fo:margin-top="0.15cm" fo:margin-bottom="0.25cm"%s/></style:style>`, name, extra, width, brk))
	fmt.Fprintf(&r.body, `<table:table table:name="%s" table:style-name="%s">`, name, name)
	for i, c := range cols {
		cn := fmt.Sprintf("%s.%c", name, 'A'+i)
		r.auto = append(r.auto, fmt.Sprintf(`<style:style style:name="%s" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm" style:rel-column-width="%d*"/></style:style>`, cn, width*float64(c)/float64(sum), c*1000))
		fmt.Fprintf(&r.body, `<table:table-column table:style-name="%s"/>`, cn)
	}
	for ri, row := range b.Rows {
		head := ri == 0 && b.Head
		if head {
			r.body.WriteString("<table:table-header-rows>")
		}
		r.body.WriteString("<table:table-row>")
		for _, cell := range row {
			cs, ps := "CellBody", "TableContents"
			if head {
				cs, ps = "CellHead", "TableHeading"
			}
			fmt.Fprintf(&r.body, `<table:table-cell table:style-name="%s" office:value-type="string">`, cs)
			for _, line := range strings.Split(cell, "//") {
				fmt.Fprintf(&r.body, `<text:p text:style-name="%s">%s</text:p>`, ps, inline(strings.TrimSpace(line)))
			}
			r.body.WriteString("</table:table-cell>")
		}
		r.body.WriteString("</table:table-row>")
		if head {
			r.body.WriteString("</table:table-header-rows>")
		}
		r.body.WriteString("\n")
	}
	r.body.WriteString("</table:table>\n")
}

// headerFooter turns "left | right" with {page}/{pages} into paragraph XML.
func headerFooter(s string) string {
	s = xmlEsc.Replace(s)
	s = strings.ReplaceAll(s, "{page}", `<text:page-number text:select-page="current">1</text:page-number>`)
	s = strings.ReplaceAll(s, "{pages}", `<text:page-count>1</text:page-count>`)
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, "<text:tab/>")
}

// fodt returns the whole Flat ODT document.
func (r *renderer) fodt() string {
	p := r.p
	w := textWidthCM(p.Margin)
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
`)
	fmt.Fprintf(&s, `<office:meta><dc:title>%s</dc:title><dc:subject>Fiktivt exempel skrivet för Plankoll – inte en verklig plan</dc:subject><meta:initial-creator>Plankoll (fiktivt exempel)</meta:initial-creator><dc:creator>Plankoll (fiktivt exempel)</dc:creator><dc:language>sv-SE</dc:language></office:meta>
`, xmlEsc.Replace(r.d.Title))
	s.WriteString("<office:font-face-decls>")
	seen := map[string]bool{}
	for _, f := range []string{p.BodyFont, p.HeadFont, p.CoverFont} {
		if !seen[f] {
			seen[f] = true
			fmt.Fprintf(&s, `<style:font-face style:name="%s" svg:font-family="'%s'"/>`, f, f)
		}
	}
	s.WriteString("</office:font-face-decls>\n<office:styles>\n")
	hyph := "false"
	if p.Hyphenate {
		hyph = "true"
	}
	align := "start"
	if p.Justify {
		align = "justify"
	}
	fmt.Fprintf(&s, `<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/><style:text-properties style:font-name="%s" fo:font-size="%s" fo:language="sv" fo:country="SE" fo:hyphenate="%s" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/></style:default-style>
`, p.BodyFont, p.BodySize, hyph)
	s.WriteString(`<style:default-style style:family="table-cell"><style:table-cell-properties/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
`)
	bodyPara := `fo:margin-top="0cm" fo:margin-bottom="0.22cm"`
	if p.Indent {
		bodyPara = `fo:margin-top="0cm" fo:margin-bottom="0.05cm" fo:text-indent="0.6cm"`
	}
	fmt.Fprintf(&s, `<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties %s fo:line-height="%s" fo:text-align="%s"/></style:style>
`, bodyPara, p.LineHeight, align)
	for lvl, size := range []string{p.H1Size, p.H2Size, p.H3Size} {
		caps := ""
		if lvl == 0 && p.H1Caps {
			caps = ` fo:text-transform="uppercase"`
		}
		rule := ""
		if lvl == 0 && p.H1Rule {
			rule = fmt.Sprintf(` fo:border-bottom="0.75pt solid %s" fo:padding-bottom="0.08cm"`, p.HeadColor)
		}
		top := []string{"0.5cm", "0.4cm", "0.3cm"}[lvl]
		weight := "bold"
		style := ""
		if lvl == 2 {
			style = ` fo:font-style="italic"`
		}
		fmt.Fprintf(&s, `<style:style style:name="Heading_20_%d" style:display-name="Heading %d" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="%d" style:class="text"><style:paragraph-properties fo:margin-top="%s" fo:margin-bottom="0.2cm" fo:keep-with-next="always"%s/><style:text-properties style:font-name="%s" fo:font-size="%s" fo:font-weight="%s" fo:color="%s" fo:hyphenate="false"%s%s/></style:style>
`, lvl+1, lvl+1, lvl+1, top, rule, p.HeadFont, size, weight, p.HeadColor, caps, style)
	}
	fmt.Fprintf(&s, `<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties style:font-name="%s" fo:font-size="%s" fo:font-weight="bold" fo:color="%s"/></style:style>
`, p.HeadFont, p.H1Size, p.HeadColor)
	for lvl := 1; lvl <= 2; lvl++ {
		indent := fmt.Sprintf("%.1fcm", 0.5*float64(lvl-1))
		weight := "normal"
		if lvl == 1 && p.TOCDepth > 1 {
			weight = "bold"
		}
		fmt.Fprintf(&s, `<style:style style:name="Contents_20_%d" style:display-name="Contents %d" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="%s" fo:margin-top="0.08cm" fo:margin-bottom="0.08cm"><style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-weight="%s"/></style:style>
`, lvl, lvl, indent, w-0.5*float64(lvl-1)-0.01, weight)
	}
	fmt.Fprintf(&s, `<style:style style:name="ListPara" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.1cm" fo:line-height="%s"/></style:style>
<style:style style:name="TableContents" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="90%%" fo:hyphenate="false"/></style:style>
<style:style style:name="TableHeading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="90%%" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="90%%" fo:font-style="italic"/></style:style>
<style:style style:name="RightPara" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="FactBox" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.3cm" fo:padding="0.25cm" fo:background-color="%s" fo:border-left="2.5pt solid %s"/></style:style>
<style:style style:name="CoverBand" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="3cm" fo:margin-bottom="1.2cm" fo:padding="0.4cm" fo:background-color="%s"/><style:text-properties style:font-name="%s" fo:font-size="13pt" fo:font-weight="bold" fo:color="%s"/></style:style>
<style:style style:name="CoverTitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.5cm"/><style:text-properties style:font-name="%s" fo:font-size="%s" fo:font-weight="bold" fo:color="%s" fo:hyphenate="false"/></style:style>
<style:style style:name="CoverSub" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties style:font-name="%s" fo:font-size="15pt" fo:color="%s"/></style:style>
<style:style style:name="CoverLine" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties%s><style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="%s" fo:color="#555555"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties%s><style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="%s" fo:color="#555555"/></style:style>
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
`, p.LineHeight, p.BoxBg, p.HeadColor, p.BandColor, p.CoverFont, p.BandText,
		p.CoverFont, p.CoverSize, p.HeadColor, p.CoverFont, p.HeadColor,
		rulePad(p.HeaderRule, "bottom"), w-0.01, p.FooterSize,
		rulePad(p.FooterRule, "top"), w-0.01, p.FooterSize,
	)
	fmt.Fprintf(&s, `<text:list-style style:name="LBullet"><text:list-level-style-bullet text:level="1" text:bullet-char="%s"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.9cm" fo:text-indent="-0.45cm" fo:margin-left="0.9cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="LNumber"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.9cm" fo:text-indent="-0.5cm" fo:margin-left="0.9cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
</office:styles>
`, p.Bullet)
	s.WriteString("<office:automatic-styles>\n")
	fmt.Fprintf(&s, `<style:page-layout style:name="pmCover"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="%s" fo:margin-right="%s"/></style:page-layout>
<style:page-layout style:name="pmBody"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="%s" fo:margin-bottom="1.4cm" fo:margin-left="%s" fo:margin-right="%s"/><style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="Sect2" style:family="section"><style:section-properties text:dont-balance-text-columns="false"><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
`, p.Margin, p.Margin, p.MarginTop, p.Margin, p.Margin)
	fmt.Fprintf(&s, `<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:background-color="%s" fo:padding="0.1cm" fo:border="0.5pt solid %s"/></style:style>
<style:style style:name="CellBody" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid %s"/></style:style>
`, p.TableHead, p.TableLine, p.TableLine)
	for _, a := range r.auto {
		s.WriteString(a + "\n")
	}
	s.WriteString("</office:automatic-styles>\n")
	fmt.Fprintf(&s, `<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pmCover"/><style:master-page style:name="Body" style:page-layout-name="pmBody"><style:header><text:p text:style-name="Header">%s</text:p></style:header><style:footer><text:p text:style-name="Footer">%s</text:p></style:footer></style:master-page></office:master-styles>
`, headerFooter(r.d.Header), headerFooter(r.d.Footer))
	s.WriteString("<office:body><office:text>\n")
	s.WriteString(r.body.String())
	s.WriteString("</office:text></office:body></office:document>\n")
	return s.String()
}

func rulePad(on bool, side string) string {
	if !on {
		return ""
	}
	return fmt.Sprintf(` fo:border-%s="0.5pt solid #888888" fo:padding-%s="0.08cm"`, side, side)
}
