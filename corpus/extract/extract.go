package extract

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/plankoll/plankoll/corpus"
)

// Limits bound the work and memory one document may cost.
type Limits struct {
	MaxBytes       int64         // whole file, default 100 MB
	MaxPages       int           // default 1000 -> *corpus.Error ETooManyPages
	MaxPageContent int64         // decompressed content stream bytes per page, default 32 MB
	Timeout        time.Duration // per document, default 60 s -> ETimeout
	MemoryLimit    uint64        // RLIMIT_AS for the worker process, default 2 GiB
}

// DefaultLimits returns the limits used when a field is zero.
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:       100 << 20,
		MaxPages:       1000,
		MaxPageContent: 32 << 20,
		Timeout:        60 * time.Second,
		MemoryLimit:    2 << 30,
	}
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	if l.MaxPageContent <= 0 {
		l.MaxPageContent = d.MaxPageContent
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	if l.MemoryLimit == 0 {
		l.MemoryLimit = d.MemoryLimit
	}
	return l
}

// Extractor extracts text from uploaded documents within Limits.
type Extractor struct {
	Limits Limits
	// WorkerCommand is argv that runs this same binary as an extraction worker
	// (e.g. []string{os.Args[0], "extract-worker"}); nil means in-process
	// (with recover + deadline), used by tests and `plankoll code`.
	WorkerCommand []string

	mu    sync.Mutex
	spare *worker // a child started ahead of need (takeWorker)
}

// Extract detects the format from the bytes (not the name; the name is a hint
// only for text), and returns the body text per page. Errors are *corpus.Error:
// EUnsupportedType (PNG, zip that is not docx, ...), EUnreadable, EEncrypted,
// ENoTextLayer (message says OCR is needed), EBadEncoding, EEmptyDocument,
// ETooLarge, ETooManyPages, ETimeout.
//
// PDFs are read in the worker process when WorkerCommand is set; DOCX and
// text, whose readers are bounded by construction, always in-process.
func (e *Extractor) Extract(ctx context.Context, filename string, data []byte) (*corpus.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	lim := e.Limits.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, corpus.Errorf(corpus.ETooLarge, "The file is %d MB; the limit is %d MB.", len(data)>>20, lim.MaxBytes>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, corpus.Errorf(corpus.EEmptyDocument, "The file is empty.")
	}
	f, err := detect(filename, data)
	if err != nil {
		return nil, err
	}
	if f == formatPDF && len(e.WorkerCommand) > 0 {
		return e.runInWorker(ctx, filename, data, lim)
	}
	return extractGuarded(ctx, filename, data, lim)
}

type format int

const (
	formatPDF format = iota
	formatDOCX
	formatText
)

// signatures of formats we refuse, checked before the text fallback.
var refused = []struct {
	magic, what string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"II*\x00", "a TIFF image"},
	{"MM\x00*", "a TIFF image"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word (.doc) or Excel (.xls) file: save it as DOCX or PDF"},
	{"{\\rtf", "an RTF file: save it as DOCX or PDF"},
	{"\x1f\x8b", "a gzip archive"},
	{"Rar!", "a RAR archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"\x7fELF", "a program"},
}

// detect tells the format from the content.
func detect(filename string, data []byte) (format, error) {
	head := data[:min(len(data), 1024)]
	if bytes.Contains(head, []byte("%PDF-")) {
		return formatPDF, nil
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return formatDOCX, nil
	}
	for _, r := range refused {
		if bytes.HasPrefix(data, []byte(r.magic)) {
			return 0, corpus.Errorf(corpus.EUnsupportedType, "The file is %s, not a PDF, DOCX or plain-text document.", r.what)
		}
	}
	start := bytes.ToLower(bytes.TrimLeft(head[:min(len(head), 64)], "\xef\xbb\xbf \t\r\n"))
	for _, m := range []string{"<!doctype html", "<html", "<?xml"} {
		if bytes.HasPrefix(start, []byte(m)) {
			return 0, corpus.Errorf(corpus.EUnsupportedType, "The file is HTML or XML markup, not a PDF, DOCX or plain-text document: save the page as PDF.")
		}
	}
	if looksUTF16(data) {
		return 0, corpus.Errorf(corpus.EBadEncoding, "The text file looks like UTF-16 without a byte-order mark: save it as UTF-8 and upload it again.")
	}
	if looksBinary(data) {
		ext := strings.ToLower(path.Ext(filename))
		if ext == ".pdf" || ext == ".docx" {
			return 0, corpus.Errorf(corpus.EUnsupportedType, "The file is named %s but its content is not a %s: it may be damaged or mislabelled.", ext, strings.ToUpper(ext[1:]))
		}
		return 0, corpus.Errorf(corpus.EUnsupportedType, "The file is not a PDF, DOCX or plain-text document.")
	}
	return formatText, nil
}

// looksUTF16 reports text with a NUL in every other byte, as UTF-16 of
// Latin script has.
func looksUTF16(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if len(head) < 8 || hasUTF16BOM(data) {
		return false
	}
	var nul [2]int
	for i, c := range head {
		if c == 0 {
			nul[i%2]++
		}
	}
	half := len(head) / 2
	return nul[0] > half*9/10 && nul[1] == 0 || nul[1] > half*9/10 && nul[0] == 0
}

// looksBinary reports control bytes that no text file has (NUL aside from
// UTF-16, which has a BOM).
func looksBinary(data []byte) bool {
	if hasUTF16BOM(data) {
		return false
	}
	head := data[:min(len(data), 8192)]
	bad := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			bad++
		}
	}
	return bad > 0 && bad*100 >= len(head) || bytes.IndexByte(head, 0) >= 0
}

// extractGuarded runs extraction in this process under the document
// deadline. A panic that escapes becomes EUnreadable; a read that ignores
// the deadline (a loop inside the PDF library) is abandoned and reported
// as ETimeout, though its goroutine runs on: that is why the service uses
// the worker process.
func extractGuarded(ctx context.Context, filename string, data []byte, lim Limits) (*corpus.Document, error) {
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	type result struct {
		doc *corpus.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if r := recover(); r != nil {
				res = result{nil, corpus.Errorf(corpus.EUnreadable, "The document cannot be read: the reader failed on it (%v).", r)}
			}
			done <- res
		}()
		res.doc, res.err = extractFormat(ctx, filename, data, lim)
	}()
	select {
	case res := <-done:
		if res.err != nil && ctx.Err() != nil && parent.Err() == nil && corpus.ErrorCode(res.err) != corpus.ETimeout {
			return nil, timeoutError(lim)
		}
		return res.doc, res.err
	case <-ctx.Done():
		if parent.Err() != nil {
			return nil, fmt.Errorf("extract: %w", parent.Err()) // the caller gave up
		}
		return nil, timeoutError(lim)
	}
}

func timeoutError(lim Limits) error {
	return corpus.Errorf(corpus.ETimeout, "Extracting the text took longer than %s: the document is too complex or malformed.", lim.Timeout)
}

// extractFormat dispatches on the detected format and checks the result.
func extractFormat(ctx context.Context, filename string, data []byte, lim Limits) (*corpus.Document, error) {
	f, err := detect(filename, data)
	if err != nil {
		return nil, err
	}
	var doc *corpus.Document
	switch f {
	case formatPDF:
		doc, err = extractPDF(ctx, data, lim)
	case formatDOCX:
		doc, err = extractDOCX(data, lim)
	default:
		doc, err = extractText(data, lim)
	}
	if err != nil {
		return nil, err
	}
	if doc.Chars() == 0 {
		return nil, corpus.Errorf(corpus.EEmptyDocument, "The document contains no text.")
	}
	if len(doc.Pages) > lim.MaxPages {
		return nil, corpus.Errorf(corpus.ETooManyPages, "The document has %d pages; the limit is %d.", len(doc.Pages), lim.MaxPages)
	}
	return doc, nil
}

// errorf wraps an internal error with the operation.
func errorf(op string, err error) error { return fmt.Errorf("%s: %w", op, err) }
