package telegramtest

import (
	"net/http"
	"slices"
	"strconv"
)

// memberKey names a user in a chat.
type memberKey struct{ chat, user int64 }

// SetMember sets a user's status in a chat for getChatMember and
// getChatAdministrators: "creator", "administrator", "member",
// "restricted", "left" or "kicked". Unset users are members. The bot's own
// id works too, for instance to make it an administrator.
func (s *Server) SetMember(chatID, userID int64, status string) {
	s.SetChatMember(chatID, ChatMember{Status: status, User: User{ID: userID}})
}

// SetChatMember sets a member in full, rights and all. A User with only an
// ID is completed from what the server knows of that user.
func (s *Server) SetChatMember(chatID int64, m ChatMember) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[memberKey{chatID, m.User.ID}] = m
	s.notify()
}

// member returns userID's membership in chatID. The caller holds s.mu.
func (s *Server) member(chatID, userID int64) ChatMember {
	m, ok := s.members[memberKey{chatID, userID}]
	if !ok {
		m = ChatMember{Status: "member"}
	}
	m.User = s.user(userID, m.User)
	return m
}

// user completes what is known of userID. The caller holds s.mu.
func (s *Server) user(userID int64, given User) User {
	switch {
	case given.FirstName != "":
		return given
	case userID == s.bot.ID:
		return s.bot
	}
	if u, ok := s.users[userID]; ok {
		return u
	}
	return User{ID: userID, FirstName: "User " + strconv.FormatInt(userID, 10)}
}

func (s *Server) getChatMember(_ *http.Request, p params) (any, *apiError) {
	chatID, e := s.checkChat(p)
	if e != nil {
		return nil, e
	}
	userID := p.int64("user_id")
	if userID <= 0 {
		return nil, badRequest("invalid user_id specified")
	}
	return s.member(chatID, userID), nil
}

// getChatAdministrators lists the creator and administrators, ordered by
// user id so answers are stable.
func (s *Server) getChatAdministrators(_ *http.Request, p params) (any, *apiError) {
	chatID, e := s.checkChat(p)
	if e != nil {
		return nil, e
	}
	if chatID > 0 {
		return nil, badRequest("there are no administrators in the private chat")
	}
	var ids []int64
	for k, m := range s.members {
		if k.chat == chatID && (m.Status == "creator" || m.Status == "administrator") {
			ids = append(ids, k.user)
		}
	}
	slices.Sort(ids)
	admins := []ChatMember{}
	for _, id := range ids {
		admins = append(admins, s.member(chatID, id))
	}
	return admins, nil
}

func (s *Server) getChat(_ *http.Request, p params) (any, *apiError) {
	chatID, e := s.checkChat(p)
	if e != nil {
		return nil, e
	}
	return s.chat(chatID), nil
}

// leaveChat records the bot as gone: later getChatMember calls for the bot
// say "left".
func (s *Server) leaveChat(_ *http.Request, p params) (any, *apiError) {
	chatID, e := s.checkChat(p)
	if e != nil {
		return nil, e
	}
	if chatID > 0 {
		return nil, badRequest("chat member status can't be changed in private chats")
	}
	s.members[memberKey{chatID, s.bot.ID}] = ChatMember{Status: "left"}
	return true, nil
}
