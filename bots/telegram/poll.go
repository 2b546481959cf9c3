package telegram

import (
	"context"
	"errors"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// poll long-polls getUpdates until ctx ends. The SDK's own loop sleeps a
// flat 3 seconds on any error, ignores retry_after and cannot be stopped
// twice, so the bot polls itself.
func (b *Bot) poll(ctx context.Context) error {
	// A webhook left from an earlier run would make getUpdates fail with
	// 409; updates queued meanwhile are kept.
	if _, err := b.with(ctx).Request(tgbotapi.DeleteWebhookConfig{}); err != nil && ctx.Err() == nil {
		b.log.Warn("cannot delete the webhook", "err", err)
	}
	failures := 0
	for ctx.Err() == nil {
		cfg := tgbotapi.UpdateConfig{Offset: b.nextOffset(), Limit: 100, Timeout: int(b.cfg.PollTimeout / time.Second), AllowedUpdates: allowedUpdates}
		updates, err := b.with(ctx).GetUpdates(cfg)
		if ctx.Err() != nil {
			break
		}
		if err != nil {
			if refused(err) {
				return err
			}
			wait := b.pollWait(err, failures)
			failures++
			b.log.Warn("getUpdates failed; retrying", "err", err, "wait", wait)
			sleep(ctx, wait)
			continue
		}
		failures = 0
		for _, u := range updates {
			if !b.take(u.UpdateID) {
				continue
			}
			if !b.enqueue(ctx, u) {
				// Shutting down with the queue full: the update stays
				// pending, so it is not confirmed and comes again.
				break
			}
		}
	}
	return nil
}

// pollWait is how long to wait after a failed getUpdates.
func (b *Bot) pollWait(err error, failures int) time.Duration {
	var e *tgbotapi.Error
	if errors.As(err, &e) {
		switch {
		case e.RetryAfter > 0:
			return time.Duration(e.RetryAfter) * time.Second
		case e.Code == http.StatusConflict:
			// Another instance polls with this token, or a webhook is set.
			return backoff(failures, 5*time.Second, time.Minute)
		}
	}
	return backoff(failures, 500*time.Millisecond, 30*time.Second)
}

// take records that update id was handed out and reports whether it is new
// to this process.
func (b *Bot) take(id int) bool {
	b.pmu.Lock()
	defer b.pmu.Unlock()
	if id < b.next {
		return false
	}
	b.next = id + 1
	b.pending[id] = struct{}{}
	return true
}

// done records that update id was handled.
func (b *Bot) done(id int) {
	b.pmu.Lock()
	defer b.pmu.Unlock()
	delete(b.pending, id)
}

func (b *Bot) nextOffset() int {
	b.pmu.Lock()
	defer b.pmu.Unlock()
	return b.next
}

// confirm tells Telegram, at shutdown, that every update handled so far is
// done, so none of them comes again. An update still pending (the grace
// period ran out) stays unconfirmed and is handed out at the next start.
func (b *Bot) confirm() {
	b.pmu.Lock()
	offset := b.next
	for id := range b.pending {
		offset = min(offset, id)
	}
	b.pmu.Unlock()
	if offset == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// A zero timeout returns at once; limit 1 keeps what it hands back
	// small, and it is not confirmed by this call, so it comes again.
	if _, err := b.with(ctx).GetUpdates(tgbotapi.UpdateConfig{Offset: offset, Limit: 1, Timeout: 0, AllowedUpdates: allowedUpdates}); err != nil {
		b.log.Warn("cannot confirm the last updates; they may be handed out again", "err", err)
		return
	}
	b.log.Info("updates confirmed", "offset", offset)
}
