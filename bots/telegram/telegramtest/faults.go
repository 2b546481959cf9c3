package telegramtest

import (
	"net/http"
	"strings"
)

// fault is one injected failure waiting for its call.
type fault struct {
	drop       bool
	code       int
	retryAfter int
}

// FailNext makes the next n calls of method (as the SDK names it, such as
// "sendMessage"; case is ignored) fail with code. A 429 says "Too Many
// Requests: retry after N" and carries parameters.retry_after; other codes
// get Telegram's usual wording ("Internal Server Error", "Bad Gateway").
// retryAfter is sent only when positive. Faults queue up in call order.
func (s *Server) FailNext(method string, n, code, retryAfter int) {
	s.addFaults(method, n, fault{code: code, retryAfter: retryAfter})
}

// DropNext makes the next n calls of method end with the connection closed
// and no answer at all, which the client sees as a network error.
func (s *Server) DropNext(method string, n int) {
	s.addFaults(method, n, fault{drop: true})
}

// ClearFaults drops the failures still queued for method.
func (s *Server) ClearFaults(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.faults, strings.ToLower(method))
}

func (s *Server) addFaults(method string, n int, f fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(method)
	for range n {
		s.faults[key] = append(s.faults[key], f)
	}
}

// takeFault pops the next fault queued for method. The caller holds s.mu.
func (s *Server) takeFault(method string) (fault, bool) {
	key := strings.ToLower(method)
	q := s.faults[key]
	if len(q) == 0 {
		return fault{}, false
	}
	if len(q) == 1 {
		delete(s.faults, key)
	} else {
		s.faults[key] = q[1:]
	}
	return q[0], true
}

// Forbid makes every call aimed at chatID (sending, editing, deleting,
// reading members, leaving) fail with 403 and description, the way Telegram
// answers once the bot was blocked or kicked, for example "Forbidden: bot
// was kicked from the supergroup chat" or "Forbidden: bot was blocked by the
// user".
func (s *Server) Forbid(chatID int64, description string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forbidden[chatID] = description
}

// Unforbid lets calls into chatID through again.
func (s *Server) Unforbid(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.forbidden, chatID)
}

// checkChat reads chat_id and refuses it when the chat is forbidden. The
// caller holds s.mu.
func (s *Server) checkChat(p params) (int64, *apiError) {
	id, e := s.chatID(p)
	if e != nil {
		return 0, e
	}
	if desc, ok := s.forbidden[id]; ok {
		return 0, forbidden(desc)
	}
	return id, nil
}

// dropConnection closes the connection without writing anything. Falling
// back to a panic keeps the promise on a server that cannot hijack: the
// http server aborts the response on http.ErrAbortHandler.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
