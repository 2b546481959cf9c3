package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/tips"
	"github.com/scamwarn/scamwarn/internal/web"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

// app is scamwarn put together: the engine, the wording, the tips, the
// database, the bot, and the scheduler posting through the platforms.
type app struct {
	db      *sqlite.DB
	engine  *detect.Engine
	bot     *bot.Bot
	tips    tipPicker
	svc     *schedule.Service
	loop    *schedule.Loop // set by serve
	metrics *web.Metrics
	words   *wording.Catalog
	dir     *wording.Directory
	lib     *tips.Library
	log     *slog.Logger
}

// appConfig is what an app is opened with.
type appConfig struct {
	dbPath string
	lists  domainLists
	log    *slog.Logger
}

// content is what every command that answers people loads: the engine
// with the operator's domain lists, the reply catalogs, the reporting
// directory and the tips.
type content struct {
	engine *detect.Engine
	words  *wording.Catalog
	dir    *wording.Directory
	lib    *tips.Library
}

func loadContent(lists domainLists) (content, error) {
	var c content
	var err error
	if c.engine, err = detect.New(detect.Options{}); err != nil {
		return c, err
	}
	if err := lists.load(c.engine); err != nil {
		return c, err
	}
	if c.words, err = wording.Load(messages.FS()); err != nil {
		return c, err
	}
	if c.dir, err = wording.LoadDirectory(messages.FS()); err != nil {
		return c, err
	}
	c.lib, err = tips.Load(messages.FS())
	return c, err
}

// openApp loads everything the bot needs and opens (or creates) the
// database. Call serve to choose the platforms, then run.
func openApp(ctx context.Context, cfg appConfig) (*app, error) {
	c, err := loadContent(cfg.lists)
	if err != nil {
		return nil, err
	}
	eng, words, dir, lib := c.engine, c.words, c.dir, c.lib
	db, err := sqlite.Open(ctx, cfg.dbPath)
	if err != nil {
		return nil, err
	}
	a := &app{db: db, engine: eng, tips: tipPicker{lib}, log: cfg.log, svc: &schedule.Service{Store: db},
		metrics: web.NewMetrics(), words: words, dir: dir, lib: lib}
	a.bot = bot.New(eng, words, dir, db, a.tips, bot.Config{Schedules: a.svc, Log: cfg.log, Observer: a.metrics})
	return a, nil
}

// serve has the scheduler post through senders, by platform name.
func (a *app) serve(senders map[string]bot.Sender, cfg schedule.Config) {
	posters := map[string]schedule.Poster{}
	for name, s := range senders {
		posters[name] = bot.TipPoster{Bot: a.bot, Sender: s}
	}
	cfg.Log, cfg.Observer = a.log, a.metrics
	a.loop = schedule.New(a.db, a.tips, posters, cfg)
	a.svc.Loop = a.loop
}

// run runs the scheduler, the daily housekeeping and jobs (the platforms)
// until ctx ends or one of them fails; then all stop.
func (a *app) run(ctx context.Context, jobs ...func(context.Context) error) error {
	g, ctx := errgroup.WithContext(ctx)
	jobs = append(jobs, a.loop.Run, func(ctx context.Context) error { a.housekeeping(ctx); return nil })
	for _, job := range jobs {
		g.Go(func() error {
			// Stopping because the context ended is the clean way out.
			if err := job(ctx); !errors.Is(err, context.Canceled) {
				return err
			}
			return nil
		})
	}
	return g.Wait()
}

func (a *app) close() error { return a.db.Close() }

// web is the HTTP service on the app: the check API, the page, probes and
// metrics. probes are the platforms' readiness, by name.
func (a *app) web(cfg web.Config, probes map[string]func() bool) *web.Server {
	cfg.Log = a.log
	cfg.Probes = map[string]func(context.Context) error{
		"database": func(ctx context.Context) error { _, err := a.db.SchemaVersion(ctx); return err },
	}
	for name, ready := range probes {
		cfg.Probes[name] = func(context.Context) error {
			if !ready() {
				return errors.New(name + " is not connected")
			}
			return nil
		}
	}
	return web.New(a.engine, a.words, a.dir, a.lib, a.metrics, cfg)
}

// Housekeeping cut-offs: the scheduler's history is kept a year, rate
// counters a day (the longest window is ten minutes), and update ids two
// days (Telegram keeps an unconfirmed update for one).
const (
	keepHistory    = 365 * 24 * time.Hour
	keepRateLimits = 24 * time.Hour
	keepUpdates    = 48 * time.Hour
)

// housekeeping prunes old records at start and then daily.
func (a *app) housekeeping(ctx context.Context) {
	t := time.NewTicker(24 * time.Hour)
	defer t.Stop()
	for {
		now := time.Now()
		h, err1 := a.db.PruneHistory(ctx, now.Add(-keepHistory))
		r, err2 := a.db.PruneRateLimits(ctx, now.Add(-keepRateLimits))
		u, err3 := a.db.PruneUpdates(ctx, now.Add(-keepUpdates))
		if err := errors.Join(err1, err2, err3); err != nil && ctx.Err() == nil {
			a.log.Warn("housekeeping incomplete", "err", err)
		} else {
			a.log.Info("housekeeping", "history_rows", h, "rate_rows", r, "update_rows", u)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
