package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/plankoll/plankoll/corpus"
)

// DOCX limits: parts are read in memory only, and never more than this.
const (
	maxZipEntries  = 5000
	maxPartBytes   = 64 << 20  // one XML part, decompressed
	maxTotalBytes  = 256 << 20 // all parts read, decompressed
	maxZipRatio    = 200       // decompressed/compressed, beyond which a part is a bomb
	ratioFloorSize = 1 << 20   // parts smaller than this may compress as they like
)

// errZipBomb marks a part that decompresses beyond the limits.
var errZipBomb = errors.New("zip bomb")

// extractDOCX reads a Word document: the body of word/document.xml with
// paragraphs, list items and tables (one row per line, cells separated by
// " | "), page breaks as pages, and the headers and footers
// (word/header*.xml, word/footer*.xml) apart in Headers.
func extractDOCX(data []byte, lim Limits) (*corpus.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, corpus.Errorf(corpus.EUnreadable, "The file is a damaged zip archive: %v.", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, corpus.Errorf(corpus.EUnreadable, "The archive holds %d entries, more than a DOCX ever has.", len(zr.File))
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		if !safeZipName(f.Name) {
			return nil, corpus.Errorf(corpus.EUnreadable, "The archive contains an unsafe entry name %q (an absolute path or \"..\"): refused.", f.Name)
		}
		parts[f.Name] = f
	}
	body := parts["word/document.xml"]
	if body == nil {
		what := "a zip archive"
		if _, ok := parts["xl/workbook.xml"]; ok {
			what = "an Excel workbook (XLSX)"
		} else if _, ok := parts["ppt/presentation.xml"]; ok {
			what = "a PowerPoint presentation (PPTX)"
		} else if _, ok := parts["content.xml"]; ok {
			what = "an OpenDocument file (save it as DOCX or PDF)"
		}
		return nil, corpus.Errorf(corpus.EUnsupportedType, "The file is %s, not a Word document (DOCX).", what)
	}
	budget := int64(maxTotalBytes)
	read := func(f *zip.File) ([]byte, error) {
		b, err := readZipPart(f, &budget)
		if errors.Is(err, errZipBomb) {
			return nil, corpus.Errorf(corpus.ETooLarge, "The DOCX part %s decompresses to far more than its size (%v): refused as a zip bomb.", f.Name, err)
		}
		if err != nil {
			return nil, corpus.Errorf(corpus.EUnreadable, "The DOCX part %s cannot be read: %v.", f.Name, err)
		}
		return b, nil
	}
	xmlBody, err := read(body)
	if err != nil {
		return nil, err
	}
	parsed, err := docxRead(xmlBody)
	if err != nil {
		return nil, corpus.Errorf(corpus.EUnreadable, "The DOCX body is not well-formed XML: %v.", err)
	}
	doc := &corpus.Document{Format: "docx"}
	pages := parsed.pages
	if len(parsed.notes) > 0 {
		notes := map[string]string{}
		for _, part := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
			if f := parts[part]; f != nil {
				b, err := read(f)
				if err != nil {
					return nil, err
				}
				m, err := docxNotes(b)
				if err != nil {
					doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s is not well-formed XML: notes skipped", part))
				}
				for k, v := range m {
					notes[k] = v
				}
			}
		}
		pages = attachNotes(pages, parsed.notes, notes)
	}
	for i, p := range pages {
		doc.Pages = append(doc.Pages, corpus.Page{Page: i + 1, Text: p})
	}
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	seen := map[string]bool{}
	for _, n := range names {
		base := path.Base(n)
		if path.Dir(n) != "word" || !strings.HasSuffix(base, ".xml") ||
			!strings.HasPrefix(base, "header") && !strings.HasPrefix(base, "footer") {
			continue
		}
		b, err := read(parts[n])
		if err != nil {
			return nil, err
		}
		hp, err := docxBody(b)
		if err != nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s is not well-formed XML: skipped", n))
			continue
		}
		for _, t := range hp {
			for _, l := range strings.Split(t, "\n") {
				if l != "" && !seen[l] {
					seen[l] = true
					doc.Headers = append(doc.Headers, l)
				}
			}
		}
	}
	if core := parts["docProps/core.xml"]; core != nil {
		if b, err := read(core); err == nil {
			doc.Title = docxTitle(b)
		}
	}
	return doc, nil
}

// attachNotes appends each referenced note's text, as a paragraph, to
// the page that refers to it, as a printed page carries its footnotes.
func attachNotes(pages []string, refs []noteRef, notes map[string]string) []string {
	for _, r := range refs {
		text := notes[r.id]
		if text == "" || len(pages) == 0 {
			continue
		}
		p := min(r.page, len(pages)-1)
		pages[p] += "\n\n" + text
	}
	return pages
}

// safeZipName refuses absolute names and names with ".." components.
func safeZipName(name string) bool {
	n := strings.ReplaceAll(name, "\\", "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		return false
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return false
		}
	}
	return true
}

// readZipPart decompresses one entry, charging budget, and refuses a part
// that outgrows maxPartBytes or the budget, or whose decompressed size is
// far beyond its compressed size. Declared sizes are not trusted.
func readZipPart(f *zip.File, budget *int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	limit := min(int64(maxPartBytes), *budget)
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil && !errors.Is(err, zip.ErrChecksum) {
		return nil, err
	}
	n := int64(len(b))
	*budget -= n
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d MB", errZipBomb, limit>>20)
	}
	if n > ratioFloorSize && n > maxZipRatio*int64(f.CompressedSize64+1) {
		return nil, fmt.Errorf("%w: %d bytes from %d", errZipBomb, n, f.CompressedSize64)
	}
	return b, err
}

// docxWriter collects the text of a WordprocessingML body.
type docxWriter struct {
	pages []string
	page  strings.Builder
	para  strings.Builder
	list  bool // the current paragraph is numbered or bulleted
	// heading: the paragraph has an outline level or a heading style;
	// its numbering (often an invisible outline list) is not a list
	heading bool
	// table state: rows of cells, each cell its paragraphs
	tables   []*docxTable
	prevList bool
	// notes lists the footnote and endnote references in order, with
	// the page each stands on
	notes []noteRef
}

// noteRef is a reference to a footnote ("footnote:3") or endnote.
type noteRef struct {
	id   string
	page int
}

type docxTable struct {
	row  []string
	cell strings.Builder
}

// docxBody reads the paragraphs, tables and page breaks of a document,
// header or footer part.
func docxBody(data []byte) ([]string, error) {
	w, err := docxRead(data)
	if err != nil {
		return nil, err
	}
	return w.pages, nil
}

// docxRead is docxBody that also returns the note references.
func docxRead(data []byte) (*docxWriter, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	w := &docxWriter{}
	skip := 0 // depth inside elements whose text is not body text
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "delText", "instrText", "Fallback":
				skip = 1
			case "footnoteReference", "endnoteReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference")
				w.notes = append(w.notes, noteRef{kind + ":" + attr(t, "id"), len(w.pages)})
			case "t":
				inText = true
			case "tab", "ptab":
				w.para.WriteByte('\t')
			case "br", "cr":
				if attr(t, "type") == "page" {
					w.pageBreak()
				} else {
					w.para.WriteByte('\n')
				}
			case "lastRenderedPageBreak", "pageBreakBefore":
				if attr(t, "val") != "0" && attr(t, "val") != "false" {
					w.pageBreak()
				}
			case "numId":
				w.list = attr(t, "val") != "0"
			case "outlineLvl":
				w.heading = true
			case "pStyle":
				v := strings.ToLower(attr(t, "val"))
				w.heading = w.heading || strings.HasPrefix(v, "heading") || strings.HasPrefix(v, "rubrik") || v == "title"
			case "noBreakHyphen":
				w.para.WriteByte('-')
			case "tbl":
				w.endPara()
				if w.table() == nil {
					w.blank()
				}
				w.tables = append(w.tables, &docxTable{})
			case "tc":
				if tb := w.table(); tb != nil {
					tb.cell.Reset()
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				w.endPara()
			case "tc":
				if tb := w.table(); tb != nil {
					tb.row = append(tb.row, strings.TrimSpace(tb.cell.String()))
				}
			case "tr":
				if tb := w.table(); tb != nil {
					w.emitRow(strings.Join(tb.row, " | "))
					tb.row = tb.row[:0]
				}
			case "tbl":
				if len(w.tables) > 0 {
					w.tables = w.tables[:len(w.tables)-1]
					w.blank()
				}
			}
		case xml.CharData:
			if inText && skip == 0 {
				w.para.Write(t)
			}
		}
	}
	w.endPara()
	w.pageBreak()
	return w, nil
}

// docxNotes reads word/footnotes.xml or word/endnotes.xml: the text of
// each note by "footnote:<id>" or "endnote:<id>". Separators are skipped.
func docxNotes(data []byte) (map[string]string, error) {
	notes := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var key string
	var start int64
	depth := 0
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return notes, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && (t.Name.Local == "footnote" || t.Name.Local == "endnote") {
				key, start = "", d.InputOffset()
				if attr(t, "type") == "" {
					key = t.Name.Local + ":" + attr(t, "id")
				}
				depth = 1
			} else if depth > 0 {
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				continue
			}
			if depth--; depth == 0 && key != "" {
				pages, err := docxBody(data[start:before])
				if err != nil {
					return nil, err
				}
				notes[key] = strings.Join(pages, "\n\n")
			}
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (w *docxWriter) table() *docxTable {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

// endPara closes a paragraph: inside a table cell it joins the cell's
// text with a space; elsewhere it becomes lines of the page.
func (w *docxWriter) endPara() {
	text := w.para.String()
	w.para.Reset()
	list := w.list && !w.heading
	w.list, w.heading = false, false
	if tb := w.table(); tb != nil {
		t := cleanLine(text)
		if t != "" {
			if tb.cell.Len() > 0 {
				tb.cell.WriteByte(' ')
			}
			tb.cell.WriteString(t)
		}
		return
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = cleanLine(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	if list {
		lines[0] = "• " + lines[0]
		if !w.prevList {
			w.blank()
		}
	} else {
		w.blank()
	}
	w.prevList = list
	for _, l := range lines {
		w.line(l)
	}
}

func (w *docxWriter) emitRow(row string) {
	if strings.Trim(row, " |") == "" {
		return
	}
	if w.prevList {
		w.blank()
	}
	w.prevList = false
	w.line(row)
}

// line appends a line to the page; blank marks a paragraph break before
// the next line.
func (w *docxWriter) line(l string) {
	if w.page.Len() > 0 && !strings.HasSuffix(w.page.String(), "\n") {
		w.page.WriteByte('\n')
	}
	w.page.WriteString(l)
}

func (w *docxWriter) blank() {
	if s := w.page.String(); s != "" && !strings.HasSuffix(s, "\n\n") {
		if strings.HasSuffix(s, "\n") {
			w.page.WriteByte('\n')
		} else {
			w.page.WriteString("\n\n")
		}
	}
}

// pageBreak ends the page unless it is empty (Word writes a rendered page
// break and an explicit one for the same break).
func (w *docxWriter) pageBreak() {
	if w.table() != nil {
		return // a break inside a table row: keep the row together
	}
	if w.para.Len() > 0 {
		// the break falls inside a paragraph: finish what came before it
		w.endPara()
	}
	s := strings.TrimSpace(w.page.String())
	if s == "" {
		return
	}
	w.pages = append(w.pages, s)
	w.page.Reset()
	w.prevList = false
}

func docxTitle(core []byte) string {
	var c struct {
		Title string `xml:"title"`
	}
	if xml.Unmarshal(core, &c) != nil {
		return ""
	}
	return strings.TrimSpace(c.Title)
}
