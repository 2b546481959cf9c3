package telegramtest_test

import (
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

func TestGetChatMemberStatuses(t *testing.T) {
	s, bot := start(t)
	s.SetMember(group.ID, mod.ID, "administrator")
	s.SetMember(group.ID, 900, "creator")
	s.SetMember(group.ID, 901, "kicked")
	s.SetMember(group.ID, s.Bot().ID, "administrator")
	s.Push(telegramtest.Text(group, &alice, "hi")) // the server now knows Alice
	tests := []struct {
		name     string
		userID   int64
		want     string
		wantName string
	}{
		{"an administrator", mod.ID, "administrator", ""},
		{"the creator", 900, "creator", ""},
		{"a banned user", 901, "kicked", ""},
		{"anyone else is a member, named as seen", alice.ID, "member", "Alice"},
		{"the bot itself", 7000001, "administrator", "ScamWarn Test"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := bot.GetChatMember(tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: group.ID, UserID: tt.userID}})
			if err != nil || got.Status != tt.want || got.User.ID != tt.userID {
				t.Fatalf("got %+v, %v; want %s", got, err, tt.want)
			}
			if tt.wantName != "" && got.User.FirstName != tt.wantName {
				t.Errorf("first name %q, want %q", got.User.FirstName, tt.wantName)
			}
		})
	}
	admins, err := bot.GetChatAdministrators(tgbotapi.ChatAdministratorsConfig{ChatConfig: tgbotapi.ChatConfig{ChatID: group.ID}})
	if err != nil || len(admins) != 3 {
		t.Fatalf("got %d administrators, %v; want 3", len(admins), err)
	}
	for _, a := range admins {
		if !a.IsAdministrator() && !a.IsCreator() {
			t.Errorf("listed %+v as an administrator", a)
		}
	}
	if _, err := bot.Request(tgbotapi.LeaveChatConfig{ChatID: group.ID}); err != nil {
		t.Fatalf("leaveChat: %v", err)
	}
	got, _ := bot.GetChatMember(tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: group.ID, UserID: 7000001}})
	if got.Status != "left" {
		t.Errorf("after leaveChat the bot is %q, want left", got.Status)
	}
}

func TestMyChatMemberTellsTheBotItWasAdded(t *testing.T) {
	s, bot := start(t)
	s.Push(telegramtest.MyChatMember(group, mod, s.Bot(), "left", "administrator"))
	ups := poll(t, bot, 0)
	if len(ups) != 1 || ups[0].MyChatMember == nil || ups[0].MyChatMember.NewChatMember.Status != "administrator" {
		t.Fatalf("got %+v", ups)
	}
	got, err := bot.GetChatMember(tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: group.ID, UserID: bot.Self.ID}})
	if err != nil || got.Status != "administrator" {
		t.Errorf("the bot's status is %q, %v; want it to follow the update", got.Status, err)
	}
}

func TestCommandsAreKeptPerScope(t *testing.T) {
	s, bot := start(t)
	cmds := []tgbotapi.BotCommand{{Command: "check", Description: "Check a message"}}
	if _, err := bot.Request(tgbotapi.NewSetMyCommandsWithScopeAndLanguage(tgbotapi.NewBotCommandScopeAllGroupChats(), "de", cmds...)); err != nil {
		t.Fatalf("setMyCommands: %v", err)
	}
	if got := s.Commands("all_group_chats", "de"); len(got) != 1 || got[0].Command != "check" {
		t.Errorf("Commands = %+v", got)
	}
	if got := s.Commands("", ""); len(got) != 0 {
		t.Errorf("the default scope got %+v, want nothing", got)
	}
	_, err := bot.Request(tgbotapi.NewSetMyCommands(tgbotapi.BotCommand{Command: "Check", Description: "x"}))
	wantAPIError(t, err, 400, "BOT_COMMAND_INVALID")
}
