package api

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/corpus/store"
)

// multipartMemory is how much of a form is held in memory; larger files
// go to temporary files.
const multipartMemory = 1 << 20

func (s *Server) createPlan(c echo.Context) error {
	form, err := s.multipartForm(c)
	if err != nil {
		return err
	}
	files := form.File["file"]
	if len(files) == 0 {
		return corpus.Errorf(corpus.EMissingFile, "The upload has no file: send it as the multipart form field \"file\".")
	}
	fh := files[0]
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
	field := func(k string) string {
		if v := form.Value[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	p, created, err := s.Ingest.Ingest(c.Request().Context(), ingest.Upload{
		Filename: name, Data: data,
		Lan: field("lan"), Kommun: field("kommun"), Year: field("year"),
		Audience: field("audience"), Title: field("title"),
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

// multipartForm parses the request's multipart form (fields from the body
// only, never from the URL), keeping large files on disk.
func (s *Server) multipartForm(c echo.Context) (*multipart.Form, error) {
	req := c.Request()
	err := req.ParseMultipartForm(multipartMemory)
	var he *echo.HTTPError
	switch {
	case err == nil:
		return req.MultipartForm, nil
	case errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge:
		return nil, corpus.Errorf(corpus.ETooLarge, "The upload is larger than the %d bytes this service accepts.", s.MaxBody)
	case errors.Is(err, http.ErrNotMultipart):
		return nil, corpus.Errorf(corpus.EMissingFile, "Send the plan as multipart/form-data with the file in the field \"file\".")
	}
	return nil, corpus.Errorf(corpus.EInvalid, "The multipart form could not be read (%v): the upload may have been cut off.", err)
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
		y, err := ingest.ParseYear(v, s.now())
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
