package telegramtest

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// maxPollTimeout is the longest long poll the real server holds, whatever
// the client asks.
const maxPollTimeout = 50 * time.Second

// defaultAllowed is what Telegram sends a bot that never chose: everything
// but chat_member (and kinds this fake does not model).
var defaultAllowed = []string{
	"message", "edited_message", "channel_post", "edited_channel_post",
	"callback_query", "my_chat_member",
}

// Push queues u for the bot and returns its update_id. It numbers the
// update (from 100001), gives a message without a message_id the next id
// of its chat, a callback query without an id a fresh one; it dates
// undated messages now and, like Telegram, marks commands, mentions and
// links in a message without Entities (pass an empty, non-nil slice for
// none). The server then knows the message, so replies to it validate.
//
// The ids are written into u's message and callback query in place, so
// u.Message.MessageID can be read after Push; the queue shares them, so do
// not change u afterwards.
func (s *Server) Push(u Update) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.admit(&u)
	s.queue = append(s.queue, u)
	s.notify()
	return u.UpdateID
}

// admit numbers u and learns its chats, users and messages. The caller
// holds s.mu.
func (s *Server) admit(u *Update) {
	u.UpdateID = s.nextUpdate
	s.nextUpdate++
	s.pushedAt[u.UpdateID] = time.Now()
	if m := u.message(); m != nil {
		edited := u.EditedMessage != nil || u.EditedChannelPost != nil
		if m.MessageID == 0 && !edited {
			m.MessageID = s.newMessageID(m.Chat.ID)
		}
		if m.Date == 0 {
			m.Date = time.Now().Unix()
		}
		if edited && m.EditDate == 0 {
			m.EditDate = time.Now().Unix()
		}
		if m.Entities == nil && m.Text != "" {
			m.Entities = detectEntities(m.Text)
		}
		if m.CaptionEntities == nil && m.Caption != "" {
			m.CaptionEntities = detectEntities(m.Caption)
		}
		s.remember(*m)
	}
	if q := u.CallbackQuery; q != nil {
		if q.ID == "" {
			s.nextCB++
			q.ID = strconv.FormatInt(4000000000000000000+s.nextCB, 10)
		}
		chatID := int64(0)
		if q.Message != nil {
			chatID = q.Message.Chat.ID
			s.learnChat(q.Message.Chat)
		}
		if q.ChatInstance == "" {
			q.ChatInstance = strconv.FormatInt(-chatID*7+13, 10)
		}
		s.users[q.From.ID] = q.From
		s.callbacks[q.ID] = callbackState{chatID: chatID}
	}
	for _, cm := range []*ChatMemberUpdated{u.MyChatMember, u.ChatMember} {
		if cm == nil {
			continue
		}
		if cm.Date == 0 {
			cm.Date = time.Now().Unix()
		}
		s.learnChat(cm.Chat)
		s.users[cm.From.ID] = cm.From
		m := cm.NewChatMember
		s.users[m.User.ID] = m.User
		s.members[memberKey{cm.Chat.ID, m.User.ID}] = m
	}
}

// PushedAt returns when the update was pushed (or delivered to the
// webhook), for measuring how fast the bot answers; zero if unknown.
func (s *Server) PushedAt(updateID int64) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pushedAt[updateID]
}

// Confirmed returns the highest offset the bot has confirmed: every update
// with a smaller id is gone from the queue. It is 0 before the first
// getUpdates with an offset.
func (s *Server) Confirmed() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.confirmed
}

// WaitConfirmed waits until the bot has confirmed the update updateID, that
// is until a getUpdates came with an offset above it.
func (s *Server) WaitConfirmed(ctx context.Context, updateID int64) error {
	return s.waitUntil(ctx, func() bool { return s.confirmed > updateID })
}

// WaitPolling waits until a getUpdates is holding a long poll open, which
// tells a test that the bot is up and listening.
func (s *Server) WaitPolling(ctx context.Context) error {
	return s.waitUntil(ctx, func() bool { return s.polling > 0 })
}

// Pending returns how many updates wait in the queue, handed out or not.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// getUpdates hands out queued updates from offset on, and when there are
// none holds the request up to timeout seconds for a Push. An update stays
// queued until a later call confirms it with a higher offset, so a bot that
// restarts with an old offset gets it again, as from Telegram.
func (s *Server) getUpdates(r *http.Request, p params) (any, *apiError) {
	if s.hook.url != "" {
		return nil, conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
	}
	if p.has("allowed_updates") {
		var kinds []string
		if err := json.Unmarshal([]byte(p.str("allowed_updates")), &kinds); err != nil {
			return nil, badRequest("can't parse allowed updates")
		}
		// Like Telegram, the choice sticks until changed; an empty list
		// goes back to the default.
		s.allowed = kinds
	}
	offset := p.int64("offset")
	s.confirm(offset)
	limit := int(p.int64("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout := min(time.Duration(max(p.int64("timeout"), 0))*time.Second, maxPollTimeout)
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()

	// A newer getUpdates ends this one with a conflict, as on Telegram
	// when two instances of a bot poll at once.
	s.pollSeq++
	seq := s.pollSeq
	s.notify()
	waiting := false
	defer func() {
		if waiting {
			s.polling--
		}
	}()
	for {
		if got := s.takeUpdates(offset, limit); len(got) > 0 {
			return got, nil
		}
		if !waiting && timeout > 0 {
			waiting = true
			s.polling++
			s.notify()
		}
		changed := s.changed
		s.mu.Unlock()
		var expired bool
		select {
		case <-changed:
		case <-deadline.C:
			expired = true
		case <-r.Context().Done():
			expired = true
		case <-s.done:
			expired = true
		}
		s.mu.Lock()
		switch {
		case s.pollSeq != seq:
			return nil, conflict("terminated by other getUpdates request; make sure that only one bot instance is running")
		case s.hook.url != "":
			return nil, conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
		case expired:
			return s.takeUpdates(offset, limit), nil
		}
	}
}

// confirm applies a getUpdates offset: a positive one forgets every update
// below it, a negative one keeps only the last -offset updates. The caller
// holds s.mu.
func (s *Server) confirm(offset int64) {
	switch {
	case offset > 0:
		s.queue = slices.DeleteFunc(s.queue, func(u Update) bool { return u.UpdateID < offset })
	case offset < 0:
		if keep := int(-offset); keep < len(s.queue) {
			s.queue = slices.Delete(s.queue, 0, len(s.queue)-keep)
		}
		if len(s.queue) == 0 {
			return
		}
		offset = s.queue[0].UpdateID
	default:
		return
	}
	if offset > s.confirmed {
		s.confirmed = offset
		s.notify()
	}
}

// takeUpdates returns up to limit queued updates from offset on, never nil.
// Updates of a kind the bot did not ask for are dropped from the queue,
// since Telegram would never have queued them. The caller holds s.mu.
func (s *Server) takeUpdates(offset int64, limit int) []Update {
	allowed := s.allowed
	if len(allowed) == 0 {
		allowed = defaultAllowed
	}
	s.queue = slices.DeleteFunc(s.queue, func(u Update) bool {
		k := u.Kind()
		return k != "" && !slices.Contains(allowed, k)
	})
	out := []Update{}
	for _, u := range s.queue {
		if u.UpdateID >= offset && len(out) < limit {
			out = append(out, u)
		}
	}
	return out
}
