package discord_test

import (
	"context"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/bots/discord"
	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
	"github.com/scamwarn/scamwarn/internal/bot/bottest"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/sqlite"
)

// Written for these tests: a free-Nitro lure, a pig-butchering opener and
// ordinary chat.
const (
	nitroLure     = "Hey! Discord is giving away free Nitro for 3 months, claim it before it expires: https://dlscord-nitro-gift.xyz/claim"
	pigButchering = "Hi dear, I'm Lisa. My uncle is an analyst at a crypto platform; with his insider signals I earned 30% in a week. " +
		"Deposit USDT on https://gl0bal-coinex-trade.vip and I will guide you. Don't tell your family until you see the profit."
	chatter = "hello everyone, who is up for a match tonight after dinner?"
)

// world is a server with a member, a moderator, #general and #mods.
type world struct {
	srv           *discordtest.Server
	db            *sqlite.DB
	bot           *discord.Bot
	guild         discordtest.Guild
	general, mods string
	alice, mod    discordtest.User
	stop          context.CancelFunc
	done          chan error
}

func newWorld(t *testing.T, cfg discord.Config, setup ...func(*discordtest.Server)) *world {
	t.Helper()
	srv := discordtest.New()
	for _, f := range setup {
		f(srv)
	}
	w := &world{srv: srv, alice: discordtest.NewUser("alice"), mod: discordtest.NewUser("mod")}
	modRole := discordtest.NewRole("Mods", discordtest.PermManageGuild)
	general, mods := discordtest.TextChannel("general"), discordtest.TextChannel("mods")
	w.guild = srv.AddGuild(discordtest.Guild{Name: "Gamers", Roles: []discordtest.Role{modRole}, Channels: []discordtest.Channel{general, mods}})
	w.general, w.mods = general.ID, mods.ID
	srv.AddMember(w.guild.ID, discordtest.Member{User: &w.alice})
	srv.AddMember(w.guild.ID, discordtest.Member{User: &w.mod, Roles: []string{modRole.ID}})

	app := bottest.Open(t, bottest.Path(t))
	w.db = app.DB
	cfg.Token, cfg.Client = srv.Token(), srv.Client()
	if testing.Verbose() {
		cfg.Log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	b, err := discord.New(app.Bot, cfg)
	if err != nil {
		t.Fatal(err)
	}
	w.bot = b
	loop := app.Scheduler(discord.Platform, b)
	ctx, cancel := context.WithCancel(context.Background())
	w.stop, w.done = cancel, make(chan error, 2)
	go func() { w.done <- b.Run(ctx) }()
	go func() { loop.Run(ctx); w.done <- nil }()
	t.Cleanup(func() {
		w.shutdown(t)
		srv.Close()
	})
	waitFor(t, func(ctx context.Context) error { return srv.WaitConnected(ctx) })
	waitFor(t, func(ctx context.Context) error {
		return srv.WaitFor(ctx, func(discordtest.Snapshot) bool { return len(srv.Commands("")) > 0 })
	})
	return w
}

func (w *world) shutdown(t *testing.T) {
	if w.stop == nil {
		return
	}
	w.stop()
	w.stop = nil
	for range 2 {
		select {
		case err := <-w.done:
			if err != nil {
				t.Errorf("the bot stopped with %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("the bot did not stop")
		}
	}
}

func waitFor(t *testing.T, fn func(context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	defer cancel()
	if err := fn(ctx); err != nil {
		t.Fatalf("waited in vain: %v", err)
	}
}

// response waits for the first response to interaction id.
func (w *world) response(t *testing.T, id string) discordtest.Response {
	t.Helper()
	var got discordtest.Response
	waitFor(t, func(ctx context.Context) error {
		return w.srv.WaitFor(ctx, func(s discordtest.Snapshot) bool {
			for _, r := range s.Responses {
				if r.InteractionID == id && (len(r.Embeds) > 0 || r.Content != "") {
					got = r
					return true
				}
			}
			return false
		})
	})
	return got
}

// sentIn waits until a message in channel satisfies ok, and returns it.
func (w *world) sentIn(t *testing.T, channel string, ok func(discordtest.Sent) bool) discordtest.Sent {
	t.Helper()
	var got discordtest.Sent
	waitFor(t, func(ctx context.Context) error {
		return w.srv.WaitFor(ctx, func(s discordtest.Snapshot) bool {
			for _, m := range s.Sent {
				if m.ChannelID == channel && ok(m) {
					got = m
					return true
				}
			}
			return false
		})
	})
	return got
}

// text is what a reader sees of embeds: markdown escapes and the
// zero-width spaces that defuse mentions do not show.
func text(embeds []discordtest.Embed) string {
	var b strings.Builder
	for _, e := range embeds {
		b.WriteString(e.Title + "\n" + e.Description + "\n")
	}
	return unescape.ReplaceAllString(strings.ReplaceAll(b.String(), "\u200b", ""), "$1")
}

var unescape = regexp.MustCompile("\\\\([\\\\*_~`|>#\\-\\[\\]()<])")

func contains(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

func TestContextMenuCheckAnswersPrivately(t *testing.T) {
	w := newWorld(t, discord.Config{})
	target := w.srv.MessageCreate(w.srv.GuildMessage(w.guild.ID, w.general, w.alice, pigButchering))
	in := w.srv.InteractionCreate(w.srv.MessageCommand(w.guild.ID, w.general, w.mod, "Is this a scam?", target))
	got := w.response(t, in.ID)
	if !got.Ephemeral() {
		t.Error("the answer is visible to everyone")
	}
	contains(t, "the verdict", text(got.Embeds), "Very likely a scam", "Red flags found", "Deposit USDT")
	if got.Embeds[0].Color != 0xd64545 {
		t.Errorf("colour %x, want red for high", got.Embeds[0].Color)
	}
	if len(got.Components) == 0 {
		t.Fatal("no feedback buttons")
	}

	// Voting removes the buttons and thanks privately.
	buttons := got.Components[0].Components
	// The answer is ephemeral: no channel message, so the press carries
	// what Discord knows of it.
	bu := w.srv.BotUser()
	msg := discordtest.Message{ID: got.MessageID, ChannelID: w.general, Author: bu, Timestamp: time.Now().UTC().Format(time.RFC3339), Flags: discordtest.FlagEphemeral}
	press := w.srv.InteractionCreate(w.srv.ButtonPress(w.guild.ID, w.general, w.mod, msg, buttons[0].CustomID))
	waitFor(t, func(ctx context.Context) error {
		return w.srv.WaitFor(ctx, func(s discordtest.Snapshot) bool {
			var dropped, thanked bool
			for _, r := range s.Responses {
				if r.InteractionID == press.ID {
					dropped = dropped || (r.Type == discordtest.ResponseUpdate && len(r.Components) == 0)
					thanked = thanked || (strings.Contains(r.Content, "Thank you") && r.Ephemeral())
				}
			}
			return dropped && thanked
		})
	})
}

func TestSlashCheckAndDMs(t *testing.T) {
	w := newWorld(t, discord.Config{})
	in := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.alice, "check", discordtest.StringOption("text", nitroLure)).WithLocale("fr"))
	got := w.response(t, in.ID)
	contains(t, "the French verdict", text(got.Embeds), "arnaque")
	if !got.Ephemeral() {
		t.Error("/check answered for all to see")
	}
	dm := w.srv.MessageCreate(w.srv.DM(w.alice, pigButchering))
	reply := w.sentIn(t, dm.ChannelID, func(s discordtest.Sent) bool { return len(s.Embeds) > 0 })
	contains(t, "the DM verdict", text(reply.Embeds), "Very likely a scam")
	if reply.AllowedMentions == nil || len(reply.AllowedMentions.Parse) != 0 {
		t.Errorf("a reply may ping: %+v", reply.AllowedMentions)
	}
}

func TestAlertsNeedManageServerAndWarnCalmly(t *testing.T) {
	w := newWorld(t, discord.Config{MessageContent: true})
	refused := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.alice, "alerts", discordtest.Subcommand("enable")))
	contains(t, "a member's /alerts enable", w.response(t, refused.ID).Content+text(w.response(t, refused.ID).Embeds), "Only the group's admins")

	on := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.mod, "alerts",
		discordtest.Subcommand("enable", discordtest.ChannelOption("channel", w.general), discordtest.ChannelOption("notify", w.mods))))
	contains(t, "the moderator's /alerts enable", text(w.response(t, on.ID).Embeds), "Scam alerts are now on", "I can read the messages here")

	quiet := w.srv.MessageCreate(w.srv.GuildMessage(w.guild.ID, w.general, w.alice, chatter))
	fromMod := w.srv.MessageCreate(w.srv.GuildMessage(w.guild.ID, w.general, w.mod, nitroLure))
	lure := w.srv.MessageCreate(w.srv.GuildMessage(w.guild.ID, w.general, w.alice, nitroLure))
	warning := w.sentIn(t, w.general, func(s discordtest.Sent) bool { return s.Reference != nil && s.Reference.MessageID == lure.ID })
	contains(t, "the warning", text(warning.Embeds), "Careful", "Red flags found")
	notice := w.sentIn(t, w.mods, func(discordtest.Sent) bool { return true })
	contains(t, "the notice", text(notice.Embeds), "Scam alert in #general", "https://discord.com/channels/"+w.guild.ID+"/"+w.general+"/"+lure.ID)
	time.Sleep(300 * time.Millisecond) // handlers run concurrently: give the others their chance
	for _, s := range w.srv.Sent() {
		if s.Reference != nil && (s.Reference.MessageID == quiet.ID || s.Reference.MessageID == fromMod.ID) {
			t.Errorf("the bot answered a message it should leave alone: %s", text(s.Embeds))
		}
	}
}

func TestWithoutTheContentIntentAlertsSaySo(t *testing.T) {
	w := newWorld(t, discord.Config{MessageContent: true}, func(srv *discordtest.Server) { srv.AllowMessageContent(false) })
	st := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.mod, "alerts", discordtest.Subcommand("status")))
	contains(t, "/alerts status", text(w.response(t, st.ID).Embeds), "cannot read ordinary messages")
}

func TestScheduledTipIsPostedOnceAndRemovalPauses(t *testing.T) {
	w := newWorld(t, discord.Config{})
	chat := scam.ChatRef{Platform: discord.Platform, ID: w.general}
	due := time.Now().Add(1500 * time.Millisecond).Truncate(time.Second)
	if _, err := w.db.AddSchedule(t.Context(), scam.Schedule{Chat: chat, Cadence: "daily " + due.UTC().Format("15:04"), Zone: "UTC", Lang: "en", NextWall: due.UTC(), Next: due}); err != nil {
		t.Fatal(err)
	}
	tip := w.sentIn(t, w.general, func(s discordtest.Sent) bool { return strings.Contains(text(s.Embeds), "Scam awareness tip") })
	if tip.At.Before(due) {
		t.Errorf("posted at %v, before %v", tip.At, due)
	}
	time.Sleep(time.Second)
	n := 0
	for _, s := range w.srv.Sent() {
		if s.ChannelID == w.general {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d posts, want 1", n)
	}

	// A moderator schedules tips in #mods, then #mods is deleted.
	in := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.mod, "tips", discordtest.Subcommand("schedule",
		discordtest.StringOption("cadence", "every monday"), discordtest.StringOption("time", "09:00"),
		discordtest.StringOption("timezone", "Asia/Manila"), discordtest.ChannelOption("channel", w.mods))))
	contains(t, "/tips schedule", text(w.response(t, in.ID).Embeds), "Tips scheduled: weekly mon 09:00 (Asia/Manila)")
	w.srv.ChannelDelete(w.mods)
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _ := w.db.Schedules(t.Context(), scam.ChatRef{Platform: discord.Platform, ID: w.mods})
		if len(list) == 1 && list[0].Paused == "removed" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("schedules of the deleted channel: %+v", list)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestGatewayDropIsResumedWithoutLossOrDoubles(t *testing.T) {
	w := newWorld(t, discord.Config{})
	w.srv.DropGateway()
	// Sent while the bot is disconnected: replayed on RESUME.
	dm := w.srv.MessageCreate(w.srv.DM(w.alice, pigButchering))
	waitFor(t, func(ctx context.Context) error {
		return w.srv.WaitFor(ctx, func(s discordtest.Snapshot) bool { return s.Resumes >= 1 && s.Live >= 1 })
	})
	w.sentIn(t, dm.ChannelID, func(s discordtest.Sent) bool { return len(s.Embeds) > 0 })
	time.Sleep(300 * time.Millisecond)
	n := 0
	for _, s := range w.srv.Sent() {
		if s.ChannelID == dm.ChannelID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the DM was answered %d times, want once", n)
	}
}

func TestRateLimitIsWaitedOut(t *testing.T) {
	w := newWorld(t, discord.Config{})
	w.srv.RateLimitNext("/messages", 1, time.Second, false)
	start := time.Now()
	dm := w.srv.MessageCreate(w.srv.DM(w.alice, nitroLure))
	w.sentIn(t, dm.ChannelID, func(s discordtest.Sent) bool { return len(s.Embeds) > 0 })
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("answered %v after a 429 asking for 1s", waited)
	}
}

func TestASlowAnswerIsDeferredThenDelivered(t *testing.T) {
	w := newWorld(t, discord.Config{Defer: time.Nanosecond}) // every answer counts as slow
	in := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.alice, "check", discordtest.StringOption("text", pigButchering)))
	waitFor(t, func(ctx context.Context) error {
		return w.srv.WaitFor(ctx, func(s discordtest.Snapshot) bool {
			var deferred, edited bool
			for _, r := range s.Responses {
				if r.InteractionID == in.ID {
					deferred = deferred || (r.Type == discordtest.ResponseDeferred && r.Ephemeral())
					edited = edited || (r.Type == discordtest.ResponseEdit && strings.Contains(text(r.Embeds), "Very likely a scam"))
				}
			}
			return deferred && edited
		})
	})
}

func TestAUserInstalledCheckWorksWhereTheBotIsNot(t *testing.T) {
	w := newWorld(t, discord.Config{})
	elsewhere := discordtest.NewID() // a server without the bot
	in := w.srv.InteractionCreate(w.srv.UserInstalled(w.srv.SlashCommand(elsewhere, discordtest.NewID(), w.alice, "check", discordtest.StringOption("text", nitroLure))))
	got := w.response(t, in.ID)
	if !got.Ephemeral() || !strings.Contains(text(got.Embeds), "scam") {
		t.Errorf("answer = %+v\n%s", got, text(got.Embeds))
	}
}

func TestAShardIdentifiesAsItself(t *testing.T) {
	w := newWorld(t, discord.Config{ShardID: 1, ShardCount: 2, MessageContent: true})
	if id := w.srv.Identified(); len(id) != 1 || id[0].Shard != [2]int{1, 2} || id[0].Intents&(1<<15) == 0 {
		t.Errorf("identified as %+v, want shard 1 of 2 with the content intent", id)
	}
}

func TestTipsNowListAndRemove(t *testing.T) {
	w := newWorld(t, discord.Config{})
	now := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.mod, "tips", discordtest.Subcommand("now")))
	tip := w.sentIn(t, w.general, func(s discordtest.Sent) bool { return strings.Contains(text(s.Embeds), "Scam awareness tip") })
	if tip.Flags&discordtest.FlagEphemeral != 0 {
		t.Error("the tip is not for everyone")
	}
	if got := w.response(t, now.ID); !got.Ephemeral() {
		t.Errorf("the acknowledgement is public: %+v", got)
	}
	list := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.mod, "tips", discordtest.Subcommand("schedule",
		discordtest.StringOption("cadence", "daily"), discordtest.StringOption("time", "18:00"))))
	contains(t, "/tips schedule", text(w.response(t, list.ID).Embeds), "daily 18:00 (UTC)")
	rm := w.srv.InteractionCreate(w.srv.SlashCommand(w.guild.ID, w.general, w.mod, "tips", discordtest.Subcommand("remove", discordtest.IntegerOption("id", 99))))
	contains(t, "/tips remove 99", text(w.response(t, rm.ID).Embeds), "no schedule #99 here")
}
