package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/tips"
	"github.com/scamwarn/scamwarn/internal/web"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

const pigButchering = "Hi dear, I'm Lisa. My uncle is an analyst at a crypto platform; with his insider signals I earned 30% in a week. " +
	"Deposit USDT on https://gl0bal-coinex-trade.vip and I will guide you. Don't tell your family until you see the profit."

var (
	once    sync.Once
	engine  *detect.Engine
	catalog *wording.Catalog
	dir     *wording.Directory
	library *tips.Library
)

func newServer(t testing.TB, cfg web.Config) (*web.Server, *web.Metrics) {
	t.Helper()
	once.Do(func() {
		var err error
		if engine, err = detect.New(detect.Options{}); err != nil {
			panic(err)
		}
		if catalog, err = wording.Load(messages.FS()); err != nil {
			panic(err)
		}
		if dir, err = wording.LoadDirectory(messages.FS()); err != nil {
			panic(err)
		}
		if library, err = tips.Load(messages.FS()); err != nil {
			panic(err)
		}
	})
	m := web.NewMetrics()
	return web.New(engine, catalog, dir, library, m, cfg), m
}

func do(h http.Handler, method, target, ctype, body string, headers ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestCheckAPI(t *testing.T) {
	s, _ := newServer(t, web.Config{MaxBody: 2048})
	h := s.Handler()
	for _, tc := range []struct {
		name, ctype, body string
		status            int
		want              string
	}{
		{"a scam gets the verdict schema of check --json", "application/json", `{"text":` + quote(pigButchering) + `,"country":"SG","language":"fr"}`, 200, `"level":"high"`},
		{"links alone are checked", "application/json; charset=utf-8", `{"links":["http://paypa1-secure-login.xyz/verify"]}`, 200, `"signals":[{`},
		{"malformed JSON is refused with where", "application/json", `{"text": "hi"`, 400, `"code":"bad_input"`},
		{"an unknown field is refused", "application/json", `{"txt":"hi"}`, 400, `unknown field`},
		{"a wrong type is refused", "application/json", `{"text":42}`, 400, `field text has the wrong type`},
		{"an empty message is refused", "application/json", `{"text":"   "}`, 400, `nothing to check`},
		{"the wrong content type is refused", "text/plain", pigButchering, 415, `Content-Type: application/json`},
		{"an oversized body is refused", "application/json", `{"text":"` + strings.Repeat("a", 4096) + `"}`, 413, `"code":"too_large"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := do(h, "POST", "/v1/check", tc.ctype, tc.body)
			if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.want) {
				t.Errorf("%d %s; want %d with %s", w.Code, w.Body, tc.status, tc.want)
			}
			if strings.Contains(w.Body.String(), "aaaa") && w.Code != 200 {
				t.Error("an error echoes the body")
			}
		})
	}
	w := do(h, "POST", "/v1/check", "application/json", `{"text":`+quote(pigButchering)+`,"country":"SG","language":"fr"}`)
	var rep wording.Report
	if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	quoted := false
	for _, sig := range rep.Signals {
		for _, e := range sig.Evidence {
			quoted = quoted || pigButchering[e.Start:e.End] == e.Text && e.Text != ""
		}
	}
	if rep.Language != "fr" || rep.ReportTo == nil || !quoted {
		t.Errorf("report = %+v", rep)
	}
	if w := do(h, "GET", "/v1/check", "", ""); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET /v1/check: %d", w.Code)
	}
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

func TestBearerTokenGuardsTheAPIOnly(t *testing.T) {
	s, _ := newServer(t, web.Config{Token: "s3cret"})
	h := s.Handler()
	if w := do(h, "POST", "/v1/check", "application/json", `{"text":"hello"}`); w.Code != 401 || w.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("no token: %d", w.Code)
	}
	if w := do(h, "POST", "/v1/check", "application/json", `{"text":"hello"}`, "Authorization", "Bearer wrong"); w.Code != 401 {
		t.Errorf("a wrong token: %d", w.Code)
	}
	if w := do(h, "POST", "/v1/check", "application/json", `{"text":"hello"}`, "Authorization", "Bearer s3cret"); w.Code != 200 {
		t.Errorf("the right token: %d %s", w.Code, w.Body)
	}
	if w := do(h, "GET", "/", "", ""); w.Code != 200 {
		t.Errorf("the page: %d", w.Code)
	}
}

func TestRateLimitAnswers429WithRetryAfter(t *testing.T) {
	s, _ := newServer(t, web.Config{PerMinute: 20}) // bursts of 2
	h := s.Handler()
	var last *httptest.ResponseRecorder
	for range 3 {
		last = do(h, "GET", "/v1/tips/random?lang=en", "", "")
	}
	if last.Code != http.StatusTooManyRequests || last.Header().Get("Retry-After") == "" {
		t.Errorf("third request: %d, Retry-After %q", last.Code, last.Header().Get("Retry-After"))
	}
	r := httptest.NewRequest("GET", "/v1/tips/random", nil)
	r.RemoteAddr = "198.51.100.7:1234"           // another client is not limited
	r.Header.Set("X-Forwarded-For", "192.0.2.1") // and is not believed without TrustProxy
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 {
		t.Errorf("another client: %d", w.Code)
	}

	// Behind a proxy, clients are told apart by the address it appends.
	s, _ = newServer(t, web.Config{PerMinute: 10, TrustProxy: true}) // bursts of 1
	h = s.Handler()
	from := func(ip string) int {
		r := httptest.NewRequest("GET", "/v1/tips/random", nil)
		r.Header.Set("X-Forwarded-For", "203.0.113.9, "+ip)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}
	if a, b, c := from("192.0.2.1"), from("192.0.2.1"), from("192.0.2.2"); a != 200 || b != 429 || c != 200 {
		t.Errorf("behind a proxy: %d %d %d, want 200 429 200", a, b, c)
	}
}

func TestTipsProbesAndMetrics(t *testing.T) {
	down := errors.New("database is locked")
	s, _ := newServer(t, web.Config{Probes: map[string]func(context.Context) error{
		"database": func(context.Context) error { return nil },
		"telegram": func(context.Context) error { return down },
	}})
	h := s.Handler()
	var tip scam.Tip
	w := do(h, "GET", "/v1/tips/random?lang=fr", "", "")
	if err := json.Unmarshal(w.Body.Bytes(), &tip); err != nil || tip.Lang != "fr" || tip.Title == "" {
		t.Errorf("tip: %d %s", w.Code, w.Body)
	}
	if w := do(h, "GET", "/healthz", "", ""); w.Code != 200 {
		t.Errorf("healthz: %d", w.Code)
	}
	w = do(h, "GET", "/readyz", "", "")
	if w.Code != 503 || !strings.Contains(w.Body.String(), `"telegram":"down"`) || !strings.Contains(w.Body.String(), `"database":"up"`) || strings.Contains(w.Body.String(), "locked") {
		t.Errorf("readyz: %d %s", w.Code, w.Body)
	}
	do(h, "POST", "/v1/check", "application/json", `{"text":`+quote(pigButchering)+`}`)
	w = do(h, "GET", "/metrics", "", "")
	for _, want := range []string{
		`scamwarn_checks_total{category="investment",level="high",source="http"} 1`,
		`scamwarn_http_request_seconds_count{route="POST /v1/check",status="2xx"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(w.Body.String(), "uncle") {
		t.Error("metrics hold message text")
	}
}

func TestThePageMarksTheRedFlagsWithoutScript(t *testing.T) {
	s, _ := newServer(t, web.Config{})
	h := s.Handler()
	w := do(h, "GET", "/", "", "", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `<html lang="fr">`) || !strings.Contains(w.Body.String(), "Est-ce une arnaque") {
		t.Errorf("the page in French: %d", w.Code)
	}
	if strings.Contains(w.Body.String(), "<script") || !strings.Contains(w.Header().Get("Content-Security-Policy"), "default-src 'none'") {
		t.Error("the page has a script or no strict CSP")
	}
	hostile := pigButchering + ` <script>alert(1)</script>`
	w = do(h, "POST", "/", "application/x-www-form-urlencoded", url.Values{"text": {hostile}}.Encode())
	body := w.Body.String()
	for _, want := range []string{`data-level="high"`, "<mark", ">Deposit USDT</mark>", "&lt;script&gt;alert(1)&lt;/script&gt;", "Red flags found", "How these scams work"} {
		if !strings.Contains(body, want) {
			t.Errorf("the verdict page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>") {
		t.Error("the pasted text was not escaped")
	}
	if w := do(h, "POST", "/", "application/x-www-form-urlencoded", "text="); w.Code != 400 || !strings.Contains(w.Body.String(), "Paste a message first") {
		t.Errorf("an empty post: %d", w.Code)
	}
}

func TestShutdownLetsRequestsInFlightFinish(t *testing.T) {
	s, _ := newServer(t, web.Config{})
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(started)
			time.Sleep(300 * time.Millisecond)
		}
		s.Handler().ServeHTTP(w, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- web.ServeListener(ctx, ln, slow, nil) }()
	got := make(chan int, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- -1
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-started // the request is in flight
	cancel()
	if code := <-got; code != 404 { // /slow is not a route: the point is it got an answer
		t.Errorf("the request in flight got %d", code)
	}
	if err := <-done; err != nil {
		t.Errorf("ServeListener = %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}
