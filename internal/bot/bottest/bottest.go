// Package bottest puts the real bot together for the platform adapters'
// end-to-end tests: the engine, the wording, the tips library, a SQLite
// database in a temporary directory and the scheduler, as cmd/scamwarn
// does. Only tests import it.
package bottest

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/tips"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

// The real engine, wording and tips, loaded once per test binary.
var (
	loadOnce  sync.Once
	engine    *detect.Engine
	catalog   *wording.Catalog
	directory *wording.Directory
	library   *tips.Library
)

func load() {
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

// App is the bot on a database, with a scheduler waiting for its posters.
type App struct {
	DB    *sqlite.DB
	Bot   *bot.Bot
	sched *schedule.Service
}

// Path is a database file in a test's temporary directory.
func Path(t testing.TB) string { return filepath.Join(t.TempDir(), "scamwarn.db") }

// Open opens the database at path (closed when the test ends) and puts the
// bot on it. Checks are not rate limited.
func Open(t testing.TB, path string) *App {
	t.Helper()
	load()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sched := &schedule.Service{Store: db}
	b := bot.New(engine, catalog, directory, db, Tips{}, bot.Config{Schedules: sched, ChecksPerMinute: 1 << 20})
	return &App{DB: db, Bot: b, sched: sched}
}

// Scheduler returns the scheduler posting through sender on platform,
// polling often so tests wait little. Run it until the test ends.
func (a *App) Scheduler(platform string, sender bot.Sender) *schedule.Loop {
	loop := schedule.New(a.DB, Tips{}, map[string]schedule.Poster{platform: bot.TipPoster{Bot: a.Bot, Sender: sender}},
		schedule.Config{Poll: 200 * time.Millisecond, RetryMin: 100 * time.Millisecond})
	a.sched.Loop = loop
	return loop
}

// Tips picks from the real library.
type Tips struct{}

// PickTip implements bot.Tips.
func (Tips) PickTip(chat scam.ChatRef, lang string, tags, seen []string, now time.Time) (scam.Tip, error) {
	return library.Next(tips.Request{Chat: chat.Platform + ":" + chat.ID, Lang: library.Match(lang), Tags: tags, Seen: seen, Now: now})
}

// NextTip implements schedule.Tips.
func (t Tips) NextTip(r schedule.TipRequest) (scam.Tip, error) {
	return t.PickTip(r.Chat, r.Lang, r.Tags, r.Seen, r.Now)
}
