package discordtest

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// gwSession is what IDENTIFY creates and RESUME continues. It outlives its
// connections: dispatches are numbered and kept in buffer, so a session that
// resumes gets what it missed, also while it had no connection.
type gwSession struct {
	id      string
	intents int64
	shard   [2]int
	seq     int64
	buffer  []gwFrame
	conn    *gwConn // nil while disconnected
	ended   bool    // invalidated or closed by the client: no resume
}

type gwFrame struct {
	seq  int64
	data []byte
}

// end makes the session unresumable. Callers hold Server.mu.
func (sess *gwSession) end() {
	sess.ended = true
	sess.buffer = nil
	if sess.conn != nil {
		sess.conn.session = nil
		sess.conn = nil
	}
}

// gwConn is one websocket connection. Frames go through a queue and a writer
// goroutine, so they leave in the order they were queued (under Server.mu)
// without holding any lock during network writes.
type gwConn struct {
	ws      *websocket.Conn
	wake    chan struct{}
	done    chan struct{}
	once    sync.Once
	session *gwSession // guarded by Server.mu
	beats   int        // heartbeats received, guarded by Server.mu

	mu      sync.Mutex
	queue   []outFrame
	closing bool // a close frame is queued: drop later frames, ignore input
}

type outFrame struct {
	data []byte
	code int // a close frame when not zero
	text string
}

func (c *gwConn) push(f outFrame) {
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return
	}
	c.closing = f.code != 0
	c.queue = append(c.queue, f)
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *gwConn) send(data []byte) { c.push(outFrame{data: data}) }

// closeWith sends a close frame with one of the gateway's close codes.
func (c *gwConn) closeWith(code int, text string) { c.push(outFrame{code: code, text: text}) }

func (c *gwConn) isClosing() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closing
}

// kill drops the TCP connection without a close frame.
func (c *gwConn) kill() {
	c.once.Do(func() {
		close(c.done)
		_ = c.ws.Close()
	})
}

func (c *gwConn) writeLoop() {
	for {
		select {
		case <-c.done:
			return
		case <-c.wake:
		}
		for {
			c.mu.Lock()
			if len(c.queue) == 0 {
				c.mu.Unlock()
				break
			}
			f := c.queue[0]
			c.queue = c.queue[1:]
			c.mu.Unlock()
			_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
			if f.code != 0 {
				_ = c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(f.code, f.text))
				// Let the client read the close frame and hang up itself;
				// closing first could reset the connection before it reads.
				_ = c.ws.SetReadDeadline(time.Now().Add(2 * time.Second))
				return
			}
			if err := c.ws.WriteMessage(websocket.TextMessage, f.data); err != nil {
				c.kill()
				return
			}
		}
	}
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if !websocket.IsWebSocketUpgrade(r) {
		writeJSON(w, http.StatusNotFound, &apiError{Code: 0, Message: "404: Not Found"})
		return
	}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered
	}
	c := &gwConn{ws: ws, wake: make(chan struct{}, 1), done: make(chan struct{})}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	interval := s.heartbeat
	s.wg.Add(2)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		c.writeLoop()
	}()
	defer s.wg.Done()

	q := r.URL.Query()
	switch {
	case q.Get("v") != "" && q.Get("v") != "9" && q.Get("v") != "10":
		c.closeWith(4012, "Invalid API version.")
	case q.Get("encoding") != "" && q.Get("encoding") != "json", q.Get("compress") != "":
		c.closeWith(4002, "Decode error.") // ETF and zlib-stream are not modelled
	default:
		c.send(mustJSON(map[string]any{"op": 10, "s": nil, "t": nil,
			"d": map[string]any{"heartbeat_interval": interval.Milliseconds()}}))
	}
	s.readLoop(c)
}

func (s *Server) readLoop(c *gwConn) {
	code := 0
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				code = ce.Code
			}
			break
		}
		if c.isClosing() {
			continue
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(data, &p); err != nil {
			c.closeWith(4002, "Decode error.")
			continue
		}
		s.handleOp(c, p.Op, p.D)
	}
	s.connGone(c, code)
}

func (s *Server) handleOp(c *gwConn, op int, d json.RawMessage) {
	switch op {
	case 1:
		s.mu.Lock()
		s.heartbeats++
		c.beats++
		s.notifyLocked()
		s.mu.Unlock()
		c.send([]byte(`{"op":11,"d":null,"s":null,"t":null}`))
	case 2:
		s.identify(c, d)
	case 6:
		s.resume(c, d)
	case 3, 4, 8: // presence, voice state, member requests: accepted, not modelled
		s.mu.Lock()
		authed := c.session != nil
		s.mu.Unlock()
		if !authed {
			c.closeWith(4003, "Not authenticated.")
		}
	default:
		c.closeWith(4001, "Unknown opcode.")
	}
}

// connGone forgets a connection. Its session stays resumable unless the
// client closed with 1000 or 1001, which on Discord ends the session.
func (s *Server) connGone(c *gwConn, code int) {
	s.mu.Lock()
	delete(s.conns, c)
	if sess := c.session; sess != nil {
		c.session = nil
		if sess.conn == c {
			sess.conn = nil
		}
		if code == websocket.CloseNormalClosure || code == websocket.CloseGoingAway {
			sess.end()
		}
	}
	s.notifyLocked()
	s.mu.Unlock()
	c.kill()
}

func (s *Server) identify(c *gwConn, d json.RawMessage) {
	var id struct {
		Token   string  `json:"token"`
		Intents int64   `json:"intents"`
		Shard   *[2]int `json:"shard"`
	}
	if err := json.Unmarshal(d, &id); err != nil {
		c.closeWith(4002, "Decode error.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
	}
	switch {
	case c.session != nil:
		c.closeWith(4005, "Already authenticated.")
		return
	case !s.tokenOKLocked(id.Token):
		c.closeWith(4004, "Authentication failed.")
		return
	case shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]:
		c.closeWith(4010, "Invalid shard.")
		return
	case id.Intents&IntentMessageContent != 0 && !s.allowContent:
		c.closeWith(4014, "Disallowed intent(s).")
		return
	}
	sess := &gwSession{id: randomHex(16), intents: id.Intents, shard: shard, conn: c}
	s.sessions[sess.id] = sess
	c.session = sess
	s.identified = append(s.identified, Identify{SessionID: sess.id, Intents: id.Intents, Shard: shard, At: time.Now()})

	type unavailable struct {
		ID          string `json:"id"`
		Unavailable bool   `json:"unavailable"`
	}
	var mine []*guildState
	guilds := []unavailable{}
	for _, gid := range s.guildOrder {
		if gs := s.guilds[gid]; gs != nil && shardOf(gid, shard[1]) == shard[0] {
			mine = append(mine, gs)
			guilds = append(guilds, unavailable{gid, true})
		}
	}
	s.sendLocked(sess, "READY", map[string]any{
		"v":                  9,
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": "ws://" + s.addr + "/gateway",
		"user":               s.bot,
		"application":        map[string]any{"id": s.bot.ID, "flags": 0},
		"guilds":             guilds,
		"private_channels":   []any{},
		"shard":              shard,
	})
	for _, gs := range mine {
		s.sendLocked(sess, "GUILD_CREATE", s.guildCreateLocked(gs, sess))
	}
	s.notifyLocked()
}

// guildCreateLocked is a guild as GUILD_CREATE sends it: all members only
// with the GUILD_MEMBERS intent, else just the bot.
func (s *Server) guildCreateLocked(gs *guildState, sess *gwSession) Guild {
	g := s.fullGuildLocked(gs)
	if sess.intents&IntentGuildMembers == 0 {
		g.Members = []Member{gs.members[s.bot.ID]}
	}
	return g
}

func (s *Server) resume(c *gwConn, d json.RawMessage) {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &r); err != nil {
		c.closeWith(4002, "Decode error.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case c.session != nil:
		c.closeWith(4005, "Already authenticated.")
		return
	case !s.tokenOKLocked(r.Token):
		c.closeWith(4004, "Authentication failed.")
		return
	}
	sess := s.sessions[r.SessionID]
	if sess == nil || sess.ended || r.Seq > sess.seq {
		c.send([]byte(`{"op":9,"d":false,"s":null,"t":null}`))
		return
	}
	if old := sess.conn; old != nil {
		old.session = nil
		old.kill()
	}
	sess.conn = c
	c.session = sess
	s.resumes++
	for _, f := range sess.buffer {
		if f.seq > r.Seq {
			c.send(f.data)
		}
	}
	s.sendLocked(sess, "RESUMED", map[string]any{})
	s.notifyLocked()
}

// liveLocked counts connections whose session is READY or RESUMED and whose
// client has started heartbeating. discordgo sends its first heartbeat as
// Open returns, so this is "connected" from the client's side too: a fault
// injected earlier races discordgo's own start-up (its heartbeat goroutine
// can then close the next connection and lose the session).
func (s *Server) liveLocked() int {
	n := 0
	for c := range s.conns {
		if c.session != nil && c.beats > 0 {
			n++
		}
	}
	return n
}
