package scam

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestLevelsReadAndWriteTheirNames(t *testing.T) {
	for _, tt := range []struct {
		name  string
		level Level
	}{{"low", Low}, {"medium", Medium}, {"high", High}} {
		got, err := ParseLevel(tt.name)
		if err != nil || got != tt.level {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", tt.name, got, err, tt.level)
		}
		if s := tt.level.String(); s != tt.name {
			t.Errorf("%d.String() = %q, want %q", tt.level, s, tt.name)
		}
	}
	if _, err := ParseLevel("severe"); CodeOf(err) != CodeBadArgument {
		t.Errorf("ParseLevel(severe): error %v, want code %s", err, CodeBadArgument)
	}
	if s := Level(7).String(); s != "level(7)" {
		t.Errorf("Level(7).String() = %q", s)
	}
}

func TestVerdictJSONKeepsSignalsAnArray(t *testing.T) {
	b, err := json.Marshal(Verdict{Level: High})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["level"] != "high" {
		t.Errorf("level = %v, want \"high\"", m["level"])
	}
	if s, ok := m["signals"].([]any); !ok || len(s) != 0 {
		t.Errorf("signals = %#v, want []", m["signals"])
	}
}

func TestErrorsKeepGoTextForLogsOnly(t *testing.T) {
	inner := errors.New("open /var/db: permission denied")
	err := fmt.Errorf("saving: %w", Wrap(CodeUnavailable, "the database is busy; try again", inner))
	if got := UserMessage(err); got != "the database is busy; try again" {
		t.Errorf("UserMessage = %q", got)
	}
	if got := CodeOf(err); got != CodeUnavailable {
		t.Errorf("CodeOf = %q", got)
	}
	if !errors.Is(err, inner) {
		t.Error("the wrapped error is lost for logs")
	}
	if got := UserMessage(inner); got == inner.Error() {
		t.Errorf("UserMessage leaked a Go error: %q", got)
	}
	if CodeOf(inner) != CodeInternal {
		t.Errorf("CodeOf(plain error) = %q, want internal", CodeOf(inner))
	}
}

func TestCategories(t *testing.T) {
	if !Investment.IsTypology() || Contact.IsTypology() {
		t.Error("investment must be a typology and contact not")
	}
	if !Forwarded.Known() || Category("nonsense").Known() {
		t.Error("Known is wrong")
	}
}

func TestLanguageSet(t *testing.T) {
	s, err := NewLanguageSet("en", []string{"zh", "en", "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Names(); !slices.Equal(got, []string{"en", "fr", "zh"}) {
		t.Errorf("Names() = %v, want the fallback first, then sorted", got)
	}
	for in, want := range map[string]string{"fr-CA": "fr", "zh-TW": "zh", "de": "en", "": "en", "!!": "en"} {
		if got := s.Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := NewLanguageSet("en", []string{"fr"}); err == nil {
		t.Error("a set without its fallback was accepted")
	}
	if _, err := NewLanguageSet("en", []string{"en", "not a tag"}); err == nil {
		t.Error("a set with a bad code was accepted")
	}
}

func TestLaterSaysWhenToRetry(t *testing.T) {
	err := Later(CodeRateLimited, "slow down", 3*time.Second, errors.New("429"))
	var ra interface{ RetryAfter() time.Duration }
	if !errors.As(err, &ra) || ra.RetryAfter() != 3*time.Second || CodeOf(err) != CodeRateLimited || UserMessage(err) != "slow down" {
		t.Errorf("Later = %v", err)
	}
}
