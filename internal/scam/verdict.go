// Package scam is the vocabulary every part of scamwarn speaks: the message to
// check, the verdict about it, and the errors that are safe to show a user.
// It has no I/O and imports only the standard library.
package scam

import (
	"encoding/json"
	"fmt"
)

// Level says how likely a message is a scam.
type Level int

// The levels, from least to most worrying. The zero value is Low.
const (
	Low    Level = iota // no strong red flags, which does not prove it is safe
	Medium              // suspicious
	High                // very likely a scam
)

var levelNames = [...]string{Low: "low", Medium: "medium", High: "high"}

// String returns "low", "medium" or "high".
func (l Level) String() string {
	if l < Low || l > High {
		return fmt.Sprintf("level(%d)", int(l))
	}
	return levelNames[l]
}

// ParseLevel reads "low", "medium" or "high".
func ParseLevel(s string) (Level, error) {
	for l, name := range levelNames {
		if s == name {
			return Level(l), nil
		}
	}
	return Low, Errorf(CodeBadArgument, "unknown level %q: use low, medium or high", s)
}

// MarshalText writes the level's name, so JSON shows "high", not 2.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads a level's name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Span is a byte range [Start, End) in the original text of a Message.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Signal is one red flag found in a message.
type Signal struct {
	// Rule is the stable id of the rule that fired, such as "contact.move_app".
	Rule string `json:"rule"`
	// Category is the typology or family the rule belongs to.
	Category Category `json:"category"`
	// Weight is what the signal added to the score.
	Weight float64 `json:"weight"`
	// Evidence is where in Message.Text the rule matched. It is empty when
	// the evidence is not in the text (a link target the platform supplied,
	// a forward header).
	Evidence []Span `json:"evidence,omitempty"`
	// Detail is a short machine value that qualifies the signal: the
	// registrable domain of a link, the brand it imitates, the chain of a
	// wallet address. It never holds free text from the message beyond that.
	Detail string `json:"detail,omitempty"`
	// Explain is the key of the one-line explanation in the reply catalog.
	Explain string `json:"explain"`
}

// Verdict is what the engine concludes about a message.
type Verdict struct {
	Level    Level    `json:"level"`
	Score    float64  `json:"score"`
	Category Category `json:"category"`
	Signals  []Signal `json:"signals"`
	// Language is the rule language the text looked most like.
	Language string `json:"language,omitempty"`
	// Truncated is true when the text was longer than the engine's cap and
	// only its first CheckedBytes bytes were checked.
	Truncated    bool `json:"truncated,omitempty"`
	CheckedBytes int  `json:"checked_bytes"`
}

// MarshalJSON keeps "signals" an array even when there are none.
func (v Verdict) MarshalJSON() ([]byte, error) {
	type plain Verdict
	p := plain(v)
	if p.Signals == nil {
		p.Signals = []Signal{}
	}
	return json.Marshal(p)
}
