package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// activitySlack is how stale a chat's stored last activity may be before
// NoteActivity writes again: it is called for every group message, and
// "someone wrote in the last minute" is all that the schedules ask of it.
const activitySlack = 60 // seconds

// defaultSettings is what a chat nobody configured gets. Alerts are off
// until a moderator turns them on, and then only for very likely scams.
func defaultSettings() scam.ChatSettings {
	return scam.ChatSettings{AlertLevel: scam.High}
}

// Settings returns what a chat's people chose for it, or the defaults
// (alerts off, alert level high) for a chat the database does not know.
func (db *DB) Settings(ctx context.Context, chat scam.ChatRef) (scam.ChatSettings, error) {
	if err := chatRefError(chat); err != nil {
		return scam.ChatSettings{}, err
	}
	s := defaultSettings()
	var level string
	err := db.sql.QueryRowContext(ctx,
		`SELECT lang, country, alerts, alert_level, notice_chat FROM chats WHERE chat_key = ?`,
		db.chatKey(chat)).Scan(&s.Lang, &s.Country, &s.Alerts, &level, &s.NoticeChat)
	if errors.Is(err, sql.ErrNoRows) {
		return defaultSettings(), nil
	}
	if err != nil {
		return scam.ChatSettings{}, db.wrap(err)
	}
	if s.AlertLevel, err = scam.ParseLevel(level); err != nil {
		// Only SaveSettings writes this column, so a bad value is damage,
		// not a user's mistake.
		return scam.ChatSettings{}, db.wrap(scam.Wrap(scam.CodeInternal, "the stored chat settings are damaged", err))
	}
	return s, nil
}

// SaveSettings stores a chat's settings, replacing the previous ones. It
// leaves the chat's last activity as it was: that is NoteActivity's.
func (db *DB) SaveSettings(ctx context.Context, chat scam.ChatRef, s scam.ChatSettings) error {
	if err := chatRefError(chat); err != nil {
		return err
	}
	if err := settingsError(s); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO chats (chat_key, platform, lang, country, alerts, alert_level, notice_chat, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (chat_key) DO UPDATE SET
				lang = excluded.lang, country = excluded.country, alerts = excluded.alerts,
				alert_level = excluded.alert_level, notice_chat = excluded.notice_chat, updated = excluded.updated`,
			db.chatKey(chat), chat.Platform, s.Lang, s.Country, s.Alerts, s.AlertLevel.String(), s.NoticeChat, time.Now().Unix())
		return err
	})
}

// NoteActivity records that someone wrote in a chat at a given time. The
// stored time only moves forward, and a chat with no row yet gets one with
// the default settings. It runs for every group message, so it reads first
// and writes only when the stored time is more than a minute older than at.
func (db *DB) NoteActivity(ctx context.Context, chat scam.ChatRef, at time.Time) error {
	if err := chatRefError(chat); err != nil {
		return err
	}
	if at.IsZero() {
		return scam.Errorf(scam.CodeBadArgument, "the activity time is missing")
	}
	key, sec := db.chatKey(chat), at.Unix()
	var stored int64
	err := db.sql.QueryRowContext(ctx, `SELECT last_activity FROM chats WHERE chat_key = ?`, key).Scan(&stored)
	switch {
	case err == nil && stored >= sec-activitySlack:
		return nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return db.wrap(err)
	}
	// The read was outside the transaction, so the write re-checks: two
	// messages at once must not move the time backwards.
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE chats SET last_activity = ? WHERE chat_key = ? AND last_activity < ?`, sec, key, sec)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		d := defaultSettings()
		_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO chats (chat_key, platform, alerts, alert_level, last_activity, updated)
			VALUES (?, ?, ?, ?, ?, ?)`, key, chat.Platform, d.Alerts, d.AlertLevel.String(), sec, sec)
		return err
	})
}

// LastActivity returns when someone last wrote in a chat, as NoteActivity
// recorded it (up to a minute behind), or the zero time when nobody has.
func (db *DB) LastActivity(ctx context.Context, chat scam.ChatRef) (time.Time, error) {
	if err := chatRefError(chat); err != nil {
		return time.Time{}, err
	}
	var sec int64
	err := db.sql.QueryRowContext(ctx, `SELECT last_activity FROM chats WHERE chat_key = ?`, db.chatKey(chat)).Scan(&sec)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, db.wrap(err)
	}
	return fromUnix(sec), nil
}

// MoveChat carries a chat's settings, tip schedules and tip history over
// to a new id, as when Telegram upgrades a group to a supergroup, and points
// moderator notices meant for the old id at the new one. Settings the new
// id already has are kept. Moving a chat twice is harmless.
func (db *DB) MoveChat(ctx context.Context, from, to scam.ChatRef) error {
	if err := chatRefError(from); err != nil {
		return err
	}
	if err := chatRefError(to); err != nil {
		return err
	}
	if from.Platform != to.Platform {
		return scam.Errorf(scam.CodeBadArgument, "a chat cannot move from %s to %s", from.Platform, to.Platform)
	}
	oldKey, newKey := db.chatKey(from), db.chatKey(to)
	return db.tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE OR IGNORE chats SET chat_key = ? WHERE chat_key = ?`, []any{newKey, oldKey}},
			{`DELETE FROM chats WHERE chat_key = ?`, []any{oldKey}},
			{`UPDATE schedules SET chat_key = ?, chat_id = ? WHERE chat_key = ?`, []any{newKey, to.ID, oldKey}},
			{`UPDATE tips_posted SET chat_key = ? WHERE chat_key = ?`, []any{newKey, oldKey}},
			{`UPDATE chats SET notice_chat = ? WHERE platform = ? AND notice_chat = ?`, []any{to.ID, to.Platform, from.ID}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	})
}
