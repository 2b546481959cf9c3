package discord

import (
	"context"
	"errors"
	"net/http"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// noMentions keeps every message from pinging anyone: a quoted "@everyone"
// stays text.
var noMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

// answer handles a request that came as a message (not an interaction) and
// posts the replies.
func (b *Bot) answer(ctx context.Context, r bot.Request) {
	s := b.session.Load()
	for _, rep := range b.handler.Handle(ctx, r) {
		if len(rep.Body) == 0 {
			continue
		}
		if rep.ToUser {
			if s == nil {
				continue
			}
			rep.Chat = b.dm(ctx, s, r.User.ID)
		}
		if err := b.Send(ctx, rep); err != nil {
			b.log.Warn("reply not sent", "err", err, "code", scam.CodeOf(err), "private", rep.ToUser)
		}
	}
}

// dm is the DM channel with a user.
func (b *Bot) dm(ctx context.Context, s *discordgo.Session, userID string) scam.ChatRef {
	ch, err := s.UserChannelCreate(userID, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Info("cannot open a DM", "err", err)
		return scam.ChatRef{}
	}
	return chatRef(ch.ID)
}

// Send posts r in the channel r.Chat: its body as embeds (coloured by the
// verdict's level), in as many messages as Discord's limits need, the first
// replying to r.ReplyTo, the buttons under the last. Its errors carry a
// scam code: forbidden or not_found when the bot may no longer post there.
func (b *Bot) Send(ctx context.Context, r bot.Reply) error {
	if r.Chat.Platform != Platform || r.Chat.ID == "" {
		return scam.Errorf(scam.CodeBadArgument, "not a Discord channel: %q", r.Chat.Platform+":"+r.Chat.ID)
	}
	s := b.session.Load()
	if s == nil {
		return scam.Errorf(scam.CodeUnavailable, "not connected to Discord")
	}
	msgs := render(r.Body, r.Verdict)
	for i, embeds := range msgs {
		m := &discordgo.MessageSend{Embeds: embeds, AllowedMentions: noMentions}
		if i == 0 && r.ReplyTo != "" {
			m.Reference = &discordgo.MessageReference{MessageID: r.ReplyTo, ChannelID: r.Chat.ID, FailIfNotExists: new(false)}
		}
		if i == len(msgs)-1 && len(r.Buttons) > 0 {
			m.Components = buttons(r.Buttons)
		}
		if _, err := s.ChannelMessageSendComplex(r.Chat.ID, m, discordgo.WithContext(ctx)); err != nil {
			return classify(err)
		}
	}
	return nil
}

// buttons is one row of buttons carrying the bot's data.
func buttons(bs []bot.Button) []discordgo.MessageComponent {
	row := discordgo.ActionsRow{}
	for _, btn := range bs {
		row.Components = append(row.Components, discordgo.Button{Label: cutRunes(btn.Label, 80), Style: discordgo.SecondaryButton, CustomID: btn.Data})
	}
	return []discordgo.MessageComponent{row}
}

// classify turns an SDK error into a scam error whose code says what
// became of the call.
func classify(err error) error {
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		return scam.Later(scam.CodeRateLimited, "Discord asked to slow down", rl.RetryAfter, err)
	}
	var re *discordgo.RESTError
	if !errors.As(err, &re) || re.Response == nil {
		return scam.Later(scam.CodeUnavailable, "Discord cannot be reached", 0, err)
	}
	switch code := re.Response.StatusCode; {
	case code == http.StatusForbidden:
		return scam.Wrap(scam.CodeForbidden, "the bot may not post in this channel", err)
	case code == http.StatusNotFound:
		return scam.Wrap(scam.CodeNotFound, "the channel no longer exists", err)
	case code == http.StatusUnauthorized:
		return scam.Wrap(scam.CodeUnavailable, "Discord refused the bot token", err)
	case code >= 500:
		return scam.Later(scam.CodeUnavailable, "Discord is having trouble", 0, err)
	}
	return scam.Wrap(scam.CodeInternal, "Discord refused a message", err)
}
