package main

import (
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/schedule"
	"github.com/scamwarn/scamwarn/internal/sqlite"
	"github.com/scamwarn/scamwarn/internal/tips"
)

var _ schedule.Store = (*sqlite.DB)(nil)

// tipPicker lets the scheduler pick tips from the library.
type tipPicker struct{ lib *tips.Library }

var _ schedule.Tips = tipPicker{}

// NextTip implements schedule.Tips.
func (p tipPicker) NextTip(r schedule.TipRequest) (scam.Tip, error) {
	return p.lib.Next(tips.Request{
		Chat: r.Chat.Platform + ":" + r.Chat.ID,
		Lang: p.lib.Match(r.Lang),
		Tags: r.Tags,
		Seen: r.Seen,
		Now:  r.Now,
	})
}
