package discordtest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
)

func TestLesserRoutes(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)

	t.Run("gateway/bot recommends one shard", func(t *testing.T) {
		gb, err := s.GatewayBot()
		if err != nil || gb.Shards != 1 || !strings.HasPrefix(gb.URL, "ws://127.0.0.1:") {
			t.Errorf("GatewayBot = %+v, %v", gb, err)
		}
	})
	t.Run("users/@me is the bot", func(t *testing.T) {
		me, err := s.User("@me")
		if err != nil || !me.Bot || me.ID != f.srv.BotUser().ID {
			t.Errorf("User(@me) = %+v, %v", me, err)
		}
	})
	t.Run("a message with a file is read from multipart", func(t *testing.T) {
		m, err := s.ChannelMessageSendComplex(f.channel.ID, &discordgo.MessageSend{Content: "report attached",
			Files: []*discordgo.File{{Name: "report.txt", ContentType: "text/plain", Reader: strings.NewReader("evidence")}}})
		if err != nil || len(m.Attachments) != 1 {
			t.Fatalf("send = %+v, %v", m, err)
		}
		got, err := s.ChannelMessage(f.channel.ID, m.ID)
		if err != nil || got.Content != "report attached" {
			t.Errorf("ChannelMessage = %+v, %v", got, err)
		}
		if sent := f.srv.Sent(); sent[len(sent)-1].Files != 1 {
			t.Errorf("recorded %+v, want one file", sent[len(sent)-1])
		}
	})
	t.Run("registered commands can be listed", func(t *testing.T) {
		if _, err := s.ApplicationCommandBulkOverwrite(f.srv.AppID(), f.guild.ID, scamCommands()); err != nil {
			t.Fatal(err)
		}
		cmds, err := s.ApplicationCommands(f.srv.AppID(), f.guild.ID)
		if err != nil || len(cmds) != 3 {
			t.Errorf("ApplicationCommands = %v, %v", cmds, err)
		}
		_, err = s.ApplicationCommands(f.srv.AppID(), "404")
		if status, code := restCode(t, err); status != 403 || code != 50001 {
			t.Errorf("a guild without the bot: %d/%d, want 403/50001", status, code)
		}
	})
	t.Run("a follow-up can be deleted", func(t *testing.T) {
		i := asDiscordgo[discordgo.Interaction](t, f.srv.InteractionCreate(f.srv.SlashCommand(f.guild.ID, f.channel.ID, f.user, "check")))
		if err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "ok"}}); err != nil {
			t.Fatal(err)
		}
		fu, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "more"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.FollowupMessageDelete(i, fu.ID); err != nil {
			t.Fatal(err)
		}
		r := f.srv.Responses()
		if last := r[len(r)-1]; last.Type != discordtest.ResponseDelete || last.MessageID != fu.ID {
			t.Errorf("last response %+v, want the delete", last)
		}
	})
	t.Run("Reset forgets the records", func(t *testing.T) {
		f.srv.Reset()
		if snap := f.srv.Snapshot(); len(snap.Sent)+len(snap.Responses)+len(snap.Calls) != 0 {
			t.Errorf("after Reset %+v", snap)
		}
	})
}

func TestUserAndRoleOptionsAreResolved(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	mods := f.guild.Roles[1]
	i := asDiscordgo[discordgo.Interaction](t, f.srv.SlashCommand(f.guild.ID, f.channel.ID, f.user, "trust",
		discordtest.SubcommandGroup("add", discordtest.Subcommand("user",
			discordtest.UserOption("who", f.user.ID), discordtest.RoleOption("role", mods.ID),
			discordtest.IntegerOption("days", 7), discordtest.BooleanOption("quiet", true)))))
	data := i.ApplicationCommandData()
	opts := data.Options[0].Options[0].Options
	if opts[0].UserValue(nil).ID != f.user.ID || data.Resolved.Users[f.user.ID].Username != "alice" ||
		data.Resolved.Members[f.user.ID] == nil || data.Resolved.Roles[mods.ID].Name != "mods" ||
		opts[2].IntValue() != 7 || !opts[3].BoolValue() {
		t.Errorf("options %+v resolved %+v", opts, data.Resolved)
	}
}

func TestWaitForGivesUpWithTheContext(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := f.srv.WaitFor(ctx, func(s discordtest.Snapshot) bool { return len(s.Sent) > 0 })
	if err == nil || !strings.Contains(err.Error(), "sent 0") {
		t.Errorf("WaitFor = %v, want a timeout that says what was recorded", err)
	}
}
