package scam

// Message is something a person received and wants checked.
type Message struct {
	// Text is the message as the person saw it (text or caption).
	Text string
	// Links are link targets the platform already knows and that may not be
	// visible in Text: Telegram text_link entities, Discord masked links,
	// URL buttons.
	Links []Link
	// Forward describes where a forwarded message came from; nil when the
	// message was not forwarded.
	Forward *Forward
	// Lang is a hint of the text's language (BCP 47, such as "fr" or
	// "zh-Hans"); empty when unknown.
	Lang string
}

// Link is a link target with the text that was shown for it.
type Link struct {
	URL string
	// Shown is the visible text of the link, when the platform showed other
	// text than the URL itself ("[discord.com](https://evil.example)").
	Shown string
	// Span is where the shown text sits in Message.Text; zero when the link
	// is not in the text (a button).
	Span Span
}

// Forward holds the facts a platform gives about a forwarded message. It
// never holds a user id or name: only what kind of origin it was.
type Forward struct {
	// FromChannel is true when the original was posted in a channel.
	FromChannel bool
	// HiddenSender is true when the original sender hid their account.
	HiddenSender bool
	// FromBot is true when the original sender is a bot.
	FromBot bool
}
