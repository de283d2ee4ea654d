package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus/extract"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/corpus/store"
	"github.com/plankoll/plankoll/index"
)

// app is the wired service over one data folder.
type app struct {
	cfg      *Config
	log      *slog.Logger
	lock     *os.File
	store    *store.Store
	index    *index.Index
	codebook *analyzer.Codebook
	ingest   *ingest.Service
}

// loadCodebook returns the embedded codebook, or the user's file.
func loadCodebook(path string) (*analyzer.Codebook, error) {
	if path == "" {
		return analyzer.DefaultCodebook()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	cb, err := analyzer.LoadCodebook(b)
	if err != nil {
		return nil, fmt.Errorf("codebook %s: %w", path, err)
	}
	return cb, nil
}

// newExtractor runs extraction in a child process of this same binary, so
// a hostile file costs one child, never the service.
func newExtractor(cfg *Config) *extract.Extractor {
	lim := extract.DefaultLimits()
	lim.MaxBytes = cfg.MaxBody
	lim.Timeout = cfg.Timeout
	e := &extract.Extractor{Limits: lim}
	if exe, err := os.Executable(); err == nil {
		e.WorkerCommand = []string{exe, "extract-worker"}
	}
	return e
}

func openApp(ctx context.Context, cfg *Config, log *slog.Logger) (*app, error) {
	a := &app{cfg: cfg, log: log}
	var err error
	if a.codebook, err = loadCodebook(cfg.CodebookFile); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Data, 0o755); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	if a.lock, err = lockDataDir(cfg.Data); err != nil {
		return nil, err
	}
	if a.store, err = store.Open(ctx, cfg.Data); err != nil {
		a.Close()
		return nil, err
	}
	// This process owns the folder now: files of uploads that a crash cut
	// off before their plan committed can go.
	if err := a.store.RemoveOrphanFiles(ctx); err != nil {
		a.Close()
		return nil, err
	}
	if a.index, err = openIndex(filepath.Join(cfg.Data, "index"), log); err != nil {
		a.Close()
		return nil, err
	}
	a.ingest = &ingest.Service{Store: a.store, Index: a.index, Extractor: newExtractor(cfg),
		Coder: analyzer.NewCoder(a.codebook), Log: log}
	return a, nil
}

// openIndex opens the search index; one that cannot be read (a damaged
// disk, a crash of the file system) is derived data: it is moved aside
// and built anew from the store by the start-up sync.
func openIndex(dir string, log *slog.Logger) (*index.Index, error) {
	ix, err := index.Open(dir, index.Options{})
	if err == nil {
		return ix, nil
	}
	aside := fmt.Sprintf("%s.broken-%d", dir, time.Now().Unix())
	log.Warn("search index unreadable: moving it aside and rebuilding it from the store", "err", err, "moved_to", aside)
	if rerr := os.Rename(dir, aside); rerr != nil {
		return nil, fmt.Errorf("open index: %w (and moving it aside: %v)", err, rerr)
	}
	return index.Open(dir, index.Options{})
}

// lockDataDir keeps a second plankoll process out of the data folder: the
// store would cope, but the index allows one writer.
func lockDataDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, "plankoll.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("the data folder %s is in use by another plankoll process (stop it, or upload through its API)", dir)
		}
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	return f, nil
}

func (a *app) Close() {
	if a.index != nil {
		if err := a.index.Close(); err != nil {
			a.log.Error("close index", "err", err)
		}
	}
	if a.store != nil {
		a.store.Close()
	}
	if a.lock != nil {
		a.lock.Close()
	}
}

// heal re-codes plans coded with another codebook version and brings the
// index up to the store: what start-up does before the service is ready.
func (a *app) heal(ctx context.Context, progressTo io.Writer) error {
	n, err := a.ingest.Recode(ctx, a.codebook.Version(), false, newProgress(progressTo, a.log, "recode").Update)
	if err != nil {
		return fmt.Errorf("recode: %w", err)
	}
	if n > 0 {
		a.log.Info("plans re-coded", "plans", n, "codebook_version", a.codebook.Version())
	}
	st, err := a.ingest.Sync(ctx, newProgress(progressTo, a.log, "index sync").Update)
	if err != nil {
		return fmt.Errorf("index sync: %w", err)
	}
	a.log.Info("index in step with store", "stats", fmt.Sprintf("%+v", st))
	return nil
}
