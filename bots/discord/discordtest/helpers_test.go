package discordtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
)

// fixture is a fake Discord with one guild, one text channel and one human.
type fixture struct {
	srv     *discordtest.Server
	guild   discordtest.Guild
	channel discordtest.Channel
	user    discordtest.User
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	srv := discordtest.New()
	t.Cleanup(srv.Close) // first registered, so it runs after the sessions close
	user := discordtest.NewUser("alice")
	g := srv.AddGuild(discordtest.Guild{
		Name:     "Scam Watchers",
		Channels: []discordtest.Channel{discordtest.TextChannel("general")},
		Roles:    []discordtest.Role{discordtest.NewRole("mods", discordtest.PermManageMessages)},
		Members:  []discordtest.Member{{User: &user}},
	})
	return fixture{srv: srv, guild: g, channel: g.Channels[0], user: user}
}

// restSession is a discordgo session wired to the fake, not connected to
// the gateway: enough for REST calls, and nothing to close.
func restSession(t *testing.T, srv *discordtest.Server) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	s.Client = srv.Client()
	s.Dialer = srv.Dialer()
	return s
}

// openSession connects a session with intents and handlers; events are
// handled in order (SyncEvents). It closes when the test ends.
func openSession(t *testing.T, srv *discordtest.Server, intents discordgo.Intent, handlers ...any) *discordgo.Session {
	t.Helper()
	s := restSession(t, srv)
	s.Identify.Intents = intents
	s.SyncEvents = true
	for _, h := range handlers {
		s.AddHandler(h)
	}
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { closeSession(s) })
	return s
}

// closeSession closes a connected session for good. Without turning
// reconnects off first, discordgo's heartbeat goroutine can wake during
// Close's 1 s sleep, fail to write on the closed socket and start a
// reconnect loop that outlives the test.
func closeSession(s *discordgo.Session) {
	s.Lock()
	s.ShouldReconnectOnError = false
	s.Unlock()
	_ = s.Close()
}

func timeout(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// receive waits for one value from ch.
func receive[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("timed out waiting for an event")
		panic("unreachable")
	}
}

// asDiscordgo decodes one of the fake's payloads into discordgo's type,
// proving the SDK reads it.
func asDiscordgo[T any](t *testing.T, v any) *T {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out := new(T)
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("discordgo cannot decode %s: %v", raw, err)
	}
	return out
}

// restCode returns the status and Discord code of a *discordgo.RESTError.
func restCode(t *testing.T, err error) (status, code int) {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("got error %v (%T), want *discordgo.RESTError", err, err)
	}
	if re.Message == nil {
		t.Fatalf("REST error without a JSON message: %s", re.ResponseBody)
	}
	return re.Response.StatusCode, re.Message.Code
}

// statuses lists the statuses of the calls whose path ends with suffix.
func statuses(calls []discordtest.Call, suffix string) []int {
	var out []int
	for _, c := range calls {
		if strings.HasSuffix(c.Path, suffix) {
			out = append(out, c.Status)
		}
	}
	return out
}
