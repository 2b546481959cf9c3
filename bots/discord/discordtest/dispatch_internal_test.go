package discordtest

import (
	"encoding/json"
	"strconv"
	"testing"
)

// addSession registers a disconnected session, as if it had identified and
// then lost its connection.
func addSession(s *Server, intents int64, shard [2]int) *gwSession {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := &gwSession{id: randomHex(4), intents: intents, shard: shard}
	s.sessions[sess.id] = sess
	return sess
}

// received decodes the event names and message contents buffered for sess.
func received(t *testing.T, s *Server, sess *gwSession) []string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for i, f := range sess.buffer {
		var fr struct {
			S int64  `json:"s"`
			T string `json:"t"`
			D struct {
				Content string `json:"content"`
			} `json:"d"`
		}
		if err := json.Unmarshal(f.data, &fr); err != nil {
			t.Fatal(err)
		}
		if fr.S != int64(i+1) {
			t.Errorf("frame %d has s %d, want %d", i, fr.S, i+1)
		}
		out = append(out, fr.T+":"+fr.D.Content)
	}
	return out
}

func TestBroadcastFollowsIntentsShardsAndContent(t *testing.T) {
	s := New()
	defer s.Close()
	// Shard = (id >> 22) % 2: 1<<22 is on shard 1.
	g := s.AddGuild(Guild{ID: strconv.Itoa(1 << 22), Channels: []Channel{TextChannel("general")}})
	user := NewUser("alice")

	withContent := addSession(s, IntentGuilds|IntentGuildMessages|IntentMessageContent, [2]int{1, 2})
	without := addSession(s, IntentGuildMessages, [2]int{1, 2})
	dmOnly := addSession(s, IntentDirectMessages, [2]int{0, 2})
	otherShard := addSession(s, IntentGuildMessages|IntentMessageContent, [2]int{0, 2})
	ended := addSession(s, IntentGuildMessages, [2]int{1, 2})
	s.mu.Lock()
	ended.end()
	s.mu.Unlock()

	s.MessageCreate(s.GuildMessage(g.ID, g.Channels[0].ID, user, "scam"))
	s.MessageCreate(s.DM(user, "hello"))
	s.ChannelDelete(g.Channels[0].ID)

	tests := []struct {
		name string
		sess *gwSession
		want []string
	}{
		{"a session with MESSAGE_CONTENT reads guild messages and channel events", withContent,
			[]string{"MESSAGE_CREATE:scam", "CHANNEL_DELETE:"}},
		{"a session without it gets the message blank and no channel events", without, []string{"MESSAGE_CREATE:"}},
		{"a DM-only session on shard 0 gets the DM", dmOnly, []string{"MESSAGE_CREATE:hello"}},
		{"another shard gets no guild events", otherShard, nil},
		{"an ended session gets nothing", ended, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := received(t, s, tt.sess)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("event %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestDispatchRoutesByGuildID(t *testing.T) {
	s := New()
	defer s.Close()
	shard0 := addSession(s, 0, [2]int{0, 2})
	shard1 := addSession(s, 0, [2]int{1, 2})
	s.Dispatch("CUSTOM_EVENT", map[string]string{"guild_id": strconv.Itoa(1 << 22), "content": "x"})
	if got := received(t, s, shard1); len(got) != 1 || got[0] != "CUSTOM_EVENT:x" {
		t.Errorf("shard 1 got %q, want the event", got)
	}
	if got := received(t, s, shard0); len(got) != 0 {
		t.Errorf("shard 0 got %q, want nothing", got)
	}
}

func TestGuildDeleteForgetsTheGuild(t *testing.T) {
	s := New()
	defer s.Close()
	g := s.AddGuild(Guild{Channels: []Channel{TextChannel("general")}})
	sess := addSession(s, IntentGuilds, [2]int{0, 1})
	s.GuildDelete(g.ID)
	if got := received(t, s, sess); len(got) != 1 || got[0] != "GUILD_DELETE:" {
		t.Errorf("session got %q, want GUILD_DELETE", got)
	}
	if _, ok := s.Guild(g.ID); ok {
		t.Error("the guild is still known")
	}
	if _, ok := s.Channel(g.Channels[0].ID); ok {
		t.Error("its channel is still known")
	}
	s.AddGuild(Guild{Name: "later"})
	if got := received(t, s, sess); len(got) != 2 || got[1] != "GUILD_CREATE:" {
		t.Errorf("session got %q, want a GUILD_CREATE when the bot joins a guild", got)
	}
}
