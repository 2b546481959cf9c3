package telegramtest_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

func TestSendHTMLRecordsTextAndPlain(t *testing.T) {
	s, bot := start(t)
	text := "<b>Likely scam</b>: &lt;don't pay&gt; &amp; report"
	got := send(t, bot, group.ID, text)
	if got.MessageID != 1 || got.From.ID != bot.Self.ID || got.Chat.ID != group.ID || got.Date == 0 {
		t.Errorf("the SDK got message %+v, want id 1 from the bot in the group", got)
	}
	wantPlain := "Likely scam: <don't pay> & report"
	if got.Text != wantPlain || len(got.Entities) != 1 || got.Entities[0].Type != "bold" || got.Entities[0].Length != 11 {
		t.Errorf("the SDK got text %q, entities %+v; want %q with one bold", got.Text, got.Entities, wantPlain)
	}
	sent := s.Sent()
	if len(sent) != 1 {
		t.Fatalf("recorded %d sends, want 1", len(sent))
	}
	if x := sent[0]; x.Method != "sendMessage" || x.Text != text || x.Plain != wantPlain || x.ParseMode != "HTML" || x.ChatID != group.ID || x.MessageID != 1 {
		t.Errorf("recorded %+v", x)
	}
	if second := send(t, bot, group.ID, "again"); second.MessageID != 2 {
		t.Errorf("the second message has id %d, want 2", second.MessageID)
	}
}

func TestSendRefusesWhatTelegramRefuses(t *testing.T) {
	long := strings.Repeat("a", 4097)
	tests := []struct {
		name    string
		text    string
		mode    string
		markup  any
		code    int
		wantErr string
	}{
		{"an unclosed tag", "<b>x", tgbotapi.ModeHTML, nil, 400, "can't parse entities: Can't find end tag"},
		{"a bare less-than", "a < b", tgbotapi.ModeHTML, nil, 400, "can't parse entities: Unsupported start tag"},
		{"a script tag", "<script>alert(1)</script>", tgbotapi.ModeHTML, nil, 400, `Unsupported start tag "script"`},
		{"a bare ampersand", "Q&A", tgbotapi.ModeHTML, nil, 400, "can't parse entities"},
		{"no text", "", "", nil, 400, "message text is empty"},
		{"only tags and spaces", " <b> </b> ", tgbotapi.ModeHTML, nil, 400, "message text is empty"},
		{"4097 characters", long, "", nil, 400, "message is too long"},
		{"4097 characters once parsed", "<b>" + long + "</b>", tgbotapi.ModeHTML, nil, 400, "message is too long"},
		{"4096 emoji count twice in UTF-16", strings.Repeat("😀", 2049), "", nil, 400, "message is too long"},
		{"Markdown, which the fake does not model", "*x*", tgbotapi.ModeMarkdownV2, nil, 400, "HTML only"},
		{"callback data over 64 bytes", "x", "", tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
			tgbotapi.NewInlineKeyboardButtonData("b", strings.Repeat("d", 65)))), 400, "BUTTON_DATA_INVALID"},
		{"a button that does nothing", "x", "", map[string]any{"inline_keyboard": [][]map[string]string{{{"text": "b"}}}}, 400, "Text buttons are unallowed"},
		{"a button to a bad address", "x", "", tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
			tgbotapi.NewInlineKeyboardButtonURL("b", "javascript:alert(1)"))), 400, "BUTTON_URL_INVALID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, bot := start(t)
			msg := tgbotapi.NewMessage(group.ID, tt.text)
			msg.ParseMode = tt.mode
			msg.ReplyMarkup = tt.markup
			_, err := bot.Send(msg)
			wantAPIError(t, err, tt.code, tt.wantErr)
			if len(s.Sent()) != 0 {
				t.Error("a refused message was recorded as sent")
			}
			if calls := s.Calls("sendMessage"); len(calls) != 1 || calls[0].Failed != tt.code {
				t.Errorf("calls = %+v, want one failed with %d", calls, tt.code)
			}
		})
	}
}

func TestSendAcceptsTheLimits(t *testing.T) {
	_, bot := start(t)
	send(t, bot, alice.ID, "<b>"+strings.Repeat("a", 4096)+"</b>")
	send(t, bot, alice.ID, "<b>"+strings.Repeat("😀", 2048)+"</b>")
	msg := tgbotapi.NewMessage(alice.ID, "x")
	msg.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
		tgbotapi.NewInlineKeyboardButtonData("b", strings.Repeat("d", 64)),
		tgbotapi.NewInlineKeyboardButtonURL("u", "https://example.org/report")))
	if _, err := bot.Send(msg); err != nil {
		t.Errorf("64 bytes of callback data were refused: %v", err)
	}
}

func TestRepliesMustFindTheirMessage(t *testing.T) {
	s, bot := start(t)
	u := telegramtest.Text(group, &alice, "is this real? https://evil.example")
	s.Push(u)
	reply := tgbotapi.NewMessage(group.ID, "No.")
	reply.ReplyToMessageID = int(u.Message.MessageID)
	got, err := bot.Send(reply)
	if err != nil || got.ReplyToMessage == nil || got.ReplyToMessage.Text != u.Message.Text {
		t.Fatalf("reply to a pushed message: %+v, %v", got.ReplyToMessage, err)
	}
	if ents := got.ReplyToMessage.Entities; len(ents) != 1 || ents[0].Type != "url" {
		t.Errorf("the pushed message carries entities %+v, want the link marked", ents)
	}
	if s.Sent()[0].ReplyTo != u.Message.MessageID {
		t.Errorf("recorded reply to %d, want %d", s.Sent()[0].ReplyTo, u.Message.MessageID)
	}
	reply.ReplyToMessageID = 999
	_, err = bot.Send(reply)
	wantAPIError(t, err, 400, "message to be replied not found")
	reply.AllowSendingWithoutReply = true
	if got, err := bot.Send(reply); err != nil || got.ReplyToMessage != nil {
		t.Errorf("with allow_sending_without_reply got %+v, %v; want a plain message", got.ReplyToMessage, err)
	}
}

func TestEditsValidateAndRecord(t *testing.T) {
	s, bot := start(t)
	orig := send(t, bot, group.ID, "Checking…")
	edit := tgbotapi.NewEditMessageText(group.ID, orig.MessageID, "<b>Scam</b>")
	edit.ParseMode = tgbotapi.ModeHTML
	got, err := bot.Send(edit)
	if err != nil || got.Text != "Scam" || got.EditDate == 0 {
		t.Fatalf("edit got %+v, %v", got, err)
	}
	_, err = bot.Send(edit)
	wantAPIError(t, err, 400, "message is not modified")

	markup := tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("Useful", "fb:1")))
	if _, err := bot.Send(tgbotapi.NewEditMessageReplyMarkup(group.ID, orig.MessageID, markup)); err != nil {
		t.Fatalf("editMessageReplyMarkup: %v", err)
	}
	m, _ := s.Message(group.ID, int64(orig.MessageID))
	if m.Text != "Scam" || m.ReplyMarkup == nil || m.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "fb:1" {
		t.Errorf("stored message %+v, want the edits applied", m)
	}
	var methods []string
	for _, x := range s.Sent() {
		methods = append(methods, x.Method)
	}
	if got := strings.Join(methods, ","); got != "sendMessage,editMessageText,editMessageReplyMarkup" {
		t.Errorf("recorded %s", got)
	}

	u := telegramtest.Text(group, &alice, "mine")
	s.Push(u)
	_, err = bot.Send(tgbotapi.NewEditMessageText(group.ID, int(u.Message.MessageID), "x"))
	wantAPIError(t, err, 400, "message can't be edited")
	_, err = bot.Send(tgbotapi.NewEditMessageText(group.ID, 99, "x"))
	wantAPIError(t, err, 400, "message to edit not found")
}

func TestCallbackQueryRoundTrip(t *testing.T) {
	s, bot := start(t)
	msg := tgbotapi.NewMessage(group.ID, "Was this useful?")
	msg.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("Yes", "fb:yes")))
	sent, err := bot.Send(msg)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := s.Message(group.ID, int64(sent.MessageID))
	if !ok {
		t.Fatal("the server forgot the bot's message")
	}
	s.Push(telegramtest.Callback(alice, m, "fb:yes"))
	ups := poll(t, bot, 0)
	if len(ups) != 1 || ups[0].CallbackQuery == nil {
		t.Fatalf("got %+v, want one callback query", ups)
	}
	q := ups[0].CallbackQuery
	if q.Data != "fb:yes" || q.Message.MessageID != sent.MessageID || q.From.ID != alice.ID || q.ID == "" {
		t.Errorf("callback query %+v", q)
	}
	if _, err := bot.Request(tgbotapi.NewCallback(q.ID, strings.Repeat("x", 201))); err == nil {
		t.Error("a 201-character answer was accepted")
	} else {
		wantAPIError(t, err, 400, "MESSAGE_TOO_LONG")
	}
	if _, err := bot.Request(tgbotapi.NewCallbackWithAlert(q.ID, "Thanks!")); err != nil {
		t.Fatalf("answerCallbackQuery: %v", err)
	}
	_, err = bot.Request(tgbotapi.NewCallback(q.ID, "twice"))
	wantAPIError(t, err, 400, "query is too old")
	got := s.Sent()[1]
	if got.Method != "answerCallbackQuery" || got.CallbackID != q.ID || got.Text != "Thanks!" || !got.ShowAlert || got.ChatID != group.ID {
		t.Errorf("recorded %+v", got)
	}
}

func TestWaitSentBlocksUntilSent(t *testing.T) {
	s, bot := start(t)
	time.AfterFunc(50*time.Millisecond, func() { _, _ = bot.Send(tgbotapi.NewMessage(alice.ID, "late")) })
	got, err := s.WaitSent(ctxFor(t, 5*time.Second), 1)
	if err != nil || len(got) != 1 || got[0].Plain != "late" {
		t.Fatalf("WaitSent got %+v, %v", got, err)
	}
	if _, err := s.WaitSent(ctxFor(t, 50*time.Millisecond), 2); err == nil {
		t.Error("WaitSent for a message never sent returned no error")
	}
	err = s.WaitFor(ctxFor(t, time.Second), func(sent []telegramtest.Sent) bool { return len(sent) == 1 })
	if err != nil {
		t.Errorf("WaitFor on a condition already true: %v", err)
	}
	s.Reset()
	if len(s.Sent()) != 0 || len(s.Calls("")) != 0 {
		t.Error("Reset kept recordings")
	}
}

func TestJSONAndMultipartBodies(t *testing.T) {
	s, _ := start(t)
	endpoint := s.URL + "/bot" + s.Token + "/sendMessage"
	body := `{"chat_id":-1001234567890,"text":"<i>hi</i>","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"a","callback_data":"b"}]]}}`
	resp, err := http.Post(endpoint, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		OK     bool                 `json:"ok"`
		Result telegramtest.Message `json:"result"`
	}
	err = json.NewDecoder(resp.Body).Decode(&env)
	resp.Body.Close()
	if err != nil || !env.OK || env.Result.Text != "hi" || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("JSON call answered %d %+v, %v", resp.StatusCode, env, err)
	}
	call := s.Calls("sendMessage")[0]
	if call.Params.Get("chat_id") != "-1001234567890" || !strings.Contains(call.Params.Get("reply_markup"), `"callback_data":"b"`) {
		t.Errorf("flattened params %v", call.Params)
	}

	form := url.Values{"chat_id": {"5"}, "text": {"by GET"}}
	resp, err = http.Get(endpoint + "?" + form.Encode())
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET call: %v, %v", resp, err)
	}
	resp.Body.Close()
	if got := s.Sent()[1]; got.ChatID != 5 || got.Plain != "by GET" {
		t.Errorf("GET recorded %+v", got)
	}

	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("chat_id", "6")
	_ = mw.WriteField("text", "by multipart")
	mw.Close()
	resp, err = http.Post(endpoint, mw.FormDataContentType(), &buf)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("multipart call: %v, %v", resp, err)
	}
	resp.Body.Close()
	if got := s.Sent()[2]; got.ChatID != 6 || got.Plain != "by multipart" {
		t.Errorf("multipart recorded %+v", got)
	}
}
