package discord

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// Discord's limits on what one message carries.
const (
	maxTitle       = 256
	maxDescription = 4096
	maxEmbedsChars = 6000 // all embeds of a message together
	maxEmbeds      = 10
)

// Embed colours by verdict level: calm blue for information, amber for
// suspicious, red for very likely a scam.
var levelColour = map[scam.Level]int{scam.Low: 0x4f8fd6, scam.Medium: 0xe0a526, scam.High: 0xd64545}

const plainColour = 0x5865f2

// render turns t into embeds, each within Discord's limits, grouped into
// messages. The first paragraph, when it is bold (a verdict's headline),
// is the first embed's title. Every piece of text is escaped; quoted words
// from a checked message become code, never links.
func render(t bot.Text, level *scam.Level) [][]*discordgo.MessageEmbed {
	colour := plainColour
	if level != nil {
		colour = levelColour[*level]
	}
	title := ""
	if len(t) > 0 && t[0].Kind != bot.Item && len(t[0].Spans) == 1 && t[0].Spans[0].Style == bot.Bold {
		title = cutRunes(t[0].Spans[0].Text, maxTitle)
		t = t[1:]
	}
	var descs []string
	var cur strings.Builder
	for i, bl := range t {
		line := block(bl)
		sep := ""
		if i > 0 {
			sep = "\n"
			if bl.Kind == bot.Para || bl.Kind == bot.Heading {
				sep = "\n\n"
			}
		}
		if cur.Len() > 0 && runes(cur.String())+runes(sep)+runes(line) > maxDescription {
			descs = append(descs, cur.String())
			cur.Reset()
			sep = ""
		}
		for runes(line) > maxDescription { // one block longer than an embed
			head, rest := cutAt(line, maxDescription)
			descs = append(descs, head)
			line = rest
		}
		if cur.Len() > 0 {
			cur.WriteString(sep)
		}
		cur.WriteString(line)
	}
	if cur.Len() > 0 {
		descs = append(descs, cur.String())
	}
	if len(descs) == 0 && title == "" {
		return nil
	}
	if len(descs) == 0 {
		descs = []string{""}
	}
	var msgs [][]*discordgo.MessageEmbed
	var embeds []*discordgo.MessageEmbed
	size := 0
	for i, d := range descs {
		e := &discordgo.MessageEmbed{Description: d, Color: colour}
		if i == 0 {
			e.Title = title
		}
		n := runes(e.Title) + runes(d)
		if len(embeds) > 0 && (size+n > maxEmbedsChars || len(embeds) == maxEmbeds) {
			msgs = append(msgs, embeds)
			embeds, size = nil, 0
		}
		embeds = append(embeds, e)
		size += n
	}
	return append(msgs, embeds)
}

// block is one block in Discord markdown.
func block(bl bot.Block) string {
	var b strings.Builder
	switch bl.Kind {
	case bot.Item:
		b.WriteString("• ")
	case bot.Sub:
		b.WriteString("\u2003") // an em space: markdown drops leading spaces
	}
	for _, s := range bl.Spans {
		b.WriteString(span(s))
	}
	return b.String()
}

func span(s bot.Span) string {
	text := strings.ToValidUTF8(s.Text, "\uFFFD")
	switch {
	case s.Style == bot.Quoted:
		return code(text)
	case s.Link != "":
		if u, err := url.Parse(s.Link); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			target := strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(u.String())
			return "[" + escape(text) + "](" + target + ")"
		}
		return escape(text)
	case s.Style == bot.Bold:
		return "**" + escape(text) + "**"
	}
	return escape(text)
}

// code shows words from a checked message as inline code: never a link,
// never a mention, never formatting. Backticks would end the code early,
// so they become a look-alike; a line break becomes a space.
func code(s string) string {
	s = strings.NewReplacer("`", "ˋ", "\n", " ", "\r", " ").Replace(s)
	if strings.TrimSpace(s) == "" {
		return "` `"
	}
	return "`" + s + "`"
}

// markdownChars are the characters Discord reads as formatting.
var markdownReplacer = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`,
	`#`, `\#`, `-`, `\-`, `[`, `\[`, `]`, `\]`, `(`, `\(`, `)`, `\)`, `<`, `\<`, `@`, "@\u200b",
)

// escape makes s show as written in Discord markdown. "@" gets a zero-width
// space after it so "@everyone" in a message never reads as a mention.
func escape(s string) string { return markdownReplacer.Replace(s) }

func runes(s string) int { return utf8.RuneCountInString(s) }

func cutRunes(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// cutAt splits s after at most n runes, at a space in the last fifth when
// there is one, never inside an escape ("\*").
func cutAt(s string, n int) (string, string) {
	r := []rune(s)
	end := n
	for i := n - 1; i >= n*4/5; i-- {
		if r[i] == ' ' || r[i] == '\n' {
			end = i + 1
			break
		}
	}
	for end > 1 && r[end-1] == '\\' {
		end--
	}
	return string(r[:end]), string(r[end:])
}
