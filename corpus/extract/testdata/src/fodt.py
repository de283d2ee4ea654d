#!/usr/bin/env python3
"""Turn a plan source in a small line markup into a Flat ODT document that
LibreOffice converts to PDF and DOCX (see ../make.sh).

Markup, one element per block of lines:
  @title: T          document title (metadata)
  @header: T         running header on every page but the first
  @footer: T         running footer; "Sida N av M" is appended
  @font: F           body font (default Liberation Serif)
  # T / ## T         headings
  - T                bullet list item
  | a | b |          table row (consecutive rows form one table)
  !| a | b |         table row without borders
  {fn:T}             a footnote, inside a paragraph
  [cols3] ... [/cols] a three-column section
  [cols2] ... [/cols] a two-column section
  [pagebreak]        page break before the next paragraph
  other lines        one paragraph per line
"""
import re
import sys
from xml.sax.saxutils import escape

def parse(src):
    meta = {"title": "", "header": "", "footer": "", "font": "Liberation Serif"}
    blocks, para = [], []
    def flush():
        if para:
            blocks.append(("p", " ".join(para)))
            para.clear()
    for raw in src.splitlines():
        line = raw.strip()
        if line.startswith("@") and ":" in line:
            k, v = line[1:].split(":", 1)
            meta[k.strip()] = v.strip()
            continue
        if not line:
            flush(); continue
        if line.startswith("## "):
            flush(); blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            flush(); blocks.append(("h1", line[2:]))
        elif line.startswith("- "):
            flush(); blocks.append(("li", line[2:]))
        elif line.startswith("|"):
            flush(); blocks.append(("tr", [c.strip() for c in line.strip("|").split("|")]))
        elif line.startswith("!|"):
            flush(); blocks.append(("tr0", [c.strip() for c in line[1:].strip("|").split("|")]))
        elif line in ("[cols2]", "[cols3]", "[/cols]", "[pagebreak]"):
            flush(); blocks.append((line, None))
        else:
            flush(); para.append(line)
    flush()
    return meta, blocks

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><dc:language>sv-SE</dc:language></office:meta>
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="{font}" fo:font-size="11pt" fo:language="sv" fo:country="SE"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="16pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="start"/>
  <style:text-properties fo:font-size="10pt"/>
 </style:style>
 <style:style style:name="HF" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" fo:hyphenate="false"/>
 </style:style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Sect2" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
 </style:style>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="margins"/></style:style>
 <style:style style:name="TC" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
 </style:style>
 <style:style style:name="TC0" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="none"/>
 </style:style>
 <style:style style:name="Sect3" style:family="section">
  <style:section-properties><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:section-properties>
 </style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="HF">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="HF">{footer} Sida <text:page-number text:select-page="current">1</text:page-number> av <text:page-count>1</text:page-count></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""

NOTE = re.compile(r"\{fn:([^}]*)\}")

def inline(text):
    """Escapes text and turns {fn:...} into footnotes."""
    out, last = [], 0
    for m in NOTE.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append('<text:note text:note-class="footnote"><text:note-citation>*</text:note-citation>'
                   '<text:note-body><text:p text:style-name="Cell">%s</text:p></text:note-body></text:note>' % escape(m.group(1)))
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)

def body(blocks):
    out, i, brk = [], 0, False
    def pstyle(default):
        nonlocal brk
        if brk:
            brk = False
            return "Break"
        return default
    while i < len(blocks):
        kind, v = blocks[i]
        if kind == "p":
            out.append('<text:p text:style-name="%s">%s</text:p>' % (pstyle("Body"), inline(v)))
        elif kind in ("h1", "h2"):
            st = pstyle(kind.upper())
            if st == "Break":
                out.append('<text:p text:style-name="Break"/>')
                st = kind.upper()
            out.append('<text:h text:style-name="%s" text:outline-level="%s">%s</text:h>' % (st, kind[1], escape(v)))
        elif kind == "li":
            out.append('<text:list text:style-name="Bullets">')
            while i < len(blocks) and blocks[i][0] == "li":
                out.append('<text:list-item><text:p text:style-name="Body">%s</text:p></text:list-item>' % escape(blocks[i][1]))
                i += 1
            out.append("</text:list>")
            continue
        elif kind in ("tr", "tr0"):
            ncol = len(v)
            cell = "TC" if kind == "tr" else "TC0"
            out.append('<table:table table:style-name="Tbl"><table:table-column table:number-columns-repeated="%d"/>' % ncol)
            while i < len(blocks) and blocks[i][0] == kind:
                out.append("<table:table-row>")
                for c in blocks[i][1]:
                    out.append('<table:table-cell table:style-name="%s" office:value-type="string"><text:p text:style-name="Cell">%s</text:p></table:table-cell>' % (cell, escape(c)))
                out.append("</table:table-row>")
                i += 1
            out.append("</table:table>")
            continue
        elif kind in ("[cols2]", "[cols3]"):
            out.append('<text:section text:style-name="Sect%s" text:name="S%d">' % (kind[5], i))
        elif kind == "[/cols]":
            out.append("</text:section>")
        elif kind == "[pagebreak]":
            brk = True
        i += 1
    return "\n".join(out)

def html(meta, blocks):
    """The same document as HTML for Chromium, whose PDFs use Type0/CID
    fonts. Chromium prints no running header or footer here."""
    out = ['<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>%s</title>' % escape(meta["title"]),
           '<style>body{font-family:"%s";font-size:11pt;text-align:justify;margin:0 1cm}'
           'h1{font-family:"Liberation Sans";font-size:16pt}h2{font-family:"Liberation Sans";font-size:13pt}'
           '.cols{columns:2;column-gap:0.8cm}table{border-collapse:collapse;width:100%%}'
           'td{border:0.5pt solid #000;padding:0.1cm;font-size:10pt;text-align:left}'
           '.brk{break-before:page}</style></head><body>' % escape(meta["font"])]
    i, brk = 0, False
    def cls():
        nonlocal brk
        if brk:
            brk = False
            return ' class="brk"'
        return ""
    while i < len(blocks):
        kind, v = blocks[i]
        if kind == "p":
            out.append("<p%s>%s</p>" % (cls(), escape(NOTE.sub(r"(\1)", v))))
        elif kind in ("h1", "h2"):
            out.append("<%s%s>%s</%s>" % (kind, cls(), escape(v), kind))
        elif kind == "li":
            out.append("<ul%s>" % cls())
            while i < len(blocks) and blocks[i][0] == "li":
                out.append("<li>%s</li>" % escape(blocks[i][1]))
                i += 1
            out.append("</ul>")
            continue
        elif kind in ("tr", "tr0"):
            out.append("<table%s>" % cls())
            while i < len(blocks) and blocks[i][0] == kind:
                out.append("<tr>%s</tr>" % "".join("<td>%s</td>" % escape(c) for c in blocks[i][1]))
                i += 1
            out.append("</table>")
            continue
        elif kind in ("[cols2]", "[cols3]"):
            out.append('<div class="cols">')
        elif kind == "[/cols]":
            out.append("</div>")
        elif kind == "[pagebreak]":
            brk = True
        i += 1
    return "\n".join(out) + "</body></html>\n"

def main():
    args = sys.argv[1:]
    as_html = args[0] == "--html"
    if as_html:
        args = args[1:]
    src = open(args[0], encoding="utf-8").read()
    meta, blocks = parse(src)
    if as_html:
        sys.stdout.write(html(meta, blocks))
        return
    doc = HEAD.format(title=escape(meta["title"]), header=escape(meta["header"]),
                      footer=escape(meta["footer"]), font=escape(meta["font"]))
    doc += body(blocks) + "\n</office:text></office:body></office:document>\n"
    sys.stdout.write(doc)

main()
