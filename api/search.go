package api

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/analyzer/swedish"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/index"
)

// multi returns a query parameter given several times or comma-separated.
func multi(c echo.Context, name string) []string {
	var out []string
	for _, v := range c.QueryParams()[name] {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

func intParam(c echo.Context, name string, def, lo, hi int) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, corpus.Errorf(corpus.EInvalid, "The parameter %s must be a whole number from %d to %d.", name, lo, hi)
	}
	return n, nil
}

// searchRequest turns query parameters into an index request, with the
// county and audience names normalised as on upload.
func (s *Server) searchRequest(c echo.Context) (index.Request, error) {
	now := s.now()
	r := index.Request{Q: c.QueryParam("q"), Code: multi(c, "code"), Section: multi(c, "section")}
	for _, v := range multi(c, "lan") {
		l, err := corpus.ParseLan(v)
		if err != nil {
			return r, err
		}
		r.Lan = append(r.Lan, l.Name)
	}
	for _, v := range multi(c, "kommun") {
		k, err := corpus.ParseKommun(v)
		if err != nil {
			return r, err
		}
		r.Kommun = append(r.Kommun, k.Name)
	}
	for _, v := range multi(c, "audience") {
		a, err := corpus.ParseAudience(v)
		if err != nil {
			return r, err
		}
		r.Audience = append(r.Audience, string(a))
	}
	for _, v := range multi(c, "year") {
		y, err := ingest.ParseYear(v, now)
		if err != nil {
			return r, err
		}
		r.Year = append(r.Year, y)
	}
	var err error
	if r.From, err = intParam(c, "from", 0, 0, 10000); err != nil {
		return r, err
	}
	if r.Size, err = intParam(c, "size", 20, 0, 100); err != nil {
		return r, err
	}
	return r, nil
}

func (s *Server) search(c echo.Context) error {
	r, err := s.searchRequest(c)
	if err != nil {
		return err
	}
	res, err := s.Index.Search(c.Request().Context(), r)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

func (s *Server) analyze(c echo.Context) error {
	text := c.QueryParam("text")
	if len(text) > 10000 {
		return corpus.Errorf(corpus.EInvalid, "The text to analyse is longer than 10 000 bytes.")
	}
	return c.JSON(http.StatusOK, map[string]any{"text": text, "tokens": explainChars(text), "version": swedish.Version()})
}

// explainChars is swedish.Explain with start/end as character (code
// point) offsets, as everywhere in the API, instead of bytes.
func explainChars(text string) []swedish.Explanation {
	ex := swedish.Explain(text)
	for i := range ex {
		ex[i].Start = utf8.RuneCountInString(text[:ex[i].Start])
		ex[i].End = utf8.RuneCountInString(text[:ex[i].End])
	}
	return ex
}

func (s *Server) codebook(c echo.Context) error {
	if c.QueryParam("format") == "yaml" {
		return c.Blob(http.StatusOK, "application/yaml; charset=utf-8", s.Codebook.Raw())
	}
	return c.JSON(http.StatusOK, map[string]any{"version": s.Codebook.Version(), "dimensions": s.Codebook.Dimensions()})
}
