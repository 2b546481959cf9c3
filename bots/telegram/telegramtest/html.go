package telegramtest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This is the Bot API's HTML parse mode: the text the user reads and the
// entities that format it. It follows Telegram's parser (tags, attributes,
// error wording) with one deliberate difference: a bare '&' that starts no
// entity is an error here, where Telegram shows it as is. The documentation
// says it must be escaped, and a bot that forgets shows "&lt;" from a user's
// text as "<": stricter catches that. '>' may stay bare, as on Telegram.

// openTag is a start tag waiting for its end tag.
type openTag struct {
	name   string
	start  int // UTF-16 offset of the content in the output
	entity MessageEntity
}

// htmlEntityTypes maps the simple tags to their entity type.
var htmlEntityTypes = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
	"tg-spoiler": "spoiler", "span": "spoiler",
	"a": "text_link", "code": "code", "pre": "pre",
	"blockquote": "blockquote", "tg-emoji": "custom_emoji",
}

// parseHTML returns the plain text and entities of src, or an error worded
// as Telegram words it after "can't parse entities: ".
func parseHTML(src string) (string, []MessageEntity, error) {
	var (
		out      strings.Builder
		n16      int
		stack    []openTag
		entities []MessageEntity
	)
	emit := func(r rune) {
		out.WriteRune(r)
		n16 += utf16.RuneLen(r)
	}
	for i := 0; i < len(src); {
		switch src[i] {
		case '&':
			r, size, ok := decodeHTMLEntity(src[i:])
			if !ok {
				return "", nil, fmt.Errorf("Unsupported HTML entity or bare \"&\" at byte offset %d", i)
			}
			emit(r)
			i += size
		case '<':
			if strings.HasPrefix(src[i:], "</") {
				end := strings.IndexByte(src[i:], '>')
				if end < 0 {
					return "", nil, fmt.Errorf("Unclosed end tag at byte offset %d", i)
				}
				name := strings.ToLower(strings.TrimSpace(src[i+2 : i+end]))
				if len(stack) == 0 {
					return "", nil, fmt.Errorf("Unexpected end tag at byte offset %d", i)
				}
				top := stack[len(stack)-1]
				if name != top.name {
					return "", nil, fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", i, top.name, name)
				}
				stack = stack[:len(stack)-1]
				e := top.entity
				e.Offset, e.Length = top.start, n16-top.start
				inPre := len(stack) > 0 && stack[len(stack)-1].name == "pre"
				switch {
				case top.name == "code" && inPre:
					// <pre><code class="language-go"> is one pre entity
					// with a language, not two entities.
					stack[len(stack)-1].entity.Language = e.Language
				case e.Type != "" && e.Length > 0:
					if e.Type == "code" {
						e.Language = "" // only pre carries one
					}
					entities = append(entities, e)
				}
				i += end + 1
				continue
			}
			tag, next, err := parseStartTag(src, i)
			if err != nil {
				return "", nil, err
			}
			tag.start = n16
			stack = append(stack, tag)
			i = next
		default:
			r, size := utf8.DecodeRuneInString(src[i:])
			emit(r)
			i += size
		}
	}
	if len(stack) > 0 {
		return "", nil, fmt.Errorf("Can't find end tag corresponding to start tag \"%s\"", stack[len(stack)-1].name)
	}
	// Telegram lists entities by where they start, outer ones first.
	slices.SortStableFunc(entities, func(a, b MessageEntity) int {
		if a.Offset != b.Offset {
			return a.Offset - b.Offset
		}
		return b.Length - a.Length
	})
	return out.String(), entities, nil
}

// parseStartTag reads the start tag at src[at] ('<'), checks it is one
// Telegram knows with the attributes it needs, and returns it with the
// offset just past its '>'.
func parseStartTag(src string, at int) (openTag, int, error) {
	j := at + 1
	for j < len(src) && isTagNameByte(src[j]) {
		j++
	}
	name := strings.ToLower(src[at+1 : j])
	typ, known := htmlEntityTypes[name]
	if !known {
		k := j
		for k < len(src) && !isHTMLSpace(src[k]) && src[k] != '>' && src[k] != '<' {
			k++
		}
		return openTag{}, 0, fmt.Errorf("Unsupported start tag \"%s\" at byte offset %d", src[at+1:k], at)
	}
	attrs := map[string]string{}
	for {
		for j < len(src) && isHTMLSpace(src[j]) {
			j++
		}
		if j >= len(src) {
			return openTag{}, 0, fmt.Errorf("Unclosed start tag at byte offset %d", at)
		}
		if src[j] == '>' {
			j++
			break
		}
		k := j
		for k < len(src) && isTagNameByte(src[k]) {
			k++
		}
		if k == j {
			return openTag{}, 0, fmt.Errorf("Empty attribute name in the tag \"%s\" at byte offset %d", name, j)
		}
		attr := strings.ToLower(src[j:k])
		j = k
		for j < len(src) && isHTMLSpace(src[j]) {
			j++
		}
		value := ""
		if j < len(src) && src[j] == '=' {
			j++
			for j < len(src) && isHTMLSpace(src[j]) {
				j++
			}
			if j >= len(src) {
				return openTag{}, 0, fmt.Errorf("Unclosed start tag at byte offset %d", at)
			}
			var raw string
			if q := src[j]; q == '"' || q == '\'' {
				end := strings.IndexByte(src[j+1:], q)
				if end < 0 {
					return openTag{}, 0, fmt.Errorf("Unclosed start tag at byte offset %d", at)
				}
				raw, j = src[j+1:j+1+end], j+end+2
			} else {
				k := j
				for k < len(src) && !isHTMLSpace(src[k]) && src[k] != '>' {
					k++
				}
				raw, j = src[j:k], k
			}
			value = decodeAttribute(raw)
		}
		if _, dup := attrs[attr]; !dup {
			attrs[attr] = value
		}
	}
	e := MessageEntity{Type: typ}
	switch name {
	case "span":
		if attrs["class"] != "tg-spoiler" {
			return openTag{}, 0, fmt.Errorf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", at)
		}
	case "a":
		href := attrs["href"]
		if id, ok := strings.CutPrefix(href, "tg://user?id="); ok {
			uid, err := strconv.ParseInt(id, 10, 64)
			if err == nil {
				e = MessageEntity{Type: "text_mention", User: &User{ID: uid}}
				break
			}
		}
		e.URL = href
		if href == "" {
			e.Type = "" // an <a> without a target is plain text
		}
	case "code":
		e.Language, _ = strings.CutPrefix(attrs["class"], "language-")
	case "blockquote":
		if _, ok := attrs["expandable"]; ok {
			e.Type = "expandable_blockquote"
		}
	case "tg-emoji":
		if attrs["emoji-id"] == "" {
			return openTag{}, 0, fmt.Errorf("Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset %d", at)
		}
		e.CustomEmojiID = attrs["emoji-id"]
	}
	return openTag{name: name, entity: e}, j, nil
}

// decodeHTMLEntity decodes the entity at the start of s ('&'): one of the
// four named ones Telegram supports or a numeric one.
func decodeHTMLEntity(s string) (rune, int, bool) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 10 {
		return 0, 0, false
	}
	body := s[1:semi]
	switch body {
	case "lt":
		return '<', semi + 1, true
	case "gt":
		return '>', semi + 1, true
	case "amp":
		return '&', semi + 1, true
	case "quot":
		return '"', semi + 1, true
	}
	num, ok := strings.CutPrefix(body, "#")
	if !ok || num == "" {
		return 0, 0, false
	}
	base := 10
	if hex, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
		num, base = hex, 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	r := rune(n)
	if err != nil || n == 0 || !utf8.ValidRune(r) {
		return 0, 0, false
	}
	return r, semi + 1, true
}

// decodeAttribute decodes the entities in an attribute value, keeping a bare
// '&' as Telegram does: URLs with query strings are common in href, and
// tgbotapi.EscapeText leaves them to the bot.
func decodeAttribute(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); {
		if raw[i] == '&' {
			if r, size, ok := decodeHTMLEntity(raw[i:]); ok {
				b.WriteRune(r)
				i += size
				continue
			}
		}
		b.WriteByte(raw[i])
		i++
	}
	return b.String()
}

func isTagNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// utf16Len counts s in UTF-16 code units, the unit of Telegram's limits
// and entity offsets.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
