package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"

	"github.com/plankoll/plankoll/corpus"
)

// workerRequest is the header line the parent writes before the file's
// bytes; Size bytes of the file follow it.
type workerRequest struct {
	Filename string `json:"filename"`
	Limits   Limits `json:"limits"`
	Size     int64  `json:"size"`
}

// workerResponse is the worker's one JSON answer.
type workerResponse struct {
	Document *corpus.Document `json:"document,omitempty"`
	Error    *corpus.Error    `json:"error,omitempty"`
}

// maxResponseBytes bounds what the parent reads back from a worker.
const maxResponseBytes = 512 << 20

// RunWorker is the worker process's main: reads the request (limits + bytes)
// from r, extracts in-process, writes the JSON result (Document or corpus.Error)
// to w. The lead wires it as the hidden subcommand `plankoll extract-worker`.
//
// Before reading the file it limits its own address space to
// Limits.MemoryLimit (RLIMIT_AS, Linux; not under the race detector, which
// reserves terabytes), so a file that makes the PDF library allocate
// without bound kills this process, not the service. A returned error is a
// broken request or an unwritable w, not a bad document.
func RunWorker(ctx context.Context, r io.Reader, w io.Writer) error {
	br := bufio.NewReader(r)
	head, err := br.ReadBytes('\n')
	if err != nil {
		return errorf("extract worker: read request", err)
	}
	var req workerRequest
	if err := json.Unmarshal(head, &req); err != nil {
		return errorf("extract worker: decode request", err)
	}
	lim := req.Limits.withDefaults()
	if req.Size < 0 || req.Size > lim.MaxBytes {
		return fmt.Errorf("extract worker: request size %d out of range", req.Size)
	}
	if err := limitMemory(lim.MemoryLimit); err != nil {
		return errorf("extract worker: limit memory", err)
	}
	debug.SetMemoryLimit(int64(lim.MemoryLimit / 2))
	data := make([]byte, req.Size)
	if _, err := io.ReadFull(br, data); err != nil {
		return errorf("extract worker: read file", err)
	}
	doc, err := extractGuarded(ctx, req.Filename, data, lim)
	var resp workerResponse
	if err != nil {
		var ce *corpus.Error
		if !errors.As(err, &ce) {
			ce = corpus.Errorf(corpus.EUnreadable, "The document cannot be read: %v.", err)
		}
		resp.Error = ce
	} else {
		resp.Document = doc
	}
	if err := json.NewEncoder(w).Encode(resp); err != nil {
		return errorf("extract worker: write result", err)
	}
	return nil
}

// worker is one child process, started and waiting for its request.
type worker struct {
	cmd            *exec.Cmd
	stdin          io.WriteCloser
	stdout, stderr *limitedBuffer
	done           chan error // the result of cmd.Wait
}

// startWorker starts a child from argv; it blocks reading its request
// until runInWorker writes one. The environment drops Plankoll's own
// settings: the child reads untrusted files and needs no write token.
func startWorker(argv []string) (*worker, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	w := &worker{cmd: cmd, stdout: &limitedBuffer{max: maxResponseBytes}, stderr: &limitedBuffer{max: 64 << 10}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = w.stdout, w.stderr
	cmd.Env = workerEnv(os.Environ())
	cmd.WaitDelay = time.Second
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, errorf("extract: start worker", err)
	}
	w.stdin = stdin
	if err := cmd.Start(); err != nil {
		return nil, errorf("extract: start worker", err)
	}
	go func() { w.done <- cmd.Wait() }()
	return w, nil
}

// takeWorker returns the spare child if there is a live one, else starts
// one, and starts the next spare in the background: starting the binary
// costs about 15 ms, which an upload then does not wait for. A spare
// serves one document only, as a fresh child would.
func (e *Extractor) takeWorker() (*worker, error) {
	e.mu.Lock()
	w := e.spare
	e.spare = nil
	e.mu.Unlock()
	go e.refill()
	if w != nil {
		select {
		case <-w.done: // died while waiting; start a fresh one
		default:
			return w, nil
		}
	}
	return startWorker(e.WorkerCommand)
}

func (e *Extractor) refill() {
	w, err := startWorker(e.WorkerCommand)
	if err != nil {
		return
	}
	e.mu.Lock()
	if e.spare == nil {
		e.spare, w = w, nil
	}
	e.mu.Unlock()
	if w != nil {
		w.stdin.Close() // another refill won; this child exits on EOF
	}
}

// runInWorker extracts in a child process, killed at the deadline. A child
// that dies is the document's fault: running out of memory is ETooLarge,
// any other crash EUnreadable.
func (e *Extractor) runInWorker(ctx context.Context, filename string, data []byte, lim Limits) (*corpus.Document, error) {
	head, err := json.Marshal(workerRequest{Filename: filename, Limits: lim, Size: int64(len(data))})
	if err != nil {
		return nil, errorf("extract: encode worker request", err)
	}
	w, err := e.takeWorker()
	if err != nil {
		return nil, err
	}
	go func() {
		// A child that dies early makes these writes fail; its exit
		// status says why.
		io.Copy(w.stdin, io.MultiReader(bytes.NewReader(head), strings.NewReader("\n"), bytes.NewReader(data)))
		w.stdin.Close()
	}()
	// The child keeps its own deadline; ours is a little later, so that
	// a child stuck where it cannot look at the clock is still killed.
	timer := time.NewTimer(lim.Timeout + 2*time.Second)
	defer timer.Stop()
	var runErr error
	select {
	case runErr = <-w.done:
	case <-timer.C:
		w.cmd.Process.Kill()
		<-w.done
		return nil, timeoutError(lim)
	case <-ctx.Done():
		w.cmd.Process.Kill()
		<-w.done
		return nil, fmt.Errorf("extract: %w", ctx.Err()) // the caller gave up
	}
	if runErr != nil {
		msg := w.stderr.String()
		if strings.Contains(msg, "out of memory") || strings.Contains(msg, "cannot allocate memory") {
			return nil, corpus.Errorf(corpus.ETooLarge, "Reading the document needed more than %d MB of memory: it is too complex or malformed.", lim.MemoryLimit>>20)
		}
		if _, ok := runErr.(*exec.ExitError); !ok {
			return nil, errorf("extract: run worker", runErr)
		}
		return nil, corpus.Errorf(corpus.EUnreadable, "The document cannot be read: the extractor stopped on it (%s).", lastLine(msg, runErr))
	}
	var resp workerResponse
	if err := json.Unmarshal(w.stdout.Bytes(), &resp); err != nil {
		return nil, errorf("extract: decode worker result", err)
	}
	if resp.Error != nil {
		return nil, resp.Error
	}
	if resp.Document == nil {
		return nil, errors.New("extract: worker returned neither document nor error")
	}
	return resp.Document, nil
}

func lastLine(stderr string, err error) string {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "fatal error:") {
			return l
		}
	}
	return err.Error()
}

// limitedBuffer keeps the first max bytes written to it and drops the rest.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// workerEnv is the parent's environment without Plankoll's own settings:
// the child reads untrusted files and needs no write token.
func workerEnv(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, "PLANKOLL_") {
			out = append(out, kv)
		}
	}
	return out
}
