package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

var testChat = scam.ChatRef{Platform: "telegram", ID: "-1001234567890"}

func TestSettingsOfAnUnknownChatAreTheDefaults(t *testing.T) {
	db := openTemp(t)
	got, err := db.Settings(context.Background(), testChat)
	if err != nil {
		t.Fatal(err)
	}
	want := scam.ChatSettings{Alerts: false, AlertLevel: scam.High}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestSavedSettingsSurviveAReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	want := scam.ChatSettings{Lang: "fr-CA", Country: "SG", Alerts: true, AlertLevel: scam.Medium, NoticeChat: "-100555"}
	other := scam.ChatRef{Platform: "discord", ID: "42"}
	active := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if err := db.SaveSettings(ctx, testChat, want); err != nil {
		t.Fatal(err)
	}
	if err := db.NoteActivity(ctx, testChat, active); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveSettings(ctx, other, scam.ChatSettings{AlertLevel: scam.High}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if got, err := db.Settings(ctx, testChat); err != nil || got != want {
		t.Errorf("settings after reopen: got %+v, %v, want %+v", got, err, want)
	}
	if got, err := db.LastActivity(ctx, testChat); err != nil || !got.Equal(active) {
		t.Errorf("last activity after reopen: got %v, %v, want %v", got, err, active)
	}
	if got, _ := db.Settings(ctx, other); got.Alerts || got.AlertLevel != scam.High {
		t.Errorf("the other chat's settings: got %+v, want alerts off at high", got)
	}
}

func TestSaveSettingsReplacesAndKeepsActivity(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	active := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if err := db.NoteActivity(ctx, testChat, active); err != nil {
		t.Fatal(err)
	}
	for _, s := range []scam.ChatSettings{
		{Lang: "en", Alerts: true, AlertLevel: scam.Medium, NoticeChat: "x"},
		{Lang: "zh", AlertLevel: scam.High},
	} {
		if err := db.SaveSettings(ctx, testChat, s); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Settings(ctx, testChat); got != s {
			t.Errorf("got %+v, want %+v", got, s)
		}
	}
	if got, _ := db.LastActivity(ctx, testChat); !got.Equal(active) {
		t.Errorf("last activity after saving settings: got %v, want %v (untouched)", got, active)
	}
}

func TestSaveSettingsRejectsBadValues(t *testing.T) {
	db := openTemp(t)
	ok := scam.ChatSettings{AlertLevel: scam.High}
	tests := []struct {
		name string
		chat scam.ChatRef
		edit func(*scam.ChatSettings)
	}{
		{"an alert level of low is refused", testChat, func(s *scam.ChatSettings) { s.AlertLevel = scam.Low }},
		{"an alert level out of range is refused", testChat, func(s *scam.ChatSettings) { s.AlertLevel = 7 }},
		{"a lower-case country is refused", testChat, func(s *scam.ChatSettings) { s.Country = "sg" }},
		{"a three-letter country is refused", testChat, func(s *scam.ChatSettings) { s.Country = "SGP" }},
		{"a non-ASCII country is refused", testChat, func(s *scam.ChatSettings) { s.Country = "ÉS" }},
		{"a long language is refused", testChat, func(s *scam.ChatSettings) { s.Lang = strings.Repeat("a", 17) }},
		{"a language with a space is refused", testChat, func(s *scam.ChatSettings) { s.Lang = "en US" }},
		{"a language with an underscore is refused", testChat, func(s *scam.ChatSettings) { s.Lang = "en_US" }},
		{"a huge notice chat is refused", testChat, func(s *scam.ChatSettings) { s.NoticeChat = strings.Repeat("1", 200) }},
		{"a chat without a platform is refused", scam.ChatRef{ID: "1"}, func(*scam.ChatSettings) {}},
		{"a chat without an id is refused", scam.ChatRef{Platform: "telegram"}, func(*scam.ChatSettings) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			tt.edit(&s)
			err := db.SaveSettings(context.Background(), tt.chat, s)
			if got := scam.CodeOf(err); got != scam.CodeBadArgument {
				t.Fatalf("got %v (%s), want bad_argument", err, got)
			}
		})
	}
	t.Run("a sixteen-byte language with digits and hyphens is accepted", func(t *testing.T) {
		s := ok
		s.Lang = "zh-Hant-TW-x-abc"
		if err := db.SaveSettings(context.Background(), testChat, s); err != nil {
			t.Errorf("got %v, want success", err)
		}
	})
}

func TestNoteActivityOnlyMovesForward(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if got, err := db.LastActivity(ctx, testChat); err != nil || !got.IsZero() {
		t.Fatalf("before any activity: got %v, %v, want the zero time", got, err)
	}
	steps := []struct {
		name string
		at   time.Time
		want time.Time
	}{
		{"the first activity creates the chat", t0, t0},
		{"an earlier time does not move it back", t0.Add(-time.Hour), t0},
		{"a time within a minute is not written", t0.Add(30 * time.Second), t0},
		{"a time a minute later is written", t0.Add(61 * time.Second), t0.Add(61 * time.Second)},
		{"a day later is written", t0.Add(24 * time.Hour), t0.Add(24 * time.Hour)},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := db.NoteActivity(ctx, testChat, st.at); err != nil {
				t.Fatal(err)
			}
			got, err := db.LastActivity(ctx, testChat)
			if err != nil || !got.Equal(st.want) {
				t.Errorf("got %v, %v, want %v", got, err, st.want)
			}
		})
	}
	if got, _ := db.Settings(ctx, testChat); got != (scam.ChatSettings{AlertLevel: scam.High}) {
		t.Errorf("settings of a chat created by activity: got %+v, want the defaults", got)
	}
	if err := db.NoteActivity(ctx, testChat, time.Time{}); scam.CodeOf(err) != scam.CodeBadArgument {
		t.Errorf("activity at the zero time: got %v, want bad_argument", err)
	}
}

func TestMoveChatCarriesEverythingOver(t *testing.T) {
	db := openTemp(t)
	ctx := t.Context()
	old := scam.ChatRef{Platform: "telegram", ID: "-4001"}
	upgraded := scam.ChatRef{Platform: "telegram", ID: "-1004001"}
	other := scam.ChatRef{Platform: "telegram", ID: "-1009"}
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	if err := db.SaveSettings(ctx, old, scam.ChatSettings{Lang: "fr", Alerts: true, AlertLevel: scam.Medium, NoticeChat: old.ID}); err != nil {
		t.Fatal(err)
	}
	db.SaveSettings(ctx, other, scam.ChatSettings{Alerts: true, AlertLevel: scam.High, NoticeChat: old.ID})
	if _, err := db.AddSchedule(ctx, scam.Schedule{Chat: old, Cadence: "daily 09:00", Zone: "UTC", Lang: "fr", NextWall: t0, Next: t0}); err != nil {
		t.Fatal(err)
	}
	db.RecordTip(ctx, old, "tip-a", t0)

	for range 2 { // the old group and the new supergroup both announce it
		if err := db.MoveChat(ctx, old, upgraded); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := db.Settings(ctx, upgraded)
	if s.Lang != "fr" || !s.Alerts || s.AlertLevel != scam.Medium || s.NoticeChat != upgraded.ID {
		t.Errorf("settings after the move: %+v", s)
	}
	if s, _ := db.Settings(ctx, old); s.Alerts {
		t.Error("the old id kept its settings")
	}
	if s, _ := db.Settings(ctx, other); s.NoticeChat != upgraded.ID {
		t.Errorf("another group's notices still go to %q", s.NoticeChat)
	}
	list, _ := db.Schedules(ctx, upgraded)
	if len(list) != 1 || list[0].Chat != upgraded {
		t.Errorf("schedules after the move: %+v", list)
	}
	if seen, _, _ := db.TipsSeen(ctx, upgraded, 10); len(seen) != 1 {
		t.Errorf("tip history after the move: %v", seen)
	}
	if err := db.MoveChat(ctx, old, scam.ChatRef{Platform: "discord", ID: "1"}); scam.CodeOf(err) != scam.CodeBadArgument {
		t.Errorf("a move across platforms: %v", err)
	}
}
