package discord

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/scamwarn/scamwarn/internal/bot"
)

// contextMenuName is the right-click entry on a message (Apps → …).
const contextMenuName = "Is this a scam?"

// menuer is a handler that words its command menu (bot.Bot).
type menuer interface {
	Menu() map[string][]bot.Command
}

// manageGuild is the permission the admin commands need.
var manageGuild int64 = discordgo.PermissionManageGuild

// commands are the application commands: the context menu and /check work
// everywhere, including DMs and servers the bot is not in (as a
// user-installed app); the rest are for server managers.
func (b *Bot) commands() []*discordgo.ApplicationCommand {
	everywhere := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel}
	bothInstalls := &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall}
	inServers := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	serverInstall := &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	textChannels := []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}
	channel := func(desc string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", Description: desc, ChannelTypes: textChannels, Required: required}
	}
	str := func(name, desc string, required bool, choices ...string) *discordgo.ApplicationCommandOption {
		o := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc, Required: required}
		for _, c := range choices {
			o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: c, Value: c})
		}
		return o
	}
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
	}
	cmds := []*discordgo.ApplicationCommand{
		{Type: discordgo.MessageApplicationCommand, Name: contextMenuName, Contexts: everywhere, IntegrationTypes: bothInstalls},
		{Name: "check", Description: "Check a message for signs of a scam", Contexts: everywhere, IntegrationTypes: bothInstalls,
			Options: []*discordgo.ApplicationCommandOption{str("text", "The message to check", true)}},
		{Name: "tip", Description: "An awareness tip about scams", Contexts: everywhere, IntegrationTypes: bothInstalls},
		{Name: "help", Description: "How to use the bot", Contexts: everywhere, IntegrationTypes: bothInstalls},
		{Name: "country", Description: "Show or set your country, for where to report", Contexts: everywhere, IntegrationTypes: bothInstalls,
			Options: []*discordgo.ApplicationCommandOption{str("code", "Two-letter country code, such as PH, SG or GB; off to clear", false)}},
		{Name: "alerts", Description: "Calm warnings under scam messages", Contexts: inServers, IntegrationTypes: serverInstall, DefaultMemberPermissions: &manageGuild,
			Options: []*discordgo.ApplicationCommandOption{
				sub("enable", "Warn about scam messages in a channel",
					channel("The channel to watch (default: this one)", false),
					str("level", "Warn at this level (default: high)", false, "high", "medium"),
					&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionChannel, Name: "notify", Description: "Send moderator notices to this channel", ChannelTypes: textChannels}),
				sub("disable", "Stop warning in a channel", channel("The channel (default: this one)", false)),
				sub("status", "Whether alerts are on, and what the bot can see", channel("The channel (default: this one)", false)),
			}},
		{Name: "tips", Description: "Scheduled awareness tips", Contexts: inServers, IntegrationTypes: serverInstall, DefaultMemberPermissions: &manageGuild,
			Options: []*discordgo.ApplicationCommandOption{
				sub("schedule", "Post tips on a schedule",
					str("cadence", "daily, every monday, weekly mon,thu, every weekday, every 6h", true),
					str("time", "Local time, HH:MM (24-hour)", true),
					channel("Where to post (default: this channel)", false),
					str("timezone", "IANA time zone, such as Asia/Manila (default: UTC)", false),
					str("language", "Language of the tips, such as en, fr, zh (default: the server's)", false),
					str("tags", "Topics, comma-separated, such as job,task", false)),
				sub("list", "The schedules of a channel", channel("The channel (default: this one)", false)),
				sub("remove", "Remove a schedule by its number from the list",
					&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: "id", Description: "The schedule's number", Required: true},
					channel("The channel (default: this one)", false)),
				sub("now", "Post a tip now", channel("Where to post (default: this channel)", false)),
			}},
	}
	// Descriptions in every language the bot speaks, from its catalogs.
	if m, ok := b.handler.(menuer); ok {
		for lang, list := range m.Menu() {
			for _, loc := range discordLocales(lang) {
				for _, c := range list {
					for _, cmd := range cmds {
						if cmd.Name == c.Name && cmd.Type != discordgo.MessageApplicationCommand {
							if cmd.DescriptionLocalizations == nil {
								cmd.DescriptionLocalizations = &map[discordgo.Locale]string{}
							}
							(*cmd.DescriptionLocalizations)[loc] = cutRunes(c.Description, 100)
						}
					}
				}
			}
		}
	}
	return cmds
}

// discordLocales are Discord's locales for a catalog language, which
// Discord accepts only from its own list. It has none for Malay, Tagalog,
// Khmer or Burmese, so Discord shows those readers English descriptions and
// reports an English locale for them.
func discordLocales(lang string) []discordgo.Locale {
	switch strings.ToLower(lang) {
	case "fr":
		return []discordgo.Locale{discordgo.French}
	case "zh", "zh-hans":
		return []discordgo.Locale{discordgo.ChineseCN}
	case "zh-hant":
		return []discordgo.Locale{discordgo.ChineseTW}
	case "es":
		return []discordgo.Locale{discordgo.SpanishES, discordgo.SpanishLATAM}
	case "vi":
		return []discordgo.Locale{discordgo.Vietnamese}
	case "th":
		return []discordgo.Locale{discordgo.Thai}
	case "id":
		return []discordgo.Locale{"id"} // newer than the SDK
	}
	return nil
}

// register puts the commands in place: globally, or in one server.
func (b *Bot) register(ctx context.Context, s *discordgo.Session) error {
	app := s.State.User.ID
	if s.State.Application != nil && s.State.Application.ID != "" {
		app = s.State.Application.ID
	}
	_, err := s.ApplicationCommandBulkOverwrite(app, b.cfg.GuildID, b.commands(), discordgo.WithContext(ctx))
	if err == nil {
		b.log.Info("commands registered", "guild_only", b.cfg.GuildID != "")
	}
	return err
}
