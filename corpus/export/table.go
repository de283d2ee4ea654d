package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Table is a header row and rows of cells, the one shape every export
// renders. A cell is a string, an int or a float64.
type Table struct {
	// Name names the table: the sheet name in a workbook, the file name
	// (without extension) for CSV. At most 31 characters, no []:*?/\.
	Name   string
	Header []string
	Rows   [][]any
}

// utf8BOM makes Excel read a CSV file as UTF-8, so that å, ä and ö come
// out right.
const utf8BOM = "\uFEFF"

// WriteCSV writes t as CSV that Excel (Swedish locale) opens cleanly: a
// UTF-8 byte-order mark, ";" between fields, CRLF line ends, fields quoted
// when they hold ";", quotes or line breaks, decimal commas. A text cell
// that Excel would run as a formula (it starts with = or @, or with - or +
// and is not a number) is prefixed with an apostrophe.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("write csv %s: %w", t.Name, err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(t.Header); err != nil {
		return fmt.Errorf("write csv %s: %w", t.Name, err)
	}
	rec := make([]string, len(t.Header))
	for _, row := range t.Rows {
		rec = rec[:0]
		for _, c := range row {
			rec = append(rec, csvCell(c))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv %s: %w", t.Name, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv %s: %w", t.Name, err)
	}
	return nil
}

func csvCell(c any) string {
	switch v := c.(type) {
	case string:
		return defuse(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
	case nil:
		return ""
	}
	return defuse(fmt.Sprint(c))
}

// defuse keeps Excel from reading text as a formula ("=…", "@…", "- a
// bullet", "+46 …"); a signed number ("-5", "+3,5") stays a number.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@':
		return "'" + s
	case '-', '+':
		if _, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err != nil {
			return "'" + s
		}
	}
	return s
}
