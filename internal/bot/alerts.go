package bot

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// The quiet defaults of channel alerts.
const (
	// minWatchRunes: shorter messages ("ok", "lol") are not checked.
	minWatchRunes = 12
	// warnEvery: at most one warning per sender in this time.
	warnEvery = 10 * time.Minute
)

// alertsCommand shows or changes a chat's alert settings.
func (b *Bot) alertsCommand(ctx context.Context, r Request, lang, args string) []Reply {
	reply := func(t Text) []Reply { return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: t}} }
	f := strings.Fields(strings.ToLower(args))
	redeem := len(f) == 2 && f[0] == "notify" && f[1] != "off"
	if r.ChatType == Private && !redeem {
		return reply(textOf(b.text(lang, "help.admin")))
	}
	s, err := b.store.Settings(ctx, r.Chat)
	if err != nil {
		return []Reply{b.errorReply(r, lang, err)}
	}
	if len(f) == 0 {
		return reply(b.alertsStatus(ctx, r, lang, s))
	}
	if ok, err := b.mayConfigure(ctx, r); err != nil || !ok {
		return []Reply{b.errorReply(r, lang, forbiddenOr(err))}
	}
	var done string
	switch {
	case redeem:
		return reply(b.redeemNotices(ctx, r, lang, f[1]))
	case f[0] == "notify" && len(f) == 1:
		return reply(textOf(b.words.Text(lang, "alerts.notify.code", "/alerts notify "+b.pairNotices(r))))
	case f[0] == "notify" && f[1] == "off":
		s.NoticeChat = ""
		done = b.text(lang, "alerts.notify.off")
	case f[0] == "on" && (len(f) == 1 || len(f) == 2 && (f[1] == "high" || f[1] == "medium")):
		s.Alerts = true
		if len(f) == 2 {
			s.AlertLevel, _ = scam.ParseLevel(f[1])
		}
		done = b.words.Text(lang, "alerts.on", b.levelWords(lang, s.AlertLevel))
		if n := r.Options[OptNotify]; n != "" && n != r.Chat.ID {
			s.NoticeChat = n
		}
	case f[0] == "off" && len(f) == 1:
		s.Alerts = false
		done = b.text(lang, "alerts.off")
	case f[0] == "level" && len(f) == 2 && (f[1] == "high" || f[1] == "medium"):
		s.AlertLevel, _ = scam.ParseLevel(f[1])
		done = b.words.Text(lang, "alerts.level", b.levelWords(lang, s.AlertLevel))
	default:
		return reply(textOf(b.words.Text(lang, "error.bad_argument", ""), b.text(lang, "alerts.usage")))
	}
	if err := b.store.SaveSettings(ctx, r.Chat, s); err != nil {
		return []Reply{b.errorReply(r, lang, err)}
	}
	t := textOf(done)
	if s.Alerts && f[0] == "on" {
		t = append(t, b.visibility(ctx, r, lang)...)
	}
	return reply(t)
}

func (b *Bot) levelWords(lang string, l scam.Level) string {
	if l == scam.Medium {
		return b.text(lang, "alerts.level.medium")
	}
	return b.text(lang, "alerts.level.high")
}

func (b *Bot) alertsStatus(ctx context.Context, r Request, lang string, s scam.ChatSettings) Text {
	var t Text
	if s.Alerts {
		t = textOf(b.words.Text(lang, "alerts.status.on", b.levelWords(lang, s.AlertLevel)))
	} else {
		t = textOf(b.text(lang, "alerts.status.off"))
	}
	t = append(t, textOf(b.text(lang, "alerts.usage"))...)
	return append(t, b.visibility(ctx, r, lang)...)
}

// visibility says what alerts need and whether the bot has it.
func (b *Bot) visibility(ctx context.Context, r Request, lang string) Text {
	t := textOf(b.text(lang, "alerts.needs"))
	if r.BotSeesAll == nil {
		return t
	}
	sees, err := r.BotSeesAll(ctx)
	switch {
	case err != nil:
		b.log.Warn("cannot tell whether the bot reads every message", "err", err)
	case sees:
		t = append(t, para(plain(b.text(lang, "alerts.can_see"))))
	default:
		t = append(t, para(bold(b.text(lang, "alerts.cannot_see"))))
	}
	return t
}

// watch checks a group message when the group has alerts on, and warns
// calmly when it is at or above the group's level. Quiet by default: short
// messages, admins' messages and a sender warned in the last ten minutes
// get nothing.
func (b *Bot) watch(ctx context.Context, r Request) []Reply {
	s, err := b.store.Settings(ctx, r.Chat)
	if err != nil {
		b.log.Warn("settings unavailable", "err", err)
		return nil
	}
	if err := b.store.NoteActivity(ctx, r.Chat, b.cfg.Now()); err != nil {
		b.log.Warn("activity not noted", "err", err)
	}
	if !s.Alerts || r.FromAdmin {
		return nil
	}
	m := r.Message
	if utf8.RuneCountInString(strings.TrimSpace(m.Text)) < minWatchRunes && len(m.Links) == 0 {
		return nil
	}
	v := b.check.Check(m)
	b.observe("watch", v)
	if err := b.store.CountCheck(ctx, b.cfg.Now(), r.Chat.Platform, "watch", v.Level, v.Category); err != nil {
		b.log.Warn("check not counted", "err", err)
	}
	level := max(s.AlertLevel, scam.Medium) // never warn about "low"
	if v.Level < level {
		return nil
	}
	// Only now, when a warning is due, is the platform asked about admins.
	if r.IsAdmin != nil {
		if admin, err := r.IsAdmin(ctx); err != nil || admin {
			if err != nil {
				b.log.Warn("cannot check an admin; staying quiet", "err", err)
			}
			return nil
		}
	}
	if ok, err := b.store.Allow(ctx, "warn:"+r.Chat.ID, r.Chat.Platform+":"+r.User.ID, 1, warnEvery, b.cfg.Now()); err != nil || !ok {
		return nil
	}
	lang := b.words.Match(s.Lang, r.ChatLang, r.User.Lang)
	b.log.Info("alert", "level", v.Level, "category", v.Category, "signals", len(v.Signals))
	replies := []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: b.warningText(v, m.Text, lang), Buttons: b.feedbackButtons(v, lang), Verdict: &v.Level}}
	if s.NoticeChat != "" && s.NoticeChat != r.Chat.ID {
		where := r.ChatTitle
		if where == "" {
			where = r.Chat.ID
		}
		body := append(Text{para(plain(b.words.Text(lang, "alerts.notice", where)))}, b.shortVerdict(v, lang)...)
		if r.MessageLink != "" {
			body = append(body, para(Span{Text: b.text(lang, "alerts.notice.open"), Link: r.MessageLink}))
		}
		replies = append(replies, Reply{Chat: scam.ChatRef{Platform: r.Chat.Platform, ID: s.NoticeChat}, Body: body})
	}
	return replies
}

// warningText is the calm warning posted under a flagged message.
func (b *Bot) warningText(v scam.Verdict, text, lang string) Text {
	e := b.words.Explain(v, text, lang)
	kind := e.Category
	if kind == "" {
		kind = e.Headline
	}
	t := Text{para(bold(b.words.Text(lang, "alerts.warning", kind)))}
	t = append(t, heading(b.text(lang, "heading.red_flags")))
	for i, f := range e.Flags {
		if i == 4 { // a warning stays short
			break
		}
		t = append(t, item(plain(f.Text)))
	}
	return append(t, para(plain(b.text(lang, "alerts.warning.advice"))))
}
