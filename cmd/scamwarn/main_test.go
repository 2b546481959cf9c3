package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
)

func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, []string{"LANG=C"}, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

const pigButchering = "Hi, sorry wrong number! Anyway, my uncle is a professional trader and his platform gives guaranteed returns. " +
	"Let's talk on WhatsApp. Deposit USDT (TRC20) to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t to start."

func TestCheckExplainsRedFlags(t *testing.T) {
	out, _, err := runCmd(t, "", "check", pigButchering)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	for _, want := range []string{"VERY LIKELY A SCAM", "Red flags found", "“guaranteed returns”", "What to do", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckReadsStandardInput(t *testing.T) {
	out, _, err := runCmd(t, "FREE NITRO!!! claim at https://dlscord-gift.xyz/claim now", "check", "--json")
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := "advice category category_text checked_bytes headline language level score signals text_language truncated"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("JSON keys = %s, want %s", got, want)
	}
	if r["level"] == "low" {
		t.Errorf("level = %v, want medium or high", r["level"])
	}
	sig := r["signals"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "category", "weight", "explain", "explanation", "evidence"} {
		if _, ok := sig[k]; !ok {
			t.Errorf("signal lacks %q: %v", k, sig)
		}
	}
}

func TestCheckBadInput(t *testing.T) {
	tests := []struct {
		name    string
		stdin   string
		args    []string
		wantErr string // "" means success
		wantOut string
	}{
		{"refuses empty input with a clear error", "   \n", []string{"check"}, "nothing to check", ""},
		{"refuses two texts", "", []string{"check", "a", "b"}, "one TEXT argument", ""},
		{"checks invalid UTF-8 as text", "", []string{"check", "free \xff\xfe nitro \xc3"}, "", "“free \uFFFD nitro”"},
		{"checks text with NUL bytes", "", []string{"check", "hello\x00world"}, "", "NO STRONG RED FLAGS"},
		{"says when a huge input was only partly checked", strings.Repeat("just some ordinary words ", 420000), []string{"check"}, "", "Only the first 65536 bytes"},
		{"names an unknown command", "", []string{"chekc"}, "usage shown", ""},
		{"rejects an unknown flag", "", []string{"check", "--nope", "x"}, "usage shown", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, tt.stdin, tt.args...)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("error %v, want success", err)
				}
			} else if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("output lacks %q:\n%.400s", tt.wantOut, out)
			}
		})
	}
}

func TestCheckAnswersInTheAskedLanguageOrSaysItCannot(t *testing.T) {
	_, errOut, err := runCmd(t, "", "check", "--lang", "xx", "hello")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "answering in English") {
		t.Errorf("stderr = %q, want a note that English is used", errOut)
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalReportsTheDocumentedSchema(t *testing.T) {
	tsv := writeFile(t, "small.tsv", "scam\t"+pigButchering+"\tmine\nham\thow was the concert last night?\tmine\nham\tsee you at 6\n")
	out, _, err := runCmd(t, "", "eval", "--json", tsv)
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	var r map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if got, want := strings.Join(keys, " "), "by_source f1 false_alarm_rate fn fp msgs_per_sec n p99_us precision recall tn tp"; got != want {
		t.Errorf("keys = %s, want %s", got, want)
	}
	var rep evalReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.N != 3 || rep.TP != 1 || rep.TN != 2 || rep.BySource["mine"].N != 2 || rep.BySource["small"].N != 1 {
		t.Errorf("report = %+v, by_source %+v", rep.evalCounts, rep.BySource)
	}
}

func TestEvalRefusesMalformedLinesWithTheirNumbers(t *testing.T) {
	tsv := writeFile(t, "bad.tsv", "ham\tfine\nspam\tnot a label\nonly-one-column\nham\tok\n")
	_, _, err := runCmd(t, "", "eval", tsv)
	if err == nil {
		t.Fatal("eval succeeded on a malformed file")
	}
	msg := scam.UserMessage(err)
	for _, want := range []string{"line 2", "line 3"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not name %s", msg, want)
		}
	}
	if _, _, err := runCmd(t, "", "eval", "--level", "low", tsv); scam.CodeOf(err) != scam.CodeBadArgument {
		t.Errorf("--level low: error %v, want a bad-argument error", err)
	}
}

func TestDomainListsReloadOnHangup(t *testing.T) {
	eng, err := detect.New(detect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	deny := writeFile(t, "deny.txt", "# empty at first\n")
	lists := domainLists{deny: deny}
	if err := lists.load(eng); err != nil {
		t.Fatal(err)
	}
	msg := scam.Message{Text: "see https://harmless-looking.example.net/page"}
	if v := eng.Check(msg); v.Level != scam.Low {
		t.Fatalf("before the reload: level %v, want low", v.Level)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hup := make(chan os.Signal, 1)
	go lists.reloadOn(ctx, eng, hup, slog.New(slog.NewTextHandler(io.Discard, nil)))

	if err := os.WriteFile(deny, []byte("example.net\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hup <- nil
	deadline := time.Now().Add(5 * time.Second)
	for eng.Check(msg).Level == scam.Low {
		if time.Now().After(deadline) {
			t.Fatal("the deny list was not reloaded")
		}
		time.Sleep(5 * time.Millisecond)
	}
	// A broken file keeps the lists in force.
	if err := os.WriteFile(deny, []byte("not a domain\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hup <- nil
	time.Sleep(50 * time.Millisecond)
	if eng.Check(msg).Level == scam.Low {
		t.Error("a broken list file dropped the lists in force")
	}
}

func TestCheckLinesChecksEachLine(t *testing.T) {
	in := "hello, lunch at noon?\n\n" + pigButchering + "\n"
	out, _, err := runCmd(t, in, "check", "--lines")
	if err != nil {
		t.Fatalf("check --lines: %v", err)
	}
	got := strings.Split(strings.TrimSpace(out), "\n")
	if len(got) != 2 || !strings.HasPrefix(got[0], "1\tlow\t") || !strings.HasPrefix(got[1], "3\thigh\tinvestment\t") {
		t.Errorf("output = %q", got)
	}
	out, _, err = runCmd(t, in, "check", "--lines", "--json")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("%d JSON lines, want 2:\n%s", n, out)
	}
}

func TestTipsListAndShow(t *testing.T) {
	out, _, err := runCmd(t, "", "tips", "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID, Lang, Title, Body string
		Tags, Sources         []string
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("tips list --json: %v\n%s", err, out)
	}
	if len(list) < 40 {
		t.Errorf("%d tips, want at least 40", len(list))
	}
	for _, tp := range list {
		if tp.ID == "" || tp.Title == "" || tp.Body == "" || len(tp.Tags) == 0 || len(tp.Sources) == 0 {
			t.Errorf("incomplete tip %+v", tp)
		}
	}
	out, _, err = runCmd(t, "", "tips", "list", "--tag", "job")
	if err != nil || out == "" || strings.Count(out, "\n") >= len(list) {
		t.Errorf("tips list --tag job: %d lines, %v", strings.Count(out, "\n"), err)
	}
	out, _, err = runCmd(t, "", "tips", "show", list[0].ID)
	if err != nil || !strings.Contains(out, list[0].Title) || !strings.Contains(out, list[0].Sources[0]) {
		t.Errorf("tips show: %v\n%s", err, out)
	}
	for _, args := range [][]string{
		{"tips"}, {"tips", "frobnicate"}, {"tips", "show"}, {"tips", "show", "no-such-tip"},
		{"tips", "list", "--tag", "jobs"}, {"tips", "list", "extra"},
	} {
		if _, _, err := runCmd(t, "", args...); err == nil {
			t.Errorf("%v: no error", args)
		} else if msg := scam.UserMessage(err); msg == "" || strings.Contains(msg, "runtime") {
			t.Errorf("%v: unclear error %q", args, msg)
		}
	}
	_, errOut, err := runCmd(t, "", "tips", "list", "--lang", "xx")
	if err != nil || !strings.Contains(errOut, "showing English") {
		t.Errorf("tips list --lang xx: %v, stderr %q", err, errOut)
	}
}
