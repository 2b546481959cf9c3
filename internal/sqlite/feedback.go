package sqlite

import (
	"context"
	"database/sql"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// maxFeedbackRules caps the rule ids stored with one vote; a verdict with
// more signals than this is already unusual, and the cap keeps one call
// from writing without bound.
const maxFeedbackRules = 64

// RecordFeedback stores one reader's judgement of one verdict. A second vote
// by the same reader on the same verdict replaces the first, rules and all,
// so changing one's mind does not count twice. The verdict reference and the
// user id are stored only as keyed hashes, and the time only as its UTC day.
func (db *DB) RecordFeedback(ctx context.Context, f scam.Feedback) error {
	switch {
	case f.Verdict == "" || f.User == "":
		return scam.Errorf(scam.CodeBadArgument, "feedback needs a verdict and a user")
	case f.At.IsZero():
		return scam.Errorf(scam.CodeBadArgument, "feedback needs the time it was given")
	case len(f.Rules) > maxFeedbackRules:
		return scam.Errorf(scam.CodeBadArgument, "feedback names %d rules; at most %d are kept", len(f.Rules), maxFeedbackRules)
	}
	if err := levelError(f.Level); err != nil {
		return err
	}
	if err := categoryError(f.Category); err != nil {
		return err
	}
	verdict, user := db.key("verdict", f.Verdict), db.key("user", f.User)
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback (verdict, user_key, helpful, level, category, day)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (verdict, user_key) DO UPDATE SET
				helpful = excluded.helpful, level = excluded.level,
				category = excluded.category, day = excluded.day`,
			verdict, user, f.Helpful, f.Level.String(), string(f.Category), utcDay(f.At)); err != nil {
			return err
		}
		// The upsert keeps the row, so ON DELETE CASCADE does not clear the
		// old vote's rules: clear them here before writing the new ones.
		if _, err := tx.ExecContext(ctx, `DELETE FROM feedback_rules WHERE verdict = ? AND user_key = ?`, verdict, user); err != nil {
			return err
		}
		for _, r := range f.Rules {
			if r == "" {
				continue
			}
			// OR IGNORE stores a rule named twice once.
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO feedback_rules (verdict, user_key, rule) VALUES (?, ?, ?)`,
				verdict, user, r); err != nil {
				return err
			}
		}
		return nil
	})
}
