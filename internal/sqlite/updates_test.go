package sqlite

import (
	"sync"
	"testing"
	"time"
)

func TestFirstSeenTakesAnUpdateOnce(t *testing.T) {
	db := openTemp(t)
	ctx := t.Context()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	if first, err := db.FirstSeen(ctx, "telegram:1", 100001, now); !first || err != nil {
		t.Fatalf("first sight = %v, %v; want true", first, err)
	}
	if again, err := db.FirstSeen(ctx, "telegram:1", 100001, now); again || err != nil {
		t.Errorf("second sight = %v, %v; want false", again, err)
	}
	if other, _ := db.FirstSeen(ctx, "telegram:2", 100001, now); !other {
		t.Error("the same id from another bot counted as seen")
	}
	if _, err := db.FirstSeen(ctx, "", 1, now); err == nil {
		t.Error("an update without a source was accepted")
	}

	// Eight racers on one id: exactly one wins.
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for range 8 {
		wg.Go(func() {
			if first, err := db.FirstSeen(ctx, "telegram:1", 100002, now); err != nil {
				t.Error(err)
			} else if first {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("%d racers took the update, want 1", wins)
	}

	n, err := db.PruneUpdates(ctx, now.Add(time.Second))
	if err != nil || n != 3 {
		t.Errorf("PruneUpdates = %d, %v; want 3", n, err)
	}
	if first, _ := db.FirstSeen(ctx, "telegram:1", 100001, now); !first {
		t.Error("a pruned update still counts as seen")
	}
}
