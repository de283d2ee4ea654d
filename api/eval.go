package api

import (
	"bytes"
	"io"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
)

// eval compares the coder in force with hand coding sent as JSON Lines,
// either as the multipart field "file" or as the request body.
func (s *Server) eval(c echo.Context) error {
	var body io.Reader = c.Request().Body
	if strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEMultipartForm) {
		fh, err := c.FormFile("file")
		if err != nil {
			return corpus.Errorf(corpus.EMissingFile, "Send the gold passages (JSON Lines) as the multipart field \"file\" or as the request body.")
		}
		f, err := fh.Open()
		if err != nil {
			return err
		}
		defer f.Close()
		body = f
	}
	b, err := io.ReadAll(io.LimitReader(body, s.MaxBody))
	if err != nil {
		return err
	}
	gold, err := analyzer.ReadGold(bytes.NewReader(b))
	if err != nil {
		return corpus.Errorf(corpus.EInvalid, "The gold file cannot be read: %v.", err)
	}
	if len(gold) == 0 {
		return corpus.Errorf(corpus.EInvalid, "The gold file holds no passages.")
	}
	return c.JSON(http.StatusOK, analyzer.Evaluate(analyzer.NewCoder(s.Codebook), gold))
}
