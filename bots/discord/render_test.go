package discord

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestRenderEscapesAndColours(t *testing.T) {
	high := scam.High
	text := bot.Text{
		{Kind: bot.Para, Spans: []bot.Span{{Text: "Very likely a scam", Style: bot.Bold}}},
		{Kind: bot.Para, Spans: []bot.Span{{Text: "**free** nitro @everyone [x](https://evil.example) _hi_ > quote"}}},
		{Kind: bot.Sub, Spans: []bot.Span{{Text: "found: "}, {Text: "use `code` @here\nnext", Style: bot.Quoted}}},
		{Kind: bot.Item, Spans: []bot.Span{{Text: "source", Link: "https://example.org/a_(b)"}, {Text: "bad", Link: "javascript:alert(1)"}}},
	}
	msgs := render(text, &high)
	if len(msgs) != 1 || len(msgs[0]) != 1 {
		t.Fatalf("got %d messages", len(msgs))
	}
	e := msgs[0][0]
	if e.Title != "Very likely a scam" || e.Color != levelColour[scam.High] {
		t.Errorf("title %q colour %x", e.Title, e.Color)
	}
	want := "\\*\\*free\\*\\* nitro @\u200beveryone \\[x\\]\\(https://evil.example\\) \\_hi\\_ \\> quote\n" +
		"\u2003found: `use ˋcodeˋ @here next`\n" +
		"• [source](https://example.org/a_%28b%29)bad"
	if e.Description != want {
		t.Errorf("description\n%q\nwant\n%q", e.Description, want)
	}
}

func TestRenderSplitsUnderDiscordLimits(t *testing.T) {
	var text bot.Text
	for range 400 {
		text = append(text, bot.Block{Kind: bot.Item, Spans: []bot.Span{{Text: strings.Repeat("word ", 20)}}})
	}
	msgs := render(text, nil)
	total := 0
	for _, embeds := range msgs {
		size := 0
		if len(embeds) > maxEmbeds {
			t.Errorf("%d embeds in a message", len(embeds))
		}
		for _, e := range embeds {
			if n := runes(e.Description); n > maxDescription {
				t.Errorf("description of %d characters", n)
			}
			size += runes(e.Title) + runes(e.Description)
			total += strings.Count(e.Description, "•")
		}
		if size > maxEmbedsChars {
			t.Errorf("a message of %d characters", size)
		}
	}
	if total != 400 || len(msgs) < 2 {
		t.Errorf("%d items over %d messages", total, len(msgs))
	}
}

func TestCommandsInTheBotsGrammar(t *testing.T) {
	for _, tc := range []struct {
		cmd, sub string
		opts     map[string]string
		want     string
		public   bool
	}{
		{"alerts", "enable", map[string]string{"level": "medium"}, "/alerts on medium", false},
		{"alerts", "disable", nil, "/alerts off", false},
		{"alerts", "status", nil, "/alerts", false},
		{"tips", "schedule", map[string]string{"cadence": "Every  Monday", "time": "09:00", "timezone": "Asia/Manila"}, "/tips every monday 09:00 Asia/Manila", false},
		{"tips", "schedule", map[string]string{"cadence": "every 6h", "time": "08:00"}, "/tips every 6h from 08:00 ", false},
		{"tips", "schedule", map[string]string{"cadence": "cron 0 9 * * 1-5", "time": "x"}, "/tips cron 0 9 * * 1-5 ", false},
		{"tips", "remove", map[string]string{"id": "3"}, "/tips remove 3", false},
		{"tips", "now", nil, "/tips now", true},
	} {
		got, public := commandText(tc.cmd, tc.sub, tc.opts)
		if got != tc.want || public != tc.public {
			t.Errorf("%s %s %v = %q, %v; want %q, %v", tc.cmd, tc.sub, tc.opts, got, public, tc.want, tc.public)
		}
	}
}

func TestMessageFindsMaskedLinks(t *testing.T) {
	m := message(discordgoMessage{Content: "Claim here: [discord.com/nitro](https://dlscord-gift.example/claim) now"}.msg())
	if len(m.Links) != 1 || m.Links[0].URL != "https://dlscord-gift.example/claim" || m.Links[0].Shown != "discord.com/nitro" ||
		m.Text[m.Links[0].Span.Start:m.Links[0].Span.End] != "discord.com/nitro" {
		t.Errorf("links = %+v", m.Links)
	}
}

// discordgoMessage builds a discordgo message in a line.
type discordgoMessage struct{ Content string }

func (d discordgoMessage) msg() *discordgo.Message { return &discordgo.Message{Content: d.Content} }
