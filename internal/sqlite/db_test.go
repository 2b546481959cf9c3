package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
