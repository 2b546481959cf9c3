package discordtest

import (
	"encoding/json"
	"net/http"
	"slices"
	"time"
)

// interactionState is a dispatched interaction and what the bot did with it.
type interactionState struct {
	ix        Interaction
	at        time.Time
	acked     int      // the callback type; 0 before the callback
	original  *Message // the @original message, once there is one
	followups map[string]*Message
}

// flagLoading marks the placeholder a deferred response shows.
const flagLoading = 1 << 7

// InteractionCreate dispatches an interaction and returns it as sent: id,
// token, application id and version are filled in when empty. The fake
// remembers it, so callbacks and webhook calls can be checked against it;
// the Deadline counts from now.
func (s *Server) InteractionCreate(i Interaction) Interaction {
	if i.ID == "" {
		i.ID = NewID()
	}
	if i.Token == "" {
		i.Token = "aW50ZXJhY3Rpb246" + randomHex(40) // base64 "interaction:", as real tokens start
	}
	if i.ApplicationID == "" {
		i.ApplicationID = s.AppID()
	}
	if i.Version == 0 {
		i.Version = 1
	}
	if i.AppPermissions == "" {
		i.AppPermissions = "0"
	}
	if i.AuthorizingIntegrationOwners == nil {
		i.AuthorizingIntegrationOwners = map[string]string{}
	}
	if i.Entitlements == nil {
		i.Entitlements = []any{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &interactionState{ix: i, at: time.Now(), followups: map[string]*Message{}}
	s.interactions[i.ID] = st
	s.byToken[i.Token] = st
	s.broadcastLocked("INTERACTION_CREATE", i.GuildID, func(*gwSession) any { return i })
	return i
}

// callbackData is the data of an interaction callback.
type callbackData struct {
	Content    string      `json:"content"`
	Embeds     []Embed     `json:"embeds"`
	Components []Component `json:"components"`
	Flags      int         `json:"flags"`
	CustomID   string      `json:"custom_id"`
	Title      string      `json:"title"`
}

var callbackTypes = map[int]ResponseType{
	4: ResponseMessage, 5: ResponseDeferred, 6: ResponseDeferredUpdate,
	7: ResponseUpdate, 8: ResponseAutocomplete, 9: ResponseModal,
}

// callbackAllowed says which interaction types each callback type answers.
var callbackAllowed = map[int][]int{
	4: {InteractionApplicationCommand, InteractionMessageComponent, InteractionModalSubmit},
	5: {InteractionApplicationCommand, InteractionMessageComponent, InteractionModalSubmit},
	6: {InteractionMessageComponent, InteractionModalSubmit},
	7: {InteractionMessageComponent, InteractionModalSubmit},
	8: {InteractionAutocomplete},
	9: {InteractionApplicationCommand, InteractionMessageComponent},
}

func (s *Server) callback(r *http.Request) (any, *apiError) {
	var b struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	files, apiErr := decodeBody(r, &b)
	if apiErr != nil {
		return nil, apiErr
	}
	var d callbackData
	present := map[string]json.RawMessage{}
	if len(b.Data) > 0 && string(b.Data) != "null" {
		if json.Unmarshal(b.Data, &d) != nil || json.Unmarshal(b.Data, &present) != nil {
			return nil, errInvalidJSON()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.interactions[r.PathValue("id")]
	switch {
	case st == nil || st.ix.Token != r.PathValue("token"):
		return nil, errUnknownInteraction()
	case st.acked != 0:
		return nil, errAlreadyAcknowledged()
	case time.Since(st.at) > s.deadline:
		return nil, errUnknownInteraction() // what Discord answers after 3 s
	}
	rt, known := callbackTypes[b.Type]
	if !known || !slices.Contains(callbackAllowed[b.Type], st.ix.Type) {
		f := formErrors{}
		f.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type for this interaction")
		return nil, f.err()
	}
	out := outgoing{content: d.Content, embeds: d.Embeds, components: d.Components, flags: d.Flags, files: files}
	switch b.Type {
	case 4:
		apiErr = checkOutgoing("data", out, false)
	case 7:
		apiErr = checkOutgoing("data", out, true)
	case 9:
		apiErr = checkModal(d.CustomID, d.Title, d.Components)
	}
	if apiErr != nil {
		return nil, apiErr
	}
	st.acked = b.Type
	resp := Response{InteractionID: st.ix.ID, Type: rt, Content: d.Content, Embeds: d.Embeds,
		Components: d.Components, Flags: d.Flags, CustomID: d.CustomID, Title: d.Title, At: time.Now()}
	ch := Channel{ID: st.ix.ChannelID, GuildID: st.ix.GuildID}
	switch b.Type {
	case 4:
		m := s.botMessageLocked(ch, d.Content, d.Embeds, d.Components, d.Flags)
		st.original = s.asResponseLocked(st, m)
	case 5:
		m := s.botMessageLocked(ch, "", nil, nil, d.Flags&FlagEphemeral|flagLoading)
		st.original = s.asResponseLocked(st, m)
	case 6, 7:
		if st.ix.Message != nil {
			m := *st.ix.Message
			if b.Type == 7 {
				applyPresent(&m, d, present)
				if stored := s.messages[m.ID]; stored != nil {
					*stored = m
				}
			}
			st.original = &m
		}
	}
	if st.original != nil {
		resp.MessageID = st.original.ID
	}
	s.responses = append(s.responses, resp)
	s.notifyLocked()
	return nil, nil
}

// asResponseLocked marks a bot message as an interaction's answer.
func (s *Server) asResponseLocked(st *interactionState, m Message) *Message {
	m.WebhookID = s.bot.ID
	m.ApplicationID = s.bot.ID
	switch {
	case st.ix.Type == InteractionApplicationCommand && st.ix.Data != nil && st.ix.Data.Type > CommandChatInput:
		m.Type = 23 // context menu command
	case st.ix.Type == InteractionApplicationCommand:
		m.Type = 20 // chat input command
	}
	return &m
}

// applyPresent updates m with the fields an update carried (null or absent
// fields stay).
func applyPresent(m *Message, d callbackData, present map[string]json.RawMessage) {
	set := func(k string) bool { v, ok := present[k]; return ok && string(v) != "null" }
	if set("content") {
		m.Content = d.Content
	}
	if set("embeds") {
		m.Embeds = richEmbeds(d.Embeds)
	}
	if set("components") {
		m.Components = d.Components
	}
	if set("flags") {
		m.Flags = d.Flags
	}
}

// webhookLocked finds the interaction whose token a webhook call uses.
func (s *Server) webhookLocked(r *http.Request) (*interactionState, *apiError) {
	if r.PathValue("app") != s.bot.ID {
		return nil, errUnknownWebhook()
	}
	st := s.byToken[r.PathValue("token")]
	if st == nil || time.Since(st.at) > s.tokenLifetime {
		return nil, errInvalidWebhookToken()
	}
	return st, nil
}

// webhookMessageLocked is "@original" or a follow-up of the interaction.
func (s *Server) webhookMessageLocked(r *http.Request) (*interactionState, *Message, *apiError) {
	st, apiErr := s.webhookLocked(r)
	if apiErr != nil {
		return nil, nil, apiErr
	}
	id := r.PathValue("message")
	m := st.followups[id]
	if id == "@original" {
		m = st.original
	}
	if m == nil {
		return st, nil, errUnknownMessage()
	}
	return st, m, nil
}

func (s *Server) followup(r *http.Request) (any, *apiError) {
	var b messageBody
	files, apiErr := decodeBody(r, &b)
	if apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, apiErr := s.webhookLocked(r)
	switch {
	case apiErr != nil:
		return nil, apiErr
	case st.acked == 0:
		return nil, errUnknownWebhook() // follow-ups need the callback first
	}
	out := outgoing{content: b.Content, embeds: b.Embeds, components: b.Components, flags: b.Flags,
		files: files, poll: len(b.Poll) > 0 && string(b.Poll) != "null"}
	if apiErr := checkOutgoing("", out, false); apiErr != nil {
		return nil, apiErr
	}
	m := *s.asResponseLocked(st, s.botMessageLocked(Channel{ID: st.ix.ChannelID, GuildID: st.ix.GuildID},
		b.Content, b.Embeds, b.Components, b.Flags))
	st.followups[m.ID] = &m
	s.responses = append(s.responses, Response{InteractionID: st.ix.ID, Type: ResponseFollowup, MessageID: m.ID,
		Content: m.Content, Embeds: m.Embeds, Components: m.Components, Flags: m.Flags, At: time.Now()})
	s.notifyLocked()
	return m, nil
}

func (s *Server) getWebhookMessage(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, apiErr := s.webhookMessageLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	return *m, nil
}

func (s *Server) editWebhookMessage(r *http.Request) (any, *apiError) {
	var b editBody
	files, apiErr := decodeBody(r, &b)
	if apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, m, apiErr := s.webhookMessageLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	edited := *m
	if b.Content != nil {
		edited.Content = *b.Content
	}
	if b.Embeds != nil {
		edited.Embeds = richEmbeds(*b.Embeds)
	}
	if b.Components != nil {
		edited.Components = *b.Components
	}
	out := outgoing{content: edited.Content, embeds: edited.Embeds, components: edited.Components,
		flags: edited.Flags, files: files + len(edited.Attachments)}
	if apiErr := checkOutgoing("", out, false); apiErr != nil {
		return nil, apiErr
	}
	if edited.Flags&flagLoading != 0 {
		edited.Flags &^= flagLoading // the first edit of a deferred answer replaces the placeholder
	} else {
		now := timestamp(time.Now())
		edited.EditedTimestamp = &now
	}
	*m = edited
	if stored := s.messages[m.ID]; stored != nil {
		*stored = edited
	}
	s.responses = append(s.responses, Response{InteractionID: st.ix.ID, Type: ResponseEdit, MessageID: m.ID,
		Content: m.Content, Embeds: m.Embeds, Components: m.Components, Flags: m.Flags, At: time.Now()})
	s.notifyLocked()
	return edited, nil
}

func (s *Server) deleteWebhookMessage(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, m, apiErr := s.webhookMessageLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	if r.PathValue("message") == "@original" {
		st.original = nil
	}
	delete(st.followups, m.ID)
	s.responses = append(s.responses, Response{InteractionID: st.ix.ID, Type: ResponseDelete, MessageID: m.ID, At: time.Now()})
	s.notifyLocked()
	return nil, nil
}
