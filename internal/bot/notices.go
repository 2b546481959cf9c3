package bot

import (
	"context"
	"crypto/rand"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Moderator notices go to another chat than the group: the moderators'
// group, or an admin's private chat with the bot. An admin asks for a code
// in the group ("/alerts notify") and sends it in that other chat
// ("/alerts notify CODE"), which proves they can write in both.
const (
	pairingTTL  = 10 * time.Minute
	maxPairings = 10000
	// codeAlphabet has no letters or digits that read alike (0/o, 1/l/i).
	codeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"
)

// pairing is a code handed out in a group, waiting for the chat that will
// get the group's notices.
type pairing struct {
	group   scam.ChatRef
	title   string
	user    string // who asked: only they may use the code
	expires time.Time
}

// pairNotices hands out a code for the group of r, valid ten minutes.
func (b *Bot) pairNotices(r Request) string {
	raw := make([]byte, 6)
	rand.Read(raw)
	code := make([]byte, len(raw))
	for i, c := range raw {
		code[i] = codeAlphabet[int(c)%len(codeAlphabet)]
	}
	now := b.cfg.Now()
	b.mu.Lock()
	defer b.mu.Unlock()
	for k, p := range b.pairings {
		if now.After(p.expires) || len(b.pairings) >= maxPairings {
			delete(b.pairings, k)
		}
	}
	b.pairings[string(code)] = pairing{group: r.Chat, title: r.ChatTitle, user: r.User.ID, expires: now.Add(pairingTTL)}
	return string(code)
}

// redeemNotices sends the notices of the group a code was handed out in to
// the chat of r.
func (b *Bot) redeemNotices(ctx context.Context, r Request, lang, code string) Text {
	b.mu.Lock()
	p, ok := b.pairings[code]
	ok = ok && !b.cfg.Now().After(p.expires) && p.user == r.User.ID && p.group.Platform == r.Chat.Platform
	if ok {
		delete(b.pairings, code)
	}
	b.mu.Unlock()
	if !ok {
		return textOf(b.text(lang, "alerts.notify.bad_code"))
	}
	if p.group == r.Chat {
		return textOf(b.text(lang, "alerts.usage"))
	}
	s, err := b.store.Settings(ctx, p.group)
	if err == nil {
		s.NoticeChat = r.Chat.ID
		err = b.store.SaveSettings(ctx, p.group, s)
	}
	if err != nil {
		return b.errorReply(r, lang, err).Body
	}
	title := p.title
	if title == "" {
		title = p.group.ID
	}
	return textOf(b.words.Text(lang, "alerts.notify", title))
}
