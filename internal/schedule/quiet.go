package schedule

import (
	"strings"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Quiet is a range of local time of day with no tips, from From up to but
// not including To. It may wrap over midnight (22:00-07:00).
type Quiet struct{ From, To clock }

// ParseQuiet reads "HH:MM-HH:MM". The error is safe to show a user.
func ParseQuiet(s string) (Quiet, error) {
	from, to, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), "-")
	if !ok {
		return Quiet{}, scam.Errorf(scam.CodeBadArgument, "quiet hours are a range of time, such as 22:00-07:00")
	}
	var q Quiet
	var err error
	if q.From, err = parseClock(from); err != nil {
		return Quiet{}, err
	}
	if q.To, err = parseClock(to); err != nil {
		return Quiet{}, err
	}
	if q.From == q.To {
		return Quiet{}, scam.Errorf(scam.CodeBadArgument, "quiet hours %s start and end at the same time", s)
	}
	return q, nil
}

func (q Quiet) String() string { return q.From.String() + "-" + q.To.String() }

// Contains reports whether wall time w (see Cadence) is in the quiet hours.
func (q Quiet) Contains(w time.Time) bool {
	m := clock(w.Hour()*60 + w.Minute())
	if q.From < q.To {
		return q.From <= m && m < q.To
	}
	return m >= q.From || m < q.To
}
