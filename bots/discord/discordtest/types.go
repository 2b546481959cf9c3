package discordtest

// The wire types below follow Discord's JSON field names. IDs are snowflakes
// as strings, permissions are decimal strings, as Discord sends them; a
// permission field left empty is sent as "0", because discordgo decodes those
// fields with the ",string" option and an empty string would fail the whole
// event.

// Channel types used by the fake.
const (
	ChannelTypeGuildText = 0
	ChannelTypeDM        = 1
	ChannelTypeGroupDM   = 3
)

// User is a Discord user.
type User struct {
	ID            string `json:"id"`
	Username      string `json:"username"`
	GlobalName    string `json:"global_name,omitempty"`
	Discriminator string `json:"discriminator"`
	Avatar        string `json:"avatar,omitempty"`
	Bot           bool   `json:"bot,omitempty"`
}

// Role is a guild role. The @everyone role has the guild's id.
type Role struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Permissions string `json:"permissions"`
	Position    int    `json:"position"`
	Color       int    `json:"color"`
	Hoist       bool   `json:"hoist"`
	Managed     bool   `json:"managed"`
	Mentionable bool   `json:"mentionable"`
	Flags       int    `json:"flags"`
}

// PermissionOverwrite changes a role's (Type 0) or a member's (Type 1)
// permissions in one channel.
type PermissionOverwrite struct {
	ID    string `json:"id"`
	Type  int    `json:"type"`
	Allow string `json:"allow"`
	Deny  string `json:"deny"`
}

// Channel is a guild channel or a DM channel.
type Channel struct {
	ID                   string                `json:"id"`
	Type                 int                   `json:"type"`
	GuildID              string                `json:"guild_id,omitempty"`
	Name                 string                `json:"name,omitempty"`
	Topic                string                `json:"topic,omitempty"`
	Position             int                   `json:"position,omitempty"`
	ParentID             string                `json:"parent_id,omitempty"`
	NSFW                 bool                  `json:"nsfw,omitempty"`
	LastMessageID        string                `json:"last_message_id,omitempty"`
	PermissionOverwrites []PermissionOverwrite `json:"permission_overwrites,omitzero"`
	Recipients           []User                `json:"recipients,omitempty"`
	// Permissions is set only in interaction payloads (resolved channels and
	// the interaction's channel): the invoking user's permissions there.
	Permissions string `json:"permissions,omitempty"`
}

// Member is a user's membership of a guild. In MESSAGE_CREATE it is partial
// (no User); in interactions it carries Permissions, computed for the channel.
type Member struct {
	User        *User    `json:"user,omitempty"`
	Nick        string   `json:"nick,omitempty"`
	Roles       []string `json:"roles"`
	JoinedAt    string   `json:"joined_at"`
	Deaf        bool     `json:"deaf"`
	Mute        bool     `json:"mute"`
	Pending     bool     `json:"pending,omitempty"`
	Flags       int      `json:"flags"`
	Permissions string   `json:"permissions,omitempty"`
}

// Guild is a server. GUILD_CREATE sends it with Channels and Members; REST
// GET /guilds/{id} without them, as Discord does.
type Guild struct {
	ID              string    `json:"id"`
	Name            string    `json:"name"`
	OwnerID         string    `json:"owner_id"`
	PreferredLocale string    `json:"preferred_locale"`
	Roles           []Role    `json:"roles"`
	Channels        []Channel `json:"channels,omitzero"`
	Members         []Member  `json:"members,omitzero"`
	MemberCount     int       `json:"member_count,omitempty"`
	JoinedAt        string    `json:"joined_at,omitempty"`
	Unavailable     bool      `json:"unavailable,omitempty"`
}

// Message is a channel message.
type Message struct {
	ID                string            `json:"id"`
	Type              int               `json:"type"`
	ChannelID         string            `json:"channel_id"`
	GuildID           string            `json:"guild_id,omitempty"`
	Author            User              `json:"author"`
	Member            *Member           `json:"member,omitempty"`
	Content           string            `json:"content"`
	Timestamp         string            `json:"timestamp"`
	EditedTimestamp   *string           `json:"edited_timestamp"`
	TTS               bool              `json:"tts"`
	MentionEveryone   bool              `json:"mention_everyone"`
	Mentions          []User            `json:"mentions"`
	MentionRoles      []string          `json:"mention_roles"`
	Attachments       []Attachment      `json:"attachments"`
	Embeds            []Embed           `json:"embeds"`
	Components        []Component       `json:"components,omitempty"`
	Flags             int               `json:"flags,omitempty"`
	WebhookID         string            `json:"webhook_id,omitempty"`
	ApplicationID     string            `json:"application_id,omitempty"`
	MessageReference  *MessageReference `json:"message_reference,omitempty"`
	ReferencedMessage *Message          `json:"referenced_message,omitempty"`
	MessageSnapshots  []MessageSnapshot `json:"message_snapshots,omitempty"`
}

// MessageSnapshot is the copy of a forwarded message (message_reference type
// 1) carried by the forward.
type MessageSnapshot struct {
	Message SnapshotMessage `json:"message"`
}

// SnapshotMessage is the part of a message a forward copies.
type SnapshotMessage struct {
	Type            int          `json:"type"`
	Content         string       `json:"content"`
	Embeds          []Embed      `json:"embeds"`
	Attachments     []Attachment `json:"attachments"`
	Timestamp       string       `json:"timestamp"`
	EditedTimestamp *string      `json:"edited_timestamp"`
	Flags           int          `json:"flags"`
	Mentions        []User       `json:"mentions"`
	MentionRoles    []string     `json:"mention_roles"`
	Components      []Component  `json:"components,omitempty"`
}

// Message reference types.
const (
	ReferenceReply   = 0
	ReferenceForward = 1
)

// MessageReference points a reply (Type 0) or a forward (Type 1) at a message.
type MessageReference struct {
	Type            int    `json:"type,omitempty"`
	MessageID       string `json:"message_id,omitempty"`
	ChannelID       string `json:"channel_id,omitempty"`
	GuildID         string `json:"guild_id,omitempty"`
	FailIfNotExists *bool  `json:"fail_if_not_exists,omitempty"`
}

// AllowedMentions says whom a sent message may ping.
type AllowedMentions struct {
	Parse       []string `json:"parse"`
	Roles       []string `json:"roles,omitempty"`
	Users       []string `json:"users,omitempty"`
	RepliedUser bool     `json:"replied_user,omitempty"`
}

// Attachment is a file on a message (the fake keeps no bytes).
type Attachment struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	Size        int    `json:"size"`
	URL         string `json:"url"`
	ProxyURL    string `json:"proxy_url"`
	ContentType string `json:"content_type,omitempty"`
}

// Embed is a rich embed.
type Embed struct {
	Type        string       `json:"type,omitempty"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	URL         string       `json:"url,omitempty"`
	Timestamp   string       `json:"timestamp,omitempty"`
	Color       int          `json:"color,omitempty"`
	Footer      *EmbedFooter `json:"footer,omitempty"`
	Image       *EmbedMedia  `json:"image,omitempty"`
	Thumbnail   *EmbedMedia  `json:"thumbnail,omitempty"`
	Author      *EmbedAuthor `json:"author,omitempty"`
	Fields      []EmbedField `json:"fields,omitempty"`
}

// EmbedFooter is an embed's footer.
type EmbedFooter struct {
	Text    string `json:"text"`
	IconURL string `json:"icon_url,omitempty"`
}

// EmbedMedia is an embed's image or thumbnail.
type EmbedMedia struct {
	URL    string `json:"url"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

// EmbedAuthor is an embed's author line.
type EmbedAuthor struct {
	Name    string `json:"name"`
	URL     string `json:"url,omitempty"`
	IconURL string `json:"icon_url,omitempty"`
}

// EmbedField is one name/value field of an embed.
type EmbedField struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}

// Component types the fake knows by name.
const (
	ComponentActionRow  = 1
	ComponentButton     = 2
	ComponentStringMenu = 3
	ComponentTextInput  = 4
)

// ButtonStyleLink is the style of a button that opens a URL and has no
// custom_id.
const ButtonStyleLink = 5

// Component is a message or modal component: an action row holding buttons,
// select menus or text inputs. Fields of newer component kinds that are not
// listed here are dropped when the fake records or echoes them.
type Component struct {
	Type        int             `json:"type"`
	CustomID    string          `json:"custom_id,omitempty"`
	Label       string          `json:"label,omitempty"`
	Style       int             `json:"style,omitempty"`
	URL         string          `json:"url,omitempty"`
	Disabled    bool            `json:"disabled,omitempty"`
	Placeholder string          `json:"placeholder,omitempty"`
	Value       string          `json:"value,omitempty"`
	Required    *bool           `json:"required,omitempty"`
	MinLength   *int            `json:"min_length,omitempty"`
	MaxLength   int             `json:"max_length,omitempty"`
	Options     []SelectOption  `json:"options,omitempty"`
	Emoji       *ComponentEmoji `json:"emoji,omitempty"`
	Content     string          `json:"content,omitempty"`
	Components  []Component     `json:"components,omitempty"`
}

// SelectOption is one choice of a string select menu.
type SelectOption struct {
	Label       string `json:"label"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
	Default     bool   `json:"default,omitempty"`
}

// ComponentEmoji is the emoji on a button or select option.
type ComponentEmoji struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Animated bool   `json:"animated,omitempty"`
}
