// Package schedule posts awareness tips on a clock: it finds the schedules
// that are due, claims each slot in the store before posting so that a crash
// or a second instance never posts it twice, retries failed posts within the
// slot's window, and pauses the schedules of a chat the bot was removed from.
package schedule

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Store remembers schedules and slots. Each method is one transaction.
type Store interface {
	// DueSchedules returns up to limit running schedules on the platforms
	// whose next slot is due at or before now, earliest first.
	DueSchedules(ctx context.Context, now time.Time, platforms []string, limit int) ([]scam.Schedule, error)
	// Advance moves schedule s from its slot s.NextWall to the next one and
	// records slots, atomically. It reports false, changing nothing, when
	// the schedule's next slot is no longer s.NextWall (another instance
	// advanced it) or the schedule is gone or paused.
	Advance(ctx context.Context, s scam.Schedule, nextWall, nextAt time.Time, slots ...scam.Slot) (bool, error)
	// OpenSlots returns up to limit slots on the platforms that need
	// attention at now: pending ones whose RetryAt has come, and posting
	// ones whose lease has ended.
	OpenSlots(ctx context.Context, now time.Time, platforms []string, limit int) ([]scam.Slot, error)
	// ClaimSlot turns a pending slot whose RetryAt has come into a posting
	// one held by owner until leaseUntil, counting an attempt. It reports
	// false when the slot is not there to claim.
	ClaimSlot(ctx context.Context, sl scam.Slot, owner string, now, leaseUntil time.Time) (bool, error)
	// FinishSlot records the outcome of owner's attempt: sl.Status is
	// posted (with TipID and Posted), pending (with RetryAt) or missed
	// (with Reason). A posted slot also counts as a tip the chat has seen.
	FinishSlot(ctx context.Context, sl scam.Slot, owner string) error
	// ExpireSlot marks missed, as interrupted, a posting slot whose lease
	// ended at or before now: its instance stopped mid-post, and whether the tip
	// went out is unknown, so it is not posted again.
	ExpireSlot(ctx context.Context, sl scam.Slot, now time.Time) (bool, error)
	// Schedule returns one schedule; a scam.CodeNotFound error when gone.
	Schedule(ctx context.Context, id int64) (scam.Schedule, error)
	// PauseChat pauses every schedule of chat, saying why.
	PauseChat(ctx context.Context, chat scam.ChatRef, reason string) error
	// LastActivity returns when someone last wrote in chat.
	LastActivity(ctx context.Context, chat scam.ChatRef) (time.Time, error)
	// TipsSeen returns the ids of the last limit tips chat was shown,
	// oldest first, and when the last one was shown.
	TipsSeen(ctx context.Context, chat scam.ChatRef, limit int) ([]string, time.Time, error)
	// NextWake returns the earliest time a schedule or an open slot on the
	// platforms needs attention; zero when nothing is waiting.
	NextWake(ctx context.Context, platforms []string) (time.Time, error)
}

// Tips picks the tip a chat sees next.
type Tips interface {
	NextTip(r TipRequest) (scam.Tip, error)
}

// TipRequest is what a Tips picker needs to choose.
type TipRequest struct {
	Chat scam.ChatRef
	Lang string
	Tags []string
	Seen []string  // tip ids the chat was shown, oldest first
	Now  time.Time // in the schedule's zone
}

// Poster posts a tip to a chat on one platform.
type Poster interface {
	// PostTip posts tip to chat. An error with code scam.CodeForbidden or
	// scam.CodeNotFound means the bot was removed from the chat or lost
	// permission there: the chat's schedules are paused. Other errors are
	// retried; an error with a RetryAfter() time.Duration method sets the
	// earliest retry.
	PostTip(ctx context.Context, chat scam.ChatRef, tip scam.Tip) error
}

// Reasons recorded for missed and skipped slots.
const (
	ReasonLate        = "late"        // found after its grace period (downtime)
	ReasonQuiet       = "quiet_hours" // in the schedule's quiet hours
	ReasonNoActivity  = "no_activity" // nobody wrote since the last tip
	ReasonFailed      = "failed"      // every attempt in the window failed
	ReasonInterrupted = "interrupted" // the instance stopped mid-post
	ReasonRemoved     = "removed"     // the bot is no longer in the chat
	ReasonForbidden   = "forbidden"   // the bot may not post there
	ReasonPaused      = "paused"      // the schedule was paused or deleted meanwhile
	ReasonNoTip       = "no_tip"      // no tip matches the schedule
	ReasonNoPoster    = "no_platform" // this instance does not serve the platform
	tipHistory        = 1000          // tips of history handed to the picker
	planBatch         = 500           // schedules planned per store call
	maxPlanRoundsStep = 200           // bounds one Step's planning
)

// Config tunes a Loop; New fills in zero fields.
type Config struct {
	// Owner names this instance in slot claims; random when empty.
	Owner string
	// Grace is how late a slot may still be posted, after downtime or
	// while retrying a failed post (default 2h). A slot's window also
	// ends where the next slot begins.
	Grace time.Duration
	// Poll is the longest the loop sleeps, so it sees schedules other
	// instances added (default 1m).
	Poll time.Duration
	// PostTimeout bounds one attempt to post (default 30s).
	PostTimeout time.Duration
	// RetryMin and RetryMax bound the backoff between attempts (default
	// 30s doubling up to 10m).
	RetryMin, RetryMax time.Duration
	// Workers is how many posts run at once (default 4).
	Workers int
	// Observer, when set, hears what became of each post attempt, for
	// metrics.
	Observer Observer
	Log      *slog.Logger
}

// Observer hears outcomes of post attempts: "posted", "failed" (to be
// retried), "paused" (the bot may not post there) and "missed". platform
// is "" when the slot's schedule is gone.
type Observer interface {
	Posted(platform, outcome string)
}

// Loop posts the tips of every due schedule, once per slot.
type Loop struct {
	store   Store
	tips    Tips
	posters map[string]Poster
	cfg     Config
	log     *slog.Logger
	wake    chan struct{}
}

// New returns a loop over store that picks tips with tips and posts them
// with the poster of each schedule's platform. Only schedules on those
// platforms are served.
func New(store Store, tips Tips, posters map[string]Poster, cfg Config) *Loop {
	if cfg.Owner == "" {
		b := make([]byte, 8)
		rand.Read(b)
		cfg.Owner = hex.EncodeToString(b)
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 2 * time.Hour
	}
	if cfg.Poll <= 0 {
		cfg.Poll = time.Minute
	}
	if cfg.PostTimeout <= 0 {
		cfg.PostTimeout = 30 * time.Second
	}
	if cfg.RetryMin <= 0 {
		cfg.RetryMin = 30 * time.Second
	}
	if cfg.RetryMax < cfg.RetryMin {
		cfg.RetryMax = max(10*time.Minute, cfg.RetryMin)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Loop{store: store, tips: tips, posters: posters, cfg: cfg, log: log, wake: make(chan struct{}, 1)}
}

// Wake makes a running loop look for due work now, such as after a
// schedule was added.
func (l *Loop) Wake() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *Loop) platforms() []string {
	out := make([]string, 0, len(l.posters))
	for p := range l.posters {
		out = append(out, p)
	}
	return out
}

// Run posts due tips until ctx ends. Store errors are logged and retried;
// Run returns only ctx's error.
func (l *Loop) Run(ctx context.Context) error {
	failures := 0
	for {
		wake, err := l.Step(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		wait := l.cfg.Poll
		if err != nil {
			failures++
			wait = min(l.cfg.Poll, time.Duration(failures)*time.Second)
			l.log.Warn("schedule step failed", "err", err, "failures", failures)
		} else {
			failures = 0
			if !wake.IsZero() {
				wait = min(wait, max(time.Until(wake), 0))
			}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-l.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

// Step does what is due now: plans the slots of due schedules, then posts
// the open slots. It returns when it next has work waiting (zero when
// nothing waits).
func (l *Loop) Step(ctx context.Context) (time.Time, error) {
	platforms := l.platforms()
	if err := l.planDue(ctx, platforms); err != nil {
		return time.Time{}, err
	}
	if err := l.deliverOpen(ctx, platforms); err != nil {
		return time.Time{}, err
	}
	return l.store.NextWake(ctx, platforms)
}

func (l *Loop) planDue(ctx context.Context, platforms []string) error {
	for range maxPlanRoundsStep {
		now := time.Now()
		due, err := l.store.DueSchedules(ctx, now, platforms, planBatch)
		if err != nil {
			return err
		}
		for _, s := range due {
			if err := l.plan(ctx, s, now); err != nil {
				return err
			}
		}
		if len(due) < planBatch {
			return nil
		}
	}
	return nil
}

// plan turns the due slot of s into a pending slot (or a skipped one) and
// moves s on to its next slot. After downtime only the latest slot that is
// due can be posted, and only within the grace period: never a burst of
// old tips.
func (l *Loop) plan(ctx context.Context, s scam.Schedule, now time.Time) error {
	c, errC := ParseCadence(s.Cadence)
	loc, errZ := LoadZone(s.Zone)
	if err := errors.Join(errC, errZ); err != nil {
		// Only a schedule edited by hand in the database gets here.
		l.log.Error("schedule cannot be read; pausing it", "schedule", s.ID, "err", err)
		return l.store.PauseChat(ctx, s.Chat, "invalid schedule")
	}
	first := scam.Slot{Schedule: s.ID, Chat: s.Chat, Wall: s.NextWall, At: s.Next}
	cur := first
	var nextWall, nextAt time.Time
	// Beyond the grace period nothing can be posted: after a long downtime
	// look only at the slots of the last grace period.
	if start := now.Add(-l.cfg.Grace); cur.At.Before(start) {
		w, at := following(c, loc, wallOf(start, loc), start)
		if at.IsZero() || at.After(now) {
			// Nothing is recent enough: record the slot that was due as
			// skipped and go on to the next one.
			first.Status, first.Reason, first.Until = scam.SlotSkipped, ReasonLate, first.At
			if at.IsZero() {
				w, at = first.Wall, time.Time{}
			}
			return l.advance(ctx, s, w, at, first)
		}
		cur.Wall, cur.At = w, at
	}
	// Walk to the latest slot at or before now.
	for {
		nextWall, nextAt = following(c, loc, cur.Wall, cur.At)
		if nextAt.IsZero() || nextAt.After(now) {
			break
		}
		cur.Wall, cur.At = nextWall, nextAt
	}
	cur.Until = cur.At.Add(l.cfg.Grace)
	if !nextAt.IsZero() && nextAt.Before(cur.Until) {
		cur.Until = nextAt
	}
	var slots []scam.Slot
	if cur.Wall != first.Wall {
		first.Status, first.Reason, first.Until = scam.SlotSkipped, ReasonLate, first.At
		slots = append(slots, first)
	}
	status, reason, err := l.decide(ctx, s, cur, now)
	if err != nil {
		return err
	}
	cur.Status, cur.Reason, cur.RetryAt = status, reason, cur.At
	slots = append(slots, cur)
	if nextAt.IsZero() {
		// A cron expression that has no more dates: nothing after this.
		nextWall, nextAt = cur.Wall, time.Time{}
	}
	return l.advance(ctx, s, nextWall, nextAt, slots...)
}

func (l *Loop) advance(ctx context.Context, s scam.Schedule, nextWall, nextAt time.Time, slots ...scam.Slot) error {
	ok, err := l.store.Advance(ctx, s, nextWall, nextAt, slots...)
	if err != nil {
		return err
	}
	if ok {
		last := slots[len(slots)-1]
		l.log.Debug("slot planned", "schedule", s.ID, "slot", last.At, "status", last.Status, "reason", last.Reason)
	}
	return nil
}

// decide says whether slot cur of s is to be posted (pending) or skipped.
func (l *Loop) decide(ctx context.Context, s scam.Schedule, cur scam.Slot, now time.Time) (scam.SlotStatus, string, error) {
	if !now.Before(cur.Until) {
		return scam.SlotSkipped, ReasonLate, nil
	}
	if s.Quiet != "" {
		if q, err := ParseQuiet(s.Quiet); err == nil && q.Contains(cur.Wall) {
			return scam.SlotSkipped, ReasonQuiet, nil
		}
	}
	if s.OnlyIfActive {
		active, err := l.store.LastActivity(ctx, s.Chat)
		if err != nil {
			return "", "", err
		}
		_, last, err := l.store.TipsSeen(ctx, s.Chat, 1)
		if err != nil {
			return "", "", err
		}
		if !last.IsZero() && !active.After(last) {
			return scam.SlotSkipped, ReasonNoActivity, nil
		}
	}
	return scam.SlotPending, "", nil
}

func (l *Loop) deliverOpen(ctx context.Context, platforms []string) error {
	open, err := l.store.OpenSlots(ctx, time.Now(), platforms, planBatch)
	if err != nil {
		return err
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		sem   = make(chan struct{}, l.cfg.Workers)
	)
	for _, sl := range open {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := l.deliver(ctx, sl); err != nil {
				mu.Lock()
				first = cmp.Or(first, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return first
}

// deliver takes one open slot as far as it can go now.
func (l *Loop) deliver(ctx context.Context, sl scam.Slot) error {
	now := time.Now()
	if sl.Status == scam.SlotPosting {
		ok, err := l.store.ExpireSlot(ctx, sl, now)
		if ok {
			l.log.Warn("an instance stopped while posting; the slot is not posted again", "schedule", sl.Schedule, "slot", sl.At, "owner", sl.Owner)
		}
		return err
	}
	if !now.Before(sl.Until) {
		sl.Status, sl.Reason = scam.SlotMissed, ReasonLate
		if sl.Attempts > 0 {
			sl.Reason = ReasonFailed
		}
		return l.finishUnclaimed(ctx, sl, now)
	}
	lease := now.Add(l.cfg.PostTimeout * 2)
	if ctx.Err() != nil {
		return nil // shutting down: claim nothing new
	}
	ok, err := l.store.ClaimSlot(ctx, sl, l.cfg.Owner, now, lease)
	if err != nil || !ok {
		return err
	}
	// Once claimed, the slot is seen through even if shutdown begins: the
	// post in flight finishes (within PostTimeout) and its outcome is
	// recorded, so a stop never leaves a slot whose fate is unknown.
	ctx = context.WithoutCancel(ctx)
	sl.Attempts++
	s, err := l.store.Schedule(ctx, sl.Schedule)
	switch {
	case scam.CodeOf(err) == scam.CodeNotFound:
		return l.finish(ctx, sl, scam.SlotMissed, ReasonPaused)
	case err != nil:
		return errors.Join(err, l.retry(ctx, sl, now, nil))
	case s.Paused != "":
		return l.finish(ctx, sl, scam.SlotMissed, ReasonPaused)
	}
	poster, ok := l.posters[s.Chat.Platform]
	if !ok {
		return l.finish(ctx, sl, scam.SlotMissed, ReasonNoPoster)
	}
	seen, _, err := l.store.TipsSeen(ctx, s.Chat, tipHistory)
	if err != nil {
		return errors.Join(err, l.retry(ctx, sl, now, nil))
	}
	loc, err := LoadZone(s.Zone)
	if err != nil {
		return l.finish(ctx, sl, scam.SlotMissed, ReasonPaused)
	}
	tip, err := l.tips.NextTip(TipRequest{Chat: s.Chat, Lang: s.Lang, Tags: s.Tags, Seen: seen, Now: now.In(loc)})
	if err != nil {
		l.log.Error("no tip for a schedule", "schedule", s.ID, "err", err)
		return l.finish(ctx, sl, scam.SlotMissed, ReasonNoTip)
	}
	pctx, cancel := context.WithTimeout(ctx, l.cfg.PostTimeout)
	err = poster.PostTip(pctx, s.Chat, tip)
	cancel()
	switch code := scam.CodeOf(err); {
	case err == nil:
		sl.Status, sl.TipID, sl.Posted = scam.SlotPosted, tip.ID, time.Now()
		l.log.Info("tip posted", "schedule", s.ID, "tip", tip.ID, "attempt", sl.Attempts)
		l.observe(s.Chat.Platform, "posted")
		return l.store.FinishSlot(ctx, sl, l.cfg.Owner)
	case code == scam.CodeForbidden || code == scam.CodeNotFound:
		reason := ReasonForbidden
		if code == scam.CodeNotFound {
			reason = ReasonRemoved
		}
		l.log.Warn("the bot cannot post in a chat; pausing its schedules", "schedule", s.ID, "reason", reason, "err", err)
		l.observe(s.Chat.Platform, "paused")
		if err := l.finish(ctx, sl, scam.SlotMissed, reason); err != nil {
			return err
		}
		return l.store.PauseChat(ctx, s.Chat, reason)
	default:
		l.log.Warn("posting a tip failed; will retry", "schedule", s.ID, "attempt", sl.Attempts, "err", err)
		l.observe(s.Chat.Platform, "failed")
		return l.retry(ctx, sl, time.Now(), err)
	}
}

func (l *Loop) observe(platform, outcome string) {
	if l.cfg.Observer != nil {
		l.cfg.Observer.Posted(platform, outcome)
	}
}

// retry puts a claimed slot back as pending after a backoff, or records it
// missed when the next attempt would fall outside its window.
func (l *Loop) retry(ctx context.Context, sl scam.Slot, now time.Time, cause error) error {
	wait := l.cfg.RetryMin
	for i := 1; i < sl.Attempts && wait < l.cfg.RetryMax; i++ {
		wait *= 2
	}
	wait = min(wait, l.cfg.RetryMax)
	var ra interface{ RetryAfter() time.Duration }
	if errors.As(cause, &ra) {
		wait = max(wait, ra.RetryAfter())
	}
	at := now.Add(wait)
	if !at.Before(sl.Until) {
		return l.finish(ctx, sl, scam.SlotMissed, ReasonFailed)
	}
	sl.Status, sl.RetryAt = scam.SlotPending, at
	return l.store.FinishSlot(ctx, sl, l.cfg.Owner)
}

func (l *Loop) finish(ctx context.Context, sl scam.Slot, status scam.SlotStatus, reason string) error {
	sl.Status, sl.Reason = status, reason
	if status == scam.SlotMissed {
		l.log.Warn("tip slot missed", "schedule", sl.Schedule, "slot", sl.At, "reason", reason)
		l.observe("", "missed")
	}
	return l.store.FinishSlot(ctx, sl, l.cfg.Owner)
}

// finishUnclaimed closes a pending slot whose window has passed: claim it
// first, so that two instances do not both record it.
func (l *Loop) finishUnclaimed(ctx context.Context, sl scam.Slot, now time.Time) error {
	status, reason := sl.Status, sl.Reason
	ok, err := l.store.ClaimSlot(ctx, sl, l.cfg.Owner, now, now.Add(l.cfg.PostTimeout))
	if err != nil || !ok {
		return err
	}
	return l.finish(ctx, sl, status, reason)
}
