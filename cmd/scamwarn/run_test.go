package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

// syncBuffer is a buffer the bot's log writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunServesTelegramAndStopsCleanly(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "scamwarn.db")
	env := []string{"TELEGRAM_TOKEN=" + srv.Token, "SCAMWARN_LOG_LEVEL=debug"}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var logs syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"run", "--db", db, "--telegram-api", srv.Endpoint()}, env, strings.NewReader(""), &bytes.Buffer{}, &logs)
	}()
	wctx, wcancel := context.WithTimeout(ctx, 20*time.Second)
	defer wcancel()
	if err := srv.WaitPolling(wctx); err != nil {
		t.Fatalf("the bot never polled: %v\n%s", err, logs.String())
	}

	// A dropped connection makes an error naming the address, which
	// holds the token: it must not reach the logs.
	srv.DropNext("getUpdates", 1)
	user := telegramtest.User{ID: 987654321, FirstName: "Ana", LanguageCode: "en"}
	u := telegramtest.Text(telegramtest.PrivateChat(user), &user, pigButchering)
	id := srv.Push(u)
	if err := srv.WaitFor(wctx, func(sent []telegramtest.Sent) bool {
		for _, s := range sent {
			if s.ReplyTo == u.Message.MessageID && strings.Contains(s.Plain, "Very likely a scam") {
				return true
			}
		}
		return false
	}); err != nil {
		t.Fatalf("no verdict: %v", err)
	}

	// The dropped poll has happened and polling resumed before the stop,
	// so the confirmation at shutdown meets no fault.
	for !dropped(srv) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.WaitPolling(wctx); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run ended with %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
	if srv.Confirmed() <= id {
		t.Errorf("the update was not confirmed at shutdown (offset %d)", srv.Confirmed())
	}

	// Logs are JSON lines, and hold neither the text nor the user's id.
	out := logs.String()
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Errorf("not a JSON log line: %q", line)
		}
	}
	for _, secret := range []string{"uncle", "USDT", strconv.FormatInt(user.ID, 10), srv.Token} {
		if strings.Contains(out, secret) {
			t.Errorf("the logs hold %q", secret)
		}
	}
	for _, want := range []string{`bot<token>/getUpdates`, `"msg":"connected"`, `"msg":"checked"`, `"msg":"updates confirmed"`, `"msg":"scamwarn stopped"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the logs lack %s:\n%s", want, out)
		}
	}
}

func TestRunNeedsAToken(t *testing.T) {
	_, _, err := runCmd(t, "", "run", "--db", filepath.Join(t.TempDir(), "x.db"))
	if err == nil || !strings.Contains(err.Error(), "TELEGRAM_TOKEN") || !strings.Contains(err.Error(), "scamwarn chat") {
		t.Errorf("run without a token: %v", err)
	}
}

func TestRunRefusesABadToken(t *testing.T) {
	srv := telegramtest.New()
	defer srv.Close()
	var stderr bytes.Buffer
	err := run(t.Context(), []string{"run", "--db", filepath.Join(t.TempDir(), "x.db"), "--telegram-api", srv.Endpoint()},
		[]string{"TELEGRAM_TOKEN=999:wrong"}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if err == nil || !strings.Contains(err.Error(), "refused the bot token") {
		t.Errorf("run with a wrong token: %v", err)
	}
}

func dropped(srv *telegramtest.Server) bool {
	for _, c := range srv.Calls("getUpdates") {
		if c.Dropped {
			return true
		}
	}
	return false
}

func TestRunServesDiscordAndTelegramTogether(t *testing.T) {
	tg := telegramtest.New()
	defer tg.Close()
	dc := discordtest.New()
	alice := discordtest.NewUser("alice")
	db := filepath.Join(t.TempDir(), "scamwarn.db")
	env := []string{"TELEGRAM_TOKEN=" + tg.Token, "DISCORD_TOKEN=" + dc.Token()}
	httpAddr := freeAddr(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var logs syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"run", "--db", db, "--telegram-api", tg.Endpoint(), "--discord-api", dc.URL(), "--http", httpAddr}, env, strings.NewReader(""), &bytes.Buffer{}, &logs)
	}()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run ended with %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("run did not stop")
		}
		dc.Close()
	}()
	wctx, wcancel := context.WithTimeout(ctx, 20*time.Second)
	defer wcancel()
	if err := dc.WaitConnected(wctx); err != nil {
		t.Fatalf("Discord never connected: %v\n%s", err, logs.String())
	}
	if err := tg.WaitPolling(wctx); err != nil {
		t.Fatalf("Telegram never polled: %v", err)
	}
	// The HTTP listener starts beside the platforms, not before them: wait
	// for it rather than race it.
	var resp *http.Response
	for {
		var err error
		if resp, err = http.Get("http://" + httpAddr + "/readyz"); err == nil {
			break
		}
		if wctx.Err() != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	ready, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(ready), `"discord":"up"`) || !strings.Contains(string(ready), `"telegram":"up"`) || !strings.Contains(string(ready), `"database":"up"`) {
		t.Errorf("readyz: %d %s", resp.StatusCode, ready)
	}
	dm := dc.MessageCreate(dc.DM(alice, pigButchering))
	if err := dc.WaitFor(wctx, func(s discordtest.Snapshot) bool {
		for _, m := range s.Sent {
			if m.ChannelID == dm.ChannelID && len(m.Embeds) > 0 && strings.Contains(m.Embeds[0].Title, "Very likely a scam") {
				return true
			}
		}
		return false
	}); err != nil {
		t.Fatalf("no Discord verdict: %v\n%s", err, logs.String())
	}
	if strings.Contains(logs.String(), dc.Token()) || strings.Contains(logs.String(), "uncle") {
		t.Error("the logs hold the token or the text")
	}
}
