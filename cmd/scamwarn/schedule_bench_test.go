package main

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/schedule/scheduletest"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/tips"
	"github.com/scamwarn/scamwarn/messages"
)

// BenchmarkLoopStep100k is one step of the scheduler over 100,000
// schedules in SQLite (daily and weekly, in eight zones) when none is due:
// the due-check a running loop makes at every wake-up. The target is under
// 50 ms. Setting up the 100,000 schedules is not timed.
func BenchmarkLoopStep100k(b *testing.B) {
	ctx := b.Context()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	lib, err := tips.Load(messages.FS())
	if err != nil {
		b.Fatal(err)
	}
	zones := []string{"Asia/Manila", "Asia/Bangkok", "Asia/Jakarta", "Europe/Paris", "America/New_York", "America/Toronto", "Australia/Sydney", "UTC"}
	now := time.Now()
	for i := range 100_000 {
		cadence := fmt.Sprintf("daily %02d:%02d", i%24, i%60)
		if i%3 == 0 {
			cadence = fmt.Sprintf("every mon,thu %02d:00", i%24)
		}
		s, err := schedule.Prepare(scam.Schedule{
			Chat:    scam.ChatRef{Platform: scheduletest.Platform, ID: fmt.Sprint(-1000000 - i)},
			Cadence: cadence, Zone: zones[i%len(zones)], Lang: "en",
		}, now.Add(time.Hour)) // the first slots are all more than an hour away
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.AddSchedule(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	loop := schedule.New(db, tipPicker{lib}, map[string]schedule.Poster{scheduletest.Platform: &scheduletest.Poster{}}, schedule.Config{})
	b.ReportAllocs()
	for b.Loop() {
		wake, err := loop.Step(ctx)
		if err != nil || wake.Before(now.Add(time.Hour)) {
			b.Fatalf("Step: wake %v, err %v; want a wake-up more than an hour away", wake, err)
		}
	}
}
