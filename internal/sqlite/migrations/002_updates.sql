-- Platform updates already taken, so that one re-delivered after a restart
-- (Telegram hands out every update until a later poll confirms it) or a
-- webhook retry is answered once. An update id says nothing about anyone.
CREATE TABLE updates_seen (
    source TEXT NOT NULL,    -- "telegram:<bot id>"
    id     INTEGER NOT NULL, -- the platform's update id
    at     INTEGER NOT NULL, -- unix seconds, for pruning
    PRIMARY KEY (source, id)
) STRICT, WITHOUT ROWID;
