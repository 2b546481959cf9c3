package discordtest

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync/atomic"
	"time"
)

// discordEpoch is the first millisecond of 2015, where snowflakes count from.
const discordEpoch = 1420070400000

// lastID is shared by all servers so builders work without one and ids never
// repeat within a test binary.
var lastID atomic.Uint64

// NewID returns a fresh snowflake: it encodes the current time, as Discord's
// do, and is greater than every id returned before.
func NewID() string {
	for {
		old := lastID.Load()
		next := uint64(time.Now().UnixMilli()-discordEpoch) << 22
		if next <= old {
			next = old + 1
		}
		if lastID.CompareAndSwap(old, next) {
			return strconv.FormatUint(next, 10)
		}
	}
}

// randomHex returns n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails since Go 1.24
	return hex.EncodeToString(b)
}

// timestamp formats t as Discord does (RFC 3339 with microseconds).
func timestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000Z07:00")
}

// shardOf is Discord's shard formula: (guild_id >> 22) % shard_count. Ids
// that are not numbers land on shard 0.
func shardOf(guildID string, count int) int {
	if count <= 1 {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(count))
}
