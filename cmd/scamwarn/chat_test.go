package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChatPlaysTheWholeConversation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "chat.db")
	script := strings.Join([]string{
		"/start",
		pigButchering,
		":press 2",
		":group",
		"/alerts on",
		":member",
		"hello everyone, lunch at noon tomorrow?",
		pigButchering,
		"/tips daily 18:00",
		":group",
		"/tips daily 18:00 Asia/Manila",
		":paste",
		"first line of a message",
		"second line",
		".",
		":quit",
	}, "\n") + "\n"
	out, errs, err := runCmd(t, script, "chat", "--db", db)
	if err != nil {
		t.Fatalf("chat: %v\n%s", err, errs)
	}
	for _, want := range []string{
		"Privacy:",                                  // /start
		"Very likely a scam",                        // the private check
		"[1 Helpful] [2 This is wrong]",             // its buttons
		"Thank you",                                 // the vote
		"Scam alerts are now on",                    // an admin in the group
		"(the bot stays quiet)",                     // ordinary chat
		"Careful: this message has signs of a scam", // the warning to a member
		"Only the group's admins",                   // a member may not schedule
		"Tips scheduled: daily 18:00 (Asia/Manila)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the session lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("session:\n%s", out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("--db was not kept: %v", err)
	}
}

func TestChatRefusesArguments(t *testing.T) {
	if _, _, err := runCmd(t, "", "chat", "hello"); err == nil {
		t.Error("chat took an argument")
	}
}
