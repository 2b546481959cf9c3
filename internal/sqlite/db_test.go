package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// openTemp opens a database in a file of t.TempDir() (not :memory:, which
// gives every pooled connection its own empty database).
func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenAppliesMigrationsOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	secret := string(db.secret)
	db.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	v2, _ := db.SchemaVersion(ctx)
	if v1 != v2 || v1 < 1 {
		t.Errorf("schema version after reopen = %d, first open %d", v2, v1)
	}
	var n int
	db.sql.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
	if n != v1 {
		t.Errorf("schema_migrations has %d rows, want %d (each migration once)", n, v1)
	}
	if string(db.secret) != secret || len(secret) != 32 {
		t.Errorf("the instance secret changed on reopen or is not 32 bytes")
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec(`INSERT INTO schema_migrations (version, name, applied) VALUES (999, '999_future.sql', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, path)
	if scam.CodeOf(err) != scam.CodeBadInput {
		t.Fatalf("Open of a newer schema: err = %v, want a bad_input error", err)
	}
	t.Logf("message: %s", scam.UserMessage(err))
}

func TestOpenRejectsAnEmptyPath(t *testing.T) {
	if _, err := Open(context.Background(), ""); scam.CodeOf(err) != scam.CodeBadArgument {
		t.Errorf("Open(\"\") err = %v, want bad_argument", err)
	}
}

func TestOpenExisting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Run("a missing file is not created", func(t *testing.T) {
		path := filepath.Join(dir, "missing.db")
		if _, err := OpenExisting(ctx, path); scam.CodeOf(err) != scam.CodeNotFound {
			t.Errorf("err = %v, want not_found", err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("OpenExisting created %s", path)
		}
	})
	t.Run("a file that is not a scamwarn database is refused", func(t *testing.T) {
		path := filepath.Join(dir, "other.db")
		os.WriteFile(path, nil, 0o600) // an empty file is an empty SQLite database
		if _, err := OpenExisting(ctx, path); scam.CodeOf(err) != scam.CodeBadInput {
			t.Errorf("err = %v, want bad_input", err)
		}
	})
	t.Run("a scamwarn database opens with its secret, odd characters in the name too", func(t *testing.T) {
		path := filepath.Join(dir, "a?b#c%d.db")
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		want := db.key("chat", "x")
		db.Close()
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("the database is not at %s: %v", path, err)
		}
		db, err = OpenExisting(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if got := db.key("chat", "x"); got != want {
			t.Errorf("keyed hash after OpenExisting = %s, want %s", got, want)
		}
	})
}

// TestPragmasReachEveryConnection checks the DSN's settings on several
// pooled connections at once: pragmas run with Exec would reach only one.
func TestPragmasReachEveryConnection(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	var conns []*sql.Conn
	for range 3 {
		c, err := db.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for i, c := range conns {
		var mode string
		var fk, busy, syncMode int
		c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
		c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
		c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy)
		c.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&syncMode)
		if mode != "wal" || fk != 1 || busy != 5000 || syncMode != 1 {
			t.Errorf("connection %d: journal_mode %s, foreign_keys %d, busy_timeout %d, synchronous %d; want wal, 1, 5000, 1 (NORMAL)",
				i, mode, fk, busy, syncMode)
		}
	}
}

// TestTwoHandlesWriteWithoutLockErrors stands for two instances sharing
// one file: read-then-write transactions from both never fail with
// "database is locked".
func TestTwoHandlesWriteWithoutLockErrors(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var dbs []*DB
	for range 2 {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			db := dbs[g%2]
			c := scam.ChatRef{Platform: "telegram", ID: "-100" + string(rune('0'+g))}
			for i := range 50 {
				if err := db.SaveSettings(ctx, c, scam.ChatSettings{Lang: "en", AlertLevel: scam.High, Alerts: i%2 == 0}); err != nil {
					errs <- err
					return
				}
				if _, err := db.Allow(ctx, "check", "user", 1000, time.Hour, time.Now()); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatalf("a write failed: %v", err)
		}
	}
}
