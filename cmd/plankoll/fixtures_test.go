package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"
	"time"
)

// Hostile and broken inputs for the end-to-end tests, made at test time so
// that no multi-megabyte bomb sits in the repository.

// buildPDF writes a PDF whose objects are numbered from 1 in order; object
// 1 must be the catalog. Each entry is the text between "n 0 obj" and
// "endobj".
func buildPDF(objs [][]byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func stream(dict string, data []byte) []byte {
	return append([]byte(fmt.Sprintf("<< %s /Length %d >>\nstream\n", dict, len(data))), append(data, []byte("\nendstream")...)...)
}

// scannedPDF is one page that only draws an image: no text layer.
func scannedPDF() []byte {
	return buildPDF([][]byte{
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		[]byte("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
		[]byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>"),
		stream("", []byte("q 500 0 0 700 40 60 cm /Im1 Do Q")),
		stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0, 255, 255, 0}),
	})
}

// bitWriter writes a DEFLATE bit stream (least significant bit first).
type bitWriter struct {
	out   []byte
	acc   uint64
	nbits uint
}

// code writes a Huffman code of n bits, most significant bit first, as
// DEFLATE stores them.
func (w *bitWriter) code(c uint64, n uint) {
	var rev uint64
	for i := uint(0); i < n; i++ {
		rev = rev<<1 | (c>>i)&1
	}
	w.bits(rev, n)
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.out = append(w.out, byte(w.acc))
	}
	return w.out
}

// deflateZeros is a raw DEFLATE stream of about n zero bytes in one fixed
// Huffman block: a literal 0, then copies of 258 bytes at distance 1 (13
// bits each). Written by hand because compressing a gigabyte takes minutes
// under the race detector.
func deflateZeros(n int64) []byte {
	w := &bitWriter{}
	w.bits(1, 1)    // BFINAL
	w.bits(1, 2)    // BTYPE 01: fixed Huffman
	w.code(0x30, 8) // literal 0
	for i := int64(1); i+258 <= n; i += 258 {
		w.code(0xC5, 8) // length code 285: 258 bytes
		w.code(0, 5)    // distance code 0: distance 1
	}
	w.code(0, 7) // end of block
	return w.flush()
}

// zlibZeros wraps deflateZeros in a zlib header and a (wrong) checksum:
// readers must stop at their limit long before they reach it.
func zlibZeros(n int64) []byte {
	return append(append([]byte{0x78, 0x01}, deflateZeros(n)...), 0, 0, 0, 0)
}

// flateBombPDF has a content stream of about 7 MB that inflates to 1 GiB.
func flateBombPDF(t *testing.T) []byte {
	t.Helper()
	return buildPDF([][]byte{
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		[]byte("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
		[]byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
		stream("/Filter /FlateDecode", zlibZeros(1<<30)),
	})
}

// manyPagesPDF has n pages sharing one small content stream.
func manyPagesPDF(n int) []byte { return pagesPDF(n, false) }

// pagesPDF has n pages; with distinct, each page has text of its own (so
// no line repeats as a running header) and takes real work to read.
func pagesPDF(n int, distinct bool) []byte {
	kids := make([]string, n)
	objs := [][]byte{
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		nil, // pages, filled below
		stream("", []byte("BT /F1 12 Tf 72 720 Td (Sida med text) Tj ET")),
		[]byte("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
	}
	for i := range n {
		contents := "3 0 R"
		if distinct {
			var b strings.Builder
			for l := range 40 {
				fmt.Fprintf(&b, "BT /F1 10 Tf 72 %d Td (Rad %d p\345 sidan %d om suicidprevention och anh\366rigst\366d) Tj ET\n", 780-l*18, l, i)
			}
			objs = append(objs, stream("", []byte(b.String())))
			contents = fmt.Sprintf("%d 0 R", len(objs))
		}
		kids[i] = fmt.Sprintf("%d 0 R", len(objs)+1)
		objs = append(objs, []byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "+contents+" /Resources << /Font << /F1 4 0 R >> >> >>"))
	}
	objs[1] = []byte(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	return buildPDF(objs)
}

// docx builds a zip with the given entries (name → content).
func docx(t *testing.T, entries map[string][]byte, order ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(entries[name])
	}
	zw.Close()
	return b.Bytes()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

func docxBody(text string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:body></w:document>`)
}

// docxZipBomb has a document.xml that inflates to 1 GiB (of zero bytes,
// after which no XML parser gets far).
func docxZipBomb(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(contentTypes))
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(deflateZeros(1 << 30))), UncompressedSize64: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(deflateZeros(1 << 30))
	zw.Close()
	return b.Bytes()
}

func docxTraversal(t *testing.T) []byte {
	return docx(t, map[string][]byte{
		"[Content_Types].xml": []byte(contentTypes),
		"word/document.xml":   docxBody("Suicidprevention i länet."),
		"../../../etc/evil":   []byte("x"),
	}, "[Content_Types].xml", "word/document.xml", "../../../etc/evil")
}

func pngImage() []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)))
	return b.Bytes()
}

// TestDeflateZeros checks the hand-made bomb is a DEFLATE stream that
// inflates to what it claims.
func TestDeflateZeros(t *testing.T) {
	const n = 1 << 20
	r := flate.NewReader(bytes.NewReader(deflateZeros(n)))
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < n-258 || len(got) > n || bytes.Count(got, []byte{0}) != len(got) {
		t.Errorf("inflated to %d bytes (non-zero: %v); want about %d zeros", len(got), bytes.Count(got, []byte{0}) != len(got), n)
	}
}

// TestPagesPDFReads checks the slow fixture is a real document.
func TestPagesPDFReads(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	s := startServer(t, t.TempDir(), "--sample=false")
	start := time.Now()
	r := s.upload(upload{filename: "lang.pdf", data: pagesPDF(900, true), lan: "Skåne", year: "2018"})
	var p planJSON
	r.json(t, &p)
	if r.status != 201 || p.Pages != 900 {
		t.Fatalf("900-page upload: %d %s", r.status, r.body)
	}
	t.Logf("900 pages read and stored in %v", time.Since(start))
}
