package telegramtest_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

var (
	alice = telegramtest.User{ID: 501, FirstName: "Alice", Username: "alice", LanguageCode: "en"}
	mod   = telegramtest.User{ID: 502, FirstName: "Mo", Username: "moderator"}
	group = telegramtest.Group(-1001234567890, "Neighbours")
)

// start runs a fake server and a real SDK client against it.
func start(t *testing.T) (*telegramtest.Server, *tgbotapi.BotAPI) {
	t.Helper()
	s := telegramtest.New()
	t.Cleanup(s.Close)
	bot, err := tgbotapi.NewBotAPIWithClient(s.Token, s.Endpoint(), &http.Client{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("NewBotAPIWithClient: %v", err)
	}
	return s, bot
}

// ctxFor is a context that ends well inside the test's time.
func ctxFor(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// wantAPIError checks that err is a Bot API error with code and a
// description containing desc.
func wantAPIError(t *testing.T, err error, code int, desc string) *tgbotapi.Error {
	t.Helper()
	var apiErr *tgbotapi.Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("got error %v (%T), want a *tgbotapi.Error", err, err)
	}
	if apiErr.Code != code || !strings.Contains(apiErr.Message, desc) {
		t.Fatalf("got error %d %q, want %d containing %q", apiErr.Code, apiErr.Message, code, desc)
	}
	return apiErr
}

// poll fetches updates once without waiting.
func poll(t *testing.T, bot *tgbotapi.BotAPI, offset int) []tgbotapi.Update {
	t.Helper()
	ups, err := bot.GetUpdates(tgbotapi.UpdateConfig{Offset: offset})
	if err != nil {
		t.Fatalf("GetUpdates(offset %d): %v", offset, err)
	}
	return ups
}

// send sends text as HTML to chatID and fails the test on error.
func send(t *testing.T, bot *tgbotapi.BotAPI, chatID int64, text string) tgbotapi.Message {
	t.Helper()
	msg := tgbotapi.NewMessage(chatID, text)
	msg.ParseMode = tgbotapi.ModeHTML
	got, err := bot.Send(msg)
	if err != nil {
		t.Fatalf("Send(%q): %v", text, err)
	}
	return got
}
