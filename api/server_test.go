package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/corpus"
)

func TestTokenValid(t *testing.T) {
	toks := []string{"första-token", "andra"}
	for _, tc := range []struct {
		got  string
		want bool
	}{{"första-token", true}, {"andra", true}, {"andr", false}, {"", false}, {"första-token ", false}} {
		if got := tokenValid(tc.got, toks); got != tc.want {
			t.Errorf("tokenValid(%q) = %v; want %v", tc.got, got, tc.want)
		}
	}
}

// TestRequireWrite runs the middleware with no token, a wrong one, the
// scheme in other case, and while the service starts.
func TestRequireWrite(t *testing.T) {
	ready := true
	s := &Server{Tokens: []string{"hemligt"}, Log: slog.New(slog.DiscardHandler), Ready: func() bool { return ready }}
	e := echo.New()
	e.HTTPErrorHandler = errorHandler(s.Log)
	e.POST("/w", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) }, s.requireReady, s.requireWrite)
	for _, tc := range []struct {
		name, auth string
		ready      bool
		status     int
		code       string
	}{
		{"no token", "", true, 401, corpus.EUnauthorized},
		{"wrong token", "Bearer fel", true, 403, corpus.EForbidden},
		{"basic auth", "Basic aGVtbGlndA==", true, 401, corpus.EUnauthorized},
		{"right token", "Bearer hemligt", true, 204, ""},
		{"scheme in lower case", "bearer hemligt", true, 204, ""},
		{"starting", "Bearer hemligt", false, 503, corpus.EUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ready = tc.ready
			req := httptest.NewRequest("POST", "/w", nil)
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d; want %d (%s)", rec.Code, tc.status, rec.Body)
			}
			if tc.code != "" {
				var body errorBody
				if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error.Code != tc.code || body.Error.Message == "" {
					t.Errorf("body %s; want code %s", rec.Body, tc.code)
				}
			}
		})
	}
}

// TestErrorHandler checks the one table: coded errors get their status,
// echo's own errors the same JSON, anything else a 500 that says nothing.
func TestErrorHandler(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = errorHandler(slog.New(slog.DiscardHandler))
	for _, tc := range []struct {
		err    error
		status int
		code   string
	}{
		{corpus.Errorf(corpus.EUnknownLan, "x"), 400, corpus.EUnknownLan},
		{corpus.Errorf(corpus.ENoTextLayer, "x"), 422, corpus.ENoTextLayer},
		{corpus.Errorf(corpus.EUnsupportedType, "x"), 415, corpus.EUnsupportedType},
		{corpus.Errorf(corpus.ETooManyPages, "x"), 413, corpus.ETooManyPages},
		{corpus.Errorf(corpus.ENotFound, "x"), 404, corpus.ENotFound},
		{echo.ErrNotFound, 404, "route_not_found"},
		{echo.ErrStatusRequestEntityTooLarge, 413, corpus.ETooLarge},
		{errorsNew("disk on fire /secret/path"), 500, corpus.EInternal},
	} {
		rec := httptest.NewRecorder()
		c := e.NewContext(httptest.NewRequest("GET", "/", nil), rec)
		e.HTTPErrorHandler(tc.err, c)
		var body errorBody
		json.Unmarshal(rec.Body.Bytes(), &body)
		if rec.Code != tc.status || body.Error.Code != tc.code {
			t.Errorf("%v → %d %s; want %d %s", tc.err, rec.Code, body.Error.Code, tc.status, tc.code)
		}
		if strings.Contains(rec.Body.String(), "secret") {
			t.Errorf("internal error leaked: %s", rec.Body)
		}
	}
}

type plainError string

func (e plainError) Error() string { return string(e) }

func errorsNew(s string) error { return plainError(s) }

func TestRawFilename(t *testing.T) {
	for _, tc := range []struct{ disp, fallback, want string }{
		{`form-data; name="file"; filename="../../etc/passwd"`, "passwd", "../../etc/passwd"},
		{`form-data; name="file"; filename="Jämtlands län 2017.pdf"`, "x", "Jämtlands län 2017.pdf"},
		{`form-data; name="file"`, "fallback.pdf", "fallback.pdf"},
		{`garbage;;`, "fallback.pdf", "fallback.pdf"},
	} {
		if got := rawFilename(tc.disp, tc.fallback); got != tc.want {
			t.Errorf("rawFilename(%q) = %q; want %q", tc.disp, got, tc.want)
		}
	}
}

func TestExplainCharsCountsCharacters(t *testing.T) {
	ex := explainChars("Anhörigstöd för äldre")
	if len(ex) < 3 || ex[0].Start != 0 || ex[0].End != 11 || ex[2].Start != 16 || ex[2].End != 21 {
		t.Errorf("explainChars offsets = %+v; want characters [0,11) … [16,21)", ex)
	}
}
