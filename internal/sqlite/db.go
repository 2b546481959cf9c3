// Package sqlite is scamwarn's memory: chat settings, tip schedules and what
// was posted when, rate-limit counters, feedback on verdicts and daily
// counts, in one SQLite file. It is the only importer of go-sqlite3.
//
// Every exported method is one transaction. No message text and no user id
// is stored in clear: identities are keyed hashes (HMAC-SHA256 with a secret
// of this instance, kept in the database).
package sqlite

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/scamwarn/scamwarn/internal/scam"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DefaultPath is where the database lives when nobody says otherwise.
const DefaultPath = "scamwarn.db"

// DB is an open scamwarn database.
type DB struct {
	sql    *sql.DB
	path   string
	secret []byte
}

// Open opens the database file at path, creating it on first use, and
// brings its schema up to date. A file whose schema is newer than this build
// knows is refused, not touched.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, scam.Errorf(scam.CodeBadArgument, "the database path is empty")
	}
	h, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, scam.Wrap(scam.CodeInternal, "cannot open the database", err)
	}
	// SQLite has one writer at a time; a few connections let readers work
	// beside it without a crowd waiting on the lock.
	h.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	db := &DB{sql: h, path: path}
	if err := db.migrate(ctx, migrationFiles); err != nil {
		h.Close()
		return nil, err
	}
	if err := db.loadSecret(ctx); err != nil {
		h.Close()
		return nil, err
	}
	return db, nil
}

// OpenExisting opens a database file that must already exist, for
// inspection and backups: it neither creates the file nor migrates it, so
// a backup taken before an upgrade holds the old schema. A file that is not
// a scamwarn database, or whose schema is newer than this build knows, is
// refused.
func OpenExisting(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, scam.Errorf(scam.CodeBadArgument, "the database path is empty")
	}
	if _, err := os.Stat(path); err != nil {
		return nil, scam.Wrap(scam.CodeNotFound, fmt.Sprintf("no database at %s", path), err)
	}
	h, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, scam.Wrap(scam.CodeInternal, "cannot open the database", err)
	}
	db := &DB{sql: h, path: path}
	ms, err := readMigrations(migrationFiles)
	if err == nil {
		var v int
		if v, err = db.SchemaVersion(ctx); err != nil {
			err = scam.Wrap(scam.CodeBadInput, fmt.Sprintf("%s is not a scamwarn database", path), err)
		} else if v > len(ms) {
			err = scam.Errorf(scam.CodeBadInput, "the database %s has schema version %d, but this scamwarn knows only up to %d: run a newer scamwarn", path, v, len(ms))
		}
	}
	if err == nil {
		err = db.wrap(db.sql.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'hmac_secret'`).Scan(&db.secret))
	}
	if err != nil {
		h.Close()
		return nil, err
	}
	return db, nil
}

// dsn sets the pragmas in the connection string, so that every pooled
// connection gets them: WAL lets readers work beside the writer, immediate
// transactions take the write lock up front so that read-then-write
// transactions wait for each other instead of failing with "database is
// locked", and synchronous=NORMAL is durable in WAL mode except for the last
// transactions before a power cut.
func dsn(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	q.Set("_synchronous", "NORMAL")
	return "file:" + escapePath(path) + "?" + q.Encode()
}

// escapePath keeps a file name with '?', '#' or '%' in it from being read
// as part of the URI's query.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

// Path returns the file the database lives in.
func (db *DB) Path() string { return db.path }

type migration struct {
	version int
	name    string
	sql     string
}

func readMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: the name must start with a positive number and _", base)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: want number %d (numbers run 1, 2, 3... without gaps)", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate applies, in order and each once, the migrations the file has not
// seen. Two instances starting together take turns: the immediate
// transaction holds the write lock while one of them migrates.
func (db *DB) migrate(ctx context.Context, fsys fs.FS) error {
	ms, err := readMigrations(fsys)
	if err != nil {
		return scam.Wrap(scam.CodeInternal, "the built-in database migrations are broken", err)
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY,
			name    TEXT NOT NULL,
			applied INTEGER NOT NULL
		) STRICT`); err != nil {
			return err
		}
		var have int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
			return err
		}
		if have > len(ms) {
			return scam.Errorf(scam.CodeBadInput,
				"the database %s has schema version %d, but this scamwarn knows only up to %d: run a newer scamwarn, or restore a backup made by this version",
				db.path, have, len(ms))
		}
		for _, m := range ms[have:] {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
				m.version, m.name, time.Now().Unix()); err != nil {
				return err
			}
		}
		return nil
	})
}

// SchemaVersion returns the number of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, db.wrap(err)
}

// loadSecret reads the instance secret for keyed hashes, making one on first
// use. INSERT OR IGNORE then SELECT: two instances starting together agree.
func (db *DB) loadSecret(ctx context.Context) error {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return scam.Wrap(scam.CodeInternal, "cannot make the database secret", err)
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES ('hmac_secret', ?)`, fresh); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'hmac_secret'`).Scan(&db.secret)
	})
}

// key returns the keyed hash that stands for an identity of some kind (a
// chat, a user, a verdict): 128 bits of HMAC-SHA256, in hex.
func (db *DB) key(kind string, parts ...string) string {
	m := hmac.New(sha256.New, db.secret)
	m.Write([]byte(kind))
	for _, p := range parts {
		m.Write([]byte{0})
		m.Write([]byte(p))
	}
	return hex.EncodeToString(m.Sum(nil)[:16])
}

func (db *DB) chatKey(c scam.ChatRef) string { return db.key("chat", c.Platform, c.ID) }

// tx runs fn in one immediate transaction, and retries it a few times if
// SQLite stays busy beyond its own timeout.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	var err error
	for attempt := range 4 {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return db.wrap(ctx.Err())
			case <-time.After(time.Duration(attempt) * 50 * time.Millisecond):
			}
		}
		err = db.tryTx(ctx, fn)
		if !isBusy(err) {
			break
		}
	}
	return db.wrap(err)
}

func (db *DB) tryTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// wrap gives every storage error a code and a sentence a user may see; the
// driver's text stays in the chain for logs.
func (db *DB) wrap(err error) error {
	var se *scam.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return scam.Wrap(scam.CodeUnavailable, "the request was stopped before the database answered", err)
	case isBusy(err):
		return scam.Wrap(scam.CodeUnavailable, "the database is busy; please try again in a moment", err)
	default:
		return scam.Wrap(scam.CodeInternal, "the database failed", err)
	}
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}
