package schedule

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// wall writes a local wall-clock time as UTC, the way cadences see it.
func wall(y int, mo time.Month, d, h, mi int) time.Time {
	return time.Date(y, mo, d, h, mi, 0, 0, time.UTC)
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := LoadZone(name)
	if err != nil {
		t.Fatalf("LoadZone(%q): %v", name, err)
	}
	return loc
}

func mustCadence(t *testing.T, s string) Cadence {
	t.Helper()
	c, err := ParseCadence(s)
	if err != nil {
		t.Fatalf("ParseCadence(%q): %v", s, err)
	}
	return c
}

// wantBadArgument fails unless err is a bad_argument error whose message a
// user may read: no Go error behind it and no parser jargon in it.
func wantBadArgument(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want a %s error", scam.CodeBadArgument)
	}
	if code := scam.CodeOf(err); code != scam.CodeBadArgument {
		t.Fatalf("got error %q with code %s, want code %s", err, code, scam.CodeBadArgument)
	}
	var e *scam.Error
	if errors.As(err, &e) && e.Err != nil {
		t.Errorf("got a user message wrapping the Go error %q, want none behind it", e.Err)
	}
	msg := scam.UserMessage(err)
	if msg == "" {
		t.Errorf("got an empty user message, want a sentence")
	}
	for _, leak := range []string{"parsing time", "strconv", "invalid syntax", "out of range", "failed to parse", "expected exactly", "cannot parse", "unknown time zone"} {
		if strings.Contains(msg, leak) {
			t.Errorf("got user message %q, want one without Go error text such as %q", msg, leak)
		}
	}
}

func TestParseCadenceAcceptsAndCanonicalises(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"daily 09:00", "daily 09:00"},
		{"Daily 9:00", "daily 09:00"},
		{"  DAILY   23:59 ", "daily 23:59"},
		{"daily 0:00", "daily 00:00"},
		{"every day 18:30", "daily 18:30"},
		{"weekly mon,thu 09:00", "weekly mon,thu 09:00"},
		{"weekly thu,mon 09:00", "weekly mon,thu 09:00"},
		{"every monday 09:00", "weekly mon 09:00"},
		{"every mondays 09:00", "weekly mon 09:00"},
		{"every mon and thu 09:00", "weekly mon,thu 09:00"},
		{"every tues+thurs 07:15", "weekly tue,thu 07:15"},
		{"every weekday 18:30", "weekly mon,tue,wed,thu,fri 18:30"},
		{"every weekdays 18:30", "weekly mon,tue,wed,thu,fri 18:30"},
		{"every weekends 10:00", "weekly sat,sun 10:00"},
		{"every weekend 10:00", "weekly sat,sun 10:00"},
		{"every sunday,saturday 10:00", "weekly sat,sun 10:00"},
		{"weekly mon,tue,wed,thu,fri,sat,sun 08:00", "daily 08:00"},
		{"every weekday and weekend 08:00", "daily 08:00"},
		{"every 6h", "every 6h from 00:00"},
		{"every 1h", "every 1h from 00:00"},
		{"every 6 hours from 08:00", "every 6h from 08:00"},
		{"every 8h from 05:00", "every 8h from 05:00"},
		{"every 12 hour from 9:30", "every 12h from 09:30"},
		{"every 24h from 07:00", "daily 07:00"},
		{"every 24h", "daily 00:00"},
		{"cron 0 9 * * 1-5", "cron 0 9 * * 1-5"},
		{"CRON 0 9 * * MON-FRI", "cron 0 9 * * mon-fri"},
		{"cron 0 * * * *", "cron 0 * * * *"},
		{"cron 30 18 1 * *", "cron 30 18 1 * *"},
		{"cron 0 0 29 2 *", "cron 0 0 29 2 *"},
	}
	for _, tt := range tests {
		t.Run(tt.in+" reads as "+tt.want, func(t *testing.T) {
			c, err := ParseCadence(tt.in)
			if err != nil {
				t.Fatalf("got error %v, want %q", err, tt.want)
			}
			if got := c.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			again, err := ParseCadence(c.String())
			if err != nil {
				t.Fatalf("the canonical form %q does not parse back: %v", c, err)
			}
			if got := again.String(); got != tt.want {
				t.Errorf("round trip: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseCadenceRefusesWithAUserSafeMessage(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"an empty cadence", ""},
		{"blank space only", "   "},
		{"an unknown word", "hourly"},
		{"daily without a time", "daily"},
		{"daily with two times", "daily 09:00 10:00"},
		{"an hour past 23", "daily 25:00"},
		{"a minute past 59", "daily 09:60"},
		{"an hour without minutes", "daily 9"},
		{"minutes without an hour", "daily :30"},
		{"a signed hour", "daily +9:00"},
		{"a three-digit hour", "daily 009:00"},
		{"a time with seconds", "daily 09:00:00"},
		{"weekly without days", "weekly 09:00"},
		{"weekly without a time", "weekly mon"},
		{"a day that does not exist", "every funday 09:00"},
		{"a day abbreviated too far", "every mo 09:00"},
		{"a bad time after good days", "every mon 9am"},
		{"every five hours, which does not divide a day", "every 5h"},
		{"every seven hours", "every 7h"},
		{"every zero hours", "every 0h"},
		{"every minus six hours", "every -6h"},
		{"every 48 hours", "every 48h"},
		{"hours with at instead of from", "every 6h at 08:00"},
		{"hours from a bad time", "every 6h from 25:00"},
		{"hours from without a time", "every 6h from"},
		{"cron with four fields", "cron 0 9 * *"},
		{"cron with six fields", "cron 0 0 9 * * *"},
		{"cron more than once an hour", "cron */30 * * * *"},
		{"cron every minute", "cron * * * * *"},
		{"cron two minutes of one hour", "cron 0,59 9 * * *"},
		{"cron that never happens", "cron 0 0 30 2 *"},
		{"cron with a descriptor", "cron @daily"},
		{"cron with a descriptor and padding", "cron @every 1h"},
		{"cron with minute 61", "cron 61 9 * * *"},
		{"cron with hour 24", "cron 0 24 * * *"},
		{"cron with a time zone prefix", "cron tz=utc 0 9 * *"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused", func(t *testing.T) {
			c, err := ParseCadence(tt.in)
			if err == nil {
				t.Fatalf("ParseCadence(%q): got %q, want an error", tt.in, c)
			}
			wantBadArgument(t, err)
		})
	}
}

func TestNext(t *testing.T) {
	tests := []struct {
		name    string
		cadence string
		from    time.Time
		want    time.Time
	}{
		{"daily: later the same day", "daily 09:00", wall(2024, 1, 31, 8, 59), wall(2024, 1, 31, 9, 0)},
		{"daily: at the slot goes to the next day", "daily 09:00", wall(2024, 1, 31, 9, 0), wall(2024, 2, 1, 9, 0)},
		{"daily: a second after the slot goes to the next day", "daily 09:00", wall(2024, 1, 31, 9, 0).Add(time.Second), wall(2024, 2, 1, 9, 0)},
		{"daily: into a leap day", "daily 09:00", wall(2024, 2, 28, 10, 0), wall(2024, 2, 29, 9, 0)},
		{"daily: out of a leap day", "daily 09:00", wall(2024, 2, 29, 9, 0), wall(2024, 3, 1, 9, 0)},
		{"daily: from the end of April", "daily 09:00", wall(2024, 4, 30, 23, 0), wall(2024, 5, 1, 9, 0)},
		{"daily: over the new year", "daily 09:00", wall(2024, 12, 31, 23, 59), wall(2025, 1, 1, 9, 0)},
		{"daily: at midnight", "daily 00:00", wall(2024, 12, 31, 0, 0), wall(2025, 1, 1, 0, 0)},

		{"weekly: later the same Monday", "weekly mon,thu 09:00", wall(2024, 1, 1, 8, 0), wall(2024, 1, 1, 9, 0)},
		{"weekly: Monday's slot to Thursday", "weekly mon,thu 09:00", wall(2024, 1, 1, 9, 0), wall(2024, 1, 4, 9, 0)},
		{"weekly: Thursday afternoon to Monday", "weekly mon,thu 09:00", wall(2024, 1, 4, 12, 0), wall(2024, 1, 8, 9, 0)},
		{"weekly: Sunday night wraps to Monday", "weekly mon,thu 09:00", wall(2024, 1, 7, 23, 0), wall(2024, 1, 8, 9, 0)},
		{"weekly: Saturday wraps to Sunday then Monday", "weekly sat,sun 10:00", wall(2024, 1, 7, 10, 0), wall(2024, 1, 13, 10, 0)},
		{"weekly: one day a week over the end of a month", "weekly sun 10:00", wall(2024, 3, 31, 10, 0), wall(2024, 4, 7, 10, 0)},
		{"weekly: over the new year", "weekly mon 09:00", wall(2024, 12, 31, 9, 0), wall(2025, 1, 6, 9, 0)},
		{"weekly: weekdays from Friday evening to Monday", "every weekday 18:30", wall(2024, 1, 5, 18, 30), wall(2024, 1, 8, 18, 30)},

		{"hourly: before the first slot of the day", "every 8h from 05:00", wall(2024, 1, 1, 4, 59), wall(2024, 1, 1, 5, 0)},
		{"hourly: at midnight", "every 8h from 05:00", wall(2024, 1, 1, 0, 0), wall(2024, 1, 1, 5, 0)},
		{"hourly: from 05:00 to 13:00", "every 8h from 05:00", wall(2024, 1, 1, 5, 0), wall(2024, 1, 1, 13, 0)},
		{"hourly: from 13:00 to 21:00", "every 8h from 05:00", wall(2024, 1, 1, 13, 0), wall(2024, 1, 1, 21, 0)},
		{"hourly: just before 21:00", "every 8h from 05:00", wall(2024, 1, 1, 20, 59), wall(2024, 1, 1, 21, 0)},
		{"hourly: from 21:00 over midnight to 05:00", "every 8h from 05:00", wall(2024, 1, 1, 21, 0), wall(2024, 1, 2, 5, 0)},
		{"hourly: from 23:30 over midnight to 05:00", "every 8h from 05:00", wall(2024, 1, 1, 23, 30), wall(2024, 1, 2, 5, 0)},
		{"hourly: over the new year", "every 8h from 05:00", wall(2024, 12, 31, 21, 0), wall(2025, 1, 1, 5, 0)},
		{"hourly: out of a leap day", "every 6h", wall(2024, 2, 29, 23, 59), wall(2024, 3, 1, 0, 0)},
		{"hourly: every hour on the hour", "every 1h", wall(2024, 6, 30, 23, 15), wall(2024, 7, 1, 0, 0)},
		{"hourly: a start after the first slot of the day", "every 6h from 20:00", wall(2024, 1, 1, 0, 0), wall(2024, 1, 1, 2, 0)},

		{"cron: Friday after the slot goes to Monday", "cron 0 9 * * 1-5", wall(2024, 1, 5, 10, 0), wall(2024, 1, 8, 9, 0)},
		{"cron: Friday before the slot", "cron 0 9 * * 1-5", wall(2024, 1, 5, 8, 0), wall(2024, 1, 5, 9, 0)},
		{"cron: at the slot goes to the next weekday", "cron 0 9 * * 1-5", wall(2024, 1, 8, 9, 0), wall(2024, 1, 9, 9, 0)},
		{"cron: the first of the month from the 31st", "cron 30 18 1 * *", wall(2024, 1, 31, 0, 0), wall(2024, 2, 1, 18, 30)},
		{"cron: the first of the month over the new year", "cron 30 18 1 * *", wall(2024, 12, 2, 0, 0), wall(2025, 1, 1, 18, 30)},
		{"cron: a leap day waits four years", "cron 0 0 29 2 *", wall(2024, 3, 1, 0, 0), wall(2028, 2, 29, 0, 0)},
		{"cron: every hour", "cron 0 * * * *", wall(2024, 12, 31, 23, 0), wall(2025, 1, 1, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCadence(t, tt.cadence)
			if got := c.next(tt.from); !got.Equal(tt.want) {
				t.Errorf("%s after %s: got %s, want %s", c, tt.from.Format(time.DateTime), got.Format(time.DateTime+" Mon"), tt.want.Format(time.DateTime+" Mon"))
			}
		})
	}
}

func TestNextIsAlwaysStrictlyLaterAndOnTheClock(t *testing.T) {
	for _, s := range []string{"daily 09:00", "weekly mon,thu 09:00", "every 8h from 05:00", "every 1h", "cron 15 9,21 * * 1-5"} {
		t.Run(s+" moves forward and never skips a slot", func(t *testing.T) {
			c := mustCadence(t, s)
			w := wall(2024, 1, 1, 0, 0)
			end := wall(2025, 1, 1, 0, 0)
			for w.Before(end) {
				n := c.next(w)
				if !n.After(w) {
					t.Fatalf("after %s: got %s, want a later time", w, n)
				}
				// Nothing in between is a slot: next of a minute before n is n.
				if m := c.next(n.Add(-time.Minute)); !m.Equal(n) {
					t.Fatalf("after %s: got %s, want %s", n.Add(-time.Minute), m, n)
				}
				w = n
			}
		})
	}
}

func TestWallOf(t *testing.T) {
	tests := []struct {
		name string
		zone string
		at   time.Time
		want time.Time
	}{
		{"Manila is eight hours ahead", "Asia/Manila", time.Date(2024, 3, 9, 18, 30, 0, 0, time.UTC), wall(2024, 3, 10, 2, 30)},
		{"New York in winter is five hours behind", "America/New_York", time.Date(2024, 1, 1, 14, 0, 0, 0, time.UTC), wall(2024, 1, 1, 9, 0)},
		{"New York in summer is four hours behind", "America/New_York", time.Date(2024, 7, 1, 13, 0, 0, 0, time.UTC), wall(2024, 7, 1, 9, 0)},
		{"seconds are kept and nanoseconds dropped", "UTC", time.Date(2024, 7, 1, 13, 0, 7, 999, time.UTC), time.Date(2024, 7, 1, 13, 0, 7, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wallOf(tt.at, mustZone(t, tt.zone))
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestInstantOfAroundDaylightSaving(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi int) time.Time { return time.Date(y, mo, d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		name string
		zone string
		wall time.Time
		want time.Time
	}{
		{"New York before clocks go forward", "America/New_York", wall(2024, 3, 10, 1, 30), utc(2024, 3, 10, 6, 30)},
		{"New York in the skipped hour falls after the change (03:30 EDT)", "America/New_York", wall(2024, 3, 10, 2, 30), utc(2024, 3, 10, 7, 30)},
		{"New York after clocks go forward", "America/New_York", wall(2024, 3, 10, 3, 30), utc(2024, 3, 10, 7, 30)},
		{"New York in the repeated hour is the first (01:30 EDT)", "America/New_York", wall(2024, 11, 3, 1, 30), utc(2024, 11, 3, 5, 30)},
		{"New York after clocks go back", "America/New_York", wall(2024, 11, 3, 2, 30), utc(2024, 11, 3, 7, 30)},
		{"London before clocks go forward", "Europe/London", wall(2024, 3, 31, 0, 30), utc(2024, 3, 31, 0, 30)},
		{"London in the skipped hour falls after the change (02:30 BST)", "Europe/London", wall(2024, 3, 31, 1, 30), utc(2024, 3, 31, 1, 30)},
		{"London after clocks go forward", "Europe/London", wall(2024, 3, 31, 2, 30), utc(2024, 3, 31, 1, 30)},
		{"London in the repeated hour is the first (01:30 BST)", "Europe/London", wall(2024, 10, 27, 1, 30), utc(2024, 10, 27, 0, 30)},
		{"London after clocks go back", "Europe/London", wall(2024, 10, 27, 2, 30), utc(2024, 10, 27, 2, 30)},
		{"Sydney before clocks go forward", "Australia/Sydney", wall(2024, 10, 6, 1, 30), utc(2024, 10, 5, 15, 30)},
		{"Sydney in the skipped hour falls after the change (03:30 AEDT)", "Australia/Sydney", wall(2024, 10, 6, 2, 30), utc(2024, 10, 5, 16, 30)},
		{"Sydney after clocks go forward", "Australia/Sydney", wall(2024, 10, 6, 3, 30), utc(2024, 10, 5, 16, 30)},
		{"Sydney in the repeated hour is the first (02:30 AEDT)", "Australia/Sydney", wall(2024, 4, 7, 2, 30), utc(2024, 4, 6, 15, 30)},
		{"Manila, which keeps one offset", "Asia/Manila", wall(2024, 3, 10, 2, 30), utc(2024, 3, 9, 18, 30)},
		{"UTC", "UTC", wall(2024, 3, 10, 2, 30), utc(2024, 3, 10, 2, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := mustZone(t, tt.zone)
			got := instantOf(tt.wall, loc)
			if !got.Equal(tt.want) {
				t.Errorf("instantOf(%s) in %s: got %s (%s), want %s (%s)", tt.wall.Format("2006-01-02 15:04"), tt.zone,
					got.UTC().Format(time.DateTime), got.In(loc).Format("15:04 MST"),
					tt.want.Format(time.DateTime), tt.want.In(loc).Format("15:04 MST"))
			}
		})
	}
}

func TestFollowingGivesOneSlotPerLocalDayAroundDaylightSaving(t *testing.T) {
	tests := []struct {
		name    string
		zone    string
		cadence string
		change  time.Time // the local date the clocks change
		// what the slot looks like on the day of the change
		wantClock  string
		wantOffset time.Duration
	}{
		{"New York daily 02:30 posts at 03:30 EDT when 02:30 is skipped", "America/New_York", "daily 02:30", wall(2024, 3, 10, 0, 0), "03:30", -4 * time.Hour},
		{"New York daily 01:30 posts at the first 01:30 (EDT) when clocks go back", "America/New_York", "daily 01:30", wall(2024, 11, 3, 0, 0), "01:30", -4 * time.Hour},
		{"New York daily 02:30 posts once when clocks go back", "America/New_York", "daily 02:30", wall(2024, 11, 3, 0, 0), "02:30", -5 * time.Hour},
		{"London daily 01:30 posts at 02:30 BST when 01:30 is skipped", "Europe/London", "daily 01:30", wall(2024, 3, 31, 0, 0), "02:30", time.Hour},
		{"London daily 01:30 posts at the first 01:30 (BST) when clocks go back", "Europe/London", "daily 01:30", wall(2024, 10, 27, 0, 0), "01:30", time.Hour},
		{"Sydney daily 02:30 posts at 03:30 AEDT when 02:30 is skipped", "Australia/Sydney", "daily 02:30", wall(2024, 10, 6, 0, 0), "03:30", 11 * time.Hour},
		{"Sydney daily 09:00 is not moved by the change", "Australia/Sydney", "daily 09:00", wall(2024, 10, 6, 0, 0), "09:00", 11 * time.Hour},
		{"Manila daily 02:30 stays at 02:30", "Asia/Manila", "daily 02:30", wall(2024, 3, 10, 0, 0), "02:30", 8 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := mustZone(t, tt.zone)
			c := mustCadence(t, tt.cadence)
			first, last := tt.change.AddDate(0, 0, -7), tt.change.AddDate(0, 0, 7)
			w := first.AddDate(0, 0, -1)
			at := instantOf(w, loc)
			perDay := map[string][]time.Time{}
			for {
				nw, nat := following(c, loc, w, at)
				if nat.IsZero() {
					t.Fatalf("following(%s, %s): got no slot", c, w)
				}
				if !nat.After(at) {
					t.Fatalf("following(%s, %s): got %s, want later than %s", c, w, nat, at)
				}
				w, at = nw, nat
				if w.After(last.AddDate(0, 0, 1)) {
					break
				}
				local := at.In(loc)
				perDay[local.Format(time.DateOnly)] = append(perDay[local.Format(time.DateOnly)], local)
			}
			for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
				day := d.Format(time.DateOnly)
				got := perDay[day]
				if len(got) != 1 {
					t.Errorf("%s: got %d slots %v, want exactly 1", day, len(got), got)
					continue
				}
				wantClock := strings.TrimPrefix(c.String(), "daily ")
				if d.Equal(tt.change) {
					wantClock = tt.wantClock
					if _, off := got[0].Zone(); time.Duration(off)*time.Second != tt.wantOffset {
						t.Errorf("%s: got the slot at %s, want it at UTC offset %s", day, got[0].Format("15:04 MST -0700"), tt.wantOffset)
					}
				}
				if clock := got[0].Format("15:04"); clock != wantClock {
					t.Errorf("%s: got the slot at %s, want %s", day, got[0].Format("15:04 MST"), wantClock)
				}
			}
		})
	}
}

func TestFollowingNeverRepeatsOrGoesBack(t *testing.T) {
	for _, zone := range []string{"America/New_York", "Australia/Sydney", "Europe/London"} {
		t.Run("every 1h in "+zone+" for 400 days moves forward by at least an hour", func(t *testing.T) {
			loc := mustZone(t, zone)
			c := mustCadence(t, "every 1h")
			w := wall(2024, 1, 1, 0, 0)
			at := instantOf(w, loc)
			end := at.AddDate(0, 0, 400)
			n := 0
			for at.Before(end) {
				nw, nat := following(c, loc, w, at)
				if nat.IsZero() {
					t.Fatalf("after %s: got no slot", at)
				}
				if gap := nat.Sub(at); gap < MinInterval {
					t.Fatalf("after %s (wall %s): got %s (wall %s), %s later; want at least %s later",
						at.In(loc), w.Format("2006-01-02 15:04"), nat.In(loc), nw.Format("2006-01-02 15:04"), gap, MinInterval)
				}
				w, at = nw, nat
				n++
			}
			// 400 days of 24 slots, minus the hour skipped in spring, which
			// merges with its neighbour, and the repeated hour in autumn,
			// which has one slot.
			if n < 400*24-2 || n > 400*24 {
				t.Errorf("got %d slots in 400 days, want about %d", n, 400*24)
			}
		})
	}
}

func TestParseQuiet(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"22:00-07:00", "22:00-07:00"},
		{"22:00 - 07:00", "22:00-07:00"},
		{"09:00-17:00", "09:00-17:00"},
		{"9:00-17:30", "09:00-17:30"},
	}
	for _, tt := range tests {
		t.Run(tt.in+" reads as "+tt.want, func(t *testing.T) {
			q, err := ParseQuiet(tt.in)
			if err != nil {
				t.Fatalf("got error %v, want %s", err, tt.want)
			}
			if got := q.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseQuietRefuses(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"a single time", "22:00"},
		{"an empty range", ""},
		{"a range that starts and ends together", "22:00-22:00"},
		{"an hour past 23", "25:00-07:00"},
		{"an end past 23", "22:00-24:00"},
		{"words", "night-morning"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused", func(t *testing.T) {
			q, err := ParseQuiet(tt.in)
			if err == nil {
				t.Fatalf("ParseQuiet(%q): got %s, want an error", tt.in, q)
			}
			wantBadArgument(t, err)
		})
	}
}

func TestQuietContains(t *testing.T) {
	tests := []struct {
		quiet string
		at    time.Time
		want  bool
	}{
		{"22:00-07:00", wall(2024, 1, 1, 21, 59), false},
		{"22:00-07:00", wall(2024, 1, 1, 22, 0), true},
		{"22:00-07:00", wall(2024, 1, 1, 23, 59), true},
		{"22:00-07:00", wall(2024, 1, 1, 0, 0), true},
		{"22:00-07:00", wall(2024, 1, 1, 6, 59), true},
		{"22:00-07:00", wall(2024, 1, 1, 7, 0), false},
		{"22:00-07:00", wall(2024, 1, 1, 12, 0), false},
		{"09:00-17:00", wall(2024, 1, 1, 8, 59), false},
		{"09:00-17:00", wall(2024, 1, 1, 9, 0), true},
		{"09:00-17:00", wall(2024, 1, 1, 16, 59), true},
		{"09:00-17:00", wall(2024, 1, 1, 17, 0), false},
		{"09:00-17:00", wall(2024, 1, 1, 0, 0), false},
		{"09:00-17:00", wall(2024, 1, 1, 23, 0), false},
	}
	for _, tt := range tests {
		verb := "is outside"
		if tt.want {
			verb = "is inside"
		}
		t.Run(tt.at.Format("15:04")+" "+verb+" "+tt.quiet, func(t *testing.T) {
			q, err := ParseQuiet(tt.quiet)
			if err != nil {
				t.Fatal(err)
			}
			if got := q.Contains(tt.at); got != tt.want {
				t.Errorf("%s.Contains(%s): got %t, want %t", q, tt.at.Format("15:04"), got, tt.want)
			}
		})
	}
}

var prepareChat = scam.ChatRef{Platform: "telegram", ID: "-100123"}

func TestPrepare(t *testing.T) {
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name         string
		in           scam.Schedule
		now          time.Time
		wantCadence  string
		wantQuiet    string
		wantNextWall time.Time
		wantNext     time.Time
		wantCreated  time.Time
	}{
		{
			name:         "Manila daily 9:00 in the afternoon starts tomorrow morning",
			in:           scam.Schedule{Chat: prepareChat, Cadence: "Daily 9:00", Zone: "Asia/Manila", Lang: "fil", Quiet: "22:00 - 07:00"},
			now:          time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC), // 16:00 in Manila
			wantCadence:  "daily 09:00",
			wantQuiet:    "22:00-07:00",
			wantNextWall: wall(2026, 3, 11, 9, 0),
			wantNext:     time.Date(2026, 3, 11, 1, 0, 0, 0, time.UTC),
			wantCreated:  time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC),
		},
		{
			name:         "Manila daily 09:00 exactly at the slot starts the day after",
			in:           scam.Schedule{Chat: prepareChat, Cadence: "daily 09:00", Zone: "Asia/Manila", Lang: "en", Created: created},
			now:          time.Date(2026, 3, 11, 1, 0, 0, 0, time.UTC),
			wantCadence:  "daily 09:00",
			wantNextWall: wall(2026, 3, 12, 9, 0),
			wantNext:     time.Date(2026, 3, 12, 1, 0, 0, 0, time.UTC),
			wantCreated:  created,
		},
		{
			name:         "New York every monday on a Tuesday waits for next Monday",
			in:           scam.Schedule{Chat: prepareChat, Cadence: "every monday 09:00", Zone: "America/New_York", Lang: "en", Created: created},
			now:          time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), // Tuesday 08:00 EDT
			wantCadence:  "weekly mon 09:00",
			wantNextWall: wall(2026, 3, 16, 9, 0),
			wantNext:     time.Date(2026, 3, 16, 13, 0, 0, 0, time.UTC),
			wantCreated:  created,
		},
		{
			name:         "New York daily 09:00 on the eve of the change of clocks is due at 09:00 EDT",
			in:           scam.Schedule{Chat: prepareChat, Cadence: "daily 09:00", Zone: "America/New_York", Lang: "en", Created: created},
			now:          time.Date(2026, 3, 7, 15, 0, 0, 0, time.UTC), // Saturday 10:00 EST
			wantCadence:  "daily 09:00",
			wantNextWall: wall(2026, 3, 8, 9, 0),
			wantNext:     time.Date(2026, 3, 8, 13, 0, 0, 0, time.UTC),
			wantCreated:  created,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Prepare(tt.in, tt.now)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if got.Cadence != tt.wantCadence {
				t.Errorf("cadence: got %q, want %q", got.Cadence, tt.wantCadence)
			}
			if got.Quiet != tt.wantQuiet {
				t.Errorf("quiet: got %q, want %q", got.Quiet, tt.wantQuiet)
			}
			if !got.NextWall.Equal(tt.wantNextWall) {
				t.Errorf("next wall: got %s, want %s", got.NextWall, tt.wantNextWall)
			}
			if !got.Next.Equal(tt.wantNext) {
				t.Errorf("next: got %s, want %s", got.Next, tt.wantNext)
			}
			if !got.Next.After(tt.now) {
				t.Errorf("next: got %s, want strictly after now %s", got.Next, tt.now)
			}
			if !got.Created.Equal(tt.wantCreated) {
				t.Errorf("created: got %s, want %s", got.Created, tt.wantCreated)
			}
			if got.Chat != tt.in.Chat || got.Zone != tt.in.Zone || got.Lang != tt.in.Lang {
				t.Errorf("got chat %v zone %q lang %q, want them unchanged: %v %q %q", got.Chat, got.Zone, got.Lang, tt.in.Chat, tt.in.Zone, tt.in.Lang)
			}
		})
	}
}

func TestPrepareRefuses(t *testing.T) {
	now := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	good := scam.Schedule{Chat: prepareChat, Cadence: "daily 09:00", Zone: "Asia/Manila", Lang: "en"}
	tests := []struct {
		name   string
		change func(s *scam.Schedule)
	}{
		{"a schedule without a chat", func(s *scam.Schedule) { s.Chat = scam.ChatRef{} }},
		{"a chat without an id", func(s *scam.Schedule) { s.Chat.ID = "" }},
		{"a chat without a platform", func(s *scam.Schedule) { s.Chat.Platform = "" }},
		{"a bad cadence", func(s *scam.Schedule) { s.Cadence = "every 5h" }},
		{"an unknown zone", func(s *scam.Schedule) { s.Zone = "Mars/Olympus" }},
		{"the machine's own zone", func(s *scam.Schedule) { s.Zone = "Local" }},
		{"no zone", func(s *scam.Schedule) { s.Zone = "" }},
		{"a zone given as a file", func(s *scam.Schedule) { s.Zone = "/etc/localtime" }},
		{"an unknown tag", func(s *scam.Schedule) { s.Tags = []string{"romance", "jobs"} }},
		{"bad quiet hours", func(s *scam.Schedule) { s.Quiet = "22:00" }},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused", func(t *testing.T) {
			s := good
			tt.change(&s)
			_, err := Prepare(s, now)
			wantBadArgument(t, err)
		})
	}
}

func TestUpcoming(t *testing.T) {
	now := time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		cadence   string
		zone      string
		n         int
		wantClock []string // local times of day, in order
	}{
		{"Manila daily 09:00 five times", "daily 09:00", "Asia/Manila", 5, []string{"09:00", "09:00", "09:00", "09:00", "09:00"}},
		{"New York every 8h from 05:00 over the change of clocks", "every 8h from 05:00", "America/New_York", 12,
			[]string{"13:00", "21:00", "05:00", "13:00", "21:00", "05:00", "13:00", "21:00", "05:00", "13:00", "21:00", "05:00"}},
		{"zero slots", "daily 09:00", "UTC", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scam.Schedule{Chat: prepareChat, Cadence: tt.cadence, Zone: tt.zone, Lang: "en"}
			got, err := Upcoming(s, now, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.n {
				t.Fatalf("got %d instants %v, want %d", len(got), got, tt.n)
			}
			var clocks []string
			prev := now
			for i, at := range got {
				if !at.After(prev) {
					t.Errorf("instant %d: got %s, want after %s", i, at, prev)
				}
				if at.Location().String() != tt.zone {
					t.Errorf("instant %d: got zone %s, want %s", i, at.Location(), tt.zone)
				}
				clocks = append(clocks, at.Format("15:04"))
				prev = at
			}
			if !slices.Equal(clocks, tt.wantClock) {
				t.Errorf("got times of day %v, want %v", clocks, tt.wantClock)
			}
		})
	}
}

func TestUpcomingRefusesABadSchedule(t *testing.T) {
	now := time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)
	for _, s := range []scam.Schedule{
		{Chat: prepareChat, Cadence: "hourly", Zone: "UTC"},
		{Chat: prepareChat, Cadence: "daily 09:00", Zone: "Mars/Olympus"},
	} {
		t.Run(s.Cadence+" in "+s.Zone+" is refused", func(t *testing.T) {
			_, err := Upcoming(s, now, 3)
			wantBadArgument(t, err)
		})
	}
}

func TestLoadZone(t *testing.T) {
	for _, name := range []string{"UTC", "Asia/Manila", "America/Argentina/Buenos_Aires", "Europe/London"} {
		t.Run(name+" loads", func(t *testing.T) {
			loc, err := LoadZone(name)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if loc.String() != name {
				t.Errorf("got %s, want %s", loc, name)
			}
		})
	}
	for _, name := range []string{"", "Local", "Mars/Olympus", "/etc/localtime", "../etc/passwd"} {
		t.Run("\""+name+"\" is refused", func(t *testing.T) {
			_, err := LoadZone(name)
			wantBadArgument(t, err)
		})
	}
}
