package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigFileAndCheck(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "scamwarn.env")
	os.WriteFile(file, []byte("# settings\nTELEGRAM_TOKEN=123456:secret-value\nSCAMWARN_LOG_LEVEL='debug'\nexport SCAMWARN_HTTP=:8080\nSCAMWARN_DB="+filepath.Join(dir, "x.db")+"\n"), 0o600)
	var out, errb bytes.Buffer
	env := []string{"SCAMWARN_HTTP=127.0.0.1:9090"}
	if err := run(t.Context(), []string{"config", "check", "--config", file}, env, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("config check: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range [][3]string{
		{"TELEGRAM_TOKEN", "(set, 19 characters)", file},
		{"SCAMWARN_LOG_LEVEL", "debug", file},
		{"SCAMWARN_HTTP", "127.0.0.1:9090", "environment"}, // the environment wins over the file
		{"SCAMWARN_WEBHOOK_LISTEN", ":8443", "default"},
	} {
		if line := lineOf(got, want[0]+" "); !strings.Contains(line, want[1]) || !strings.Contains(line, want[2]) {
			t.Errorf("%s: %q, want %s from %s", want[0], line, want[1], want[2])
		}
	}
	if !strings.Contains(got, "The settings are valid.") {
		t.Errorf("output:\n%s", got)
	}
	if strings.Contains(got, "secret-value") {
		t.Error("a secret was printed")
	}

	out.Reset()
	err := run(t.Context(), []string{"config", "check"}, []string{"SCAMWARN_CONFIG=" + file, "SCAMWARN_LOG_LEVEL=loud", "SCAMWARN_DISCORD_SHARD=3/2"}, strings.NewReader(""), &out, &errb)
	if err == nil || !strings.Contains(out.String(), `SCAMWARN_LOG_LEVEL: --log-level "loud": want debug, info, warn or error`) || !strings.Contains(out.String(), "SCAMWARN_DISCORD_SHARD") {
		t.Errorf("bad settings: %v\n%s", err, out.String())
	}

	os.WriteFile(file, []byte("SCAMWARN_HTPP=:80\n"), 0o600)
	if _, _, err := runCmd(t, "", "config", "check", "--config", file); err == nil || !strings.Contains(err.Error(), "unknown setting SCAMWARN_HTPP") {
		t.Errorf("a typo: %v", err)
	}
	if _, _, err := runCmd(t, "", "config", "check", "--config", filepath.Join(dir, "missing.env")); err == nil {
		t.Error("a missing file was accepted")
	}
}

func lineOf(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}
