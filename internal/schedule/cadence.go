package schedule

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// A Cadence says when the slots of a schedule fall, in local wall-clock time.
//
// Every computation happens on wall clocks written as UTC times, where no
// daylight-saving change exists: 09:00 every day is 09:00 every day. Only
// then is a wall time placed in the schedule's zone (see Slots). That is
// what keeps a change of clocks from skipping or doubling a day.
type Cadence interface {
	// next returns the first wall time strictly after w.
	next(w time.Time) time.Time
	// String returns the canonical form, which ParseCadence reads back.
	String() string
}

// MinInterval is the shortest gap a cadence may leave between two tips:
// tips are reminders, and more than one an hour is noise.
const MinInterval = time.Hour

// ParseCadence reads when to post. Accepted forms (case does not matter):
//
//	daily 09:00
//	weekly mon,thu 09:00      (also: every monday 09:00, every weekday 18:30)
//	every 6h [from 08:00]     (also: every 6 hours; N divides 24)
//	cron 0 9 * * 1-5          (minute hour day-of-month month day-of-week)
//
// The errors are safe to show a user.
func ParseCadence(s string) (Cadence, error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return nil, badCadence("say when to post, such as \"daily 09:00\" or \"every monday 09:00\"")
	}
	var c Cadence
	var err error
	switch f[0] {
	case "daily":
		c, err = parseDaily(f[1:])
	case "weekly":
		c, err = parseWeekly(f[1:])
	case "every":
		if len(f) > 1 && (strings.HasSuffix(f[1], "h") || len(f) > 2 && strings.HasPrefix(f[2], "hour")) {
			c, err = parseHourly(f[1:])
		} else if len(f) > 1 && f[1] == "day" {
			c, err = parseDaily(f[2:])
		} else {
			c, err = parseWeekly(f[1:])
		}
	case "cron":
		c, err = parseCron(f[1:])
	default:
		return nil, badCadence("unknown cadence %q: use daily, weekly, every or cron", f[0])
	}
	if err != nil {
		return nil, err
	}
	if err := checkInterval(c); err != nil {
		return nil, err
	}
	return c, nil
}

func badCadence(format string, args ...any) error {
	return scam.Errorf(scam.CodeBadArgument, format, args...)
}

// clock is a time of day in minutes after midnight.
type clock int

func parseClock(s string) (clock, error) {
	h, m, ok := strings.Cut(s, ":")
	hour, errH := strconv.Atoi(h)
	minute, errM := strconv.Atoi(m)
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 || errH != nil || errM != nil ||
		hour < 0 || hour > 23 || minute < 0 || minute > 59 || strings.ContainsAny(s, "+-") {
		return 0, badCadence("%q is not a time of day: use HH:MM on a 24-hour clock, such as 09:00 or 18:30", s)
	}
	return clock(hour*60 + minute), nil
}

func (c clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// on returns the wall time at c on w's date.
func (c clock) on(w time.Time) time.Time {
	y, m, d := w.Date()
	return time.Date(y, m, d, int(c)/60, int(c)%60, 0, 0, time.UTC)
}

type daily struct{ at clock }

func parseDaily(f []string) (Cadence, error) {
	if len(f) != 1 {
		return nil, badCadence("say the time of day: daily HH:MM, such as daily 09:00")
	}
	at, err := parseClock(f[0])
	if err != nil {
		return nil, err
	}
	return daily{at}, nil
}

func (c daily) next(w time.Time) time.Time {
	t := c.at.on(w)
	if !t.After(w) {
		t = c.at.on(w.AddDate(0, 0, 1))
	}
	return t
}

func (c daily) String() string { return "daily " + c.at.String() }

type weekly struct {
	days [7]bool // by time.Weekday
	at   clock
}

var dayNames = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

var shortDay = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func parseDay(s string) ([]time.Weekday, bool) {
	switch s {
	case "weekday", "weekdays":
		return []time.Weekday{1, 2, 3, 4, 5}, true
	case "weekend", "weekends":
		return []time.Weekday{0, 6}, true
	}
	s = strings.TrimSuffix(s, "s") // "mondays"
	for name, d := range dayNames {
		full := strings.ToLower(d.String())
		if s == name || s == full || len(s) >= 3 && strings.HasPrefix(full, s) {
			return []time.Weekday{d}, true
		}
	}
	return nil, false
}

func parseWeekly(f []string) (Cadence, error) {
	if len(f) < 2 {
		return nil, badCadence("say the days and the time: weekly mon,thu 09:00 or every monday 09:00")
	}
	var c weekly
	for _, part := range f[:len(f)-1] {
		for _, name := range strings.FieldsFunc(part, func(r rune) bool { return r == ',' || r == '+' }) {
			if name == "and" {
				continue
			}
			days, ok := parseDay(name)
			if !ok {
				return nil, badCadence("%q is not a day of the week: use mon, tue, wed, thu, fri, sat, sun, weekdays or weekends", name)
			}
			for _, d := range days {
				c.days[d] = true
			}
		}
	}
	if !slices.Contains(c.days[:], true) {
		return nil, badCadence("say at least one day of the week")
	}
	at, err := parseClock(f[len(f)-1])
	if err != nil {
		return nil, err
	}
	c.at = at
	if c.days == [7]bool{true, true, true, true, true, true, true} {
		return daily{at}, nil
	}
	return c, nil
}

func (c weekly) next(w time.Time) time.Time {
	for i := range 8 {
		d := w.AddDate(0, 0, i)
		if t := c.at.on(d); c.days[d.Weekday()] && t.After(w) {
			return t
		}
	}
	panic("unreachable: a weekly cadence has at least one day")
}

func (c weekly) String() string {
	var days []string
	for _, d := range []time.Weekday{1, 2, 3, 4, 5, 6, 0} { // Monday first
		if c.days[d] {
			days = append(days, shortDay[d])
		}
	}
	return "weekly " + strings.Join(days, ",") + " " + c.at.String()
}

// hourly posts every n hours at fixed times of day, counted from a clock
// time; n divides 24 so that every day looks the same.
type hourly struct {
	n    int
	from clock
}

func parseHourly(f []string) (Cadence, error) {
	num := strings.TrimSuffix(f[0], "h")
	rest := f[1:]
	if len(rest) > 0 && strings.HasPrefix(rest[0], "hour") {
		rest = rest[1:]
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > 24 || 24%n != 0 {
		return nil, badCadence("every N hours: N must be 1, 2, 3, 4, 6, 8, 12 or 24")
	}
	c := hourly{n: n}
	switch {
	case len(rest) == 0:
	case len(rest) == 2 && rest[0] == "from":
		if c.from, err = parseClock(rest[1]); err != nil {
			return nil, err
		}
	default:
		return nil, badCadence("every N hours takes only \"from HH:MM\" after it, such as every 6h from 08:00")
	}
	if n == 24 {
		return daily{c.from}, nil
	}
	return c, nil
}

func (c hourly) next(w time.Time) time.Time {
	step := time.Duration(c.n) * time.Hour
	anchor := c.from.on(w)
	// n divides a day, so the slots are anchor + k*step for every integer k.
	k := w.Sub(anchor) / step
	t := anchor.Add(k * step)
	for !t.After(w) {
		t = t.Add(step)
	}
	for t.Add(-step).After(w) {
		t = t.Add(-step)
	}
	return t
}

func (c hourly) String() string {
	return fmt.Sprintf("every %dh from %s", c.n, c.from)
}

// cronCadence is a standard five-field cron expression, parsed by
// robfig/cron and evaluated on UTC wall clocks.
type cronCadence struct {
	spec  string
	sched cron.Schedule
}

func parseCron(f []string) (Cadence, error) {
	if len(f) != 5 {
		return nil, badCadence("cron takes five fields: minute hour day-of-month month day-of-week, such as cron 0 9 * * 1-5")
	}
	spec := strings.Join(f, " ")
	p := cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)
	sched, err := p.Parse(spec)
	if err != nil {
		return nil, badCadence("cron %q cannot be read: check each of the five fields (minute hour day-of-month month day-of-week)", spec)
	}
	return cronCadence{spec: spec, sched: sched}, nil
}

func (c cronCadence) next(w time.Time) time.Time { return c.sched.Next(w) }

func (c cronCadence) String() string { return "cron " + c.spec }

// checkInterval refuses a cadence that never fires or fires more often than
// MinInterval, looking at a year of its slots from a fixed day.
func checkInterval(c Cadence) error {
	w := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	end := w.AddDate(1, 0, 0)
	first := true
	for w.Before(end) {
		n := c.next(w)
		if n.IsZero() || n.After(w.AddDate(5, 0, 0)) {
			if first {
				return badCadence("%s never happens", c)
			}
			return nil
		}
		if !first && n.Sub(w) < MinInterval {
			return badCadence("%s posts more than once an hour; tips work best a few times a week", c)
		}
		first = false
		w = n
	}
	return nil
}
