package sqlite

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

var (
	schedChat    = scam.ChatRef{Platform: "telegram", ID: "-100111"}
	schedOther   = scam.ChatRef{Platform: "telegram", ID: "-100222"}
	schedDiscord = scam.ChatRef{Platform: "discord", ID: "333"}
	// slot0 is the first slot of the schedules here: 09:00 UTC, so the
	// wall time and the instant are the same.
	slot0   = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	created = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

func day(n int) time.Time { return slot0.AddDate(0, 0, n) }

// newSchedule is a daily 09:00 schedule in UTC whose next slot is next.
func newSchedule(chat scam.ChatRef, next time.Time) scam.Schedule {
	return scam.Schedule{Chat: chat, Cadence: "daily 09:00", Zone: "UTC", Lang: "en", NextWall: next, Next: next, Created: created}
}

func addSchedule(t *testing.T, db *DB, s scam.Schedule) scam.Schedule {
	t.Helper()
	s, err := db.AddSchedule(context.Background(), s)
	if err != nil {
		t.Fatalf("AddSchedule: %v", err)
	}
	return s
}

func getSchedule(t *testing.T, db *DB, id int64) scam.Schedule {
	t.Helper()
	s, err := db.Schedule(context.Background(), id)
	if err != nil {
		t.Fatalf("Schedule(%d): %v", id, err)
	}
	return s
}

func wantCode(t *testing.T, err error, want scam.Code) {
	t.Helper()
	if got := scam.CodeOf(err); err == nil || got != want {
		t.Errorf("got error %v (code %s), want code %s", err, got, want)
	}
}

func pendingAt(wall time.Time) scam.Slot {
	return scam.Slot{Wall: wall, At: wall, Until: wall.Add(2 * time.Hour), Status: scam.SlotPending, RetryAt: wall}
}

// withSlots adds a schedule of chat at slot0 and advances it one day,
// recording slots (pending at slot0 when none are given). It returns the
// schedule as it is now.
func withSlots(t *testing.T, db *DB, chat scam.ChatRef, slots ...scam.Slot) scam.Schedule {
	t.Helper()
	s := addSchedule(t, db, newSchedule(chat, slot0))
	if len(slots) == 0 {
		slots = []scam.Slot{pendingAt(slot0)}
	}
	ok, err := db.Advance(context.Background(), s, day(1), day(1), slots...)
	if err != nil || !ok {
		t.Fatalf("Advance: got %t, %v, want true", ok, err)
	}
	return getSchedule(t, db, s.ID)
}

// slotAt returns the stored slot of schedule id at wall.
func slotAt(t *testing.T, db *DB, id int64, wall time.Time) scam.Slot {
	t.Helper()
	slots, err := db.Slots(context.Background(), id, 1000)
	if err != nil {
		t.Fatalf("Slots: %v", err)
	}
	for _, sl := range slots {
		if sl.Wall.Equal(wall) {
			return sl
		}
	}
	t.Fatalf("schedule %d has no slot at %s; it has %+v", id, wall, slots)
	return scam.Slot{}
}

func countRows(t *testing.T, db *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func ids(ss []scam.Schedule) []int64 {
	var out []int64
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func TestAddScheduleStoresEveryFieldAndSurvivesAReopen(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	want := scam.Schedule{
		Chat:         schedChat,
		Cadence:      "weekly mon,thu 09:00",
		Zone:         "Asia/Manila",
		Lang:         "fil",
		Tags:         []string{"romance", "job"},
		Quiet:        "22:00-07:00",
		OnlyIfActive: true,
		NextWall:     time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC),
		Next:         time.Date(2026, 3, 12, 1, 0, 0, 0, time.UTC),
		Created:      created,
	}
	got, err := db.AddSchedule(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID <= 0 {
		t.Fatalf("got id %d, want a positive id", got.ID)
	}
	want.ID = got.ID
	plain := addSchedule(t, db, newSchedule(schedChat, slot0))
	if plain.ID == want.ID {
		t.Fatalf("got id %d twice, want a new id per schedule", plain.ID)
	}

	check := func(t *testing.T, db *DB) {
		t.Helper()
		if got := getSchedule(t, db, want.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("Schedule: got %+v, want %+v", got, want)
		}
		list, err := db.Schedules(ctx, schedChat)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || !reflect.DeepEqual(list[0], want) || list[1].ID != plain.ID {
			t.Errorf("Schedules: got %+v, want [%+v, schedule %d]", list, want, plain.ID)
		}
		if len(list) == 2 && list[1].Tags != nil {
			t.Errorf("a schedule without tags: got tags %q, want none", list[1].Tags)
		}
		if other, err := db.Schedules(ctx, schedOther); err != nil || len(other) != 0 {
			t.Errorf("another chat's schedules: got %+v, %v, want none", other, err)
		}
	}
	t.Run("it is found by id and by chat", func(t *testing.T) { check(t, db) })

	t.Run("it is still there after closing and opening the file again", func(t *testing.T) {
		path := db.Path()
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		again, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer again.Close()
		check(t, again)
	})
}

func TestAddScheduleFillsInCreated(t *testing.T) {
	db := openTemp(t)
	s := newSchedule(schedChat, slot0)
	s.Created = time.Time{}
	before := time.Now().Add(-time.Second)
	s = addSchedule(t, db, s)
	if got := getSchedule(t, db, s.ID).Created; got.Before(before.Truncate(time.Second)) || got.After(time.Now()) {
		t.Errorf("got created %s, want about now", got)
	}
}

func TestAddScheduleRefusesAnIncompleteSchedule(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *scam.Schedule)
	}{
		{"a schedule without a chat", func(s *scam.Schedule) { s.Chat = scam.ChatRef{} }},
		{"a schedule without a platform", func(s *scam.Schedule) { s.Chat.Platform = "" }},
		{"a schedule without a chat id", func(s *scam.Schedule) { s.Chat.ID = "" }},
		{"a schedule without a cadence", func(s *scam.Schedule) { s.Cadence = "" }},
		{"a schedule without a zone", func(s *scam.Schedule) { s.Zone = "" }},
		{"a schedule without a language", func(s *scam.Schedule) { s.Lang = "" }},
		{"a schedule without its next instant", func(s *scam.Schedule) { s.Next = time.Time{} }},
		{"a schedule without its next wall time", func(s *scam.Schedule) { s.NextWall = time.Time{} }},
		{"a tag with a comma", func(s *scam.Schedule) { s.Tags = []string{"romance,job"} }},
		{"an empty tag", func(s *scam.Schedule) { s.Tags = []string{""} }},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused and not stored", func(t *testing.T) {
			db := openTemp(t)
			s := newSchedule(schedChat, slot0)
			tt.change(&s)
			_, err := db.AddSchedule(context.Background(), s)
			wantCode(t, err, scam.CodeBadArgument)
			if n := countRows(t, db, `SELECT COUNT(*) FROM schedules`); n != 0 {
				t.Errorf("got %d schedules stored, want 0", n)
			}
		})
	}
}

func TestScheduleOfAnUnknownIDIsNotFound(t *testing.T) {
	db := openTemp(t)
	_, err := db.Schedule(context.Background(), 42)
	wantCode(t, err, scam.CodeNotFound)
}

func TestUpdateSchedule(t *testing.T) {
	ctx := context.Background()
	t.Run("it changes every field it owns", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		s.Tags = []string{"crypto"}
		s = addSchedule(t, db, s)
		want := s
		want.Cadence, want.Zone, want.Lang = "weekly mon 10:00", "Asia/Manila", "fil"
		want.Tags, want.Quiet, want.OnlyIfActive, want.Paused = nil, "22:00-07:00", true, "forbidden"
		want.NextWall, want.Next = time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC), time.Date(2026, 3, 16, 2, 0, 0, 0, time.UTC)
		if err := db.UpdateSchedule(ctx, want); err != nil {
			t.Fatal(err)
		}
		if got := getSchedule(t, db, s.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("another chat's schedule is not found and not changed", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		u := s
		u.Chat, u.Cadence, u.Paused = schedOther, "daily 10:00", "removed"
		wantCode(t, db.UpdateSchedule(ctx, u), scam.CodeNotFound)
		if got := getSchedule(t, db, s.ID); !reflect.DeepEqual(got, s) {
			t.Errorf("got %+v, want it unchanged: %+v", got, s)
		}
	})
	t.Run("an unknown id is not found", func(t *testing.T) {
		db := openTemp(t)
		s := newSchedule(schedChat, slot0)
		s.ID = 42
		wantCode(t, db.UpdateSchedule(ctx, s), scam.CodeNotFound)
	})
	t.Run("an incomplete schedule is refused", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		u := s
		u.Lang = ""
		wantCode(t, db.UpdateSchedule(ctx, u), scam.CodeBadArgument)
		if got := getSchedule(t, db, s.ID); !reflect.DeepEqual(got, s) {
			t.Errorf("got %+v, want it unchanged: %+v", got, s)
		}
	})
}

func TestRemoveSchedule(t *testing.T) {
	ctx := context.Background()
	t.Run("the chat's own schedule goes, with its slots", func(t *testing.T) {
		db := openTemp(t)
		s := withSlots(t, db, schedChat)
		keep := withSlots(t, db, schedChat)
		if err := db.RemoveSchedule(ctx, schedChat, s.ID); err != nil {
			t.Fatal(err)
		}
		_, err := db.Schedule(ctx, s.ID)
		wantCode(t, err, scam.CodeNotFound)
		if n := countRows(t, db, `SELECT COUNT(*) FROM slots WHERE schedule_id = ?`, s.ID); n != 0 {
			t.Errorf("got %d slots of the removed schedule, want 0", n)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM slots WHERE schedule_id = ?`, keep.ID); n != 1 {
			t.Errorf("got %d slots of the other schedule, want 1", n)
		}
		wantCode(t, db.RemoveSchedule(ctx, schedChat, s.ID), scam.CodeNotFound)
	})
	t.Run("another chat's schedule is not found and stays", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		wantCode(t, db.RemoveSchedule(ctx, schedOther, s.ID), scam.CodeNotFound)
		wantCode(t, db.RemoveSchedule(ctx, scam.ChatRef{Platform: "discord", ID: schedChat.ID}, s.ID), scam.CodeNotFound)
		getSchedule(t, db, s.ID)
	})
}

func TestRemoveSchedulesCountsAndDropsTheSlots(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	for range 3 {
		withSlots(t, db, schedChat)
	}
	other := withSlots(t, db, schedOther)
	n, err := db.RemoveSchedules(ctx, schedChat)
	if err != nil || n != 3 {
		t.Fatalf("got %d, %v, want 3 removed", n, err)
	}
	if list, _ := db.Schedules(ctx, schedChat); len(list) != 0 {
		t.Errorf("got %d schedules left in the chat, want 0", len(list))
	}
	if got := countRows(t, db, `SELECT COUNT(*) FROM slots`); got != 1 {
		t.Errorf("got %d slots, want only the other chat's 1", got)
	}
	if got := countRows(t, db, `SELECT COUNT(*) FROM slots WHERE schedule_id = ?`, other.ID); got != 1 {
		t.Errorf("got %d slots of the other chat, want 1", got)
	}
	if n, err := db.RemoveSchedules(ctx, schedChat); err != nil || n != 0 {
		t.Errorf("removing again: got %d, %v, want 0", n, err)
	}
}

func TestPauseChat(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	a := addSchedule(t, db, newSchedule(schedChat, slot0))
	b := addSchedule(t, db, newSchedule(schedChat, day(1)))
	p := newSchedule(schedChat, slot0)
	p.Paused = "forbidden"
	p = addSchedule(t, db, p)
	o := addSchedule(t, db, newSchedule(schedOther, slot0))

	if err := db.PauseChat(ctx, schedChat, "removed"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		id   int64
		want string
	}{
		{"a running schedule of the chat is paused", a.ID, "removed"},
		{"another running schedule of the chat is paused", b.ID, "removed"},
		{"a paused schedule keeps its reason", p.ID, "forbidden"},
		{"another chat's schedule keeps running", o.ID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := getSchedule(t, db, tt.id).Paused; got != tt.want {
				t.Errorf("got paused %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("a pause without a reason is refused", func(t *testing.T) {
		wantCode(t, db.PauseChat(ctx, schedOther, ""), scam.CodeBadArgument)
		if got := getSchedule(t, db, o.ID).Paused; got != "" {
			t.Errorf("got paused %q, want it running", got)
		}
	})
}

func TestDueSchedules(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	now := slot0
	at := func(h, m int) time.Time { return time.Date(2026, 3, 10, h, m, 0, 0, time.UTC) }
	a := addSchedule(t, db, newSchedule(schedChat, at(8, 0)))
	b := addSchedule(t, db, newSchedule(schedOther, at(7, 0)))
	c := addSchedule(t, db, newSchedule(schedDiscord, at(7, 30)))
	paused := newSchedule(schedChat, at(6, 0))
	paused.Paused = "removed"
	addSchedule(t, db, paused)
	addSchedule(t, db, newSchedule(schedChat, at(10, 0))) // not due yet
	exact := addSchedule(t, db, newSchedule(schedOther, now))

	tests := []struct {
		name      string
		now       time.Time
		platforms []string
		limit     int
		want      []int64
	}{
		{"one platform: the due running ones, earliest first", now, []string{"telegram"}, 10, []int64{b.ID, a.ID, exact.ID}},
		{"two platforms are merged in order", now, []string{"telegram", "discord"}, 10, []int64{b.ID, c.ID, a.ID, exact.ID}},
		{"the other platform alone", now, []string{"discord"}, 10, []int64{c.ID}},
		{"the limit keeps the earliest", now, []string{"discord", "telegram"}, 2, []int64{b.ID, c.ID}},
		{"a schedule due exactly now is due", at(8, 0), []string{"telegram"}, 10, []int64{b.ID, a.ID}},
		{"an empty platform list gives none", now, []string{}, 10, nil},
		{"no platform list gives none", now, nil, 10, nil},
		{"an unknown platform gives none", now, []string{"matrix"}, 10, nil},
		{"nothing is due before the earliest", at(6, 59), []string{"telegram", "discord"}, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.DueSchedules(ctx, tt.now, tt.platforms, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), tt.want) {
				t.Errorf("got schedules %v, want %v", ids(got), tt.want)
			}
		})
	}
}

func TestAdvance(t *testing.T) {
	ctx := context.Background()
	t.Run("it moves the schedule and records the slots", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		skipped := scam.Slot{Wall: day(-1), At: day(-1), Until: day(-1), Status: scam.SlotSkipped, Reason: "late", RetryAt: day(-1)}
		ok, err := db.Advance(ctx, s, day(1), day(1).Add(time.Hour), skipped, pendingAt(slot0))
		if err != nil || !ok {
			t.Fatalf("got %t, %v, want true", ok, err)
		}
		got := getSchedule(t, db, s.ID)
		if !got.NextWall.Equal(day(1)) || !got.Next.Equal(day(1).Add(time.Hour)) || got.Paused != "" {
			t.Errorf("got next wall %s, next %s, paused %q; want %s, %s, running", got.NextWall, got.Next, got.Paused, day(1), day(1).Add(time.Hour))
		}
		sl := slotAt(t, db, s.ID, slot0)
		want := scam.Slot{Schedule: s.ID, Wall: slot0, Chat: schedChat, At: slot0, Until: slot0.Add(2 * time.Hour), Status: scam.SlotPending, RetryAt: slot0}
		if !reflect.DeepEqual(sl, want) {
			t.Errorf("got slot %+v, want %+v", sl, want)
		}
		if sl := slotAt(t, db, s.ID, day(-1)); sl.Status != scam.SlotSkipped || sl.Reason != "late" {
			t.Errorf("got the first slot %s/%q, want skipped/late", sl.Status, sl.Reason)
		}
	})
	t.Run("a stale copy of the schedule changes nothing", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		if ok, err := db.Advance(ctx, s, day(1), day(1), pendingAt(slot0)); err != nil || !ok {
			t.Fatalf("first Advance: got %t, %v, want true", ok, err)
		}
		ok, err := db.Advance(ctx, s, day(2), day(2), pendingAt(day(1)))
		if err != nil || ok {
			t.Fatalf("second Advance with the old next wall: got %t, %v, want false", ok, err)
		}
		if got := getSchedule(t, db, s.ID); !got.NextWall.Equal(day(1)) || !got.Next.Equal(day(1)) {
			t.Errorf("got next %s, want it left at %s", got.NextWall, day(1))
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM slots`); n != 1 {
			t.Errorf("got %d slots, want only the first Advance's 1", n)
		}
	})
	t.Run("a paused schedule is not moved", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		if err := db.PauseChat(ctx, schedChat, "removed"); err != nil {
			t.Fatal(err)
		}
		ok, err := db.Advance(ctx, s, day(1), day(1), pendingAt(slot0))
		if err != nil || ok {
			t.Fatalf("got %t, %v, want false", ok, err)
		}
		if got := getSchedule(t, db, s.ID); !got.NextWall.Equal(slot0) || got.Paused != "removed" {
			t.Errorf("got next %s paused %q, want %s paused \"removed\"", got.NextWall, got.Paused, slot0)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM slots`); n != 0 {
			t.Errorf("got %d slots, want 0", n)
		}
	})
	t.Run("a removed schedule reports false without an error", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		if err := db.RemoveSchedule(ctx, schedChat, s.ID); err != nil {
			t.Fatal(err)
		}
		if ok, err := db.Advance(ctx, s, day(1), day(1), pendingAt(slot0)); err != nil || ok {
			t.Fatalf("got %t, %v, want false", ok, err)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM slots`); n != 0 {
			t.Errorf("got %d slots, want 0", n)
		}
	})
	t.Run("a zero next instant pauses the schedule as ended", func(t *testing.T) {
		db := openTemp(t)
		s := addSchedule(t, db, newSchedule(schedChat, slot0))
		ok, err := db.Advance(ctx, s, time.Time{}, time.Time{}, pendingAt(slot0))
		if err != nil || !ok {
			t.Fatalf("got %t, %v, want true", ok, err)
		}
		got := getSchedule(t, db, s.ID)
		if got.Paused != ReasonEnded || !got.NextWall.Equal(slot0) || !got.Next.Equal(slot0) {
			t.Errorf("got paused %q next %s/%s, want %q with next left at %s", got.Paused, got.NextWall, got.Next, ReasonEnded, slot0)
		}
		slotAt(t, db, s.ID, slot0)
		if due, _ := db.DueSchedules(ctx, day(10), []string{"telegram"}, 10); len(due) != 0 {
			t.Errorf("got %d due schedules, want an ended schedule never due", len(due))
		}
	})
	t.Run("a slot already recorded is left as it is", func(t *testing.T) {
		db := openTemp(t)
		s := withSlots(t, db, schedChat, pendingAt(slot0))
		again := scam.Slot{Wall: slot0, At: slot0, Until: slot0, Status: scam.SlotSkipped, Reason: "late", RetryAt: slot0}
		ok, err := db.Advance(ctx, s, day(2), day(2), again, pendingAt(day(1)))
		if err != nil || !ok {
			t.Fatalf("got %t, %v, want true", ok, err)
		}
		if sl := slotAt(t, db, s.ID, slot0); sl.Status != scam.SlotPending || sl.Reason != "" || !sl.Until.Equal(slot0.Add(2*time.Hour)) {
			t.Errorf("got the old slot %+v, want it still pending until %s", sl, slot0.Add(2*time.Hour))
		}
		if sl := slotAt(t, db, s.ID, day(1)); sl.Status != scam.SlotPending {
			t.Errorf("got the new slot %s, want pending", sl.Status)
		}
	})
}

func TestOpenSlots(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	now := slot0.Add(time.Hour)
	due := withSlots(t, db, schedChat, pendingAt(slot0))
	later := withSlots(t, db, schedOther, pendingAt(now.Add(time.Minute)))
	withSlots(t, db, schedDiscord, pendingAt(slot0))
	skipped := scam.Slot{Wall: slot0, At: slot0, Until: slot0, Status: scam.SlotSkipped, Reason: "quiet_hours", RetryAt: slot0}
	withSlots(t, db, schedChat, skipped)
	// A posting slot whose lease ended earlier than the pending slot's retry.
	expired := withSlots(t, db, schedOther, pendingAt(slot0.Add(-time.Hour)))
	if ok, err := db.ClaimSlot(ctx, scam.Slot{Schedule: expired.ID, Wall: slot0.Add(-time.Hour)}, "a", slot0.Add(-time.Hour), slot0.Add(-time.Minute)); err != nil || !ok {
		t.Fatalf("ClaimSlot: got %t, %v, want true", ok, err)
	}
	// A posting slot whose lease still holds.
	held := withSlots(t, db, schedOther, pendingAt(slot0))
	if ok, err := db.ClaimSlot(ctx, scam.Slot{Schedule: held.ID, Wall: slot0}, "a", slot0, now.Add(2*time.Minute)); err != nil || !ok {
		t.Fatalf("ClaimSlot: got %t, %v, want true", ok, err)
	}

	type key struct {
		id     int64
		status scam.SlotStatus
	}
	tests := []struct {
		name      string
		now       time.Time
		platforms []string
		limit     int
		want      []key
	}{
		{"the pending slot whose retry time has come and the posting slot whose lease ended, by time", now, []string{"telegram"}, 10,
			[]key{{expired.ID, scam.SlotPosting}, {due.ID, scam.SlotPending}}},
		{"the limit keeps the earliest", now, []string{"telegram"}, 1, []key{{expired.ID, scam.SlotPosting}}},
		{"a later time brings the future slot, then the held one", now.Add(2 * time.Minute), []string{"telegram"}, 10,
			[]key{{expired.ID, scam.SlotPosting}, {due.ID, scam.SlotPending}, {later.ID, scam.SlotPending}, {held.ID, scam.SlotPosting}}},
		{"a pending slot is open exactly at its retry time", slot0, []string{"telegram"}, 10,
			[]key{{expired.ID, scam.SlotPosting}, {due.ID, scam.SlotPending}}},
		{"no platform gives none", now, nil, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slots, err := db.OpenSlots(ctx, tt.now, tt.platforms, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []key
			for _, sl := range slots {
				got = append(got, key{sl.Schedule, sl.Status})
				if sl.Chat.Platform != "telegram" || sl.Chat.ID == "" {
					t.Errorf("got slot of chat %+v, want a telegram chat", sl.Chat)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("the other platform sees only its own", func(t *testing.T) {
		slots, err := db.OpenSlots(ctx, now, []string{"discord"}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(slots) != 1 || slots[0].Chat != schedDiscord {
			t.Errorf("got %+v, want the one discord slot", slots)
		}
	})
}

func TestClaimSlot(t *testing.T) {
	ctx := context.Background()
	lease := slot0.Add(time.Minute)
	t.Run("it succeeds once and records the claim", func(t *testing.T) {
		db := openTemp(t)
		s := withSlots(t, db, schedChat)
		sl := slotAt(t, db, s.ID, slot0)
		if ok, err := db.ClaimSlot(ctx, sl, "a", slot0, lease); err != nil || !ok {
			t.Fatalf("first claim: got %t, %v, want true", ok, err)
		}
		if ok, err := db.ClaimSlot(ctx, sl, "b", slot0, lease); err != nil || ok {
			t.Fatalf("second claim: got %t, %v, want false", ok, err)
		}
		got := slotAt(t, db, s.ID, slot0)
		if got.Status != scam.SlotPosting || got.Owner != "a" || !got.LeaseUntil.Equal(lease) || !got.RetryAt.Equal(lease) || got.Attempts != 1 {
			t.Errorf("got %+v, want posting by a until %s with 1 attempt", got, lease)
		}
	})
	t.Run("it waits for the retry time", func(t *testing.T) {
		db := openTemp(t)
		s := withSlots(t, db, schedChat)
		sl := slotAt(t, db, s.ID, slot0)
		if ok, err := db.ClaimSlot(ctx, sl, "a", slot0.Add(-time.Second), lease); err != nil || ok {
			t.Fatalf("got %t, %v, want false before the retry time", ok, err)
		}
		if got := slotAt(t, db, s.ID, slot0); got.Status != scam.SlotPending || got.Attempts != 0 {
			t.Errorf("got %+v, want it pending with no attempt", got)
		}
	})
	t.Run("a slot that is not pending cannot be claimed", func(t *testing.T) {
		db := openTemp(t)
		s := withSlots(t, db, schedChat, scam.Slot{Wall: slot0, At: slot0, Until: slot0, Status: scam.SlotSkipped, RetryAt: slot0})
		if ok, err := db.ClaimSlot(ctx, scam.Slot{Schedule: s.ID, Wall: slot0}, "a", slot0, lease); err != nil || ok {
			t.Fatalf("got %t, %v, want false", ok, err)
		}
		if ok, err := db.ClaimSlot(ctx, scam.Slot{Schedule: s.ID, Wall: day(5)}, "a", slot0, lease); err != nil || ok {
			t.Fatalf("a slot that does not exist: got %t, %v, want false", ok, err)
		}
	})
	t.Run("two instances racing for the same slot 20 times win once each time", func(t *testing.T) {
		db := openTemp(t)
		var slots []scam.Slot
		for i := range 20 {
			slots = append(slots, pendingAt(slot0.Add(time.Duration(i)*time.Minute)))
		}
		s := withSlots(t, db, schedChat, slots...)
		now := slot0.Add(time.Hour)
		for i, sl := range slots {
			sl.Schedule = s.ID
			var (
				wg   sync.WaitGroup
				wins [2]bool
				errs [2]error
			)
			for g := range 2 {
				wg.Go(func() {
					wins[g], errs[g] = db.ClaimSlot(ctx, sl, []string{"a", "b"}[g], now, now.Add(time.Minute))
				})
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					t.Errorf("round %d: got error %v, want none", i, err)
					if strings.Contains(err.Error(), "locked") {
						t.Errorf("round %d: the database was locked", i)
					}
				}
			}
			if wins[0] == wins[1] {
				t.Errorf("round %d: got wins %v, want exactly one", i, wins)
			}
			if got := slotAt(t, db, s.ID, sl.Wall); got.Attempts != 1 || got.Status != scam.SlotPosting {
				t.Errorf("round %d: got %d attempts, status %s, want 1 and posting", i, got.Attempts, got.Status)
			}
		}
	})
}

// claimed returns a slot of a fresh schedule of schedChat, claimed by owner
// at slot0 with a one-minute lease, as OpenSlots handed it out.
func claimed(t *testing.T, db *DB, owner string) scam.Slot {
	t.Helper()
	ctx := context.Background()
	s := withSlots(t, db, schedChat)
	open, err := db.OpenSlots(ctx, slot0, []string{schedChat.Platform}, 10)
	if err != nil || len(open) != 1 {
		t.Fatalf("OpenSlots: got %+v, %v, want one slot", open, err)
	}
	sl := open[0]
	if ok, err := db.ClaimSlot(ctx, sl, owner, slot0, slot0.Add(time.Minute)); err != nil || !ok {
		t.Fatalf("ClaimSlot: got %t, %v, want true", ok, err)
	}
	if sl.Schedule != s.ID {
		t.Fatalf("got slot of schedule %d, want %d", sl.Schedule, s.ID)
	}
	return sl
}

func wantSeen(t *testing.T, db *DB, chat scam.ChatRef, want []string, wantLast time.Time) {
	t.Helper()
	got, last, err := db.TipsSeen(context.Background(), chat, 100)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) || !last.Equal(wantLast) {
		t.Errorf("TipsSeen: got %q at %s, want %q at %s", got, last, want, wantLast)
	}
}

func TestFinishSlot(t *testing.T) {
	ctx := context.Background()
	postedAt := slot0.Add(10 * time.Second)
	t.Run("posted by the owner records the tip and the chat has seen it", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		sl.Status, sl.TipID, sl.Posted = scam.SlotPosted, "tip-1", postedAt
		if err := db.FinishSlot(ctx, sl, "a"); err != nil {
			t.Fatal(err)
		}
		got := slotAt(t, db, sl.Schedule, sl.Wall)
		if got.Status != scam.SlotPosted || got.TipID != "tip-1" || !got.Posted.Equal(postedAt) {
			t.Errorf("got %+v, want posted tip-1 at %s", got, postedAt)
		}
		wantSeen(t, db, schedChat, []string{"tip-1"}, postedAt)
		if open, _ := db.OpenSlots(ctx, day(1), []string{"telegram"}, 10); len(open) != 0 {
			t.Errorf("got %d open slots, want 0", len(open))
		}
	})
	t.Run("another owner changes nothing", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		before := slotAt(t, db, sl.Schedule, sl.Wall)
		for _, status := range []scam.SlotStatus{scam.SlotPosted, scam.SlotPending, scam.SlotMissed} {
			x := sl
			x.Status, x.TipID, x.Posted, x.Reason, x.RetryAt = status, "tip-1", postedAt, "failed", slot0.Add(time.Hour)
			if err := db.FinishSlot(ctx, x, "b"); err != nil {
				t.Fatal(err)
			}
		}
		if got := slotAt(t, db, sl.Schedule, sl.Wall); !reflect.DeepEqual(got, before) {
			t.Errorf("got %+v, want it unchanged: %+v", got, before)
		}
		wantSeen(t, db, schedChat, nil, time.Time{})
	})
	t.Run("pending with a retry time hands the slot back until then", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		retry := slot0.Add(5 * time.Minute)
		sl.Status, sl.RetryAt = scam.SlotPending, retry
		if err := db.FinishSlot(ctx, sl, "a"); err != nil {
			t.Fatal(err)
		}
		got := slotAt(t, db, sl.Schedule, sl.Wall)
		if got.Status != scam.SlotPending || got.Owner != "" || !got.RetryAt.Equal(retry) {
			t.Errorf("got %+v, want pending with no owner until %s", got, retry)
		}
		if ok, err := db.ClaimSlot(ctx, sl, "b", retry.Add(-time.Second), retry.Add(time.Minute)); err != nil || ok {
			t.Errorf("claim before the retry time: got %t, %v, want false", ok, err)
		}
		if ok, err := db.ClaimSlot(ctx, sl, "b", retry, retry.Add(time.Minute)); err != nil || !ok {
			t.Errorf("claim at the retry time: got %t, %v, want true", ok, err)
		}
		if got := slotAt(t, db, sl.Schedule, sl.Wall); got.Owner != "b" || got.Attempts != 2 {
			t.Errorf("got owner %q with %d attempts, want b with 2", got.Owner, got.Attempts)
		}
		wantSeen(t, db, schedChat, nil, time.Time{})
	})
	t.Run("missed with a reason closes the slot", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		sl.Status, sl.Reason = scam.SlotMissed, "failed"
		if err := db.FinishSlot(ctx, sl, "a"); err != nil {
			t.Fatal(err)
		}
		if got := slotAt(t, db, sl.Schedule, sl.Wall); got.Status != scam.SlotMissed || got.Reason != "failed" {
			t.Errorf("got %s/%q, want missed/failed", got.Status, got.Reason)
		}
		wantSeen(t, db, schedChat, nil, time.Time{})
	})
	for _, status := range []scam.SlotStatus{scam.SlotPosting, scam.SlotSkipped, ""} {
		t.Run("finishing as \""+string(status)+"\" is refused", func(t *testing.T) {
			db := openTemp(t)
			sl := claimed(t, db, "a")
			before := slotAt(t, db, sl.Schedule, sl.Wall)
			sl.Status = status
			wantCode(t, db.FinishSlot(ctx, sl, "a"), scam.CodeBadArgument)
			if got := slotAt(t, db, sl.Schedule, sl.Wall); !reflect.DeepEqual(got, before) {
				t.Errorf("got %+v, want it unchanged: %+v", got, before)
			}
		})
	}
}

func TestExpireSlot(t *testing.T) {
	ctx := context.Background()
	leaseEnd := slot0.Add(time.Minute)
	expire := func(t *testing.T, db *DB, sl scam.Slot) {
		t.Helper()
		if ok, err := db.ExpireSlot(ctx, sl, leaseEnd); err != nil || !ok {
			t.Fatalf("ExpireSlot at the end of the lease: got %t, %v, want true", ok, err)
		}
	}
	t.Run("a posting slot is missed as interrupted once its lease ends, not before", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		if ok, err := db.ExpireSlot(ctx, sl, leaseEnd.Add(-time.Second)); err != nil || ok {
			t.Fatalf("before the lease ends: got %t, %v, want false", ok, err)
		}
		if got := slotAt(t, db, sl.Schedule, sl.Wall); got.Status != scam.SlotPosting {
			t.Fatalf("got %s, want still posting", got.Status)
		}
		expire(t, db, sl)
		if got := slotAt(t, db, sl.Schedule, sl.Wall); got.Status != scam.SlotMissed || got.Reason != "interrupted" {
			t.Errorf("got %s/%q, want missed/interrupted", got.Status, got.Reason)
		}
		if ok, err := db.ExpireSlot(ctx, sl, leaseEnd); err != nil || ok {
			t.Errorf("a second expiry: got %t, %v, want false", ok, err)
		}
		if open, _ := db.OpenSlots(ctx, day(1), []string{"telegram"}, 10); len(open) != 0 {
			t.Errorf("got %d open slots, want 0", len(open))
		}
	})
	t.Run("a pending slot does not expire", func(t *testing.T) {
		db := openTemp(t)
		s := withSlots(t, db, schedChat)
		if ok, err := db.ExpireSlot(ctx, scam.Slot{Schedule: s.ID, Wall: slot0}, day(1)); err != nil || ok {
			t.Errorf("got %t, %v, want false", ok, err)
		}
	})
	t.Run("a late posted finish by the owner turns it into posted", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		expire(t, db, sl)
		sl.Status, sl.TipID, sl.Posted = scam.SlotPosted, "tip-1", leaseEnd.Add(time.Second)
		if err := db.FinishSlot(ctx, sl, "a"); err != nil {
			t.Fatal(err)
		}
		if got := slotAt(t, db, sl.Schedule, sl.Wall); got.Status != scam.SlotPosted || got.TipID != "tip-1" {
			t.Errorf("got %s tip %q, want posted tip-1", got.Status, got.TipID)
		}
		wantSeen(t, db, schedChat, []string{"tip-1"}, sl.Posted)
	})
	t.Run("a late posted finish by another owner changes nothing", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		expire(t, db, sl)
		sl.Status, sl.TipID, sl.Posted = scam.SlotPosted, "tip-1", leaseEnd.Add(time.Second)
		if err := db.FinishSlot(ctx, sl, "b"); err != nil {
			t.Fatal(err)
		}
		if got := slotAt(t, db, sl.Schedule, sl.Wall); got.Status != scam.SlotMissed {
			t.Errorf("got %s, want still missed", got.Status)
		}
		wantSeen(t, db, schedChat, nil, time.Time{})
	})
	t.Run("a late pending finish does not reopen it", func(t *testing.T) {
		db := openTemp(t)
		sl := claimed(t, db, "a")
		expire(t, db, sl)
		sl.Status, sl.RetryAt = scam.SlotPending, leaseEnd.Add(time.Minute)
		if err := db.FinishSlot(ctx, sl, "a"); err != nil {
			t.Fatal(err)
		}
		if got := slotAt(t, db, sl.Schedule, sl.Wall); got.Status != scam.SlotMissed || got.Reason != "interrupted" {
			t.Errorf("got %s/%q, want still missed/interrupted", got.Status, got.Reason)
		}
		if open, _ := db.OpenSlots(ctx, day(1), []string{"telegram"}, 10); len(open) != 0 {
			t.Errorf("got %d open slots, want 0", len(open))
		}
	})
}

func TestRecordTipAndTipsSeen(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	at := func(h int) time.Time { return time.Date(2026, 3, 10, h, 0, 0, 0, time.UTC) }
	// Recorded out of order: TipsSeen orders by time.
	for _, r := range []struct {
		chat scam.ChatRef
		tip  string
		at   time.Time
	}{
		{schedChat, "t2", at(11)},
		{schedChat, "t1", at(10)},
		{schedOther, "x", at(13)},
		{schedChat, "t3", at(12)},
	} {
		if err := db.RecordTip(ctx, r.chat, r.tip, r.at); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name     string
		chat     scam.ChatRef
		limit    int
		want     []string
		wantLast time.Time
	}{
		{"all of a chat's tips, oldest first", schedChat, 10, []string{"t1", "t2", "t3"}, at(12)},
		{"a limit keeps the newest", schedChat, 2, []string{"t2", "t3"}, at(12)},
		{"a limit of one keeps the last", schedChat, 1, []string{"t3"}, at(12)},
		{"another chat has its own", schedOther, 10, []string{"x"}, at(13)},
		{"the same chat id on another platform has none", scam.ChatRef{Platform: "discord", ID: schedChat.ID}, 10, nil, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, last, err := db.TipsSeen(ctx, tt.chat, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) || !last.Equal(tt.wantLast) {
				t.Errorf("got %q at %s, want %q at %s", got, last, tt.want, tt.wantLast)
			}
		})
	}
}

func TestNextWake(t *testing.T) {
	ctx := context.Background()
	t.Run("an empty database has nothing waiting", func(t *testing.T) {
		db := openTemp(t)
		if got, err := db.NextWake(ctx, []string{"telegram", "discord"}); err != nil || !got.IsZero() {
			t.Errorf("got %s, %v, want zero", got, err)
		}
	})

	db := openTemp(t)
	// A telegram schedule now due tomorrow, with a slot retried at 09:30.
	s := withSlots(t, db, schedChat, scam.Slot{Wall: slot0, At: slot0, Until: slot0.Add(2 * time.Hour), Status: scam.SlotPending, RetryAt: slot0.Add(30 * time.Minute)})
	addSchedule(t, db, newSchedule(schedOther, day(0).Add(3*time.Hour)))
	paused := newSchedule(schedOther, slot0.Add(-2*time.Hour))
	paused.Paused = "removed"
	addSchedule(t, db, paused)
	addSchedule(t, db, newSchedule(schedDiscord, slot0.Add(-time.Hour)))
	tests := []struct {
		name      string
		platforms []string
		want      time.Time
	}{
		{"the open slot's retry comes before any running schedule", []string{"telegram"}, slot0.Add(30 * time.Minute)},
		{"the other platform has its own schedule", []string{"discord"}, slot0.Add(-time.Hour)},
		{"both platforms: the earliest of all", []string{"telegram", "discord"}, slot0.Add(-time.Hour)},
		{"no platform: nothing", nil, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.NextWake(ctx, tt.platforms)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("got %s, %v, want %s", got, err, tt.want)
			}
		})
	}
	t.Run("once the slot is done the earliest running schedule wakes", func(t *testing.T) {
		sl := slotAt(t, db, s.ID, slot0)
		if ok, err := db.ClaimSlot(ctx, sl, "a", slot0.Add(30*time.Minute), slot0.Add(31*time.Minute)); err != nil || !ok {
			t.Fatalf("ClaimSlot: got %t, %v, want true", ok, err)
		}
		if got, _ := db.NextWake(ctx, []string{"telegram"}); !got.Equal(slot0.Add(31 * time.Minute)) {
			t.Errorf("while posting: got %s, want the end of the lease %s", got, slot0.Add(31*time.Minute))
		}
		sl.Status, sl.TipID, sl.Posted = scam.SlotPosted, "tip-1", slot0.Add(30*time.Minute)
		if err := db.FinishSlot(ctx, sl, "a"); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.NextWake(ctx, []string{"telegram"}); !got.Equal(slot0.Add(3 * time.Hour)) {
			t.Errorf("got %s, want the other chat's schedule at %s", got, slot0.Add(3*time.Hour))
		}
	})
}
