package sqlite

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// The windows and list lengths of Stats.
const (
	statsSlotDays  = 30 // slots are counted over the last 30 days
	statsCheckDays = 7  // checks over the last 7 UTC days, today included
	statsTop       = 10 // categories and rules listed, most first
)

// Stats is what an operator may see of a database: sizes and counts, never
// a chat id, a user, a hash or a message.
type Stats struct {
	Path          string `json:"path"`
	SizeBytes     int64  `json:"size_bytes"` // the main file and its -wal
	SchemaVersion int    `json:"schema_version"`

	Chats           int64 `json:"chats"`           // chats with settings or seen activity
	ChatsAlertsOn   int64 `json:"chats_alerts_on"` // chats that turned alerts on
	SchedulesActive int64 `json:"schedules_active"`
	SchedulesPaused int64 `json:"schedules_paused"`

	Slots         SlotStats     `json:"slots_30d"`
	TipsPosted    int64         `json:"tips_posted"` // all tips shown, scheduled or asked for, ever
	Checks        CheckStats    `json:"checks_7d"`
	Feedback      FeedbackStats `json:"feedback"`
	RateLimitRows int64         `json:"rate_limit_rows"`
}

// SlotStats counts the schedule slots due in the last 30 days by what
// became of them.
type SlotStats struct {
	Posted  int64 `json:"posted"`
	Missed  int64 `json:"missed"`
	Skipped int64 `json:"skipped"`
	Open    int64 `json:"open"` // pending or being posted
	// MissedReasons counts the missed slots by reason, most first.
	MissedReasons []ReasonCount `json:"missed_reasons"`
}

// ReasonCount is how many slots were missed for one reason.
type ReasonCount struct {
	Reason string `json:"reason"`
	N      int64  `json:"n"`
}

// CheckStats counts the checks of the last 7 UTC days, today included.
type CheckStats struct {
	Total   int64 `json:"total"`
	Low     int64 `json:"low"`
	Medium  int64 `json:"medium"`
	High    int64 `json:"high"`
	Asked   int64 `json:"asked"`   // someone asked the bot ("check")
	Watched int64 `json:"watched"` // the bot looked at a group message ("watch")
	// ByCategory lists the ten most frequent categories, most first.
	ByCategory []CategoryCount `json:"by_category"`
}

// CategoryCount is how many checks ended in one category.
type CategoryCount struct {
	Category scam.Category `json:"category"`
	N        int64         `json:"n"`
}

// FeedbackStats counts readers' votes on verdicts, ever.
type FeedbackStats struct {
	Helpful int64 `json:"helpful"`
	Wrong   int64 `json:"wrong"`
	// ByCategory lists the ten categories with the most votes.
	ByCategory []CategoryVotes `json:"by_category"`
	// ByRule lists the ten rules with the most "wrong" votes (then the
	// most votes): the rules to look at first.
	ByRule []RuleVotes `json:"by_rule"`
}

// CategoryVotes counts the votes on verdicts of one category.
type CategoryVotes struct {
	Category scam.Category `json:"category"`
	Helpful  int64         `json:"helpful"`
	Wrong    int64         `json:"wrong"`
}

// RuleVotes counts the votes on verdicts in which one rule fired.
type RuleVotes struct {
	Rule    string `json:"rule"`
	Helpful int64  `json:"helpful"`
	Wrong   int64  `json:"wrong"`
}

// Stats sums up the database as of now. Each figure is its own query, so
// under writes the figures may be a moment apart; none of them needs more.
func (db *DB) Stats(ctx context.Context, now time.Time) (Stats, error) {
	s := Stats{Path: db.path}
	size, err := fileSizes(db.path, db.path+"-wal")
	if err != nil {
		return Stats{}, db.wrap(err)
	}
	s.SizeBytes = size
	if s.SchemaVersion, err = db.SchemaVersion(ctx); err != nil {
		return Stats{}, err
	}
	for _, step := range []func(context.Context, *Stats, time.Time) error{
		db.chatStats, db.slotStats, db.checkStats, db.feedbackStats,
	} {
		if err := step(ctx, &s, now); err != nil {
			return Stats{}, db.wrap(err)
		}
	}
	return s, nil
}

func (db *DB) chatStats(ctx context.Context, s *Stats, _ time.Time) error {
	return db.sql.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM chats),
		(SELECT COUNT(*) FROM chats WHERE alerts != 0),
		(SELECT COUNT(*) FROM schedules WHERE paused = ''),
		(SELECT COUNT(*) FROM schedules WHERE paused != ''),
		(SELECT COUNT(*) FROM tips_posted),
		(SELECT COUNT(*) FROM rate_limits)`).Scan(
		&s.Chats, &s.ChatsAlertsOn, &s.SchedulesActive, &s.SchedulesPaused, &s.TipsPosted, &s.RateLimitRows)
}

func (db *DB) slotStats(ctx context.Context, s *Stats, now time.Time) error {
	since := now.Add(-statsSlotDays * 24 * time.Hour).Unix()
	rows, err := db.sql.QueryContext(ctx, `SELECT status, COUNT(*) FROM slots WHERE at >= ? GROUP BY status`, since)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var status scam.SlotStatus
		var n int64
		if err := rows.Scan(&status, &n); err != nil {
			return err
		}
		switch status {
		case scam.SlotPosted:
			s.Slots.Posted += n
		case scam.SlotMissed:
			s.Slots.Missed += n
		case scam.SlotSkipped:
			s.Slots.Skipped += n
		default:
			s.Slots.Open += n
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	s.Slots.MissedReasons = []ReasonCount{}
	rows, err = db.sql.QueryContext(ctx, `SELECT reason, COUNT(*) AS n FROM slots WHERE at >= ? AND status = 'missed'
		GROUP BY reason ORDER BY n DESC, reason`, since)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r ReasonCount
		if err := rows.Scan(&r.Reason, &r.N); err != nil {
			return err
		}
		s.Slots.MissedReasons = append(s.Slots.MissedReasons, r)
	}
	return rows.Err()
}

func (db *DB) checkStats(ctx context.Context, s *Stats, now time.Time) error {
	since := utcDay(now.UTC().AddDate(0, 0, -(statsCheckDays - 1)))
	err := db.sql.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(n), 0),
		COALESCE(SUM(CASE level WHEN 'low' THEN n END), 0),
		COALESCE(SUM(CASE level WHEN 'medium' THEN n END), 0),
		COALESCE(SUM(CASE level WHEN 'high' THEN n END), 0),
		COALESCE(SUM(CASE source WHEN 'check' THEN n END), 0),
		COALESCE(SUM(CASE source WHEN 'watch' THEN n END), 0)
		FROM check_counts WHERE day >= ?`, since).Scan(
		&s.Checks.Total, &s.Checks.Low, &s.Checks.Medium, &s.Checks.High, &s.Checks.Asked, &s.Checks.Watched)
	if err != nil {
		return err
	}
	s.Checks.ByCategory = []CategoryCount{}
	rows, err := db.sql.QueryContext(ctx, `SELECT category, SUM(n) AS total FROM check_counts WHERE day >= ?
		GROUP BY category ORDER BY total DESC, category LIMIT ?`, since, statsTop)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c CategoryCount
		if err := rows.Scan(&c.Category, &c.N); err != nil {
			return err
		}
		s.Checks.ByCategory = append(s.Checks.ByCategory, c)
	}
	return rows.Err()
}

func (db *DB) feedbackStats(ctx context.Context, s *Stats, _ time.Time) error {
	f := &s.Feedback
	if err := db.sql.QueryRowContext(ctx, `SELECT COALESCE(SUM(helpful != 0), 0), COALESCE(SUM(helpful = 0), 0) FROM feedback`).
		Scan(&f.Helpful, &f.Wrong); err != nil {
		return err
	}
	f.ByCategory = []CategoryVotes{}
	rows, err := db.sql.QueryContext(ctx, `SELECT category, SUM(helpful != 0), SUM(helpful = 0) FROM feedback
		GROUP BY category ORDER BY COUNT(*) DESC, category LIMIT ?`, statsTop)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c CategoryVotes
		if err := rows.Scan(&c.Category, &c.Helpful, &c.Wrong); err != nil {
			return err
		}
		f.ByCategory = append(f.ByCategory, c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	f.ByRule = []RuleVotes{}
	rows, err = db.sql.QueryContext(ctx, `SELECT r.rule, SUM(f.helpful != 0), SUM(f.helpful = 0) AS wrong
		FROM feedback_rules r JOIN feedback f USING (verdict, user_key)
		GROUP BY r.rule ORDER BY wrong DESC, COUNT(*) DESC, r.rule LIMIT ?`, statsTop)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r RuleVotes
		if err := rows.Scan(&r.Rule, &r.Helpful, &r.Wrong); err != nil {
			return err
		}
		f.ByRule = append(f.ByRule, r)
	}
	return rows.Err()
}

// fileSizes adds up the sizes of the files that exist among paths: a WAL
// file comes and goes with checkpoints.
func fileSizes(paths ...string) (int64, error) {
	var total int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		total += fi.Size()
	}
	return total, nil
}
