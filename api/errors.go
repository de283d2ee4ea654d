package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/corpus"
)

// statusOf maps every error code to its HTTP status: the one table.
var statusOf = map[string]int{
	corpus.EInvalid:         http.StatusBadRequest,
	corpus.EUnknownLan:      http.StatusBadRequest,
	corpus.EUnknownKommun:   http.StatusBadRequest,
	corpus.EUnknownAudience: http.StatusBadRequest,
	corpus.EInvalidYear:     http.StatusBadRequest,
	corpus.EMissingFile:     http.StatusBadRequest,
	corpus.EInvalidFilename: http.StatusBadRequest,
	corpus.EBadQuery:        http.StatusBadRequest,
	corpus.EUnsupportedType: http.StatusUnsupportedMediaType,
	corpus.ETooLarge:        http.StatusRequestEntityTooLarge,
	corpus.ETooManyPages:    http.StatusRequestEntityTooLarge,
	corpus.EUnreadable:      http.StatusUnprocessableEntity,
	corpus.EEncrypted:       http.StatusUnprocessableEntity,
	corpus.ENoTextLayer:     http.StatusUnprocessableEntity,
	corpus.EBadEncoding:     http.StatusUnprocessableEntity,
	corpus.EEmptyDocument:   http.StatusUnprocessableEntity,
	corpus.ETimeout:         http.StatusUnprocessableEntity,
	corpus.ENotFound:        http.StatusNotFound,
	corpus.EUnauthorized:    http.StatusUnauthorized,
	corpus.EForbidden:       http.StatusForbidden,
	corpus.EConflict:        http.StatusConflict,
	corpus.EUnavailable:     http.StatusServiceUnavailable,
	corpus.EInternal:        http.StatusInternalServerError,
}

// echoCodes gives echo's own errors (routing, body limit) a stable code.
var echoCodes = map[int]*corpus.Error{
	http.StatusNotFound:              {Code: "route_not_found", Message: "There is no such path; see /api/v1/openapi.yaml."},
	http.StatusMethodNotAllowed:      {Code: "method_not_allowed", Message: "This path does not take that method; see /api/v1/openapi.yaml."},
	http.StatusRequestEntityTooLarge: {Code: corpus.ETooLarge, Message: "The request is larger than this service accepts."},
	http.StatusUnsupportedMediaType:  {Code: corpus.EUnsupportedType, Message: "The request's content type is not supported."},
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// errorHandler is echo's HTTPErrorHandler: every error leaves as the error
// JSON of API.md. Internal errors are logged in full and shown as
// "Internal error."
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		code, msg, status := corpus.ErrorCode(err), corpus.ErrorMessage(err), 0
		var he *echo.HTTPError
		if code == corpus.EInternal && errors.As(err, &he) {
			if e, ok := echoCodes[he.Code]; ok {
				code, msg = e.Code, e.Message
			} else {
				code, msg = "http_error", http.StatusText(he.Code)
			}
			status = he.Code
		}
		if status == 0 {
			status = statusOf[code]
			if status == 0 {
				status = http.StatusBadRequest
			}
		}
		if errors.Is(err, context.Canceled) {
			// The client went away; nobody reads the answer.
			code, msg, status = "client_closed_request", "The request was cancelled.", 499
		}
		if status >= 500 {
			log.Error("request failed", "request_id", requestID(c), "method", c.Request().Method, "path", c.Path(), "err", err)
		}
		var body errorBody
		body.Error.Code, body.Error.Message = code, msg
		if c.Request().Method == http.MethodHead {
			_ = c.NoContent(status)
			return
		}
		_ = c.JSON(status, body)
	}
}
