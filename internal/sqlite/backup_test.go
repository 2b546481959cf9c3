package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestBackupCopiesEverythingWhileWritesGoOn(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	want := scam.ChatSettings{Lang: "fr", Country: "PH", Alerts: true, AlertLevel: scam.Medium}
	if err := db.SaveSettings(ctx, testChat, want); err != nil {
		t.Fatal(err)
	}
	insertSchedules(t, db, statsNow)
	if err := db.RecordFeedback(ctx, scam.Feedback{Verdict: "v", User: "u", Helpful: false, Level: scam.High,
		Category: scam.Investment, Rules: []string{"invest.guaranteed"}, At: statsNow}); err != nil {
		t.Fatal(err)
	}

	// A writer keeps going during the backup, as a running bot would.
	stop := make(chan struct{})
	var writes atomic.Int64
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := db.CountCheck(ctx, statsNow, "telegram", "watch", scam.Low, scam.Generic); err != nil {
				t.Errorf("write during the backup: %v", err)
				return
			}
			writes.Add(1)
		}
	})
	for writes.Load() < 20 {
		time.Sleep(time.Millisecond)
	}
	dst := filepath.Join(t.TempDir(), "backup.db")
	err := db.Backup(ctx, dst)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup: %v", err)
	}

	t.Run("the copy is one file with no WAL", func(t *testing.T) {
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(dst + suffix); err == nil {
				t.Errorf("got a %s file beside the backup, want none", suffix)
			}
		}
		head := make([]byte, 20)
		f, err := os.Open(dst)
		if err != nil {
			t.Fatal(err)
		}
		f.Read(head)
		f.Close()
		// Bytes 18 and 19 of the header are 2 in WAL mode, 1 otherwise.
		if head[18] != 1 || head[19] != 1 {
			t.Errorf("got file format bytes %d %d, want 1 1 (rollback journal)", head[18], head[19])
		}
		if fi, _ := os.Stat(dst); fi.Mode().Perm() != 0o600 {
			t.Errorf("got mode %v, want 0600 (the copy holds the secret)", fi.Mode().Perm())
		}
	})

	// Moving the single file elsewhere proves nothing else was needed.
	moved := filepath.Join(t.TempDir(), "moved.db")
	if err := os.Rename(dst, moved); err != nil {
		t.Fatal(err)
	}
	bk, err := Open(ctx, moved)
	if err != nil {
		t.Fatalf("open the backup: %v", err)
	}
	defer bk.Close()
	t.Run("the copy has the settings under the same secret", func(t *testing.T) {
		if got, err := bk.Settings(ctx, testChat); err != nil || got != want {
			t.Errorf("got %+v, %v, want %+v", got, err, want)
		}
	})
	t.Run("the copy has the schedules, slots, tips and feedback", func(t *testing.T) {
		st, err := bk.Stats(ctx, statsNow)
		if err != nil {
			t.Fatal(err)
		}
		if st.SchedulesActive != 2 || st.SchedulesPaused != 1 || st.TipsPosted != 3 || st.Slots.Posted != 2 {
			t.Errorf("got schedules %d+%d, tips %d, posted slots %d, want 2+1, 3, 2",
				st.SchedulesActive, st.SchedulesPaused, st.TipsPosted, st.Slots.Posted)
		}
		if st.Feedback.Wrong != 1 || len(st.Feedback.ByRule) != 1 {
			t.Errorf("got feedback %+v, want one wrong vote on one rule", st.Feedback)
		}
		if st.Checks.Low < 20 {
			t.Errorf("got %d checks counted, want at least the 20 written before the backup", st.Checks.Low)
		}
	})
}

func TestBackupRefusesToOverwrite(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "there.db")
	if err := os.WriteFile(existing, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dst, wantMsg string
	}{
		{"an existing file is refused", existing, "already exists"},
		{"the live file is refused", db.Path(), "live database"},
		{"the live file by another name is refused", filepath.Join(filepath.Dir(db.Path()), ".", filepath.Base(db.Path())), "live database"},
		{"the live file by a relative name is refused", rel, "live database"},
		{"an empty path is refused", "", "empty"},
		{"a missing directory is refused", filepath.Join(dir, "no", "such", "dir.db"), "cannot create"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := db.Backup(ctx, tt.dst)
			if scam.CodeOf(err) != scam.CodeBadArgument || !strings.Contains(scam.UserMessage(err), tt.wantMsg) {
				t.Errorf("got %v, want a bad_argument error saying %q", err, tt.wantMsg)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Errorf("got %q in the existing file, want it untouched", b)
	}
	if _, err := db.Settings(ctx, testChat); err != nil {
		t.Errorf("the live database after refused backups: %v", err)
	}
}
