package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The end-to-end tests build the real binary and run it as a separate
// process on a free port with a temporary data folder: what a user runs,
// including the extraction worker child and a kill -9.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func plankollBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "plankoll-e2e-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "plankoll")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

type server struct {
	t      *testing.T
	cmd    *exec.Cmd
	base   string
	data   string
	token  string
	logBuf *syncBuffer
	args   []string
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// startServer runs `plankoll serve` on dataDir and waits until /healthz is
// ok.
func startServer(t *testing.T, dataDir string, extra ...string) *server {
	t.Helper()
	s := &server{t: t, data: dataDir, token: "s3cret-token", logBuf: &syncBuffer{}}
	addr := freePort(t)
	s.base = "http://" + addr
	s.args = append([]string{"serve", "--addr", addr, "--data", dataDir}, extra...)
	s.cmd = exec.Command(plankollBinary(t), s.args...)
	s.cmd.Env = append(os.Environ(), "PLANKOLL_WRITE_TOKEN="+s.token)
	s.cmd.Stdout, s.cmd.Stderr = s.logBuf, s.logBuf
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
		if t.Failed() {
			t.Logf("server log:\n%s", s.logBuf.String())
		}
	})
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s
			}
		}
		if s.cmd.ProcessState != nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("server did not become ready; log:\n%s", s.logBuf.String())
	return nil
}

// stop sends SIGTERM and waits for a clean exit.
func (s *server) stop() {
	s.t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			s.t.Fatalf("server exit after SIGTERM: %v\n%s", err, s.logBuf.String())
		}
	case <-time.After(60 * time.Second):
		s.t.Fatal("server did not stop within 60 s of SIGTERM")
	}
}

func (s *server) kill9() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
}

type upload struct {
	filename, lan, year, audience, kommun, title string
	data                                         []byte
	noFile                                       bool
	token                                        *string
}

type apiResp struct {
	status int
	body   []byte
}

func (r apiResp) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

func (r apiResp) errCode(t *testing.T) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(r.body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("not an error JSON (status %d): %s", r.status, r.body)
	}
	return e.Error.Code
}

func (s *server) upload(u upload) apiResp {
	s.t.Helper()
	return s.do(s.uploadRequest(u))
}

// tryUpload is upload for a request that the server may die under.
func (s *server) tryUpload(u upload) error {
	resp, err := http.DefaultClient.Do(s.uploadRequest(u))
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return err
}

func (s *server) uploadRequest(u upload) *http.Request {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range map[string]string{"lan": u.lan, "year": u.year, "audience": u.audience, "kommun": u.kommun, "title": u.title} {
		if v != "" {
			mw.WriteField(k, v)
		}
	}
	if !u.noFile {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, u.filename))
		h.Set("Content-Type", "application/octet-stream")
		w, _ := mw.CreatePart(h)
		w.Write(u.data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", s.base+"/api/v1/plans", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	tok := s.token
	if u.token != nil {
		tok = *u.token
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return req
}

func (s *server) do(req *http.Request) apiResp {
	s.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return apiResp{resp.StatusCode, b}
}

func (s *server) get(path string, q url.Values) apiResp {
	s.t.Helper()
	u := s.base + path
	if q != nil {
		u += "?" + q.Encode()
	}
	req, _ := http.NewRequest("GET", u, nil)
	return s.do(req)
}

func (s *server) delete(id, token string) apiResp {
	s.t.Helper()
	req, _ := http.NewRequest("DELETE", s.base+"/api/v1/plans/"+id, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return s.do(req)
}

type planJSON struct {
	ID              string `json:"id"`
	Lan             string `json:"lan"`
	LanCode         string `json:"lan_code"`
	Year            int    `json:"year"`
	Audience        string `json:"audience"`
	Title           string `json:"title"`
	Filename        string `json:"filename"`
	SHA256          string `json:"sha256"`
	Pages           int    `json:"pages"`
	Chars           int    `json:"chars"`
	UploadedAt      string `json:"uploaded_at"`
	CodebookVersion string `json:"codebook_version"`
}

type searchJSON struct {
	Total int `json:"total"`
	Hits  []struct {
		PlanID    string   `json:"plan_id"`
		Lan       string   `json:"lan"`
		Year      int      `json:"year"`
		Page      int      `json:"page"`
		Section   string   `json:"section"`
		Score     float64  `json:"score"`
		Fragments []string `json:"fragments"`
	} `json:"hits"`
	Facets map[string]map[string]int `json:"facets"`
}

func (s *server) search(q url.Values) searchJSON {
	s.t.Helper()
	r := s.get("/api/v1/search", q)
	if r.status != 200 {
		s.t.Fatalf("search %v: %d %s", q, r.status, r.body)
	}
	var out searchJSON
	r.json(s.t, &out)
	return out
}

type statusJSON struct {
	Plans        int      `json:"plans"`
	Indexed      int      `json:"indexed_plans"`
	Consistent   bool     `json:"consistent"`
	NotIndexed   []string `json:"not_indexed"`
	OnlyInIndex  []string `json:"only_in_index"`
	StaleInIndex []string `json:"stale_in_index"`
}

func (s *server) status() statusJSON {
	s.t.Helper()
	var st statusJSON
	r := s.get("/api/v1/status", nil)
	if r.status != 200 {
		s.t.Fatalf("status: %d %s", r.status, r.body)
	}
	r.json(s.t, &st)
	return st
}

func readFixture(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return b
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
