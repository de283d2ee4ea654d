package api

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// TestWebFilesEmbedded checks that the web interface is in the binary.
func TestWebFilesEmbedded(t *testing.T) {
	for _, name := range []string{"web/index.html", "web/app.js", "web/style.css", "web/favicon.svg"} {
		t.Run(name, func(t *testing.T) {
			b, err := fs.ReadFile(webFiles, name)
			if err != nil {
				t.Fatalf("read embedded %s: %v", name, err)
			}
			if len(b) == 0 {
				t.Fatalf("embedded %s is empty", name)
			}
		})
	}
}

// TestWebLocalAssetsOnly checks that the pages load nothing from another
// host: the service runs on machines without network access.
func TestWebLocalAssetsOnly(t *testing.T) {
	html, err := fs.ReadFile(webFiles, "web/index.html")
	if err != nil {
		t.Fatalf("read index.html: %v", err)
	}
	t.Run("index.html/no-remote-urls", func(t *testing.T) {
		if m := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`).FindString(string(html)); m != "" {
			t.Errorf("index.html refers to a remote URL %q", m)
		}
	})
	// Every src/href that is not a fragment link must be a file we embed.
	refs := regexp.MustCompile(`(?i)\b(?:src|href)="([^"]*)"`).FindAllStringSubmatch(string(html), -1)
	if len(refs) == 0 {
		t.Fatal("index.html has no src or href at all")
	}
	for _, m := range refs {
		ref := m[1]
		t.Run("index.html/"+ref, func(t *testing.T) {
			switch {
			case strings.HasPrefix(ref, "#"), strings.HasPrefix(ref, "/api/v1/"), ref == "/healthz":
				return
			case strings.HasPrefix(ref, "/ui/"):
				if _, err := fs.Stat(webFiles, "web/"+strings.TrimPrefix(ref, "/ui/")); err != nil {
					t.Errorf("index.html refers to %s, which is not embedded", ref)
				}
			default:
				t.Errorf("index.html refers to %s; want /ui/… assets, /api/v1/… or a #fragment", ref)
			}
		})
	}
	for _, name := range []string{"web/app.js", "web/style.css"} {
		t.Run(name+"/no-remote-urls", func(t *testing.T) {
			b, err := fs.ReadFile(webFiles, name)
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			// The SVG namespace is an identifier, not a request.
			s := strings.ReplaceAll(string(b), "http://www.w3.org/2000/svg", "")
			if m := regexp.MustCompile(`(?i)https?://|@import|url\(\s*["']?//`).FindString(s); m != "" {
				t.Errorf("%s loads from another host (%q)", name, m)
			}
		})
	}
}
