package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/plankoll/plankoll/corpus"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}

// extractText reads plain text: UTF-8 (a BOM is dropped), UTF-16 with a
// BOM, or Windows-1252 when that is certain (see decodeLegacy). A form
// feed starts a new page.
func extractText(data []byte, lim Limits) (*corpus.Document, error) {
	s, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	doc := &corpus.Document{Format: "text"}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	for i, p := range strings.Split(s, "\f") {
		if i >= lim.MaxPages {
			return nil, corpus.Errorf(corpus.ETooManyPages, "The text has more than %d pages (form feeds).", lim.MaxPages)
		}
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			lines = append(lines, cleanLine(l))
		}
		doc.Pages = append(doc.Pages, corpus.Page{Page: i + 1, Text: pageText(joinHyphens(lines))})
	}
	// a final form feed does not open a page
	if n := len(doc.Pages); n > 1 && doc.Pages[n-1].Text == "" {
		doc.Pages = doc.Pages[:n-1]
	}
	return doc, nil
}

// decodeText returns data as a UTF-8 string.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case hasUTF16BOM(data):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil || !utf8.Valid(out) {
			return "", corpus.Errorf(corpus.EBadEncoding, "The text file claims to be UTF-16 but is not valid UTF-16: save it as UTF-8.")
		}
		return string(out), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if s, ok := decodeLegacy(data); ok {
		return s, nil
	}
	return "", corpus.Errorf(corpus.EBadEncoding, "The text file is not UTF-8 and its encoding cannot be told for sure: save it as UTF-8 and upload it again.")
}

// decodeLegacy decodes Windows-1252 (a superset of Latin-1 for text)
// only when the bytes say so: every byte above 0x7f is a letter or common
// punctuation in that code page, Swedish letters (å ä ö é) occur, and
// there are no control bytes.
func decodeLegacy(data []byte) (string, bool) {
	swedish := 0
	for _, c := range data {
		switch {
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			return "", false
		case c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d:
			return "", false // undefined in Windows-1252
		case c == 0xe5 || c == 0xe4 || c == 0xf6 || c == 0xc5 || c == 0xc4 || c == 0xd6 || c == 0xe9 || c == 0xc9:
			swedish++
		case c >= 0x80 && c < 0xc0 && strings.IndexByte(legacyPunct, c) < 0:
			return "", false
		}
	}
	if swedish == 0 {
		return "", false
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return string(out), true
}

// legacyPunct lists the Windows-1252 bytes in 0x80–0xbf that text uses:
// € ‚ „ … – — ‘ ’ “ ” • NBSP § ° « » ½ ´ and a few more.
const legacyPunct = "\x80\x82\x84\x85\x91\x92\x93\x94\x95\x96\x97\xa0\xa7\xb0\xab\xbb\xbd\xb4\xa9\xae\xb2\xb3\xb9\xbc\xbe\xb7\xa3\xa4\xad"
