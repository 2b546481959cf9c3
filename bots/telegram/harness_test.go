package telegram_test

import (
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/bots/telegram"
	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/tips"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

// The real engine, wording and tips, loaded once for all tests.
var (
	loadOnce  sync.Once
	engine    *detect.Engine
	catalog   *wording.Catalog
	directory *wording.Directory
	library   *tips.Library
)

func load(t testing.TB) {
	t.Helper()
	loadOnce.Do(func() {
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
		if library, err = tips.Load(messages.FS()); err != nil {
			panic(err)
		}
	})
}

// libraryTips lets the bot and the scheduler pick from the real library.
type libraryTips struct{}

func (libraryTips) PickTip(chat scam.ChatRef, lang string, tags, seen []string, now time.Time) (scam.Tip, error) {
	return library.Next(tips.Request{Chat: chat.Platform + ":" + chat.ID, Lang: library.Match(lang), Tags: tags, Seen: seen, Now: now})
}

func (l libraryTips) NextTip(r schedule.TipRequest) (scam.Tip, error) {
	return l.PickTip(r.Chat, r.Lang, r.Tags, r.Seen, r.Now)
}

// schedules is the bot's view of the schedules, on the test database.
type schedules struct {
	db   *sqlite.DB
	loop *schedule.Loop
}

func (s schedules) Add(ctx context.Context, sc scam.Schedule) (scam.Schedule, error) {
	sc, err := schedule.Prepare(sc, time.Now())
	if err != nil {
		return sc, err
	}
	sc, err = s.db.AddSchedule(ctx, sc)
	if err == nil {
		s.loop.Wake()
	}
	return sc, err
}
func (s schedules) List(ctx context.Context, c scam.ChatRef) ([]scam.Schedule, error) {
	return s.db.Schedules(ctx, c)
}
func (s schedules) SetTags(context.Context, scam.ChatRef, []string) error { return nil }
func (s schedules) RemoveAll(ctx context.Context, c scam.ChatRef) (int, error) {
	return s.db.RemoveSchedules(ctx, c)
}
func (s schedules) Remove(ctx context.Context, c scam.ChatRef, id int64) error {
	return s.db.RemoveSchedule(ctx, c, id)
}
func (s schedules) Pause(ctx context.Context, c scam.ChatRef, reason string) error {
	return s.db.PauseChat(ctx, c, reason)
}

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
	load(t)
	db, err := sqlite.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sched := &schedules{db: db}
	b := bot.New(engine, catalog, directory, db, libraryTips{}, bot.Config{Schedules: sched, ChecksPerMinute: 1 << 20})
	cfg := telegram.Config{
		Token: srv.Token, Endpoint: srv.Endpoint(), PollTimeout: 5 * time.Second, Webhook: opt.webhook,
		Client: &http.Client{Timeout: 30 * time.Second}, Seen: db, Mover: db, Grace: 5 * time.Second,
	}
	if opt.noSeen {
		cfg.Seen = nil
	}
	tg, err := telegram.New(b, cfg)
	if err != nil {
		t.Fatal(err)
	}
	sched.loop = schedule.New(db, libraryTips{}, map[string]schedule.Poster{telegram.Platform: bot.TipPoster{Bot: b, Sender: tg}},
		schedule.Config{Poll: 200 * time.Millisecond, RetryMin: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, srv: srv, db: db, tg: tg, stop: cancel, done: make(chan error, 2)}
	go func() { h.done <- tg.Run(ctx) }()
	go func() { sched.loop.Run(ctx); h.done <- nil }()
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

func dbPath(t testing.TB) string { return filepath.Join(t.TempDir(), "scamwarn.db") }

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
