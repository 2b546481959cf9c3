package schedule

import (
	"context"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Admin is what managing schedules needs of the store (sqlite.DB).
type Admin interface {
	AddSchedule(ctx context.Context, s scam.Schedule) (scam.Schedule, error)
	UpdateSchedule(ctx context.Context, s scam.Schedule) error
	Schedules(ctx context.Context, chat scam.ChatRef) ([]scam.Schedule, error)
	RemoveSchedule(ctx context.Context, chat scam.ChatRef, id int64) error
	RemoveSchedules(ctx context.Context, chat scam.ChatRef) (int, error)
	PauseChat(ctx context.Context, chat scam.ChatRef, reason string) error
}

// Service manages the tip schedules of chats: checked and planned here,
// kept by Store, with Loop woken when one is added so its first slot is
// not missed. It is what the bot's /tips command needs (bot.Schedules).
type Service struct {
	Store Admin
	Loop  *Loop // may be nil, or set once the loop exists
}

// Add checks s, plans its first slot and stores it. Its errors are safe
// to show a user.
func (s *Service) Add(ctx context.Context, sc scam.Schedule) (scam.Schedule, error) {
	sc, err := Prepare(sc, time.Now())
	if err != nil {
		return sc, err
	}
	if sc, err = s.Store.AddSchedule(ctx, sc); err != nil {
		return sc, err
	}
	if s.Loop != nil {
		s.Loop.Wake()
	}
	return sc, nil
}

// List returns the schedules of chat.
func (s *Service) List(ctx context.Context, chat scam.ChatRef) ([]scam.Schedule, error) {
	return s.Store.Schedules(ctx, chat)
}

// SetTags changes the tags of every schedule of chat.
func (s *Service) SetTags(ctx context.Context, chat scam.ChatRef, tags []string) error {
	list, err := s.Store.Schedules(ctx, chat)
	if err != nil {
		return err
	}
	for _, sc := range list {
		sc.Tags = tags
		if err := s.Store.UpdateSchedule(ctx, sc); err != nil {
			return err
		}
	}
	return nil
}

// RemoveAll removes every schedule of chat and says how many there were.
func (s *Service) RemoveAll(ctx context.Context, chat scam.ChatRef) (int, error) {
	return s.Store.RemoveSchedules(ctx, chat)
}

// Remove removes the schedule id of chat.
func (s *Service) Remove(ctx context.Context, chat scam.ChatRef, id int64) error {
	return s.Store.RemoveSchedule(ctx, chat, id)
}

// Pause pauses every schedule of chat, saying why.
func (s *Service) Pause(ctx context.Context, chat scam.ChatRef, reason string) error {
	return s.Store.PauseChat(ctx, chat, reason)
}
