package discordtest

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// ResponseType names what the bot did with an interaction.
type ResponseType string

// Response types: the callback types first, then the webhook calls made with
// the interaction's token.
const (
	ResponseMessage        ResponseType = "message"         // callback 4
	ResponseDeferred       ResponseType = "deferred"        // callback 5
	ResponseDeferredUpdate ResponseType = "deferred_update" // callback 6
	ResponseUpdate         ResponseType = "update"          // callback 7
	ResponseAutocomplete   ResponseType = "autocomplete"    // callback 8
	ResponseModal          ResponseType = "modal"           // callback 9
	ResponseFollowup       ResponseType = "followup"        // POST /webhooks/{app}/{token}
	ResponseEdit           ResponseType = "edit"            // PATCH /webhooks/{app}/{token}/messages/{id}
	ResponseDelete         ResponseType = "delete"          // DELETE /webhooks/{app}/{token}/messages/{id}
)

// FlagEphemeral is the message flag of a reply only its recipient sees.
const FlagEphemeral = 1 << 6

// Response is one accepted answer to an interaction.
type Response struct {
	InteractionID string
	Type          ResponseType
	// MessageID is the message a follow-up created or an edit or delete
	// touched; for callbacks that make a message, the original's id.
	MessageID  string
	Content    string
	Embeds     []Embed
	Components []Component
	Flags      int
	// CustomID and Title are set for modals.
	CustomID string
	Title    string
	At       time.Time
}

// Ephemeral reports whether the response is visible to its recipient only.
func (r Response) Ephemeral() bool { return r.Flags&FlagEphemeral != 0 }

// Sent is one message the bot posted with POST /channels/{id}/messages.
type Sent struct {
	ChannelID       string
	GuildID         string // "" in DMs
	MessageID       string
	Content         string
	Embeds          []Embed
	Components      []Component
	Reference       *MessageReference
	AllowedMentions *AllowedMentions
	Flags           int
	Files           int
	At              time.Time
}

// Edit is the state of a channel message after the bot edited it.
type Edit struct {
	ChannelID  string
	MessageID  string
	Content    string
	Embeds     []Embed
	Components []Component
	Flags      int
	At         time.Time
}

// Delete is one message the bot deleted.
type Delete struct {
	ChannelID string
	MessageID string
	At        time.Time
}

// Call is one REST request, with the status the fake answered.
type Call struct {
	Method string
	Path   string
	Query  string
	Status int
	At     time.Time
}

// Identify is one accepted IDENTIFY.
type Identify struct {
	SessionID string
	Intents   int64
	Shard     [2]int
	At        time.Time
}

// Snapshot is a copy of what the fake has recorded, for WaitFor.
type Snapshot struct {
	Sent       []Sent
	Responses  []Response
	Edits      []Edit
	Deletes    []Delete
	Calls      []Call
	Identifies int
	Resumes    int
	Heartbeats int
	// Live counts gateway connections whose session is READY or RESUMED and
	// whose client has sent its first heartbeat on them.
	Live int
}

// notifyLocked wakes every WaitFor. Callers hold s.mu.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) snapshotLocked() Snapshot {
	return Snapshot{
		Sent:       slices.Clone(s.sent),
		Responses:  slices.Clone(s.responses),
		Edits:      slices.Clone(s.edits),
		Deletes:    slices.Clone(s.deletes),
		Calls:      slices.Clone(s.calls),
		Identifies: len(s.identified),
		Resumes:    s.resumes,
		Heartbeats: s.heartbeats,
		Live:       s.liveLocked(),
	}
}

// Snapshot returns a copy of everything recorded so far.
func (s *Server) Snapshot() Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snapshotLocked()
}

// WaitFor blocks until done reports true for a snapshot, or ctx ends. It
// re-checks after every change the fake records, so tests need no sleeps.
func (s *Server) WaitFor(ctx context.Context, done func(Snapshot) bool) error {
	for {
		s.mu.Lock()
		snap := s.snapshotLocked()
		changed := s.changed
		s.mu.Unlock()
		if done(snap) {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("discordtest: waiting: %w (sent %d, responses %d, edits %d, calls %d, identifies %d, resumes %d, live %d)",
				ctx.Err(), len(snap.Sent), len(snap.Responses), len(snap.Edits), len(snap.Calls),
				snap.Identifies, snap.Resumes, snap.Live)
		case <-changed:
		}
	}
}

// WaitConnected blocks until a gateway session is READY or RESUMED on a live
// connection and its client has started heartbeating (discordgo does as Open
// returns). Inject gateway faults only after it: earlier ones race
// discordgo's start-up.
func (s *Server) WaitConnected(ctx context.Context) error {
	return s.WaitFor(ctx, func(snap Snapshot) bool { return snap.Live > 0 })
}

// Sent returns the messages the bot posted to channels, oldest first.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// Responses returns the bot's answers to interactions, oldest first.
func (s *Server) Responses() []Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.responses)
}

// Edits returns the channel messages the bot edited, oldest first.
func (s *Server) Edits() []Edit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.edits)
}

// Deletes returns the channel messages the bot deleted, oldest first.
func (s *Server) Deletes() []Delete {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.deletes)
}

// Calls returns every REST request, oldest first.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// Identified returns the accepted IDENTIFY payloads, oldest first.
func (s *Server) Identified() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.identified)
}

// Identifies counts accepted IDENTIFYs.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.identified)
}

// Resumes counts accepted RESUMEs.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Heartbeats counts the heartbeats (op 1) received.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// Reset forgets the recorded messages, responses, edits, deletes and calls.
// State (guilds, sessions, interactions, commands) and counters stay.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent, s.responses, s.edits, s.deletes, s.calls = nil, nil, nil, nil, nil
	s.notifyLocked()
}
