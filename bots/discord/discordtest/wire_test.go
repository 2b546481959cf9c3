package discordtest_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
)

// These tests speak the gateway protocol by hand, to pin down frames that
// discordgo does not expose.

type frame struct {
	Op int             `json:"op"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
	D  json.RawMessage `json:"d"`
}

func dial(t *testing.T, srv *discordtest.Server) *websocket.Conn {
	t.Helper()
	c, _, err := srv.Dialer().Dial(srv.GatewayURL()+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	hello := read(t, c)
	var d struct {
		HeartbeatInterval int64 `json:"heartbeat_interval"`
	}
	if hello.Op != 10 || json.Unmarshal(hello.D, &d) != nil || d.HeartbeatInterval != 41250 {
		t.Fatalf("first frame %+v, want HELLO with 41250 ms", hello)
	}
	return c
}

func read(t *testing.T, c *websocket.Conn) frame {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	var f frame
	if err := c.ReadJSON(&f); err != nil {
		t.Fatalf("reading a frame: %v", err)
	}
	return f
}

func write(t *testing.T, c *websocket.Conn, op int, d any) {
	t.Helper()
	if err := c.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		t.Fatal(err)
	}
}

func TestWireIdentifyReadyAndHeartbeat(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := dial(t, f.srv)
	write(t, c, 2, map[string]any{"token": "Bot " + f.srv.Token(), "intents": 513, "properties": map[string]string{}})

	ready := read(t, c)
	var r struct {
		V                int    `json:"v"`
		SessionID        string `json:"session_id"`
		ResumeGatewayURL string `json:"resume_gateway_url"`
		Application      struct {
			ID string `json:"id"`
		} `json:"application"`
		Guilds []struct {
			ID          string `json:"id"`
			Unavailable bool   `json:"unavailable"`
		} `json:"guilds"`
		Shard [2]int `json:"shard"`
	}
	if ready.Op != 0 || *ready.T != "READY" || *ready.S != 1 || json.Unmarshal(ready.D, &r) != nil {
		t.Fatalf("got %+v, want READY with s 1", ready)
	}
	if r.V != 9 || r.SessionID == "" || r.Application.ID != f.srv.AppID() || len(r.Guilds) != 1 ||
		!r.Guilds[0].Unavailable || r.Shard != [2]int{0, 1} || !strings.HasPrefix(r.ResumeGatewayURL, "ws://127.0.0.1:") {
		t.Errorf("READY %+v", r)
	}
	create := read(t, c)
	if *create.T != "GUILD_CREATE" || *create.S != 2 || !strings.Contains(string(create.D), `"permission_overwrites":[]`) {
		t.Errorf("got %s %s, want GUILD_CREATE with s 2 and overwrites", *create.T, create.D)
	}

	write(t, c, 1, 2)
	if ack := read(t, c); ack.Op != 11 {
		t.Errorf("got op %d, want 11 HEARTBEAT_ACK", ack.Op)
	}
	if n := f.srv.Heartbeats(); n != 1 {
		t.Errorf("heartbeats = %d, want 1", n)
	}
}

func TestWireRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		op       int
		d        any
		wantOp   int // a frame instead of a close
		wantCode int
	}{
		{"an unknown opcode closes with 4001", 42, nil, 0, 4001},
		{"a request before identifying closes with 4003", 8, map[string]any{"guild_id": "1"}, 0, 4003},
		{"an unknown shard closes with 4010", 2, map[string]any{"token": discordtest.DefaultToken, "shard": []int{2, 2}}, 0, 4010},
		{"resuming an unknown session answers op 9", 6, map[string]any{"token": discordtest.DefaultToken, "session_id": "nope", "seq": 1}, 9, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			c := dial(t, f.srv)
			write(t, c, tt.op, tt.d)
			_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
			var got frame
			err := c.ReadJSON(&got)
			if tt.wantOp != 0 {
				if err != nil || got.Op != tt.wantOp || string(got.D) != "false" {
					t.Errorf("got %+v, %v; want op %d with d false", got, err, tt.wantOp)
				}
				return
			}
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.wantCode {
				t.Errorf("got %v, want close %d", err, tt.wantCode)
			}
		})
	}
}

func TestCloseIsPromptWithIdleClients(t *testing.T) {
	t.Parallel()
	srv := discordtest.New()
	c := dial(t, srv)
	done := make(chan struct{})
	go func() {
		srv.Close()
		srv.Close() // twice is fine
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Close hangs while a gateway client idles")
	}
	_ = c.SetReadDeadline(time.Now().Add(time.Second))
	if _, _, err := c.ReadMessage(); err == nil {
		t.Error("the connection survived Close")
	}
}
