package bot_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

// memStore keeps what a bot.Store keeps, in memory.
type memStore struct {
	mu       sync.Mutex
	settings map[scam.ChatRef]scam.ChatSettings
	counts   map[string]int
	feedback []scam.Feedback
	tips     map[scam.ChatRef][]string
	allow    bool
	used     map[string]int
	activity map[scam.ChatRef]int
}

func newMemStore() *memStore {
	return &memStore{settings: map[scam.ChatRef]scam.ChatSettings{}, counts: map[string]int{}, tips: map[scam.ChatRef][]string{},
		allow: true, used: map[string]int{}, activity: map[scam.ChatRef]int{}}
}

func (m *memStore) Settings(_ context.Context, c scam.ChatRef) (scam.ChatSettings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.settings[c]
	if !ok {
		s.AlertLevel = scam.High
	}
	return s, nil
}

func (m *memStore) SaveSettings(_ context.Context, c scam.ChatRef, s scam.ChatSettings) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.settings[c] = s
	return nil
}

// Allow counts per scope and user; the tests never cross a window.
func (m *memStore) Allow(_ context.Context, scope, user string, limit int, _ time.Duration, _ time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := scope + "|" + user
	if !m.allow || m.used[k] >= limit {
		return false, nil
	}
	m.used[k]++
	return true, nil
}

func (m *memStore) NoteActivity(_ context.Context, c scam.ChatRef, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.activity[c]++
	return nil
}

func (m *memStore) LastActivity(_ context.Context, c scam.ChatRef) (time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.activity[c] == 0 {
		return time.Time{}, nil
	}
	return time.Unix(1, 0), nil
}

func (m *memStore) RecordFeedback(_ context.Context, f scam.Feedback) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feedback = append(m.feedback, f)
	return nil
}

func (m *memStore) CountCheck(_ context.Context, _ time.Time, platform, source string, level scam.Level, _ scam.Category) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts[source+"/"+level.String()]++
	return nil
}

func (m *memStore) TipsSeen(_ context.Context, c scam.ChatRef, _ int) ([]string, time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.tips[c]...), time.Time{}, nil
}

func (m *memStore) RecordTip(_ context.Context, c scam.ChatRef, id string, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tips[c] = append(m.tips[c], id)
	return nil
}

// fixedTips hands out "tip-N" titles in the language asked for.
type fixedTips struct{}

func (fixedTips) PickTip(_ scam.ChatRef, lang string, _, seen []string, _ time.Time) (scam.Tip, error) {
	n := len(seen) + 1
	return scam.Tip{ID: fmt.Sprintf("tip-%d", n), Lang: lang, Title: fmt.Sprintf("Title %d", n), Body: "First.\n\nSecond.", Sources: []string{"https://example.org/a"}}, nil
}

var (
	engineOnce sync.Once
	engine     *detect.Engine
	catalog    *wording.Catalog
	directory  *wording.Directory
)

func newBot(t *testing.T) (*bot.Bot, *memStore) {
	t.Helper()
	engineOnce.Do(func() {
		var err error
		if engine, err = detect.New(detect.Options{}); err != nil {
			panic(err)
		}
		if catalog, err = wording.Load(messages.FS()); err != nil {
			panic(err)
		}
		if directory, err = wording.LoadDirectory(messages.FS()); err != nil {
			panic(err)
		}
	})
	st := newMemStore()
	return bot.New(engine, catalog, directory, st, fixedTips{}, bot.Config{}), st
}

var (
	dm    = scam.ChatRef{Platform: "telegram", ID: "5001"}
	group = scam.ChatRef{Platform: "telegram", ID: "-100777"}
	alice = bot.User{ID: "5001", Lang: "en", Started: true}
)

const pigButchering = "Hi dear, I'm Lisa. My uncle is an analyst at a crypto platform; with his insider signals I earned 30% in a week. " +
	"Deposit USDT on https://gl0bal-coinex-trade.vip and I will guide you. Don't tell your family until you see the profit."

func private(text string) bot.Request {
	return bot.Request{Chat: dm, ChatType: bot.Private, User: alice, MessageID: "10", Message: scam.Message{Text: text}}
}

func only(t *testing.T, replies []bot.Reply) bot.Reply {
	t.Helper()
	if len(replies) != 1 {
		t.Fatalf("got %d replies, want 1: %+v", len(replies), replies)
	}
	return replies[0]
}

func TestPrivateChecks(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lang     string
		text     string
		forward  *scam.Forward
		want     []string
		dontWant []string
		buttons  bool
	}{
		{name: "a pig-butchering message is very likely a scam, with its red flags quoted", lang: "en", text: pigButchering,
			want: []string{"Very likely a scam", "Red flags found", "found: ", "What to do", "Tell us your country"}, buttons: true},
		{name: "the answer comes in French for a French user", lang: "fr-CA", text: pigButchering,
			want: []string{"arnaque"}, dontWant: []string{"Very likely a scam"}, buttons: true},
		{name: "the answer comes in Chinese for a Chinese user", lang: "zh-Hans", text: pigButchering,
			want: []string{"诈骗"}, buttons: true},
		{name: "ordinary chat has no strong red flags", lang: "en", text: "See you at the football game on Saturday, I'll bring snacks.",
			want: []string{"No strong red flags"}, dontWant: []string{"Where to report"}, buttons: true},
		{name: "a forward from a hidden account says so among the facts", lang: "en", text: pigButchering,
			forward: &scam.Forward{HiddenSender: true}, want: []string{"hid"}, buttons: true},
		{name: "an empty message asks for something to check", lang: "en", text: "   ",
			want: []string{"nothing to check"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := newBot(t)
			r := private(tc.text)
			r.User.Lang = tc.lang
			r.Message.Forward = tc.forward
			got := only(t, b.Handle(t.Context(), r))
			text := got.Body.String()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("reply lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tc.dontWant {
				if strings.Contains(text, w) {
					t.Errorf("reply has %q:\n%s", w, text)
				}
			}
			if got.ReplyTo != "10" || got.Chat != dm {
				t.Errorf("reply goes to %v/%q, want the user's message", got.Chat, got.ReplyTo)
			}
			if (len(got.Buttons) == 2) != tc.buttons {
				t.Errorf("buttons = %+v, want feedback buttons: %v", got.Buttons, tc.buttons)
			}
			for _, btn := range got.Buttons {
				if len(btn.Data) > 64 {
					t.Errorf("button data %q is over Telegram's 64 bytes", btn.Data)
				}
			}
		})
	}
}

func TestCountrySettingShowsWhereToReport(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	got := only(t, b.Handle(ctx, private("/country ph")))
	if !strings.Contains(got.Body.String(), "Philippines") {
		t.Errorf("/country ph: %s", got.Body)
	}
	got = only(t, b.Handle(ctx, private(pigButchering)))
	if !strings.Contains(got.Body.String(), "Where to report: Philippines") {
		t.Errorf("a check after /country ph does not say where to report there:\n%s", got.Body)
	}
	if n := st.counts["check/high"]; n != 1 {
		t.Errorf("checks counted as high = %d, want 1", n)
	}
	got = only(t, b.Handle(ctx, private("/country XX1")))
	if !strings.Contains(got.Body.String(), "two-letter code") {
		t.Errorf("/country XX1: %s", got.Body)
	}
}

func TestLanguageCommand(t *testing.T) {
	b, _ := newBot(t)
	ctx := t.Context()
	got := only(t, b.Handle(ctx, private("/language fr")))
	if !strings.Contains(got.Body.String(), "Désormais") {
		t.Errorf("/language fr: %s", got.Body)
	}
	got = only(t, b.Handle(ctx, private("/help")))
	if !strings.Contains(got.Body.String(), "scamwarn") || strings.Contains(got.Body.String(), "Forward or paste") {
		t.Errorf("/help after /language fr is not in French: %s", got.Body)
	}
	got = only(t, b.Handle(ctx, private("/language klingon")))
	if !strings.Contains(got.Body.String(), "/language") {
		t.Errorf("/language klingon does not say how: %s", got.Body)
	}
}

func TestFeedbackButtonsRecordAVoteWithoutText(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	answer := only(t, b.Handle(ctx, private(pigButchering)))
	wrong := answer.Buttons[1]
	press := bot.Request{Chat: dm, ChatType: bot.Private, User: alice, Button: wrong.Data}
	ack := only(t, b.Handle(ctx, press))
	if ack.Toast == "" || !ack.DropButtons {
		t.Errorf("button ack = %+v, want a toast and the buttons dropped", ack)
	}
	if len(st.feedback) != 1 {
		t.Fatalf("feedback recorded %d times, want 1", len(st.feedback))
	}
	f := st.feedback[0]
	if f.Helpful || f.Level != scam.High || len(f.Rules) == 0 {
		t.Errorf("feedback = %+v, want a 'wrong' vote on a high verdict with its rules", f)
	}
	if strings.Contains(fmt.Sprint(f), "Lisa") {
		t.Errorf("feedback holds message text: %+v", f)
	}
	bad := only(t, b.Handle(ctx, bot.Request{Chat: dm, ChatType: bot.Private, User: alice, Button: "fb:x:1:9:zz"}))
	if bad.Toast == "" || len(st.feedback) != 1 {
		t.Errorf("a forged button: %+v, feedback %d", bad, len(st.feedback))
	}
}

func TestGroupCheckInReply(t *testing.T) {
	for _, tc := range []struct {
		name      string
		started   bool
		wroteOnce bool // the user wrote to the bot privately before
		replies   int
		want      string
	}{
		{"a user who started the bot gets a short answer in the group and the details privately", true, false, 2, "private chat with me"},
		{"a user the bot remembers from a private chat gets the details privately", false, true, 2, "private chat with me"},
		{"a user who did not gets a short answer and how to get details", false, false, 1, "open a private chat"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := newBot(t)
			if tc.wroteOnce {
				b.Handle(t.Context(), bot.Request{Chat: scam.ChatRef{Platform: "telegram", ID: "42"}, ChatType: bot.Private,
					User: bot.User{ID: "42", Lang: "en"}, Message: scam.Message{Text: "/start"}})
			}
			r := bot.Request{
				Chat: group, ChatType: bot.Group, User: bot.User{ID: "42", Lang: "en", Started: tc.started}, MessageID: "200",
				Message: scam.Message{Text: "/check@scamwarn_bot"},
				ReplyTo: &bot.Replied{MessageID: "199", Message: scam.Message{Text: pigButchering}},
			}
			got := b.Handle(t.Context(), r)
			if len(got) != tc.replies {
				t.Fatalf("%d replies, want %d: %+v", len(got), tc.replies, got)
			}
			short := got[0]
			if short.Chat != group || short.ReplyTo != "199" {
				t.Errorf("the short answer goes to %v/%q, want a reply to the checked message", short.Chat, short.ReplyTo)
			}
			if !strings.Contains(short.Body.String(), "Very likely a scam") || !strings.Contains(short.Body.String(), tc.want) {
				t.Errorf("short answer: %s", short.Body)
			}
			if strings.Contains(short.Body.String(), "Red flags found") {
				t.Errorf("the group answer is not short: %s", short.Body)
			}
			if tc.replies == 2 && (!got[1].ToUser || !strings.Contains(got[1].Body.String(), "Red flags found")) {
				t.Errorf("private details: %+v", got[1])
			}
		})
	}
}

func TestGroupSettingsNeedAnAdmin(t *testing.T) {
	for _, tc := range []struct {
		name      string
		admin     bool
		fromAdmin bool
		want      string
	}{
		{"a member may not change the group's language", false, false, "Only the group's admins"},
		{"an admin may", true, false, "Désormais"},
		{"an anonymous admin (posting as the group) may", false, true, "Désormais"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := newBot(t)
			r := bot.Request{
				Chat: group, ChatType: bot.Group, User: bot.User{ID: "42", Lang: "en"}, MessageID: "1",
				Message: scam.Message{Text: "/language fr"}, FromAdmin: tc.fromAdmin,
				IsAdmin: func(context.Context) (bool, error) { return tc.admin, nil },
			}
			got := only(t, b.Handle(t.Context(), r))
			if !strings.Contains(got.Body.String(), tc.want) {
				t.Errorf("got %s, want %q", got.Body, tc.want)
			}
		})
	}
}

func TestCommandsAndOddInput(t *testing.T) {
	b, st := newBot(t)
	ctx := t.Context()
	for _, tc := range []struct {
		name string
		req  bot.Request
		want string // "" means no reply at all
	}{
		{"/start explains the bot and privacy", private("/start"), "never ask you for money"},
		{"/privacy", private("/privacy"), "never your user id in clear"},
		{"/feedback explains the buttons", private("/feedback"), "This is wrong"},
		{"an unknown command in private", private("/frobnicate"), "/help"},
		{"/check without text", private("/check"), "Reply to a message with /check"},
		{"/tip posts a tip", private("/tip"), "Scam awareness tip: Title 1"},
		{"a path is not a command", private("/usr/bin is a folder"), "No strong red flags"},
		{"invalid UTF-8 is checked without a panic", private("hello \xff\xfe world"), "No strong red flags"},
		{"a huge message is checked in part", private(strings.Repeat("win money now ", 20000)), "first"},
		{"another bot's command in a group is ignored", bot.Request{Chat: group, ChatType: bot.Group, User: alice, Message: scam.Message{Text: "/roll d20"}}, ""},
		{"group chatter gets nothing", bot.Request{Chat: group, ChatType: bot.Group, User: alice, Message: scam.Message{Text: pigButchering}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := b.Handle(ctx, tc.req)
			if tc.want == "" {
				if len(got) != 0 {
					t.Errorf("got %+v, want no reply", got)
				}
				return
			}
			if text := only(t, got).Body.String(); !strings.Contains(text, tc.want) {
				t.Errorf("reply lacks %q:\n%.600s", tc.want, text)
			}
		})
	}
	if seen := st.tips[scam.ChatRef{Platform: "telegram", ID: "5001"}]; len(seen) != 1 {
		t.Errorf("tips remembered = %v, want the one posted", seen)
	}
}

func TestRateLimitedUserIsToldCalmly(t *testing.T) {
	b, st := newBot(t)
	st.allow = false
	got := only(t, b.Handle(t.Context(), private(pigButchering)))
	if !strings.Contains(got.Body.String(), "try again in a minute") {
		t.Errorf("got %s", got.Body)
	}
}
