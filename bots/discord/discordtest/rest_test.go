package discordtest_test

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
)

func TestSendComplexWithEmbedsAndReply(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	scam := f.srv.MessageCreate(f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "claim your prize"))

	got, err := s.ChannelMessageSendComplex(f.channel.ID, &discordgo.MessageSend{
		Content:         "⚠️ This looks like a scam.",
		Embeds:          []*discordgo.MessageEmbed{{Title: "Why", Description: "Prize bait", Fields: []*discordgo.MessageEmbedField{{Name: "Signal", Value: "urgency"}}}},
		Reference:       &discordgo.MessageReference{MessageID: scam.ID, ChannelID: f.channel.ID, GuildID: f.guild.ID},
		AllowedMentions: &discordgo.MessageAllowedMentions{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Type != discordgo.MessageTypeReply || got.Author.ID != f.srv.BotUser().ID || got.ReferencedMessage == nil ||
		got.ReferencedMessage.ID != scam.ID {
		t.Errorf("returned message %+v, want a reply by the bot to %s", got, scam.ID)
	}
	sent := f.srv.Sent()
	if len(sent) != 1 {
		t.Fatalf("sent %d messages, want 1", len(sent))
	}
	m := sent[0]
	if m.MessageID != got.ID || m.GuildID != f.guild.ID || m.Reference == nil || m.Reference.MessageID != scam.ID ||
		len(m.Embeds) != 1 || m.Embeds[0].Fields[0].Value != "urgency" || m.AllowedMentions == nil {
		t.Errorf("recorded %+v, want the reply with its embed and allowed mentions", m)
	}
}

func TestSendIsValidatedLikeDiscord(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	no := false
	many := make([]*discordgo.MessageEmbed, 11)
	for i := range many {
		many[i] = &discordgo.MessageEmbed{Title: "x"}
	}
	big := make([]*discordgo.MessageEmbed, 2)
	for i := range big {
		big[i] = &discordgo.MessageEmbed{Description: strings.Repeat("d", 3001)}
	}
	button := func(id string) discordgo.MessageComponent {
		return discordgo.Button{Label: "ok", Style: discordgo.PrimaryButton, CustomID: id}
	}
	tests := []struct {
		name     string
		msg      discordgo.MessageSend
		wantCode int // 0: accepted
	}{
		{"2000 characters are accepted", discordgo.MessageSend{Content: strings.Repeat("é", 2000)}, 0},
		{"2001 characters are refused", discordgo.MessageSend{Content: strings.Repeat("a", 2001)}, 50035},
		{"an empty message is refused", discordgo.MessageSend{}, 50006},
		{"eleven embeds are refused", discordgo.MessageSend{Embeds: many}, 50035},
		{"a 257-character title is refused", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: strings.Repeat("t", 257)}}}, 50035},
		{"a 1025-character field value is refused", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "n", Value: strings.Repeat("v", 1025)}}}}}, 50035},
		{"embeds over 6000 characters in total are refused", discordgo.MessageSend{Embeds: big}, 50035},
		{"a reply to an unknown message is refused", discordgo.MessageSend{Content: "hi", Reference: &discordgo.MessageReference{MessageID: "1"}}, 50035},
		{"a reply to an unknown message may fall back", discordgo.MessageSend{Content: "hi", Reference: &discordgo.MessageReference{MessageID: "1", FailIfNotExists: &no}}, 0},
		{"duplicate custom ids are refused", discordgo.MessageSend{Content: "hi", Components: []discordgo.MessageComponent{
			discordgo.ActionsRow{Components: []discordgo.MessageComponent{button("a"), button("a")}}}}, 50035},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ChannelMessageSendComplex(f.channel.ID, &tt.msg)
			if tt.wantCode == 0 {
				if err != nil {
					t.Fatalf("got %v, want success", err)
				}
				return
			}
			if status, code := restCode(t, err); code != tt.wantCode || status != http.StatusBadRequest {
				t.Errorf("got %d/%d, want 400/%d", status, code, tt.wantCode)
			}
		})
	}
}

func TestRateLimits(t *testing.T) {
	t.Parallel()
	const wait = 300 * time.Millisecond
	tests := []struct {
		name   string
		global bool
	}{
		{"a route limit is waited out and retried", false},
		{"a global limit is waited out and retried", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			s := restSession(t, f.srv)
			route := "/channels/" + f.channel.ID + "/messages"
			f.srv.RateLimitNext(route, 1, wait, tt.global)
			start := time.Now()
			if _, err := s.ChannelMessageSend(f.channel.ID, "hello"); err != nil {
				t.Fatal(err)
			}
			if elapsed := time.Since(start); elapsed < wait {
				t.Errorf("retried after %v, want at least %v", elapsed, wait)
			}
			if got := statuses(f.srv.Calls(), route); !slices.Equal(got, []int{429, 200}) {
				t.Errorf("statuses %v, want [429 200]", got)
			}
			if n := len(f.srv.Sent()); n != 1 {
				t.Errorf("sent %d, want 1 (the limited call has no effect)", n)
			}
		})
	}
}

func TestRateLimitWithoutRetry(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	s.ShouldRetryOnRateLimit = false
	f.srv.RateLimitNext("/messages", 1, 1500*time.Millisecond, false)
	_, err := s.ChannelMessageSend(f.channel.ID, "hello")
	var rl *discordgo.RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != 1500*time.Millisecond || rl.Message != "You are being rate limited." {
		t.Fatalf("got %v, want *RateLimitError retrying after 1.5s", err)
	}
}

func TestServerErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		n, status    int
		wantStatuses []int
		wantErr      int // HTTP status of the error; 0: success
	}{
		{"502 is retried", 2, http.StatusBadGateway, []int{502, 502, 200}, 0},
		{"500 is returned", 1, http.StatusInternalServerError, []int{500}, 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			s := restSession(t, f.srv)
			f.srv.FailNext("/messages", tt.n, tt.status)
			_, err := s.ChannelMessageSend(f.channel.ID, "hello")
			if tt.wantErr == 0 && err != nil {
				t.Fatalf("got %v, want success", err)
			}
			if tt.wantErr != 0 {
				if status, _ := restCode(t, err); status != tt.wantErr {
					t.Errorf("status %d, want %d", status, tt.wantErr)
				}
			}
			if got := statuses(f.srv.Calls(), "/messages"); !slices.Equal(got, tt.wantStatuses) {
				t.Errorf("statuses %v, want %v", got, tt.wantStatuses)
			}
		})
	}
}

func TestChannelErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	forbidden := f.srv.AddGuild(discordtest.Guild{Channels: []discordtest.Channel{discordtest.TextChannel("locked")}}).Channels[0]
	f.srv.Forbid(forbidden.ID)
	doomed := f.srv.AddGuild(discordtest.Guild{Channels: []discordtest.Channel{discordtest.TextChannel("doomed")}}).Channels[0]
	f.srv.ChannelDelete(doomed.ID)
	muted := discordtest.TextChannel("read-only")
	muted.PermissionOverwrites = []discordtest.PermissionOverwrite{
		discordtest.MemberOverwrite(f.srv.BotUser().ID, 0, discordtest.PermSendMessages)}
	muted = f.srv.AddGuild(discordtest.Guild{Channels: []discordtest.Channel{muted}}).Channels[0]

	tests := []struct {
		name               string
		channelID          string
		wantStatus, wantCd int
	}{
		{"a forbidden channel answers Missing Permissions", forbidden.ID, 403, 50013},
		{"a deleted channel is unknown", doomed.ID, 404, 10003},
		{"a channel never seen is unknown", "42", 404, 10003},
		{"an overwrite denying SendMessages answers Missing Permissions", muted.ID, 403, 50013},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ChannelMessageSend(tt.channelID, "hello")
			if status, code := restCode(t, err); status != tt.wantStatus || code != tt.wantCd {
				t.Errorf("got %d/%d, want %d/%d", status, code, tt.wantStatus, tt.wantCd)
			}
		})
	}
}

func TestDirectMessages(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	ch, err := s.UserChannelCreate(f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Type != discordgo.ChannelTypeDM || ch.ID != f.srv.DMChannel(f.user.ID) || ch.Recipients[0].ID != f.user.ID {
		t.Fatalf("DM channel %+v, want type 1 with alice, id %s", ch, f.srv.DMChannel(f.user.ID))
	}
	if _, err := s.ChannelMessageSend(ch.ID, "your report was received"); err != nil {
		t.Fatal(err)
	}
	if sent := f.srv.Sent(); len(sent) != 1 || sent[0].ChannelID != ch.ID || sent[0].GuildID != "" {
		t.Errorf("sent %+v, want one message in the DM", sent)
	}
	f.srv.BlockDMs(f.user.ID)
	_, err = s.ChannelMessageSend(ch.ID, "again")
	if status, code := restCode(t, err); status != 403 || code != 50007 {
		t.Errorf("got %d/%d, want 403/50007", status, code)
	}
}

func TestEditAndDelete(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	alert, err := s.ChannelMessageSendComplex(f.channel.ID, &discordgo.MessageSend{
		Content: "Scam?",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Not a scam", Style: discordgo.SecondaryButton, CustomID: "fp"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	none := []discordgo.MessageComponent{}
	if _, err := s.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: alert.ID, Channel: f.channel.ID, Components: &none}); err != nil {
		t.Fatal(err)
	}
	edits := f.srv.Edits()
	if len(edits) != 1 || edits[0].Content != "Scam?" || len(edits[0].Components) != 0 {
		t.Errorf("edits %+v, want the alert without buttons", edits)
	}

	scam := f.srv.MessageCreate(f.srv.GuildMessage(f.guild.ID, f.channel.ID, f.user, "free nitro"))
	err = s.ChannelMessageDelete(f.channel.ID, scam.ID)
	if status, code := restCode(t, err); status != 403 || code != 50013 {
		t.Errorf("deleting without Manage Messages: %d/%d, want 403/50013", status, code)
	}
	bot := f.srv.BotUser()
	f.srv.AddMember(f.guild.ID, discordtest.Member{User: &bot, Roles: []string{f.guild.Roles[1].ID}})
	if err := s.ChannelMessageDelete(f.channel.ID, scam.ID); err != nil {
		t.Fatalf("deleting as a moderator: %v", err)
	}
	if d := f.srv.Deletes(); len(d) != 1 || d[0].MessageID != scam.ID {
		t.Errorf("deletes %+v, want the scam", d)
	}
	_, err = s.ChannelMessageEdit(f.channel.ID, scam.ID, "x")
	if status, code := restCode(t, err); status != 404 || code != 10008 {
		t.Errorf("editing a deleted message: %d/%d, want 404/10008", status, code)
	}
}

func TestReadsState(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	g, err := s.Guild(f.guild.ID)
	if err != nil || g.OwnerID != f.guild.OwnerID || len(g.Roles) != 2 {
		t.Errorf("Guild = %+v, %v", g, err)
	}
	chans, err := s.GuildChannels(f.guild.ID)
	if err != nil || len(chans) != 1 || chans[0].ID != f.channel.ID {
		t.Errorf("GuildChannels = %v, %v", chans, err)
	}
	roles, err := s.GuildRoles(f.guild.ID)
	if err != nil || len(roles) != 2 || roles[0].ID != f.guild.ID {
		t.Errorf("GuildRoles = %v, %v; want @everyone first", roles, err)
	}
	m, err := s.GuildMember(f.guild.ID, f.user.ID)
	if err != nil || m.User.ID != f.user.ID {
		t.Errorf("GuildMember = %+v, %v", m, err)
	}
	ch, err := s.Channel(f.channel.ID)
	if err != nil || ch.Name != "general" {
		t.Errorf("Channel = %+v, %v", ch, err)
	}
	_, err = s.GuildMember(f.guild.ID, "404")
	if status, code := restCode(t, err); status != 404 || code != 10007 {
		t.Errorf("unknown member: %d/%d, want 404/10007", status, code)
	}
}

func TestWrongTokenIsUnauthorized(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := restSession(t, f.srv)
	s.Token = "Bot nope"
	_, err := s.User("@me")
	if status, code := restCode(t, err); status != 401 || code != 0 {
		t.Errorf("got %d/%d, want 401/0", status, code)
	}
}

func TestClientReachesTheFakeForAnyHost(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, url := range []string{"https://discord.com/api/v9/gateway", "https://gateway.discord.gg/api/v9/gateway?x=1"} {
		resp, err := f.srv.Client().Get(url)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", url, resp.Status)
		}
	}
	if calls := f.srv.Calls(); len(calls) != 2 || calls[1].Query != "x=1" {
		t.Errorf("calls %+v, want both, query kept", calls)
	}
}
