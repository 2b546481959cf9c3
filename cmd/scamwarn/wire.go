package main

import (
	"context"
	"time"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/tips"
)

// The concrete types that plug into the interfaces the rooms declare.
var (
	_ schedule.Store = (*sqlite.DB)(nil)
	_ bot.Store      = (*sqlite.DB)(nil)
	_ bot.Checker    = (*detect.Engine)(nil)
	_ schedule.Tips  = tipPicker{}
	_ bot.Tips       = tipPicker{}
)

// tipPicker lets the scheduler and the bot pick tips from the library.
type tipPicker struct{ lib *tips.Library }

// NextTip implements schedule.Tips.
func (p tipPicker) NextTip(r schedule.TipRequest) (scam.Tip, error) {
	return p.PickTip(r.Chat, r.Lang, r.Tags, r.Seen, r.Now)
}

// PickTip implements bot.Tips.
func (p tipPicker) PickTip(chat scam.ChatRef, lang string, tags, seen []string, now time.Time) (scam.Tip, error) {
	return p.lib.Next(tips.Request{
		Chat: chat.Platform + ":" + chat.ID,
		Lang: p.lib.Match(lang),
		Tags: tags,
		Seen: seen,
		Now:  now,
	})
}

// scheduleService gives the bot the chat's tip schedules: checked and
// planned by package schedule, kept by the database.
type scheduleService struct {
	db   *sqlite.DB
	loop *schedule.Loop // woken when a schedule is added; may be nil
}

var _ bot.Schedules = (*scheduleService)(nil)

// Add implements bot.Schedules.
func (s *scheduleService) Add(ctx context.Context, sc scam.Schedule) (scam.Schedule, error) {
	sc, err := schedule.Prepare(sc, time.Now())
	if err != nil {
		return sc, err
	}
	if sc, err = s.db.AddSchedule(ctx, sc); err != nil {
		return sc, err
	}
	if s.loop != nil {
		s.loop.Wake()
	}
	return sc, nil
}

// List implements bot.Schedules.
func (s *scheduleService) List(ctx context.Context, chat scam.ChatRef) ([]scam.Schedule, error) {
	return s.db.Schedules(ctx, chat)
}

// SetTags implements bot.Schedules.
func (s *scheduleService) SetTags(ctx context.Context, chat scam.ChatRef, tags []string) error {
	list, err := s.db.Schedules(ctx, chat)
	if err != nil {
		return err
	}
	for _, sc := range list {
		sc.Tags = tags
		if err := s.db.UpdateSchedule(ctx, sc); err != nil {
			return err
		}
	}
	return nil
}

// RemoveAll implements bot.Schedules.
func (s *scheduleService) RemoveAll(ctx context.Context, chat scam.ChatRef) (int, error) {
	return s.db.RemoveSchedules(ctx, chat)
}

// Pause implements bot.Schedules.
func (s *scheduleService) Pause(ctx context.Context, chat scam.ChatRef, reason string) error {
	return s.db.PauseChat(ctx, chat, reason)
}

// Remove implements bot.Schedules.
func (s *scheduleService) Remove(ctx context.Context, chat scam.ChatRef, id int64) error {
	return s.db.RemoveSchedule(ctx, chat, id)
}
