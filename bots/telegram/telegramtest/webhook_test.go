package telegramtest_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

func TestWebhookDeliversWithTheSecret(t *testing.T) {
	s, bot := start(t)
	got := make(chan *tgbotapi.Update, 1)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(telegramtest.SecretHeader) != "s3cret_-x" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		u, err := bot.HandleUpdate(r)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		got <- u
	}))
	t.Cleanup(receiver.Close)

	_, err := bot.MakeRequest("setWebhook", tgbotapi.Params{"url": receiver.URL + "/hook", "secret_token": "s3cret_-x"})
	if err != nil {
		t.Fatalf("setWebhook: %v", err)
	}
	if url, secret := s.Webhook(); url != receiver.URL+"/hook" || secret != "s3cret_-x" {
		t.Errorf("Webhook() = %q, %q", url, secret)
	}
	_, err = bot.GetUpdates(tgbotapi.UpdateConfig{})
	wantAPIError(t, err, 409, "can't use getUpdates method while webhook is active")

	status, err := s.DeliverWebhook(ctxFor(t, 5*time.Second), telegramtest.Text(group, &alice, "via hook"))
	if err != nil || status != http.StatusOK {
		t.Fatalf("DeliverWebhook = %d, %v", status, err)
	}
	if u := <-got; u.UpdateID != 100001 || u.Message.Text != "via hook" {
		t.Errorf("the bot got %+v", u.Message)
	}

	info, err := bot.GetWebhookInfo()
	if err != nil || info.URL != receiver.URL+"/hook" || info.LastErrorDate != 0 {
		t.Errorf("GetWebhookInfo = %+v, %v", info, err)
	}
	if _, err := bot.Request(tgbotapi.DeleteWebhookConfig{}); err != nil {
		t.Fatalf("deleteWebhook: %v", err)
	}
	if _, err := bot.GetUpdates(tgbotapi.UpdateConfig{}); err != nil {
		t.Errorf("getUpdates after deleteWebhook: %v", err)
	}
	if _, err := s.DeliverWebhook(ctxFor(t, time.Second), telegramtest.Text(group, &alice, "x")); err == nil {
		t.Error("DeliverWebhook without a webhook returned no error")
	}
}

func TestWebhookRefusesABadSecret(t *testing.T) {
	_, bot := start(t)
	_, err := bot.MakeRequest("setWebhook", tgbotapi.Params{"url": "https://example.org/hook", "secret_token": "no spaces!"})
	wantAPIError(t, err, 400, "secret token")
}

func TestWebhookEndsAWaitingPoll(t *testing.T) {
	s, bot := start(t)
	done := make(chan error, 1)
	go func() {
		_, err := bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 10})
		done <- err
	}()
	if err := s.WaitPolling(ctxFor(t, 5*time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := bot.MakeRequest("setWebhook", tgbotapi.Params{"url": "https://example.org/hook"}); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		wantAPIError(t, err, 409, "webhook is active")
	case <-time.After(5 * time.Second):
		t.Fatal("the poll kept waiting after setWebhook")
	}
}

func TestAFailingWebhookIsReported(t *testing.T) {
	s, bot := start(t)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
	}))
	t.Cleanup(receiver.Close)
	if _, err := bot.MakeRequest("setWebhook", tgbotapi.Params{"url": receiver.URL}); err != nil {
		t.Fatal(err)
	}
	status, err := s.DeliverWebhook(ctxFor(t, 5*time.Second), telegramtest.Text(group, &alice, "x"))
	if err != nil || status != 500 {
		t.Fatalf("DeliverWebhook = %d, %v; want 500", status, err)
	}
	info, _ := bot.GetWebhookInfo()
	if info.LastErrorDate == 0 || info.LastErrorMessage == "" {
		t.Errorf("GetWebhookInfo = %+v, want the failure reported", info)
	}
}
