package discordtest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits Discord enforces on messages, in characters.
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxEmbedFieldName   = 256
	MaxEmbedFieldValue  = 1024
	MaxEmbedFooter      = 2048
	MaxEmbedAuthor      = 256
	MaxEmbedTotal       = 6000
)

// FlagComponentsV2 marks a message laid out with the newer components, which
// the fake records but does not validate.
const FlagComponentsV2 = 1 << 15

// formErrors is the "errors" tree of a 50035 Invalid Form Body answer:
// {"content":{"_errors":[{"code":…,"message":…}]}}, keyed by field path.
type formErrors map[string]any

// add records an error at a dotted path such as "embeds.0.title".
func (f formErrors) add(path, code, message string) {
	node := map[string]any(f)
	for _, seg := range strings.Split(path, ".") {
		child, ok := node[seg].(map[string]any)
		if !ok {
			child = map[string]any{}
			node[seg] = child
		}
		node = child
	}
	list, _ := node["_errors"].([]map[string]string)
	node["_errors"] = append(list, map[string]string{"code": code, "message": message})
}

func (f formErrors) maxLen(path, s string, limit int) {
	if chars(s) > limit {
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", limit))
	}
}

func (f formErrors) required(path, s string) {
	if strings.TrimSpace(s) == "" {
		f.add(path, "BASE_TYPE_REQUIRED", "This field is required")
	}
}

// err is the 400 answer for the collected errors, or nil.
func (f formErrors) err() *apiError {
	if len(f) == 0 {
		return nil
	}
	return &apiError{status: 400, Code: 50035, Message: "Invalid Form Body", Errors: f}
}

// chars counts characters as Discord does for its limits.
func chars(s string) int { return utf8.RuneCountInString(s) }

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// outgoing is what the bot asks Discord to show, whatever the route.
type outgoing struct {
	content    string
	embeds     []Embed
	components []Component
	flags      int
	files      int
	stickers   int
	poll       bool
}

func (o outgoing) empty() bool {
	return strings.TrimSpace(o.content) == "" && len(o.embeds) == 0 && len(o.components) == 0 &&
		o.files == 0 && o.stickers == 0 && !o.poll
}

// checkOutgoing validates a message; prefix is where its fields sit in the
// request ("" for channel messages, "data" for interaction callbacks).
// allowEmpty is for edits, which may touch a single field.
func checkOutgoing(prefix string, o outgoing, allowEmpty bool) *apiError {
	f := formErrors{}
	f.maxLen(join(prefix, "content"), o.content, MaxContent)
	checkEmbeds(f, join(prefix, "embeds"), o.embeds)
	checkComponents(f, join(prefix, "components"), o.components, o.flags)
	if err := f.err(); err != nil {
		return err
	}
	if !allowEmpty && o.empty() {
		return errEmptyMessage()
	}
	return nil
}

func checkEmbeds(f formErrors, path string, embeds []Embed) {
	if len(embeds) > MaxEmbeds {
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbeds))
	}
	total := 0
	for i, e := range embeds {
		p := path + "." + strconv.Itoa(i)
		f.maxLen(p+".title", e.Title, MaxEmbedTitle)
		f.maxLen(p+".description", e.Description, MaxEmbedDescription)
		total += chars(e.Title) + chars(e.Description)
		if len(e.Fields) > MaxEmbedFields {
			f.add(p+".fields", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbedFields))
		}
		for j, fl := range e.Fields {
			q := p + ".fields." + strconv.Itoa(j)
			f.required(q+".name", fl.Name)
			f.required(q+".value", fl.Value)
			f.maxLen(q+".name", fl.Name, MaxEmbedFieldName)
			f.maxLen(q+".value", fl.Value, MaxEmbedFieldValue)
			total += chars(fl.Name) + chars(fl.Value)
		}
		if e.Footer != nil {
			f.maxLen(p+".footer.text", e.Footer.Text, MaxEmbedFooter)
			total += chars(e.Footer.Text)
		}
		if e.Author != nil {
			f.maxLen(p+".author.name", e.Author.Name, MaxEmbedAuthor)
			total += chars(e.Author.Name)
		}
	}
	if total > MaxEmbedTotal {
		f.add(path, "MAX_EMBED_SIZE_EXCEEDED", fmt.Sprintf("Embed size exceeds maximum size of %d", MaxEmbedTotal))
	}
}

// checkComponents validates classic message components: up to 5 action
// rows, each with up to 5 buttons or one select menu; custom ids required
// (except on link buttons), at most 100 characters and unique.
func checkComponents(f formErrors, path string, rows []Component, flags int) {
	if flags&FlagComponentsV2 != 0 {
		return
	}
	if len(rows) > 5 {
		f.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
	}
	seen := map[string]bool{}
	for i, row := range rows {
		p := path + "." + strconv.Itoa(i)
		if row.Type != ComponentActionRow {
			f.add(p+".type", "UNION_TYPE_CHOICES", `Value of field "type" must be one of (1,).`)
			continue
		}
		if n := len(row.Components); n == 0 || n > 5 {
			f.add(p+".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
		}
		for j, c := range row.Components {
			q := p + ".components." + strconv.Itoa(j)
			switch {
			case c.Type == ComponentButton && c.Style == ButtonStyleLink:
				f.required(q+".url", c.URL)
				if c.CustomID != "" {
					f.add(q+".custom_id", "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id cannot be set on link buttons")
				}
			case c.Type == ComponentButton:
				if c.Style < 1 || c.Style > 6 {
					f.add(q+".style", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6).")
				}
				f.required(q+".custom_id", c.CustomID)
			case c.Type == ComponentStringMenu || (c.Type >= 5 && c.Type <= 8):
				if len(row.Components) > 1 {
					f.add(q, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width")
				}
				f.required(q+".custom_id", c.CustomID)
			default:
				f.add(q+".type", "COMPONENT_TYPE_INVALID", "Invalid component type for an action row")
			}
			f.maxLen(q+".label", c.Label, 80)
			f.maxLen(q+".custom_id", c.CustomID, 100)
			if c.CustomID != "" && seen[c.CustomID] {
				f.add(q+".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
			}
			seen[c.CustomID] = true
		}
	}
}

// checkModal validates a modal: custom_id and title required, 1 to 5 rows
// of one text input each.
func checkModal(customID, title string, rows []Component) *apiError {
	f := formErrors{}
	f.required("data.custom_id", customID)
	f.maxLen("data.custom_id", customID, 100)
	f.required("data.title", title)
	f.maxLen("data.title", title, 45)
	if n := len(rows); n == 0 || n > 5 {
		f.add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
	}
	for i, row := range rows {
		p := "data.components." + strconv.Itoa(i)
		if row.Type != ComponentActionRow || len(row.Components) != 1 || row.Components[0].Type != ComponentTextInput {
			f.add(p, "COMPONENT_TYPE_INVALID", "A modal row holds exactly one text input")
			continue
		}
		in := row.Components[0]
		f.required(p+".components.0.custom_id", in.CustomID)
		f.required(p+".components.0.label", in.Label)
		f.maxLen(p+".components.0.label", in.Label, 45)
		if in.Style != 1 && in.Style != 2 {
			f.add(p+".components.0.style", "BASE_TYPE_CHOICES", "Value must be one of (1, 2).")
		}
	}
	return f.err()
}
