package extract

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/plankoll/plankoll/corpus"
)

// workerArg, as the only argument, makes the test binary an extraction
// worker (see TestMain), so the subprocess path is tested for real.
const workerArg = "plankoll-extract-worker"

func TestMain(m *testing.M) {
	if len(os.Args) == 2 && os.Args[1] == workerArg {
		if err := RunWorker(context.Background(), os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// workerExtractor runs PDFs in a child process of the test binary.
func workerExtractor(lim Limits) *Extractor {
	return &Extractor{Limits: lim, WorkerCommand: []string{os.Args[0], workerArg}}
}

// buildPDF writes a PDF with the given objects (numbered from 1, each
// the text between "N 0 obj" and "endobj") and a classic xref table.
// trailer is the trailer dictionary's body, without << >>.
func buildPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}

// stream returns a stream object body holding data, Flate-compressed
// when flate is set.
func stream(dict string, data []byte, flate bool) string {
	if flate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(data)
		w.Close()
		data = z.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// textPDF makes a PDF with one page per entry of pages, each line of text
// drawn in Helvetica, top down.
func textPDF(pages ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // the page tree, filled in below
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var kids []string
	for _, p := range pages {
		var c strings.Builder
		c.WriteString("BT /F1 11 Tf 72 770 Td 14 TL\n")
		for _, l := range strings.Split(p, "\n") {
			fmt.Fprintf(&c, "(%s) Tj T*\n", pdfString(l))
		}
		c.WriteString("ET")
		objs = append(objs, stream("", []byte(c.String()), true))
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", len(objs)))
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return buildPDF(objs, "/Root 1 0 R")
}

// pdfString escapes s for a literal string in WinAnsiEncoding.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			b.WriteByte(byte(r)) // Latin-1 agrees with WinAnsi for åäöé
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantCode checks that err is a *corpus.Error with code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := corpus.ErrorCode(err); got != code {
		t.Fatalf("error = %v (code %q); want code %q", err, got, code)
	}
}
