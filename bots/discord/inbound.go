package discord

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// moderator is what makes someone an admin for the bot: they may change its
// settings, and their messages are never warned about.
const moderator = discordgo.PermissionAdministrator | discordgo.PermissionManageGuild

// modOrHelper adds those who may delete messages: a warning under their
// own message would be out of place.
const modOrHelper = moderator | discordgo.PermissionManageMessages

func chatRef(channelID string) scam.ChatRef { return scam.ChatRef{Platform: Platform, ID: channelID} }

// maskedLink is Discord's markdown link "[shown](https://target)".
var maskedLink = regexp.MustCompile(`\[([^\]\n]{1,200})\]\(<?(https?://[^\s)>]+)>?\)`)

// message is what a person sees in m: its content, the targets of masked
// links (the shown text may name another site), and the addresses of its
// embeds and link buttons.
func message(m *discordgo.Message) scam.Message {
	text := m.Content
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	out := scam.Message{Text: text}
	for _, loc := range maskedLink.FindAllStringSubmatchIndex(text, -1) {
		out.Links = append(out.Links, scam.Link{URL: text[loc[4]:loc[5]], Shown: text[loc[2]:loc[3]], Span: scam.Span{Start: loc[2], End: loc[3]}})
	}
	for _, e := range m.Embeds {
		if e != nil && e.URL != "" {
			out.Links = append(out.Links, scam.Link{URL: e.URL, Shown: e.Title})
		}
	}
	for _, row := range m.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			if btn, ok := c.(*discordgo.Button); ok && btn.URL != "" {
				out.Links = append(out.Links, scam.Link{URL: btn.URL, Shown: btn.Label})
			}
		}
	}
	return out
}

// onMessage answers a DM with a check, and watches server messages for
// channel alerts.
func (b *Bot) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m.Author == nil || m.Author.Bot || m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return // never answer bots (the bot itself included) or system messages
	}
	b.track("message", func(ctx context.Context) {
		r := bot.Request{
			Chat:      chatRef(m.ChannelID),
			ChatType:  bot.Private,
			User:      bot.User{ID: m.Author.ID, Started: true},
			MessageID: m.ID,
			Message:   message(m.Message),
		}
		if m.GuildID != "" {
			r.ChatType = bot.Group
			r.User.Started = false
			r.MessageLink = "https://discord.com/channels/" + m.GuildID + "/" + m.ChannelID + "/" + m.ID
			if ch, err := s.State.Channel(m.ChannelID); err == nil {
				r.ChatTitle = "#" + ch.Name
			}
			if g, err := s.State.Guild(m.GuildID); err == nil {
				r.ChatLang = g.PreferredLocale
			}
			msg := m.Message
			r.IsAdmin = func(context.Context) (bool, error) {
				perms, err := s.State.MessagePermissions(msg)
				return perms&modOrHelper != 0, err
			}
			r.BotSeesAll = func(context.Context) (bool, error) { return b.seesAll(s, m.ChannelID), nil }
		}
		b.answer(ctx, r)
	})
}

// seesAll reports whether the bot reads the messages of a channel: it has
// the message-content intent and may view the channel.
func (b *Bot) seesAll(s *discordgo.Session, channelID string) bool {
	if !b.content.Load() {
		return false
	}
	perms, err := s.State.UserChannelPermissions(s.State.User.ID, channelID)
	return err == nil && perms&discordgo.PermissionViewChannel != 0
}

// onGuildDelete pauses the schedules of a server the bot was removed from
// (not one that is only unavailable during an outage).
func (b *Bot) onGuildDelete(s *discordgo.Session, g *discordgo.GuildDelete) {
	if g.Unavailable || g.BeforeDelete == nil {
		return
	}
	b.track("guild_delete", func(ctx context.Context) {
		for _, ch := range g.BeforeDelete.Channels {
			b.answer(ctx, bot.Request{Chat: chatRef(ch.ID), ChatType: bot.Group, ChatTitle: "#" + ch.Name, Removed: true})
		}
	})
}

// onChannelDelete pauses the schedules of a deleted channel.
func (b *Bot) onChannelDelete(s *discordgo.Session, c *discordgo.ChannelDelete) {
	if c.Channel == nil {
		return
	}
	b.track("channel_delete", func(ctx context.Context) {
		b.answer(ctx, bot.Request{Chat: chatRef(c.ID), ChatType: bot.Group, ChatTitle: "#" + c.Name, Removed: true})
	})
}
