package export

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/plankoll/plankoll/analyzer/compare"
)

// Column widths in characters: wide enough for a county name, not so wide
// that a quoted sentence pushes the next column off screen.
const (
	minColWidth = 8
	maxColWidth = 60
)

// YearTables are the sheets of a year's workbook: the plans, the counties
// per code, the county × code matrix (present and passages), the goal
// table per county, and every goal, indicator and passage.
func YearTables(s compare.Stats, year int) []Table {
	plans := s.PlansOf(year, "")
	return []Table{
		PlansTable(plans),
		CodeStatsTable(s.CodeStats(year, "", "")),
		MatrixTable(s.Matrix(year, "", ""), false),
		MatrixTable(s.Matrix(year, "", ""), true),
		GoalStatsTable(s.GoalStats(year, "")),
		GoalsTable(plans),
		IndicatorsTable(plans),
		EvidenceTable(plans),
	}
}

// WriteYearWorkbook writes the workbook of a year (see YearTables).
func WriteYearWorkbook(w io.Writer, s compare.Stats, year int) error {
	if err := WriteWorkbook(w, YearTables(s, year)...); err != nil {
		return fmt.Errorf("workbook %d: %w", year, err)
	}
	return nil
}

// WriteWorkbook writes tables as the sheets of one XLSX workbook, in
// order: header row in bold and frozen, an auto-filter over the columns,
// each column as wide as its content (within limits), numbers as numbers.
func WriteWorkbook(w io.Writer, tables ...Table) error {
	f := excelize.NewFile()
	defer f.Close()
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	if err != nil {
		return fmt.Errorf("xlsx style: %w", err)
	}
	used := map[string]bool{}
	for i, t := range tables {
		name := sheetName(t.Name, used)
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return fmt.Errorf("xlsx sheet %q: %w", name, err)
		}
		if err := writeSheet(f, name, t, header); err != nil {
			return fmt.Errorf("xlsx sheet %q: %w", name, err)
		}
	}
	if len(tables) > 0 {
		f.SetActiveSheet(0)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

func writeSheet(f *excelize.File, sheet string, t Table, headerStyle int) error {
	if err := f.SetSheetRow(sheet, "A1", &t.Header); err != nil {
		return err
	}
	for i, row := range t.Rows {
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	if err := f.SetRowStyle(sheet, 1, 1, headerStyle); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if len(t.Header) == 0 {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(len(t.Header), len(t.Rows)+1)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	for c, width := range columnWidths(t) {
		col, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

// columnWidths sizes each column by its longest cell, header included,
// plus room for the filter button.
func columnWidths(t Table) []float64 {
	widths := make([]float64, len(t.Header))
	for c, h := range t.Header {
		widths[c] = float64(utf8.RuneCountInString(h) + 3)
	}
	for _, row := range t.Rows {
		for c, v := range row {
			if c < len(widths) {
				widths[c] = max(widths[c], float64(utf8.RuneCountInString(fmt.Sprint(v))+1))
			}
		}
	}
	for c := range widths {
		widths[c] = min(max(widths[c], minColWidth), maxColWidth)
	}
	return widths
}

// sheetName makes a valid, unique sheet name: no []:*?/\, at most 31
// characters.
func sheetName(name string, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, name)
	if name == "" {
		name = "Blad"
	}
	base := truncateRunes(name, 31)
	name = base
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" %d", n)
		name = truncateRunes(base, 31-len(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
