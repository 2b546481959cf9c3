package main

import (
	"context"
	"flag"
	"io"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/web"
)

// runServe serves the HTTP service alone: no chat tokens and no database,
// so anyone can open the checker page in a browser.
func runServe(ctx context.Context, args []string, env []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("http", cmpOrEnv(env, envHTTP, "localhost:8080"), "the address to serve on")
	token := fs.String("http-token", getenv(env, envHTTPToken), "require this bearer token on the /v1 API")
	trustProxy := fs.Bool("http-trust-proxy", getenv(env, envTrustProxy) == "1", "rate-limit by the client address a reverse proxy appends to X-Forwarded-For")
	logLevel := fs.String("log-level", cmpOrEnv(env, envLogLevel, "info"), "debug, info, warn or error")
	allow := fs.String("allow", "", "file of domains never to flag, one a line")
	deny := fs.String("deny", "", "file of domains always to flag, one a line")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() > 0 {
		return scam.Errorf(scam.CodeBadArgument, "serve takes no arguments, only flags (scamwarn help)")
	}
	log, err := newLogger(*logLevel, stderr)
	if err != nil {
		return err
	}
	c, err := loadContent(domainLists{allow: *allow, deny: *deny})
	if err != nil {
		return err
	}
	s := web.New(c.engine, c.words, c.dir, c.lib, web.NewMetrics(), web.Config{Token: *token, TrustProxy: *trustProxy, Log: log})
	log.Info("serving", "addr", *addr)
	return web.Serve(ctx, *addr, s.Handler(), log)
}
