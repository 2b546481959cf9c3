package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// ReasonEnded pauses a schedule whose cadence has no more dates.
const ReasonEnded = "ended"

const scheduleColumns = `id, platform, chat_id, cadence, zone, lang, tags, quiet, only_if_active, paused, next_wall, next_at, created`

type rowScanner interface{ Scan(dest ...any) error }

func scanSchedule(r rowScanner) (scam.Schedule, error) {
	var s scam.Schedule
	var tags string
	var active int
	var nextWall, nextAt, created int64
	err := r.Scan(&s.ID, &s.Chat.Platform, &s.Chat.ID, &s.Cadence, &s.Zone, &s.Lang, &tags, &s.Quiet,
		&active, &s.Paused, &nextWall, &nextAt, &created)
	if tags != "" {
		s.Tags = strings.Split(tags, ",")
	}
	s.OnlyIfActive = active != 0
	s.NextWall, s.Next, s.Created = fromUnix(nextWall), fromUnix(nextAt), fromUnix(created)
	return s, err
}

func checkSchedule(s scam.Schedule) error {
	if err := chatRefError(s.Chat); err != nil {
		return err
	}
	switch {
	case s.Cadence == "" || s.Zone == "" || s.Lang == "":
		return scam.Errorf(scam.CodeBadArgument, "a schedule needs a cadence, a time zone and a language")
	case s.Next.IsZero() || s.NextWall.IsZero():
		return scam.Errorf(scam.CodeBadArgument, "a schedule needs its first slot (see schedule.Prepare)")
	}
	for _, t := range s.Tags {
		if t == "" || strings.Contains(t, ",") {
			return scam.Errorf(scam.CodeBadArgument, "tip tag %q cannot be stored", t)
		}
	}
	return nil
}

// AddSchedule stores a new schedule, prepared by schedule.Prepare, and
// returns it with its id.
func (db *DB) AddSchedule(ctx context.Context, s scam.Schedule) (scam.Schedule, error) {
	if err := checkSchedule(s); err != nil {
		return s, err
	}
	if s.Created.IsZero() {
		s.Created = time.Now()
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO schedules
			(chat_key, platform, chat_id, cadence, zone, lang, tags, quiet, only_if_active, paused, next_wall, next_at, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			db.chatKey(s.Chat), s.Chat.Platform, s.Chat.ID, s.Cadence, s.Zone, s.Lang, strings.Join(s.Tags, ","),
			s.Quiet, boolInt(s.OnlyIfActive), s.Paused, unix(s.NextWall), unix(s.Next), unix(s.Created))
		if err != nil {
			return err
		}
		s.ID, err = res.LastInsertId()
		return err
	})
	return s, err
}

// UpdateSchedule rewrites what a schedule does (cadence, zone, language,
// tags, quiet hours, activity rule, paused, next slot), found by id within
// its chat. A scam.CodeNotFound error when the chat has no such schedule.
func (db *DB) UpdateSchedule(ctx context.Context, s scam.Schedule) error {
	if err := checkSchedule(s); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE schedules SET cadence = ?, zone = ?, lang = ?, tags = ?, quiet = ?,
			only_if_active = ?, paused = ?, next_wall = ?, next_at = ? WHERE id = ? AND chat_key = ?`,
			s.Cadence, s.Zone, s.Lang, strings.Join(s.Tags, ","), s.Quiet, boolInt(s.OnlyIfActive), s.Paused,
			unix(s.NextWall), unix(s.Next), s.ID, db.chatKey(s.Chat))
		if err != nil {
			return err
		}
		return oneRow(res, "that schedule does not exist in this chat")
	})
}

// Schedule returns the schedule with id; a scam.CodeNotFound error when
// there is none.
func (db *DB) Schedule(ctx context.Context, id int64) (scam.Schedule, error) {
	s, err := scanSchedule(db.sql.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedules WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, scam.Errorf(scam.CodeNotFound, "that schedule does not exist")
	}
	return s, db.wrap(err)
}

// Schedules returns the schedules of chat, oldest first.
func (db *DB) Schedules(ctx context.Context, chat scam.ChatRef) ([]scam.Schedule, error) {
	return db.querySchedules(ctx, `SELECT `+scheduleColumns+` FROM schedules WHERE chat_key = ? ORDER BY id`, db.chatKey(chat))
}

func (db *DB) querySchedules(ctx context.Context, query string, args ...any) ([]scam.Schedule, error) {
	return queryAll(ctx, db, scanSchedule, query, args...)
}

// queryAll runs query and scans every row with scan.
func queryAll[T any](ctx context.Context, db *DB, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.wrap(err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, db.wrap(err)
		}
		out = append(out, v)
	}
	return out, db.wrap(rows.Err())
}

// RemoveSchedule deletes one schedule of chat, with its slots.
func (db *DB) RemoveSchedule(ctx context.Context, chat scam.ChatRef, id int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM schedules WHERE id = ? AND chat_key = ?`, id, db.chatKey(chat))
		if err != nil {
			return err
		}
		return oneRow(res, "that schedule does not exist in this chat")
	})
}

// RemoveSchedules deletes every schedule of chat and returns how many.
func (db *DB) RemoveSchedules(ctx context.Context, chat scam.ChatRef) (int, error) {
	var n int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM schedules WHERE chat_key = ?`, db.chatKey(chat))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// PauseChat pauses every running schedule of chat, saying why.
func (db *DB) PauseChat(ctx context.Context, chat scam.ChatRef, reason string) error {
	if reason == "" {
		return scam.Errorf(scam.CodeBadArgument, "say why the schedules are paused")
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE schedules SET paused = ? WHERE chat_key = ? AND paused = ''`, reason, db.chatKey(chat))
		return err
	})
}

// DueSchedules returns up to limit running schedules on platforms whose
// next slot is due at or before now, earliest first.
func (db *DB) DueSchedules(ctx context.Context, now time.Time, platforms []string, limit int) ([]scam.Schedule, error) {
	in, args := inList(platforms)
	args = append([]any{unix(now)}, args...)
	args = append(args, limit)
	return db.querySchedules(ctx, `SELECT `+scheduleColumns+` FROM schedules
		WHERE paused = '' AND next_at <= ? AND platform IN (`+in+`) ORDER BY next_at LIMIT ?`, args...)
}

// Advance moves schedule s from its slot s.NextWall to (nextWall, nextAt)
// and records slots, in one transaction. It reports false and changes
// nothing when the schedule is no longer at s.NextWall, is paused or is
// gone. A zero nextAt means the cadence has no more dates: the schedule is
// paused as ReasonEnded. A slot already recorded is left as it is.
func (db *DB) Advance(ctx context.Context, s scam.Schedule, nextWall, nextAt time.Time, slots ...scam.Slot) (bool, error) {
	var moved bool
	err := db.tx(ctx, func(tx *sql.Tx) error {
		paused := ""
		if nextAt.IsZero() {
			paused, nextWall, nextAt = ReasonEnded, s.NextWall, s.Next
		}
		res, err := tx.ExecContext(ctx, `UPDATE schedules SET next_wall = ?, next_at = ?, paused = ?
			WHERE id = ? AND next_wall = ? AND paused = ''`,
			unix(nextWall), unix(nextAt), paused, s.ID, unix(s.NextWall))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		moved = true
		for _, sl := range slots {
			retry := sl.RetryAt
			if retry.IsZero() {
				retry = sl.At // an open slot needs attention from when it is due
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO slots
				(schedule_id, wall, at, until, status, reason, retry_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				s.ID, unix(sl.Wall), unix(sl.At), unix(sl.Until), string(sl.Status), sl.Reason, unix(retry)); err != nil {
				return err
			}
		}
		return nil
	})
	return moved, err
}

const slotColumns = `sl.schedule_id, sl.wall, s.platform, s.chat_id, sl.at, sl.until, sl.status, sl.reason, sl.tip_id,
	sl.attempts, sl.retry_at, sl.owner, sl.lease_until, sl.posted`

func scanSlot(r rowScanner) (scam.Slot, error) {
	var sl scam.Slot
	var wall, at, until, retry, lease, posted int64
	var status string
	err := r.Scan(&sl.Schedule, &wall, &sl.Chat.Platform, &sl.Chat.ID, &at, &until, &status, &sl.Reason, &sl.TipID,
		&sl.Attempts, &retry, &sl.Owner, &lease, &posted)
	sl.Status = scam.SlotStatus(status)
	sl.Wall, sl.At, sl.Until = fromUnix(wall), fromUnix(at), fromUnix(until)
	sl.RetryAt, sl.LeaseUntil, sl.Posted = fromUnix(retry), fromUnix(lease), fromUnix(posted)
	return sl, err
}

func (db *DB) querySlots(ctx context.Context, query string, args ...any) ([]scam.Slot, error) {
	return queryAll(ctx, db, scanSlot, query, args...)
}

// OpenSlots returns up to limit slots on platforms that need attention at
// now: pending ones whose retry time has come, and posting ones whose lease
// has ended (retry_at holds the lease's end while posting).
func (db *DB) OpenSlots(ctx context.Context, now time.Time, platforms []string, limit int) ([]scam.Slot, error) {
	in, args := inList(platforms)
	args = append([]any{unix(now)}, args...)
	args = append(args, limit)
	return db.querySlots(ctx, `SELECT `+slotColumns+` FROM slots sl JOIN schedules s ON s.id = sl.schedule_id
		WHERE sl.status IN ('pending', 'posting') AND sl.retry_at <= ? AND s.platform IN (`+in+`)
		ORDER BY sl.retry_at LIMIT ?`, args...)
}

// Slots returns the last limit slots of a schedule, newest first.
func (db *DB) Slots(ctx context.Context, schedule int64, limit int) ([]scam.Slot, error) {
	return db.querySlots(ctx, `SELECT `+slotColumns+` FROM slots sl JOIN schedules s ON s.id = sl.schedule_id
		WHERE sl.schedule_id = ? ORDER BY sl.wall DESC LIMIT ?`, schedule, limit)
}

// ClaimSlot turns a pending slot whose retry time has come into a posting
// one held by owner until leaseUntil, and counts the attempt. It reports
// false when another instance claimed it first or it is not pending.
func (db *DB) ClaimSlot(ctx context.Context, sl scam.Slot, owner string, now, leaseUntil time.Time) (bool, error) {
	var claimed bool
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE slots SET status = 'posting', owner = ?, lease_until = ?, retry_at = ?,
			attempts = attempts + 1 WHERE schedule_id = ? AND wall = ? AND status = 'pending' AND retry_at <= ?`,
			owner, unix(leaseUntil), unix(leaseUntil), sl.Schedule, unix(sl.Wall), unix(now))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		claimed = n == 1
		return err
	})
	return claimed, err
}

// FinishSlot records the outcome of owner's attempt at a slot: posted (with
// TipID and Posted; the chat has then seen the tip), pending again (with
// RetryAt) or missed (with Reason). A posted outcome also overrides an
// "interrupted" mark another instance made while owner was slow: the tip
// did go out.
func (db *DB) FinishSlot(ctx context.Context, sl scam.Slot, owner string) error {
	switch sl.Status {
	case scam.SlotPosted, scam.SlotPending, scam.SlotMissed:
	default:
		return scam.Errorf(scam.CodeBadArgument, "a slot cannot finish as %q", sl.Status)
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		cond := `status = 'posting'`
		if sl.Status == scam.SlotPosted {
			cond = `(status = 'posting' OR status = 'missed' AND reason = 'interrupted')`
		}
		res, err := tx.ExecContext(ctx, `UPDATE slots SET status = ?, reason = ?, tip_id = ?, retry_at = ?, posted = ?,
			owner = CASE WHEN ? = 'pending' THEN '' ELSE owner END
			WHERE schedule_id = ? AND wall = ? AND owner = ? AND `+cond,
			string(sl.Status), sl.Reason, sl.TipID, unix(sl.RetryAt), unix(sl.Posted), string(sl.Status),
			sl.Schedule, unix(sl.Wall), owner)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 || sl.Status != scam.SlotPosted {
			return err
		}
		// The chat comes from the schedule, not from the caller's copy.
		_, err = tx.ExecContext(ctx, `INSERT INTO tips_posted (chat_key, tip_id, at)
			SELECT chat_key, ?, ? FROM schedules WHERE id = ?`, sl.TipID, unix(sl.Posted), sl.Schedule)
		return err
	})
}

// ExpireSlot marks missed, as interrupted, a posting slot whose lease ended
// at or before now. Whether its tip went out is unknown, so it is not posted
// again: at most once.
func (db *DB) ExpireSlot(ctx context.Context, sl scam.Slot, now time.Time) (bool, error) {
	var expired bool
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE slots SET status = 'missed', reason = 'interrupted'
			WHERE schedule_id = ? AND wall = ? AND status = 'posting' AND lease_until <= ?`,
			sl.Schedule, unix(sl.Wall), unix(now))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		expired = n == 1
		return err
	})
	return expired, err
}

// RecordTip notes that chat was shown a tip outside any schedule (such as
// "/tips now"), so rotation does not repeat it soon.
func (db *DB) RecordTip(ctx context.Context, chat scam.ChatRef, tipID string, at time.Time) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO tips_posted (chat_key, tip_id, at) VALUES (?, ?, ?)`,
			db.chatKey(chat), tipID, unix(at))
		return err
	})
}

// TipsSeen returns the ids of the last limit tips chat was shown, oldest
// first, and when the last one was shown.
func (db *DB) TipsSeen(ctx context.Context, chat scam.ChatRef, limit int) ([]string, time.Time, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT tip_id, at FROM tips_posted WHERE chat_key = ?
		ORDER BY at DESC, rowid DESC LIMIT ?`, db.chatKey(chat), limit)
	if err != nil {
		return nil, time.Time{}, db.wrap(err)
	}
	defer rows.Close()
	var ids []string
	var last int64
	for rows.Next() {
		var id string
		var at int64
		if err := rows.Scan(&id, &at); err != nil {
			return nil, time.Time{}, db.wrap(err)
		}
		ids = append(ids, id)
		last = max(last, at)
	}
	for i, j := 0, len(ids)-1; i < j; i, j = i+1, j-1 {
		ids[i], ids[j] = ids[j], ids[i]
	}
	return ids, fromUnix(last), db.wrap(rows.Err())
}

// NextWake returns the earliest time a running schedule or an open slot on
// platforms needs attention; zero when nothing is waiting.
func (db *DB) NextWake(ctx context.Context, platforms []string) (time.Time, error) {
	in, args := inList(platforms)
	var next sql.NullInt64
	err := db.sql.QueryRowContext(ctx, `SELECT MIN(t) FROM (
		SELECT MIN(next_at) AS t FROM schedules WHERE paused = '' AND platform IN (`+in+`)
		UNION ALL
		SELECT MIN(sl.retry_at) FROM slots sl JOIN schedules s ON s.id = sl.schedule_id
			WHERE sl.status IN ('pending', 'posting') AND s.platform IN (`+in+`))`,
		append(args, args...)...).Scan(&next)
	if err != nil || !next.Valid {
		return time.Time{}, db.wrap(err)
	}
	return fromUnix(next.Int64), nil
}

// inList returns "?, ?, ?" and the values for an IN clause; an empty list
// matches nothing.
func inList(values []string) (string, []any) {
	if len(values) == 0 {
		return "NULL", nil
	}
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	return strings.Repeat("?, ", len(values)-1) + "?", args
}

func oneRow(res sql.Result, notFound string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return scam.Errorf(scam.CodeNotFound, "%s", notFound)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// PruneHistory deletes the record of finished slots due before before and
// of tips shown before it, and returns how many rows went. Open slots stay.
// Rotation only looks back over the last round of tips, so a year or two
// of history is plenty.
func (db *DB) PruneHistory(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM slots WHERE at < ? AND status NOT IN ('pending', 'posting')`,
			`DELETE FROM tips_posted WHERE at < ?`,
		} {
			res, err := tx.ExecContext(ctx, q, unix(before))
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += k
		}
		return nil
	})
	return n, err
}
