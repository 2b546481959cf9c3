package bot

import (
	"context"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// ChatType says what kind of chat a request came from.
type ChatType int

// The chat types.
const (
	Private ChatType = iota // a one-to-one chat with the bot
	Group                   // a group or server channel where people talk
	Channel                 // a broadcast channel where only admins post
)

// User is who sent a request. ID is the platform's user id: the bot never
// logs it or stores it in clear.
type User struct {
	ID   string
	Lang string // the platform's language for the user (BCP 47); "" when unknown
	// Started is true when the user has a private chat with the bot, so
	// the bot may write to them there.
	Started bool
}

// Request is one thing that happened on a platform, in neutral form.
type Request struct {
	Chat      scam.ChatRef
	ChatType  ChatType
	User      User
	MessageID string // the platform id of the message, for replies
	// Message is what was received: its text or caption, the links the
	// platform knows, and where a forward came from.
	Message scam.Message
	// ReplyTo is the message this one answers, when it does: "/check" in
	// reply to a message checks that message.
	ReplyTo *Replied
	// Button is the data of a pressed button; Message is then empty.
	Button string
	// IsAdmin reports whether User administers Chat. The adapter asks the
	// platform (and may cache); the bot calls it only when it matters.
	IsAdmin func(ctx context.Context) (bool, error)
	// BotSeesAll reports whether the bot can read every message in Chat
	// (Telegram: privacy mode off or admin rights), for /alerts to say so.
	BotSeesAll func(ctx context.Context) (bool, error)
	// ChatTitle names the chat in moderator notices; it is never stored.
	ChatTitle string
	// ChatLang is the community's language as the platform knows it
	// (Discord's server locale): the chat's answers fall back to it.
	ChatLang string
	// MessageLink is the web address of the message, for moderator
	// notices (a Discord jump link); "" when there is none.
	MessageLink string
	// FromAdmin is true when the message was posted by the chat itself or
	// by an anonymous admin (Telegram's sender chat).
	FromAdmin bool
	// Removed is true when the bot was removed from Chat or may no longer
	// post there: the chat's tip schedules are paused. Nothing else is set.
	Removed bool
	// PrivateAnswer is true when the platform shows the answer to the user
	// alone (Discord's ephemeral replies): a check is then answered in full
	// and in the user's own language, even in a group.
	PrivateAnswer bool
	// Options are named options a platform's structured command carries
	// (Discord's slash commands), already checked by the adapter: see the
	// Opt* names.
	Options map[string]string
}

// Names of Request.Options.
const (
	// OptNotify is a chat of the same community, which the platform says
	// the user may send moderator notices to (with "/alerts on").
	OptNotify = "notify"
	// OptLang is the language of a new tip schedule ("/tips ...").
	OptLang = "lang"
	// OptTags are the tags of a new tip schedule, comma-separated.
	OptTags = "tags"
)

// Replied is a message another message replies to.
type Replied struct {
	MessageID string
	Message   scam.Message
	FromBot   bool // the bot's own message
}

// Reply is one message the bot sends, edits or acknowledges, in neutral
// form. The adapter renders Body for its platform and escapes every piece.
type Reply struct {
	// Chat is where to post. For a private reply it is the user's private
	// chat, which the adapter knows from the user: Chat is then zero and
	// ToUser is set.
	Chat   scam.ChatRef
	ToUser bool
	// ReplyTo is the message to answer, in Chat; "" for none.
	ReplyTo string
	Body    Text
	Buttons []Button
	// Toast is a short note for the person who pressed a button (Telegram
	// answerCallbackQuery, a Discord ephemeral reply); Body may be empty.
	Toast string
	// DropButtons removes the buttons of the message a button was pressed
	// on, so nobody votes twice.
	DropButtons bool
	// Verdict is the level of the verdict the reply words, for platforms
	// that colour it (Discord embeds); nil when the reply is not one.
	Verdict *scam.Level
}

// Button is a button under a reply; Data comes back in Request.Button.
type Button struct {
	Label string
	Data  string
}

// Text is rich text in neutral form: blocks of spans. Adapters turn it into
// HTML or Markdown and escape each span's text.
type Text []Block

// Block is a paragraph, a heading or a list item.
type Block struct {
	Kind  BlockKind
	Spans []Span
}

// BlockKind says how a block is laid out.
type BlockKind int

// The block kinds.
const (
	Para    BlockKind = iota // a paragraph
	Heading                  // a short bold line above what follows
	Item                     // a bullet point
	Sub                      // a point under the item before it (quoted evidence)
)

// Span is a run of text with one style.
type Span struct {
	Text  string
	Style Style
	Link  string // a web address the span links to; "" for none
}

// Style is how a span looks.
type Style int

// The styles.
const (
	Plain  Style = iota
	Bold         // headlines and labels
	Quoted       // words quoted from the checked message: shown as code, never as a link
)

// Plain returns the spans' text without styles, blocks on lines of their
// own: for logs of lengths, tests and terminals.
func (t Text) String() string {
	var b []byte
	for i, bl := range t {
		if i > 0 {
			b = append(b, '\n')
		}
		switch bl.Kind {
		case Item:
			b = append(b, "• "...)
		case Sub:
			b = append(b, "   "...)
		}
		for _, s := range bl.Spans {
			b = append(b, s.Text...)
		}
	}
	return string(b)
}

func para(spans ...Span) Block { return Block{Kind: Para, Spans: spans} }

func heading(s string) Block { return Block{Kind: Heading, Spans: []Span{{Text: s, Style: Bold}}} }

func item(spans ...Span) Block { return Block{Kind: Item, Spans: spans} }

func plain(s string) Span { return Span{Text: s} }

func bold(s string) Span { return Span{Text: s, Style: Bold} }

func textOf(paras ...string) Text {
	var t Text
	for _, p := range paras {
		if p != "" {
			t = append(t, para(plain(p)))
		}
	}
	return t
}
