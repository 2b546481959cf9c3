package telegram

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// inbound is an update in neutral form, with what answering it needs.
type inbound struct {
	req      bot.Request
	callback string // the callback query to answer; "" for none
	// buttonsOn is the message whose buttons were pressed.
	buttonsChat int64
	buttonsMsg  int
}

// request turns an update into a bot request. It reports false for updates
// the bot does not answer: service messages, stickers in groups, commands
// meant for another bot.
func (b *Bot) request(u tgbotapi.Update) (inbound, bool) {
	switch {
	case u.Message != nil:
		return b.messageRequest(u.Message, false)
	case u.EditedMessage != nil:
		// An edit can turn a harmless message into a lure: groups with
		// alerts check it again. Commands are not run twice.
		if u.EditedMessage.Chat == nil || u.EditedMessage.Chat.IsPrivate() || strings.HasPrefix(u.EditedMessage.Text, "/") {
			return inbound{}, false
		}
		return b.messageRequest(u.EditedMessage, true)
	case u.ChannelPost != nil:
		return b.messageRequest(u.ChannelPost, false)
	case u.CallbackQuery != nil:
		return b.callbackRequest(u.CallbackQuery)
	case u.MyChatMember != nil:
		return b.memberRequest(u.MyChatMember)
	}
	return inbound{}, false
}

func chatType(c *tgbotapi.Chat) bot.ChatType {
	switch {
	case c.IsPrivate():
		return bot.Private
	case c.IsChannel():
		return bot.Channel
	}
	return bot.Group
}

func chatRef(id int64) scam.ChatRef {
	return scam.ChatRef{Platform: Platform, ID: strconv.FormatInt(id, 10)}
}

func (b *Bot) messageRequest(m *tgbotapi.Message, edited bool) (inbound, bool) {
	if m.Chat == nil {
		return inbound{}, false
	}
	kind := chatType(m.Chat)
	msg := message(m)
	if kind != bot.Private && strings.TrimSpace(msg.Text) == "" && len(msg.Links) == 0 {
		return inbound{}, false // a join, a sticker, a photo without caption
	}
	if kind != bot.Private && b.forOtherBot(msg.Text) {
		return inbound{}, false
	}
	r := bot.Request{
		Chat:      chatRef(m.Chat.ID),
		ChatType:  kind,
		MessageID: strconv.Itoa(m.MessageID),
		Message:   msg,
		ChatTitle: m.Chat.Title,
		// The group itself posting is an anonymous admin; a channel's
		// posts and their automatic copies in its discussion group come
		// from the channel's admins.
		FromAdmin: kind == bot.Channel || m.IsAutomaticForward || (m.SenderChat != nil && m.SenderChat.ID == m.Chat.ID),
	}
	if m.From != nil {
		r.User = bot.User{ID: strconv.FormatInt(m.From.ID, 10), Lang: m.From.LanguageCode, Started: kind == bot.Private}
	}
	if rm := m.ReplyToMessage; rm != nil && !edited {
		r.ReplyTo = &bot.Replied{
			MessageID: strconv.Itoa(rm.MessageID),
			Message:   message(rm),
			FromBot:   rm.From != nil && rm.From.ID == b.selfID(),
		}
	}
	if id := strconv.FormatInt(m.Chat.ID, 10); m.Chat.IsSuperGroup() && strings.HasPrefix(id, "-100") {
		// Members of the group can open it; the moderators are members.
		r.MessageLink = "https://t.me/c/" + id[4:] + "/" + r.MessageID
	}
	chatID := m.Chat.ID
	if m.From != nil && !r.FromAdmin {
		userID := m.From.ID
		r.IsAdmin = func(ctx context.Context) (bool, error) { return b.isAdmin(ctx, chatID, userID) }
	}
	r.BotSeesAll = func(ctx context.Context) (bool, error) { return b.seesAll(ctx, chatID) }
	return inbound{req: r}, true
}

// forOtherBot reports whether text is a command addressed to another bot
// ("/check@otherbot"), which is none of this bot's business.
func (b *Bot) forOtherBot(text string) bool {
	if !strings.HasPrefix(text, "/") {
		return false
	}
	word, _, _ := strings.Cut(text, " ")
	word, _, _ = strings.Cut(word, "\n")
	_, to, ok := strings.Cut(word, "@")
	return ok && !strings.EqualFold(to, b.selfName())
}

// message is what a person sees in m: its text or caption, the link
// targets Telegram knows (text_link entities, URL buttons) and, for a
// forward, what kind of origin it had.
func message(m *tgbotapi.Message) scam.Message {
	text, entities := m.Text, m.Entities
	if text == "" {
		text, entities = m.Caption, m.CaptionEntities
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	out := scam.Message{Text: text}
	for _, e := range entities {
		if e.Type != "text_link" || e.URL == "" {
			continue // "url" entities are in the text, where the engine finds them
		}
		l := scam.Link{URL: e.URL}
		if start, end, ok := utf16Span(text, e.Offset, e.Length); ok {
			l.Shown, l.Span = text[start:end], scam.Span{Start: start, End: end}
		}
		out.Links = append(out.Links, l)
	}
	if m.ReplyMarkup != nil {
		for _, row := range m.ReplyMarkup.InlineKeyboard {
			for _, btn := range row {
				if btn.URL != nil && *btn.URL != "" {
					out.Links = append(out.Links, scam.Link{URL: *btn.URL, Shown: btn.Text})
				}
			}
		}
	}
	if m.ForwardDate != 0 {
		out.Forward = &scam.Forward{
			FromChannel:  m.ForwardFromChat != nil && m.ForwardFromChat.IsChannel(),
			HiddenSender: m.ForwardSenderName != "",
			FromBot:      m.ForwardFrom != nil && m.ForwardFrom.IsBot,
		}
	}
	return out
}

// utf16Span turns an entity's offset and length, counted in UTF-16 code
// units as Telegram counts them, into byte offsets into text. It reports
// false when they fall outside text or inside a character.
func utf16Span(text string, offset, length int) (start, end int, ok bool) {
	if offset < 0 || length < 0 {
		return 0, 0, false
	}
	start, end = -1, -1
	units := 0
	for i, r := range text {
		if units == offset {
			start = i
		}
		if units == offset+length {
			end = i
			break
		}
		units += utf16.RuneLen(r)
	}
	if units == offset && start < 0 {
		start = len(text)
	}
	if units == offset+length && end < 0 {
		end = len(text)
	}
	return start, end, start >= 0 && end >= start
}

func (b *Bot) callbackRequest(q *tgbotapi.CallbackQuery) (inbound, bool) {
	in := inbound{callback: q.ID}
	if q.Message == nil || q.Message.Chat == nil || q.From == nil {
		// A button on an inline message: nothing the bot posted.
		return in, true
	}
	in.buttonsChat, in.buttonsMsg = q.Message.Chat.ID, q.Message.MessageID
	in.req = bot.Request{
		Chat:     chatRef(q.Message.Chat.ID),
		ChatType: chatType(q.Message.Chat),
		User:     bot.User{ID: strconv.FormatInt(q.From.ID, 10), Lang: q.From.LanguageCode},
		Button:   q.Data,
	}
	if in.req.Button == "" {
		in.req.Button = "?" // a game button or similar: answered as unknown
	}
	return in, true
}

// memberRequest turns a change of the bot's own membership into a request
// when the bot was removed or muted.
func (b *Bot) memberRequest(c *tgbotapi.ChatMemberUpdated) (inbound, bool) {
	b.admins.forgetChat(c.Chat.ID)
	n := c.NewChatMember
	gone := n.Status == "left" || n.Status == "kicked" || (n.Status == "restricted" && !n.CanSendMessages)
	if !gone || c.Chat.IsPrivate() {
		return inbound{}, false
	}
	return inbound{req: bot.Request{Chat: chatRef(c.Chat.ID), ChatType: chatType(&c.Chat), Removed: true}}, true
}

func (b *Bot) selfID() int64 {
	if api := b.api.Load(); api != nil {
		return api.Self.ID
	}
	return 0
}

func (b *Bot) selfName() string {
	if api := b.api.Load(); api != nil {
		return api.Self.UserName
	}
	return ""
}

// migrated follows a group that became a supergroup, and reports whether u
// was the service message saying so. Telegram sends one in the old group
// (migrate_to_chat_id) and one in the new (migrate_from_chat_id).
func (b *Bot) migrated(ctx context.Context, u tgbotapi.Update) bool {
	m := u.Message
	if m == nil || m.Chat == nil || (m.MigrateToChatID == 0 && m.MigrateFromChatID == 0) {
		return false
	}
	from, to := m.Chat.ID, m.MigrateToChatID
	if to == 0 {
		from, to = m.MigrateFromChatID, m.Chat.ID
	}
	if b.cfg.Mover == nil {
		return true
	}
	if err := b.cfg.Mover.MoveChat(ctx, chatRef(from), chatRef(to)); err != nil {
		b.log.Error("a group became a supergroup; its settings did not follow", "err", err)
		return true
	}
	b.log.Info("a group became a supergroup; its settings followed")
	return true
}
