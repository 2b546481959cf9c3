package telegramtest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"time"
)

// msgKey names a message: ids count per chat.
type msgKey struct{ chat, id int64 }

// callbackState is what the server knows of a pushed callback query.
type callbackState struct {
	chatID   int64
	answered bool
}

// Message returns a message the server knows, pushed or sent by the bot,
// as it stands now (edits applied). Tests use it to build a callback query
// on a message the bot sent.
func (s *Server) Message(chatID, messageID int64) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[msgKey{chatID, messageID}]
	return m, ok
}

// newMessageID returns the next message id in chatID. The caller holds s.mu.
func (s *Server) newMessageID(chatID int64) int64 {
	s.nextMsg[chatID]++
	return s.nextMsg[chatID]
}

// remember stores m and learns its chat and people. The caller holds s.mu.
func (s *Server) remember(m Message) {
	s.learnChat(m.Chat)
	if m.From != nil {
		s.users[m.From.ID] = *m.From
	}
	for _, u := range m.NewChatMembers {
		s.users[u.ID] = u
	}
	s.messages[msgKey{m.Chat.ID, m.MessageID}] = m
	// A test may number messages itself; the bot's next ones follow on.
	if m.MessageID > s.nextMsg[m.Chat.ID] {
		s.nextMsg[m.Chat.ID] = m.MessageID
	}
}

// learnChat remembers a chat so later answers describe it fully. The
// caller holds s.mu.
func (s *Server) learnChat(c Chat) {
	if c.ID != 0 && c.Type != "" {
		s.chats[c.ID] = c
	}
}

// chat describes chatID as far as the server knows it. An unknown chat is
// typed by its id, as Telegram's ids are shaped: positive for users, -100…
// for supergroups and channels, other negatives for basic groups.
func (s *Server) chat(chatID int64) Chat {
	if c, ok := s.chats[chatID]; ok {
		return c
	}
	switch {
	case chatID > 0:
		return Chat{ID: chatID, Type: "private", FirstName: "User"}
	case chatID < -1000000000000:
		return Chat{ID: chatID, Type: "supergroup", Title: "Group"}
	default:
		return Chat{ID: chatID, Type: "group", Title: "Group"}
	}
}

func (s *Server) sendMessage(_ *http.Request, p params) (any, *apiError) {
	chatID, e := s.checkChat(p)
	if e != nil {
		return nil, e
	}
	txt, e := parseText(p)
	if e != nil {
		return nil, e
	}
	markup, e := parseMarkup(p.str("reply_markup"))
	if e != nil {
		return nil, e
	}
	replyTo, allowWithout := p.int64("reply_to_message_id"), p.bool("allow_sending_without_reply")
	if raw := p.str("reply_parameters"); raw != "" {
		var rp struct {
			MessageID                int64 `json:"message_id"`
			AllowSendingWithoutReply bool  `json:"allow_sending_without_reply"`
		}
		if json.Unmarshal([]byte(raw), &rp) != nil {
			return nil, badRequest("can't parse reply parameters JSON object")
		}
		replyTo, allowWithout = rp.MessageID, rp.AllowSendingWithoutReply
	}
	var replied *Message
	if replyTo != 0 {
		orig, ok := s.messages[msgKey{chatID, replyTo}]
		switch {
		case ok:
			// Telegram nests one level only.
			orig.ReplyToMessage = nil
			replied = &orig
		case !allowWithout:
			return nil, badRequest("message to be replied not found")
		}
	}
	bot := s.bot
	m := Message{
		MessageID:      s.newMessageID(chatID),
		From:           &bot,
		Date:           time.Now().Unix(),
		Chat:           s.chat(chatID),
		ReplyToMessage: replied,
		Text:           txt.plain,
		Entities:       txt.entities,
		ReplyMarkup:    markup,
	}
	s.remember(m)
	s.record(Sent{
		Method: "sendMessage", ChatID: chatID, MessageID: m.MessageID,
		Text: p.str("text"), Plain: txt.plain, Entities: txt.entities,
		ParseMode: p.str("parse_mode"), ReplyTo: replyTo, NoPreview: noPreview(p),
		Markup: markup,
	})
	return m, nil
}

// noPreview reports whether the call turned link previews off, the old way
// or through link_preview_options.
func noPreview(p params) bool {
	var opts struct {
		IsDisabled bool `json:"is_disabled"`
	}
	_ = json.Unmarshal([]byte(p.str("link_preview_options")), &opts)
	return p.bool("disable_web_page_preview") || opts.IsDisabled
}

// editable finds the bot's own message named by chat_id and message_id.
// The caller holds s.mu.
func (s *Server) editable(p params) (Message, *apiError) {
	if p.has("inline_message_id") {
		return Message{}, badRequest("MESSAGE_ID_INVALID")
	}
	chatID, e := s.checkChat(p)
	if e != nil {
		return Message{}, e
	}
	id := p.int64("message_id")
	if id == 0 {
		return Message{}, badRequest("message identifier is not specified")
	}
	m, ok := s.messages[msgKey{chatID, id}]
	if !ok {
		return Message{}, badRequest("message to edit not found")
	}
	if m.From == nil || m.From.ID != s.bot.ID {
		return Message{}, badRequest("message can't be edited")
	}
	return m, nil
}

const notModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

func (s *Server) editMessageText(_ *http.Request, p params) (any, *apiError) {
	m, e := s.editable(p)
	if e != nil {
		return nil, e
	}
	txt, e := parseText(p)
	if e != nil {
		return nil, e
	}
	markup, e := parseMarkup(p.str("reply_markup"))
	if e != nil {
		return nil, e
	}
	if m.Text == txt.plain && sameEntities(m.Entities, txt.entities) && sameMarkup(m.ReplyMarkup, markup) {
		return nil, badRequest(notModified)
	}
	m.Text, m.Entities, m.ReplyMarkup = txt.plain, txt.entities, markup
	m.EditDate = time.Now().Unix()
	s.remember(m)
	s.record(Sent{
		Method: "editMessageText", ChatID: m.Chat.ID, MessageID: m.MessageID,
		Text: p.str("text"), Plain: txt.plain, Entities: txt.entities,
		ParseMode: p.str("parse_mode"), NoPreview: noPreview(p), Markup: markup,
	})
	return m, nil
}

func (s *Server) editMessageReplyMarkup(_ *http.Request, p params) (any, *apiError) {
	m, e := s.editable(p)
	if e != nil {
		return nil, e
	}
	markup, e := parseMarkup(p.str("reply_markup"))
	if e != nil {
		return nil, e
	}
	if sameMarkup(m.ReplyMarkup, markup) {
		return nil, badRequest(notModified)
	}
	m.ReplyMarkup = markup
	m.EditDate = time.Now().Unix()
	s.remember(m)
	s.record(Sent{
		Method: "editMessageReplyMarkup", ChatID: m.Chat.ID, MessageID: m.MessageID,
		Text: m.Text, Plain: m.Text, Entities: m.Entities, Markup: markup,
	})
	return m, nil
}

// deleteMessage lets the bot delete its own messages, anything in a private
// chat, and others' messages where it is an administrator, as Telegram does.
func (s *Server) deleteMessage(_ *http.Request, p params) (any, *apiError) {
	chatID, e := s.checkChat(p)
	if e != nil {
		return nil, e
	}
	key := msgKey{chatID, p.int64("message_id")}
	m, ok := s.messages[key]
	if !ok {
		return nil, badRequest("message to delete not found")
	}
	own := m.From != nil && m.From.ID == s.bot.ID
	status := s.member(chatID, s.bot.ID).Status
	if !own && chatID < 0 && status != "administrator" && status != "creator" {
		return nil, badRequest("message can't be deleted")
	}
	delete(s.messages, key)
	s.record(Sent{Method: "deleteMessage", ChatID: chatID, MessageID: key.id, Text: m.Text, Plain: m.Text})
	return true, nil
}

func (s *Server) answerCallbackQuery(_ *http.Request, p params) (any, *apiError) {
	id := p.str("callback_query_id")
	cb, ok := s.callbacks[id]
	if !ok || cb.answered {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	text := p.str("text")
	if utf16Len(text) > 200 {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	cb.answered = true
	s.callbacks[id] = cb
	s.record(Sent{
		Method: "answerCallbackQuery", ChatID: cb.chatID, Text: text, Plain: text,
		CallbackID: id, ShowAlert: p.bool("show_alert"),
	})
	return true, nil
}

func (s *Server) sendChatAction(_ *http.Request, p params) (any, *apiError) {
	if _, e := s.checkChat(p); e != nil {
		return nil, e
	}
	if p.str("action") == "" {
		return nil, badRequest("action is empty")
	}
	return true, nil
}

func sameEntities(a, b []MessageEntity) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

func sameMarkup(a, b *InlineKeyboardMarkup) bool {
	empty := func(m *InlineKeyboardMarkup) bool { return m == nil || len(m.InlineKeyboard) == 0 }
	return empty(a) && empty(b) || reflect.DeepEqual(a, b)
}
