// Package ingest is the one path by which a plan enters Plankoll, for the
// HTTP handler and the command line alike: validate the metadata, extract
// the text, code it, store it in one transaction, then bring the search
// index up to the store.
//
// The store is the source of truth. The index is brought up to it after
// every write and at start (Sync), so a crash between the two heals.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/store"
	"github.com/plankoll/plankoll/index"
)

// Extractor turns a file into page texts (corpus/extract.Extractor).
type Extractor interface {
	Extract(ctx context.Context, filename string, data []byte) (*corpus.Document, error)
}

// Coder codes page texts (analyzer.Coder).
type Coder interface {
	Code(meta analyzer.PlanMeta, pages []analyzer.PageText) analyzer.Coding
}

// Service ingests, deletes, re-codes and re-indexes plans.
type Service struct {
	Store     *store.Store
	Index     *index.Index
	Extractor Extractor
	Coder     Coder
	Log       *slog.Logger
	Now       func() time.Time
	// MaxConcurrent bounds the ingests that run at once (extraction,
	// coding, indexing); default the number of CPUs. Others wait up to
	// SlotWait for a slot, then get EUnavailable.
	MaxConcurrent int
	SlotWait      time.Duration

	mu       sync.Mutex
	slots    chan struct{}
	inFlight map[string]*flight // by SHA-256: concurrent uploads of one file extract once
}

type flight struct {
	done    chan struct{}
	plan    corpus.Plan
	created bool
	err     error
}

// Upload is a file with the metadata a person gave for it. Year is text so
// that "a non-numeric year" is reported as such.
type Upload struct {
	Filename string
	Data     []byte
	Lan      string
	Kommun   string
	Year     string
	Audience string
	Title    string
}

// Validate checks an upload's metadata and returns the plan it describes
// (county, municipality, year, audience, title, filename), or an *Error
// with a stable code: EUnknownLan, EUnknownKommun, EInvalid (a kommun
// outside the given county), EInvalidYear, EUnknownAudience,
// EInvalidFilename, EEmptyDocument.
func Validate(u Upload, now time.Time) (corpus.Plan, error) {
	var p corpus.Plan
	if err := checkFilename(u.Filename); err != nil {
		return p, err
	}
	if len(u.Data) == 0 {
		return p, corpus.Errorf(corpus.EEmptyDocument, "The file %q is empty.", u.Filename)
	}
	var lan corpus.Lan
	if strings.TrimSpace(u.Kommun) != "" {
		k, err := corpus.ParseKommun(u.Kommun)
		if err != nil {
			return p, err
		}
		lan = corpus.LanForKommun(k)
		p.Kommun, p.KommunCode = k.Name, k.Code
		if strings.TrimSpace(u.Lan) != "" {
			given, err := corpus.ParseLan(u.Lan)
			if err != nil {
				return p, err
			}
			if given.Code != lan.Code {
				return p, corpus.Errorf(corpus.EInvalid, "Kommun %s lies in %s, not in %s.", k.Name, lan.Name, given.Name)
			}
		}
	} else {
		l, err := corpus.ParseLan(u.Lan)
		if err != nil {
			return p, err
		}
		lan = l
	}
	p.Lan, p.LanCode = lan.Name, lan.Code
	year, err := ParseYear(u.Year, now)
	if err != nil {
		return p, err
	}
	p.Year = year
	aud, err := corpus.ParseAudience(u.Audience)
	if err != nil {
		return p, err
	}
	p.Audience = aud
	p.Filename = u.Filename
	p.Title = strings.TrimSpace(u.Title)
	return p, nil
}

// ParseYear accepts a plan year from 2000 to next year.
func ParseYear(s string, now time.Time) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, corpus.Errorf(corpus.EInvalidYear, "The plan year is missing: give the year the plan is for, e.g. 2018.")
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, corpus.Errorf(corpus.EInvalidYear, "The plan year %q is not a number: give it as four digits, e.g. 2018.", s)
	}
	if y < 2000 || y > now.Year()+1 {
		return 0, corpus.Errorf(corpus.EInvalidYear, "The plan year %d is out of range: it must lie between 2000 and %d.", y, now.Year()+1)
	}
	return y, nil
}

// checkFilename refuses names with folders, "..", control characters or
// over 255 bytes: the name is shown to people and must not name a path.
func checkFilename(name string) error {
	if strings.TrimSpace(name) == "" {
		return corpus.Errorf(corpus.EInvalidFilename, "The file has no name.")
	}
	if len(name) > 255 || !utf8.ValidString(name) {
		return corpus.Errorf(corpus.EInvalidFilename, "The file name is too long or not valid UTF-8.")
	}
	if strings.ContainsAny(name, `/\`) || name == "." || name == ".." || filepath.Base(name) != name {
		return corpus.Errorf(corpus.EInvalidFilename, "The file name %q contains a path; give the bare file name.", name)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return corpus.Errorf(corpus.EInvalidFilename, "The file name contains control characters.")
		}
	}
	return nil
}

// Ingest validates, extracts, codes and stores an upload, then indexes it.
// It returns the plan and created=false when the same bytes were stored
// before (by this or a concurrent call). Errors are *corpus.Error for
// anything a person can fix.
func (s *Service) Ingest(ctx context.Context, u Upload) (corpus.Plan, bool, error) {
	now := s.now()
	meta, err := Validate(u, now)
	if err != nil {
		return meta, false, err
	}
	sha := sha256Hex(u.Data)
	if existing, err := s.Store.PlanBySHA(ctx, sha); err == nil {
		return existing, false, nil
	}

	s.mu.Lock()
	if s.inFlight == nil {
		s.inFlight = map[string]*flight{}
	}
	if f, ok := s.inFlight[sha]; ok {
		s.mu.Unlock()
		select {
		case <-f.done:
			if f.err != nil {
				return f.plan, false, f.err
			}
			return f.plan, false, nil
		case <-ctx.Done():
			return meta, false, ctx.Err()
		}
	}
	f := &flight{done: make(chan struct{})}
	s.inFlight[sha] = f
	s.mu.Unlock()

	// The work is shared by every request for these bytes, so one client
	// going away must not fail the others; extraction has its own deadline.
	f.plan, f.created, f.err = s.ingest(context.WithoutCancel(ctx), u, meta, sha, now)
	s.mu.Lock()
	delete(s.inFlight, sha)
	s.mu.Unlock()
	close(f.done)
	return f.plan, f.created, f.err
}

// Existing returns the stored plan with these exact bytes, if any: a
// caller that ingests many files can report duplicates before it checks
// their metadata.
func (s *Service) Existing(ctx context.Context, data []byte) (corpus.Plan, bool) {
	p, err := s.Store.PlanBySHA(ctx, sha256Hex(data))
	return p, err == nil
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// acquire waits for an ingest slot; release gives it back.
func (s *Service) acquire(ctx context.Context) (release func(), err error) {
	s.mu.Lock()
	if s.slots == nil {
		n := s.MaxConcurrent
		if n <= 0 {
			n = runtime.NumCPU()
		}
		s.slots = make(chan struct{}, n)
	}
	slots := s.slots
	s.mu.Unlock()
	wait := s.SlotWait
	if wait <= 0 {
		wait = 2 * time.Minute
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case slots <- struct{}{}:
		return func() { <-slots }, nil
	case <-t.C:
		return nil, corpus.Errorf(corpus.EUnavailable, "The service is busy reading other plans; try again in a minute.")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *Service) ingest(ctx context.Context, u Upload, meta corpus.Plan, sha string, now time.Time) (corpus.Plan, bool, error) {
	release, err := s.acquire(ctx)
	if err != nil {
		return meta, false, err
	}
	defer release()
	start := time.Now()
	doc, err := s.Extractor.Extract(ctx, u.Filename, u.Data)
	if err != nil {
		return meta, false, fmt.Errorf("ingest %s: %w", u.Filename, err)
	}
	if meta.Title == "" {
		meta.Title = defaultTitle(doc, u.Filename)
	}
	meta.SHA256 = sha
	coding := s.Coder.Code(analyzer.PlanMeta{PlanID: store.PlanID(sha), Year: meta.Year, Lan: meta.Lan}, PageTexts(doc.Pages))
	p, created, err := s.Store.AddPlan(ctx, store.NewPlan{Plan: meta, Data: u.Data, Doc: doc, Coding: coding, Created: now})
	if err != nil {
		return meta, false, fmt.Errorf("ingest %s: %w", u.Filename, err)
	}
	if created {
		if err := s.indexPlan(ctx, p.ID); err != nil {
			// Stored is stored: the next Sync (at start) indexes it.
			s.log().Error("index plan", "plan_id", p.ID, "err", err)
		}
		s.log().Info("plan added", "plan_id", p.ID, "lan", p.Lan, "year", p.Year, "audience", p.Audience,
			"pages", p.Pages, "codes", len(coding.Codes), "duration", time.Since(start).Round(time.Millisecond))
	}
	return p, created, nil
}

func (s *Service) indexPlan(ctx context.Context, id string) error {
	// The fingerprint first: if the plan changes in between, the index
	// holds newer segments under an older fingerprint, which Sync repairs.
	fp, err := s.Store.Fingerprint(ctx, id)
	if err != nil {
		return err
	}
	segs, err := Source{Store: s.Store}.Segments(ctx, id)
	if err != nil {
		return err
	}
	return s.Index.IndexPlan(id, fp, segs)
}

// Delete removes a plan from the store and then from the index.
func (s *Service) Delete(ctx context.Context, id string) error {
	if err := s.Store.DeletePlan(ctx, id); err != nil {
		return err
	}
	if err := s.Index.DeletePlan(id); err != nil {
		// Gone from the store, which is what counts; the next Sync (at
		// start) removes it from the index.
		s.log().Error("delete plan from index", "plan_id", id, "err", err)
	}
	s.log().Info("plan deleted", "plan_id", id)
	return nil
}

// Sync brings the index up to the store, reporting progress.
func (s *Service) Sync(ctx context.Context, progress func(done, total int)) (index.SyncStats, error) {
	return index.Sync(ctx, s.Index, Source{Store: s.Store}, progress)
}

// Recode codes every plan whose coding was made with another codebook
// version than version, one transaction per plan, reporting progress. It
// returns how many plans were re-coded. Call Sync after it so that search
// facets follow.
func (s *Service) Recode(ctx context.Context, version string, all bool, progress func(done, total int)) (int, error) {
	plans, err := s.Store.Plans(ctx, store.Filter{})
	if err != nil {
		return 0, err
	}
	var todo []corpus.Plan
	for _, p := range plans {
		if all || p.CodebookVersion != version {
			todo = append(todo, p)
		}
	}
	for i, p := range todo {
		if err := ctx.Err(); err != nil {
			return i, err
		}
		pages, err := s.Store.Pages(ctx, p.ID)
		if corpus.ErrorCode(err) == corpus.ENotFound {
			continue // deleted meanwhile
		} else if err != nil {
			return i, err
		}
		c := s.Coder.Code(analyzer.PlanMeta{PlanID: p.ID, Year: p.Year, Lan: p.Lan}, PageTexts(pages))
		if err := s.Store.SetCoding(ctx, p.ID, c); corpus.ErrorCode(err) == corpus.ENotFound {
			continue
		} else if err != nil {
			return i, fmt.Errorf("recode %s: %w", p.ID, err)
		}
		if progress != nil {
			progress(i+1, len(todo))
		}
	}
	return len(todo), nil
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.New(slog.DiscardHandler)
}

// PageTexts turns stored pages into the coder's input.
func PageTexts(pages []corpus.Page) []analyzer.PageText {
	out := make([]analyzer.PageText, len(pages))
	for i, p := range pages {
		out[i] = analyzer.PageText{Page: p.Page, Text: p.Text}
	}
	return out
}

func defaultTitle(doc *corpus.Document, filename string) string {
	if t := strings.TrimSpace(doc.Title); t != "" {
		return t
	}
	return strings.TrimSuffix(filename, filepath.Ext(filename))
}
