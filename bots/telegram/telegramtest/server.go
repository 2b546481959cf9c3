// Package telegramtest is a fake Telegram Bot API server for end-to-end
// tests. It listens on loopback, speaks the real wire protocol (form, multipart
// or JSON calls to /bot<token>/<method>, {"ok":...} answers with Telegram's
// error codes and wording), so the real tgbotapi SDK can be driven against it;
// and it records what the bot sent, so a test can assert on it.
//
// A test pushes updates (Push, or DeliverWebhook for a bot on webhooks), the
// bot long-polls them and answers, and the test waits for the answers
// (WaitSent, WaitFor). Faults are injected per method (FailNext, DropNext)
// or per chat (Forbid). Every method of a Server is safe for concurrent use.
//
// Where it knowingly differs from Telegram: a bare '&' in HTML text is an
// error (Telegram shows it); parse modes other than HTML are refused; links
// in pushed messages are found by shape, not against the real list of
// top-level domains; setWebhook takes http:// URLs; DeliverWebhook never
// retries; there are no rate limits unless injected; media, inline mode,
// forum topics and the methods not listed in this package answer 404.
package telegramtest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// DefaultToken is the token New gives its server.
const DefaultToken = "123456:TEST-token"

// Server is one fake Bot API server with one bot.
type Server struct {
	// URL is the server's base address, such as http://127.0.0.1:PORT.
	URL string
	// Token is the only token the server accepts; any other gets 401.
	Token string

	srv       *httptest.Server
	done      chan struct{} // closed by Close, so long polls let go
	closeOnce sync.Once

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every change; see notify
	bot     User

	// The update queue and long polling (updates.go).
	queue      []Update
	nextUpdate int64
	confirmed  int64
	pushedAt   map[int64]time.Time
	allowed    []string // nil: the default set
	pollSeq    int64
	polling    int // getUpdates calls waiting now

	// What the server knows of chats (messages.go, members.go).
	chats     map[int64]Chat
	users     map[int64]User
	messages  map[msgKey]Message
	nextMsg   map[int64]int64
	callbacks map[string]callbackState
	nextCB    int64
	members   map[memberKey]ChatMember
	commands  map[string][]BotCommand

	hook webhookState

	faults    map[string][]fault
	forbidden map[int64]string

	calls []Call
	sent  []Sent
}

// New starts a server with DefaultToken. Close it when done, typically with
// t.Cleanup(s.Close).
func New() *Server { return NewWithToken(DefaultToken) }

// NewWithToken starts a server that accepts only token.
func NewWithToken(token string) *Server {
	s := &Server{
		Token:   token,
		done:    make(chan struct{}),
		changed: make(chan struct{}),
		bot: User{
			ID: 7000001, IsBot: true, FirstName: "ScamWarn Test",
			Username: "scamwarn_test_bot", CanJoinGroups: true,
		},
		nextUpdate: 100001,
		pushedAt:   map[int64]time.Time{},
		chats:      map[int64]Chat{},
		users:      map[int64]User{},
		messages:   map[msgKey]Message{},
		nextMsg:    map[int64]int64{},
		callbacks:  map[string]callbackState{},
		members:    map[memberKey]ChatMember{},
		commands:   map[string][]BotCommand{},
		faults:     map[string][]fault{},
		forbidden:  map[int64]string{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.srv.URL
	return s
}

// Close wakes every waiting long poll and shuts the server down. It is safe
// to call more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		// httptest.Server.Close waits for handlers to return; the closed
		// done channel is what makes the long polls among them return.
		s.srv.CloseClientConnections()
		s.srv.Close()
	})
}

// Endpoint is the API endpoint format tgbotapi.NewBotAPIWithAPIEndpoint
// wants: URL + "/bot%s/%s".
func (s *Server) Endpoint() string { return s.URL + "/bot%s/%s" }

// Bot returns the bot user that getMe answers.
func (s *Server) Bot() User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bot
}

// SetBot changes the bot user that getMe answers, for instance to turn
// CanReadAllGroupMessages on (privacy mode off). IsBot is forced to true.
func (s *Server) SetBot(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u.IsBot = true
	s.bot = u
}

// handler serves one method. It runs with s.mu held; a handler that waits
// (getUpdates) releases it around the wait.
type handler func(s *Server, r *http.Request, p params) (any, *apiError)

// methods are keyed in lower case: the real server ignores the case of
// method names.
var methods = map[string]handler{
	"getme":                  (*Server).getMe,
	"getupdates":             (*Server).getUpdates,
	"sendmessage":            (*Server).sendMessage,
	"editmessagetext":        (*Server).editMessageText,
	"editmessagereplymarkup": (*Server).editMessageReplyMarkup,
	"deletemessage":          (*Server).deleteMessage,
	"answercallbackquery":    (*Server).answerCallbackQuery,
	"sendchataction":         (*Server).sendChatAction,
	"getchat":                (*Server).getChat,
	"getchatmember":          (*Server).getChatMember,
	"getchatadministrators":  (*Server).getChatAdministrators,
	"leavechat":              (*Server).leaveChat,
	"setwebhook":             (*Server).setWebhook,
	"deletewebhook":          (*Server).deleteWebhook,
	"getwebhookinfo":         (*Server).getWebhookInfo,
	"setmycommands":          (*Server).setMyCommands,
	"deletemycommands":       (*Server).deleteMyCommands,
	"getmycommands":          (*Server).getMyCommands,
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	token, method, ok := splitPath(r.URL.Path)
	p, readErr := readParams(r)
	call := Call{Method: method, Params: p, At: time.Now()}

	// The answer is decided under the lock and written outside it, so a
	// slow reader never holds up the rest of the server.
	s.mu.Lock()
	result, e, drop := s.dispatch(r, token, method, ok, p, readErr)
	switch {
	case drop:
		call.Dropped = true
	case e != nil:
		call.Failed = e.code
	}
	s.calls = append(s.calls, call)
	s.notify()
	s.mu.Unlock()

	switch {
	case drop:
		dropConnection(w)
	case e != nil:
		writeError(w, e)
	default:
		writeJSON(w, http.StatusOK, response{OK: true, Result: result})
	}
}

// dispatch checks the token, applies injected faults and runs the method.
// The caller holds s.mu.
func (s *Server) dispatch(r *http.Request, token, method string, pathOK bool, p url.Values, readErr error) (result any, e *apiError, drop bool) {
	if !pathOK {
		return nil, &apiError{code: http.StatusNotFound, desc: "Not Found"}, false
	}
	if token != s.Token {
		return nil, &apiError{code: http.StatusUnauthorized, desc: "Unauthorized"}, false
	}
	if f, ok := s.takeFault(method); ok {
		if f.drop {
			return nil, nil, true
		}
		return nil, errorFor(f.code, f.retryAfter), false
	}
	h, known := methods[strings.ToLower(method)]
	switch {
	case !known:
		return nil, &apiError{code: http.StatusNotFound, desc: "Not Found"}, false
	case readErr != nil:
		return nil, badRequest("can't parse request: " + readErr.Error()), false
	case r.Method != http.MethodPost && r.Method != http.MethodGet:
		return nil, &apiError{code: http.StatusMethodNotAllowed, desc: "Method Not Allowed"}, false
	}
	result, e = h(s, r, params(p))
	return result, e, false
}

// splitPath parses /bot<token>/<method>.
func splitPath(path string) (token, method string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/bot")
	if !ok {
		return "", "", false
	}
	token, method, ok = strings.Cut(rest, "/")
	if !ok || method == "" || strings.Contains(method, "/") {
		return "", "", false
	}
	return token, method, true
}

// notify wakes everything waiting for a change: long polls and the Wait
// methods. The caller holds s.mu.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) getMe(*http.Request, params) (any, *apiError) {
	return s.bot, nil
}
