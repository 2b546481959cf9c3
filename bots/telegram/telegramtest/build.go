package telegramtest

import "time"

// PrivateChat is the private chat between user and the bot; Telegram gives
// it the user's id.
func PrivateChat(user User) Chat {
	return Chat{ID: user.ID, Type: "private", Username: user.Username, FirstName: user.FirstName, LastName: user.LastName}
}

// Group is a supergroup, what every group becomes once it grows or gets
// admins; real ids look like -1001234567890.
func Group(id int64, title string) Chat {
	return Chat{ID: id, Type: "supergroup", Title: title}
}

// Channel is a channel; its posts arrive as channel_post.
func Channel(id int64, title string) Chat {
	return Chat{ID: id, Type: "channel", Title: title}
}

// Text is a text message from from in chat, dated now. In a channel it is
// a channel_post signed by the channel (from is ignored, as Telegram sends
// none), elsewhere a message.
func Text(chat Chat, from *User, text string) Update {
	m := &Message{Chat: chat, Date: time.Now().Unix(), Text: text}
	if chat.Type == "channel" {
		m.SenderChat = &chat
		return Update{ChannelPost: m}
	}
	if from != nil {
		u := *from
		m.From = &u
	}
	return Update{Message: m}
}

// ForwardedFrom marks u's message as forwarded from origin's own message,
// an hour old.
func (u Update) ForwardedFrom(origin User) Update {
	m := u.forward()
	m.ForwardFrom = &origin
	return u
}

// ForwardedFromChat marks u's message as forwarded from a post in a channel
// (or a message sent on behalf of a group), an hour old.
func (u Update) ForwardedFromChat(origin Chat, messageID int64) Update {
	m := u.forward()
	m.ForwardFromChat, m.ForwardFromMessageID = &origin, messageID
	return u
}

// ForwardedHidden marks u's message as forwarded from someone who hides
// their account: Telegram gives only the name they show.
func (u Update) ForwardedHidden(senderName string) Update {
	u.forward().ForwardSenderName = senderName
	return u
}

// ReplyingTo makes u's message a reply to m (pushed or sent by the bot).
func (u Update) ReplyingTo(m Message) Update {
	m.ReplyToMessage = nil // Telegram nests one level only
	u.ownMessage().ReplyToMessage = &m
	return u
}

// forward dates u's message as a forward and returns it.
func (u *Update) forward() *Message {
	m := u.ownMessage()
	m.ForwardDate = time.Now().Add(-time.Hour).Unix()
	return m
}

// ownMessage replaces u's message with a copy and returns it, so builders
// never change a message a caller still holds.
func (u *Update) ownMessage() *Message {
	msg := u.message()
	if msg == nil {
		return &Message{}
	}
	c := *msg
	switch {
	case u.Message != nil:
		u.Message = &c
	case u.EditedMessage != nil:
		u.EditedMessage = &c
	case u.ChannelPost != nil:
		u.ChannelPost = &c
	case u.EditedChannelPost != nil:
		u.EditedChannelPost = &c
	}
	return &c
}

// Callback is a press by from of the button carrying data under m, a
// message the bot sent (see Server.Message).
func Callback(from User, m Message, data string) Update {
	return Update{CallbackQuery: &CallbackQuery{From: from, Message: &m, Data: data}}
}

// MyChatMember is the update Telegram sends when the bot's status in chat
// changes, for instance from "left" to "member" when by adds it to a group.
// bot is the bot user (Server.Bot).
func MyChatMember(chat Chat, by, bot User, oldStatus, newStatus string) Update {
	return Update{MyChatMember: &ChatMemberUpdated{
		Chat: chat, From: by, Date: time.Now().Unix(),
		OldChatMember: ChatMember{Status: oldStatus, User: bot},
		NewChatMember: ChatMember{Status: newStatus, User: bot},
	}}
}
