package telegramtest

import (
	"reflect"
	"testing"
)

func TestDetectEntities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []MessageEntity
	}{
		{"plain words mark nothing", "hello there 3.50", nil},
		{"a command at the start", "/check this", []MessageEntity{{Type: "bot_command", Offset: 0, Length: 6}}},
		{"a command addressed to a bot", "/check@scamwarn_test_bot", []MessageEntity{{Type: "bot_command", Offset: 0, Length: 24}}},
		{"a slash inside a word is no command", "and/or", nil},
		{"a mention", "ask @support_team now", []MessageEntity{{Type: "mention", Offset: 4, Length: 13}}},
		{"a hashtag", "#scam alert", []MessageEntity{{Type: "hashtag", Offset: 0, Length: 5}}},
		{"a link with a scheme, without the full stop", "go to https://evil.example/login.",
			[]MessageEntity{{Type: "url", Offset: 6, Length: 26}}},
		{"a bare host is a link", "visit paypa1-secure.com now", []MessageEntity{{Type: "url", Offset: 6, Length: 17}}},
		{"a bare host with a path", "(see bit.ly/x1)", []MessageEntity{{Type: "url", Offset: 5, Length: 9}}},
		{"offsets count UTF-16 units", "😀 t.co/a", []MessageEntity{{Type: "url", Offset: 3, Length: 6}}},
		{"an e-mail host is not a link", "mail me@example.com", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectEntities(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("detectEntities(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
		})
	}
}
