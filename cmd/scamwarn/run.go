package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/scamwarn/scamwarn/bots/telegram"
	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/sqlite"
)

// Environment variables "run" reads; flags override them.
const (
	envTelegramToken = "TELEGRAM_TOKEN"
	envTelegramAPI   = "SCAMWARN_TELEGRAM_API"
	envWebhookURL    = "SCAMWARN_WEBHOOK_URL"
	envWebhookListen = "SCAMWARN_WEBHOOK_LISTEN"
	envWebhookSecret = "SCAMWARN_WEBHOOK_SECRET"
	envLogLevel      = "SCAMWARN_LOG_LEVEL"
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
	allow := fs.String("allow", "", "file of domains never to flag, one a line (SIGHUP reloads)")
	deny := fs.String("deny", "", "file of domains always to flag, one a line (SIGHUP reloads)")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() > 0 {
		return scam.Errorf(scam.CodeBadArgument, "run takes no arguments, only flags (scamwarn help)")
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return scam.Errorf(scam.CodeBadArgument, "--log-level %q: want debug, info, warn or error", *logLevel)
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))

	token := getenv(env, envTelegramToken)
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return scam.Wrap(scam.CodeBadArgument, "cannot read --telegram-token-file", err)
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" {
		return scam.Errorf(scam.CodeBadArgument, "nothing to run: set %s (README: \"Run it on Telegram\"); to try the bot without a token, run: scamwarn chat", envTelegramToken)
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
	tg, err := telegram.New(a.bot, telegram.Config{Token: token, Endpoint: *tgAPI, Webhook: hook, Seen: a.db, Mover: a.db, Log: log})
	if err != nil {
		return err
	}
	a.serve(map[string]bot.Sender{telegram.Platform: tg}, schedule.Config{})

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go lists.reloadOn(ctx, a.engine, hup, log)

	jobs := []func(context.Context) error{tg.Run}
	if hook.URL != "" {
		mux := http.NewServeMux()
		mux.Handle(hookPath, tg.WebhookHandler())
		jobs = append(jobs, func(ctx context.Context) error { return serveHTTP(ctx, *hookListen, mux, log) })
	}
	log.Info("scamwarn running", "db", path, "webhook", hook.URL != "")
	err = a.run(ctx, jobs...)
	log.Info("scamwarn stopped", "err", err)
	return err
}

// serveHTTP serves h on addr until ctx ends, then shuts down, letting
// requests in flight finish.
func serveHTTP(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return scam.Wrap(scam.CodeBadArgument, "cannot listen on "+addr, err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) {
		return e
	}
	return err
}

func randomSecret() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// cmpOrEnv is the value of key in env, or def.
func cmpOrEnv(env []string, key, def string) string {
	return cmp.Or(getenv(env, key), def)
}
