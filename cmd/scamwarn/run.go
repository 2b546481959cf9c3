package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/scamwarn/scamwarn/bots/discord"
	"github.com/scamwarn/scamwarn/bots/telegram"
	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/web"
)

// Environment variables "run" reads; flags override them.
const (
	envTelegramToken = "TELEGRAM_TOKEN"
	envTelegramAPI   = "SCAMWARN_TELEGRAM_API"
	envWebhookURL    = "SCAMWARN_WEBHOOK_URL"
	envWebhookListen = "SCAMWARN_WEBHOOK_LISTEN"
	envWebhookSecret = "SCAMWARN_WEBHOOK_SECRET"
	envLogLevel      = "SCAMWARN_LOG_LEVEL"
	envDiscordToken  = "DISCORD_TOKEN"
	envDiscordAPI    = "SCAMWARN_DISCORD_API"
	envDiscordGuild  = "SCAMWARN_DISCORD_GUILD"
	envDiscordShard  = "SCAMWARN_DISCORD_SHARD"
	envHTTP          = "SCAMWARN_HTTP"
	envHTTPToken     = "SCAMWARN_HTTP_TOKEN"
	envTrustProxy    = "SCAMWARN_HTTP_TRUST_PROXY"
)

// runRun runs the bot on the platforms whose tokens are set, until ctx ends.
func runRun(ctx context.Context, args []string, env []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "the database file, created when missing; default $"+envDB+", else "+sqlite.DefaultPath)
	tokenFile := fs.String("telegram-token-file", "", "read the Telegram bot token from this file instead of $"+envTelegramToken)
	tgAPI := fs.String("telegram-api", getenv(env, envTelegramAPI), "the Bot API address pattern, for a local Bot API server (default Telegram's)")
	hookURL := fs.String("webhook-url", getenv(env, envWebhookURL), "take Telegram updates on this public HTTPS address instead of long polling")
	hookListen := fs.String("webhook-listen", cmpOrEnv(env, envWebhookListen, ":8443"), "where the webhook server listens (behind your TLS proxy)")
	hookSecret := fs.String("webhook-secret", getenv(env, envWebhookSecret), "the secret Telegram sends with each update; random when empty")
	logLevel := fs.String("log-level", cmpOrEnv(env, envLogLevel, "info"), "debug, info, warn or error")
	discordAPI := fs.String("discord-api", getenv(env, envDiscordAPI), "send Discord REST calls to this address instead of discord.com (a REST proxy)")
	discordGuild := fs.String("discord-guild", getenv(env, envDiscordGuild), "register the Discord commands in this server only (they appear at once: for development)")
	discordShard := fs.String("discord-shard", getenv(env, envDiscordShard), "ID/COUNT: run shard ID of COUNT (default 0/1)")
	discordContent := fs.Bool("discord-message-content", true, "ask Discord for the message-content intent that channel alerts need (falls back without it when refused)")
	httpAddr := fs.String("http", getenv(env, envHTTP), "also serve the check API, the page, /healthz, /readyz and /metrics on this address, such as :8080")
	httpToken := fs.String("http-token", getenv(env, envHTTPToken), "require this bearer token on the /v1 API")
	trustProxy := fs.Bool("http-trust-proxy", getenv(env, envTrustProxy) == "1", "rate-limit by the client address a reverse proxy appends to X-Forwarded-For")
	allow := fs.String("allow", "", "file of domains never to flag, one a line (SIGHUP reloads)")
	deny := fs.String("deny", "", "file of domains always to flag, one a line (SIGHUP reloads)")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() > 0 {
		return scam.Errorf(scam.CodeBadArgument, "run takes no arguments, only flags (scamwarn help)")
	}
	log, err := newLogger(*logLevel, stderr)
	if err != nil {
		return err
	}

	token := getenv(env, envTelegramToken)
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return scam.Wrap(scam.CodeBadArgument, "cannot read --telegram-token-file", err)
		}
		token = strings.TrimSpace(string(b))
	}
	discordToken := getenv(env, envDiscordToken)
	if token == "" && discordToken == "" {
		return scam.Errorf(scam.CodeBadArgument, "nothing to run: set %s or %s (README: \"Run it on Telegram\", \"Run it on Discord\"); to try the bot without a token, run: scamwarn chat", envTelegramToken, envDiscordToken)
	}
	shardID, shardCount, err := parseShard(*discordShard)
	if err != nil {
		return err
	}
	hook := telegram.Webhook{URL: *hookURL, Secret: *hookSecret}
	var hookPath string
	if hook.URL != "" {
		u, err := url.Parse(hook.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return scam.Errorf(scam.CodeBadArgument, "--webhook-url must be an https:// address Telegram can reach, not %q", hook.URL)
		}
		hookPath = cmp.Or(u.Path, "/")
		if hook.Secret == "" {
			hook.Secret = randomSecret()
		}
	}

	path := cmp.Or(*dbPath, getenv(env, envDB), sqlite.DefaultPath)
	lists := domainLists{allow: *allow, deny: *deny}
	a, err := openApp(ctx, appConfig{dbPath: path, lists: lists, log: log})
	if err != nil {
		return err
	}
	defer a.close()
	senders := map[string]bot.Sender{}
	probes := map[string]func() bool{}
	var jobs []func(context.Context) error
	if token != "" {
		tg, err := telegram.New(a.bot, telegram.Config{Token: token, Endpoint: *tgAPI, Webhook: hook, Seen: a.db, Mover: a.db, Observer: a.metrics, Log: log})
		if err != nil {
			return err
		}
		senders[telegram.Platform] = tg
		probes[telegram.Platform] = tg.Ready
		jobs = append(jobs, tg.Run)
		if hook.URL != "" {
			mux := http.NewServeMux()
			mux.Handle(hookPath, tg.WebhookHandler())
			jobs = append(jobs, func(ctx context.Context) error { return web.Serve(ctx, *hookListen, mux, log) })
		}
	}
	if discordToken != "" {
		dc, err := discord.New(a.bot, discord.Config{Token: discordToken, APIBase: *discordAPI, GuildID: *discordGuild,
			ShardID: shardID, ShardCount: shardCount, MessageContent: *discordContent, Observer: a.metrics, Log: log})
		if err != nil {
			return err
		}
		senders[discord.Platform] = dc
		probes[discord.Platform] = dc.Ready
		jobs = append(jobs, dc.Run)
	}
	if *httpAddr != "" {
		h := a.web(web.Config{Token: *httpToken, TrustProxy: *trustProxy}, probes).Handler()
		jobs = append(jobs, func(ctx context.Context) error { return web.Serve(ctx, *httpAddr, h, log) })
	}
	a.serve(senders, schedule.Config{})

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go lists.reloadOn(ctx, a.engine, hup, log)

	log.Info("scamwarn running", "db", path, "telegram", token != "", "discord", discordToken != "", "webhook", hook.URL != "")
	err = a.run(ctx, jobs...)
	log.Info("scamwarn stopped", "err", err)
	return err
}

// parseShard reads "ID/COUNT" ("" is 0/1).
func parseShard(v string) (id, count int, err error) {
	if v == "" {
		return 0, 1, nil
	}
	a, b, ok := strings.Cut(v, "/")
	id, err1 := strconv.Atoi(a)
	count, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || count < 1 || id < 0 || id >= count {
		return 0, 0, scam.Errorf(scam.CodeBadArgument, "--discord-shard %q: want ID/COUNT with 0 <= ID < COUNT, such as 0/2", v)
	}
	return id, count, nil
}

func randomSecret() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// newLogger is the JSON log of run and serve, at a level named as
// --log-level takes it.
func newLogger(level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, scam.Errorf(scam.CodeBadArgument, "--log-level %q: want debug, info, warn or error", level)
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
}

// cmpOrEnv is the value of key in env, or def.
func cmpOrEnv(env []string, key, def string) string {
	return cmp.Or(getenv(env, key), def)
}
