package schedule

import (
	"strings"
	"time"
	// The tz database inside the binary: time zones work on a machine
	// without /usr/share/zoneinfo (a scratch container, Windows).
	_ "time/tzdata"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// LoadZone returns the IANA time zone named, with a user-safe error. "Local"
// is refused: it would mean whatever machine runs the bot.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || strings.HasPrefix(name, "/") {
		return nil, scam.Errorf(scam.CodeBadArgument, "say a time zone by its IANA name, such as Asia/Manila or Europe/Paris")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, scam.Errorf(scam.CodeBadArgument, "%q is not a time zone: use an IANA name such as Asia/Manila, America/New_York or UTC", name)
	}
	return loc, nil
}

// wallOf returns the wall clock of t in loc, written as UTC.
func wallOf(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.UTC)
}

// instantOf places wall time w in loc. A wall time that does not exist that
// day, because the clocks went forward past it, falls after the change (a
// daily 02:30 is posted at 03:30 on the night the clocks skip from 02:00 to
// 03:00); one that exists twice, because the clocks went back, is the first
// of the two.
//
// time.Date leaves both choices open (which one it makes depends on the
// zone), so the candidates are worked out from the offsets in force a day
// and a half either side.
func instantOf(w time.Time, loc *time.Location) time.Time {
	_, before := w.Add(-36 * time.Hour).In(loc).Zone()
	_, after := w.Add(36 * time.Hour).In(loc).Zone()
	var best time.Time
	for _, off := range []int{before, after} {
		t := w.Add(-time.Duration(off) * time.Second)
		if wallOf(t, loc).Equal(w) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if best.IsZero() {
		// In the gap: as far after the change as w is into it.
		best = w.Add(-time.Duration(before) * time.Second)
	}
	return best.In(loc)
}

// following returns the slot after the one at wall time w (due at instant
// at): its wall time and instant. Wall times that land on the same instant
// or earlier, as two of them can when the clocks go forward, merge into one
// slot, so a tip is never posted twice at once.
func following(c Cadence, loc *time.Location, w, at time.Time) (time.Time, time.Time) {
	for range 1000 {
		w = c.next(w)
		if w.IsZero() { // a cron expression with no more dates
			return time.Time{}, time.Time{}
		}
		if t := instantOf(w, loc); t.After(at) {
			return w, t
		}
	}
	return time.Time{}, time.Time{}
}

// Prepare checks a schedule a user asked for, writes its cadence and quiet
// hours in canonical form, and sets its first slot: the first one after now.
// The errors are safe to show a user.
func Prepare(s scam.Schedule, now time.Time) (scam.Schedule, error) {
	if s.Chat.Platform == "" || s.Chat.ID == "" {
		return s, scam.Errorf(scam.CodeBadArgument, "a schedule needs a chat")
	}
	c, err := ParseCadence(s.Cadence)
	if err != nil {
		return s, err
	}
	loc, err := LoadZone(s.Zone)
	if err != nil {
		return s, err
	}
	if s.Quiet != "" {
		q, err := ParseQuiet(s.Quiet)
		if err != nil {
			return s, err
		}
		s.Quiet = q.String()
	}
	if bad := scam.UnknownTipTags(s.Tags); len(bad) > 0 {
		return s, scam.Errorf(scam.CodeBadArgument, "%q is not a tip tag", bad[0])
	}
	s.Cadence = c.String()
	s.NextWall, s.Next = following(c, loc, wallOf(now, loc), now)
	if s.Next.IsZero() {
		return s, scam.Errorf(scam.CodeBadArgument, "%s never happens again", c)
	}
	if s.Created.IsZero() {
		s.Created = now
	}
	return s, nil
}

// Upcoming returns the instants of the next n slots of s after now, in the
// schedule's zone: for showing people when their tips will come.
func Upcoming(s scam.Schedule, now time.Time, n int) ([]time.Time, error) {
	c, err := ParseCadence(s.Cadence)
	if err != nil {
		return nil, err
	}
	loc, err := LoadZone(s.Zone)
	if err != nil {
		return nil, err
	}
	var out []time.Time
	w, at := wallOf(now, loc), now
	for range n {
		if w, at = following(c, loc, w, at); at.IsZero() {
			break
		}
		out = append(out, at.In(loc))
	}
	return out, nil
}
