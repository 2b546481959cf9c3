package telegramtest_test

import (
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

func TestGetMeAnswersTheBot(t *testing.T) {
	s, bot := start(t)
	if bot.Self.ID != 7000001 || !bot.Self.IsBot || bot.Self.UserName != "scamwarn_test_bot" || bot.Self.CanReadAllGroupMessages {
		t.Errorf("got %+v, want the default bot", bot.Self)
	}
	u := s.Bot()
	u.CanReadAllGroupMessages = true
	s.SetBot(u)
	me, err := bot.GetMe()
	if err != nil || !me.CanReadAllGroupMessages {
		t.Errorf("after SetBot got %+v, %v, want privacy mode off", me, err)
	}
}

func TestWrongTokenAndUnknownMethod(t *testing.T) {
	s, bot := start(t)
	_, err := tgbotapi.NewBotAPIWithAPIEndpoint("123456:wrong", s.Endpoint())
	wantAPIError(t, err, 401, "Unauthorized")
	_, err = bot.MakeRequest("noSuchMethod", nil)
	wantAPIError(t, err, 404, "Not Found")
}

func TestUpdatesStayQueuedUntilConfirmed(t *testing.T) {
	s, bot := start(t)
	id := s.Push(telegramtest.Text(telegramtest.PrivateChat(alice), &alice, "/check hello"))
	if id != 100001 {
		t.Fatalf("first update_id = %d, want 100001", id)
	}
	for _, try := range []string{"first", "again, not confirmed"} {
		ups := poll(t, bot, 0)
		if len(ups) != 1 || ups[0].UpdateID != int(id) || ups[0].Message.Text != "/check hello" {
			t.Fatalf("%s poll got %+v, want update %d", try, ups, id)
		}
		if m := ups[0].Message; !m.IsCommand() || m.Command() != "check" || m.Chat.Type != "private" {
			t.Errorf("%s poll: the SDK sees command %q in a %q chat", try, m.Command(), m.Chat.Type)
		}
	}
	if ups := poll(t, bot, int(id)+1); len(ups) != 0 {
		t.Errorf("after confirming got %d updates, want none", len(ups))
	}
	if got := s.Confirmed(); got != id+1 {
		t.Errorf("Confirmed() = %d, want %d", got, id+1)
	}
	if s.Pending() != 0 {
		t.Errorf("Pending() = %d after confirmation, want 0", s.Pending())
	}
	if s.PushedAt(id).IsZero() {
		t.Error("PushedAt forgot the update")
	}
}

func TestNegativeOffsetKeepsTheLast(t *testing.T) {
	s, bot := start(t)
	for _, text := range []string{"one", "two", "three"} {
		s.Push(telegramtest.Text(group, &alice, text))
	}
	ups := poll(t, bot, -1)
	if len(ups) != 1 || ups[0].Message.Text != "three" {
		t.Fatalf("got %d updates, want only the last", len(ups))
	}
	if s.Pending() != 1 {
		t.Errorf("Pending() = %d, want 1", s.Pending())
	}
}

func TestAllowedUpdatesFilterKinds(t *testing.T) {
	s, bot := start(t)
	s.Push(telegramtest.Text(group, &alice, "hi"))
	cb := s.Push(telegramtest.Callback(alice, telegramtest.Message{MessageID: 1, Chat: group}, "x"))
	ups, err := bot.GetUpdates(tgbotapi.UpdateConfig{AllowedUpdates: []string{"callback_query"}})
	if err != nil || len(ups) != 1 || ups[0].UpdateID != int(cb) || ups[0].CallbackQuery == nil {
		t.Fatalf("got %+v, %v, want only the callback", ups, err)
	}
	if got := poll(t, bot, 0); len(got) != 1 {
		t.Errorf("the choice should stick: got %d updates, want 1", len(got))
	}
}

func TestLongPollWakesOnPush(t *testing.T) {
	s, bot := start(t)
	time.AfterFunc(100*time.Millisecond, func() { s.Push(telegramtest.Text(group, &alice, "wake")) })
	began := time.Now()
	ups, err := bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 5})
	if err != nil || len(ups) != 1 {
		t.Fatalf("got %d updates, %v; want 1", len(ups), err)
	}
	if waited := time.Since(began); waited > 2*time.Second {
		t.Errorf("the poll waited %s, want it woken by the push", waited)
	}
}

func TestLongPollTimesOutEmpty(t *testing.T) {
	_, bot := start(t)
	began := time.Now()
	ups, err := bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 1})
	if err != nil || len(ups) != 0 {
		t.Fatalf("got %d updates, %v; want none", len(ups), err)
	}
	if waited := time.Since(began); waited < 900*time.Millisecond {
		t.Errorf("the poll answered after %s, want about 1s", waited)
	}
}

func TestASecondPollEndsTheFirstWithAConflict(t *testing.T) {
	s, bot := start(t)
	first := make(chan error, 1)
	go func() {
		_, err := bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 10})
		first <- err
	}()
	if err := s.WaitPolling(ctxFor(t, 5*time.Second)); err != nil {
		t.Fatalf("WaitPolling: %v", err)
	}
	go func() { _, _ = bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 1}) }()
	select {
	case err := <-first:
		wantAPIError(t, err, 409, "terminated by other getUpdates request")
	case <-time.After(5 * time.Second):
		t.Fatal("the first poll was not ended by the second")
	}
}

func TestCloseEndsAWaitingPoll(t *testing.T) {
	s, bot := start(t)
	done := make(chan struct{})
	go func() {
		_, _ = bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 30})
		close(done)
	}()
	if err := s.WaitPolling(ctxFor(t, 5*time.Second)); err != nil {
		t.Fatalf("WaitPolling: %v", err)
	}
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	for name, ch := range map[string]chan struct{}{"Close": closed, "the poll": done} {
		select {
		case <-ch:
		case <-time.After(3 * time.Second):
			t.Fatalf("%s hung", name)
		}
	}
}

func TestTheSDKUpdateLoopReceivesPushes(t *testing.T) {
	s, bot := start(t)
	ch := bot.GetUpdatesChan(tgbotapi.UpdateConfig{Timeout: 1})
	defer func() {
		// Let the loop finish its poll before the server closes, so it
		// has no error to log.
		bot.StopReceivingUpdates()
		for range ch {
		}
	}()
	id := s.Push(telegramtest.Text(group, &alice, "loop").ForwardedHidden("Bank Support"))
	select {
	case u := <-ch:
		if u.UpdateID != int(id) || u.Message.ForwardSenderName != "Bank Support" || u.Message.ForwardDate == 0 {
			t.Errorf("got %+v, want the forwarded update %d", u.Message, id)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no update came through GetUpdatesChan")
	}
	if err := s.WaitConfirmed(ctxFor(t, 5*time.Second), id); err != nil {
		t.Errorf("the loop never confirmed the update: %v", err)
	}
}
