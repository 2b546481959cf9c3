package main

import (
	"context"
	"path/filepath"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/schedule/scheduletest"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/tips"
	"github.com/scamwarn/scamwarn/messages"
)

func openDB(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "scamwarn.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSchedulerOnSQLite runs the scheduler's scenarios (time zones,
// daylight saving, restarts, two loops, downtime, removed chats) against
// the real database.
func TestSchedulerOnSQLite(t *testing.T) {
	scheduletest.Run(t, func(t *testing.T) scheduletest.Store { return openDB(t) })
}

// TestScheduledTipsFromTheLibrary posts a week of real tips in French and
// finds no repeat, each in French, each remembered by the database.
func TestScheduledTipsFromTheLibrary(t *testing.T) {
	lib, err := tips.Load(messages.FS())
	if err != nil {
		t.Fatal(err)
	}
	synctest.Test(t, func(t *testing.T) {
		db := openDB(t)
		c := scam.ChatRef{Platform: scheduletest.Platform, ID: "-100123"}
		s, err := schedule.Prepare(scam.Schedule{Chat: c, Cadence: "every 6h", Zone: "Europe/Paris", Lang: "fr", Tags: []string{"job", "task"}}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddSchedule(t.Context(), s); err != nil {
			t.Fatal(err)
		}
		p := &scheduletest.Poster{}
		loop := schedule.New(db, tipPicker{lib}, map[string]schedule.Poster{scheduletest.Platform: p}, schedule.Config{Poll: time.Hour})
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() { loop.Run(ctx); close(done) }()
		time.Sleep(3 * 24 * time.Hour)
		cancel()
		<-done

		posts := p.Posts(c)
		if len(posts) != 12 {
			t.Fatalf("%d tips in 3 days every 6h, want 12", len(posts))
		}
		seen := map[string]bool{}
		for _, x := range posts {
			if seen[x.Tip] {
				t.Errorf("tip %s posted twice before the pool was used up", x.Tip)
			}
			seen[x.Tip] = true
			tip, _ := lib.Get(x.Tip, "fr")
			if !tip.HasTag("job", "task") {
				t.Errorf("tip %s has tags %v, want job or task", x.Tip, tip.Tags)
			}
		}
		ids, _, err := db.TipsSeen(t.Context(), c, 100)
		if err != nil || len(ids) != 12 {
			t.Errorf("the database remembers %d tips (err %v), want 12", len(ids), err)
		}
	})
}
