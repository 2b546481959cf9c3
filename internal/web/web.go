// Package web is scamwarn over HTTP: a JSON check API, a random tip, a
// page where anyone can paste a message, health and readiness probes, and
// Prometheus metrics. Nothing it is sent is stored or logged.
package web

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
)

// Checker says how likely a message is a scam (detect.Engine).
type Checker interface {
	Check(m scam.Message) scam.Verdict
}

// Tips is the awareness library (tips.Library).
type Tips interface {
	Match(prefs ...string) string
	List(lang string, tags ...string) []scam.Tip
}

// Config tunes a Server; New fills in zero fields.
type Config struct {
	// Token, when set, must come as "Authorization: Bearer TOKEN" on the
	// /v1 API. The page and the probes stay open.
	Token string
	// MaxBody caps a request body (default 64 KiB).
	MaxBody int64
	// PerMinute is how many requests one client (IP address) may make a
	// minute to the API and the page (default 120), with bursts of a
	// tenth of it.
	PerMinute int
	// TrustProxy takes the client's address from the last entry of
	// X-Forwarded-For, which a reverse proxy in front appends, so that the
	// rate limit applies per client and not to the proxy as a whole. Set
	// it only behind such a proxy: otherwise anyone can pick an address.
	TrustProxy bool
	// Probes say whether what the service needs is up: the database, each
	// platform. /readyz runs them all.
	Probes map[string]func(ctx context.Context) error
	Log    *slog.Logger
}

// Server answers HTTP requests. It is safe for concurrent use.
type Server struct {
	check     Checker
	words     *wording.Catalog
	directory *wording.Directory
	tips      Tips
	metrics   *Metrics
	cfg       Config
	log       *slog.Logger
	clients   clients
	page      *template.Template
}

// New returns a server checking with check, wording with words and
// directory, telling tips from tips and counting in metrics.
func New(check Checker, words *wording.Catalog, directory *wording.Directory, tips Tips, metrics *Metrics, cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 64 << 10
	}
	if cfg.PerMinute <= 0 {
		cfg.PerMinute = 120
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if metrics == nil {
		metrics = NewMetrics()
	}
	s := &Server{check: check, words: words, directory: directory, tips: tips, metrics: metrics, cfg: cfg, log: cfg.Log}
	s.clients = clients{m: map[string]*client{}, limit: rate.Limit(float64(cfg.PerMinute) / 60), burst: max(1, cfg.PerMinute/10)}
	s.page = mustTemplate()
	return s
}

// Handler routes the server's endpoints.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/check", s.api(s.postCheck))
	mux.Handle("GET /v1/tips/random", s.api(s.randomTip))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", s.ready)
	mux.Handle("GET /metrics", s.metrics.Handler())
	mux.Handle("GET /{$}", s.limited(s.showPage))
	mux.Handle("POST /{$}", s.limited(s.checkPage))
	return s.observe(mux)
}

// observe times every request by route, never by its content.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		route := r.Pattern
		if route == "" {
			route = "other"
		}
		s.metrics.http.WithLabelValues(route, strconv.Itoa(rec.status/100)+"xx").Observe(time.Since(start).Seconds())
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// api wraps a JSON endpoint: bearer token, rate limit, body cap.
func (s *Server) api(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return s.limited(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="scamwarn"`)
				s.fail(w, http.StatusUnauthorized, scam.Errorf(scam.CodeForbidden, "this API needs its bearer token"))
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		if err := h(w, r); err != nil {
			s.fail(w, statusOf(err), err)
		}
	})
}

// limited applies the per-client rate limit.
func (s *Server) limited(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if wait, ok := s.clients.allow(clientOf(r, s.cfg.TrustProxy), time.Now()); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(max(1, int(wait.Seconds()+0.999))))
			s.fail(w, http.StatusTooManyRequests, scam.Errorf(scam.CodeRateLimited, "too many requests; try again in a moment"))
			return
		}
		h(w, r)
	})
}

// checkRequest is the body of POST /v1/check.
type checkRequest struct {
	Text     string   `json:"text"`
	Links    []string `json:"links"`
	Language string   `json:"language"` // of the answer, and a hint of the text's
	Country  string   `json:"country"`  // where to report, ISO 3166 code
}

func (s *Server) postCheck(w http.ResponseWriter, r *http.Request) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		s.fail(w, http.StatusUnsupportedMediaType, scam.Errorf(scam.CodeBadInput, "send JSON with Content-Type: application/json"))
		return nil
	}
	var req checkRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return scam.Errorf(scam.CodeTooLarge, "the body is over %d bytes", s.cfg.MaxBody)
		}
		return scam.Errorf(scam.CodeBadInput, "the body is not the JSON this endpoint takes: %v", jsonProblem(err))
	}
	if strings.TrimSpace(req.Text) == "" && len(req.Links) == 0 {
		return scam.Errorf(scam.CodeBadInput, "nothing to check: give text or links")
	}
	m := scam.Message{Text: strings.ToValidUTF8(req.Text, "\uFFFD"), Lang: req.Language}
	for _, l := range req.Links {
		m.Links = append(m.Links, scam.Link{URL: l})
	}
	v := s.check.Check(m)
	s.metrics.Checked("http", v.Level, v.Category)
	lang := s.words.Match(req.Language, r.Header.Get("Accept-Language"))
	rep := s.words.Report(v, m.Text, lang)
	if c := strings.ToUpper(strings.TrimSpace(req.Country)); c != "" && v.Level > scam.Low {
		p := s.words.WhereToReport(s.directory, c, lang)
		rep.ReportTo = &p
	}
	return writeJSON(w, http.StatusOK, rep)
}

func (s *Server) randomTip(w http.ResponseWriter, r *http.Request) error {
	lang := s.tips.Match(r.URL.Query().Get("lang"), r.Header.Get("Accept-Language"))
	list := s.tips.List(lang)
	if len(list) == 0 {
		return scam.Errorf(scam.CodeNotFound, "no tips in %s", lang)
	}
	return writeJSON(w, http.StatusOK, list[rand.IntN(len(list))])
}

// ready answers 200 when every probe passes, 503 naming those that fail.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	status := map[string]string{}
	ok := true
	for name, probe := range s.cfg.Probes {
		if err := probe(ctx); err != nil {
			status[name], ok = "down", false
			s.log.Warn("not ready", "probe", name, "err", err)
		} else {
			status[name] = "up"
		}
	}
	code := http.StatusOK
	if !ok {
		code = http.StatusServiceUnavailable
	}
	writeJSON(w, code, status)
}

// apiError is the body of every error answer.
type apiError struct {
	Error struct {
		Code    scam.Code `json:"code"`
		Message string    `json:"message"`
	} `json:"error"`
}

func (s *Server) fail(w http.ResponseWriter, status int, err error) {
	var body apiError
	body.Error.Code, body.Error.Message = scam.CodeOf(err), scam.UserMessage(err)
	if status >= 500 {
		s.log.Error("request failed", "err", err)
	}
	s.metrics.Error(string(body.Error.Code))
	writeJSON(w, status, body)
}

func statusOf(err error) int {
	switch scam.CodeOf(err) {
	case scam.CodeBadInput, scam.CodeBadArgument:
		return http.StatusBadRequest
	case scam.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case scam.CodeNotFound:
		return http.StatusNotFound
	case scam.CodeForbidden:
		return http.StatusForbidden
	case scam.CodeRateLimited:
		return http.StatusTooManyRequests
	case scam.CodeUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// jsonProblem says what is wrong with a body without echoing it.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return "malformed JSON at byte " + strconv.FormatInt(syntax.Offset, 10)
	case errors.As(err, &typ):
		return "field " + typ.Field + " has the wrong type"
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	return "it ended early or is empty"
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

// clients keeps one token bucket per client address, forgetting those idle
// for ten minutes.
type clients struct {
	mu    sync.Mutex
	m     map[string]*client
	limit rate.Limit
	burst int
	swept time.Time
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

// allow takes a token for addr, or says how long until one is free.
func (c *clients) allow(addr string, now time.Time) (time.Duration, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.swept) > time.Minute {
		for k, cl := range c.m {
			if now.Sub(cl.seen) > 10*time.Minute {
				delete(c.m, k)
			}
		}
		c.swept = now
	}
	cl := c.m[addr]
	if cl == nil {
		cl = &client{lim: rate.NewLimiter(c.limit, c.burst)}
		c.m[addr] = cl
	}
	cl.seen = now
	r := cl.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, false
	}
	return 0, true
}

// clientOf is the client's IP address (without the port).
func clientOf(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if f := r.Header.Values("X-Forwarded-For"); len(f) > 0 {
			list := strings.Split(f[len(f)-1], ",")
			if ip := strings.TrimSpace(list[len(list)-1]); net.ParseIP(ip) != nil {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
