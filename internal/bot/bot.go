// Package bot is scamwarn without a platform: it takes a neutral request (a
// message to check, a command, a button press) and returns neutral replies.
// Everything the Telegram and Discord adapters do the same way lives here
// once: the command grammar, permission decisions, rate limits and the
// wording of answers in the reader's language.
package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
)

// Checker says how likely a message is a scam (detect.Engine).
type Checker interface {
	Check(m scam.Message) scam.Verdict
}

// Store remembers settings, limits, feedback and counts (sqlite.DB).
type Store interface {
	Settings(ctx context.Context, chat scam.ChatRef) (scam.ChatSettings, error)
	SaveSettings(ctx context.Context, chat scam.ChatRef, s scam.ChatSettings) error
	Allow(ctx context.Context, scope, user string, limit int, window time.Duration, now time.Time) (bool, error)
	RecordFeedback(ctx context.Context, f scam.Feedback) error
	CountCheck(ctx context.Context, day time.Time, platform, source string, level scam.Level, category scam.Category) error
	TipsSeen(ctx context.Context, chat scam.ChatRef, limit int) ([]string, time.Time, error)
	RecordTip(ctx context.Context, chat scam.ChatRef, tipID string, at time.Time) error
	NoteActivity(ctx context.Context, chat scam.ChatRef, at time.Time) error
	// LastActivity is when NoteActivity last saw chat; zero when never.
	LastActivity(ctx context.Context, chat scam.ChatRef) (time.Time, error)
}

// Tips picks the next awareness tip for a chat (tips.Library, through a
// small adapter in cmd/scamwarn).
type Tips interface {
	// PickTip returns the tip chat should see next in lang, given the ids
	// it has seen, oldest first.
	PickTip(chat scam.ChatRef, lang string, tags, seen []string, now time.Time) (scam.Tip, error)
}

// Config tunes a Bot; New fills in zero fields.
type Config struct {
	// Schedules manages tip schedules; without it /tips answers that the
	// scheduler is unavailable.
	Schedules Schedules
	// ChecksPerMinute caps the checks one user may ask for (default 20).
	ChecksPerMinute int
	// Name is how the bot calls itself in help texts (default "scamwarn").
	Name string
	Log  *slog.Logger
	// Now is the clock (default time.Now); tests set it.
	Now func() time.Time
	// Observer, when set, hears of each check and each error, for metrics.
	Observer Observer
}

// Observer hears what the bot does, in counts: never text or ids.
type Observer interface {
	Checked(source string, level scam.Level, category scam.Category)
	Error(kind string)
}

// Bot answers requests. It is safe for concurrent use.
type Bot struct {
	check     Checker
	words     *wording.Catalog
	directory *wording.Directory
	store     Store
	tips      Tips
	schedules Schedules
	cfg       Config
	log       *slog.Logger

	mu       sync.Mutex
	verdicts map[string]verdictRef // recent verdicts by reference, for feedback
	order    []string              // references, oldest first
	pairings map[string]pairing    // codes for moderator notices, by code
}

// verdictRef is what a feedback vote needs of a verdict: never its text.
type verdictRef struct {
	level    scam.Level
	category scam.Category
	rules    []string
}

// maxVerdicts bounds the memory of recent verdicts kept for feedback.
const maxVerdicts = 10000

// New returns a bot that checks with check, words answers with words and
// directory, remembers with store and picks tips with tips.
func New(check Checker, words *wording.Catalog, directory *wording.Directory, store Store, tips Tips, cfg Config) *Bot {
	if cfg.ChecksPerMinute <= 0 {
		cfg.ChecksPerMinute = 20
	}
	if cfg.Name == "" {
		cfg.Name = "scamwarn"
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Bot{
		check: check, words: words, directory: directory, store: store, tips: tips, schedules: cfg.Schedules,
		cfg: cfg, log: log, verdicts: map[string]verdictRef{}, pairings: map[string]pairing{},
	}
}

// Handle answers one request. It never fails: a problem becomes a reply
// the user can read (never a Go error string) and a log line without text
// or ids.
func (b *Bot) Handle(ctx context.Context, r Request) (replies []Reply) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("bot panic", "panic", p, "chat_type", r.ChatType)
			replies = []Reply{b.errorReply(r, b.lang(ctx, r), scam.Errorf(scam.CodeInternal, "panic"))}
		}
	}()
	if r.Removed {
		return b.removed(ctx, r)
	}
	cmd, args, isCmd := parseCommand(r.Message.Text)
	if r.Button == "" && !isCmd && r.ChatType != Private {
		// The hot path: group chatter. watch reads the group's settings
		// once and words a warning only when one is due.
		return b.watch(ctx, r)
	}
	if r.ChatType == Private && r.User.ID != "" {
		// Remembered (as a keyed hash) so that a /check in a group can
		// tell whether the details may go to the user privately.
		if err := b.store.NoteActivity(ctx, userRef(r.Chat.Platform, r.User.ID), b.cfg.Now()); err != nil {
			b.log.Warn("private chat not noted", "err", err)
		}
	}
	s := b.settings(ctx, r)
	lang := b.words.Match(s.Lang, r.ChatLang, r.User.Lang)
	if r.PrivateAnswer {
		lang = b.words.Match(r.User.Lang, s.Lang, r.ChatLang) // seen by the user alone
	}
	switch {
	case r.Button != "":
		return b.button(ctx, r, lang)
	case isCmd:
		return b.command(ctx, r, lang, s.Country, cmd, args)
	default:
		return b.checkAndAnswer(ctx, r, lang, s.Country, r.Message, "")
	}
}

// lang is the language to answer in: the chat's setting, else the user's
// platform language, matched to a catalog language.
func (b *Bot) lang(ctx context.Context, r Request) string {
	return b.words.Match(b.settings(ctx, r).Lang, r.ChatLang, r.User.Lang)
}

// settings returns the settings that apply to r; the defaults when the
// store cannot say, so that a busy database never stops an answer.
func (b *Bot) settings(ctx context.Context, r Request) scam.ChatSettings {
	s, err := b.store.Settings(ctx, settingsRef(r))
	if err != nil {
		b.log.Warn("settings unavailable", "err", err)
	}
	return s
}

// settingsRef is where the settings that apply to r live: a group's own,
// or, in a private chat, the user's (the same in every private chat with
// the bot, and on Discord a DM channel id is not the user's id).
func settingsRef(r Request) scam.ChatRef {
	if r.ChatType == Private {
		return userRef(r.Chat.Platform, r.User.ID)
	}
	return r.Chat
}

func userRef(platform, userID string) scam.ChatRef {
	return scam.ChatRef{Platform: platform, ID: "user:" + userID}
}

func (b *Bot) text(lang, key string) string { return b.words.Text(lang, key, "") }

// errorReply words err for the user, in the chat of the request.
func (b *Bot) errorReply(r Request, lang string, err error) Reply {
	code := scam.CodeOf(err)
	if b.cfg.Observer != nil {
		b.cfg.Observer.Error(string(code))
	}
	if code == scam.CodeInternal || code == scam.CodeUnavailable {
		b.log.Error("request failed", "code", code, "err", err)
	}
	key := "error." + string(code)
	if !b.words.Has(lang, key) {
		key = "error.internal"
	}
	detail := ""
	if code == scam.CodeBadArgument {
		detail = scam.UserMessage(err)
	}
	return Reply{Chat: r.Chat, ReplyTo: r.MessageID, Body: textOf(b.words.Text(lang, key, detail))}
}

// remember keeps what feedback on a verdict needs, under a random
// reference that goes into the buttons.
func (b *Bot) remember(v scam.Verdict) string {
	raw := make([]byte, 8)
	rand.Read(raw)
	ref := hex.EncodeToString(raw)
	vr := verdictRef{level: v.Level, category: v.Category}
	for _, s := range v.Signals {
		vr.rules = append(vr.rules, s.Rule)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.verdicts[ref] = vr
	b.order = append(b.order, ref)
	if len(b.order) > maxVerdicts {
		delete(b.verdicts, b.order[0])
		b.order = b.order[1:]
	}
	return ref
}

func (b *Bot) recall(ref string) (verdictRef, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.verdicts[ref]
	return v, ok
}

// parseCommand splits "/check@scamwarn_bot some text" into "check" and
// "some text". Commands are ASCII letters, digits and underscores.
func parseCommand(text string) (cmd, args string, ok bool) {
	text = strings.TrimLeft(text, " \t\n")
	if !strings.HasPrefix(text, "/") {
		return "", "", false
	}
	end := strings.IndexAny(text, " \t\n")
	if end < 0 {
		end = len(text)
	}
	cmd = text[1:end]
	if at := strings.IndexByte(cmd, '@'); at >= 0 {
		cmd = cmd[:at]
	}
	for _, c := range cmd {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return "", "", false // "/ 2" or a path: not a command
		}
	}
	if cmd == "" {
		return "", "", false
	}
	return strings.ToLower(cmd), strings.TrimSpace(text[end:]), true
}
