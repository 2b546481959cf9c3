package sqlite

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestAllowCountsWithinAWindow(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	steps := []struct {
		name string
		user string
		at   time.Time
		want bool
	}{
		{"the first request is allowed", "u1", t0, true},
		{"the second is allowed", "u1", t0.Add(10 * time.Second), true},
		{"the third is allowed", "u1", t0.Add(20 * time.Second), true},
		{"the fourth is refused", "u1", t0.Add(30 * time.Second), false},
		{"a refused one is refused again", "u1", t0.Add(59 * time.Second), false},
		{"another user has an allowance of their own", "u2", t0.Add(59 * time.Second), true},
		{"the next window starts over", "u1", t0.Add(time.Minute), true},
		{"and counts again", "u1", t0.Add(time.Minute + time.Second), true},
		{"up to the limit", "u1", t0.Add(time.Minute + 2*time.Second), true},
		{"and refuses over it", "u1", t0.Add(time.Minute + 3*time.Second), false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			got, err := db.Allow(ctx, "check", st.user, 3, time.Minute, st.at)
			if err != nil || got != st.want {
				t.Errorf("got %v, %v, want %v", got, err, st.want)
			}
		})
	}
	t.Run("another scope has a counter of its own", func(t *testing.T) {
		if got, err := db.Allow(ctx, "feedback", "u1", 1, time.Minute, t0.Add(time.Minute)); err != nil || !got {
			t.Errorf("got %v, %v, want true", got, err)
		}
	})
}

func TestAllowRejectsBadArguments(t *testing.T) {
	db := openTemp(t)
	now := time.Now()
	tests := []struct {
		name        string
		scope, user string
		limit       int
		window      time.Duration
	}{
		{"a limit of zero is refused", "check", "u", 0, time.Minute},
		{"a negative limit is refused", "check", "u", -1, time.Minute},
		{"a window under a second is refused", "check", "u", 1, time.Millisecond},
		{"an empty scope is refused", "", "u", 1, time.Minute},
		{"an empty user is refused", "check", "", 1, time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.Allow(context.Background(), tt.scope, tt.user, tt.limit, tt.window, now)
			if got := scam.CodeOf(err); got != scam.CodeBadArgument {
				t.Errorf("got %v (%s), want bad_argument", err, got)
			}
		})
	}
}

func TestAllowUnderConcurrencyNeverExceedsTheLimit(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	const goroutines, calls, limit = 2, 100, 37
	var mu sync.Mutex
	allowed := 0
	var errs []error
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range calls {
				ok, err := db.Allow(ctx, "check", "u", limit, time.Hour, now)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else if ok {
					allowed++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if strings.Contains(err.Error(), "locked") || strings.Contains(err.Error(), "busy") {
			t.Errorf("got %v, want no lock errors", err)
		} else {
			t.Errorf("got %v, want no error", err)
		}
	}
	if allowed != limit {
		t.Errorf("got %d allowed of %d calls, want %d", allowed, goroutines*calls, limit)
	}
}

func TestPruneRateLimitsDeletesOldWindows(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i, u := range []string{"a", "b", "c"} {
		if _, err := db.Allow(ctx, "check", u, 5, time.Minute, t0.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.PruneRateLimits(ctx, t0.Add(2*time.Minute))
	if err != nil || n != 2 {
		t.Fatalf("got %d deleted, %v, want 2", n, err)
	}
	var left int
	db.sql.QueryRow(`SELECT COUNT(*) FROM rate_limits`).Scan(&left)
	if left != 1 {
		t.Errorf("got %d rows left, want 1 (the window that started at the cut)", left)
	}
}
