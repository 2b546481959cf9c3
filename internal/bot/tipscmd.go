package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
)

// Schedules keeps a chat's tip schedules (the scheduler and the database,
// joined in cmd/scamwarn).
type Schedules interface {
	// Add checks s (cadence, zone, tags), sets its first slot and stores
	// it. Its errors are safe to show a user.
	Add(ctx context.Context, s scam.Schedule) (scam.Schedule, error)
	List(ctx context.Context, chat scam.ChatRef) ([]scam.Schedule, error)
	// SetTags changes the tags of every schedule of chat.
	SetTags(ctx context.Context, chat scam.ChatRef, tags []string) error
	RemoveAll(ctx context.Context, chat scam.ChatRef) (int, error)
	// Remove removes the schedule id of chat; not_found when chat has none.
	Remove(ctx context.Context, chat scam.ChatRef, id int64) error
	// Pause pauses every schedule of chat, saying why ("removed").
	Pause(ctx context.Context, chat scam.ChatRef, reason string) error
}

// tipsCommand manages a group's or channel's tip schedules: admins only.
func (b *Bot) tipsCommand(ctx context.Context, r Request, lang, args string) []Reply {
	reply := func(t Text) []Reply { return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: t}} }
	if r.ChatType == Private {
		// A schedule keeps its chat id in clear, and a private chat's id is
		// its user's id: no schedules there.
		return reply(textOf(b.text(lang, "tips.private")))
	}
	f := strings.Fields(args)
	if len(f) == 0 {
		return reply(textOf(b.text(lang, "tips.usage")))
	}
	if ok, err := b.mayConfigure(ctx, r); err != nil || !ok {
		return []Reply{b.errorReply(r, lang, forbiddenOr(err))}
	}
	if b.schedules == nil {
		return []Reply{b.errorReply(r, lang, scam.Errorf(scam.CodeUnavailable, "no scheduler"))}
	}
	// Tips are posted for the whole chat: in its language, even when this
	// answer is in the asking admin's own (a private answer on Discord).
	postLang := lang
	if r.PrivateAnswer {
		postLang = b.words.Match(b.settings(ctx, r).Lang, r.ChatLang, r.User.Lang)
	}
	switch strings.ToLower(f[0]) {
	case "now":
		return b.tipNow(ctx, r, postLang)
	case "list":
		return reply(b.listSchedules(ctx, r, lang))
	case "off":
		if _, err := b.schedules.RemoveAll(ctx, r.Chat); err != nil {
			return []Reply{b.errorReply(r, lang, err)}
		}
		return reply(textOf(b.text(lang, "tips.off")))
	case "remove":
		id, err := strconv.ParseInt(strings.TrimPrefix(strings.Join(f[1:], ""), "#"), 10, 64)
		if len(f) != 2 || err != nil {
			return reply(textOf(b.words.Text(lang, "error.bad_argument", ""), b.text(lang, "tips.usage")))
		}
		if err := b.schedules.Remove(ctx, r.Chat, id); err != nil {
			if scam.CodeOf(err) == scam.CodeNotFound {
				return reply(textOf(b.words.Text(lang, "tips.remove.none", "#"+strconv.FormatInt(id, 10))))
			}
			return []Reply{b.errorReply(r, lang, err)}
		}
		return reply(textOf(b.words.Text(lang, "tips.removed", "#"+strconv.FormatInt(id, 10))))
	case "tags":
		var tags []string
		if len(f) > 1 {
			tags = splitTags(strings.Join(f[1:], ","))
		}
		if bad := scam.UnknownTipTags(tags); len(bad) > 0 {
			return reply(textOf(b.words.Text(lang, "error.bad_argument", `"`+bad[0]+`" is not a tip topic; known: `+strings.Join(scam.TipTags, ", ")+"."), b.text(lang, "tips.usage")))
		}
		if err := b.schedules.SetTags(ctx, r.Chat, tags); err != nil {
			return []Reply{b.errorReply(r, lang, err)}
		}
		return reply(textOf(b.words.Text(lang, "tips.tags", b.tagsWords(lang, tags))))
	}
	// A cadence, perhaps followed by a time zone.
	zone := "UTC"
	if last := f[len(f)-1]; strings.Contains(last, "/") || strings.EqualFold(last, "UTC") {
		zone, f = last, f[:len(f)-1]
	}
	if strings.EqualFold(zone, "utc") {
		zone = "UTC"
	}
	s := scam.Schedule{Chat: r.Chat, Cadence: strings.Join(f, " "), Zone: zone, Lang: postLang}
	// New schedules take the tags the chat chose before.
	if old, err := b.schedules.List(ctx, r.Chat); err == nil && len(old) > 0 {
		s.Tags = old[len(old)-1].Tags
	}
	if l := r.Options[OptLang]; l != "" {
		if !b.supported(l) {
			return reply(textOf(b.words.Text(lang, "error.bad_argument", ""), b.words.Text(lang, "settings.language.how", strings.Join(b.words.Languages(), ", "))))
		}
		s.Lang = b.words.Match(l)
	}
	if t, ok := r.Options[OptTags]; ok {
		s.Tags = splitTags(t)
		if bad := scam.UnknownTipTags(s.Tags); len(bad) > 0 {
			return reply(textOf(b.words.Text(lang, "error.bad_argument", `"`+bad[0]+`" is not a tip topic; known: `+strings.Join(scam.TipTags, ", ")+"."), b.text(lang, "tips.usage")))
		}
	}
	s, err := b.schedules.Add(ctx, s)
	if err != nil {
		if scam.CodeOf(err) == scam.CodeBadArgument {
			return reply(textOf(b.words.Text(lang, "error.bad_argument", scam.UserMessage(err)), b.text(lang, "tips.usage")))
		}
		return []Reply{b.errorReply(r, lang, err)}
	}
	return reply(textOf(b.words.Text(lang, "tips.scheduled", b.scheduleWords(lang, s))))
}

func (b *Bot) scheduleWords(lang string, s scam.Schedule) string {
	w := s.Cadence + " (" + s.Zone + ")"
	if s.Paused != "" {
		return w + ", " + b.words.Text(lang, "tips.paused", s.Paused)
	}
	if loc, err := time.LoadLocation(s.Zone); err == nil && !s.Next.IsZero() {
		// English day and month names would stand out in another
		// language: other answers give the date in numbers.
		layout := "2006-01-02 15:04"
		if lang == wording.Fallback {
			layout = "Mon 2 Jan 15:04"
		}
		w += ", " + b.words.Text(lang, "tips.next", s.Next.In(loc).Format(layout))
	}
	if len(s.Tags) > 0 {
		w += " · " + strings.Join(s.Tags, ", ")
	}
	return w
}

func (b *Bot) tagsWords(lang string, tags []string) string {
	if len(tags) == 0 {
		return b.text(lang, "tips.tags.all")
	}
	return strings.Join(tags, ", ")
}

func (b *Bot) listSchedules(ctx context.Context, r Request, lang string) Text {
	list, err := b.schedules.List(ctx, r.Chat)
	if err != nil {
		return b.errorReply(r, lang, err).Body
	}
	if len(list) == 0 {
		return textOf(b.text(lang, "tips.none"), b.text(lang, "tips.usage"))
	}
	var t Text
	for _, s := range list {
		t = append(t, item(bold("#"+strconv.FormatInt(s.ID, 10)+" "), plain(b.scheduleWords(lang, s))))
	}
	return t
}

func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(strings.ToLower(s), ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
