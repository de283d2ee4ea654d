package api

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/export"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/corpus/store"
)

// statsParams are the selection every statistics table takes.
type statsParams struct {
	year      int // 0: every year
	audience  string
	dimension string
}

func readStatsParams(c echo.Context, s *Server) (statsParams, error) {
	var p statsParams
	now := s.now()
	if v := c.QueryParam("year"); v != "" {
		y, err := ingest.ParseYear(v, now)
		if err != nil {
			return p, err
		}
		p.year = y
	}
	if v := c.QueryParam("audience"); v != "" {
		a, err := corpus.ParseAudience(v)
		if err != nil {
			return p, err
		}
		p.audience = string(a)
	}
	if v := c.QueryParam("dimension"); v != "" {
		if !s.knownDimension(v) {
			return p, corpus.Errorf(corpus.EInvalid, "Unknown dimension %q: see GET /api/v1/codebook for the dimensions.", v)
		}
		p.dimension = v
	}
	return p, nil
}

func (s *Server) knownDimension(id string) bool {
	for _, d := range s.Codebook.Dimensions() {
		if d.ID == id {
			return true
		}
	}
	return false
}

func (s *Server) stats(c echo.Context) (compare.Stats, error) {
	plans, err := s.Store.CodedPlans(c.Request().Context(), store.Filter{})
	if err != nil {
		return compare.Stats{}, err
	}
	return compare.NewStats(plans, s.Codebook), nil
}

// statsFor reads a statistics request's selection and counts over every
// coded plan.
func (s *Server) statsFor(c echo.Context) (statsParams, compare.Stats, error) {
	p, err := readStatsParams(c, s)
	if err != nil {
		return p, compare.Stats{}, err
	}
	st, err := s.stats(c)
	return p, st, err
}

// wantsCSV: ?format=csv or Accept: text/csv.
func wantsCSV(c echo.Context) bool {
	return c.QueryParam("format") == "csv" || strings.Contains(c.Request().Header.Get(echo.HeaderAccept), "text/csv")
}

// sendCSV writes a table as CSV that Excel opens with å, ä, ö right.
func sendCSV(c echo.Context, t export.Table) error {
	var b bytes.Buffer
	if err := export.WriteCSV(&b, t); err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": t.Name + ".csv"}))
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", b.Bytes())
}

func (s *Server) statsCodes(c echo.Context) error {
	p, st, err := s.statsFor(c)
	if err != nil {
		return err
	}
	table := st.CodeStats(p.year, p.audience, p.dimension)
	code := c.QueryParam("code")
	if code != "" {
		rows := table.Rows[:0:0]
		for _, r := range table.Rows {
			if r.Code == code {
				rows = append(rows, r)
			}
		}
		table.Rows = rows
	}
	if wantsCSV(c) {
		return sendCSV(c, export.CodeStatsTable(table))
	}
	if c.QueryParam("detail") != "true" {
		return c.JSON(http.StatusOK, table)
	}
	if code == "" {
		return corpus.Errorf(corpus.EInvalid, "detail=true needs a code (and its dimension) to drill down into.")
	}
	var detail []compare.DetailRow
	for _, r := range table.Rows {
		detail = append(detail, st.Detail(p.year, p.audience, r.Dimension, r.Code)...)
	}
	return c.JSON(http.StatusOK, struct {
		compare.CodeTable
		Detail []compare.DetailRow `json:"detail"`
	}{table, detail})
}

func (s *Server) statsMatrix(c echo.Context) error {
	p, st, err := s.statsFor(c)
	if err != nil {
		return err
	}
	m := st.Matrix(p.year, p.audience, p.dimension)
	if wantsCSV(c) {
		return sendCSV(c, export.MatrixTable(m, c.QueryParam("counts") == "true"))
	}
	return c.JSON(http.StatusOK, m)
}

func (s *Server) statsTrend(c echo.Context) error {
	p, err := readStatsParams(c, s)
	if err != nil {
		return err
	}
	code := c.QueryParam("code")
	if p.dimension == "" || code == "" {
		return corpus.Errorf(corpus.EInvalid, "The trend needs a dimension and a code, e.g. dimension=malgrupp&code=aldre.")
	}
	st, err := s.stats(c)
	if err != nil {
		return err
	}
	tr := st.Trend(p.dimension, code, p.audience)
	if wantsCSV(c) {
		return sendCSV(c, export.TrendTable(tr))
	}
	return c.JSON(http.StatusOK, tr)
}

func (s *Server) statsGoals(c echo.Context) error {
	p, st, err := s.statsFor(c)
	if err != nil {
		return err
	}
	g := st.GoalStats(p.year, p.audience)
	if wantsCSV(c) {
		return sendCSV(c, export.GoalStatsTable(g))
	}
	return c.JSON(http.StatusOK, g)
}

func (s *Server) exportXLSX(c echo.Context) error {
	year, err := s.requiredYear(c, "year")
	if err != nil {
		return err
	}
	st, err := s.stats(c)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := export.WriteYearWorkbook(&b, st, year); err != nil {
		return err
	}
	return sendFile(c, fmt.Sprintf("plankoll-%d.xlsx", year), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b.Bytes())
}

func (s *Server) exportQDPX(c echo.Context) error {
	year, err := s.requiredYear(c, "year")
	if err != nil {
		return err
	}
	plans, err := s.Store.PlanInputs(c.Request().Context(), store.Filter{Year: year})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	err = export.WriteQDPX(&b, export.QDAProject{Name: fmt.Sprintf("Plankoll %d", year), Plans: plans,
		Codebook: compare.CodebookRefs(s.Codebook.Dimensions())})
	if err != nil {
		return err
	}
	return sendFile(c, "plankoll-"+strconv.Itoa(year)+".qdpx", "application/zip", b.Bytes())
}

func (s *Server) exportQDC(c echo.Context) error {
	var b bytes.Buffer
	if err := export.WriteQDC(&b, compare.CodebookRefs(s.Codebook.Dimensions())); err != nil {
		return err
	}
	return sendFile(c, "plankoll-codebook.qdc", "application/xml", b.Bytes())
}

func sendFile(c echo.Context, name, contentType string, data []byte) error {
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c.Blob(http.StatusOK, contentType, data)
}
