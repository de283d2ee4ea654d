package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/corpus/store"
)

func (s *Server) createPlan(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge {
			return he
		}
		if strings.Contains(err.Error(), "request body too large") {
			return corpus.Errorf(corpus.ETooLarge, "The upload is larger than the %d bytes this service accepts.", s.MaxBody)
		}
		return corpus.Errorf(corpus.EMissingFile, "The upload has no file: send it as the multipart form field \"file\".")
	}
	name := rawFilename(fh.Header.Get("Content-Disposition"), fh.Filename)
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.MaxBody+1))
	if err != nil {
		return err
	}
	if int64(len(data)) > s.MaxBody {
		return corpus.Errorf(corpus.ETooLarge, "The file is larger than the %d bytes this service accepts.", s.MaxBody)
	}
	p, created, err := s.Ingest.Ingest(c.Request().Context(), ingest.Upload{
		Filename: name, Data: data,
		Lan: c.FormValue("lan"), Kommun: c.FormValue("kommun"), Year: c.FormValue("year"),
		Audience: c.FormValue("audience"), Title: c.FormValue("title"),
	})
	if err != nil {
		return err
	}
	if created {
		c.Response().Header().Set(echo.HeaderLocation, "/api/v1/plans/"+p.ID)
		return c.JSON(http.StatusCreated, p)
	}
	return c.JSON(http.StatusOK, p)
}

// rawFilename returns the file name as the client sent it: Go's multipart
// reader strips folders ("../x.pdf" → "x.pdf"), and such a name must be
// refused, not silently changed.
func rawFilename(disposition, fallback string) string {
	_, params, err := mime.ParseMediaType(disposition)
	if err != nil || params["filename"] == "" {
		return fallback
	}
	return params["filename"]
}

func (s *Server) listPlans(c echo.Context) error {
	f := store.Filter{}
	if v := c.QueryParam("lan"); v != "" {
		l, err := corpus.ParseLan(v)
		if err != nil {
			return err
		}
		f.Lan = l.Name
	}
	if v := c.QueryParam("kommun"); v != "" {
		k, err := corpus.ParseKommun(v)
		if err != nil {
			return err
		}
		f.Kommun = k.Name
	}
	if v := c.QueryParam("year"); v != "" {
		y, err := ingest.ParseYear(v, timeNow())
		if err != nil {
			return err
		}
		f.Year = y
	}
	if v := c.QueryParam("audience"); v != "" {
		a, err := corpus.ParseAudience(v)
		if err != nil {
			return err
		}
		f.Audience = a
	}
	plans, err := s.Store.Plans(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"plans": plans})
}

func (s *Server) getPlan(c echo.Context) error {
	p, err := s.Store.Plan(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *Server) deletePlan(c echo.Context) error {
	if err := s.Ingest.Delete(c.Request().Context(), c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) planText(c echo.Context) error {
	pages, err := s.Store.Pages(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"plan_id": c.Param("id"), "pages": pages})
}

func (s *Server) planFile(c echo.Context) error {
	ctx := c.Request().Context()
	p, err := s.Store.Plan(ctx, c.Param("id"))
	if err != nil {
		return err
	}
	b, err := s.Store.File(ctx, p.ID)
	if err != nil {
		return err
	}
	ct := map[string]string{"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}[p.Format]
	if ct == "" {
		ct = "text/plain; charset=utf-8"
	}
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": p.Filename}))
	return c.Blob(http.StatusOK, ct, b)
}

func (s *Server) planCoding(c echo.Context) error {
	coding, err := s.Store.Coding(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, coding)
}

func (s *Server) lans(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"lans": corpus.Lans()})
}
