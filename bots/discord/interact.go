package discord

import (
	"cmp"
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// ack is the whole answer to an interaction whose real answer went
// elsewhere (a tip posted in the channel): Discord needs some answer.
const ack = "✅"

// interaction is an interaction being answered.
type interaction struct {
	s *discordgo.Session
	i *discordgo.Interaction
	// public: the replies are posted in the channel for all to see, and
	// the interaction is only acknowledged ("/tips now").
	public   bool
	deferred bool
}

// onInteraction answers a command, the context menu or a button press.
// Everything is answered privately (ephemeral), so nobody is shamed for
// asking; a check that takes longer than Defer is deferred first, inside
// Discord's three seconds.
func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	b.track("interaction", func(ctx context.Context) {
		in := &interaction{s: s, i: ic.Interaction}
		r, ok := b.interactionRequest(s, in)
		if !ok {
			return
		}
		done := make(chan []bot.Reply, 1)
		go func() { done <- b.handler.Handle(ctx, r) }()
		var replies []bot.Reply
		select {
		case replies = <-done:
		case <-time.After(b.cfg.Defer):
			b.deferInteraction(ctx, in)
			replies = <-done
		}
		b.respond(ctx, in, r, replies)
	})
}

// interactionRequest turns an interaction into a request. It reports false
// for what the bot does not answer (autocomplete, modals).
func (b *Bot) interactionRequest(s *discordgo.Session, in *interaction) (bot.Request, bool) {
	i := in.i
	user := i.User
	if i.Member != nil && i.Member.User != nil {
		user = i.Member.User
	}
	if user == nil {
		return bot.Request{}, false
	}
	r := bot.Request{
		Chat:          chatRef(i.ChannelID),
		ChatType:      bot.Private,
		User:          bot.User{ID: user.ID, Lang: string(i.Locale)},
		PrivateAnswer: true,
	}
	if i.GuildID != "" {
		r.ChatType = bot.Group
		if i.GuildLocale != nil {
			r.ChatLang = string(*i.GuildLocale)
		}
		var perms int64
		if i.Member != nil {
			perms = i.Member.Permissions
		}
		// Default permissions only hide commands; a server can show them to
		// anyone, so the handler checks again.
		r.IsAdmin = func(context.Context) (bool, error) { return perms&moderator != 0, nil }
		r.BotSeesAll = func(context.Context) (bool, error) { return b.seesAll(s, r.Chat.ID), nil }
	}
	switch i.Type {
	case discordgo.InteractionMessageComponent:
		r.Button = i.MessageComponentData().CustomID
		return r, true
	case discordgo.InteractionApplicationCommand:
	default:
		return bot.Request{}, false
	}
	d := i.ApplicationCommandData()
	opts := options(d.Options)
	text := ""
	switch d.Name {
	case contextMenuName:
		target := d.Resolved.Messages[d.TargetID]
		if target == nil {
			return bot.Request{}, false
		}
		text = "/check"
		r.ReplyTo = &bot.Replied{MessageID: target.ID, Message: message(target), FromBot: target.Author != nil && target.Author.ID == s.State.User.ID}
	case "check":
		text = "/check " + opts["text"]
	case "tip", "help":
		text = "/" + d.Name
	case "country":
		// Answers are private on Discord, so the country is the user's own.
		r.ChatType, text = bot.Private, "/country "+opts["code"]
	case "alerts", "tips":
		if len(d.Options) != 1 {
			return bot.Request{}, false
		}
		sub := d.Options[0]
		opts = options(sub.Options)
		if ch := opts["channel"]; ch != "" {
			if !sameGuild(d, ch, i.GuildID) {
				return bot.Request{}, false
			}
			r.Chat = chatRef(ch)
		}
		text, in.public = commandText(d.Name, sub.Name, opts)
		r.Options = map[string]string{}
		if n := opts["notify"]; n != "" && sameGuild(d, n, i.GuildID) {
			r.Options[bot.OptNotify] = n
		}
		if l := opts["language"]; l != "" {
			r.Options[bot.OptLang] = l
		}
		if t, ok := opts["tags"]; ok {
			r.Options[bot.OptTags] = t
		}
	default:
		return bot.Request{}, false
	}
	r.Message = scam.Message{Text: strings.TrimSpace(text)}
	return r, true
}

// commandText is a subcommand in the bot's command grammar, and whether
// its replies are public.
func commandText(cmd, sub string, o map[string]string) (string, bool) {
	switch cmd + " " + sub {
	case "alerts enable":
		return "/alerts on " + o["level"], false
	case "alerts disable":
		return "/alerts off", false
	case "alerts status":
		return "/alerts", false
	case "tips schedule":
		return "/tips " + cadenceText(o["cadence"], o["time"]) + " " + o["timezone"], false
	case "tips list":
		return "/tips list", false
	case "tips remove":
		return "/tips remove " + o["id"], false
	case "tips now":
		return "/tips now", true
	}
	return "/" + cmd, false
}

// cadenceText joins Discord's separate cadence and time options into the
// bot's cadence grammar ("every monday" and "09:00": "every monday 09:00").
func cadenceText(cadence, at string) string {
	c := strings.ToLower(strings.Join(strings.Fields(cadence), " "))
	switch {
	case strings.HasPrefix(c, "cron "):
		return c
	case strings.HasPrefix(c, "every ") && strings.HasSuffix(c, "h"):
		return c + " from " + at
	}
	return c + " " + at
}

// options flattens command options to strings by name.
func options(opts []*discordgo.ApplicationCommandInteractionDataOption) map[string]string {
	out := map[string]string{}
	for _, o := range opts {
		switch v := o.Value.(type) {
		case string:
			out[o.Name] = v
		case float64:
			out[o.Name] = strconv.FormatInt(int64(v), 10)
		case bool:
			out[o.Name] = strconv.FormatBool(v)
		}
	}
	return out
}

// sameGuild reports whether a channel named in an option belongs to the
// server the command was used in: settings never reach across servers.
func sameGuild(d discordgo.ApplicationCommandInteractionData, channelID, guildID string) bool {
	if d.Resolved == nil || d.Resolved.Channels[channelID] == nil {
		return false
	}
	g := d.Resolved.Channels[channelID].GuildID
	return guildID != "" && (g == "" || g == guildID)
}

// deferInteraction tells Discord the answer is coming, within its three
// seconds; the answer then edits the deferred response.
func (b *Bot) deferInteraction(ctx context.Context, in *interaction) {
	typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if in.i.Type == discordgo.InteractionMessageComponent {
		typ = discordgo.InteractionResponseDeferredMessageUpdate
	}
	err := in.s.InteractionRespond(in.i, &discordgo.InteractionResponse{Type: typ, Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("interaction not deferred", "err", err)
		return
	}
	in.deferred = true
}

// respond answers an interaction with the bot's replies: the first in the
// response itself, the rest as private follow-ups; replies meant for
// other chats (moderator notices) are posted there.
func (b *Bot) respond(ctx context.Context, in *interaction, r bot.Request, replies []bot.Reply) {
	if in.i.Type == discordgo.InteractionMessageComponent {
		b.respondToButton(ctx, in, replies)
		return
	}
	first := true
	for _, rep := range replies {
		own := !rep.ToUser && (rep.Chat == r.Chat || rep.Chat.ID == in.i.ChannelID)
		if !own || in.public {
			if rep.ToUser {
				rep.Chat = b.dm(ctx, in.s, r.User.ID)
			}
			if err := b.Send(ctx, rep); err != nil {
				b.log.Warn("reply not sent", "err", err, "code", scam.CodeOf(err))
			}
			continue
		}
		for _, embeds := range render(rep.Body, rep.Verdict) {
			data := &discordgo.InteractionResponseData{Embeds: embeds, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions}
			if len(rep.Buttons) > 0 {
				data.Components = buttons(rep.Buttons)
			}
			b.reply(ctx, in, data, first)
			first = false
		}
	}
	if first {
		b.reply(ctx, in, &discordgo.InteractionResponseData{Content: ack, Flags: discordgo.MessageFlagsEphemeral}, true)
	}
}

// reply sends one private message as the interaction's response (first)
// or a follow-up.
func (b *Bot) reply(ctx context.Context, in *interaction, data *discordgo.InteractionResponseData, first bool) {
	var err error
	switch {
	case first && !in.deferred:
		err = in.s.InteractionRespond(in.i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}, discordgo.WithContext(ctx))
	case first:
		_, err = in.s.InteractionResponseEdit(in.i, &discordgo.WebhookEdit{Content: &data.Content, Embeds: &data.Embeds, Components: &data.Components, AllowedMentions: data.AllowedMentions}, discordgo.WithContext(ctx))
	default:
		_, err = in.s.FollowupMessageCreate(in.i, true, &discordgo.WebhookParams{Content: data.Content, Embeds: data.Embeds, Components: data.Components, Flags: data.Flags, AllowedMentions: data.AllowedMentions}, discordgo.WithContext(ctx))
	}
	if err != nil {
		b.log.Warn("interaction not answered", "err", err, "first", first, "deferred", in.deferred)
	}
}

// respondToButton acknowledges a press: the buttons go when the bot says
// so (a vote counts once), and the toast follows, privately.
func (b *Bot) respondToButton(ctx context.Context, in *interaction, replies []bot.Reply) {
	var toast string
	drop := false
	for _, rep := range replies {
		toast = cmp.Or(toast, rep.Toast)
		drop = drop || rep.DropButtons
	}
	toast = cmp.Or(toast, ack)
	var err error
	switch {
	case drop && !in.deferred:
		err = in.s.InteractionRespond(in.i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Components: []discordgo.MessageComponent{}}}, discordgo.WithContext(ctx))
	case drop:
		none := []discordgo.MessageComponent{}
		_, err = in.s.InteractionResponseEdit(in.i, &discordgo.WebhookEdit{Components: &none}, discordgo.WithContext(ctx))
	case !in.deferred:
		err = in.s.InteractionRespond(in.i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: cutRunes(toast, 2000), Flags: discordgo.MessageFlagsEphemeral}}, discordgo.WithContext(ctx))
		toast = ""
	}
	if err != nil {
		b.log.Warn("button not acknowledged", "err", err)
	}
	if toast != "" && (drop || in.deferred) {
		if _, err := in.s.FollowupMessageCreate(in.i, true, &discordgo.WebhookParams{Content: cutRunes(toast, 2000), Flags: discordgo.MessageFlagsEphemeral}, discordgo.WithContext(ctx)); err != nil {
			b.log.Warn("button toast not sent", "err", err)
		}
	}
}
