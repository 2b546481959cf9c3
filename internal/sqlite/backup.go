package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Backup writes a consistent copy of the live database to a new file at
// dst while the database stays in use, with SQLite's online backup API.
// The copy is a complete database in one file (rollback journal, no WAL),
// so copying dst alone is enough to keep it. It holds the instance secret,
// so it must be guarded like the database itself.
//
// Backup never overwrites: dst must not exist. A copy that fails its
// integrity check is removed and reported.
func (db *DB) Backup(ctx context.Context, dst string) (err error) {
	if dst == "" {
		return scam.Errorf(scam.CodeBadArgument, "the backup path is empty")
	}
	if same, _ := sameFile(db.path, dst); same {
		return scam.Errorf(scam.CodeBadArgument, "the backup would overwrite the live database %s; name a new file", dst)
	}
	// O_EXCL claims the name, so a file appearing after the check above is
	// still never overwritten. An empty file is an empty SQLite database.
	// 0600: the copy holds the secret behind every keyed hash.
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return scam.Errorf(scam.CodeBadArgument, "%s already exists; a backup never overwrites a file, so name a new one", dst)
	}
	if err != nil {
		return scam.Wrap(scam.CodeBadArgument, fmt.Sprintf("cannot create the backup file %s", dst), err)
	}
	f.Close()
	defer func() {
		if err != nil {
			// The name was ours from O_EXCL on, so whatever is there is
			// the failed copy and its journal.
			for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
				os.Remove(dst + suffix)
			}
		}
	}()
	if err := db.copyTo(ctx, dst); err != nil {
		return db.wrap(err)
	}
	return db.wrap(verifyCopy(ctx, dst))
}

// copyTo runs the backup from a pooled connection of the live database into
// a fresh connection to dst. Step(-1) copies every page in one step under
// one read transaction, so writers elsewhere (WAL lets them go on) cannot
// make the copy a mix of two states.
func (db *DB) copyTo(ctx context.Context, dst string) error {
	to, err := sql.Open("sqlite3", "file:"+escapePath(dst)+"?_busy_timeout=5000")
	if err != nil {
		return err
	}
	defer to.Close()
	dconn, err := to.Conn(ctx)
	if err != nil {
		return err
	}
	defer dconn.Close()
	sconn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer sconn.Close()
	err = dconn.Raw(func(d any) error {
		return sconn.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return err
			}
			return b.Finish()
		})
	})
	if err != nil {
		return err
	}
	// The copied header says WAL, as the live file does; switching the
	// copy to a rollback journal makes it one self-contained file.
	var mode string
	if err := dconn.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil {
		return err
	}
	if mode != "delete" {
		return fmt.Errorf("the backup kept journal mode %q, want delete", mode)
	}
	return nil
}

// verifyCopy opens the finished copy read-only, as a restore would find it,
// and runs SQLite's full integrity check on it.
func verifyCopy(ctx context.Context, path string) error {
	h, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		return err
	}
	defer h.Close()
	var res string
	if err := h.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return scam.Errorf(scam.CodeInternal, "the backup failed its integrity check (%s) and was removed", res)
	}
	return nil
}

// sameFile reports whether two paths name one file: by identity when both
// exist (links, "./x" and "x"), else by absolute path.
func sameFile(a, b string) (bool, error) {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	if aerr == nil && berr == nil {
		return os.SameFile(ai, bi), nil
	}
	aa, err := filepath.Abs(a)
	if err != nil {
		return false, err
	}
	ba, err := filepath.Abs(b)
	if err != nil {
		return false, err
	}
	return aa == ba, nil
}
