package bot

import (
	"context"
	"strings"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// checkAndAnswer checks m for the user of r and answers in full: the level,
// the kind, the red flags with quoted evidence, what to do, where to report
// in country, and two feedback buttons. replyTo is the message the answer
// goes under ("" for the request's own message).
func (b *Bot) checkAndAnswer(ctx context.Context, r Request, lang, country string, m scam.Message, replyTo string) []Reply {
	v, errReply, ok := b.runCheck(ctx, r, lang, m, "check")
	if !ok {
		return []Reply{errReply}
	}
	if replyTo == "" {
		replyTo = r.MessageID
	}
	return []Reply{{
		Chat: r.Chat, ReplyTo: replyTo,
		Body:    b.verdictText(v, m.Text, lang, country),
		Buttons: b.feedbackButtons(v, lang),
		Verdict: &v.Level,
	}}
}

// runCheck applies the user's rate limit, checks m and counts the check.
// When ok is false, the reply says why nothing was checked.
func (b *Bot) runCheck(ctx context.Context, r Request, lang string, m scam.Message, source string) (scam.Verdict, Reply, bool) {
	if strings.TrimSpace(m.Text) == "" && len(m.Links) == 0 {
		return scam.Verdict{}, Reply{Chat: r.Chat, ReplyTo: r.MessageID, Body: textOf(b.text(lang, "error.empty"))}, false
	}
	if r.User.ID != "" {
		allowed, err := b.store.Allow(ctx, "check", r.Chat.Platform+":"+r.User.ID, b.cfg.ChecksPerMinute, time.Minute, b.cfg.Now())
		if err != nil {
			// A busy database must not stop people from checking.
			b.log.Warn("rate limit unavailable", "err", err)
		} else if !allowed {
			return scam.Verdict{}, b.errorReply(r, lang, scam.Errorf(scam.CodeRateLimited, "too many checks")), false
		}
	}
	if m.Lang == "" {
		m.Lang = r.User.Lang
	}
	v := b.check.Check(m)
	b.observe(source, v)
	if err := b.store.CountCheck(ctx, b.cfg.Now(), r.Chat.Platform, source, v.Level, v.Category); err != nil {
		b.log.Warn("check not counted", "err", err)
	}
	b.log.Info("checked", "source", source, "level", v.Level, "category", v.Category, "signals", len(v.Signals), "bytes", len(m.Text))
	return v, Reply{}, true
}

// verdictText is the whole answer to a check.
func (b *Bot) verdictText(v scam.Verdict, text, lang, country string) Text {
	e := b.words.Explain(v, text, lang)
	t := Text{para(bold(e.Headline)), para(plain(e.Lead))}
	if e.Category != "" {
		t = append(t, para(bold(b.text(lang, "heading.category")+": "), plain(e.Category)))
	}
	if len(e.Flags) > 0 {
		t = append(t, heading(b.text(lang, "heading.red_flags")))
		for _, f := range e.Flags {
			t = append(t, item(plain(f.Text)))
			for _, q := range f.Quotes {
				t = append(t, Block{Kind: Sub, Spans: []Span{plain(b.text(lang, "label.evidence") + ": "), {Text: q, Style: Quoted}}})
			}
		}
	}
	t = append(t, heading(b.text(lang, "heading.what_to_do")))
	for _, a := range e.Advice {
		t = append(t, item(plain(a)))
	}
	if v.Level > scam.Low {
		t = append(t, b.placeText(lang, country)...)
	}
	for _, n := range e.Notes {
		t = append(t, para(plain(n)))
	}
	return t
}

// placeText says where to report in country.
func (b *Bot) placeText(lang, country string) Text {
	p := b.words.WhereToReport(b.directory, country, lang)
	var t Text
	if p.Heading != "" {
		t = append(t, heading(p.Heading))
	}
	for _, l := range p.Lines {
		s := []Span{bold(l.Label + ": "), plain(l.Address)}
		if l.Note != "" {
			s = append(s, plain(" ("+l.Note+")"))
		}
		t = append(t, item(s...))
	}
	return append(t, para(plain(p.Note)))
}

// shortVerdict is the one-line answer posted in a group.
func (b *Bot) shortVerdict(v scam.Verdict, lang string) Text {
	e := b.words.Explain(v, "", lang)
	line := []Span{bold(e.Headline)}
	if e.Category != "" {
		line = append(line, plain(" · "+e.Category))
	}
	return Text{para(line...)}
}

func (b *Bot) observe(source string, v scam.Verdict) {
	if b.cfg.Observer != nil {
		b.cfg.Observer.Checked(source, v.Level, v.Category)
	}
}
