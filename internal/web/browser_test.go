package web_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/scamwarn/scamwarn/internal/web"
)

// TestBrowserChecksAPastedMessage drives a real headless Chromium through
// the page as a person would: type, click, read. The page has no script, so
// this is the only test that shows the form, the escaping and the marks
// work in a browser, not just in the HTML we send.
func TestBrowserChecksAPastedMessage(t *testing.T) {
	s, _ := newServer(t, web.Config{})
	ts := httptest.NewServer(s.Handler()) // loopback
	t.Cleanup(ts.Close)
	browser := startBrowser(t) // stops before the server does

	t.Run("an English reader sees a scam marked, and pasted HTML stays text", func(t *testing.T) {
		const hostile = `<img src=x onerror=alert(1)>`
		tab := openTab(t, browser, "en-GB,en;q=0.9")
		check(t, tab, ts.URL, pigButchering+" "+hostile)

		if got := run(t, tab, chromedp.AttributeValue(chromedp.ID("verdict"), "data-level")).Value; got != "high" {
			t.Errorf("data-level = %q, want high", got)
		}
		if got := run(t, tab, chromedp.Text(chromedp.CSS("#verdict h2"))); got != "Very likely a scam" {
			t.Errorf("headline = %q, want %q", got, "Very likely a scam")
		}
		marks := marksOf(t, tab)
		if len(marks) == 0 {
			t.Fatal("no mark in the message")
		}
		found := false
		for _, m := range marks {
			found = found || m == "Deposit USDT"
		}
		if !found {
			t.Errorf("marks = %q, want one that reads %q", marks, "Deposit USDT")
		}
		if n := run(t, tab, chromedp.Evaluate[int](`document.querySelectorAll("ul.flags li").length`)); n == 0 {
			t.Error("no red flag is listed")
		}
		if n := run(t, tab, chromedp.Evaluate[int](`document.querySelectorAll("#verdict .message img").length`)); n != 0 {
			t.Errorf("the pasted <img> became %d element(s) inside the message", n)
		}
		if got := run(t, tab, chromedp.TextContent(chromedp.CSS("#verdict .message"))); !strings.Contains(got, hostile) {
			t.Errorf("the message does not show %q as text: %q", hostile, got)
		}
	})

	t.Run("a French reader gets the page and the verdict in French", func(t *testing.T) {
		tab := openTab(t, browser, "fr-FR,fr;q=0.9")
		check(t, tab, ts.URL, pigButchering)

		if got := run(t, tab, chromedp.Text(chromedp.CSS("h1"))); !strings.Contains(got, "Est-ce une arnaque") {
			t.Errorf("title = %q, want it to ask %q", got, "Est-ce une arnaque")
		}
		if got := run(t, tab, chromedp.AttributeValue(chromedp.CSS("html"), "lang")).Value; got != "fr" {
			t.Errorf(`<html lang=%q>, want "fr"`, got)
		}
		if got := run(t, tab, chromedp.Text(chromedp.CSS("#verdict h2"))); got != "Très probablement une arnaque" {
			t.Errorf("headline = %q, want %q", got, "Très probablement une arnaque")
		}
	})

	t.Run("a harmless message is low and nothing is marked", func(t *testing.T) {
		tab := openTab(t, browser, "en")
		check(t, tab, ts.URL, "See you at lunch tomorrow at noon, the usual place?")

		if got := run(t, tab, chromedp.AttributeValue(chromedp.ID("verdict"), "data-level")).Value; got != "low" {
			t.Errorf("data-level = %q, want low", got)
		}
		if marks := marksOf(t, tab); len(marks) != 0 {
			t.Errorf("marks = %q, want none", marks)
		}
	})
}

// check opens the page, types text into the box, submits the form and
// waits for the verdict.
func check(t *testing.T, tab context.Context, base, text string) {
	t.Helper()
	if err := chromedp.Do(tab,
		chromedp.Navigate(base+"/"),
		chromedp.SendKeys(chromedp.ID("text"), text),
	); err != nil {
		t.Fatalf("typing into the form: %v", err)
	}
	resp, err := chromedp.RunResponse(tab, chromedp.Click(chromedp.CSS(`form button[type="submit"]`)))
	if err != nil {
		t.Fatalf("submitting the form: %v", err)
	}
	if resp.Status != 200 {
		t.Fatalf("the form post answered %d", resp.Status)
	}
	if err := chromedp.Do(tab, chromedp.WaitVisible(chromedp.ID("verdict"))); err != nil {
		t.Fatalf("waiting for the verdict: %v", err)
	}
}

// marksOf is the text of every red flag marked in the message.
func marksOf(t *testing.T, tab context.Context) []string {
	t.Helper()
	return run(t, tab, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#verdict .message mark"), m => m.textContent)`))
}

func run[T any](t *testing.T, tab context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(tab, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// openTab opens a tab in a fresh browser context (its own cookies and
// cache) that sends acceptLanguage, and closes it when the test ends.
func openTab(t *testing.T, browser context.Context, acceptLanguage string) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(browser, 60*time.Second)
	tab, closeTab := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(func() { closeTab(); cancel() })
	if _, err := chromedp.Call(tab, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{
		Headers: network.Headers{"Accept-Language": acceptLanguage},
	}); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return tab
}

// startBrowser starts headless Chromium for the test and stops it, and every
// process it started, when the test ends. Without a browser the test skips
// on a workstation and fails on CI, where .ci/run installs one.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		const msg = "no chromium, chromium-browser or google-chrome on PATH (apt-get install chromium)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var out lockedBuffer
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		// Nothing but loopback is reachable; don't let it try.
		chromedp.Flag("disable-component-update", true),
		chromedp.CombinedOutput(&out),
	)
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browser, stop := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		stop() // waits for the browser to exit
		cancelAlloc()
		cancel()
		if t.Failed() {
			t.Logf("browser output:\n%s", out.String())
		}
	})
	// The first run starts the browser; later tabs share it.
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v\n%s", path, err, out.String())
	}
	return browser
}

// lockedBuffer collects the browser's output, written from another goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
