package scam

import "time"

// ChatRef names one chat (a group, a channel, a private chat) on one
// platform. Telegram's private chat ids equal user ids: storage keeps a
// ChatRef in clear only where the bot must post to it (schedules, notice
// chats) and a keyed hash of it everywhere else.
type ChatRef struct {
	Platform string `json:"platform"` // "telegram", "discord", "terminal"
	ID       string `json:"id"`       // the platform's chat or channel id
}

// ChatSettings are what a chat's people chose for it. The zero value is the
// default: the reader's own language, no country, alerts off.
type ChatSettings struct {
	Lang    string `json:"lang,omitempty"`    // a catalog language; "" follows each reader's platform language
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2 code; "" when unknown
	Alerts  bool   `json:"alerts"`            // warn in the chat when a scam shows up
	// AlertLevel is the lowest level that triggers a warning: High or
	// Medium. Stored settings never hold Low.
	AlertLevel Level `json:"alert_level"`
	// NoticeChat is the chat, on the same platform, that receives moderator
	// notices; "" when nobody is notified.
	NoticeChat string `json:"notice_chat,omitempty"`
}

// Schedule is a standing order to post awareness tips to a chat.
type Schedule struct {
	ID   int64
	Chat ChatRef
	// Cadence is the canonical form of when to post: "daily 09:00",
	// "weekly mon,thu 09:00", "every 6h from 08:00" or "cron 0 9 * * 1-5".
	// Package schedule parses and validates it.
	Cadence string
	Zone    string   // IANA time zone name, such as "Asia/Manila"
	Lang    string   // the language of the tips
	Tags    []string // only tips with one of these tags; all when empty
	// Quiet is a range of local time with no tips, "22:00-07:00"; "" for none.
	Quiet string
	// OnlyIfActive skips a slot when nobody wrote in the chat since the
	// last tip.
	OnlyIfActive bool
	// Paused says why the schedule stopped (the bot was removed from the
	// chat, lost permission...); "" while it runs.
	Paused string
	// NextWall names the next slot by its local wall-clock time, written
	// as a UTC time (09:00 UTC here means 09:00 in Zone). It identifies the
	// slot even on a day when daylight saving moves the actual instant.
	NextWall time.Time
	// Next is the instant the next slot is due.
	Next    time.Time
	Created time.Time
}

// SlotStatus is the state of one slot of a schedule.
type SlotStatus string

// The slot states. A slot is claimed before anything is posted, so a crash
// or a second instance can never post it twice.
const (
	SlotPending SlotStatus = "pending" // waiting to be posted, maybe after a failed attempt
	SlotPosting SlotStatus = "posting" // an instance holds it and is posting now
	SlotPosted  SlotStatus = "posted"  // the tip was posted
	SlotMissed  SlotStatus = "missed"  // it should have been posted and was not; Reason says why
	SlotSkipped SlotStatus = "skipped" // left out on purpose: quiet hours, no activity, too late
)

// Slot is one due time of one schedule, and what became of it.
type Slot struct {
	Schedule int64
	// Wall is the slot's local wall-clock time written as UTC (see
	// Schedule.NextWall); with Schedule it is the slot's identity.
	Wall time.Time
	Chat ChatRef
	At   time.Time // the instant it was due
	// Until ends the window in which it may still be posted: the grace
	// period, or the next slot, whichever comes first.
	Until    time.Time
	Status   SlotStatus
	Reason   string // why it was missed or skipped
	TipID    string
	Attempts int
	RetryAt  time.Time // a pending slot is not tried before this
	// Owner and LeaseUntil say which instance is posting it and until
	// when that claim holds.
	Owner      string
	LeaseUntil time.Time
	Posted     time.Time
}

// Feedback is one reader's judgement of one verdict. It holds no text and
// no user id: Verdict is a keyed hash chosen by the bot.
type Feedback struct {
	Verdict  string // a stable reference to the verdict, such as a hash of the checked text
	User     string // the platform user id; storage keeps only a keyed hash of it
	Helpful  bool   // true for "helpful", false for "this is wrong"
	Level    Level
	Category Category
	Rules    []string // the rule ids of the verdict's signals
	At       time.Time
}
