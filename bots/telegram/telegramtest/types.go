package telegramtest

// These are the Bot API objects as they travel on the wire, with Telegram's
// snake_case names. They are this package's own (not tgbotapi's) so the fake
// encodes exactly what the real server would, and so a field the SDK forgot
// still reaches it. Fields Telegram always sends carry no omitempty.

// User is a Telegram user or bot.
type User struct {
	ID                      int64  `json:"id"`
	IsBot                   bool   `json:"is_bot"`
	FirstName               string `json:"first_name"`
	LastName                string `json:"last_name,omitempty"`
	Username                string `json:"username,omitempty"`
	LanguageCode            string `json:"language_code,omitempty"`
	CanJoinGroups           bool   `json:"can_join_groups,omitempty"`
	CanReadAllGroupMessages bool   `json:"can_read_all_group_messages,omitempty"`
	SupportsInlineQueries   bool   `json:"supports_inline_queries,omitempty"`
}

// Chat is a private chat, group, supergroup or channel.
type Chat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	Username  string `json:"username,omitempty"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
}

// MessageEntity marks a span of a message's text. Offset and Length count
// UTF-16 code units, as Telegram does.
type MessageEntity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	URL           string `json:"url,omitempty"`
	User          *User  `json:"user,omitempty"`
	Language      string `json:"language,omitempty"`
	CustomEmojiID string `json:"custom_emoji_id,omitempty"`
}

// InlineKeyboardButton is one button under a message. Only the kinds a bot
// like this one uses are kept; others are accepted by validation and dropped.
type InlineKeyboardButton struct {
	Text         string `json:"text"`
	URL          string `json:"url,omitempty"`
	CallbackData string `json:"callback_data,omitempty"`
}

// InlineKeyboardMarkup is the keyboard attached to a message.
type InlineKeyboardMarkup struct {
	InlineKeyboard [][]InlineKeyboardButton `json:"inline_keyboard"`
}

// Message is a message in a chat, pushed by a test or sent by the bot.
type Message struct {
	MessageID            int64                 `json:"message_id"`
	From                 *User                 `json:"from,omitempty"`
	SenderChat           *Chat                 `json:"sender_chat,omitempty"`
	Date                 int64                 `json:"date"`
	Chat                 Chat                  `json:"chat"`
	ForwardFrom          *User                 `json:"forward_from,omitempty"`
	ForwardFromChat      *Chat                 `json:"forward_from_chat,omitempty"`
	ForwardFromMessageID int64                 `json:"forward_from_message_id,omitempty"`
	ForwardSignature     string                `json:"forward_signature,omitempty"`
	ForwardSenderName    string                `json:"forward_sender_name,omitempty"`
	ForwardDate          int64                 `json:"forward_date,omitempty"`
	IsAutomaticForward   bool                  `json:"is_automatic_forward,omitempty"`
	ReplyToMessage       *Message              `json:"reply_to_message,omitempty"`
	EditDate             int64                 `json:"edit_date,omitempty"`
	Text                 string                `json:"text,omitempty"`
	Entities             []MessageEntity       `json:"entities,omitempty"`
	Caption              string                `json:"caption,omitempty"`
	CaptionEntities      []MessageEntity       `json:"caption_entities,omitempty"`
	ReplyMarkup          *InlineKeyboardMarkup `json:"reply_markup,omitempty"`
	NewChatMembers       []User                `json:"new_chat_members,omitempty"`
	LeftChatMember       *User                 `json:"left_chat_member,omitempty"`
	MigrateToChatID      int64                 `json:"migrate_to_chat_id,omitempty"`
	MigrateFromChatID    int64                 `json:"migrate_from_chat_id,omitempty"`
}

// CallbackQuery is a press on an inline button.
type CallbackQuery struct {
	ID           string   `json:"id"`
	From         User     `json:"from"`
	Message      *Message `json:"message,omitempty"`
	ChatInstance string   `json:"chat_instance"`
	Data         string   `json:"data,omitempty"`
}

// ChatMember is what getChatMember answers: a user's status in a chat and,
// for administrators, their rights.
type ChatMember struct {
	Status             string `json:"status"`
	User               User   `json:"user"`
	CustomTitle        string `json:"custom_title,omitempty"`
	IsAnonymous        bool   `json:"is_anonymous,omitempty"`
	UntilDate          int64  `json:"until_date,omitempty"`
	CanBeEdited        bool   `json:"can_be_edited,omitempty"`
	CanManageChat      bool   `json:"can_manage_chat,omitempty"`
	CanPostMessages    bool   `json:"can_post_messages,omitempty"`
	CanEditMessages    bool   `json:"can_edit_messages,omitempty"`
	CanDeleteMessages  bool   `json:"can_delete_messages,omitempty"`
	CanRestrictMembers bool   `json:"can_restrict_members,omitempty"`
	CanPromoteMembers  bool   `json:"can_promote_members,omitempty"`
	CanChangeInfo      bool   `json:"can_change_info,omitempty"`
	CanInviteUsers     bool   `json:"can_invite_users,omitempty"`
	CanPinMessages     bool   `json:"can_pin_messages,omitempty"`
	IsMember           bool   `json:"is_member,omitempty"`
	CanSendMessages    bool   `json:"can_send_messages,omitempty"`
}

// ChatMemberUpdated reports a change of someone's status in a chat; as
// my_chat_member it is the bot being added, promoted or removed.
type ChatMemberUpdated struct {
	Chat          Chat       `json:"chat"`
	From          User       `json:"from"`
	Date          int64      `json:"date"`
	OldChatMember ChatMember `json:"old_chat_member"`
	NewChatMember ChatMember `json:"new_chat_member"`
}

// Update is one event in the bot's queue. Exactly one of the pointers is set.
type Update struct {
	UpdateID          int64              `json:"update_id"`
	Message           *Message           `json:"message,omitempty"`
	EditedMessage     *Message           `json:"edited_message,omitempty"`
	ChannelPost       *Message           `json:"channel_post,omitempty"`
	EditedChannelPost *Message           `json:"edited_channel_post,omitempty"`
	CallbackQuery     *CallbackQuery     `json:"callback_query,omitempty"`
	MyChatMember      *ChatMemberUpdated `json:"my_chat_member,omitempty"`
	ChatMember        *ChatMemberUpdated `json:"chat_member,omitempty"`
}

// Kind names the update's type as allowed_updates spells it, or "" for an
// update with nothing set.
func (u Update) Kind() string {
	switch {
	case u.Message != nil:
		return "message"
	case u.EditedMessage != nil:
		return "edited_message"
	case u.ChannelPost != nil:
		return "channel_post"
	case u.EditedChannelPost != nil:
		return "edited_channel_post"
	case u.CallbackQuery != nil:
		return "callback_query"
	case u.MyChatMember != nil:
		return "my_chat_member"
	case u.ChatMember != nil:
		return "chat_member"
	}
	return ""
}

// message returns the update's message of any kind, or nil.
func (u *Update) message() *Message {
	switch {
	case u.Message != nil:
		return u.Message
	case u.EditedMessage != nil:
		return u.EditedMessage
	case u.ChannelPost != nil:
		return u.ChannelPost
	case u.EditedChannelPost != nil:
		return u.EditedChannelPost
	}
	return nil
}

// BotCommand is one entry of the bot's command menu.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// webhookInfo is getWebhookInfo's answer.
type webhookInfo struct {
	URL                  string   `json:"url"`
	HasCustomCertificate bool     `json:"has_custom_certificate"`
	PendingUpdateCount   int      `json:"pending_update_count"`
	LastErrorDate        int64    `json:"last_error_date,omitempty"`
	LastErrorMessage     string   `json:"last_error_message,omitempty"`
	MaxConnections       int      `json:"max_connections,omitempty"`
	AllowedUpdates       []string `json:"allowed_updates,omitempty"`
}
