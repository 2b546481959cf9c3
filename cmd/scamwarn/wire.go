package main

import (
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
	_ bot.Schedules  = (*schedule.Service)(nil)
	_ schedule.Admin = (*sqlite.DB)(nil)
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
