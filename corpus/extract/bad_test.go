package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/plankoll/plankoll/corpus"
)

// imagePDF is a scanned page: an image and no text.
func imagePDF() []byte {
	img := bytes.Repeat([]byte{0x80}, 16*16)
	return buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", []byte("q 595 0 0 842 0 0 cm /Im1 Do Q"), false),
		stream("/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8", img, true),
	}, "/Root 1 0 R")
}

// deflateRepeat returns a raw deflate stream of n MiB of the byte c,
// built by repeating one compressed block rather than compressing it all:
// a gigabyte costs a millisecond. Its checksum (which readers only check
// at the end, beyond any limit) is not computed.
func deflateRepeat(c byte, n int) []byte {
	chunk := bytes.Repeat([]byte{c}, 1<<20)
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(chunk)
	fw.Flush()
	first := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write(chunk) // with a window full of c, every later MiB compresses alike
	fw.Flush()
	next := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Close()
	out := append([]byte(nil), first...)
	for i := 1; i < n; i++ {
		out = append(out, next...)
	}
	return append(out, buf.Bytes()...)
}

// flateBomb is a page whose content stream inflates to n MiB of spaces.
func flateBomb(n int) []byte {
	var z bytes.Buffer
	z.Write([]byte{0x78, 0xda})
	z.Write(deflateRepeat(' ', n))
	z.Write([]byte{0, 0, 0, 0})
	return buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
	}, "/Root 1 0 R")
}

// manyPages has n pages that share one content stream.
func manyPages(n int) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		stream("", []byte("BT /F1 11 Tf 72 770 Td (Sida) Tj ET"), false),
	}
	kids := make([]string, n)
	for i := range kids {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
		kids[i] = fmt.Sprintf("%d 0 R", len(objs))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return buildPDF(objs, "/Root 1 0 R")
}

// lzwPDF's one page is compressed with LZW, which the PDF library lacks.
func lzwPDF() []byte {
	return buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		stream("/Filter /LZWDecode", []byte("\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01"), false),
	}, "/Root 1 0 R")
}

// kidsCycle's page tree node lists itself as a kid.
func kidsCycle() []byte {
	return buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	}, "/Root 1 0 R")
}

// hugeCount claims a billion pages and has one.
func hugeCount() []byte {
	return buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", []byte("BT /F1 11 Tf 72 770 Td (Handlingsplan f\xf6r \xe4ldre) Tj ET"), false),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}, "/Root 1 0 R")
}

// prevLoop's cross-reference section names itself as /Prev, which the PDF
// library follows for ever.
func prevLoop() []byte {
	p := textPDF("Text")
	x := bytes.LastIndex(p, []byte("\nxref\n")) + 1
	return bytes.Replace(p, []byte("/Root 1 0 R"), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d", x)), 1)
}

// xrefAlloc has a cross-reference stream whose /Size makes the PDF
// library allocate a hundred gigabytes; pad bytes of a dummy entry before
// it hide it from the /Size guard, which looks at the first 4 kB.
func xrefAlloc(pad int) []byte {
	head := "%PDF-1.7\n"
	obj := "1 0 obj\n<< /Type /XRef /Pad (" + strings.Repeat("x", pad) + ") /Size 4000000000 /W [1 2 1] /Length 4 >>\nstream\n\x01\x00\x00\x00\nendstream\nendobj\n"
	return []byte(fmt.Sprintf("%s%sstartxref\n%d\n%%%%EOF\n", head, obj, len(head)))
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docxBomb has a document.xml that inflates to n MiB, and says so.
func docxBomb(t *testing.T, n int) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	data := deflateRepeat('a', n)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(n) << 20})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	zw.Close()
	return b.Bytes()
}

const docXML = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`

func TestBadInputs(t *testing.T) {
	random := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(random)
	planA := mustRead(t, "testdata/plan_a.pdf")
	tests := []struct {
		name, file string
		data       []byte
		code       string
		msg        string // a fragment the message must hold
	}{
		{"random bytes named .pdf", "plan.pdf", random, corpus.EUnsupportedType, "named .pdf"},
		{"empty file", "plan.pdf", nil, corpus.EEmptyDocument, ""},
		{"whitespace only", "plan.txt", []byte(" \n\t\n"), corpus.EEmptyDocument, ""},
		{"truncated PDF", "plan.pdf", planA[:len(planA)/2], corpus.EUnreadable, "truncated"},
		{"encrypted PDF", "plan.pdf", mustRead(t, "testdata/encrypted.pdf"), corpus.EEncrypted, "password"},
		{"encrypted PDF, RC4 40-bit", "plan.pdf", mustRead(t, "testdata/owner_rc4_40.pdf"), corpus.EEncrypted, "encrypted"},
		{"scanned PDF", "scan.pdf", imagePDF(), corpus.ENoTextLayer, "OCR"},
		{"flate bomb of 4 GB", "bomb.pdf", flateBomb(4 << 10), corpus.ETooLarge, "decompresses"},
		{"unsupported filter", "lzw.pdf", lzwPDF(), corpus.EUnreadable, "LZWDecode"},
		{"blank PDF", "blank.pdf", textPDF(""), corpus.EEmptyDocument, "blank"},
		{"5000 pages", "long.pdf", manyPages(5000), corpus.ETooManyPages, "1000"},
		{"kids cycle", "cycle.pdf", kidsCycle(), corpus.EUnreadable, "loops"},
		{"prev loop", "prev.pdf", prevLoop(), corpus.EUnreadable, "/Prev"},
		{"xref stream /W of a terabyte", "w.pdf", bytes.Replace(xrefAlloc(0), []byte("/W [1 2 1]"), []byte("/W [1 999999999999 1]"), 1), corpus.EUnreadable, "/W"},
		{"xref stream /Index in the billions", "index.pdf", bytes.Replace(xrefAlloc(0), []byte("/Size 4000000000"), []byte("/Size 4 /Index [4000000000 2]"), 1), corpus.EUnreadable, "/Index"},
		{"xref /Size of billions", "alloc.pdf", xrefAlloc(0), corpus.EUnreadable, "declares 4000000000 objects"},
		{"PNG", "plan.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), corpus.EUnsupportedType, "PNG"},
		{"HTML", "plan.txt", []byte("\n<!DOCTYPE html><html><body>Plan</body></html>"), corpus.EUnsupportedType, "HTML"},
		{"old Word", "plan.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), corpus.EUnsupportedType, "DOCX"},
		{"DOCX zip bomb of 4 GB", "bomb.docx", docxBomb(t, 4<<10), corpus.ETooLarge, "zip bomb"},
		{"DOCX with ../", "evil.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte(fmt.Sprintf(docXML, "")), "../../etc/passwd": []byte("x")}), corpus.EUnreadable, "unsafe"},
		{"zip that is not DOCX", "book.docx", zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<x/>")}), corpus.EUnsupportedType, "Excel"},
		{"DOCX without text", "empty.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte(fmt.Sprintf(docXML, "<w:p/>"))}), corpus.EEmptyDocument, ""},
		{"DOCX with broken XML", "broken.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:body><w:p>")}), corpus.EUnreadable, "XML"},
		{"non-UTF-8 text", "plan.txt", []byte("Plan f\x81r \x8d\x90 \xff\xfe\xfd"), corpus.EBadEncoding, "UTF-8"},
		{"UTF-16 without BOM", "plan.txt", []byte("P\x00l\x00a\x00n\x00 \x00f\x00\xf6\x00r\x00"), corpus.EBadEncoding, "UTF-16"},
		{"binary junk named .txt", "plan.txt", []byte("abc\x00\x01\x02def"), corpus.EUnsupportedType, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := (&Extractor{}).Extract(context.Background(), tt.file, tt.data)
			wantCode(t, err, tt.code)
			if !strings.Contains(corpus.ErrorMessage(err), tt.msg) {
				t.Errorf("message %q lacks %q", corpus.ErrorMessage(err), tt.msg)
			}
		})
	}
}

// TestOwnerPassword reads a PDF encrypted with an empty user password
// (only its permissions are protected), as many published plans are.
func TestOwnerPassword(t *testing.T) {
	doc, err := (&Extractor{}).Extract(context.Background(), "plan.pdf", mustRead(t, "testdata/owner_rc4.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Pages[0].Text, "Länsgemensam plan för barns och ungas psykiska hälsa") {
		t.Errorf("page 1 = %.80q", doc.Pages[0].Text)
	}
}

func TestLimits(t *testing.T) {
	t.Run("too large", func(t *testing.T) {
		_, err := (&Extractor{Limits: Limits{MaxBytes: 10}}).Extract(context.Background(), "a.txt", []byte("elva tecken!"))
		wantCode(t, err, corpus.ETooLarge)
	})
	t.Run("too many form feeds", func(t *testing.T) {
		_, err := (&Extractor{Limits: Limits{MaxPages: 2}}).Extract(context.Background(), "a.txt", []byte("a\fb\fc"))
		wantCode(t, err, corpus.ETooManyPages)
	})
	t.Run("deadline", func(t *testing.T) {
		// a page of a hundred thousand text operators, with no time to read them
		content := strings.Repeat("BT /F1 11 Tf 72 770 Td (a) Tj ET\n", 100000)
		pdf := buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
			stream("", []byte(content), true),
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		}, "/Root 1 0 R")
		_, err := (&Extractor{Limits: Limits{Timeout: time.Millisecond}}).Extract(context.Background(), "slow.pdf", pdf)
		wantCode(t, err, corpus.ETimeout)
	})
}

// TestCanceled: a caller that has given up gets its context's error, not
// a timeout blamed on the document.
func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, e := range map[string]*Extractor{"in process": {}, "worker": workerExtractor(Limits{})} {
		t.Run(name, func(t *testing.T) {
			_, err := e.Extract(ctx, "plan.pdf", mustRead(t, "testdata/plan_b.pdf"))
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error = %v; want context.Canceled", err)
			}
		})
	}
}

func TestRepairs(t *testing.T) {
	good := textPDF("Handlingsplan för äldre\nSuicidprevention i länet", "Sida två")
	x := bytes.LastIndex(good, []byte("startxref\n"))
	wrongXref := append(append([]byte(nil), good[:x]...), []byte("startxref\n12345\n%%EOF\n")...)
	tests := []struct {
		name string
		data []byte
		fix  string // the warning naming the repair
	}{
		{"as is", good, ""},
		{"junk before %PDF-", append([]byte("Content-Type: application/pdf\r\n\r\n"), good...), "junk before %PDF-"},
		{"junk after %%EOF", append(append([]byte(nil), good...), []byte("<html>trailing junk from a web server</html>")...), "junk after %%EOF"},
		{"wrong startxref", wrongXref, "wrong startxref 12345"},
		{"PDF 2.0 header", bytes.Replace(good, []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1), "read as 1.7"},
		{"count of a billion", hugeCount(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := (&Extractor{}).Extract(context.Background(), "plan.pdf", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Pages[0].Text, "Handlingsplan för äldre") {
				t.Errorf("page 1 = %q", doc.Pages[0].Text)
			}
			w := strings.Join(doc.Warnings, "; ")
			if tt.fix != "" && !strings.Contains(w, tt.fix) {
				t.Errorf("warnings %q lack %q", w, tt.fix)
			}
			if tt.fix == "" && w != "" {
				t.Errorf("warnings %q; want none", w)
			}
		})
	}
}

// TestWorker runs PDFs in a real child process: the result matches the
// in-process one, and hostile files cost the child, not the test binary.
func TestWorker(t *testing.T) {
	data := mustRead(t, "testdata/plan_a.pdf")
	t.Run("same result", func(t *testing.T) {
		want, err := (&Extractor{}).Extract(context.Background(), "plan_a.pdf", data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := workerExtractor(Limits{}).Extract(context.Background(), "plan_a.pdf", data)
		if err != nil {
			t.Fatal(err)
		}
		if allText(got) != allText(want) || strings.Join(got.Headers, "|") != strings.Join(want.Headers, "|") {
			t.Errorf("worker and in-process results differ")
		}
	})
	t.Run("error crosses", func(t *testing.T) {
		_, err := workerExtractor(Limits{}).Extract(context.Background(), "scan.pdf", imagePDF())
		wantCode(t, err, corpus.ENoTextLayer)
	})
	t.Run("endless loop is killed", func(t *testing.T) {
		// the /Prev guard would catch prevLoop before the library; a loop
		// it cannot see: an object stream that extends itself
		p := objStreamLoop()
		_, err := workerExtractor(Limits{Timeout: 2 * time.Second}).Extract(context.Background(), "loop.pdf", p)
		wantCode(t, err, corpus.ETimeout)
	})
	t.Run("runaway allocation", func(t *testing.T) {
		if !memoryLimited {
			t.Skip("no RLIMIT_AS here (not Linux, or the race detector)")
		}
		_, err := workerExtractor(Limits{MemoryLimit: 1 << 30}).Extract(context.Background(), "alloc.pdf", xrefAlloc(5000))
		wantCode(t, err, corpus.ETooLarge)
	})
}

// objStreamLoop's catalog lives in an object stream that /Extends itself
// and does not hold it: the PDF library searches the chain for ever.
func objStreamLoop() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	off := b.Len()
	body := "3 0 "
	fmt.Fprintf(&b, "2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Extends 2 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(body), body)
	// an xref stream: object 1 is in stream 2, object 2 at off
	rows := []byte{0, 0, 0, 0, 2, 0, 2, 0, 1, byte(off >> 8), byte(off), 0}
	xoff := b.Len()
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /XRef /Size 3 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(rows), rows)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xoff)
	return b.Bytes()
}
