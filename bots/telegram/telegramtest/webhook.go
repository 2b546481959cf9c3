package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"time"
)

// SecretHeader is the header carrying the webhook's secret_token.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

var (
	errClosed    = errors.New("telegramtest: server closed")
	errNoWebhook = errors.New("telegramtest: no webhook is set")
	validSecret  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
)

// webhookState is what setWebhook set.
type webhookState struct {
	url, secret    string
	maxConnections int
	lastErrorDate  int64
	lastError      string
}

// Webhook returns the webhook URL and secret the bot set, or "" for none.
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hook.url, s.hook.secret
}

// setWebhook accepts http:// as well as https://, unlike Telegram, so a
// test can point it at an httptest server.
func (s *Server) setWebhook(_ *http.Request, p params) (any, *apiError) {
	raw := p.str("url")
	if raw == "" {
		return s.deleteWebhook(nil, p)
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	secret := p.str("secret_token")
	if p.has("secret_token") && !validSecret.MatchString(secret) {
		return nil, badRequest("secret token contains unallowed characters")
	}
	maxConn := int(p.int64("max_connections"))
	if maxConn == 0 {
		maxConn = 40
	}
	if maxConn < 1 || maxConn > 100 {
		return nil, badRequest("bad webhook: max_connections must be between 1 and 100")
	}
	if p.has("allowed_updates") {
		var kinds []string
		if json.Unmarshal([]byte(p.str("allowed_updates")), &kinds) != nil {
			return nil, badRequest("can't parse allowed updates")
		}
		s.allowed = kinds
	}
	if p.bool("drop_pending_updates") {
		s.queue = nil
	}
	s.hook = webhookState{url: raw, secret: secret, maxConnections: maxConn}
	s.notify() // a waiting long poll now ends in a conflict
	return true, nil
}

func (s *Server) deleteWebhook(_ *http.Request, p params) (any, *apiError) {
	if p.bool("drop_pending_updates") {
		s.queue = nil
	}
	s.hook = webhookState{}
	return true, nil
}

func (s *Server) getWebhookInfo(*http.Request, params) (any, *apiError) {
	info := webhookInfo{URL: s.hook.url, PendingUpdateCount: len(s.queue)}
	if s.hook.url != "" {
		info.MaxConnections = s.hook.maxConnections
		info.LastErrorDate, info.LastErrorMessage = s.hook.lastErrorDate, s.hook.lastError
		info.AllowedUpdates = s.allowed
	}
	return info, nil
}

// DeliverWebhook numbers u as Push does and POSTs it as JSON to the webhook
// the bot set, with the secret header when the bot set a secret. It returns
// the status the bot answered. Unlike Telegram it does not retry on
// failure: the test decides. An answer outside 2xx is also kept as the
// webhook's last error, as getWebhookInfo reports it.
func (s *Server) DeliverWebhook(ctx context.Context, u Update) (status int, err error) {
	s.mu.Lock()
	hook := s.hook
	if hook.url == "" {
		s.mu.Unlock()
		return 0, errNoWebhook
	}
	s.admit(&u)
	body, err := json.Marshal(u)
	s.mu.Unlock()
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if hook.secret != "" {
		req.Header.Set(SecretHeader, hook.secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.webhookFailed(hook.url, "Connection refused")
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode/100 != 2 {
		s.webhookFailed(hook.url, fmt.Sprintf("Wrong response from the webhook: %s", resp.Status))
	}
	return resp.StatusCode, nil
}

// webhookFailed notes a delivery failure if the webhook is still the same.
func (s *Server) webhookFailed(hookURL, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hook.url == hookURL {
		s.hook.lastErrorDate, s.hook.lastError = time.Now().Unix(), msg
	}
}
