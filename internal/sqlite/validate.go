package sqlite

import (
	"github.com/scamwarn/scamwarn/internal/scam"
)

// The checks here refuse, with a bad_argument error, values that a caller
// built wrongly: what goes into the file stays small and well-formed, so
// that what comes out of it can be trusted without checking again.

const (
	maxPlatform   = 32
	maxChatID     = 128
	maxLang       = 16
	maxNoticeChat = 128
)

// chatRefError says what is wrong with a chat reference, or returns nil.
func chatRefError(c scam.ChatRef) error {
	if err := platformError(c.Platform); err != nil {
		return err
	}
	if c.ID == "" || len(c.ID) > maxChatID {
		return scam.Errorf(scam.CodeBadArgument, "a chat id must be 1 to %d bytes long", maxChatID)
	}
	return nil
}

// platformError refuses an empty or long platform name: it is stored in
// clear, so it must be a short name such as "telegram", not free text.
func platformError(p string) error {
	if p == "" || len(p) > maxPlatform {
		return scam.Errorf(scam.CodeBadArgument, "a platform name must be 1 to %d bytes long", maxPlatform)
	}
	for i := 0; i < len(p); i++ {
		if !isLower(p[i]) && !isDigit(p[i]) && p[i] != '_' && p[i] != '-' {
			return scam.Errorf(scam.CodeBadArgument, "the platform name %q may hold only a-z, 0-9, _ and -", p)
		}
	}
	return nil
}

// settingsError says what is wrong with chat settings, or returns nil.
func settingsError(s scam.ChatSettings) error {
	if s.AlertLevel != scam.High && s.AlertLevel != scam.Medium {
		return scam.Errorf(scam.CodeBadArgument, "the alert level must be high or medium, not %s", s.AlertLevel)
	}
	if s.Country != "" && (len(s.Country) != 2 || !isUpper(s.Country[0]) || !isUpper(s.Country[1])) {
		return scam.Errorf(scam.CodeBadArgument, "the country %q must be a two-letter code in capitals, such as SG", s.Country)
	}
	if len(s.Lang) > maxLang {
		return scam.Errorf(scam.CodeBadArgument, "the language must be at most %d bytes long", maxLang)
	}
	for i := 0; i < len(s.Lang); i++ {
		if c := s.Lang[i]; !isLower(c) && !isUpper(c) && !isDigit(c) && c != '-' {
			return scam.Errorf(scam.CodeBadArgument, "the language %q may hold only letters, digits and -", s.Lang)
		}
	}
	if len(s.NoticeChat) > maxNoticeChat {
		return scam.Errorf(scam.CodeBadArgument, "the notice chat id must be at most %d bytes long", maxNoticeChat)
	}
	return nil
}

// levelError refuses a Level outside Low, Medium and High.
func levelError(l scam.Level) error {
	if l < scam.Low || l > scam.High {
		return scam.Errorf(scam.CodeBadArgument, "unknown level %s", l)
	}
	return nil
}

// categoryError refuses a category the vocabulary does not name.
func categoryError(c scam.Category) error {
	if !c.Known() {
		return scam.Errorf(scam.CodeBadArgument, "unknown category %q", c)
	}
	return nil
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
