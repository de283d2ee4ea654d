package api

import (
	"encoding/json"
	"io/fs"
	"os/exec"
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

// TestWebInnerHTMLOnlySanitized checks that app.js writes HTML in exactly
// one place, from sanitizeFragment: every other API text goes in as text.
func TestWebInnerHTMLOnlySanitized(t *testing.T) {
	js, err := fs.ReadFile(webFiles, "web/app.js")
	if err != nil {
		t.Fatalf("read app.js: %v", err)
	}
	risky := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function`)
	for i, line := range strings.Split(string(js), "\n") {
		if !risky.MatchString(line) {
			continue
		}
		if !regexp.MustCompile(`\.innerHTML = sanitizeFragment\(`).MatchString(line) {
			t.Errorf("app.js:%d writes HTML without sanitizeFragment: %s", i+1, strings.TrimSpace(line))
		}
	}
}

// TestWebSanitizeFragment runs app.js's sanitizeFragment under Node (when
// installed) on hostile and ordinary search fragments.
func TestWebSanitizeFragment(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	js, err := fs.ReadFile(webFiles, "web/app.js")
	if err != nil {
		t.Fatalf("read app.js: %v", err)
	}
	fn := regexp.MustCompile(`(?s)\n  function sanitizeFragment\(s\) \{.*?\n  \}\n`).Find(js)
	if fn == nil {
		t.Fatal("sanitizeFragment not found in app.js")
	}
	tests := []struct{ name, in, want string }{
		{"mark", "… <mark>suicid</mark>prevention …", "… <mark>suicid</mark>prevention …"},
		{"swedish", "anhörigstöd för <mark>äldre</mark> å ä ö é", "anhörigstöd för <mark>äldre</mark> å ä ö é"},
		{"escaped-kept", "a &amp; b &lt;mark&gt; &#39;x&#39;", "a &amp; b &lt;mark&gt; &#39;x&#39;"},
		{"bare-ampersand", "AT&T", "AT&amp;T"},
		{"script", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"img", `<img src=x onerror="alert(1)">`, "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"},
		{"mark-attribute", `<mark onclick="x">a</mark>`, "&lt;mark onclick=&quot;x&quot;&gt;a"},
		{"unbalanced-open", "<mark>a", "<mark>a</mark>"},
		{"stray-close", "a</mark>b", "ab"},
		{"nested-open", "<mark>a<mark>b</mark>c", "<mark>ab</mark>c"},
		{"escaped-mark-is-text", "&lt;mark&gt;x&lt;/mark&gt;", "&lt;mark&gt;x&lt;/mark&gt;"},
		{"upper-case-tag", "<MARK>a</MARK>", "&lt;MARK&gt;a&lt;/MARK&gt;"},
	}
	ins := make([]string, len(tests))
	for i, tt := range tests {
		ins[i] = tt.in
	}
	in, _ := json.Marshal(ins)
	script := string(fn) + "\nconst ins = " + string(in) + ";\nprocess.stdout.write(JSON.stringify(ins.map(sanitizeFragment)));\n"
	out, err := exec.Command(node, "-e", script).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(tests) {
		t.Fatalf("node output %q: %v", out, err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got[i] != tt.want {
				t.Errorf("sanitizeFragment(%q) = %q; want %q", tt.in, got[i], tt.want)
			}
		})
	}
}
