package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// maxBody bounds what one call may send; the real limit for text methods is
// far below it, and a runaway test should fail rather than eat memory.
const maxBody = 10 << 20

// readParams gathers a call's parameters from the query string and from a
// form, multipart or JSON body, which the real server all accepts. JSON
// values that are not strings keep their JSON text, so reply_markup reads
// the same whichever way it came.
func readParams(r *http.Request) (url.Values, error) {
	values := url.Values{}
	for k, vs := range r.URL.Query() {
		values[k] = append(values[k], vs...)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return values, err
	}
	mediaType, typeParams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case len(bytes.TrimSpace(body)) == 0:
	case mediaType == "application/json":
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return values, fmt.Errorf("the JSON body is not an object: %w", err)
		}
		for k, raw := range obj {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				values.Set(k, s)
			} else if string(raw) != "null" {
				values.Set(k, string(raw))
			}
		}
	case mediaType == "multipart/form-data":
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.Header.Set("Content-Type", mime.FormatMediaType(mediaType, typeParams))
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return values, err
		}
		for k, vs := range r.MultipartForm.Value {
			values[k] = append(values[k], vs...)
		}
	default:
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return values, err
		}
		for k, vs := range form {
			values[k] = append(values[k], vs...)
		}
	}
	return values, nil
}

// params reads typed values out of a call's parameters.
type params url.Values

func (p params) str(key string) string { return url.Values(p).Get(key) }

func (p params) has(key string) bool { return url.Values(p).Has(key) }

// int64 reads an integer parameter; absent or malformed reads as 0, which
// every method here treats as "not given".
func (p params) int64(key string) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(p.str(key)), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

func (p params) bool(key string) bool {
	b, _ := strconv.ParseBool(strings.TrimSpace(p.str(key)))
	return b
}

// chatID reads chat_id. The real server also takes "@channelusername";
// that is resolved against the chats the fake has seen.
func (s *Server) chatID(p params) (int64, *apiError) {
	raw := strings.TrimSpace(p.str("chat_id"))
	if raw == "" {
		return 0, badRequest("chat_id is empty")
	}
	if id, err := strconv.ParseInt(raw, 10, 64); err == nil && id != 0 {
		return id, nil
	}
	if name, ok := strings.CutPrefix(raw, "@"); ok {
		for id, c := range s.chats {
			if c.Username != "" && strings.EqualFold(c.Username, name) {
				return id, nil
			}
		}
	}
	return 0, badRequest("chat not found")
}

// apiError is a refusal as the Bot API words it.
type apiError struct {
	code       int
	desc       string
	retryAfter int
}

func badRequest(desc string) *apiError {
	return &apiError{code: http.StatusBadRequest, desc: "Bad Request: " + desc}
}

func forbidden(desc string) *apiError {
	return &apiError{code: http.StatusForbidden, desc: desc}
}

func conflict(desc string) *apiError {
	return &apiError{code: http.StatusConflict, desc: "Conflict: " + desc}
}

// errorFor words an injected failure the way Telegram does for that code.
func errorFor(code, retryAfter int) *apiError {
	e := &apiError{code: code, retryAfter: retryAfter}
	switch code {
	case http.StatusTooManyRequests:
		e.desc = fmt.Sprintf("Too Many Requests: retry after %d", retryAfter)
	case http.StatusBadRequest:
		e.desc = "Bad Request"
	case http.StatusInternalServerError:
		e.desc = "Internal Server Error"
	case http.StatusBadGateway:
		e.desc = "Bad Gateway"
	default:
		e.desc = http.StatusText(code)
	}
	return e
}

// response is the envelope of every answer.
type response struct {
	OK          bool            `json:"ok"`
	Result      any             `json:"result,omitempty"`
	ErrorCode   int             `json:"error_code,omitempty"`
	Description string          `json:"description,omitempty"`
	Parameters  *responseParams `json:"parameters,omitempty"`
}

type responseParams struct {
	RetryAfter int `json:"retry_after,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v response) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, e *apiError) {
	v := response{ErrorCode: e.code, Description: e.desc}
	if e.retryAfter > 0 {
		v.Parameters = &responseParams{RetryAfter: e.retryAfter}
	}
	writeJSON(w, e.code, v)
}
