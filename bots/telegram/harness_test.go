package telegram_test

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/bots/telegram"
	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
	"github.com/scamwarn/scamwarn/internal/bot/bottest"
	"github.com/scamwarn/scamwarn/internal/sqlite"
)

// harness is scamwarn on Telegram against a fake Bot API server: the real
// bot, database, scheduler and SDK.
type harness struct {
	t    testing.TB
	srv  *telegramtest.Server
	db   *sqlite.DB
	tg   *telegram.Bot
	stop context.CancelFunc
	done chan error
}

type options struct {
	webhook telegram.Webhook
	noSeen  bool
}

// start runs the bot against srv on the database file db until the test
// ends or h.shutdown.
func start(t testing.TB, srv *telegramtest.Server, dbPath string, opt options) *harness {
	t.Helper()
	app := bottest.Open(t, dbPath)
	cfg := telegram.Config{
		Token: srv.Token, Endpoint: srv.Endpoint(), PollTimeout: 5 * time.Second, Webhook: opt.webhook,
		Client: &http.Client{Timeout: 30 * time.Second}, Seen: app.DB, Mover: app.DB, Grace: 5 * time.Second,
	}
	if opt.noSeen {
		cfg.Seen = nil
	}
	tg, err := telegram.New(app.Bot, cfg)
	if err != nil {
		t.Fatal(err)
	}
	loop := app.Scheduler(telegram.Platform, tg)
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, srv: srv, db: app.DB, tg: tg, stop: cancel, done: make(chan error, 2)}
	go func() { h.done <- tg.Run(ctx) }()
	go func() { loop.Run(ctx); h.done <- nil }()
	t.Cleanup(h.shutdown)
	if opt.webhook.URL == "" {
		wait(t, srv.WaitPolling)
	}
	return h
}

// shutdown stops the bot as SIGTERM would, and waits for it.
func (h *harness) shutdown() {
	if h.stop == nil {
		return
	}
	h.stop()
	h.stop = nil
	for range 2 {
		select {
		case err := <-h.done:
			if err != nil {
				h.t.Errorf("the bot stopped with %v", err)
			}
		case <-time.After(15 * time.Second):
			h.t.Fatal("the bot did not stop within 15s")
		}
	}
}

// wait runs a waiting call of the fake server with a deadline.
func wait(t testing.TB, fn func(context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	defer cancel()
	if err := fn(ctx); err != nil {
		t.Fatalf("waited in vain: %v", err)
	}
}

// replyTo waits for the bot's message in chat replying to message id, and
// returns it.
func (h *harness) replyTo(chat, id int64) telegramtest.Sent {
	h.t.Helper()
	var got telegramtest.Sent
	wait(h.t, func(ctx context.Context) error {
		return h.srv.WaitFor(ctx, func(sent []telegramtest.Sent) bool {
			for _, s := range sent {
				if s.Method == "sendMessage" && s.ChatID == chat && s.ReplyTo == id {
					got = s
					return true
				}
			}
			return false
		})
	})
	return got
}

// sentTo returns the messages the bot sent to chat so far.
func (h *harness) sentTo(chat int64) []telegramtest.Sent {
	var out []telegramtest.Sent
	for _, s := range h.srv.Sent() {
		if s.Method == "sendMessage" && s.ChatID == chat {
			out = append(out, s)
		}
	}
	return out
}

func contains(t testing.TB, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func dbPath(t testing.TB) string { return bottest.Path(t) }

// listen serves srv on a loopback port until the test ends.
func listen(t testing.TB, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}
