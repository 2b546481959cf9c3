package main

import (
	"cmp"
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/scamwarn/scamwarn/bots/terminal"
	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
)

// runChat runs the bot in the terminal: the whole conversation with no
// token, on a throwaway database unless --db names one.
func runChat(ctx context.Context, args []string, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "keep settings and schedules in this database file (default: a temporary one, removed at exit)")
	lang := fs.String("lang", "", "your language (en, fr, zh…); default from $LANG")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() > 0 {
		return scam.Errorf(scam.CodeBadArgument, "chat takes no arguments; type the messages once it starts")
	}
	path := *dbPath
	if path == "" {
		dir, err := os.MkdirTemp("", "scamwarn-chat-")
		if err != nil {
			return scam.Wrap(scam.CodeUnavailable, "cannot make a temporary database", err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "chat.db")
	}
	// Only problems are logged, so they do not drown the conversation.
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	a, err := openApp(ctx, appConfig{dbPath: path, log: log})
	if err != nil {
		return err
	}
	defer a.close()
	term := terminal.New(a.bot, stdin, stdout, cmp.Or(*lang, envLang(env)))
	a.serve(map[string]bot.Sender{terminal.Platform: term}, schedule.Config{})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return a.run(ctx, func(ctx context.Context) error {
		defer cancel() // the session is over: stop the scheduler too
		return term.Run(ctx)
	})
}
