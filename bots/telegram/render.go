package telegram

import (
	"html"
	"net/url"
	"strings"
	"unicode/utf16"

	"github.com/scamwarn/scamwarn/internal/bot"
)

// maxMessage is Telegram's limit on a message's text, in UTF-16 code units
// after the HTML is parsed.
const maxMessage = 4096

// render turns t into Telegram HTML messages of at most limit visible
// characters each. Every piece of text is escaped; quoted words from a
// checked message become code, never links. Blocks are split only when one
// alone is longer than a message, and then between words where possible.
func render(t bot.Text, limit int) []string {
	c := chunker{limit: limit}
	for i, bl := range t {
		sep := ""
		if i > 0 {
			sep = "\n"
			if bl.Kind == bot.Para || bl.Kind == bot.Heading {
				sep = "\n\n"
			}
		}
		prefix := ""
		switch bl.Kind {
		case bot.Item:
			prefix = "• "
		case bot.Sub:
			prefix = "    "
		}
		size := units(prefix)
		for _, s := range bl.Spans {
			size += units(s.Text)
		}
		// A block that fits in a message is not split across two.
		if c.n > 0 && c.n+units(sep)+size > limit && size <= limit {
			c.flush()
		}
		c.sep(sep)
		c.text("", prefix, "")
		for _, s := range bl.Spans {
			open, close := tags(s)
			c.text(open, s.Text, close)
		}
	}
	c.flush()
	return c.out
}

// tags are the HTML tags around a span.
func tags(s bot.Span) (open, close string) {
	if s.Link != "" && s.Style != bot.Quoted {
		if u, err := url.Parse(s.Link); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			return `<a href="` + html.EscapeString(u.String()) + `">`, "</a>"
		}
	}
	switch s.Style {
	case bot.Bold:
		return "<b>", "</b>"
	case bot.Quoted:
		return "<code>", "</code>"
	}
	return "", ""
}

// chunker fills messages up to a limit of visible UTF-16 code units.
type chunker struct {
	limit int
	out   []string
	buf   strings.Builder
	n     int // visible units in buf
}

func (c *chunker) flush() {
	if strings.TrimSpace(c.buf.String()) != "" {
		c.out = append(c.out, c.buf.String())
	}
	c.buf.Reset()
	c.n = 0
}

// sep writes a separator between blocks; at the start of a message it is
// dropped.
func (c *chunker) sep(s string) {
	if c.n == 0 {
		return
	}
	if c.n+units(s) > c.limit {
		c.flush()
		return
	}
	c.buf.WriteString(s)
	c.n += units(s)
}

// text writes s, escaped, between open and close, starting new messages as
// it fills them.
func (c *chunker) text(open, s, close string) {
	s = strings.ToValidUTF8(s, "\uFFFD") // Telegram refuses invalid UTF-8
	for s != "" {
		room := c.limit - c.n
		part, rest := cut(s, room)
		if part == "" {
			if c.n == 0 {
				return // cannot happen with a limit of 2 or more
			}
			c.flush()
			continue
		}
		c.buf.WriteString(open + html.EscapeString(part) + close)
		c.n += units(part)
		if s = rest; s != "" {
			c.flush()
		}
	}
}

// cut splits s so that the first part has at most room UTF-16 code units,
// at a space in the last fifth of the room when there is one.
func cut(s string, room int) (string, string) {
	if units(s) <= room {
		return s, ""
	}
	n, end := 0, 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if n+w > room {
			break
		}
		n += w
		end = i + len(string(r))
	}
	if sp := strings.LastIndexAny(s[:end], " \n"); sp > 0 && sp >= end*4/5 {
		end = sp + 1
	}
	return s[:end], s[end:]
}

// units is the length of s in UTF-16 code units, as Telegram counts.
func units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
