package telegramtest

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
)

// validCommand is Telegram's rule for a command name: 1-32 of lower-case
// letters, digits and underscores. "Check" is refused.
var validCommand = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// Commands returns the command menu the bot set for a scope and language.
// scope is the scope's type ("default", "all_private_chats",
// "all_group_chats", "chat", ...; "" means "default"), followed for chat
// scopes by ":" and the chat id, as in "chat:-1001234"; languageCode is ""
// for all languages.
func (s *Server) Commands(scope, languageCode string) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	if scope == "" {
		scope = "default"
	}
	return append([]BotCommand(nil), s.commands[scope+"|"+languageCode]...)
}

// commandsKey names the menu a call is about.
func commandsKey(p params) (string, *apiError) {
	scope := "default"
	if raw := p.str("scope"); raw != "" {
		var sc struct {
			Type   string          `json:"type"`
			ChatID json.RawMessage `json:"chat_id"`
			UserID int64           `json:"user_id"`
		}
		if json.Unmarshal([]byte(raw), &sc) != nil || sc.Type == "" {
			return "", badRequest("can't parse BotCommandScope JSON object")
		}
		scope = sc.Type
		if len(sc.ChatID) > 0 {
			var id any
			_ = json.Unmarshal(sc.ChatID, &id)
			switch v := id.(type) {
			case float64:
				scope += ":" + strconv.FormatInt(int64(v), 10)
			case string:
				scope += ":" + v
			}
		}
		if sc.UserID != 0 {
			scope += ":" + strconv.FormatInt(sc.UserID, 10)
		}
	}
	return scope + "|" + p.str("language_code"), nil
}

func (s *Server) setMyCommands(_ *http.Request, p params) (any, *apiError) {
	key, e := commandsKey(p)
	if e != nil {
		return nil, e
	}
	var cmds []BotCommand
	if json.Unmarshal([]byte(p.str("commands")), &cmds) != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	if len(cmds) > 100 {
		return nil, badRequest("too many commands specified")
	}
	for _, c := range cmds {
		if !validCommand.MatchString(c.Command) || c.Description == "" || utf16Len(c.Description) > 256 {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
	}
	s.commands[key] = cmds
	return true, nil
}

func (s *Server) deleteMyCommands(_ *http.Request, p params) (any, *apiError) {
	key, e := commandsKey(p)
	if e != nil {
		return nil, e
	}
	delete(s.commands, key)
	return true, nil
}

func (s *Server) getMyCommands(_ *http.Request, p params) (any, *apiError) {
	key, e := commandsKey(p)
	if e != nil {
		return nil, e
	}
	return append([]BotCommand{}, s.commands[key]...), nil
}
