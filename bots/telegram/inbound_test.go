package telegram

import (
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestUTF16SpanCountsLikeTelegram(t *testing.T) {
	text := "😀 é claim 🎁here"
	for _, tc := range []struct {
		name           string
		offset, length int
		want           string
		ok             bool
	}{
		{"after an emoji (two units)", 5, 5, "claim", true},
		{"an emoji itself", 11, 2, "🎁", true},
		{"to the very end", 13, 4, "here", true},
		{"empty at the end", 17, 0, "", true},
		{"inside a surrogate pair", 1, 2, "", false},
		{"past the end", 15, 5, "", false},
		{"negative", -1, 2, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start, end, ok := utf16Span(text, tc.offset, tc.length)
			if ok != tc.ok || (ok && text[start:end] != tc.want) {
				t.Errorf("utf16Span(%d, %d) = %d, %d, %v; want %q, %v", tc.offset, tc.length, start, end, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestMessageKeepsWhatTelegramKnows(t *testing.T) {
	claim := "https://steam-gift-claim.example/"
	m := &tgbotapi.Message{
		Chat:              &tgbotapi.Chat{ID: 5, Type: "private"},
		Caption:           "🎁 Get your gift here",
		CaptionEntities:   []tgbotapi.MessageEntity{{Type: "text_link", Offset: 3, Length: 3, URL: "https://discord-nitro.example"}, {Type: "bold", Offset: 0, Length: 2}},
		ReplyMarkup:       &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{{{Text: "Claim", URL: &claim}}}},
		ForwardDate:       1700000000,
		ForwardSenderName: "Hidden Person",
	}
	got := message(m)
	want := scam.Message{
		Text: "🎁 Get your gift here",
		Links: []scam.Link{
			{URL: "https://discord-nitro.example", Shown: "Get", Span: scam.Span{Start: 5, End: 8}},
			{URL: claim, Shown: "Claim"},
		},
		Forward: &scam.Forward{HiddenSender: true},
	}
	if got.Text != want.Text || len(got.Links) != 2 || got.Links[0] != want.Links[0] || got.Links[1] != want.Links[1] || *got.Forward != *want.Forward {
		t.Errorf("message = %+v (forward %+v)\nwant %+v", got, got.Forward, want)
	}
	channel := message(&tgbotapi.Message{Text: "x", ForwardDate: 1, ForwardFromChat: &tgbotapi.Chat{ID: -100, Type: "channel"}})
	if channel.Forward == nil || !channel.Forward.FromChannel {
		t.Errorf("a forward from a channel: %+v", channel.Forward)
	}
	if plain := message(&tgbotapi.Message{Text: "x"}); plain.Forward != nil {
		t.Error("a message that is not forwarded has forward facts")
	}
}

func TestRequestsFromGroups(t *testing.T) {
	b, _ := New(nil, Config{Token: "t"})
	b.api.Store(&tgbotapi.BotAPI{Self: tgbotapi.User{ID: 99, UserName: "scamwarn_bot"}})
	group := &tgbotapi.Chat{ID: -100, Type: "supergroup", Title: "Neighbours"}
	user := &tgbotapi.User{ID: 7, LanguageCode: "fr"}
	for _, tc := range []struct {
		name      string
		m         tgbotapi.Message
		answered  bool
		fromAdmin bool
	}{
		{"chatter is watched", tgbotapi.Message{Chat: group, From: user, Text: "hello all"}, true, false},
		{"our own command", tgbotapi.Message{Chat: group, From: user, Text: "/check@ScamWarn_Bot"}, true, false},
		{"another bot's command is not ours", tgbotapi.Message{Chat: group, From: user, Text: "/check@other_bot hi"}, false, false},
		{"a sticker says nothing", tgbotapi.Message{Chat: group, From: user}, false, false},
		{"an anonymous admin posts as the group", tgbotapi.Message{Chat: group, From: &tgbotapi.User{ID: 1087968824}, SenderChat: group, Text: "/alerts on"}, true, true},
		{"a channel's post copied into its group", tgbotapi.Message{Chat: group, SenderChat: &tgbotapi.Chat{ID: -200, Type: "channel"}, IsAutomaticForward: true, Text: "news"}, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, ok := b.request(tgbotapi.Update{Message: &tc.m})
			if ok != tc.answered {
				t.Fatalf("answered = %v, want %v", ok, tc.answered)
			}
			if !ok {
				return
			}
			r := in.req
			if r.ChatType != bot.Group || r.Chat.ID != "-100" || r.ChatTitle != "Neighbours" || r.FromAdmin != tc.fromAdmin {
				t.Errorf("request = %+v", r)
			}
			if !tc.fromAdmin && (r.User.ID != "7" || r.User.Lang != "fr" || r.User.Started || r.IsAdmin == nil) {
				t.Errorf("user = %+v, admin check %v", r.User, r.IsAdmin != nil)
			}
		})
	}
}

func TestRemovalPausesOnlyForLeftOrKicked(t *testing.T) {
	b, _ := New(nil, Config{Token: "t"})
	for status, removed := range map[string]bool{"left": true, "kicked": true, "restricted": true, "member": false, "administrator": false} {
		in, ok := b.request(tgbotapi.Update{MyChatMember: &tgbotapi.ChatMemberUpdated{
			Chat: tgbotapi.Chat{ID: -100, Type: "group"}, NewChatMember: tgbotapi.ChatMember{Status: status},
		}})
		if ok != removed || (ok && !in.req.Removed) {
			t.Errorf("%s: answered %v, removed %v", status, ok, in.req.Removed)
		}
	}
}
