package api

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"
)

//go:embed web
var webFiles embed.FS

//go:embed openapi.yaml
var openapiYAML []byte

// webRoutes serves the web interface: static files that call the REST API.
func (s *Server) webRoutes(e *echo.Echo) {
	sub, _ := fs.Sub(webFiles, "web")
	h := http.FileServer(http.FS(sub))
	e.GET("/", echo.WrapHandler(h))
	e.GET("/ui/*", echo.WrapHandler(http.StripPrefix("/ui", h)))
}

func (s *Server) openapi(c echo.Context) error {
	return c.Blob(http.StatusOK, "application/yaml; charset=utf-8", openapiYAML)
}
