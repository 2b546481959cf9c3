package sqlite

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

var statsNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func TestStatsOfAnEmptyDatabase(t *testing.T) {
	db := openTemp(t)
	st, err := db.Stats(context.Background(), statsNow)
	if err != nil {
		t.Fatal(err)
	}
	if st.Path != db.Path() || st.SizeBytes <= 0 || st.SchemaVersion < 1 {
		t.Errorf("got path %q, size %d, schema %d, want %q, > 0, >= 1", st.Path, st.SizeBytes, st.SchemaVersion, db.Path())
	}
	want := Stats{Path: st.Path, SizeBytes: st.SizeBytes, SchemaVersion: st.SchemaVersion,
		Slots:    SlotStats{MissedReasons: []ReasonCount{}},
		Checks:   CheckStats{ByCategory: []CategoryCount{}},
		Feedback: FeedbackStats{ByCategory: []CategoryVotes{}, ByRule: []RuleVotes{}},
	}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("got %+v, want %+v", st, want)
	}
	b, _ := json.Marshal(st)
	if strings.Contains(string(b), "null") {
		t.Errorf("got JSON with null in it, want empty lists: %s", b)
	}
}

// insertSchedules writes schedules, slots and posted tips with plain SQL:
// their methods belong to another file, and Stats only reads the tables.
func insertSchedules(t *testing.T, db *DB, now time.Time) {
	t.Helper()
	ago := func(d time.Duration) int64 { return now.Add(-d).Unix() }
	day := 24 * time.Hour
	stmts := []struct {
		q    string
		args []any
	}{
		{`INSERT INTO schedules (id, chat_key, platform, chat_id, cadence, zone, lang, paused, next_wall, next_at, created)
			VALUES (1, 'k1', 'telegram', '-1001', 'daily 09:00', 'Asia/Manila', 'en', '', 0, 0, 0),
			       (2, 'k2', 'telegram', '-1002', 'daily 09:00', 'Asia/Manila', 'en', '', 0, 0, 0),
			       (3, 'k3', 'discord', '77', 'daily 09:00', 'UTC', 'fr', 'removed from the chat', 0, 0, 0)`, nil},
		{`INSERT INTO slots (schedule_id, wall, at, until, status, reason) VALUES
			(1, 1, ?, 0, 'posted', ''), (1, 2, ?, 0, 'posted', ''), (1, 3, ?, 0, 'missed', 'forbidden'),
			(2, 1, ?, 0, 'missed', 'forbidden'), (2, 2, ?, 0, 'missed', 'too_late'), (2, 3, ?, 0, 'skipped', 'quiet'),
			(2, 4, ?, 0, 'pending', ''), (2, 5, ?, 0, 'posting', ''),
			(3, 1, ?, 0, 'posted', ''), (3, 2, ?, 0, 'missed', 'old')`,
			[]any{ago(day), ago(2 * day), ago(3 * day), ago(day), ago(day), ago(day), ago(time.Minute), ago(time.Minute),
				ago(31 * day), ago(40 * day)}},
		{`INSERT INTO tips_posted (chat_key, tip_id, at) VALUES ('k1', 't1', 1), ('k1', 't2', 2), ('k2', 't1', 3)`, nil},
	}
	for _, s := range stmts {
		if _, err := db.sql.Exec(s.q, s.args...); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStatsOfAFilledDatabase(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	insertSchedules(t, db, statsNow)
	for i, s := range []scam.ChatSettings{
		{Alerts: true, AlertLevel: scam.High}, {Alerts: true, AlertLevel: scam.Medium}, {AlertLevel: scam.High},
	} {
		if err := db.SaveSettings(ctx, scam.ChatRef{Platform: "telegram", ID: string(rune('a' + i))}, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.NoteActivity(ctx, scam.ChatRef{Platform: "discord", ID: "d"}, statsNow); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"u1", "u2"} {
		if _, err := db.Allow(ctx, "check", u, 5, time.Minute, statsNow); err != nil {
			t.Fatal(err)
		}
	}
	day := 24 * time.Hour
	for _, c := range []struct {
		ago      time.Duration
		source   string
		level    scam.Level
		category scam.Category
	}{
		{0, "check", scam.High, scam.Investment},
		{day, "check", scam.High, scam.Investment},
		{6 * day, "watch", scam.Medium, scam.Phishing},
		{0, "check", scam.Low, scam.Generic},
		{7 * day, "check", scam.High, scam.Romance}, // eight days ago counting today: out
	} {
		if err := db.CountCheck(ctx, statsNow.Add(-c.ago), "telegram", c.source, c.level, c.category); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.RecordFeedback(ctx, scam.Feedback{Verdict: "v", User: "u", Helpful: true, Level: scam.High,
		Category: scam.Investment, Rules: []string{"invest.guaranteed"}, At: statsNow}); err != nil {
		t.Fatal(err)
	}

	st, err := db.Stats(ctx, statsNow)
	if err != nil {
		t.Fatal(err)
	}
	counts := []struct {
		name      string
		got, want int64
	}{
		{"chats", st.Chats, 4},
		{"chats with alerts on", st.ChatsAlertsOn, 2},
		{"active schedules", st.SchedulesActive, 2},
		{"paused schedules", st.SchedulesPaused, 1},
		{"posted slots", st.Slots.Posted, 2},
		{"missed slots", st.Slots.Missed, 3},
		{"skipped slots", st.Slots.Skipped, 1},
		{"open slots", st.Slots.Open, 2},
		{"tips posted", st.TipsPosted, 3},
		{"checks", st.Checks.Total, 4},
		{"low checks", st.Checks.Low, 1},
		{"medium checks", st.Checks.Medium, 1},
		{"high checks", st.Checks.High, 2},
		{"asked checks", st.Checks.Asked, 3},
		{"watched checks", st.Checks.Watched, 1},
		{"helpful votes", st.Feedback.Helpful, 1},
		{"wrong votes", st.Feedback.Wrong, 0},
		{"rate-limit rows", st.RateLimitRows, 2},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.name, c.got, c.want)
		}
	}
	if want := []ReasonCount{{"forbidden", 2}, {"too_late", 1}}; !slices.Equal(st.Slots.MissedReasons, want) {
		t.Errorf("missed reasons: got %+v, want %+v", st.Slots.MissedReasons, want)
	}
	wantCats := []CategoryCount{{scam.Investment, 2}, {scam.Generic, 1}, {scam.Phishing, 1}}
	if !slices.Equal(st.Checks.ByCategory, wantCats) {
		t.Errorf("checks by category: got %+v, want %+v", st.Checks.ByCategory, wantCats)
	}
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"k1", "-1001", db.chatKey(scam.ChatRef{Platform: "telegram", ID: "a"})} {
		if strings.Contains(string(b), `"`+leak+`"`) {
			t.Errorf("got %q in the stats JSON, want no ids or hashes: %s", leak, b)
		}
	}
}
