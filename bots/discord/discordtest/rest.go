package discordtest

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// apiError is a Discord error body: {"code":…,"message":…,"errors":…}.
type apiError struct {
	status  int
	Code    int            `json:"code"`
	Message string         `json:"message"`
	Errors  map[string]any `json:"errors,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

func newAPIError(status, code int, message string) *apiError {
	return &apiError{status: status, Code: code, Message: message}
}

// The errors the fake answers, with Discord's codes and wording.
func errUnauthorized() *apiError { return newAPIError(401, 0, "401: Unauthorized") }
func errNotFound() *apiError     { return newAPIError(404, 0, "404: Not Found") }
func errUnknownChannel() *apiError {
	return newAPIError(404, 10003, "Unknown Channel")
}
func errUnknownGuild() *apiError   { return newAPIError(404, 10004, "Unknown Guild") }
func errUnknownMember() *apiError  { return newAPIError(404, 10007, "Unknown Member") }
func errUnknownMessage() *apiError { return newAPIError(404, 10008, "Unknown Message") }
func errUnknownWebhook() *apiError { return newAPIError(404, 10015, "Unknown Webhook") }
func errUnknownInteraction() *apiError {
	return newAPIError(404, 10062, "Unknown interaction")
}
func errAlreadyAcknowledged() *apiError {
	return newAPIError(400, 40060, "Interaction has already been acknowledged.")
}
func errMissingAccess() *apiError { return newAPIError(403, 50001, "Missing Access") }
func errOtherAuthor() *apiError {
	return newAPIError(403, 50005, "Cannot edit a message authored by another user")
}
func errEmptyMessage() *apiError { return newAPIError(400, 50006, "Cannot send an empty message") }
func errCannotDM() *apiError     { return newAPIError(403, 50007, "Cannot send messages to this user") }
func errMissingPermissions() *apiError {
	return newAPIError(403, 50013, "Missing Permissions")
}
func errInvalidWebhookToken() *apiError { return newAPIError(401, 50027, "Invalid Webhook Token") }
func errInvalidJSON() *apiError {
	return newAPIError(400, 50109, "The request body contains invalid JSON.")
}

// restHandler answers one route: a body to send as JSON with 200, nil for
// 204 No Content, or an error.
type restHandler func(r *http.Request) (any, *apiError)

// apiHandler records every call, injects faults, then routes.
func (s *Server) apiHandler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusNotFound, errNotFound())
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			s.mu.Lock()
			s.calls = append(s.calls, Call{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Status: rec.status, At: time.Now()})
			s.notifyLocked()
			s.mu.Unlock()
		}()
		if s.injectFault(rec, r) {
			return
		}
		mux.ServeHTTP(rec, r)
	})
}

// route registers a handler. Routes that Discord authenticates by the URL
// (interaction callbacks, webhooks with a token, GET /gateway) pass
// authed=false; all others require "Authorization: Bot TOKEN".
func (s *Server) route(mux *http.ServeMux, pattern string, authed bool, h restHandler) {
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if authed && r.Header.Get("Authorization") != "Bot "+s.Token() {
			writeJSON(w, http.StatusUnauthorized, errUnauthorized())
			return
		}
		body, apiErr := h(r)
		switch {
		case apiErr != nil:
			writeJSON(w, apiErr.status, apiErr)
		case body == nil:
			w.WriteHeader(http.StatusNoContent)
		default:
			writeJSON(w, http.StatusOK, body)
		}
	})
}

func (s *Server) routes(mux *http.ServeMux) {
	const v = "/api/v9"
	s.route(mux, "GET "+v+"/gateway", false, s.getGateway)
	s.route(mux, "GET "+v+"/gateway/bot", true, s.getGatewayBot)
	s.route(mux, "GET "+v+"/users/@me", true, s.getMe)
	s.route(mux, "POST "+v+"/users/@me/channels", true, s.createDM)

	s.route(mux, "GET "+v+"/applications/{app}/commands", true, s.getCommands)
	s.route(mux, "PUT "+v+"/applications/{app}/commands", true, s.putCommands)
	s.route(mux, "GET "+v+"/applications/{app}/guilds/{guild}/commands", true, s.getCommands)
	s.route(mux, "PUT "+v+"/applications/{app}/guilds/{guild}/commands", true, s.putCommands)

	s.route(mux, "POST "+v+"/interactions/{id}/{token}/callback", false, s.callback)
	s.route(mux, "POST "+v+"/webhooks/{app}/{token}", false, s.followup)
	s.route(mux, "GET "+v+"/webhooks/{app}/{token}/messages/{message}", false, s.getWebhookMessage)
	s.route(mux, "PATCH "+v+"/webhooks/{app}/{token}/messages/{message}", false, s.editWebhookMessage)
	s.route(mux, "DELETE "+v+"/webhooks/{app}/{token}/messages/{message}", false, s.deleteWebhookMessage)

	s.route(mux, "GET "+v+"/channels/{channel}", true, s.getChannel)
	s.route(mux, "POST "+v+"/channels/{channel}/messages", true, s.sendMessage)
	s.route(mux, "GET "+v+"/channels/{channel}/messages/{message}", true, s.getMessage)
	s.route(mux, "PATCH "+v+"/channels/{channel}/messages/{message}", true, s.editMessage)
	s.route(mux, "DELETE "+v+"/channels/{channel}/messages/{message}", true, s.deleteMessage)

	s.route(mux, "GET "+v+"/guilds/{guild}", true, s.getGuild)
	s.route(mux, "GET "+v+"/guilds/{guild}/channels", true, s.getGuildChannels)
	s.route(mux, "GET "+v+"/guilds/{guild}/roles", true, s.getGuildRoles)
	s.route(mux, "GET "+v+"/guilds/{guild}/members/{user}", true, s.getGuildMember)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decodeBody reads a JSON body, or the payload_json part of a multipart one
// (messages with files), and returns how many files came with it.
func decodeBody(r *http.Request, v any) (files int, _ *apiError) {
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		if err := json.NewDecoder(io.LimitReader(r.Body, 8<<20)).Decode(v); err != nil {
			return 0, errInvalidJSON()
		}
		return 0, nil
	}
	mr, err := r.MultipartReader()
	if err != nil || params["boundary"] == "" {
		return 0, errInvalidJSON()
	}
	found := false
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, errInvalidJSON()
		}
		switch {
		case part.FormName() == "payload_json":
			if json.NewDecoder(part).Decode(v) != nil {
				return 0, errInvalidJSON()
			}
			found = true
		case strings.HasPrefix(part.FormName(), "files[") || part.FileName() != "":
			files++
		}
	}
	if !found {
		return 0, errInvalidJSON()
	}
	return files, nil
}

func (s *Server) getGateway(*http.Request) (any, *apiError) {
	return map[string]string{"url": s.GatewayURL()}, nil
}

func (s *Server) getGatewayBot(*http.Request) (any, *apiError) {
	return map[string]any{
		"url":    s.GatewayURL(),
		"shards": 1,
		"session_start_limit": map[string]int{
			"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1,
		},
	}, nil
}

func (s *Server) getMe(*http.Request) (any, *apiError) {
	return s.BotUser(), nil
}
