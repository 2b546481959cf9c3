package tips

import (
	"cmp"
	"hash/fnv"
	"slices"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Request asks for the next tip of one chat.
type Request struct {
	// Chat is a stable key of the chat (platform and chat id, or a hash of
	// them): each chat gets its own order, the same every time.
	Chat string
	Lang string   // a library language (see Match)
	Tags []string // only tips with one of these tags; all when empty
	// Seen lists the ids already posted in the chat, oldest first.
	Seen []string
	// Now is the time of posting in the chat's time zone; it decides
	// which seasonal tips are in season.
	Now time.Time
}

// Next returns the tip the chat should see next. Within one round the
// chat sees every tip of its pool once before any repeats; the pool is the
// tips with one of the requested tags that are in season. Tips translated
// into the chat's language come first in a round, high-priority and
// seasonal ones before the rest, and the remaining order is a shuffle that
// is fixed per chat. A tip without a translation is given in English.
func (l *Library) Next(r Request) (Tip, error) {
	if bad := UnknownTags(r.Tags); len(bad) > 0 {
		return Tip{}, scam.Errorf(scam.CodeBadArgument, "unknown tip tag %q", bad[0])
	}
	var pool []string
	for _, id := range l.ids {
		t := l.tips[Original][id]
		if t.HasTag(r.Tags...) && (t.Season == nil || t.Season.Contains(r.Now)) {
			pool = append(pool, id)
		}
	}
	if len(pool) == 0 {
		return Tip{}, scam.Errorf(scam.CodeNotFound, "no tips match these tags at this time of year")
	}
	// The current round began after the latest moment the chat had seen
	// the whole pool: walk back through the history until every tip of
	// the pool has appeared.
	inPool := make(map[string]bool, len(pool))
	for _, id := range pool {
		inPool[id] = true
	}
	seen := map[string]bool{}
	var round map[string]bool
	for i := len(r.Seen) - 1; i >= 0; i-- {
		id := r.Seen[i]
		if !inPool[id] || seen[id] {
			continue
		}
		seen[id] = true
		if len(seen) == len(pool) {
			// Everything after position i belongs to the current round.
			round = map[string]bool{}
			for _, later := range r.Seen[i+1:] {
				round[later] = true
			}
			break
		}
	}
	if round == nil {
		round = seen
	}
	// Never empty: before a first complete round some tip is unseen, and
	// after one, the tip that completed the walk back is not in the round.
	var left []string
	for _, id := range pool {
		if !round[id] {
			left = append(left, id)
		}
	}
	best := slices.MinFunc(left, func(a, b string) int {
		return cmp.Or(
			-cmp.Compare(l.rank(a, r), l.rank(b, r)),
			cmp.Compare(shuffle(r.Chat, a), shuffle(r.Chat, b)),
			cmp.Compare(a, b),
		)
	})
	t, _ := l.Get(best, r.Lang)
	return t, nil
}

// rank orders tips within a round: translated before untranslated, then
// seasonal (in season, since the pool holds no others) and high priority.
func (l *Library) rank(id string, r Request) int {
	t := l.tips[Original][id]
	n := 0
	if r.Lang == Original || l.Translated(id, r.Lang) {
		n += 4
	}
	if t.Season != nil {
		n += 2
	}
	if t.Priority == "high" {
		n++
	}
	return n
}

// shuffle gives each chat its own fixed order of the tips.
func shuffle(chat, id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(chat))
	h.Write([]byte{0})
	h.Write([]byte(id))
	return h.Sum64()
}
