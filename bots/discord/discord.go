// Package discord connects the bot to Discord through its gateway and REST
// API (github.com/bwmarrin/discordgo, which only this package imports). It
// turns messages and interactions (the "Is this a scam?" context menu, the
// slash commands, button presses) into bot requests, and bot replies into
// embeds; it holds no scam logic and no wording.
package discord

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// Platform is the platform name in chat references.
const Platform = "discord"

// Handler answers neutral requests (bot.Bot).
type Handler interface {
	Handle(ctx context.Context, r bot.Request) []bot.Reply
}

// Observer hears of each event handled: its kind and how long the answer
// took.
type Observer interface {
	Update(platform, kind string, took time.Duration)
}

// Config tunes a Bot; New fills in zero fields.
type Config struct {
	Token string
	// Client makes the REST calls (default: a client with a 20-second
	// timeout); tests pass one that reaches a fake Discord.
	Client *http.Client
	// APIBase sends REST calls to this address instead of
	// https://discord.com (a REST proxy, or a fake in tests).
	APIBase string
	// MessageContent asks for the privileged message-content intent,
	// which channel alerts need. When Discord refuses it (the intent is
	// not enabled in the Developer Portal), the bot runs without it and
	// /alerts says so.
	MessageContent bool
	// GuildID registers the commands in this server only (they appear at
	// once: for development); "" registers them globally.
	GuildID string
	// ShardID and ShardCount split a large bot over processes.
	ShardID, ShardCount int
	// Defer is how long an interaction may take before the bot tells
	// Discord it is working on it (default 1.5s; Discord allows 3).
	Defer time.Duration
	// Grace is how long shutdown waits for replies in flight (default 10s).
	Grace time.Duration
	// Observer, when set, hears of each event handled, for metrics.
	Observer Observer
	Log      *slog.Logger
}

// Bot is scamwarn on Discord.
type Bot struct {
	cfg     Config
	handler Handler
	log     *slog.Logger
	session atomic.Pointer[discordgo.Session] // nil until connected
	content atomic.Bool                       // the message-content intent was granted
	work    sync.WaitGroup                    // handlers in flight
	ctx     context.Context                   // set by Run for the handlers
}

var _ bot.Sender = (*Bot)(nil)

// New returns a bot that answers with handler. It does not connect: Run
// does.
func New(handler Handler, cfg Config) (*Bot, error) {
	if cfg.Token == "" {
		return nil, scam.Errorf(scam.CodeBadArgument, "a Discord bot token is needed (Developer Portal, Bot, Reset Token)")
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 20 * time.Second}
	}
	if cfg.APIBase != "" {
		base, err := url.Parse(cfg.APIBase)
		if err != nil || base.Host == "" || (base.Scheme != "http" && base.Scheme != "https") {
			return nil, scam.Errorf(scam.CodeBadArgument, "the Discord API address %q is not an http(s) address", cfg.APIBase)
		}
		c := *cfg.Client
		c.Transport = rebase{base: base, next: cmpTransport(c.Transport)}
		cfg.Client = &c
	}
	if cfg.ShardCount <= 0 {
		cfg.ShardCount = 1
	}
	if cfg.ShardID < 0 || cfg.ShardID >= cfg.ShardCount {
		return nil, scam.Errorf(scam.CodeBadArgument, "shard %d is not in 0..%d", cfg.ShardID, cfg.ShardCount-1)
	}
	if cfg.Defer <= 0 {
		cfg.Defer = 1500 * time.Millisecond
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 10 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	b := &Bot{cfg: cfg, handler: handler, log: cfg.Log.With("platform", Platform)}
	routeSDKLog(b.log)
	return b, nil
}

// rebase sends requests for discord.com to another address.
type rebase struct {
	base *url.URL
	next http.RoundTripper
}

func (r rebase) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host == "discord.com" {
		req = req.Clone(req.Context())
		req.URL.Scheme, req.URL.Host = r.base.Scheme, r.base.Host
		req.Host = r.base.Host
	}
	return r.next.RoundTrip(req)
}

func cmpTransport(t http.RoundTripper) http.RoundTripper {
	if t == nil {
		return http.DefaultTransport
	}
	return t
}

var sdkLogOnce sync.Once

// routeSDKLog sends discordgo's own log lines to log, without their
// arguments: they can hold raw gateway events, message text included.
func routeSDKLog(log *slog.Logger) {
	sdkLogOnce.Do(func() {
		discordgo.Logger = func(level, _ int, format string, _ ...any) {
			if level <= discordgo.LogWarning {
				log.Warn("discordgo: " + format)
			}
		}
	})
}

// intents are what the bot listens to: server messages (for alerts), DMs,
// and servers joining and leaving.
const intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// closeDisallowedIntents is the gateway close code for a privileged intent
// the application may not use.
const closeDisallowedIntents = 4014

// Run connects, registers the commands and answers until ctx ends; then it
// lets replies in flight finish (within Grace) and closes. It returns an
// error when Discord refuses the token or the connection cannot be made.
func (b *Bot) Run(ctx context.Context) error {
	b.ctx = context.WithoutCancel(ctx)
	s, err := b.open(b.cfg.MessageContent)
	if err != nil && b.cfg.MessageContent && closedWith(err, closeDisallowedIntents) {
		b.log.Warn("Discord refused the message-content intent: enable it under Bot, Privileged Gateway Intents; running without it, so alerts cannot read messages")
		s, err = b.open(false)
	}
	if err != nil {
		return scam.Wrap(scam.CodeUnavailable, "cannot connect to Discord: check DISCORD_TOKEN", err)
	}
	b.session.Store(s)
	if err := b.register(ctx, s); err != nil {
		b.log.Error("commands not registered", "err", err)
	}
	<-ctx.Done()
	done := make(chan struct{})
	go func() { b.work.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(b.cfg.Grace):
		b.log.Warn("shutdown grace over with replies still in flight")
	}
	b.session.Store(nil)
	return s.Close()
}

// open opens a gateway session, with or without the message-content intent.
func (b *Bot) open(content bool) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + b.cfg.Token)
	if err != nil {
		return nil, err
	}
	s.Client = b.cfg.Client
	s.ShardID, s.ShardCount = b.cfg.ShardID, b.cfg.ShardCount
	s.Identify.Intents = intents
	if content {
		s.Identify.Intents |= discordgo.IntentsMessageContent
	}
	s.StateEnabled = true
	s.ShouldReconnectOnError = true
	s.ShouldRetryOnRateLimit = true // discordgo waits out retry_after itself
	s.MaxRestRetries = 3
	s.AddHandler(b.onReady)
	s.AddHandler(b.onMessage)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onGuildDelete)
	s.AddHandler(b.onChannelDelete)
	if err := s.Open(); err != nil {
		return nil, err
	}
	b.content.Store(content)
	return s, nil
}

// closedWith reports whether err is the gateway closing with code, which
// Open returns as it reads the connection.
func closedWith(err error, code int) bool {
	var ce *websocket.CloseError
	return errors.As(err, &ce) && ce.Code == code
}

// Ready reports whether the bot is connected to Discord.
func (b *Bot) Ready() bool { return b.session.Load() != nil }

func (b *Bot) onReady(s *discordgo.Session, r *discordgo.Ready) {
	b.log.Info("connected", "guilds", len(r.Guilds), "shard", b.cfg.ShardID, "message_content", b.content.Load())
}

// track runs fn as work shutdown waits for, with a context that outlives
// the gateway's cancellation and a panic guard.
func (b *Bot) track(kind string, fn func(ctx context.Context)) {
	b.work.Add(1)
	defer b.work.Done()
	start := time.Now()
	defer func() {
		if b.cfg.Observer != nil {
			b.cfg.Observer.Update(Platform, kind, time.Since(start))
		}
	}()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic handling a Discord event", "panic", p)
		}
	}()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	fn(ctx)
}
