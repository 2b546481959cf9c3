// Package telegram connects the bot to Telegram through the Bot API
// (github.com/go-telegram-bot-api/telegram-bot-api/v5, which only this
// package imports). It turns updates into bot requests and bot replies into
// messages, and deals with Telegram's realities: long polling or a webhook,
// re-delivered updates, 429s, outages and the 4096-character limit. It
// holds no scam logic and no wording.
package telegram

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// Platform is the platform name in chat references.
const Platform = "telegram"

// Handler answers neutral requests (bot.Bot).
type Handler interface {
	Handle(ctx context.Context, r bot.Request) []bot.Reply
}

// Seen remembers which updates were already taken (sqlite.DB), so an
// update Telegram hands out again after a restart is answered once.
type Seen interface {
	FirstSeen(ctx context.Context, source string, id int64, now time.Time) (bool, error)
}

// Mover carries a chat's settings and schedules over to a new id
// (sqlite.DB): Telegram gives a group a new id when it becomes a supergroup.
type Mover interface {
	MoveChat(ctx context.Context, from, to scam.ChatRef) error
}

// Observer hears of each update handled: its kind and how long the answer
// took.
type Observer interface {
	Update(platform, kind string, took time.Duration)
}

// Config tunes a Bot; New fills in zero fields.
type Config struct {
	Token string
	// Endpoint is the Bot API address pattern (default
	// "https://api.telegram.org/bot%s/%s"); tests point it at a fake.
	Endpoint string
	// Client makes the HTTP calls (default: a client with a 60-second
	// timeout, longer than a long poll).
	Client *http.Client
	// PollTimeout is how long one getUpdates call waits (default 30s).
	PollTimeout time.Duration
	// Webhook, when its URL is set, has Telegram post updates to
	// WebhookHandler instead of being polled.
	Webhook Webhook
	// Workers handle updates at once (default 8). Updates of one chat go
	// to one worker, so they are answered in order.
	Workers int
	// Seen de-duplicates updates across restarts; nil keeps no record.
	Seen Seen
	// Mover follows groups that become supergroups; nil forgets them.
	Mover Mover
	// Observer, when set, hears of each update handled, for metrics.
	Observer Observer
	// Grace is how long shutdown waits for queued updates and replies in
	// flight (default 10s).
	Grace time.Duration
	// HandleTimeout bounds the handling of one update (default 60s).
	HandleTimeout time.Duration
	// MaxRetryWait is the longest a send waits on a 429 before giving up
	// with an error that says when to retry (default 60s).
	MaxRetryWait time.Duration
	Log          *slog.Logger
}

// Webhook is where Telegram posts updates, and the secret it sends back in
// the X-Telegram-Bot-Api-Secret-Token header.
type Webhook struct {
	URL    string
	Secret string
}

// Bot is scamwarn on Telegram.
type Bot struct {
	cfg     Config
	handler Handler
	log     *slog.Logger
	api     atomic.Pointer[tgbotapi.BotAPI] // nil until connected
	admins  *adminCache

	qmu    sync.RWMutex // guards closed against enqueues from the webhook
	closed bool
	queues []chan tgbotapi.Update

	pmu     sync.Mutex
	next    int              // one past the newest update taken
	pending map[int]struct{} // updates taken, not yet handled
}

var _ bot.Sender = (*Bot)(nil)

// New returns a bot that answers with handler. It does not connect: Run
// does, and retries while Telegram cannot be reached.
func New(handler Handler, cfg Config) (*Bot, error) {
	if cfg.Token == "" {
		return nil, scam.Errorf(scam.CodeBadArgument, "a Telegram bot token is needed (from @BotFather)")
	}
	if cfg.Endpoint == "" {
		cfg.Endpoint = tgbotapi.APIEndpoint
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 60 * time.Second}
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = 30 * time.Second
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 10 * time.Second
	}
	if cfg.HandleTimeout <= 0 {
		cfg.HandleTimeout = 60 * time.Second
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = 60 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	b := &Bot{cfg: cfg, handler: handler, log: cfg.Log.With("platform", Platform), admins: newAdminCache(), pending: map[int]struct{}{}}
	for range cfg.Workers {
		b.queues = append(b.queues, make(chan tgbotapi.Update, 64))
	}
	return b, nil
}

// allowedUpdates are the kinds of update the bot asks for.
var allowedUpdates = []string{"message", "edited_message", "channel_post", "callback_query", "my_chat_member"}

// Run connects, takes updates until ctx ends, then lets queued updates and
// replies in flight finish (within Grace) and, when polling, confirms the
// last update so it is not handed out again. It returns an error only when
// Telegram refuses the token.
func (b *Bot) Run(ctx context.Context) error {
	if err := b.connect(ctx); err != nil || ctx.Err() != nil {
		return err // stopped before Telegram could be reached: nothing to finish
	}
	// Work taken on finishes after ctx ends, within Grace.
	work := context.WithoutCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { b.setMenu(ctx) })
	for _, q := range b.queues {
		wg.Go(func() {
			for u := range q {
				b.handle(work, u)
			}
		})
	}
	var err error
	if b.cfg.Webhook.URL != "" {
		err = b.serveWebhook(ctx)
	} else {
		err = b.poll(ctx)
	}
	b.closeQueues()
	drained := make(chan struct{})
	go func() { wg.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(b.cfg.Grace):
		b.log.Warn("shutdown grace over; updates still in hand are left for the next start")
	}
	if b.cfg.Webhook.URL == "" && err == nil {
		b.confirm()
	}
	return err
}

// Ready reports whether the bot is connected to Telegram.
func (b *Bot) Ready() bool { return b.api.Load() != nil }

// connect calls getMe until Telegram answers, backing off while it cannot
// be reached. A refused token ends it at once.
func (b *Bot) connect(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		api, err := tgbotapi.NewBotAPIWithClient(b.cfg.Token, b.cfg.Endpoint, ctxClient{b.cfg.Client, ctx})
		if err == nil {
			api.Client = b.cfg.Client
			b.api.Store(api)
			b.log.Info("connected", "bot_id", api.Self.ID, "reads_all_group_messages", api.Self.CanReadAllGroupMessages)
			return nil
		}
		if refused(err) {
			return scam.Wrap(scam.CodeBadArgument, "Telegram refused the bot token: check TELEGRAM_TOKEN (from @BotFather)", err)
		}
		wait := backoff(attempt, time.Second, time.Minute)
		b.log.Warn("cannot reach Telegram; retrying", "err", err, "wait", wait)
		if !sleep(ctx, wait) {
			return nil
		}
	}
}

// refused reports whether err means the token is wrong: 401, or 404 for a
// token the server cannot even parse.
func refused(err error) bool {
	var e *tgbotapi.Error
	return errors.As(err, &e) && (e.Code == http.StatusUnauthorized || e.Code == http.StatusNotFound)
}

// source names this bot's updates in the Seen record.
func (b *Bot) source() string {
	return Platform + ":" + strconv.FormatInt(b.api.Load().Self.ID, 10)
}

// handle answers one update and posts the replies.
func (b *Bot) handle(ctx context.Context, u tgbotapi.Update) {
	defer b.done(u.UpdateID)
	ctx, cancel := context.WithTimeout(ctx, b.cfg.HandleTimeout)
	defer cancel()
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic handling an update", "panic", p, "kind", kindOf(u))
		}
	}()
	if b.cfg.Seen != nil {
		first, err := b.cfg.Seen.FirstSeen(ctx, b.source(), int64(u.UpdateID), time.Now())
		if err != nil {
			b.log.Warn("cannot tell whether an update was seen; answering it", "err", err)
		} else if !first {
			b.log.Info("update already answered", "kind", kindOf(u))
			return
		}
	}
	if b.migrated(ctx, u) {
		return
	}
	in, ok := b.request(u)
	if !ok {
		return
	}
	var replies []bot.Reply
	if in.req.Chat.ID != "" {
		replies = b.handler.Handle(ctx, in.req)
	}
	answered := false
	for _, r := range replies {
		if in.callback != "" && !answered {
			answered = true
			b.answerCallback(ctx, in, r)
		}
		if len(r.Body) == 0 {
			continue
		}
		if r.ToUser {
			r.Chat = scam.ChatRef{Platform: Platform, ID: in.req.User.ID}
		}
		if err := b.Send(ctx, r); err != nil {
			b.log.Warn("reply not sent", "err", err, "code", scam.CodeOf(err), "private", r.ToUser)
		}
	}
	if in.callback != "" && !answered {
		b.answerCallback(ctx, in, bot.Reply{})
	}
	if b.cfg.Observer != nil {
		b.cfg.Observer.Update(Platform, kindOf(u), time.Since(start))
	}
	b.log.Debug("update", "kind", kindOf(u), "chat_type", in.req.ChatType, "replies", len(replies), "ms", time.Since(start).Milliseconds())
}

// kindOf names the kind of an update for logs.
func kindOf(u tgbotapi.Update) string {
	switch {
	case u.Message != nil:
		return "message"
	case u.EditedMessage != nil:
		return "edited_message"
	case u.ChannelPost != nil:
		return "channel_post"
	case u.CallbackQuery != nil:
		return "callback_query"
	case u.MyChatMember != nil:
		return "my_chat_member"
	}
	return "other"
}

// enqueue hands u to the worker of its chat. It reports false when the bot
// is shutting down or ctx ends first.
func (b *Bot) enqueue(ctx context.Context, u tgbotapi.Update) bool {
	b.qmu.RLock()
	defer b.qmu.RUnlock()
	if b.closed {
		return false
	}
	q := b.queues[shard(chatOf(u), len(b.queues))]
	select {
	case q <- u:
		return true
	case <-ctx.Done():
		return false
	}
}

func (b *Bot) closeQueues() {
	b.qmu.Lock()
	defer b.qmu.Unlock()
	if !b.closed {
		b.closed = true
		for _, q := range b.queues {
			close(q)
		}
	}
}

func shard(chat int64, n int) int {
	if chat < 0 {
		chat = -chat
	}
	return int(chat % int64(n))
}

// chatOf is the chat an update belongs to, for ordering.
func chatOf(u tgbotapi.Update) int64 {
	var m *tgbotapi.Message
	switch {
	case u.Message != nil:
		m = u.Message
	case u.EditedMessage != nil:
		m = u.EditedMessage
	case u.ChannelPost != nil:
		m = u.ChannelPost
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil:
		m = u.CallbackQuery.Message
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.ID
	}
	if m == nil || m.Chat == nil {
		return 0
	}
	return m.Chat.ID
}

// ctxClient gives the SDK's context-free requests a context, so a long
// poll stops at shutdown and a send stops at its deadline.
type ctxClient struct {
	c   *http.Client
	ctx context.Context
}

func (c ctxClient) Do(r *http.Request) (*http.Response, error) {
	resp, err := c.c.Do(r.WithContext(c.ctx))
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		// The address holds the bot token: keep it out of errors and logs.
		ue.URL = redactToken(ue.URL)
	}
	return resp, err
}

// redactToken hides the token in a Bot API address ".../bot<token>/method".
func redactToken(addr string) string {
	i := strings.Index(addr, "/bot")
	if i < 0 {
		return addr
	}
	j := strings.Index(addr[i+4:], "/")
	if j < 0 {
		return addr[:i] + "/bot<token>"
	}
	return addr[:i] + "/bot<token>" + addr[i+4+j:]
}

// with returns the connected API bound to ctx, or nil before Run connects.
func (b *Bot) with(ctx context.Context) *tgbotapi.BotAPI {
	api := b.api.Load()
	if api == nil {
		return nil
	}
	bound := *api
	bound.Client = ctxClient{b.cfg.Client, ctx}
	return &bound
}

// sleep waits d or until ctx ends, and reports whether it waited in full.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// backoff is the wait before retry attempt+1: doubling from lo up to hi,
// with up to a quarter of jitter so instances do not retry in step.
func backoff(attempt int, lo, hi time.Duration) time.Duration {
	d := lo << min(attempt, 16)
	if d > hi || d <= 0 {
		d = hi
	}
	return d - rand.N(d/4+1)
}
