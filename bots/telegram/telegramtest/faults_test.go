package telegramtest_test

import (
	"errors"
	"sync"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

func TestFailNextAnswersLikeTelegram(t *testing.T) {
	tests := []struct {
		name       string
		code       int
		retryAfter int
		wantDesc   string
	}{
		{"429 asks the bot to wait", 429, 7, "Too Many Requests: retry after 7"},
		{"500 is an internal error", 500, 0, "Internal Server Error"},
		{"502 is a bad gateway", 502, 0, "Bad Gateway"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, bot := start(t)
			s.FailNext("sendMessage", 1, tt.code, tt.retryAfter)
			_, err := bot.Send(tgbotapi.NewMessage(alice.ID, "hi"))
			apiErr := wantAPIError(t, err, tt.code, tt.wantDesc)
			if apiErr.RetryAfter != tt.retryAfter {
				t.Errorf("RetryAfter = %d, want %d", apiErr.RetryAfter, tt.retryAfter)
			}
			if _, err := bot.Send(tgbotapi.NewMessage(alice.ID, "hi")); err != nil {
				t.Errorf("the call after the fault failed too: %v", err)
			}
			calls := s.Calls("sendMessage")
			if len(calls) != 2 || calls[0].Failed != tt.code || calls[1].Failed != 0 {
				t.Errorf("calls = %+v, want a failed one then a good one", calls)
			}
			if len(s.Sent()) != 1 {
				t.Errorf("recorded %d sends, want only the good one", len(s.Sent()))
			}
		})
	}
}

func TestFailNextCountsCalls(t *testing.T) {
	s, bot := start(t)
	s.FailNext("getChatMember", 2, 500, 0)
	cfg := tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: group.ID, UserID: alice.ID}}
	for i := range 3 {
		_, err := bot.GetChatMember(cfg)
		if failed := err != nil; failed != (i < 2) {
			t.Errorf("call %d: err = %v", i+1, err)
		}
	}
}

func TestDropNextIsANetworkError(t *testing.T) {
	s, bot := start(t)
	s.DropNext("sendMessage", 1)
	_, err := bot.Send(tgbotapi.NewMessage(alice.ID, "hi"))
	var apiErr *tgbotapi.Error
	if err == nil || errors.As(err, &apiErr) {
		t.Fatalf("got %v, want a network error", err)
	}
	if _, err := bot.Send(tgbotapi.NewMessage(alice.ID, "hi")); err != nil {
		t.Errorf("the call after the drop failed: %v", err)
	}
	if calls := s.Calls("sendMessage"); len(calls) != 2 || !calls[0].Dropped {
		t.Errorf("calls = %+v, want the first marked dropped", calls)
	}
}

func TestForbidRefusesTheChat(t *testing.T) {
	s, bot := start(t)
	const kicked = "Forbidden: bot was kicked from the supergroup chat"
	s.Forbid(group.ID, kicked)
	_, err := bot.Send(tgbotapi.NewMessage(group.ID, "hi"))
	wantAPIError(t, err, 403, kicked)
	if _, err := bot.Send(tgbotapi.NewMessage(alice.ID, "hi")); err != nil {
		t.Errorf("another chat was refused too: %v", err)
	}
	s.Unforbid(group.ID)
	if _, err := bot.Send(tgbotapi.NewMessage(group.ID, "hi")); err != nil {
		t.Errorf("after Unforbid: %v", err)
	}
}

// TestConcurrentUse drives every side at once; its point is -race.
func TestConcurrentUse(t *testing.T) {
	s, bot := start(t)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for j := range 10 {
				s.Push(telegramtest.Text(group, &alice, "msg"))
				_, _ = bot.Send(tgbotapi.NewMessage(group.ID, "reply"))
				_ = s.Sent()
				_ = s.Calls("")
				if j == 5 && i == 0 {
					s.FailNext("sendMessage", 1, 429, 1)
				}
			}
		})
	}
	wg.Go(func() {
		offset := 0
		for range 10 {
			ups, _ := bot.GetUpdates(tgbotapi.UpdateConfig{Offset: offset})
			for _, u := range ups {
				offset = u.UpdateID + 1
			}
		}
	})
	wg.Wait()
	if n := len(s.Sent()); n != 39 {
		t.Errorf("recorded %d sends, want 39 (40 minus one refused)", n)
	}
}
