package discordtest

import (
	"regexp"
	"slices"
	"time"
)

// Builders make payloads shaped like Discord's from the fake's state (member
// roles, computed permissions, registered command ids). They only build:
// push the result with MessageCreate or InteractionCreate. Built messages
// are remembered, so the bot can reply to them or delete them.

var (
	userMention = regexp.MustCompile(`<@!?(\d+)>`)
	roleMention = regexp.MustCompile(`<@&(\d+)>`)
	everyone    = regexp.MustCompile(`@(everyone|here)\b`)
)

// flagHasSnapshot marks a forward.
const flagHasSnapshot = 1 << 14

// GuildMessage builds a message by author in a guild channel, with the
// author's partial member, an id, a timestamp and the mentions its content
// makes (<@id>, <@&id>, @everyone).
func (s *Server) GuildMessage(guildID, channelID string, author User, content string) Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.userMessageLocked(channelID, author, content)
	m.GuildID = guildID
	member := Member{Roles: []string{}, JoinedAt: timestamp(time.Now())}
	if gs := s.guilds[guildID]; gs != nil {
		if known, ok := gs.members[author.ID]; ok {
			member = known
			member.User, member.Permissions = nil, ""
		}
	}
	m.Member = &member
	s.rememberLocked(m)
	return m
}

// DM builds a message from user to the bot in their DM channel.
func (s *Server) DM(user User, content string) Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.userMessageLocked(s.dmLocked(user.ID).ch.ID, user, content)
	s.rememberLocked(m)
	return m
}

// Forward builds a native forward of original by author: empty content, a
// message_reference of type 1 and a snapshot of the original. In the bot's
// DM with author when guildID and channelID are empty.
func (s *Server) Forward(guildID, channelID string, author User, original Message) Message {
	var m Message
	if guildID == "" && channelID == "" {
		m = s.DM(author, "")
	} else {
		m = s.GuildMessage(guildID, channelID, author, "")
	}
	m.Flags |= flagHasSnapshot
	m.MessageReference = &MessageReference{Type: ReferenceForward, MessageID: original.ID,
		ChannelID: original.ChannelID, GuildID: original.GuildID}
	m.MessageSnapshots = []MessageSnapshot{{Message: SnapshotMessage{
		Type: original.Type, Content: original.Content, Embeds: nonNil(original.Embeds),
		Attachments: nonNil(original.Attachments), Timestamp: original.Timestamp,
		EditedTimestamp: original.EditedTimestamp, Flags: original.Flags, Mentions: nonNil(original.Mentions),
		MentionRoles: nonNil(original.MentionRoles), Components: original.Components,
	}}}
	s.mu.Lock()
	s.rememberLocked(m)
	s.mu.Unlock()
	return m
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

func (s *Server) userMessageLocked(channelID string, author User, content string) Message {
	if _, ok := s.users[author.ID]; !ok {
		s.users[author.ID] = author
	}
	m := Message{ID: NewID(), ChannelID: channelID, Author: author, Content: content,
		Timestamp: timestamp(time.Now()), Mentions: []User{}, MentionRoles: []string{},
		Attachments: []Attachment{}, Embeds: []Embed{}}
	for _, match := range userMention.FindAllStringSubmatch(content, -1) {
		u, ok := s.users[match[1]]
		if !ok {
			u = User{ID: match[1], Username: "user" + match[1], Discriminator: "0"}
		}
		if !slices.ContainsFunc(m.Mentions, func(x User) bool { return x.ID == u.ID }) {
			m.Mentions = append(m.Mentions, u)
		}
	}
	for _, match := range roleMention.FindAllStringSubmatch(content, -1) {
		if !slices.Contains(m.MentionRoles, match[1]) {
			m.MentionRoles = append(m.MentionRoles, match[1])
		}
	}
	m.MentionEveryone = everyone.MatchString(content)
	return m
}

// WithLocale returns the interaction as sent by a client in another locale
// (default "en-US").
func (i Interaction) WithLocale(locale string) Interaction {
	i.Locale = locale
	return i
}

// baseLocked is an interaction by user in a channel: in a guild with the
// member and permissions computed for the channel, else in the bot's DM
// (channelID "") or another private channel.
func (s *Server) baseLocked(typ int, guildID, channelID string, user User) Interaction {
	if _, ok := s.users[user.ID]; !ok {
		s.users[user.ID] = user
	}
	i := Interaction{Type: typ, ApplicationID: s.bot.ID, Version: 1, Locale: "en-US", Entitlements: []any{}}
	if guildID == "" {
		dm := s.dmLocked(user.ID).ch.ID
		if channelID == "" {
			channelID = dm
		}
		u := user
		i.User, i.ChannelID = &u, channelID
		i.Channel = &Channel{ID: channelID, Type: ChannelTypeDM}
		i.AppPermissions = Perms(permPrivate)
		i.Context = ContextBotDM
		i.AuthorizingIntegrationOwners = map[string]string{GuildInstall: "0"}
		if channelID != dm {
			// Only a user-installed app can be used in other people's DMs.
			i.Context = ContextPrivateChannel
			i.AuthorizingIntegrationOwners = map[string]string{UserInstall: user.ID}
		}
		return i
	}
	gs := s.guilds[guildID]
	var ch *Channel
	if c := s.channels[channelID]; c != nil {
		ch = &c.ch
	}
	u := user
	member := Member{Roles: []string{}, JoinedAt: timestamp(time.Now())}
	if gs != nil {
		if known, ok := gs.members[user.ID]; ok {
			member = known
		}
	}
	member.User = &u
	i.GuildID, i.ChannelID, i.Member, i.Context = guildID, channelID, &member, ContextGuild
	i.Channel = &Channel{ID: channelID, Type: ChannelTypeGuildText, GuildID: guildID}
	if ch != nil {
		i.Channel.Type, i.Channel.Name = ch.Type, ch.Name
	}
	if gs == nil {
		// The bot is not in this guild: only a user install makes sense.
		member.Permissions = Perms(PermDefaultEveryone)
		i.AppPermissions = Perms(permPrivate)
		i.GuildLocale = "en-US"
		i.AuthorizingIntegrationOwners = map[string]string{UserInstall: user.ID}
	} else {
		member.Permissions = Perms(s.permissionsLocked(gs, user.ID, ch))
		i.AppPermissions = Perms(s.permissionsLocked(gs, s.bot.ID, ch))
		i.GuildLocale = gs.guild.PreferredLocale
		i.AuthorizingIntegrationOwners = map[string]string{GuildInstall: guildID}
	}
	i.Channel.Permissions = member.Permissions
	return i
}

// commandLocked finds a registered command by type and name, guild first;
// an unregistered one gets a fresh id.
func (s *Server) commandLocked(guildID string, typ int, name string) (id, scope string) {
	scopes := []string{""}
	if guildID != "" {
		scopes = []string{guildID, ""}
	}
	for _, sc := range scopes {
		for _, c := range s.commands[sc] {
			if c.Type == typ && c.Name == name {
				return c.ID, sc
			}
		}
	}
	return NewID(), ""
}

// SlashCommand builds a chat-input command interaction. guildID "" makes it
// a DM variant (channelID "" for the bot's DM). Channel, user and role
// options are resolved as Discord does.
func (s *Server) SlashCommand(guildID, channelID string, user User, name string, options ...Option) Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.baseLocked(InteractionApplicationCommand, guildID, channelID, user)
	id, scope := s.commandLocked(guildID, CommandChatInput, name)
	i.Data = &InteractionData{ID: id, Name: name, Type: CommandChatInput, GuildID: scope, Options: options}
	res := &Resolved{}
	s.resolveLocked(res, guildID, user.ID, options)
	if res.Users != nil || res.Channels != nil || res.Roles != nil {
		i.Data.Resolved = res
	}
	return i
}

// MessageCommand builds a message context-menu command ("Apps → name") on
// target. The target travels in data.resolved.messages with its full
// content, whatever the intents.
func (s *Server) MessageCommand(guildID, channelID string, user User, name string, target Message) Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.baseLocked(InteractionApplicationCommand, guildID, channelID, user)
	id, scope := s.commandLocked(guildID, CommandMessage, name)
	target.Mentions, target.MentionRoles = nonNil(target.Mentions), nonNil(target.MentionRoles)
	target.Embeds, target.Attachments = nonNil(target.Embeds), nonNil(target.Attachments)
	i.Data = &InteractionData{ID: id, Name: name, Type: CommandMessage, GuildID: scope, TargetID: target.ID,
		Resolved: &Resolved{Messages: map[string]Message{target.ID: target}}}
	return i
}

// ButtonPress builds a button press on message (typically one the bot sent:
// see Message).
func (s *Server) ButtonPress(guildID, channelID string, user User, message Message, customID string) Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.baseLocked(InteractionMessageComponent, guildID, channelID, user)
	i.Message = &message
	i.Data = &InteractionData{CustomID: customID, ComponentType: ComponentButton}
	return i
}

// ModalSubmit builds the submission of a modal: one text input per value,
// keyed by the inputs' custom ids, in key order.
func (s *Server) ModalSubmit(guildID, channelID string, user User, customID string, values map[string]string) Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.baseLocked(InteractionModalSubmit, guildID, channelID, user)
	i.Data = &InteractionData{CustomID: customID, Components: []Component{}}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		i.Data.Components = append(i.Data.Components, Component{Type: ComponentActionRow,
			Components: []Component{{Type: ComponentTextInput, CustomID: k, Value: values[k]}}})
	}
	return i
}

// UserInstalled turns an interaction into one made through a user install
// of the app: authorized by the user only, with the limited app permissions
// such installs get, in the bot's DM (context 1), another private channel
// (context 2) or a guild (context 0) where the bot need not be.
func (s *Server) UserInstalled(i Interaction) Interaction {
	var uid string
	switch {
	case i.User != nil:
		uid = i.User.ID
	case i.Member != nil && i.Member.User != nil:
		uid = i.Member.User.ID
	}
	i.AuthorizingIntegrationOwners = map[string]string{UserInstall: uid}
	i.AppPermissions = Perms(permPrivate)
	if i.GuildID == "" {
		s.mu.Lock()
		dm, ok := s.dms[uid]
		s.mu.Unlock()
		i.Context = ContextPrivateChannel
		if ok && dm == i.ChannelID {
			i.Context = ContextBotDM
		}
	}
	return i
}
