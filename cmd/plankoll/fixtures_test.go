package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"
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

// flateBombPDF has a content stream of about 1 MB that inflates to 1 GiB.
func flateBombPDF(t *testing.T) []byte {
	t.Helper()
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zero := make([]byte, 1<<20)
	for range 1024 {
		zw.Write(zero)
	}
	zw.Close()
	return buildPDF([][]byte{
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		[]byte("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
		[]byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
		stream("/Filter /FlateDecode", z.Bytes()),
	})
}

// manyPagesPDF has n pages sharing one small content stream.
func manyPagesPDF(n int) []byte {
	kids := make([]string, n)
	objs := [][]byte{
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		nil, // pages, filled below
		stream("", []byte("BT /F1 12 Tf 72 720 Td (Sida med text) Tj ET")),
		[]byte("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
	}
	for i := range n {
		kids[i] = fmt.Sprintf("%d 0 R", len(objs)+1)
		objs = append(objs, []byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"))
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

// docxZipBomb has a document.xml that inflates to 1 GiB.
func docxZipBomb(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(contentTypes))
	w, _ = zw.Create("word/document.xml")
	w.Write(docxBody("Handlingsplan"))
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	for range 1024 {
		w.Write(spaces)
	}
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
