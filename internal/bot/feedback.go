package bot

import (
	"context"
	"strconv"
	"strings"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Feedback buttons carry "fb:VOTE:REF:LEVEL:CATEGORY": the vote (h for
// helpful, w for wrong), a random reference to the verdict, and enough of
// it to count the vote even after a restart has emptied the bot's memory of
// recent verdicts. Under 64 bytes, Telegram's limit.
const feedbackPrefix = "fb:"

func (b *Bot) feedbackButtons(v scam.Verdict, lang string) []Button {
	ref := b.remember(v)
	tail := ":" + ref + ":" + strconv.Itoa(int(v.Level)) + ":" + string(v.Category)
	return []Button{
		{Label: b.text(lang, "button.helpful"), Data: feedbackPrefix + "h" + tail},
		{Label: b.text(lang, "button.wrong"), Data: feedbackPrefix + "w" + tail},
	}
}

// button answers a pressed button.
func (b *Bot) button(ctx context.Context, r Request, lang string) []Reply {
	parts := strings.Split(r.Button, ":")
	if len(parts) != 5 || parts[0]+":" != feedbackPrefix || (parts[1] != "h" && parts[1] != "w") {
		b.log.Warn("unknown button", "bytes", len(r.Button))
		return []Reply{{Chat: r.Chat, Toast: b.text(lang, "error.bad_input")}}
	}
	level, err := strconv.Atoi(parts[3])
	if err != nil || level < int(scam.Low) || level > int(scam.High) {
		return []Reply{{Chat: r.Chat, Toast: b.text(lang, "error.bad_input")}}
	}
	f := scam.Feedback{
		Verdict:  parts[2],
		User:     r.Chat.Platform + ":" + r.User.ID,
		Helpful:  parts[1] == "h",
		Level:    scam.Level(level),
		Category: scam.Category(parts[4]),
		At:       b.cfg.Now(),
	}
	if vr, ok := b.recall(parts[2]); ok {
		f.Level, f.Category, f.Rules = vr.level, vr.category, vr.rules
	}
	if err := b.store.RecordFeedback(ctx, f); err != nil {
		b.log.Warn("feedback not recorded", "err", err)
		return []Reply{{Chat: r.Chat, Toast: b.text(lang, "error."+string(codeForUser(err)))}}
	}
	b.log.Info("feedback", "helpful", f.Helpful, "level", f.Level, "category", f.Category)
	return []Reply{{Chat: r.Chat, Toast: b.text(lang, "feedback.thanks"), DropButtons: true}}
}

// codeForUser is the error code whose message a user should see: only the
// codes the catalog words.
func codeForUser(err error) scam.Code {
	switch c := scam.CodeOf(err); c {
	case scam.CodeBadInput, scam.CodeBadArgument, scam.CodeForbidden, scam.CodeRateLimited, scam.CodeUnavailable:
		return c
	}
	return scam.CodeInternal
}
