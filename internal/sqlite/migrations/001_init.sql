-- 001: the first schema. Never edit a released migration: add a new file.
--
-- Privacy: no message text anywhere. chat_key, user_key and verdict are
-- keyed hashes (HMAC-SHA256 with the instance secret in meta). A chat id is
-- kept in clear only where the bot must post to it: a schedule's chat and a
-- moderator notice chat.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

-- Settings and activity per chat.
CREATE TABLE chats (
    chat_key      TEXT PRIMARY KEY,
    platform      TEXT NOT NULL,
    lang          TEXT NOT NULL DEFAULT '',
    country       TEXT NOT NULL DEFAULT '',
    alerts        INTEGER NOT NULL DEFAULT 0,
    alert_level   TEXT NOT NULL DEFAULT 'high',
    notice_chat   TEXT NOT NULL DEFAULT '',
    last_activity INTEGER NOT NULL DEFAULT 0, -- unix seconds
    updated       INTEGER NOT NULL
) STRICT;

-- Tip schedules. next_wall is the next slot's local wall-clock time written
-- as UTC unix seconds; next_at is the instant it is due.
CREATE TABLE schedules (
    id             INTEGER PRIMARY KEY,
    chat_key       TEXT NOT NULL,
    platform       TEXT NOT NULL,
    chat_id        TEXT NOT NULL,
    cadence        TEXT NOT NULL,
    zone           TEXT NOT NULL,
    lang           TEXT NOT NULL,
    tags           TEXT NOT NULL DEFAULT '', -- comma-separated
    quiet          TEXT NOT NULL DEFAULT '',
    only_if_active INTEGER NOT NULL DEFAULT 0,
    paused         TEXT NOT NULL DEFAULT '',
    next_wall      INTEGER NOT NULL,
    next_at        INTEGER NOT NULL,
    created        INTEGER NOT NULL
) STRICT;
CREATE INDEX schedules_due ON schedules (next_at) WHERE paused = '';
CREATE INDEX schedules_chat ON schedules (chat_key);

-- One row per slot a schedule reached: the claim that makes posting happen
-- at most once, and what became of it. retry_at is when an open slot
-- (pending or posting) next needs attention: its next attempt, or the end of
-- a posting instance's lease.
CREATE TABLE slots (
    schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    wall        INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    until       INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'posting', 'posted', 'missed', 'skipped')),
    reason      TEXT NOT NULL DEFAULT '',
    tip_id      TEXT NOT NULL DEFAULT '',
    attempts    INTEGER NOT NULL DEFAULT 0,
    retry_at    INTEGER NOT NULL DEFAULT 0,
    owner       TEXT NOT NULL DEFAULT '',
    lease_until INTEGER NOT NULL DEFAULT 0,
    posted      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (schedule_id, wall)
) STRICT;
CREATE INDEX slots_open ON slots (retry_at) WHERE status IN ('pending', 'posting');

-- Which tips a chat was shown, for rotation (scheduled and on request).
CREATE TABLE tips_posted (
    chat_key TEXT NOT NULL,
    tip_id   TEXT NOT NULL,
    at       INTEGER NOT NULL
) STRICT;
CREATE INDEX tips_posted_chat ON tips_posted (chat_key, at);

-- Fixed-window counters per key (a keyed hash of scope and user).
CREATE TABLE rate_limits (
    key          TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL
) STRICT;

-- One vote per reader per verdict; a second vote replaces the first.
CREATE TABLE feedback (
    verdict  TEXT NOT NULL,
    user_key TEXT NOT NULL,
    helpful  INTEGER NOT NULL,
    level    TEXT NOT NULL,
    category TEXT NOT NULL,
    day      TEXT NOT NULL, -- YYYY-MM-DD, UTC
    PRIMARY KEY (verdict, user_key)
) STRICT;
CREATE TABLE feedback_rules (
    verdict  TEXT NOT NULL,
    user_key TEXT NOT NULL,
    rule     TEXT NOT NULL,
    PRIMARY KEY (verdict, user_key, rule),
    FOREIGN KEY (verdict, user_key) REFERENCES feedback (verdict, user_key) ON DELETE CASCADE
) STRICT;

-- Checks per day, by where they came from, level and category.
CREATE TABLE check_counts (
    day      TEXT NOT NULL, -- YYYY-MM-DD, UTC
    platform TEXT NOT NULL,
    source   TEXT NOT NULL, -- "check" (someone asked) or "watch" (channel alerts)
    level    TEXT NOT NULL,
    category TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (day, platform, source, level, category)
) STRICT;
