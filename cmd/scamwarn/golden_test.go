package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestCheckOutputGolden pins the rendered answers of "scamwarn check":
// wording, order of red flags, quoting and the notes. Run with -update after
// a deliberate change and read the diff.
func TestCheckOutputGolden(t *testing.T) {
	sextortion := "I have your private video. Pay 500 USDT or I send it to all your friends and family. You have 24 hours."
	cases := []struct {
		name, text string
		flags      []string
	}{
		{"pig_butchering", pigButchering, nil},
		{"nitro_phishing", "FREE NITRO for 3 months!! claim it here before it expires: https://dlscord-gift.xyz/claim", nil},
		{"ordinary_chat", "are we still on for the picnic on Sunday? I'll bring the cake", nil},
		{"html_and_quotes", `click <a href="https://paypa1-secure.top/login">here</a> to "verify" your account & avoid suspension`, nil},
		{"chinese_job_lure", "高薪招聘客服，无需经验，包吃包住包机票，加飞机详谈", nil},
		{"sextortion_us", sextortion, []string{"--country", "US"}},
		{"pig_butchering_fr_ca", pigButchering, []string{"--lang", "fr-CA", "--country", "CA"}},
		{"nitro_phishing_zh_tw", "FREE NITRO for 3 months!! claim it here before it expires: https://dlscord-gift.xyz/claim", []string{"--lang", "zh-TW", "--country", "TW"}},
		{"ordinary_chat_country", "are we still on for the picnic on Sunday? I'll bring the cake", []string{"--country", "SG"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, _, err := runCmd(t, "", append(append([]string{"check"}, c.flags...), c.text)...)
			if err != nil {
				t.Fatalf("check: %v", err)
			}
			path := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/scamwarn -run Golden -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s:\n--- got ---\n%s\n--- want ---\n%s", path, out, want)
			}
		})
	}
}
