package bot

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// command answers a slash command.
func (b *Bot) command(ctx context.Context, r Request, lang, country, cmd, args string) []Reply {
	switch cmd {
	case "start", "help":
		return b.help(r, lang, cmd == "start")
	case "privacy":
		return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: textOf(b.text(lang, "privacy.notice"))}}
	case "check":
		return b.checkCommand(ctx, r, lang, country, args)
	case "language":
		return b.languageCommand(ctx, r, lang, args)
	case "country":
		return b.countryCommand(ctx, r, lang, args)
	case "tip":
		return b.tipNow(ctx, r, lang)
	case "tips":
		return b.tipsCommand(ctx, r, lang, args)
	case "alerts":
		return b.alertsCommand(ctx, r, lang, args)
	case "feedback":
		return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: textOf(b.text(lang, "feedback.help"))}}
	}
	if r.ChatType != Private {
		// In a group, other bots' commands are none of our business.
		return nil
	}
	return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: textOf(b.text(lang, "error.unknown_command"))}}
}

func (b *Bot) help(r Request, lang string, start bool) []Reply {
	t := textOf(b.text(lang, "help.about"), b.text(lang, "help.how"), b.text(lang, "help.commands"), b.text(lang, "help.admin"))
	if start {
		t = append(t, para(plain(b.text(lang, "privacy.notice"))))
	}
	return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: t}}
}

// checkCommand checks the text after /check, or the message /check
// replies to. In a group the answer there is short, and the details go to
// the user privately when the user has a private chat with the bot.
func (b *Bot) checkCommand(ctx context.Context, r Request, lang, country, args string) []Reply {
	m := scam.Message{Text: args, Lang: r.Message.Lang}
	replyTo := r.MessageID
	if args == "" && r.ReplyTo != nil && !r.ReplyTo.FromBot {
		m, replyTo = r.ReplyTo.Message, r.ReplyTo.MessageID
	} else if args != "" {
		// Links the platform knows sit in the whole message; keep those
		// inside the arguments, with spans moved to the arguments' text.
		m.Links = linksWithin(r.Message, args)
	}
	if strings.TrimSpace(m.Text) == "" && len(m.Links) == 0 {
		return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: textOf(b.text(lang, "check.reply_needed"))}}
	}
	if r.ChatType == Private {
		return b.checkAndAnswer(ctx, r, lang, country, m, replyTo)
	}
	if r.PrivateAnswer {
		// Seen by the user alone: in full, where to report in their own
		// country when they set one.
		if us, err := b.store.Settings(ctx, userRef(r.Chat.Platform, r.User.ID)); err == nil && us.Country != "" {
			country = us.Country
		}
		return b.checkAndAnswer(ctx, r, lang, country, m, replyTo)
	}
	v, errReply, ok := b.runCheck(ctx, r, lang, m, "check")
	if !ok {
		return []Reply{errReply}
	}
	short := b.shortVerdict(v, lang)
	if !b.started(ctx, r) {
		short = append(short, para(plain(b.text(lang, "check.start_private"))))
		return []Reply{{Chat: r.Chat, ReplyTo: replyTo, Body: short, Verdict: &v.Level}}
	}
	short = append(short, para(plain(b.text(lang, "check.details_private"))))
	// The private answer is in the user's own language and country.
	userLang := b.words.Match(r.User.Lang)
	userCountry := ""
	if s, err := b.store.Settings(ctx, userRef(r.Chat.Platform, r.User.ID)); err == nil {
		if s.Lang != "" {
			userLang = b.words.Match(s.Lang)
		}
		userCountry = s.Country
	}
	return []Reply{
		{Chat: r.Chat, ReplyTo: replyTo, Body: short, Verdict: &v.Level},
		{ToUser: true, Body: b.verdictText(v, m.Text, userLang, userCountry), Buttons: b.feedbackButtons(v, userLang), Verdict: &v.Level},
	}
}

// started reports whether the user of r has a private chat with the bot,
// as the platform says or as the bot remembers from earlier private chats.
func (b *Bot) started(ctx context.Context, r Request) bool {
	if r.User.Started {
		return true
	}
	if r.User.ID == "" {
		return false
	}
	at, err := b.store.LastActivity(ctx, userRef(r.Chat.Platform, r.User.ID))
	if err != nil {
		b.log.Warn("cannot tell whether the user started the bot", "err", err)
	}
	return !at.IsZero()
}

// linksWithin returns the links of m whose span lies inside the part of
// m.Text that is args (the text after a command), with spans relative to
// args, plus links that have no span (buttons).
func linksWithin(m scam.Message, args string) []scam.Link {
	off := strings.LastIndex(m.Text, args)
	var out []scam.Link
	for _, l := range m.Links {
		switch {
		case l.Span == (scam.Span{}):
			out = append(out, l)
		case off >= 0 && l.Span.Start >= off && l.Span.End <= off+len(args):
			l.Span = scam.Span{Start: l.Span.Start - off, End: l.Span.End - off}
			out = append(out, l)
		}
	}
	return out
}

// mayConfigure reports whether the user of r may change the chat's
// settings: anyone in a private chat, admins in groups and channels.
func (b *Bot) mayConfigure(ctx context.Context, r Request) (bool, error) {
	if r.ChatType == Private || r.FromAdmin {
		return true, nil
	}
	if r.IsAdmin == nil {
		return false, nil
	}
	ok, err := r.IsAdmin(ctx)
	if err != nil {
		return false, scam.Wrap(scam.CodeUnavailable, "cannot check who administers this chat", err)
	}
	return ok, nil
}

func (b *Bot) languageName(code string) string {
	tag := language.Make(code)
	if name := display.Self.Name(tag); name != "" {
		return name + " (" + code + ")"
	}
	return code
}

func (b *Bot) languageCommand(ctx context.Context, r Request, lang, args string) []Reply {
	reply := func(t Text) []Reply { return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: t}} }
	var choices []string
	for _, l := range b.words.Languages() {
		choices = append(choices, b.languageName(l))
	}
	how := b.words.Text(lang, "settings.language.how", strings.Join(choices, ", "))
	if args == "" {
		return reply(textOf(b.words.Text(lang, "settings.language.now", b.languageName(lang)), how))
	}
	want := strings.ToLower(strings.Fields(args)[0])
	if !b.supported(want) {
		return reply(textOf(b.words.Text(lang, "error.bad_argument", ""), how))
	}
	if ok, err := b.mayConfigure(ctx, r); err != nil || !ok {
		return []Reply{b.errorReply(r, lang, forbiddenOr(err))}
	}
	s, err := b.store.Settings(ctx, settingsRef(r))
	if err != nil {
		return []Reply{b.errorReply(r, lang, err)}
	}
	s.Lang = b.words.Match(want)
	if err := b.store.SaveSettings(ctx, settingsRef(r), s); err != nil {
		return []Reply{b.errorReply(r, lang, err)}
	}
	return reply(textOf(b.words.Text(s.Lang, "settings.language.set", b.languageName(s.Lang))))
}

// supported reports whether code names a language the catalog has.
func (b *Bot) supported(code string) bool {
	if _, err := language.Parse(code); err != nil {
		return false // an unknown code would read as "und", whose likely base is English
	}
	m := b.words.Match(code)
	base, _ := language.Make(code).Base()
	mb, _ := language.Make(m).Base()
	return base == mb
}

func (b *Bot) countryCommand(ctx context.Context, r Request, lang, args string) []Reply {
	reply := func(t Text) []Reply { return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: t}} }
	s, err := b.store.Settings(ctx, settingsRef(r))
	if err != nil {
		return []Reply{b.errorReply(r, lang, err)}
	}
	if args == "" {
		if s.Country == "" {
			return reply(textOf(b.text(lang, "settings.country.none")))
		}
		return reply(textOf(b.words.Text(lang, "settings.country.now", b.directory.CountryName(s.Country, lang)+" ("+s.Country+")")))
	}
	if ok, err := b.mayConfigure(ctx, r); err != nil || !ok {
		return []Reply{b.errorReply(r, lang, forbiddenOr(err))}
	}
	want := strings.ToUpper(strings.Fields(args)[0])
	switch want {
	case "OFF", "NONE", "-":
		s.Country = ""
		if err := b.store.SaveSettings(ctx, settingsRef(r), s); err != nil {
			return []Reply{b.errorReply(r, lang, err)}
		}
		return reply(textOf(b.text(lang, "settings.country.cleared")))
	}
	region, err := language.ParseRegion(want)
	if err != nil || len(want) != 2 || !region.IsCountry() {
		return reply(textOf(b.text(lang, "settings.country.none")))
	}
	s.Country = want
	if err := b.store.SaveSettings(ctx, settingsRef(r), s); err != nil {
		return []Reply{b.errorReply(r, lang, err)}
	}
	t := textOf(b.words.Text(lang, "settings.country.set", b.directory.CountryName(want, lang)+" ("+want+")"))
	return reply(append(t, b.placeText(lang, want)...))
}

func forbiddenOr(err error) error {
	if err != nil {
		return err
	}
	return scam.Errorf(scam.CodeForbidden, "admins only")
}

// tipNow posts a tip in the chat at once and remembers it for rotation.
func (b *Bot) tipNow(ctx context.Context, r Request, lang string) []Reply {
	seen, _, err := b.store.TipsSeen(ctx, r.Chat, 1000)
	if err != nil {
		b.log.Warn("tip history unavailable", "err", err)
	}
	tip, err := b.tips.PickTip(r.Chat, lang, nil, seen, b.cfg.Now())
	if err != nil {
		return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: textOf(b.text(lang, "tip.none"))}}
	}
	if err := b.store.RecordTip(ctx, r.Chat, tip.ID, b.cfg.Now()); err != nil {
		b.log.Warn("tip not recorded", "err", err)
	}
	return []Reply{{Chat: r.Chat, ReplyTo: r.MessageID, Body: b.TipText(tip, lang)}}
}

// TipText words a tip for posting: the heading, its title, its body and
// its sources. The scheduler's posts use it too.
func (b *Bot) TipText(tip scam.Tip, lang string) Text {
	t := Text{heading(b.text(lang, "tip.heading") + ": " + tip.Title)}
	for _, p := range strings.Split(tip.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			t = append(t, para(plain(p)))
		}
	}
	if len(tip.Sources) > 0 {
		var spans []Span
		spans = append(spans, plain(b.text(lang, "tip.sources")+": "))
		for i, src := range tip.Sources {
			if i > 0 {
				spans = append(spans, plain(" · "))
			}
			spans = append(spans, sourceSpan(i+1, src))
		}
		t = append(t, para(spans...))
	}
	return t
}

// sourceSpan is a tip's source: a numbered link, or, when the research
// notes kept only the start of the address ("https://site/path/..."), the
// site's name unlinked, since a cut address leads nowhere.
func sourceSpan(n int, src string) Span {
	if !strings.HasSuffix(src, "...") {
		return Span{Text: strconv.Itoa(n), Link: src}
	}
	site := src
	if u, err := url.Parse(src); err == nil && u.Host != "" {
		site = strings.TrimPrefix(u.Host, "www.")
	}
	return Span{Text: strconv.Itoa(n) + " (" + site + ")"}
}
