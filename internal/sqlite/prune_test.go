package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestPruneHistoryKeepsOpenSlotsAndRecentTips(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	c := scam.ChatRef{Platform: "telegram", ID: "-100"}
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	s, err := db.AddSchedule(ctx, scam.Schedule{Chat: c, Cadence: "daily 09:00", Zone: "UTC", Lang: "en", NextWall: t0, Next: t0})
	if err != nil {
		t.Fatal(err)
	}
	old, recent := t0, t0.AddDate(0, 0, 10)
	slots := []scam.Slot{
		{Wall: old, At: old, Until: old, Status: scam.SlotSkipped, Reason: "late"},
		{Wall: old.Add(time.Hour), At: old.Add(time.Hour), Until: old.Add(2 * time.Hour), Status: scam.SlotPending, RetryAt: old},
		{Wall: recent, At: recent, Until: recent, Status: scam.SlotSkipped, Reason: "late"},
	}
	if ok, err := db.Advance(ctx, s, recent.AddDate(0, 0, 1), recent.AddDate(0, 0, 1), slots...); !ok || err != nil {
		t.Fatalf("Advance = %v, %v", ok, err)
	}
	db.RecordTip(ctx, c, "old-tip", old)
	db.RecordTip(ctx, c, "new-tip", recent)

	n, err := db.PruneHistory(ctx, old.AddDate(0, 0, 5))
	if err != nil || n != 2 {
		t.Fatalf("PruneHistory = %d, %v; want 2 rows (one finished slot, one tip)", n, err)
	}
	got, _ := db.Slots(ctx, s.ID, 10)
	if len(got) != 2 || got[0].Wall != recent || got[1].Status != scam.SlotPending {
		t.Errorf("slots left = %+v, want the recent one and the open one", got)
	}
	if ids, _, _ := db.TipsSeen(ctx, c, 10); len(ids) != 1 || ids[0] != "new-tip" {
		t.Errorf("tips left = %v, want [new-tip]", ids)
	}
}
