package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/sqlite"
)

// freshDB makes an empty database in a temp directory, as the bot would on
// its first start, and returns its path.
func freshDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "scamwarn.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveSettings(context.Background(), scam.ChatRef{Platform: "telegram", ID: "1"},
		scam.ChatSettings{Alerts: true, AlertLevel: scam.High}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// runEnv is runCmd with an environment of the test's choosing.
func runEnv(t *testing.T, env []string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, env, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

func TestDBStatsPrintsAlignedFigures(t *testing.T) {
	path := freshDB(t)
	out, _, err := runCmd(t, "", "db", "stats", "--db", path)
	if err != nil {
		t.Fatalf("db stats: %v", err)
	}
	for _, want := range []string{"database             " + path, "schema version       2", "chats                1 (alerts on in 1)", "checks, last 7 days  0"} {
		if !strings.Contains(out, want) {
			t.Errorf("got output without %q:\n%s", want, out)
		}
	}
}

func TestDBStatsJSONParses(t *testing.T) {
	path := freshDB(t)
	out, _, err := runCmd(t, "", "db", "stats", "--json", "--db", path)
	if err != nil {
		t.Fatalf("db stats --json: %v", err)
	}
	var st sqlite.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("got output that is not JSON: %v\n%s", err, out)
	}
	if st.Path != path || st.Chats != 1 || st.ChatsAlertsOn != 1 || st.SizeBytes <= 0 {
		t.Errorf("got %+v, want path %s, 1 chat with alerts on, a size", st, path)
	}
	var keys map[string]any
	json.Unmarshal([]byte(out), &keys)
	for _, k := range []string{"path", "size_bytes", "schema_version", "slots_30d", "checks_7d", "feedback", "rate_limit_rows"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("got JSON without the key %q", k)
		}
	}
}

func TestDBFindsTheDatabase(t *testing.T) {
	path := freshDB(t)
	other := filepath.Join(t.TempDir(), "nothing-here.db")
	tests := []struct {
		name    string
		env     []string
		args    []string
		wantErr string // "" for success
	}{
		{"--db names the file", nil, []string{"db", "stats", "--db", path}, ""},
		{"$SCAMWARN_DB names it without --db", []string{"SCAMWARN_DB=" + path}, []string{"db", "stats"}, ""},
		{"--db wins over $SCAMWARN_DB", []string{"SCAMWARN_DB=" + other}, []string{"db", "stats", "--db", path}, ""},
		{"a missing file is a clear error", []string{"SCAMWARN_DB=" + other}, []string{"db", "stats"}, "no database at " + other},
		{"a missing file to back up is a clear error", nil, []string{"db", "backup", "--db", other, filepath.Join(t.TempDir(), "b.db")}, "no database at " + other},
		{"a directory is refused", nil, []string{"db", "stats", "--db", t.TempDir()}, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runEnv(t, tt.env, tt.args...)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("got %v, want success", err)
				}
				return
			}
			if err == nil || !strings.Contains(scam.UserMessage(err), tt.wantErr) {
				t.Fatalf("got %v, want an error saying %q", err, tt.wantErr)
			}
		})
	}
	if _, err := os.Stat(other); !os.IsNotExist(err) {
		t.Errorf("got a file at %s after the commands, want none created (err %v)", other, err)
	}
}

func TestDBBackupWritesAFileThatOpens(t *testing.T) {
	path := freshDB(t)
	dst := filepath.Join(t.TempDir(), "backup.db")
	out, _, err := runCmd(t, "", "db", "backup", "--db", path, dst)
	if err != nil {
		t.Fatalf("db backup: %v", err)
	}
	if !strings.Contains(out, dst) || !strings.Contains(out, "KiB") {
		t.Errorf("got %q, want the destination and its size", out)
	}
	db, err := sqlite.Open(context.Background(), dst)
	if err != nil {
		t.Fatalf("open the backup: %v", err)
	}
	defer db.Close()
	s, err := db.Settings(context.Background(), scam.ChatRef{Platform: "telegram", ID: "1"})
	if err != nil || !s.Alerts {
		t.Errorf("got settings %+v, %v in the backup, want alerts on", s, err)
	}
}

func TestDBRejectsBadArguments(t *testing.T) {
	path := freshDB(t)
	existing := filepath.Join(t.TempDir(), "there.db")
	if err := os.WriteFile(existing, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		wantMsg string
	}{
		{"a backup onto an existing file is refused", []string{"db", "backup", "--db", path, existing}, "already exists"},
		{"a backup without DEST is refused", []string{"db", "backup", "--db", path}, "one DEST"},
		{"a backup with two DESTs is refused", []string{"db", "backup", "--db", path, "a", "b"}, "one DEST"},
		{"stats with an argument is refused", []string{"db", "stats", "--db", path, "x"}, "no arguments"},
		{"an unknown flag is refused", []string{"db", "stats", "--nope"}, ""},
		{"db alone is refused", []string{"db"}, "subcommand"},
		{"an unknown subcommand is refused", []string{"db", "restore"}, "unknown db subcommand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCmd(t, "", tt.args...)
			if got := exitCode(err); err == nil || got != 2 {
				t.Fatalf("got %v (exit code %d), want exit code 2", err, got)
			}
			if !strings.Contains(scam.UserMessage(err), tt.wantMsg) {
				t.Errorf("got %q, want it to say %q", scam.UserMessage(err), tt.wantMsg)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep" {
		t.Errorf("got %q in the existing file, want it untouched", b)
	}
}
