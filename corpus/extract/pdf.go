package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
	"github.com/plankoll/plankoll/corpus"
)

// maxTreeDepth bounds the nesting of the page tree.
const maxTreeDepth = 64

// recoverPDF turns a panic raised by the PDF library on malformed input
// into an error. An errAbort (deadline, limit) keeps unwinding.
func recoverPDF(err *error) {
	if r := recover(); r != nil {
		if a, ok := r.(errAbort); ok {
			panic(a)
		}
		*err = fmt.Errorf("malformed PDF: %v", r)
	}
}

// extractPDF reads a PDF into pages of body text.
func extractPDF(ctx context.Context, data []byte, lim Limits) (*corpus.Document, error) {
	patched, fixes, err := patchPDF(data)
	if err != nil {
		return nil, err
	}
	r, err := openPDF(patched)
	if err != nil {
		return nil, classifyOpenError(err, patched, fixes)
	}
	doc := &corpus.Document{Format: "pdf"}
	var encrypted bool
	if len(fixes) > 0 {
		doc.Warnings = append(doc.Warnings, "repaired before reading: "+strings.Join(fixes, "; "))
	}
	var pages []pageRef
	func() {
		defer recoverPDF(&err)
		doc.Title = cleanTitle(r.Trailer().Key("Info").Key("Title").Text())
		encrypted = !r.Trailer().Key("Encrypt").IsNull()
		pages, err = walkPages(r.Trailer().Key("Root").Key("Pages"), lim.MaxPages)
	}()
	var ce *corpus.Error
	if err != nil && !errors.As(err, &ce) {
		return nil, corpus.Errorf(corpus.EUnreadable, "The PDF's page tree cannot be read: %v.", err)
	} else if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, corpus.Errorf(corpus.EUnreadable, "The PDF has no pages that can be found: its page tree is empty or broken.")
	}
	fonts := map[string]*font{}
	all := make([]pageLines, len(pages))
	var scanned, undecoded []int
	unmapped, images, failed := 0, 0, 0
	var firstFailure error
	for i, pg := range pages {
		pl, st, err := readPage(ctx, pg, fonts, lim)
		if err != nil {
			var a errAbort
			if errors.As(err, &a) {
				return nil, abortError(a, i+1)
			}
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d could not be read: %v", i+1, err))
			if failed++; firstFailure == nil {
				firstFailure = err
			}
			continue
		}
		all[i] = pl
		images += st.images
		if st.dropped > 0 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d draws more than %d characters: the rest (%d) were left out", i+1, maxGlyphs, st.dropped))
		}
		if st.unmapped > 0 {
			unmapped += st.unmapped
			undecoded = append(undecoded, i+1)
		}
		if len(pl.lines) == 0 {
			scanned = append(scanned, i+1)
		}
	}
	// The library opens some encrypted files with the empty password and
	// then decrypts them wrongly (RC4 40-bit): garbage, or nothing.
	if encrypted && (failed+len(scanned) == len(pages) || textChars(all) == 0) {
		return nil, corpus.Errorf(corpus.EEncrypted, "The PDF is encrypted in a way that cannot be read here: upload a copy saved without password protection or encryption.")
	}
	if failed > 0 && failed+len(scanned) == len(pages) {
		return nil, corpus.Errorf(corpus.EUnreadable, "The PDF's pages cannot be read (%v).", firstFailure)
	}

	if len(scanned) == len(pages) {
		if unmapped == 0 && images == 0 {
			return nil, corpus.Errorf(corpus.EEmptyDocument, "The PDF's pages are blank: no text and no images.")
		}
		if unmapped > 0 {
			return nil, corpus.Errorf(corpus.ENoTextLayer, "The PDF's text cannot be decoded (its fonts map no characters to Unicode), so it has no usable text layer: run OCR on it first, then upload the result.")
		}
		return nil, corpus.Errorf(corpus.ENoTextLayer, "The PDF has no text layer (it looks scanned): run OCR on it first, then upload the result.")
	}
	if unmapped > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d characters on page(s) %s have no Unicode mapping in their font and are missing", unmapped, intList(undecoded)))
	}
	if len(scanned) > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("no text on page(s) %s: blank, or scanned without OCR", intList(scanned)))
	}
	doc.Pages, doc.Headers = assemble(all)
	return doc, nil
}

// cleanTitle tidies a PDF's /Title: producers write a file name there
// ("Microsoft Word - plan 2025.docx"), which is no title.
func cleanTitle(t string) string {
	t = cleanLine(t)
	t = strings.TrimPrefix(t, "Microsoft Word - ")
	for _, ext := range []string{".docx", ".doc", ".pdf", ".odt"} {
		if strings.HasSuffix(strings.ToLower(t), ext) {
			t = strings.TrimSpace(t[:len(t)-len(ext)])
		}
	}
	return t
}

// textChars counts the letters and digits in the pages' lines.
func textChars(pages []pageLines) int {
	n := 0
	for _, p := range pages {
		for _, l := range p.lines {
			for _, r := range cleanLine(l.text) {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					n++
				}
			}
		}
	}
	return n
}

func abortError(a errAbort, page int) error {
	var big contentTooLarge
	switch {
	case errors.Is(a.err, context.DeadlineExceeded), errors.Is(a.err, context.Canceled):
		return corpus.Errorf(corpus.ETimeout, "Extracting the text took too long (stopped at page %d).", page)
	case errors.As(a.err, &big):
		return corpus.Errorf(corpus.ETooLarge, "Page %d's content decompresses to more than %d MB: refused as a likely decompression bomb.", page, big.limit>>20)
	}
	return corpus.Errorf(corpus.EUnreadable, "Page %d cannot be read: %v.", page, a.err)
}

func intList(ns []int) string {
	s := make([]string, 0, len(ns))
	for i, n := range ns {
		if i == 20 {
			s = append(s, fmt.Sprintf("… (%d in all)", len(ns)))
			break
		}
		s = append(s, strconv.Itoa(n))
	}
	return strings.Join(s, ", ")
}

func openPDF(data []byte) (r *pdf.Reader, err error) {
	defer recoverPDF(&err)
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

// classifyOpenError says why the library refused the file.
func classifyOpenError(err error, data []byte, fixes []string) error {
	msg := err.Error()
	if strings.Contains(strings.ToLower(msg), "encrypt") || hasEncryptEntry(data) {
		return corpus.Errorf(corpus.EEncrypted, "The PDF is encrypted (%s): upload a copy saved without password protection or encryption.", msg)
	}
	tried := ""
	if len(fixes) > 0 {
		tried = " (after repairing: " + strings.Join(fixes, "; ") + ")"
	}
	return corpus.Errorf(corpus.EUnreadable, "The PDF cannot be read: %s%s.", msg, tried)
}

var encryptEntry = regexp.MustCompile(`/Encrypt\s*(\d+\s+\d+\s+R|<<)`)

func hasEncryptEntry(data []byte) bool {
	tail := data
	if len(tail) > 1<<20 {
		tail = tail[len(tail)-1<<20:]
	}
	return encryptEntry.Match(tail)
}

var (
	startxrefTail = regexp.MustCompile(`startxref\s*(\d+)\s*%%EOF\s*$`)
	objHeader     = regexp.MustCompile(`^\s*\d+\s+\d+\s+obj`)
	xrefStreamObj = regexp.MustCompile(`(\d+)\s+\d+\s+obj\s*<<[^>]{0,512}?/Type\s*/XRef`)
)

// patchPDF repairs, on a copy, the damage the PDF library refuses but
// that is safe to undo: junk before %PDF-, a version header it does not
// accept, junk after %%EOF, and a startxref that does not point at a
// cross-reference section. It returns which repairs it made.
func patchPDF(data []byte) ([]byte, []string, error) {
	var fixes []string
	head := data[:min(len(data), 1024)]
	i := bytes.Index(head, []byte("%PDF-"))
	if i < 0 {
		return nil, nil, corpus.Errorf(corpus.EUnsupportedType, "The file is not a PDF: it has no %%PDF- header.")
	}
	if i > 0 {
		fixes = append(fixes, fmt.Sprintf("%d bytes of junk before %%PDF-", i))
	}
	out := append([]byte(nil), data[i:]...)
	if len(out) < 9 {
		return nil, nil, corpus.Errorf(corpus.EUnreadable, "The PDF is truncated: it ends after its header.")
	}
	if !(out[5] == '1' && out[6] == '.' && out[7] >= '0' && out[7] <= '7') {
		fixes = append(fixes, fmt.Sprintf("version header %q read as 1.7", out[:8]))
		copy(out[5:8], "1.7")
	}
	if out[8] != '\r' && out[8] != '\n' {
		out[8] = '\n' // a space or a comment glued to the header
	}
	e := bytes.LastIndex(out, []byte("%%EOF"))
	if e < 0 {
		return nil, nil, corpus.Errorf(corpus.EUnreadable, "The PDF is truncated: its end marker %%%%EOF is missing (the upload or download was probably cut off).")
	}
	if len(bytes.TrimSpace(out[e+5:])) > 0 {
		fixes = append(fixes, fmt.Sprintf("%d bytes of junk after %%%%EOF", len(out)-e-5))
	}
	out = append(out[:e+5], '\n')
	s := bytes.LastIndex(out, []byte("startxref"))
	if s < 0 {
		return nil, nil, corpus.Errorf(corpus.EUnreadable, "The PDF is damaged: it has no startxref.")
	}
	off := -1
	if m := startxrefTail.FindSubmatch(out[s:]); m != nil {
		off, _ = strconv.Atoi(string(m[1]))
	}
	if !xrefAt(out, off) {
		found := findXref(out[:s])
		if found < 0 {
			return nil, nil, corpus.Errorf(corpus.EUnreadable, "The PDF is damaged: startxref points at offset %d, where there is no cross-reference table, and none could be found.", off)
		}
		fixes = append(fixes, fmt.Sprintf("wrong startxref %d (the cross-reference table is at %d)", off, found))
		off = found
	}
	out = append(out[:s], fmt.Sprintf("\nstartxref\n%d\n%%%%EOF\n", off)...)
	if err := checkPrevChain(out, off); err != nil {
		return nil, nil, err
	}
	return out, fixes, nil
}

// checkXrefTable reads the subsection headers ("first count") of a
// cross-reference table: the PDF library makes a table as long as the
// highest object number they reach.
func checkXrefTable(section []byte, size int) error {
	fields := bytes.Fields(bytes.TrimPrefix(bytes.TrimLeft(section, " \t\r\n"), []byte("xref")))
	for i := 0; i+1 < len(fields); {
		first, err1 := strconv.Atoi(string(fields[i]))
		n, err2 := strconv.Atoi(string(fields[i+1]))
		if err1 != nil || err2 != nil || n < 0 {
			return nil // malformed: the library refuses it by itself
		}
		if first < 0 || first > size || n > size {
			return corpus.Errorf(corpus.EUnreadable, "The PDF is damaged: its cross-reference table numbers objects up to %s in a file of %d bytes.", fields[i], size)
		}
		i += 2 + 3*n
	}
	return nil
}

// checkXrefStream reads an xref stream's /Index (object numbers) and /W
// (field widths): the PDF library sizes its table and its row buffer by
// them.
func checkXrefStream(dict []byte, size int) error {
	for _, m := range arrayEntry.FindAllSubmatch(dict, -1) {
		limit := size
		if string(m[1]) == "W" {
			limit = 8
		}
		for _, f := range bytes.Fields(m[2]) {
			if n, err := strconv.Atoi(string(f)); err == nil && (n < 0 || n > limit) {
				return corpus.Errorf(corpus.EUnreadable, "The PDF is damaged: its cross-reference stream's /%s holds %d.", m[1], n)
			}
		}
	}
	return nil
}

var (
	arrayEntry = regexp.MustCompile(`/(Index|W)\s*\[([^\]]{0,256})\]`)
	prevEntry  = regexp.MustCompile(`/Prev\s+(\d+)`)
	sizeEntry  = regexp.MustCompile(`/Size\s+(\d+)`)
)

// checkPrevChain follows the /Prev links between cross-reference
// sections from off: the PDF library follows them without end when they
// loop. It also refuses a /Size beyond what the file could hold.
func checkPrevChain(data []byte, off int) error {
	seen := map[int]bool{}
	for steps := 0; off > 0 && off < len(data); steps++ {
		if seen[off] || steps > 10000 {
			return corpus.Errorf(corpus.EUnreadable, "The PDF is damaged: its cross-reference sections refer back to each other in a loop (/Prev).")
		}
		seen[off] = true
		// the section's dictionary follows within a bounded window: the
		// trailer after a table, or the stream's own header
		end := len(data)
		if i := bytes.Index(data[off:], []byte("startxref")); i >= 0 {
			end = off + i
		}
		dict := data[off:end]
		t := bytes.Index(dict, []byte("trailer"))
		if bytes.HasPrefix(bytes.TrimLeft(dict, " \t\r\n"), []byte("xref")) {
			table := dict
			if t >= 0 {
				table = dict[:t]
			}
			if err := checkXrefTable(table, len(data)); err != nil {
				return err
			}
		}
		if t >= 0 {
			dict = dict[t:]
		} else if i := bytes.Index(dict, []byte("stream")); i >= 0 {
			dict = dict[:i]
		}
		dict = dict[:min(len(dict), 4096)]
		if err := checkXrefStream(dict, len(data)); err != nil {
			return err
		}
		// the library allocates a table of /Size entries up front
		if m := sizeEntry.FindSubmatch(dict); m != nil {
			if n, err := strconv.Atoi(string(m[1])); err != nil || n > len(data)+1024 {
				return corpus.Errorf(corpus.EUnreadable, "The PDF is damaged: it declares %s objects in a file of %d bytes.", m[1], len(data))
			}
		}
		m := prevEntry.FindSubmatch(dict)
		if m == nil {
			return nil
		}
		off, _ = strconv.Atoi(string(m[1]))
	}
	return nil
}

// xrefAt reports whether a cross-reference table or stream starts at off.
func xrefAt(data []byte, off int) bool {
	if off <= 0 || off >= len(data) {
		return false
	}
	rest := data[off:min(len(data), off+64)]
	return bytes.HasPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte("xref")) || objHeader.Match(rest)
}

// findXref finds the last cross-reference table or stream before end.
func findXref(data []byte) int {
	best := -1
	for _, sep := range []string{"\nxref", "\rxref"} {
		if i := bytes.LastIndex(data, []byte(sep)); i >= 0 && i+1 > best {
			best = i + 1
		}
	}
	if locs := xrefStreamObj.FindAllSubmatchIndex(data, -1); len(locs) > 0 {
		if i := locs[len(locs)-1][2]; i > best {
			best = i
		}
	}
	return best
}

// pageRef is one leaf of the page tree with its inherited resources and
// MediaBox.
type pageRef struct {
	v, res pdf.Value
	box    []float64
}

// mediaBox reads a [x0 y0 x1 y1] array, or returns nil.
func mediaBox(v pdf.Value) []float64 {
	if v.Len() != 4 {
		return nil
	}
	b := make([]float64, 4)
	for i := range b {
		b[i] = v.Index(i).Float64()
	}
	return b
}

// walkPages lists the pages of the tree at root, in order. It does not
// trust /Count: it stops past maxPages, at a node seen twice (a /Kids
// cycle) and at nesting deeper than maxTreeDepth.
func walkPages(root pdf.Value, maxPages int) ([]pageRef, error) {
	type item struct {
		v, res pdf.Value
		box    []float64
		depth  int
	}
	var pages []pageRef
	seen := map[string]bool{}
	stack := []item{{root, root.Key("Resources"), nil, 0}}
	nodes := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		res := it.v.Key("Resources")
		if res.IsNull() {
			res = it.res
		}
		box := mediaBox(it.v.Key("MediaBox"))
		if box == nil {
			box = it.box
		}
		kids := it.v.Key("Kids")
		if it.v.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			if it.v.Kind() != pdf.Dict {
				continue
			}
			pages = append(pages, pageRef{it.v, res, box})
			if len(pages) > maxPages {
				return nil, corpus.Errorf(corpus.ETooManyPages, "The document has more than %d pages, the limit for one plan.", maxPages)
			}
			continue
		}
		nodes++
		sig := it.v.String()
		if seen[sig] {
			return nil, corpus.Errorf(corpus.EUnreadable, "The PDF's page tree loops (a /Kids entry leads back to an ancestor).")
		}
		seen[sig] = true
		if it.depth >= maxTreeDepth || nodes > 2*maxPages+maxTreeDepth {
			return nil, corpus.Errorf(corpus.EUnreadable, "The PDF's page tree is malformed (nested more than %d deep, or more nodes than pages).", maxTreeDepth)
		}
		for i := kids.Len() - 1; i >= 0; i-- {
			stack = append(stack, item{kids.Index(i), res, box, it.depth + 1})
			if len(stack) > 4*maxPages+maxTreeDepth {
				return nil, corpus.Errorf(corpus.ETooManyPages, "The document has more than %d pages, the limit for one plan.", maxPages)
			}
		}
	}
	return pages, nil
}

// pageStats counts what a page drew besides text: images, and glyphs
// whose font gives no Unicode text.
type pageStats struct{ images, unmapped, dropped int }

// readPage interprets one page. An errAbort comes back as the error so
// the caller can stop the document; other failures are the page's alone.
func readPage(ctx context.Context, pg pageRef, fonts map[string]*font, lim Limits) (pl pageLines, st pageStats, err error) {
	p := &pageReader{ctx: ctx, budget: lim.MaxPageContent, fonts: fonts, seen: make(map[glyphKey]bool, 4096)}
	defer func() {
		if r := recover(); r != nil {
			if a, ok := r.(errAbort); ok {
				err = a
				return
			}
			err = fmt.Errorf("%v", r)
		}
	}()
	p.run(pg.v.Key("Contents"), pg.res, textState{ctm: identity, th: 1}, 0, lim.MaxPageContent)
	return layoutPage(p.glyphs, p.rules, pg.box), pageStats{images: p.images, unmapped: p.unmapped, dropped: p.dropped}, nil
}

func (a errAbort) Error() string { return a.err.Error() }
func (a errAbort) Unwrap() error { return a.err }
