package scam

import (
	"fmt"
	"slices"
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
	var s Season
	var m1, d1, m2, d2 int
	var rest string
	n, _ := fmt.Sscanf(v+" end", "%d-%d..%d-%d %s", &m1, &d1, &m2, &d2, &rest)
	if n != 5 || rest != "end" || len(v) != len("01-01..12-31") {
		return s, fmt.Errorf("season %q: want MM-DD..MM-DD", v)
	}
	for _, md := range [][2]int{{m1, d1}, {m2, d2}} {
		if md[0] < 1 || md[0] > 12 || md[1] < 1 || md[1] > time.Date(2024, time.Month(md[0])+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			return s, fmt.Errorf("season %q: %02d-%02d is not a day of the year", v, md[0], md[1])
		}
	}
	s.From, s.To = MonthDay{time.Month(m1), d1}, MonthDay{time.Month(m2), d2}
	return s, nil
}
