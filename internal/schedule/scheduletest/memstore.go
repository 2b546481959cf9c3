// Package scheduletest holds what tests of the scheduler share: an in-memory
// store, a recording poster, and a suite of scenarios (time zones, daylight
// saving, restarts, two instances, downtime, a removed chat) that every
// schedule.Store must pass under testing/synctest's fake clock.
package scheduletest

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// MemStore is a schedule.Store in memory, with the semantics the SQLite
// store has; a mutex stands for the database's transactions.
type MemStore struct {
	mu        sync.Mutex
	lastID    int64
	schedules map[int64]*scam.Schedule
	slots     map[slotKey]*scam.Slot
	seen      map[scam.ChatRef][]posted
	activity  map[scam.ChatRef]time.Time
}

type slotKey struct {
	schedule int64
	wall     int64
}

type posted struct {
	id string
	at time.Time
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore {
	return &MemStore{
		schedules: map[int64]*scam.Schedule{},
		slots:     map[slotKey]*scam.Slot{},
		seen:      map[scam.ChatRef][]posted{},
		activity:  map[scam.ChatRef]time.Time{},
	}
}

// AddSchedule stores s and returns it with its id.
func (m *MemStore) AddSchedule(_ context.Context, s scam.Schedule) (scam.Schedule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastID++
	s.ID = m.lastID
	c := s
	m.schedules[s.ID] = &c
	return s, nil
}

// Slots returns the last limit slots of a schedule, newest first.
func (m *MemStore) Slots(_ context.Context, schedule int64, limit int) ([]scam.Slot, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []scam.Slot
	for k, sl := range m.slots {
		if k.schedule == schedule {
			out = append(out, *sl)
		}
	}
	slices.SortFunc(out, func(a, b scam.Slot) int { return b.Wall.Compare(a.Wall) })
	return out[:min(limit, len(out))], nil
}

// NoteActivity records that someone wrote in chat at at.
func (m *MemStore) NoteActivity(_ context.Context, chat scam.ChatRef, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if at.After(m.activity[chat]) {
		m.activity[chat] = at
	}
	return nil
}

// DueSchedules implements schedule.Store.
func (m *MemStore) DueSchedules(_ context.Context, now time.Time, platforms []string, limit int) ([]scam.Schedule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []scam.Schedule
	for _, s := range m.schedules {
		if s.Paused == "" && !s.Next.After(now) && slices.Contains(platforms, s.Chat.Platform) {
			out = append(out, *s)
		}
	}
	slices.SortFunc(out, func(a, b scam.Schedule) int { return cmp.Or(a.Next.Compare(b.Next), cmp.Compare(a.ID, b.ID)) })
	return out[:min(limit, len(out))], nil
}

// Advance implements schedule.Store.
func (m *MemStore) Advance(_ context.Context, s scam.Schedule, nextWall, nextAt time.Time, slots ...scam.Slot) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.schedules[s.ID]
	if !ok || cur.Paused != "" || !cur.NextWall.Equal(s.NextWall) {
		return false, nil
	}
	if nextAt.IsZero() {
		cur.Paused = "ended"
	} else {
		cur.NextWall, cur.Next = nextWall, nextAt
	}
	for _, sl := range slots {
		k := slotKey{s.ID, sl.Wall.Unix()}
		if _, dup := m.slots[k]; !dup {
			sl.Schedule, sl.Chat = s.ID, cur.Chat
			m.slots[k] = &sl
		}
	}
	return true, nil
}

// OpenSlots implements schedule.Store.
func (m *MemStore) OpenSlots(_ context.Context, now time.Time, platforms []string, limit int) ([]scam.Slot, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []scam.Slot
	for _, sl := range m.slots {
		open := sl.Status == scam.SlotPending && !sl.RetryAt.After(now) ||
			sl.Status == scam.SlotPosting && !sl.LeaseUntil.After(now)
		if open && slices.Contains(platforms, sl.Chat.Platform) {
			out = append(out, *sl)
		}
	}
	slices.SortFunc(out, func(a, b scam.Slot) int { return a.RetryAt.Compare(b.RetryAt) })
	return out[:min(limit, len(out))], nil
}

// ClaimSlot implements schedule.Store.
func (m *MemStore) ClaimSlot(_ context.Context, sl scam.Slot, owner string, now, leaseUntil time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.slots[slotKey{sl.Schedule, sl.Wall.Unix()}]
	if !ok || cur.Status != scam.SlotPending || cur.RetryAt.After(now) {
		return false, nil
	}
	cur.Status, cur.Owner, cur.LeaseUntil, cur.RetryAt = scam.SlotPosting, owner, leaseUntil, leaseUntil
	cur.Attempts++
	return true, nil
}

// FinishSlot implements schedule.Store.
func (m *MemStore) FinishSlot(_ context.Context, sl scam.Slot, owner string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.slots[slotKey{sl.Schedule, sl.Wall.Unix()}]
	if !ok || cur.Owner != owner {
		return nil
	}
	interrupted := cur.Status == scam.SlotMissed && cur.Reason == "interrupted"
	if cur.Status != scam.SlotPosting && !(sl.Status == scam.SlotPosted && interrupted) {
		return nil
	}
	cur.Status, cur.Reason, cur.TipID, cur.RetryAt, cur.Posted = sl.Status, sl.Reason, sl.TipID, sl.RetryAt, sl.Posted
	if sl.Status == scam.SlotPending {
		cur.Owner = ""
	}
	if sl.Status == scam.SlotPosted {
		m.seen[cur.Chat] = append(m.seen[cur.Chat], posted{sl.TipID, sl.Posted})
	}
	return nil
}

// ExpireSlot implements schedule.Store.
func (m *MemStore) ExpireSlot(_ context.Context, sl scam.Slot, now time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.slots[slotKey{sl.Schedule, sl.Wall.Unix()}]
	if !ok || cur.Status != scam.SlotPosting || cur.LeaseUntil.After(now) {
		return false, nil
	}
	cur.Status, cur.Reason = scam.SlotMissed, "interrupted"
	return true, nil
}

// Schedule implements schedule.Store.
func (m *MemStore) Schedule(_ context.Context, id int64) (scam.Schedule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.schedules[id]
	if !ok {
		return scam.Schedule{}, scam.Errorf(scam.CodeNotFound, "that schedule does not exist")
	}
	return *s, nil
}

// PauseChat implements schedule.Store.
func (m *MemStore) PauseChat(_ context.Context, chat scam.ChatRef, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range m.schedules {
		if s.Chat == chat && s.Paused == "" {
			s.Paused = reason
		}
	}
	return nil
}

// LastActivity implements schedule.Store.
func (m *MemStore) LastActivity(_ context.Context, chat scam.ChatRef) (time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.activity[chat], nil
}

// TipsSeen implements schedule.Store.
func (m *MemStore) TipsSeen(_ context.Context, chat scam.ChatRef, limit int) ([]string, time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	all := m.seen[chat]
	all = all[max(0, len(all)-limit):]
	var ids []string
	var last time.Time
	for _, p := range all {
		ids = append(ids, p.id)
		if p.at.After(last) {
			last = p.at
		}
	}
	return ids, last, nil
}

// NextWake implements schedule.Store.
func (m *MemStore) NextWake(_ context.Context, platforms []string) (time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var next time.Time
	earlier := func(t time.Time) {
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	for _, s := range m.schedules {
		if s.Paused == "" && slices.Contains(platforms, s.Chat.Platform) {
			earlier(s.Next)
		}
	}
	for _, sl := range m.slots {
		if (sl.Status == scam.SlotPending || sl.Status == scam.SlotPosting) && slices.Contains(platforms, sl.Chat.Platform) {
			earlier(sl.RetryAt)
		}
	}
	return next, nil
}
