package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// TestNoUserOrChatIDIsStoredInClear writes through every method that takes
// a user or a chat, then looks for their ids in every column of every table
// and in the bytes of the closed file.
func TestNoUserOrChatIDIsStoredInClear(t *testing.T) {
	const user, chatID = "user-8812345", "chat-99887766"
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	chat := scam.ChatRef{Platform: "telegram", ID: chatID}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	steps := []struct {
		name string
		do   func() error
	}{
		{"save settings", func() error {
			return db.SaveSettings(ctx, chat, scam.ChatSettings{Lang: "en", Country: "SG", Alerts: true, AlertLevel: scam.Medium})
		}},
		{"note activity", func() error { return db.NoteActivity(ctx, chat, now) }},
		{"note activity of the user's private chat", func() error {
			return db.NoteActivity(ctx, scam.ChatRef{Platform: "telegram", ID: user}, now)
		}},
		{"allow", func() error { _, err := db.Allow(ctx, "check", user, 5, time.Minute, now); return err }},
		{"allow in the chat", func() error { _, err := db.Allow(ctx, chatID, user, 5, time.Minute, now); return err }},
		{"record feedback", func() error {
			return db.RecordFeedback(ctx, scam.Feedback{Verdict: chatID + "/" + user, User: user, Helpful: true,
				Level: scam.High, Category: scam.Investment, Rules: []string{"invest.guaranteed"}, At: now})
		}},
		{"count a check", func() error {
			return db.CountCheck(ctx, now, "telegram", "watch", scam.High, scam.Investment)
		}},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
	}

	tables, err := tableNames(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		t.Run("the "+table+" table holds neither id", func(t *testing.T) {
			rows, err := db.sql.Query(fmt.Sprintf(`SELECT * FROM %q`, table))
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				for i, v := range vals {
					var b []byte
					switch v := v.(type) {
					case string:
						b = []byte(v)
					case []byte:
						b = v
					}
					for _, id := range []string{user, chatID} {
						if bytes.Contains(b, []byte(id)) {
							t.Errorf("got %q in %s.%s, want it only as a keyed hash", id, table, cols[i])
						}
					}
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
		})
	}

	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	t.Run("the closed file holds neither id", func(t *testing.T) {
		for _, p := range []string{path, path + "-wal"} {
			b, err := os.ReadFile(p)
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range []string{user, chatID} {
				if bytes.Contains(b, []byte(id)) {
					t.Errorf("got %q in the bytes of %s, want none", id, filepath.Base(p))
				}
			}
		}
	})
}

func tableNames(db *DB) ([]string, error) {
	rows, err := db.sql.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	if len(names) < 8 {
		return nil, fmt.Errorf("found only %d tables: %v", len(names), names)
	}
	return names, rows.Err()
}
