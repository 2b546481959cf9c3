package telegram_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/bots/telegram"
	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// Written for these tests: a pig-butchering opener, a prize lure and
// ordinary group chat.
const (
	pigButchering = "Hi dear, I'm Lisa. My uncle is an analyst at a crypto platform; with his insider signals I earned 30% in a week. " +
		"Deposit USDT on https://gl0bal-coinex-trade.vip and I will guide you. Don't tell your family until you see the profit."
	prizeLure = "Congratulations! You won a free iPhone 16. Claim now at http://bit.ly/claim-prize and pay the 50 USD delivery fee by gift card within 24 hours."
	chatter   = "hello everyone, shall we meet for lunch at noon tomorrow?"
)

var (
	alice  = telegramtest.User{ID: 5001, FirstName: "Alice", LanguageCode: "en"}
	admin  = telegramtest.User{ID: 5002, FirstName: "Mod", LanguageCode: "en"}
	member = telegramtest.User{ID: 5003, FirstName: "Bob", LanguageCode: "fr"}
	group  = telegramtest.Group(-100123, "Neighbours")
)

func TestForwardedScamGetsAVerdictAndFeedbackButtons(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	h := start(t, srv, dbPath(t), options{})
	dm := telegramtest.PrivateChat(alice)

	u := telegramtest.Text(dm, &alice, pigButchering).ForwardedHidden("Lisa")
	srv.Push(u)
	got := h.replyTo(dm.ID, u.Message.MessageID)
	contains(t, "the verdict", got.Plain, "Very likely a scam", "Red flags found", "Deposit USDT", "hid their account")
	if got.ParseMode != "HTML" || !got.NoPreview {
		t.Errorf("parse mode %q, preview off %v", got.ParseMode, got.NoPreview)
	}
	if got.Markup == nil || len(got.Markup.InlineKeyboard) != 1 || len(got.Markup.InlineKeyboard[0]) != 2 {
		t.Fatalf("the verdict lacks its two buttons: %+v", got.Markup)
	}

	// Alice finds it helpful: the press is acknowledged, the buttons go.
	msg, ok := srv.Message(dm.ID, got.MessageID)
	if !ok {
		t.Fatal("the fake does not know the bot's message")
	}
	srv.Push(telegramtest.Callback(alice, msg, got.Markup.InlineKeyboard[0][0].CallbackData))
	wait(t, func(ctx context.Context) error {
		return srv.WaitFor(ctx, func(sent []telegramtest.Sent) bool {
			var acked, dropped bool
			for _, s := range sent {
				acked = acked || (s.Method == "answerCallbackQuery" && strings.Contains(s.Text, "Thank you"))
				dropped = dropped || (s.Method == "editMessageReplyMarkup" && s.MessageID == got.MessageID)
			}
			return acked && dropped
		})
	})
}

func TestTheCommandMenuIsSetInEachLanguage(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	start(t, srv, dbPath(t), options{})
	wait(t, func(ctx context.Context) error {
		for len(srv.Commands("", "fr")) == 0 || len(srv.Commands("", "")) == 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(10 * time.Millisecond):
			}
		}
		return nil
	})
	fr := srv.Commands("", "fr")
	if fr[0].Command != "check" || !strings.Contains(fr[0].Description, "Vérifier") {
		t.Errorf("French menu: %+v", fr)
	}
	if en := srv.Commands("", ""); len(en) != 9 || !strings.Contains(en[8].Description, "schedule") {
		t.Errorf("default menu: %+v", en)
	}
}

func TestGroupAlerts(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	srv.SetMember(group.ID, admin.ID, "administrator")
	srv.SetMember(group.ID, srv.Bot().ID, "administrator")
	h := start(t, srv, dbPath(t), options{})

	t.Run("a member may not switch alerts on", func(t *testing.T) {
		u := telegramtest.Text(group, &member, "/alerts on")
		srv.Push(u)
		contains(t, "the refusal", h.replyTo(group.ID, u.Message.MessageID).Plain, "administrateurs")
	})
	t.Run("an admin switches them on and hears what the bot can see", func(t *testing.T) {
		u := telegramtest.Text(group, &admin, "/alerts on")
		srv.Push(u)
		contains(t, "the answer", h.replyTo(group.ID, u.Message.MessageID).Plain, "Scam alerts are now on", "I can read the messages here")
	})
	t.Run("a scam gets a calm warning, ordinary chat nothing", func(t *testing.T) {
		quiet := telegramtest.Text(group, &member, chatter)
		srv.Push(quiet)
		fromAdmin := telegramtest.Text(group, &admin, prizeLure)
		srv.Push(fromAdmin)
		scamMsg := telegramtest.Text(group, &member, prizeLure)
		srv.Push(scamMsg)
		warning := h.replyTo(group.ID, scamMsg.Message.MessageID)
		contains(t, "the warning", warning.Plain, "arnaque", "Signaux d'alerte")
		// Updates of one chat are answered in order: by now the chatter
		// and the admin's message have had their (lack of) answer.
		for _, s := range h.sentTo(group.ID) {
			if s.ReplyTo == quiet.Message.MessageID || s.ReplyTo == fromAdmin.Message.MessageID {
				t.Errorf("the bot answered a message it should leave alone: %q", s.Plain)
			}
		}
	})
	t.Run("a message edited into a scam gets a warning too", func(t *testing.T) {
		carol := telegramtest.User{ID: 5004, FirstName: "Carol", LanguageCode: "en"}
		orig := telegramtest.Text(group, &carol, chatter)
		srv.Push(orig)
		edited := *orig.Message
		edited.Text, edited.Entities, edited.EditDate = prizeLure, nil, time.Now().Unix()
		srv.Push(telegramtest.Update{EditedMessage: &edited})
		contains(t, "the warning", h.replyTo(group.ID, orig.Message.MessageID).Plain, "Careful")
	})
	t.Run("reply /check, where alerts are off, answers under the checked message", func(t *testing.T) {
		other := telegramtest.Group(-100456, "Book club")
		target := telegramtest.Text(other, &alice, pigButchering)
		srv.Push(target)
		msg, _ := srv.Message(other.ID, target.Message.MessageID)
		ask := telegramtest.Text(other, &member, "/check@"+srv.Bot().Username).ReplyingTo(msg)
		srv.Push(ask)
		contains(t, "the short verdict", h.replyTo(other.ID, target.Message.MessageID).Plain, "Très probablement une arnaque")
	})
}

func TestAGroupBecomingASupergroupKeepsItsSettings(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	small := telegramtest.Chat{ID: -4001, Type: "group", Title: "Neighbours"}
	super := telegramtest.Group(-1004001, "Neighbours")
	srv.SetMember(small.ID, admin.ID, "creator")
	h := start(t, srv, dbPath(t), options{})
	for _, cmd := range []string{"/alerts on", "/tips daily 18:00"} {
		u := telegramtest.Text(small, &admin, cmd)
		srv.Push(u)
		h.replyTo(small.ID, u.Message.MessageID)
	}
	// Telegram's two service messages: in the old group, then the new.
	moved := telegramtest.Text(small, &admin, "")
	moved.Message.MigrateToChatID = super.ID
	srv.Push(moved)
	from := telegramtest.Text(super, &admin, "")
	from.Message.MigrateFromChatID = small.ID
	srv.Push(from)

	scamMsg := telegramtest.Text(super, &member, prizeLure)
	srv.Push(scamMsg)
	contains(t, "the warning in the supergroup", h.replyTo(super.ID, scamMsg.Message.MessageID).Plain, "arnaque")
	list, err := h.db.Schedules(t.Context(), scam.ChatRef{Platform: telegram.Platform, ID: "-1004001"})
	if err != nil || len(list) != 1 {
		t.Errorf("schedules of the supergroup: %+v, %v", list, err)
	}
}

func TestScheduledTipIsPostedOnceAtItsTime(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	h := start(t, srv, dbPath(t), options{})
	chat := scam.ChatRef{Platform: telegram.Platform, ID: "-100123"}
	due := time.Now().Add(1500 * time.Millisecond).Truncate(time.Second)
	if _, err := h.db.AddSchedule(t.Context(), scam.Schedule{Chat: chat, Cadence: "daily " + due.UTC().Format("15:04"), Zone: "UTC", Lang: "en",
		NextWall: due.UTC(), Next: due}); err != nil {
		t.Fatal(err)
	}
	wait(t, func(ctx context.Context) error { _, err := srv.WaitSent(ctx, 1); return err })
	sent := h.sentTo(group.ID)
	if len(sent) != 1 {
		t.Fatalf("%d messages in the group, want the tip", len(sent))
	}
	contains(t, "the tip", sent[0].Plain, "Scam awareness tip", "Sources:")
	if sent[0].At.Before(due) {
		t.Errorf("the tip came at %v, before its time %v", sent[0].At, due)
	}
	time.Sleep(time.Second) // the loop polls every 200ms: it would post again by now
	if n := len(h.sentTo(group.ID)); n != 1 {
		t.Errorf("%d tips posted, want exactly 1", n)
	}
}

func TestRemovedFromAGroupPausesItsSchedules(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	srv.SetMember(group.ID, admin.ID, "administrator")
	h := start(t, srv, dbPath(t), options{})
	u := telegramtest.Text(group, &admin, "/tips daily 18:00 Asia/Manila")
	srv.Push(u)
	contains(t, "the answer", h.replyTo(group.ID, u.Message.MessageID).Plain, "Tips scheduled")

	srv.Push(telegramtest.MyChatMember(group, admin, srv.Bot(), "member", "kicked"))
	chat := scam.ChatRef{Platform: telegram.Platform, ID: "-100123"}
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, err := h.db.Schedules(t.Context(), chat)
		if err == nil && len(list) == 1 && list[0].Paused == bot.ReasonRemoved {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("schedules after removal: %+v, %v", list, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestTooManyRequestsIsWaitedOut(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	h := start(t, srv, dbPath(t), options{})
	dm := telegramtest.PrivateChat(alice)
	srv.FailNext("sendMessage", 1, http.StatusTooManyRequests, 1)
	u := telegramtest.Text(dm, &alice, "/help")
	srv.Push(u)
	got := h.replyTo(dm.ID, u.Message.MessageID)
	var failedAt time.Time
	for _, c := range srv.Calls("sendMessage") {
		if c.Failed == http.StatusTooManyRequests {
			failedAt = c.At
		}
	}
	if failedAt.IsZero() {
		t.Fatal("the fake never answered 429")
	}
	if wait := got.At.Sub(failedAt); wait < 900*time.Millisecond {
		t.Errorf("retried %v after a 429 asking for 1s", wait)
	}
}

func TestOutagesAreRetried(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	h := start(t, srv, dbPath(t), options{})
	dm := telegramtest.PrivateChat(alice)
	srv.FailNext("sendMessage", 2, http.StatusBadGateway, 0)
	u := telegramtest.Text(dm, &alice, "/privacy")
	srv.Push(u)
	h.replyTo(dm.ID, u.Message.MessageID)
	srv.DropNext("sendMessage", 1)
	u2 := telegramtest.Text(dm, &alice, "/help")
	srv.Push(u2)
	h.replyTo(dm.ID, u2.Message.MessageID)
	// A failing poll is retried too.
	srv.FailNext("getUpdates", 1, http.StatusInternalServerError, 0)
	u3 := telegramtest.Text(dm, &alice, "/start")
	srv.Push(u3)
	h.replyTo(dm.ID, u3.Message.MessageID)
}

func TestRestartRedeliveryIsAnsweredOnce(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	path := dbPath(t)
	dm := telegramtest.PrivateChat(alice)

	first := start(t, srv, path, options{})
	// The poll that is waiting hands out the update; every later one, which
	// would confirm it, fails, and the instance stops: Telegram will hand
	// the update out again.
	srv.FailNext("getUpdates", 1000, http.StatusBadGateway, 0)
	u := telegramtest.Text(dm, &alice, prizeLure)
	id := srv.Push(u)
	first.replyTo(dm.ID, u.Message.MessageID)
	first.shutdown()
	if srv.Confirmed() > id {
		t.Fatal("the update was confirmed; the test needs it unconfirmed")
	}
	srv.ClearFaults("getUpdates")

	start(t, srv, path, options{})
	wait(t, func(ctx context.Context) error { return srv.WaitConfirmed(ctx, id) })
	next := telegramtest.Text(dm, &alice, "/privacy")
	srv.Push(next)
	wait(t, func(ctx context.Context) error {
		return srv.WaitFor(ctx, func(sent []telegramtest.Sent) bool {
			for _, s := range sent {
				if s.ReplyTo == next.Message.MessageID {
					return true
				}
			}
			return false
		})
	})
	n := 0
	for _, s := range srv.Sent() {
		if s.ReplyTo == u.Message.MessageID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the re-delivered update was answered %d times, want once", n)
	}
}

func TestCleanShutdownConfirmsTheLastUpdate(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	h := start(t, srv, dbPath(t), options{noSeen: true})
	dm := telegramtest.PrivateChat(alice)
	u := telegramtest.Text(dm, &alice, "/help")
	id := srv.Push(u)
	h.replyTo(dm.ID, u.Message.MessageID)
	h.shutdown()
	if srv.Confirmed() <= id {
		t.Errorf("confirmed offset %d after shutdown, want above %d", srv.Confirmed(), id)
	}
}

func TestWebhookChecksTheSecret(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	hook := telegram.Webhook{Secret: "s3cret-token"}
	// The bot's webhook handler on a local server; Telegram is told its address.
	var tg *telegram.Bot
	local := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { tg.WebhookHandler().ServeHTTP(w, r) })}
	addr := listen(t, local)
	hook.URL = "http://" + addr + "/telegram"
	h := start(t, srv, dbPath(t), options{webhook: hook})
	tg = h.tg
	wait(t, func(ctx context.Context) error {
		for {
			if url, secret := srv.Webhook(); url == hook.URL && secret == hook.Secret {
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(10 * time.Millisecond):
			}
		}
	})
	dm := telegramtest.PrivateChat(alice)
	u := telegramtest.Text(dm, &alice, pigButchering)
	status, err := srv.DeliverWebhook(t.Context(), u)
	if err != nil || status != http.StatusOK {
		t.Fatalf("delivery: %d, %v", status, err)
	}
	contains(t, "the verdict", h.replyTo(dm.ID, u.Message.MessageID).Plain, "Very likely a scam")

	// A caller without the secret is turned away.
	req, _ := http.NewRequest(http.MethodPost, hook.URL, strings.NewReader(`{"update_id":1}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(telegramtest.SecretHeader, "guess")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a wrong secret got %d", resp.StatusCode)
	}
}

func TestLongRepliesAreSplit(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	h := start(t, srv, dbPath(t), options{})
	long := strings.Repeat("Every word here is <escaped> & counted; ", 250) // ~10,000 characters
	body := bot.Text{{Kind: bot.Para, Spans: []bot.Span{{Text: long, Style: bot.Quoted}}}}
	err := h.tg.Send(t.Context(), bot.Reply{Chat: scam.ChatRef{Platform: telegram.Platform, ID: "5001"}, Body: body,
		Buttons: []bot.Button{{Label: "ok", Data: "fb:h:x:1:y"}}})
	if err != nil {
		t.Fatal(err)
	}
	sent := h.sentTo(5001)
	if len(sent) != 3 {
		t.Fatalf("%d messages, want 3", len(sent))
	}
	var all string
	for i, s := range sent {
		all += s.Plain
		if (s.Markup != nil) != (i == 2) {
			t.Errorf("message %d has buttons: %v", i, s.Markup != nil)
		}
	}
	if strings.Count(all, "<escaped>") != 250 {
		t.Errorf("%d of 250 phrases arrived", strings.Count(all, "<escaped>"))
	}
	if err := h.tg.Send(t.Context(), bot.Reply{Chat: scam.ChatRef{Platform: "discord", ID: "1"}, Body: body}); scam.CodeOf(err) != scam.CodeBadArgument {
		t.Errorf("a Discord chat: %v", err)
	}
	srv.Forbid(-100999, "Forbidden: bot was kicked from the supergroup chat")
	err = h.tg.Send(t.Context(), bot.Reply{Chat: scam.ChatRef{Platform: telegram.Platform, ID: "-100999"}, Body: body})
	if scam.CodeOf(err) != scam.CodeForbidden {
		t.Errorf("a chat the bot was kicked from: %v (code %s)", err, scam.CodeOf(err))
	}
}

func TestStopsCleanlyWhileTelegramIsUnreachable(t *testing.T) {
	srv := telegramtest.New()
	srv.Close() // nothing answers
	tg, err := telegram.New(nil, telegram.Config{Token: srv.Token, Endpoint: srv.Endpoint()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	if err := tg.Run(ctx); err != nil {
		t.Errorf("Run = %v, want a quiet stop", err)
	}
	if tg.Ready() {
		t.Error("ready without Telegram")
	}
	err = tg.Send(t.Context(), bot.Reply{Chat: scam.ChatRef{Platform: telegram.Platform, ID: "1"}, Body: bot.Text{{Spans: []bot.Span{{Text: "x"}}}}})
	if scam.CodeOf(err) != scam.CodeUnavailable {
		t.Errorf("Send before connecting: %v", err)
	}
}
