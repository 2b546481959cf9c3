package sqlite

import (
	"context"
	"database/sql"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// The sources of a check, as check_counts stores them.
const (
	sourceCheck = "check" // someone asked the bot about a message
	sourceWatch = "watch" // the bot looked at a group message for alerts
)

// CountCheck adds one to the number of checks on a UTC day from a platform
// and source ("check" when someone asked, "watch" when the bot looked at a
// group message) that ended at a level and category. Counts are all that is
// kept of a check: no text, no chat, no user.
func (db *DB) CountCheck(ctx context.Context, day time.Time, platform, source string, level scam.Level, category scam.Category) error {
	if day.IsZero() {
		return scam.Errorf(scam.CodeBadArgument, "a check count needs its day")
	}
	if source != sourceCheck && source != sourceWatch {
		return scam.Errorf(scam.CodeBadArgument, "unknown check source %q: want %s or %s", source, sourceCheck, sourceWatch)
	}
	if err := platformError(platform); err != nil {
		return err
	}
	if err := levelError(level); err != nil {
		return err
	}
	if err := categoryError(category); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO check_counts (day, platform, source, level, category, n)
			VALUES (?, ?, ?, ?, ?, 1)
			ON CONFLICT (day, platform, source, level, category) DO UPDATE SET n = n + 1`,
			utcDay(day), platform, source, level.String(), string(category))
		return err
	})
}

// utcDay names the UTC day of t as the tables store days: "2006-01-02",
// which sorts and compares as text in date order.
func utcDay(t time.Time) string { return t.UTC().Format(time.DateOnly) }
