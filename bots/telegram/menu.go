package telegram

import (
	"context"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/internal/bot"
)

// menuer is a handler that has a command menu (bot.Bot).
type menuer interface {
	Menu() map[string][]bot.Command
}

// setMenu shows the bot's commands in Telegram's menu, in each language it
// speaks. A failure costs only the menu: it is logged.
func (b *Bot) setMenu(ctx context.Context) {
	m, ok := b.handler.(menuer)
	if !ok {
		return
	}
	api := b.with(ctx)
	for lang, cmds := range m.Menu() {
		// Telegram takes two-letter codes: "zh-Hans" is "zh".
		code, _, _ := strings.Cut(lang, "-")
		cfg := tgbotapi.SetMyCommandsConfig{LanguageCode: code}
		for _, c := range cmds {
			cfg.Commands = append(cfg.Commands, tgbotapi.BotCommand{Command: c.Name, Description: c.Description})
		}
		if err := retry(ctx, b.cfg.MaxRetryWait, func() error { _, err := api.Request(cfg); return err }); err != nil {
			b.log.Warn("command menu not set", "lang", lang, "err", err)
		}
	}
}
