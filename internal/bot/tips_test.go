package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
)

// memSchedules keeps schedules in memory, checked by schedule.Prepare as
// the real service does.
type memSchedules struct {
	mu   sync.Mutex
	list []scam.Schedule
}

func (m *memSchedules) Add(_ context.Context, s scam.Schedule) (scam.Schedule, error) {
	s, err := schedule.Prepare(s, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	if err != nil {
		return s, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s.ID = int64(len(m.list) + 1)
	m.list = append(m.list, s)
	return s, nil
}

func (m *memSchedules) List(_ context.Context, c scam.ChatRef) ([]scam.Schedule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []scam.Schedule
	for _, s := range m.list {
		if s.Chat == c {
			out = append(out, s)
		}
	}
	return out, nil
}

func (m *memSchedules) SetTags(_ context.Context, c scam.ChatRef, tags []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.list {
		if m.list[i].Chat == c {
			m.list[i].Tags = tags
		}
	}
	return nil
}

func (m *memSchedules) RemoveAll(_ context.Context, c scam.ChatRef) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	kept := m.list[:0]
	for _, s := range m.list {
		if s.Chat != c {
			kept = append(kept, s)
		}
	}
	n := len(m.list) - len(kept)
	m.list = kept
	return n, nil
}

func (m *memSchedules) Remove(_ context.Context, c scam.ChatRef, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, s := range m.list {
		if s.Chat == c && s.ID == id {
			m.list = append(m.list[:i], m.list[i+1:]...)
			return nil
		}
	}
	return scam.Errorf(scam.CodeNotFound, "no such schedule")
}

func (m *memSchedules) Pause(_ context.Context, c scam.ChatRef, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.list {
		if m.list[i].Chat == c && m.list[i].Paused == "" {
			m.list[i].Paused = reason
		}
	}
	return nil
}

func TestRemovedFromAGroupPausesItsTips(t *testing.T) {
	sched := &memSchedules{}
	newBot(t)
	st := newMemStore()
	b := bot.New(engine, catalog, directory, st, fixedTips{}, bot.Config{Schedules: sched})
	ctx := t.Context()
	only(t, b.Handle(ctx, inGroup("1", "/tips daily 18:00", true)))
	st.SaveSettings(ctx, group, scam.ChatSettings{AlertLevel: scam.High, NoticeChat: "-100999"})
	got := b.Handle(ctx, bot.Request{Chat: group, ChatType: bot.Group, ChatTitle: "Neighbours", Removed: true})
	if len(got) != 1 || got[0].Chat.ID != "-100999" || !strings.Contains(got[0].Body.String(), "Scheduled tips for Neighbours are paused") {
		t.Errorf("the moderators were not told: %+v", got)
	}
	if len(sched.list) != 1 || sched.list[0].Paused != bot.ReasonRemoved {
		t.Fatalf("schedules after removal: %+v", sched.list)
	}
	if got := only(t, b.Handle(ctx, inGroup("1", "/tips list", true))).Body.String(); !strings.Contains(got, "removed") {
		t.Errorf("the list does not say the schedule is paused: %s", got)
	}
}

func TestTipsCommands(t *testing.T) {
	sched := &memSchedules{}
	newBot(t) // loads engine, catalog and directory
	b := bot.New(engine, catalog, directory, newMemStore(), fixedTips{}, bot.Config{Schedules: sched})
	ctx := t.Context()
	for _, tc := range []struct {
		name  string
		req   bot.Request
		want  string
		count int // schedules after
	}{
		{"a member may not schedule tips", inGroup("7", "/tips daily 18:00", false), "Only the group's admins", 0},
		{"an admin schedules weekly tips in Manila time", inGroup("1", "/tips every monday 09:00 Asia/Manila", true), "Tips scheduled: weekly mon 09:00 (Asia/Manila), next: Mon 30 Nov 09:00", 1},
		{"daily tips default to UTC", inGroup("1", "/tips daily 18:00", true), "daily 18:00 (UTC), next: Wed 25 Nov 18:00", 2},
		{"a wrong time is explained", inGroup("1", "/tips daily 25:00", true), "not a time of day", 2},
		{"an unknown zone is explained", inGroup("1", "/tips daily 09:00 Mars/Olympus", true), "not a time zone", 2},
		{"tags narrow the topics", inGroup("1", "/tips tags job, task", true), "now about: job, task", 2},
		{"an unknown tag is explained", inGroup("1", "/tips tags jobs", true), `"jobs" is not a tip topic`, 2},
		{"the list shows each schedule with its number", inGroup("7", "/tips list", true), "#1 weekly mon 09:00 (Asia/Manila)", 2},
		{"now posts a tip", inGroup("1", "/tips now", true), "Scam awareness tip", 2},
		{"a schedule is removed by its number", inGroup("1", "/tips remove #1", true), "Schedule #1 removed", 1},
		{"an unknown number is explained", inGroup("1", "/tips remove 9", true), "no schedule #9 here", 1},
		{"options set the language and tags", func() bot.Request {
			r := inGroup("1", "/tips daily 07:00", true)
			r.Options = map[string]string{bot.OptLang: "fr", bot.OptTags: "job,task"}
			return r
		}(), "daily 07:00 (UTC)", 2},
		{"off stops them", inGroup("1", "/tips off", true), "stopped", 0},
		{"in a private chat tips are not scheduled", private("/tips daily 09:00"), "/tip for a tip now", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := only(t, b.Handle(ctx, tc.req))
			if !strings.Contains(got.Body.String(), tc.want) {
				t.Errorf("reply lacks %q:\n%s", tc.want, got.Body)
			}
			if n := len(sched.list); n != tc.count {
				t.Errorf("%d schedules, want %d", n, tc.count)
			}
		})
	}
}

func TestTipSourcesLinkOnlyWholeAddresses(t *testing.T) {
	b, _ := newBot(t)
	tip := scam.Tip{ID: "x", Lang: "en", Title: "T", Body: "B", Sources: []string{"https://example.org/a", "https://www.straitstimes.com/singapore/easier-to-..."}}
	var spans []bot.Span
	for _, bl := range b.TipText(tip, "en") {
		spans = append(spans, bl.Spans...)
	}
	var links, named int
	for _, s := range spans {
		if s.Link == "https://example.org/a" {
			links++
		}
		if strings.Contains(s.Link, "straitstimes") {
			t.Errorf("a cut address became a link: %+v", s)
		}
		if s.Text == "2 (straitstimes.com)" {
			named++
		}
	}
	if links != 1 || named != 1 {
		t.Errorf("sources rendered as %+v", spans)
	}
}

func TestTipsOptionsFromAStructuredCommand(t *testing.T) {
	sched := &memSchedules{}
	newBot(t)
	b := bot.New(engine, catalog, directory, newMemStore(), fixedTips{}, bot.Config{Schedules: sched})
	r := inGroup("1", "/tips daily 07:00 Asia/Bangkok", true)
	r.Options = map[string]string{bot.OptLang: "zh", bot.OptTags: "job, task"}
	only(t, b.Handle(t.Context(), r))
	if len(sched.list) != 1 || sched.list[0].Lang != "zh" || strings.Join(sched.list[0].Tags, ",") != "job,task" {
		t.Errorf("schedule = %+v", sched.list)
	}
	r.Options = map[string]string{bot.OptLang: "xx"}
	if got, want := only(t, b.Handle(t.Context(), r)).Body.String(), strings.Join(catalog.Languages(), ", "); !strings.Contains(got, want) {
		t.Errorf("an unknown language: %s; want the known ones listed: %s", got, want)
	}
}

func TestPrivatelyAnsweredTipsCommandsPostInTheChatsLanguage(t *testing.T) {
	sched := &memSchedules{}
	newBot(t)
	b := bot.New(engine, catalog, directory, newMemStore(), fixedTips{}, bot.Config{Schedules: sched})
	r := inGroup("1", "/tips daily 07:00", true)
	r.User.Lang, r.ChatLang, r.PrivateAnswer = "zh-CN", "fr", true
	got := only(t, b.Handle(t.Context(), r)).Body.String()
	if len(sched.list) != 1 || sched.list[0].Lang != "fr" {
		t.Errorf("schedule language %+v, want the server's (fr)", sched.list)
	}
	if !strings.Contains(got, "已") && !strings.Contains(got, "定时") {
		t.Errorf("the admin's answer is not in their language: %s", got)
	}
}
