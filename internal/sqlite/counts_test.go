package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestCountCheckAggregatesPerDayAndKind(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	morning := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	manila := time.FixedZone("PHT", 8*3600)
	for _, c := range []struct {
		day      time.Time
		source   string
		level    scam.Level
		category scam.Category
	}{
		{morning, "check", scam.High, scam.Investment},
		{morning.Add(time.Hour), "check", scam.High, scam.Investment},
		// 07:00 in Manila is 23:00 UTC the day before.
		{time.Date(2026, 3, 2, 7, 0, 0, 0, manila), "check", scam.High, scam.Investment},
		{morning, "watch", scam.High, scam.Investment},
		{morning, "check", scam.Low, scam.Generic},
	} {
		if err := db.CountCheck(ctx, c.day, "telegram", c.source, c.level, c.category); err != nil {
			t.Fatal(err)
		}
	}
	var n, rows int
	db.sql.QueryRow(`SELECT n FROM check_counts WHERE day = '2026-03-01' AND source = 'check' AND level = 'high' AND category = 'investment'`).Scan(&n)
	if n != 3 {
		t.Errorf("got n = %d for the high investment checks of 2026-03-01, want 3", n)
	}
	db.sql.QueryRow(`SELECT COUNT(*) FROM check_counts`).Scan(&rows)
	if rows != 3 {
		t.Errorf("got %d rows, want 3 (one per day, platform, source, level and category)", rows)
	}
}

func TestCountCheckRejectsBadValues(t *testing.T) {
	db := openTemp(t)
	day := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		day      time.Time
		platform string
		source   string
		level    scam.Level
		category scam.Category
	}{
		{"an unknown source is refused", day, "telegram", "spy", scam.High, scam.Investment},
		{"an empty platform is refused", day, "", "check", scam.High, scam.Investment},
		{"a platform with spaces is refused", day, "tele gram", "check", scam.High, scam.Investment},
		{"a level out of range is refused", day, "telegram", "check", scam.Level(5), scam.Investment},
		{"an unknown category is refused", day, "telegram", "check", scam.High, "stuff"},
		{"a zero day is refused", time.Time{}, "telegram", "check", scam.High, scam.Investment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := db.CountCheck(context.Background(), tt.day, tt.platform, tt.source, tt.level, tt.category)
			if got := scam.CodeOf(err); got != scam.CodeBadArgument {
				t.Errorf("got %v (%s), want bad_argument", err, got)
			}
		})
	}
}
