package discordtest

import (
	"fmt"
	"slices"
	"time"
)

// guildState is a guild the bot is in. guild holds the roles; channels and
// members live beside it so they can change one by one.
type guildState struct {
	guild       Guild
	channels    []string
	members     map[string]Member
	memberOrder []string
	joinedAt    string
}

// channelState is a guild or DM channel.
type channelState struct {
	ch        Channel
	deleted   bool
	forbidden bool
}

// TextChannel returns a guild text channel with a fresh id, for AddGuild.
func TextChannel(name string) Channel {
	return Channel{ID: NewID(), Type: ChannelTypeGuildText, Name: name, PermissionOverwrites: []PermissionOverwrite{}}
}

// NewRole returns a role with a fresh id and the given permission bits.
func NewRole(name string, perms ...int64) Role {
	return Role{ID: NewID(), Name: name, Permissions: Perms(perms...)}
}

// NewUser returns a human user with a fresh id.
func NewUser(username string) User {
	return User{ID: NewID(), Username: username, GlobalName: username, Discriminator: "0"}
}

// RoleOverwrite returns a channel overwrite for a role (the guild's id for
// @everyone).
func RoleOverwrite(roleID string, allow, deny int64) PermissionOverwrite {
	return PermissionOverwrite{ID: roleID, Type: 0, Allow: Perms(allow), Deny: Perms(deny)}
}

// MemberOverwrite returns a channel overwrite for one member.
func MemberOverwrite(userID string, allow, deny int64) PermissionOverwrite {
	return PermissionOverwrite{ID: userID, Type: 1, Allow: Perms(allow), Deny: Perms(deny)}
}

// AddGuild puts the bot in a guild and returns it as stored. Missing pieces
// are filled in: ids, name, preferred locale "en-US", an @everyone role (id =
// guild id) with PermDefaultEveryone, an owner (a new user when OwnerID is
// empty) and the bot as members, guild_id on channels. Members need a User.
// When a session is connected, it gets a GUILD_CREATE, as when a bot joins.
func (s *Server) AddGuild(g Guild) Guild {
	if g.ID == "" {
		g.ID = NewID()
	}
	if g.Name == "" {
		g.Name = "Test Guild"
	}
	if g.PreferredLocale == "" {
		g.PreferredLocale = "en-US"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	gs := &guildState{members: map[string]Member{}, joinedAt: timestamp(time.Now())}

	roles := make([]Role, 0, len(g.Roles)+1)
	hasEveryone := false
	for _, r := range g.Roles {
		if r.ID == "" && r.Name == "@everyone" {
			r.ID = g.ID
		} else if r.ID == "" {
			r.ID = NewID()
		}
		if r.Permissions == "" {
			r.Permissions = "0"
		}
		hasEveryone = hasEveryone || r.ID == g.ID
		roles = append(roles, r)
	}
	if !hasEveryone {
		roles = append([]Role{{ID: g.ID, Name: "@everyone", Permissions: Perms(PermDefaultEveryone)}}, roles...)
	}
	g.Roles = roles

	for _, c := range g.Channels {
		if c.ID == "" {
			c.ID = NewID()
		}
		c.GuildID = g.ID
		c.PermissionOverwrites = normalizeOverwrites(c.PermissionOverwrites)
		s.channels[c.ID] = &channelState{ch: c}
		gs.channels = append(gs.channels, c.ID)
	}
	for _, m := range g.Members {
		s.addMemberLocked(gs, m)
	}
	if g.OwnerID == "" {
		owner := NewUser("owner")
		g.OwnerID = owner.ID
		s.addMemberLocked(gs, Member{User: &owner})
	}
	if _, ok := gs.members[g.OwnerID]; !ok {
		owner, known := s.users[g.OwnerID]
		if !known {
			owner = User{ID: g.OwnerID, Username: "owner", Discriminator: "0"}
		}
		s.addMemberLocked(gs, Member{User: &owner})
	}
	if _, ok := gs.members[s.bot.ID]; !ok {
		bot := s.bot
		s.addMemberLocked(gs, Member{User: &bot})
	}
	g.Channels, g.Members = nil, nil
	gs.guild = g
	if _, ok := s.guilds[g.ID]; !ok {
		s.guildOrder = append(s.guildOrder, g.ID)
	}
	s.guilds[g.ID] = gs
	full := s.fullGuildLocked(gs)
	s.broadcastLocked("GUILD_CREATE", g.ID, func(sess *gwSession) any { return s.guildCreateLocked(gs, sess) })
	return full
}

func normalizeOverwrites(in []PermissionOverwrite) []PermissionOverwrite {
	out := make([]PermissionOverwrite, 0, len(in))
	for _, o := range in {
		if o.Allow == "" {
			o.Allow = "0"
		}
		if o.Deny == "" {
			o.Deny = "0"
		}
		out = append(out, o)
	}
	return out
}

// AddMember adds or replaces a member of a known guild (panics otherwise, or
// when m.User is nil: both are mistakes in the test). To give the bot
// permissions, add it with roles: AddMember(g, Member{User: &bot, Roles: …}).
// A new member is announced with GUILD_MEMBER_ADD to sessions that have the
// GUILD_MEMBERS intent.
func (s *Server) AddMember(guildID string, m Member) Member {
	if m.User == nil {
		panic("discordtest: AddMember: a member needs a User")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	gs := s.guilds[guildID]
	if gs == nil {
		panic(fmt.Sprintf("discordtest: AddMember: unknown guild %q", guildID))
	}
	_, existed := gs.members[m.User.ID]
	m = s.addMemberLocked(gs, m)
	if !existed {
		s.broadcastLocked("GUILD_MEMBER_ADD", guildID, func(*gwSession) any {
			return struct {
				Member
				GuildID string `json:"guild_id"`
			}{m, guildID}
		})
	}
	return m
}

func (s *Server) addMemberLocked(gs *guildState, m Member) Member {
	if m.User == nil {
		panic("discordtest: a member needs a User")
	}
	u := *m.User
	m.User = &u
	if m.JoinedAt == "" {
		m.JoinedAt = timestamp(time.Now())
	}
	if m.Roles == nil {
		m.Roles = []string{}
	}
	m.Permissions = "" // computed per interaction, never stored
	s.users[u.ID] = u
	if _, ok := gs.members[u.ID]; !ok {
		gs.memberOrder = append(gs.memberOrder, u.ID)
	}
	gs.members[u.ID] = m
	return m
}

// fullGuildLocked returns the guild with its live channels and members.
func (s *Server) fullGuildLocked(gs *guildState) Guild {
	g := gs.guild
	g.Roles = slices.Clone(g.Roles)
	g.Channels = s.guildChannelsLocked(gs)
	for _, id := range gs.memberOrder {
		g.Members = append(g.Members, gs.members[id])
	}
	g.MemberCount = len(gs.memberOrder)
	g.JoinedAt = gs.joinedAt
	return g
}

func (s *Server) guildChannelsLocked(gs *guildState) []Channel {
	out := []Channel{}
	for _, id := range gs.channels {
		if c := s.channels[id]; c != nil && !c.deleted {
			out = append(out, c.ch)
		}
	}
	return out
}

// Guild returns a guild as stored, with channels and members.
func (s *Server) Guild(guildID string) (Guild, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gs := s.guilds[guildID]
	if gs == nil {
		return Guild{}, false
	}
	return s.fullGuildLocked(gs), true
}

// Channel returns a live guild or DM channel.
func (s *Server) Channel(channelID string) (Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[channelID]
	if c == nil || c.deleted {
		return Channel{}, false
	}
	return c.ch, true
}

// Message returns a message the fake knows: built, dispatched or sent by the
// bot, and not deleted.
func (s *Server) Message(messageID string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[messageID]
	if m == nil {
		return Message{}, false
	}
	return *m, true
}

// DMChannel returns the id of the DM channel between the bot and a user,
// creating it on first use (POST /users/@me/channels returns the same one).
func (s *Server) DMChannel(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dmLocked(userID).ch.ID
}

func (s *Server) dmLocked(userID string) *channelState {
	if id, ok := s.dms[userID]; ok {
		return s.channels[id]
	}
	u, ok := s.users[userID]
	if !ok {
		u = User{ID: userID, Username: "user" + userID, Discriminator: "0"}
	}
	c := &channelState{ch: Channel{ID: NewID(), Type: ChannelTypeDM, Recipients: []User{u}}}
	s.channels[c.ch.ID] = c
	s.dms[userID] = c.ch.ID
	return c
}

// Forbid makes sending, editing and deleting in a channel fail with 403
// Missing Permissions (50013), as when a moderator takes the bot's rights.
func (s *Server) Forbid(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.channels[channelID]; c != nil {
		c.forbidden = true
	}
}

// BlockDMs makes messages to a user's DM channel fail with 403 "Cannot send
// messages to this user" (50007), as when they closed their DMs.
func (s *Server) BlockDMs(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noDMs[userID] = true
}

// rememberLocked stores a copy of m for references, targets and deletes.
func (s *Server) rememberLocked(m Message) {
	s.messages[m.ID] = &m
	if u := m.Author; u.ID != "" {
		if _, ok := s.users[u.ID]; !ok {
			s.users[u.ID] = u
		}
	}
}
