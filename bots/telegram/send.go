package telegram

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// maxAttempts bounds the tries of one call when Telegram is down.
const maxAttempts = 5

// Send posts r in r.Chat: its body as HTML, split into messages of at most
// 4096 characters, the first one replying to r.ReplyTo, the buttons under
// the last one. Its errors carry a scam code: forbidden or not_found when
// the bot may no longer post in the chat, rate_limited or unavailable (with
// a RetryAfter method) when Telegram asked to wait longer than MaxRetryWait
// or could not be reached.
func (b *Bot) Send(ctx context.Context, r bot.Reply) error {
	chat, err := strconv.ParseInt(r.Chat.ID, 10, 64)
	if err != nil || r.Chat.Platform != Platform {
		return scam.Errorf(scam.CodeBadArgument, "not a Telegram chat: %q", r.Chat.Platform+":"+r.Chat.ID)
	}
	api := b.with(ctx)
	if api == nil {
		return scam.Errorf(scam.CodeUnavailable, "not connected to Telegram")
	}
	parts := render(r.Body, maxMessage)
	replyTo, _ := strconv.Atoi(r.ReplyTo)
	for i, text := range parts {
		m := tgbotapi.NewMessage(chat, text)
		m.ParseMode = tgbotapi.ModeHTML
		// A verdict may name a scam site: never fetch a preview of it.
		m.DisableWebPagePreview = true
		if i == 0 && replyTo != 0 {
			m.ReplyToMessageID = replyTo
			m.AllowSendingWithoutReply = true // the message may be deleted by now
		}
		if i == len(parts)-1 && len(r.Buttons) > 0 {
			m.ReplyMarkup = keyboard(r.Buttons)
		}
		if err := retry(ctx, b.cfg.MaxRetryWait, func() error { _, err := api.Request(m); return err }); err != nil {
			return err
		}
	}
	return nil
}

// keyboard is one row of callback buttons.
func keyboard(buttons []bot.Button) tgbotapi.InlineKeyboardMarkup {
	row := make([]tgbotapi.InlineKeyboardButton, 0, len(buttons))
	for _, btn := range buttons {
		row = append(row, tgbotapi.NewInlineKeyboardButtonData(btn.Label, btn.Data))
	}
	return tgbotapi.NewInlineKeyboardMarkup(row)
}

// answerCallback answers a pressed button with r's toast (Telegram shows a
// spinner until it is answered) and removes the buttons when r says so.
func (b *Bot) answerCallback(ctx context.Context, in inbound, r bot.Reply) {
	api := b.with(ctx)
	if api == nil {
		return
	}
	toast := r.Toast
	if n := []rune(toast); len(n) > 200 {
		toast = string(n[:199]) + "…"
	}
	if _, err := api.Request(tgbotapi.NewCallback(in.callback, toast)); err != nil {
		// An old query ("query is too old") cannot be answered; nothing is lost.
		b.log.Info("button not acknowledged", "err", err)
	}
	if r.DropButtons && in.buttonsMsg != 0 {
		none := tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}}
		edit := tgbotapi.NewEditMessageReplyMarkup(in.buttonsChat, in.buttonsMsg, none)
		if err := retry(ctx, b.cfg.MaxRetryWait, func() error { _, err := api.Request(edit); return err }); err != nil {
			b.log.Info("buttons not removed", "err", err)
		}
	}
}

// retry calls fn until it succeeds, waiting out 429s (up to maxWait each)
// and backing off on 5xx and network errors, at most maxAttempts times.
// The error it returns carries a scam code.
func retry(ctx context.Context, maxWait time.Duration, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil {
			return nil
		}
		wait, again := retryable(err, attempt)
		if ctx.Err() != nil {
			return scam.Wrap(scam.CodeUnavailable, "Telegram did not answer in time", ctx.Err())
		}
		if !again || attempt+1 >= maxAttempts || wait > maxWait {
			return classify(err, wait)
		}
		if !sleep(ctx, wait) {
			return scam.Wrap(scam.CodeUnavailable, "Telegram did not answer in time", err)
		}
	}
}

// retryable says whether err is worth another try, and after how long.
func retryable(err error, attempt int) (time.Duration, bool) {
	var e *tgbotapi.Error
	if !errors.As(err, &e) {
		return backoff(attempt, 500*time.Millisecond, 15*time.Second), true // network or a garbled answer
	}
	switch {
	case e.Code == http.StatusTooManyRequests:
		return time.Duration(max(e.RetryAfter, 1)) * time.Second, true
	case e.Code >= 500:
		return backoff(attempt, 500*time.Millisecond, 15*time.Second), true
	}
	return 0, false
}

// classify turns an SDK error into a scam error whose code says what
// became of the call.
func classify(err error, wait time.Duration) error {
	var e *tgbotapi.Error
	if !errors.As(err, &e) {
		return scam.Later(scam.CodeUnavailable, "Telegram cannot be reached", wait, err)
	}
	desc := strings.ToLower(e.Message)
	switch {
	case e.Code == http.StatusTooManyRequests:
		return scam.Later(scam.CodeRateLimited, "Telegram asked to slow down", wait, err)
	case e.Code >= 500:
		return scam.Later(scam.CodeUnavailable, "Telegram is having trouble", wait, err)
	case e.Code == http.StatusForbidden:
		return scam.Wrap(scam.CodeForbidden, "the bot may not post in this chat", err)
	case e.MigrateToChatID != 0 || strings.Contains(desc, "chat not found") || strings.Contains(desc, "upgraded to a supergroup"):
		// A group that became a supergroup has a new id; the old one is gone.
		return scam.Wrap(scam.CodeNotFound, "the chat no longer exists", err)
	case e.Code == http.StatusUnauthorized:
		return scam.Wrap(scam.CodeUnavailable, "Telegram refused the bot token", err)
	}
	return scam.Wrap(scam.CodeInternal, "Telegram refused a message", err)
}
