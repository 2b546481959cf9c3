package telegram

import (
	"context"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// adminTTL is how long an answer of getChatMember is trusted. A demoted
// admin keeps their rights with the bot this long at most.
const adminTTL = 5 * time.Minute

// maxAdminEntries bounds the cache; it starts over when full.
const maxAdminEntries = 20000

// adminCache remembers, in memory only, whether users administer chats, so
// a busy group does not cost a getChatMember call per warning.
type adminCache struct {
	mu sync.Mutex
	m  map[[2]int64]adminEntry
}

type adminEntry struct {
	status  string
	canPost bool
	at      time.Time
}

func newAdminCache() *adminCache { return &adminCache{m: map[[2]int64]adminEntry{}} }

func (c *adminCache) get(chat, user int64, now time.Time) (adminEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[[2]int64{chat, user}]
	return e, ok && now.Sub(e.at) < adminTTL
}

func (c *adminCache) put(chat, user int64, e adminEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxAdminEntries {
		clear(c.m)
	}
	c.m[[2]int64{chat, user}] = e
}

// forgetChat drops what is known of a chat whose members changed.
func (c *adminCache) forgetChat(chat int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.m {
		if k[0] == chat {
			delete(c.m, k)
		}
	}
}

// member returns the status of user in chat, from the cache or Telegram.
func (b *Bot) member(ctx context.Context, chat, user int64) (adminEntry, error) {
	now := time.Now()
	if e, ok := b.admins.get(chat, user, now); ok {
		return e, nil
	}
	api := b.with(ctx)
	if api == nil {
		return adminEntry{}, scam.Errorf(scam.CodeUnavailable, "not connected to Telegram")
	}
	var m tgbotapi.ChatMember
	err := retry(ctx, b.cfg.MaxRetryWait, func() error {
		var err error
		m, err = api.GetChatMember(tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: chat, UserID: user}})
		return err
	})
	if err != nil {
		return adminEntry{}, err
	}
	e := adminEntry{status: m.Status, canPost: m.CanPostMessages, at: now}
	b.admins.put(chat, user, e)
	return e, nil
}

// isAdmin reports whether user administers chat.
func (b *Bot) isAdmin(ctx context.Context, chat, user int64) (bool, error) {
	e, err := b.member(ctx, chat, user)
	return e.status == "creator" || e.status == "administrator", err
}

// seesAll reports whether the bot receives every message of chat: privacy
// mode is off for the bot, or it is an admin there.
func (b *Bot) seesAll(ctx context.Context, chat int64) (bool, error) {
	api := b.api.Load()
	if api == nil {
		return false, scam.Errorf(scam.CodeUnavailable, "not connected to Telegram")
	}
	if api.Self.CanReadAllGroupMessages {
		return true, nil
	}
	return b.isAdmin(ctx, chat, api.Self.ID)
}
