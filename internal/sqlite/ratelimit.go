package sqlite

import (
	"context"
	"database/sql"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Allow counts one request of a user in a scope (such as "check") against a
// limit per fixed window, and reports whether it may go ahead. Windows are
// aligned to now.Truncate(window), so every instance sharing the file agrees
// on them. A refused request is not counted: someone who keeps trying is
// let in again as soon as the next window opens.
func (db *DB) Allow(ctx context.Context, scope, user string, limit int, window time.Duration, now time.Time) (bool, error) {
	if limit < 1 {
		return false, scam.Errorf(scam.CodeBadArgument, "a rate limit must allow at least 1 request, not %d", limit)
	}
	if window < time.Second {
		return false, scam.Errorf(scam.CodeBadArgument, "a rate-limit window must be at least 1s, not %s", window)
	}
	if scope == "" || user == "" {
		return false, scam.Errorf(scam.CodeBadArgument, "a rate limit needs a scope and a user")
	}
	key, start := db.key("rate", scope, user), now.Truncate(window).Unix()
	var allowed bool
	err := db.tx(ctx, func(tx *sql.Tx) error {
		// One statement decides and counts: a new window starts over at 1,
		// the current one grows while under the limit, and at the limit
		// the WHERE leaves the row alone, which RowsAffected reports as 0.
		res, err := tx.ExecContext(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
			ON CONFLICT (key) DO UPDATE SET
				count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
				window_start = excluded.window_start
			WHERE window_start != excluded.window_start OR count < ?`, key, start, limit)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		allowed = n > 0
		return err
	})
	return allowed, err
}

// PruneRateLimits deletes the counters whose window started before before,
// and returns how many it deleted. Pass a time at least one window in the
// past (now minus the longest window in use), or a counter still in force
// is forgotten and its user gets a fresh allowance.
func (db *DB) PruneRateLimits(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, before.Unix())
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}
