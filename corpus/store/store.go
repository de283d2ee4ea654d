// Package store keeps Plankoll's source of truth: plans, their page texts
// and codings in SQLite (modernc.org/sqlite, pure Go), and each original
// file content-addressed by SHA-256 under the data folder.
//
// A plan is written in one transaction (plan row, pages, coding, codes), so
// a crash at any moment leaves either the whole plan or no trace of it. The
// original file is written, synced and renamed into place (and its folder
// synced) before that transaction commits; a file without a plan row is an
// orphan that RemoveOrphanFiles removes.
//
// The store knows nothing of HTTP, search or extraction.
package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is the SQLite store in one data folder.
type Store struct {
	db  *sql.DB
	dir string
	// fileMu orders writing an original file and committing its plan
	// against deleting a plan and removing its file, so that a delete
	// and a re-upload of the same bytes cannot leave a plan without file.
	fileMu sync.Mutex
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS plans (
	id TEXT PRIMARY KEY,
	sha256 TEXT NOT NULL UNIQUE,
	lan TEXT NOT NULL,
	lan_code TEXT NOT NULL,
	kommun TEXT NOT NULL DEFAULT '',
	kommun_code TEXT NOT NULL DEFAULT '',
	year INTEGER NOT NULL,
	audience TEXT NOT NULL,
	title TEXT NOT NULL,
	filename TEXT NOT NULL,
	format TEXT NOT NULL,
	pages INTEGER NOT NULL,
	chars INTEGER NOT NULL,
	uploaded_at TEXT NOT NULL,
	codebook_version TEXT NOT NULL,
	headers TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS plans_lan_year ON plans(lan, year);
CREATE TABLE IF NOT EXISTS pages (
	plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	page INTEGER NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (plan_id, page)
);
CREATE TABLE IF NOT EXISTS codings (
	plan_id TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
	codebook_version TEXT NOT NULL,
	json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS codes (
	plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	dimension TEXT NOT NULL,
	code TEXT NOT NULL,
	count INTEGER NOT NULL,
	weight REAL NOT NULL,
	PRIMARY KEY (plan_id, dimension, code)
);
CREATE INDEX IF NOT EXISTS codes_code ON codes(dimension, code);
`

// Open opens (creating if needed) the store in dir: dir/plankoll.db and
// dir/files/. Several processes may open one store; only the one that
// owns the data folder should call RemoveOrphanFiles.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "files"), 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	dsn := "file:" + filepath.Join(dir, "plankoll.db") +
		"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	s := &Store{db: db, dir: dir}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store: create schema: %w", err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dir returns the data folder.
func (s *Store) Dir() string { return s.dir }

// NewPlan is everything that makes one stored plan.
type NewPlan struct {
	Plan    corpus.Plan // ID, SHA256, Pages, Chars are set by AddPlan
	Data    []byte      // the original file
	Doc     *corpus.Document
	Coding  analyzer.Coding
	Created time.Time
}

// PlanID is the id a plan with this SHA-256 gets: the same bytes always
// give the same id, so a repeated upload finds its plan.
func PlanID(sha string) string { return sha[:16] }

// AddPlan stores a plan with its original file, pages and coding in one
// transaction. If a plan with the same SHA-256 exists, it returns that plan
// and created=false, and stores nothing.
func (s *Store) AddPlan(ctx context.Context, in NewPlan) (p corpus.Plan, created bool, err error) {
	p = in.Plan
	if len(p.SHA256) != 64 {
		return p, false, fmt.Errorf("add plan: sha256 %q is not a hex digest", p.SHA256)
	}
	if existing, err := s.PlanBySHA(ctx, p.SHA256); err == nil {
		return existing, false, nil
	} else if corpus.ErrorCode(err) != corpus.ENotFound {
		return p, false, err
	}
	p.ID = PlanID(p.SHA256)
	p.Pages = len(in.Doc.Pages)
	p.Chars = in.Doc.Chars()
	p.Format = in.Doc.Format
	p.UploadedAt = in.Created.UTC().Truncate(time.Second)
	p.CodebookVersion = in.Coding.CodebookVersion
	in.Coding.PlanID = p.ID

	s.fileMu.Lock()
	defer s.fileMu.Unlock()
	if err := s.writeFile(p.SHA256, in.Data); err != nil {
		return p, false, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return p, false, fmt.Errorf("add plan: begin: %w", err)
	}
	defer tx.Rollback()
	headers, _ := json.Marshal(nonNil(in.Doc.Headers))
	_, err = tx.ExecContext(ctx, `INSERT INTO plans (id, sha256, lan, lan_code, kommun, kommun_code, year, audience, title, filename, format, pages, chars, uploaded_at, codebook_version, headers)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		p.ID, p.SHA256, p.Lan, p.LanCode, p.Kommun, p.KommunCode, p.Year, string(p.Audience), p.Title, p.Filename, p.Format,
		p.Pages, p.Chars, p.UploadedAt.Format(time.RFC3339), p.CodebookVersion, string(headers))
	if err != nil {
		if isUniqueViolation(err) {
			// A concurrent upload of the same bytes won the race.
			tx.Rollback()
			existing, err2 := s.PlanBySHA(ctx, p.SHA256)
			if err2 != nil {
				return p, false, fmt.Errorf("add plan: after conflict: %w", err2)
			}
			return existing, false, nil
		}
		return p, false, fmt.Errorf("add plan: insert plan: %w", err)
	}
	for _, pg := range in.Doc.Pages {
		if _, err := tx.ExecContext(ctx, `INSERT INTO pages (plan_id, page, text) VALUES (?,?,?)`, p.ID, pg.Page, pg.Text); err != nil {
			return p, false, fmt.Errorf("add plan: insert page %d: %w", pg.Page, err)
		}
	}
	if err := putCoding(ctx, tx, p.ID, in.Coding); err != nil {
		return p, false, err
	}
	if err := tx.Commit(); err != nil {
		return p, false, fmt.Errorf("add plan: commit: %w", err)
	}
	return p, true, nil
}

func putCoding(ctx context.Context, tx *sql.Tx, planID string, c analyzer.Coding) error {
	c.PlanID = planID
	js, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("store coding: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO codings (plan_id, codebook_version, json) VALUES (?,?,?)`, planID, c.CodebookVersion, string(js)); err != nil {
		return fmt.Errorf("store coding: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM codes WHERE plan_id = ?`, planID); err != nil {
		return fmt.Errorf("store coding: %w", err)
	}
	for _, code := range c.Codes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO codes (plan_id, dimension, code, count, weight) VALUES (?,?,?,?,?)`,
			planID, code.Dimension, code.Code, code.Count, code.Weight); err != nil {
			return fmt.Errorf("store coding: code %s:%s: %w", code.Dimension, code.Code, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE plans SET codebook_version = ? WHERE id = ?`, c.CodebookVersion, planID); err != nil {
		return fmt.Errorf("store coding: %w", err)
	}
	return nil
}

// SetCoding replaces a plan's coding (after a codebook change) in one
// transaction. Unknown plan → ENotFound.
func (s *Store) SetCoding(ctx context.Context, planID string, c analyzer.Coding) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set coding: begin: %w", err)
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM plans WHERE id = ?`, planID).Scan(&one); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(planID)
		}
		return fmt.Errorf("set coding: %w", err)
	}
	if err := putCoding(ctx, tx, planID, c); err != nil {
		return err
	}
	return tx.Commit()
}

const planCols = `id, sha256, lan, lan_code, kommun, kommun_code, year, audience, title, filename, format, pages, chars, uploaded_at, codebook_version`

func scanPlan(row interface{ Scan(...any) error }) (corpus.Plan, error) {
	var p corpus.Plan
	var aud, at string
	err := row.Scan(&p.ID, &p.SHA256, &p.Lan, &p.LanCode, &p.Kommun, &p.KommunCode, &p.Year, &aud, &p.Title, &p.Filename, &p.Format, &p.Pages, &p.Chars, &at, &p.CodebookVersion)
	if err != nil {
		return p, err
	}
	p.Audience = corpus.Audience(aud)
	p.UploadedAt, _ = time.Parse(time.RFC3339, at)
	return p, nil
}

func notFound(id string) error {
	return corpus.Errorf(corpus.ENotFound, "No plan with id %q.", id)
}

// Plan returns the plan with id, or an ENotFound error.
func (s *Store) Plan(ctx context.Context, id string) (corpus.Plan, error) {
	p, err := scanPlan(s.db.QueryRowContext(ctx, `SELECT `+planCols+` FROM plans WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, notFound(id)
	} else if err != nil {
		return p, fmt.Errorf("get plan %s: %w", id, err)
	}
	return p, nil
}

// PlanBySHA returns the plan whose original file has this SHA-256.
func (s *Store) PlanBySHA(ctx context.Context, sha string) (corpus.Plan, error) {
	p, err := scanPlan(s.db.QueryRowContext(ctx, `SELECT `+planCols+` FROM plans WHERE sha256 = ?`, sha))
	if errors.Is(err, sql.ErrNoRows) {
		return p, corpus.Errorf(corpus.ENotFound, "No plan with SHA-256 %s.", sha)
	} else if err != nil {
		return p, fmt.Errorf("get plan by sha256: %w", err)
	}
	return p, nil
}

// Filter selects plans; zero fields match everything.
type Filter struct {
	Lan      string // canonical name
	Kommun   string
	Year     int
	Audience corpus.Audience
}

// Plans lists the plans matching f, ordered by county code, year, audience.
func (s *Store) Plans(ctx context.Context, f Filter) ([]corpus.Plan, error) {
	var where []string
	var args []any
	if f.Lan != "" {
		where, args = append(where, "lan = ?"), append(args, f.Lan)
	}
	if f.Kommun != "" {
		where, args = append(where, "kommun = ?"), append(args, f.Kommun)
	}
	if f.Year != 0 {
		where, args = append(where, "year = ?"), append(args, f.Year)
	}
	if f.Audience != "" {
		where, args = append(where, "audience = ?"), append(args, string(f.Audience))
	}
	q := `SELECT ` + planCols + ` FROM plans`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY lan_code, year, audience, kommun_code, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list plans: %w", err)
	}
	defer rows.Close()
	plans := []corpus.Plan{}
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			return nil, fmt.Errorf("list plans: %w", err)
		}
		plans = append(plans, p)
	}
	return plans, rows.Err()
}

// Pages returns a plan's page texts in page order.
func (s *Store) Pages(ctx context.Context, id string) ([]corpus.Page, error) {
	if _, err := s.Plan(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT page, text FROM pages WHERE plan_id = ? ORDER BY page`, id)
	if err != nil {
		return nil, fmt.Errorf("get pages of %s: %w", id, err)
	}
	defer rows.Close()
	pages := []corpus.Page{}
	for rows.Next() {
		var p corpus.Page
		if err := rows.Scan(&p.Page, &p.Text); err != nil {
			return nil, fmt.Errorf("get pages of %s: %w", id, err)
		}
		pages = append(pages, p)
	}
	return pages, rows.Err()
}

// Coding returns a plan's stored coding.
func (s *Store) Coding(ctx context.Context, id string) (analyzer.Coding, error) {
	var c analyzer.Coding
	var js string
	err := s.db.QueryRowContext(ctx, `SELECT json FROM codings WHERE plan_id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return c, notFound(id)
	} else if err != nil {
		return c, fmt.Errorf("get coding of %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(js), &c); err != nil {
		return c, fmt.Errorf("decode coding of %s: %w", id, err)
	}
	return c, nil
}

// CodedPlans lists the plans matching f with their codings, in the order
// of Plans: what statistics and exports count.
func (s *Store) CodedPlans(ctx context.Context, f Filter) ([]compare.CodedPlan, error) {
	plans, err := s.Plans(ctx, f)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT plan_id, json FROM codings`)
	if err != nil {
		return nil, fmt.Errorf("list codings: %w", err)
	}
	defer rows.Close()
	raw := map[string]string{}
	for rows.Next() {
		var id, js string
		if err := rows.Scan(&id, &js); err != nil {
			return nil, fmt.Errorf("list codings: %w", err)
		}
		raw[id] = js
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list codings: %w", err)
	}
	out := make([]compare.CodedPlan, 0, len(plans))
	for _, p := range plans {
		var c analyzer.Coding
		if err := json.Unmarshal([]byte(raw[p.ID]), &c); err != nil {
			return nil, fmt.Errorf("decode coding of %s: %w", p.ID, err)
		}
		out = append(out, compare.CodedPlan{Plan: p, Coding: c})
	}
	return out, nil
}

// PlanInput returns a plan with its pages and coding, as comparison and
// the REFI-QDA export take it.
func (s *Store) PlanInput(ctx context.Context, id string) (compare.PlanInput, error) {
	var in compare.PlanInput
	var err error
	if in.Plan, err = s.Plan(ctx, id); err != nil {
		return in, err
	}
	if in.Pages, err = s.Pages(ctx, id); err != nil {
		return in, err
	}
	if in.Coding, err = s.Coding(ctx, id); err != nil {
		return in, err
	}
	return in, nil
}

// PlanInputs returns PlanInput for every plan matching f.
func (s *Store) PlanInputs(ctx context.Context, f Filter) ([]compare.PlanInput, error) {
	plans, err := s.Plans(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]compare.PlanInput, 0, len(plans))
	for _, p := range plans {
		in, err := s.PlanInput(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

// DeletePlan removes a plan, its pages, coding and original file.
// Unknown id → ENotFound.
func (s *Store) DeletePlan(ctx context.Context, id string) error {
	p, err := s.Plan(ctx, id)
	if err != nil {
		return err
	}
	s.fileMu.Lock()
	defer s.fileMu.Unlock()
	res, err := s.db.ExecContext(ctx, `DELETE FROM plans WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete plan %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound(id)
	}
	// The row is gone; a failure here leaves an orphan that Open removes.
	if err := os.Remove(s.filePath(p.SHA256)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("delete plan %s: remove file: %w", id, err)
	}
	return nil
}

const fingerprintQuery = `SELECT p.id, p.sha256, p.lan, p.year, p.audience, p.kommun, c.codebook_version FROM plans p JOIN codings c ON c.plan_id = p.id`

// Fingerprints returns, per plan id, a string that changes whenever what
// the index holds for the plan must change (file, metadata or coding).
func (s *Store) Fingerprints(ctx context.Context) (map[string]string, error) {
	return s.fingerprints(ctx, fingerprintQuery)
}

// Fingerprint returns the fingerprint of one plan (see Fingerprints).
func (s *Store) Fingerprint(ctx context.Context, id string) (string, error) {
	fps, err := s.fingerprints(ctx, fingerprintQuery+` WHERE p.id = ?`, id)
	if err != nil {
		return "", err
	}
	fp, ok := fps[id]
	if !ok {
		return "", notFound(id)
	}
	return fp, nil
}

func (s *Store) fingerprints(ctx context.Context, q string, args ...any) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("fingerprints: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, sha, lan, aud, kommun, cv string
		var year int
		if err := rows.Scan(&id, &sha, &lan, &year, &aud, &kommun, &cv); err != nil {
			return nil, fmt.Errorf("fingerprints: %w", err)
		}
		out[id] = fmt.Sprintf("%s|%s|%d|%s|%s|%s", sha[:16], lan, year, aud, kommun, cv)
	}
	return out, rows.Err()
}

// File returns the original file of a plan.
func (s *Store) File(ctx context.Context, id string) ([]byte, error) {
	p, err := s.Plan(ctx, id)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(s.filePath(p.SHA256))
	if err != nil {
		return nil, fmt.Errorf("read original of %s: %w", id, err)
	}
	return b, nil
}

// Meta returns a stored setting ("" if unset).
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("get meta %s: %w", key, err)
	}
	return v, nil
}

// SetMeta stores a setting.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	if _, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES (?,?)`, key, value); err != nil {
		return fmt.Errorf("set meta %s: %w", key, err)
	}
	return nil
}

func (s *Store) filePath(sha string) string {
	return filepath.Join(s.dir, "files", sha[:2], sha)
}

// writeFile stores data under its SHA-256, synced before it is renamed into
// place, so a file that exists is always whole.
func (s *Store) writeFile(sha string, data []byte) error {
	dst := s.filePath(sha)
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("store file: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return fmt.Errorf("store file: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("store file: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("store file: sync: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("store file: %w", err)
	}
	if err := os.Rename(f.Name(), dst); err != nil {
		return fmt.Errorf("store file: %w", err)
	}
	// The rename itself must survive a power loss before the plan row
	// that points at the file is committed.
	d, err := os.Open(filepath.Dir(dst))
	if err != nil {
		return fmt.Errorf("store file: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("store file: sync folder: %w", err)
	}
	return nil
}

// RemoveOrphanFiles deletes original files (and temp files) that no plan
// refers to: the trace of a crash between writing a file and committing.
// Only the process that owns the data folder may call it: a file being
// written by a running upload is an orphan until its plan commits.
func (s *Store) RemoveOrphanFiles(ctx context.Context) error {
	known := map[string]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT sha256 FROM plans`)
	if err != nil {
		return fmt.Errorf("open store: list files: %w", err)
	}
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			rows.Close()
			return fmt.Errorf("open store: list files: %w", err)
		}
		known[sha] = true
	}
	rows.Close()
	paths, _ := filepath.Glob(filepath.Join(s.dir, "files", "*", "*"))
	for _, p := range paths {
		if !known[filepath.Base(p)] {
			os.Remove(p)
		}
	}
	return nil
}

func isUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
