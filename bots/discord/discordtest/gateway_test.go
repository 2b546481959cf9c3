package discordtest_test

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
)

const baseIntents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

func TestOpenIdentifiesAndFillsState(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	created := make(chan *discordgo.GuildCreate, 1)
	s := openSession(t, f.srv, baseIntents, func(_ *discordgo.Session, g *discordgo.GuildCreate) { created <- g })
	receive(t, created)

	ids := f.srv.Identified()
	if len(ids) != 1 || ids[0].Intents != int64(baseIntents) || ids[0].Shard != [2]int{0, 1} {
		t.Fatalf("identified %+v, want one IDENTIFY with intents %d on shard [0 1]", ids, baseIntents)
	}
	if got, want := s.State.User.ID, f.srv.BotUser().ID; got != want {
		t.Errorf("READY user %q, want %q", got, want)
	}
	g, err := s.State.Guild(f.guild.ID)
	if err != nil {
		t.Fatalf("guild not in state: %v", err)
	}
	if g.Name != "Scam Watchers" || len(g.Channels) != 1 || len(g.Roles) != 2 {
		t.Errorf("state guild %q with %d channels and %d roles, want Scam Watchers, 1, 2", g.Name, len(g.Channels), len(g.Roles))
	}
	ch, err := s.State.Channel(f.channel.ID)
	if err != nil || ch.Name != "general" || ch.GuildID != f.guild.ID {
		t.Errorf("state channel %+v (%v), want general in the guild", ch, err)
	}
	role, err := s.State.Role(f.guild.ID, f.guild.Roles[1].ID)
	if err != nil || role.Permissions != discordtest.PermManageMessages {
		t.Errorf("state role %+v (%v), want ManageMessages", role, err)
	}
}

func TestHeartbeatsAreAcked(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.srv.SetHeartbeatInterval(50 * time.Millisecond)
	s := openSession(t, f.srv, baseIntents)
	if err := f.srv.WaitFor(timeout(t), func(snap discordtest.Snapshot) bool { return snap.Heartbeats >= 4 }); err != nil {
		t.Fatal(err)
	}
	s.RLock()
	ack := s.LastHeartbeatAck
	s.RUnlock()
	if time.Since(ack) > time.Second {
		t.Errorf("last heartbeat ACK %v ago, want recent", time.Since(ack))
	}
	// discordgo reconnects when ACKs stop; none happened.
	if got := f.srv.Identifies() + f.srv.Resumes(); got != 1 {
		t.Errorf("identifies+resumes = %d, want 1", got)
	}
}

func TestMessageContentIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		intents discordgo.Intent
		build   func(f fixture) discordtest.Message
		want    string
	}{
		{"without the intent a guild message arrives blank", baseIntents,
			func(f fixture) discordtest.Message {
				return f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "free nitro here")
			}, ""},
		{"with the intent a guild message keeps its content", baseIntents | discordgo.IntentsMessageContent,
			func(f fixture) discordtest.Message {
				return f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "free nitro here")
			}, "free nitro here"},
		{"a message mentioning the bot keeps its content", baseIntents,
			func(f fixture) discordtest.Message {
				return f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "<@"+f.srv.BotUser().ID+"> is this real?")
			}, "<@" + discordtest.DefaultBotID + "> is this real?"},
		{"a DM keeps its content", baseIntents,
			func(f fixture) discordtest.Message { return f.srv.DM(f.user, "check this link") }, "check this link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			got := make(chan *discordgo.MessageCreate, 4)
			openSession(t, f.srv, tt.intents, func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
			sent := f.srv.MessageCreate(tt.build(f))
			m := receive(t, got)
			if m.ID != sent.ID || m.Content != tt.want {
				t.Errorf("got message %s %q, want %s %q", m.ID, m.Content, sent.ID, tt.want)
			}
		})
	}
}

func TestOpenFailsWithCloseCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		token    string
		intents  discordgo.Intent
		deny     bool
		wantCode int
	}{
		{"a wrong token is refused with 4004", "Bot wrong", baseIntents, false, 4004},
		{"a disallowed privileged intent is refused with 4014", "", baseIntents | discordgo.IntentsMessageContent, true, 4014},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			f.srv.AllowMessageContent(!tt.deny)
			s := restSession(t, f.srv)
			if tt.token != "" {
				s.Token, s.Identify.Token = tt.token, tt.token
			}
			s.Identify.Intents = tt.intents
			err := s.Open()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.wantCode {
				t.Fatalf("Open() = %v, want close code %d", err, tt.wantCode)
			}
			if n := f.srv.Identifies(); n != 0 {
				t.Errorf("identifies = %d, want 0", n)
			}
		})
	}
}

// TestDropGatewayResumesWithoutLoss proves the point of the session buffer:
// what is dispatched while the bot is disconnected arrives after RESUME,
// once, in order.
func TestDropGatewayResumesWithoutLoss(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	got := make(chan *discordgo.MessageCreate, 16)
	openSession(t, f.srv, baseIntents|discordgo.IntentsMessageContent,
		func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
	if err := f.srv.WaitConnected(timeout(t)); err != nil {
		t.Fatal(err)
	}
	before := f.srv.MessageCreate(f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "before"))
	if m := receive(t, got); m.ID != before.ID {
		t.Fatalf("got %q, want the message sent before the drop", m.Content)
	}

	f.srv.DropGateway()
	var want []string
	for i := range 3 {
		m := f.srv.MessageCreate(f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "while down "+strconv.Itoa(i)))
		want = append(want, m.Content)
	}
	if err := f.srv.WaitFor(timeout(t), func(s discordtest.Snapshot) bool { return s.Resumes == 1 && s.Live == 1 }); err != nil {
		t.Fatal(err)
	}
	marker := f.srv.MessageCreate(f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "after"))
	want = append(want, marker.Content)

	for i, w := range want {
		if m := receive(t, got); m.Content != w {
			t.Fatalf("message %d = %q, want %q", i, m.Content, w)
		}
	}
	select {
	case m := <-got:
		t.Fatalf("extra message %q: replayed twice", m.Content)
	default:
	}
	if n := f.srv.Identifies(); n != 1 {
		t.Errorf("identifies = %d, want 1 (a resume, not a new session)", n)
	}
}

func TestServerRequestedReconnects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                        string
		fault                       func(*discordtest.Server)
		wantIdentifies, wantResumes int
	}{
		{"op 7 makes the client resume", (*discordtest.Server).Reconnect, 1, 1},
		{"op 9 makes the client identify again", (*discordtest.Server).InvalidateSession, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			got := make(chan *discordgo.MessageCreate, 4)
			openSession(t, f.srv, baseIntents|discordgo.IntentsMessageContent,
				func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
			if err := f.srv.WaitConnected(timeout(t)); err != nil {
				t.Fatal(err)
			}
			tt.fault(f.srv)
			err := f.srv.WaitFor(timeout(t), func(s discordtest.Snapshot) bool {
				return s.Identifies == tt.wantIdentifies && s.Resumes == tt.wantResumes && s.Live == 1
			})
			if err != nil {
				t.Fatal(err)
			}
			sent := f.srv.MessageCreate(f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "still there?"))
			if m := receive(t, got); m.ID != sent.ID {
				t.Errorf("got %q, want the message sent after reconnecting", m.Content)
			}
		})
	}
}

func TestShardsGetTheirGuilds(t *testing.T) {
	t.Parallel()
	srv := discordtest.New()
	t.Cleanup(srv.Close)
	// Shard = (id >> 22) % 2.
	odd := srv.AddGuild(discordtest.Guild{ID: strconv.Itoa(1 << 22), Name: "odd"})
	even := srv.AddGuild(discordtest.Guild{ID: strconv.Itoa(2 << 22), Name: "even"})
	for shard, want := range []string{even.ID, odd.ID} {
		s := restSession(t, srv)
		s.ShardID, s.ShardCount = shard, 2
		s.Identify.Intents = baseIntents
		if err := s.Open(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { closeSession(s) })
		var guilds []string
		s.State.RLock()
		for _, g := range s.State.Guilds {
			guilds = append(guilds, g.ID)
		}
		s.State.RUnlock()
		if len(guilds) != 1 || guilds[0] != want {
			t.Errorf("shard %d READY guilds %v, want only %s", shard, guilds, want)
		}
	}
	if ids := srv.Identified(); len(ids) != 2 || ids[1].Shard != [2]int{1, 2} {
		t.Errorf("identified %+v, want shards [0 2] and [1 2]", ids)
	}
}
