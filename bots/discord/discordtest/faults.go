package discordtest

import (
	"fmt"
	"hash/fnv"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// fault answers the next n REST calls whose path contains route instead of
// the real handler, which never runs (no side effects, nothing recorded but
// the Call).
type fault struct {
	route      string
	n          int
	status     int // 429 for rate limits
	retryAfter time.Duration
	global     bool
}

// RateLimitNext makes the next n REST calls whose path contains
// routeSubstring (for example "/channels/123/messages") answer 429 Too Many
// Requests with Discord's body ({"message","retry_after" in seconds,
// "global"}) and headers (Retry-After, X-RateLimit-*). discordgo sleeps
// retry_after and retries, or returns *discordgo.RateLimitError when its
// ShouldRetryOnRateLimit is false.
func (s *Server) RateLimitNext(routeSubstring string, n int, retryAfter time.Duration, global bool) {
	s.addFault(fault{route: routeSubstring, n: n, status: http.StatusTooManyRequests, retryAfter: retryAfter, global: global})
}

// FailNext makes the next n REST calls whose path contains routeSubstring
// answer status: 502 with an HTML body as Discord's edge sends (discordgo
// retries 502 up to MaxRestRetries), other statuses with a JSON error.
func (s *Server) FailNext(routeSubstring string, n, status int) {
	s.addFault(fault{route: routeSubstring, n: n, status: status})
}

// ClearFaults drops every pending injected fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

func (s *Server) addFault(f fault) {
	if f.n <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// takeFault consumes one matching fault, oldest first.
func (s *Server) takeFault(path string) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults {
		f := &s.faults[i]
		if !strings.Contains(path, f.route) {
			continue
		}
		got := *f
		f.n--
		if f.n == 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		return got, true
	}
	return fault{}, false
}

// injectFault answers r with a pending fault, if one matches.
func (s *Server) injectFault(w http.ResponseWriter, r *http.Request) bool {
	f, ok := s.takeFault(r.URL.Path)
	if !ok {
		return false
	}
	switch f.status {
	case http.StatusTooManyRequests:
		writeRateLimit(w, f)
	case http.StatusBadGateway:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n")
	default:
		writeJSON(w, f.status, newAPIError(f.status, 0, fmt.Sprintf("%d: %s", f.status, http.StatusText(f.status))))
	}
	return true
}

func writeRateLimit(w http.ResponseWriter, f fault) {
	secs := f.retryAfter.Seconds()
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	reset := float64(time.Now().Add(f.retryAfter).UnixMilli()) / 1000
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(reset, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
	bucket := fnv.New64a()
	_, _ = bucket.Write([]byte(f.route))
	h.Set("X-RateLimit-Bucket", strconv.FormatUint(bucket.Sum64(), 16))
	scope := "user"
	if f.global {
		h.Set("X-RateLimit-Global", "true")
		scope = "global"
	}
	h.Set("X-RateLimit-Scope", scope)
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message":     "You are being rate limited.",
		"retry_after": secs,
		"global":      f.global,
	})
}
