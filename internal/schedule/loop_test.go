package schedule_test

import (
	"testing"

	"github.com/scamwarn/scamwarn/internal/schedule/scheduletest"
)

func TestLoopWithMemStore(t *testing.T) {
	scheduletest.Run(t, func(*testing.T) scheduletest.Store { return scheduletest.NewMemStore() })
}
