package discordtest

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Defaults of a new Server.
const (
	DefaultToken             = "test-bot-token"
	DefaultBotID             = "1100000000000000001"
	DefaultHeartbeatInterval = 41250 * time.Millisecond
	DefaultDeadline          = 3 * time.Second
	DefaultTokenLifetime     = 15 * time.Minute
)

// Server is one fake Discord with one bot application.
type Server struct {
	srv       *httptest.Server
	transport *http.Transport
	addr      string // 127.0.0.1:PORT
	wg        sync.WaitGroup

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every change; see notifyLocked
	closed  bool

	token         string
	bot           User
	heartbeat     time.Duration
	deadline      time.Duration
	tokenLifetime time.Duration
	allowContent  bool

	// Gateway (gateway.go, dispatch.go).
	conns      map[*gwConn]struct{}
	sessions   map[string]*gwSession
	identified []Identify
	resumes    int
	heartbeats int

	// What the fake knows (state.go, messages.go).
	guilds     map[string]*guildState
	guildOrder []string
	channels   map[string]*channelState
	users      map[string]User
	dms        map[string]string // user id → DM channel id
	noDMs      map[string]bool
	messages   map[string]*Message

	// Interactions and commands (interactions.go, commands.go).
	interactions map[string]*interactionState
	byToken      map[string]*interactionState
	commands     map[string][]ApplicationCommand // "" global, else guild id

	faults []fault

	sent      []Sent
	responses []Response
	edits     []Edit
	deletes   []Delete
	calls     []Call
}

// New starts a fake Discord on loopback. Close it when done; close the
// discordgo session first (discordgo reconnects forever when the gateway
// disappears under it).
func New() *Server {
	s := &Server{
		changed:       make(chan struct{}),
		token:         DefaultToken,
		bot:           User{ID: DefaultBotID, Username: "scamwarn-test", Discriminator: "0", Bot: true},
		heartbeat:     DefaultHeartbeatInterval,
		deadline:      DefaultDeadline,
		tokenLifetime: DefaultTokenLifetime,
		allowContent:  true,
		conns:         map[*gwConn]struct{}{},
		sessions:      map[string]*gwSession{},
		guilds:        map[string]*guildState{},
		channels:      map[string]*channelState{},
		users:         map[string]User{},
		dms:           map[string]string{},
		noDMs:         map[string]bool{},
		messages:      map[string]*Message{},
		interactions:  map[string]*interactionState{},
		byToken:       map[string]*interactionState{},
		commands:      map[string][]ApplicationCommand{},
	}
	s.users[s.bot.ID] = s.bot
	root := http.NewServeMux()
	root.HandleFunc("/gateway", s.serveGateway)
	root.HandleFunc("/gateway/", s.serveGateway)
	root.Handle("/api/", s.apiHandler())
	s.srv = httptest.NewServer(root)
	s.addr = strings.TrimPrefix(s.srv.URL, "http://")
	s.transport = &http.Transport{
		Proxy:               nil, // loopback must never go through a proxy from the environment
		DialContext:         s.dialFake,
		MaxIdleConnsPerHost: 16,
		IdleConnTimeout:     30 * time.Second,
	}
	return s
}

// dialFake connects to the fake whatever address was asked for, so requests
// and websocket dials for discord.com end up here.
func (s *Server) dialFake(ctx context.Context, network, _ string) (net.Conn, error) {
	d := net.Dialer{Timeout: 5 * time.Second}
	return d.DialContext(ctx, network, s.addr)
}

// Close closes every gateway connection and the HTTP server. It does not
// wait for clients: discordgo sessions still open start reconnecting.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.conns = map[*gwConn]struct{}{}
	for _, sess := range s.sessions {
		sess.end()
	}
	s.notifyLocked()
	s.mu.Unlock()

	for _, c := range conns {
		c.kill()
	}
	s.srv.Close()
	s.transport.CloseIdleConnections()
	s.wg.Wait()
}

// URL is the fake's base address, http://127.0.0.1:PORT.
func (s *Server) URL() string { return s.srv.URL }

// GatewayURL is the websocket address GET /gateway answers.
func (s *Server) GatewayURL() string { return "ws://" + s.addr + "/gateway" }

// Client returns an HTTP client for discordgo's Session.Client: it sends
// every request, whatever its scheme and host (https://discord.com/api/v9/…,
// https://cdn.discordapp.com/…), to the fake, keeping path and query.
func (s *Server) Client() *http.Client {
	return &http.Client{Transport: rewriter{host: s.addr, next: s.transport}, Timeout: 10 * time.Second}
}

// Dialer returns a websocket dialer for discordgo's Session.Dialer. The
// default dialer works too (the gateway URL is already the fake's); this one
// dials the fake whatever the host, ignores proxy settings and gives up a
// handshake after 5 s instead of 45 s.
func (s *Server) Dialer() *websocket.Dialer {
	return &websocket.Dialer{NetDialContext: s.dialFake, HandshakeTimeout: 5 * time.Second}
}

// rewriter points every request at the fake.
type rewriter struct {
	host string
	next http.RoundTripper
}

func (t rewriter) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Scheme == "http" && r.URL.Host == t.host {
		return t.next.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	r2.URL.Scheme = "http"
	r2.URL.Host = t.host
	r2.Host = t.host
	return t.next.RoundTrip(r2)
}

// Token returns the bot token the fake accepts (without the "Bot " prefix).
func (s *Server) Token() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.token
}

// SetToken changes the accepted bot token; set it before the bot connects.
func (s *Server) SetToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = token
}

// AppID returns the application id; as for most bots, it equals the bot
// user's id.
func (s *Server) AppID() string { return DefaultBotID }

// BotUser returns the bot's user.
func (s *Server) BotUser() User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bot
}

// SetHeartbeatInterval sets the interval HELLO announces to new connections.
func (s *Server) SetHeartbeatInterval(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.heartbeat = d
}

// SetDeadline sets how long after dispatch an interaction callback is still
// accepted (Discord: 3 s).
func (s *Server) SetDeadline(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deadline = d
}

// SetTokenLifetime sets how long an interaction token works for follow-ups
// and edits (Discord: 15 min).
func (s *Server) SetTokenLifetime(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokenLifetime = d
}

// AllowMessageContent says whether the app may ask for the privileged
// MESSAGE_CONTENT intent; when not, IDENTIFY with it is closed with 4014.
func (s *Server) AllowMessageContent(allowed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.allowContent = allowed
}

// tokenOKLocked accepts the token with or without the "Bot " prefix, as the
// gateway does. Callers hold s.mu.
func (s *Server) tokenOKLocked(token string) bool {
	return strings.TrimPrefix(token, "Bot ") == s.token
}
