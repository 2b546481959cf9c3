package telegramtest

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Call is one request the server received, whatever became of it.
type Call struct {
	Method string
	// Params holds the call's parameters; a JSON body is flattened into it,
	// with non-string values kept as JSON text.
	Params url.Values
	At     time.Time
	// Failed is the error_code answered, or 0 when the call succeeded.
	Failed int
	// Dropped is set when DropNext closed the connection instead.
	Dropped bool
}

// Sent is one thing the bot did that a chat user would see. Only successful
// calls are recorded.
type Sent struct {
	// Method is "sendMessage", "editMessageText", "editMessageReplyMarkup",
	// "deleteMessage" or "answerCallbackQuery".
	Method string
	ChatID int64
	// MessageID is the message created, edited or deleted.
	MessageID int64
	// Text is the text as the bot sent it, tags and all; Plain is what the
	// user reads after parsing, and Entities the formatting parsed out.
	Text      string
	Plain     string
	Entities  []MessageEntity
	ParseMode string
	ReplyTo   int64
	// NoPreview is set when the bot turned link previews off.
	NoPreview bool
	Markup    *InlineKeyboardMarkup
	// CallbackID and ShowAlert are set for answerCallbackQuery, whose Text
	// is the notification shown.
	CallbackID string
	ShowAlert  bool
	At         time.Time
}

// Calls returns the calls of method (case ignored), or all calls when
// method is "", oldest first.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			c.Params = cloneValues(c.Params)
			out = append(out, c)
		}
	}
	return out
}

// Sent returns what the bot sent so far, oldest first.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// WaitSent waits until the bot has sent at least n things and returns them
// all, or returns ctx's error with what was sent by then.
func (s *Server) WaitSent(ctx context.Context, n int) ([]Sent, error) {
	var got []Sent
	err := s.waitUntil(ctx, func() bool {
		got = append([]Sent(nil), s.sent...)
		return len(got) >= n
	})
	return got, err
}

// WaitFor waits until cond holds for what the bot has sent so far. cond
// runs with the server locked: it must not call the server.
func (s *Server) WaitFor(ctx context.Context, cond func([]Sent) bool) error {
	return s.waitUntil(ctx, func() bool { return cond(slices.Clone(s.sent)) })
}

// Reset forgets the recorded calls and sent messages. The update queue,
// known messages, members, webhook and faults stay.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls, s.sent = nil, nil
	s.notify()
}

// waitUntil re-checks cond, with s.mu held, after every change until it
// holds, ctx ends or the server closes.
func (s *Server) waitUntil(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok, changed := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		case <-s.done:
			return errClosed
		}
	}
}

// record appends to the sent log. The caller holds s.mu.
func (s *Server) record(x Sent) {
	x.At = time.Now()
	s.sent = append(s.sent, x)
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
