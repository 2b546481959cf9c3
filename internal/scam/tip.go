package scam

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Tip is one awareness tip in one language, as the library hands it out.
type Tip struct {
	ID       string   `json:"id"`
	Lang     string   `json:"lang"` // the language of Title and Body
	Title    string   `json:"title"`
	Body     string   `json:"body"`
	Tags     []string `json:"tags"`
	Priority string   `json:"priority"` // "high" or "normal"
	Season   *Season  `json:"season,omitempty"`
	Sources  []string `json:"sources"`
}

// TipTags are the typology tags a tip may carry. Schedules and commands
// that filter tips by tag accept only these.
var TipTags = []string{
	"investment", "romance", "job", "task", "sextortion", "impersonation", "recovery",
	"tech_support", "advance_fee", "discord", "telegram", "payment", "crypto", "after_loss",
	"helping", "trafficking", "phishing", "money_mule", "general",
}

// UnknownTipTags returns the tags of tags that are not TipTags.
func UnknownTipTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		if !slices.Contains(TipTags, t) {
			out = append(out, t)
		}
	}
	return out
}

// HasTag reports whether t carries one of tags; true when tags is empty.
func (t Tip) HasTag(tags ...string) bool {
	if len(tags) == 0 {
		return true
	}
	for _, tag := range tags {
		if slices.Contains(t.Tags, tag) {
			return true
		}
	}
	return false
}

// Season is the part of the year a tip suits, from one month-day to
// another, both included; it may wrap over the new year (12-01..01-15).
type Season struct {
	From, To MonthDay
}

// MonthDay is a day of the year without the year.
type MonthDay struct {
	Month time.Month
	Day   int
}

func (d MonthDay) String() string { return fmt.Sprintf("%02d-%02d", int(d.Month), d.Day) }

func (d MonthDay) before(o MonthDay) bool {
	return d.Month < o.Month || d.Month == o.Month && d.Day < o.Day
}

// Contains reports whether t's date (in t's own location) is in the season.
func (s Season) Contains(t time.Time) bool {
	d := MonthDay{t.Month(), t.Day()}
	if s.To.before(s.From) { // wraps over the new year
		return !d.before(s.From) || !s.To.before(d)
	}
	return !d.before(s.From) && !s.To.before(d)
}

func (s Season) String() string { return s.From.String() + ".." + s.To.String() }

// MarshalText writes the season as "MM-DD..MM-DD".
func (s Season) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeason reads "MM-DD..MM-DD".
func ParseSeason(v string) (Season, error) {
	from, to, ok := strings.Cut(v, "..")
	if !ok {
		return Season{}, fmt.Errorf("season %q: want MM-DD..MM-DD", v)
	}
	var s Season
	for i, part := range []string{from, to} {
		// Without a year, time.Parse uses year 0, a leap year: 02-29 is
		// a day of the year.
		d, err := time.Parse("01-02", part)
		if err != nil {
			return Season{}, fmt.Errorf("season %q: %q is not a day of the year (MM-DD)", v, part)
		}
		md := MonthDay{d.Month(), d.Day()}
		if i == 0 {
			s.From = md
		} else {
			s.To = md
		}
	}
	return s, nil
}
