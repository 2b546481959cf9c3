package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// maxUpdateBytes caps a webhook body. A message holds at most 4096
// characters plus entities; a megabyte is far above any real update.
const maxUpdateBytes = 1 << 20

// serveWebhook registers the webhook and waits for ctx to end; updates
// arrive through WebhookHandler meanwhile. The webhook stays set at
// shutdown, so Telegram keeps updates until the next start.
func (b *Bot) serveWebhook(ctx context.Context) error {
	allowed, _ := json.Marshal(allowedUpdates)
	params := tgbotapi.Params{"url": b.cfg.Webhook.URL, "allowed_updates": string(allowed), "max_connections": "40"}
	if b.cfg.Webhook.Secret != "" {
		params["secret_token"] = b.cfg.Webhook.Secret
	}
	for attempt := 0; ; attempt++ {
		_, err := b.with(ctx).MakeRequest("setWebhook", params)
		if err == nil {
			b.log.Info("webhook set")
			break
		}
		if ctx.Err() != nil {
			return nil
		}
		if refused(err) {
			return err
		}
		wait := b.pollWait(err, attempt)
		b.log.Warn("cannot set the webhook; retrying", "err", err, "wait", wait)
		sleep(ctx, wait)
	}
	<-ctx.Done()
	return nil
}

// WebhookHandler is where Telegram posts updates in webhook mode. It checks
// the secret header, queues the update and answers at once; Telegram posts
// again whatever does not get a 2xx, and Seen keeps that from being
// answered twice.
func (b *Bot) WebhookHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		if secret := b.cfg.Webhook.Secret; secret != "" {
			got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
			if subtle.ConstantTimeCompare([]byte(got), []byte(secret)) != 1 {
				b.log.Warn("webhook call without the right secret")
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
		}
		if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
			http.Error(w, "JSON only", http.StatusUnsupportedMediaType)
			return
		}
		var u tgbotapi.Update
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxUpdateBytes)).Decode(&u); err != nil {
			b.log.Warn("webhook body is not an update", "err", err)
			http.Error(w, "not an update", http.StatusBadRequest)
			return
		}
		if b.api.Load() == nil || !b.enqueue(r.Context(), u) {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
