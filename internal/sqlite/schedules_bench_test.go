package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// fillSchedules stores n daily schedules in one transaction, due over the
// day after now, the first `due` of them already due.
func fillSchedules(b *testing.B, db *DB, n, due int, now time.Time) {
	b.Helper()
	err := db.tx(context.Background(), func(tx *sql.Tx) error {
		st, err := tx.Prepare(`INSERT INTO schedules (chat_key, platform, chat_id, cadence, zone, lang, next_wall, next_at, created)
			VALUES (?, ?, ?, 'daily 09:00', 'UTC', 'en', ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i := range n {
			c := scam.ChatRef{Platform: "telegram", ID: fmt.Sprint(-1000000 - i)}
			next := now.Add(time.Duration(i%1440+1) * time.Minute)
			if i < due {
				next = now.Add(-time.Duration(i%60+1) * time.Second)
			}
			if _, err := st.Exec(db.chatKey(c), c.Platform, c.ID, next.Unix(), next.Unix(), now.Unix()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDueCheck100k is the scheduler's due-check over 100,000
// schedules: the due schedules, the open slots and the next wake-up time.
// The target is under 50 ms per check.
func BenchmarkDueCheck100k(b *testing.B) {
	for _, due := range []int{0, 1000} {
		b.Run(fmt.Sprintf("due=%d", due), func(b *testing.B) {
			ctx := context.Background()
			db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			now := time.Now()
			fillSchedules(b, db, 100_000, due, now)
			platforms := []string{"telegram", "discord"}
			b.ReportAllocs()
			for b.Loop() {
				s, err := db.DueSchedules(ctx, now, platforms, 500)
				if err != nil || len(s) != min(due, 500) {
					b.Fatalf("DueSchedules: %d, %v; want %d", len(s), err, min(due, 500))
				}
				if _, err := db.OpenSlots(ctx, now, platforms, 500); err != nil {
					b.Fatal(err)
				}
				if _, err := db.NextWake(ctx, platforms); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
