package discordtest_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
)

func scamCommands() []*discordgo.ApplicationCommand {
	manage := int64(discordgo.PermissionManageGuild)
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel}
	installs := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall}
	return []*discordgo.ApplicationCommand{
		{Name: "check", Description: "Check a message for scam signs", Contexts: &contexts, IntegrationTypes: &installs,
			NameLocalizations: &map[discordgo.Locale]string{discordgo.German: "prüfen"},
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "text", Description: "The message", Required: true},
			}},
		{Name: "alerts", Description: "Scam alerts in this server", DefaultMemberPermissions: &manage,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "on", Description: "Turn alerts on", Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", Description: "Where", ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText}},
				}},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "off", Description: "Turn alerts off"},
			}},
		{Type: discordgo.MessageApplicationCommand, Name: "Is this a scam?", Contexts: &contexts, IntegrationTypes: &installs},
	}
}

func TestBulkOverwriteRecordsCommands(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	for _, scope := range []string{"", f.guild.ID} {
		got, err := s.ApplicationCommandBulkOverwrite(f.srv.AppID(), scope, scamCommands())
		if err != nil {
			t.Fatalf("scope %q: %v", scope, err)
		}
		again, err := s.ApplicationCommandBulkOverwrite(f.srv.AppID(), scope, scamCommands())
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].ID == "" || got[0].ID != again[0].ID || got[2].Type != discordgo.MessageApplicationCommand {
			t.Errorf("scope %q: returned %+v, want 3 commands keeping their ids", scope, got)
		}
		cmds := f.srv.Commands(scope)
		if len(cmds) != 3 || cmds[0].GuildID != scope {
			t.Fatalf("scope %q: recorded %+v", scope, cmds)
		}
		check, alerts := cmds[0], cmds[1]
		if check.Options[0].Type != discordtest.OptionString || !check.Options[0].Required ||
			check.NameLocalizations["de"] != "prüfen" || len(check.Contexts) != 3 || len(check.IntegrationTypes) != 2 {
			t.Errorf("check recorded as %+v", check)
		}
		if alerts.DefaultMemberPermissions == nil || *alerts.DefaultMemberPermissions != strconv.Itoa(discordgo.PermissionManageGuild) ||
			alerts.Options[0].Options[0].ChannelTypes[0] != discordtest.ChannelTypeGuildText {
			t.Errorf("alerts recorded as %+v", alerts)
		}
	}
}

func TestBulkOverwriteIsValidated(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	str := func(name string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: "d", Required: required}
	}
	tests := []struct {
		name    string
		cmd     discordgo.ApplicationCommand
		wantErr bool
	}{
		{"a message command may have spaces and capitals", discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: "Is this a scam?"}, false},
		{"a slash command name must be lowercase", discordgo.ApplicationCommand{Name: "Check", Description: "d"}, true},
		{"a slash command name has no spaces", discordgo.ApplicationCommand{Name: "check it", Description: "d"}, true},
		{"a slash command name has at most 32 characters", discordgo.ApplicationCommand{Name: strings.Repeat("c", 33), Description: "d"}, true},
		{"a slash command needs a description", discordgo.ApplicationCommand{Name: "check"}, true},
		{"a description has at most 100 characters", discordgo.ApplicationCommand{Name: "check", Description: strings.Repeat("d", 101)}, true},
		{"a message command has no description", discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: "Scam?", Description: "d"}, true},
		{"required options come first", discordgo.ApplicationCommand{Name: "check", Description: "d",
			Options: []*discordgo.ApplicationCommandOption{str("a", false), str("b", true)}}, true},
		{"option names are unique", discordgo.ApplicationCommand{Name: "check", Description: "d",
			Options: []*discordgo.ApplicationCommandOption{str("a", true), str("a", true)}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ApplicationCommandBulkOverwrite(f.srv.AppID(), "", []*discordgo.ApplicationCommand{&tt.cmd})
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("got %v, want success", err)
				}
				return
			}
			if status, code := restCode(t, err); status != 400 || code != 50035 {
				t.Errorf("got %d/%d, want 400/50035", status, code)
			}
		})
	}
}

// TestSlashCommandEndToEnd drives the whole path: INTERACTION_CREATE on the
// gateway, the bot's handler, the callback.
func TestSlashCommandEndToEnd(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	seen := make(chan *discordgo.InteractionCreate, 1)
	openSession(t, f.srv, baseIntents, func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		seen <- i
		_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "Looks safe.", Flags: discordgo.MessageFlagsEphemeral},
		})
	})
	sent := f.srv.InteractionCreate(f.srv.SlashCommand(f.guild.ID, f.channel.ID, f.user, "check", discordtest.StringOption("text", "hello")))
	if err := f.srv.WaitFor(timeout(t), func(s discordtest.Snapshot) bool { return len(s.Responses) == 1 }); err != nil {
		t.Fatal(err)
	}
	r := f.srv.Responses()[0]
	if r.InteractionID != sent.ID || r.Type != discordtest.ResponseMessage || !r.Ephemeral() || r.Content != "Looks safe." {
		t.Errorf("response %+v, want an ephemeral message to %s", r, sent.ID)
	}
	i := receive(t, seen)
	data := i.ApplicationCommandData()
	if data.Name != "check" || data.Options[0].StringValue() != "hello" || i.Member.User.ID != f.user.ID ||
		i.Member.Permissions&discordgo.PermissionViewChannel == 0 || i.Member.Permissions&discordgo.PermissionManageMessages != 0 ||
		i.AppPermissions&discordgo.PermissionSendMessages == 0 || i.Locale != discordgo.EnglishUS || i.Context != discordgo.InteractionContextGuild {
		t.Errorf("bot saw %+v with data %+v", i.Interaction, data)
	}
}

func TestCallbackRules(t *testing.T) {
	t.Parallel()
	message := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "ok"}}
	tests := []struct {
		name               string
		deadline           time.Duration
		first              bool // respond once before the checked call
		resp               *discordgo.InteractionResponse
		wantStatus, wantCd int
	}{
		{"answering twice is refused", time.Minute, true, message, 400, 40060},
		{"answering after the deadline is an unknown interaction", time.Millisecond, false, message, 404, 10062},
		{"a message over 2000 characters is refused", time.Minute, false, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: strings.Repeat("a", 2001)}}, 400, 50035},
		{"updating a message is not an answer to a command", time.Minute, false, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage, Data: &discordgo.InteractionResponseData{Content: "x"}}, 400, 50035},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			f.srv.SetDeadline(tt.deadline)
			s := restSession(t, f.srv)
			i := asDiscordgo[discordgo.Interaction](t, f.srv.InteractionCreate(f.srv.SlashCommand(f.guild.ID, f.channel.ID, f.user, "check")))
			if tt.first {
				if err := s.InteractionRespond(i, message); err != nil {
					t.Fatal(err)
				}
			}
			time.Sleep(5 * time.Millisecond) // past a 1 ms deadline
			err := s.InteractionRespond(i, tt.resp)
			if status, code := restCode(t, err); status != tt.wantStatus || code != tt.wantCd {
				t.Errorf("got %d/%d, want %d/%d", status, code, tt.wantStatus, tt.wantCd)
			}
		})
	}
}

func TestDeferredThenFollowupAndEdit(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	i := asDiscordgo[discordgo.Interaction](t, f.srv.InteractionCreate(f.srv.SlashCommand("", "", f.user, "check")))

	if _, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "too early"}); err == nil {
		t.Fatal("a follow-up before the callback was accepted")
	} else if status, code := restCode(t, err); status != 404 || code != 10015 {
		t.Errorf("follow-up before the callback: %d/%d, want 404/10015", status, code)
	}
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}})
	if err != nil {
		t.Fatal(err)
	}
	followup, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "details", Flags: discordgo.MessageFlagsEphemeral})
	if err != nil || followup.ID == "" || followup.Content != "details" {
		t.Fatalf("FollowupMessageCreate = %+v, %v", followup, err)
	}
	verdict := "Scam: fake giveaway."
	edited, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &verdict})
	if err != nil || edited.Content != verdict || edited.Flags&discordgo.MessageFlagsLoading != 0 {
		t.Fatalf("InteractionResponseEdit = %+v, %v", edited, err)
	}
	original, err := s.InteractionResponse(i)
	if err != nil || original.Content != verdict {
		t.Errorf("InteractionResponse = %+v, %v", original, err)
	}
	var kinds []discordtest.ResponseType
	for _, r := range f.srv.Responses() {
		kinds = append(kinds, r.Type)
	}
	want := []discordtest.ResponseType{discordtest.ResponseDeferred, discordtest.ResponseFollowup, discordtest.ResponseEdit}
	if strings.Join(toStrings(kinds), ",") != strings.Join(toStrings(want), ",") || !f.srv.Responses()[0].Ephemeral() {
		t.Errorf("responses %v, want %v with an ephemeral deferral", kinds, want)
	}

	i.Token = "forged"
	_, err = s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "x"})
	if status, code := restCode(t, err); status != 401 || code != 50027 {
		t.Errorf("unknown token: %d/%d, want 401/50027", status, code)
	}
}

func toStrings(kinds []discordtest.ResponseType) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

func TestPayloadsDecodeInDiscordgo(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	scam := f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "send 0.1 BTC to double it")
	friend := discordtest.NewUser("bob")

	t.Run("a message command carries its target with content", func(t *testing.T) {
		i := asDiscordgo[discordgo.Interaction](t, f.srv.MessageCommand(f.guild.ID, f.channel.ID, f.user, "Is this a scam?", scam))
		data := i.ApplicationCommandData()
		if data.CommandType != discordgo.MessageApplicationCommand || data.TargetID != scam.ID ||
			data.Resolved.Messages[scam.ID].Content != scam.Content {
			t.Errorf("data %+v", data)
		}
	})
	t.Run("a user-installed command in a friend's DM has context 2 and no member", func(t *testing.T) {
		target := f.srv.DM(friend, "I won a prize, claim yours")
		i := asDiscordgo[discordgo.Interaction](t, f.srv.UserInstalled(f.srv.MessageCommand("", "555", f.user, "Is this a scam?", target)))
		if i.Context != discordgo.InteractionContextPrivateChannel || i.Member != nil || i.User.ID != f.user.ID ||
			i.AuthorizingIntegrationOwners[discordgo.ApplicationIntegrationUserInstall] != f.user.ID {
			t.Errorf("interaction %+v", i)
		}
	})
	t.Run("a slash command in the bot's DM has context 1", func(t *testing.T) {
		i := asDiscordgo[discordgo.Interaction](t, f.srv.SlashCommand("", "", f.user, "check").WithLocale("de"))
		if i.Context != discordgo.InteractionContextBotDM || i.ChannelID != f.srv.DMChannel(f.user.ID) || i.Locale != discordgo.German {
			t.Errorf("interaction %+v", i)
		}
	})
	t.Run("a channel option is resolved", func(t *testing.T) {
		i := asDiscordgo[discordgo.Interaction](t, f.srv.SlashCommand(f.guild.ID, f.channel.ID, f.user, "alerts",
			discordtest.Subcommand("on", discordtest.ChannelOption("channel", f.channel.ID))))
		opt := i.ApplicationCommandData().Options[0].Options[0]
		if opt.ChannelValue(nil).ID != f.channel.ID || i.ApplicationCommandData().Resolved.Channels[f.channel.ID].Name != "general" {
			t.Errorf("option %+v", opt)
		}
	})
	t.Run("an owner has every permission", func(t *testing.T) {
		owner, _ := f.srv.Guild(f.guild.ID)
		var ownerUser discordtest.User
		for _, m := range owner.Members {
			if m.User.ID == owner.OwnerID {
				ownerUser = *m.User
			}
		}
		i := asDiscordgo[discordgo.Interaction](t, f.srv.SlashCommand(f.guild.ID, f.channel.ID, ownerUser, "alerts"))
		if i.Member.Permissions&discordgo.PermissionAdministrator == 0 {
			t.Errorf("owner permissions %d", i.Member.Permissions)
		}
	})
	t.Run("a forward carries a snapshot", func(t *testing.T) {
		m := asDiscordgo[discordgo.Message](t, f.srv.Forward("", "", f.user, scam))
		if m.MessageReference.Type != discordgo.MessageReferenceTypeForward || m.MessageSnapshots[0].Message.Content != scam.Content {
			t.Errorf("forward %+v", m)
		}
	})
}

func TestButtonPressUpdatesTheMessage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	alert, err := s.ChannelMessageSendComplex(f.channel.ID, &discordgo.MessageSend{
		Content: "Possible scam above.",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Report", Style: discordgo.DangerButton, CustomID: "report"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := f.srv.Message(alert.ID)
	i := asDiscordgo[discordgo.Interaction](t, f.srv.InteractionCreate(f.srv.ButtonPress(f.guild.ID, f.channel.ID, f.user, stored, "report")))
	if i.MessageComponentData().CustomID != "report" || i.Message.ID != alert.ID {
		t.Fatalf("press %+v", i)
	}
	err = s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: "Reported, thanks.", Components: []discordgo.MessageComponent{}}})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := f.srv.Message(alert.ID)
	if after.Content != "Reported, thanks." || len(after.Components) != 0 {
		t.Errorf("message after the update %+v, want new text and no buttons", after)
	}
}

func TestModalRoundTrip(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	i := asDiscordgo[discordgo.Interaction](t, f.srv.InteractionCreate(f.srv.SlashCommand(f.guild.ID, f.channel.ID, f.user, "report")))
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{CustomID: "report-form", Title: "Report a scam",
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.TextInput{CustomID: "text", Label: "Paste the message", Style: discordgo.TextInputParagraph}}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if r := f.srv.Responses(); len(r) != 1 || r[0].Type != discordtest.ResponseModal || r[0].CustomID != "report-form" {
		t.Fatalf("responses %+v", r)
	}
	submit := asDiscordgo[discordgo.Interaction](t, f.srv.ModalSubmit(f.guild.ID, f.channel.ID, f.user, "report-form",
		map[string]string{"text": "You won!"}))
	data := submit.ModalSubmitData()
	row := data.Components[0].(*discordgo.ActionsRow)
	if data.CustomID != "report-form" || row.Components[0].(*discordgo.TextInput).Value != "You won!" {
		t.Errorf("modal submit %+v", data)
	}
}
