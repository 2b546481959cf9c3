package discordtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// messageBody is POST /channels/{id}/messages.
type messageBody struct {
	Content          string            `json:"content"`
	Embeds           []Embed           `json:"embeds"`
	Components       []Component       `json:"components"`
	MessageReference *MessageReference `json:"message_reference"`
	AllowedMentions  *AllowedMentions  `json:"allowed_mentions"`
	Flags            int               `json:"flags"`
	StickerIDs       []string          `json:"sticker_ids"`
	Poll             json.RawMessage   `json:"poll"`
}

// editBody is PATCH /channels/{id}/messages/{id}: absent fields stay.
type editBody struct {
	Content    *string      `json:"content"`
	Embeds     *[]Embed     `json:"embeds"`
	Components *[]Component `json:"components"`
	Flags      *int         `json:"flags"`
}

func (s *Server) sendMessage(r *http.Request) (any, *apiError) {
	var b messageBody
	files, apiErr := decodeBody(r, &b)
	if apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, apiErr := s.writableLocked(r.PathValue("channel"))
	if apiErr != nil {
		return nil, apiErr
	}
	hasPoll := len(b.Poll) > 0 && string(b.Poll) != "null"
	out := outgoing{content: b.Content, embeds: b.Embeds, components: b.Components, flags: b.Flags,
		files: files, stickers: len(b.StickerIDs), poll: hasPoll}
	if apiErr := checkOutgoing("", out, false); apiErr != nil {
		return nil, apiErr
	}
	m := s.botMessageLocked(c.ch, b.Content, b.Embeds, b.Components, b.Flags)
	for i := range files {
		m.Attachments = append(m.Attachments, Attachment{ID: NewID(), Filename: "file" + strconv.Itoa(i),
			URL: "https://cdn.discordapp.com/attachments/" + c.ch.ID + "/" + m.ID + "/file" + strconv.Itoa(i)})
	}
	if ref := b.MessageReference; ref != nil && ref.Type == ReferenceReply {
		target, apiErr := s.replyTargetLocked(c.ch, ref)
		if apiErr != nil {
			return nil, apiErr
		}
		if target != nil {
			m.Type = 19
			m.MessageReference = &MessageReference{MessageID: target.ID, ChannelID: target.ChannelID, GuildID: target.GuildID}
			copied := *target
			copied.ReferencedMessage = nil
			m.ReferencedMessage = &copied
		}
	}
	s.rememberLocked(m)
	s.sent = append(s.sent, Sent{ChannelID: c.ch.ID, GuildID: c.ch.GuildID, MessageID: m.ID, Content: m.Content,
		Embeds: m.Embeds, Components: m.Components, Reference: b.MessageReference, AllowedMentions: b.AllowedMentions,
		Flags: b.Flags, Files: files, At: time.Now()})
	// The bot's own messages come back on the gateway, as on Discord.
	s.broadcastLocked("MESSAGE_CREATE", m.GuildID, func(*gwSession) any { return m })
	return m, nil
}

// botMessageLocked builds a message authored by the bot in ch.
func (s *Server) botMessageLocked(ch Channel, content string, embeds []Embed, comps []Component, flags int) Message {
	return Message{ID: NewID(), ChannelID: ch.ID, GuildID: ch.GuildID, Author: s.bot, Content: content,
		Timestamp: timestamp(time.Now()), Mentions: []User{}, MentionRoles: []string{}, Attachments: []Attachment{},
		Embeds: richEmbeds(embeds), Components: comps, Flags: flags}
}

// richEmbeds gives embeds the type Discord stores for bot embeds.
func richEmbeds(in []Embed) []Embed {
	out := make([]Embed, len(in))
	for i, e := range in {
		if e.Type == "" {
			e.Type = "rich"
		}
		out[i] = e
	}
	return out
}

// replyTargetLocked finds the message a reply points at. An unknown one
// (never seen, deleted, or in another channel) fails the send unless
// fail_if_not_exists is false; then the reply goes out as a plain message.
func (s *Server) replyTargetLocked(ch Channel, ref *MessageReference) (*Message, *apiError) {
	target := s.messages[ref.MessageID]
	if target != nil && target.ChannelID == ch.ID {
		return target, nil
	}
	if ref.FailIfNotExists != nil && !*ref.FailIfNotExists {
		return nil, nil
	}
	f := formErrors{}
	f.add("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")
	return nil, f.err()
}

// writableLocked is the channel the bot may post in, or why not.
func (s *Server) writableLocked(channelID string) (*channelState, *apiError) {
	c := s.channels[channelID]
	switch {
	case c == nil || c.deleted:
		return nil, errUnknownChannel()
	case c.forbidden:
		return nil, errMissingPermissions()
	case c.ch.Type == ChannelTypeDM:
		for _, u := range c.ch.Recipients {
			if s.noDMs[u.ID] {
				return nil, errCannotDM()
			}
		}
		return c, nil
	}
	perms := s.permissionsLocked(s.guilds[c.ch.GuildID], s.bot.ID, &c.ch)
	switch {
	case perms&PermViewChannel == 0:
		return nil, errMissingAccess()
	case perms&PermSendMessages == 0:
		return nil, errMissingPermissions()
	}
	return c, nil
}

// channelMessageLocked finds a live message in a live channel.
func (s *Server) channelMessageLocked(r *http.Request) (*channelState, *Message, *apiError) {
	c := s.channels[r.PathValue("channel")]
	if c == nil || c.deleted {
		return nil, nil, errUnknownChannel()
	}
	m := s.messages[r.PathValue("message")]
	if m == nil || m.ChannelID != c.ch.ID {
		return c, nil, errUnknownMessage()
	}
	return c, m, nil
}

func (s *Server) getMessage(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, apiErr := s.channelMessageLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	return *m, nil
}

func (s *Server) editMessage(r *http.Request) (any, *apiError) {
	var b editBody
	if _, apiErr := decodeBody(r, &b); apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, apiErr := s.channelMessageLocked(r)
	switch {
	case apiErr != nil:
		return nil, apiErr
	case c.forbidden:
		return nil, errMissingPermissions()
	case m.Author.ID != s.bot.ID:
		return nil, errOtherAuthor()
	}
	edited := *m
	if b.Content != nil {
		edited.Content = *b.Content
	}
	if b.Embeds != nil {
		edited.Embeds = richEmbeds(*b.Embeds)
	}
	if b.Components != nil {
		edited.Components = *b.Components
	}
	if b.Flags != nil {
		edited.Flags = *b.Flags
	}
	out := outgoing{content: edited.Content, embeds: edited.Embeds, components: edited.Components,
		flags: edited.Flags, files: len(edited.Attachments)}
	if apiErr := checkOutgoing("", out, false); apiErr != nil {
		return nil, apiErr
	}
	now := timestamp(time.Now())
	edited.EditedTimestamp = &now
	*m = edited
	s.edits = append(s.edits, Edit{ChannelID: c.ch.ID, MessageID: m.ID, Content: m.Content, Embeds: m.Embeds,
		Components: m.Components, Flags: m.Flags, At: time.Now()})
	s.broadcastLocked("MESSAGE_UPDATE", m.GuildID, func(*gwSession) any { return edited })
	return edited, nil
}

func (s *Server) deleteMessage(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, apiErr := s.channelMessageLocked(r)
	switch {
	case apiErr != nil:
		return nil, apiErr
	case c.forbidden:
		return nil, errMissingPermissions()
	case m.Author.ID != s.bot.ID && c.ch.Type == ChannelTypeDM:
		return nil, newAPIError(403, 50003, "Cannot execute action on a DM channel")
	case m.Author.ID != s.bot.ID &&
		s.permissionsLocked(s.guilds[c.ch.GuildID], s.bot.ID, &c.ch)&PermManageMessages == 0:
		return nil, errMissingPermissions()
	}
	delete(s.messages, m.ID)
	s.deletes = append(s.deletes, Delete{ChannelID: c.ch.ID, MessageID: m.ID, At: time.Now()})
	gone := map[string]string{"id": m.ID, "channel_id": m.ChannelID}
	if m.GuildID != "" {
		gone["guild_id"] = m.GuildID
	}
	s.broadcastLocked("MESSAGE_DELETE", m.GuildID, func(*gwSession) any { return gone })
	return nil, nil
}

func (s *Server) getChannel(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[r.PathValue("channel")]
	if c == nil || c.deleted {
		return nil, errUnknownChannel()
	}
	if c.ch.GuildID != "" && s.permissionsLocked(s.guilds[c.ch.GuildID], s.bot.ID, &c.ch)&PermViewChannel == 0 {
		return nil, errMissingAccess()
	}
	return c.ch, nil
}

func (s *Server) guildLocked(r *http.Request) (*guildState, *apiError) {
	gs := s.guilds[r.PathValue("guild")]
	if gs == nil {
		return nil, errUnknownGuild()
	}
	return gs, nil
}

func (s *Server) getGuild(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gs, apiErr := s.guildLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	g := s.fullGuildLocked(gs)
	g.Channels, g.Members, g.JoinedAt = nil, nil, ""
	return g, nil
}

func (s *Server) getGuildChannels(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gs, apiErr := s.guildLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	return s.guildChannelsLocked(gs), nil
}

func (s *Server) getGuildRoles(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gs, apiErr := s.guildLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	return gs.guild.Roles, nil
}

func (s *Server) getGuildMember(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gs, apiErr := s.guildLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	m, ok := gs.members[r.PathValue("user")]
	if !ok {
		return nil, errUnknownMember()
	}
	return m, nil
}

func (s *Server) createDM(r *http.Request) (any, *apiError) {
	var b struct {
		RecipientID string `json:"recipient_id"`
	}
	if _, apiErr := decodeBody(r, &b); apiErr != nil {
		return nil, apiErr
	}
	if _, err := strconv.ParseUint(b.RecipientID, 10, 64); err != nil {
		f := formErrors{}
		f.add("recipient_id", "NUMBER_TYPE_COERCE", "Value \""+b.RecipientID+"\" is not snowflake.")
		return nil, f.err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dmLocked(b.RecipientID).ch, nil
}
