package sqlite

import (
	"context"
	"database/sql"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// FirstSeen records that update id of source was taken at now and reports
// whether it was the first time. Two instances or a re-delivery racing each
// other get one true between them.
func (db *DB) FirstSeen(ctx context.Context, source string, id int64, now time.Time) (bool, error) {
	if source == "" {
		return false, scam.Errorf(scam.CodeBadArgument, "an update needs a source")
	}
	var first bool
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO updates_seen (source, id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			source, id, unix(now))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		first = n > 0
		return err
	})
	return first, err
}

// PruneUpdates forgets the updates taken before before and returns how many
// it forgot. Telegram keeps an unconfirmed update for 24 hours, so keep at
// least a day.
func (db *DB) PruneUpdates(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM updates_seen WHERE at < ?`, unix(before))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}
