package telegramtest

import (
	"encoding/json"
	"net/url"
	"strings"
)

// maxCallbackData is Telegram's limit on a button's callback_data, in bytes.
const maxCallbackData = 64

// wireButton is a button as sent, with pointers to tell an absent field
// from an empty one: callback_data "" is as invalid as one too long.
type wireButton struct {
	Text         *string `json:"text"`
	URL          *string `json:"url"`
	CallbackData *string `json:"callback_data"`
	// Kinds accepted and not recorded.
	SwitchInlineQuery            json.RawMessage `json:"switch_inline_query"`
	SwitchInlineQueryCurrentChat json.RawMessage `json:"switch_inline_query_current_chat"`
	SwitchInlineQueryChosenChat  json.RawMessage `json:"switch_inline_query_chosen_chat"`
	LoginURL                     json.RawMessage `json:"login_url"`
	WebApp                       json.RawMessage `json:"web_app"`
	CallbackGame                 json.RawMessage `json:"callback_game"`
	CopyText                     json.RawMessage `json:"copy_text"`
	Pay                          bool            `json:"pay"`
}

// kinds counts what the button does; Telegram wants exactly one.
func (b wireButton) kinds() int {
	n := 0
	for _, set := range []bool{
		b.URL != nil, b.CallbackData != nil, b.SwitchInlineQuery != nil,
		b.SwitchInlineQueryCurrentChat != nil, b.SwitchInlineQueryChosenChat != nil,
		b.LoginURL != nil, b.WebApp != nil, b.CallbackGame != nil, b.CopyText != nil, b.Pay,
	} {
		if set {
			n++
		}
	}
	return n
}

// parseMarkup checks a reply_markup parameter and returns its inline
// keyboard, or nil for none. Reply keyboards, their removal and
// force_reply are accepted and not recorded.
func parseMarkup(raw string) (*InlineKeyboardMarkup, *apiError) {
	if raw == "" {
		return nil, nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(raw), &obj) != nil {
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	rawRows, ok := obj["inline_keyboard"]
	if !ok {
		for _, other := range []string{"keyboard", "remove_keyboard", "force_reply"} {
			if _, ok := obj[other]; ok {
				return nil, nil
			}
		}
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	var rows [][]wireButton
	if json.Unmarshal(rawRows, &rows) != nil {
		return nil, badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
	}
	markup := &InlineKeyboardMarkup{}
	for _, row := range rows {
		var out []InlineKeyboardButton
		for _, b := range row {
			if e := checkButton(b); e != nil {
				return nil, e
			}
			btn := InlineKeyboardButton{Text: *b.Text}
			if b.URL != nil {
				btn.URL = *b.URL
			}
			if b.CallbackData != nil {
				btn.CallbackData = *b.CallbackData
			}
			out = append(out, btn)
		}
		if len(out) > 0 {
			markup.InlineKeyboard = append(markup.InlineKeyboard, out)
		}
	}
	if len(markup.InlineKeyboard) == 0 {
		return nil, nil
	}
	return markup, nil
}

func checkButton(b wireButton) *apiError {
	switch {
	case b.Text == nil:
		return badRequest("can't parse inline keyboard button: Field \"text\" must be of type String")
	case b.kinds() == 0:
		return badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	case b.CallbackData != nil && (*b.CallbackData == "" || len(*b.CallbackData) > maxCallbackData):
		return badRequest("BUTTON_DATA_INVALID")
	case b.URL != nil && !validButtonURL(*b.URL):
		return badRequest("BUTTON_URL_INVALID")
	}
	return nil
}

// validButtonURL accepts what Telegram accepts for a URL button: http(s)
// with a host (a bare host gets http:// added), and tg: links.
func validButtonURL(raw string) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.ContainsAny(raw, " \n\t") {
		return false
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return strings.Contains(u.Hostname(), ".") || u.Hostname() == "localhost"
	case "tg":
		return u.Host != ""
	}
	return false
}
