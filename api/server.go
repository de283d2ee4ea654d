// Package api serves Plankoll over HTTP with echo: the REST contract of
// API.md, its OpenAPI description and the web interface. Handlers are thin:
// they parse the request, call the store, index or ingest service, and
// return errors for errorHandler to map.
package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/corpus/store"
	"github.com/plankoll/plankoll/index"
)

// Server is the HTTP service.
type Server struct {
	Ingest   *ingest.Service
	Store    *store.Store
	Index    *index.Index
	Codebook *analyzer.Codebook
	Log      *slog.Logger
	// Tokens are the bearer tokens that may write; none means open.
	Tokens []string
	// MaxBody is the largest request body in bytes.
	MaxBody int64
	// Ready reports whether start-up work (sync, samples) is done; writes
	// wait for it.
	Ready func() bool
	// Now is the clock (plan years are checked against it).
	Now func() time.Time

	echo *echo.Echo
}

// Handler builds the echo instance with every route.
func (s *Server) Handler() http.Handler {
	if s.echo != nil {
		return s.echo
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = echo.ExtractIPDirect() // X-Forwarded-For is not trusted (NOTES.md)
	e.HTTPErrorHandler = errorHandler(s.Log)
	e.Use(middleware.RequestID())
	e.Use(s.logRequests)
	e.Use(middleware.Recover())
	e.Use(middleware.BodyLimit(strconv.FormatInt(s.MaxBody, 10) + "B"))

	e.GET("/healthz", s.healthz)
	v1 := e.Group("/api/v1")
	v1.GET("/plans", s.listPlans)
	v1.POST("/plans", s.createPlan, s.requireReady, s.requireWrite)
	v1.GET("/plans/:id", s.getPlan)
	v1.DELETE("/plans/:id", s.deletePlan, s.requireReady, s.requireWrite)
	v1.GET("/plans/:id/text", s.planText)
	v1.GET("/plans/:id/file", s.planFile)
	v1.GET("/plans/:id/coding", s.planCoding)
	v1.GET("/search", s.search)
	v1.GET("/analyze", s.analyze)
	v1.GET("/codebook", s.codebook)
	v1.POST("/eval", s.eval, s.requireWrite)
	v1.GET("/lans", s.lans)
	v1.GET("/openapi.yaml", s.openapi)
	v1.GET("/status", s.status)
	v1.GET("/compare", s.compareByLan)
	v1.GET("/plans/:id/compare/:other", s.comparePlans)
	v1.GET("/stats/codes", s.statsCodes)
	v1.GET("/stats/matrix", s.statsMatrix)
	v1.GET("/stats/trend", s.statsTrend)
	v1.GET("/stats/goals", s.statsGoals)
	v1.GET("/export/xlsx", s.exportXLSX)
	v1.GET("/export/qdpx", s.exportQDPX)
	v1.GET("/export/qdc", s.exportQDC)
	s.webRoutes(e)
	s.echo = e
	return e
}

func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

// logRequests writes one structured line per request. Authorization is
// never logged.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		req := c.Request()
		s.Log.Info("request", "request_id", requestID(c), "method", req.Method, "path", req.URL.Path,
			"status", c.Response().Status, "bytes", c.Response().Size, "duration", time.Since(start).Round(time.Microsecond),
			"remote", c.RealIP())
		return nil
	}
}

// requireWrite checks the bearer token when tokens are configured: none
// given → 401, a wrong one → 403. Tokens are compared in constant time.
func (s *Server) requireWrite(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if len(s.Tokens) == 0 {
			return next(c)
		}
		scheme, tok, _ := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
		if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="plankoll"`)
			return corpus.Errorf(corpus.EUnauthorized, "This endpoint needs a write token: send the header Authorization: Bearer TOKEN.")
		}
		if !tokenValid(strings.TrimSpace(tok), s.Tokens) {
			return corpus.Errorf(corpus.EForbidden, "The write token is not valid.")
		}
		return next(c)
	}
}

// tokenValid compares hashes so that neither length nor content leaks
// through timing, and checks every token.
func tokenValid(got string, tokens []string) bool {
	g := sha256.Sum256([]byte(got))
	ok := 0
	for _, t := range tokens {
		w := sha256.Sum256([]byte(t))
		ok |= subtle.ConstantTimeCompare(g[:], w[:])
	}
	return ok == 1
}

// requireReady refuses writes while start-up work (re-coding, index
// sync, sample plans) runs: they would race it.
func (s *Server) requireReady(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.Ready != nil && !s.Ready() {
			c.Response().Header().Set("Retry-After", "10")
			return corpus.Errorf(corpus.EUnavailable, "The service is starting (re-coding or re-indexing plans); try again shortly.")
		}
		return next(c)
	}
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) healthz(c echo.Context) error {
	if s.Ready != nil && !s.Ready() {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "starting"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// Serve runs the server on ln until ctx ends, then shuts down gracefully:
// requests in flight (an upload being stored) get up to grace to finish.
// A request still running after that is abandoned; what it stores is
// still all or nothing.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 10 * time.Minute, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	return nil
}

// status reports whether the index is in step with the store: the plans
// stored, the plans indexed, and those that are in one and not the other
// (start-up Sync repairs them).
func (s *Server) status(c echo.Context) error {
	ctx := c.Request().Context()
	stored, err := s.Store.Fingerprints(ctx)
	if err != nil {
		return err
	}
	indexed, err := s.Index.Fingerprints()
	if err != nil {
		return err
	}
	missing, stale, extra := []string{}, []string{}, []string{}
	for id, fp := range stored {
		if got, ok := indexed[id]; !ok {
			missing = append(missing, id)
		} else if got != fp {
			stale = append(stale, id)
		}
	}
	for id := range indexed {
		if _, ok := stored[id]; !ok {
			extra = append(extra, id)
		}
	}
	return c.JSON(http.StatusOK, map[string]any{
		"plans": len(stored), "indexed_plans": len(indexed),
		"not_indexed": missing, "stale_in_index": stale, "only_in_index": extra,
		"consistent":       len(missing)+len(stale)+len(extra) == 0,
		"codebook_version": s.Codebook.Version(),
		"ready":            s.Ready == nil || s.Ready(),
	})
}
