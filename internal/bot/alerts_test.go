package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// member and admin post in the group; IsAdmin answers as the platform would.
func inGroup(userID, text string, admin bool) bot.Request {
	return bot.Request{
		Chat: group, ChatType: bot.Group, User: bot.User{ID: userID, Lang: "en"}, MessageID: "m-" + userID,
		Message:   scam.Message{Text: text},
		IsAdmin:   func(context.Context) (bool, error) { return admin, nil },
		ChatTitle: "Neighbours",
	}
}

func TestAlertsNeedAnAdminAndExplainWhatTheyNeed(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	got := only(t, b.Handle(ctx, inGroup("7", "/alerts on", false)))
	if !strings.Contains(got.Body.String(), "Only the group's admins") {
		t.Errorf("a member's /alerts on: %s", got.Body)
	}
	if s, _ := st.Settings(ctx, group); s.Alerts {
		t.Fatal("a member switched alerts on")
	}
	r := inGroup("1", "/alerts on", true)
	r.BotSeesAll = func(context.Context) (bool, error) { return false, nil }
	got = only(t, b.Handle(ctx, r))
	for _, want := range []string{"Scam alerts are now on", "privacy mode", "cannot read ordinary messages"} {
		if !strings.Contains(got.Body.String(), want) {
			t.Errorf("admin's /alerts on lacks %q: %s", want, got.Body)
		}
	}
	got = only(t, b.Handle(ctx, inGroup("7", "/alerts", false)))
	if !strings.Contains(got.Body.String(), "Scam alerts are on here, for messages that are very likely a scam") {
		t.Errorf("/alerts status: %s", got.Body)
	}
	got = only(t, b.Handle(ctx, inGroup("1", "/alerts level loud", true)))
	if !strings.Contains(got.Body.String(), "/alerts level high") {
		t.Errorf("/alerts level loud: %s", got.Body)
	}
}

func TestAlertsWarnCalmlyAndStayQuietOtherwise(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	b.Handle(ctx, inGroup("1", "/alerts on", true))

	for _, tc := range []struct {
		name string
		req  bot.Request
		warn bool
	}{
		{"a scam from a member gets a warning", inGroup("7", pigButchering, false), true},
		{"the same member again within ten minutes gets none", inGroup("7", pigButchering, false), false},
		{"ordinary chat gets nothing", inGroup("8", "Does anyone know a good bakery near the station? Mine closed.", false), false},
		{"a short message is not even checked", inGroup("8", "ok lol", false), false},
		{"an admin's message is never warned about", inGroup("1", pigButchering, true), false},
		{"an anonymous admin's neither", func() bot.Request { r := inGroup("9", pigButchering, false); r.FromAdmin = true; return r }(), false},
		{"another member's scam does", inGroup("8", pigButchering, false), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := b.Handle(ctx, tc.req)
			if !tc.warn {
				if len(got) != 0 {
					t.Errorf("got %+v, want silence", got)
				}
				return
			}
			w := only(t, got)
			text := w.Body.String()
			if w.Chat != group || w.ReplyTo != tc.req.MessageID || !strings.Contains(text, "Careful") || !strings.Contains(text, "Red flags") {
				t.Errorf("warning = %+v\n%s", w, text)
			}
			if strings.Contains(text, "Lisa") {
				t.Errorf("the warning repeats the scam's text: %s", text)
			}
		})
	}
	if st.activity[group] == 0 {
		t.Error("group activity was not noted (the scheduler's only-if-active needs it)")
	}
	if st.counts["watch/high"] == 0 {
		t.Error("watched checks were not counted")
	}
}

func TestAlertsLevelMediumAndNotices(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	mods := scam.ChatRef{Platform: "telegram", ID: "-100999"}
	st.SaveSettings(ctx, group, scam.ChatSettings{Alerts: true, AlertLevel: scam.Medium, NoticeChat: mods.ID})
	got := b.Handle(ctx, inGroup("7", pigButchering, false))
	if len(got) != 2 {
		t.Fatalf("%d replies, want a warning and a notice: %+v", len(got), got)
	}
	if got[1].Chat != mods || !strings.Contains(got[1].Body.String(), "Scam alert in Neighbours") {
		t.Errorf("notice = %+v\n%s", got[1], got[1].Body)
	}
}

func TestModeratorNoticesArePairedWithACode(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	b.Handle(ctx, inGroup("1", "/alerts on", true))
	if got := only(t, b.Handle(ctx, inGroup("7", "/alerts notify", false))).Body.String(); !strings.Contains(got, "Only the group's admins") {
		t.Errorf("a member asked for a code: %s", got)
	}
	got := only(t, b.Handle(ctx, inGroup("1", "/alerts notify", true))).Body.String()
	i := strings.Index(got, "/alerts notify ")
	if i < 0 {
		t.Fatalf("no code handed out: %s", got)
	}
	code := strings.Fields(got[i+len("/alerts notify "):])[0]
	inPrivate := func(user, text string) bot.Request {
		return bot.Request{Chat: scam.ChatRef{Platform: "telegram", ID: user}, ChatType: bot.Private, User: bot.User{ID: user, Lang: "en"}, Message: scam.Message{Text: text}}
	}

	// Someone else who saw the code cannot take the notices.
	if got := only(t, b.Handle(ctx, inPrivate("7", "/alerts notify "+code))).Body.String(); !strings.Contains(got, "unknown or has expired") {
		t.Errorf("another user used the code: %s", got)
	}
	if got := only(t, b.Handle(ctx, inPrivate("1", "/alerts notify "+strings.ToUpper(code)))).Body.String(); !strings.Contains(got, "about Neighbours will come to this chat") {
		t.Errorf("the admin's private chat: %s", got)
	}
	if s, _ := st.Settings(ctx, group); s.NoticeChat != "1" {
		t.Errorf("notices go to %q, want the admin's private chat", s.NoticeChat)
	}
	if got := only(t, b.Handle(ctx, inPrivate("1", "/alerts notify "+code))).Body.String(); !strings.Contains(got, "unknown or has expired") {
		t.Errorf("a code worked twice: %s", got)
	}
	replies := b.Handle(ctx, inGroup("8", pigButchering, false))
	if len(replies) != 2 || replies[1].Chat.ID != "1" {
		t.Errorf("the notice did not go to the paired chat: %+v", replies)
	}
	only(t, b.Handle(ctx, inGroup("1", "/alerts notify off", true)))
	if s, _ := st.Settings(ctx, group); s.NoticeChat != "" {
		t.Errorf("notices still go to %q", s.NoticeChat)
	}
}

func TestStructuredAlertsAndPrivateAnswers(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	r := inGroup("1", "/alerts on medium", true)
	r.Options = map[string]string{bot.OptNotify: "-100999"}
	only(t, b.Handle(ctx, r))
	if s, _ := st.Settings(ctx, group); !s.Alerts || s.AlertLevel != scam.Medium || s.NoticeChat != "-100999" {
		t.Errorf("settings = %+v", s)
	}
	// A check the platform shows to the user alone is answered in full, in
	// the user's language, though the group speaks English.
	st.SaveSettings(ctx, group, scam.ChatSettings{Lang: "en", AlertLevel: scam.High})
	c := inGroup("7", "/check "+pigButchering, false)
	c.User.Lang = "fr"
	c.PrivateAnswer = true
	got := only(t, b.Handle(ctx, c))
	if got.ToUser || !strings.Contains(got.Body.String(), "Très probablement une arnaque") || !strings.Contains(got.Body.String(), "Signaux d'alerte") {
		t.Errorf("private answer = %+v\n%s", got, got.Body)
	}
}
