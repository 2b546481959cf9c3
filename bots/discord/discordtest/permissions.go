package discordtest

import (
	"slices"
	"strconv"
)

// Permission bits, as Discord numbers them.
const (
	PermCreateInstantInvite    int64 = 1 << 0
	PermKickMembers            int64 = 1 << 1
	PermBanMembers             int64 = 1 << 2
	PermAdministrator          int64 = 1 << 3
	PermManageChannels         int64 = 1 << 4
	PermManageGuild            int64 = 1 << 5
	PermAddReactions           int64 = 1 << 6
	PermViewChannel            int64 = 1 << 10
	PermSendMessages           int64 = 1 << 11
	PermManageMessages         int64 = 1 << 13
	PermEmbedLinks             int64 = 1 << 14
	PermAttachFiles            int64 = 1 << 15
	PermReadMessageHistory     int64 = 1 << 16
	PermMentionEveryone        int64 = 1 << 17
	PermUseExternalEmojis      int64 = 1 << 18
	PermChangeNickname         int64 = 1 << 26
	PermManageRoles            int64 = 1 << 28
	PermUseApplicationCommands int64 = 1 << 31
	PermModerateMembers        int64 = 1 << 40

	// PermAll is what an owner or administrator gets: every bit Discord
	// defines today.
	PermAll int64 = 1<<51 - 1

	// PermDefaultEveryone is what AddGuild gives @everyone when the guild has
	// no such role: read, write, embed, attach, react, use commands.
	PermDefaultEveryone = PermCreateInstantInvite | PermAddReactions | PermViewChannel |
		PermSendMessages | PermEmbedLinks | PermAttachFiles | PermReadMessageHistory |
		PermUseExternalEmojis | PermChangeNickname | PermUseApplicationCommands

	// permPrivate is what an app may do in a DM or, when only user-installed,
	// anywhere: answer in the channel.
	permPrivate = PermViewChannel | PermSendMessages | PermEmbedLinks | PermAttachFiles |
		PermReadMessageHistory | PermAddReactions | PermUseExternalEmojis
)

// Intent bits used by the fake.
const (
	IntentGuilds          int64 = 1 << 0
	IntentGuildMembers    int64 = 1 << 1
	IntentGuildMessages   int64 = 1 << 9
	IntentGuildReactions  int64 = 1 << 10
	IntentDirectMessages  int64 = 1 << 12
	IntentDirectReactions int64 = 1 << 13
	IntentMessageContent  int64 = 1 << 15
)

// Perms ORs permission bits and formats them as Discord does, a decimal
// string.
func Perms(bits ...int64) string {
	var p int64
	for _, b := range bits {
		p |= b
	}
	return strconv.FormatInt(p, 10)
}

// parsePerms reads a permission string; anything unreadable counts as none.
func parsePerms(s string) int64 {
	p, _ := strconv.ParseInt(s, 10, 64)
	return p
}

// permissionsLocked computes a user's permissions in a guild, and in ch when
// it is not nil: @everyone and the member's roles OR'd, everything for the
// owner or an administrator, then the channel's overwrites in Discord's order
// (@everyone, roles, member). Callers hold s.mu.
func (s *Server) permissionsLocked(g *guildState, userID string, ch *Channel) int64 {
	if g == nil {
		return 0
	}
	if g.guild.OwnerID == userID {
		return PermAll
	}
	roles := map[string]int64{}
	for _, r := range g.guild.Roles {
		roles[r.ID] = parsePerms(r.Permissions)
	}
	p := roles[g.guild.ID]
	m, isMember := g.members[userID]
	if isMember {
		for _, id := range m.Roles {
			p |= roles[id]
		}
	}
	if p&PermAdministrator != 0 {
		return PermAll
	}
	if ch == nil {
		return p
	}
	apply := func(allow, deny int64) { p = p&^deny | allow }
	var roleAllow, roleDeny int64
	for _, o := range ch.PermissionOverwrites {
		switch {
		case o.Type == 0 && o.ID == g.guild.ID:
			apply(parsePerms(o.Allow), parsePerms(o.Deny))
		case o.Type == 0 && isMember && slices.Contains(m.Roles, o.ID):
			roleAllow |= parsePerms(o.Allow)
			roleDeny |= parsePerms(o.Deny)
		}
	}
	apply(roleAllow, roleDeny)
	for _, o := range ch.PermissionOverwrites {
		if o.Type == 1 && o.ID == userID {
			apply(parsePerms(o.Allow), parsePerms(o.Deny))
		}
	}
	return p
}

// Permissions returns a user's guild-wide permissions as a decimal string:
// @everyone plus the member's roles; everything for the owner or an
// administrator.
func (s *Server) Permissions(guildID, userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strconv.FormatInt(s.permissionsLocked(s.guilds[guildID], userID, nil), 10)
}

// ChannelPermissions returns a user's permissions in a guild channel,
// overwrites applied, as a decimal string.
func (s *Server) ChannelPermissions(channelID, userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[channelID]
	if c == nil || c.ch.GuildID == "" {
		return "0"
	}
	return strconv.FormatInt(s.permissionsLocked(s.guilds[c.ch.GuildID], userID, &c.ch), 10)
}
