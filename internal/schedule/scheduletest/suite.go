package scheduletest

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
)

// Store is a schedule.Store with the few methods a test needs to set up
// and inspect it.
type Store interface {
	schedule.Store
	AddSchedule(ctx context.Context, s scam.Schedule) (scam.Schedule, error)
	Slots(ctx context.Context, schedule int64, limit int) ([]scam.Slot, error)
	NoteActivity(ctx context.Context, chat scam.ChatRef, at time.Time) error
}

// Factory makes an empty store for one scenario. It is called inside the
// scenario's synctest bubble.
type Factory func(t *testing.T) Store

// Platform is the platform name the scenarios use.
const Platform = "test"

// Post is one tip a Poster posted.
type Post struct {
	Chat scam.ChatRef
	Tip  string
	At   time.Time
}

// Poster records what it posts. Fail, when set, is asked before each
// attempt (counted from 1 per chat) and may return an error instead.
type Poster struct {
	Fail func(chat scam.ChatRef, attempt int) error
	// Delay is how long each post takes on the wire.
	Delay time.Duration

	mu       sync.Mutex
	posts    []Post
	attempts map[scam.ChatRef][]time.Time
}

// PostTip implements schedule.Poster.
func (p *Poster) PostTip(_ context.Context, chat scam.ChatRef, tip scam.Tip) error {
	p.mu.Lock()
	if p.attempts == nil {
		p.attempts = map[scam.ChatRef][]time.Time{}
	}
	p.attempts[chat] = append(p.attempts[chat], time.Now())
	n := len(p.attempts[chat])
	fail := p.Fail
	p.mu.Unlock()
	time.Sleep(p.Delay)
	if fail != nil {
		if err := fail(chat, n); err != nil {
			return err
		}
	}
	p.mu.Lock()
	p.posts = append(p.posts, Post{Chat: chat, Tip: tip.ID, At: time.Now()})
	p.mu.Unlock()
	return nil
}

// Posts returns the posts to chat, in order.
func (p *Poster) Posts(chat scam.ChatRef) []Post {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Post
	for _, x := range p.posts {
		if x.Chat == chat {
			out = append(out, x)
		}
	}
	return out
}

// Attempts returns when each attempt to post to chat began.
func (p *Poster) Attempts(chat scam.ChatRef) []time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]time.Time(nil), p.attempts[chat]...)
}

// Tips hands out "tip-N", N counting the tips the chat has seen, so a test
// can tell that rotation got the chat's history.
type Tips struct{}

// NextTip implements schedule.Tips.
func (Tips) NextTip(r schedule.TipRequest) (scam.Tip, error) {
	return scam.Tip{ID: fmt.Sprintf("tip-%d", len(r.Seen)+1), Lang: r.Lang}, nil
}

// retryAfter is a transient error that says when to try again.
type retryAfter time.Duration

func (e retryAfter) Error() string             { return "rate limited" }
func (e retryAfter) RetryAfter() time.Duration { return time.Duration(e) }

var errDown = scam.Errorf(scam.CodeUnavailable, "the platform is down")

// Run runs every scenario against stores made by newStore.
func Run(t *testing.T, newStore Factory) {
	scenarios := []struct {
		name string
		run  func(t *testing.T, st Store)
	}{
		{"daily and weekly schedules post at local time in their zones", zones},
		{"a change of clocks neither skips nor doubles a day", daylightSaving},
		{"hourly schedules follow the wall clock across a change of clocks", hourlyDaylightSaving},
		{"a restart while a slot waits for a retry posts it once", restartWhileRetrying},
		{"an instance that dies mid-post is not followed by a second post", crashMidPost},
		{"a stop during a post lets it finish and records it", stopDuringPost},
		{"two loops over one store post each slot once", twoLoops},
		{"downtime shorter than the grace period posts the missed slot once", shortDowntime},
		{"downtime longer than the grace period skips without a burst", longDowntime},
		{"a chat the bot was removed from is paused", removedChat},
		{"a failed post is retried with backoff, then recorded as missed", retries},
		{"quiet hours and inactivity skip slots", quietAndActivity},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { sc.run(t, newStore(t)) })
		})
	}
}

func chat(id string) scam.ChatRef { return scam.ChatRef{Platform: Platform, ID: id} }

func add(t *testing.T, st Store, c scam.ChatRef, cadence, zone string) scam.Schedule {
	t.Helper()
	s, err := schedule.Prepare(scam.Schedule{Chat: c, Cadence: cadence, Zone: zone, Lang: "en"}, time.Now())
	if err != nil {
		t.Fatalf("Prepare(%q, %s): %v", cadence, zone, err)
	}
	if s, err = st.AddSchedule(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

var testConfig = schedule.Config{Poll: time.Hour, Grace: 2 * time.Hour}

// loopRun is a running loop that can be stopped.
type loopRun struct {
	stop func()
	done chan struct{}
}

func start(st Store, p *Poster, owner string) loopRun {
	cfg := testConfig
	cfg.Owner = owner
	l := schedule.New(st, Tips{}, map[string]schedule.Poster{Platform: p}, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	r := loopRun{stop: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		l.Run(ctx)
	}()
	return r
}

func (r loopRun) halt() {
	r.stop()
	<-r.done
}

// runFor runs one loop over st for d of fake time. A slot due at the very
// end may or may not be posted: scenarios end between slots.
func runFor(st Store, p *Poster, d time.Duration) {
	r := start(st, p, "only")
	time.Sleep(d)
	r.halt()
}

// sleepUntil sleeps until t in the bubble's fake clock.
func sleepUntil(t time.Time) { time.Sleep(time.Until(t)) }

func date(y int, m time.Month, d, h, min int, loc *time.Location) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := schedule.LoadZone(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func wantPosts(t *testing.T, p *Poster, c scam.ChatRef, want []time.Time) {
	t.Helper()
	got := p.Posts(c)
	if len(got) != len(want) {
		t.Errorf("chat %s: %d posts, want %d: got %v", c.ID, len(got), len(want), times(got))
		return
	}
	for i := range want {
		if !got[i].At.Equal(want[i]) {
			t.Errorf("chat %s post %d at %v, want %v", c.ID, i, got[i].At.UTC(), want[i].UTC())
		}
		if wantTip := fmt.Sprintf("tip-%d", i+1); got[i].Tip != wantTip {
			t.Errorf("chat %s post %d is %s, want %s (the chat's history reaches the picker)", c.ID, i, got[i].Tip, wantTip)
		}
	}
}

func times(posts []Post) []string {
	var out []string
	for _, p := range posts {
		out = append(out, p.At.UTC().Format("01-02 15:04"))
	}
	return out
}

func slotsOf(t *testing.T, st Store, id int64) []scam.Slot {
	t.Helper()
	sl, err := st.Slots(t.Context(), id, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return sl
}

func zones(t *testing.T, st Store) {
	manila, ny := zone(t, "Asia/Manila"), zone(t, "America/New_York")
	daily, weekly := chat("daily"), chat("weekly")
	add(t, st, daily, "daily 09:00", "Asia/Manila")
	add(t, st, weekly, "every mon,thu 09:00", "America/New_York")
	p := &Poster{}
	runFor(st, p, 10*24*time.Hour) // 2000-01-01 (a Saturday) to 01-11

	var wantDaily []time.Time
	for d := 1; d <= 10; d++ {
		wantDaily = append(wantDaily, date(2000, 1, d, 9, 0, manila))
	}
	wantPosts(t, p, daily, wantDaily)
	wantPosts(t, p, weekly, []time.Time{
		date(2000, 1, 3, 9, 0, ny), date(2000, 1, 6, 9, 0, ny), date(2000, 1, 10, 9, 0, ny),
	})
}

func daylightSaving(t *testing.T, st Store) {
	ny := zone(t, "America/New_York")
	// In 2000 New York's clocks went from 02:00 to 03:00 on April 2 and
	// from 02:00 back to 01:00 on October 29.
	sleepUntil(date(2000, 4, 1, 0, 0, ny))
	spring := chat("spring")
	add(t, st, spring, "daily 02:30", "America/New_York")
	p := &Poster{}
	runFor(st, p, 3*24*time.Hour)
	wantPosts(t, p, spring, []time.Time{
		date(2000, 4, 1, 2, 30, ny),
		date(2000, 4, 2, 3, 30, ny), // 02:30 did not exist that night
		date(2000, 4, 3, 2, 30, ny),
	})
	if got := date(2000, 4, 2, 3, 30, ny).Sub(date(2000, 4, 1, 2, 30, ny)); got != 24*time.Hour {
		t.Errorf("the spring-forward post came %v after the one before, want 24h", got)
	}

	sleepUntil(date(2000, 10, 28, 0, 0, ny))
	autumn := chat("autumn")
	add(t, st, autumn, "daily 01:30", "America/New_York")
	runFor(st, p, 3*24*time.Hour)
	first := time.Date(2000, 10, 29, 5, 30, 0, 0, time.UTC) // 01:30 EDT, the first of the two
	wantPosts(t, p, autumn, []time.Time{date(2000, 10, 28, 1, 30, ny), first, date(2000, 10, 30, 1, 30, ny)})
}

func hourlyDaylightSaving(t *testing.T, st Store) {
	ny := zone(t, "America/New_York")
	sleepUntil(date(2000, 4, 2, 0, 0, ny).Add(-time.Minute))
	c := chat("hourly")
	add(t, st, c, "every 1h", "America/New_York")
	p := &Poster{}
	runFor(st, p, 25*time.Hour)
	perDay := map[int]int{}
	seen := map[time.Time]bool{}
	for _, x := range p.Posts(c) {
		if seen[x.At] {
			t.Errorf("two posts at %v", x.At)
		}
		seen[x.At] = true
		perDay[x.At.In(ny).Day()]++
	}
	// 23 hours of wall clock on the day the clocks go forward.
	if perDay[2] != 23 {
		t.Errorf("posts on 2000-04-02 = %d, want 23", perDay[2])
	}

	sleepUntil(date(2000, 10, 29, 0, 0, ny).Add(-time.Minute))
	c = chat("hourly-autumn")
	add(t, st, c, "every 1h", "America/New_York")
	runFor(st, p, 26*time.Hour)
	perDay = map[int]int{}
	for _, x := range p.Posts(c) {
		perDay[x.At.In(ny).Day()]++
	}
	// 24 wall-clock hours, although the day lasts 25: 01:00 comes twice
	// and is posted once.
	if perDay[29] != 24 {
		t.Errorf("posts on 2000-10-29 = %d, want 24", perDay[29])
	}
}

func restartWhileRetrying(t *testing.T, st Store) {
	c := chat("restart")
	s := add(t, st, c, "daily 09:00", "UTC")
	p := &Poster{Fail: func(_ scam.ChatRef, attempt int) error {
		if attempt == 1 {
			return errDown
		}
		return nil
	}}
	sleepUntil(date(2000, 1, 1, 8, 0, time.UTC))
	a := start(st, p, "a")
	sleepUntil(date(2000, 1, 1, 9, 0, time.UTC).Add(10 * time.Second))
	a.halt() // the first attempt failed; the retry is due at 09:00:30
	sleepUntil(date(2000, 1, 1, 9, 5, time.UTC))
	b := start(st, p, "b")
	time.Sleep(time.Hour)
	b.halt()
	wantPosts(t, p, c, []time.Time{date(2000, 1, 1, 9, 5, time.UTC)})
	sl := slotsOf(t, st, s.ID)
	if len(sl) != 1 || sl[0].Status != scam.SlotPosted || sl[0].Attempts != 2 {
		t.Errorf("slots = %+v, want one posted after 2 attempts", sl)
	}
}

func crashMidPost(t *testing.T, st Store) {
	c := chat("crash")
	s := add(t, st, c, "daily 09:00", "UTC")
	dying := &Poster{Fail: func(scam.ChatRef, int) error {
		runtime.Goexit() // the process dies while the post is on the wire
		return nil
	}}
	sleepUntil(date(2000, 1, 1, 9, 0, time.UTC))
	cfg := testConfig
	cfg.Owner = "dead"
	dead := schedule.New(st, Tips{}, map[string]schedule.Poster{Platform: dying}, cfg)
	if _, err := dead.Step(t.Context()); err != nil {
		t.Fatal(err)
	}
	p := &Poster{}
	runFor(st, p, 2*24*time.Hour+time.Minute)
	// Whether the dead instance's post went out is unknown: not posted
	// again. The next days go on as usual.
	wantPosts(t, p, c, []time.Time{date(2000, 1, 2, 9, 0, time.UTC), date(2000, 1, 3, 9, 0, time.UTC)})
	sl := slotsOf(t, st, s.ID)
	last := sl[len(sl)-1]
	if last.Status != scam.SlotMissed || last.Reason != schedule.ReasonInterrupted {
		t.Errorf("the slot of the crash is %s/%s, want missed/%s", last.Status, last.Reason, schedule.ReasonInterrupted)
	}
}

func stopDuringPost(t *testing.T, st Store) {
	c := chat("stop")
	s := add(t, st, c, "daily 09:00", "UTC")
	p := &Poster{Delay: 5 * time.Second}
	a := start(st, p, "a")
	sleepUntil(time.Date(2000, 1, 1, 9, 0, 1, 0, time.UTC))
	a.halt() // returns once the post in flight is done and recorded
	if n := len(p.Posts(c)); n != 1 {
		t.Fatalf("%d posts when the loop stopped, want the one in flight", n)
	}
	b := start(st, p, "b")
	time.Sleep(time.Hour)
	b.halt()
	wantPosts(t, p, c, []time.Time{time.Date(2000, 1, 1, 9, 0, 5, 0, time.UTC)})
	if sl := slotsOf(t, st, s.ID); len(sl) != 1 || sl[0].Status != scam.SlotPosted {
		t.Errorf("slots = %+v, want one posted", sl)
	}
}

func twoLoops(t *testing.T, st Store) {
	daily, hourly := chat("daily"), chat("hourly")
	add(t, st, daily, "daily 09:00", "Europe/Paris")
	add(t, st, hourly, "every 1h", "UTC")
	p := &Poster{}
	a, b := start(st, p, "a"), start(st, p, "b")
	time.Sleep(3*24*time.Hour + 30*time.Minute)
	a.halt()
	b.halt()
	if got := len(p.Posts(daily)); got != 3 {
		t.Errorf("daily posts = %d, want 3", got)
	}
	seen := map[time.Time]int{}
	for _, x := range p.Posts(hourly) {
		seen[x.At]++
	}
	if len(seen) != 72 || len(p.Posts(hourly)) != 72 {
		t.Errorf("hourly: %d posts at %d distinct times, want 72 and 72", len(p.Posts(hourly)), len(seen))
	}
}

func shortDowntime(t *testing.T, st Store) {
	c := chat("short")
	add(t, st, c, "daily 09:00", "UTC")
	sleepUntil(date(2000, 1, 1, 10, 30, time.UTC)) // down from before 09:00 until 10:30
	p := &Poster{}
	runFor(st, p, 24*time.Hour)
	wantPosts(t, p, c, []time.Time{date(2000, 1, 1, 10, 30, time.UTC), date(2000, 1, 2, 9, 0, time.UTC)})
}

func longDowntime(t *testing.T, st Store) {
	daily, hourly := chat("daily"), chat("hourly")
	d := add(t, st, daily, "daily 09:00", "UTC")
	add(t, st, hourly, "every 1h", "UTC")
	up := date(2000, 1, 4, 12, 20, time.UTC) // three and a half days down
	sleepUntil(up)
	p := &Poster{}
	runFor(st, p, 30*time.Minute)
	// The hourly schedule's 12:00 slot is 20 minutes old: posted once.
	// Everything older is skipped, never a burst.
	wantPosts(t, p, hourly, []time.Time{up})
	wantPosts(t, p, daily, nil)
	sl := slotsOf(t, st, d.ID)
	if len(sl) != 1 || sl[0].Status != scam.SlotSkipped || sl[0].Reason != schedule.ReasonLate {
		t.Errorf("daily slots = %+v, want one skipped as late", sl)
	}
	runFor(st, p, 24*time.Hour)
	wantPosts(t, p, daily, []time.Time{date(2000, 1, 5, 9, 0, time.UTC)})
}

func removedChat(t *testing.T, st Store) {
	gone, denied, fine := chat("gone"), chat("denied"), chat("fine")
	sg := add(t, st, gone, "daily 09:00", "UTC")
	sd := add(t, st, denied, "daily 09:00", "UTC")
	add(t, st, fine, "daily 09:00", "UTC")
	p := &Poster{Fail: func(c scam.ChatRef, _ int) error {
		switch c {
		case gone:
			return scam.Errorf(scam.CodeNotFound, "the chat is gone")
		case denied:
			return scam.Errorf(scam.CodeForbidden, "the bot may not post")
		}
		return nil
	}}
	runFor(st, p, 3*24*time.Hour)
	for _, tc := range []struct {
		chat   scam.ChatRef
		id     int64
		reason string
	}{{gone, sg.ID, schedule.ReasonRemoved}, {denied, sd.ID, schedule.ReasonForbidden}} {
		if n := len(p.Attempts(tc.chat)); n != 1 {
			t.Errorf("chat %s: %d attempts, want 1 and then a pause", tc.chat.ID, n)
		}
		s, err := st.Schedule(t.Context(), tc.id)
		if err != nil || s.Paused != tc.reason {
			t.Errorf("chat %s: paused = %q (err %v), want %q", tc.chat.ID, s.Paused, err, tc.reason)
		}
	}
	if n := len(p.Posts(fine)); n != 3 {
		t.Errorf("the other chat got %d posts, want 3", n)
	}
}

func retries(t *testing.T, st Store) {
	flaky, down, limited := chat("flaky"), chat("down"), chat("limited")
	add(t, st, flaky, "daily 09:00", "UTC")
	sDown := add(t, st, down, "daily 09:00", "UTC")
	add(t, st, limited, "daily 09:00", "UTC")
	p := &Poster{Fail: func(c scam.ChatRef, attempt int) error {
		switch {
		case c == flaky && attempt <= 2:
			return errDown
		case c == down:
			return fmt.Errorf("wrapped: %w", errDown)
		case c == limited && attempt == 1:
			return retryAfter(5 * time.Minute)
		}
		return nil
	}}
	runFor(st, p, 12*time.Hour)
	nine := date(2000, 1, 1, 9, 0, time.UTC)
	wantPosts(t, p, flaky, []time.Time{nine.Add(90 * time.Second)}) // after 30s, then 60s
	wantPosts(t, p, limited, []time.Time{nine.Add(5 * time.Minute)})

	at := p.Attempts(down)
	if len(at) < 5 {
		t.Fatalf("a chat that is down got %d attempts, want several", len(at))
	}
	for i := 2; i < len(at); i++ {
		if at[i].Sub(at[i-1]) < at[i-1].Sub(at[i-2]) {
			t.Errorf("attempt %d came %v after the one before, sooner than the gap before it", i, at[i].Sub(at[i-1]))
		}
	}
	if last := at[len(at)-1]; !last.Before(nine.Add(testConfig.Grace)) {
		t.Errorf("an attempt at %v, after the slot's window", last)
	}
	sl := slotsOf(t, st, sDown.ID)
	if len(sl) != 1 || sl[0].Status != scam.SlotMissed || sl[0].Reason != schedule.ReasonFailed || sl[0].Attempts != len(at) {
		t.Errorf("slot = %+v, want missed as failed after %d attempts", sl, len(at))
	}
}

func quietAndActivity(t *testing.T, st Store) {
	quiet := chat("quiet")
	s, err := schedule.Prepare(scam.Schedule{Chat: quiet, Cadence: "every 1h", Zone: "Asia/Bangkok", Lang: "en", Quiet: "22:00-07:00"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddSchedule(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	lazy := chat("lazy")
	s, err = schedule.Prepare(scam.Schedule{Chat: lazy, Cadence: "daily 09:00", Zone: "UTC", Lang: "en", OnlyIfActive: true}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddSchedule(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	p := &Poster{}
	// Day 1: the first tip. Day 2: nobody wrote since, skipped. Someone
	// writes on day 2, so day 3 gets a tip.
	runFor(st, p, 36*time.Hour)
	if err := st.NoteActivity(t.Context(), lazy, time.Now()); err != nil {
		t.Fatal(err)
	}
	runFor(st, p, 24*time.Hour)
	wantPosts(t, p, lazy, []time.Time{date(2000, 1, 1, 9, 0, time.UTC), date(2000, 1, 3, 9, 0, time.UTC)})

	bangkok := zone(t, "Asia/Bangkok")
	for _, x := range p.Posts(quiet) {
		if h := x.At.In(bangkok).Hour(); h >= 22 || h < 7 {
			t.Errorf("a tip at %v local, in the quiet hours", x.At.In(bangkok))
		}
	}
	// 60 hours from midnight Bangkok time minus 7: 15 tips a full day.
	if n := len(p.Posts(quiet)); n < 30 {
		t.Errorf("%d tips outside the quiet hours, want at least 30", n)
	}
}
