package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync/atomic"
	"time"

	"github.com/plankoll/plankoll/api"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/corpus/samples"
)

func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	cfg, _, err := parseConfig("serve", args, stderr)
	if err != nil {
		return err
	}
	log := newLogger(cfg.LogFormat, stderr)
	log.Info("starting plankoll", cfg.logAttrs()...)
	if len(cfg.Tokens) == 0 {
		log.Warn("no write tokens configured: anyone who reaches this address can upload and delete plans (set PLANKOLL_WRITE_TOKEN or --tokens)")
	}
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	var ready atomic.Bool
	srv := &api.Server{Ingest: a.ingest, Store: a.store, Index: a.index, Codebook: a.codebook, Log: log,
		Tokens: cfg.Tokens, MaxBody: cfg.MaxBody, Ready: ready.Load}
	log.Info("listening", "addr", ln.Addr().String(), "codebook_version", a.codebook.Version())

	// Start-up work runs while the server answers reads (healthz says
	// "starting", writes get 503); if it fails, the server stops.
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	prepErr := make(chan error, 1)
	go func() {
		err := a.heal(ctx, stderr)
		if err == nil && cfg.Sample {
			err = loadSamples(ctx, a, stderr)
		}
		if err == nil {
			ready.Store(true)
			log.Info("ready")
		} else {
			stop()
		}
		prepErr <- err
	}()
	// An upload may take the whole extraction time and then be stored.
	grace := cfg.Timeout + 30*time.Second
	err = srv.Serve(ctx, ln, grace)
	if perr := <-prepErr; perr != nil && !errors.Is(perr, context.Canceled) {
		return perr // start-up failed and stopped the server
	}
	log.Info("stopped")
	return err
}

// loadSamples fills an empty data folder with the bundled sample plans,
// once: a user who deletes them does not get them back.
func loadSamples(ctx context.Context, a *app, stderr io.Writer) error {
	done, err := a.store.Meta(ctx, "samples_loaded")
	if err != nil || done != "" {
		return err
	}
	fps, err := a.store.Fingerprints(ctx)
	if err != nil {
		return err
	}
	if len(fps) > 0 {
		return a.store.SetMeta(ctx, "samples_loaded", "skipped: data folder not empty")
	}
	plans, err := samples.Plans()
	if err != nil {
		return err
	}
	bar := newProgress(stderr, a.log, "loading sample plans")
	for i, sp := range plans {
		_, _, err := a.ingest.Ingest(ctx, ingest.Upload{Filename: sp.Filename, Data: sp.Data, Lan: sp.Lan,
			Year: fmt.Sprint(sp.Year), Audience: sp.Audience, Title: sp.Title})
		if err != nil {
			return fmt.Errorf("sample plan %s: %w", sp.Filename, err)
		}
		bar.Update(i+1, len(plans))
	}
	return a.store.SetMeta(ctx, "samples_loaded", time.Now().UTC().Format(time.RFC3339))
}
