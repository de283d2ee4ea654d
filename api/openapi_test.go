package api

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"go.yaml.in/yaml/v3"
)

// openapiDoc is the part of the OpenAPI document the tests read.
type openapiDoc struct {
	OpenAPI    string                    `yaml:"openapi"`
	Paths      map[string]map[string]any `yaml:"paths"`
	Components struct {
		Schemas map[string]schema `yaml:"schemas"`
	} `yaml:"components"`
}

type schema struct {
	Required    []string          `yaml:"required"`
	Properties  map[string]schema `yaml:"properties"`
	Enum        []string          `yaml:"enum"`
	Description string            `yaml:"description"`
	Ref         string            `yaml:"$ref"`
	AllOf       []schema          `yaml:"allOf"`
}

func loadOpenAPI(t *testing.T) openapiDoc {
	t.Helper()
	var doc openapiDoc
	if err := yaml.Unmarshal(openapiYAML, &doc); err != nil {
		t.Fatalf("parse openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Fatalf("openapi = %q; want 3.1.x", doc.OpenAPI)
	}
	return doc
}

// TestOpenAPIPaths checks that every path and method of the REST contract
// (API.md) and of the documented extras is described.
func TestOpenAPIPaths(t *testing.T) {
	doc := loadOpenAPI(t)
	want := []struct{ method, path string }{
		// API.md
		{"get", "/healthz"},
		{"post", "/api/v1/plans"},
		{"get", "/api/v1/plans"},
		{"get", "/api/v1/plans/{id}"},
		{"get", "/api/v1/plans/{id}/text"},
		{"delete", "/api/v1/plans/{id}"},
		{"get", "/api/v1/plans/{id}/coding"},
		{"get", "/api/v1/search"},
		{"get", "/api/v1/compare"},
		{"get", "/api/v1/plans/{id}/compare/{other}"},
		{"get", "/api/v1/stats/codes"},
		{"get", "/api/v1/codebook"},
		// extras
		{"get", "/api/v1/plans/{id}/file"},
		{"get", "/api/v1/analyze"},
		{"get", "/api/v1/lans"},
		{"get", "/api/v1/openapi.yaml"},
		{"get", "/api/v1/stats/matrix"},
		{"get", "/api/v1/stats/trend"},
		{"get", "/api/v1/stats/goals"},
		{"get", "/api/v1/export/xlsx"},
		{"get", "/api/v1/export/qdpx"},
		{"get", "/api/v1/export/qdc"},
		{"post", "/api/v1/eval"},
	}
	for _, w := range want {
		t.Run(w.method+" "+w.path, func(t *testing.T) {
			item, ok := doc.Paths[w.path]
			if !ok {
				t.Fatalf("path %s missing", w.path)
			}
			if _, ok := item[w.method]; !ok {
				t.Fatalf("path %s has no %s", w.path, w.method)
			}
		})
	}
}

// TestOpenAPISchemas checks that the schemas carry every field name of
// API.md.
func TestOpenAPISchemas(t *testing.T) {
	doc := loadOpenAPI(t)
	want := map[string][]string{
		"Plan":             {"id", "lan", "lan_code", "year", "audience", "title", "filename", "sha256", "pages", "chars", "uploaded_at", "codebook_version"},
		"Coding":           {"plan_id", "codebook_version", "codes", "goals", "indicators", "brukarinflytande", "genus"},
		"Code":             {"dimension", "code", "label", "count", "evidence"},
		"Evidence":         {"page", "section", "text", "start", "end"},
		"Goal":             {"id", "text", "horizon", "page", "section", "indicator_ids"},
		"Indicator":        {"id", "text", "type", "page", "goal_id"},
		"Brukarinflytande": {"level", "organisations", "evidence"},
		"Genus":            {"present", "placements", "evidence"},
		"SearchResult":     {"total", "hits", "facets"},
		"SearchHit":        {"plan_id", "lan", "year", "page", "section", "score", "fragments"},
		"Comparison":       {"from", "to", "codes", "goals", "indicators", "brukarinflytande", "genus", "structure", "text_similarity"},
		"CodeStats":        {"year", "plans", "rows"},
		"CodeStatsRow":     {"dimension", "code", "label", "lans", "lan_list"},
		"AnalyzedToken":    {"token", "lower", "stop", "stem", "parts", "part_stems", "start", "end"},
		"Error":            {"error"},
	}
	for name, fields := range want {
		t.Run(name, func(t *testing.T) {
			s, ok := doc.Components.Schemas[name]
			if !ok {
				t.Fatalf("schema %s missing", name)
			}
			for _, f := range fields {
				if _, ok := s.Properties[f]; !ok {
					t.Errorf("schema %s has no property %q", name, f)
				}
			}
		})
	}
	t.Run("Comparison/nested", func(t *testing.T) {
		c := doc.Components.Schemas["Comparison"].Properties
		nested := map[string][]string{
			"codes":            {"added", "removed", "kept"},
			"goals":            {"added", "removed", "changed", "kept"},
			"indicators":       {"added", "removed"},
			"brukarinflytande": {"from", "to"},
			"genus":            {"from", "to"},
			"structure":        {"same_structure", "heading_overlap"},
		}
		for p, fields := range nested {
			for _, f := range fields {
				if _, ok := c[p].Properties[f]; !ok {
					t.Errorf("Comparison.%s has no property %q", p, f)
				}
			}
		}
	})
}

// TestOpenAPIErrorCodes checks that every code the error handler can send
// is listed with the status it gets.
func TestOpenAPIErrorCodes(t *testing.T) {
	doc := loadOpenAPI(t)
	enum := doc.Components.Schemas["ErrorCode"].Enum
	codes := []string{"http_error"}
	for code := range statusOf {
		codes = append(codes, code)
	}
	for _, e := range echoCodes {
		codes = append(codes, e.Code)
	}
	for _, code := range codes {
		if !slices.Contains(enum, code) {
			t.Errorf("ErrorCode enum lacks %q", code)
		}
	}
	// The description says "400 invalid, unknown_lan, …; 401 unauthorized; …".
	clauses := map[string]int{}
	for _, clause := range strings.Split(doc.Components.Schemas["ErrorCode"].Description, ";") {
		var status int
		fields := strings.FieldsFunc(clause, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '.' })
		for _, f := range fields {
			if n, err := strconv.Atoi(f); err == nil {
				status = n
				continue
			}
			clauses[f] = status
		}
	}
	for code, status := range statusOf {
		if clauses[code] != status {
			t.Errorf("ErrorCode description lists %q under %d; want %d", code, clauses[code], status)
		}
	}
}

// TestOpenAPIRefs checks that every $ref points at a defined component.
func TestOpenAPIRefs(t *testing.T) {
	var raw map[string]any
	if err := yaml.Unmarshal(openapiYAML, &raw); err != nil {
		t.Fatalf("parse openapi.yaml: %v", err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if ref, ok := x.(string); ok && k == "$ref" {
					if !resolves(raw, ref) {
						t.Errorf("$ref %s does not resolve", ref)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(raw)
}

func resolves(root map[string]any, ref string) bool {
	path, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return false
	}
	var cur any = root
	for _, part := range strings.Split(path, "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[part]; !ok {
			return false
		}
	}
	return true
}

// TestOpenAPICoversRoutes checks that every API route the server registers
// is described, so a new endpoint cannot go undocumented.
func TestOpenAPICoversRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	e, ok := (&Server{}).Handler().(*echo.Echo)
	if !ok {
		t.Fatal("Handler is not an *echo.Echo")
	}
	param := regexp.MustCompile(`:([A-Za-z_]+)`)
	registered := map[string]bool{}
	for _, r := range e.Routes() {
		registered[strings.ToLower(r.Method)+" "+param.ReplaceAllString(r.Path, "{$1}")] = true
	}
	// And the other way: nothing is described that the server does not serve.
	for path, item := range doc.Paths {
		for method := range item {
			switch method {
			case "get", "post", "put", "patch", "delete", "head", "options":
			default:
				continue // parameters, summary, …
			}
			if !registered[method+" "+path] {
				t.Errorf("openapi.yaml describes %s %s, which the server does not serve", strings.ToUpper(method), path)
			}
		}
	}
	for _, r := range e.Routes() {
		if !strings.HasPrefix(r.Path, "/api/") && r.Path != "/healthz" {
			continue
		}
		path := param.ReplaceAllString(r.Path, "{$1}")
		method := strings.ToLower(r.Method)
		t.Run(method+" "+path, func(t *testing.T) {
			if _, ok := doc.Paths[path][method]; !ok {
				t.Errorf("route %s %s is not in openapi.yaml", r.Method, path)
			}
		})
	}
}
