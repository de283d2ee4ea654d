package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"
)

// progress draws a bar with an ETA on a terminal, and logs counts
// otherwise, always on stderr so that stdout stays clean.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	log     *slog.Logger
	what    string
	start   time.Time
	tty     bool
	lastLog time.Time
}

func newProgress(w io.Writer, log *slog.Logger, what string) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, log: log, what: what, start: time.Now(), tty: tty}
}

// Update reports done of total; safe for concurrent use.
func (p *progress) Update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if total <= 0 {
		return
	}
	elapsed := time.Since(p.start)
	eta := time.Duration(0)
	if done > 0 {
		eta = time.Duration(float64(elapsed) / float64(done) * float64(total-done))
	}
	if p.tty {
		const width = 30
		n := width * done / total
		fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d  ETA %s ", p.what, strings.Repeat("█", n), strings.Repeat("·", width-n), done, total, eta.Round(time.Second))
		if done == total {
			fmt.Fprintln(p.w)
		}
		return
	}
	if done == total || time.Since(p.lastLog) > 2*time.Second {
		p.lastLog = time.Now()
		p.log.Info(p.what, "done", done, "total", total, "eta", eta.Round(time.Second).String())
	}
}
