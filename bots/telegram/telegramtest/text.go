package telegramtest

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// maxMessageLen is Telegram's limit on a message's text after parsing.
const maxMessageLen = 4096

// parsedText is a message text as the user will read it.
type parsedText struct {
	plain    string
	entities []MessageEntity
}

// parseText reads text, parse_mode and entities and checks them as the real
// server does for sendMessage and editMessageText.
func parseText(p params) (parsedText, *apiError) {
	raw := p.str("text")
	if !utf8.ValidString(raw) {
		return parsedText{}, badRequest("text must be encoded in UTF-8")
	}
	if strings.TrimSpace(raw) == "" {
		return parsedText{}, badRequest("message text is empty")
	}
	var t parsedText
	switch mode := p.str("parse_mode"); strings.ToLower(mode) {
	case "":
		t.plain = raw
		if p.has("entities") {
			if err := json.Unmarshal([]byte(p.str("entities")), &t.entities); err != nil {
				return parsedText{}, badRequest("can't parse entities JSON object")
			}
		}
	case "html":
		plain, entities, err := parseHTML(raw)
		if err != nil {
			return parsedText{}, badRequest("can't parse entities: " + err.Error())
		}
		t = parsedText{plain, entities}
	case "markdown", "markdownv2":
		// Refused loudly rather than passed through unparsed, so a test
		// never believes Markdown output was checked.
		return parsedText{}, badRequest("telegramtest models parse_mode HTML only, not " + mode)
	default:
		return parsedText{}, badRequest("unsupported parse_mode")
	}
	t = trimText(t)
	if t.plain == "" {
		return parsedText{}, badRequest("message text is empty")
	}
	if utf16Len(t.plain) > maxMessageLen {
		return parsedText{}, badRequest("message is too long")
	}
	return t, nil
}

// trimText strips leading and trailing whitespace as Telegram does before
// storing a text, moving and clipping the entities to match.
func trimText(t parsedText) parsedText {
	const space = " \t\n\r"
	trimmed := strings.TrimLeft(t.plain, space)
	lead := len(t.plain) - len(trimmed) // ASCII only: bytes are UTF-16 units
	trimmed = strings.TrimRight(trimmed, space)
	n := utf16Len(trimmed)
	var entities []MessageEntity
	for _, e := range t.entities {
		start, end := max(e.Offset-lead, 0), min(e.Offset+e.Length-lead, n)
		if end > start {
			e.Offset, e.Length = start, end-start
			entities = append(entities, e)
		}
	}
	return parsedText{trimmed, entities}
}
