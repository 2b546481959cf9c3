package discordtest

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// sendLocked numbers a dispatch for one session, keeps it for RESUME and
// queues it on the session's connection, if any. Callers hold s.mu.
func (s *Server) sendLocked(sess *gwSession, event string, data any) {
	sess.seq++
	frame := mustJSON(struct {
		Op int             `json:"op"`
		S  int64           `json:"s"`
		T  string          `json:"t"`
		D  json.RawMessage `json:"d"`
	}{0, sess.seq, event, mustJSON(data)})
	sess.buffer = append(sess.buffer, gwFrame{seq: sess.seq, data: frame})
	if sess.conn != nil {
		sess.conn.send(frame)
	}
}

// broadcastLocked sends an event to every session that would get it on
// Discord: not ended, subscribed to the event's intent, and on the shard of
// guildID (shard 0 for DMs). payload may differ per session. Callers hold
// s.mu.
func (s *Server) broadcastLocked(event, guildID string, payload func(*gwSession) any) {
	need := eventIntent(event, guildID != "")
	for _, sess := range s.sessions {
		if sess.ended || sess.intents&need != need {
			continue
		}
		if shardOf(guildID, sess.shard[1]) != sess.shard[0] {
			continue
		}
		s.sendLocked(sess, event, payload(sess))
	}
	s.notifyLocked()
}

// eventIntent is the intent a session needs to receive an event; 0 for
// events every session gets.
func eventIntent(event string, inGuild bool) int64 {
	switch event {
	case "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK":
		if inGuild {
			return IntentGuildMessages
		}
		return IntentDirectMessages
	case "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE":
		if inGuild {
			return IntentGuildReactions
		}
		return IntentDirectReactions
	case "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE",
		"GUILD_ROLE_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE":
		return IntentGuilds
	case "GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE":
		return IntentGuildMembers
	}
	return 0
}

// Dispatch sends any event to the sessions that would get it: data is
// marshalled as the event's "d", its "guild_id" (or "id" for GUILD_*
// events) picks the shard, the event name the intent. It panics when data
// cannot be marshalled, a mistake in the test.
func (s *Server) Dispatch(event string, data any) {
	raw := json.RawMessage(mustJSON(data))
	var ids struct {
		ID      string `json:"id"`
		GuildID string `json:"guild_id"`
	}
	_ = json.Unmarshal(raw, &ids) // not an object: no guild
	guildID := ids.GuildID
	if strings.HasPrefix(event, "GUILD_") && guildID == "" {
		guildID = ids.ID
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.broadcastLocked(event, guildID, func(*gwSession) any { return raw })
}

// MessageCreate dispatches a user's message and returns it as sent (id,
// timestamp and guild filled in when missing). Sessions without the
// MESSAGE_CONTENT intent get a guild message with empty content, embeds,
// attachments, components and forwarded snapshots, unless it mentions the
// bot or is the bot's own, as on Discord.
func (s *Server) MessageCreate(m Message) Message {
	if m.ID == "" {
		m.ID = NewID()
	}
	if m.Timestamp == "" {
		m.Timestamp = timestamp(time.Now())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.channels[m.ChannelID]; c != nil && m.GuildID == "" {
		m.GuildID = c.ch.GuildID
	}
	if m.Mentions == nil {
		m.Mentions = []User{}
	}
	if m.MentionRoles == nil {
		m.MentionRoles = []string{}
	}
	s.rememberLocked(m)
	blank := m.GuildID != "" && m.Author.ID != s.bot.ID && !mentions(m, s.bot.ID)
	s.broadcastLocked("MESSAGE_CREATE", m.GuildID, func(sess *gwSession) any {
		if blank && sess.intents&IntentMessageContent == 0 {
			return withoutContent(m)
		}
		return m
	})
	return m
}

func mentions(m Message, userID string) bool {
	for _, u := range m.Mentions {
		if u.ID == userID {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+userID+">") || strings.Contains(m.Content, "<@!"+userID+">")
}

// withoutContent is what an app without MESSAGE_CONTENT sees of a message.
func withoutContent(m Message) Message {
	m.Content = ""
	m.Embeds = []Embed{}
	m.Attachments = []Attachment{}
	m.Components = nil
	if len(m.MessageSnapshots) > 0 {
		snaps := make([]MessageSnapshot, len(m.MessageSnapshots))
		for i, snap := range m.MessageSnapshots {
			snap.Message.Content = ""
			snap.Message.Embeds = []Embed{}
			snap.Message.Attachments = []Attachment{}
			snap.Message.Components = nil
			snaps[i] = snap
		}
		m.MessageSnapshots = snaps
	}
	return m
}

// GuildDelete removes the bot from a guild, as when it is kicked: the guild
// and its channels become unknown to REST, and sessions get GUILD_DELETE.
func (s *Server) GuildDelete(guildID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gs := s.guilds[guildID]
	if gs == nil {
		return
	}
	for _, id := range gs.channels {
		if c := s.channels[id]; c != nil {
			c.deleted = true
		}
	}
	delete(s.guilds, guildID)
	for i, id := range s.guildOrder {
		if id == guildID {
			s.guildOrder = append(s.guildOrder[:i], s.guildOrder[i+1:]...)
			break
		}
	}
	s.broadcastLocked("GUILD_DELETE", guildID, func(*gwSession) any { return map[string]string{"id": guildID} })
}

// ChannelDelete deletes a guild channel: REST calls on it answer 404 Unknown
// Channel, and sessions get CHANNEL_DELETE.
func (s *Server) ChannelDelete(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[channelID]
	if c == nil || c.deleted {
		return
	}
	c.deleted = true
	ch := c.ch
	s.broadcastLocked("CHANNEL_DELETE", ch.GuildID, func(*gwSession) any { return ch })
}

// DropGateway cuts every gateway connection without a close frame, as a
// network failure would. Sessions stay resumable: discordgo reconnects (after
// its 1 s close sleep), RESUMEs and gets what was dispatched meanwhile.
func (s *Server) DropGateway() {
	s.mu.Lock()
	var conns []*gwConn
	for c := range s.conns {
		if sess := c.session; sess != nil {
			sess.conn = nil
			c.session = nil
		}
		conns = append(conns, c)
		delete(s.conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.kill()
	}
}

// Reconnect sends op 7 to every connection: the client should reconnect and
// RESUME.
func (s *Server) Reconnect() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		c.send([]byte(`{"op":7,"d":null,"s":null,"t":null}`))
	}
}

// InvalidateSession sends op 9 (not resumable) to every identified
// connection and ends their sessions: the client must IDENTIFY again.
func (s *Server) InvalidateSession() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sess := range s.sessions {
		if sess.ended {
			continue
		}
		if c := sess.conn; c != nil {
			c.send([]byte(`{"op":9,"d":false,"s":null,"t":null}`))
		}
		sess.end()
	}
	s.notifyLocked()
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("discordtest: cannot marshal %T: %v", v, err))
	}
	return b
}
