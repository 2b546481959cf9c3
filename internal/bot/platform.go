package bot

import (
	"cmp"
	"context"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
)

// Sender posts replies on one platform: an adapter. An error with code
// scam.CodeForbidden or scam.CodeNotFound means the bot may no longer post
// in the chat.
type Sender interface {
	Send(ctx context.Context, r Reply) error
}

// TipPoster posts scheduled tips through an adapter, worded by the bot. It
// is the scheduler's Poster for one platform.
type TipPoster struct {
	Bot    *Bot
	Sender Sender
}

// PostTip posts tip in chat, in the tip's language.
func (p TipPoster) PostTip(ctx context.Context, chat scam.ChatRef, tip scam.Tip) error {
	return p.Sender.Send(ctx, Reply{Chat: chat, Body: p.Bot.TipText(tip, p.Bot.words.Match(tip.Lang))})
}

// removed pauses the tip schedules of a chat the bot was removed from. It
// answers nothing: the bot cannot post there any more.
func (b *Bot) removed(ctx context.Context, r Request) []Reply {
	if b.schedules == nil {
		return nil
	}
	list, err := b.schedules.List(ctx, r.Chat)
	if err != nil || len(list) == 0 {
		return nil
	}
	if err := b.schedules.Pause(ctx, r.Chat, ReasonRemoved); err != nil {
		b.log.Warn("schedules not paused", "err", err)
		return nil
	}
	b.log.Info("removed from a chat; its schedules are paused", "chat_type", r.ChatType)
	// The moderators hear of it, where they get notices.
	s, err := b.store.Settings(ctx, r.Chat)
	if err != nil || s.NoticeChat == "" || s.NoticeChat == r.Chat.ID {
		return nil
	}
	lang := b.words.Match(s.Lang, r.ChatLang)
	where := cmp.Or(r.ChatTitle, r.Chat.ID)
	return []Reply{{Chat: scam.ChatRef{Platform: r.Chat.Platform, ID: s.NoticeChat}, Body: textOf(b.words.Text(lang, "tips.paused.removed", where))}}
}

// ReasonRemoved is why the schedules of a chat the bot left are paused. It
// is the scheduler's reason for the same event, so both read the same.
const ReasonRemoved = "removed"

// Command is an entry of a platform's command menu.
type Command struct {
	Name        string // without the slash
	Description string
}

// menuCommands are the commands a platform's menu shows, in this order.
var menuCommands = []string{"check", "tip", "language", "country", "privacy", "feedback", "help", "alerts", "tips"}

// Menu returns the command menu in every language the bot speaks, by
// language; the fallback language is also under "", for everyone else.
func (b *Bot) Menu() map[string][]Command {
	out := map[string][]Command{}
	for _, lang := range b.words.Languages() {
		var cmds []Command
		for _, c := range menuCommands {
			cmds = append(cmds, Command{Name: c, Description: b.text(lang, "menu."+c)})
		}
		out[lang] = cmds
		if lang == wording.Fallback {
			out[""] = cmds
		}
	}
	return out
}
